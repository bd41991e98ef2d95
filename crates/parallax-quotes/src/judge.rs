//! The cue model's part: every reading of a sentence (the rules' readings
//! and the general readings around candidate words), each in the terms the
//! model scores, and which readings stay once scored.

use std::ops::Range;

use parallax_analysis::Analysed;

use crate::constructions::headline::is_title_case;
use crate::constructions::learned::read_learned_cue;
use crate::constructions::{read_cue, Reading};
use crate::cue_model;
use crate::proposition::reports_a_proposition;
use crate::speaker::MentionKind;
use crate::words::{words, Word};
use crate::zones::quoted_zones;

/// Call `f` with the words of each sentence (quoted ones marked) and
/// whether the sentence is a title-case headline, as [`find_quotes`] sees them.
pub(crate) fn for_each_sentence_words(doc: &Analysed<'_>, f: &mut dyn FnMut(&[Word<'_>], bool)) {
    let zones = quoted_zones(doc.text, &doc.seg);
    let ranges: Vec<Range<usize>> = zones.iter().map(|z| z.content.clone()).collect();
    for s in &doc.seg.sentences {
        let ws = words(doc, s.range.clone(), &ranges);
        f(&ws, is_title_case(&ws));
    }
}

/// `s` in lower case, copied only when it has capitals.
pub(crate) fn lower_cow(s: &str) -> std::borrow::Cow<'_, str> {
    if s.chars().any(char::is_uppercase) {
        std::borrow::Cow::Owned(s.to_lowercase())
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

/// The reading `r` at word `v` in the cue model's terms.
pub(crate) fn view_of<'a>(
    ws: &[Word<'_>],
    r: &Reading,
    cue: &'a str,
    others: &[(Reading, usize, bool)],
    sentence_quoted: bool,
) -> cue_model::ReadingView<'a> {
    let nested = others.iter().any(|(o, _, _)| {
        !std::ptr::eq(o, r)
            && o.cue != r.cue
            && o.content
                .iter()
                .any(|c| c.start <= r.cue.start && r.cue.end <= c.end)
    });
    let holds = others.iter().any(|(o, _, _)| {
        !std::ptr::eq(o, r)
            && o.cue != r.cue
            && r.content
                .iter()
                .any(|c| c.start <= o.cue.start && o.cue.end <= c.end)
    });
    let content = r.content.first().cloned().unwrap_or(r.cue.end..r.cue.end);
    let direction = if content.start >= r.cue.end {
        "after"
    } else if content.end <= r.cue.start {
        "before"
    } else {
        "around"
    };
    let mention = match r.mention.as_ref().map(|m| &m.kind) {
        None => "none",
        Some(MentionKind::Person { .. }) => "person",
        Some(MentionKind::Surname(_)) => "surname",
        Some(MentionKind::Organisation(_)) => "org",
        Some(MentionKind::Pronoun { .. }) => "pronoun",
        Some(MentionKind::Nominal { .. }) => "nominal",
    };
    // Words are in text order: the content's words are one run.
    let from = ws.partition_point(|w| w.r.start < content.start);
    let (mut words, mut quoted) = (0usize, 0usize);
    for w in ws[from..]
        .iter()
        .take_while(|w| w.r.end <= content.end)
        .filter(|w| w.is_word())
    {
        words += 1;
        quoted += usize::from(w.quoted);
    }
    let first = ws.get(from).filter(|w| w.r.start < content.end);
    cue_model::ReadingView {
        cue,
        direction,
        mention,
        inherits: r.inherits,
        words,
        first: cue_model::shape(first),
        quoted_tenths: (quoted * 10).checked_div(words).unwrap_or(0),
        signal: r.signal.as_str(),
        nested,
        holds,
        sentence_quoted,
    }
}

/// Adverbs that may stand between a subject, a conjunction or a be-form
/// and the cue ("and later said", "but again refused", "was first
/// reported").
pub(crate) fn is_cue_adverb(w: &Word<'_>) -> bool {
    w.is_word()
        && (cue_model::is_cue_adverb_word(w.lower) || matches!(w.lower, "also" | "still" | "even"))
}

