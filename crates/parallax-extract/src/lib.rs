//! The annotators, behind one interface, run over one analysed document.
//!
//! Each annotator is its own crate: `parallax-quotes` (quotations and
//! speakers), `parallax-entities`, `parallax-dates`, `parallax-counts` and
//! `parallax-acts` (statements as acts).
//! Each reads the shared [`Analysed`] document (tokens, sentences and word
//! facts computed once) and, where it needs them, the findings of the
//! annotators before it: counts read the dates, so that days and years are
//! not counted, and quotations read the entities, whose names and types
//! their speakers take. Here each one is wrapped as an [`Annotator`] and run in an
//! order where every annotator comes after those it reads; [`extract`]
//! runs the ones a caller asks for (and what they need) and returns their
//! [`Findings`].
//!
//! A new annotator is a new crate and one more [`Annotator`] here, with a
//! field in [`Findings`] for what it finds.
//!
//! The annotators here know only English: a document the detector finds,
//! decisively, to be in another language (see
//! [`parallax_analysis::language`]) is not annotated, and a warning in
//! [`Findings::warnings`] says so, instead of reading Italian words as
//! names. An annotator that reads any language says so with
//! [`Annotator::english_only`].
//!
//! All offsets in findings are byte offsets into the clean text; the
//! pipeline turns them into the records' character offsets. This crate
//! must not read files, know outlets by name, change the text, or look at
//! another document.

pub use parallax_acts::{AnswerFinding, HedgeFinding, StatementFinding};
pub use parallax_analysis::Analysed;
pub use parallax_counts::CountMention;
pub use parallax_dates::DateExpression;
pub use parallax_entities::EntityFinding;
pub use parallax_quotes::{QuoteFinding, SpeakerFinding};

/// What the annotators found in one document.
#[derive(Debug, Clone, Default)]
pub struct Findings {
    pub quotes: Vec<QuoteFinding>,
    pub entities: Vec<EntityFinding>,
    pub dates: Vec<DateExpression>,
    pub counts: Vec<CountMention>,
    pub statements: Vec<StatementFinding>,
    /// Content terms and shingle signature, for story grouping.
    pub fingerprint: parallax_model::Fingerprint,
    /// Annotators that were asked for and skipped, and why.
    pub warnings: Vec<String>,
}

/// One annotator: a pure function of an analysed document and of what the
/// annotators it [`needs`](Annotator::needs) found before it.
pub trait Annotator: Sync {
    /// The name `--annotators` uses.
    fn name(&self) -> &'static str;
    /// The annotators whose findings this one reads.
    fn needs(&self) -> &'static [&'static str] {
        &[]
    }
    /// Whether it knows only English, and so skips documents in other
    /// languages.
    fn english_only(&self) -> bool {
        true
    }
    /// Add this annotator's findings to `found`.
    fn annotate(&self, doc: &Analysed<'_>, found: &mut Findings);
}

struct Quotes;
struct Entities;
struct Dates;
struct Counts;
struct Acts;
struct Terms;

impl Annotator for Quotes {
    fn name(&self) -> &'static str {
        "quotes"
    }
    fn needs(&self) -> &'static [&'static str] {
        &["entities"]
    }
    fn annotate(&self, doc: &Analysed<'_>, found: &mut Findings) {
        found.quotes = parallax_quotes::find_quotes(doc, &found.entities);
    }
}

impl Annotator for Entities {
    fn name(&self) -> &'static str {
        "entities"
    }
    fn annotate(&self, doc: &Analysed<'_>, found: &mut Findings) {
        found.entities = parallax_entities::find_entities(doc);
    }
}

impl Annotator for Dates {
    fn name(&self) -> &'static str {
        "dates"
    }
    fn annotate(&self, doc: &Analysed<'_>, found: &mut Findings) {
        found.dates = parallax_dates::find_dates(doc);
    }
}

impl Annotator for Counts {
    fn name(&self) -> &'static str {
        "counts"
    }
    fn needs(&self) -> &'static [&'static str] {
        &["dates"]
    }
    fn annotate(&self, doc: &Analysed<'_>, found: &mut Findings) {
        found.counts = parallax_counts::find_counts(doc, &found.dates);
    }
}

