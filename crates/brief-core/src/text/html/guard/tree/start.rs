//! Start tags, by insertion mode: the table modes' rules, then the "in body" rules.

use super::*;

impl TreeModel {
    /// A start tag in an HTML insertion mode.
    pub(super) fn start_in(&mut self, mode: Mode, tag: &StartTag) -> Step {
        use Element::*;
        let t = tag.element;
        match mode {
            Mode::Table | Mode::TableBody | Mode::Row => self.start_in_table(mode, tag),
            Mode::Cell | Mode::Caption
                if matches!(
                    t,
                    Caption | Col | Colgroup | Tbody | Td | Tfoot | Th | Thead | Tr
                ) =>
            {
                self.close_cell_or_caption(mode)
            }
            Mode::ColumnGroup => match t {
                Col => Step::Done(None),
                Template => {
                    self.push_tag(tag);
                    self.formatting.push(Formatting::Marker);
                    Step::Done(None)
                }
                _ if self.top().is(Colgroup) => {
                    self.pop();
                    Step::Again
                }
                _ => Step::Done(None),
            },
            Mode::Template
                if matches!(t, Caption | Colgroup | Tbody | Tfoot | Thead | Tr | Td | Th) =>
            {
                self.push_tag(tag);
                Step::Done(None)
            }
            _ => self.start_in_body(tag),
        }
    }

    /// A start tag in the "in table", "in table body" and "in row" insertion modes.
    fn start_in_table(&mut self, mode: Mode, tag: &StartTag) -> Step {
        use Element::*;
        let t = tag.element;
        match t {
            Caption | Colgroup | Col | Tbody | Thead | Tfoot => {
                self.pop_until_current(Open::ends_table_scope);
                match t {
                    Caption => {
                        self.formatting.push(Formatting::Marker);
                        self.push_tag(tag);
                    }
                    Col => self.push_implied(Colgroup, b"colgroup"),
                    _ => {
                        self.push_tag(tag);
                    }
                }
                Step::Done(None)
            }
            Tr | Td | Th => self.start_row_or_cell(mode, tag),
            Table => match self.in_table_scope(Table) {
                Some(i) => {
                    self.truncate(i);
                    Step::Again
                }
                None => Step::Done(None),
            },
            Style | Script => Step::Done(raw_text(t)),
            Template => {
                self.push_tag(tag);
                self.formatting.push(Formatting::Marker);
                Step::Done(None)
            }
            Input | Form => Step::Done(None),
            _ => self.start_in_body(tag),
        }
    }

    /// `<tr>`, `<td>` or `<th>` in a table mode: back to the table body (implied if need be)
    /// and into a new row, or back to the row for a cell in a row.
    fn start_row_or_cell(&mut self, mode: Mode, tag: &StartTag) -> Step {
        use Element::*;
        let t = tag.element;
        if mode == Mode::Row && t == Tr || mode != Mode::Row {
            // Back to the table body (or the table), then into a new row.
            self.pop_until_current(|open| {
                open.ends_table_scope() || open.is(Tbody) || open.is(Thead) || open.is(Tfoot)
            });
            if self.top().is(Table) {
                self.push_implied(Tbody, b"tbody");
            }
            if t == Tr {
                self.push_tag(tag);
                return Step::Done(None);
            }
            self.push_implied(Tr, b"tr");
        } else {
            self.pop_until_current(|open| open.is(Tr) || open.is(Template) || open.is(Html));
        }
        self.push_tag(tag);
        self.formatting.push(Formatting::Marker);
        Step::Done(None)
    }

    /// A table-structure start tag in a cell or caption: closes the cell or caption, if one is
    /// in table scope, and has the tag reprocessed.
    fn close_cell_or_caption(&mut self, mode: Mode) -> Step {
        use Element::*;
        let found = if mode == Mode::Cell {
            self.in_scope(|open| open.is(Td) || open.is(Th), Open::ends_table_scope)
        } else {
            self.in_table_scope(Caption)
        };
        match found {
            Some(i) => {
                self.truncate(i);
                self.clear_to_marker();
                Step::Again
            }
            None => Step::Done(None),
        }
    }

    /// A start tag in the "in body" insertion mode. The groups of rules it hands tags to are
    /// inlined into it (it runs for nearly every start tag of a page).
    fn start_in_body(&mut self, tag: &StartTag) -> Step {
        use Element::*;
        let t = tag.element;
        match t {
            Html | Body | Head | Frame | Caption | Col | Colgroup | Tbody | Td | Tfoot | Th
            | Thead | Tr => {}
            // A frameset may replace the body; html5ever then ignores most tags. Whether it
            // does depends on what came before, so from here on the model only deepens.
            Frameset => {
                self.frameset = true;
                self.push_tag(tag);
            }
            Base | Basefont | Bgsound | Link | Meta | Param | Source | Track => {}
            Area | Br | Embed | Img | Image | Keygen | Wbr => self.reconstruct(),
            Noframes | Script | Style | Title | Textarea | Iframe | Noembed => {
                return Step::Done(raw_text(t));
            }
            Template => {
                self.push_tag(tag);
                self.formatting.push(Formatting::Marker);
            }
            Address | Article | Aside | Blockquote | Center | Details | Dialog | Dir | Div | Dl
            | Fieldset | Figcaption | Figure | Footer | Header | Hgroup | Main | Nav | Ol | P
            | Search | Section | Summary | Ul | Menu | Pre | Listing | Hr | Xmp | Form | Li
            | Dd | Dt | Plaintext | Button => return self.start_block(tag),
            _ if t.is_heading() => return self.start_block(tag),
            A | Nobr | Applet | Marquee | Object => self.start_formatting(tag),
            _ if t.is_formatting() => self.start_formatting(tag),
            Input | Select | Option | Optgroup => self.start_form_control(tag),
            Rb | Rtc | Rp | Rt => {
                if self.in_default_scope(Ruby).is_some() {
                    self.implied_end_tags(if matches!(t, Rp | Rt) { Rtc } else { Other });
                }
                self.push_tag(tag);
            }
            Math | Svg => {
                self.reconstruct();
                if !tag.self_closing {
                    let ns = if t == Math { Ns::MathMl } else { Ns::Svg };
                    self.push(t, tag.name, ns, Point::None);
                }
            }
            // Tables do not close an open <p> here (they do outside quirks mode): deeper is safe.
            Table => {
                self.push_tag(tag);
            }
            _ => {
                self.reconstruct();
                self.push_tag(tag);
            }
        }
        Step::Done(None)
    }

