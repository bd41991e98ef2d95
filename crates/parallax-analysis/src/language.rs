//! Which language a document is written in, from the `whatlang` detector
//! (trigram profiles of 70 languages, no dependencies).
//!
//! The detector reads [`SAMPLE_BYTES`] bytes of the clean text (the body:
//! the title and removed boilerplate are not part of it) from the first
//! paragraph of prose, one of at least [`PROSE_BYTES`] bytes, so that chart
//! labels and place names above an article ("Nantes", "Lyon", "Marseille")
//! do not decide its language. That is enough for news prose and keeps
//! the cost per document small. Its
//! ISO 639-3 code becomes the ISO 639-1 code records carry through
//! `data/languages.tsv`, which also names the language for warnings.
//!
//! The detector scores the sample against the profiles of every language
//! of its script: about 40 for Latin script, which makes it cost about as
//! much as counts and dates together. So a quick pass comes first, against
//! English and the six languages that most often come second to it on
//! news (French, Danish, Catalan, Afrikaans, Dutch, Norwegian Bokmål:
//! the runners-up the full detector gives on the AllSides corpus). Where
//! that pass finds English with confidence of at least [`SURE`], its
//! finding stands; otherwise the full detector decides. On the 37,554
//! AllSides articles the two give the same language for every article and
//! the same confidence for all but five, at about a third of the cost.
//!
//! A finding is *decisive* when the sample holds at least [`MIN_LETTERS`]
//! letters and the detector's confidence is at least [`SURE`]. Annotators
//! that only know English read every document except those decisively
//! found to be in another language: short and unsure texts are read.

use std::ops::Range;
use std::sync::OnceLock;

use crate::hash::{data_lines, FastMap};

const LANGUAGES: &str = include_str!("../../../data/languages.tsv");

/// How much of the text the detector reads, in bytes (cut back to a
/// character boundary).
pub const SAMPLE_BYTES: usize = 600;

/// The shortest paragraph the sample may start at; where none is this
/// long, the sample starts at the text's start.
pub const PROSE_BYTES: usize = 100;

/// The fewest letters in the sample for a finding to be decisive.
pub const MIN_LETTERS: usize = 100;

/// The lowest confidence for a finding to be decisive: the detector's own
/// mark of a reliable finding.
pub const SURE: f64 = 0.9;

/// The language of one document.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Language {
    /// ISO 639-1: "en", "it", "de".
    pub code: &'static str,
    /// The language's English name: "Italian".
    pub name: &'static str,
    /// The detector's confidence in [0, 1].
    pub confidence: f64,
    /// Enough letters and confidence to act on (see the module docs).
    pub decisive: bool,
}

impl Language {
    pub fn is_english(&self) -> bool {
        self.code == "en"
    }
}

/// Whether annotators that know only English should read a document of
/// `language`: yes unless it is decisively another language.
pub fn reads_as_english(language: Option<&Language>) -> bool {
    language.is_none_or(|l| l.is_english() || !l.decisive)
}

/// One line of `data/languages.tsv`.
struct Entry {
    code: &'static str,
    name: &'static str,
}

struct Table {
    /// By the detector's ISO 639-3 code.
    by_code3: FastMap<&'static str, Entry>,
    /// Lines that could not be read, as "languages.tsv:line: text".
    rejected: Vec<String>,
}

fn parse(src: &'static str) -> Table {
    let mut table = Table {
        by_code3: FastMap::default(),
        rejected: Vec::new(),
    };
    for (n, line) in data_lines(src) {
        let fields: Vec<&'static str> = line.split('\t').map(str::trim).collect();
        match fields.as_slice() {
            [code3, code, name]
                if code3.len() == 3
                    && code.len() == 2
                    && !name.is_empty()
                    && code.bytes().all(|b| b.is_ascii_lowercase()) =>
            {
                table.by_code3.insert(code3, Entry { code, name });
            }
            _ => table.rejected.push(format!("languages.tsv:{n}: {line}")),
        }
    }
    table
}

/// The quick pass: English and its usual runners-up (module docs).
fn quick() -> &'static whatlang::Detector {
    static QUICK: OnceLock<whatlang::Detector> = OnceLock::new();
    QUICK.get_or_init(|| {
        use whatlang::Lang::*;
        whatlang::Detector::with_allowlist(vec![Eng, Fra, Dan, Cat, Afr, Nld, Nob])
    })
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| parse(LANGUAGES))
}

/// The first `max` bytes of `text`, cut back to a character boundary.
fn sample(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.get(..end).unwrap_or_default()
}

