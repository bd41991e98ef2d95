//! Speakers linked to the document's entities: the entity annotator has
//! already joined "Pompeo" to "Mike Pompeo", "the Observatory" and "SOHR"
//! to "Syrian Observatory for Human Rights", and typed outlets and agencies
//! as organisations. A speaker mention that is one of an entity's mentions
//! takes that entity's fullest name and its type, where the speaker's own
//! resolution knew less.

use std::ops::Range;

use parallax_analysis::lexicon::Kind;
use parallax_entities::EntityFinding;

use crate::speaker::{MentionKind, Resolved};

/// The document's entities by the spans of their mentions.
pub(crate) struct Entities<'e> {
    /// (mention span, entity index), sorted by start.
    spans: Vec<(Range<usize>, usize)>,
    list: &'e [EntityFinding],
}

impl<'e> Entities<'e> {
    pub(crate) fn new(list: &'e [EntityFinding]) -> Entities<'e> {
        let mut spans: Vec<(Range<usize>, usize)> = list
            .iter()
            .enumerate()
            .flat_map(|(i, e)| e.mentions.iter().map(move |m| (m.start..m.end, i)))
            .collect();
        spans.sort_by_key(|(r, i)| (r.start, r.end, *i));
        Entities { spans, list }
    }

    /// The entity one of whose mentions holds the last word of `range` (a
    /// speaker mention's head: "Pompeo" in "Secretary of State Pompeo").
    fn at(&self, text: &str, range: &Range<usize>) -> Option<&'e EntityFinding> {
        let s = text.get(range.clone())?;
        let head_start = range.start + s.trim_end().rfind(' ').map_or(0, |i| i + 1);
        let head = head_start..range.end;
        let i = self.spans.partition_point(|(r, _)| r.end <= head.start);
        self.spans[i..]
            .iter()
            .take_while(|(r, _)| r.start < head.end)
            .find(|(r, _)| {
                r.start <= head.start && head.end <= r.end
                    || r.start < head.end && head.start < r.end
            })
            .and_then(|(_, e)| self.list.get(*e))
    }
}

fn kind_of(entity: &EntityFinding) -> Option<Kind> {
    match entity.kind.as_str() {
        "person" => Some(Kind::Person),
        "organisation" | "place" => Some(Kind::Organisation),
        "group" => Some(Kind::People),
        _ => None,
    }
}

/// Whether `short` is contained in `long` word by word ("Pompeo" in "Mike
/// Pompeo", "Observatory" in "Syrian Observatory for Human Rights").
fn words_within(short: &str, long: &str) -> bool {
    let long: Vec<String> = long.split_whitespace().map(str::to_lowercase).collect();
    let short: Vec<String> = short.split_whitespace().map(str::to_lowercase).collect();
    !short.is_empty()
        && short.len() < long.len()
        && long.windows(short.len()).any(|w| w == short.as_slice())
}

impl<'e> Entities<'e> {
    /// The person most recently described, before `at`, by a title or role
    /// holding `head` ("President" of "President Obama", for "the
    /// president").
    fn described_as(&self, head: &str, at: usize) -> Option<&'e EntityFinding> {
        self.list
            .iter()
            .filter(|e| e.kind == "person")
            .filter_map(|e| {
                e.descriptors
                    .iter()
                    .filter(|d| d.end <= at)
                    .filter(|d| {
                        d.text
                            .split(|c: char| !c.is_alphanumeric())
                            .any(|w| w.eq_ignore_ascii_case(head))
                    })
                    .map(|d| d.start)
                    .max()
                    .map(|start| (start, e))
            })
            .max_by_key(|(start, _)| *start)
            .map(|(_, e)| e)
    }
}

/// Give `res`, resolved from mention `kind` at `range`, the name and type
/// of the entity the mention belongs to, where that says more. Returns
/// whether anything changed.
pub(crate) fn link(
    res: &mut Resolved,
    kind: &MentionKind,
    range: &Range<usize>,
    text: &str,
    entities: &Entities<'_>,
) -> bool {
    if res.name.is_empty() || matches!(kind, MentionKind::Pronoun { .. }) {
        return false;
    }
    if let MentionKind::Nominal {
        head,
        written,
        definite: true,
        kind: Kind::Person,
        ..
    } = kind
    {
        // A description nobody quoted so far answers to: the person the
        // article gave that title.
        if res.name == *written {
            if let Some(e) = entities.described_as(head, range.start) {
                res.name = e.name.clone();
                res.kind = Kind::Person;
                return true;
            }
        }
    }
    let Some(entity) = entities.at(text, range) else {
        return false;
    };
    let Some(entity_kind) = kind_of(entity) else {
        return false;
    };
    let fuller = words_within(&res.name, &entity.name);
    // A lone capitalised word or a description the speaker resolution
    // could only take as written: the entity knows what it is.
    let unsure = matches!(
        kind,
        MentionKind::Surname(_) | MentionKind::Organisation(_) | MentionKind::Nominal { .. }
    ) && res.name != entity.name;
    // An entity that is only a piece of the speaker's name ("Afghanistan
    // Veterans of America" in "Iraq and Afghanistan Veterans of America")
    // knows less.
    let piece = words_within(&entity.name, &res.name);
    if piece || !(fuller || unsure && res.kind != Kind::Person) {
        return false;
    }
    // A description resolved to a person already quoted keeps that person.
    if matches!(kind, MentionKind::Nominal { .. }) && res.kind == Kind::Person && !fuller {
        return false;
    }
    res.name = entity.name.clone();
    res.kind = entity_kind;
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_matched_word_by_word() {
        assert!(words_within("Pompeo", "Mike Pompeo"));
        assert!(words_within(
            "Observatory",
            "Syrian Observatory for Human Rights"
        ));
        assert!(!words_within("Pomp", "Mike Pompeo"));
        assert!(!words_within("Mike Pompeo", "Mike Pompeo"));
    }
}
