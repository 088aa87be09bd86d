//! Lines that never belong in a brief: copyright notices, bylines, "click here" and "read more"
//! prompts, photo credits and captions, share prompts.
//!
//! Each check looks at one sentence on its own, at most its first 400 bytes, without allocating.

/// Phrases that mark a sentence as boilerplate wherever they occur (compared lowercase).
const ANYWHERE: &[&str] = &[
    "all rights reserved",
    "click here",
    "scroll down for video",
    "scroll down for more",
    "sign up for our",
    "subscribe to our",
    "share this article",
    "share on facebook",
    "share on twitter",
    "follow us on",
    "this material may not be published",
    "getty images",
    // The same in the other languages with abbreviation lists (de, fr, es, it, pt, nl).
    "alle rechte vorbehalten",
    "tous droits réservés",
    "todos los derechos reservados",
    "tutti i diritti riservati",
    "todos os direitos reservados",
    "alle rechten voorbehouden",
];

/// Prefixes that mark a short sentence as boilerplate (compared lowercase).
const PREFIXES: &[&str] = &[
    "copyright",
    "read more",
    "read next",
    "related:",
    "related articles",
    "see also",
    "photo:",
    "photos:",
    "image:",
    "caption:",
    "pictured:",
    "video:",
    "watch:",
    "advertisement",
    "updated:",
    "published:",
    "last updated",
    "share this",
    "email this",
    // Datelines, "read also" and advertisement labels in de, fr, es, it, pt and nl.
    "veröffentlicht am",
    "aktualisiert am",
    "lesen sie auch",
    "mehr zum thema",
    "publié le",
    "mis à jour le",
    "lire aussi",
    "lire la suite",
    "voir aussi",
    "publicité",
    "publicado el",
    "actualizado el",
    "lea también",
    "leer más",
    "publicidad",
    "pubblicato il",
    "aggiornato il",
    "leggi anche",
    "pubblicità",
    "publicado em",
    "atualizado em",
    "leia também",
    "leia mais",
    "publicidade",
    "gepubliceerd op",
    "bijgewerkt op",
    "lees ook",
    "lees meer",
    "advertentie",
];

/// Sentences longer than this many bytes are never taken for a prefix-only match: a long sentence
/// that happens to start with "Read more" or "Video" is prose.
const SHORT_LINE_BYTES: usize = 160;

/// How much of a sentence the phrase and prefix checks look at, in bytes.
const HEAD_BYTES: usize = 400;

/// True when `sentence` is boilerplate that must never enter a brief.
pub fn is_boilerplate(sentence: &str) -> bool {
    // Only the first few hundred bytes matter for the phrase and prefix checks, which keeps this
    // linear in the number of sentences rather than in the size of a pathological one.
    let head = prefix(sentence, HEAD_BYTES);
    if sentence.contains('©') || scan_head(head) {
        return true;
    }
    if sentence.len() <= SHORT_LINE_BYTES
        && let Some(first) = head.bytes().next().map(|b| b.to_ascii_lowercase())
        && PREFIXES
            .iter()
            .any(|p| p.as_bytes()[0] == first && starts_with_ignore_case(head, p))
    {
        return true;
    }
    is_byline(sentence)
}

/// Byte classes for [`scan_head`], one table lookup per byte.
///
/// A byte of a word: an ASCII letter or digit, or any byte of a non-ASCII char (so that a phrase
/// never starts inside a word like "Zürich").
const WORD: u8 = 1;
/// The first letter (either case) of some [`ANYWHERE`] phrase (`WORD << 1`, see [`scan_head`]).
const PHRASE_START: u8 = WORD << 1;

static CLASSES: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        if byte.is_ascii_alphanumeric() || byte >= 0x80 {
            table[b] |= WORD;
        }
        b += 1;
    }
    let mut i = 0;
    while i < ANYWHERE.len() {
        let first = ANYWHERE[i].as_bytes()[0];
        table[first as usize] |= PHRASE_START;
        table[first.to_ascii_uppercase() as usize] |= PHRASE_START;
        i += 1;
    }
    table
};

/// True when one of the [`ANYWHERE`] phrases starts at a word start of `head` (at most
/// [`HEAD_BYTES`] long), ignoring ASCII case.
///
/// One byte scan with a class table. Words that start with the first letter of some phrase are
/// frequent and come in no predictable pattern, so rather than branch on each byte the scan
/// writes every position into `starts` and advances past it only when it is such a word start (a
/// branch-free filter); the few positions kept are then compared with the phrases.
fn scan_head(head: &str) -> bool {
    let bytes = head.as_bytes();
    let mut starts = [0u16; HEAD_BYTES];
    let mut n = 0;
    let mut prev_class = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let class = CLASSES[usize::from(b)];
        // `i < HEAD_BYTES`, so it fits in a u16, and `n <= i`.
        starts[n] = i as u16;
        // PHRASE_START is WORD shifted left by one: this is 1 exactly when `b` is a phrase start
        // and the byte before it is not a word byte.
        n += usize::from((class & !(prev_class << 1)) >> 1 & 1);
        prev_class = class;
    }
    starts[..n]
        .iter()
        .any(|&i| has_phrase_at(&bytes[usize::from(i)..]))
}