impl Annotator for Acts {
    fn name(&self) -> &'static str {
        "acts"
    }
    fn needs(&self) -> &'static [&'static str] {
        &["quotes", "entities", "dates"]
    }
    fn annotate(&self, doc: &Analysed<'_>, found: &mut Findings) {
        let dates: Vec<std::ops::Range<usize>> =
            found.dates.iter().map(|d| d.start..d.end).collect();
        found.statements = parallax_acts::find_acts(doc, &found.quotes, &found.entities, &dates);
    }
}

impl Annotator for Terms {
    fn name(&self) -> &'static str {
        "terms"
    }
    // Terms and shingles of any language group stories.
    fn english_only(&self) -> bool {
        false
    }
    fn annotate(&self, doc: &Analysed<'_>, found: &mut Findings) {
        found.fingerprint = parallax_terms::fingerprint(doc);
    }
}

/// Every annotator, each after those it needs.
pub const ANNOTATORS: [&dyn Annotator; 6] = [&Entities, &Quotes, &Dates, &Counts, &Acts, &Terms];

/// Which annotators run. All of them by default; switching some off makes
/// a run faster when only part of the record is wanted (their fields stay
/// empty), and lets a benchmark measure one annotator's cost.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Annotators {
    pub quotes: bool,
    pub counts: bool,
    pub dates: bool,
    pub entities: bool,
    pub acts: bool,
    pub terms: bool,
}

impl Default for Annotators {
    fn default() -> Self {
        Annotators {
            quotes: true,
            counts: true,
            dates: true,
            entities: true,
            acts: true,
            terms: true,
        }
    }
}

impl Annotators {
    /// None of them.
    pub const NONE: Annotators = Annotators {
        quotes: false,
        counts: false,
        dates: false,
        entities: false,
        acts: false,
        terms: false,
    };

    /// Read a comma-separated list ("quotes,dates"), or "all" or "none".
    pub fn parse(list: &str) -> Result<Annotators, String> {
        let mut out = Annotators::NONE;
        for name in list.split(',').map(str::trim).filter(|n| !n.is_empty()) {
            match name {
                "all" => out = Annotators::default(),
                "none" => {}
                other => {
                    if !out.set(other) {
                        let known: Vec<&str> = ANNOTATORS.iter().map(|a| a.name()).collect();
                        return Err(format!(
                            "unknown annotator `{other}` (expected {}, all or none)",
                            known.join(", ")
                        ));
                    }
                }
            }
        }
        Ok(out)
    }

    /// Switch the annotator called `name` on; false when there is none.
    fn set(&mut self, name: &str) -> bool {
        let slot = match name {
            "quotes" => &mut self.quotes,
            "counts" => &mut self.counts,
            "dates" => &mut self.dates,
            "entities" => &mut self.entities,
            "acts" => &mut self.acts,
            "terms" => &mut self.terms,
            _ => return false,
        };
        *slot = true;
        true
    }

    /// Whether the annotator called `name` was asked for.
    pub fn wants(&self, name: &str) -> bool {
        match name {
            "quotes" => self.quotes,
            "counts" => self.counts,
            "dates" => self.dates,
            "entities" => self.entities,
            "acts" => self.acts,
            "terms" => self.terms,
            _ => false,
        }
    }
}

