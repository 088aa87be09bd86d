use super::*;
use crate::text::key::key;

fn all_words(text: &str) -> Vec<&str> {
    words(text).map(|(_, w)| w).collect()
}

#[test]
fn words_keep_inner_apostrophes_and_split_on_punctuation() {
    assert_eq!(
        all_words("Kim's regime—don't 'quote' North-South 3.5% U.S."),
        [
            "Kim's", "regime", "don't", "quote", "North", "South", "3", "5", "U", "S"
        ]
    );
    assert_eq!(all_words("it’s"), ["it’s"]);
    assert_eq!(all_words("  "), Vec::<&str>::new());
    assert_eq!(all_words("Zürich 東京 مرحبا"), ["Zürich", "東京", "مرحبا"]);
}

/// Words by the definition in the module docs, one char at a time.
fn reference_words(text: &str) -> Vec<(usize, &str)> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut k = 0;
    while k < chars.len() {
        if !chars[k].1.is_alphanumeric() {
            k += 1;
            continue;
        }
        let start = chars[k].0;
        while k < chars.len()
            && (chars[k].1.is_alphanumeric()
                || (is_apostrophe(chars[k].1)
                    && chars.get(k + 1).is_some_and(|c| c.1.is_alphabetic())))
        {
            k += 1;
        }
        let end = chars.get(k).map_or(text.len(), |c| c.0);
        out.push((start, &text[start..end]));
    }
    out
}

#[test]
fn words_match_the_definition_for_every_ascii_byte_and_position() {
    let mut buf = String::new();
    for b in 0u8..0x80 {
        let c = char::from(b);
        for text in [
            format!("abcdefg{c}hijklmnop{c}{c}QRSTUVWXYZ0123456789{c}"),
            format!("{c}Ab{c}c'd{c}AbCdEfGhIjKlMnOpQ{c}é{c}x’y{c}9"),
            format!("Zürich{c}ZÜRICH{c}straße{c}'{c}abcdefghijklmnopqrstuvwxyz"),
        ] {
            let mut all = words(&text);
            let mut got = Vec::new();
            while let Some(w) = all.next_word() {
                got.push((w.start, w.text));
                // A word said to be folded is, and the key is that of the folded word.
                let folded = fold(w.text, false, &mut buf).to_owned();
                if w.is_folded() {
                    assert_eq!(folded, w.text, "{text:?}");
                }
                let expected = if w.text.is_ascii() {
                    key(&folded)
                } else {
                    None
                };
                assert_eq!(w.ascii_key(text.as_bytes()), expected, "{text:?}");
            }
            assert_eq!(got, reference_words(&text), "{text:?}");
        }
    }
    // One uppercase letter anywhere in a word, which must be folded.
    for upper in 'A'..='Z' {
        for at in 0..12 {
            let mut word: Vec<char> = "abcdefghijkl".chars().collect();
            word[at] = upper;
            let word: String = word.into_iter().collect();
            for text in [word.clone(), format!("{word} and more after it")] {
                let w = words(&text).next_word().expect("a word");
                assert!(!w.is_folded(), "{text:?}");
                assert_eq!(w.ascii_key(text.as_bytes()), key(&word.to_lowercase()));
            }
        }
    }
}

#[test]
fn word_offsets_slice_back() {
    let text = "«Héllo», said Zoë's friend.";
    for (offset, word) in words(text) {
        assert_eq!(&text[offset..offset + word.len()], word);
    }
}

