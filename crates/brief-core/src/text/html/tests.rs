//! Unit tests of the HTML path.

use std::borrow::Cow;

use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::TestRunner;

use super::guard::MAX_DEPTH;
use super::*;

const NEWS: &[u8] = include_bytes!("../../../../../tests/data/html/news.html");
const BR_PARAGRAPHS: &[u8] = include_bytes!("../../../../../tests/data/html/br_paragraphs.html");
const WINDOWS_1252: &[u8] = include_bytes!("../../../../../tests/data/html/windows1252.html");
const GERMAN: &[u8] = include_bytes!("../../../../../tests/data/html/german.html");
const CHINESE_GBK: &[u8] = include_bytes!("../../../../../tests/data/html/chinese_gbk.html");
const SHORT: &[u8] = include_bytes!("../../../../../tests/data/html/short.html");
const FIXTURES: [&[u8]; 6] = [
    NEWS,
    BR_PARAGRAPHS,
    WINDOWS_1252,
    GERMAN,
    CHINESE_GBK,
    SHORT,
];

fn page(bytes: &[u8]) -> Page {
    let (html, _) = decode(bytes);
    match extract(&html) {
        Ok(page) => page,
        Err(e) => panic!("no article: {e}"),
    }
}

fn paragraphs(text: &str) -> Vec<&str> {
    text.split("\n\n").collect()
}

/// The format promised to the sentence segmenter.
fn assert_clean(text: &str) {
    assert_eq!(text, text.trim(), "leading or trailing whitespace");
    assert!(
        !text.contains("\n\n\n"),
        "more than one blank line: {text:?}"
    );
    assert!(
        !text.contains('\u{a0}'),
        "non-breaking space left: {text:?}"
    );
    for line in text.lines() {
        assert_eq!(line, line.trim(), "line not trimmed: {line:?}");
        assert!(!line.contains("  "), "whitespace not collapsed: {line:?}");
    }
}

fn assert_absent(text: &str, needles: &[&str]) {
    for needle in needles {
        assert!(!text.contains(needle), "{needle:?} found in {text:?}");
    }
}

/// The nesting guard, never cancelled.
fn guard(html: &str) -> (Cow<'_, str>, usize) {
    match limit_nesting(html, &|| false) {
        Ok(guarded) => guarded,
        Err(e) => panic!("{e}"),
    }
}

/// The visible text of a page as the extractor lays it out, without Readability.
fn layout_of(html: &str) -> String {
    match visible_text(&Readability::from(html), false, &|| false) {
        Ok((text, _)) => text,
        Err(e) => panic!("{e}"),
    }
}

/// The depth of the DOM html5ever builds for `html`.
fn dom_depth(html: &str) -> usize {
    let page = Readability::from(html);
    let (mut max, mut open) = (0, vec![(page.doc.root(), 0)]);
    while let Some((node, depth)) = open.pop() {
        max = max.max(depth);
        let mut child = node.first_child();
        while let Some(node) = child {
            if node.is_element() {
                open.push((node, depth + 1));
            }
            child = node.next_sibling();
        }
    }
    max
}

#[test]
fn news_article_text_without_boilerplate() {
    let page = page(NEWS);
    assert_eq!(page.title, "City Council Approves New Riverside Park Plan");
    let text = &page.text;
    assert_clean(text);
    for sentence in [
        "The Millbrook City Council voted 7-2 on Tuesday night to turn the abandoned freight \
         yard on the east bank of the river into a 40-acre public park",
        "Council member Greg Hanley, one of the two no votes, said the money would be better \
         spent on road repairs.",
        "The first is scheduled for June 3 at the Eastside Library.",
    ] {
        assert!(
            text.contains(sentence),
            "{sentence:?} missing from {text:?}"
        );
    }
    assert_absent(
        text,
        &[
            "Subscribe today",
            "Politics",
            "cookies",
            "Accept all",
            "Advertisement",
            "mattresses",
            "Share on",
            "Email this story",
            "Related stories",
            "boom to bust",
            "Comments (3)",
            "parkfan88",
            "potholes",
            "Post comment",
            "All rights reserved",
            "Privacy policy",
            "TRACKING_SCRIPT_MARKER",
            "font-family",
            "dataLayer",
        ],
    );
}

