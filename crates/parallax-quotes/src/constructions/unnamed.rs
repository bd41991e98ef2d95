//! A report with no subject before its verb: "Having announced that …,
//! Judge Berman proceeded", "… and then said that …". The report stands;
//! the speaker is the subject after an opening participle clause, or
//! unknown.

use super::{CueSite, Read, Reading};
use crate::clause::{clause_to_end, clause_until_comma, skip_adjuncts};
use crate::speaker::mention_right;

/// A verb followed by "that", a colon or a quotation, with words before
/// it in its stretch but no subject.
pub(crate) fn report_without_subject(s: &CueSite<'_, '_>) -> Read {
    let (text, ws, v) = (s.text, s.ws, s.v);
    let after = skip_adjuncts(ws, v + 1, s.verb.lemma);
    let reports = ws
        .get(after)
        .is_some_and(|x| x.is("that") || x.is_colon() || x.is_quote());
    if !reports || s.window().start == v {
        return Read::NotThis;
    }
    let Some(content) =
        clause_until_comma(text, ws, after).or_else(|| clause_to_end(text, ws, after))
    else {
        return Read::Nothing;
    };
    // "Having announced that …, Judge Berman proceeded": the subject after
    // the opening clause.
    let opener = ws[..v].iter().all(|x| !x.is_comma());
    let mention = if opener {
        ws[v..]
            .iter()
            .position(|x| x.is_comma() && !x.quoted)
            .and_then(|c| mention_right(ws, v + c + 1, text))
            .map(|(m, _)| m)
    } else {
        None
    };
    Read::Reads(Reading::of_verb(s, mention, content))
}

#[cfg(test)]
mod tests {
    use crate::constructions::tests::readings;

    #[test]
    fn a_report_with_no_subject_before_its_verb() {
        insta::assert_snapshot!(readings(
            "Having announced that the pier would close, Judge Ada Berman left the room.\n\
             The crews worked all night and then, tired, said that the gates were shut."
        ));
    }
}
