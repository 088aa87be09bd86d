//! Keyphrases of small articles in the style of the seed article: names and phrases whole,
//! variants merged, no stop word at an edge, nothing across a sentence or punctuation, Chinese
//! phrases from adjacent bigrams.

use crate::analyze::{Article, analyze};
use crate::error::Error;
use crate::rank::features::Weights;
use crate::text::language::Language;

use super::Keyphrase;

/// The ten best keyphrases of `content` in `language`.
fn keyphrases_in(content: &str, language: Language) -> Vec<Keyphrase<'_>> {
    let article = Article {
        content,
        language,
        ..Article::default()
    };
    match analyze(&article, &Weights::default()) {
        Ok(analysis) => analysis.keywords(10),
        Err(e) => panic!("analyze: {e}"),
    }
}

fn texts<'a>(list: &[Keyphrase<'a>]) -> Vec<&'a str> {
    list.iter().map(|k| k.text).collect()
}

const SEED: &str = include_str!("../../../../../tests/data/seed_article.txt");

#[test]
fn the_seed_article_has_its_names_whole_and_no_weak_words() {
    let list = keyphrases_in(SEED, Language::English);
    let texts = texts(&list);
    for phrase in ["North Korea", "South Korea", "liaison building"] {
        assert!(texts.contains(&phrase), "{phrase} missing from {texts:?}");
    }
    assert!(
        texts.contains(&"Kim Jong Un") || texts.contains(&"Kim Jong-Un"),
        "{texts:?}"
    );
    for weak in ["Korea", "two", "reportedly", "said", "Kim", "Jong", "Un"] {
        assert!(
            !texts.iter().any(|t| t.eq_ignore_ascii_case(weak)),
            "{weak} in {texts:?}"
        );
    }
    assert_eq!(list[0].weight, 1.0);
    assert!(list.windows(2).all(|w| w[0].weight >= w[1].weight));
}

#[test]
fn possessives_and_inflections_are_one_keyphrase() {
    let text = "North Korea's army moved. North Korea denied it. Officials in North Korea's \
                capital spoke of North Korea. Peace talks stalled; the peace talk resumed.";
    let list = keyphrases_in(text, Language::English);
    let korea = list
        .iter()
        .find(|k| k.text == "North Korea")
        .unwrap_or_else(|| panic!("{list:?}"));
    assert_eq!(korea.count, 4);
    assert_eq!(korea.occurrences.len(), 4);
    for r in &korea.occurrences {
        assert_eq!(&text[r.clone()], "North Korea");
    }
    assert_eq!(
        list.iter()
            .filter(|k| k.text.to_lowercase().starts_with("peace talk"))
            .count(),
        1,
        "{list:?}"
    );
}

#[test]
fn a_word_inside_listed_phrases_needs_weight_of_its_own() {
    let text = "North Korea fired a missile. South Korea responded. North Korea warned South \
                Korea. Talks between North Korea and South Korea failed.";
    let texts = texts(&keyphrases_in(text, Language::English));
    assert!(texts.contains(&"North Korea") && texts.contains(&"South Korea"));
    assert!(!texts.contains(&"Korea"), "{texts:?}");
}

#[test]
fn no_stop_word_at_an_edge_and_nothing_across_sentences_or_punctuation() {
    let text = "The summit of the leaders ended in Geneva. Geneva talks resumed in the north. \
                Korea, Japan and China met; Japan China trade grew. Geneva talks again.";
    let list = keyphrases_in(text, Language::English);
    for k in &list {
        let words: Vec<String> = k.text.split([' ', '-']).map(str::to_lowercase).collect();
        for edge in [words.first(), words.last()].into_iter().flatten() {
            assert!(!crate::text::stopwords::is_stop_word(edge), "{k:?}");
        }
    }
    let texts = texts(&list);
    assert!(texts.contains(&"Geneva talks"), "{texts:?}");
    for straddling in ["Geneva Geneva", "north Korea", "Korea Japan", "China met"] {
        assert!(
            !texts.iter().any(|t| t.eq_ignore_ascii_case(straddling)),
            "{straddling} in {texts:?}"
        );
    }
}

#[test]
fn a_phrase_does_not_cut_a_name() {
    let text = "Pop star Michael Buble married actress Luisana Lopilato. Michael Buble sang. \
                The pop star Michael Buble thanked fans; actress Luisana Lopilato smiled.";
    let texts = texts(&keyphrases_in(text, Language::English));
    assert!(texts.contains(&"Michael Buble"), "{texts:?}");
    for cut in [
        "star Michael",
        "pop star Michael",
        "actress Luisana",
        "Buble married",
    ] {
        assert!(!texts.contains(&cut), "{cut} in {texts:?}");
    }
}

#[test]
fn a_name_met_once_is_listed_whole_not_in_fragments() {
    let text = "Talks stalled on Monday. The cast of the film now includes Zach Galifianakis. \
                The film opens in May. Critics praised the film. Hundreds of marchers crossed \
                the old Edmund Pettus Bridge in the film about the long march to Alabama's \
                capital. The crew flew home, wrote a reporter for Reuters in LOS ANGELES Times \
                style.";
    let texts = texts(&keyphrases_in(text, Language::English));
    assert!(texts.contains(&"Zach Galifianakis"), "{texts:?}");
    for fragment in [
        "Zach",
        "Galifianakis",
        "Edmund",
        "Pettus",
        "Bridge",
        "LOS ANGELES Times",
    ] {
        assert!(!texts.contains(&fragment), "{fragment} in {texts:?}");
    }
    assert!(texts.contains(&"Edmund Pettus Bridge"), "{texts:?}");
}

