use parallax_model::{Origin, SourceDocument};

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
    /// A WARC record that is not an HTML response (requests, metadata, images).
    NotArticle,
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
            ProblemKind::NotArticle => "not-an-article",
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

/// What the reader yields, in input order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    Document(Box<SourceDocument>),
    Problem(Problem),
}
