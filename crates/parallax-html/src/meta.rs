//! Page metadata: what the page declares about itself in `<meta>`, `<link>`,
//! JSON-LD and a few microdata attributes.

use serde_json::Value;

use crate::dom::{collapse_whitespace, Dom};
use crate::PageMeta;

/// Everything read from the page's declarations, before the body is scanned.
#[derive(Debug, Default)]
pub(crate) struct Declared {
    pub meta: PageMeta,
    /// og:title, twitter:title or the JSON-LD headline, best first.
    pub headline: Option<String>,
    /// The `<title>` element's text.
    pub document_title: Option<String>,
    /// JSON-LD `articleBody`, when the page ships one.
    pub article_body: Option<String>,
}

/// Open Graph date properties, trusted before JSON-LD.
const OPEN_GRAPH_DATE_KEYS: &[&str] = &[
    "article:published_time",
    "article:published",
    "og:published_time",
];

/// Meta names (or properties) that carry a publication date, best first.
const DATE_KEYS: &[&str] = &[
    "article:published_time",
    "article:published",
    "og:published_time",
    "datepublished",
    "publishdate",
    "pubdate",
    "publish-date",
    "publish_date",
    "publication_date",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dc.date",
    "dcterms.created",
    "dcterms.date",
    "date",
    "article.published",
    "og:updated_time",
];

const AUTHOR_KEYS: &[&str] = &[
    "author",
    "article:author",
    "parsely-author",
    "sailthru.author",
    "dc.creator",
    "byl",
];

const SITE_KEYS: &[&str] = &["og:site_name", "application-name"];

const HEADLINE_KEYS: &[&str] = &["og:title", "twitter:title"];

/// Article types of schema.org whose JSON-LD object describes the page's
/// own article (matched as a suffix, so `NewsArticle` and `ReportageNewsArticle`
/// count too).
fn is_article_type(t: &str) -> bool {
    t.ends_with("Article") || t == "BlogPosting" || t == "Report" || t == "LiveBlogPosting"
}

pub(crate) fn read(dom: &Dom<'_>) -> Declared {
    let mut declared = Declared::default();
    // (key, value) pairs from <meta>, in document order.
    let mut metas: Vec<(String, String)> = Vec::new();
    let mut time_datetime: Option<String> = None;
    let mut microdata_date: Option<String> = None;
    let mut microdata_author: Option<String> = None;
    let mut rel_author: Option<String> = None;
    let mut ld_objects: Vec<Value> = Vec::new();

    for i in 0..dom.len() {
        let Some(el) = dom.element(i) else { continue };
        match el.name() {
            "html" if declared.meta.lang.is_none() => {
                declared.meta.lang = nonempty(el.attr("lang").or_else(|| el.attr("xml:lang")));
            }
            "title" if declared.document_title.is_none() => {
                declared.document_title = nonempty(Some(&dom.subtree_text(i)));
            }
            "meta" => {
                let content = collapse_whitespace(el.attr("content").unwrap_or(""));
                if !content.is_empty() {
                    // One tag may carry several keys (property, name and a
                    // list of itemprop names); each is looked up alone.
                    let keys = el
                        .attr("property")
                        .into_iter()
                        .chain(el.attr("name"))
                        .chain(
                            el.attr("itemprop")
                                .into_iter()
                                .flat_map(str::split_whitespace),
                        );
                    for key in keys {
                        metas.push((key.trim().to_ascii_lowercase(), content.clone()));
                    }
                }
            }
            "link" => {
                let rel = el.attr("rel").unwrap_or("").to_ascii_lowercase();
                if rel.split_whitespace().any(|r| r == "canonical")
                    && declared.meta.canonical_url.is_none()
                {
                    declared.meta.canonical_url = nonempty(el.attr("href"));
                }
            }
            "time" if time_datetime.is_none() => {
                time_datetime = nonempty(el.attr("datetime"));
            }
            "script" => {
                let is_ld = el
                    .attr("type")
                    .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
                if is_ld {
                    let mut raw = String::new();
                    for j in i + 1..dom.end(i) {
                        if let Some(t) = dom.text(j) {
                            raw.push_str(t);
                        }
                    }
                    if let Some(v) = parse_json_ld(&raw) {
                        ld_objects.push(v);
                    }
                }
            }
            _ => {}
        }
        if let Some(prop) = el.attr("itemprop") {
            let value = || {
                el.attr("content")
                    .or_else(|| el.attr("datetime"))
                    .map(str::to_string)
            };
            if prop == "datePublished" && microdata_date.is_none() && el.name() != "meta" {
                microdata_date = value().or_else(|| nonempty(Some(&dom.subtree_text(i))));
            }
            if prop == "author" && microdata_author.is_none() && el.name() != "meta" {
                microdata_author = nonempty(Some(&dom.subtree_text(i)));
            }
        }
        if el.name() == "a"
            && rel_author.is_none()
            && el.attr("rel").is_some_and(|r| {
                r.split_whitespace()
                    .any(|x| x.eq_ignore_ascii_case("author"))
            })
        {
            rel_author = nonempty(Some(&dom.subtree_text(i)));
        }
    }

    let meta_value = |keys: &[&str]| -> Option<String> {
        keys.iter().find_map(|k| {
            metas
                .iter()
                .find(|(key, _)| key == k)
                .map(|(_, v)| v.clone())
        })
    };

    let mut ld = LdFacts::default();
    for v in &ld_objects {
        ld.collect(v, 0);
    }

    let meta = &mut declared.meta;
    if meta.canonical_url.is_none() {
        meta.canonical_url = meta_value(&["og:url", "twitter:url"]);
    }
    meta.site_name = meta_value(SITE_KEYS).or(ld.publisher);
    meta.handle = meta_value(&["twitter:site"])
        .map(|h| h.trim().trim_start_matches('@').to_string())
        .filter(|h| !h.is_empty() && h.chars().all(|c| c.is_alphanumeric() || c == '_'));
    meta.published = meta_value(OPEN_GRAPH_DATE_KEYS)
        .or(ld.date_published)
        .or_else(|| meta_value(DATE_KEYS))
        .or(microdata_date)
        .or(time_datetime);
    meta.author = ld
        .author
        .or_else(|| meta_value(AUTHOR_KEYS).filter(|a| !a.starts_with("http")))
        .or(microdata_author)
        .or(rel_author)
        .map(|a| strip_by(&a));
    declared.headline = meta_value(HEADLINE_KEYS).or(ld.headline);
    declared.article_body = ld.article_body;
    declared
}