#[test]
fn news_paragraphs_and_entities() {
    let text = page(NEWS).text;
    let paragraphs = paragraphs(&text);
    // Seven paragraphs and the figure's caption, each one line.
    assert_eq!(paragraphs.len(), 8, "{text:?}");
    assert!(paragraphs.iter().all(|p| !p.contains('\n')));
    assert!(text.contains("\n\nThe old freight yard, seen from the Harbor Street bridge"));
    // &#8217; &amp; &mdash; &#8220;/&#8221; &nbsp; and nested inline markup.
    assert!(text.contains("a citizens’ advisory board"));
    assert!(text.contains("a community garden & a small amphitheater"));
    assert!(text.contains("too high — roughly a fifth of the city’s annual capital budget"));
    assert!(text.contains("“This is the biggest investment"));
    assert!(text.contains("the $38 million price tag"));
    assert!(text.contains("voters approved in a 2022 referendum."));
}

#[test]
fn br_separated_paragraphs_stay_paragraphs() {
    let (html, encoding) = decode(BR_PARAGRAPHS);
    assert_eq!(encoding, "windows-1252"); // the iso-8859-1 label
    let page = page(BR_PARAGRAPHS);
    assert_eq!(page.title, "The Lighthouse Keepers of Gull Point");
    let text = &page.text;
    assert_clean(text);
    let paragraphs = paragraphs(text);
    assert!(paragraphs.contains(
        &"For more than a century, the light at Gull Point was kept by just three families. \
          The first keeper, Thomas Avery, arrived in 1868 with his wife and four children, and \
          the family stayed for forty-one years."
    ));
    assert!(
        paragraphs
            .iter()
            .any(|p| p.starts_with("Life at the station was hard."))
    );
    // A single <br> is a line break inside the paragraph.
    assert!(text.contains("brought all nine sailors ashore.\nThe rescue made the front page"));
    assert!(paragraphs.len() >= 6, "{text:?}");
    assert_absent(
        text,
        &[
            "Sign our guestbook",
            "Members",
            "Copyright 1999",
            "Netscape",
            "POPUP_SCRIPT_MARKER",
        ],
    );
    assert!(html.contains("Gull Point"));
}

#[test]
fn windows_1252_page() {
    let (html, encoding) = decode(WINDOWS_1252);
    assert_eq!(encoding, "windows-1252");
    assert!(matches!(html, Cow::Owned(_)));
    assert!(html.contains("“We came all the way from Jersey for this,”"));
    assert!(html.contains("450 000 €"));
    assert!(String::from_utf8_lossy(WINDOWS_1252).contains('\u{FFFD}'));
    let page = page(WINDOWS_1252);
    assert_eq!(page.title, "Le café du port rouvre ses portes");
    assert_clean(&page.text);
    assert!(page.text.contains("le célèbre café du port de Saint-Malo"));
    assert!(
        page.text
            .contains("La rénovation a coûté près de 450 000 €")
    );
    assert!(
        page.text
            .contains("described the coffee as “the best on the coast”.")
    );
    assert_absent(
        &page.text,
        &[
            "Accueil",
            "Publicité",
            "Voyages",
            "Yves35",
            "Vos réactions",
            "droits réservés",
        ],
    );
    assert!(!page.text.contains("PUBLICITE_SCRIPT"));
    assert_eq!(paragraphs(&page.text).len(), 7, "{:?}", page.text);
}

