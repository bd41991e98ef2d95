//! The story record: one line of `stories.jsonl`.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EchoQuote {
    pub doc: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Echo {
    pub speaker: Option<String>,
    pub quotes: Vec<EchoQuote>,
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

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Story {
    pub id: String,
    pub title: String,
    pub documents: Vec<String>,
    pub outlets: Vec<String>,
    pub echoes: Vec<Echo>,
    /// Per outlet comparison; an empty object until stories span outlets.
    pub comparison: serde_json::Map<String, serde_json::Value>,
    pub links: Vec<StoryLink>,
}
