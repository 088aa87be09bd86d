//! Run-on sentences: two sentences glued together without punctuation, as where a news page's
//! photo caption loses its line break when the markup is stripped ("... photos of her She told
//! them ...", "... to the airport  Horrific injuries: The child ..."), and a caption's label run
//! into its text ("Hands up: Plastic Lego figures are being used ...").
//!
//! Two rules at a capital letter that follows a space:
//! - `R_GAP`: two or more spaces (where a line break was) between a lowercase letter or digit and
//!   the capital;
//! - `R_OPENER`: one space after a lowercase letter or digit, the capital opening one of
//!   [`RUN_ON_OPENERS`], and a lowercase word after it ("her She told", but not "told The
//!   Observer", a name);
//!
//! and one at the sentence's start:
//! - `R_LABEL`: one to [`LABEL_WORDS`] words, the first capitalized, then a colon, a space and a
//!   capital or an opening quote ("Bitter: Tracey Taylor went ...", "Read more: ..."), unless one
//!   of them is a verb of saying ("He said: 'We ...'", "Major told CNN: ...", a quotation's
//!   lead-in, see [`SPEECH_VERBS`]).
//!
//! The capitals are found eight bytes at a time with [`swar::uppercase`]: the scan covers every
//! sentence of an article, and a byte-by-byte loop made the whole analysis 15% costlier (see
//! `docs/perf.md`). `tests` checks it against the plain byte loop.

use crate::text::swar;
use crate::text::wordset::{WordSet, word_set};

/// Capitalized words that open a sentence and rarely follow a lowercase word inside one (in
/// byte order). English.
pub const RUN_ON_OPENERS: &[&str] = &[
    "But", "He", "Her", "His", "It", "Its", "Most", "She", "Some", "The", "Their", "There",
    "These", "They", "This", "Those", "We",
];

/// [`RUN_ON_OPENERS`] as a set.
static RUN_ON: WordSet = word_set!(RUN_ON_OPENERS);

/// Verbs of saying that make a quotation's lead-in ("Mr Opik said: ..."), so that a lead-in is
/// not taken for a caption's label (in byte order). English.
pub const SPEECH_VERBS: &[&str] = &[
    "added",
    "adds",
    "admitted",
    "agreed",
    "announced",
    "argued",
    "asked",
    "asks",
    "claimed",
    "commented",
    "concluded",
    "continued",
    "continues",
    "declared",
    "explained",
    "explains",
    "insisted",
    "insists",
    "joked",
    "noted",
    "posted",
    "recalled",
    "recalls",
    "replied",
    "replies",
    "responded",
    "revealed",
    "said",
    "says",
    "stated",
    "stressed",
    "tells",
    "told",
    "tweeted",
    "warned",
    "warns",
    "writes",
    "wrote",
];

/// [`SPEECH_VERBS`] as a set.
static SPEECH: WordSet = word_set!(SPEECH_VERBS);

/// The most words of a caption's label (`R_LABEL`).
pub const LABEL_WORDS: usize = 3;

/// True when `sentence` runs two sentences together (see the module's rules).
pub fn runs_on(sentence: &str) -> bool {
    opens_with_label(sentence) || glued(sentence)
}

/// `R_LABEL`: `sentence` opens with a caption's label.
fn opens_with_label(sentence: &str) -> bool {
    let bytes = sentence.as_bytes();
    // A label's words and colon fit in the first few dozen bytes.
    let head = &bytes[..bytes.len().min(48)];
    let Some(colon) = head.windows(2).position(|w| w == b": ") else {
        return false;
    };
    let label = &bytes[..colon];
    let mut words = label.split(|&b| b == b' ');
    let after = bytes.get(colon + 2).copied().unwrap_or(b' ');
    label.first().is_some_and(u8::is_ascii_uppercase)
        && words.clone().count() <= LABEL_WORDS
        && !words.any(|w| SPEECH.contains(w))
        && (after.is_ascii_uppercase()
            || matches!(after, b'\'' | b'"')
            || sentence[colon + 2..].starts_with(['\u{2018}', '\u{201c}']))
}

/// `R_GAP` or `R_OPENER` somewhere in `sentence`.
fn glued(sentence: &str) -> bool {
    let bytes = sentence.as_bytes();
    let (chunks, rest) = bytes.as_chunks::<8>();
    for (c, &chunk) in chunks.iter().enumerate() {
        let mut capitals = swar::uppercase(u64::from_le_bytes(chunk));
        while capitals != 0 {
            let j = 8 * c + (capitals.trailing_zeros() / 8) as usize;
            if glued_at(bytes, j) {
                return true;
            }
            capitals &= capitals - 1;
        }
    }
    let tail = 8 * chunks.len();
    (0..rest.len()).any(|k| rest[k].is_ascii_uppercase() && glued_at(bytes, tail + k))
}

