//! The Snowball English stemmer ("Porter2") for folded ASCII words, giving exactly what
//! `rust_stemmers`' English algorithm gives, at a fraction of its cost.
//!
//! `rust_stemmers` runs the code the Snowball compiler generates: each rule searches a table of
//! suffixes char by char, and each change to the word builds a new `String`; stemming is then a
//! noticeable part of summarizing an article. Here the word is one byte buffer and each step tests
//! its ending directly. Words of other chars (which folding can produce from non-ASCII letters)
//! are left to `rust_stemmers`.
//!
//! The steps follow `english.sbl` as `rust_stemmers` 1.2 compiled it, and the tests compare the
//! two on every form of the lexicon, every word of the test articles and a million generated
//! words.

/// The stem of `word` if it is folded ASCII (lowercase letters, digits and `'`), else `None`.
pub fn stem(word: &str) -> Option<String> {
    let w = word.as_bytes();
    if !w
        .iter()
        .all(|&b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'\'')
    {
        return None;
    }
    if let Some(stem) = exception1(w) {
        return Some(stem.to_owned());
    }
    if w.len() < 3 {
        return Some(word.to_owned());
    }
    let mut b = Vec::with_capacity(w.len() + 1);
    b.extend_from_slice(w.strip_prefix(b"'").unwrap_or(w));
    let y_found = mark_ys(&mut b);
    let (p1, p2) = regions(&b);
    step_1a(&mut b);
    if !EXCEPTION2.contains(&b.as_slice()) {
        step_1b(&mut b, p1);
        step_1c(&mut b);
        step_2(&mut b, p1);
        step_3(&mut b, p1, p2);
        step_4(&mut b, p2);
        step_5(&mut b, p1, p2);
    }
    if y_found {
        b.iter_mut().filter(|c| **c == b'Y').for_each(|c| *c = b'y');
    }
    String::from_utf8(b).ok()
}

/// The algorithm's vowels. A `Y` marked by [`mark_ys`] is a consonant.
fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u' | b'y')
}

/// Whole words with a stem of their own (`exception1`).
fn exception1(w: &[u8]) -> Option<&'static str> {
    Some(match w {
        b"skis" => "ski",
        b"skies" => "sky",
        b"dying" => "die",
        b"lying" => "lie",
        b"tying" => "tie",
        b"idly" => "idl",
        b"gently" => "gentl",
        b"ugly" => "ugli",
        b"early" => "earli",
        b"only" => "onli",
        b"singly" => "singl",
        b"sky" => "sky",
        b"news" => "news",
        b"howe" => "howe",
        b"atlas" => "atlas",
        b"cosmos" => "cosmos",
        b"bias" => "bias",
        b"andes" => "andes",
        _ => return None,
    })
}

/// Whole words (after step 1a) that the later steps leave alone (`exception2`).
const EXCEPTION2: &[&[u8]] = &[
    b"inning", b"outing", b"canning", b"herring", b"earring", b"proceed", b"exceed", b"succeed",
];

/// Marks an initial `y`, and each `y` after a vowel, as the consonant `Y` (the prelude); true if
/// it marked any.
fn mark_ys(b: &mut [u8]) -> bool {
    let mut found = false;
    if let Some(first) = b.first_mut()
        && *first == b'y'
    {
        *first = b'Y';
        found = true;
    }
    for i in 1..b.len() {
        if b[i] == b'y' && is_vowel(b[i - 1]) {
            b[i] = b'Y';
            found = true;
        }
    }
    found
}

/// Where the regions R1 and R2 start (the word's length when one is empty).
fn regions(b: &[u8]) -> (usize, usize) {
    let n = b.len();
    let p1 = [&b"gener"[..], b"commun", b"arsen"]
        .iter()
        .find(|prefix| b.starts_with(prefix))
        .map(|prefix| prefix.len())
        .or_else(|| after_vowel_and_consonant(b, 0));
    match p1 {
        Some(p1) => (p1, after_vowel_and_consonant(b, p1).unwrap_or(n)),
        None => (n, n),
    }
}