#[test]
fn german_page() {
    let (html, encoding) = decode(GERMAN);
    assert_eq!(encoding, "UTF-8");
    assert!(matches!(html, Cow::Borrowed(_)));
    let page = page(GERMAN);
    assert_eq!(
        page.title,
        "Bahn kündigt neue Schnellverbindung zwischen Hamburg und München an"
    );
    assert_clean(&page.text);
    assert!(
        page.text
            .contains("„Das ist ein großer Schritt für den Fernverkehr“, sagte")
    );
    assert!(page.text.contains("bis zu 300 Kilometer pro Stunde"));
    assert!(
        page.text
            .contains("hieß es aus den zuständigen Ministerien.")
    );
    assert_absent(
        &page.text,
        &[
            "Startseite",
            "abonnieren",
            "Cookies",
            "Anzeige",
            "Kredite",
            "Mehr zum Thema",
            "Impressum",
            "Rechte vorbehalten",
            "ANALYSE_SKRIPT",
        ],
    );
}

#[test]
fn chinese_gbk_page() {
    let (html, encoding) = decode(CHINESE_GBK);
    assert_eq!(encoding, "GBK");
    assert!(html.contains("本市新建图书馆正式开放"));
    let page = page(CHINESE_GBK);
    assert!(
        page.title.starts_with("本市新建图书馆正式开放"),
        "{}",
        page.title
    );
    assert_clean(&page.text);
    assert!(
        page.text
            .contains("本市新建的中心图书馆于昨天上午正式向公众开放。")
    );
    assert!(page.text.contains("未来几年，各区还将陆续建设分馆。"));
    let sentences = paragraphs(&page.text)
        .into_iter()
        .filter(|p| p.ends_with('。'))
        .count();
    assert_eq!(sentences, 6, "{:?}", page.text);
    assert_absent(
        &page.text,
        &[
            "首页",
            "下载客户端",
            "广告",
            "优惠券",
            "相关新闻",
            "网友评论",
            "版权所有",
        ],
    );
    assert!(!page.text.contains("GUANGGAO_SCRIPT"));
}

#[test]
fn short_page_without_chrome() {
    let page = page(SHORT);
    assert_eq!(page.title, "Office closed on Monday");
    assert_eq!(
        page.text,
        "Our office will be closed on Monday for the public holiday.\n\
         We will reopen on Tuesday at 9 a.m. Thank you for your patience."
    );
}

#[test]
fn fallback_when_readability_finds_nothing() {
    // Readability drops a heading that repeats the title and then has no article.
    let html = "<html><head><title>Hello world page</title></head>\
                <body><h1>Hello world page</h1></body></html>";
    let mut reader = Readability::from(html);
    assert!(matches!(reader.parse(), Err(ReadabilityError::GrabFailed)));
    assert_eq!(
        extract(html).map(|p| (p.title, p.text)),
        Ok(("Hello world page".into(), "Hello world page".into()))
    );
    let page = extract("Plain text, no markup at all. Second sentence.");
    assert_eq!(
        page.map(|p| p.text).as_deref(),
        Ok("Plain text, no markup at all. Second sentence.")
    );
}

#[test]
fn pages_without_text() {
    for html in [
        "",
        "   \n\t ",
        "<script>var a = 'hidden';</script><style>p { color: red }</style>",
        "<html><head><title>Only a title</title></head><body>\n</body></html>",
        "<!-- a comment --><noscript></noscript><template><p>inert</p></template>",
        "<body><div hidden>hidden</div><p style='visibility: hidden'>gone</p></body>",
    ] {
        assert_eq!(extract(html), Err(HtmlError::NoText), "{html:?}");
    }
}

#[test]
fn text_layout() {
    let text = layout_of(
        "<div>one<br>two<br><br>three<br> <br>four</div>\
         <p>Runs   of\n\twhite&nbsp;space&#160;collapse,&nbsp; <b>bold</b><i>italic</i></p>\
         <ul><li>first item</li><li>second <a href=x>item</a></li></ul>\
         <table><tr><td>cell a</td><td>cell b</td></tr><tr><th>row two</th></tr></table>\
         <pre>  keep   this\n    indented\n\n\n\nline\t tab</pre>\
         <blockquote>quoted</blockquote><h2>Heading</h2>soft&shy;hyphen zero&#8203;width",
    );
    assert_eq!(
        text,
        "one\ntwo\n\nthree\n\nfour\n\n\
         Runs of white space collapse, bolditalic\n\n\
         first item\n\nsecond item\n\n\
         cell a\ncell b\n\nrow two\n\n\
         keep   this\nindented\n\nline\t tab\n\n\
         quoted\n\nHeading\n\nsofthyphen zerowidth"
    );
    assert_clean(text.replace("keep   this", "keep this").as_str());
}

