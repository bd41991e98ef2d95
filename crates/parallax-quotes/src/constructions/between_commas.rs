//! What stands between two commas before the verb: a name ("Its
//! spokesman, Emrik Saldane, called …"), or a description of the subject
//! before it ("X, a respected monitoring group based in London, said …",
//! "Sarandon, 69, told …", "X, which operates several clinics, said …").

use parallax_analysis::lexicon::lexicon;
use parallax_text::TokenKind;

use super::{CueSite, Read, Reading};
use crate::clause::{clause_before, clause_to_end, skip_adjuncts};
use crate::speaker::{
    appositive_role, is_party_tag, mention_left, split_role, Mention, MentionKind,
};
use crate::words::{is_determiner, Word};

/// The words between the comma before the subject position and the comma
/// before that: `(index of the first comma, the words between)`.
fn between<'s, 'w>(s: &CueSite<'s, 'w>) -> Option<(usize, &'s [Word<'w>])> {
    let ws = s.ws;
    if s.left == 0 || !ws[s.left - 1].is_comma() || ws[s.left - 1].quoted {
        return None;
    }
    let c0 = ws[..s.left - 1]
        .iter()
        .rposition(|x| x.is_comma() && !x.quoted)?;
    Some((c0, &ws[c0 + 1..s.left - 1]))
}

/// "Its spokesman, Emrik Saldane, called …": the short capitalised name
/// between the commas is the speaker; the description before it, the role.
pub(crate) fn name_between_commas(s: &CueSite<'_, '_>) -> Read {
    let Some((c0, inner)) = between(s) else {
        return Read::NotThis;
    };
    let named = !inner.is_empty()
        && inner.len() <= 4
        && inner.iter().all(|w| w.capitalised() || w.s == ".");
    let (Some(first), Some(last)) = (inner.first(), inner.last()) else {
        return Read::NotThis;
    };
    if !named {
        return Read::NotThis;
    }
    let (text, ws) = (s.text, s.ws);
    // "Rep. Erik Paulsen, R-Minn., told …": a party tag between the commas
    // qualifies the name before them, which is the speaker.
    let tag: String = inner.iter().map(|w| w.s).collect();
    if is_party_tag(&tag) {
        let Some(m) = mention_left(ws, c0, text) else {
            return Read::NotThis;
        };
        let after = skip_adjuncts(ws, s.v + 1, s.verb.lemma);
        return clause_to_end(text, ws, after)
            .map(|c| Reading::of_verb(s, Some(m), c))
            .into();
    }
    let role = mention_left(ws, c0, text).and_then(|m| match m.kind {
        MentionKind::Nominal { .. } => text.get(m.range.clone()).map(str::to_string),
        _ => None,
    });
    let (a, b) = (first.r.start, last.r.end);
    let role = role.map(|r| {
        r.trim_start_matches(|c: char| !c.is_alphabetic())
            .to_string()
    });
    // "Senator John Thune": a title inside the commas is a role too.
    let (name, role) = match split_role(inner, text) {
        MentionKind::Person {
            name,
            role: Some(title),
        } => (name, role.or(Some(title))),
        _ => (text.get(a..b).unwrap_or_default().to_string(), role),
    };
    let mention = Mention {
        range: a..b,
        kind: MentionKind::Person { name, role },
    };
    let after = skip_adjuncts(ws, s.v + 1, s.verb.lemma);
    let content = clause_to_end(text, ws, after).or_else(|| {
        clause_before(
            text,
            ws,
            ws[..c0]
                .iter()
                .rposition(|x| (x.is_comma() || x.is_quote()) && !x.quoted)
                .unwrap_or(0),
        )
    });
    content
        .map(|c| Reading::of_verb(s, Some(mention), c))
        .into()
}

/// Where the subject of the verb can stand, once a description between
/// commas is stepped over.
#[derive(Debug, Clone)]
pub(crate) struct SubjectWindow {
    /// Where the stretch holding the subject starts.
    pub(crate) start: usize,
    /// Where the subject ends (exclusive word index).
    pub(crate) end: usize,
    /// A role the description gives ("a Russian Air Force spokesman").
    pub(crate) appositive: Option<String>,
}

/// "X, a respected monitoring group based in London, said", "Sarandon, 69,
/// told", "Bill Frelick, refugee rights program director at Human Rights
/// Watch, said", "Marley Anderson, 21, a junior from Las Vegas, said": the
/// subject stands before the description, the age, or both.
pub(crate) fn subject_window(s: &CueSite<'_, '_>) -> SubjectWindow {
    let plain = SubjectWindow {
        start: s.clause_start,
        end: s.v,
        appositive: None,
    };
    let Some((c0, inner)) = between(s) else {
        return plain;
    };
    let (text, ws) = (s.text, s.ws);
    let relative = inner.first().is_some_and(|f| {
        [
            "which", "who", "whose", "whom", "based", "led", "run", "headed",
        ]
        .iter()
        .any(|r| f.is(r))
    });
    let apposed = inner.first().is_some_and(|f| {
        is_determiner(f) || lexicon().any_noun(f.lower).is_some() && !f.capitalised()
    });
    let aged = inner.len() == 1 && inner[0].kind == TokenKind::Number;
    let described = !inner.is_empty()
        && inner.len() <= 14
        && inner.iter().all(|w| !w.quoted && !w.ends_sentence())
        && mention_left(ws, c0, text).is_some_and(|m| {
            matches!(m.kind, MentionKind::Person { .. } | MentionKind::Surname(_))
        });
    if !(relative || apposed || aged || described) || inner.len() > 25 {
        return plain;
    }
    let appositive = if apposed {
        appositive_role(inner, text)
    } else {
        None
    };
    let mut end = c0;
    // An age or a second appositive may stand before this one.
    if c0 > 0 {
        if let Some(c1) = ws[..c0].iter().rposition(|x| x.is_comma() && !x.quoted) {
            let second = &ws[c1 + 1..c0];
            let age = second.len() == 1 && second[0].kind == TokenKind::Number;
            if age || second.first().is_some_and(is_determiner) && second.len() <= 12 {
                end = c1;
            }
        }
    }
    let start = ws[..end]
        .iter()
        .rposition(|x| (x.is_comma() || x.is_quote() || x.is_colon()) && !x.quoted)
        .map_or(0, |i| i + 1);
    SubjectWindow {
        start,
        end,
        appositive,
    }
}

#[cfg(test)]
mod tests {
    use crate::constructions::tests::readings;

    #[test]
    fn a_name_or_a_description_between_commas() {
        insta::assert_snapshot!(readings(
            "Its spokesman, Emrik Saldane, called the closure a mistake.\n\
             The Velm Observatory, a respected monitoring group based in Sorn, said the strikes hit a school.\n\
             Mara Lind, 61, told reporters that the nets were cut.\n\
             Marley Anderson, 21, a junior from Sorn, said she would vote."
        ));
    }
}
