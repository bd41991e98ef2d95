//! Statements as acts: allegation, denial, demand, counter-accusation,
//! criticism or claim, with actor, target, what is alleged or denied, a
//! CAMEO code, the words that decided each, and, within the document, the
//! allegation each answer answers.
//!
//! The annotator reads the attribution records of `parallax-quotes` (the
//! `speech` and `writing` ones: every attributed statement) and the
//! narrator's own sentences that report an act ("The Russian Defense
//! Ministry rejected that allegation on Tuesday"). Each statement goes
//! through named constructions in order ([`classify`]); the first that fires
//! decides its act. Word lists are data files: `data/act_cues.tsv` (words
//! inside a statement that signal an act, and negations),
//! `data/harm_acts.txt` (what one can be accused of and deny),
//! `data/hedges.txt` and `data/cameo.tsv` (the codes).
//!
//! Parallax describes: an allegation is what a statement charges, a denial
//! what it rejects, never a judgement of who is right. Every outlet and
//! every party is read by the same rules.
//!
//! This crate must not read files, know outlets or parties by name, change
//! the text, tokenise it again (it reads the shared [`Analysed`] document),
//! or look at another document: links across documents are the link
//! stage's work, from the records.

mod answers;
mod classify;
mod lexicon;
mod parties;
mod roles;
mod words;

use std::ops::Range;

use parallax_analysis::lexicon::{Signal, VerbForm};
use parallax_analysis::Analysed;
use parallax_entities::EntityFinding;
use parallax_model::{Act, Mode};
use parallax_quotes::QuoteFinding;

use classify::{classify, Marks, View};
use lexicon::{lexicon, CueAct};
use parties::{overlap, same_side, Parties};
use words::{match_at, words, W};

/// A hedge and whom it distances from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HedgeFinding {
    pub range: Range<usize>,
    /// Who hedges: the statement's actor, or `None` for the writer.
    pub by: Option<String>,
    pub from: Option<String>,
}

/// The allegation, in the same document, that a statement answers.
#[derive(Debug, Clone, PartialEq)]
pub struct AnswerFinding {
    /// Index into the document's statements.
    pub statement: usize,
    pub score: f32,
    pub evidence: Vec<String>,
}

