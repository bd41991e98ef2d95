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
    /// Where the (first piece of the) quotation lies in the document's
    /// clean text, in characters.
    #[serde(default)]
    pub start: usize,
    #[serde(default)]
    pub end: usize,
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
    /// The story as each outlet told it; empty (no outlets, no facts) for a
    /// story of one outlet. A document whose outlet is not known stands
    /// in a column of its own.
    #[serde(default)]
    pub comparison: Comparison,
    pub links: Vec<StoryLink>,
}

/// A place in one document's clean text that backs a cell of the
/// comparison.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpanRef {
    pub doc: String,
    pub text: String,
    pub start: usize,
    pub end: usize,
}

/// How often one outlet quotes one speaker, and where.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuotedSpeaker {
    /// The name as the outlet's documents give it (the fullest form).
    pub name: String,
    /// The actor it is across the story's documents, by that actor's
    /// fullest name, where one is found.
    pub actor: Option<String>,
    /// Attributions (not pieces) it speaks in the outlet's documents.
    pub attributions: usize,
    /// The first piece of each attribution.
    pub quotes: Vec<SpanRef>,
}

/// How one outlet names and describes an actor that other outlets of the
/// story also mention.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActorDescription {
    /// The actor's fullest name across the story.
    pub actor: String,
    /// The names this outlet's documents use for it.
    pub names: Vec<String>,
    pub descriptors: Vec<crate::ActorDescriptor>,
}

/// One outlet's side of the comparison.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutletView {
    pub outlet: String,
    pub documents: Vec<String>,
    /// Whom it quotes, most often first.
    pub speakers: Vec<QuotedSpeaker>,
    /// The facts (ids into `facts`) its documents carry.
    pub carries: Vec<String>,
    /// The facts other outlets carry and it does not (see
    /// [`Comparison::facts`] for which count).
    pub leaves_out: Vec<String>,
    /// How it describes each actor the story's outlets share.
    pub actors: Vec<ActorDescription>,
}

/// One report of a fact in one document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FactReport {
    pub outlet: String,
    pub doc: String,
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// For a count, its value (null for a vague one).
    pub value: Option<f64>,
    /// Who the document says gives it: a count's claimant, a statement's
    /// actor, an echo's speaker.
    pub by: Option<String>,
    /// The record it comes from: `counts[3]`, `statements[1]`, or an
    /// attribution id (`a4`) for an echo.
    pub record: String,
}

/// A count, an act or an echo, matched across the story's documents.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Fact {
    /// `f1`, `f2` … within the story.
    pub id: String,
    /// `count`, `act` or `echo`.
    pub kind: String,
    /// A short label: "37 people (killed)", "denial by Defence Ministry:
    /// strike on market".
    pub label: String,
    /// For an act, its name (`allegation`, `denial` …).
    pub act: Option<String>,
    /// The outlets that carry it.
    pub outlets: Vec<String>,
    /// The story's outlets that do not (an outlet that gives the same
    /// count in another sentence does).
    pub missing_from: Vec<String>,
    pub reports: Vec<FactReport>,
}

/// Where outlets give one fact differently: other numbers, or another
/// source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Difference {
    /// `number` (outlets give different values for what one source
    /// counts) or `speaker` (outlets credit one count to different
    /// sources).
    pub kind: String,
    /// What is counted and by whom: "killed, by Observatory …".
    pub about: String,
    /// The facts involved (one per value for `number`).
    pub facts: Vec<String>,
    pub by_outlet: Vec<OutletValues>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutletValues {
    pub outlet: String,
    pub values: Vec<String>,
}

/// The words outlets use for the same thing, read from reports of one
/// statement or act set side by side.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Wording {
    /// The fact whose reports were compared.
    pub fact: String,
    /// The word the phrases share ("information").
    pub shared: String,
    pub by_outlet: Vec<OutletPhrase>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutletPhrase {
    pub outlet: String,
    pub phrase: SpanRef,
}

/// The story as each outlet told it. Built only for a story whose
/// documents come from two outlets or more (a document of unknown
/// outlet is a column of its own, "(outlet unknown: ID)").
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    pub outlets: Vec<OutletView>,
    /// Every fact, most outlets first. A fact counts as left out by an
    /// outlet when at least `min(2, outlets - 1)` other outlets carry it.
    pub facts: Vec<Fact>,
    /// Facts not listed because the story had more than the limit.
    #[serde(default)]
    pub facts_not_listed: usize,
    pub differences: Vec<Difference>,
    pub wording: Vec<Wording>,
}
