//! Articles in many languages, through a real server: the language is detected (or taken from the
//! request), reported with how it was decided, and used for segmentation and terms.

mod common;

use brief::proto::v1 as pb;
use common::{TestServer, slice_utf8};

/// One short news article per language, with abbreviations its segmenter must not split at.
const ARTICLES: &[(&str, &str, usize)] = &[
    (
        "de",
        "Die Bundesregierung hat am Mittwoch ein umfangreiches Klimapaket beschlossen. Dr. Müller, \
         Sprecher des Ministeriums, sagte, das Klimapaket sei ein wichtiger Schritt. Ab dem 1. Januar \
         sollen die Preise für Benzin steigen, z.B. um etwa zehn Cent pro Liter. Kritiker bemängeln, \
         dass die Maßnahmen des Klimapakets nicht ausreichen. Die Opposition fordert bzw. verlangt \
         strengere Regeln für die Industrie. Am 3. Oktober soll der Bundestag über das Gesetz abstimmen.",
        6,
    ),
    (
        "fr",
        "Le gouvernement a présenté mardi un nouveau plan pour le climat. Mme Dupont, porte-parole du \
         ministère, a déclaré que le plan était ambitieux. Selon M. Martin, les prix de l'essence vont \
         augmenter, p.ex. de dix centimes par litre. Les critiques estiment que le plan ne suffit pas. \
         L'opposition réclame des règles plus strictes pour l'industrie.",
        5,
    ),
    (
        "es",
        "El gobierno presentó el martes un nuevo plan climático. La Sra. García, portavoz del \
         ministerio, dijo que el plan era ambicioso. Según el Dr. López, los precios de la gasolina \
         subirán, p.ej. diez céntimos por litro. Los críticos creen que el plan no es suficiente. La \
         oposición exige normas más estrictas para la industria.",
        5,
    ),
    (
        "it",
        "Il governo ha presentato martedì un nuovo piano per il clima. Il dott. Rossi, portavoce del \
         ministero, ha detto che il piano è ambizioso. Secondo il prof. Bianchi, i prezzi della \
         benzina aumenteranno di dieci centesimi al litro. I critici ritengono che il piano non basti. \
         L'opposizione chiede regole più severe per l'industria.",
        5,
    ),
    (
        "pt",
        "O governo apresentou na terça-feira um novo plano para o clima. A Sra. Silva, porta-voz do \
         ministério, disse que o plano é ambicioso. Segundo o Dr. Costa, os preços da gasolina vão \
         subir dez cêntimos por litro. Os críticos acreditam que o plano não é suficiente. A oposição \
         exige regras mais rigorosas para a indústria.",
        5,
    ),
    (
        "nl",
        "De regering heeft dinsdag een nieuw klimaatplan gepresenteerd. Dhr. Jansen, woordvoerder van \
         het ministerie, zei dat het plan ambitieus is. Volgens dr. de Vries stijgen de prijzen van \
         benzine, bijv. met tien cent per liter. Critici vinden dat het plan niet ver genoeg gaat. De \
         oppositie eist strengere regels voor de industrie.",
        5,
    ),
    (
        "ru",
        "Правительство во вторник представило новый план по борьбе с изменением климата. Представитель \
         министерства заявил, что план является амбициозным. По его словам, цены на бензин вырастут на \
         десять процентов. Критики считают, что плана недостаточно. Оппозиция требует более строгих \
         правил для промышленности.",
        5,
    ),
    (
        "zh",
        "中国政府周二宣布了新的经济刺激计划。该计划包括减税和增加基础设施投资。经济学家表示，这一计划将有助于稳定经济增长。\
         国家统计局数据显示，第三季度经济增长放缓。政府希望通过刺激计划提振消费和投资！",
        5,
    ),
    (
        "ja",
        "政府は火曜日、新しい経済対策を発表した。対策には減税とインフラ投資の拡大が含まれる。\
         経済学者は、この対策が経済成長の安定に役立つと述べた。統計局によると、第3四半期の経済成長は減速した。",
        4,
    ),
];

fn request(content: &str, language: &str) -> pb::ExtractRequest {
    pb::ExtractRequest {
        document: Some(pb::Document {
            content: content.into(),
            language: language.into(),
            ..Default::default()
        }),
        ..Default::default()
    }
}