/// The language of `text`, whose paragraphs are the byte ranges
/// `paragraphs`, or `None` where the detector names none (no letters, or
/// a language the table lacks).
pub fn detect(text: &str, paragraphs: &[Range<usize>]) -> Option<Language> {
    let from = paragraphs
        .iter()
        .find(|p| p.len() >= PROSE_BYTES)
        .map_or(0, |p| p.start);
    let sample = sample(text.get(from..).unwrap_or(text), SAMPLE_BYTES);
    let info = match quick().detect(sample) {
        Some(i) if i.lang() == whatlang::Lang::Eng && i.confidence() >= SURE => i,
        _ => whatlang::detect(sample)?,
    };
    let entry = table().by_code3.get(info.lang().code())?;
    let letters = sample.chars().filter(|c| c.is_alphabetic()).count();
    let confidence = info.confidence().clamp(0.0, 1.0);
    Some(Language {
        code: entry.code,
        name: entry.name,
        confidence,
        decisive: letters >= MIN_LETTERS && confidence >= SURE,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    // Short passages written for these tests, in the style of news copy.
    const ENGLISH: &str = "The city council voted on Tuesday to close two schools \
        after parents complained about the cost of repairs. The mayor said the \
        decision was difficult but that the budget left no other choice.";
    const ITALIAN: &str = "Il consiglio comunale ha votato martedì la chiusura di due \
        scuole dopo che i genitori si erano lamentati del costo dei lavori. Il \
        sindaco ha detto che la decisione è stata difficile, ma che il bilancio \
        non lasciava altra scelta.";
    const GERMAN: &str = "Der Stadtrat hat am Dienstag beschlossen, zwei Schulen zu \
        schließen, nachdem sich Eltern über die Kosten der Reparaturen beschwert \
        hatten. Der Bürgermeister sagte, die Entscheidung sei schwierig gewesen, \
        aber der Haushalt lasse keine andere Wahl.";

    fn whole(text: &str) -> Option<Language> {
        let whole = std::iter::once(0..text.len()).collect::<Vec<_>>();
        detect(text, &whole)
    }

    #[test]
    fn every_line_of_the_table_reads_and_covers_the_detector() {
        let t = table();
        assert!(t.rejected.is_empty(), "{:#?}", t.rejected);
        for lang in whatlang::Lang::all() {
            assert!(
                t.by_code3.contains_key(lang.code()),
                "{} is missing from languages.tsv",
                lang.code()
            );
        }
        let bad = parse("eng\ten\tEnglish\nita\tITA\tItalian\ndeu\tde\n");
        assert_eq!(
            bad.rejected,
            [
                "languages.tsv:2: ita\tITA\tItalian",
                "languages.tsv:3: deu\tde"
            ]
        );
    }

    #[test]
    fn passages_are_told_apart_decisively() {
        let en = whole(ENGLISH).unwrap();
        assert_eq!((en.code, en.name), ("en", "English"));
        assert!(en.decisive && reads_as_english(Some(&en)));
        let it = whole(ITALIAN).unwrap();
        assert_eq!((it.code, it.name), ("it", "Italian"));
        assert!(it.decisive && !reads_as_english(Some(&it)), "{it:?}");
        let de = whole(GERMAN).unwrap();
        assert_eq!(de.code, "de");
        assert!(de.decisive && !reads_as_english(Some(&de)), "{de:?}");
    }

    #[test]
    fn languages_outside_the_quick_pass_are_named() {
        // Written for this test: Polish and Czech, which the quick pass
        // does not know, go to the full detector.
        let polish = "Rada miasta zagłosowała we wtorek za zamknięciem dwóch szkół po \
            tym, jak rodzice skarżyli się na koszty remontów. Burmistrz powiedział, \
            że decyzja była trudna, ale budżet nie pozostawił innego wyboru.";
        let czech = "Městská rada v úterý odhlasovala uzavření dvou škol poté, co si \
            rodiče stěžovali na náklady na opravy. Starosta řekl, že rozhodnutí bylo \
            těžké, ale rozpočet nenechal jinou možnost.";
        assert_eq!(
            whole(polish).map(|l| (l.code, l.decisive)),
            Some(("pl", true))
        );
        assert_eq!(
            whole(czech).map(|l| (l.code, l.decisive)),
            Some(("cs", true))
        );
        // The quick pass alone would have named a language it knows.
        assert_ne!(
            quick().detect(czech).map(|i| i.lang()),
            Some(whatlang::Lang::Ces)
        );
    }

    #[test]
    fn short_and_empty_texts_are_read() {
        // Too few letters to act on, whatever the detector says.
        let short = whole("Il sindaco ha detto di sì.");
        assert!(short.is_some_and(|l| !l.decisive));
        assert!(reads_as_english(short.as_ref()));
        assert_eq!(whole(""), None);
        assert_eq!(whole("12 345 — 678"), None);
        assert!(reads_as_english(None));
    }

    #[test]
    fn labels_above_the_prose_do_not_decide() {
        // Short lines of French place names, then the English article.
        let labels = "Nantes\nLyon\nBordeaux\nToulouse\nMarseille\nLille\nParis\n".repeat(14);
        let text = format!("{labels}{ENGLISH}\n{ENGLISH}");
        let doc = crate::Analysed::new(&text, None);
        assert_eq!(doc.language.map(|l| l.code), Some("en"));
        // Read from the start, the labels would have made it French.
        assert_ne!(whole(&text).map(|l| l.code), Some("en"));
    }

    #[test]
    fn the_sample_ends_on_a_character_boundary() {
        let text = "é".repeat(SAMPLE_BYTES);
        let s = sample(&text, SAMPLE_BYTES + 1);
        assert!(s.len() <= SAMPLE_BYTES + 1 && s.chars().all(|c| c == 'é'));
        assert_eq!(sample("abc", 10), "abc");
    }
}
