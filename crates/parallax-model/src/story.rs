//! The story record: one line of `stories.jsonl`.

use serde::{Deserialize, Serialize};

/// One report of an echoed statement: the document, its attribution id
/// and the quoted text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EchoQuote {
    pub doc: String,
    #[serde(default)]
    pub attribution: Option<String>,
    #[serde(default)]
    pub outlet: Option<String>,
    pub text: String,
}

/// The same statement reported by several documents.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Echo {
    pub speaker: Option<String>,
    pub quotes: Vec<EchoQuote>,
    /// The outlets that report it, in the order of `quotes`.
    #[serde(default)]
    pub outlets: Vec<String>,
    /// The content words the reports share (light-stemmed), which matched
    /// them.
    #[serde(default)]
    pub shared: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoryStatementRef {
    pub doc: String,
    pub statement: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoryLink {
    pub from: StoryStatementRef,
    pub to: StoryStatementRef,
    pub relation: String,
}

/// One line of `links.jsonl`: an answer and the allegation it answers.
/// `relation` is `answers` (both ends known), `answers_unseen` (the
/// allegation is not in the corpus; `reported` says how the answer names
/// it) or `unanswered` (`from` is an allegation no document answers).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Link {
    pub from: StoryStatementRef,
    pub to: Option<StoryStatementRef>,
    pub relation: String,
    /// How well the two match, in [0, 1]; null without a `to`.
    pub score: Option<f64>,
    pub evidence: Vec<String>,
    pub reported: Option<String>,
}

/// What joined a story's documents: a shared entity, speaker, number or
/// term, and how many of its documents joined the story by it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupedBy {
    /// `entity`, `speaker`, `number` or `term`.
    pub kind: String,
    pub value: String,
    pub documents: usize,
}

/// A document that is a near copy of another in the story (a wire copy,
/// an updated version): listed, not counted as more coverage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NearDuplicate {
    pub doc: String,
    /// The earlier document it copies.
    pub of: String,
    /// Estimated Jaccard similarity of their five-word shingles.
    pub similarity: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Story {
    pub id: String,
    pub title: String,
    pub documents: Vec<String>,
    pub outlets: Vec<String>,
    /// Why the documents were grouped, most joining first.
    #[serde(default)]
    pub grouped_by: Vec<GroupedBy>,
    #[serde(default)]
    pub near_duplicates: Vec<NearDuplicate>,
    pub echoes: Vec<Echo>,
    /// Per outlet comparison; an empty object until stories span outlets.
    pub comparison: serde_json::Map<String, serde_json::Value>,
    pub links: Vec<StoryLink>,
}
