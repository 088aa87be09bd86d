//! The headline line that plain-text articles often start with.
//!
//! Pasted articles commonly begin with their headline on a line of its own. It is the best title
//! the ranker can get, and it must never be repeated as a sentence of the brief.

use std::ops::Range;

use super::boilerplate::is_boilerplate;
use super::swar;
use super::words::word_count;

/// A headline is at most this many words.
const MAX_WORDS: usize = 30;
/// A headline is at most this many bytes.
const MAX_BYTES: usize = 400;

/// Returns the byte range of a headline line at the start of `content`, if there is one.
///
/// A headline is the first line when it is short, does not end like a sentence of prose (with a
/// full stop, comma, colon or semicolon, Latin or CJK), is not boilerplate, and more text follows
/// it.
pub fn find(content: &str) -> Option<Range<usize>> {
    let start = content.len() - content.trim_start().len();
    let line_end = start + first_line_len(&content.as_bytes()[start..])?;
    let line = content[start..line_end].trim_end();
    let end = start + line.len();
    if line.is_empty() || line.len() > MAX_BYTES || content[line_end..].trim().is_empty() {
        return None;
    }
    let last = line.chars().next_back()?;
    if matches!(
        last,
        '.' | ',' | ';' | ':' | '…' | '。' | '，' | '；' | '：' | '．' | '、'
    ) || is_boilerplate(line)
    {
        return None;
    }
    let words = word_count(line);
    (1..=MAX_WORDS).contains(&words).then_some(start..end)
}

/// The length of the first line of `text`, if a newline ends it and it may be a headline.
///
/// Most articles have no headline line, and many have no newline at all: rather than search the
/// whole article, the search stops after [`MAX_BYTES`] at the first byte that trimming cannot
/// remove (an ASCII byte other than whitespace), since the line is then too long to be a
/// headline. Only a line that might end in a long run of Unicode whitespace is searched to its
/// end.
fn first_line_len(text: &[u8]) -> Option<usize> {
    let window = &text[..text.len().min(MAX_BYTES + 1)];
    if let Some(len) = swar::position(window, b'\n') {
        return Some(len);
    }
    // Past the window, over ASCII whitespace that trimming would remove.
    for (i, &b) in text.iter().enumerate().skip(MAX_BYTES) {
        match b {
            b'\n' => return Some(i),
            // What `trim_end` removes.
            _ if b.is_ascii() && char::from(b).is_whitespace() => {}
            // Not whitespace: the line is too long.
            _ if b.is_ascii() => return None,
            // Perhaps Unicode whitespace: search on.
            _ => return swar::position(&text[i..], b'\n').map(|k| i + k),
        }
    }
    // The text ends (or it is all within the window) without a newline.
    None
}

/// True when `a` and `b` are the same title up to case and spacing.
pub fn same_title(a: &str, b: &str) -> bool {
    let mut a = a.split_whitespace();
    let mut b = b.split_whitespace();
    loop {
        match (a.next(), b.next()) {
            (None, None) => return true,
            (Some(x), Some(y)) if x.to_lowercase() == y.to_lowercase() => {}
            _ => return false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_a_headline_line() {
        let text =
            "  North Korea Backs Down, But For How Long?\nAfter weeks of tension, it stopped.";
        let r = find(text).expect("a headline");
        assert_eq!(&text[r], "North Korea Backs Down, But For How Long?");
    }

    #[test]
    fn a_sentence_of_prose_is_no_headline() {
        assert_eq!(find("The talks ended on Monday.\n\nBoth sides left."), None);
        assert_eq!(find("One line only, no newline"), None);
        assert_eq!(find("Headline\n   \n"), None);
        assert_eq!(find("政府周二宣布了新的计划。\n该计划包括减税。"), None);
        assert_eq!(find("政府宣布新计划\n该计划包括减税。"), Some(0..21));
        assert_eq!(find("© 2024 Example\nBody text."), None);
        let long = format!("{}\nBody.", "word ".repeat(40));
        assert_eq!(find(&long), None);
    }

    #[test]
    fn a_first_line_too_long_for_a_headline_is_not_searched_to_its_end() {
        let long = format!("{}\nBody.", "x".repeat(MAX_BYTES + 1));
        assert_eq!(first_line_len(long.as_bytes()), None);
        // Trailing whitespace is trimmed, so a short line followed by much of it is still found.
        let padded = format!(
            "Short headline{}\nBody follows here.",
            " ".repeat(2 * MAX_BYTES)
        );
        assert_eq!(find(&padded), Some(0..14));
        let wide = format!(
            "Short headline{}\nBody follows here.",
            "\u{3000}".repeat(MAX_BYTES)
        );
        assert_eq!(find(&wide), Some(0..14));
        assert_eq!(first_line_len(b"one line"), None);
        assert_eq!(first_line_len(b"one\ntwo"), Some(3));
    }

    #[test]
    fn titles_compare_loosely() {
        assert!(same_title(
            "Jobs growth  still slow",
            "jobs growth still SLOW"
        ));
        assert!(!same_title("Jobs growth", "Jobs growth still slow"));
    }
}
