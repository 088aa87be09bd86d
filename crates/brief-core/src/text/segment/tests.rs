use super::*;
use crate::text::wordset;
use proptest::prelude::*;

#[test]
fn token_byte_classes_are_the_listed_bytes() {
    for c in 0..=255u8 {
        let class = TOKEN_BYTE[usize::from(c)];
        let key_break = matches!(c, b'-' | b')' | b']' | b'"' | b'/');
        let urlish = matches!(
            c,
            b'/' | b':' | b'@' | b'.' | b'_' | b'=' | b'&' | b'?' | b'#' | b'%' | b'\\' | b'~'
        );
        assert_eq!(class & KEY_BREAK != 0, key_break, "{c:#x}");
        assert_eq!(class & URLISH != 0, urlish, "{c:#x}");
        assert_eq!(class & DASH_LEAD != 0, c == 0xE2, "{c:#x}");
    }
    assert_eq!("—".as_bytes()[0], 0xE2);
    assert_eq!("–".as_bytes()[0], 0xE2);
}

fn split(text: &str) -> Vec<&str> {
    sentences(text)
        .iter()
        .map(|s| &text[s.start..s.end])
        .collect()
}

fn check_invariants(text: &str) {
    let spans = sentences(text);
    let mut last_end = 0;
    let mut last_para = 0;
    for (k, s) in spans.iter().enumerate() {
        assert!(s.start < s.end, "empty span {s:?} in {text:?}");
        assert!(s.start >= last_end, "overlap/order {s:?} in {text:?}");
        assert!(
            text.is_char_boundary(s.start) && text.is_char_boundary(s.end),
            "{s:?} {text:?}"
        );
        let t = &text[s.start..s.end];
        assert_eq!(t, t.trim(), "untrimmed {s:?} in {text:?}");
        // Nothing but whitespace between spans.
        assert!(
            text[last_end..s.start].trim().is_empty(),
            "dropped text before {s:?} in {text:?}"
        );
        if k == 0 {
            assert_eq!(s.paragraph, 0);
            assert!(s.first_in_paragraph);
        } else {
            assert!(
                s.paragraph == last_para || s.paragraph == last_para + 1,
                "{spans:?}"
            );
            assert_eq!(
                s.first_in_paragraph,
                s.paragraph == last_para + 1,
                "{spans:?}"
            );
        }
        last_para = s.paragraph;
        last_end = s.end;
    }
    assert!(
        text[last_end..].trim().is_empty(),
        "dropped tail in {text:?}"
    );
}

/// The case files (see `cases/README.md` for their format), by name.
const CASE_FILES: &[(&str, &str)] = &[
    ("abbreviations.txt", include_str!("cases/abbreviations.txt")),
    ("bang.txt", include_str!("cases/bang.txt")),
    ("basics.txt", include_str!("cases/basics.txt")),
    ("ellipses.txt", include_str!("cases/ellipses.txt")),
    ("lines.txt", include_str!("cases/lines.txt")),
    ("lists.txt", include_str!("cases/lists.txt")),
    ("news.txt", include_str!("cases/news.txt")),
    ("no_space.txt", include_str!("cases/no_space.txt")),
    ("numbers.txt", include_str!("cases/numbers.txt")),
    ("quotes.txt", include_str!("cases/quotes.txt")),
    ("scripts.txt", include_str!("cases/scripts.txt")),
];

/// The cases there were when they moved from Rust literals into the files: a floor, so that a
/// file dropped from [`CASE_FILES`] or cut short does not go unnoticed.
const MIN_CASES: usize = 281;

/// Rules whose cases need more than a list of sentences, and the tests that exercise them.
const RULES_TESTED_ELSEWHERE: &[(&str, &str)] = &[
    ("R_HARD_WRAP", "hard_wrapped_text and the tests after it"),
    (
        "R_ORDINAL",
        "languages::tests::each_language_keeps_its_abbreviations_and_ordinals",
    ),
    (
        "R_STARTER",
        "languages::tests::stop_words_start_sentences_after_weak_abbreviations",
    ),
];

