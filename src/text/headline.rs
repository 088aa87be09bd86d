//! The headline line that plain-text articles often start with.
//!
//! Pasted articles commonly begin with their headline on a line of its own. It is the best title
//! the ranker can get, and it must never be repeated as a sentence of the brief.

use std::ops::Range;

use super::boilerplate::is_boilerplate;
use super::token::word_count;

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
    let line_end = start + content[start..].find('\n')?;
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
    fn titles_compare_loosely() {
        assert!(same_title(
            "Jobs growth  still slow",
            "jobs growth still SLOW"
        ));
        assert!(!same_title("Jobs growth", "Jobs growth still slow"));
    }
}
