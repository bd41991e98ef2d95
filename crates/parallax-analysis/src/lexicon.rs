//! The word lists annotators read: reporting verbs and the other words that
//! head reporting cues (with what each reports), speaker nouns, document
//! nouns and pronouns. Each is a data file in `data/`, one entry a line,
//! compiled in.

use crate::hash::FastMap;
use std::sync::OnceLock;

const VERBS: &str = include_str!("../../../data/reporting_verbs.tsv");
const NOUNS: &str = include_str!("../../../data/speaker_nouns.tsv");
const PRONOUNS: &str = include_str!("../../../data/pronouns.tsv");
const CUE_WORDS: &str = include_str!("../../../data/cue_words.tsv");
const DOCUMENTS: &str = include_str!("../../../data/document_nouns.tsv");
const FINITE: &str = include_str!("../../../data/finite_verbs.txt");

pub use parallax_model::Mode;

/// What `data/cue_words.tsv` says about a word that heads cues outside the
/// reporting verbs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueWord {
    /// It heads reports of this mode ("criticism", "touted", "belief").
    Reports(Mode),
    /// It heads no report of its own ("voted", "titled", "pushed").
    Never,
}

/// What a reporting verb signals about the statement it reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Signal {
    Neutral,
    Emphatic,
    Allegation,
    Denial,
    Demand,
    Criticism,
    Belief,
    Response,
    /// Endorsement or praise: "backed", "praised".
    Support,
    /// A wish, plan or promise: "wants", "plans", "vowed".
    Intention,
    /// Findings of a study, poll or record: "shows", "found".
    Evidence,
}

impl Signal {
    /// Every signal, in the order of the enum.
    pub const ALL: [Signal; 11] = [
        Signal::Neutral,
        Signal::Emphatic,
        Signal::Allegation,
        Signal::Denial,
        Signal::Demand,
        Signal::Criticism,
        Signal::Belief,
        Signal::Response,
        Signal::Support,
        Signal::Intention,
        Signal::Evidence,
    ];

    /// The name the lexicon files use.
    pub fn as_str(self) -> &'static str {
        match self {
            Signal::Neutral => "neutral",
            Signal::Emphatic => "emphatic",
            Signal::Allegation => "allegation",
            Signal::Denial => "denial",
            Signal::Demand => "demand",
            Signal::Criticism => "criticism",
            Signal::Belief => "belief",
            Signal::Response => "response",
            Signal::Support => "support",
            Signal::Intention => "intention",
            Signal::Evidence => "evidence",
        }
    }

    fn parse(s: &str) -> Option<Signal> {
        Signal::ALL.iter().copied().find(|x| x.as_str() == s)
    }
}

