//! Scoring of attribution records against a hand-labelled sample of them
//! (data/eval/allsides_labels.tsv; the method is in BENCHMARKS.md).
//!
//! A label names a record by its document id and the span of its content in
//! the document's input text, and says whether the record reports speech or
//! writing, who the speaker is as the article identifies them, and whether
//! the article names that speaker. The labels hold no article text.
//!
//! Each label is paired with the record of today's run whose content span
//! overlaps it most (at least half of the shorter span), one record per
//! label. A label whose record is gone counts as lost; a record that left
//! the speech profile (its mode is now thought or evidence) is counted
//! apart. Nothing is joined, dropped or de-duplicated here: the records are
//! scored as they are.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use parallax_model::{Document, Mode};
use serde::Serialize;

#[derive(Debug, thiserror::Error)]
pub enum LabelsError {
    #[error("cannot read {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}:{line}: {message}")]
    Malformed {
        path: PathBuf,
        line: usize,
        message: String,
    },
}

/// One hand-labelled record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    pub doc_id: String,
    pub outlet: String,
    pub input_start: usize,
    pub input_end: usize,
    /// The record reports what someone said or wrote.
    pub speech: bool,
    /// The speaker as the article identifies them (a name where it names
    /// them, else the description); None where there is no source.
    pub speaker: Option<String>,
    /// The article names the speaker.
    pub named: bool,
    pub note: String,
    /// Line in the labels file (1-based), for messages.
    pub line: usize,
}

const COLUMNS: [&str; 8] = [
    "doc_id",
    "outlet",
    "input_start",
    "input_end",
    "speech",
    "speaker",
    "named",
    "note",
];

pub fn load_labels(path: &Path) -> Result<Vec<Label>, LabelsError> {
    let text = std::fs::read_to_string(path).map_err(|source| LabelsError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    parse_labels(&text).map_err(|(line, message)| LabelsError::Malformed {
        path: path.to_path_buf(),
        line,
        message,
    })
}

fn yes_no(field: &str, what: &str) -> Result<bool, String> {
    match field {
        "yes" => Ok(true),
        "no" => Ok(false),
        other => Err(format!("{what} must be yes or no, not {other:?}")),
    }
}

/// Parse a labels file: a header naming [`COLUMNS`], then one tab-separated
/// row per record. Errors carry the 1-based line.
pub fn parse_labels(text: &str) -> Result<Vec<Label>, (usize, String)> {
    let mut lines = text.lines().enumerate();
    let header = lines.next().map(|(_, h)| h).unwrap_or_default();
    let names: Vec<&str> = header.split('\t').collect();
    if names != COLUMNS {
        return Err((1, format!("the header must be {}", COLUMNS.join(" "))));
    }
    let mut labels = Vec::new();
    let mut seen = BTreeSet::new();
    for (i, line) in lines {
        let n = i + 1;
        if line.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() != COLUMNS.len() {
            return Err((n, format!("{} columns, not {}", f.len(), COLUMNS.len())));
        }
        let offset = |s: &str, what: &str| {
            s.parse::<usize>()
                .map_err(|_| (n, format!("{what} is not a number: {s:?}")))
        };
        let (input_start, input_end) = (offset(f[2], "input_start")?, offset(f[3], "input_end")?);
        if input_end <= input_start {
            return Err((n, "input_end must be after input_start".to_string()));
        }
        if !seen.insert((f[0].to_string(), input_start, input_end)) {
            return Err((n, "the same record is labelled twice".to_string()));
        }
        let speech = yes_no(f[4], "speech").map_err(|m| (n, m))?;
        let named = yes_no(f[6], "named").map_err(|m| (n, m))?;
        let speaker = match f[5].trim() {
            "" => return Err((n, "speaker is empty (write - for no source)".to_string())),
            "-" => None,
            s => Some(s.to_string()),
        };
        labels.push(Label {
            doc_id: f[0].to_string(),
            outlet: f[1].to_string(),
            input_start,
            input_end,
            speech,
            speaker,
            named,
            note: f[7].to_string(),
            line: n,
        });
    }
    Ok(labels)
}

/// The ids of the documents a sample needs.
pub fn document_ids(labels: &[Label]) -> BTreeSet<String> {
    labels.iter().map(|l| l.doc_id.clone()).collect()
}

/// Lower-case words of a speaker string, without determiners, possessive
/// endings and punctuation at word edges.
fn speaker_words(s: &str) -> Vec<String> {
    s.split(|c: char| c.is_whitespace() || c == ',')
        .map(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            let w = w
                .strip_suffix("'s")
                .or_else(|| w.strip_suffix("\u{2019}s"))
                .unwrap_or(w);
            w.to_lowercase()
        })
        .filter(|w| !w.is_empty() && !matches!(w.as_str(), "a" | "an" | "the"))
        .collect()
}