#[test]
fn hidden_and_inert_elements_are_skipped() {
    let text = layout_of(
        "<p>shown</p><p hidden>hidden attr</p><p style='display: none'>display none</p>\
         <p aria-hidden=true>aria hidden</p><select><option>opt</option></select>\
         <button>button</button><textarea>typed</textarea><svg><text>svg</text></svg>\
         <noscript>enable js</noscript><iframe>frame</iframe><p>end</p>",
    );
    assert_eq!(text, "shown\n\nend");
}

#[test]
fn consent_notices_are_skipped_but_not_cookie_recipes() {
    let text = layout_of(
        "<div class='cookie-warning'><p>We use cookies.</p></div>\
         <div id='gdpr-popup'><p>Consent?</p></div>\
         <div class='recipe cookie-recipe'><p>Bake the cookies.</p></div>",
    );
    assert_eq!(text, "Bake the cookies.");
}

#[test]
fn a_container_of_an_image_and_a_little_text_is_a_figure() {
    assert_eq!(
        blocks_of(
            "<p>The vote passed.</p><div class=absatzbild><div><img src=a.jpg></div>\
             <div><p>The hall on Monday.</p><span>Bild: dpa</span></div></div>\
             <div><img src=b.jpg><p>A long paragraph after a picture is still the article's, \
             since a container that holds it holds more than a caption and a credit would: \
             it goes on and on about the vote, the hall, the council and the people of the \
             town who came to watch the count late into the night, and what they said \
             afterwards, which the paper printed in full the next morning.</p></div>"
        ),
        [
            block("The vote passed.", Block::Paragraph),
            block("The hall on Monday.\n\nBild: dpa", Block::Caption),
            block(
                "A long paragraph after a picture is still the article's, since a \
                 container that holds it holds more than a caption and a credit would: it goes \
                 on and on about the vote, the hall, the council and the people of the town who \
                 came to watch the count late into the night, and what they said afterwards, \
                 which the paper printed in full the next morning.",
                Block::Paragraph
            ),
        ]
    );
}

#[test]
fn a_paragraph_ending_with_a_photo_credit_is_a_caption() {
    assert_eq!(
        blocks_of(
            "<p>The vote passed.</p><p><img src=a.jpg><br><em>The hall on Monday.</em> \
             (Photo courtesy of the council)</p><p>It ends. (AFP)</p>"
        ),
        [
            block("The vote passed.\n\n", Block::Paragraph),
            block(
                "The hall on Monday. (Photo courtesy of the council)",
                Block::Caption
            ),
            block("It ends. (AFP)", Block::Paragraph),
        ]
    );
}