/// How a reporting verb form is used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VerbForm {
    /// "say", "says", "said"
    Finite,
    /// "saying", "adding"
    Gerund,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Verb {
    pub lemma: &'static str,
    pub signal: Signal,
    pub mode: Mode,
    pub form: VerbForm,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    Person,
    People,
    Organisation,
    Title,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Gender {
    Male,
    Female,
    Unknown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Noun {
    pub kind: Kind,
    pub gender: Gender,
    /// "the official" may point back at anyone already quoted.
    pub refers_to_any: bool,
    /// A first-person pronoun: outside a quotation it is the writer ("I
    /// wanted to see it"), whom the article does not name.
    pub narrator: bool,
}

#[derive(Debug, Default)]
pub struct Lexicon {
    verbs: FastMap<String, Verb>,
    nouns: FastMap<String, Vec<Noun>>,
    pronouns: FastMap<String, Noun>,
    cue_words: FastMap<String, CueWord>,
    /// Nouns naming a document, a dataset or a recording, with the mode of
    /// what they report ("the report" shows: evidence; "the letter" says:
    /// writing).
    documents: FastMap<String, Mode>,
    /// Word forms that are, most of the time, a finite verb ("said",
    /// "complied", "has", "would"): a clause holds one.
    finite: crate::hash::FastSet<&'static str>,
    /// Lines that did not parse, as `file:line`; a test keeps this empty.
    pub bad_lines: Vec<String>,
}

fn regular_forms(lemma: &str) -> Vec<(String, VerbForm)> {
    let stem_e = lemma.strip_suffix('e');
    let ends_y = lemma.ends_with('y') && !lemma.ends_with("ay") && !lemma.ends_with("ey");
    let third = if lemma.ends_with('s')
        || lemma.ends_with("sh")
        || lemma.ends_with("ch")
        || lemma.ends_with('x')
    {
        format!("{lemma}es")
    } else if ends_y {
        format!("{}ies", &lemma[..lemma.len() - 1])
    } else {
        format!("{lemma}s")
    };
    let past = match (stem_e, ends_y) {
        (Some(_), _) => format!("{lemma}d"),
        (None, true) => format!("{}ied", &lemma[..lemma.len() - 1]),
        _ => format!("{lemma}ed"),
    };
    let gerund = match stem_e {
        Some(s) if !lemma.ends_with("ee") => format!("{s}ing"),
        _ => format!("{lemma}ing"),
    };
    vec![
        (lemma.to_string(), VerbForm::Finite),
        (third, VerbForm::Finite),
        (past, VerbForm::Finite),
        (gerund, VerbForm::Gerund),
    ]
}

fn gender(s: &str) -> Gender {
    match s {
        "male" => Gender::Male,
        "female" => Gender::Female,
        _ => Gender::Unknown,
    }
}

fn kind(s: &str) -> Option<Kind> {
    Some(match s {
        "person" => Kind::Person,
        "people" => Kind::People,
        "organisation" => Kind::Organisation,
        "title" => Kind::Title,
        _ => return None,
    })
}

/// `word` looked up in a table keyed in lower case. Most words arrive in
/// lower case already: the lower-case copy is made only when needed.
fn folded_get<V: Copy>(table: &FastMap<String, V>, word: &str) -> Option<V> {
    if word.chars().any(char::is_uppercase) {
        table.get(&word.to_lowercase()).copied()
    } else {
        table.get(word).copied()
    }
}

fn rows(data: &'static str) -> impl Iterator<Item = (usize, Vec<&'static str>)> {
    data.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
        .map(|(i, l)| (i + 1, l.split('\t').map(str::trim).collect()))
}

impl Lexicon {
    fn load() -> Lexicon {
        let mut lex = Lexicon::default();
        for (n, cols) in rows(VERBS) {
            let (Some(&lemma), Some(signal), Some(mode)) = (
                cols.first(),
                cols.get(1).and_then(|s| Signal::parse(s)),
                cols.get(2).and_then(|s| Mode::parse(s)),
            ) else {
                lex.bad_lines.push(format!("data/reporting_verbs.tsv:{n}"));
                continue;
            };
            let forms: Vec<(String, VerbForm)> = match cols.get(3).filter(|s| !s.is_empty()) {
                Some(list) => std::iter::once((lemma.to_string(), VerbForm::Finite))
                    .chain(list.split_whitespace().map(|f| {
                        let form = if f.ends_with("ing") {
                            VerbForm::Gerund
                        } else {
                            VerbForm::Finite
                        };
                        (f.to_string(), form)
                    }))
                    .collect(),
                None => regular_forms(lemma),
            };
            for (f, form) in forms {
                lex.verbs.entry(f).or_insert(Verb {
                    lemma,
                    signal,
                    mode,
                    form,
                });
            }
        }
        for (n, cols) in rows(NOUNS) {
            let (Some(&noun), Some(k), Some(g)) =
                (cols.first(), cols.get(1).and_then(|s| kind(s)), cols.get(2))
            else {
                lex.bad_lines.push(format!("data/speaker_nouns.tsv:{n}"));
                continue;
            };
            let refers_to_any = cols.get(3).is_some_and(|c| *c == "any");
            lex.nouns.entry(noun.to_string()).or_default().push(Noun {
                kind: k,
                gender: gender(g),
                refers_to_any,
                narrator: false,
            });
        }
        for (n, cols) in rows(PRONOUNS) {
            let (Some(&p), Some(k), Some(g)) =
                (cols.first(), cols.get(1).and_then(|s| kind(s)), cols.get(2))
            else {
                lex.bad_lines.push(format!("data/pronouns.tsv:{n}"));
                continue;
            };
            lex.pronouns.insert(
                p.to_string(),
                Noun {
                    kind: k,
                    gender: gender(g),
                    refers_to_any: true,
                    narrator: cols.get(3).is_some_and(|c| *c == "first"),
                },
            );
        }
        for (n, cols) in rows(CUE_WORDS) {
            let entry = match cols.as_slice() {
                [w, "none"] if !w.is_empty() => Some((w, CueWord::Never)),
                [w, m] if !w.is_empty() => Mode::parse(m).map(|m| (w, CueWord::Reports(m))),
                _ => None,
            };
            match entry {
                Some((w, c)) => {
                    lex.cue_words.insert(w.to_string(), c);
                }
                None => lex.bad_lines.push(format!("data/cue_words.tsv:{n}")),
            }
        }
        lex.finite = crate::hash::word_list(FINITE);
        for (n, cols) in rows(DOCUMENTS) {
            let entry = match cols.as_slice() {
                [w, m] if !w.is_empty() => Mode::parse(m).map(|m| (w, m)),
                _ => None,
            };
            match entry {
                Some((w, m)) => {
                    lex.documents.insert(w.to_string(), m);
                }
                None => lex.bad_lines.push(format!("data/document_nouns.tsv:{n}")),
            }
        }
        lex
    }

    /// Whether `word` (folded) is, most of the time, a finite verb.
    pub fn is_finite_verb(&self, word: &str) -> bool {
        self.finite.contains(word)
    }

    /// A word of `data/cue_words.tsv`.
    pub fn cue_word(&self, word: &str) -> Option<CueWord> {
        folded_get(&self.cue_words, word)
    }

    /// The mode of a report whose source is this document noun ("report",
    /// "survey", "letter").
    pub fn document(&self, word: &str) -> Option<Mode> {
        folded_get(&self.documents, word)
    }

    /// The mode a cue word reports when it heads a cue: a reporting verb's
    /// mode, or its entry in `data/cue_words.tsv`. None for a word that is
    /// never a cue or is in neither list.
    pub fn cue_mode(&self, word: &str) -> Option<Mode> {
        match self.verb(word) {
            Some(v) => Some(v.mode),
            None => match self.cue_word(word)? {
                CueWord::Reports(m) => Some(m),
                CueWord::Never => None,
            },
        }
    }

    pub fn verb(&self, word: &str) -> Option<Verb> {
        folded_get(&self.verbs, word)
    }

    /// A speaker noun of the given kind ("spokesman" as a person, "Col." as a title).
    pub fn noun(&self, word: &str, kind: Kind) -> Option<Noun> {
        self.nouns_of(word)?
            .iter()
            .find(|n| n.kind == kind)
            .copied()
    }

    /// Any reading of a speaker noun.
    pub fn any_noun(&self, word: &str) -> Option<Noun> {
        self.nouns_of(word)?.first().copied()
    }

    fn nouns_of(&self, word: &str) -> Option<&Vec<Noun>> {
        if word.chars().any(char::is_uppercase) {
            self.nouns.get(&word.to_lowercase())
        } else {
            self.nouns.get(word)
        }
    }

    pub fn pronoun(&self, word: &str) -> Option<Noun> {
        folded_get(&self.pronouns, word)
    }
}

/// The shared lexicon, loaded once.
pub fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(Lexicon::load)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_files_parse_and_inflect() {
        let l = lexicon();
        assert!(l.bad_lines.is_empty(), "{:?}", l.bad_lines);
        assert_eq!(l.verb("said").map(|v| v.lemma), Some("say"));
        assert_eq!(l.verb("Stressed").map(|v| v.signal), Some(Signal::Emphatic));
        assert_eq!(l.verb("denied").map(|v| v.signal), Some(Signal::Denial));
        assert_eq!(l.verb("adding").map(|v| v.form), Some(VerbForm::Gerund));
        assert_eq!(l.verb("accuses").map(|v| v.lemma), Some("accuse"));
        assert_eq!(l.verb("replied").map(|v| v.lemma), Some("reply"));
        assert_eq!(l.verb("table"), None);
        assert_eq!(l.verb("tweeted").map(|v| v.mode), Some(Mode::Writing));
        assert_eq!(l.verb("believes").map(|v| v.mode), Some(Mode::Thought));
        assert_eq!(l.verb("shows").map(|v| v.mode), Some(Mode::Evidence));
        assert_eq!(l.verb("said").map(|v| v.mode), Some(Mode::Speech));
        assert_eq!(l.cue_mode("criticism"), Some(Mode::Speech));
        assert_eq!(l.cue_mode("belief"), Some(Mode::Thought));
        assert_eq!(l.cue_word("titled"), Some(CueWord::Never));
        assert_eq!(l.cue_mode("voted"), None);
        assert_eq!(l.document("survey"), Some(Mode::Evidence));
        assert_eq!(l.document("Letter"), Some(Mode::Writing));
        assert_eq!(
            l.noun("spokeswoman", Kind::Person).map(|n| n.gender),
            Some(Gender::Female)
        );
        assert!(l.noun("Col.", Kind::Title).is_some());
        assert_eq!(l.pronoun("She").map(|n| n.gender), Some(Gender::Female));
    }
}
