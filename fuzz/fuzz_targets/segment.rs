//! Segmentation of arbitrary text: never panics, and the spans are in order, non-empty, on char
//! boundaries, trimmed, and cover every non-whitespace character exactly once.
#![no_main]

use brief_core::text::segment::sentences;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let spans = sentences(text);
    let mut covered = 0;
    let mut last_end = 0;
    for s in &spans {
        assert!(s.start < s.end, "empty span {s:?}");
        assert!(s.start >= last_end, "overlapping or out of order {s:?}");
        assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        let sentence = &text[s.start..s.end];
        assert_eq!(sentence, sentence.trim(), "untrimmed {s:?}");
        // Nothing but whitespace between sentences.
        assert!(
            text[last_end..s.start].trim().is_empty(),
            "dropped text before {s:?}"
        );
        covered += sentence.chars().filter(|c| !c.is_whitespace()).count();
        last_end = s.end;
    }
    assert!(
        text[last_end..].trim().is_empty(),
        "dropped text at the end"
    );
    assert_eq!(covered, text.chars().filter(|c| !c.is_whitespace()).count());
});