/// The first three letters of each [`ANYWHERE`] phrase, as little-endian `u32`s: a word start is
/// compared with these (one integer comparison each) before any phrase is compared in full.
const PHRASE_KEYS: [u32; ANYWHERE.len()] = {
    let mut keys = [0u32; ANYWHERE.len()];
    let mut i = 0;
    while i < ANYWHERE.len() {
        let p = ANYWHERE[i].as_bytes();
        keys[i] = u32::from_le_bytes([p[0], p[1], p[2], 0]);
        i += 1;
    }
    keys
};

/// True when one of the [`ANYWHERE`] phrases starts `bytes`, ignoring ASCII case.
fn has_phrase_at(bytes: &[u8]) -> bool {
    let [a, b, c, ..] = *bytes else { return false };
    let key = u32::from_le_bytes([
        a.to_ascii_lowercase(),
        b.to_ascii_lowercase(),
        c.to_ascii_lowercase(),
        0,
    ]);
    if !PHRASE_KEYS.contains(&key) {
        return false;
    }
    ANYWHERE
        .iter()
        .any(|p| bytes.len() >= p.len() && bytes[..p.len()].eq_ignore_ascii_case(p.as_bytes()))
}

/// True when `text` starts with `prefix` (lowercase ASCII), ignoring ASCII case; no allocation.
fn starts_with_ignore_case(text: &str, prefix: &str) -> bool {
    text.len() >= prefix.len()
        && text.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
}

/// True for a byline: "By Jane Smith", "By Jane Smith and John Doe, CNN".
fn is_byline(sentence: &str) -> bool {
    let Some(rest) = sentence
        .strip_prefix("By ")
        .or_else(|| sentence.strip_prefix("BY "))
    else {
        return false;
    };
    let words: Vec<&str> = rest.split_whitespace().take(9).collect();
    (1..=8).contains(&words.len())
        && !rest.ends_with('.')
        && words.iter().all(|w| {
            w.chars().next().is_some_and(|c| c.is_uppercase()) || matches!(*w, "and" | "in" | "for")
        })
}

/// The longest prefix of `s` of at most `max` bytes that ends on a char boundary.
fn prefix(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catches_boilerplate() {
        for line in [
            "© Copyright IBTimes 2024. All rights reserved.",
            "Copyright 2020 CNN",
            "Scroll down for video",
            "READ MORE: The story behind the story",
            "Click here to subscribe.",
            "CLICK HERE for the latest",
            "By Jane Smith",
            "By Jane Smith and John Doe, CNN",
            "Publié le 12 mars 2024 à 18 h 05",
            "Veröffentlicht am 3. Mai 2024",
            "Lesen Sie auch: Die Bahn erhöht die Preise",
            "© Nordkurier. Alle Rechte vorbehalten.",
            "Tous droits réservés – Le Journal",
            "Leia também: governo anuncia novo plano",
            "Photo: Reuters",
            "Share this article",
        ] {
            assert!(is_boilerplate(line), "{line:?} should be boilerplate");
        }
    }

    #[test]
    fn keeps_prose() {
        for line in [
            "North Korea has reportedly backed away from plans to increase military pressure.",
            "By the end of the week, the two sides had not met.",
            "Copyright law was at the heart of the dispute between the studio and its writers, who said the rules were decades out of date and had never been tested in court before this year.",
            "Readers were told to read more carefully.",
            "Anzeige gegen den Fahrer wurde am Montag erstattet.",
            "Le gouvernement a publié le rapport mardi.",
            "",
        ] {
            assert!(!is_boilerplate(line), "{line:?} should not be boilerplate");
        }
    }

    #[test]
    fn copyright_sign_anywhere_but_not_other_a9_bytes() {
        // 'é' is C3 A9 in UTF-8: its second byte is the same as that of '©' (C2 A9).
        assert!(!is_boilerplate("Café owners met in Zürich on Monday."));
        assert!(is_boilerplate("Photo ©Reuters, used with permission."));
        let long = format!("{} ©", "word ".repeat(100));
        assert!(is_boilerplate(&long));
        let late_phrase = format!("{} click here", "word ".repeat(100));
        assert!(!is_boilerplate(&late_phrase));
        assert!(is_boilerplate("Hello.Click here"));
        assert!(!is_boilerplate("Zürichclick here, not a word start"));
    }

    #[test]
    fn prefix_respects_char_boundaries() {
        assert_eq!(prefix("héllo", 2), "h");
        assert_eq!(prefix("abc", 10), "abc");
    }
}
