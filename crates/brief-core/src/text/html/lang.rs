//! The page's declared language: `<html lang="cs">`, else
//! `<meta http-equiv="content-language" content="cs">`.

use dom_smoothie::Readability;

/// The language the page declares, as a well-formed BCP-47 tag whose primary subtag is an ISO
/// 639 code ("cs", "pt-BR"); `None` when it declares none, or something else ("", "x-default",
/// "english"). Reads only the root element and the `<head>`'s children, so it costs the same on
/// a page of any depth.
pub(super) fn declared_language(page: &Readability) -> Option<String> {
    let from_root = page.doc.html_root().attr("lang");
    if let Some(tag) = from_root.as_deref().and_then(well_formed) {
        return Some(tag.to_owned());
    }
    let mut child = page.doc.head().and_then(|head| head.first_child());
    while let Some(node) = child {
        if node.has_name("meta")
            && node
                .attr("http-equiv")
                .is_some_and(|v| v.trim().eq_ignore_ascii_case("content-language"))
        {
            let content = node.attr("content").unwrap_or_default();
            // A list ("cs, en") names the first audience's language first.
            let first = content.split(',').next().unwrap_or_default();
            if let Some(tag) = well_formed(first) {
                return Some(tag.to_owned());
            }
        }
        child = node.next_sibling();
    }
    None
}

/// `tag` trimmed, if it is a well-formed language tag: subtags of 1 to 8 letters or digits
/// separated by '-' (or '_'), the first of 2 or 3 letters, 35 bytes at most.
pub(crate) fn well_formed(tag: &str) -> Option<&str> {
    let tag = tag.trim();
    let mut parts = tag.split(['-', '_']);
    let primary = parts.next()?;
    let ok = tag.len() <= 35
        && (2..=3).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_alphabetic())
        && parts
            .all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()));
    ok.then_some(tag)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn declared(html: &str) -> Option<String> {
        declared_language(&Readability::from(html))
    }

    #[test]
    fn the_root_lang_else_the_content_language_meta() {
        assert_eq!(
            declared("<html lang=\" cs \"><body><p>Text.</p></body></html>").as_deref(),
            Some("cs")
        );
        assert_eq!(
            declared(
                "<html><head><meta http-equiv=\"Content-Language\" content=\"pt-BR, en\">\
                 </head><body><p>Text.</p></body></html>"
            )
            .as_deref(),
            Some("pt-BR")
        );
        assert_eq!(
            declared("<html lang=\"\"><body><p>Text.</p></body></html>"),
            None
        );
        assert_eq!(
            declared("<html lang=\"x-default\"><body><p>Text.</p></body></html>"),
            None
        );
        assert_eq!(declared("<p>No language.</p>"), None);
    }

    #[test]
    fn only_well_formed_tags_count() {
        assert_eq!(well_formed("de"), Some("de"));
        assert_eq!(well_formed("zh-Hant-TW"), Some("zh-Hant-TW"));
        assert_eq!(well_formed("deu"), Some("deu"));
        assert_eq!(well_formed("english"), None);
        assert_eq!(well_formed("e1"), None);
        assert_eq!(well_formed("en--US"), None);
        assert_eq!(well_formed("en-toolongsubtag"), None);
    }
}