#[test]
fn decode_prefers_bom_then_meta_then_utf8() {
    let decoded = |bytes: &[u8]| {
        let (text, encoding) = decode(bytes);
        (text.into_owned(), encoding)
    };
    assert_eq!(
        decoded(b"\xEF\xBB\xBFcaf\xC3\xA9"),
        ("café".into(), "UTF-8")
    );
    assert_eq!(decoded(b"\xFF\xFEh\0i\0"), ("hi".into(), "UTF-16LE"));
    assert_eq!(decoded(b"\xFE\xFF\0h\0i"), ("hi".into(), "UTF-16BE"));
    // The BOM wins over <meta>.
    let mut bom = b"\xEF\xBB\xBF<meta charset=\"windows-1252\">".to_vec();
    bom.extend_from_slice("é".as_bytes());
    assert_eq!(decoded(&bom).1, "UTF-8");
    assert!(decoded(&bom).0.ends_with('é'));
    assert_eq!(
        decoded(b"<meta charset=windows-1251>\xE0").0,
        "<meta charset=windows-1251>а"
    );
    assert_eq!(decoded(b"<META CHARSET='KOI8-R'>").1, "KOI8-R");
    assert_eq!(
        decoded(b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">").1,
        "GBK"
    );
    assert_eq!(
        decoded(b"<meta content='text/html; charset=\"shift_jis\"' http-equiv=content-type>").1,
        "Shift_JIS"
    );
    // No pragma, no charset; a UTF-16 label means UTF-8; x-user-defined means windows-1252.
    assert_eq!(
        decoded(b"<meta content=\"text/html; charset=gbk\">").1,
        "UTF-8"
    );
    assert_eq!(decoded(b"<meta charset=utf-16le>").1, "UTF-8");
    assert_eq!(decoded(b"<meta charset=x-user-defined>").1, "windows-1252");
    assert_eq!(decoded(b"<meta charset=no-such-thing>").1, "UTF-8");
    // Comments and attribute values are skipped; only the first 1024 bytes count.
    assert_eq!(decoded(b"<!-- <meta charset=gbk> --><p>").1, "UTF-8");
    assert_eq!(
        decoded(b"<a title='<meta charset=gbk>'><meta charset=big5>").1,
        "Big5"
    );
    let mut late = vec![b' '; 1024];
    late.extend_from_slice(b"<meta charset=gbk>");
    assert_eq!(decoded(&late).1, "UTF-8");
    // Malformed sequences become U+FFFD; valid UTF-8 is borrowed.
    assert_eq!(
        decoded(b"a\xFFb\xC3"),
        ("a\u{FFFD}b\u{FFFD}".into(), "UTF-8")
    );
    assert!(matches!(
        decode(b"plain ascii").0,
        Cow::Borrowed("plain ascii")
    ));
    assert_eq!(decoded(b""), (String::new(), "UTF-8"));
}

#[test]
fn utf8_bytes_under_a_legacy_charset_label_are_utf8() {
    for label in ["iso-8859-1", "windows-1252"] {
        let html = format!(
            "<html><head><meta charset=\"{label}\"><title>Caf\u{e9}</title></head>\
             <body><p>caf\u{e9}, na\u{ef}ve, Z\u{fc}rich</p></body></html>"
        );
        let (text, encoding) = decode(html.as_bytes());
        assert_eq!(encoding, "UTF-8", "{label}");
        assert_eq!(text, html);
        let (until, _) = decode_until(html.as_bytes(), &|| false).unwrap_or_default();
        assert_eq!(until, html);
        assert!(page(html.as_bytes()).text.contains("café, naïve, Zürich"));
    }
    // Bytes that are not UTF-8 keep their label; ASCII alone decodes the same either way.
    assert_eq!(
        decode(b"<meta charset=iso-8859-1>caf\xE9").0,
        "<meta charset=iso-8859-1>café"
    );
    assert_eq!(decode(b"<meta charset=koi8-r>abc").1, "KOI8-R");
    // The real windows-1252 page decodes as before.
    assert_eq!(decode(WINDOWS_1252).1, "windows-1252");
}

#[test]
fn ordinary_pages_pass_the_nesting_guard_untouched() {
    for fixture in FIXTURES {
        let (html, _) = decode(fixture);
        let (guarded, start_tags) = guard(&html);
        assert!(matches!(guarded, Cow::Borrowed(_)));
        assert!(start_tags > 10);
    }
    let balanced = "<div><p>deep</p></div>".repeat(10_000);
    assert!(matches!(guard(&balanced).0, Cow::Borrowed(_)));
    let unclosed = "<p>one<p>two<li>three<li>four<td>five<option>six".repeat(2_000);
    assert!(matches!(guard(&unclosed).0, Cow::Borrowed(_)));
}

