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
];

/// Sentences longer than this many bytes are never taken for a prefix-only match: a long sentence
/// that happens to start with "Read more" or "Video" is prose.
const SHORT_LINE_BYTES: usize = 160;

/// True when `sentence` is boilerplate that must never enter a brief.
pub fn is_boilerplate(sentence: &str) -> bool {
    if sentence.contains('©') {
        return true;
    }
    // Only the first few hundred bytes matter for every check, which keeps this linear in the
    // number of sentences rather than in the size of a pathological one.
    let head = prefix(sentence, 400);
    if has_phrase(head) {
        return true;
    }
    if sentence.len() <= SHORT_LINE_BYTES
        && PREFIXES.iter().any(|p| starts_with_ignore_case(head, p))
    {
        return true;
    }
    is_byline(sentence)
}

/// True when one of the [`ANYWHERE`] phrases starts at a word start of `head`, ignoring ASCII case.
///
/// One byte scan: only where a word starts with the first letter of some phrase are the phrases
/// compared.
fn has_phrase(head: &str) -> bool {
    let bytes = head.as_bytes();
    let mut prev_alnum = false;
    for (i, &b) in bytes.iter().enumerate() {
        let alnum = b.is_ascii_alphanumeric();
        if alnum && !prev_alnum && starts_some_phrase(&bytes[i..]) {
            let rest = &head[i..];
            if ANYWHERE.iter().any(|p| starts_with_ignore_case(rest, p)) {
                return true;
            }
        }
        // Bytes of non-ASCII letters count as word characters, so a phrase never starts inside
        // a word like "Zürich".
        prev_alnum = alnum || b >= 0x80;
    }
    false
}

/// True when `bytes` start with the first three letters of some [`ANYWHERE`] phrase, ignoring
/// ASCII case: a cheap filter in front of the full comparison.
fn starts_some_phrase(bytes: &[u8]) -> bool {
    let [a, b, c, ..] = bytes else { return false };
    let key = [
        a.to_ascii_lowercase(),
        b.to_ascii_lowercase(),
        c.to_ascii_lowercase(),
    ];
    ANYWHERE.iter().any(|p| p.as_bytes()[..3] == key)
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
            "",
        ] {
            assert!(!is_boilerplate(line), "{line:?} should not be boilerplate");
        }
    }

    #[test]
    fn prefix_respects_char_boundaries() {
        assert_eq!(prefix("héllo", 2), "h");
        assert_eq!(prefix("abc", 10), "abc");
    }
}
