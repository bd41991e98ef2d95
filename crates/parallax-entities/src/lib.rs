//! Entities of one document, the names and descriptions it uses for each,
//! and how it characterises them.
//!
//! One pass over the sentences ([`scan`]) finds:
//!
//! - **Names**: runs of capitalised words, joined across name particles
//!   ("Omar al-Rashid", "Dayr al-Kamil") and, inside the names of bodies,
//!   across "of", "for", "on", "in" and "and" ("Ostrenian Observatory for
//!   Civic Freedoms", "Council for Civic Rights in Ostrenia"). A capital that
//!   only opens a sentence, a quotation or a colon's clause is a name only
//!   when the word is known, is capitalised elsewhere in the document, is a
//!   title, or is followed by more of the name and never written in lower
//!   case in the document. In a headline written in title case only
//!   acronyms, known names and names seen elsewhere count; in a line of
//!   capitals only the last two.
//! - **Titles**: a name that ends a run of title words is split from them:
//!   "Harbour Ministry spokesman Major General Ilya Varko" is the person
//!   "Ilya Varko" with one `role` descriptor holding the whole title, rank
//!   included; organisations and places named inside a title ("US" in "US
//!   Secretary of State") are mentions too.
//! - **Types**: from the gazetteers and alias groups, then from the head
//!   word (Ministry, Observatory, Front, Province, Times, Daily …), then
//!   from titles and appositive roles (persons), then from the shape: an
//!   acronym is an organisation, two or three plain words a person. News
//!   outlets and agencies (`data/gazetteer_outlets.tsv`, "The Hill" only
//!   after a capital "The") are organisations, as is a name followed by
//!   "magazine" or "newspaper"; a single listed word that is the surname
//!   of a person the document names in full ("Bloomberg" after "Michael
//!   Bloomberg") stays that person's.
//! - **Aliases**: acronyms defined in parentheses, surnames, definite
//!   descriptions ("the Observatory", "the Russian ministry", "the source"),
//!   names that differ by a leading demonym or place ("Defense Ministry" and
//!   "Russian Defense Ministry"), and the groups of `data/alias_groups.tsv`.
//! - **Descriptors**: appositives, relative clauses (running over further
//!   verb phrases when the antecedent is not the subject), labels after a
//!   name ("Fajr Front militants"), words before it ("so-called"), and
//!   indefinite descriptions ("an obscure monitoring group") that the next
//!   two sentences resolve to an organisation named there for the first
//!   time.
//!
//! Before the pass, picture credits left in kept lines ("Photo: Jane
//! Doe/Reuters", "(AP Photo/John Smith)", "… Getty Images" ending a line)
//! are found by their shape ([`credit`]) and read as one full stop, so no
//! name or description comes from them or runs across them.
//!
//! [`link`] then groups the mentions into entities. Demonyms are never
//! entities by themselves. Everything runs in time linear in the text,
//! apart from look-backs capped at a few hundred mentions.

mod credit;
mod lexicon;
mod link;
mod scan;

use parallax_analysis::Analysed;

pub use lexicon::Polarity;

/// What an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    Person,
    Organisation,
    Place,
    Group,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Person => "person",
            Kind::Organisation => "organisation",
            Kind::Place => "place",
            Kind::Group => "group",
        }
    }
}

/// One span of the text that refers to an entity (byte offsets).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EntityMention {
    pub start: usize,
    pub end: usize,
}

/// Words of the text that characterise an entity, with a polarity hint:
/// "crediting", "discrediting", "neutral", "role" or "label".
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Descriptor {
    pub text: String,
    pub polarity: String,
    pub start: usize,
    pub end: usize,
}

/// One entity of a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityFinding {
    /// The fullest name the document uses.
    pub name: String,
    /// "person", "organisation", "place" or "group".
    pub kind: String,
    /// Every other form the document uses, in order of first use.
    pub aliases: Vec<String>,
    /// Every span that refers to it, sorted.
    pub mentions: Vec<EntityMention>,
    /// How the document characterises it, sorted by position.
    pub descriptors: Vec<Descriptor>,
}

/// Whether `word` is a demonym ("Russian", "Syrians"), which names a place
/// without being a body itself.
pub fn is_demonym(word: &str) -> bool {
    lexicon::lexicon().demonym(word).is_some()
}

/// The place a demonym names: "Russian" and "Russians" → "Russia".
pub fn demonym_place(word: &str) -> Option<&'static str> {
    lexicon::lexicon().demonym(word)
}

/// The country a capital stands for: "Moscow" → "Russia", "Ankara" →
/// "Turkey" (`data/gazetteer_places.tsv`).
pub fn capital_country(name: &str) -> Option<&'static str> {
    lexicon::lexicon().capital_country(name)
}

/// The entities of a document, in order of first mention. Ranges that do
/// not fit the text are skipped, so no input makes this panic.
pub fn find_entities(doc: &Analysed<'_>) -> Vec<EntityFinding> {
    let found = scan::scan(doc.text, &doc.seg);
    link::link(doc.text, found)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<(String, String)> {
        find_entities(&Analysed::new(text, None))
            .into_iter()
            .map(|e| (e.name, e.kind))
            .collect()
    }

    #[test]
    fn empty_and_lower_case_text_has_no_entities() {
        assert!(names("").is_empty());
        assert!(names("nothing here is named at all.").is_empty());
    }

    #[test]
    fn a_known_place_and_a_titled_person() {
        assert_eq!(
            names("Harbour chief Lena Ortis flew to Syria on Monday."),
            [
                ("Lena Ortis".to_string(), "person".to_string()),
                ("Syria".to_string(), "place".to_string())
            ]
        );
    }
}