#[test]
fn the_nesting_guard_bounds_depth() {
    for motif in [
        "<div>",
        "<ul><li>",
        "<b>",
        "<b id=1><div></b>",
        "<a><div><a>",
        "<table><tr><td>",
        "<svg><g>",
        "<math><mi><div>",
        "<span></div>",
        "<form><div></form>",
        "<div></body>",
        "<frameset>",
        "<p><b>x</p>",
        "<svg><foreignObject><style></div></style><div>",
        "<div><script><!--<script></div></script>-->x</script>",
    ] {
        let html = motif.repeat(2_000);
        let (guarded, _) = guard(&html);
        // The guard bounds html5ever's stack of open elements; the DOM can be up to twice
        // as deep (a closed <form> stays the parent of what was open inside it).
        let depth = dom_depth(&guarded);
        assert!(depth <= 2 * MAX_DEPTH, "{motif:?} nests {depth} deep");
    }
}

#[test]
fn the_nesting_guard_keeps_text() {
    let html = format!(
        "{}<p>First paragraph.</p><p>Second &amp; last.</p><script>hidden()</script> a &lt; b",
        "<div>".repeat(1_000)
    );
    let (guarded, _) = guard(&html);
    assert!(matches!(guarded, Cow::Owned(_)));
    let text = layout_of(&guarded);
    assert_eq!(text, "First paragraph.\n\nSecond & last.\n\na < b");
}

#[test]
fn raw_text_and_comments_do_not_count_as_nesting() {
    let script = "<script>if (a < b) { document.write('<div><div><div>'); }</script>";
    let style = "<style>p::before { content: '<div>' }</style><!-- <div><div> -->";
    let html = format!("{}{}", script.repeat(300), style.repeat(300));
    assert!(matches!(guard(&html).0, Cow::Borrowed(_)));
    // ... and their end tags inside strings do not pop anything either.
    let html = format!(
        "{}<script>'</div></div>'</script>{}",
        "<div>".repeat(200),
        "<div>".repeat(100)
    );
    assert!(matches!(guard(&html).0, Cow::Owned(_)));
}

#[test]
fn too_many_elements() {
    let html = "<p>".repeat(MAX_ELEMENTS + 1);
    assert_eq!(
        extract(&html),
        Err(HtmlError::TooManyElements {
            found: MAX_ELEMENTS + 1,
            max: MAX_ELEMENTS
        })
    );
}

#[test]
fn hostile_pages_do_not_panic_or_overflow_a_small_stack() {
    // 50,000 random bytes, the same on every run.
    let junk = proptest::collection::vec(proptest::num::u8::ANY, 50_000)
        .new_tree(&mut TestRunner::deterministic())
        .expect("a vector of bytes")
        .current();
    let inputs: Vec<String> = vec![
        decode(&junk).0.into_owned(),
        "<div>".repeat(100_000),
        "<b>".repeat(100_000),
        "<div>text ".repeat(5_000),
        "<ul><li>".repeat(40_000),
        "<table><tr><td>".repeat(20_000),
        "<svg><g>".repeat(40_000),
        "<p><b><i>unclosed ".repeat(1_000),
        "</div></p></b>".repeat(5_000),
        "<a href='x".repeat(10_000),
        "<!--".repeat(10_000),
        "<".repeat(10_000),
        "&#xFFFFFF;&#0;&;&amp".repeat(1_000),
    ];
    // Tokio's worker threads have 2 MiB stacks.
    let worker = std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(move || {
            for html in &inputs {
                if let Ok(page) = extract(html) {
                    assert_clean(&page.text);
                }
            }
        });
    assert!(worker.is_ok_and(|worker| worker.join().is_ok()));
}

