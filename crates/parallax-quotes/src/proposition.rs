//! Whether a reading reports a proposition.
//!
//! A cue reports what someone said, wrote or thought only when it takes a
//! clause ("said the strikes had stopped"), a complement ("denied that
//! …", "asked whether …"), a quotation, an infinitive of a demand or an
//! intention ("urged them to leave", "vowed to rebuild"), a predication
//! ("dismissed the report as a smear"), or a reason ("accused Russia of
//! striking …"). A verb whose only object is a noun phrase ("denied the
//! visitors a goal", "first reported the trade", "praised the crews") or a
//! phrase of time and place ("spoke for about five minutes") reports no
//! proposition: it may be an act worth recording, but it is no
//! attribution. A quoted fragment inside a noun phrase ("pounding Trump as
//! a “con artist”") does make it one: somebody said those words.

use std::ops::Range;

use parallax_analysis::lexicon::{Mode, Signal};

use crate::constructions::Reading;
use parallax_text::TokenKind;

use crate::words::{is_auxiliary, is_determiner, words_in, Word};

/// What the words a reading reports look like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shape {
    /// No words yet: a cue ending in a colon waits for the next sentence.
    Empty,
    /// Quoted words stand inside.
    Quotation,
    /// After "that", a colon, "whether" or "if".
    Complement,
    /// An embedded question: "how …", "why …", "what …".
    Question,
    /// "to" and a verb.
    Infinitive,
    /// An object, then "to" and a verb: "urged residents to leave".
    ObjectInfinitive,
    /// A subject and a finite verb.
    Clause,
    /// A noun phrase and what it is called: "… as a smear", "called the
    /// closure a mistake".
    Predication,
    /// "of" or "for" and a gerund: "accused Russia of striking …".
    Reason,
    /// A noun phrase or a phrase of time and place only.
    Phrase,
}

/// Words that open an embedded question.
const QUESTION_WORDS: &[&str] = &["how", "why", "what", "whether", "if", "who", "whom"];

/// Words that open a clause as its subject.
const SUBJECT_PRONOUNS: &[&str] = &["he", "she", "they", "we", "i", "it", "you", "there"];

/// Prepositions and adverbs that open a phrase of time, place or manner
/// rather than a clause ("for about five minutes", "online since …").
const PHRASE_OPENERS: &[&str] = &[
    "for",
    "on",
    "in",
    "at",
    "during",
    "after",
    "before",
    "since",
    "until",
    "about",
    "against",
    "with",
    "without",
    "from",
    "into",
    "onto",
    "over",
    "under",
    "through",
    "throughout",
    "via",
    "by",
    "online",
    "today",
    "yesterday",
    "here",
    "there",
    "again",
    "home",
    "back",
    "off",
    "out",
    "up",
    "down",
    "around",
    "across",
    "near",
    "outside",
    "inside",
];

/// Words that end the subject part of a clause: a finite verb after them
/// belongs to a relative clause or another phrase.
fn ends_subject(w: &Word<'_>) -> bool {
    w.is_comma()
        || w.is_colon()
        || [
            "which", "who", "whom", "whose", "where", "when", "while", "why", "how",
        ]
        .contains(&w.lower)
}

/// Words that open a subordinate clause: a subject right after one is
/// that clause's, not the report's ("online since it was released").
const SUBORDINATORS: &[&str] = &[
    "since", "when", "because", "after", "before", "while", "if", "as", "until", "although",
    "though", "once", "unless", "whereas", "where", "which", "who",
];