/// The position after the first non-vowel that follows a vowel, at or after `from`.
fn after_vowel_and_consonant(b: &[u8], from: usize) -> Option<usize> {
    let vowel = from + b.get(from..)?.iter().position(|&c| is_vowel(c))?;
    let consonant = vowel + 1 + b[vowel + 1..].iter().position(|&c| !is_vowel(c))?;
    Some(consonant + 1)
}

/// Whether the `end` first bytes of `b` end in a short syllable: a non-vowel other than `w`, `x`
/// and `Y` after a vowel after a non-vowel, or a vowel and a non-vowel that are the whole word.
fn short_syllable(b: &[u8], end: usize) -> bool {
    let is_vowel_wxy = |c: u8| is_vowel(c) || matches!(c, b'w' | b'x' | b'Y');
    match end {
        0 | 1 => false,
        2 => is_vowel(b[0]) && !is_vowel(b[1]),
        _ => !is_vowel_wxy(b[end - 1]) && is_vowel(b[end - 2]) && !is_vowel(b[end - 3]),
    }
}

/// Replaces the bytes of `b` from `start` on with `with`.
fn replace_from(b: &mut Vec<u8>, start: usize, with: &[u8]) {
    b.truncate(start);
    b.extend_from_slice(with);
}

/// The longest of `suffixes` that `b` ends with: where it starts in `b`, and its action.
fn longest_suffix<T: Copy>(b: &[u8], suffixes: &[(&[u8], T)]) -> Option<(usize, T)> {
    suffixes
        .iter()
        .filter(|(s, _)| b.ends_with(s))
        .max_by_key(|(s, _)| s.len())
        .map(|&(s, action)| (b.len() - s.len(), action))
}

/// Step 1a: possessives and plurals.
fn step_1a(b: &mut Vec<u8>) {
    if let Some((start, ())) = longest_suffix(b, &[(b"'s'", ()), (b"'s", ()), (b"'", ())]) {
        b.truncate(start);
    }
    let n = b.len();
    if b.ends_with(b"sses") {
        replace_from(b, n - 4, b"ss");
    } else if b.ends_with(b"ied") || b.ends_with(b"ies") {
        let with: &[u8] = if n - 3 >= 2 { b"i" } else { b"ie" };
        replace_from(b, n - 3, with);
    } else if b.ends_with(b"ss") || b.ends_with(b"us") {
        // Left as they are (`class`, `bus`): not plurals.
    } else if b.ends_with(b"s") && n >= 2 && b[..n - 2].iter().any(|&c| is_vowel(c)) {
        b.pop();
    }
}

/// Step 1b: `eed`, `ed`, `ing` and their `ly` forms.
fn step_1b(b: &mut Vec<u8>, p1: usize) {
    /// `true` for `eed`, `eedly`; `false` for the others.
    const SUFFIXES: &[(&[u8], bool)] = &[
        (b"eed", true),
        (b"eedly", true),
        (b"ed", false),
        (b"edly", false),
        (b"ing", false),
        (b"ingly", false),
    ];
    let Some((start, eed)) = longest_suffix(b, SUFFIXES) else {
        return;
    };
    if eed {
        if p1 <= start {
            replace_from(b, start, b"ee");
        }
        return;
    }
    if !b[..start].iter().any(|&c| is_vowel(c)) {
        return;
    }
    b.truncate(start);
    const DOUBLES: &[&[u8]] = &[
        b"bb", b"dd", b"ff", b"gg", b"mm", b"nn", b"pp", b"rr", b"tt",
    ];
    if b.ends_with(b"at") || b.ends_with(b"bl") || b.ends_with(b"iz") {
        b.push(b'e');
    } else if DOUBLES.iter().any(|d| b.ends_with(d)) {
        b.pop();
    } else if b.len() == p1 && short_syllable(b, b.len()) {
        b.push(b'e');
    }
}

/// Step 1c: a final `y` after a consonant that is not the first letter becomes `i`.
fn step_1c(b: &mut [u8]) {
    let n = b.len();
    if n >= 3 && matches!(b[n - 1], b'y' | b'Y') && !is_vowel(b[n - 2]) {
        b[n - 1] = b'i';
    }
}

