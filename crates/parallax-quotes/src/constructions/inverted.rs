//! An inverted cue after its report: "…, said Igor Klimov, a Russian Air
//! Force spokesman.", "“…,” said Mattie Thomas, 66, a retired fast-food
//! worker.", "…, says the ministry."

use super::{CueSite, Read, Reading};
use crate::clause::{clause_before, skip_adjuncts};
use crate::speaker::{appositive_role, mention_right};
use crate::words::Word;

/// Words that may follow the speaker of an inverted cue after a comma: a
/// participle, or a time or place phrase ("…, said Caddell, speaking of
/// …").
fn trailing(x: &Word<'_>) -> bool {
    x.is_word()
        && (x.lower.ends_with("ing")
            || [
                "in",
                "on",
                "at",
                "during",
                "after",
                "before",
                "who",
                "which",
                "as",
                "when",
                "while",
                "according",
                "referring",
                "citing",
                "adding",
            ]
            .contains(&x.lower))
}

/// "said a former spokesman for the government", "said a professor at
/// Velm University": a phrase after the description that ends the
/// sentence or meets a comma, with no verb in it, belongs to the speaker.
/// Returns the index after it.
fn description_tail(ws: &[Word<'_>], after: usize) -> Option<usize> {
    let first = ws.get(after)?;
    if !["for", "of", "at", "with", "from", "in"].contains(&first.lower) {
        return None;
    }
    let end = (after + 1..ws.len().min(after + 12))
        .find(|&k| ws[k].is_comma() || ws[k].ends_sentence())
        .unwrap_or(ws.len());
    let plain = end > after + 1
        && ws[after + 1..end]
            .iter()
            .all(|w| w.is_word() && !w.quoted && !w.finite && w.verb.is_none());
    plain.then_some(end)
}

/// The verb opens its stretch right after the report, and the speaker
/// follows it. Right after a closing quote mark the cue is inverted
/// whatever follows the name ("''…,'' said Douglas Holtz-Eakin, an
/// economist who served as …"); elsewhere only a description, a comma and
/// a trailing phrase, or the sentence's end may follow.
pub(crate) fn inverted(s: &CueSite<'_, '_>) -> Read {
    let (text, ws, v) = (s.text, s.ws, s.v);
    if s.window().start != v || v == 0 {
        return Read::NotThis;
    }
    let Some((m, after)) = mention_right(ws, v + 1, text) else {
        return Read::Nothing;
    };
    let mut appositive = None;
    let mut end_of_clause = description_tail(ws, after).unwrap_or(after);
    if ws.get(end_of_clause).is_some_and(Word::is_comma) {
        let after = end_of_clause;
        let segment_end = |from: usize| {
            ws[from..]
                .iter()
                .position(|x| x.is_comma() || x.ends_sentence())
                .map_or(ws.len(), |i| from + i)
        };
        let mut from = after + 1;
        let mut end = segment_end(from);
        // "said Mattie Thomas, 66, a retired fast-food worker": an age
        // may stand before the description.
        let age = end == from + 1
            && ws[from].kind == parallax_text::TokenKind::Number
            && ws.get(end).is_some_and(Word::is_comma);
        if age {
            end_of_clause = end;
            from = end + 1;
            end = segment_end(from);
        }
        appositive = appositive_role(ws.get(from..end).unwrap_or(&[]), text);
        if appositive.is_some() {
            end_of_clause = end;
        }
    }
    let rest = skip_adjuncts(ws, end_of_clause, s.verb.lemma);
    let after_quote = ws.get(v - 1).is_some_and(Word::is_quote)
        || ws.get(v - 1).is_some_and(Word::is_comma)
            && v.checked_sub(2)
                .and_then(|i| ws.get(i))
                .is_some_and(Word::is_quote);
    let closes = ws.get(rest).is_none_or(|x| {
        x.ends_sentence()
            || x.is_comma()
                && ws
                    .get(rest + 1)
                    .is_none_or(|n| n.ends_sentence() || trailing(n))
    });
    if appositive.is_none() && !after_quote && !closes {
        return Read::Nothing;
    }
    let Some(content) = clause_before(text, ws, v) else {
        return Read::Nothing;
    };
    Read::Reads(Reading {
        appositive,
        ..Reading::of_verb(s, Some(m), content)
    })
}

#[cfg(test)]
mod tests {
    use crate::constructions::tests::readings;

    #[test]
    fn inverted_cues_after_the_report() {
        insta::assert_snapshot!(readings(
            "The strikes hit only depots, said Igor Varko, a harbour ministry spokesman.\n\
             \"Nobody warned us,\" said Olek Brand, 44, a trawler captain.\n\
             ''We trusted the board,'' said Ivo Dern, an engineer who served on it for years.\n\
             The gates stay shut, says the ministry.\n\
             The pier is old, said Rein to nobody in particular about the storm."
        ));
    }
}