/// Whether the cue at word `v` shares the subject of an earlier verb:
/// "and said", "but later added", ", saying".
pub(crate) fn is_coordinated(ws: &[Word<'_>], v: usize) -> bool {
    let mut i = v;
    while i > 0 && ws.get(i - 1).is_some_and(is_cue_adverb) {
        i -= 1;
    }
    let Some(before) = i.checked_sub(1).and_then(|b| ws.get(b)) else {
        return false;
    };
    let participle = ws.get(v).is_some_and(|w| w.lower.ends_with("ing"));
    before.is("and") || before.is("but") || before.is_comma() && participle
}

/// Which readings are kept: those scoring at their threshold or above,
/// less one whose cue stands inside what another kept reading reports ("she
/// claimed he had a source who told him …"): the outer reading already
/// covers those words. A learned reading goes; a rule's reading goes unless
/// it scores `nested_margin` above its threshold. A cue coordinated with the
/// outer one ("… and said …") starts a report of its own and stays.
pub(crate) fn nested_readings_dropped(
    ws: &[Word<'_>],
    all: &[(Reading, usize, bool)],
    margins: &[f32],
    nested_margin: f32,
) -> Vec<bool> {
    all.iter()
        .zip(margins)
        .map(|((r, v, rule), &margin)| {
            if margin < 0.0 {
                return false;
            }
            if *rule && margin >= nested_margin || is_coordinated(ws, *v) {
                return true;
            }
            let inside_kept = all.iter().zip(margins).any(|((o, _, _), &m)| {
                m >= 0.0
                    && o.cue != r.cue
                    && o.content
                        .iter()
                        .any(|c| c.start <= r.cue.start && r.cue.end <= c.end)
            });
            !inside_kept
        })
        .collect()
}

/// Words that never open a speaker: a preposition, a subordinator or a
/// complementizer means the reading took a piece of a clause ("of Trump's
/// campaign", "Unless", "that US officials").
const NOT_SPEAKER_OPENERS: &[&str] = &[
    "of", "unless", "which", "what", "that", "if", "whether", "because", "although", "though",
    "while", "to", "for", "with", "by",
];

/// Contractions that make a mention a clause: "it's also …", "they've".
fn contraction(w: &Word<'_>) -> bool {
    ["'s", "'ve", "'re", "'ll", "'d", "n't"]
        .iter()
        .any(|c| w.lower.ends_with(c) && w.lower.len() > c.len())
        && [
            "it", "what", "that", "there", "they", "we", "you", "i", "he", "she", "who",
        ]
        .iter()
        .any(|p| w.lower.starts_with(p) && !w.capitalised() || w.lower.ends_with("n't"))
}

/// The reading's speaker is a piece of a clause, not a noun phrase: it
/// holds an auxiliary ("Pro-gun advocates have been"), a contraction
/// ("it's also pathetic to"), opens with a gerund ("knocking on the door
/// to") or a word that opens clauses. Such a reading misread the sentence.
/// A reading without a mention of its own is judged on the speaker the
/// fallback would give it ("Pro-gun advocates have been arguing …").
pub(crate) fn speaker_is_fragment(ws: &[Word<'_>], text: &str, r: &Reading) -> bool {
    match &r.mention {
        Some(m) => mention_is_fragment(ws, &m.range),
        None => crate::fallback::fallback_mention(ws, text, r)
            .is_some_and(|m| mention_is_fragment(ws, &m.range)),
    }
}

fn mention_is_fragment(ws: &[Word<'_>], range: &std::ops::Range<usize>) -> bool {
    let words: Vec<&Word<'_>> = crate::words::words_in(ws, range)
        .filter(|w| w.is_word())
        .collect();
    let Some(first) = words.first() else {
        return false;
    };
    let gerund = !first.capitalised() && first.lower.ends_with("ing") && first.lower.len() > 4;
    let aux = |w: &&&Word<'_>| {
        [
            "has", "have", "had", "was", "were", "is", "are", "been", "being", "will", "would",
        ]
        .contains(&w.lower)
    };
    // "Obama got into trouble for": a lower-case finite verb inside.
    let finite = |w: &&&Word<'_>| w.finite && !w.capitalised();
    // "First, you say something that …", "By signing up, you agree to
    // …": outside a quotation "you" is the reader, whom nobody quotes.
    let reader = first.is("you") && !first.quoted;
    gerund
        || reader
        || NOT_SPEAKER_OPENERS.contains(&first.lower)
        || words.iter().skip(1).any(|w| aux(&w) || finite(&w))
        || words.iter().any(|w| contraction(w))
}

/// Every reading of a sentence the cue model judges, with its word index and
/// whether the rules read it: the rules' own readings first, then, for the
/// words `is_candidate` accepts that no rule cue covers, the general one.
pub(crate) fn sentence_readings(
    text: &str,
    ws: &[Word<'_>],
    headline: bool,
    is_candidate: &dyn Fn(&[Word<'_>], usize) -> bool,
) -> Vec<(Reading, usize, bool)> {
    // Only readings that report a proposition are attributions.
    let mut out: Vec<(Reading, usize, bool)> = (0..ws.len())
        .filter_map(|v| read_cue(text, ws, v, headline).map(|r| (r, v, true)))
        .filter(|(r, _, _)| reports_a_proposition(ws, r) && !speaker_is_fragment(ws, text, r))
        .collect();
    for v in 0..ws.len() {
        let w = &ws[v];
        // A capital inside a sentence marks a name ("The Huffington Post"),
        // except in a headline, where verbs are capitalised too.
        let name_like = !headline && w.capitalised() && ws[..v].iter().any(Word::is_word);
        if w.quoted || !w.is_word() || name_like || !is_candidate(ws, v) {
            continue;
        }
        let start = w.r.start;
        if out
            .iter()
            .any(|(r, _, _)| r.cue.start <= start && start < r.cue.end)
        {
            continue;
        }
        if let Some(r) = read_learned_cue(text, ws, v)
            .filter(|r| reports_a_proposition(ws, r) && !speaker_is_fragment(ws, text, r))
        {
            out.push((r, v, false));
        }
    }
    // Back in text order, the rules' reading first at a shared word.
    out.sort_by_key(|(r, v, rule)| (*v, !*rule, r.cue.start));
    out
}

/// What [`for_each_candidate_reading`] calls: the sentence's words, the cue's
/// word index, whether the rules read it, the reading and its view.
pub(crate) type ReadingVisitor<'f> =
    dyn FnMut(&[Word<'_>], usize, bool, &Reading, &cue_model::ReadingView<'_>) + 'f;

/// Call `f` with every reading the finder would judge (see
/// [`cue_model::cue_examples`]).
pub(crate) fn for_each_candidate_reading(
    doc: &Analysed<'_>,
    is_candidate: &dyn Fn(&str) -> bool,
    f: &mut ReadingVisitor<'_>,
) {
    let text = doc.text;
    for_each_sentence_words(doc, &mut |ws, headline| {
        let all = sentence_readings(text, ws, headline, &|ws, v| is_candidate(ws[v].lower));
        let sentence_quoted = ws.iter().any(|w| w.quoted);
        for (r, v, rule) in &all {
            let cue = text.get(r.cue.clone()).unwrap_or_default().to_lowercase();
            let view = view_of(ws, r, &cue, &all, sentence_quoted);
            f(ws, *v, *rule, r, &view);
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentence<'a>(doc: &'a Analysed<'_>) -> Vec<Word<'a>> {
        crate::words::words(doc, 0..doc.text.len(), &[])
    }

    #[test]
    fn a_capitalised_word_inside_a_sentence_is_a_name_not_a_learned_cue() {
        // Every word a candidate: only the capital tells "touted" from
        // "Touted".
        let cue_words = |text: &str, headline: bool| -> Vec<String> {
            let doc = Analysed::new(text, None);
            let ws = sentence(&doc);
            sentence_readings(text, &ws, headline, &|_, _| true)
                .iter()
                .filter(|(_, _, rule)| !rule)
                .map(|(r, _, _)| text[r.cue.clone()].to_string())
                .collect()
        };
        let lower = cue_words("Rein later touted that the pier was closed.", false);
        assert!(lower.iter().any(|c| c.starts_with("touted")), "{lower:?}");
        let name = cue_words("Rein wrote in Velm Touted that the pier was closed.", false);
        assert!(!name.iter().any(|c| c.starts_with("Touted")), "{name:?}");
        // In a headline verbs are capitalised too.
        let headline = cue_words("Rein Says Velm Post Touted That The Plan Failed", true);
        assert!(
            headline.iter().any(|c| c.starts_with("Touted")),
            "{headline:?}"
        );
    }

    #[test]
    fn coordinated_cues_share_the_subject_before_them() {
        let text = "Rein praised the crews and later said the gates, adding nothing, were shut.";
        let doc = Analysed::new(text, None);
        let ws = sentence(&doc);
        let at = |w: &str| ws.iter().position(|x| x.is(w)).unwrap();
        assert!(is_coordinated(&ws, at("said")));
        assert!(is_coordinated(&ws, at("adding")));
        assert!(!is_coordinated(&ws, at("praised")));
    }
}
