//! Unit tests of the analysis.

use std::cell::Cell;

use proptest::collection;
use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::TestRunner;

use super::record::{EXCLUSION_SHIFT, MAX_WORDS};
use super::sort::SORT_RUN;
use super::*;

#[test]
fn title_share_counts_terms_missing_from_the_article() {
    // Two of four title terms are in the article; the other two still count.
    let set = TermSet {
        found: vec![1, 3],
        total: 4,
    };
    assert_eq!(set.share(&[1, 2, 3]), 0.5);
    assert_eq!(set.share(&[3]), 0.25);
    assert_eq!(
        TermSet {
            found: vec![],
            total: 0
        }
        .share(&[1]),
        0.0
    );
}

#[test]
fn sorting_in_runs_gives_the_order_of_one_sort() {
    let n = 3 * SORT_RUN + 5;
    // Few distinct scores, so that ties are broken by position everywhere (drawn by proptest
    // from a fixed seed).
    let scores: Vec<f64> = collection::vec((0u8..50).prop_map(|k| f64::from(k) / 7.0), n)
        .new_tree(&mut TestRunner::deterministic())
        .expect("scores")
        .current();
    let positions: Vec<u32> = (0..n as u32).rev().collect();
    let mut expected = positions.clone();
    expected.sort_by(|&a, &b| {
        scores[b as usize]
            .total_cmp(&scores[a as usize])
            .then(a.cmp(&b))
    });
    assert_eq!(
        sort_until(positions.clone(), &scores, &|| false),
        Ok(expected)
    );
    assert_eq!(
        sort_until(positions, &scores, &|| true),
        Err(Error::Cancelled)
    );
}

#[test]
fn records_keep_words_and_flags_apart() {
    for exclusion in [
        None,
        Some(Exclusion::Headline),
        Some(Exclusion::Boilerplate),
        Some(Exclusion::NoWords),
        Some(Exclusion::Structure),
        Some(Exclusion::Fragment),
    ] {
        let r = Record {
            index: 0,
            start: 0,
            end: 0,
            words_flags: words_flags(usize::MAX, exclusion, true, false),
            terms: 0,
        };
        assert_eq!(r.exclusion(), exclusion);
        assert_eq!(r.words(), MAX_WORDS);
        let mut other = r;
        other.exclude(Exclusion::Fragment);
        assert_eq!(other.exclusion(), Some(Exclusion::Fragment));
        assert_eq!(
            other.words_flags & !(7 << EXCLUSION_SHIFT),
            r.words_flags & !(7 << EXCLUSION_SHIFT)
        );
        assert!(r.has(FLAG_FIRST_IN_PARAGRAPH) && !r.has(FLAG_DANGLING));
    }
}

#[test]
fn a_brief_keeps_only_the_eligible_sentences() {
    let article = Article {
        content: "Floods hit the town.\n\nCopyright 2024 Daily News. All rights reserved.\n\nRoads were closed.",
        ..Article::default()
    };
    let weights = Weights::default();
    let all = analyze(&article, &weights).map(|a| a.len());
    let brief = summarize(&article, &Budget::default(), &weights).map(|b| b.analysis.len());
    assert_eq!((all, brief), (Ok(4), Ok(2)));
}

#[test]
fn stops_when_cancelled() {
    let content = "One sentence here. ".repeat(3 * CHECK_EVERY);
    let article = Article {
        content: &content,
        ..Article::default()
    };
    let weights = Weights::default();
    assert_eq!(
        analyze_until(&article, &weights, &|| true).err(),
        Some(Error::Cancelled)
    );

    // Cancelled part-way: the check inside the sentence loop sees it.
    let checks = Cell::new(0);
    let late = || {
        checks.set(checks.get() + 1);
        checks.get() > 2
    };
    assert_eq!(
        analyze_until(&article, &weights, &late).err(),
        Some(Error::Cancelled)
    );
    assert_eq!(checks.get(), 3);

    assert!(analyze_until(&article, &weights, &|| false).is_ok());
}

const STRUCTURED: &[u8] = include_bytes!("../../../../tests/data/html/structured.html");

