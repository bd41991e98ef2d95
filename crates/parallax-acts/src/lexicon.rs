//! The act word lists, compiled in from `data/`: cues inside a statement
//! (`act_cues.tsv`), acts one can be accused of (`harm_acts.txt`), hedges
//! (`hedges.txt`) and the CAMEO codes (`cameo.tsv`).

use std::sync::OnceLock;

use parallax_analysis::data_lines;
use parallax_model::Act;

const ACT_CUES: &str = include_str!("../../../data/act_cues.tsv");
const HARM_ACTS: &str = include_str!("../../../data/harm_acts.txt");
const HEDGES: &str = include_str!("../../../data/hedges.txt");
const CAMEO: &str = include_str!("../../../data/cameo.tsv");

/// One word of a pattern: the folded word, or its beginning when it ends
/// in `*` in the data file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct WordPat {
    pub text: &'static str,
    pub prefix: bool,
}

impl WordPat {
    fn parse(w: &'static str) -> WordPat {
        match w.strip_suffix('*') {
            Some(stem) => WordPat {
                text: stem,
                prefix: true,
            },
            None => WordPat {
                text: w,
                prefix: false,
            },
        }
    }

    pub fn matches(&self, folded: &str) -> bool {
        if self.prefix {
            folded.starts_with(self.text)
        } else {
            folded == self.text
        }
    }
}

/// A phrase of one or more word patterns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Phrase {
    pub words: Vec<WordPat>,
}

impl Phrase {
    fn parse(s: &'static str) -> Option<Phrase> {
        let words: Vec<WordPat> = s.split_whitespace().map(WordPat::parse).collect();
        (!words.is_empty()).then_some(Phrase { words })
    }
}

/// What a cue word signals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CueAct {
    Act(Act),
    Negation,
}

impl CueAct {
    pub fn as_str(self) -> &'static str {
        match self {
            CueAct::Act(a) => a.as_str(),
            CueAct::Negation => "negation",
        }
    }
}

/// One CAMEO line.
#[derive(Debug, Clone)]
pub(crate) struct Code {
    pub code: &'static str,
    pub act: Act,
    pub words: Vec<WordPat>,
}

/// Items filed by the first byte of the word they begin with, so that a
/// word is compared only with the patterns that can match it.
#[derive(Debug)]
pub(crate) struct FirstByte<T> {
    slots: Vec<Vec<T>>,
}

impl<T> Default for FirstByte<T> {
    fn default() -> Self {
        FirstByte {
            slots: (0..256).map(|_| Vec::new()).collect(),
        }
    }
}

impl<T> FirstByte<T> {
    pub fn push(&mut self, word: &str, item: T) {
        if let Some(slot) = word
            .bytes()
            .next()
            .and_then(|b| self.slots.get_mut(usize::from(b)))
        {
            slot.push(item);
        }
    }

    /// The items filed under the first byte of `word`.
    pub fn get(&self, word: &str) -> &[T] {
        word.bytes()
            .next()
            .and_then(|b| self.slots.get(usize::from(b)))
            .map_or(&[], Vec::as_slice)
    }
}

#[derive(Debug, Default)]
pub(crate) struct Lexicon {
    pub cues: Vec<(Phrase, CueAct)>,
    /// The cues by their first word, when it is a whole word.
    pub cues_by_first: parallax_analysis::FastMap<&'static str, Vec<usize>>,
    /// The cues whose first word is a beginning (`accus*`), by the first
    /// byte of that beginning; "n't" is looked for apart.
    pub cues_by_prefix: FirstByte<usize>,
    pub cues_nt: Vec<usize>,
    pub harm: Vec<WordPat>,
    /// The harm patterns by first byte.
    pub harm_by_first: FirstByte<usize>,
    pub hedges: Vec<Phrase>,
    pub codes: Vec<Code>,
    /// Lines that did not parse, as `file:line`; a test keeps this empty.
    pub bad_lines: Vec<String>,
}