    /// "In body": a start tag that closes an open `<p>` first (blocks, headings, list items,
    /// forms, `<hr>`, `<xmp>`, `<plaintext>`), and `<button>`.
    #[inline(always)]
    fn start_block(&mut self, tag: &StartTag) -> Step {
        use Element::*;
        let t = tag.element;
        match t {
            Hr => {
                self.close_p();
                if self.in_default_scope(Select).is_some() {
                    self.implied_end_tags(Other);
                }
            }
            Xmp => {
                self.close_p();
                self.reconstruct();
                return Step::Done(raw_text(t));
            }
            _ if t.is_heading() => {
                self.close_p();
                if self.top().ns == Ns::Html && self.top().element.is_heading() {
                    self.pop();
                }
                self.push_tag(tag);
            }
            Form => {
                if self.form.is_none() {
                    self.close_p();
                    self.form = Some(self.push_tag(tag));
                }
            }
            Li | Dd | Dt => {
                self.close_list_item(t);
                self.close_p();
                self.push_tag(tag);
            }
            Plaintext => {
                self.close_p();
                self.push_tag(tag);
                return Step::Done(Some(Raw::Plaintext));
            }
            Button => {
                if let Some(i) = self.in_default_scope(Button) {
                    self.truncate(i);
                }
                self.reconstruct();
                self.push_tag(tag);
            }
            _ => {
                self.close_p();
                self.push_tag(tag);
            }
        }
        Step::Done(None)
    }

    /// `<li>`, `<dd>` or `<dt>`: closes the open list item of the same kind, unless a special
    /// element other than `<address>`, `<div>` or `<p>` is above it.
    #[inline(always)]
    fn close_list_item(&mut self, t: Element) {
        use Element::*;
        for i in (0..self.stack.len()).rev() {
            let open = self.stack[i];
            let closes = if t == Li {
                open.is(Li)
            } else {
                open.is(Dd) || open.is(Dt)
            };
            if closes {
                self.truncate(i);
                break;
            }
            if open.is_special() && !open.is(Address) && !open.is(Div) && !open.is(P) {
                break;
            }
        }
    }

    /// "In body": formatting elements (an open `<a>` or `<nobr>` is closed first) and the
    /// elements that put a marker on the list of active formatting elements.
    #[inline(always)]
    fn start_formatting(&mut self, tag: &StartTag) {
        use Element::*;
        match tag.element {
            A => {
                self.close_open_a(tag);
                self.reconstruct();
                self.push_formatting(tag);
            }
            Nobr => {
                self.reconstruct();
                if self.in_default_scope(Nobr).is_some() {
                    self.adoption_agency(tag.name);
                    self.reconstruct();
                }
                self.push_formatting(tag);
            }
            Applet | Marquee | Object => {
                self.reconstruct();
                self.push_tag(tag);
                self.formatting.push(Formatting::Marker);
            }
            _ => {
                self.reconstruct();
                self.push_formatting(tag);
            }
        }
    }

    /// `<a>` while an `<a>` is in the list of active formatting elements: the adoption agency
    /// for it, then it is removed from the list and the stack if the agency left it there.
    fn close_open_a(&mut self, tag: &StartTag) {
        let start = self.after_marker();
        let open_a = self
            .formatting
            .iter()
            .skip(start)
            .rev()
            .find_map(|entry| match *entry {
                Formatting::Element {
                    element: Element::A,
                    id,
                    pos,
                    ..
                } => Some((id, pos)),
                _ => None,
            });
        if let Some((id, pos)) = open_a {
            let had_block = self.stack.iter().skip(pos + 1).any(Open::is_special);
            self.adoption_agency(tag.name);
            if !had_block {
                self.formatting.retain(
                    |entry| !matches!(entry, Formatting::Element { id: e, .. } if *e == id),
                );
                if let Some(i) = self.stack.iter().position(|open| open.id == id) {
                    self.remove_at(i);
                }
            }
        }
    }

    /// "In body": `<input>`, `<select>`, `<option>` and `<optgroup>`, which close or respect an
    /// open `<select>`.
    #[inline(always)]
    fn start_form_control(&mut self, tag: &StartTag) {
        use Element::*;
        let t = tag.element;
        match t {
            Input => {
                if let Some(i) = self.in_default_scope(Select) {
                    self.truncate(i);
                }
                self.reconstruct();
            }
            Select => {
                if let Some(i) = self.in_default_scope(Select) {
                    self.truncate(i);
                } else {
                    self.reconstruct();
                    self.push_tag(tag);
                }
            }
            _ => {
                if self.in_default_scope(Select).is_some() {
                    self.implied_end_tags(if t == Option { Optgroup } else { Other });
                } else if self.top().is(Option) {
                    self.pop();
                }
                self.reconstruct();
                self.push_tag(tag);
            }
        }
    }
}
