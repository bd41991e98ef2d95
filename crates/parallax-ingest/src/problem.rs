use parallax_model::{Origin, SourceDocument};

use crate::fields::UnseenFields;

/// Why a piece of input was not analysed. The codes are stable: run
/// summaries count by them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ProblemKind {
    /// The file or record holds no text at all.
    Empty,
    /// The bytes are not text (NUL bytes, mostly control characters).
    Binary,
    /// A JSON line that does not parse, or is not an object.
    MalformedJson,
    /// A record without a text or HTML field, or a page with no readable text.
    NoText,
    /// A document larger than the configured limit.
    TooLarge,
    /// Compressed or archived input that ends early or is corrupt.
    Truncated,
    /// A file that could not be opened or read.
    Unreadable,
    /// A file in a walked directory whose type Parallax does not read.
    UnsupportedType,
    /// A fault in Parallax itself while analysing this document; the rest
    /// of the run goes on. Please report it with the document.
    Internal,
}

impl ProblemKind {
    pub fn code(self) -> &'static str {
        match self {
            ProblemKind::Empty => "empty",
            ProblemKind::Binary => "binary",
            ProblemKind::MalformedJson => "malformed-json",
            ProblemKind::NoText => "no-text",
            ProblemKind::TooLarge => "too-large",
            ProblemKind::Truncated => "truncated",
            ProblemKind::Unreadable => "unreadable",
            ProblemKind::UnsupportedType => "unsupported-type",
            ProblemKind::Internal => "internal-error",
        }
    }
}

/// One piece of input that was not analysed, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub origin: Origin,
    pub kind: ProblemKind,
    pub message: String,
}

impl Problem {
    pub fn new(origin: Origin, kind: ProblemKind, message: impl Into<String>) -> Self {
        Problem {
            origin,
            kind,
            message: message.into(),
        }
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}: {} ({})",
            self.origin,
            self.message,
            self.kind.code()
        )
    }
}

/// A WARC record that holds no article page: the crawl's `warcinfo`, a
/// `request`, `metadata`, a `revisit`, a response that is not an HTML page.
/// A crawl holds many of these, so a run counts them by `what` rather than
/// reporting each one. A damaged record is a [`Problem`] instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotAPage {
    pub origin: Origin,
    /// What the record is, one of a few labels: its record type
    /// (`warcinfo`, `request`, `metadata`, `revisit`, …), `non-HTML response`,
    /// `non-HTTP response`, `non-HTML resource`, `response status 404`,
    /// `untyped` or `other type`.
    pub what: String,
}

/// What the reader yields, in input order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    Document(Box<SourceDocument>),
    Problem(Problem),
    /// A WARC record that is not a page: to be counted, not analysed.
    NotAPage(NotAPage),
    /// Mapped fields that no JSON record has: once after the first
    /// records (if any is missing then), and once when all input is read.
    UnseenFields(UnseenFields),
}
