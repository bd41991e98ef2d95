//! What a statement does: named constructions, tried in order, each a
//! small function from a statement's words to an act and the words that
//! chose it. The first that fires decides; [`classify`] lists the order.

use std::ops::Range;

use parallax_analysis::lexicon::Signal;
use parallax_model::Act;

use crate::lexicon::{lexicon, CueAct};
use crate::words::{match_at, W};

/// What a construction decided, and from which words.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Decision {
    pub act: Act,
    /// The construction's name, kept in the record's evidence.
    pub rule: &'static str,
}

/// A statement as the constructions see it.
pub(crate) struct View<'a, 'w> {
    /// The statement's own words (its quotation or reported clause).
    pub content: &'a [W<'w>],
    /// What the lexicon marks in them, found once.
    pub marks: &'a Marks,
    /// The cue's folded words ("denied", "accused"), empty for a narrator
    /// sentence's own verb (then `signal` is that verb's).
    pub cue: &'a [&'w str],
    pub signal: Option<Signal>,
    /// The words of the sentences around the statement (the statement's
    /// own among them).
    pub context: &'a [W<'w>],
}

/// An act word found in a statement: its bytes, what it signals, its
/// token span.
pub(crate) type Cue = (Range<usize>, CueAct, Range<usize>);

/// What the lexicon marks in a statement's words, found once for all the
/// constructions: act words, negated acts (negation token, act token) and
/// the acts no negation governs.
#[derive(Debug, Default)]
pub(crate) struct Marks {
    pub cues: Vec<Cue>,
    pub negated: Vec<(usize, usize)>,
    pub harms: Vec<usize>,
}