/// Whether a record's speaker string names the labelled speaker: the same
/// words, the label's words with a title or first name around them, or the
/// label's last word alone ("Kennedy" for "Anthony Kennedy"). For an
/// unnamed speaker the head word of the description must be there.
pub fn same_speaker(record: &str, gold: &str) -> bool {
    let r = speaker_words(record);
    let g = speaker_words(gold);
    let (Some(g_last), false) = (g.last(), r.is_empty()) else {
        return false;
    };
    if r == g {
        return true;
    }
    if !r.contains(g_last) {
        return false;
    }
    g.iter().all(|w| r.contains(w)) || r.iter().all(|w| g.contains(w))
}

/// What became of one label.
#[derive(Debug, Clone, Serialize)]
pub struct Judged {
    pub line: usize,
    pub doc_id: String,
    pub outlet: String,
    pub input_start: usize,
    pub input_end: usize,
    pub label_speech: bool,
    pub label_speaker: Option<String>,
    pub label_named: bool,
    pub note: String,
    /// The paired record's fields; None where no record overlaps.
    pub record_mode: Option<Mode>,
    pub record_cue: Option<String>,
    pub record_name: Option<String>,
    pub record_mention: Option<String>,
    pub record_text: Option<String>,
}

impl Judged {
    fn in_speech_profile(&self) -> bool {
        matches!(self.record_mode, Some(Mode::Speech | Mode::Writing))
    }

    fn speaker_right(&self) -> bool {
        match (
            &self.label_speaker,
            self.record_name.as_ref().or(self.record_mention.as_ref()),
        ) {
            (Some(g), Some(r)) => same_speaker(r, g),
            (None, None) => true,
            (None, Some(_)) => self.record_name.is_none(),
            (Some(_), None) => false,
        }
    }

    fn name_right(&self) -> bool {
        match (&self.label_speaker, &self.record_name) {
            (Some(g), Some(r)) => same_speaker(r, g),
            _ => false,
        }
    }
}

/// Scores on a labelled sample.
#[derive(Debug, Clone, Serialize)]
pub struct LabelsReport {
    pub labels: usize,
    pub outlets: usize,
    pub documents: usize,
    /// Documents of the labels that the input did not hold.
    pub documents_missing: Vec<String>,
    /// Labels still paired with a record of the speech profile.
    pub speech_records: usize,
    /// … of which the label says they report speech or writing.
    pub speech_right: usize,
    /// Labels whose record is now thought or evidence.
    pub other_mode: usize,
    /// Labels with no record now, by the label's verdict.
    pub lost_speech: usize,
    pub lost_not_speech: usize,
    /// Speech-profile records that report speech and have a labelled source.
    pub speaker_judged: usize,
    pub speaker_right: usize,
    /// … of which the article names the speaker.
    pub named_judged: usize,
    pub named_right: usize,
    pub judged: Vec<Judged>,
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

impl LabelsReport {
    /// Share of speech-profile records that report speech or writing.
    pub fn speech_precision(&self) -> f64 {
        ratio(self.speech_right, self.speech_records)
    }
    /// Share of true speech records whose speaker is the labelled one.
    pub fn speaker_accuracy(&self) -> f64 {
        ratio(self.speaker_right, self.speaker_judged)
    }
    /// Share of true speech records with a named speaker whose
    /// `speaker.name` is that name.
    pub fn name_accuracy(&self) -> f64 {
        ratio(self.named_right, self.named_judged)
    }

