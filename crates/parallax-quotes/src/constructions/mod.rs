//! The constructions that attribute words to a speaker, each read by a
//! small function of its own, in the order the finder tries them.
//!
//! A reporting cue is one word of a sentence (a verb of
//! `data/reporting_verbs.tsv`, or "according to"). Around a verb the finder
//! first rules out the shapes in which it reports nothing
//! ([`NOT_REPORTS`]: "the report", "to say", "was reported", "did not
//! respond" …), then tries [`VERB_CONSTRUCTIONS`] in order. The first one
//! whose shape the words have decides: it gives the attribution or, when
//! its shape holds but the words around it make no report, nothing at all.
//!
//! Outside the verbs: [`according_to`] ("according to X"),
//! [`headline::headline_colon`] ("Graham: Trump's Rhetoric …"),
//! [`signature::dash_signature`] ("“…” ― Marta Quell") and, for words the
//! cue model knows as cues, [`learned::read_learned_cue`].

pub(crate) mod according_to;
pub(crate) mod between_commas;
pub(crate) mod coordinated;
pub(crate) mod headline;
pub(crate) mod inverted;
pub(crate) mod learned;
pub(crate) mod participle;
pub(crate) mod relative;
pub(crate) mod signature;
pub(crate) mod subject;
pub(crate) mod unnamed;

use std::cell::OnceCell;
use std::ops::Range;

use parallax_analysis::lexicon::{Mode, Signal, Verb, VerbForm};

use crate::speaker::{skip_left_modifiers, Mention};
use crate::words::{self, Word};
use between_commas::{subject_window, SubjectWindow};

/// One attribution read off a cue.
#[derive(Debug, Clone)]
pub(crate) struct Reading {
    pub(crate) mention: Option<Mention>,
    /// Role from an appositive ("…, a Russian Air Force spokesman").
    pub(crate) appositive: Option<String>,
    pub(crate) content: Vec<Range<usize>>,
    pub(crate) cue: Range<usize>,
    pub(crate) signal: Signal,
    /// What the cue reports: speech, writing, thought or evidence.
    pub(crate) mode: Mode,
    /// A gerund cue ("adding that") inherits the sentence's speaker.
    pub(crate) inherits: bool,
    /// Read around a word the cue model judged, not by the rules.
    pub(crate) learned: bool,
    /// The cue model's score above the threshold that kept the reading;
    /// none for readings it does not judge (a headline's "Name: …").
    pub(crate) margin: Option<f32>,
}

impl Reading {
    /// A reading the rules made around the verb at `site`.
    pub(crate) fn of_verb(
        site: &CueSite<'_, '_>,
        mention: Option<Mention>,
        content: Range<usize>,
    ) -> Reading {
        Reading {
            mention,
            appositive: None,
            content: vec![content],
            cue: site.w.r.clone(),
            signal: site.verb.signal,
            mode: site.verb.mode,
            inherits: false,
            learned: false,
            margin: None,
        }
    }
}

/// What a construction makes of a cue.
pub(crate) enum Read {
    /// The words have this construction's shape, and this is what they
    /// attribute.
    Reads(Reading),
    /// The words have this construction's shape, but attribute nothing.
    Nothing,
    /// Not this construction: the next one is tried.
    NotThis,
}

impl From<Option<Reading>> for Read {
    fn from(r: Option<Reading>) -> Read {
        r.map_or(Read::Nothing, Read::Reads)
    }
}

/// A reporting verb in its sentence, with what the constructions read off
/// it.
pub(crate) struct CueSite<'s, 'w> {
    pub(crate) text: &'s str,
    pub(crate) ws: &'s [Word<'w>],
    /// The verb's word index and the word.
    pub(crate) v: usize,
    pub(crate) w: &'s Word<'w>,
    /// The verb, a gerund after a be-form read as a finite verb ("is
    /// telling").
    pub(crate) verb: Verb,
    /// Where the stretch of the sentence holding the cue starts: after the
    /// last comma, quote mark or colon before it.
    pub(crate) clause_start: usize,
    /// Where the subject would end: the cue, less the auxiliaries, adverbs
    /// and time phrases before it ("has also", "on Thursday").
    pub(crate) left: usize,
    /// Where the subject can stand, made when first asked for.
    window: OnceCell<SubjectWindow>,
}

