//! Photo credits at the end of a paragraph: a `<p>` that ends with one is a caption, wherever it
//! stands and whatever its class ("… rest in chairs after the landing. (Ivan Timoshenko/
//! Roscosmos photo via AP)", "6月17日，铺轨机在跨海大桥上作业。新华社记者 林善传 摄").
//!
//! Only the end of a short paragraph is looked at (see `layout`, which relabels the paragraph),
//! and only credits of pictures count: a wire story's closing "(AFP)" names a source, not a photo.

/// Words that make a closing parenthesis a photo credit (compared lowercase).
const CREDIT_WORDS: [&str; 9] = [
    "photo", "foto", "bild", "image", "picture", "getty", "courtesy", "图片", "图源",
];

/// Marks that end a Chinese photo credit ("记者 X 摄", "X 供图").
const CJK_CREDIT_ENDS: [&str; 3] = ["摄", "供图", "摄影"];

/// How far from the end a closing parenthesis may open, in bytes.
const CREDIT_BYTES: usize = 160;

/// Whether `paragraph` ends with a photo credit: a last parenthesis (ASCII or full-width) that
/// names a photo, or a Chinese credit mark.
pub(super) fn ends_with_credit(paragraph: &str) -> bool {
    let text = paragraph.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '.' | '。'));
    if CJK_CREDIT_ENDS.iter().any(|end| text.ends_with(end)) {
        return true;
    }
    let Some(inner) = text
        .strip_suffix(')')
        .or_else(|| text.strip_suffix('）'))
        .or_else(|| text.strip_suffix(']'))
    else {
        return false;
    };
    let Some(open) = inner.rfind(['(', '（', '[']) else {
        return false;
    };
    if inner.len() - open > CREDIT_BYTES {
        return false;
    }
    let credit = inner[open..].to_lowercase();
    CREDIT_WORDS.iter().any(|w| credit.contains(w))
}

#[cfg(test)]
mod tests {
    use super::ends_with_credit;

    #[test]
    fn photo_credits_end_captions() {
        for caption in [
            "The crew rest after the landing. (Ivan Timoshenko/ Roscosmos photo via AP)",
            "Rusted filter housings in January. (Photo courtesy of Harlan County)",
            "Le chantier, lundi. (Photo : AFP)",
            "北京西二旗地铁站外停放的大量共享单车（图片来源：视觉中国）",
            "6月17日，铺轨机在跨海大桥上作业（无人机照片）。新华社记者 林善传 摄",
            "Demonstranten vor dem Kanzleramt [Bild: dpa]",
        ] {
            assert!(ends_with_credit(caption), "{caption:?}");
        }
        for prose in [
            "The ministry said the talks would resume on Monday. (AFP)",
            "He took the photo (a blurred one) himself, he said.",
            "Sales rose by a fifth (see the chart).",
            "The agency said so (in a statement).",
        ] {
            assert!(!ends_with_credit(prose), "{prose:?}");
        }
    }
}
