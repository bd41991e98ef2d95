//! A relative pronoun as the subject: "Barkley, who said he votes
//! Democratic, …", "those who said …". The antecedent speaks.

use super::{CueSite, Read, Reading};
use crate::clause::{clause_to_end, clause_until_comma, skip_adjuncts};
use crate::speaker::mention_left;

/// "Barkley, who said …": the mention runs from the antecedent to the
/// pronoun, and the report ends at the next comma (the relative clause).
pub(crate) fn relative_subject(s: &CueSite<'_, '_>) -> Read {
    if !s.before_left_is(&["who", "which", "that"]) {
        return Read::NotThis;
    }
    let pronoun = &s.ws[s.left - 1];
    let mut end = s.left - 1;
    if end > 0 && s.ws[end - 1].is_comma() {
        end -= 1;
    }
    let Some(mut m) = mention_left(s.ws, end, s.text) else {
        return Read::NotThis;
    };
    // "Kentucky's secretary of state, who called …", "an architect of the
    // law, who said …": "who" is a person, and a thing after "of" is not
    // one; the phrase before "of" is the antecedent.
    if pronoun.is("who") {
        if let Some(head) = head_before_of(s, &m) {
            m = head;
        }
    }
    m.range.end = pronoun.r.end;
    let after = skip_adjuncts(s.ws, s.v + 1, s.verb.lemma);
    let Some(content) = clause_to_end(s.text, s.ws, after) else {
        return Read::Nothing;
    };
    let content = clause_until_comma(s.text, s.ws, after).unwrap_or(content);
    Read::Reads(Reading::of_verb(s, Some(m), content))
}

/// The mention before "of" when `m` follows "of" and its head names no
/// person or body: "secretary" in "secretary of state".
fn head_before_of(
    s: &CueSite<'_, '_>,
    m: &crate::speaker::Mention,
) -> Option<crate::speaker::Mention> {
    let from = s.ws.iter().position(|w| w.r.start == m.range.start)?;
    let last = s.ws[..s.ws.len()]
        .iter()
        .rposition(|w| w.r.end <= m.range.end)?;
    let head = &s.ws[last];
    let person = head.capitalised()
        || parallax_analysis::lexicon::lexicon()
            .any_noun(head.lower)
            .is_some_and(|n| n.kind != parallax_analysis::lexicon::Kind::Organisation);
    if person || from == 0 || !s.ws[from - 1].is("of") {
        return None;
    }
    let before = mention_left(s.ws, from - 1, s.text)?;
    Some(crate::speaker::Mention {
        range: before.range.start..m.range.end,
        kind: before.kind,
    })
}

#[cfg(test)]
mod tests {
    use crate::constructions::tests::readings;

    #[test]
    fn the_antecedent_of_the_pronoun_speaks() {
        insta::assert_snapshot!(readings(
            "Ada Rein, who said the pier was unsafe, left the board.\n\
             Fishermen who say the nets were cut want an inquiry."
        ));
    }
}