impl<'s, 'w> CueSite<'s, 'w> {
    /// The site of the verb at `v`, or None when the word is no verb of the
    /// lexicon.
    fn new(text: &'s str, ws: &'s [Word<'w>], v: usize) -> Option<CueSite<'s, 'w>> {
        let w = ws.get(v)?;
        let mut verb = w.verb?;
        let prev = v.checked_sub(1).and_then(|p| ws.get(p));
        if verb.form == VerbForm::Gerund && prev.is_some_and(words::is_be_form) {
            // "Trump is telling a town hall that …": a progressive, not a gerund.
            verb.form = VerbForm::Finite;
        }
        Some(CueSite {
            text,
            ws,
            v,
            w,
            verb,
            clause_start: ws[..v]
                .iter()
                .rposition(|x| (x.is_comma() || x.is_quote() || x.is_colon()) && !x.quoted)
                .map_or(0, |i| i + 1),
            left: skip_left_modifiers(ws, v),
            window: OnceCell::new(),
        })
    }

    /// Where the subject can stand once a description between commas
    /// before the verb is stepped over (see [`subject_window`]).
    pub(crate) fn window(&self) -> &SubjectWindow {
        self.window.get_or_init(|| subject_window(self))
    }

    /// The word before the verb.
    pub(crate) fn prev(&self) -> Option<&'s Word<'w>> {
        self.v.checked_sub(1).and_then(|p| self.ws.get(p))
    }

    /// The word right before [`CueSite::left`] (what stands before the
    /// subject position), when it is `word`.
    pub(crate) fn before_left_is(&self, words: &[&str]) -> bool {
        self.left > 0 && words.iter().any(|r| self.ws[self.left - 1].is(r))
    }
}

/// "the report", "his claims": a determiner or a possessive makes the verb
/// form a noun.
fn after_determiner(s: &CueSite<'_, '_>) -> bool {
    // "Many said", but "three states", "some reports", "all claims": after
    // a quantifier a form that is also a noun is the noun.
    let homograph = !s.w.s.ends_with("ed") && subject::NOUN_HOMOGRAPHS.contains(&s.verb.lemma);
    // "a new report of …", "other recent claims": an adjective of
    // `data/noun_modifiers.txt` between them changes nothing.
    let modified = homograph
        && s.v >= 2
        && is_noun_modifier(&s.ws[s.v - 1])
        && words::is_determiner(&s.ws[s.v - 2]);
    modified
        || s.prev().is_some_and(|p| {
            words::makes_a_noun(p)
                || words::is_determiner(p) && homograph
                || p.is("'s")
                || p.is("’s")
        })
}

words::data_word_list!(
    /// An adjective of `data/noun_modifiers.txt`.
    fn noun_modifier,
    include_str!("../../../../data/noun_modifiers.txt")
);

/// A word of `data/noun_modifiers.txt` outside quotes.
pub(crate) fn is_noun_modifier(w: &Word<'_>) -> bool {
    !w.quoted && noun_modifier(w.lower)
}

/// "to say", "wants to report": an infinitive reports nothing yet.
fn infinitive(s: &CueSite<'_, '_>) -> bool {
    s.prev().is_some_and(|p| p.is("to"))
}

/// "was reported", "is denied": a passive reports its subject elsewhere
/// (the learned reading takes "was first reported by").
fn passive(s: &CueSite<'_, '_>) -> bool {
    s.prev().is_some_and(|p| {
        words::is_be_form(p)
            && s.verb.form == VerbForm::Finite
            && !s.w.s.ends_with("ing")
            && s.verb.lemma != "quote"
    })
}

/// "Islamic State", "United States": a capitalised verb form is a name,
/// except in a headline written in title case.
fn capitalised_name(s: &CueSite<'_, '_>, headline: bool) -> bool {
    s.w.capitalised() && !headline
}

/// "respond to a request", "referred to the city": a verb with "to" and
/// an object reports nothing.
fn verb_to_object(s: &CueSite<'_, '_>) -> bool {
    s.ws.get(s.v + 1).is_some_and(|n| n.is("to"))
        && matches!(
            s.verb.lemma,
            "respond" | "reply" | "refer" | "point" | "continue" | "answer"
        )
}

/// "did not respond", "could not confirm": a negated neutral verb says
/// nothing was said.
fn negated_neutral(s: &CueSite<'_, '_>) -> bool {
    let negated = s.ws[..s.v]
        .iter()
        .rev()
        .take(3)
        .any(|x| x.is("not") || x.is("never") || x.s.ends_with("n't") || x.is("n’t"));
    negated && matches!(s.verb.signal, Signal::Neutral | Signal::Response)
}

/// "a bill called the RESET Act", "a group called Citizens United": after
/// a common noun, "called" and its kind name what comes next.
fn naming(s: &CueSite<'_, '_>) -> bool {
    let names = matches!(
        s.verb.lemma,
        "call" | "name" | "dub" | "label" | "term" | "title"
    );
    let after_noun = s.prev().is_some_and(|p| {
        p.is_word()
            && !p.capitalised()
            && p.verb.is_none()
            && !words::is_auxiliary(p)
            && parallax_analysis::lexicon::lexicon()
                .pronoun(p.lower)
                .is_none()
    });
    let next = s.ws.get(s.v + 1);
    let name_next = next.is_some_and(|n| n.capitalised())
        || next.is_some_and(|n| n.is("the")) && s.ws.get(s.v + 2).is_some_and(|n| n.capitalised());
    names && s.w.s.ends_with("ed") && after_noun && name_next
}

/// Whether the verb at word `v` names rather than reports (see
/// [`naming`]); the learned reading asks too.
pub(crate) fn names_something(text: &str, ws: &[Word<'_>], v: usize) -> bool {
    CueSite::new(text, ws, v).is_some_and(|s| naming(&s))
}

/// A shape in which a reporting verb reports nothing.
type NotAReport = fn(&CueSite<'_, '_>) -> bool;

/// The shapes ruled out before any construction is tried (a capitalised
/// verb is ruled out apart from these, since it depends on the sentence).
pub(crate) const NOT_REPORTS: &[(&str, NotAReport)] = &[
    ("after a determiner or possessive", after_determiner),
    ("infinitive", infinitive),
    ("passive", passive),
    ("verb with \"to\" and an object", verb_to_object),
    ("negated neutral verb", negated_neutral),
    ("naming (\"a bill called the RESET Act\")", naming),
];

/// A construction around a reporting verb.
type Construction = fn(&CueSite<'_, '_>) -> Read;

/// The constructions around a reporting verb, in the order they are tried.
pub(crate) const VERB_CONSTRUCTIONS: &[(&str, Construction)] = &[
    (
        "participle continuing a report (\", adding that …\")",
        participle::participle,
    ),
    (
        "relative pronoun as subject (\"Barkley, who said …\")",
        relative::relative_subject,
    ),
    (
        "verb coordinated with an earlier one (\"… and said …\")",
        coordinated::coordinated,
    ),
    (
        "name between commas (\"Its spokesman, Emrik Saldane, called …\")",
        between_commas::name_between_commas,
    ),
    (
        "subject before the verb (\"X said (that) …\", \"…, X said.\")",
        subject::subject_before,
    ),
    (
        "report with no subject (\"… and then said that …\")",
        unnamed::report_without_subject,
    ),
    (
        "inverted after the report (\"…, said Igor Klimov\")",
        inverted::inverted,
    ),
];

/// Read the attribution around a cue at word `v`, if the words there make
/// one: "according to" first, then the verb constructions.
pub(crate) fn read_cue(text: &str, ws: &[Word<'_>], v: usize, headline: bool) -> Option<Reading> {
    let w = ws.get(v)?;
    if w.quoted {
        return None;
    }
    if according_to::is_according_to(ws, v) {
        return according_to::according_to(text, ws, v);
    }
    let site = CueSite::new(text, ws, v)?;
    if capitalised_name(&site, headline)
        || NOT_REPORTS.iter().any(|(_, rules_out)| rules_out(&site))
    {
        return None;
    }
    for (_, construction) in VERB_CONSTRUCTIONS {
        match construction(&site) {
            Read::Reads(r) => return Some(r),
            Read::Nothing => return None,
            Read::NotThis => {}
        }
    }
    None
}

#[cfg(test)]
pub(crate) mod tests {
    use parallax_analysis::Analysed;

    use super::*;

    /// Every reading the rules make in `text` (one sentence per line, its
    /// quoted stretches marked as the finder marks them), as `cue |
    /// content | mention`, for snapshots of one construction.
    pub(crate) fn readings(text: &str) -> String {
        let mut out = String::new();
        for line in text.lines() {
            let doc = Analysed::new(line, None);
            let zones: Vec<Range<usize>> = crate::zones::quoted_zones(line, &doc.seg)
                .into_iter()
                .map(|z| z.content)
                .collect();
            let ws = crate::words::words(&doc, 0..line.len(), &zones);
            out.push_str(line);
            out.push('\n');
            for v in 0..ws.len() {
                if let Some(r) = read_cue(line, &ws, v, false) {
                    out.push_str(&show(line, &r));
                }
            }
        }
        out
    }

    pub(crate) fn show(text: &str, r: &Reading) -> String {
        let content: Vec<&str> = r.content.iter().map(|c| &text[c.clone()]).collect();
        let mention = r.mention.as_ref().map_or("-", |m| &text[m.range.clone()]);
        let mut line = format!(
            "  cue: {} | content: {} | speaker: {mention}",
            &text[r.cue.clone()],
            content.join(" … ")
        );
        if let Some(a) = &r.appositive {
            line.push_str(&format!(" | role: {a}"));
        }
        if r.inherits {
            line.push_str(" | inherits");
        }
        line.push('\n');
        line
    }

    #[test]
    fn shapes_that_report_nothing() {
        insta::assert_snapshot!(readings(
            "The report on the pier was long.\n\
             Rein wants to say more about the pier.\n\
             The closure was reported in May.\n\
             Rein's claims about the pier were wrong.\n\
             The mayor did not respond to questions.\n\
             The board responded to a request from the mayor.\n\
             Rein backs a bill called the Harbour Act.\n\
             Islamic State Says nothing."
        ));
    }
}
