//! Language detection: which language an article is in, from a bounded sample of its start, so
//! that detection costs the same for a 4 KB and a 4 MB article.
//!
//! Latin-script text is first matched against the stop-word lists (function words are the most
//! frequent words of any text, and their sets barely overlap across languages): one lookup per
//! word, a few microseconds for an article. Text in other scripts, and Latin text the stop words
//! do not settle, go to `whatlang` (trigram statistics), which costs about 150 µs a call.

use std::ops::ControlFlow;
use std::sync::LazyLock;

use whatlang::{Lang, Script};

use super::language::{ISO_639_3, Language, TABLE};
use super::words::each_word_key;
use super::wordset::WordSet;

/// Builds the stop-word index of the Latin-script languages now rather than on the first request.
pub fn preload() {
    LazyLock::force(&LATIN_STOP_WORDS);
}

/// The stop words of the Latin-script languages, each with the languages it is a stop word of.
struct LatinStopWords {
    /// Every stop word of a language of [`LATIN`].
    words: WordSet,
    /// The languages of each word of `words`, by its index: bits indexed like [`TABLE`].
    languages: Vec<u32>,
}

/// The Latin-script stop words, built on first use (see [`preload`]). A short ASCII word of the
/// text is looked up by the key the word scanner gives it, already folded, so that it costs
/// neither a lowercased copy nor a string comparison.
static LATIN_STOP_WORDS: LazyLock<LatinStopWords> = LazyLock::new(|| {
    let lists = TABLE
        .iter()
        .enumerate()
        .filter(|(_, entry)| LATIN.contains(&entry.0))
        .map(|(i, entry)| (i, entry.3.and_then(stop_words::lookup).unwrap_or_default()));
    let words = WordSet::from_words(lists.clone().flat_map(|(_, list)| list.iter().copied()));
    let mut languages = vec![0; words.len()];
    for (i, list) in lists {
        for word in list {
            if let Some(w) = words.index(word.as_bytes()) {
                languages[w] |= 1 << i;
            }
        }
    }
    LatinStopWords { words, languages }
});

/// The languages written in Latin script that have a stop-word list.
const LATIN: &[Language] = &[
    Language::Catalan,
    Language::Danish,
    Language::Dutch,
    Language::English,
    Language::Finnish,
    Language::French,
    Language::German,
    Language::Hungarian,
    Language::Indonesian,
    Language::Italian,
    Language::Norwegian,
    Language::Portuguese,
    Language::Romanian,
    Language::Slovenian,
    Language::Spanish,
    Language::Swedish,
    Language::Turkish,
];

/// The result of [`detect`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Detection {
    /// The BCP-47 primary tag of the detected language ("ko"), even when it is processed as
    /// [`Language::Neutral`].
    pub tag: &'static str,
    /// The language the article is processed in.
    pub language: Language,
    /// How sure the detection is, in [0, 1]: from the stop-word vote's margin over the
    /// runner-up, or whatlang's own confidence.
    pub confidence: f64,
}

/// How many bytes of the text detection looks at: a few hundred words identify a language as
/// well as the whole article would, and the cost stays bounded for large articles.
pub const DETECTION_SAMPLE_BYTES: usize = 2048;

/// Detects the language of `text` from its first [`DETECTION_SAMPLE_BYTES`] bytes.
///
/// `None` when the text is too short or too mixed to tell: for Latin script, only a clear or
/// reliable detection counts (short Latin texts are easily mistaken for one another); for other
/// scripts the best guess is used, since the script alone narrows it down.
pub fn detect(text: &str) -> Option<Detection> {
    let sample = sample(text);
    let candidates = match detect_by_stop_words(sample) {
        StopWordVote::Clear(found) => return Some(found),
        StopWordVote::Close(candidates) => candidates,
        StopWordVote::Undecided => [Language::Neutral; 2],
    };
    let info = whatlang::detect(sample)?;
    // An unreliable Latin guess counts only when the stop words agree that it is one of the two
    // likeliest (Swedish, Danish and Norwegian share most of their function words).
    let tag = tag_of(info.lang());
    let language = Language::from_tag(tag);
    if info.script() == Script::Latin && !info.is_reliable() && !candidates.contains(&language) {
        return None;
    }
    Some(Detection {
        tag,
        language,
        confidence: info.confidence(),
    })
}

