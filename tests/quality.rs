//! Quality pin: the seed article's brief as a golden answer. (ROUGE on slices of the development
//! sets, at or above Lead-3, is tested beside the evaluation, in `src/bin/brief/eval/tests.rs`.)

use brief::proto::v1 as pb;
use brief_core::rank::features::Weights;

const SEED: &str = include_str!("data/seed_article.txt");

#[test]
fn seed_article_golden_brief() {
    let req = pb::SummarizeRequest {
        document: Some(pb::Document {
            content: SEED.into(),
            ..Default::default()
        }),
        ..Default::default()
    };
    let resp = brief::service::api::summarize(&req, &Weights::default()).expect("a brief");
    let indices: Vec<u32> = resp.sentences.iter().map(|s| s.index).collect();
    assert_eq!(indices, [1, 2, 3], "{:#?}", resp.sentences);
    assert_eq!(
        resp.summary,
        "After several weeks of escalating tension between the two countries, North Korea has \
         reportedly backed away from plans to increase military pressure on South Korea. The \
         decision comes weeks after a joint liaison building on the North-South border was blown \
         up and communication ended between the two sides. According to a report from North \
         Korea's state-run Korean Central News Agency, the move was made following a meeting \
         between leader Kim Jong-Un and his military leaders."
    );
    assert_eq!(
        resp.title,
        "North Korea News: Kim Jong Un's Regime Backs Down From Military Pressure On South Korea, But For How Long?"
    );
}