/// Run the annotators `run` asks for over `doc`, with those they need.
/// The findings of an annotator run only because another needs it are
/// left out, so a field is filled exactly when its annotator was asked for.
pub fn extract(doc: &Analysed<'_>, run: Annotators) -> Findings {
    let needed = |name: &str| {
        ANNOTATORS
            .iter()
            .any(|a| run.wants(a.name()) && a.needs().contains(&name))
    };
    let english = parallax_analysis::language::reads_as_english(doc.language.as_ref());
    let mut found = Findings::default();
    let mut skipped: Vec<&str> = Vec::new();
    for a in ANNOTATORS {
        if !(run.wants(a.name()) || needed(a.name())) {
            continue;
        }
        if !english && a.english_only() {
            if run.wants(a.name()) {
                skipped.push(a.name());
            }
            continue;
        }
        a.annotate(doc, &mut found);
    }
    if let (Some(lang), false) = (doc.language, skipped.is_empty()) {
        found.warnings.push(format!(
            "the text is in {} ({}, confidence {:.2}), not English: {} not annotated",
            lang.name,
            lang.code,
            lang.confidence,
            skipped.join(", ")
        ));
    }
    if !run.dates {
        found.dates.clear();
    }
    if !run.entities {
        found.entities.clear();
    }
    if !run.quotes {
        found.quotes.clear();
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn annotator_lists_parse_and_unknown_names_are_refused() {
        let only = Annotators::parse("quotes, dates").unwrap();
        assert!(only.quotes && only.dates && !only.counts && !only.entities);
        assert_eq!(Annotators::parse("all").unwrap(), Annotators::default());
        assert!(!Annotators::parse("none").unwrap().quotes);
        let err = Annotators::parse("quotes,sentiment").unwrap_err();
        assert!(
            err.contains("sentiment") && err.contains("entities"),
            "{err}"
        );
    }

    #[test]
    fn every_annotator_comes_after_those_it_needs() {
        for (i, a) in ANNOTATORS.iter().enumerate() {
            for need in a.needs() {
                let at = ANNOTATORS.iter().position(|b| b.name() == *need);
                assert!(at.is_some_and(|at| at < i), "{} needs {need}", a.name());
            }
        }
    }

    #[test]
    fn documents_in_other_languages_are_skipped_with_a_warning() {
        // Written for this test.
        let italian = "Il ministro Marco Bellini ha detto martedì che la città \
            di Verona riceverà 40 milioni di euro per le scuole. «È una decisione \
            giusta», ha dichiarato il sindaco Giulia Conti ai giornalisti.";
        let doc = Analysed::new(italian, None);
        assert_eq!(doc.language.map(|l| l.code), Some("it"));
        let found = extract(&doc, Annotators::default());
        assert!(found.quotes.is_empty() && found.entities.is_empty());
        assert!(found.counts.is_empty() && found.dates.is_empty());
        assert_eq!(found.warnings.len(), 1, "{:?}", found.warnings);
        let w = &found.warnings[0];
        assert!(
            w.contains("Italian") && w.contains("quotes") && w.contains("entities"),
            "{w}"
        );
        // Only the annotators asked for are named.
        let counts = extract(&doc, Annotators::parse("counts").unwrap());
        assert!(
            counts.warnings[0].ends_with("counts not annotated"),
            "{:?}",
            counts.warnings
        );

        let english = "Minister Marco Bellini said on Tuesday that the city of \
            Verona will receive 40 million euros for its schools. \"It is the right \
            decision,\" Mayor Giulia Conti told reporters.";
        let doc = Analysed::new(english, None);
        assert_eq!(doc.language.map(|l| l.code), Some("en"));
        let found = extract(&doc, Annotators::default());
        assert!(found.warnings.is_empty());
        assert!(!found.entities.is_empty() && !found.quotes.is_empty());
        // Too short to decide: read as English.
        let doc = Analysed::new("Bellini ha detto: 40 euro.", None);
        assert!(doc.language.is_none_or(|l| !l.decisive));
        assert!(extract(&doc, Annotators::default()).warnings.is_empty());
    }

    #[test]
    fn counts_alone_skip_dates_without_reporting_them() {
        let text = "On June 10, 2016 the strikes killed 12 people.";
        let doc = Analysed::new(text, None);
        let counts_only = Annotators::parse("counts").unwrap();
        let found = extract(&doc, counts_only);
        assert!(found.dates.is_empty() && found.quotes.is_empty());
        let values: Vec<Option<f64>> = found.counts.iter().map(|c| c.value).collect();
        assert_eq!(values, [Some(12.0)], "the day and year are not counts");
        let all = extract(&doc, Annotators::default());
        assert_eq!(all.dates.len(), 1);
    }
}
