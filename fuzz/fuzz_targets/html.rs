//! Summarize and Extract of arbitrary bytes as an HTML page, in a fuzzed language: never panic;
//! a page is answered or refused as having no text; every sentence is a slice of the extracted
//! text that its offsets give back.
#![no_main]

use brief::service::api::{self, RequestError};
use brief::proto::v1 as pb;
use brief_core::rank::features::Weights;
use libfuzzer_sys::fuzz_target;

const LANGUAGES: &[&str] = &["", "en", "de", "fr", "zh", "ja", "ko", "ru"];

fuzz_target!(|data: &[u8]| {
    let Some((&opts, raw)) = data.split_first() else {
        return;
    };
    let doc = pb::Document {
        format: pb::Format::Html as i32,
        raw: raw.to_vec(),
        language: LANGUAGES[usize::from(opts) % LANGUAGES.len()].into(),
        ..Default::default()
    };
    let weights = Weights::default();
    let extract = api::extract(
        &pb::ExtractRequest {
            document: Some(doc.clone()),
            ..Default::default()
        },
        &weights,
    );
    let resp = match extract {
        Ok(resp) => resp,
        Err(RequestError::InvalidArgument { field, .. }) => {
            assert_eq!(field, "document.raw");
            return;
        }
        Err(RequestError::ResourceExhausted { .. }) => return,
        Err(e) => panic!("unexpected refusal: {e}"),
    };
    for s in &resp.sentences {
        let (o, l) = (s.offset as usize, s.length as usize);
        assert_eq!(resp.text.get(o..o + l), Some(s.text.as_str()));
    }
    let brief = api::summarize(
        &pb::SummarizeRequest {
            document: Some(doc),
            ..Default::default()
        },
        &weights,
    )
    .expect("summarize accepts what extract accepts");
    for s in &brief.sentences {
        assert_eq!(resp.sentences[s.index as usize].text, s.text);
    }
});