/// One case of a case file.
#[derive(Debug)]
struct Case {
    file: String,
    /// Line of its `# rule:` line, from 1.
    line: usize,
    rule: String,
    input: String,
    expected: Vec<String>,
}

/// Undoes the escapes of the case format (`\n`, `\r`, `\t`, `\\`, `\u{HEX}`).
fn unescape(s: &str) -> Result<String, String> {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some('t') => out.push('\t'),
            Some('\\') => out.push('\\'),
            Some('u') => {
                let rest = chars.as_str();
                let hex = rest
                    .strip_prefix('{')
                    .and_then(|r| r.split_once('}'))
                    .map(|(hex, _)| hex)
                    .ok_or_else(|| format!("bad \\u escape in {s:?}"))?;
                let c = u32::from_str_radix(hex, 16)
                    .ok()
                    .and_then(char::from_u32)
                    .ok_or_else(|| format!("bad \\u escape in {s:?}"))?;
                out.push(c);
                chars = rest[hex.len() + 2..].chars();
            }
            other => return Err(format!("unknown escape \\{other:?} in {s:?}")),
        }
    }
    Ok(out)
}

/// Parses a case file (`file` names it in messages).
fn parse_cases(file: &str, text: &str) -> Result<Vec<Case>, String> {
    let mut cases: Vec<Case> = Vec::new();
    // Where the current case is: 0 between cases, 1 in its input, 2 in its sentences.
    let mut part = 0;
    let mut input: Vec<String> = Vec::new();
    for (k, line) in text.split('\n').enumerate() {
        let at = || format!("{file}:{}", k + 1);
        if line.ends_with([' ', '\t']) || line.chars().any(char::is_control) {
            return Err(format!(
                "{}: trailing whitespace or a control character",
                at()
            ));
        }
        match part {
            0 => {
                if let Some(rule) = line.strip_prefix("# rule:") {
                    cases.push(Case {
                        file: file.to_string(),
                        line: k + 1,
                        rule: rule.trim().to_string(),
                        input: String::new(),
                        expected: Vec::new(),
                    });
                    input.clear();
                    part = 1;
                } else if !line.is_empty() && !line.starts_with('#') {
                    return Err(format!("{}: text outside a case: {line:?}", at()));
                }
            }
            1 if line == "---" => {
                let case = cases.last_mut().expect("in a case");
                case.input = input.join("\n");
                part = 2;
            }
            1 => input.push(unescape(line).map_err(|e| format!("{}: {e}", at()))?),
            _ if line == "===" => part = 0,
            _ if line.is_empty() => return Err(format!("{}: empty expected sentence", at())),
            _ => {
                let sentence = unescape(line).map_err(|e| format!("{}: {e}", at()))?;
                cases.last_mut().expect("in a case").expected.push(sentence);
            }
        }
    }
    if part != 0 {
        return Err(format!("{file}: the last case does not end with `===`"));
    }
    Ok(cases)
}

/// Runs the cases; one message per case whose sentences differ from the expected ones.
fn failed_cases(cases: &[Case]) -> Vec<String> {
    let mut failures = Vec::new();
    for case in cases {
        let got = split(&case.input);
        if got != case.expected {
            failures.push(format!(
                "{}:{} (rule {})\ninput:    {:?}\nexpected: {:?}\ngot:      {got:?}\n",
                case.file, case.line, case.rule, case.input, case.expected
            ));
        }
        check_invariants(&case.input);
    }
    failures
}

/// The rule names listed in the module doc of `segment.rs` (`//! * `R_NAME`: ...`).
fn listed_rules() -> Vec<&'static str> {
    include_str!("../segment.rs")
        .lines()
        .filter_map(|l| l.strip_prefix("//! * `"))
        .filter_map(|l| l.split_once('`').map(|(name, _)| name))
        .filter(|name| name.starts_with("R_"))
        .collect()
}

fn all_cases() -> Vec<Case> {
    let mut cases = Vec::new();
    for (file, text) in CASE_FILES {
        cases.extend(parse_cases(file, text).unwrap_or_else(|e| panic!("{e}")));
    }
    cases
}

