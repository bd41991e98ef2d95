//! A participle that continues a report: "…, adding that the pier would
//! open", "… before saying that …". It inherits the sentence's speaker.

use parallax_analysis::lexicon::VerbForm;

use super::{CueSite, Read, Reading};
use crate::clause::{clause_to_end, skip_adjuncts};

/// ", adding that …", "while saying …", "and noting …": a gerund after a
/// comma or a conjunction reports the clause after it.
pub(crate) fn participle(s: &CueSite<'_, '_>) -> Read {
    if s.verb.form != VerbForm::Gerund {
        return Read::NotThis;
    }
    let opens = s.prev().is_some_and(|p| {
        p.is_comma() || p.is("while") || p.is("before") || p.is("after") || p.is("and")
    });
    if !opens {
        return Read::Nothing;
    }
    let Some(content) = clause_to_end(s.text, s.ws, skip_adjuncts(s.ws, s.v + 1, s.verb.lemma))
    else {
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
    fn participles_continue_the_report() {
        insta::assert_snapshot!(readings(
            "Rein said the pier was shut, adding that it would open in May.\n\
             The mayor spoke for an hour while saying little about the gates.\n\
             Saying nothing, the mayor left."
        ));
    }
}
