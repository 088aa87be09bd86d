//! Chinese and Japanese: which characters are ideographs, kana or function characters, and the
//! pieces (words and bigram terms) a run of them is cut into (see the module docs of `token`).

use super::*;

/// What a character is to the Chinese and Japanese rules (see the module docs).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum CjkClass {
    /// An ideograph (Han): a word of its own, and part of bigram terms.
    Ideograph,
    /// Katakana: a word of its own, and part of bigram terms.
    Katakana,
    /// Hiragana: a word of its own, but no term.
    Hiragana,
    /// Any other character.
    Other,
}

pub(super) fn cjk_class(c: char) -> CjkClass {
    match c {
        '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{3134F}'
        | '\u{3005}' => CjkClass::Ideograph,
        '\u{30A0}'..='\u{30FF}' | '\u{31F0}'..='\u{31FF}' | '\u{FF66}'..='\u{FF9F}' => {
            CjkClass::Katakana
        }
        '\u{3040}'..='\u{309F}' => CjkClass::Hiragana,
        _ => CjkClass::Other,
    }
}

/// The two characters of a Chinese or Japanese bigram term, or `None` for any other term.
pub fn cjk_bigram(term: &str) -> Option<(char, char)> {
    let mut chars = term.chars();
    let (a, b) = (chars.next()?, chars.next()?);
    let gram = |c| matches!(cjk_class(c), CjkClass::Ideograph | CjkClass::Katakana);
    (chars.next().is_none() && gram(a) && gram(b)).then_some((a, b))
}

/// Chinese characters that only ever write particles and conjunctions (的, 了, 是, 和, ...): a
/// bigram with one of them straddles a word boundary, so it is no term.
pub(super) const FUNCTION_CHARS: &[char] = &[
    '的', '了', '着', '过', '是', '在', '和', '与', '及', '或', '而', '之', '于', '把', '被', '也',
    '就', '都', '吗', '呢', '吧', '啊',
];

/// True when a bigram (or lone ideograph) is a term in a text of `language`. In Japanese every one
/// is: its particles are written in hiragana, which makes no term, and its words hold characters
/// Chinese writes particles with (平和 "peace", 与党 "ruling party", 京都, 被害 "damage"). In any
/// other language (a Chinese text, or a Chinese name in an English one) a term is no Chinese stop
/// word and has no function character.
pub(super) fn gram_is_content(gram: &str, language: Language) -> bool {
    language == Language::Japanese
        || (!Language::Chinese.is_stop_word(gram) && !gram.contains(FUNCTION_CHARS))
}

/// The key of a bigram or lone ideograph in [`Vocabulary`]: its characters, packed.
pub(crate) fn gram_key(gram: &str) -> u64 {
    let mut chars = gram.chars();
    let a = chars.next().map_or(0, u64::from);
    let b = chars.next().map_or(0, u64::from);
    a << 32 | b
}

/// True when `term` is a term [`cjk_pieces`] makes: a bigram of ideographs and katakana, or a
/// lone ideograph.
pub(crate) fn is_gram(term: &str) -> bool {
    let mut chars = term.chars();
    match (chars.next(), chars.next()) {
        (Some(a), None) => cjk_class(a) == CjkClass::Ideograph,
        (Some(_), Some(_)) => cjk_bigram(term).is_some(),
        _ => false,
    }
}

/// True when `word` has a Chinese or Japanese character.
pub(super) fn has_cjk(word: &str) -> bool {
    // Every such character is 3 or 4 bytes long, with a lead byte of at least 0xE3.
    word.bytes().any(|b| b >= 0xE3) && word.chars().any(|c| cjk_class(c) != CjkClass::Other)
}

/// One piece of a word with Chinese or Japanese characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum CjkPiece<'a> {
    /// A term: a bigram, or a lone ideograph.
    Gram(&'a str),
    /// A run of other letters and digits inside the word ("iPhone" in "iPhone手机").
    Word(&'a str),
}

/// Splits a word with Chinese or Japanese characters into its pieces, and returns its number of
/// words (each such character counts one, each run of other characters one); `None` when `piece`
/// returned false (stop) for a piece.
pub(super) fn cjk_pieces<'a>(
    word: &'a str,
    mut piece: impl FnMut(CjkPiece<'a>) -> bool,
) -> Option<usize> {
    let mut count = 0;
    // The current run of characters of one class: its start, class, length in chars, and the
    // start of its last char.
    let mut run: Option<(usize, CjkClass, usize, usize)> = None;
    for (i, c) in word.char_indices() {
        let class = match cjk_class(c) {
            // Ideographs and katakana form one run (`カタカナ語`), so bigrams span both.
            CjkClass::Katakana => CjkClass::Ideograph,
            other => other,
        };
        if class != CjkClass::Other {
            count += 1;
        }
        if let Some((_, run_class, len, prev)) = run.as_mut()
            && *run_class == class
            && class != CjkClass::Hiragana
        {
            if class == CjkClass::Ideograph
                && !piece(CjkPiece::Gram(&word[*prev..i + c.len_utf8()]))
            {
                return None;
            }
            *len += 1;
            *prev = i;
            continue;
        }
        if let Some(done) = run.take()
            && !end_run(word, done, i, &mut piece)
        {
            return None;
        }
        if class == CjkClass::Other {
            count += 1;
        }
        run = Some((i, class, 1, i));
    }
    if let Some(done) = run
        && !end_run(word, done, word.len(), &mut piece)
    {
        return None;
    }
    Some(count)
}

/// Reports what a finished run of [`cjk_pieces`] adds: a run of other characters is a word, a
/// lone ideograph a term (longer runs reported their bigrams as they grew). Returns what `piece`
/// did (true when nothing was reported).
pub(super) fn end_run<'a>(
    word: &'a str,
    (start, class, len, _): (usize, CjkClass, usize, usize),
    end: usize,
    piece: &mut impl FnMut(CjkPiece<'a>) -> bool,
) -> bool {
    match class {
        CjkClass::Other => piece(CjkPiece::Word(&word[start..end])),
        CjkClass::Ideograph
            if len == 1
                && cjk_class(word[start..].chars().next().unwrap_or(' '))
                    == CjkClass::Ideograph =>
        {
            piece(CjkPiece::Gram(&word[start..end]))
        }
        _ => true,
    }
}
