//! A model of html5ever's tree builder: its stack of open elements and list of active
//! formatting elements, enough to know how deep the parsed page will nest.

use super::*;

/// An element's namespace.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ns {
    Html,
    Svg,
    MathMl,
}

/// Whether and how a foreign element lets HTML in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Point {
    /// Not an integration point.
    None,
    /// MathML `mi`, `mo`, `mn`, `ms`, `mtext`.
    MathText,
    /// SVG `foreignObject`, `desc`, `title`.
    SvgHtml,
    /// MathML `annotation-xml` with an HTML `encoding`.
    AnnotationHtml,
}

/// The tree builder's insertion mode, as "reset the insertion mode appropriately" would find it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Body,
    Table,
    TableBody,
    Row,
    Cell,
    Caption,
    ColumnGroup,
    Template,
}

/// An element on the model's stack of open elements.
#[derive(Debug, Clone, Copy)]
struct Open {
    /// The element, if known.
    t: T,
    /// Hash of its lowercase name.
    name: u64,
    /// Its namespace.
    ns: Ns,
    /// Whether it is an integration point.
    point: Point,
    /// Tells elements apart (for the list of active formatting elements).
    id: usize,
    /// The insertion mode while it is the current node.
    mode: Mode,
}

impl Open {
    /// An HTML element `t`.
    fn is(&self, t: T) -> bool {
        self.ns == Ns::Html && self.t == t
    }

    /// In html5ever's `special_tag` set (HTML elements only).
    fn is_special(&self) -> bool {
        self.ns == Ns::Html && self.t.is_special()
    }

    /// Ends the default scope.
    fn ends_scope(&self) -> bool {
        use T::*;
        match self.ns {
            Ns::Html => matches!(
                self.t,
                Applet | Caption | Html | Table | Td | Th | Marquee | Object | Select | Template
            ),
            _ => matches!(self.point, Point::MathText | Point::SvgHtml),
        }
    }

    /// Ends the table scope.
    fn ends_table_scope(&self) -> bool {
        self.is(T::Html) || self.is(T::Table) || self.is(T::Template)
    }

    /// An HTML element popped by "generate implied end tags".
    fn has_implied_end(&self) -> bool {
        self.ns == Ns::Html && self.t.has_implied_end()
    }
}

/// An entry in the list of active formatting elements.
#[derive(Debug, Clone, Copy)]
enum Formatting {
    /// A scope marker (cells, captions, applets, objects, marquees, templates).
    Marker,
    /// A formatting element.
    Element {
        t: T,
        name: u64,
        attrs: u64,
        /// The element's id, and where it was on the stack when pushed.
        id: usize,
        pos: usize,
    },
}

/// A model of html5ever's stack of open elements and list of active formatting elements.
pub(super) struct TreeModel {
    /// The stack of open elements (never empty: `html` stays at the bottom).
    stack: Vec<Open>,
    /// The list of active formatting elements.
    formatting: Vec<Formatting>,
    /// The form element pointer.
    form: Option<usize>,
    /// The next element's id.
    next_id: usize,
    /// A `<frameset>` was seen: start tags only push, end tags are ignored.
    frameset: bool,
}

impl TreeModel {
    /// Whether the next start tag would nest past [`MAX_DEPTH`] (or the list of active
    /// formatting elements, which can all be reopened at once, has grown past four times that).
    pub(super) fn too_deep(&self) -> bool {
        self.stack.len() >= MAX_DEPTH || self.formatting.len() > 4 * MAX_DEPTH
    }

    /// The state once `<html>` and `<body>` are open.
    pub(super) fn new() -> Self {
        let mut tree = Self {
            stack: Vec::new(),
            formatting: Vec::new(),
            form: None,
            next_id: 0,
            frameset: false,
        };
        tree.push(T::Html, fnv(b"html"), Ns::Html, Point::None);
        tree.push(T::Body, fnv(b"body"), Ns::Html, Point::None);
        tree
    }

    /// The current node.
    fn top(&self) -> Open {
        self.stack.last().copied().unwrap_or(Open {
            t: T::Html,
            name: 0,
            ns: Ns::Html,
            point: Point::None,
            id: 0,
            mode: Mode::Body,
        })
    }