/// What a suffix of steps 2 and 3 becomes.
#[derive(Clone, Copy)]
enum Step {
    /// Replaced by these bytes.
    To(&'static [u8]),
    /// `ogi`: `og` after an `l`.
    Ogi,
    /// `li`: deleted after a valid li-ending.
    Li,
    /// `ative`: deleted in R2.
    AtiveInR2,
}

/// Step 2: suffixes in R1 (`ational` → `ate`, `iveness` → `ive`, ...).
fn step_2(b: &mut Vec<u8>, p1: usize) {
    use Step::{Li, Ogi, To};
    const SUFFIXES: &[(&[u8], Step)] = &[
        (b"anci", To(b"ance")),
        (b"enci", To(b"ence")),
        (b"ogi", Ogi),
        (b"li", Li),
        (b"bli", To(b"ble")),
        (b"abli", To(b"able")),
        (b"alli", To(b"al")),
        (b"fulli", To(b"ful")),
        (b"lessli", To(b"less")),
        (b"ousli", To(b"ous")),
        (b"entli", To(b"ent")),
        (b"aliti", To(b"al")),
        (b"biliti", To(b"ble")),
        (b"iviti", To(b"ive")),
        (b"tional", To(b"tion")),
        (b"ational", To(b"ate")),
        (b"alism", To(b"al")),
        (b"ation", To(b"ate")),
        (b"ization", To(b"ize")),
        (b"izer", To(b"ize")),
        (b"ator", To(b"ate")),
        (b"iveness", To(b"ive")),
        (b"fulness", To(b"ful")),
        (b"ousness", To(b"ous")),
    ];
    let Some((start, step)) = longest_suffix(b, SUFFIXES) else {
        return;
    };
    if start < p1 {
        return;
    }
    let before = start.checked_sub(1).map(|i| b[i]);
    match step {
        To(with) => replace_from(b, start, with),
        Ogi if before == Some(b'l') => replace_from(b, start, b"og"),
        Li if before.is_some_and(|c| b"cdeghkmnrt".contains(&c)) => b.truncate(start),
        Ogi | Li | Step::AtiveInR2 => {}
    }
}

/// Step 3: more suffixes in R1 (`alize` → `al`, `ness` deleted, ...).
fn step_3(b: &mut Vec<u8>, p1: usize, p2: usize) {
    use Step::{AtiveInR2, To};
    const SUFFIXES: &[(&[u8], Step)] = &[
        (b"icate", To(b"ic")),
        (b"ative", AtiveInR2),
        (b"alize", To(b"al")),
        (b"iciti", To(b"ic")),
        (b"ical", To(b"ic")),
        (b"tional", To(b"tion")),
        (b"ational", To(b"ate")),
        (b"ful", To(b"")),
        (b"ness", To(b"")),
    ];
    let Some((start, step)) = longest_suffix(b, SUFFIXES) else {
        return;
    };
    if start < p1 {
        return;
    }
    match step {
        To(with) => replace_from(b, start, with),
        AtiveInR2 if p2 <= start => b.truncate(start),
        _ => {}
    }
}

/// Step 4: suffixes deleted in R2 (`ment`, `ance`, `ion` after `s` or `t`, ...).
fn step_4(b: &mut Vec<u8>, p2: usize) {
    /// `true` for `ion`, deleted only after `s` or `t`.
    const SUFFIXES: &[(&[u8], bool)] = &[
        (b"ic", false),
        (b"ance", false),
        (b"ence", false),
        (b"able", false),
        (b"ible", false),
        (b"ate", false),
        (b"ive", false),
        (b"ize", false),
        (b"iti", false),
        (b"al", false),
        (b"ism", false),
        (b"ion", true),
        (b"er", false),
        (b"ous", false),
        (b"ant", false),
        (b"ent", false),
        (b"ment", false),
        (b"ement", false),
    ];
    let Some((start, ion)) = longest_suffix(b, SUFFIXES) else {
        return;
    };
    if start < p2 {
        return;
    }
    if !ion || (start > 0 && matches!(b[start - 1], b's' | b't')) {
        b.truncate(start);
    }
}

/// Step 5: a final `e` in R2, or in R1 after no short syllable; a final `l` of `ll` in R2.
fn step_5(b: &mut Vec<u8>, p1: usize, p2: usize) {
    let n = b.len();
    let Some(&last) = b.last() else { return };
    let start = n - 1;
    let delete = match last {
        b'e' => p2 <= start || (p1 <= start && !short_syllable(b, start)),
        b'l' => p2 <= start && start > 0 && b[start - 1] == b'l',
        _ => false,
    };
    if delete {
        b.pop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_stemmers::{Algorithm, Stemmer};

    fn snowball() -> Stemmer {
        Stemmer::create(Algorithm::English)
    }

    fn agree(snowball: &Stemmer, word: &str) {
        assert_eq!(
            stem(word).as_deref(),
            Some(snowball.stem(word).as_ref()),
            "{word:?}"
        );
    }

    #[test]
    fn stems_like_snowball_on_known_words() {
        let snowball = snowball();
        for (word, expected) in [
            ("caresses", "caress"),
            ("ponies", "poni"),
            ("ties", "tie"),
            ("cats", "cat"),
            ("gas", "gas"),
            ("agreed", "agre"),
            ("hopping", "hop"),
            ("hoping", "hope"),
            ("luxuriated", "luxuri"),
            ("generously", "generous"),
            ("communism", "communism"),
            ("says", "say"),
            ("yelling", "yell"),
            ("kim's", "kim"),
            ("'tis", "tis"),
            ("relational", "relat"),
            ("archaeology", "archaeolog"),
            ("inning", "inning"),
            ("skies", "sky"),
            ("an", "an"),
            ("2015s", "2015s"),
        ] {
            assert_eq!(stem(word).as_deref(), Some(expected), "{word}");
            agree(&snowball, word);
        }
        assert_eq!(stem("Obama"), None);
        assert_eq!(stem("café"), None);
    }

    #[test]
    fn stems_like_snowball_on_every_lexicon_form_and_test_article_word() {
        let snowball = snowball();
        let lexicon = include_str!("../../../data/lexicon_en.tsv");
        let forms = lexicon
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split('\t').next());
        let mut n = 0;
        for form in forms.filter(|f| stem(f).is_some()) {
            agree(&snowball, form);
            n += 1;
        }
        assert!(n > 50_000, "{n}");
        for file in [
            "eval_slice_cnndm.jsonl",
            "eval_slice_bbc.jsonl",
            "seed_article.txt",
        ] {
            let path = format!("{}/../../tests/data/{file}", env!("CARGO_MANIFEST_DIR"));
            let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
            for (_, word) in crate::text::words::words(&text) {
                let folded = word.to_ascii_lowercase();
                if stem(&folded).is_some() {
                    agree(&snowball, &folded);
                }
            }
        }
    }

    #[test]
    fn stems_like_snowball_on_generated_words() {
        // Random stems ending in every suffix the steps test, and random strings of the folded
        // alphabet, from a fixed seed.
        const SUFFIXES: &[&str] = &[
            "", "s", "'s", "'s'", "'", "sses", "ied", "ies", "ss", "us", "eed", "eedly", "ed",
            "edly", "ing", "ingly", "at", "bl", "iz", "bb", "tt", "y", "anci", "enci", "ogi", "li",
            "bli", "abli", "alli", "fulli", "lessli", "ousli", "entli", "aliti", "biliti", "iviti",
            "tional", "ational", "alism", "ation", "ization", "izer", "ator", "iveness", "fulness",
            "ousness", "icate", "ative", "alize", "iciti", "ical", "ful", "ness", "ic", "ance",
            "ence", "able", "ible", "ate", "ive", "ize", "iti", "al", "ism", "ion", "sion", "tion",
            "er", "ous", "ant", "ent", "ment", "ement", "e", "l", "ll", "ye", "yy",
        ];
        const ALPHABET: &[u8] = b"abcdefghijklmnopqrstuvwxyzaeiouyyy'0";
        let snowball = snowball();
        let mut state = 0x2545_F491_4F6C_DD1D_u64;
        let mut next = move |n: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % n as u64) as usize
        };
        let mut word = String::new();
        for _ in 0..1_000_000 {
            word.clear();
            for _ in 0..next(8) {
                word.push(char::from(ALPHABET[next(ALPHABET.len())]));
            }
            word.push_str(SUFFIXES[next(SUFFIXES.len())]);
            if next(4) == 0 {
                word.push_str(SUFFIXES[next(SUFFIXES.len())]);
            }
            agree(&snowball, &word);
        }
    }
}
