//! A verb coordinated with an earlier one: "… rushed inside and said they
//! would register voters". It shares the sentence's subject.

use super::{CueSite, Read, Reading};
use crate::clause::{clause_to_end, skip_adjuncts};
use crate::speaker::mention_left;

/// "and said", "but added", "then told": no subject of its own before the
/// verb; the speaker is the sentence's.
pub(crate) fn coordinated(s: &CueSite<'_, '_>) -> Read {
    if !s.before_left_is(&["and", "but", "then"]) || mention_left(s.ws, s.v, s.text).is_some() {
        return Read::NotThis;
    }
    let after = skip_adjuncts(s.ws, s.v + 1, s.verb.lemma);
    let Some(content) = clause_to_end(s.text, s.ws, after) else {
        return Read::Nothing;
    };
    Read::Reads(Reading {
        inherits: true,
        ..Reading::of_verb(s, None, content)
    })
}

#[cfg(test)]
mod tests {
    use crate::constructions::tests::readings;

    #[test]
    fn a_coordinated_verb_shares_the_subject() {
        insta::assert_snapshot!(readings(
            "The crews rushed inside and said the gates had failed.\n\
             Rein praised the crews but later added that the pier stays shut."
        ));
    }
}
