//! Briefs of realistic HTML pages through the core's public API (extract, then summarize with
//! the page's blocks and headlines): only the article's body prose may enter them, never its
//! headline, subheadings, captions, credits, bylines, datelines, code, list labels or share
//! prompts.

use brief_core::analyze::{Article, summarize};
use brief_core::rank::features::Weights;
use brief_core::rank::select::Budget;
use brief_core::text::html;

/// Every sentence a brief may take from a page (the whole budget), and the page's title.
fn brief_of(page: &[u8]) -> (Vec<String>, String) {
    let (html, _) = html::decode(page);
    let page = match html::extract(&html) {
        Ok(page) => page,
        Err(e) => panic!("no article: {e}"),
    };
    let article = Article {
        content: &page.text,
        title: &page.title,
        blocks: Some(&page.blocks),
        headlines: &page.headlines,
        ..Article::default()
    };
    let budget = Budget {
        ratio: Some(1.0),
        ..Budget::default()
    };
    let brief = match summarize(&article, &budget, &Weights::default()) {
        Ok(brief) => brief,
        Err(e) => panic!("no brief: {e}"),
    };
    let sentences = brief
        .selection
        .indices
        .iter()
        .filter_map(|&i| brief.analysis.sentence(i))
        .map(|s| s.text.to_owned())
        .collect();
    (sentences, brief.analysis.title.to_owned())
}

/// Asserts that every sentence of the brief lies in one of the body's paragraphs, and that it
/// takes at least `min` sentences.
fn assert_only_prose(sentences: &[String], body: &[&str], min: usize) {
    assert!(sentences.len() >= min, "{sentences:#?}");
    for s in sentences {
        assert!(
            body.iter().any(|p| p.contains(s.as_str())),
            "not body prose: {s:?}"
        );
    }
}

#[test]
fn a_wire_story_loses_its_captions_credits_and_dateline_table() {
    let (sentences, title) = brief_of(include_bytes!("../../../tests/data/html/wire_story.html"));
    assert_eq!(title, "Dam operators open spillways as river nears record");
    let body = [
        "VIENNA, June 3 (Global Wire) - Operators of three hydroelectric dams on the upper Danube \
         opened their spillways on Monday as the river rose towards a level last seen in 2013, \
         flooding low-lying streets in several towns downstream.",
        "The regional government said that about two thousand people had been moved from their \
         homes as a precaution, and that schools in the worst affected districts would stay \
         closed until at least Wednesday.",
        "Forecasters expect the river to peak late on Tuesday, after three days of heavy rain \
         across the Alps that followed one of the wettest springs on record.",
        "Insurance companies said it was too early to estimate the damage, but analysts warned \
         that claims could exceed those of the floods eleven years ago because more homes had \
         since been built near the river.",
        "Rail services between the capital and the west of the country were suspended on Monday \
         afternoon after water covered the tracks in two places.",
    ];
    assert_only_prose(&sentences, &body, 5);
}

#[test]
fn a_listicle_keeps_its_paragraphs_and_drops_its_numbered_headings_and_tags() {
    let (sentences, title) = brief_of(include_bytes!("../../../tests/data/html/listicle.html"));
    assert_eq!(title, "Five habits that help you sleep better");
    let body = [
        "Most adults need between seven and nine hours of sleep a night, yet surveys suggest \
         that a third of them regularly get less than that.",
        "Sleep researchers say that small changes to daily routines can make a noticeable \
         difference within a couple of weeks.",
        "Going to bed and getting up at the same time every day, including at weekends, helps \
         the body's internal clock stay in step with the day.",
        "Bright light early in the day tells the brain that the day has begun, which makes it \
         easier to feel sleepy in the evening.",
        "Caffeine can stay in the blood for many hours, so a coffee at four in the afternoon can \
         still keep you awake at midnight.",
        "Most people sleep best when the bedroom is slightly cool, dark and quiet, according to \
         the national sleep foundation.",
        "Reading emails or scrolling through social media in bed keeps the mind busy at the very \
         moment it should be winding down.",
    ];
    assert_only_prose(&sentences, &body, 7);
}

#[test]
fn a_page_with_code_blocks_keeps_the_code_out() {
    let (sentences, title) = brief_of(include_bytes!("../../../tests/data/html/code_blocks.html"));
    assert_eq!(title, "Why our build got three times faster");
    let body = [
        "Last quarter our continuous integration builds took almost forty minutes, and \
         developers had started batching their changes to avoid waiting for them.",
        "We found that most of the time was spent compiling the same dependencies again on \
         every run, because the cache key changed whenever any file in the repository changed.",
        "Keying the cache on the lock file instead meant that dependencies were only rebuilt \
         when they actually changed, which cut the average build to about fifteen minutes.",
        "The remaining time went mostly to the integration tests, which we split into four \
         groups that now run in parallel on separate machines.",
        "Builds now finish in about thirteen minutes on average, and developers have gone back \
         to sending small changes that are easier to review.",
    ];
    assert_only_prose(&sentences, &body, 5);
}

#[test]
fn a_chinese_portal_page_loses_its_dateline_and_share_prompt() {
    let (sentences, title) = brief_of(include_bytes!(
        "../../../tests/data/html/chinese_portal.html"
    ));
    assert_eq!(title, "我国南方多地遭遇强降雨 防汛应急响应启动");
    let body = [
        "新华网北京6月18日电 记者从国家防汛抗旱总指挥部获悉，受持续强降雨影响，广东、广西、福建等地多条河流出现超警戒水位，国家防总已于17日晚启动防汛四级应急响应。",
        "据气象部门预报，未来三天南方地区仍将有大到暴雨，局部地区有大暴雨，部分中小河流可能发生较大洪水，山洪和地质灾害风险较高。",
        "国家防总要求各地加强值班值守，密切监视雨情水情变化，及时转移危险区域群众，确保人民群众生命安全。",
        "目前，应急管理部已派出工作组赶赴受灾地区，协助指导地方开展抢险救灾工作，各地共转移安置群众两万余人。",
        "水利部门表示，将加强水库调度，科学安排泄洪，尽量减轻下游地区的防洪压力，同时做好城市内涝防范工作。",
    ];
    assert_only_prose(&sentences, &body, 4);
}
