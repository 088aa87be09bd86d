//! Properties of the summarizer on any input (proptest): it never panics, offsets in every unit
//! slice the content back to each sentence, the brief keeps its budget and is made of the
//! article's own sentences, and the same input gives the same output.

use brief::proto::v1 as pb;
use brief::service::api;
use brief_core::rank::features::Weights;
use proptest::prelude::*;

/// Text that looks like prose with all the awkward parts: abbreviations, quotes, ellipses, CJK,
/// emoji, combining marks, control characters, blank lines.
fn text() -> impl Strategy<Value = String> {
    let pieces = prop::collection::vec(
        prop_oneof![
            4 => "[A-Za-z]{1,9}",
            2 => Just(" ".to_owned()),
            1 => prop::sample::select(vec![
                ". ", "! ", "? ", "...", "…", "\n", "\n\n", "\"", "“", "”", "'", "(", ")", "Mr. ", "U.S. ",
                "Jan. 5", "3.5%", "e.g. ", "。", "！", "😀", "e\u{301}", "\u{0}", "\u{200b}", "\t", "\r\n",
                "© 2024", "Click here", "https://x.io/a.b", "١٢٣", "שלום", "東京",
            ])
            .prop_map(str::to_owned),
        ],
        0..120,
    );
    prop_oneof![pieces.prop_map(|p| p.concat()), any::<String>()]
}

fn length() -> impl Strategy<Value = pb::Length> {
    (
        0u32..6,
        prop_oneof![Just(0.0), 0.01f64..1.0, Just(1.0)],
        0u32..80,
        prop_oneof![Just(0u32), 1u32..400],
    )
        .prop_map(|(max_sentences, ratio, max_words, max_chars)| pb::Length {
            max_sentences,
            ratio,
            max_words,
            max_chars,
        })
}

fn unit() -> impl Strategy<Value = pb::OffsetUnit> {
    prop::sample::select(vec![
        pb::OffsetUnit::Unspecified,
        pb::OffsetUnit::Utf8Bytes,
        pb::OffsetUnit::Utf16CodeUnits,
        pb::OffsetUnit::CodePoints,
    ])
}

/// `text[offset, offset + length)` counted in `unit`.
fn slice(text: &str, unit: pb::OffsetUnit, offset: u32, length: u32) -> Option<String> {
    let (offset, length) = (offset as usize, length as usize);
    match unit {
        pb::OffsetUnit::Utf16CodeUnits => {
            let units: Vec<u16> = text.encode_utf16().collect();
            String::from_utf16(units.get(offset..offset + length)?).ok()
        }
        pb::OffsetUnit::CodePoints => Some(text.chars().skip(offset).take(length).collect()),
        _ => text.get(offset..offset + length).map(str::to_owned),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn summarize_keeps_every_promise(
        content in text(),
        title in prop_oneof![Just(String::new()), "[A-Za-z ]{0,40}"],
        length in length(),
        unit in unit(),
        rank_order in any::<bool>(),
    ) {
        let req = pb::SummarizeRequest {
            document: Some(pb::Document { content: content.clone(), title, ..Default::default() }),
            length: Some(length),
            order: if rank_order { pb::Order::Rank } else { pb::Order::Reading } as i32,
            offset_unit: unit as i32,
            query: String::new(),
        };
        let weights = Weights::default();
        let Ok(resp) = api::summarize(&req, &weights) else {
            // The only refusal for these options is content with nothing but whitespace.
            prop_assert!(content.trim().is_empty());
            return Ok(());
        };
        // Same input, same output.
        prop_assert_eq!(api::summarize(&req, &weights).ok(), Some(resp.clone()));

        let extract = api::extract(
            &pb::ExtractRequest { document: req.document.clone(), offset_unit: unit as i32, ..Default::default() },
            &weights,
        )
        .expect("extract accepts what summarize accepts");
        for s in extract.sentences.iter() {
            prop_assert_eq!(slice(&content, unit, s.offset, s.length), Some(s.text.clone()));
        }
        let eligible = extract.sentences.iter().filter(|s| s.rank.is_some()).count();

        for s in &resp.sentences {
            // A sentence of the article, verbatim, where its offsets say.
            prop_assert_eq!(slice(&content, unit, s.offset, s.length), Some(s.text.clone()));
            let same = &extract.sentences[s.index as usize];
            prop_assert_eq!(&same.text, &s.text);
            prop_assert!(same.rank.is_some(), "an excluded sentence entered the brief");
        }
        let n = resp.sentences.len();
        if eligible > 0 {
            prop_assert!(n >= 1, "at least one sentence when there is one");
        }
        if length.max_sentences > 0 {
            prop_assert!(n <= length.max_sentences as usize);
        }
        if length.ratio > 0.0 {
            prop_assert!(n <= (length.ratio * eligible as f64).ceil() as usize);
        }
        if n > 1 {
            if length.max_words > 0 {
                prop_assert!(brief_core::text::token::word_count(&resp.summary) <= length.max_words as usize);
            }
            if length.max_chars > 0 {
                prop_assert!(resp.summary.chars().count() <= length.max_chars as usize);
            }
        }
        let joined: Vec<&str> = resp.sentences.iter().map(|s| s.text.as_str()).collect();
        prop_assert_eq!(&resp.summary, &joined.join(" "));
        if !rank_order {
            prop_assert!(resp.sentences.windows(2).all(|w| w[0].index < w[1].index));
        }
    }

    #[test]
    fn html_pages_in_any_language_keep_every_promise(
        blocks in prop::collection::vec(
            (
                prop::sample::select(vec![
                    "p", "div", "h1", "li", "nav", "footer", "script", "article", "span", "br", "td",
                ]),
                text(),
            ),
            0..12,
        ),
        language in prop::sample::select(vec!["", "en", "de", "fr-CA", "zh", "ja", "ko", "xx"]),
        as_bytes in any::<bool>(),
        unit in unit(),
    ) {
        let mut page = String::from("<html><head><title>T</title></head><body>");
        for (tag, text) in &blocks {
            page.push_str(&format!("<{tag}>{text}</{tag}>"));
        }
        page.push_str("</body></html>");
        let mut doc = pb::Document {
            format: pb::Format::Html as i32,
            language: language.to_owned(),
            ..Default::default()
        };
        if as_bytes {
            doc.raw = page.into_bytes();
        } else {
            doc.content = page;
        }
        let weights = Weights::default();
        let req = pb::ExtractRequest {
            document: Some(doc.clone()),
            offset_unit: unit as i32,
            ..Default::default()
        };
        let extract = match api::extract(&req, &weights) {
            Ok(r) => r,
            // A page without text is refused, naming the field; nothing else is.
            Err(api::RequestError::InvalidArgument { field, .. }) => {
                prop_assert!(field == "document.raw" || field == "document.content");
                return Ok(());
            }
            Err(e) => return Err(TestCaseError::fail(format!("{e}"))),
        };
        for s in &extract.sentences {
            prop_assert_eq!(slice(&extract.text, unit, s.offset, s.length), Some(s.text.clone()));
        }
        let brief = api::summarize(
            &pb::SummarizeRequest { document: Some(doc), offset_unit: unit as i32, ..Default::default() },
            &weights,
        )
        .expect("summarize accepts what extract accepts");
        for s in &brief.sentences {
            prop_assert_eq!(&extract.sentences[s.index as usize].text, &s.text);
            prop_assert_eq!(slice(&extract.text, unit, s.offset, s.length), Some(s.text.clone()));
        }
        prop_assert_eq!(&brief.language, &extract.language);
    }
}
