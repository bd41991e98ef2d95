//! A sentence as a list of words, with the small word tests that the
//! quotation finder and the speaker parser share.

use std::ops::Range;

use parallax_text::{Segmentation, TokenKind};

/// One token of a sentence, with its text.
#[derive(Debug, Clone)]
pub struct Word<'a> {
    pub s: &'a str,
    pub r: Range<usize>,
    pub kind: TokenKind,
    /// Inside a quoted stretch (such words are never cues or speakers).
    pub quoted: bool,
}

impl Word<'_> {
    pub fn is(&self, w: &str) -> bool {
        self.s.eq_ignore_ascii_case(w)
    }
    pub fn lower(&self) -> String {
        self.s.to_lowercase()
    }
    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }
    pub fn capitalised(&self) -> bool {
        self.kind == TokenKind::Word && self.s.chars().next().is_some_and(char::is_uppercase)
    }
    pub fn is_comma(&self) -> bool {
        self.kind == TokenKind::Punct && (self.s == "," || self.s == ";")
    }
    pub fn is_colon(&self) -> bool {
        self.kind == TokenKind::Punct && self.s == ":"
    }
    pub fn is_quote(&self) -> bool {
        self.kind == TokenKind::Quote
    }
    pub fn ends_sentence(&self) -> bool {
        self.kind == TokenKind::Punct && matches!(self.s, "." | "!" | "?" | "…" | "...")
    }
}

/// The words of `range`, marking those inside any of `zones`.
pub fn words<'a>(
    text: &'a str,
    seg: &Segmentation,
    range: Range<usize>,
    zones: &[Range<usize>],
) -> Vec<Word<'a>> {
    seg.tokens_in(range)
        .iter()
        .filter_map(|t| {
            let s = text.get(t.range.clone())?;
            let quoted = zones
                .iter()
                .any(|z| z.start <= t.range.start && t.range.end <= z.end);
            Some(Word {
                s,
                r: t.range.clone(),
                kind: t.kind,
                quoted,
            })
        })
        .collect()
}

/// Words that open a noun phrase without being part of a name.
pub const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my",
    "your", "another", "one", "two", "three", "several", "many", "some", "other", "both", "all",
    "most", "such", "no", "any", "every", "each",
];

/// Words standing between a subject and its reporting verb.
pub const AUXILIARIES: &[&str] = &[
    "has",
    "have",
    "had",
    "was",
    "were",
    "is",
    "are",
    "will",
    "would",
    "did",
    "does",
    "do",
    "could",
    "can",
    "may",
    "might",
    "should",
    "also",
    "further",
    "then",
    "later",
    "again",
    "once",
    "earlier",
    "previously",
    "reportedly",
    "repeatedly",
    "publicly",
    "privately",
    "not",
    "never",
    "already",
    "recently",
    "separately",
    "flatly",
    "strongly",
    "firmly",
    "still",
    "yet",
    "just",
    "even",
    "too",
    "immediately",
    "quickly",
    "categorically",
    "explicitly",
];

/// Function words allowed inside a multi-word name ("Syrian Observatory for
/// Human Rights", "Bashar al-Assad", "Jean-Yves Le Drian").
pub const NAME_JOINERS: &[&str] = &[
    "of", "for", "in", "de", "del", "da", "van", "von", "bin", "ibn", "al", "el", "and", "the",
];

/// Words that end a noun phrase when reading leftwards from its head.
pub const PHRASE_STOPS: &[&str] = &[
    "what", "which", "who", "whom", "whose", "where", "when", "why", "how", "that", "and", "or",
    "but", "if", "as", "than", "to", "of", "in", "on", "at", "by", "with", "from", "after",
    "before", "while", "because", "said", "says", "told",
];

/// Calendar words: capitalised, but never a name.
pub const CALENDAR: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan.",
    "feb.",
    "aug.",
    "sept.",
    "sep.",
    "oct.",
    "nov.",
    "dec.",
];

pub fn is_calendar(w: &Word<'_>) -> bool {
    CALENDAR.iter().any(|c| w.is(c))
}

/// Words that open sentences with a capital but never name anyone.
pub const CAPITALISED_NON_NAMES: &[&str] = &[
    "having",
    "being",
    "after",
    "before",
    "when",
    "while",
    "if",
    "as",
    "but",
    "and",
    "so",
    "there",
    "here",
    "then",
    "also",
    "still",
    "yet",
    "now",
    "however",
    "meanwhile",
    "instead",
    "since",
    "although",
    "though",
    "because",
    "despite",
    "during",
    "until",
    "in",
    "on",
    "at",
    "for",
    "with",
    "by",
    "from",
    "of",
    "to",
    "about",
    "under",
    "without",
    "within",
    "earlier",
    "later",
    "today",
    "yesterday",
    "tonight",
    "this",
    "these",
    "what",
    "why",
    "how",
    "where",
    "whether",
    "shortly",
    "hours",
    "days",
    "years",
    "indeed",
    "perhaps",
    "maybe",
];

pub fn is_capitalised_non_name(w: &Word<'_>) -> bool {
    CAPITALISED_NON_NAMES.iter().any(|c| w.is(c))
}

pub fn is_determiner(w: &Word<'_>) -> bool {
    DETERMINERS.iter().any(|d| w.is(d))
}

pub fn is_auxiliary(w: &Word<'_>) -> bool {
    AUXILIARIES.iter().any(|d| w.is(d))
        || (w.s.len() > 4 && w.s.ends_with("ly") && !w.capitalised())
}