/// One statement: byte ranges into the clean text.
#[derive(Debug, Clone, PartialEq)]
pub struct StatementFinding {
    pub act: Act,
    pub cameo: &'static str,
    /// The words that chose the code over its act's general one.
    pub cameo_words: Vec<String>,
    /// The construction that decided the act.
    pub rule: &'static str,
    pub actor: Option<String>,
    pub target: Option<String>,
    /// The statement's words: its quotation or reported clause (all pieces
    /// of an interrupted one), or the narrator's sentence.
    pub range: Range<usize>,
    /// What is alleged, denied or demanded, normalised, and where its words
    /// lie.
    pub act_text: Option<(String, Range<usize>)>,
    pub cue: Option<Range<usize>>,
    pub cue_signal: Option<Signal>,
    /// Words of the statement that signal an act or a negation.
    pub cues: Vec<(Range<usize>, &'static str)>,
    /// Negations of the act ("not made", "neither … nor").
    pub negations: Vec<Range<usize>>,
    pub hedges: Vec<HedgeFinding>,
    pub confidence: f32,
    /// The attribution number of the quote records it classifies (see
    /// [`QuoteFinding::attribution`]); `None` for a narrator's sentence.
    pub attribution: Option<usize>,
    pub answers: Option<AnswerFinding>,
    /// The allegation as the answer names it ("Turkey's accusation").
    pub answers_reported: Option<Range<usize>>,
    /// Keys of the parties: who speaks, whom it charges or defends (see
    /// `parties.rs`); what the links are matched by.
    pub actor_parties: Vec<String>,
    pub accused_parties: Vec<String>,
}

/// Words naming those harmed: an act against them charges its agent even
/// when the statement does not name one ("had killed civilians").
fn names_victims(ws: &[W<'_>]) -> bool {
    ws.iter().any(|w| {
        let f = w.folded;
        f.starts_with("civilian")
            || f.starts_with("hospital")
            || f.starts_with("school")
            || f.starts_with("mosque")
            || matches!(
                f,
                "children" | "people" | "residential" | "non-combatants" | "populated"
            )
    })
}

/// One statement before its links: what [`find_acts`] builds per source.
struct Draft<'w> {
    content: Vec<W<'w>>,
    range: Range<usize>,
    cue: Option<Range<usize>>,
    cue_words: Vec<&'w str>,
    signal: Option<Signal>,
    actor: Option<String>,
    actor_parties: Vec<String>,
    attribution: Option<usize>,
    /// The sentence words around the statement, for hedges outside it.
    context: Vec<W<'w>>,
}

/// Every statement of a document, in text order: the attributed ones
/// (from `quotes`, mode speech or writing) and the narrator's acts.
/// `entities` are the document's entities, whose names actors and targets
/// take; `dates` the byte ranges of its date expressions (from
/// `parallax-dates`), which a normalised act leaves out.
pub fn find_acts(
    doc: &Analysed<'_>,
    quotes: &[QuoteFinding],
    entities: &[EntityFinding],
    dates: &[Range<usize>],
) -> Vec<StatementFinding> {
    let ps = Parties::new(entities);
    let mut drafts = attributed_drafts(doc, quotes, &ps);
    drafts.extend(narrator_drafts(doc, quotes, entities, &ps));
    drafts.sort_by_key(|d| (d.range.start, d.range.end));
    let quoted: Vec<Range<usize>> = quotes.iter().map(|q| q.range.clone()).collect();
    let mut out: Vec<StatementFinding> = drafts
        .iter()
        .map(|d| read_statement(d, entities, &ps, &quoted, dates))
        .collect();
    counter_accusations(&mut out);
    for s in &mut out {
        s.confidence = classify::confidence_of(s.rule);
    }
    for s in &mut out {
        code(
            s,
            drafts
                .iter()
                .find(|d| d.range == s.range)
                .map(|d| &d.content[..])
                .unwrap_or(&[]),
        );
    }
    answers::link(&mut out, doc.text);
    out
}

/// The speech and writing attributions, one draft each (all pieces of one
/// attribution together).
fn attributed_drafts<'w>(
    doc: &'w Analysed<'_>,
    quotes: &[QuoteFinding],
    ps: &Parties<'_>,
) -> Vec<Draft<'w>> {
    let mut out: Vec<Draft<'w>> = Vec::new();
    let mut seen: Vec<usize> = Vec::new();
    for q in quotes {
        if !matches!(q.mode, Mode::Speech | Mode::Writing) || seen.contains(&q.attribution) {
            continue;
        }
        seen.push(q.attribution);
        let pieces: Vec<&QuoteFinding> = quotes
            .iter()
            .filter(|p| p.attribution == q.attribution)
            .collect();
        let content: Vec<W<'w>> = pieces.iter().flat_map(|p| words(doc, &p.range)).collect();
        let start = pieces
            .iter()
            .map(|p| p.range.start)
            .min()
            .unwrap_or(q.range.start);
        let end = pieces
            .iter()
            .map(|p| p.range.end)
            .max()
            .unwrap_or(q.range.end);
        let cue = pieces.iter().find_map(|p| p.cue.clone());
        let cue_words: Vec<&'w str> = cue
            .as_ref()
            .map(|c| words(doc, c).iter().map(|w| w.folded).collect())
            .unwrap_or_default();
        let signal = pieces.iter().find_map(|p| p.signal);
        let speaker = pieces.iter().find_map(|p| p.speaker.as_ref());
        let actor = speaker.map(|s| {
            if s.name.is_empty() {
                doc.text
                    .get(s.mention.clone())
                    .unwrap_or_default()
                    .to_string()
            } else {
                s.name.clone()
            }
        });
        let mut actor_parties = actor.as_deref().map(|a| ps.of(a)).unwrap_or_default();
        if let Some(aff) = speaker.and_then(|s| s.affiliation.as_deref()) {
            for k in ps.of(aff) {
                if !actor_parties.contains(&k) {
                    actor_parties.push(k);
                }
            }
        }
        let context = sentence_words(doc, &(start..end));
        out.push(Draft {
            content,
            range: start..end,
            cue,
            cue_words,
            signal,
            actor,
            actor_parties,
            attribution: Some(q.attribution),
            context,
        });
    }
    out
}

