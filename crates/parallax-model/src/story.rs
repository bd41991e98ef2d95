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