#[test]
fn cases() {
    let cases = all_cases();
    assert!(cases.len() >= MIN_CASES, "{} cases", cases.len());
    let failures = failed_cases(&cases);
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

/// Every case names a listed rule; every listed rule is named in the engine's code and has a
/// case (or a test of its own).
#[test]
fn rules_agree_between_doc_code_and_cases() {
    let rules = listed_rules();
    assert!(rules.len() >= 30, "{rules:?}");
    let code = [
        include_str!("context.rs"),
        include_str!("decide.rs"),
        include_str!("run.rs"),
        include_str!("scan.rs"),
        include_str!("tokens.rs"),
    ]
    .concat();
    let cases = all_cases();
    for case in &cases {
        assert!(
            rules.contains(&case.rule.as_str()),
            "{}:{}: rule {:?} is not listed in segment.rs",
            case.file,
            case.line,
            case.rule
        );
    }
    for rule in &rules {
        assert!(code.contains(rule), "{rule} is not named in the code");
        assert!(
            cases.iter().any(|c| c.rule == *rule)
                || RULES_TESTED_ELSEWHERE.iter().any(|(r, _)| r == rule),
            "{rule} has no case"
        );
    }
}

/// The harness itself: a wrong expectation is reported (with its file, line and rule), a right
/// one is not, and malformed files are refused.
#[test]
fn case_harness_reports_mismatches_and_bad_files() {
    let text = "# a comment\n\n# rule: R_ORDINARY\nOne. Two.\n---\nOne. Two.\n===\n\
                # rule: R_TITLE\nMr. Smith\\u{20}left.\\n\n\n---\nMr. Smith left.\n===\n\
                # rule: R_CONTENT\n---\n===\n";
    let cases = parse_cases("self.txt", text).unwrap();
    assert_eq!(cases.len(), 3);
    assert_eq!(cases[1].input, "Mr. Smith left.\n\n");
    assert_eq!(cases[2].input, "");
    let failures = failed_cases(&cases);
    assert_eq!(failures.len(), 1, "{failures:?}");
    assert!(
        failures[0].starts_with("self.txt:3 (rule R_ORDINARY)"),
        "{}",
        failures[0]
    );
    for bad in [
        "# rule: R_ORDINARY\nOne.\n---\nOne.\n",
        "# rule: R_ORDINARY\nOne. \n---\nOne.\n===\n",
        "# rule: R_ORDINARY\nOne.\n---\n\n===\n",
        "# rule: R_ORDINARY\nOne.\\q\n---\nOne.\n===\n",
        "# rule: R_ORDINARY\nOne.\\u{110000}\n---\nOne.\n===\n",
        "stray\n# rule: R_ORDINARY\nOne.\n---\nOne.\n===\n",
        "# rule: R_ORDINARY\r\nOne.\n---\nOne.\n===\n",
    ] {
        assert!(parse_cases("bad.txt", bad).is_err(), "{bad:?}");
    }
}

/// The bytes of [`INTERESTING`], their neighbours and `!` and `)` with bit 3 flipped, which must
/// not match.
const SCAN_ALPHABET: &[u8] = &[
    b'.',
    b'!',
    b'?',
    b')',
    b'(',
    b'\n',
    b'\r',
    b' ',
    b'a',
    0x21 ^ 0x08,
    0x29 ^ 0x08,
    0xD8,
    0xD7,
    0xDB,
    0xE0,
    0xE1,
    0xE2,
    0xE3,
    0xEF,
    0xF0,
    0x80,
    0xBF,
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 20_000, ..ProptestConfig::default() })]

    #[test]
    fn next_interesting_matches_a_byte_by_byte_scan(
        bytes in prop::collection::vec(prop::sample::select(SCAN_ALPHABET), 0..40),
    ) {
        for from in 0..=bytes.len() {
            let expected = bytes[from..]
                .iter()
                .position(|&c| INTERESTING[usize::from(c)])
                .map(|k| from + k);
            prop_assert_eq!(next_interesting(&bytes, from), expected, "from {}", from);
        }
    }
}