    /// Whether `<![CDATA[` starts a CDATA section (the current node is foreign).
    pub(super) fn foreign_text(&self) -> bool {
        self.top().ns != Ns::Html
    }

    /// Pushes an element; returns its id.
    fn push(&mut self, t: T, name: u64, ns: Ns, point: Point) -> usize {
        let inherited = self.stack.last().map_or(Mode::Body, |open| open.mode);
        let mode = match (ns, t) {
            (Ns::Html, T::Td | T::Th) => Mode::Cell,
            (Ns::Html, T::Tr) => Mode::Row,
            (Ns::Html, T::Tbody | T::Thead | T::Tfoot) => Mode::TableBody,
            (Ns::Html, T::Caption) => Mode::Caption,
            (Ns::Html, T::Colgroup) => Mode::ColumnGroup,
            (Ns::Html, T::Table) => Mode::Table,
            (Ns::Html, T::Template) => Mode::Template,
            (Ns::Html, T::Body | T::Html) => Mode::Body,
            _ => inherited,
        };
        let id = self.next_id;
        self.next_id += 1;
        self.stack.push(Open {
            t,
            name,
            ns,
            point,
            id,
            mode,
        });
        id
    }

    /// Pushes an HTML element named by a start tag.
    fn push_tag(&mut self, tag: &StartTag) -> usize {
        self.push(tag.t, tag.name, Ns::Html, Point::None)
    }

    /// Pushes an implied HTML element.
    fn push_implied(&mut self, t: T, name: &[u8]) {
        self.push(t, fnv(name), Ns::Html, Point::None);
    }

    /// Pops elements down to (not including) index `len`; `html` stays.
    fn truncate(&mut self, len: usize) {
        self.stack.truncate(len.max(1));
    }

    /// Pops the current node.
    fn pop(&mut self) {
        let len = self.stack.len();
        self.truncate(len.saturating_sub(1));
    }

    /// The topmost element matching `target`, if no element ending the scope is above it.
    fn in_scope(
        &self,
        target: impl Fn(&Open) -> bool,
        ends: impl Fn(&Open) -> bool,
    ) -> Option<usize> {
        for (i, open) in self.stack.iter().enumerate().rev() {
            if target(open) {
                return Some(i);
            }
            if ends(open) {
                return None;
            }
        }
        None
    }

    /// An HTML element `t` in the default scope.
    fn in_default_scope(&self, t: T) -> Option<usize> {
        self.in_scope(|open| open.is(t), Open::ends_scope)
    }

    /// An HTML element `t` in the table scope.
    fn in_table_scope(&self, t: T) -> Option<usize> {
        self.in_scope(|open| open.is(t), Open::ends_table_scope)
    }

    /// Pops until the current node matches `stop`.
    fn pop_until_current(&mut self, stop: impl Fn(&Open) -> bool) {
        while self.stack.len() > 1 && !stop(&self.top()) {
            self.pop();
        }
    }

    /// "Close a p element" if one is in button scope.
    fn close_p(&mut self) {
        if let Some(i) = self.in_scope(
            |open| open.is(T::P),
            |open| open.ends_scope() || open.is(T::Button),
        ) {
            self.truncate(i);
        }
    }

    /// "Generate implied end tags", except for `except`.
    fn implied_end_tags(&mut self, except: T) {
        while self.stack.len() > 1 && self.top().has_implied_end() && self.top().t != except {
            self.pop();
        }
    }

    /// Removes the element at `index` from the middle of the stack.
    fn remove_at(&mut self, index: usize) {
        if index == 0 || index >= self.stack.len() {
            return;
        }
        self.stack.remove(index);
        for entry in &mut self.formatting {
            if let Formatting::Element { pos, .. } = entry
                && *pos > index
            {
                *pos -= 1;
            }
        }
    }

    /// Whether a formatting entry's element is on the stack.
    fn is_open(&self, entry: &Formatting) -> bool {
        match *entry {
            Formatting::Marker => true,
            Formatting::Element { id, pos, .. } => self.stack.get(pos).is_some_and(|o| o.id == id),
        }
    }