/// True when the capital at `j` opens a second sentence glued to the first (`R_GAP` or
/// `R_OPENER`).
fn glued_at(bytes: &[u8], j: usize) -> bool {
    // The spaces before the capital, and the byte before them.
    let spaces = bytes[..j].iter().rev().take_while(|&&b| b == b' ').count();
    if spaces == 0 || spaces == j {
        return false;
    }
    let before = bytes[j - spaces - 1];
    if !(before.is_ascii_lowercase() || before.is_ascii_digit()) {
        return false;
    }
    if spaces >= 2 {
        return true; // R_GAP
    }
    // R_OPENER
    let word = &bytes[j..];
    let Some(end) = word.iter().position(|&b| b == b' ') else {
        return false;
    };
    word.get(end + 1).is_some_and(u8::is_ascii_lowercase) && RUN_ON.contains(&word[..end])
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The plain reference: every space, byte by byte.
    fn runs_on_reference(sentence: &str) -> bool {
        let bytes = sentence.as_bytes();
        for i in 1..bytes.len().saturating_sub(1) {
            if bytes[i] != b' ' {
                continue;
            }
            let before = bytes[i - 1];
            if !(before.is_ascii_lowercase() || before.is_ascii_digit()) {
                continue;
            }
            if bytes[i + 1] == b' ' {
                let after = bytes[i + 1..].iter().position(|&b| b != b' ');
                if after.is_some_and(|k| bytes[i + 1 + k].is_ascii_uppercase()) {
                    return true;
                }
                continue;
            }
            if !bytes[i + 1].is_ascii_uppercase() {
                continue;
            }
            let word = &bytes[i + 1..];
            let Some(end) = word.iter().position(|&b| b == b' ') else {
                continue;
            };
            if word.get(end + 1).is_some_and(u8::is_ascii_lowercase)
                && RUN_ON.contains(&word[..end])
            {
                return true;
            }
        }
        false
    }

    #[test]
    fn run_on_sentences_are_found_where_a_caption_is_glued_to_the_text() {
        let glued = [
            "Henri Morris was jailed for 10 years after drugging her She told them her drink was spiked.",
            "The storm lashed NSW on Tuesday this week Most people gave up.",
            "It came in 2012 The court heard it.",
            // R_GAP: the line break became spaces.
            "He was mauled by a pack of dogs  Horrific injuries: The child needed 40 staples.",
            "He was named CEO of 2014   Woodman's product made waves.",
            // A known false positive, which the feature's weight has to live with.
            "She said This is who we are.",
        ];
        for s in glued {
            assert!(runs_on(s), "{s}");
            assert!(runs_on_reference(s), "{s}");
        }
        // R_LABEL: a caption's label and its text.
        for s in [
            "Hands up: Plastic Lego figures are being used by police.",
            "Bitter: Tracey Taylor went on a violent rampage.",
            "Last known location: Near Digne-les-Bains, France.",
            "Pictured: 'I loved him,' she wrote.",
            "Read more: \u{201c}The plan\u{201d} was dropped.",
        ] {
            assert!(runs_on(s), "{s}");
        }
        for s in [
            "Mr Opik said: \"Hunting with dogs is not defined.\"",
            "Benitez responded: 'I spoke to Steven.'",
            "Major told CNN: \"It's a sad day.\"",
            "The plan: a new road for the town.",
            "At three in the afternoon: The vote was held.",
            "hands up: Plastic figures.",
            "Warning:The text.",
        ] {
            assert!(!runs_on(s), "{s}");
        }
        let whole = [
            "The court heard it.",
            "She met Kim Jong Un in Seoul.",
            // A name that starts with an opener: the next word is capitalized.
            "She flew to the city of The Hague.",
            "He told The Washington Post about it.",
            "He said: The end is near.",
            "in DC The vote",
            "A sentence.  The next one after two spaces.",
            "it ended in a Their",
            "",
        ];
        for s in whole {
            assert!(!runs_on(s), "{s}");
            assert!(!runs_on_reference(s), "{s}");
        }
        for w in RUN_ON_OPENERS {
            assert!(runs_on(&format!("after a word {w} went on")), "{w}");
        }
        assert!(RUN_ON_OPENERS.windows(2).all(|w| w[0] < w[1]));
        assert!(SPEECH_VERBS.windows(2).all(|w| w[0] < w[1]));
    }

    proptest! {
        /// The eight-bytes-at-a-time scan agrees with the byte loop, on text made of the bytes
        /// that matter (capitals, spaces, lowercase, digits, punctuation, openers, non-ASCII).
        #[test]
        fn agrees_with_the_byte_loop(parts in prop::collection::vec(
            prop::sample::select(vec![
                " ", "  ", "a", "z", "9", "B", "The", "She", "It", "e", "x ", ".", ":", "é", "\u{3000}",
                " The", " She went", "  Hi", "Its ", "her ", "The Hague",
            ]),
            0..40,
        )) {
            let s: String = parts.concat();
            prop_assert_eq!(glued(&s), runs_on_reference(&s), "{:?}", s);
        }
    }
}