#[test]
fn lists_are_sorted() {
    fn sorted(name: &str, l: &[&str]) {
        for w in l.windows(2) {
            assert!(w[0] < w[1], "{name}: {:?} !< {:?}", w[0], w[1]);
        }
        for w in l {
            assert!(
                w.len() <= 16 && w.bytes().all(|c| c.is_ascii_lowercase() || c == b'.'),
                "{name}: {w}"
            );
        }
    }
    let abbr: Vec<&str> = ABBREVIATIONS.iter().map(|e| e.0).collect();
    sorted("ABBREVIATIONS", &abbr);
    sorted("NEVER_DOTTED", NEVER_DOTTED);
    let post: Vec<&str> = POST_DOTTED.iter().map(|e| e.0).collect();
    sorted("POST_DOTTED", &post);
    // A set's words are its list's, sorted when it is built; lowercase is checked here.
    for (name, set) in WORD_SETS {
        sorted(name, set.words());
    }
}

/// English's word sets: every list the rules look words up in.
const WORD_SETS: [(&str, &WordSet); 8] = [
    ("ABBREVIATION_SET", &ABBREVIATION_SET),
    ("BANG_NAMES", &BANG_NAMES),
    ("STARTERS", &STARTERS),
    ("COMPANY_FOLLOWERS", &COMPANY_FOLLOWERS),
    ("SPEECH_VERBS", &SPEECH_VERBS),
    ("DOMAIN_WORDS", &DOMAIN_WORDS),
    ("ATTRIBUTION_CONTINUATIONS", &ATTRIBUTION_CONTINUATIONS),
    ("PREPOSITIONS", &PREPOSITIONS),
];

/// Every word set agrees with a linear search over its words, on its words, near misses and
/// other words; the abbreviation set finds each abbreviation at its index in the list, and the
/// segmenter's lookup (any case, ASCII letters only) agrees with a lowercase linear search.
#[test]
fn word_sets_agree_with_a_linear_search() {
    let abbr: Vec<&str> = ABBREVIATIONS.iter().map(|e| e.0).collect();
    assert_eq!(ABBREVIATION_SET.words(), &abbr[..]);
    for (i, w) in abbr.iter().enumerate() {
        assert_eq!(english_abbreviation(w.as_bytes()), Some(i), "{w}");
    }
    assert_eq!(english_abbreviation(b"abcdefghijklmnopq"), None);
    let others = [
        "",
        "A",
        "Said",
        "SAID",
        "the",
        "The",
        "x",
        "mr.",
        "don't",
        "über",
        "said1",
        "abcdefghijklmnop",
        "abcdefghijklmnopq",
    ];
    for (name, set) in WORD_SETS {
        wordset::reference::check(set, set.words());
        for w in set.words().iter().chain(&others) {
            wordset::reference::agrees_on(set, w.as_bytes());
            let lower = w.to_ascii_lowercase();
            let expected = w.bytes().all(|c| c.is_ascii_alphabetic())
                && set.words().iter().any(|s| *s == lower);
            assert_eq!(in_list(set, w.as_bytes()), expected, "{name}: {w}");
        }
    }
}

#[test]
fn whitespace_tables_match_std() {
    for c in (0u32..0x11000).filter_map(char::from_u32) {
        let mut buf = [0u8; 4];
        let s = c.encode_utf8(&mut buf).as_bytes();
        let expect = if c.is_whitespace() { s.len() } else { 0 };
        assert_eq!(ws_at(s, 0), expect, "ws_at {c:?}");
        assert_eq!(ws_before(s, s.len()), expect, "ws_before {c:?}");
    }
}

#[test]
fn paragraphs_single_newlines() {
    let text =
        "Headline Without Punctuation\nFirst para. Second sentence.\nSecond para.\r\nThird para.";
    let spans = sentences(text);
    let got: Vec<(&str, u32, bool)> = spans
        .iter()
        .map(|s| (&text[s.start..s.end], s.paragraph, s.first_in_paragraph))
        .collect();
    assert_eq!(
        got,
        vec![
            ("Headline Without Punctuation", 0, true),
            ("First para.", 1, true),
            ("Second sentence.", 1, false),
            ("Second para.", 2, true),
            ("Third para.", 3, true),
        ]
    );
}

