//! Main-text extraction from an article's HTML page.
//!
//! Given the markup of one page, find the article's own text (paragraphs and
//! subheadings, without the headline) and leave out the page around it
//! (navigation, related links, comments, share buttons). Pieces left out from
//! inside the article container are reported with a reason. Also reads the
//! page's metadata (canonical URL, site name, publication date, author,
//! language) for later inference.
//!
//! This crate must not fetch anything, know outlets by name, or decide what
//! counts as boilerplate *inside* the article text beyond page furniture:
//! that is cleaning's job. It must never panic, whatever the input.

mod content;
mod dom;
mod hints;
mod meta;

use scraper::Html;

use crate::dom::Dom;

/// Metadata a page declares about itself.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageMeta {
    pub canonical_url: Option<String>,
    pub site_name: Option<String>,
    /// The publication date as the page writes it (not parsed).
    pub published: Option<String>,
    pub author: Option<String>,
    pub lang: Option<String>,
    /// The social handle the site declares as its own (`twitter:site`).
    pub handle: Option<String>,
}

/// A piece of the article container that was left out of the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Discarded {
    pub text: String,
    /// One of `caption`, `related-link`, `social-embed`, `navigation`,
    /// `page-chrome`, `byline`.
    pub reason: &'static str,
}

/// The article found in a page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MainText {
    /// The headline.
    pub title: Option<String>,
    /// Paragraphs of the article body, in reading order, whitespace collapsed.
    pub paragraphs: Vec<String>,
    pub meta: PageMeta,
    /// Pieces found inside the article container and left out, in order.
    pub discarded: Vec<Discarded>,
}

impl MainText {
    /// The body as plain text, one paragraph per line.
    pub fn text(&self) -> String {
        self.paragraphs.join("\n")
    }
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum HtmlError {
    #[error("the page has no readable text")]
    NoText,
}

/// Declared (JSON-LD) bodies shorter than this are not trusted over the
/// markup.
const MIN_DECLARED_BODY_WORDS: usize = 80;
/// The declared body replaces the found one when the found one has less
/// than this share of its words.
const DECLARED_BODY_RATIO: f64 = 0.3;

/// Extract the main text and metadata of one article page.
pub fn extract(html: &str) -> Result<MainText, HtmlError> {
    let doc = Html::parse_document(html);
    let dom = Dom::new(&doc);
    let declared = meta::read(&dom);
    let h1 = dom
        .find_tag("body")
        .and_then(|body| (body..dom.end(body)).find(|&i| dom.tag(i) == "h1"))
        .map(|i| dom.subtree_text(i))
        .filter(|t| !t.is_empty());
    let title = choose_title(
        h1,
        declared.headline.clone(),
        declared.document_title.clone(),
        declared.meta.site_name.as_deref(),
    );
    let titles: Vec<&str> = [
        title.as_deref(),
        declared.headline.as_deref(),
        declared.document_title.as_deref(),
    ]
    .into_iter()
    .flatten()
    .collect();
    let mut found = content::find(&dom, title.as_deref(), &titles);
    // The page's own JSON-LD body is a cross-check: when the markup yields
    // far less than it, the container search went wrong (scripted pages,
    // unusual layouts) and the declared body is the better text.
    if let Some(body) = declared.article_body.as_deref() {
        let declared_words = body.split_whitespace().count();
        let found_words: usize = found
            .paragraphs
            .iter()
            .map(|p| p.split_whitespace().count())
            .sum();
        if declared_words >= MIN_DECLARED_BODY_WORDS
            && (found_words as f64) < DECLARED_BODY_RATIO * declared_words as f64
        {
            let paragraphs: Vec<String> = body
                .lines()
                .map(dom::collapse_whitespace)
                .filter(|l| !l.is_empty())
                .collect();
            if !paragraphs.is_empty() {
                found.paragraphs = paragraphs;
                found.discarded.clear();
            }
        }
    }
    if found.paragraphs.is_empty() {
        return Err(HtmlError::NoText);
    }
    Ok(MainText {
        title,
        paragraphs: found.paragraphs,
        meta: declared.meta,
        discarded: found.discarded,
    })
}

/// Pick the headline: the page's `<h1>` when it agrees with what the page
/// declares, else the declared headline (og:title and the like), else the
/// first `<h1>`, else the `<title>` without its site suffix.
fn choose_title(
    h1: Option<String>,
    declared: Option<String>,
    document_title: Option<String>,
    site_name: Option<&str>,
) -> Option<String> {
    let declared = declared.map(|d| strip_site_suffix(&d, site_name));
    let lower = |s: &str| s.to_lowercase();
    if let Some(h) = &h1 {
        let agrees = |other: &Option<String>| {
            other
                .as_deref()
                .is_some_and(|o| lower(o).contains(&lower(h)))
        };
        if agrees(&declared) || agrees(&document_title) {
            return h1;
        }
    }
    declared
        .filter(|d| !d.is_empty())
        .or(h1)
        .or_else(|| document_title.map(|t| strip_site_suffix(&t, site_name)))
        .filter(|t| !t.is_empty())
}

/// "Headline | Site" → "Headline": drop a trailing part after a separator
/// when it names the site or is much shorter than the headline.
fn strip_site_suffix(title: &str, site_name: Option<&str>) -> String {
    for sep in [" | ", " - ", " – ", " — ", " :: ", " · "] {
        if let Some((head, tail)) = title.rsplit_once(sep) {
            let names_site = site_name.is_some_and(|s| s.eq_ignore_ascii_case(tail.trim()));
            if names_site || (tail.len() < head.len() && tail.split_whitespace().count() <= 4) {
                return head.trim().to_string();
            }
        }
    }
    title.trim().to_string()
}

#[cfg(test)]
mod tests;
