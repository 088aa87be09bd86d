//! The list of active formatting elements: reconstructing it, the "Noah's Ark" clause and
//! the adoption agency algorithm, as far as they change the depth of the stack.

use super::*;

impl TreeModel {
    /// Whether a formatting entry's element is on the stack.
    pub(super) fn is_open(&self, entry: &Formatting) -> bool {
        match *entry {
            Formatting::Marker => true,
            Formatting::Element { id, pos, .. } => self.stack.get(pos).is_some_and(|o| o.id == id),
        }
    }

    /// Where the entries after the last marker start.
    pub(super) fn after_marker(&self) -> usize {
        self.formatting
            .iter()
            .rposition(|entry| matches!(entry, Formatting::Marker))
            .map_or(0, |i| i + 1)
    }

    /// The last entry after the last marker for an element named `name`.
    pub(super) fn last_formatting(&self, name: u64) -> Option<usize> {
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
    pub(super) fn reconstruct(&mut self) {
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
            if let Formatting::Element { element, name, .. } = self.formatting[i] {
                let id = self.push(element, name, Ns::Html, Point::None);
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
    pub(super) fn clear_to_marker(&mut self) {
        while let Some(entry) = self.formatting.pop() {
            if matches!(entry, Formatting::Marker) {
                break;
            }
        }
    }

    /// Pushes a formatting element, applying the "Noah's Ark" clause (at most three alike).
    pub(super) fn push_formatting(&mut self, tag: &StartTag) {
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
            element: tag.element,
            name: tag.name,
            attrs: tag.attrs,
            id,
            pos: self.stack.len() - 1,
        });
    }

    /// The adoption agency algorithm, as far as it changes the stack's depth: without a
    /// furthest block it pops the formatting element; with one, the element is replaced by a
    /// clone inside the block, which leaves the depth as it is (the model keeps the stack).
    pub(super) fn adoption_agency(&mut self, name: u64) {
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
    pub(super) fn any_other_end_tag(&mut self, name: u64) {
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
}