impl Marks {
    pub fn of(ws: &[W<'_>]) -> Marks {
        let cues = act_cues(ws);
        let negated = negated_acts(ws, &cues);
        let lex = lexicon();
        // "committed to action" is resolve, not a crime.
        let resolve = |k: usize| {
            ws[k].folded.starts_with("commit") && ws.get(k + 1).is_some_and(|n| n.is("to"))
        };
        let harms = (0..ws.len())
            .filter(|&k| {
                ws[k].is_word()
                    && lex.is_harm(ws[k].folded)
                    && !negated.iter().any(|n| n.1 == k)
                    && !resolve(k)
            })
            .collect();
        Marks {
            cues,
            negated,
            harms,
        }
    }

    pub fn has(&self, act: Act) -> bool {
        self.cues.iter().any(|(_, a, _)| *a == CueAct::Act(act))
    }
}

/// Every act word of the lexicon found in `ws`, the longest at each place.
pub(crate) fn act_cues(ws: &[W<'_>]) -> Vec<Cue> {
    let lex = lexicon();
    let mut out = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        let mut best: Option<(usize, CueAct)> = None;
        if ws[i].is_word() {
            let f = ws[i].folded;
            let exact = lex.cues_by_first.get(f).map(Vec::as_slice).unwrap_or(&[]);
            let nt: &[usize] = if f.ends_with("n't") {
                &lex.cues_nt
            } else {
                &[]
            };
            let prefixed = lex.cues_by_prefix.get(f);
            for &c in exact.iter().chain(prefixed).chain(nt) {
                let (p, act) = &lex.cues[c];
                if let Some(end) = match_at(ws, i, p) {
                    if best.is_none_or(|(e, _)| end > e) {
                        best = Some((end, *act));
                    }
                }
            }
        }
        match best {
            Some((end, act)) => {
                // "not only … but also" negates nothing.
                let not_only =
                    act == CueAct::Negation && ws.get(i + 1).is_some_and(|n| n.is("only"));
                if !not_only {
                    out.push((ws[i].range.0..ws[end - 1].range.1, act, i..end));
                }
                i = end;
            }
            None => i += 1,
        }
    }
    out
}

/// The negations among `cues` that govern an act one can be accused of
/// within the next few words: "have not made any strikes", "does not
/// strike", "neither planned nor carried out". Each as (negation token,
/// act token).
fn negated_acts(ws: &[W<'_>], cues: &[Cue]) -> Vec<(usize, usize)> {
    let lex = lexicon();
    let mut out = Vec::new();
    for (_, act, toks) in cues {
        if *act != CueAct::Negation {
            continue;
        }
        // "should not be targeted" prescribes; it denies nothing.
        let prescribed = toks.start > 0
            && matches!(
                ws[toks.start - 1].folded,
                "should" | "must" | "ought" | "need" | "needs"
            );
        if prescribed {
            continue;
        }
        let from = toks.end;
        for (k, w) in ws.iter().enumerate().skip(from).take(5) {
            if w.breaks_clause() || w.ends_sentence() {
                break;
            }
            if w.is_word() && lex.is_harm(w.folded) {
                out.push((toks.start, k));
                break;
            }
        }
    }
    out
}

/// A denial's negation of the alleged act: "Russia's Aerospace Forces
/// have not made any strikes on the city of Aleppo".
fn negated_act(v: &View<'_, '_>) -> Option<Decision> {
    (!v.marks.negated.is_empty()).then_some(Decision {
        act: Act::Denial,
        rule: "negated_act",
    })
}

/// The cue says what the statement does: "denied", "rejected" (denial),
/// "accused", "alleged", "blamed" (allegation), "demanded", "urged"
/// (demand), "condemned", "denounced" (criticism).
fn cue_signal(v: &View<'_, '_>) -> Option<Decision> {
    let cue = v.cue.first().copied().unwrap_or("");
    let act = match v.signal? {
        // "refused to comment", "declined to say" answer nothing.
        // "dismissed impeachment as partisan": a denying cue whose words
        // only disapprove criticises.
        Signal::Denial if !(cue.starts_with("refus") || cue.starts_with("declin")) => {
            if v.marks.has(Act::Criticism) && !v.marks.has(Act::Denial) && v.marks.harms.is_empty()
            {
                Act::Criticism
            } else {
                Act::Denial
            }
        }
        // "claimed" and "suspected" assert; only what they assert can charge.
        Signal::Allegation if !(cue.starts_with("claim") || cue.starts_with("suspect")) => {
            Act::Allegation
        }
        // "asked whether …" is a question; "called" a name unless "for" or
        // "on" follows.
        Signal::Demand => {
            let question = v.content.first().is_some_and(|w| {
                matches!(
                    w.folded,
                    "whether"
                        | "if"
                        | "what"
                        | "why"
                        | "how"
                        | "who"
                        | "when"
                        | "should"
                        | "is"
                        | "are"
                        | "do"
                        | "does"
                        | "did"
                        | "can"
                        | "could"
                        | "will"
                        | "would"
                )
            }) || v
                .content
                .iter()
                .rev()
                .find(|w| w.kind != parallax_text::TokenKind::Quote)
                .is_some_and(|w| w.text == "?");
            let call = cue.starts_with("call");
            let call_for = v.cue.iter().any(|w| matches!(*w, "for" | "on"));
            if question || call && !call_for || cue.starts_with("propos") {
                return None;
            }
            Act::Demand
        }
        Signal::Criticism if !(cue.starts_with("question") || cue.starts_with("oppos")) => {
            Act::Criticism
        }
        _ => return None,
    };
    Some(Decision {
        act,
        rule: "cue_signal",
    })
}

/// An accusation the speaker reports rather than makes: "we are accused
/// of hitting …", "the military is blamed for …", or an act the speaker
/// hedges ("non-combatants are allegedly being killed", "alleged
/// casualties"). A claim about the allegation, not the allegation.
fn reported_accusation(v: &View<'_, '_>) -> Option<Decision> {
    let ws = v.content;
    let passive = ws.windows(2).any(|p| {
        matches!(
            p[0].folded,
            "is" | "are" | "was" | "were" | "being" | "been"
        ) && (p[1].folded.starts_with("accused") || p[1].folded.starts_with("blamed"))
    });
    // "Allegedly", "alleged", "so-called": the speaker keeps the charge
    // at a distance ("reportedly" only says it was reported).
    let distancing = |f: &str| {
        matches!(
            f,
            "allegedly" | "alleged" | "supposedly" | "purportedly" | "purported" | "so-called"
        )
    };
    let hedged = v
        .marks
        .harms
        .first()
        .is_some_and(|&k| ws[..k].iter().any(|w| distancing(w.folded)));
    // "Western media's outrageous accusations that … allegedly bombed":
    // disapproval or rejection of the reported charge decides instead.
    let answered = v.marks.has(Act::Criticism) || v.marks.has(Act::Denial);
    ((passive || hedged) && !answered).then_some(Decision {
        act: Act::Claim,
        rule: "reported_accusation",
    })
}

/// A negation in answer to a charge the sentence around names: "the
/// obstruction charge is not valid", "Hillary Clinton's not a target" (in
/// an article's exchange about accusations).
fn negation_in_answer(v: &View<'_, '_>) -> Option<Decision> {
    let negated = v.marks.cues.iter().any(|(_, a, _)| *a == CueAct::Negation);
    let charge_near = v.context.iter().any(|w| {
        let f = w.folded;
        f.starts_with("accus")
            || f.starts_with("alleg")
            || f.starts_with("charge")
            || f.starts_with("deni")
            || f.starts_with("deny")
            || f.starts_with("reject")
    });
    (negated && charge_near).then_some(Decision {
        act: Act::Denial,
        rule: "negation_in_answer",
    })
}

/// The act `act` when the statement holds one of its words
/// (`data/act_cues.tsv`), under the construction's name.
fn act_words(v: &View<'_, '_>, act: Act, rule: &'static str) -> Option<Decision> {
    v.marks.has(act).then_some(Decision { act, rule })
}

/// Words that call an allegation untrue: "baseless", "unsubstantiated",
/// "no evidence", "smears".
fn denial_words(v: &View<'_, '_>) -> Option<Decision> {
    act_words(v, Act::Denial, "denial_words")
}

/// Words that ask for something: "must", "we ask them to give", "called on
/// … to".
fn demand_words(v: &View<'_, '_>) -> Option<Decision> {
    act_words(v, Act::Demand, "demand_words")
}

/// Words that charge: "accused", "war crimes", "information war", "had
/// been orchestrated by".
fn allegation_words(v: &View<'_, '_>) -> Option<Decision> {
    act_words(v, Act::Allegation, "allegation_words")
}

/// An act one can be accused of, asserted: "Russian air strikes in Syria
/// have killed at least 446 people". Whether its agent is the speaker's
/// own side is for `read_statement` to say (then it is a claim).
fn harm_assertion(v: &View<'_, '_>) -> Option<Decision> {
    (!v.marks.harms.is_empty()).then_some(Decision {
        act: Act::Allegation,
        rule: "harm_assertion",
    })
}

/// Words of disapproval: "outrageous", "it is strange that", "condemn".
fn criticism_words(v: &View<'_, '_>) -> Option<Decision> {
    act_words(v, Act::Criticism, "criticism_words")
}

/// A named construction: a statement's view to an act, when it fires.
type Construction = fn(&View<'_, '_>) -> Option<Decision>;

/// How often the act a construction gives is right: its share on the
/// first (tuning) half of the hand-labelled acts sample
/// (`data/eval/acts_labels.tsv`), smoothed toward the share of all
/// statements there (0.74) as if four more statements had that share, so
/// that a construction seen twice is not called certain. A
/// counter-accusation takes the share of the construction that found its
/// charge. Measured on 2026-12-03; see BENCHMARKS.md.
pub(crate) fn confidence_of(rule: &str) -> f32 {
    match rule {
        "negated_act" => 0.83,
        "cue_signal" | "counter_accusation" => 0.76,
        "criticism_words" => 0.9,
        "denial_words" => 0.75,
        "claim" => 0.75,
        "allegation_words" | "counter_allegation_words" => 0.66,
        "demand_words" => 0.66,
        "harm_assertion" | "counter_harm_assertion" => 0.5,
        "negation_in_answer" => 0.49,
        // No statement of the tuning half: the overall share.
        _ => 0.74,
    }
}

/// The constructions in the order they are tried.
pub(crate) const CONSTRUCTIONS: [(&str, Construction); 9] = [
    ("negated_act", negated_act),
    ("cue_signal", cue_signal),
    ("reported_accusation", reported_accusation),
    ("demand_words", demand_words),
    ("denial_words", denial_words),
    ("negation_in_answer", negation_in_answer),
    ("allegation_words", allegation_words),
    ("criticism_words", criticism_words),
    ("harm_assertion", harm_assertion),
];

/// The act of a statement: the first construction that fires, else a
/// claim. `skip` leaves constructions out by name (an allegation by
/// the speaker's own side is re-read without `harm_assertion`).
pub(crate) fn classify(v: &View<'_, '_>, skip: &[&str]) -> Decision {
    CONSTRUCTIONS
        .iter()
        .filter(|(name, _)| !skip.contains(name))
        .find_map(|(_, f)| f(v))
        .unwrap_or(Decision {
            act: Act::Claim,
            rule: "claim",
        })
}