/// How sure detection must be to overrule the language a page declares (with the other evidence
/// [`Detection::overrules`] asks for): for the stop-word vote, the runner-up has at most half the
/// winner's hits.
const OVERRULE_CONFIDENCE: f64 = 0.5;

impl Detection {
    /// Whether this detection of `text` is clear evidence against the language a page declares
    /// (`declared`, a BCP-47 tag): it found another language, and either one written in another
    /// script, or one it is sure of (`OVERRULE_CONFIDENCE`, the runner-up at most half the winner) when the declared language could
    /// have been found instead: its own stop words were counted and lost, or the trigram model
    /// independently agrees. (Czech has no stop-word list here; a Czech page's words are
    /// Slovenian stop words too, so the vote alone is no evidence against `lang="cs"`.)
    pub fn overrules(&self, declared: &str, text: &str) -> bool {
        if same_language(declared, self.tag) {
            return false;
        }
        if !same_script(declared, self.tag) {
            return true;
        }
        self.confidence >= OVERRULE_CONFIDENCE
            && (votes_on(Language::from_tag(declared)) || trigrams_say(text, self.tag))
    }
}

/// Whether the stop-word vote counts `language`'s stop words: if so, a clear vote for another
/// language is evidence against it.
fn votes_on(language: Language) -> bool {
    LATIN.contains(&language)
}

/// Whether two language tags name the same language ("de", "de-AT", "deu"; "no", "nb").
fn same_language(a: &str, b: &str) -> bool {
    match (whatlang_of(a), whatlang_of(b)) {
        (Some(a), Some(b)) => a == b,
        _ => primary(a).eq_ignore_ascii_case(primary(b)),
    }
}

/// Whether two languages may be written in the same script: false only when both are known to
/// whatlang and no script of its holds both (English and Chinese, Russian and German).
fn same_script(a: &str, b: &str) -> bool {
    let (Some(a), Some(b)) = (whatlang_of(a), whatlang_of(b)) else {
        return true;
    };
    Script::all()
        .iter()
        .any(|s| s.langs().contains(&a) && s.langs().contains(&b))
}

/// Whether the trigram model, on its own, reliably finds the language `tag` in the text's
/// sample: a second opinion independent of the stop words (about 150 µs).
fn trigrams_say(text: &str, tag: &str) -> bool {
    whatlang::detect(sample(text)).is_some_and(|info| {
        info.is_reliable() && whatlang_of(tag).is_some_and(|lang| lang == info.lang())
    })
}

/// The whatlang language of a BCP-47 tag or ISO 639-3 code, if whatlang knows it.
fn whatlang_of(tag: &str) -> Option<Lang> {
    let primary = primary(tag).to_ascii_lowercase();
    let primary = match primary.as_str() {
        "no" | "nn" => "nb",
        p => p,
    };
    if let Some(lang) = Lang::from_code(primary) {
        return Some(lang);
    }
    ISO_639_3
        .iter()
        .find(|e| e.1 == primary)
        .and_then(|e| Lang::from_code(e.0))
}

/// The primary subtag of a language tag ("pt" of "pt-BR").
fn primary(tag: &str) -> &str {
    tag.trim().split(['-', '_']).next().unwrap_or_default()
}