#[test]
fn parsing_in_slices_builds_the_same_dom() {
    let mut pages: Vec<String> = FIXTURES
        .iter()
        .map(|bytes| decode(bytes).0.into_owned())
        .collect();
    pages.push(
        "<p>a&amp;b&#x20AC;c&notin;d\r\ne\r\n\r\nf<!-- x --><script>if (a<b) {}</script>".into(),
    );
    for html in &pages {
        let whole = Readability::from(html.as_str()).doc.html();
        for slice in [1, 3, 7, 64] {
            match parse::parse_in_slices(html, slice, usize::MAX, &|| false) {
                Ok(sliced) => assert_eq!(sliced.doc.html(), whole, "slices of {slice}"),
                Err(e) => panic!("{e}"),
            }
        }
    }
}

#[test]
fn long_escape_runs_are_split_without_changing_the_text() {
    let amps = "&amp;".repeat(1000);
    let html = format!(
        "<p title=\"{}\">{amps}<b>x</b>{}</p>",
        "&".repeat(300),
        "©".repeat(500)
    );
    let page = match parse::parse(&html, &|| false) {
        Ok(page) => page,
        Err(e) => panic!("{e}"),
    };
    let before = page.doc.html();
    assert!(parse::limit_escape_runs(&page, &|| false).is_ok());
    let after = page.doc.html();
    // The text serializes as it did; only the attribute value is cut short.
    let text_of = |html: &str| html.split_once("\">").map(|(_, text)| text.to_owned());
    assert_eq!(text_of(&after), text_of(&before));
    let title = page.doc.select("p").attr("title").unwrap_or_default();
    assert_eq!(title.len(), parse::MAX_ESCAPE_RUN);
    let p = page.doc.select("p");
    let texts = p
        .nodes()
        .first()
        .map_or(0, |p| p.children().iter().filter(|n| n.is_text()).count());
    assert_eq!(
        texts,
        1000usize.div_ceil(parse::MAX_ESCAPE_RUN) + 500usize.div_ceil(parse::MAX_ESCAPE_RUN)
    );
}

#[test]
fn the_attribute_guard_cuts_attributes_past_the_limit() {
    let names: String = (0..300).map(|i| format!(" a{i}=\"{i}\"")).collect();
    let html = format!("<p{names}>Text.</p><br{names}/><p{names}");
    let (guarded, _) = guard(&html);
    let kept: String = (0..128).map(|i| format!(" a{i}=\"{i}\"")).collect();
    assert_eq!(guarded, format!("<p{kept} >Text.</p><br{kept} /><p{kept} "));
    let page = page(format!("<title>T</title><p{names}>Text one.</p>").as_bytes());
    assert_eq!(page.text, "Text one.");
}

#[test]
fn extraction_stops_when_cancelled() {
    use std::cell::Cell;
    let html = format!(
        "<title>T</title>{}{}",
        "<p>A sentence of an article &amp; more.</p>".repeat(6_000),
        "&".repeat(256 << 10)
    );
    // Cancelled after the n-th check: every stage sees it, and nothing panics.
    for n in [0, 1, 2, 3, 5, 8] {
        let calls = Cell::new(0usize);
        let cancelled = || {
            calls.set(calls.get() + 1);
            calls.get() > n
        };
        assert_eq!(
            extract_until(&html, &cancelled),
            Err(HtmlError::Cancelled),
            "after {n}"
        );
    }
    let bytes = format!("<meta charset=\"windows-1252\">{html}").into_bytes();
    assert!(matches!(
        decode_until(&bytes, &|| true),
        Err(HtmlError::Cancelled)
    ));
    assert!(decode_until(&bytes, &|| false).is_ok_and(|(text, _)| text.len() == bytes.len()));
}

/// Each block of a page's laid-out text (without Readability), as (text, kind).
fn blocks_of(html: &str) -> Vec<(String, Block)> {
    let page = Readability::from(html);
    super::figures::mark_figures(&page);
    match visible_text(&page, false, &|| false) {
        Ok((text, blocks)) => blocks
            .spans()
            .map(|(range, kind)| (text[range].to_owned(), kind))
            .collect(),
        Err(e) => panic!("{e}"),
    }
}

fn block(text: &str, kind: Block) -> (String, Block) {
    (text.to_owned(), kind)
}