/// "By Jane Doe" → "Jane Doe".
fn strip_by(author: &str) -> String {
    let lower = author.to_lowercase();
    match lower.starts_with("by ") {
        true => author.get(3..).unwrap_or(author).trim().to_string(),
        false => author.to_string(),
    }
}

fn nonempty(s: Option<&str>) -> Option<String> {
    s.map(collapse_whitespace).filter(|s| !s.is_empty())
}

/// Parse one JSON-LD block, tolerating the HTML comment or CDATA wrappers
/// some pages put around it.
fn parse_json_ld(raw: &str) -> Option<Value> {
    let trimmed = raw
        .trim()
        .trim_start_matches("<!--")
        .trim_end_matches("-->")
        .trim()
        .trim_start_matches("//<![CDATA[")
        .trim_end_matches("//]]>")
        .trim();
    serde_json::from_str(trimmed).ok()
}

#[derive(Default)]
struct LdFacts {
    headline: Option<String>,
    article_body: Option<String>,
    date_published: Option<String>,
    author: Option<String>,
    publisher: Option<String>,
}

/// JSON nesting we follow; serde_json itself refuses deeper documents.
const MAX_LD_DEPTH: usize = 16;

impl LdFacts {
    fn collect(&mut self, v: &Value, depth: usize) {
        if depth > MAX_LD_DEPTH {
            return;
        }
        match v {
            Value::Array(items) => {
                for item in items {
                    self.collect(item, depth + 1);
                }
            }
            Value::Object(map) => {
                if let Some(graph) = map.get("@graph") {
                    self.collect(graph, depth + 1);
                }
                let is_article = match map.get("@type") {
                    Some(Value::String(t)) => is_article_type(t),
                    Some(Value::Array(ts)) => {
                        ts.iter().any(|t| t.as_str().is_some_and(is_article_type))
                    }
                    _ => false,
                } || map.contains_key("articleBody");
                if !is_article {
                    return;
                }
                if self.headline.is_none() {
                    self.headline = map.get("headline").and_then(string_of);
                }
                if self.article_body.is_none() {
                    self.article_body = map
                        .get("articleBody")
                        .and_then(Value::as_str)
                        .map(str::to_string);
                }
                if self.date_published.is_none() {
                    self.date_published = map.get("datePublished").and_then(string_of);
                }
                if self.author.is_none() {
                    self.author = map.get("author").and_then(name_of);
                }
                if self.publisher.is_none() {
                    self.publisher = map.get("publisher").and_then(name_of);
                }
            }
            _ => {}
        }
    }
}

fn string_of(v: &Value) -> Option<String> {
    v.as_str()
        .map(collapse_whitespace)
        .filter(|s| !s.is_empty())
}

/// The name of a person or organisation given as a string, an object with
/// `name`, or a list of those (joined with ", ").
fn name_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => string_of(&Value::String(s.clone())),
        Value::Object(map) => map.get("name").and_then(string_of),
        Value::Array(items) => {
            let names: Vec<String> = items
                .iter()
                .filter_map(|item| match item {
                    Value::Array(_) => None,
                    other => name_of(other),
                })
                .collect();
            (!names.is_empty()).then(|| names.join(", "))
        }
        _ => None,
    }
}