#[tokio::test]
async fn every_language_is_detected_segmented_and_given_keywords() {
    let server = TestServer::start().await;
    let mut client = server.client().await;
    for &(tag, content, sentences) in ARTICLES {
        let resp = client
            .extract(request(content, ""))
            .await
            .unwrap_or_else(|e| panic!("{tag}: {e}"))
            .into_inner();
        assert_eq!(resp.language, tag, "{content}");
        assert_eq!(
            resp.language_source,
            pb::LanguageSource::Detected as i32,
            "{tag}"
        );
        assert!(
            resp.language_confidence > 0.0 && resp.language_confidence <= 1.0,
            "{tag}: {}",
            resp.language_confidence
        );
        let expected_support = match tag {
            "zh" | "ja" => pb::LanguageSupport::CharacterNgrams,
            _ => pb::LanguageSupport::Stemmed,
        };
        assert_eq!(resp.language_support, expected_support as i32, "{tag}");
        let texts: Vec<&str> = resp.sentences.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(texts.len(), sentences, "{tag}: {texts:#?}");
        for s in &resp.sentences {
            assert_eq!(slice_utf8(content, s.offset, s.length), s.text, "{tag}");
        }
        assert!(!resp.keywords.is_empty(), "{tag}");
        // Keywords are content words: no stop word of the language is among them.
        for k in &resp.keywords {
            let lower = k.text.to_lowercase();
            assert!(
                ![
                    "die", "der", "und", "le", "la", "les", "el", "los", "il", "het", "de", "и",
                    "в"
                ]
                .contains(&lower.as_str()),
                "{tag}: stop word {:?} is a keyword",
                k.text
            );
        }
    }
    server.stop().await;
}

#[tokio::test]
async fn stemming_counts_inflections_together() {
    let server = TestServer::start().await;
    let mut client = server.client().await;
    let resp = client
        .extract(request(ARTICLES[0].1, "de"))
        .await
        .expect("extract")
        .into_inner();
    // "Klimapaket" and "Klimapakets" share a stem.
    let top = &resp.keywords[0];
    assert_eq!(top.text, "Klimapaket");
    assert_eq!(top.count, 3);
    assert_eq!(resp.language_source, pb::LanguageSource::Request as i32);
    assert_eq!(resp.language_confidence, 1.0);
    server.stop().await;
}

#[tokio::test]
async fn chinese_keyphrases_join_words_of_the_article() {
    let server = TestServer::start().await;
    let mut client = server.client().await;
    let content = ARTICLES.iter().find(|a| a.0 == "zh").expect("zh").1;
    let resp = client
        .extract(request(content, ""))
        .await
        .expect("extract")
        .into_inner();
    let top: Vec<&str> = resp
        .keywords
        .iter()
        .take(3)
        .map(|k| k.text.as_str())
        .collect();
    // Keyphrases of adjacent bigrams (经济 + 增长), none straddling two words (济增).
    assert!(top.contains(&"经济增长"), "{top:?}");
    assert!(top.contains(&"刺激计划"), "{top:?}");
    assert!(
        resp.keywords
            .iter()
            .all(|k| k.text != "济增" && k.text != "激计"),
        "{:?}",
        resp.keywords
    );
    // Every sentence was scored from its terms: no sentence is without words.
    assert!(resp.sentences.iter().all(|s| s.exclusion == 0));
    let brief = client
        .summarize(pb::SummarizeRequest {
            document: Some(pb::Document {
                content: content.into(),
                ..Default::default()
            }),
            length: Some(pb::Length {
                max_sentences: 2,
                ..Default::default()
            }),
            ..Default::default()
        })
        .await
        .expect("summarize")
        .into_inner();
    assert_eq!(brief.sentences.len(), 2);
    assert_eq!(brief.language, "zh");
    server.stop().await;
}

#[tokio::test]
async fn unsupported_languages_fall_back_to_neutral_processing_and_say_so() {
    let server = TestServer::start().await;
    let mut client = server.client().await;
    let korean = "정부는 화요일 새로운 경제 대책을 발표했다. 대책에는 감세와 투자 확대가 포함된다. \
                  경제학자들은 이 대책이 경제 성장에 도움이 될 것이라고 말했다.";
    for (language, source) in [
        ("", pb::LanguageSource::Detected),
        ("ko-KR", pb::LanguageSource::Request),
    ] {
        let resp = client
            .extract(request(korean, language))
            .await
            .expect("extract")
            .into_inner();
        assert!(resp.language.starts_with("ko"), "{}", resp.language);
        assert_eq!(resp.language_source, source as i32);
        assert_eq!(resp.language_support, pb::LanguageSupport::Neutral as i32);
        assert_eq!(resp.sentences.len(), 3);
        assert!(
            resp.keywords.iter().any(|k| k.text == "경제"),
            "{:?}",
            resp.keywords
        );
    }
    server.stop().await;
}

#[tokio::test]
async fn too_little_text_to_tell_uses_the_default_and_says_so() {
    let server = TestServer::start().await;
    let mut client = server.client().await;
    let resp = client
        .extract(request("OK 123.", ""))
        .await
        .expect("extract")
        .into_inner();
    assert_eq!(resp.language, "en");
    assert_eq!(resp.language_source, pb::LanguageSource::Default as i32);
    assert_eq!(resp.language_confidence, 0.0);
    server.stop().await;
}
