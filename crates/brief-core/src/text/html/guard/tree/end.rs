//! End tags, by insertion mode: the table modes' rules, then the "in body" rules.

use super::*;

impl TreeModel {
    /// An end tag in an HTML insertion mode.
    pub(super) fn end_in(&mut self, mode: Mode, t: Element, name: u64) -> Step {
        match mode {
            Mode::Table | Mode::TableBody | Mode::Row => self.end_in_table(mode, t, name),
            Mode::Cell => self.end_in_cell(t, name),
            Mode::Caption => self.end_in_caption(t, name),
            Mode::ColumnGroup => self.end_in_column_group(t),
            Mode::Body | Mode::Template => {
                self.end_in_body(t, name);
                Step::Done(None)
            }
        }
    }

    /// An end tag in the "in table", "in table body" and "in row" insertion modes.
    fn end_in_table(&mut self, mode: Mode, t: Element, name: u64) -> Step {
        use Element::*;
        let done = Step::Done(None);
        match t {
            Table => {
                if mode == Mode::Table {
                    if let Some(i) = self.in_table_scope(Table) {
                        self.truncate(i);
                    }
                    return done;
                }
                let reachable = if mode == Mode::Row {
                    self.in_table_scope(Tr).is_some()
                } else {
                    self.in_scope(
                        |o| o.is(Table) || o.is(Tbody) || o.is(Tfoot),
                        Open::ends_table_scope,
                    )
                    .is_some()
                };
                if reachable {
                    self.pop_to_table_context(mode);
                    return Step::Again;
                }
                done
            }
            Tr if mode == Mode::Row => {
                if self.in_table_scope(Tr).is_some() {
                    self.pop_to_table_context(mode);
                }
                done
            }
            Tbody | Tfoot | Thead if mode != Mode::Table => {
                if self.in_table_scope(t).is_some() {
                    if mode == Mode::Row {
                        if self.in_table_scope(Tr).is_some() {
                            self.pop_to_table_context(mode);
                            return Step::Again;
                        }
                        return done;
                    }
                    self.pop_to_table_context(mode);
                }
                done
            }
            Body | Caption | Col | Colgroup | Html | Tbody | Td | Tfoot | Th | Thead | Tr => done,
            Template => {
                self.end_template();
                done
            }
            _ => {
                self.end_in_body(t, name);
                done
            }
        }
    }

    /// An end tag in the "in cell" insertion mode.
    fn end_in_cell(&mut self, t: Element, name: u64) -> Step {
        use Element::*;
        let done = Step::Done(None);
        match t {
            Td | Th => {
                if let Some(i) = self.in_table_scope(t) {
                    self.truncate(i);
                    self.clear_to_marker();
                }
                done
            }
            Body | Caption | Col | Colgroup | Html => done,
            Table | Tbody | Tfoot | Thead | Tr => {
                if self.in_table_scope(t).is_some()
                    && let Some(i) = self.in_scope(|o| o.is(Td) || o.is(Th), Open::ends_table_scope)
                {
                    self.truncate(i);
                    self.clear_to_marker();
                    return Step::Again;
                }
                done
            }
            _ => {
                self.end_in_body(t, name);
                done
            }
        }
    }

    /// An end tag in the "in caption" insertion mode.
    fn end_in_caption(&mut self, t: Element, name: u64) -> Step {
        use Element::*;
        let done = Step::Done(None);
        match t {
            Caption | Table => {
                if let Some(i) = self.in_table_scope(Caption) {
                    self.truncate(i);
                    self.clear_to_marker();
                    if t == Table {
                        return Step::Again;
                    }
                }
                done
            }
            Body | Col | Colgroup | Html | Tbody | Td | Tfoot | Th | Thead | Tr => done,
            _ => {
                self.end_in_body(t, name);
                done
            }
        }
    }

    /// An end tag in the "in column group" insertion mode.
    fn end_in_column_group(&mut self, t: Element) -> Step {
        use Element::*;
        let done = Step::Done(None);
        match t {
            Col => done,
            Template => {
                self.end_template();
                done
            }
            _ if self.top().is(Colgroup) => {
                self.pop();
                if t == Colgroup { done } else { Step::Again }
            }
            _ => done,
        }
    }

    /// Pops a row (in `Row`) or a table section (in `TableBody`).
    pub(super) fn pop_to_table_context(&mut self, mode: Mode) {
        use Element::*;
        if mode == Mode::Row {
            self.pop_until_current(|o| o.is(Tr) || o.is(Template) || o.is(Html));
        } else {
            self.pop_until_current(|o| {
                o.is(Tbody) || o.is(Tfoot) || o.is(Thead) || o.is(Template) || o.is(Html)
            });
        }
        if !self.top().is(Template) {
            self.pop();
        }
    }

    /// `</template>`.
    pub(super) fn end_template(&mut self) {
        if let Some(i) = self
            .stack
            .iter()
            .rposition(|open| open.is(Element::Template))
        {
            self.truncate(i);
            self.clear_to_marker();
        }
    }

    /// An end tag in the "in body" insertion mode.
    pub(super) fn end_in_body(&mut self, t: Element, name: u64) {
        use Element::*;
        match t {
            Body | Html => {}
            Address | Article | Aside | Blockquote | Button | Center | Details | Dialog | Dir
            | Div | Dl | Fieldset | Figcaption | Figure | Footer | Header | Hgroup | Listing
            | Main | Menu | Nav | Ol | Pre | Search | Section | Select | Summary | Ul | Dd | Dt => {
                if let Some(i) = self.in_default_scope(t) {
                    self.truncate(i);
                }
            }
            Li => {
                if let Some(i) =
                    self.in_scope(|o| o.is(Li), |o| o.ends_scope() || o.is(Ol) || o.is(Ul))
                {
                    self.truncate(i);
                }
            }
            P => self.close_p(),
            Form => {
                if let Some(id) = self.form.take()
                    && let Some(i) = self.in_scope(|o| o.id == id, Open::ends_scope)
                {
                    self.remove_at(i);
                }
            }
            _ if t.is_heading() => {
                if let Some(i) = self.in_scope(
                    |o| o.ns == Ns::Html && o.element.is_heading(),
                    Open::ends_scope,
                ) {
                    self.truncate(i);
                }
            }
            _ if t.is_formatting() => self.adoption_agency(name),
            Applet | Marquee | Object => {
                if let Some(i) = self.in_default_scope(t) {
                    self.truncate(i);
                    self.clear_to_marker();
                }
            }
            Br => self.reconstruct(),
            Template => self.end_template(),
            _ => self.any_other_end_tag(name),
        }
    }
}