#[test]
fn chinese_phrases_join_adjacent_bigrams() {
    let text = "经济增长放缓。经济增长很重要。刺激计划，刺激计划。经济。";
    let list = keyphrases_in(text, Language::Chinese);
    let texts = texts(&list);
    assert!(texts.contains(&"经济增长"), "{texts:?}");
    assert!(texts.contains(&"刺激计划"), "{texts:?}");
    for straddling in ["济增", "激计", "长放", "增长很"] {
        assert!(!texts.contains(&straddling), "{straddling} in {texts:?}");
    }
    // Not across the sentence end between 计划 and 经济.
    assert!(!texts.iter().any(|t| t.contains("划经")), "{texts:?}");
    for k in &list {
        for r in &k.occurrences {
            assert_eq!(&text[r.clone()], k.text);
        }
    }
}

#[test]
fn other_languages_use_their_stop_words() {
    let text = "Die Bundesregierung plant eine neue Steuer. Die neue Steuer trifft die Bürger. \
                Gegen die neue Steuer protestieren viele Bürger.";
    let texts = texts(&keyphrases_in(text, Language::German));
    assert!(texts.contains(&"neue Steuer"), "{texts:?}");
    for k in texts {
        for w in k.split(' ') {
            assert!(!Language::German.is_stop_word(&w.to_lowercase()), "{k}");
        }
    }
}

#[test]
fn keywords_until_stops_when_cancelled_and_zero_asks_for_none() {
    let article = Article {
        content: SEED,
        ..Article::default()
    };
    let analysis = analyze(&article, &Weights::default()).unwrap_or_else(|e| panic!("{e}"));
    assert!(matches!(
        analysis.keywords_until(10, &|| true),
        Err(Error::Cancelled)
    ));
    assert!(analysis.keywords(0).is_empty());
}

#[test]
fn a_name_is_listed_without_the_word_in_small_letters_before_it() {
    let text = "The actress Luisana Lopilato married the singer. Fans of actress Luisana \
                Lopilato cheered. Officials said the anti-Semitism report named Luisana \
                Lopilato twice, and the anti-Semitism report was read in women's World Cup \
                news. The women's World Cup ended.";
    let list = keyphrases_in(text, Language::English);
    let texts = texts(&list);
    assert!(texts.contains(&"Luisana Lopilato"), "{texts:?}");
    assert!(
        !texts.iter().any(|t| t.starts_with("actress Luisana")),
        "{texts:?}"
    );
    assert!(texts.contains(&"anti-Semitism"), "{texts:?}");
    assert!(!texts.contains(&"Semitism"), "{texts:?}");
    assert!(texts.contains(&"women's World Cup"), "{texts:?}");
}

#[test]
fn a_chinese_bigram_met_once_is_listed_only_when_it_is_a_word() {
    let text = "本文总结了十个可穿戴产品的设计原则，而这些原则，同样也是笔者认为是这个行业最吸引人的地方。";
    let list = keyphrases_in(text, Language::Chinese);
    let texts = texts(&list);
    for word in ["原则", "产品", "设计"] {
        assert!(texts.contains(&word), "{word} missing from {texts:?}");
    }
    for straddling in ["文总", "些原", "者认"] {
        assert!(!texts.contains(&straddling), "{straddling} in {texts:?}");
    }
}

#[test]
fn a_chinese_word_of_three_characters_is_one_keyphrase() {
    let text = "周其凤在长沙谈美国教育。周其凤认为美国教育很可悲。记者问周其凤怎么看。";
    let list = keyphrases_in(text, Language::Chinese);
    let texts = texts(&list);
    assert!(texts.contains(&"周其凤"), "{texts:?}");
    for half in ["周其", "其凤"] {
        assert!(!texts.contains(&half), "{half} in {texts:?}");
    }
    let name = list.iter().find(|k| k.text == "周其凤");
    assert_eq!(name.map(|k| k.count), Some(3), "{list:?}");
}

#[test]
fn a_chinese_keyphrase_is_its_own_characters_not_the_particle_before_it() {
    let text = "快递公司再现“暴力分拣”的丑闻。申通快递已经承认错误。";
    let texts = texts(&keyphrases_in(text, Language::Chinese));
    assert!(texts.contains(&"丑闻"), "{texts:?}");
    assert!(!texts.iter().any(|t| t.starts_with('的')), "{texts:?}");
}

#[test]
fn a_chinese_unit_after_a_number_is_no_keyphrase() {
    let text = "2014年5月16日，雅虎发布财报。5月雅虎股价上涨3倍，市值达到400亿元。";
    let texts = texts(&keyphrases_in(text, Language::Chinese));
    assert!(texts.contains(&"雅虎"), "{texts:?}");
    for unit in ["年", "月", "日", "倍", "亿", "元"] {
        assert!(!texts.contains(&unit), "{unit} in {texts:?}");
    }
}

#[test]
fn japanese_keyphrases_are_words_not_lone_kanji() {
    let text = "政府与党は15日、被害を受けた京都府の復旧支援策をまとめた。首相は記者会見で「平和と安全を守る」と述べた。京都府の被害額は約300億円に上る。与党幹部は支援策の早期実施を求めた。";
    let texts = texts(&keyphrases_in(text, Language::Japanese));
    for word in ["京都府", "支援策", "与党", "被害"] {
        assert!(texts.contains(&word), "{word} missing from {texts:?}");
    }
    assert!(texts.iter().all(|t| t.chars().count() > 1), "{texts:?}");
}