fn act_named(name: &str) -> Option<Act> {
    Act::ALL.into_iter().find(|a| a.as_str() == name)
}

impl Lexicon {
    fn load() -> Lexicon {
        let mut lex = Lexicon::default();
        for (n, line) in data_lines(ACT_CUES) {
            let cols: Vec<&'static str> = line.split('\t').map(str::trim).collect();
            let signal = match cols.get(1).copied() {
                Some("negation") => Some(CueAct::Negation),
                Some(name) => act_named(name).map(CueAct::Act),
                None => None,
            };
            match (
                cols.len(),
                cols.first().and_then(|w| Phrase::parse(w)),
                signal,
            ) {
                (2, Some(p), Some(s)) => lex.cues.push((p, s)),
                _ => lex.bad_lines.push(format!("data/act_cues.tsv:{n}")),
            }
        }
        for (i, (p, _)) in lex.cues.iter().enumerate() {
            match p.words.first() {
                Some(w) if !w.prefix && w.text != "n't" => {
                    lex.cues_by_first.entry(w.text).or_default().push(i)
                }
                Some(w) if w.text == "n't" => lex.cues_nt.push(i),
                Some(w) => lex.cues_by_prefix.push(w.text, i),
                None => {}
            }
        }
        for (n, line) in data_lines(HARM_ACTS) {
            let w = line.trim();
            if w.is_empty() || w.contains(char::is_whitespace) {
                lex.bad_lines.push(format!("data/harm_acts.txt:{n}"));
            } else {
                lex.harm.push(WordPat::parse(w));
            }
        }
        for (i, p) in lex.harm.iter().enumerate() {
            lex.harm_by_first.push(p.text, i);
        }
        for (n, line) in data_lines(HEDGES) {
            match Phrase::parse(line.trim()) {
                Some(p) => lex.hedges.push(p),
                None => lex.bad_lines.push(format!("data/hedges.txt:{n}")),
            }
        }
        for (n, line) in data_lines(CAMEO) {
            let cols: Vec<&'static str> = line.split('\t').map(str::trim).collect();
            let act = cols.get(1).and_then(|a| act_named(a));
            let code_ok = cols
                .first()
                .is_some_and(|c| !c.is_empty() && c.chars().all(|ch| ch.is_ascii_digit()));
            match (cols.len(), code_ok, act, cols.first(), cols.get(3)) {
                (4, true, Some(act), Some(code), Some(words)) => lex.codes.push(Code {
                    code,
                    act,
                    words: if *words == "-" {
                        Vec::new()
                    } else {
                        words.split_whitespace().map(WordPat::parse).collect()
                    },
                }),
                _ => lex.bad_lines.push(format!("data/cameo.tsv:{n}")),
            }
        }
        lex
    }

    /// Whether `folded` is an act one can be accused of.
    pub fn is_harm(&self, folded: &str) -> bool {
        self.harm_by_first
            .get(folded)
            .iter()
            .any(|&i| self.harm[i].matches(folded))
    }
}

/// The shared lexicon, loaded once.
pub(crate) fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(Lexicon::load)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_data_line_parses_and_each_act_has_a_general_code() {
        let lex = lexicon();
        assert!(lex.bad_lines.is_empty(), "{:?}", lex.bad_lines);
        assert!(lex.cues.len() > 50 && lex.harm.len() > 20 && lex.hedges.len() > 5);
        for act in [
            Act::Claim,
            Act::Denial,
            Act::Demand,
            Act::Criticism,
            Act::Allegation,
        ] {
            let first = lex.codes.iter().find(|c| c.act == act);
            assert!(
                first.is_some_and(|c| c.words.is_empty()),
                "{act:?} needs a general code first"
            );
        }
        assert!(lex.is_harm("airstrikes") && lex.is_harm("strike") && !lex.is_harm("said"));
    }
}
