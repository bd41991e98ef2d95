//! The words of a stretch of text as the acts annotator reads them: the
//! shared analysed document's tokens and folded forms, never a second
//! tokenisation.

use std::ops::Range;

use parallax_analysis::Analysed;
use parallax_text::TokenKind;

use crate::lexicon::{Phrase, WordPat};

/// One token of the document.
#[derive(Debug, Clone, Copy)]
pub(crate) struct W<'a> {
    pub folded: &'a str,
    pub text: &'a str,
    pub range: (usize, usize),
    pub kind: TokenKind,
    /// Whether the shared word lists take it for a finite verb most of the
    /// time ("abused", "says").
    pub finite: bool,
}

impl W<'_> {
    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }

    pub fn is(&self, folded: &str) -> bool {
        self.folded == folded
    }

    pub fn capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    pub fn r(&self) -> Range<usize> {
        self.range.0..self.range.1
    }

    /// "," ";" ":" or a dash: where a clause may end.
    pub fn breaks_clause(&self) -> bool {
        self.kind == TokenKind::Punct
            && matches!(self.text, "," | ";" | ":" | "—" | "–" | "-" | "(" | ")")
    }

    pub fn ends_sentence(&self) -> bool {
        self.kind == TokenKind::Punct && matches!(self.text, "." | "!" | "?")
    }
}

/// The tokens inside `range` (bytes of the clean text).
pub(crate) fn words<'a>(doc: &'a Analysed<'_>, range: &Range<usize>) -> Vec<W<'a>> {
    doc.token_range(range.clone())
        .filter_map(|i| {
            let t = doc.tokens().get(i)?;
            Some(W {
                folded: doc.folded(i),
                text: doc.token_text(i),
                range: (t.range.start, t.range.end),
                kind: t.kind,
                finite: doc.is_finite_verb(i),
            })
        })
        .collect()
}

/// Whether `phrase` matches the words starting at `ws[i]` (punctuation
/// and quote marks between its words are skipped); the index after its
/// last word.
pub(crate) fn match_at(ws: &[W<'_>], i: usize, phrase: &Phrase) -> Option<usize> {
    let mut k = i;
    for (n, p) in phrase.words.iter().enumerate() {
        if n > 0 {
            while ws.get(k).is_some_and(|w| w.kind == TokenKind::Quote) {
                k += 1;
            }
        }
        let w = ws.get(k)?;
        if !w.is_word() || !word_matches(p, w.folded) {
            return None;
        }
        k += 1;
    }
    Some(k)
}

/// A word pattern against a folded word; "n't" matches any word ending in it.
pub(crate) fn word_matches(p: &WordPat, folded: &str) -> bool {
    if p.text == "n't" {
        return folded.ends_with("n't");
    }
    p.matches(folded)
}

/// The folded word without a possessive ending: "russia's" → "russia".
pub(crate) fn without_possessive(folded: &str) -> &str {
    folded
        .strip_suffix("'s")
        .or_else(|| folded.strip_suffix('\''))
        .unwrap_or(folded)
}

/// Determiners and other words a normalised act leaves out.
pub(crate) fn is_filler(folded: &str) -> bool {
    matches!(
        folded,
        "the"
            | "a"
            | "an"
            | "any"
            | "some"
            | "such"
            | "these"
            | "those"
            | "this"
            | "that"
            | "its"
            | "their"
            | "his"
            | "her"
            | "our"
            | "all"
            | "other"
            | "also"
            | "even"
    )
}