/// A past tense the list does not know ("complied"): an -ed word that
/// follows no determiner (which would make it an adjective: "the closed
/// pier").
fn past_tense(words: &[&Word<'_>], i: usize) -> bool {
    let w = words[i];
    // After a name or a pronoun only: after a noun an -ed word is as often
    // a participle ("a 2001 email referenced on Wednesday").
    let after_name =
        i > 0 && (words[i - 1].capitalised() || SUBJECT_PRONOUNS.contains(&words[i - 1].lower));
    w.lower.len() > 4
        && w.lower.ends_with("ed")
        && !w.lower.contains('-')
        && !w.capitalised()
        && after_name
        && !participle(words, i)
}

/// A verb form read as a participle: before "by" or an infinitive
/// ("casualties caused by Russian warplanes", "a campaign designed to
/// help"), it modifies the noun before it rather than making a clause.
fn participle(words: &[&Word<'_>], i: usize) -> bool {
    let next = |k: usize| words.get(i + k);
    let infinitive = next(1).is_some_and(|n| n.is("to"))
        && next(2).is_some_and(|n| n.is_word() && !n.capitalised() && !is_determiner(n));
    words[i].lower.ends_with("ed") && (next(1).is_some_and(|n| n.is("by")) || infinitive)
}

/// A finite verb at `i`: one of the list not read as a participle, or a
/// past tense the list does not know.
fn finite_at(words: &[&Word<'_>], i: usize) -> bool {
    let w = words[i];
    // After a determiner or a possessive it is a noun: "her looks",
    // "Kushner's visits".
    let after_determiner =
        i > 0 && (is_determiner(words[i - 1]) || noun_after_possessive(words, i));
    !w.quoted && !after_determiner && (w.finite && !participle(words, i) || past_tense(words, i))
}

/// A subject pronoun, not opening a subordinate clause, followed by a
/// finite verb: "after the convention he would not accept …".
fn pronoun_clause(words: &[&Word<'_>]) -> bool {
    let comma = words
        .iter()
        .position(|w| w.is_comma())
        .unwrap_or(words.len());
    (0..words.len().min(8).min(comma)).any(|i| {
        SUBJECT_PRONOUNS.contains(&words[i].lower)
            && !words[i].is("it")
            && (i == 0 || !SUBORDINATORS.contains(&words[i - 1].lower))
            && i + 1 < words.len()
            && finite_at(words, i + 1)
    })
}

/// A finite verb after a plausible subject: "the strikes had stopped",
/// "Developers and supporters in Congress say …", "the program, run by
/// the department, has brought …". The subject may hold commas, but a
/// relative word ends it (a verb after "who" belongs to the relative
/// clause), and a clause opening with a preposition ("In West Virginia
/// alone, 300,000 acres have been damaged") starts after its first comma.
fn subject_and_verb(words: &[&Word<'_>]) -> bool {
    // "At least 40 boats returned …", "About 200 people marched …": a
    // quantity, not a phrase of place.
    let quantity = words
        .first()
        .is_some_and(|f| f.is("at") || f.is("about") || f.is("up"))
        && words
            .get(1)
            .is_some_and(|n| n.is("least") || n.is("most") || n.kind == TokenKind::Number);
    let opener = !quantity
        && words
            .first()
            .is_some_and(|f| PHRASE_OPENERS.contains(&f.lower) || SUBORDINATORS.contains(&f.lower));
    if !opener {
        return verb_after_subject(words, 0, false);
    }
    // "In all, though, the justices are …": the clause may start after
    // the second or third comma of the opening.
    words
        .iter()
        .enumerate()
        .take(16)
        .filter(|(_, w)| w.is_comma())
        .take(3)
        .any(|(c, _)| verb_after_subject(words, c + 1, false))
}

/// A finite verb among `words[from..]` after at least one word, before
/// any relative word; with `strict`, also before any subordinator ("for a
/// week since it was released" holds the verb of a subordinate clause).
fn verb_after_subject(words: &[&Word<'_>], from: usize, strict: bool) -> bool {
    let mut seen = 0;
    for i in from..words.len().min(from + 25) {
        let w = words[i];
        if ends_subject(w) || strict && i > from && SUBORDINATORS.contains(&w.lower) {
            return false;
        }
        // "rejected the idea that the pier must close": "that" after a
        // noun phrase opened by a determiner starts the noun's own clause;
        // the phrase is an object.
        if w.is("that") && seen > 0 && words.get(from).is_some_and(|f| is_determiner(f)) {
            return false;
        }
        // "an article suggesting Trump owes …": a reporting verb's gerund
        // after a noun phrase takes the clause after it; the phrase is an
        // object, not a subject.
        if seen > 0
            && !w.quoted
            && w.verb
                .is_some_and(|v| v.form == parallax_analysis::lexicon::VerbForm::Gerund)
        {
            return false;
        }
        if seen > 0 && finite_at(words, i) {
            // "tweeted support for the people and criticized the visit":
            // a verb after "and" shares the cue's subject; no clause.
            let coordinated = ["and", "or", "but", "nor", "then"].contains(&words[i - 1].lower);
            return !coordinated;
        }
        seen += usize::from(w.is_word());
    }
    false
}

/// "to leave", and after the object of a demand ("urged residents to
/// leave", "told his advisers to find …"): "to" and a verb within the
/// first words, only words before it.
fn infinitive(words: &[&Word<'_>]) -> Option<Shape> {
    let t = words.iter().take(6).position(|w| w.is("to"))?;
    let verb_next = words
        .get(t + 1)
        .is_some_and(|n| n.is_word() && !n.capitalised() && !is_determiner(n));
    if !verb_next || !words[..t].iter().all(|w| w.is_word() && !w.finite) {
        return None;
    }
    if t == 0 {
        return Some(Shape::Infinitive);
    }
    // "proposing a bill to make …": an indefinite noun phrase with an
    // infinitive after it is a thing, not a person told to act.
    if words[0].is("a") || words[0].is("an") {
        return None;
    }
    Some(Shape::ObjectInfinitive)
}

/// "accused Russia of striking …", "criticized for failing …", "called
/// for reducing …": "of" or "for" and a gerund.
fn reason(words: &[&Word<'_>]) -> bool {
    words.windows(2).any(|p| {
        (p[0].is("of") || p[0].is("for")) && p[1].lower.ends_with("ing") && p[1].lower.len() > 4
    })
}

/// "dismissed the report as a smear", "called the closure a mistake": a
/// noun phrase and what the speaker calls it.
fn predication(words: &[&Word<'_>], lemma: Option<&str>, before: Option<&Word<'_>>) -> bool {
    let Some(first) = words.first() else {
        return false;
    };
    if PHRASE_OPENERS.contains(&first.lower) {
        return false;
    }
    // "called the closure a mistake", not "called for an inquiry".
    let calls = matches!(lemma, Some("call" | "brand" | "label" | "dub" | "deem"))
        && before.is_some_and(|b| b.verb.is_some());
    let as_verb = lemma.is_some_and(predicates);
    as_verb && words.iter().skip(1).any(|w| w.is("as")) || calls && words.len() >= 2
}

const PREDICATION_VERBS: &str = include_str!("../../../data/predication_verbs.txt");

crate::words::data_word_list!(
    /// Verbs that say what something is with "as": "dismissed the report as
    /// a smear", not "cited the war as justification" or "offered him a seat
    /// as a gift" (`data/predication_verbs.txt`).
    fn predicates,
    PREDICATION_VERBS
);

/// The shape of `content`, one of the reading's stretches, in sentence
/// `ws`; `lemma` is the cue verb's lemma when the cue is a verb.
pub(crate) fn shape(ws: &[Word<'_>], content: &Range<usize>, lemma: Option<&str>) -> Shape {
    shape_without(ws, content, lemma, None, false)
}

/// [`shape`], leaving out the words of `skip` and the commas around it:
/// the speaker and cue that interrupt a report ("The repairs, she said,
/// would take a week").
fn shape_without(
    ws: &[Word<'_>],
    content: &Range<usize>,
    lemma: Option<&str>,
    skip: Option<&Range<usize>>,
    keep_comma: bool,
) -> Shape {
    if content.is_empty() {
        return Shape::Empty;
    }
    let from = ws.partition_point(|w| w.r.start < content.start);
    let inside = |w: &Word<'_>| skip.is_some_and(|k| k.start <= w.r.start && w.r.end <= k.end);
    let mut words: Vec<&Word<'_>> = Vec::new();
    let in_content: Vec<&Word<'_>> = ws[from..]
        .iter()
        .take_while(|w| w.r.end <= content.end)
        .collect();
    // With `keep_comma`, the interruption's commas stand as one ("At the
    // same time, the centre has registered …"), so that what opens the
    // report still ends where it did; commas opening or closing the
    // stretch are no part of it.
    let mut comma_kept = false;
    for (i, w) in in_content.iter().enumerate() {
        let borders = w.is_comma()
            && (in_content.get(i + 1).is_some_and(|n| inside(n))
                || i > 0 && inside(in_content[i - 1]));
        if inside(w) || w.is_quote() && !w.quoted {
            continue;
        }
        if borders {
            if keep_comma && !comma_kept && !words.is_empty() {
                comma_kept = true;
                words.push(w);
            }
            continue;
        }
        if w.is_comma() && words.is_empty() {
            continue;
        }
        words.push(w);
    }
    while words.last().is_some_and(|w| w.is_comma()) {
        words.pop();
    }
    if ws[from..]
        .iter()
        .take_while(|w| w.r.end <= content.end)
        .any(|w| w.quoted || w.is_quote())
    {
        return Shape::Quotation;
    }
    let before = from.checked_sub(1).and_then(|i| ws.get(i));
    // After "that" a clause follows, unless "that" was a determiner:
    // "rejected that allegation on Tuesday".
    let verb_inside = (0..words.len()).any(|i| finite_at(&words, i) || could_be_verb(&words, i))
        || words.iter().any(|w| SUBJECT_PRONOUNS.contains(&w.lower));
    // "that some Republicans …", "that the …", "that Trump …": "that"
    // before another determiner, a name or a number opens a clause.
    let clause_opener = words
        .first()
        .is_some_and(|f| is_determiner(f) || f.capitalised() || f.kind == TokenKind::Number);
    let complementizer = before.is_some_and(|b| {
        b.is_colon()
            || b.is("whether")
            || b.is("if")
            || b.is("that") && (verb_inside || clause_opener)
    });
    if complementizer {
        return Shape::Complement;
    }
    let Some(first) = words.first() else {
        return Shape::Phrase;
    };
    if first.is("that") {
        return Shape::Complement;
    }
    if QUESTION_WORDS.contains(&first.lower) {
        return Shape::Question;
    }
    // "he", "she", "they", "we", "I" open a clause; "it" and "you" may be
    // objects ("contrasting it with …") and need a verb after them.
    let pronoun_first = SUBJECT_PRONOUNS.contains(&first.lower)
        && words.len() > 1
        && (!(first.is("it") || first.is("you")) || finite_at(&words, 1));
    if pronoun_first || subject_and_verb(&words) || pronoun_clause(&words) {
        return Shape::Clause;
    }
    if let Some(sh) = infinitive(&words) {
        return sh;
    }
    if reason(&words) {
        return Shape::Reason;
    }
    if predication(&words, lemma, before) {
        return Shape::Predication;
    }
    Shape::Phrase
}

/// Whether an infinitive reports something for a cue of this signal and
/// mode: a demand ("urged them to leave"), a wish or plan ("wants to
/// sell"), a belief ("expects to win"), a promise or threat ("vowed to
/// rebuild"), an agreement ("agreed to step down") does; "declined to
/// comment" does not.
fn infinitive_reports(signal: Signal, mode: Mode) -> bool {
    mode == Mode::Thought
        || matches!(
            signal,
            Signal::Demand
                | Signal::Intention
                | Signal::Belief
                | Signal::Emphatic
                | Signal::Support
        )
}

/// Words before a cue that make it a noun: "his call", "their
/// promises", "the comments". Quantifiers stay out: "some say …".
const NOUN_MAKERS: &[&str] = &[
    "the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "these", "those",
];

/// The cue at `i` follows a determiner or a possessive ("Trump's"), so it
/// is a noun whatever the lexicon says of its form.
fn after_possessor(ws: &[Word<'_>], i: usize) -> bool {
    let Some(prev) = i.checked_sub(1).and_then(|p| ws.get(p)) else {
        return false;
    };
    let possessive = prev.lower.ends_with("'s") && prev.lower.len() > 2 || prev.is("'s");
    ws[i].verb.is_some() && (NOUN_MAKERS.contains(&prev.lower) || possessive)
}

/// Modals that make a report hypothetical: "would testify", "can say".
const MODALS: &[&str] = &[
    "would", "could", "can", "cannot", "might", "may", "should", "must", "ca",
];

/// What nobody said: a cue under negation ("did not argue", "never
/// mentioned"), after a modal ("would testify", "we can say"), the
/// writer's aside ("it's worth noting", "as noted above") or with "no one"
/// as its subject.
/// Verbs whose impersonal passive still reports something said, by a
/// source the sentence leaves out ("it was reported that …").
const SAID_IN_PASSIVE: &[&str] = &[
    "say", "report", "announce", "claim", "allege", "state", "confirm", "tell",
];

/// "It was estimated that …", "it is widely believed that …": an
/// impersonal passive of a verb of thought or reckoning has nobody behind
/// it.
fn agentless(ws: &[Word<'_>], i: usize) -> bool {
    let lemma = ws.get(i).and_then(|w| w.verb).map(|v| v.lemma);
    if lemma.is_none_or(|l| SAID_IN_PASSIVE.contains(&l)) {
        return false;
    }
    let mut k = i;
    while k > 0 && is_auxiliary(&ws[k - 1]) && !crate::words::is_be_form(&ws[k - 1]) {
        k -= 1;
    }
    k >= 2 && crate::words::is_be_form(&ws[k - 1]) && ws[k - 2].is("it") && !ws[k - 2].quoted
}

/// "Note that …", "Consider how …": a bare verb opening its sentence with
/// no subject is the writer's instruction to the reader.
fn imperative(ws: &[Word<'_>], i: usize, r: &Reading) -> bool {
    let first_word = ws.iter().position(|w| w.is_word());
    let Some(w) = ws.get(i) else { return false };
    first_word == Some(i)
        && r.mention.is_none()
        && !w.quoted
        && w.verb.is_some_and(|v| v.lemma == w.lower)
}

fn unsaid(ws: &[Word<'_>], i: usize, r: &Reading) -> bool {
    let before = |k: usize| i.checked_sub(k).and_then(|p| ws.get(p));
    // Up to two words back, over auxiliaries and adverbs ("did not
    // explicitly say", "would later say" is a report in the past).
    for k in 1..=3 {
        let Some(w) = before(k) else { break };
        if w.is("not") || w.is("never") || w.lower.ends_with("n't") {
            return true;
        }
        if MODALS.contains(&w.lower) {
            // "would later say", "would go on to say": a past report.
            return !(k > 1 && before(k - 1).is_some_and(|a| a.is("later")));
        }
        if !(is_auxiliary(w) || w.is("to") || w.is("have") || w.is("be")) {
            break;
        }
    }
    if before(1).is_some_and(|w| w.is("worth")) {
        return true;
    }
    if agentless(ws, i) || imperative(ws, i, r) {
        return true;
    }
    let next = ws.get(i + 1);
    if before(1).is_some_and(|w| w.is("as"))
        && next.is_some_and(|n| {
            ["above", "below", "earlier", "before", "previously"].contains(&n.lower)
        })
    {
        return true;
    }
    r.mention.as_ref().is_some_and(|m| {
        let from = ws.partition_point(|w| w.r.start < m.range.start);
        let first = ws.get(from);
        first.is_some_and(|f| f.is("nobody") || f.is("none"))
            || first.is_some_and(|f| f.is("no")) && ws.get(from + 1).is_some_and(|n| n.is("one"))
    })
}

/// Whether an object and an infinitive report something: only after a
/// demand ("urged residents to leave", "told aides to find …"); after
/// other cues the infinitive belongs to the object ("proposed changes to
/// cut costs").
fn object_infinitive_reports(signal: Signal) -> bool {
    matches!(signal, Signal::Demand | Signal::Emphatic)
}

/// Whether reading `r` of sentence `ws` reports a proposition.
pub(crate) fn reports_a_proposition(ws: &[Word<'_>], r: &Reading) -> bool {
    let cue_at = ws.iter().position(|w| w.r.start == r.cue.start);
    let cue_end = ws.iter().rposition(|w| w.r.end <= r.cue.end);
    let cue_word = cue_at.and_then(|i| ws.get(i));
    // "according to X" frames a report whatever its shape; a headline's
    // "Name:" and a cue ending in "to" ("wants to", "vowed to") take what
    // follows as said or meant.
    let frame = cue_word.is_some_and(|w| w.is("according") || w.is_colon())
        && r.content.iter().all(|c| {
            // "But, according to a former official." frames no report.
            words_in(ws, c).filter(|w| w.is_word()).count() >= 3
        });
    // "wants to sell", not "support to the army".
    let to = cue_end.and_then(|i| ws.get(i)).is_some_and(|w| w.is("to"))
        && cue_end.and_then(|i| ws.get(i + 1)).is_some_and(|n| {
            n.is_word() && !n.capitalised() && !is_determiner(n) && n.kind != TokenKind::Number
        });
    if cue_at.is_some_and(|i| unsaid(ws, i, r)) {
        return false;
    }
    if frame || (to && infinitive_reports(r.signal, r.mode)) {
        return true;
    }
    let lemma = cue_word.and_then(|w| w.verb).map(|v| v.lemma);
    // A noun or an adjective as the cue ("her criticism of …", "the
    // belief that …", "adamant that …"): a verb after it belongs to the
    // sentence, not to what it reports, so only a complement, a question
    // or a quotation is its content.
    let of_after = cue_at
        .and_then(|i| ws.get(i + 1))
        .is_some_and(|n| n.is("of"));
    let nominal = cue_word.is_some_and(|w| {
        w.verb.is_none() && !w.finite && !w.lower.ends_with("ed") && !w.lower.ends_with("ing")
            // "Reports of …", "claims of …": a plural noun.
            || of_after && w.lower.ends_with('s')
    }) || cue_at.is_some_and(|i| after_possessor(ws, i));
    r.content.iter().all(|c| {
        // A report around its cue ("The museum, Mr. Obama said, would
        // …"): its parts before and after the cue together.
        let around = c.start < r.cue.start && r.cue.end < c.end;
        let interruption =
            r.mention
                .as_ref()
                .map_or(r.cue.start, |m| m.range.start.min(r.cue.start))..r.cue.end;
        // "In the end, Rosenthal said, union voters vote Democratic": after
        // the interruption, three words or more with one that can be a verb.
        if around && loose_clause(ws, &(r.cue.end..c.end)) {
            return true;
        }
        let shapes = if around {
            vec![
                shape(ws, &(c.start..r.cue.start), lemma),
                shape(ws, &(r.cue.end..c.end), lemma),
                shape_without(ws, c, lemma, Some(&interruption), false),
                shape_without(ws, c, lemma, Some(&interruption), true),
            ]
        } else {
            vec![shape(ws, c, lemma)]
        };
        // Only a bare verb: after "wrote to" or "talked about" comes the
        // preposition's object.
        let bare_verb = cue_at.is_some() && cue_at == cue_end;
        if !nominal && !around && bare_verb && clause_after_clause_verb(ws, c, lemma) {
            return true;
        }
        shapes.into_iter().any(|sh| {
            if nominal {
                matches!(
                    sh,
                    Shape::Empty | Shape::Quotation | Shape::Complement | Shape::Question
                ) || sh == Shape::Infinitive && infinitive_reports(r.signal, r.mode)
                    || sh == Shape::ObjectInfinitive && object_infinitive_reports(r.signal)
            } else {
                reports(sh, r, lemma)
            }
        })
    })
}

const OBJECT_VERBS: &str = include_str!("../../../data/object_verbs.txt");

crate::words::data_word_list!(
    /// Reporting verbs that take a noun phrase and never a bare clause
    /// (`data/object_verbs.txt`).
    fn takes_objects,
    OBJECT_VERBS
);

const CLAUSE_VERBS: &str = include_str!("../../../data/clause_verbs.txt");

crate::words::data_word_list!(
    /// Verbs whose object is nearly always a reported clause
    /// (`data/clause_verbs.txt`).
    fn takes_clauses,
    CLAUSE_VERBS
);

/// After a verb that takes clauses, three words or more that open no
/// phrase of time or place are its clause, whether or not a finite verb
/// is recognised in them ("said the job erases the barriers").
fn clause_after_clause_verb(ws: &[Word<'_>], content: &Range<usize>, lemma: Option<&str>) -> bool {
    if !lemma.is_some_and(takes_clauses) {
        return false;
    }
    // "adds a heavy dose of …": an indefinite noun phrase after the verb
    // is its object unless a verb follows (which the clause test sees).
    let indefinite = words_in(ws, content)
        .find(|w| w.is_word())
        .is_some_and(|f| f.is("a") || f.is("an"));
    !indefinite && loose_clause(ws, content)
}

/// Three words or more in `range`, one of which can be a verb, that open
/// with no phrase of time or place.
fn loose_clause(ws: &[Word<'_>], range: &Range<usize>) -> bool {
    let words: Vec<&Word<'_>> = words_in(ws, range).filter(|w| w.is_word()).collect();
    words.len() >= 3
        && !words
            .first()
            .is_some_and(|f| PHRASE_OPENERS.contains(&f.lower) || f.is("to"))
        && (0..words.len()).any(|i| could_be_verb(&words, i))
}

/// Whether `words[i]` may be the finite verb of a clause the lists do not
/// know ("the job erases the barriers"): a known finite form, or a
/// lower-case -s or -ed word outside quotes, neither after a determiner
/// nor hyphenated. "announced the switch in a New York Times op-ed" has
/// none, and is a noun phrase.
fn could_be_verb(words: &[&Word<'_>], i: usize) -> bool {
    let w = words[i];
    if w.quoted || !w.is_word() {
        return false;
    }
    if pronoun_contraction(w) {
        return true;
    }
    if w.capitalised()
        || i > 0 && crate::words::makes_a_noun(words[i - 1])
        || noun_after_possessive(words, i)
    {
        return false;
    }
    // An unknown -s word with nothing after it, or a preposition or a
    // conjunction, is a plural noun ("with Saudi officials and …").
    let next_ends_phrase = words.get(i + 1).is_none_or(|n| {
        !n.is_word()
            || PHRASE_OPENERS.contains(&n.lower)
            || ["of", "for", "and", "or"].contains(&n.lower)
    });
    let inflected = w.lower.len() > 3
        && !w.lower.contains('-')
        && (w.lower.ends_with('s') && !w.lower.ends_with("ss") && !next_ends_phrase
            || w.lower.ends_with("ed"));
    let auxiliary = crate::words::is_auxiliary(w) && !w.lower.ends_with("ly");
    // "the ferries run late", "some Republicans find him …": a plain
    // lower-case word after a plural noun or a name is a present tense.
    let after_plural = i > 0 && {
        let p = words[i - 1];
        let plural = p.lower.len() > 3
            && p.lower.ends_with('s')
            && !p.lower.ends_with("ss")
            && !p.lower.contains('\'')
            && !p.lower.contains('’');
        plural
            && !w.capitalised()
            && w.lower.len() > 2
            && !w.lower.ends_with("ly")
            && !w.lower.ends_with("ing")
            && !crate::words::is_phrase_stop(w)
            && !PHRASE_OPENERS.contains(&w.lower)
            && !is_determiner(w)
    };
    // The first word is a plural noun more often than a verb ("announced
    // plans …"); a known finite form or an auxiliary there follows a number
    // ("said 2016 has seen …").
    w.finite || auxiliary || after_plural || i > 0 && inflected
}

/// An -s or -ed word after a possessive name or noun is a noun or an
/// adjective, not a verb: "Kushner's visits", "the party's proposed
/// cuts". ("Trump's said" for "Trump has said" is rare in news copy.)
fn noun_after_possessive(words: &[&Word<'_>], i: usize) -> bool {
    let Some(p) = i.checked_sub(1).map(|k| words[k]) else {
        return false;
    };
    let possessive = (p.lower.ends_with("'s") || p.lower.ends_with("’s"))
        && !pronoun_contraction(p)
        && !["let's", "let’s"].contains(&p.lower);
    let w = &words[i].lower;
    possessive && w.len() > 3 && (w.ends_with('s') && !w.ends_with("ss") || w.ends_with("ed"))
}

/// A pronoun with its verb contracted onto it: "he'd", "they’re",
/// "it's", "that's", "there's" open a clause.
fn pronoun_contraction(w: &Word<'_>) -> bool {
    let lower = w.lower.replace('’', "'");
    let Some((stem, tail)) = lower.split_once('\'') else {
        return false;
    };
    ["s", "d", "re", "ve", "m", "ll"].contains(&tail)
        && (SUBJECT_PRONOUNS.contains(&stem) || ["that", "what", "who"].contains(&stem))
}

/// Whether content of this shape is a proposition for reading `r`.
fn reports(shape: Shape, r: &Reading, lemma: Option<&str>) -> bool {
    match shape {
        Shape::Empty
        | Shape::Quotation
        | Shape::Complement
        | Shape::Question
        | Shape::Predication
        | Shape::Reason => true,
        // "opposed the plan and the party knows …": a verb that takes a
        // noun phrase takes no bare clause; what looks like one is its
        // object and the sentence going on.
        Shape::Clause => !lemma.is_some_and(takes_objects),
        Shape::Infinitive => infinitive_reports(r.signal, r.mode),
        Shape::ObjectInfinitive => object_infinitive_reports(r.signal),
        Shape::Phrase => false,
    }
}

#[cfg(test)]
mod tests {
    use parallax_analysis::Analysed;

    use super::*;

    /// The shape of what follows the cue word `cue` to the sentence end.
    fn after(text: &str, cue: &str) -> Shape {
        let doc = Analysed::new(text, None);
        let zones: Vec<Range<usize>> = crate::zones::quoted_zones(text, &doc.seg)
            .into_iter()
            .map(|z| z.content)
            .collect();
        let ws = crate::words::words(&doc, 0..text.len(), &zones);
        let v = ws.iter().position(|w| w.is(cue)).unwrap();
        let lemma = ws[v].verb.map(|v| v.lemma);
        let mut from = v + 1;
        while ws[from].is("that") || ws[from].is_comma() {
            from += 1;
        }
        let end = ws.iter().rposition(|w| !w.ends_sentence()).unwrap();
        shape(&ws, &(ws[from].r.start..ws[end].r.end), lemma)
    }

    #[test]
    fn verb_lists_hold_one_lower_case_lemma_a_line() {
        for (file, data) in [
            ("clause_verbs.txt", CLAUSE_VERBS),
            ("object_verbs.txt", OBJECT_VERBS),
            ("predication_verbs.txt", PREDICATION_VERBS),
        ] {
            let mut n = 0;
            for (line, w) in parallax_analysis::data_lines(data) {
                let w = w.trim();
                assert!(
                    !w.is_empty() && w.chars().all(|c| c.is_ascii_lowercase()),
                    "data/{file}:{line}: {w:?} is not one lower-case lemma"
                );
                n += 1;
            }
            assert!(n >= 10, "data/{file} holds {n} lemmas");
        }
        assert!(takes_objects("oppose") && !takes_objects("say"));
        assert!(predicates("dismiss") && !predicates("cite"));
    }

    #[test]
    fn shapes_of_what_a_cue_reports() {
        use Shape::*;
        let cases = [
            (
                "Figueroa said Stein complied with the orders.",
                "said",
                Clause,
            ),
            (
                "The ministry denied that its jets flew over Sorn.",
                "denied",
                Complement,
            ),
            ("Rein asked whether the pier was safe.", "asked", Question),
            (
                "Rein explained how the gates failed.",
                "explained",
                Question,
            ),
            ("Rein said he would stay.", "said", Clause),
            (
                "The mayor urged residents to leave.",
                "urged",
                ObjectInfinitive,
            ),
            ("Rein wants to leave.", "wants", Infinitive),
            (
                "Four councillors proposed a bill to close the pier.",
                "proposed",
                Phrase,
            ),
            (
                "Rein tweeted support for the crews and criticized the board.",
                "tweeted",
                Phrase,
            ),
            (
                "Olmo offered Rein a seat with the harbour as its view.",
                "offered",
                Phrase,
            ),
            (
                "The goalkeeper denied the visitors a goal.",
                "denied",
                Phrase,
            ),
            ("The paper first reported the trade.", "reported", Phrase),
            (
                "The two women spoke for about five minutes.",
                "spoke",
                Phrase,
            ),
            (
                "Rein dismissed the report as a smear.",
                "dismissed",
                Predication,
            ),
            (
                "Ankara accused Russia of striking hospitals.",
                "accused",
                Reason,
            ),
            ("Rein called the closure a mistake.", "called", Predication),
            (
                "Reid kept pounding Trump as a “con artist” all week.",
                "pounding",
                Quotation,
            ),
            (
                "Rein praised the crews who rebuilt the pier.",
                "praised",
                Phrase,
            ),
            (
                "The audit notes Rein's visits with the contractors.",
                "notes",
                Phrase,
            ),
            (
                "Rein rejected the idea that the pier must close.",
                "rejected",
                Phrase,
            ),
        ];
        for (text, cue, want) in cases {
            assert_eq!(after(text, cue), want, "{text}");
        }
    }
}