#[test]
fn ascii_keys_are_the_keys_of_folded_words() {
    let text =
        "The KOREAN talks' O'Neill don't x9Y abcdefghijklmnop ABCDEFGHIJKLMNOPQ Zürich it’s Z";
    let mut buf = String::new();
    let mut all = words(text);
    let mut n = 0;
    while let Some(w) = all.next_word() {
        let folded = fold(w.text, w.is_folded(), &mut buf).to_owned();
        assert_eq!(folded, w.text.to_lowercase().replace('’', "'"));
        let expected = if w.text.is_ascii() {
            key(&folded)
        } else {
            None
        };
        assert_eq!(w.ascii_key(text.as_bytes()), expected, "{:?}", w.text);
        n += 1;
    }
    assert_eq!(n, 11);
    // Every byte value, and words that end near the end of the text.
    for b in 0u8..0x80 {
        let word = format!("A{}z", char::from(b));
        let text = format!("{word} tail of more than sixteen bytes");
        for text in [word.as_str(), text.as_str()] {
            let w = words(text).next_word().expect("a word");
            let folded = fold(w.text, w.is_folded(), &mut buf).to_owned();
            assert_eq!(w.ascii_key(text.as_bytes()), key(&folded), "{text:?}");
        }
    }
}

#[test]
fn content_stems_fold_case_and_drop_stop_words() {
    let mut t = Tokenizer::new();
    assert_eq!(t.content_stem("Running").as_deref(), Some("run"));
    assert_eq!(t.content_stem("Kim’s").as_deref(), Some("kim"));
    assert_eq!(t.content_stem("The"), None);
    assert_eq!(t.content_stem("a"), None);
    assert_eq!(t.content_stem("1953"), None);
    assert_eq!(t.content_stem("G7").as_deref(), Some("g7"));
}

#[test]
fn vocabulary_counts_inflections_together() {
    let mut t = Tokenizer::new();
    let mut vocab = Vocabulary::new();
    let mut out = Vec::new();
    let n = t.terms(
        "Talks stalled. The talk resumed; talking helps.",
        &mut vocab,
        &mut out,
    );
    assert_eq!(n, 7);
    let talk = vocab.get("talk").expect("talk is a term");
    assert_eq!(vocab.count(talk), 3);
    assert_eq!(vocab.surface(talk), "Talks");
    assert_eq!(out.iter().filter(|&&id| id == talk).count(), 3);
}

/// Every term of `vocab` with its surface, count and idf, in id order.
fn snapshot<'a>(vocab: &Vocabulary<'a>) -> Vec<(&'a str, u32, u8)> {
    (0..vocab.len() as TermId)
        .map(|t| (vocab.surface(t), vocab.count(t), vocab.idf(t)))
        .collect()
}

#[test]
fn rollback_leaves_the_vocabulary_as_if_the_text_was_never_seen() {
    let first = "Talks stalled in Zyxland. The talk resumed.";
    // Listed and unlisted words, new and already seen, a CJK bigram, a repeated new word.
    let dropped = "Click here: talks, Zyxland, Qwertyvale and Qwertyvale 北京 resumed.";
    let last = "Qwertyvale talks resumed in Zyxland; click here.";
    for language in [Language::English, Language::French] {
        let (mut t, mut out) = (Tokenizer::for_language(language), Vec::new());
        let mut vocab = Vocabulary::for_text_in(200, language);
        t.terms(first, &mut vocab, &mut out);
        out.clear();
        let mark = vocab.mark();
        t.terms(dropped, &mut vocab, &mut out);
        assert!(vocab.len() > mark.terms, "the dropped text added terms");
        vocab.rollback(mark, &out);
        out.clear();
        t.terms(last, &mut vocab, &mut out);
        let (with_rollback, terms_after) = (snapshot(&vocab), out.clone());
        let probe = vocab.get(&t.content_stem("Qwertyvale").expect("content word"));
        drop(vocab);

        let (mut t, mut out) = (Tokenizer::for_language(language), Vec::new());
        let mut vocab = Vocabulary::for_text_in(200, language);
        t.terms(first, &mut vocab, &mut out);
        out.clear();
        t.terms(last, &mut vocab, &mut out);
        assert_eq!(with_rollback, snapshot(&vocab), "{language:?}");
        assert_eq!(terms_after, out, "{language:?}");
        let stem = t.content_stem("Qwertyvale").expect("content word");
        assert_eq!(probe, vocab.get(&stem), "{language:?}");
    }
}