    /// Where the entries after the last marker start.
    fn after_marker(&self) -> usize {
        self.formatting
            .iter()
            .rposition(|entry| matches!(entry, Formatting::Marker))
            .map_or(0, |i| i + 1)
    }

    /// The last entry after the last marker for an element named `name`.
    fn last_formatting(&self, name: u64) -> Option<usize> {
        let start = self.after_marker();
        self.formatting
            .iter()
            .enumerate()
            .skip(start)
            .rev()
            .find(|(_, entry)| matches!(entry, Formatting::Element { name: n, .. } if *n == name))
            .map(|(i, _)| i)
    }

    /// "Reconstruct the active formatting elements".
    fn reconstruct(&mut self) {
        let Some(last) = self.formatting.last() else {
            return;
        };
        if self.is_open(last) {
            return;
        }
        let mut first = self.formatting.len() - 1;
        while first > 0 && !self.is_open(&self.formatting[first - 1]) {
            first -= 1;
        }
        for i in first..self.formatting.len() {
            if let Formatting::Element { t, name, .. } = self.formatting[i] {
                let id = self.push(t, name, Ns::Html, Point::None);
                let pos = self.stack.len() - 1;
                if let Some(Formatting::Element {
                    id: entry_id,
                    pos: entry_pos,
                    ..
                }) = self.formatting.get_mut(i)
                {
                    (*entry_id, *entry_pos) = (id, pos);
                }
            }
        }
    }

    /// Pops entries up to and including the last marker.
    fn clear_to_marker(&mut self) {
        while let Some(entry) = self.formatting.pop() {
            if matches!(entry, Formatting::Marker) {
                break;
            }
        }
    }

    /// Pushes a formatting element, applying the "Noah's Ark" clause (at most three alike).
    fn push_formatting(&mut self, tag: &StartTag) {
        let start = self.after_marker();
        let alike = |entry: &Formatting| {
            matches!(entry, Formatting::Element { name, attrs, .. }
                if *name == tag.name && *attrs == tag.attrs)
        };
        let count = self
            .formatting
            .iter()
            .skip(start)
            .filter(|e| alike(e))
            .count();
        if count >= 3
            && let Some(i) = self.formatting.iter().skip(start).position(alike)
        {
            self.formatting.remove(start + i);
        }
        let id = self.push_tag(tag);
        self.formatting.push(Formatting::Element {
            t: tag.t,
            name: tag.name,
            attrs: tag.attrs,
            id,
            pos: self.stack.len() - 1,
        });
    }

    /// The adoption agency algorithm, as far as it changes the stack's depth: without a
    /// furthest block it pops the formatting element; with one, the element is replaced by a
    /// clone inside the block, which leaves the depth as it is (the model keeps the stack).
    fn adoption_agency(&mut self, name: u64) {
        let top = self.top();
        if top.ns == Ns::Html
            && top.name == name
            && !self
                .formatting
                .iter()
                .any(|entry| matches!(entry, Formatting::Element { id, .. } if *id == top.id))
        {
            self.pop();
            return;
        }
        let Some(index) = self.last_formatting(name) else {
            self.any_other_end_tag(name);
            return;
        };
        let Some(Formatting::Element { id, pos, .. }) = self.formatting.get(index).copied() else {
            return;
        };
        if self.stack.get(pos).is_none_or(|open| open.id != id) {
            self.formatting.remove(index);
            return;
        }
        if self.stack.iter().skip(pos + 1).any(Open::ends_scope) {
            return; // not in scope
        }
        if !self.stack.iter().skip(pos + 1).any(Open::is_special) {
            self.truncate(pos);
            self.formatting.remove(index);
        }
    }

    /// "Any other end tag" in body: pops to the element if no special element is above it.
    fn any_other_end_tag(&mut self, name: u64) {
        for i in (0..self.stack.len()).rev() {
            let open = self.stack[i];
            if open.ns == Ns::Html && open.name == name {
                self.truncate(i);
                return;
            }
            if open.is_special() {
                return;
            }
        }
    }

    /// Character data.
    pub(super) fn text(&mut self, whitespace: bool) {
        let top = self.top();
        let foreign = top.ns != Ns::Html && top.point == Point::None;
        if foreign {
            return;
        }
        match top.mode {
            Mode::Table | Mode::TableBody | Mode::Row | Mode::ColumnGroup if whitespace => {}
            _ => self.reconstruct(),
        }
    }

