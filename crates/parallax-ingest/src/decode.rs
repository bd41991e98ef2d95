//! From a found document to plain text: HTML pages lose their markup here.

use parallax_model::{Body, Discarded, PageFacts, RawArticle, SourceDocument};

use crate::problem::{Problem, ProblemKind};

/// Turn a found document into plain text. For HTML pages this extracts the
/// article's main text and the page's own metadata; the page chrome is not
/// kept, but pieces left out from inside the article are listed.
pub fn decode(doc: SourceDocument) -> Result<RawArticle, Problem> {
    let SourceDocument {
        id,
        origin,
        url,
        outlet,
        published,
        title,
        body,
        warnings,
    } = doc;
    let (text, title, discarded, page) = match body {
        Body::Text(t) => (t, title, Vec::new(), PageFacts::default()),
        Body::Html(h) => match parallax_html::extract(&h) {
            Ok(main) => {
                let text = main.text();
                let discarded = main
                    .discarded
                    .into_iter()
                    .map(|d| Discarded {
                        text: d.text,
                        reason: d.reason,
                        detail: "left out by the page reader".to_string(),
                    })
                    .collect();
                let page = PageFacts {
                    canonical_url: main.meta.canonical_url,
                    site_name: main.meta.site_name,
                    published: main.meta.published,
                    handle: main.meta.handle,
                };
                (text, title.or(main.title), discarded, page)
            }
            Err(e) => {
                return Err(Problem::new(
                    origin,
                    ProblemKind::NoText,
                    format!("HTML page: {e}"),
                ))
            }
        },
    };
    if text.trim().is_empty() {
        return Err(Problem::new(
            origin,
            ProblemKind::Empty,
            "no text in the document",
        ));
    }
    let url = url.or_else(|| page.canonical_url.clone());
    Ok(RawArticle {
        id,
        origin,
        url,
        outlet,
        published,
        title,
        text,
        discarded,
        page,
        warnings,
    })
}