fn pieces(word: &str) -> (Vec<CjkPiece<'_>>, usize) {
    let mut out = Vec::new();
    let count = cjk_pieces(word, |p| {
        out.push(p);
        true
    })
    .unwrap_or(0);
    (out, count)
}

#[test]
fn chinese_and_japanese_words_become_bigrams() {
    use CjkPiece::{Gram, Word};
    // Every ideograph counts as a word; bigrams overlap.
    assert_eq!(
        pieces("经济增长"),
        (vec![Gram("经济"), Gram("济增"), Gram("增长")], 4)
    );
    // A lone ideograph is a term; a run of Latin letters inside is a word of its own.
    assert_eq!(
        pieces("iPhone手机"),
        (vec![Word("iPhone"), Gram("手机")], 3)
    );
    assert_eq!(pieces("新iPhone"), (vec![Gram("新"), Word("iPhone")], 2));
    // Hiragana counts but makes no terms, and breaks runs; katakana joins ideographs.
    assert_eq!(
        pieces("政府はテレビ局"),
        (
            vec![Gram("政府"), Gram("テレ"), Gram("レビ"), Gram("ビ局")],
            7
        )
    );
    assert_eq!(pieces("すし"), (vec![], 2));
    assert!(has_cjk("東京"));
    assert!(!has_cjk("Zürich’s"));
}

#[test]
fn chinese_terms_drop_stop_words_and_count_every_character() {
    let mut t = Tokenizer::for_language(Language::Chinese);
    let mut vocab = Vocabulary::for_text_in(100, Language::Chinese);
    let mut out = Vec::new();
    let seen = t.sentence_terms("我们的经济，经济增长。", &mut vocab, &mut out);
    assert_eq!(seen.count, 9);
    let economy = vocab.get("经济").expect("a term");
    assert_eq!(vocab.count(economy), 2);
    // 我们 is a Chinese stop word; 的 alone is never a term, nor a bigram with it.
    assert_eq!(vocab.get("我们"), None);
    assert_eq!(vocab.get("们的"), None);
    assert_eq!(vocab.get("的经"), None);
    let mut stems = Vec::new();
    t.content_stems("经济增长", &mut stems);
    assert_eq!(stems, ["增长", "济增", "经济"]);
}

#[test]
fn japanese_terms_keep_the_characters_chinese_writes_particles_with() {
    let text = "与党は京都の被害と平和を話した。";
    let mut japanese = Vocabulary::for_text_in(100, Language::Japanese);
    Tokenizer::for_language(Language::Japanese).sentence_terms(
        text,
        &mut japanese,
        &mut Vec::new(),
    );
    for word in ["与党", "京都", "被害", "平和"] {
        assert!(japanese.get(word).is_some(), "{word}");
    }
    // The same characters in a Chinese text are particles (与, 都, 被, 和).
    let mut chinese = Vocabulary::for_text_in(100, Language::Chinese);
    Tokenizer::for_language(Language::Chinese).sentence_terms(text, &mut chinese, &mut Vec::new());
    assert_eq!(chinese.get("京都"), None);
}

#[test]
fn other_languages_use_their_stop_words_and_stemmer_without_the_english_lexicon() {
    let mut t = Tokenizer::for_language(Language::German);
    let mut vocab = Vocabulary::for_text_in(100, Language::German);
    let mut out = Vec::new();
    let seen = t.sentence_terms("Die Regierungen und die Regierung", &mut vocab, &mut out);
    assert_eq!(seen.count, 5);
    assert_eq!(out.len(), 2);
    let government = vocab.get("regier").expect("the German stem");
    assert_eq!(vocab.count(government), 2);
    // Unknown to the English lexicon's idf: every term weighs the same.
    assert_eq!(vocab.idf(government), u8::MAX);
    assert_eq!(t.content_stem("und"), None);
}