/// The words of the sentences that hold `r`.
fn sentence_words<'w>(doc: &'w Analysed<'_>, r: &Range<usize>) -> Vec<W<'w>> {
    let sents = &doc.seg.sentences;
    let from = sents.iter().position(|s| s.range.end > r.start);
    let to = sents.iter().rposition(|s| s.range.start < r.end);
    match (from, to) {
        (Some(a), Some(b)) if a <= b => words(doc, &(sents[a].range.start..sents[b].range.end)),
        _ => words(doc, r),
    }
}

/// A narrator's sentence that reports an act with a verb of its own:
/// "The Russian Defense Ministry rejected that allegation on Tuesday",
/// "Earlier, the Turkish Foreign Ministry accused Russia of …". A verb the
/// attribution records already read as their cue is theirs.
fn narrator_drafts<'w>(
    doc: &'w Analysed<'_>,
    quotes: &[QuoteFinding],
    entities: &[EntityFinding],
    ps: &Parties<'_>,
) -> Vec<Draft<'w>> {
    let mut out = Vec::new();
    for s in &doc.seg.sentences {
        let inside_quote = quotes
            .iter()
            .any(|q| q.range.start <= s.range.start && s.range.end <= q.range.end);
        if inside_quote {
            continue;
        }
        let toks = doc.token_range(s.range.clone());
        let ws = words(doc, &s.range);
        let base = toks.start;
        let verb_at = toks.clone().find(|&i| {
            let Some(v) = doc.verb(i) else { return false };
            let t = &doc.tokens()[i];
            let acting = matches!(v.signal, Signal::Denial | Signal::Criticism)
                || v.signal == Signal::Allegation
                    && matches!(v.lemma, "accuse" | "allege" | "blame" | "charge")
                || v.signal == Signal::Demand && matches!(v.lemma, "demand" | "urge");
            let skip_lemma = matches!(
                v.lemma,
                "refuse" | "decline" | "question" | "oppose" | "attack" | "mock"
            );
            let covered = || {
                quotes.iter().any(|q| {
                    q.cue
                        .as_ref()
                        .is_some_and(|c| c.start <= t.range.start && t.range.end <= c.end)
                        || q.range.start <= t.range.start && t.range.end <= q.range.end
                })
            };
            // A finite form, not a noun ("the demands") nor a gerund.
            let finite = v.form == VerbForm::Finite
                && !(i > base
                    && matches!(
                        doc.folded(i - 1),
                        "the" | "a" | "an" | "his" | "her" | "its" | "their"
                    ));
            acting && !skip_lemma && finite && i > base && !covered()
        });
        let Some(v) = verb_at else { continue };
        let k = v - base;
        let Some(actor) = subject_before(&ws, k, entities) else {
            continue;
        };
        let actor_parties = ps.of(&actor);
        let content: Vec<W<'w>> = ws[k + 1..].to_vec();
        // The statement is the narrator's whole sentence, its last stop
        // aside.
        let range = match (ws.first(), ws.iter().rev().find(|w| !w.ends_sentence())) {
            (Some(a), Some(b)) if !content.is_empty() => a.range.0..b.range.1,
            _ => continue,
        };
        out.push(Draft {
            content,
            range,
            cue: Some(ws[k].r()),
            cue_words: vec![ws[k].folded],
            signal: doc.verb(v).map(|vb| vb.signal),
            actor: Some(actor),
            actor_parties,
            attribution: None,
            context: ws,
        });
    }
    out
}

