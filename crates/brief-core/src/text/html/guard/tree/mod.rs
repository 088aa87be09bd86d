//! A model of html5ever's tree builder: its stack of open elements and list of active
//! formatting elements, enough to know how deep the parsed page will nest.
//!
//! This file holds the model's state and the operations on its stack (scopes, implied end tags);
//! [`formatting`] the list of active formatting elements and the adoption agency; [`start`] and
//! [`end`] the rules for start and end tags in each insertion mode.

use super::*;

mod end;
mod formatting;
mod start;

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
    element: Element,
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
    fn is(&self, t: Element) -> bool {
        self.ns == Ns::Html && self.element == t
    }

    /// In html5ever's `special_tag` set (HTML elements only).
    fn is_special(&self) -> bool {
        self.ns == Ns::Html && self.element.is_special()
    }

    /// Ends the default scope.
    fn ends_scope(&self) -> bool {
        use Element::*;
        match self.ns {
            Ns::Html => matches!(
                self.element,
                Applet | Caption | Html | Table | Td | Th | Marquee | Object | Select | Template
            ),
            _ => matches!(self.point, Point::MathText | Point::SvgHtml),
        }
    }

    /// Ends the table scope.
    fn ends_table_scope(&self) -> bool {
        self.is(Element::Html) || self.is(Element::Table) || self.is(Element::Template)
    }

    /// An HTML element popped by "generate implied end tags".
    fn has_implied_end(&self) -> bool {
        self.ns == Ns::Html && self.element.has_implied_end()
    }
}

/// An entry in the list of active formatting elements.
#[derive(Debug, Clone, Copy)]
enum Formatting {
    /// A scope marker (cells, captions, applets, objects, marquees, templates).
    Marker,
    /// A formatting element.
    Element {
        element: Element,
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
        tree.push(Element::Html, fnv(b"html"), Ns::Html, Point::None);
        tree.push(Element::Body, fnv(b"body"), Ns::Html, Point::None);
        tree
    }

    /// The current node.
    fn top(&self) -> Open {
        self.stack.last().copied().unwrap_or(Open {
            element: Element::Html,
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
    fn push(&mut self, t: Element, name: u64, ns: Ns, point: Point) -> usize {
        let inherited = self.stack.last().map_or(Mode::Body, |open| open.mode);
        let mode = match (ns, t) {
            (Ns::Html, Element::Td | Element::Th) => Mode::Cell,
            (Ns::Html, Element::Tr) => Mode::Row,
            (Ns::Html, Element::Tbody | Element::Thead | Element::Tfoot) => Mode::TableBody,
            (Ns::Html, Element::Caption) => Mode::Caption,
            (Ns::Html, Element::Colgroup) => Mode::ColumnGroup,
            (Ns::Html, Element::Table) => Mode::Table,
            (Ns::Html, Element::Template) => Mode::Template,
            (Ns::Html, Element::Body | Element::Html) => Mode::Body,
            _ => inherited,
        };
        let id = self.next_id;
        self.next_id += 1;
        self.stack.push(Open {
            element: t,
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
        self.push(tag.element, tag.name, Ns::Html, Point::None)
    }

    /// Pushes an implied HTML element.
    fn push_implied(&mut self, t: Element, name: &[u8]) {
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
    fn in_default_scope(&self, t: Element) -> Option<usize> {
        self.in_scope(|open| open.is(t), Open::ends_scope)
    }

    /// An HTML element `t` in the table scope.
    fn in_table_scope(&self, t: Element) -> Option<usize> {
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
            |open| open.is(Element::P),
            |open| open.ends_scope() || open.is(Element::Button),
        ) {
            self.truncate(i);
        }
    }

    /// "Generate implied end tags", except for `except`.
    fn implied_end_tags(&mut self, except: Element) {
        while self.stack.len() > 1 && self.top().has_implied_end() && self.top().element != except {
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
            if tag.element == Element::Noframes {
                return Some(Raw::Text);
            }
            // Void names are elements in foreign content, so they count too.
            self.push_tag(tag);
            return None;
        }
        let top = self.top();
        if top.ns != Ns::Html {
            let html_rules = match top.point {
                Point::MathText => !matches!(tag.element, Element::Mglyph | Element::Malignmark),
                Point::SvgHtml | Point::AnnotationHtml => true,
                Point::None => top.element == Element::AnnotationXml && tag.element == Element::Svg,
            };
            if !html_rules {
                if tag.element.breaks_out_of_foreign()
                    || (tag.element == Element::Font && tag.font_attrs)
                {
                    while self.stack.len() > 1
                        && self.top().ns != Ns::Html
                        && !matches!(self.top().point, Point::MathText | Point::SvgHtml)
                    {
                        self.pop();
                    }
                } else {
                    if !tag.self_closing {
                        let point = foreign_point(top.ns, tag);
                        self.push(tag.element, tag.name, top.ns, point);
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

    /// An end tag.
    pub(super) fn end(&mut self, t: Element, name: u64) {
        if self.frameset {
            return;
        }
        if self.top().ns != Ns::Html {
            if matches!(t, Element::Br | Element::P) {
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
    match (ns, tag.element) {
        (Ns::Svg, Element::ForeignObject | Element::Desc | Element::Title) => Point::SvgHtml,
        (Ns::MathMl, Element::Mi | Element::Mo | Element::Mn | Element::Ms | Element::Mtext) => {
            Point::MathText
        }
        (Ns::MathMl, Element::AnnotationXml) if tag.html_encoding => Point::AnnotationHtml,
        _ => Point::None,
    }
}
