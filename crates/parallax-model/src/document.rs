//! The document record: one line of `documents.jsonl`.

use serde::{Deserialize, Serialize, Serializer};

/// A half-open range `[start, end)` of Unicode scalar values into a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }
}

/// Where a span of the clean text stands in the document's input text, in
/// Unicode scalar values; both `None` (null) where the input does not hold
/// the span verbatim. Flattened into each record that has a span, as
/// `input_start` and `input_end`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct InputSpan {
    #[serde(default)]
    pub input_start: Option<usize>,
    #[serde(default)]
    pub input_end: Option<usize>,
}

/// The outlet that published a document, and what revealed it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outlet {
    pub name: String,
    /// Human-readable evidence: "dateline '/TASS/'", "given in input field 'source'".
    pub evidence: String,
}

/// A piece of boilerplate taken out of the text, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Removed {
    pub text: String,
    /// A stable code for the kind of boilerplate: `related-link`,
    /// `live-updates`, `social-embed`, `navigation`, `image-placeholder`,
    /// `footer`, `legal-notice`, `repeated-line`, `caption`, `credit`,
    /// `page-chrome`, `byline`, `dateline`.
    pub reason: String,
    /// What exactly triggered the decision, for a person checking it.
    pub detail: String,
    /// Character offset in `text` where the removed piece stood.
    pub at: usize,
}

/// Who a quotation is attributed to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Speaker {
    /// The resolved full name, or the organisation or group as named; None
    /// for a pronoun nothing in the document resolves ("it concludes", an
    /// author's "I").
    pub name: Option<String>,
    /// The title or function ("spokesman", "senior manager").
    pub role: Option<String>,
    /// The body the speaker speaks for, where the role names it before the
    /// function ("Defense Ministry" of "Defense Ministry spokesman").
    pub affiliation: Option<String>,
    pub source_type: SourceType,
    /// The words in this article the attribution hangs on ("he", "the
    /// ministry spokesman", "Konashenkov").
    pub mention: String,
    pub start: usize,
    pub end: usize,
    /// The same span in the document's input text.
    #[serde(flatten)]
    pub input: InputSpan,
}

/// A quoted fragment inside a reported clause.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Partial {
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// The same span in the document's input text.
    #[serde(flatten)]
    pub input: InputSpan,
}

/// What a report is of: what a researcher counting who said what needs to
/// tell apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// Said, told, denied, accused, "according to", "in a statement".
    Speech,
    /// Wrote, tweeted, posted, "in a letter".
    Writing,
    /// Believes, thinks, expects, hopes, wants, "decided to".
    Thought,
    /// What a report, survey, study, data or footage shows.
    Evidence,
}

impl Mode {
    pub const ALL: [Mode; 4] = [Mode::Speech, Mode::Writing, Mode::Thought, Mode::Evidence];

    /// The name the data files and the records use.
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Speech => "speech",
            Mode::Writing => "writing",
            Mode::Thought => "thought",
            Mode::Evidence => "evidence",
        }
    }

    pub fn parse(s: &str) -> Option<Mode> {
        Mode::ALL.iter().copied().find(|m| m.as_str() == s)
    }

    /// Whether a report of this mode says what someone said or wrote (the
    /// `speech` profile of the scores).
    pub fn is_speech(self) -> bool {
        matches!(self, Mode::Speech | Mode::Writing)
    }
}

/// What kind of source a speaker is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceType {
    Person,
    Organisation,
    /// Several people: "officials", "critics", "47 percent of voters".
    Group,
    /// A report, study, poll, record, letter or recording.
    Document,
    Unknown,
}

impl SourceType {
    pub fn as_str(self) -> &'static str {
        match self {
            SourceType::Person => "person",
            SourceType::Organisation => "organisation",
            SourceType::Group => "group",
            SourceType::Document => "document",
            SourceType::Unknown => "unknown",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteKind {
    Direct,
    Partial,
    Indirect,
}

/// One piece of an attribution: a direct quotation, a partial quotation
/// nobody's clause holds, or a reported clause (with the partial
/// quotations inside it).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// The attribution this record belongs to ("a1", "a2" …, in the order
    /// attributions first appear). The pieces of an interrupted quotation
    /// and a quotation continued without a cue share it.
    pub attribution: String,
    pub text: String,
    pub kind: QuoteKind,
    pub mode: Mode,
    /// How sure the finder is that this is an attribution, in [0, 1],
    /// calibrated on annotated news: of the attributions given about p,
    /// about p are right. The same for every piece of one attribution.
    pub confidence: f64,
    /// Quoted fragments inside a reported clause.
    pub partials: Vec<Partial>,
    pub speaker: Option<Speaker>,
    pub cue: Option<String>,
    pub start: usize,
    pub end: usize,
    /// The same span in the document's input text.
    #[serde(flatten)]
    pub input: InputSpan,
}

/// How an article characterises an entity: an appositive, a label, a
/// relative clause, a title.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Descriptor {
    pub text: String,
    pub polarity: String,
    #[serde(default)]
    pub start: usize,
    #[serde(default)]
    pub end: usize,
    /// The same span in the document's input text.
    #[serde(flatten)]
    pub input: InputSpan,
}

