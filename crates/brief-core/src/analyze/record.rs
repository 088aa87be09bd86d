//! The per-sentence record an analysis keeps: position, byte range, word count, flags and
//! where its terms are, packed in 20 bytes.

use super::Exclusion;

/// What an analysis keeps of one sentence. An article can have a sentence every two bytes
/// (`"!\n"` repeated), so this is kept small: everything else (features, paragraph numbers,
/// ranks) is derived again when asked for.
#[derive(Debug, Clone, Copy)]
pub(super) struct Record {
    /// Zero-based position among all sentences.
    pub(super) index: u32,
    /// Byte range in the content.
    pub(super) start: u32,
    pub(super) end: u32,
    /// The word count in the low bits (see [`MAX_WORDS`]), the `FLAG_*` bits above.
    pub(super) words_flags: u32,
    /// Where its distinct content terms (sorted) start in [`Analysis::terms`]; they end where
    /// the next record's start.
    pub(super) terms: u32,
}

/// The word count a record holds at most: a sentence of more words (hundreds of megabytes of
/// text) counts this many.
pub(super) const MAX_WORDS: u32 = (1 << 27) - 1;
pub(super) const FLAG_FIRST_IN_PARAGRAPH: u32 = 1 << 27;
pub(super) const FLAG_DANGLING: u32 = 1 << 28;
/// The exclusion, as 0 (none) to 5, in the top three bits.
pub(super) const EXCLUSION_SHIFT: u32 = 29;

impl Record {
    pub(super) fn words(&self) -> u32 {
        self.words_flags & MAX_WORDS
    }

    pub(super) fn has(&self, flag: u32) -> bool {
        self.words_flags & flag != 0
    }

    pub(super) fn exclusion(&self) -> Option<Exclusion> {
        match self.words_flags >> EXCLUSION_SHIFT {
            0 => None,
            1 => Some(Exclusion::Headline),
            2 => Some(Exclusion::Boilerplate),
            3 => Some(Exclusion::NoWords),
            4 => Some(Exclusion::Structure),
            _ => Some(Exclusion::Fragment),
        }
    }

    /// Sets the exclusion, in place of any before.
    pub(super) fn exclude(&mut self, exclusion: Exclusion) {
        let keep = (1 << EXCLUSION_SHIFT) - 1;
        self.words_flags = (self.words_flags & keep) | (code(Some(exclusion)) << EXCLUSION_SHIFT);
    }
}

/// The number an exclusion is packed as.
fn code(exclusion: Option<Exclusion>) -> u32 {
    match exclusion {
        None => 0,
        Some(Exclusion::Headline) => 1,
        Some(Exclusion::Boilerplate) => 2,
        Some(Exclusion::NoWords) => 3,
        Some(Exclusion::Structure) => 4,
        Some(Exclusion::Fragment) => 5,
    }
}

/// Packs a record's word count and flags.
pub(super) fn words_flags(
    words: usize,
    exclusion: Option<Exclusion>,
    first_in_paragraph: bool,
    dangling: bool,
) -> u32 {
    let exclusion = code(exclusion);
    let words = u32::try_from(words).unwrap_or(MAX_WORDS).min(MAX_WORDS);
    let mut packed = words | (exclusion << EXCLUSION_SHIFT);
    if first_in_paragraph {
        packed |= FLAG_FIRST_IN_PARAGRAPH;
    }
    if dangling {
        packed |= FLAG_DANGLING;
    }
    packed
}