/// The start of `text` detection looks at: its first [`DETECTION_SAMPLE_BYTES`] bytes, cut at a
/// character boundary.
fn sample(text: &str) -> &str {
    let mut end = text.len().min(DETECTION_SAMPLE_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Fewest words a sample needs for the stop words to decide its language.
const MIN_STOP_WORD_SAMPLE: usize = 8;

/// What the stop words of a sample say about its language.
enum StopWordVote {
    /// One language leads clearly.
    Clear(Detection),
    /// Two languages lead together.
    Close([Language; 2]),
    /// Another script, too few words, or too few stop words.
    Undecided,
}

/// Votes on a Latin-script language by the stop words of the sample: the language whose list
/// holds the most of its words wins when that is a clear lead (at least 3 hits, a tenth of the
/// words, and 1.5 times the runner-up).
fn detect_by_stop_words(sample: &str) -> StopWordVote {
    let latin = &*LATIN_STOP_WORDS;
    let mut hits = [0u32; 32];
    let (mut words, mut latin_words) = (0usize, 0usize);
    let mut lower = String::new();
    each_word_key(sample, |word, key| {
        words += 1;
        if !word.chars().next().is_some_and(is_latin) {
            return ControlFlow::Continue(());
        }
        latin_words += 1;
        let found = match key {
            // Most words: short ASCII, looked up by their folded key.
            Some(key) => latin.words.index_of_key(key),
            None => {
                lower.clear();
                lower.extend(word.chars().flat_map(char::to_lowercase));
                latin.words.index(lower.as_bytes())
            }
        };
        if let Some(w) = found {
            let mut bits = latin.languages[w];
            while bits != 0 {
                hits[bits.trailing_zeros() as usize] += 1;
                bits &= bits - 1;
            }
        }
        // Most texts are settled within a few dozen words: stop once one language leads by far.
        if latin_words % 16 == 0 && latin_words >= 32 && decisive(&hits) {
            return ControlFlow::Break(());
        }
        ControlFlow::Continue(())
    });
    if latin_words < MIN_STOP_WORD_SAMPLE || latin_words * 2 < words {
        return StopWordVote::Undecided;
    }
    let ((best, i), (second, j)) = top_two(&hits);
    let enough = best >= 3 && best as usize * 10 >= latin_words;
    if !enough {
        return StopWordVote::Undecided;
    }
    if best * 2 < second * 3 {
        return StopWordVote::Close([TABLE[i].0, TABLE[j].0]);
    }
    let (language, tag, _, _) = TABLE[i];
    StopWordVote::Clear(Detection {
        tag,
        language,
        // The runner-up's share of the winner's hits, turned around: 1 when no other
        // language's stop words occur.
        confidence: 1.0 - f64::from(second) / f64::from(best),
    })
}

/// True when one language has at least 12 hits and three times as many as any other.
fn decisive(hits: &[u32; 32]) -> bool {
    let ((best, _), (second, _)) = top_two(hits);
    best >= 12 && best >= 3 * second
}

/// The most and second-most hits with their [`TABLE`] indices; ties go to the earlier index, so
/// the vote is deterministic.
fn top_two(hits: &[u32; 32]) -> ((u32, usize), (u32, usize)) {
    let (mut best, mut second) = ((0, 0), (0, 0));
    for (i, &h) in hits.iter().enumerate() {
        if h > best.0 {
            second = best;
            best = (h, i);
        } else if h > second.0 {
            second = (h, i);
        }
    }
    (best, second)
}

/// True for a letter of the Latin script (ASCII, Latin-1 and Latin Extended letters).
fn is_latin(c: char) -> bool {
    c.is_ascii_alphabetic() || (c.is_alphabetic() && ('\u{C0}'..='\u{24F}').contains(&c))
}

/// The BCP-47 primary tag of a whatlang language.
fn tag_of(lang: Lang) -> &'static str {
    let code = lang.code();
    ISO_639_3.iter().find(|e| e.0 == code).map_or(code, |e| e.1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::key::key;
    use crate::text::wordset::reference::check;

    #[test]
    fn detects_languages_of_news_text() {
        let cases = [
            (
                "The government announced on Tuesday that it would raise taxes on fuel, a move \
                 that critics said would hurt families already struggling with rising prices.",
                "en",
            ),
            (
                "Die Bundesregierung hat am Dienstag angekündigt, die Steuern auf Kraftstoff zu \
                 erhöhen. Kritiker sagen, dass dies Familien schadet, die bereits unter den \
                 steigenden Preisen leiden.",
                "de",
            ),
            (
                "Le gouvernement a annoncé mardi qu'il augmenterait les taxes sur le carburant, \
                 une décision qui, selon les critiques, pénaliserait les familles.",
                "fr",
            ),
            (
                "El gobierno anunció el martes que subirá los impuestos sobre el combustible, una \
                 medida que según los críticos perjudicará a las familias.",
                "es",
            ),
            (
                "De regering heeft dinsdag aangekondigd dat zij de belasting op brandstof zal \
                 verhogen, een maatregel die volgens critici gezinnen zal treffen.",
                "nl",
            ),
            (
                "Il governo ha annunciato martedì che aumenterà le tasse sul carburante, una \
                 misura che secondo i critici danneggerà le famiglie.",
                "it",
            ),
            (
                "Regeringen meddelade på tisdagen att den kommer att höja skatten på bränsle, \
                 en åtgärd som enligt kritiker skadar familjer som redan har det svårt.",
                "sv",
            ),
            (
                "Hükümet salı günü akaryakıt vergilerini artıracağını açıkladı. Eleştirmenler \
                 bu kararın zaten zorlanan aileleri daha da zor durumda bırakacağını söyledi.",
                "tr",
            ),
            // Latin script without a stop-word list here: whatlang decides.
            (
                "Rząd ogłosił we wtorek, że podniesie podatki na paliwo, co według krytyków \
                 zaszkodzi rodzinom, które już teraz zmagają się z rosnącymi cenami.",
                "pl",
            ),
            (
                "Правительство объявило во вторник, что повысит налоги на топливо.",
                "ru",
            ),
            (
                "政府周二宣布将提高燃油税。批评者说，这将伤害已经在物价上涨中挣扎的家庭。",
                "zh",
            ),
            (
                "政府は火曜日、燃料税を引き上げると発表した。批判的な人々は、物価の上昇に苦しむ家庭に打撃を与えると述べている。",
                "ja",
            ),
            (
                "정부는 화요일 연료세를 인상하겠다고 발표했다. 비평가들은 이것이 가정에 피해를 줄 것이라고 말했다.",
                "ko",
            ),
        ];
        for (text, tag) in cases {
            let d = detect(text).unwrap_or_else(|| panic!("no detection for {tag}"));
            assert_eq!(d.tag, tag, "{text}");
            assert!(d.confidence > 0.0 && d.confidence <= 1.0);
        }
        assert_eq!(
            detect("정부는").map(|d| d.language),
            Some(Language::Neutral)
        );
        assert_eq!(
            detect("Rząd ogłosił we wtorek, że podniesie podatki na paliwo, co według krytyków zaszkodzi rodzinom.")
                .map(|d| d.language),
            Some(Language::Neutral)
        );
        // Too short to tell: no detection rather than a guess.
        assert_eq!(detect("OK"), None);
        assert_eq!(detect("12345 !!!"), None);
    }

    #[test]
    fn stop_words_count_in_any_case_and_script() {
        // Capitals, non-ASCII letters and words past the key's 16 bytes take the folded-string
        // path, the rest the key path: the vote must not depend on which.
        let text = "Le gouvernement a annoncé mardi qu'il augmenterait les taxes sur le carburant, \
                    une décision qui, selon les critiques, pénaliserait les familles DÉJÀ très \
                    éprouvées par la hausse des prix et par une inflation extraordinairement forte.";
        let lower = detect(text).map(|d| (d.tag, d.confidence.to_bits()));
        assert_eq!(lower.map(|d| d.0), Some("fr"));
        assert_eq!(
            detect(&text.to_uppercase()).map(|d| (d.tag, d.confidence.to_bits())),
            lower
        );
        let hits = |t: &str| match detect_by_stop_words(t) {
            StopWordVote::Clear(d) => Some(d.confidence.to_bits()),
            _ => None,
        };
        assert_eq!(hits(&text.to_uppercase()), hits(text));
        let latin = &LATIN_STOP_WORDS.words;
        let every: Vec<&str> = LATIN
            .iter()
            .filter_map(|l| l.stop_word_code().and_then(stop_words::lookup))
            .flatten()
            .copied()
            .collect();
        check(latin, &every);
        assert!(latin.index(b"les").is_some());
        assert_eq!(
            latin.index_of_key(key("les").unwrap_or_default()),
            latin.index(b"les")
        );
    }

    #[test]
    fn detection_looks_at_a_bounded_sample() {
        // A multi-byte character straddles the sample boundary.
        let text = format!(
            "{}{}",
            "a".repeat(DETECTION_SAMPLE_BYTES - 1),
            "é".repeat(10)
        );
        let _ = detect(&text);
    }
}