    /// A start tag; returns how its content is read if it is raw text.
    pub(super) fn start(&mut self, tag: &StartTag) -> Option<Raw> {
        if self.frameset {
            // Only <noframes> is raw text in a frameset; reading other raw text as markup only
            // deepens the model.
            if tag.t == T::Noframes {
                return Some(Raw::Text);
            }
            // Void names are elements in foreign content, so they count too.
            self.push_tag(tag);
            return None;
        }
        let top = self.top();
        if top.ns != Ns::Html {
            let html_rules = match top.point {
                Point::MathText => !matches!(tag.t, T::Mglyph | T::Malignmark),
                Point::SvgHtml | Point::AnnotationHtml => true,
                Point::None => top.t == T::AnnotationXml && tag.t == T::Svg,
            };
            if !html_rules {
                if tag.t.breaks_out_of_foreign() || (tag.t == T::Font && tag.font_attrs) {
                    while self.stack.len() > 1
                        && self.top().ns != Ns::Html
                        && !matches!(self.top().point, Point::MathText | Point::SvgHtml)
                    {
                        self.pop();
                    }
                } else {
                    if !tag.self_closing {
                        let point = foreign_point(top.ns, tag);
                        self.push(tag.t, tag.name, top.ns, point);
                    }
                    return None;
                }
            }
        }
        // A few rules reprocess the token in another mode.
        for _ in 0..4 {
            match self.start_in(self.top().mode, tag) {
                Step::Done(raw) => return raw,
                Step::Again => {}
            }
        }
        None
    }

