//! What ingest hands to cleaning: one document as it was found.

use serde::{Deserialize, Serialize};

/// Where a document came from, precise enough for a person to find it again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Origin {
    /// The file path as given on the command line (or `-` for standard input).
    pub path: String,
    /// 1-based line number for JSON Lines input, record number for WARC.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub record: Option<u64>,
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.record {
            Some(n) => write!(f, "{}:{}", self.path, n),
            None => f.write_str(&self.path),
        }
    }
}

/// The body of a document before cleaning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Body {
    /// Plain text, paragraphs separated by line breaks.
    Text(String),
    /// An HTML page whose main text has not been extracted yet.
    Html(String),
}

/// One document as ingest found it: metadata given by the source, and a body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceDocument {
    pub id: String,
    pub origin: Origin,
    pub url: Option<String>,
    /// Outlet name as given by the input, with the input field it came from.
    pub outlet: Option<(String, String)>,
    /// Publication date as given by the input, unparsed, with its field.
    pub published: Option<(String, String)>,
    pub title: Option<String>,
    pub body: Body,
    /// Problems that did not stop the document, e.g. a lossy UTF-8 decode.
    pub warnings: Vec<String>,
}

/// A piece of a page that the reader left out of the text, with its reason
/// code (the same codes as [`crate::Removed::reason`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Discarded {
    pub text: String,
    pub reason: &'static str,
    pub detail: String,
}

/// Facts a page states about itself (HTML metadata), kept as written.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageFacts {
    pub canonical_url: Option<String>,
    pub site_name: Option<String>,
    pub published: Option<String>,
    /// The social handle the site declares as its own (`twitter:site`).
    pub handle: Option<String>,
}

/// A document reduced to plain text, not yet cleaned: what cleaning reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawArticle {
    pub id: String,
    pub origin: Origin,
    pub url: Option<String>,
    /// Outlet as given by the input, with the field it came from.
    pub outlet: Option<(String, String)>,
    /// Publication date as given by the input, unparsed, with its field.
    pub published: Option<(String, String)>,
    /// Title given by the input or found in the page markup.
    pub title: Option<String>,
    /// The article text, paragraphs separated by line breaks.
    pub text: String,
    /// What the reader already left out (HTML captions, related links).
    pub discarded: Vec<Discarded>,
    pub page: PageFacts,
    pub warnings: Vec<String>,
}
