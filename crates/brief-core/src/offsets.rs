//! Byte offsets into the input converted to the unit a client indexes strings in.
//!
//! The core works in UTF-8 byte offsets. JavaScript, Java and C# index strings in UTF-16 code
//! units and Python in code points, so a response can carry offsets in either.

/// The unit of an offset or length.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Unit {
    /// Bytes of the UTF-8 encoding.
    #[default]
    Utf8Bytes,
    /// UTF-16 code units.
    Utf16CodeUnits,
    /// Unicode scalar values.
    CodePoints,
}

impl Unit {
    /// The length of `s` in this unit.
    pub fn len_of(self, s: &str) -> usize {
        match self {
            Unit::Utf8Bytes => s.len(),
            Unit::Utf16CodeUnits => s.chars().map(char::len_utf16).sum(),
            Unit::CodePoints => s.chars().count(),
        }
    }
}

/// Converts increasing byte offsets of one text into another unit in a single pass.
///
/// Each call counts only the text between the previous offset and this one, so converting every
/// sentence of a document in reading order is linear in its size. A smaller offset than the last
/// one restarts the count from the beginning (correct, but linear again).
#[derive(Debug, Clone)]
pub struct OffsetMap<'a> {
    text: &'a str,
    unit: Unit,
    byte: usize,
    units: usize,
}

impl<'a> OffsetMap<'a> {
    /// Creates a converter for offsets into `text`.
    pub fn new(text: &'a str, unit: Unit) -> Self {
        Self {
            text,
            unit,
            byte: 0,
            units: 0,
        }
    }

    /// The offset, in this map's unit, of byte offset `byte` (a char boundary of the text).
    pub fn convert(&mut self, byte: usize) -> usize {
        if self.unit == Unit::Utf8Bytes {
            return byte;
        }
        if byte < self.byte {
            self.byte = 0;
            self.units = 0;
        }
        self.units += self.unit.len_of(&self.text[self.byte..byte]);
        self.byte = byte;
        self.units
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_in_every_unit() {
        let text = "a€😀b";
        // bytes: a=0, €=1..4, 😀=4..8, b=8
        let mut cp = OffsetMap::new(text, Unit::CodePoints);
        assert_eq!([cp.convert(1), cp.convert(4), cp.convert(8)], [1, 2, 3]);
        let mut u16 = OffsetMap::new(text, Unit::Utf16CodeUnits);
        assert_eq!([u16.convert(1), u16.convert(4), u16.convert(8)], [1, 2, 4]);
        // Going backwards restarts and is still right.
        assert_eq!(u16.convert(4), 2);
        let mut b = OffsetMap::new(text, Unit::Utf8Bytes);
        assert_eq!(b.convert(8), 8);
    }

    #[test]
    fn len_of_counts_units() {
        assert_eq!(Unit::Utf8Bytes.len_of("😀"), 4);
        assert_eq!(Unit::Utf16CodeUnits.len_of("😀"), 2);
        assert_eq!(Unit::CodePoints.len_of("😀"), 1);
    }
}
