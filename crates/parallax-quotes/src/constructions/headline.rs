//! Headlines: a sentence in title case, where verbs are capitalised too,
//! and "Graham: Trump's Rhetoric Is Destroying the Party", a name, a colon
//! and what they said (also a transcript's "PENCE: Well, look, …").

use parallax_analysis::lexicon::{Mode, Signal};

use super::Reading;
use crate::clause::clause_to_end;
use crate::speaker::{mention_right, Mention, MentionKind};
use crate::words::{self, Word};

/// A sentence in title case ("Senator Calls Report A Disgrace"): a headline,
/// where verbs are capitalised too.
pub(crate) fn is_title_case(ws: &[Word<'_>]) -> bool {
    // Every small word has at most four letters: longer words skip the list.
    let small = |w: &Word<'_>| {
        w.lower.len() <= 4
            && [
                "a", "an", "the", "of", "in", "on", "at", "and", "or", "for", "to", "with", "by",
                "as", "but",
            ]
            .contains(&w.lower)
    };
    let (mut words, mut capitalised, mut open) = (0usize, 0usize, 0usize);
    for w in ws.iter().filter(|w| w.is_word() && !w.quoted) {
        words += 1;
        capitalised += usize::from(w.capitalised());
        open += usize::from(!small(w));
    }
    words >= 4 && capitalised * 10 >= open * 9
}

crate::words::data_word_list!(
    /// Words that make "Word: …" a label or page furniture, not a speaker
    /// (`data/colon_labels.txt`).
    fn is_colon_label,
    include_str!("../../../../data/colon_labels.txt")
);

/// "Graham: Trump's Rhetoric Is Destroying the Party": a headline that gives
/// a name, a colon and what they said.
pub(crate) fn headline_colon(text: &str, ws: &[Word<'_>]) -> Option<Reading> {
    let colon = ws.iter().take(7).position(|w| w.is_colon())?;
    let mut lead = ws.iter().take_while(|w| w.is_quote()).count();
    // "From Matt: “…”", as digests introduce what they quote.
    if ws.get(lead).is_some_and(|w| w.is("from")) && lead + 1 < colon {
        lead += 1;
    }
    let name = ws.get(lead..colon).filter(|n| !n.is_empty())?;
    // A transcript quoted paragraph by paragraph puts the speaker inside
    // the marks: "\"PENCE: Well, look, …". Only a name in capitals is
    // read there.
    let capitals = |w: &Word<'_>| w.is_word() && w.s.chars().all(|c| !c.is_lowercase());
    let in_marks = name.iter().all(|w| w.quoted && capitals(w));
    let plain = in_marks
        || name.iter().all(|w| {
            w.capitalised()
                && !w.quoted
                && !words::is_capitalised_non_name(w)
                && !words::is_calendar(w)
                || words::is_joiner(w)
        });
    // "Update:" is a label; "WALLACE:" in a transcript is a speaker.
    let label = name.iter().any(|w| is_colon_label(w.lower));
    if !plain || label || ws.get(colon + 1).is_none_or(|w| w.ends_sentence()) {
        return None;
    }
    let m = match name {
        // A transcript's speaker in capitals stands for a surname.
        [w] if w.s.chars().all(|c| !c.is_lowercase()) => Mention {
            range: w.r.clone(),
            kind: MentionKind::Surname(w.s.to_string()),
        },
        _ => mention_right(ws, lead, text)?.0,
    };
    let content = clause_to_end(text, ws, colon + 1)?;
    Some(Reading {
        mention: Some(m),
        appositive: None,
        content: vec![content],
        cue: ws.get(colon)?.r.clone(),
        signal: Signal::Neutral,
        mode: Mode::Speech,
        inherits: false,
        learned: false,
        margin: None,
    })
}

#[cfg(test)]
mod tests {
    use parallax_analysis::Analysed;

    use super::*;
    use crate::constructions::tests::show;

    fn colon(text: &str) -> String {
        let doc = Analysed::new(text, None);
        let ws = crate::words::words(&doc, 0..text.len(), &[]);
        headline_colon(text, &ws).map_or("-\n".to_string(), |r| show(text, &r))
    }

    #[test]
    fn a_name_a_colon_and_what_they_said() {
        insta::assert_snapshot!([
            colon("Rein: The Pier Will Open In May"),
            colon("Update: The Pier Will Open In May"),
            colon("WALLACE: Will the pier open?"),
        ]
        .join(""));
        let doc = Analysed::new("Harbour Board Says Pier Will Open In May", None);
        let ws = crate::words::words(&doc, 0..doc.text.len(), &[]);
        assert!(is_title_case(&ws));
        let doc = Analysed::new("The harbour board says the pier will open in May", None);
        let ws = crate::words::words(&doc, 0..doc.text.len(), &[]);
        assert!(!is_title_case(&ws));
    }
}