/// One place in the text that refers to an entity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// The same span in the document's input text.
    #[serde(flatten)]
    pub input: InputSpan,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    pub id: String,
    pub name: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub aliases: Vec<String>,
    /// Every span that refers to the entity, in text order.
    #[serde(default)]
    pub mentions: Vec<Mention>,
    pub descriptors: Vec<Descriptor>,
}

/// What a statement does: the acts of contested coverage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Act {
    /// Charges someone with a wrongful or harmful act.
    Allegation,
    /// Rejects an allegation, or says the accused did not do it.
    Denial,
    /// Asks for evidence, an explanation, an investigation or an action.
    Demand,
    /// The accused accusing a third party while answering.
    CounterAccusation,
    /// Disapproves: condemns, denounces, "it is strange that …".
    Criticism,
    /// Any other assertion.
    Claim,
}

impl Act {
    pub const ALL: [Act; 6] = [
        Act::Allegation,
        Act::Denial,
        Act::Demand,
        Act::CounterAccusation,
        Act::Criticism,
        Act::Claim,
    ];

    /// The name the records use.
    pub fn as_str(self) -> &'static str {
        match self {
            Act::Allegation => "allegation",
            Act::Denial => "denial",
            Act::Demand => "demand",
            Act::CounterAccusation => "counter_accusation",
            Act::Criticism => "criticism",
            Act::Claim => "claim",
        }
    }

    /// Whether this act answers an allegation.
    pub fn answers(self) -> bool {
        matches!(self, Act::Denial | Act::Demand | Act::CounterAccusation)
    }
}

/// A span of the clean text with its words and its place in the input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextSpan {
    pub text: String,
    pub start: usize,
    pub end: usize,
    #[serde(flatten)]
    pub input: InputSpan,
}

/// A word of a statement that chose its act, with what it signals.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActCue {
    pub text: String,
    /// What the word signals: an act's name, or "negation".
    pub signals: String,
    pub start: usize,
    pub end: usize,
    #[serde(flatten)]
    pub input: InputSpan,
}

/// A hedge ("allegedly", "so-called") and whom it distances from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hedge {
    pub text: String,
    /// Who hedges: the statement's actor, or null for the writer.
    pub by: Option<String>,
    /// Whose claim or name the hedge keeps at a distance, where the text
    /// says.
    pub from: Option<String>,
    pub start: usize,
    pub end: usize,
    #[serde(flatten)]
    pub input: InputSpan,
}

/// Why a statement got its act and code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatementEvidence {
    /// The named construction that decided the act ("cue_signal",
    /// "negated_act", "denial_words" …).
    pub rule: String,
    /// The reporting cue and what it signals, for an attributed statement.
    pub cue: Option<String>,
    pub cue_signal: Option<String>,
    /// Words of the statement that signal an act, negations included.
    pub cues: Vec<ActCue>,
    /// Negations of the alleged act ("have not made", "neither … nor").
    pub negations: Vec<TextSpan>,
    pub hedges: Vec<Hedge>,
    /// The words that chose the CAMEO code over its act's general one.
    pub cameo_words: Vec<String>,
}

/// Within the document, the allegation a statement answers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Answer {
    /// Index in this document's `statements`.
    pub statement: usize,
    pub score: f64,
    pub evidence: Vec<String>,
}