    /// A start tag in an HTML insertion mode.
    fn start_in(&mut self, mode: Mode, tag: &StartTag) -> Step {
        use T::*;
        let t = tag.t;
        match mode {
            Mode::Table | Mode::TableBody | Mode::Row => match t {
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
                Tr | Td | Th => {
                    if mode == Mode::Row && t == Tr || mode != Mode::Row {
                        // Back to the table body (or the table), then into a new row.
                        self.pop_until_current(|open| {
                            open.ends_table_scope()
                                || open.is(Tbody)
                                || open.is(Thead)
                                || open.is(Tfoot)
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
                        self.pop_until_current(|open| {
                            open.is(Tr) || open.is(Template) || open.is(Html)
                        });
                    }
                    self.push_tag(tag);
                    self.formatting.push(Formatting::Marker);
                    Step::Done(None)
                }
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
            },
            Mode::Cell | Mode::Caption
                if matches!(
                    t,
                    Caption | Col | Colgroup | Tbody | Td | Tfoot | Th | Thead | Tr
                ) =>
            {
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

    /// A start tag in the "in body" insertion mode.
    fn start_in_body(&mut self, tag: &StartTag) -> Step {
        use T::*;
        let t = tag.t;
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
            Input => {
                if let Some(i) = self.in_default_scope(Select) {
                    self.truncate(i);
                }
                self.reconstruct();
            }
            Hr => {
                self.close_p();
                if self.in_default_scope(Select).is_some() {
                    self.implied_end_tags(Other);
                }
            }
            Noframes | Script | Style | Title | Textarea | Iframe | Noembed => {
                return Step::Done(raw_text(t));
            }
            Xmp => {
                self.close_p();
                self.reconstruct();
                return Step::Done(raw_text(t));
            }
            Template => {
                self.push_tag(tag);
                self.formatting.push(Formatting::Marker);
            }
            Address | Article | Aside | Blockquote | Center | Details | Dialog | Dir | Div | Dl
            | Fieldset | Figcaption | Figure | Footer | Header | Hgroup | Main | Nav | Ol | P
            | Search | Section | Summary | Ul | Menu | Pre | Listing => {
                self.close_p();
                self.push_tag(tag);
            }
            _ if t.is_heading() => {
                self.close_p();
                if self.top().ns == Ns::Html && self.top().t.is_heading() {
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
            A => {
                let start = self.after_marker();
                let open_a =
                    self.formatting
                        .iter()
                        .skip(start)
                        .rev()
                        .find_map(|entry| match *entry {
                            Formatting::Element { t: A, id, pos, .. } => Some((id, pos)),
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
            _ if t.is_formatting() => {
                self.reconstruct();
                self.push_formatting(tag);
            }
            Applet | Marquee | Object => {
                self.reconstruct();
                self.push_tag(tag);
                self.formatting.push(Formatting::Marker);
            }
            Select => {
                if let Some(i) = self.in_default_scope(Select) {
                    self.truncate(i);
                } else {
                    self.reconstruct();
                    self.push_tag(tag);
                }
            }
            Option | Optgroup => {
                if self.in_default_scope(Select).is_some() {
                    self.implied_end_tags(if t == Option { Optgroup } else { Other });
                } else if self.top().is(Option) {
                    self.pop();
                }
                self.reconstruct();
                self.push_tag(tag);
            }
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

    /// An end tag.
    pub(super) fn end(&mut self, t: T, name: u64) {
        if self.frameset {
            return;
        }
        if self.top().ns != Ns::Html {
            if matches!(t, T::Br | T::P) {
                while self.stack.len() > 1
                    && self.top().ns != Ns::Html
                    && !matches!(self.top().point, Point::MathText | Point::SvgHtml)
                {
                    self.pop();
                }
            } else {
                // Pop to a foreign element of that name, or handle it by the HTML rules from the
                // first HTML element down.
                for i in (1..self.stack.len()).rev() {
                    let open = self.stack[i];
                    if i + 1 != self.stack.len() && open.ns == Ns::Html {
                        break;
                    }
                    if open.name == name {
                        self.truncate(i);
                        return;
                    }
                    if i == 1 {
                        return;
                    }
                }
            }
        }
        for _ in 0..4 {
            if let Step::Done(_) = self.end_in(self.top().mode, t, name) {
                return;
            }
        }
    }

    /// An end tag in an HTML insertion mode.
    fn end_in(&mut self, mode: Mode, t: T, name: u64) -> Step {
        use T::*;
        let done = Step::Done(None);
        match mode {
            Mode::Table | Mode::TableBody | Mode::Row => match t {
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
                Body | Caption | Col | Colgroup | Html | Tbody | Td | Tfoot | Th | Thead | Tr => {
                    done
                }
                Template => {
                    self.end_template();
                    done
                }
                _ => {
                    self.end_in_body(t, name);
                    done
                }
            },
            Mode::Cell => match t {
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
                        && let Some(i) =
                            self.in_scope(|o| o.is(Td) || o.is(Th), Open::ends_table_scope)
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
            },
            Mode::Caption => match t {
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
            },
            Mode::ColumnGroup => match t {
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
            },
            Mode::Body | Mode::Template => {
                self.end_in_body(t, name);
                done
            }
        }
    }

    /// Pops a row (in `Row`) or a table section (in `TableBody`).
    fn pop_to_table_context(&mut self, mode: Mode) {
        use T::*;
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
    fn end_template(&mut self) {
        if let Some(i) = self.stack.iter().rposition(|open| open.is(T::Template)) {
            self.truncate(i);
            self.clear_to_marker();
        }
    }

    /// An end tag in the "in body" insertion mode.
    fn end_in_body(&mut self, t: T, name: u64) {
        use T::*;
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
                if let Some(i) =
                    self.in_scope(|o| o.ns == Ns::Html && o.t.is_heading(), Open::ends_scope)
                {
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

/// Whether a rule finished with a token or has it reprocessed in the new insertion mode.
enum Step {
    /// Done; the element's content is raw text of this kind, if any.
    Done(Option<Raw>),
    /// Reprocess the token.
    Again,
}

/// The integration point an element inserted in SVG or MathML content is.
fn foreign_point(ns: Ns, tag: &StartTag) -> Point {
    match (ns, tag.t) {
        (Ns::Svg, T::ForeignObject | T::Desc | T::Title) => Point::SvgHtml,
        (Ns::MathMl, T::Mi | T::Mo | T::Mn | T::Ms | T::Mtext) => Point::MathText,
        (Ns::MathMl, T::AnnotationXml) if tag.html_encoding => Point::AnnotationHtml,
        _ => Point::None,
    }
}