#[test]
fn paragraphs_blank_lines() {
    let text = "\n\nOne. Two.\n\n\n  \nThree.\r\n\r\nFour\u{2029}Five.";
    let spans = sentences(text);
    let got: Vec<(&str, u32, bool)> = spans
        .iter()
        .map(|s| (&text[s.start..s.end], s.paragraph, s.first_in_paragraph))
        .collect();
    assert_eq!(
        got,
        vec![
            ("One.", 0, true),
            ("Two.", 0, false),
            ("Three.", 1, true),
            ("Four", 2, true),
            ("Five.", 3, true)
        ]
    );
}

const WRAPPED: &str = "\
The quick brown fox jumped over the lazy dog while the farmer was\n\
away at the market in the nearby town. He came back late in the\n\
evening and found that nothing at all had happened, which pleased\n\
him greatly. The dog, for its part, did not even notice the fox and\n\
kept sleeping in the warm afternoon sun until dinner time.\n\
\n\
A second paragraph begins here and goes on for a while so that it\n\
also wraps onto the next line. Mr. Smith agreed with this\n\
assessment entirely.\n\
- a bullet item that is here\n\
- another bullet item\n";

#[test]
fn hard_wrapped_text() {
    assert!(detect_hard_wrap(WRAPPED.as_bytes()).is_some());
    let spans = sentences(WRAPPED);
    let got: Vec<(String, u32)> = spans
        .iter()
        .map(|s| (WRAPPED[s.start..s.end].replace('\n', " "), s.paragraph))
        .collect();
    let expected: Vec<(String, u32)> = [
        ("The quick brown fox jumped over the lazy dog while the farmer was away at the market in the nearby town.", 0),
        ("He came back late in the evening and found that nothing at all had happened, which pleased him greatly.", 0),
        ("The dog, for its part, did not even notice the fox and kept sleeping in the warm afternoon sun until dinner time.", 0),
        ("A second paragraph begins here and goes on for a while so that it also wraps onto the next line.", 1),
        ("Mr. Smith agreed with this assessment entirely.", 1),
        ("- a bullet item that is here", 1),
        ("- another bullet item", 1),
    ]
    .iter()
    .map(|&(s, p)| (s.to_string(), p))
    .collect();
    assert_eq!(got, expected);
}

#[test]
fn hard_wrapped_with_crlf_and_heading() {
    let text = WRAPPED.replace('\n', "\r\n");
    let text = format!("Short Heading\r\n{text}");
    assert!(detect_hard_wrap(text.as_bytes()).is_some());
    let got = split(&text);
    assert_eq!(got[0], "Short Heading");
    assert!(got[1].starts_with("The quick brown fox"));
    assert!(got[1].ends_with("nearby town."));
    assert_eq!(got.len(), 8);
}

#[test]
fn not_hard_wrapped() {
    // One sentence per line, similar lengths: each line stays its own paragraph.
    let text = "This line is a complete sentence of moderate length here.\n\
                This line is another complete sentence of similar size.\n\
                A third line that is also a sentence and ends properly.\n\
                The fourth line continues the pattern with a full stop.\n\
                Finally the fifth line closes the little test document.\n";
    assert!(detect_hard_wrap(text.as_bytes()).is_none());
    let spans = sentences(text);
    assert_eq!(spans.len(), 5);
    assert_eq!(spans[4].paragraph, 4);
    // Short document: never hard-wrapped.
    assert!(
        detect_hard_wrap(b"a line without a stop that is of a decent length\nanother").is_none()
    );
}

#[test]
fn lines_and_lists_in_unwrapped_text() {
    let text =
        "Key points:\n- First point here\n- Second point\u{2028}Line two.\n1. One item.\n2) Two";
    let spans = sentences(text);
    let got: Vec<(&str, u32, bool)> = spans
        .iter()
        .map(|s| (&text[s.start..s.end], s.paragraph, s.first_in_paragraph))
        .collect();
    assert_eq!(
        got,
        vec![
            ("Key points:", 0, true),
            ("- First point here", 1, true),
            ("- Second point", 2, true),
            ("Line two.", 3, true),
            ("1. One item.", 4, true),
            ("2) Two", 5, true),
        ]
    );
}