/// See [`Statement::parties`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatementParties {
    pub actor: Vec<String>,
    pub accused: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Statement {
    pub act: Act,
    pub cameo: String,
    pub actor: Option<String>,
    pub target: Option<String>,
    pub text: String,
    /// What is alleged or denied, normalised ("airstrikes on civilian
    /// targets in Aleppo"), so that an allegation and its denial match.
    pub act_text: Option<String>,
    /// Where the act's words lie.
    pub act_span: Option<TextSpan>,
    pub evidence: StatementEvidence,
    /// How sure the annotator is of `act`, in [0, 1].
    pub confidence: f64,
    /// The quote record (`a1`, `a2` …) this statement classifies; null for
    /// a narrator's sentence.
    pub attribution: Option<String>,
    /// The allegation in this document that it answers.
    pub answers: Option<Answer>,
    /// The allegation as the answer reports it ("the Turkish Foreign
    /// Ministry's accusation"), where it names one.
    pub answers_reported: Option<TextSpan>,
    /// The keys the statement's parties are matched by across documents:
    /// whom the actor stands for, and whom the statement charges or
    /// defends ("russia" for "Russia's Defense Ministry").
    pub parties: StatementParties,
    pub start: usize,
    pub end: usize,
    /// The same span in the document's input text.
    #[serde(flatten)]
    pub input: InputSpan,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Count {
    /// Written as an integer when it is one (446, not 446.0); null for a
    /// vague quantity ("dozens", "several hundred").
    #[serde(serialize_with = "integral_when_whole")]
    pub value: Option<f64>,
    /// A vague quantity, or a number its qualifier hedges ("about 40").
    pub approximate: bool,
    pub qualifier: Option<String>,
    pub unit: String,
    pub category: Option<String>,
    pub text: String,
    /// Who the article says gives this number (the speaker of the enclosing
    /// quotation or report), when it says so.
    pub claimed_by: Option<String>,
    /// Parts of this count the text gives ("a third of them civilians",
    /// "half" of "half of the 446").
    #[serde(default)]
    pub shares: Vec<CountShare>,
    pub start: usize,
    pub end: usize,
    /// The same span in the document's input text.
    #[serde(flatten)]
    pub input: InputSpan,
}

/// A part of a count: a fraction or percentage of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CountShare {
    /// The part as a fraction of the whole (0.4 for "40 percent").
    pub value: f64,
    pub approximate: bool,
    pub qualifier: Option<String>,
    /// The noun the part names ("civilians"), or empty.
    pub unit: String,
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// The same span in the document's input text.
    #[serde(flatten)]
    pub input: InputSpan,
}

fn integral_when_whole<S: Serializer>(v: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match *v {
        Some(v) if v.fract() == 0.0 && v.abs() < 9.0e15 => s.serialize_i64(v as i64),
        Some(v) => s.serialize_f64(v),
        None => s.serialize_none(),
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateMention {
    pub text: String,
    /// The day (`YYYY-MM-DD`) or, for a span of days, its first day.
    pub value: Option<String>,
    /// The last day of a span ("last week", "June 8 and 9"), when it is one.
    pub until: Option<String>,
    pub start: usize,
    pub end: usize,
    /// The same span in the document's input text.
    #[serde(flatten)]
    pub input: InputSpan,
}

/// One analysed document: a line of `documents.jsonl`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub id: String,
    /// Where the document was read from (`path` or `path:line`).
    pub source: String,
    pub url: Option<String>,
    pub outlet: Option<Outlet>,
    pub published: Option<String>,
    /// What the publication date was read from, when it was not given.
    pub published_evidence: Option<String>,
    pub title: Option<String>,
    pub text: String,
    /// Paragraph spans into `text`.
    pub paragraphs: Vec<Span>,
    /// Sentence spans into `text`.
    pub sentences: Vec<Span>,
    pub removed: Vec<Removed>,
    pub quotes: Vec<Quote>,
    pub entities: Vec<Entity>,
    pub statements: Vec<Statement>,
    pub counts: Vec<Count>,
    pub dates: Vec<DateMention>,
    /// The language the text is written in, where the detector names one.
    #[serde(default)]
    pub language: Option<Language>,
    /// Problems met while reading that did not stop the document, and
    /// annotators skipped because the text is not in English.
    pub warnings: Vec<String>,
    /// What story grouping compares: the document's content terms and its
    /// shingle signature. Computed by the per-document stage; not part of
    /// the record (a reader of documents.jsonl never sees it).
    #[serde(skip)]
    pub fingerprint: Fingerprint,
}

/// A document's content terms (folded, light-stemmed words and numbers,
/// with their counts, in first-seen order) and the MinHash signature of
/// its word shingles, which near-duplicate detection compares.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Fingerprint {
    pub terms: Vec<(String, u32)>,
    pub minhash: Vec<u32>,
}

/// The language of a document's text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Language {
    /// ISO 639-1: "en", "it".
    pub code: String,
    /// The detector's confidence in [0, 1].
    pub confidence: f64,
}
