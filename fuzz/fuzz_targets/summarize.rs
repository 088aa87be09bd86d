//! Summarize and Extract with arbitrary content and options: never panic; the brief respects its
//! budget; every sentence is a slice of the content that its offsets give back in every unit.
#![no_main]

use brief::service::api;
use brief::proto::v1 as pb;
use brief_core::rank::features::Weights;
use libfuzzer_sys::fuzz_target;

/// Slices `text` by an offset and length in `unit`.
fn slice(text: &str, unit: pb::OffsetUnit, offset: u32, length: u32) -> Option<String> {
    let (offset, length) = (offset as usize, length as usize);
    match unit {
        pb::OffsetUnit::Unspecified | pb::OffsetUnit::Utf8Bytes => {
            text.get(offset..offset + length).map(str::to_owned)
        }
        pb::OffsetUnit::CodePoints => Some(text.chars().skip(offset).take(length).collect()),
        pb::OffsetUnit::Utf16CodeUnits => {
            let units: Vec<u16> = text.encode_utf16().collect();
            String::from_utf16(units.get(offset..offset + length)?).ok()
        }
    }
}

fuzz_target!(|data: &[u8]| {
    if data.len() < 12 {
        return;
    }
    let (opts, rest) = data.split_at(12);
    let Ok(content) = std::str::from_utf8(rest) else {
        return;
    };
    let unit =
        pb::OffsetUnit::try_from(i32::from(opts[0] % 5)).unwrap_or(pb::OffsetUnit::Unspecified);
    let length = pb::Length {
        max_sentences: u32::from(opts[1] % 8),
        ratio: if opts[2] % 3 == 0 {
            0.0
        } else {
            f64::from(opts[2]) / 200.0 - 0.1
        },
        max_words: u32::from(opts[3]) * u32::from(opts[4] % 2),
        max_chars: u32::from(opts[5]) * u32::from(opts[6] % 2) * 4,
    };
    let (title, content) = if opts[7] % 4 == 0 {
        content.split_at(content.floor_char_boundary(content.len() / 3))
    } else {
        ("", content)
    };
    let query = if opts[8] % 5 == 0 { title } else { "" };
    let req = pb::SummarizeRequest {
        document: Some(pb::Document {
            title: title.into(),
            content: content.into(),
            ..Default::default()
        }),
        length: Some(length),
        order: i32::from(opts[9] % 4),
        offset_unit: unit as i32,
        query: query.into(),
    };
    let weights = Weights::default();
    if let Ok(resp) = api::summarize(&req, &weights) {
        assert!(!content.trim().is_empty());
        if length.max_sentences > 0 {
            assert!(resp.sentences.len() <= length.max_sentences as usize);
        }
        if resp.sentences.len() > 1 {
            let words = brief_core::text::token::word_count(&resp.summary);
            if length.max_words > 0 {
                assert!(
                    words <= length.max_words as usize,
                    "{words} words over {}",
                    length.max_words
                );
            }
            if length.max_chars > 0 {
                assert!(resp.summary.chars().count() <= length.max_chars as usize);
            }
        }
        for s in &resp.sentences {
            assert_eq!(
                slice(content, unit, s.offset, s.length).as_deref(),
                Some(s.text.as_str())
            );
        }
        // Same input, same output.
        assert_eq!(api::summarize(&req, &weights).ok(), Some(resp));
    }
    let ereq = pb::ExtractRequest {
        document: req.document.clone(),
        max_keywords: u32::from(opts[10]),
        offset_unit: unit as i32,
        query: req.query.clone(),
    };
    if let Ok(resp) = api::extract(&ereq, &weights) {
        for s in &resp.sentences {
            assert_eq!(
                slice(content, unit, s.offset, s.length).as_deref(),
                Some(s.text.as_str())
            );
        }
        assert!(
            resp.keywords.len() <= usize::from(opts[10]).max(if opts[10] == 0 { 10 } else { 0 })
        );
    }
});