#[test]
fn spans_are_exact_byte_ranges() {
    let text = "  Héllo wörld.  “Next” one!\n\n\tLast\u{a0}";
    let spans = sentences(text);
    assert_eq!(
        spans,
        vec![
            Span {
                start: 2,
                end: 16,
                paragraph: 0,
                first_in_paragraph: true
            },
            Span {
                start: 18,
                end: 33,
                paragraph: 0,
                first_in_paragraph: false
            },
            Span {
                start: 36,
                end: 40,
                paragraph: 1,
                first_in_paragraph: true
            },
        ]
    );
    assert_eq!(&text[2..16], "Héllo wörld.");
    assert_eq!(&text[18..33], "“Next” one!");
}

#[test]
fn headline_list_is_not_hard_wrapped() {
    let text = "Premier League clubs agree new spending rules for the season\n\
                Storm brings flooding to coastal towns across the region\n\
                Central bank holds interest rates steady amid uncertainty\n\
                Scientists find new species of frog in mountain forests\n\
                Election campaign enters final week with polls tightening\n\
                Tech giant unveils cheaper phone aimed at emerging markets\n";
    assert!(detect_hard_wrap(text.as_bytes()).is_none());
    let spans = sentences(text);
    assert_eq!(spans.len(), 6);
    assert!(spans.iter().all(|s| s.first_in_paragraph));
}

#[test]
fn hard_wrapped_dashes_and_parentheses_are_not_bullets() {
    let text = "\
The group owns more than 5% of the exchange, a stake that is more than\n\
enough to demand a meeting. Its chief said the price offered for the\n\
firm - 300p a share - is far too low and that the Securities Exchange Co\n\
(SEC) would have to look at the case before the deal could go ahead at\n\
all. Analysts said the bid would probably fail, and the shares fell by\n\
3% in early trading on the news from the company in London on Monday.\n";
    assert!(detect_hard_wrap(text.as_bytes()).is_some());
    let got: Vec<String> = split(text).iter().map(|s| s.replace('\n', " ")).collect();
    assert_eq!(got.len(), 3, "{got:?}");
    assert!(got[1].starts_with("Its chief said"), "{got:?}");
    assert!(got[1].ends_with("at all."), "{got:?}");
}

#[test]
fn seed_like_article() {
    let text = "North Korea News: Kim Backs Down, But For How Long?\n\
                After weeks of tension, the North backed away. The decision comes weeks later.\n\
                Analysts said such moves could be temporary.\n\
                © Copyright IBTimes 2024. All rights reserved.";
    let spans = sentences(text);
    let got: Vec<(&str, u32, bool)> = spans
        .iter()
        .map(|s| (&text[s.start..s.end], s.paragraph, s.first_in_paragraph))
        .collect();
    assert_eq!(
        got,
        vec![
            (
                "North Korea News: Kim Backs Down, But For How Long?",
                0,
                true
            ),
            ("After weeks of tension, the North backed away.", 1, true),
            ("The decision comes weeks later.", 1, false),
            ("Analysts said such moves could be temporary.", 2, true),
            ("© Copyright IBTimes 2024.", 3, true),
            ("All rights reserved.", 3, false),
        ]
    );
}

#[test]
fn no_panic_on_odd_inputs() {
    let big = "a".repeat(1 << 20);
    let inputs: Vec<String> = vec![
        String::new(),
        " ".into(),
        "\0".into(),
        "\0.\0.\0".into(),
        "\u{feff}Hi.".into(),
        "\r".into(),
        "\r\r\n\n\r".into(),
        ".".into(),
        "…".into(),
        "。".into(),
        "\u{2028}\u{2029}\u{85}\u{a0}".into(),
        "Mr.".into(),
        "Mr. ".into(),
        "U.S".into(),
        "e\u{301}. E\u{301}. Done.".into(),
        "1.".into(),
        "1. ".into(),
        "(".into(),
        "\"".into(),
        "“".into(),
        ". . ".into(),
        "a.\u{a0}B".into(),
        "x.\u{2009}Y".into(),
        "😀. 😀! 😀".into(),
        big.clone(),
        format!("{big}. {big}"),
    ];
    for s in &inputs {
        check_invariants(s);
    }
    assert_eq!(split(&big).len(), 1);
}

