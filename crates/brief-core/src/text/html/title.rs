//! The page's headline in its several forms: the article's main `<h1>`, `og:title`, and the
//! `<title>` without the site's name. Each is a title candidate, and none may be a sentence of the
//! brief; the title used is the `<h1>`, else `og:title`, else what Readability made of the page.

use dom_smoothie::Readability;

use super::clean_title;

/// Separators between a headline and the site's name in a `<title>` ("Headline | Site").
const SITE_SEPARATORS: [&str; 5] = [" | ", " - ", " \u{2014} ", " \u{2013} ", " :: "];

/// The forms of a page's headline found in its markup.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Titles {
    /// The article's main `<h1>`: the first in an `<article>` or `<main>`, else the page's only
    /// one, unless it is just the site's name.
    h1: Option<String>,
    /// `<meta property="og:title">`.
    og: Option<String>,
    /// The `<title>`, and the `<title>` without its site suffix.
    title: Option<String>,
    title_without_site: Option<String>,
}

impl Titles {
    /// Reads the headline's forms from a parsed page. Its selectors recurse once per level, so
    /// it is only called on a page no deeper than Readability is run on.
    pub(super) fn of(page: &Readability) -> Self {
        let text = |selector: &str| {
            let found = page.doc.select_single(selector);
            let title = clean_title(&found.text());
            (!title.is_empty()).then_some(title)
        };
        let attr = |selector: &str| {
            let found = page.doc.select_single(selector);
            let title = clean_title(&found.attr("content").unwrap_or_default());
            (!title.is_empty()).then_some(title)
        };
        let title = text("head > title");
        let (title_without_site, site_from_title) = match title.as_deref().map(split_site) {
            Some((headline, site)) => (Some(headline.to_owned()), site.map(str::to_owned)),
            None => (None, None),
        };
        let site = attr(r#"meta[property="og:site_name"]"#).or(site_from_title);
        let h1 = text("article h1, main h1").or_else(|| {
            let all = page.doc.select("h1");
            (all.length() == 1)
                .then(|| clean_title(&all.text()))
                .filter(|t| !t.is_empty())
        });
        // A logo in an <h1> is no headline.
        let h1 = h1.filter(|h| site.as_deref().is_none_or(|s| !same(h, s)));
        Self {
            h1,
            og: attr(r#"meta[property="og:title"]"#),
            title,
            title_without_site,
        }
    }

    /// The page's title: the `<h1>`, else `og:title`, else `fallback` (Readability's). An `<h1>`
    /// that ends with `og:title` and is longer carries a kicker ("Bahnstreik" over "Lokführer
    /// legen ... lahm", in a span of its own): `og:title` is the headline then.
    pub(super) fn choose(&self, fallback: String) -> String {
        if let (Some(h1), Some(og)) = (&self.h1, &self.og)
            && has_kicker(h1, og)
        {
            return og.clone();
        }
        match self.h1.as_ref().or(self.og.as_ref()) {
            Some(title) => title.clone(),
            None => fallback,
        }
    }

    /// Every form found, without repeats.
    pub(super) fn into_headlines(self) -> Vec<String> {
        let mut all: Vec<String> = Vec::with_capacity(4);
        for title in [self.h1, self.og, self.title_without_site, self.title]
            .into_iter()
            .flatten()
        {
            if !all.iter().any(|t| same(t, &title)) {
                all.push(title);
            }
        }
        all
    }
}

/// A `<title>` split at its last site separator: the headline, and the site's name if there was
/// one ("Headline | Site" -> "Headline", "Site").
fn split_site(title: &str) -> (&str, Option<&str>) {
    let cut = SITE_SEPARATORS
        .iter()
        .filter_map(|sep| title.rfind(sep).map(|at| (at, at + sep.len())))
        .max();
    match cut {
        Some((at, after)) if at > 0 && after < title.len() => (&title[..at], Some(&title[after..])),
        _ => (title, None),
    }
}

/// Whether `h1` is `headline` with words before it (a kicker or topline), up to case.
fn has_kicker(h1: &str, headline: &str) -> bool {
    let (h1, headline) = (h1.to_lowercase(), headline.to_lowercase());
    h1.len() > headline.len()
        && h1.ends_with(&headline)
        && h1[..h1.len() - headline.len()].ends_with(|c: char| c.is_whitespace() || c == ':')
}

/// The same text up to case.
fn same(a: &str, b: &str) -> bool {
    a.to_lowercase() == b.to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_site_suffix_is_split_off() {
        assert_eq!(
            split_site("Storm hits coast | World News"),
            ("Storm hits coast", Some("World News"))
        );
        assert_eq!(split_site("A - B \u{2014} Site"), ("A - B", Some("Site")));
        assert_eq!(split_site("No site here"), ("No site here", None));
        assert_eq!(split_site(" | Site"), (" | Site", None));
    }

    #[test]
    fn an_h1_with_a_kicker_gives_way_to_og_title() {
        let page = Readability::from(
            "<html><head><title>Bahnstreik: Lokführer legen Fernverkehr lahm | tagesschau.de</title>\
             <meta property=\"og:title\" content=\"Lokführer legen Fernverkehr lahm\"></head>\
             <body><article><h1><span>Bahnstreik</span> <span>Lokführer legen Fernverkehr lahm\
             </span></h1><p>Text.</p></article></body></html>",
        );
        assert_eq!(
            Titles::of(&page).choose(String::new()),
            "Lokführer legen Fernverkehr lahm"
        );
        // A word-inside match is no kicker.
        assert!(!has_kicker("Nonstop flights", "stop flights"));
        assert!(has_kicker(
            "Bahnstreik: Lokführer streiken",
            "lokführer streiken"
        ));
    }

    #[test]
    fn the_h1_is_preferred_unless_it_is_the_site_name() {
        let page = Readability::from(
            "<html><head><title>Storm hits coast | World News</title>\
             <meta property=\"og:title\" content=\"Storm hits the coast\"></head>\
             <body><h1>Storm batters coast, thousands flee</h1><p>Text.</p></body></html>",
        );
        let titles = Titles::of(&page);
        assert_eq!(
            titles.choose(String::new()),
            "Storm batters coast, thousands flee"
        );
        assert_eq!(
            titles.into_headlines(),
            [
                "Storm batters coast, thousands flee",
                "Storm hits the coast",
                "Storm hits coast",
                "Storm hits coast | World News"
            ]
        );
        let logo = Readability::from(
            "<html><head><title>World News</title>\
             <meta property=\"og:site_name\" content=\"World News\">\
             <meta property=\"og:title\" content=\"Storm hits the coast\"></head>\
             <body><h1>World News</h1><p>Text.</p></body></html>",
        );
        assert_eq!(
            Titles::of(&logo).choose(String::new()),
            "Storm hits the coast"
        );
        let article = Readability::from(
            "<html><body><h1>Site</h1><article><h1>The real one</h1></article></body></html>",
        );
        assert_eq!(Titles::of(&article).choose(String::new()), "The real one");
    }
}