#[test]
fn headings_paragraphs_and_loose_text_are_told_apart() {
    assert_eq!(
        blocks_of("<h1>Top</h1><p>Body text.</p><div>Loose</div><h3>Sub</h3>"),
        [
            block("Top", Block::Heading(1)),
            block("Body text.", Block::Paragraph),
            block("Loose", Block::Plain),
            block("Sub", Block::Heading(3)),
        ]
    );
}

#[test]
fn list_items_and_table_cells_keep_their_kind_around_paragraphs() {
    assert_eq!(
        blocks_of(
            "<ul><li>Sports</li><li><p>Weather</p></li></ul>\
             <table><tr><td>Name</td><th>Age</th></tr></table><dl><dt>Term</dt></dl>"
        ),
        [
            block("Sports\n\nWeather", Block::ListItem),
            block("Name\nAge", Block::TableCell),
            block("Term", Block::ListItem),
        ]
    );
}

#[test]
fn captions_credits_and_figures_are_captions() {
    assert_eq!(
        blocks_of(
            "<table><caption>Results</caption><tr><td>1</td></tr></table>\
             <figure><img src=a.jpg><p>Photo: Jane Doe</p></figure>\
             <p>Text <span class=\"photo-credit\">AP</span></p>"
        ),
        [
            block("Results", Block::Caption),
            block("1", Block::TableCell),
            block("Photo: Jane Doe", Block::Caption),
            block("Text", Block::Paragraph),
            block("AP", Block::Caption),
        ]
    );
    // A <figcaption> stays in the text, as a caption.
    assert_eq!(
        blocks_of("<figure><figcaption>Seen here.</figcaption></figure><p>Kept.</p>"),
        [
            block("Seen here.", Block::Caption),
            block("Kept.", Block::Paragraph)
        ]
    );
}

#[test]
fn quotes_and_code_are_marked() {
    assert_eq!(
        blocks_of("<blockquote><p>Said it.</p></blockquote><pre><code>let x = 1;</code></pre>"),
        [
            block("Said it.", Block::Quote),
            block("let x = 1;", Block::Code)
        ]
    );
}

#[test]
fn bylines_datelines_and_authorship_are_bylines() {
    assert_eq!(
        blocks_of(
            "<div class=\"story-byline\">By <a rel=\"author\">Ann Lee</a></div>\
             <p><time datetime=\"2024-05-14\">May 14, 2024</time></p>\
             <p>By <span itemprop=\"author\">Bo Chen</span></p>\
             <span class=\"dateline\">PARIS</span><address>Desk</address>"
        ),
        [
            block("By Ann Lee\n\nMay 14, 2024", Block::Byline),
            block("By", Block::Paragraph),
            block("Bo Chen\n\nPARIS\n\nDesk", Block::Byline),
        ]
    );
}

#[test]
fn a_long_wrapper_with_a_byline_class_is_not_a_byline() {
    let prose = "The council met for hours and argued about the budget. ".repeat(10);
    let html = format!(
        "<div class=\"author-content\"><p>{prose}</p><h2>Sub</h2></div>\
         <div class=\"byline\">By Ann</div>"
    );
    // Its text is what it sits in: loose text, prose.
    let blocks = blocks_of(&html);
    assert_eq!(blocks[0].1, Block::Plain);
    assert_eq!(blocks[1], block("Sub", Block::Heading(2)));
    assert_eq!(blocks[2], block("By Ann", Block::Byline));
}

#[test]
fn a_page_has_blocks_and_headlines() {
    let page = page(NEWS);
    assert_eq!(
        page.headlines[0],
        "City Council Approves New Riverside Park Plan"
    );
    for (range, _) in page.blocks.spans() {
        assert!(range.start < range.end && range.end <= page.text.len());
    }
    let spans: Vec<_> = page.blocks.spans().collect();
    assert!(spans.windows(2).all(|w| w[0].0.end <= w[1].0.start));
    assert!(spans.iter().any(|(_, kind)| *kind == Block::Paragraph));
}