/// Inputs that would take quadratic time with unbounded rescans (must finish quickly even in
/// debug builds).
#[test]
fn linear_on_adversarial_inputs() {
    const N: usize = 1 << 20;
    let cases = [
        "a.".repeat(N / 2),
        ".".repeat(N),
        "! ".repeat(N / 2),
        " ".repeat(N) + ".",
        "\n".repeat(N),
        " \n".repeat(N / 2),
        "x".repeat(N) + ". Y",
        "(".repeat(N) + "Mr. X",
        "\"".repeat(N / 2) + &".\"".repeat(N / 4),
        ". . ".repeat(N / 4),
        "1. ".repeat(N / 3),
        "U.S. ".repeat(N / 5),
        "…".repeat(N / 3),
        "。".repeat(N / 3),
        "• ".repeat(N / 4),
        "a\u{2028}".repeat(N / 4),
        "ab".repeat(N / 2),
        "Mr. \" ".repeat(N / 6),
        "x \" Mr. \" ".repeat(N / 10),
        "1) ".repeat(N / 3),
        "a) x ".repeat(N / 5),
        "x 1) y 2) ".repeat(N / 10),
        "[1]".repeat(N / 3),
        "x. [1] ".repeat(N / 7),
        "x. . . . Y ".repeat(N / 11),
        "In 5 p.m. Mr. ".repeat(N / 14),
        "a.b".repeat(N / 3),
        "⁃1. ".repeat(N / 6),
    ];
    for s in &cases {
        let t = std::time::Instant::now();
        check_invariants(s);
        assert!(
            t.elapsed().as_secs() < 20,
            "too slow on {:?}...",
            &s[..20.min(s.len())]
        );
    }
}

/// What the random texts are made of: the characters and words the rules look at.
const PIECES: &[&str] = &[
    ".",
    "!",
    "?",
    "\n",
    "\r\n",
    "\n\n",
    "\"",
    "'",
    "(",
    ")",
    "[",
    "]",
    "…",
    "。",
    "！",
    "？",
    " ",
    " ",
    " ",
    "  ",
    "\t",
    "\u{a0}",
    "\u{2028}",
    "\u{2029}",
    "\u{3000}",
    "1",
    "2",
    "42",
    "3.5",
    "a",
    "b",
    "The",
    "he",
    "Mr",
    "U.S",
    "Inc",
    "e.g",
    "No",
    "x",
    "A",
    "I",
    "é",
    "É",
    "😀",
    "\u{301}",
    "\0",
    "”",
    "“",
    "’",
    "‘",
    "»",
    "«",
    "-",
    "•",
    "...",
    ". . .",
    "Yahoo",
    "said",
    "www.a.com",
    "@",
    "/",
    ":",
    "中",
    "।",
    "؟",
    "\u{85}",
    "\u{feff}",
    "`",
    "''",
    "[1]",
    "1)",
    "a)",
    "⁃",
    "p.m",
    "B.C",
    "At",
    "N°",
    "@",
    " \n",
];

/// Up to `max` of the [`PIECES`] in a row.
fn pieces(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..max).prop_map(|p| p.concat())
}

/// A document that may look hard-wrapped: up to 11 lines of 40 to 79 pieces, each followed by a
/// space.
fn wrapped_document() -> impl Strategy<Value = String> {
    let line = prop::collection::vec(prop::sample::select(PIECES), 40..80);
    prop::collection::vec(line, 0..12).prop_map(|lines| {
        let mut s = String::new();
        for line in lines {
            for piece in line {
                s.push_str(piece);
                s.push(' ');
            }
            s.push('\n');
        }
        s
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 20_000, ..ProptestConfig::default() })]

    #[test]
    fn invariants_hold_on_random_pieces(s in pieces(40)) {
        check_invariants(&s);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 5_000, ..ProptestConfig::default() })]

    /// Random bytes turned into valid UTF-8.
    #[test]
    fn invariants_hold_on_random_bytes(bytes in prop::collection::vec(any::<u8>(), 0..64)) {
        check_invariants(&String::from_utf8_lossy(&bytes));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn invariants_hold_on_random_wrapped_documents(s in wrapped_document()) {
        check_invariants(&s);
    }
}