    /// The labels the records get wrong, by kind: "not speech",
    /// "speaker", "name".
    pub fn errors(&self) -> Vec<(&'static str, &Judged)> {
        let mut out = Vec::new();
        for j in &self.judged {
            if !j.in_speech_profile() {
                continue;
            }
            if !j.label_speech {
                out.push(("not speech", j));
                continue;
            }
            if !j.speaker_right() {
                out.push(("speaker", j));
            } else if j.label_named && !j.name_right() {
                out.push(("name", j));
            }
        }
        out
    }
}

fn overlap(a: (usize, usize), b: (usize, usize)) -> usize {
    a.1.min(b.1).saturating_sub(a.0.max(b.0))
}

/// Pair each label with the record that overlaps it most, one record per
/// label, and score.
pub fn score_labels(labels: &[Label], docs: &[Document]) -> LabelsReport {
    let by_id: HashMap<&str, &Document> = docs.iter().map(|d| (d.id.as_str(), d)).collect();
    let ids = document_ids(labels);
    let documents_missing: Vec<String> = ids
        .iter()
        .filter(|id| !by_id.contains_key(id.as_str()))
        .cloned()
        .collect();
    // Candidate pairs, best overlap first; each label and record used once.
    let mut pairs = Vec::new();
    for (li, l) in labels.iter().enumerate() {
        let Some(doc) = by_id.get(l.doc_id.as_str()) else {
            continue;
        };
        for (qi, q) in doc.quotes.iter().enumerate() {
            let (Some(s), Some(e)) = (q.input.input_start, q.input.input_end) else {
                continue;
            };
            let o = overlap((l.input_start, l.input_end), (s, e));
            let shorter = (l.input_end - l.input_start).min(e.saturating_sub(s));
            if o > 0 && 2 * o >= shorter {
                pairs.push((o, li, qi));
            }
        }
    }
    pairs.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut label_record: Vec<Option<usize>> = vec![None; labels.len()];
    let mut used = BTreeSet::new();
    for (_, li, qi) in pairs {
        let doc_id = &labels[li].doc_id;
        if label_record[li].is_none() && used.insert((doc_id.clone(), qi)) {
            label_record[li] = Some(qi);
        }
    }
    let mut report = LabelsReport {
        labels: labels.len(),
        outlets: labels
            .iter()
            .map(|l| l.outlet.as_str())
            .collect::<BTreeSet<_>>()
            .len(),
        documents: ids.len(),
        documents_missing,
        speech_records: 0,
        speech_right: 0,
        other_mode: 0,
        lost_speech: 0,
        lost_not_speech: 0,
        speaker_judged: 0,
        speaker_right: 0,
        named_judged: 0,
        named_right: 0,
        judged: Vec::with_capacity(labels.len()),
    };
    for (l, qi) in labels.iter().zip(&label_record) {
        let q = qi.and_then(|qi| by_id.get(l.doc_id.as_str()).map(|d| &d.quotes[qi]));
        let j = Judged {
            line: l.line,
            doc_id: l.doc_id.clone(),
            outlet: l.outlet.clone(),
            input_start: l.input_start,
            input_end: l.input_end,
            label_speech: l.speech,
            label_speaker: l.speaker.clone(),
            label_named: l.named,
            note: l.note.clone(),
            record_mode: q.map(|q| q.mode),
            record_cue: q.and_then(|q| q.cue.clone()),
            record_name: q.and_then(|q| q.speaker.as_ref()?.name.clone()),
            record_mention: q.and_then(|q| Some(q.speaker.as_ref()?.mention.clone())),
            record_text: q.map(|q| q.text.clone()),
        };
        match (q.is_some(), j.in_speech_profile()) {
            (false, _) if l.speech => report.lost_speech += 1,
            (false, _) => report.lost_not_speech += 1,
            (true, false) => report.other_mode += 1,
            (true, true) => {
                report.speech_records += 1;
                if l.speech {
                    report.speech_right += 1;
                    if l.speaker.is_some() {
                        report.speaker_judged += 1;
                        report.speaker_right += usize::from(j.speaker_right());
                        if l.named {
                            report.named_judged += 1;
                            report.named_right += usize::from(j.name_right());
                        }
                    }
                }
            }
        }
        report.judged.push(j);
    }
    report
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "doc_id\toutlet\tinput_start\tinput_end\tspeech\tspeaker\tnamed\tnote\n";

    #[test]
    fn labels_parse_and_bad_rows_name_their_line() {
        let good = format!("{HEADER}d1\tLedger\t10\t40\tyes\tMarta Quell\tyes\t\nd1\tLedger\t50\t70\tno\t-\tno\tnp-object\n");
        let labels = parse_labels(&good).unwrap();
        assert_eq!(labels.len(), 2);
        assert_eq!(labels[0].speaker.as_deref(), Some("Marta Quell"));
        assert_eq!(labels[1].speaker, None);
        assert_eq!(labels[1].line, 3);
        let bad = format!("{HEADER}d1\tLedger\t10\t40\tmaybe\tX\tyes\t\n");
        assert_eq!(parse_labels(&bad).unwrap_err().0, 2);
        let twice = format!("{HEADER}d1\tL\t1\t4\tyes\tX\tyes\t\nd1\tL\t1\t4\tno\t-\tno\t\n");
        assert!(parse_labels(&twice).unwrap_err().1.contains("twice"));
        assert!(parse_labels("id\ttext\n").is_err());
    }

    #[test]
    fn speakers_match_with_titles_and_surnames() {
        assert!(same_speaker("Justice Anthony Kennedy", "Anthony Kennedy"));
        assert!(same_speaker("Kennedy", "Anthony Kennedy"));
        assert!(same_speaker("the spokesman", "a spokesman"));
        assert!(!same_speaker("Special Counsel Mueller", "Barack Obama"));
        assert!(!same_speaker("Anthony", "Anthony Kennedy"));
        assert!(!same_speaker("", "Anthony Kennedy"));
    }

    fn quote(
        text: &str,
        at: (usize, usize),
        name: Option<&str>,
        mode: Mode,
    ) -> parallax_model::Quote {
        serde_json::from_value(serde_json::json!({
            "attribution": "a1", "text": text, "kind": "indirect", "mode": mode,
            "confidence": 0.9, "partials": [], "cue": "said",
            "speaker": {"name": name, "role": null, "affiliation": null,
                        "source_type": "person", "mention": name.unwrap_or("he"),
                        "start": 0, "end": 2},
            "start": at.0, "end": at.1, "input_start": at.0, "input_end": at.1
        }))
        .unwrap()
    }

    #[test]
    fn records_are_paired_by_overlap_and_scored_as_they_are() {
        let labels = parse_labels(&format!(
            "{HEADER}d1\tL\t10\t40\tyes\tMarta Quell\tyes\t\n\
             d1\tL\t50\t70\tno\t-\tno\t\n\
             d1\tL\t80\t90\tyes\tOlmo\tyes\t\n"
        ))
        .unwrap();
        let mut doc: Document = serde_json::from_value(serde_json::json!({
            "id": "d1", "source": "d1.txt", "text": "", "paragraphs": [], "sentences": [],
            "removed": [], "quotes": [], "entities": [], "statements": [], "counts": [],
            "dates": [], "warnings": []
        }))
        .unwrap();
        doc.quotes = vec![
            // Shifted by a few characters: still the labelled record.
            quote("x", (12, 40), Some("Marta Quell"), Mode::Speech),
            quote("y", (50, 70), Some("Board"), Mode::Speech),
        ];
        let r = score_labels(&labels, &[doc]);
        assert_eq!(r.speech_records, 2);
        assert_eq!(r.speech_right, 1);
        assert_eq!(r.speaker_right, 1);
        assert_eq!(r.lost_speech, 1);
        assert_eq!(r.errors().len(), 1);
        assert!((r.speech_precision() - 0.5).abs() < 1e-9);
    }
}
