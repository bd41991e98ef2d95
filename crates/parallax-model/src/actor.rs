//! The actor record: one line of `actors.jsonl`, the same person or body
//! across documents and outlets.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// How one document describes an actor: a characterisation with its
/// polarity hint and span.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActorDescriptor {
    pub doc: String,
    pub text: String,
    pub polarity: String,
    pub start: usize,
    pub end: usize,
}

/// What one outlet's documents say of and by an actor. Documents without
/// an outlet each have an entry of their own (`outlet` null).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActorInOutlet {
    pub outlet: Option<String>,
    pub documents: Vec<String>,
    /// The names the outlet's documents use for it.
    pub names: Vec<String>,
    pub descriptors: Vec<ActorDescriptor>,
    /// Attributions it is the speaker of.
    pub quoted: usize,
    /// Statements it makes, by act.
    pub acts_made: BTreeMap<String, usize>,
    /// Statements whose target it is, by act.
    pub acts_received: BTreeMap<String, usize>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Actor {
    pub id: String,
    pub name: String,
    /// `person`, `organisation`, `place`, `group` …: the type most of its
    /// documents give it.
    #[serde(rename = "type")]
    pub kind: String,
    pub aliases: Vec<String>,
    pub documents: Vec<String>,
    pub outlets: Vec<ActorInOutlet>,
}