#[test]
fn only_the_prose_of_an_html_page_enters_its_brief() {
    use crate::text::html::{self, Block};
    let (html, _) = html::decode(STRUCTURED);
    let page = html::extract(&html).expect("an article");
    let headline = "Fishing Town of Eastcliff Votes to Rebuild Its Sea Wall After Winter Storms";
    assert_eq!(page.title, headline);
    let article = Article {
        content: &page.text,
        title: &page.title,
        blocks: Some(&page.blocks),
        headlines: &page.headlines,
        ..Article::default()
    };
    let weights = Weights::default();
    let budget = Budget {
        ratio: Some(1.0),
        ..Budget::default()
    };
    let brief = summarize(&article, &budget, &weights).expect("a brief");
    assert_eq!(brief.analysis.title, headline);
    let chosen: Vec<&str> = brief
        .selection
        .indices
        .iter()
        .filter_map(|&i| brief.analysis.sentence(i))
        .map(|s| s.text)
        .collect();
    assert_eq!(chosen.len(), 6, "{chosen:?}");
    for s in &chosen {
        for absent in [
            "Fishing Town",
            "Harbor town",
            "Mara Quist",
            "March 2, 2024",
            "collapsed section",
            "A costly repair",
            "What the money",
            "Concrete",
            "Granite",
            "wall_height_m",
        ] {
            assert!(!s.contains(absent), "{absent:?} in {s:?}");
        }
    }
    // Every sentence stays in the analysis, with its block and why it is left out.
    let all = analyze(&article, &weights).expect("an analysis");
    let kinds: Vec<(Option<Block>, Option<Exclusion>)> = all
        .details()
        .map(|d| (d.block, d.sentence.exclusion))
        .collect();
    for expected in [
        (Some(Block::Heading(2)), Some(Exclusion::Structure)),
        (Some(Block::ListItem), Some(Exclusion::Structure)),
        (Some(Block::Code), Some(Exclusion::Structure)),
        (Some(Block::Byline), Some(Exclusion::Structure)),
        // The article's <h1> keeps its level through Readability, which renames it <h2>.
        (Some(Block::Heading(1)), Some(Exclusion::Headline)),
        (Some(Block::Paragraph), None),
    ] {
        assert!(kinds.contains(&expected), "{expected:?} not in {kinds:?}");
    }
}

#[test]
fn a_full_sentence_in_a_list_item_may_enter_a_brief() {
    use super::read::may_enter;
    use crate::text::html::Block;
    assert!(may_enter(
        Block::ListItem,
        "The council will meet again in May to approve the final design."
    ));
    assert!(!may_enter(Block::ListItem, "Concrete"));
    assert!(!may_enter(
        Block::ListItem,
        "The council will meet again in May"
    ));
    assert!(may_enter(
        Block::Heading(2),
        "Why the town decided to rebuild rather than retreat inland?"
    ));
    assert!(!may_enter(
        Block::Caption,
        "The collapsed section of the wall, photographed from the harbor in February."
    ));
    assert!(may_enter(Block::Quote, "Yes."));
}

#[test]
fn fragments_are_excluded_when_there_are_enough_real_sentences() {
    let exclusions = |content: &str| -> Vec<(String, Option<Exclusion>)> {
        let article = Article {
            content,
            title: "Storm",
            ..Article::default()
        };
        analyze(&article, &Weights::default())
            .map(|a| {
                a.details()
                    .map(|d| (d.sentence.text.to_owned(), d.sentence.exclusion))
                    .collect()
            })
            .unwrap_or_default()
    };
    let fragment = Some(Exclusion::Fragment);
    let found = exclusions(
        "Latest updates\n\nThe storm flooded the harbor on Monday night.\n\nMore on this\n\n\
         Roads into the town were closed until Tuesday.\n\nHe said: \"Leave now!\"\n\n\
         Officials expect the water to recede by the weekend.\n\nStay safe.\n\n\
         Water levels are still rising across the region",
    );
    let of = |text: &str| found.iter().find(|f| f.0 == text).map(|f| f.1);
    assert_eq!(of("Latest updates"), Some(fragment), "{found:?}");
    assert_eq!(of("More on this"), Some(fragment));
    // Short sentences that end like sentences are no fragments, nor are long lines that don't.
    assert_eq!(of("He said: \"Leave now!\""), Some(None));
    assert_eq!(of("Stay safe."), Some(None));
    assert_eq!(
        of("Roads into the town were closed until Tuesday."),
        Some(None)
    );
    // Too few real sentences: a short text keeps its fragments.
    let short = exclusions("Storm warning\n\nThe harbor flooded on Monday.\n\nRoads are closed.");
    assert!(short.iter().all(|f| f.1.is_none()), "{short:?}");
    // CJK: each character counts as a word; 。ends a sentence.
    assert!(super::read::ends_a_sentence("他说：“快走！”"));
    assert!(super::read::ends_a_sentence("(See below.) "));
    assert!(!super::read::ends_a_sentence("Latest updates"));
}
