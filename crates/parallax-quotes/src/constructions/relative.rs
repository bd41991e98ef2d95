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
    m.range.end = pronoun.r.end;
    let after = skip_adjuncts(s.ws, s.v + 1, s.verb.lemma);
    let Some(content) = clause_to_end(s.text, s.ws, after) else {
        return Read::Nothing;
    };
    let content = clause_until_comma(s.text, s.ws, after).unwrap_or(content);
    Read::Reads(Reading::of_verb(s, Some(m), content))
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