/// The subject of the verb at `ws[k]`: the nearest entity before it in
/// the same clause ("Russia’s Defense Ministry on Thursday denied").
fn subject_before(ws: &[W<'_>], k: usize, entities: &[EntityFinding]) -> Option<String> {
    // "The ministry condemned …": a short description opening the
    // sentence, when no name is the subject.
    let described = || {
        let from = ws.iter().position(|w| w.is_word())?;
        let words: Vec<&W<'_>> = ws[from..k].iter().collect();
        let plain = !words.is_empty()
            && words.len() <= 4
            && words.iter().all(|w| w.is_word())
            && words[0].is("the");
        plain.then(|| {
            words[1..]
                .iter()
                .map(|w| w.text)
                .collect::<Vec<_>>()
                .join(" ")
        })
    };
    for j in (0..k).rev() {
        let w = &ws[j];
        if w.is_word() && w.capitalised() {
            if let Some(n) = roles::entity_at(entities, &w.r()) {
                return Some(n);
            }
        }
        if w.is_word() && parallax_entities::demonym_place(w.folded).is_some() {
            continue;
        }
        if matches!(w.folded, "that" | "which" | "who") {
            return None;
        }
    }
    described().filter(|d| !d.is_empty())
}

/// Classify a draft and read its roles.
fn read_statement(
    d: &Draft<'_>,
    entities: &[EntityFinding],
    ps: &Parties<'_>,
    quoted: &[Range<usize>],
    dates: &[Range<usize>],
) -> StatementFinding {
    let marks = Marks::of(&d.content);
    let view = View {
        content: &d.content,
        marks: &marks,
        cue: &d.cue_words,
        signal: d.signal,
        context: &d.context,
    };
    let mut decision = classify(&view, &[]);
    let agent = marks
        .harms
        .first()
        .and_then(|&k| roles::agent_of(&d.content, k, entities));
    if decision.rule == "harm_assertion" {
        // One's own side's strikes are a claim; an act with no agent charges
        // nobody unless it names those it harmed.
        let own = agent
            .as_deref()
            .is_some_and(|a| same_side(&ps.of(a), &d.actor_parties));
        if own || agent.is_none() && !names_victims(&d.content) {
            decision = classify(&view, &["harm_assertion"]);
        }
    }
    let ws = &d.content[..];
    let negated = &marks.negated;
    let cues: Vec<(Range<usize>, &'static str)> = marks
        .cues
        .iter()
        .map(|(r, a, _)| (r.clone(), a.as_str()))
        .collect();
    let negations: Vec<Range<usize>> = negated.iter().map(|&(n, _)| ws[n].r()).collect();
    let reported = if decision.act.answers() {
        roles::reported_allegation(ws, entities)
    } else {
        None
    };
    let charged_verb = d.signal == Some(Signal::Allegation)
        && d.cue_words.first().is_some_and(|c| {
            c.starts_with("accus") || c.starts_with("blam") || c.starts_with("charg")
        });
    let target = match decision.act {
        Act::Allegation | Act::CounterAccusation => {
            if charged_verb {
                roles::object_after(ws, 0, entities)
            } else if decision.rule == "allegation_words" {
                // "had been orchestrated by the US security services".
                let at = marks
                    .cues
                    .iter()
                    .find(|(_, a, _)| *a == CueAct::Act(Act::Allegation))
                    .map(|(_, _, t)| t.start);
                at.and_then(|k| roles::agent_of(ws, k, entities))
                    .or_else(|| first_other_entity(ws, entities, ps, d))
            } else {
                agent.clone().filter(|a| !roles::is_pronoun(a))
            }
        }
        Act::Denial => reported.as_ref().and_then(|(_, a)| a.clone()),
        Act::Demand => demand_target(ws, d, entities),
        Act::Criticism => {
            if d.signal == Some(Signal::Criticism) {
                roles::object_after(ws, 0, entities)
            } else {
                first_other_entity(ws, entities, ps, d)
            }
        }
        Act::Claim => None,
    };
    let accused_parties = match decision.act {
        Act::Allegation | Act::CounterAccusation => {
            target.as_deref().map(|t| ps.of(t)).unwrap_or_default()
        }
        Act::Denial => {
            let denied_agent = negated
                .first()
                .and_then(|&(_, a)| roles::agent_of(ws, a, entities));
            let named = denied_agent.or_else(|| roles::accused_in(ws, entities));
            let mut keys = named.map(|a| ps.of(&a)).unwrap_or_default();
            for k in &d.actor_parties {
                if !keys.contains(k) {
                    keys.push(k.clone());
                }
            }
            keys
        }
        _ => d.actor_parties.clone(),
    };
    let act_text = match decision.act {
        Act::Denial => {
            let from = negated.first().map(|&(_, a)| a).unwrap_or(0);
            roles::act_text(ws, from, dates)
        }
        Act::Allegation | Act::CounterAccusation => roles::act_text(ws, 0, dates),
        Act::Demand => demand_text(ws, &marks),
        _ => None,
    }
    .map(|(toks, text)| (text, ws[toks.start].range.0..ws[toks.end - 1].range.1));
    let hedges = hedges(d, entities, quoted);
    StatementFinding {
        act: decision.act,
        cameo: "",
        cameo_words: Vec::new(),
        rule: decision.rule,
        actor: d.actor.clone(),
        target,
        range: d.range.clone(),
        act_text,
        cue: d.cue.clone(),
        cue_signal: d.signal,
        cues,
        negations,
        hedges,
        confidence: 0.0,
        attribution: d.attribution,
        answers: None,
        answers_reported: reported
            .map(|(toks, _)| ws[toks.start].range.0..ws[toks.end - 1].range.1),
        actor_parties: d.actor_parties.clone(),
        accused_parties,
    }
}

/// The first entity the statement names that is not its actor.
fn first_other_entity(
    ws: &[W<'_>],
    entities: &[EntityFinding],
    ps: &Parties<'_>,
    d: &Draft<'_>,
) -> Option<String> {
    ws.iter()
        .filter(|w| w.is_word() && w.capitalised())
        .filter_map(|w| roles::entity_at(entities, &w.r()))
        .find(|n| !overlap(&ps.of(n), &d.actor_parties))
}

/// Whom a demand is made to: the object of the cue ("called on foreign
/// military officials to …", "urged Congress to …") or of a demanding verb
/// inside it ("we invited military attaches … to ask them to give …").
fn demand_target(ws: &[W<'_>], d: &Draft<'_>, entities: &[EntityFinding]) -> Option<String> {
    // The cue's object opens the content only when the content follows the
    // cue ("called on foreign military officials to …").
    let follows_cue = d
        .cue
        .as_ref()
        .is_some_and(|c| c.end <= d.range.start && d.range.start - c.end <= 4);
    if d.signal == Some(Signal::Demand) && follows_cue {
        if let Some(t) = roles::object_after(ws, 0, entities) {
            return Some(t);
        }
    }
    let k = ws.iter().position(|w| {
        matches!(
            w.folded,
            "invited" | "asked" | "urged" | "summoned" | "called"
        )
    })?;
    roles::object_after(ws, k + 1, entities)
}

/// What a demand asks for: from the infinitive after the demanding words
/// ("to give official validation to their statements") to the clause end.
fn demand_text(ws: &[W<'_>], marks: &Marks) -> Option<(Range<usize>, String)> {
    let cue_end = marks
        .cues
        .iter()
        .find(|(_, a, _)| *a == CueAct::Act(Act::Demand))
        .map(|(_, _, t)| t.end)
        .unwrap_or(0);
    let to = (cue_end.saturating_sub(2)..ws.len()).find(|&k| ws[k].is("to"))?;
    let start = to + 1;
    let mut end = start;
    let mut n = 0;
    while end < ws.len()
        && n < 12
        && !ws[end].ends_sentence()
        && !(ws[end].breaks_clause() && ws[end].text != "-")
    {
        n += usize::from(ws[end].is_word());
        end += 1;
    }
    let text: Vec<&str> = ws[start..end]
        .iter()
        .filter(|w| w.is_word() && !words::is_filler(w.folded))
        .map(|w| w.text)
        .collect();
    (!text.is_empty()).then(|| (start..end, text.join(" ")))
}

/// The hedges of a statement: inside its words (the actor's), or in the
/// narration of its sentence (the writer's); "so-called X" distances from
/// X, "allegedly" inside a reported allegation from its accuser, a
/// writer's hedge from the actor.
fn hedges(d: &Draft<'_>, entities: &[EntityFinding], quoted: &[Range<usize>]) -> Vec<HedgeFinding> {
    let lex = lexicon();
    let mut out = Vec::new();
    let ws = &d.context[..];
    let mut i = 0;
    while i < ws.len() {
        let Some(end) = lex.hedges.iter().find_map(|p| match_at(ws, i, p)) else {
            i += 1;
            continue;
        };
        let r = ws[i].range.0..ws[end - 1].range.1;
        let inside = d.range.start <= r.start && r.end <= d.range.end;
        // A hedge inside someone else's words is theirs, not this one's.
        let elsewhere = !inside && quoted.iter().any(|q| q.start <= r.start && r.end <= q.end);
        if elsewhere {
            i = end;
            continue;
        }
        let by = if inside { d.actor.clone() } else { None };
        let naming = matches!(
            ws[i].folded,
            "so-called" | "self-proclaimed" | "self-styled" | "purported"
        );
        let from = if naming {
            ws[end..]
                .iter()
                .take(6)
                .filter(|w| w.is_word() && w.capitalised())
                .find_map(|w| roles::entity_at(entities, &w.r()))
        } else {
            roles::reported_allegation(&ws[..i], entities)
                .and_then(|(_, a)| a)
                .or_else(|| if inside { None } else { d.actor.clone() })
        };
        out.push(HedgeFinding { range: r, by, from });
        i = end;
    }
    out
}

/// An allegation by a party that is itself accused in the document (the
/// target of another allegation, or the maker of a denial), against
/// someone else, is a counter-accusation.
fn counter_accusations(statements: &mut [StatementFinding]) {
    let accused: Vec<Vec<String>> = statements
        .iter()
        .filter(|s| s.act == Act::Allegation)
        .map(|s| s.accused_parties.clone())
        .collect();
    // A denial in words of its own ("not made any strikes", "baseless", a
    // denying cue), not one read from a bare negation.
    let deniers: Vec<Vec<String>> = statements
        .iter()
        .filter(|s| {
            s.act == Act::Denial && matches!(s.rule, "negated_act" | "cue_signal" | "denial_words")
        })
        .map(|s| s.actor_parties.clone())
        .collect();
    for s in statements.iter_mut() {
        if s.act != Act::Allegation || s.actor_parties.is_empty() {
            continue;
        }
        let is_accused = accused.iter().any(|a| same_side(a, &s.actor_parties))
            || deniers.iter().any(|a| same_side(a, &s.actor_parties));
        let against_other = !same_side(&s.accused_parties, &s.actor_parties);
        if is_accused && against_other {
            s.act = Act::CounterAccusation;
            s.rule = match s.rule {
                "harm_assertion" => "counter_harm_assertion",
                "allegation_words" => "counter_allegation_words",
                _ => "counter_accusation",
            };
        }
    }
}

/// The CAMEO code: the first line of the act's codes (a counter-accusation
/// takes the allegation's) whose words the statement holds.
fn code(s: &mut StatementFinding, content: &[W<'_>]) {
    let act = if s.act == Act::CounterAccusation {
        Act::Allegation
    } else {
        s.act
    };
    let lex = lexicon();
    if act == Act::Denial {
        // Denying the act itself is denying responsibility (016); any
        // other denial rejects (120).
        let own = content
            .iter()
            .filter(|w| s.negations.iter().any(|n| n.start <= w.range.0) && lex.is_harm(w.folded))
            .map(|w| w.folded.to_string())
            .take(1)
            .collect::<Vec<_>>();
        s.cameo = if own.is_empty() { "120" } else { "016" };
        s.cameo_words = own;
        return;
    }
    let mut general = "010";
    for c in lex.codes.iter().filter(|c| c.act == act) {
        if c.words.is_empty() {
            general = c.code;
            continue;
        }
        let hits: Vec<String> = content
            .iter()
            .filter(|w| w.is_word() && c.words.iter().any(|p| words::word_matches(p, w.folded)))
            .map(|w| w.folded.to_string())
            .collect();
        if !hits.is_empty() {
            s.cameo = c.code;
            s.cameo_words = hits;
            return;
        }
    }
    s.cameo = general;
}

#[cfg(test)]
mod tests;
