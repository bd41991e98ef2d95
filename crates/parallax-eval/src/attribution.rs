//! Scoring of quotation attribution against gold attribution relations stored
//! in brat standoff (the layout of the political news attribution corpus, or
//! plain `<name>.txt` + `<name>.ann` pairs).
//!
//! Gold relations are read from `E` lines whose roles point at text-bound
//! `T` annotations: `Attribution` or `Attribution-no-source` (the trigger),
//! `Source`, `Cue`, `Content` and `Content2` (more content of the same
//! relation). Offsets are Unicode code points, end-exclusive.
//!
//! A predicted quote finds a gold relation when it alone covers at least a
//! given share of the gold content's characters (30% and 80% are reported).
//! Pairs are taken greedily, best coverage first, so each gold relation and
//! each prediction is used at most once.

use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::path::{Path, PathBuf};

/// Characters that count as quote marks in gold content.
const QUOTE_MARKS: [char; 8] = [
    '"', '\u{201C}', '\u{201D}', '\u{2018}', '\u{2019}', '\u{AB}', '\u{BB}', '\u{201E}',
];

/// Number of gold cues listed in [`AttributionReport::by_cue`].
pub const TOP_CUES: usize = 25;

/// A range of characters (Unicode code points), end-exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// Number of characters covered (0 for an inverted span).
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Number of characters this span shares with `other`.
    pub fn intersection(&self, other: &Span) -> usize {
        self.end
            .min(other.end)
            .saturating_sub(self.start.max(other.start))
    }

    /// Whether the two spans share at least one character.
    pub fn overlaps(&self, other: &Span) -> bool {
        self.intersection(other) > 0
    }
}

/// One gold attribution relation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoldAttribution {
    /// One or more pieces (discontinuous spans and `Content2`), sorted.
    pub content: Vec<Span>,
    /// Empty when the relation has no source.
    pub source: Vec<Span>,
    pub cue: Vec<Span>,
    /// The cue words, lower-cased, whitespace collapsed, pieces joined by one
    /// space.
    pub cue_text: String,
    /// Whether the content holds a quote mark other than an apostrophe
    /// inside a word.
    pub quoted: bool,
}

/// One annotated article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoldDocument {
    pub name: String,
    pub text: String,
    pub attributions: Vec<GoldAttribution>,
}

/// Something in the annotation files that was tolerated rather than
/// treated as an error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadWarningKind {
    /// A role of a relation names an annotation that does not exist (or is
    /// not text-bound); the relation was skipped.
    MissingAnnotation { role: String, id: String },
    /// A relation without any non-empty content; skipped.
    NoContent,
    /// A span of the relation lies outside the text; skipped.
    SpanOutOfRange {
        id: String,
        span: Span,
        text_len: usize,
    },
    /// A role other than the known ones; the role was ignored.
    UnknownRole { role: String },
    /// The text recorded in a `T` line differs from the text at its offsets.
    TextMismatch { id: String },
    /// The metadata lists no annotator for the article; the alphabetically
    /// first annotation file was used.
    NotInMetadata,
    /// The annotator listed first in the metadata has no annotation file;
    /// the alphabetically first annotation file was used.
    ListedAnnotatorMissing { annotator: String },
}

impl LoadWarningKind {
    /// Whether this warning means a gold relation was dropped.
    pub fn skips_relation(&self) -> bool {
        matches!(
            self,
            LoadWarningKind::MissingAnnotation { .. }
                | LoadWarningKind::NoContent
                | LoadWarningKind::SpanOutOfRange { .. }
        )
    }
}

/// A tolerated problem, with the file (and line) it was found at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadWarning {
    pub path: PathBuf,
    /// 1-based line number, when the problem belongs to one line.
    pub line: Option<usize>,
    pub kind: LoadWarningKind,
}

impl fmt::Display for LoadWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path.display())?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        match &self.kind {
            LoadWarningKind::MissingAnnotation { role, id } => {
                write!(
                    f,
                    ": role {role} names missing annotation {id}; relation skipped"
                )
            }
            LoadWarningKind::NoContent => write!(f, ": relation has no content; skipped"),
            LoadWarningKind::SpanOutOfRange { id, span, text_len } => write!(
                f,
                ": {id} span {}-{} lies outside the text ({text_len} characters); relation skipped",
                span.start, span.end
            ),
            LoadWarningKind::UnknownRole { role } => write!(f, ": unknown role {role} ignored"),
            LoadWarningKind::TextMismatch { id } => {
                write!(
                    f,
                    ": recorded text of {id} differs from the text at its offsets"
                )
            }
            LoadWarningKind::NotInMetadata => write!(
                f,
                ": article not listed in the metadata; first annotation file used"
            ),
            LoadWarningKind::ListedAnnotatorMissing { annotator } => write!(
                f,
                ": no annotation file for listed annotator {annotator}; first annotation file used"
            ),
        }
    }
}

/// Gold documents together with what was tolerated while reading them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BratCorpus {
    /// Sorted by name.
    pub documents: Vec<GoldDocument>,
    pub warnings: Vec<LoadWarning>,
}

impl BratCorpus {
    /// Number of gold relations dropped because of annotation problems.
    pub fn skipped_relations(&self) -> usize {
        self.warnings
            .iter()
            .filter(|w| w.kind.skips_relation())
            .count()
    }
}

#[derive(Debug, thiserror::Error)]
pub enum AttributionError {
    #[error("cannot read {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path} is not valid UTF-8")]
    NotUtf8 { path: PathBuf },
    #[error("{path}:{line}: {message}")]
    Malformed {
        path: PathBuf,
        line: usize,
        message: String,
    },
    #[error("{path}: no annotation file for this text")]
    NoAnnotation { path: PathBuf },
    #[error("{path}: no text file for this annotation")]
    NoText { path: PathBuf },
    #[error("{path}: no brat documents found")]
    NoDocuments { path: PathBuf },
}

/// Load gold attributions from `dir` (see [`load_brat_corpus`]), dropping
/// the warnings.
pub fn load_brat(dir: &Path) -> Result<Vec<GoldDocument>, AttributionError> {
    Ok(load_brat_corpus(dir)?.documents)
}

/// Load gold attributions from `dir`, which either holds `text/<article>.txt`
/// and `attributions/<article>_<annotator>.ann` (the reference annotator of
/// each article is the first one listed in `../metadata.tsv` when that file
/// exists, else the alphabetically first), or flat `<name>.txt` +
/// `<name>.ann` pairs. Documents come back sorted by name.
pub fn load_brat_corpus(dir: &Path) -> Result<BratCorpus, AttributionError> {
    let text_dir = dir.join("text");
    let ann_dir = dir.join("attributions");
    let mut warnings = Vec::new();
    let pairs = if text_dir.is_dir() && ann_dir.is_dir() {
        split_layout_pairs(dir, &text_dir, &ann_dir, &mut warnings)?
    } else {
        flat_layout_pairs(dir)?
    };
    if pairs.is_empty() {
        return Err(AttributionError::NoDocuments {
            path: dir.to_path_buf(),
        });
    }
    let mut documents = Vec::with_capacity(pairs.len());
    for (name, text_path, ann_path) in pairs {
        let text = read_text(&text_path)?;
        let ann = read_text(&ann_path)?;
        let (document, mut found) = parse_brat(&name, text, &ann, &ann_path)?;
        warnings.append(&mut found);
        documents.push(document);
    }
    Ok(BratCorpus {
        documents,
        warnings,
    })
}

/// (name, text path, annotation path), sorted by name.
type Pair = (String, PathBuf, PathBuf);

fn split_layout_pairs(
    dir: &Path,
    text_dir: &Path,
    ann_dir: &Path,
    warnings: &mut Vec<LoadWarning>,
) -> Result<Vec<Pair>, AttributionError> {
    let texts = files_with_extension(text_dir, "txt")?;
    // article -> annotator -> path
    let mut annotations: HashMap<String, BTreeMap<String, PathBuf>> = HashMap::new();
    for (stem, path) in files_with_extension(ann_dir, "ann")? {
        let (article, annotator) = match stem.rsplit_once('_') {
            Some((article, annotator)) => (article.to_string(), annotator.to_string()),
            None => (stem.clone(), String::new()),
        };
        annotations
            .entry(article)
            .or_default()
            .insert(annotator, path);
    }
    let metadata_path = dir.join("..").join("metadata.tsv");
    let metadata = if metadata_path.is_file() {
        Some(read_metadata(&metadata_path)?)
    } else {
        None
    };
    let mut pairs = Vec::with_capacity(texts.len());
    for (name, text_path) in texts {
        let Some(available) = annotations.get(&name) else {
            return Err(AttributionError::NoAnnotation { path: text_path });
        };
        let Some((_, first_path)) = available.iter().next() else {
            return Err(AttributionError::NoAnnotation { path: text_path });
        };
        let mut chosen = first_path.clone();
        if let Some((metadata_path, listed)) = &metadata {
            match listed.get(&name) {
                Some((line, annotator)) => match available.get(annotator) {
                    Some(path) => chosen = path.clone(),
                    None => warnings.push(LoadWarning {
                        path: metadata_path.clone(),
                        line: Some(*line),
                        kind: LoadWarningKind::ListedAnnotatorMissing {
                            annotator: annotator.clone(),
                        },
                    }),
                },
                None => warnings.push(LoadWarning {
                    path: text_path.clone(),
                    line: None,
                    kind: LoadWarningKind::NotInMetadata,
                }),
            }
        }
        pairs.push((name, text_path, chosen));
    }
    Ok(pairs)
}

fn flat_layout_pairs(dir: &Path) -> Result<Vec<Pair>, AttributionError> {
    let texts = files_with_extension(dir, "txt")?;
    let anns: BTreeMap<String, PathBuf> = files_with_extension(dir, "ann")?.into_iter().collect();
    for (stem, path) in &anns {
        if !texts.iter().any(|(name, _)| name == stem) {
            return Err(AttributionError::NoText { path: path.clone() });
        }
    }
    let mut pairs = Vec::with_capacity(texts.len());
    for (name, text_path) in texts {
        let Some(ann_path) = anns.get(&name) else {
            return Err(AttributionError::NoAnnotation { path: text_path });
        };
        pairs.push((name.clone(), text_path, ann_path.clone()));
    }
    Ok(pairs)
}

/// Files of `dir` ending in `.ext`, as (stem, path), sorted by stem.
fn files_with_extension(dir: &Path, ext: &str) -> Result<Vec<(String, PathBuf)>, AttributionError> {
    let io_error = |source| AttributionError::Io {
        path: dir.to_path_buf(),
        source,
    };
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(io_error)? {
        let path = entry.map_err(io_error)?.path();
        if path.extension().and_then(|e| e.to_str()) != Some(ext) || !path.is_file() {
            continue;
        }
        let Some(stem) = path.file_stem().and_then(|s| s.to_str()) else {
            continue;
        };
        files.push((stem.to_string(), path.clone()));
    }
    files.sort();
    Ok(files)
}

/// The metadata file: article -> (line, first listed annotator).
type Metadata = (PathBuf, HashMap<String, (usize, String)>);

fn read_metadata(path: &Path) -> Result<Metadata, AttributionError> {
    let raw = read_text(path)?;
    let mut lines = raw.lines().enumerate();
    let malformed = |line: usize, message: String| AttributionError::Malformed {
        path: path.to_path_buf(),
        line,
        message,
    };
    let Some((_, header)) = lines.next() else {
        return Err(malformed(1, "empty metadata file".to_string()));
    };
    let columns: Vec<&str> = header.trim_end_matches('\r').split('\t').collect();
    let column = |name: &str| {
        columns
            .iter()
            .position(|c| c.trim() == name)
            .ok_or_else(|| malformed(1, format!("no `{name}` column in the header")))
    };
    let filename_col = column("filename")?;
    let annotators_col = column("annotators")?;
    let mut listed = HashMap::new();
    for (index, line) in lines {
        let line_no = index + 1;
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        let (Some(filename), Some(annotators)) =
            (fields.get(filename_col), fields.get(annotators_col))
        else {
            return Err(malformed(
                line_no,
                format!(
                    "expected at least {} tab-separated fields",
                    filename_col.max(annotators_col) + 1
                ),
            ));
        };
        let first = annotators
            .split(|c: char| c == '|' || c == ',' || c == ';' || c.is_whitespace())
            .find(|a| !a.is_empty());
        if let Some(first) = first {
            listed.insert(filename.trim().to_string(), (line_no, first.to_string()));
        }
    }
    Ok((path.to_path_buf(), listed))
}

fn read_text(path: &Path) -> Result<String, AttributionError> {
    let bytes = std::fs::read(path).map_err(|source| AttributionError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    String::from_utf8(bytes).map_err(|_| AttributionError::NotUtf8 {
        path: path.to_path_buf(),
    })
}

/// A text-bound annotation.
struct TextBound {
    spans: Vec<Span>,
}

/// The roles of one relation, resolved to spans.
#[derive(Default)]
struct Roles {
    content: Vec<Span>,
    source: Vec<Span>,
    cue: Vec<Span>,
}

/// Parse one brat annotation file `ann` over `text`. `ann_path` is used in
/// messages only. Returns the document and the tolerated problems.
pub fn parse_brat(
    name: &str,
    text: String,
    ann: &str,
    ann_path: &Path,
) -> Result<(GoldDocument, Vec<LoadWarning>), AttributionError> {
    let chars: Vec<char> = text.chars().collect();
    let mut warnings = Vec::new();
    let warn = |warnings: &mut Vec<LoadWarning>, line: usize, kind| {
        warnings.push(LoadWarning {
            path: ann_path.to_path_buf(),
            line: Some(line),
            kind,
        })
    };
    let malformed = |line: usize, message: String| AttributionError::Malformed {
        path: ann_path.to_path_buf(),
        line,
        message,
    };

    let mut bounds: HashMap<&str, TextBound> = HashMap::new();
    // (line, role:id tokens)
    let mut events: Vec<(usize, &str)> = Vec::new();
    for (index, raw_line) in ann.split('\n').enumerate() {
        let line_no = index + 1;
        let line = raw_line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        // Lines without a tab after an id continue the recorded text of the
        // previous annotation (a text field holding a line break).
        let Some((id, rest)) = line.split_once('\t') else {
            continue;
        };
        if !is_annotation_id(id) {
            continue;
        }
        if id.starts_with('T') {
            let (head, recorded) = match rest.split_once('\t') {
                Some((head, recorded)) => (head, Some(recorded)),
                None => (rest, None),
            };
            let spans =
                parse_text_bound(head).map_err(|m| malformed(line_no, format!("{id}: {m}")))?;
            if let Some(recorded) = recorded {
                if spans.iter().all(|s| s.end <= chars.len())
                    && !recorded_text_matches(recorded, &spans, &chars)
                {
                    warn(
                        &mut warnings,
                        line_no,
                        LoadWarningKind::TextMismatch { id: id.to_string() },
                    );
                }
            }
            bounds.insert(id, TextBound { spans });
        } else if id.starts_with('E') {
            let tokens = rest.split('\t').next().unwrap_or_default();
            events.push((line_no, tokens));
        }
    }

    let mut attributions = Vec::new();
    'events: for (line_no, tokens) in events {
        let mut roles = Roles::default();
        let mut count = 0;
        for token in tokens.split_whitespace() {
            count += 1;
            let Some((role, id)) = token.split_once(':') else {
                return Err(malformed(line_no, format!("role `{token}` has no `:`")));
            };
            let Some(bound) = bounds.get(id) else {
                warn(
                    &mut warnings,
                    line_no,
                    LoadWarningKind::MissingAnnotation {
                        role: role.to_string(),
                        id: id.to_string(),
                    },
                );
                continue 'events;
            };
            if let Some(span) = bound.spans.iter().find(|s| s.end > chars.len()) {
                warn(
                    &mut warnings,
                    line_no,
                    LoadWarningKind::SpanOutOfRange {
                        id: id.to_string(),
                        span: *span,
                        text_len: chars.len(),
                    },
                );
                continue 'events;
            }
            let target = match role_kind(role) {
                Some(RoleKind::Trigger) => continue,
                Some(RoleKind::Content) => &mut roles.content,
                Some(RoleKind::Source) => &mut roles.source,
                Some(RoleKind::Cue) => &mut roles.cue,
                None => {
                    warn(
                        &mut warnings,
                        line_no,
                        LoadWarningKind::UnknownRole {
                            role: role.to_string(),
                        },
                    );
                    continue;
                }
            };
            target.extend(bound.spans.iter().copied());
        }
        if count == 0 {
            return Err(malformed(line_no, "relation has no roles".to_string()));
        }
        for spans in [&mut roles.content, &mut roles.source, &mut roles.cue] {
            spans.retain(|s| !s.is_empty());
            spans.sort();
            spans.dedup();
        }
        if roles.content.is_empty() {
            warn(&mut warnings, line_no, LoadWarningKind::NoContent);
            continue;
        }
        let cue_text = roles
            .cue
            .iter()
            .map(|s| slice(&chars, *s).to_lowercase())
            .map(|piece| piece.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|piece| !piece.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        let quoted = has_quote_mark(&chars, &roles.content);
        attributions.push(GoldAttribution {
            content: roles.content,
            source: roles.source,
            cue: roles.cue,
            cue_text,
            quoted,
        });
    }
    let document = GoldDocument {
        name: name.to_string(),
        text,
        attributions,
    };
    Ok((document, warnings))
}

enum RoleKind {
    Trigger,
    Content,
    Source,
    Cue,
}

/// `Content2`, `Source2` ... count as more of the same role.
fn role_kind(role: &str) -> Option<RoleKind> {
    let base = role.trim_end_matches(|c: char| c.is_ascii_digit());
    match base {
        "Attribution" | "Attribution-no-source" => Some(RoleKind::Trigger),
        "Content" => Some(RoleKind::Content),
        "Source" => Some(RoleKind::Source),
        "Cue" => Some(RoleKind::Cue),
        _ => None,
    }
}

/// `T12`, `E3`, `A1`, `R4`, `N2`, `*`: a letter followed by digits, or `*`.
fn is_annotation_id(id: &str) -> bool {
    if id == "*" {
        return true;
    }
    let mut chars = id.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_uppercase())
        && chars.clone().next().is_some()
        && chars.all(|c| c.is_ascii_digit())
}

/// `Type start end;start end` -> spans.
fn parse_text_bound(head: &str) -> Result<Vec<Span>, String> {
    let Some((_, offsets)) = head.split_once(' ') else {
        return Err(format!("no offsets in `{head}`"));
    };
    let mut spans = Vec::new();
    for piece in offsets.split(';') {
        let numbers: Vec<&str> = piece.split_whitespace().collect();
        let [start, end] = numbers.as_slice() else {
            return Err(format!("bad offsets `{piece}`"));
        };
        let parse = |n: &str| {
            n.parse::<usize>()
                .map_err(|_| format!("bad offset `{n}` in `{piece}`"))
        };
        let span = Span::new(parse(start)?, parse(end)?);
        if span.start > span.end {
            return Err(format!("span `{piece}` ends before it starts"));
        }
        spans.push(span);
    }
    Ok(spans)
}

fn slice(chars: &[char], span: Span) -> String {
    chars
        .get(span.start..span.end)
        .map(|c| c.iter().collect())
        .unwrap_or_default()
}

/// Whether the text recorded in a `T` line agrees with the text at its
/// offsets, whitespace aside. The recorded text may be cut at a line break
/// (the rest sits on following lines), so a prefix is enough.
fn recorded_text_matches(recorded: &str, spans: &[Span], chars: &[char]) -> bool {
    let actual: Vec<String> = spans.iter().map(|s| slice(chars, *s)).collect();
    let actual = actual.join(" ");
    let actual: Vec<&str> = actual.split_whitespace().collect();
    let recorded: Vec<&str> = recorded.split_whitespace().collect();
    match recorded.split_last() {
        None => true,
        Some((last, whole)) => {
            actual.len() >= recorded.len()
                && actual.iter().zip(whole).all(|(a, r)| a == r)
                && actual.get(whole.len()).is_some_and(|a| a.starts_with(last))
        }
    }
}

/// Whether the content holds a quote mark other than an apostrophe between
/// two letters or digits.
fn has_quote_mark(chars: &[char], content: &[Span]) -> bool {
    content.iter().any(|span| {
        (span.start..span.end).any(|i| {
            let Some(&c) = chars.get(i) else {
                return false;
            };
            if !QUOTE_MARKS.contains(&c) {
                return false;
            }
            let in_word = |j: Option<usize>| {
                j.and_then(|j| chars.get(j))
                    .is_some_and(|c| c.is_alphanumeric())
            };
            let apostrophe = (c == '\u{2019}' || c == '\u{2018}')
                && in_word(i.checked_sub(1))
                && in_word(i.checked_add(1));
            !apostrophe
        })
    })
}

/// An attribution found by the system under test: one or more pieces
/// (an interrupted quotation, a quotation continued in the next
/// paragraph), as one gold relation may have several content spans.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PredictedQuote {
    /// Character offsets into [`GoldDocument::text`], one span per piece,
    /// in text order.
    pub spans: Vec<Span>,
    /// `"direct"`, `"partial"` or `"indirect"`.
    pub kind: String,
    pub cue: Option<String>,
    /// The mention the attribution hangs on.
    pub speaker: Option<Span>,
    /// What it reports (`speech`, `writing`, `thought`, `evidence`), when
    /// the system says.
    #[serde(default)]
    pub mode: Option<String>,
    /// How sure the system is that this is an attribution, in [0, 1].
    #[serde(default)]
    pub confidence: Option<f64>,
}

impl PredictedQuote {
    /// Characters covered by the pieces.
    pub fn len(&self) -> usize {
        self.spans.iter().map(Span::len).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// From the first piece's start to the last piece's end.
    pub fn extent(&self) -> Span {
        Span::new(
            self.spans.iter().map(|s| s.start).min().unwrap_or(0),
            self.spans.iter().map(|s| s.end).max().unwrap_or(0),
        )
    }
}

/// Precision, recall and F1 with the counts behind them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Prf {
    pub gold: usize,
    pub predicted: usize,
    /// Gold relations found (numerator of recall).
    pub found: usize,
    /// Predictions that found a gold relation (numerator of precision).
    /// Equal to `found` for the overall scores; it differs in per-class
    /// splits when a gold relation of one class is found by a prediction of
    /// another.
    pub found_predicted: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl Prf {
    pub fn from_counts(
        gold: usize,
        predicted: usize,
        found: usize,
        found_predicted: usize,
    ) -> Self {
        let precision = ratio(found_predicted, predicted);
        let recall = ratio(found, gold);
        let f1 = if precision + recall > 0.0 {
            2.0 * precision * recall / (precision + recall)
        } else {
            0.0
        };
        Prf {
            gold,
            predicted,
            found,
            found_predicted,
            precision,
            recall,
            f1,
        }
    }
}

fn ratio(numerator: usize, denominator: usize) -> f64 {
    if denominator == 0 {
        0.0
    } else {
        numerator as f64 / denominator as f64
    }
}

/// Scores of a set of predictions against gold relations.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AttributionReport {
    pub documents: usize,
    /// A gold relation is found when one prediction covers at least 30% of
    /// its content characters.
    pub at30: Prf,
    /// Same with 80%.
    pub at80: Prf,
    /// Over gold found at 30% that has a source: share whose prediction
    /// names a speaker span overlapping one of the gold source spans (0 when
    /// none was scored).
    pub speaker_accuracy: f64,
    pub speaker_scored: usize,
    pub speaker_correct: usize,
    /// Recall at 30% over gold relations whose content is quoted.
    pub quoted_recall: f64,
    pub quoted_gold: usize,
    pub quoted_found: usize,
    /// Over pairs matched at 30%: share whose predicted kind class (see
    /// [`kind_class`]) equals the gold class.
    pub kind_accuracy: f64,
    /// At 30%: gold split into `"direct"` (quoted) and `"indirect"`,
    /// predictions split by [`kind_class`].
    pub by_kind: BTreeMap<String, Prf>,
    /// At 30%, for the [`TOP_CUES`] most frequent gold cues: gold split by
    /// `cue_text`, predictions by their lower-cased cue.
    pub by_cue: Vec<(String, Prf)>,
    /// The `speech` profile: only the predictions of mode `speech` or
    /// `writing`, matched against every gold relation at 30% (recall is
    /// over all gold, which holds beliefs and findings too).
    pub speech: Prf,
    /// At 30%: predictions split by mode (`none` where a prediction has
    /// none); gold relations carry no mode, so only precision is meant.
    pub by_mode: BTreeMap<String, Prf>,
    /// How well predicted confidences match how often predictions are
    /// right (at 30%), over predictions that carry one.
    pub calibration: Calibration,
}

/// One bin of a reliability table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReliabilityBin {
    /// Confidences in `[low, high)` (the last bin includes 1).
    pub low: f64,
    pub high: f64,
    pub predictions: usize,
    pub right: usize,
    pub mean_confidence: f64,
    /// Share right.
    pub accuracy: f64,
}

/// Calibration of predicted confidences: ten equal bins and the expected
/// calibration error (the bins' gaps between accuracy and mean confidence,
/// weighted by their share of predictions).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Calibration {
    pub predictions: usize,
    pub expected_calibration_error: f64,
    pub bins: Vec<ReliabilityBin>,
}

/// Bins of a reliability table.
const BINS: usize = 10;

impl Calibration {
    /// From (confidence, right) pairs.
    pub fn from_pairs(pairs: &[(f64, bool)]) -> Calibration {
        let mut sums = vec![(0usize, 0usize, 0f64); BINS];
        for &(c, right) in pairs {
            let c = c.clamp(0.0, 1.0);
            let b = ((c * BINS as f64) as usize).min(BINS - 1);
            sums[b].0 += 1;
            sums[b].1 += usize::from(right);
            sums[b].2 += c;
        }
        let n = pairs.len();
        let mut ece = 0.0;
        let bins = sums
            .iter()
            .enumerate()
            .map(|(i, &(count, right, total))| {
                let mean = if count > 0 { total / count as f64 } else { 0.0 };
                let accuracy = ratio(right, count);
                if count > 0 {
                    ece += count as f64 / n as f64 * (accuracy - mean).abs();
                }
                ReliabilityBin {
                    low: i as f64 / BINS as f64,
                    high: (i + 1) as f64 / BINS as f64,
                    predictions: count,
                    right,
                    mean_confidence: mean,
                    accuracy,
                }
            })
            .collect();
        Calibration {
            predictions: n,
            expected_calibration_error: ece,
            bins,
        }
    }
}

/// The class a predicted kind is scored under: `direct` and `partial` ->
/// `"direct"`, `indirect` -> `"indirect"`, anything else lower-cased as is.
pub fn kind_class(kind: &str) -> String {
    let kind = kind.trim().to_lowercase();
    match kind.as_str() {
        "direct" | "partial" => "direct".to_string(),
        "indirect" => "indirect".to_string(),
        "" => "unknown".to_string(),
        _ => kind,
    }
}

fn gold_class(gold: &GoldAttribution) -> &'static str {
    if gold.quoted {
        "direct"
    } else {
        "indirect"
    }
}

fn normalise_cue(cue: &str) -> String {
    cue.to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Counts behind one [`Prf`].
#[derive(Debug, Clone, Copy, Default)]
struct Counts {
    gold: usize,
    predicted: usize,
    found: usize,
    found_predicted: usize,
}

impl Counts {
    fn prf(&self) -> Prf {
        Prf::from_counts(self.gold, self.predicted, self.found, self.found_predicted)
    }
}

/// Gold content as disjoint sorted pieces and its number of characters.
struct Content {
    pieces: Vec<Span>,
    total: usize,
}

impl Content {
    fn new(spans: &[Span]) -> Self {
        let mut sorted: Vec<Span> = spans.iter().copied().filter(|s| !s.is_empty()).collect();
        sorted.sort();
        let mut pieces: Vec<Span> = Vec::with_capacity(sorted.len());
        for span in sorted {
            match pieces.last_mut() {
                Some(last) if span.start <= last.end => last.end = last.end.max(span.end),
                _ => pieces.push(span),
            }
        }
        let total = pieces.iter().map(Span::len).sum();
        Content { pieces, total }
    }

    fn covered_by(&self, spans: &[Span]) -> usize {
        let predicted = Content::new(spans);
        self.pieces
            .iter()
            .map(|p| {
                predicted
                    .pieces
                    .iter()
                    .map(|q| p.intersection(q))
                    .sum::<usize>()
            })
            .sum()
    }
}

/// The pairs (gold relation index, prediction index) that the scores at
/// 30% overlap count for one document.
pub fn matched_at_30(doc: &GoldDocument, predictions: &[PredictedQuote]) -> Vec<(usize, usize)> {
    let contents: Vec<Content> = doc
        .attributions
        .iter()
        .map(|a| Content::new(&a.content))
        .collect();
    match_at(&contents, predictions, 30)
}

/// Greedy one-to-one matching of gold contents and predictions at
/// `percent`: pairs (gold index, prediction index).
fn match_at(
    contents: &[Content],
    predictions: &[PredictedQuote],
    percent: usize,
) -> Vec<(usize, usize)> {
    // (covered, total, predicted length, gold index, prediction index)
    let mut candidates: Vec<(usize, usize, usize, usize, usize)> = Vec::new();
    for (gi, content) in contents.iter().enumerate() {
        if content.total == 0 {
            continue;
        }
        for (pi, prediction) in predictions.iter().enumerate() {
            let covered = content.covered_by(&prediction.spans);
            if covered > 0 && covered as u128 * 100 >= content.total as u128 * percent as u128 {
                candidates.push((covered, content.total, prediction.len(), gi, pi));
            }
        }
    }
    candidates.sort_by(|a, b| {
        let share_a = a.0 as u128 * b.1 as u128;
        let share_b = b.0 as u128 * a.1 as u128;
        share_b
            .cmp(&share_a)
            .then(a.2.cmp(&b.2))
            .then(a.3.cmp(&b.3))
            .then(a.4.cmp(&b.4))
    });
    let mut gold_used = vec![false; contents.len()];
    let mut predicted_used = vec![false; predictions.len()];
    let mut pairs = Vec::new();
    for (_, _, _, gi, pi) in candidates {
        let (Some(g), Some(p)) = (gold_used.get(gi), predicted_used.get(pi)) else {
            continue;
        };
        if *g || *p {
            continue;
        }
        if let Some(g) = gold_used.get_mut(gi) {
            *g = true;
        }
        if let Some(p) = predicted_used.get_mut(pi) {
            *p = true;
        }
        pairs.push((gi, pi));
    }
    pairs
}

/// Score `predictions[i]` against `docs[i]`. A document without an entry in
/// `predictions` counts as predicting nothing; entries beyond `docs` are
/// ignored.
pub fn score(docs: &[GoldDocument], predictions: &[Vec<PredictedQuote>]) -> AttributionReport {
    let mut at30 = Counts::default();
    let mut at80 = Counts::default();
    let (mut speaker_scored, mut speaker_correct) = (0, 0);
    let (mut quoted_gold, mut quoted_found) = (0, 0);
    let (mut kind_scored, mut kind_correct) = (0, 0);
    let mut by_kind: BTreeMap<String, Counts> = BTreeMap::new();
    let mut by_cue: HashMap<String, Counts> = HashMap::new();
    let mut by_mode: BTreeMap<String, Counts> = BTreeMap::new();
    let mut speech = Counts::default();
    let mut confidences: Vec<(f64, bool)> = Vec::new();

    for (index, doc) in docs.iter().enumerate() {
        let predicted: &[PredictedQuote] = predictions.get(index).map_or(&[], Vec::as_slice);
        let contents: Vec<Content> = doc
            .attributions
            .iter()
            .map(|a| Content::new(&a.content))
            .collect();
        let pairs30 = match_at(&contents, predicted, 30);
        let pairs80 = match_at(&contents, predicted, 80);

        at30.gold += doc.attributions.len();
        at30.predicted += predicted.len();
        at30.found += pairs30.len();
        at30.found_predicted += pairs30.len();
        at80.gold += doc.attributions.len();
        at80.predicted += predicted.len();
        at80.found += pairs80.len();
        at80.found_predicted += pairs80.len();

        let mut gold_found = vec![false; doc.attributions.len()];
        let mut predicted_found = vec![false; predicted.len()];
        for &(gi, pi) in &pairs30 {
            if let Some(f) = gold_found.get_mut(gi) {
                *f = true;
            }
            if let Some(f) = predicted_found.get_mut(pi) {
                *f = true;
            }
            let (Some(gold), Some(prediction)) = (doc.attributions.get(gi), predicted.get(pi))
            else {
                continue;
            };
            kind_scored += 1;
            if kind_class(&prediction.kind) == gold_class(gold) {
                kind_correct += 1;
            }
            if !gold.source.is_empty() {
                speaker_scored += 1;
                let hit = prediction
                    .speaker
                    .is_some_and(|speaker| gold.source.iter().any(|s| s.overlaps(&speaker)));
                if hit {
                    speaker_correct += 1;
                }
            }
        }

        for (gold, found) in doc.attributions.iter().zip(&gold_found) {
            let kind = by_kind.entry(gold_class(gold).to_string()).or_default();
            kind.gold += 1;
            kind.found += usize::from(*found);
            if gold.quoted {
                quoted_gold += 1;
                quoted_found += usize::from(*found);
            }
            if !gold.cue_text.is_empty() {
                let cue = by_cue.entry(gold.cue_text.clone()).or_default();
                cue.gold += 1;
                cue.found += usize::from(*found);
            }
        }
        // The speech profile: the same matching over the speech and
        // writing predictions alone.
        let spoken: Vec<PredictedQuote> = predicted
            .iter()
            .filter(|p| matches!(p.mode.as_deref(), Some("speech" | "writing")))
            .cloned()
            .collect();
        let spoken_pairs = match_at(&contents, &spoken, 30).len();
        speech.gold += doc.attributions.len();
        speech.predicted += spoken.len();
        speech.found += spoken_pairs;
        speech.found_predicted += spoken_pairs;
        for (prediction, found) in predicted.iter().zip(&predicted_found) {
            let mode = by_mode
                .entry(
                    prediction
                        .mode
                        .clone()
                        .unwrap_or_else(|| "none".to_string()),
                )
                .or_default();
            mode.predicted += 1;
            mode.found_predicted += usize::from(*found);
            if let Some(c) = prediction.confidence {
                confidences.push((c, *found));
            }
            let kind = by_kind.entry(kind_class(&prediction.kind)).or_default();
            kind.predicted += 1;
            kind.found_predicted += usize::from(*found);
            if let Some(cue) = &prediction.cue {
                let cue = normalise_cue(cue);
                if !cue.is_empty() {
                    let counts = by_cue.entry(cue).or_default();
                    counts.predicted += 1;
                    counts.found_predicted += usize::from(*found);
                }
            }
        }
    }

    let mut cues: Vec<(String, Counts)> = by_cue.into_iter().filter(|(_, c)| c.gold > 0).collect();
    cues.sort_by(|a, b| b.1.gold.cmp(&a.1.gold).then_with(|| a.0.cmp(&b.0)));
    cues.truncate(TOP_CUES);

    AttributionReport {
        documents: docs.len(),
        at30: at30.prf(),
        at80: at80.prf(),
        speaker_accuracy: ratio(speaker_correct, speaker_scored),
        speaker_scored,
        speaker_correct,
        quoted_recall: ratio(quoted_found, quoted_gold),
        quoted_gold,
        quoted_found,
        kind_accuracy: ratio(kind_correct, kind_scored),
        by_kind: by_kind.into_iter().map(|(k, c)| (k, c.prf())).collect(),
        by_cue: cues.into_iter().map(|(k, c)| (k, c.prf())).collect(),
        speech: speech.prf(),
        by_mode: by_mode.into_iter().map(|(k, c)| (k, c.prf())).collect(),
        calibration: Calibration::from_pairs(&confidences),
    }
}

fn percent(value: f64) -> String {
    format!("{:.1}%", value * 100.0)
}

fn write_row(f: &mut fmt::Formatter<'_>, label: &str, prf: &Prf) -> fmt::Result {
    writeln!(
        f,
        "  {label:<22} {:>6} {:>6} {:>6} {:>6} {:>7} {:>7} {:>7}",
        prf.gold,
        prf.predicted,
        prf.found,
        prf.found_predicted,
        percent(prf.precision),
        percent(prf.recall),
        percent(prf.f1)
    )
}

fn write_header(f: &mut fmt::Formatter<'_>, label: &str) -> fmt::Result {
    writeln!(
        f,
        "  {label:<22} {:>6} {:>6} {:>6} {:>6} {:>7} {:>7} {:>7}",
        "gold", "pred", "found", "f.pred", "P", "R", "F1"
    )
}

impl fmt::Display for AttributionReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "Attribution scores over {} documents", self.documents)?;
        write_header(f, "content match")?;
        write_row(f, ">= 30% of gold chars", &self.at30)?;
        write_row(f, ">= 80% of gold chars", &self.at80)?;
        writeln!(
            f,
            "  speaker accuracy  {} ({} of {} found relations with a source)",
            percent(self.speaker_accuracy),
            self.speaker_correct,
            self.speaker_scored
        )?;
        writeln!(
            f,
            "  quoted recall     {} ({} of {} quoted relations)",
            percent(self.quoted_recall),
            self.quoted_found,
            self.quoted_gold
        )?;
        writeln!(
            f,
            "  kind accuracy     {} (over found relations)",
            percent(self.kind_accuracy)
        )?;
        write_header(f, "profile (>= 30%)")?;
        write_row(f, "all", &self.at30)?;
        write_row(f, "speech", &self.speech)?;
        // Gold relations carry no mode: only precision is shown.
        write_header(f, "by mode (>= 30%)")?;
        for (mode, prf) in &self.by_mode {
            writeln!(
                f,
                "  {mode:<22} {:>6} {:>6} {:>6} {:>6} {:>7} {:>7} {:>7}",
                "-",
                prf.predicted,
                "-",
                prf.found_predicted,
                percent(prf.precision),
                "-",
                "-"
            )?;
        }
        if self.calibration.predictions > 0 {
            writeln!(
                f,
                "  confidence: expected calibration error {:.3} over {} predictions",
                self.calibration.expected_calibration_error, self.calibration.predictions
            )?;
            writeln!(f, "    bin          n   right  mean conf  accuracy")?;
            for b in self.calibration.bins.iter().filter(|b| b.predictions > 0) {
                writeln!(
                    f,
                    "    {:.1}-{:.1} {:>7} {:>7}   {:>8.3}  {:>8.3}",
                    b.low, b.high, b.predictions, b.right, b.mean_confidence, b.accuracy
                )?;
            }
        }
        write_header(f, "by kind (>= 30%)")?;
        for (kind, prf) in &self.by_kind {
            write_row(f, kind, prf)?;
        }
        write_header(f, "by cue (>= 30%)")?;
        for (cue, prf) in &self.by_cue {
            let label: String = if cue.chars().count() > 22 {
                cue.chars().take(21).chain(['…']).collect()
            } else {
                cue.clone()
            };
            write_row(f, &label, prf)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Character (code point) span of the first occurrence of `needle`.
    fn span_of(text: &str, needle: &str) -> Span {
        let byte = text
            .find(needle)
            .unwrap_or_else(|| panic!("{needle:?} not in fixture"));
        let start = text[..byte].chars().count();
        Span::new(start, start + needle.chars().count())
    }

    fn t_line(id: &str, kind: &str, text: &str, needles: &[&str]) -> String {
        let spans: Vec<Span> = needles.iter().map(|n| span_of(text, n)).collect();
        let offsets: Vec<String> = spans
            .iter()
            .map(|s| format!("{} {}", s.start, s.end))
            .collect();
        format!(
            "{id}\t{kind} {}\t{}\n",
            offsets.join(";"),
            needles.join(" ")
        )
    }

    fn parse(text: &str, ann: &str) -> (GoldDocument, Vec<LoadWarning>) {
        parse_brat("fixture", text.to_string(), ann, Path::new("fixture.ann")).unwrap()
    }

    const HARBOUR: &str = "Ólafur Brandt said the harbour “will reopen in May,” according to the port office. \
        “We are ready,” he said, “and the boats are waiting.” The mayor’s plan, officials Noted, was late.\n";

    #[test]
    fn discontinuous_content_and_content2_become_pieces_of_one_relation() {
        let text = HARBOUR;
        let mut ann = String::new();
        ann += &t_line(
            "T1",
            "Content",
            text,
            &["“We are ready,”", "“and the boats are waiting.”"],
        );
        ann += &t_line("T2", "Source", text, &["he"]);
        ann += &t_line("T3", "Cue", text, &["said,"]);
        ann += &t_line("T4", "Attribution", text, &["said,"]);
        ann += &t_line("T5", "Content2", text, &["the harbour"]);
        ann += "E1\tAttribution:T4 Content:T1 Cue:T3 Source:T2 Content2:T5\n";
        let (doc, warnings) = parse(text, &ann);
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(doc.attributions.len(), 1);
        let gold = &doc.attributions[0];
        assert_eq!(
            gold.content,
            vec![
                span_of(text, "the harbour"),
                span_of(text, "“We are ready,”"),
                span_of(text, "“and the boats are waiting.”"),
            ]
        );
        assert_eq!(gold.source, vec![span_of(text, "he")]);
        assert_eq!(gold.cue_text, "said,");
        assert!(gold.quoted);
    }

    #[test]
    fn attribution_without_source_has_empty_source() {
        let text = HARBOUR;
        let mut ann = String::new();
        ann += &t_line("T1", "Content", text, &["The mayor’s plan"]);
        ann += &t_line("T2", "Cue", text, &["Noted"]);
        ann += &t_line("T3", "Attribution-no-source", text, &["Noted"]);
        ann += "E1\tAttribution-no-source:T3 Content:T1 Cue:T2 \n";
        let (doc, warnings) = parse(text, &ann);
        assert!(warnings.is_empty(), "{warnings:?}");
        let gold = &doc.attributions[0];
        assert!(gold.source.is_empty());
        assert_eq!(gold.cue_text, "noted");
        // The apostrophe inside "mayor’s" is not a quote mark.
        assert!(!gold.quoted);
    }

    #[test]
    fn role_naming_a_missing_annotation_skips_the_relation_with_a_warning() {
        let text = HARBOUR;
        let mut ann = String::new();
        ann += &t_line("T1", "Content", text, &["“will reopen in May,”"]);
        ann += &t_line("T2", "Source", text, &["Ólafur Brandt"]);
        ann += &t_line("T3", "Cue", text, &["said"]);
        ann += &t_line("T4", "Attribution", text, &["said"]);
        ann += "E1\tAttribution:T4 Content:T1 Cue:T3 Source:T2\n";
        ann += "E2\tAttribution:T4 Content:T99 Cue:T3\n";
        let (doc, warnings) = parse(text, &ann);
        assert_eq!(doc.attributions.len(), 1);
        assert_eq!(warnings.len(), 1);
        assert_eq!(warnings[0].line, Some(6));
        assert_eq!(
            warnings[0].kind,
            LoadWarningKind::MissingAnnotation {
                role: "Content".to_string(),
                id: "T99".to_string()
            }
        );
        assert!(warnings[0].kind.skips_relation());
        let message = warnings[0].to_string();
        assert!(message.starts_with("fixture.ann:6:"), "{message}");
    }

    #[test]
    fn offsets_count_code_points_not_bytes() {
        let text = HARBOUR;
        let source = span_of(text, "he");
        // Multi-byte letters and curly quotes precede the span, so byte and
        // character offsets differ.
        let byte = text.find("he said").unwrap();
        assert!(byte > source.start);
        let mut ann = String::new();
        ann += &t_line("T1", "Content", text, &["“We are ready,”"]);
        ann += &t_line("T2", "Source", text, &["he"]);
        ann += &t_line("T3", "Cue", text, &["said"]);
        ann += "E1\tContent:T1 Source:T2 Cue:T3\n";
        let (doc, warnings) = parse(text, &ann);
        assert!(warnings.is_empty(), "{warnings:?}");
        let gold = &doc.attributions[0];
        assert_eq!(gold.cue_text, "said");
        assert!(gold.quoted);

        // A span ending at the last character is inside the text even though
        // the text has more bytes than characters.
        let chars = text.chars().count();
        assert!(text.len() > chars);
        let ann = format!("T1\tContent {} {chars}\tx\nE1\tContent:T1\n", chars - 5);
        let (doc, warnings) = parse(text, &ann);
        assert_eq!(doc.attributions.len(), 1);
        assert!(
            warnings
                .iter()
                .all(|w| matches!(w.kind, LoadWarningKind::TextMismatch { .. })),
            "{warnings:?}"
        );
        let ann = format!(
            "T1\tContent {} {}\tx\nE1\tContent:T1\n",
            chars - 5,
            chars + 1
        );
        let (doc, warnings) = parse(text, &ann);
        assert!(doc.attributions.is_empty());
        assert!(matches!(
            warnings.as_slice(),
            [LoadWarning { kind: LoadWarningKind::SpanOutOfRange { text_len, .. }, .. }] if *text_len == chars
        ));
    }

    #[test]
    fn recorded_text_is_checked_against_the_offsets() {
        let text = HARBOUR;
        let cue = span_of(text, "said");
        let ann = format!(
            "T1\tCue {} {}\tsaid\nT2\tCue {} {}\tsaid\n",
            cue.start,
            cue.end,
            cue.start + 1,
            cue.end + 1
        );
        let (_, warnings) = parse(text, &ann);
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert_eq!(warnings[0].line, Some(2));
        assert_eq!(
            warnings[0].kind,
            LoadWarningKind::TextMismatch {
                id: "T2".to_string()
            }
        );
    }

    #[test]
    fn notes_other_lines_and_text_continuations_are_ignored() {
        let text = HARBOUR;
        let mut ann = String::new();
        ann += "#1\tAnnotatorNotes T1\tcheck this one\n";
        ann += &t_line("T1", "Discuss", text, &["the port office"]);
        ann += &t_line("T2", "Content", text, &["the harbour"]).replace('\n', "\r\n");
        ann += "continued text of the previous line\n";
        ann += "A1\tNegated E1\n";
        ann += "R1\tLink Arg1:T1 Arg2:T2\n";
        ann += "E1\tContent:T2\n";
        let (doc, warnings) = parse(text, &ann);
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(doc.attributions.len(), 1);
        assert_eq!(
            doc.attributions[0].content,
            vec![span_of(text, "the harbour")]
        );
        assert!(doc.attributions[0].cue.is_empty());
        assert_eq!(doc.attributions[0].cue_text, "");
    }

    #[test]
    fn relation_without_content_is_skipped() {
        let text = HARBOUR;
        let mut ann = String::new();
        ann += &t_line("T1", "Attribution-no-source", text, &["Noted"]);
        ann += "E1\tAttribution-no-source:T1 \n";
        let (doc, warnings) = parse(text, &ann);
        assert!(doc.attributions.is_empty());
        assert_eq!(warnings.len(), 1);
        assert_eq!(warnings[0].kind, LoadWarningKind::NoContent);
    }

    #[test]
    fn malformed_lines_are_errors_naming_file_and_line() {
        let text = HARBOUR;
        for ann in [
            "T1\tContent 4 x\tabc\n",
            "T1\tContent 9 4\tabc\n",
            "\nE1\tContent\n",
            "T1\tContent\n",
        ] {
            let err = parse_brat(
                "fixture",
                text.to_string(),
                ann,
                Path::new("dir/fixture.ann"),
            )
            .unwrap_err();
            let message = err.to_string();
            assert!(message.starts_with("dir/fixture.ann:"), "{message}");
            let line = if ann.starts_with('\n') { ":2:" } else { ":1:" };
            assert!(message.contains(line), "{message}");
        }
    }

    #[test]
    fn quote_marks_and_apostrophes() {
        let text = "It’s ‘soon’, the ’90s «Bonjour» and „gut“ plain.";
        let quoted = |needle: &str| {
            let chars: Vec<char> = text.chars().collect();
            has_quote_mark(&chars, &[span_of(text, needle)])
        };
        assert!(!quoted("It’s"));
        assert!(quoted("‘soon’"));
        assert!(quoted("’90s"));
        assert!(quoted("«Bonjour»"));
        assert!(quoted("„gut"));
        assert!(!quoted("plain."));
    }

    fn write(path: &Path, content: &str) {
        std::fs::write(path, content).unwrap();
    }

    #[test]
    fn flat_layout_loads_sorted_pairs() {
        let dir = tempfile::tempdir().unwrap();
        let text_b = "Quiet day. “Nothing happened,” Ina said.\n";
        let ann_b = t_line("T1", "Content", text_b, &["“Nothing happened,”"]) + "E1\tContent:T1\n";
        write(&dir.path().join("b-story.txt"), text_b);
        write(&dir.path().join("b-story.ann"), &ann_b);
        write(&dir.path().join("a-story.txt"), "No quotes here.\n");
        write(&dir.path().join("a-story.ann"), "");
        write(&dir.path().join("annotation.conf"), "[entities]\n");
        let docs = load_brat(dir.path()).unwrap();
        let names: Vec<&str> = docs.iter().map(|d| d.name.as_str()).collect();
        assert_eq!(names, ["a-story", "b-story"]);
        assert!(docs[0].attributions.is_empty());
        assert_eq!(docs[1].attributions.len(), 1);
        assert_eq!(docs[1].text, text_b);

        write(&dir.path().join("c-story.txt"), "Orphan.\n");
        let err = load_brat(dir.path()).unwrap_err();
        assert!(
            matches!(err, AttributionError::NoAnnotation { ref path } if path.ends_with("c-story.txt"))
        );

        let empty = tempfile::tempdir().unwrap();
        assert!(matches!(
            load_brat(empty.path()).unwrap_err(),
            AttributionError::NoDocuments { .. }
        ));
    }

    /// `root/metadata.tsv` (optional) and `root/dev/{text,attributions}`.
    fn split_fixture(metadata: Option<&str>) -> tempfile::TempDir {
        let root = tempfile::tempdir().unwrap();
        let dev = root.path().join("dev");
        std::fs::create_dir_all(dev.join("text")).unwrap();
        std::fs::create_dir_all(dev.join("attributions")).unwrap();
        let text = "The ferry_line chief said “delays are over.” Others doubted it.\n";
        write(&dev.join("text/ferry_line.txt"), text);
        write(&dev.join("text/bakery.txt"), text);
        // Annotator aa01 marks the quote, zz09 marks the doubt.
        let quote = t_line("T1", "Content", text, &["“delays are over.”"]) + "E1\tContent:T1\n";
        let doubt = t_line("T1", "Content", text, &["it"]) + "E1\tContent:T1\n";
        write(&dev.join("attributions/ferry_line_aa01.ann"), &quote);
        write(&dev.join("attributions/ferry_line_zz09.ann"), &doubt);
        write(&dev.join("attributions/bakery_aa01.ann"), &quote);
        write(&dev.join("attributions/bakery_zz09.ann"), &doubt);
        if let Some(metadata) = metadata {
            write(&root.path().join("metadata.tsv"), metadata);
        }
        root
    }

    #[test]
    fn metadata_picks_the_first_listed_annotator() {
        let metadata = "compartment\tfilename\tlevel\tannotators\tpublisher\n\
                        dev\tferry_line\t3\tzz09|aa01\tgazette\n";
        let root = split_fixture(Some(metadata));
        let corpus = load_brat_corpus(&root.path().join("dev")).unwrap();
        let names: Vec<&str> = corpus.documents.iter().map(|d| d.name.as_str()).collect();
        assert_eq!(names, ["bakery", "ferry_line"]);
        // bakery is not listed: alphabetically first annotator, with a warning.
        assert!(corpus.documents[0].attributions[0].quoted);
        // ferry_line lists zz09 first.
        assert!(!corpus.documents[1].attributions[0].quoted);
        assert_eq!(corpus.warnings.len(), 1, "{:?}", corpus.warnings);
        assert_eq!(corpus.warnings[0].kind, LoadWarningKind::NotInMetadata);
        assert_eq!(corpus.skipped_relations(), 0);

        let metadata = "compartment\tfilename\tannotators\n\
                        dev\tferry_line\tqq00, zz09\n\
                        dev\tbakery\tzz09 aa01\n";
        let root = split_fixture(Some(metadata));
        let corpus = load_brat_corpus(&root.path().join("dev")).unwrap();
        assert!(!corpus.documents[0].attributions[0].quoted);
        assert!(corpus.documents[1].attributions[0].quoted);
        assert_eq!(corpus.warnings.len(), 1, "{:?}", corpus.warnings);
        assert_eq!(corpus.warnings[0].line, Some(2));
        assert_eq!(
            corpus.warnings[0].kind,
            LoadWarningKind::ListedAnnotatorMissing {
                annotator: "qq00".to_string()
            }
        );
    }

    #[test]
    fn without_metadata_the_alphabetically_first_annotator_is_used() {
        let root = split_fixture(None);
        let corpus = load_brat_corpus(&root.path().join("dev")).unwrap();
        assert_eq!(corpus.documents.len(), 2);
        assert!(corpus.documents.iter().all(|d| d.attributions[0].quoted));
        assert!(corpus.warnings.is_empty());
    }

    #[test]
    fn metadata_without_annotators_column_is_an_error() {
        let root = split_fixture(Some("compartment\tfilename\n"));
        let err = load_brat_corpus(&root.path().join("dev")).unwrap_err();
        let message = err.to_string();
        assert!(message.contains("metadata.tsv:1:"), "{message}");
        assert!(message.contains("annotators"), "{message}");
    }

    // ---- scoring ----

    fn gold(
        content: &[(usize, usize)],
        source: Option<(usize, usize)>,
        cue: &str,
        quoted: bool,
    ) -> GoldAttribution {
        GoldAttribution {
            content: content.iter().map(|&(s, e)| Span::new(s, e)).collect(),
            source: source.into_iter().map(|(s, e)| Span::new(s, e)).collect(),
            cue: Vec::new(),
            cue_text: cue.to_string(),
            quoted,
        }
    }

    fn doc(attributions: Vec<GoldAttribution>) -> GoldDocument {
        GoldDocument {
            name: "d".to_string(),
            text: "x".repeat(400),
            attributions,
        }
    }

    fn pred(
        span: (usize, usize),
        kind: &str,
        cue: Option<&str>,
        speaker: Option<(usize, usize)>,
    ) -> PredictedQuote {
        PredictedQuote {
            spans: vec![Span::new(span.0, span.1)],
            kind: kind.to_string(),
            cue: cue.map(str::to_string),
            speaker: speaker.map(|(s, e)| Span::new(s, e)),
            mode: None,
            confidence: None,
        }
    }

    #[test]
    fn calibration_bins_confidences_and_weighs_their_gaps() {
        // Four predictions at 0.9 of which three are right, two at 0.15 of
        // which none is.
        let pairs = [
            (0.9, true),
            (0.9, true),
            (0.9, true),
            (0.9, false),
            (0.15, false),
            (0.15, false),
        ];
        let c = Calibration::from_pairs(&pairs);
        assert_eq!(c.predictions, 6);
        let high = &c.bins[9];
        assert_eq!((high.predictions, high.right), (4, 3));
        assert!((high.accuracy - 0.75).abs() < 1e-9);
        let low = &c.bins[1];
        assert_eq!((low.predictions, low.right), (2, 0));
        // 4/6 * |0.75 - 0.9| + 2/6 * |0 - 0.15| = 0.15
        assert!((c.expected_calibration_error - 0.15).abs() < 1e-9);
    }

    #[test]
    fn the_speech_profile_scores_speech_and_writing_predictions_only() {
        let docs = vec![doc(vec![
            gold(&[(10, 50)], Some((0, 8)), "said", true),
            gold(&[(60, 90)], Some((92, 100)), "believes", false),
        ])];
        let mut said = pred((10, 50), "direct", Some("said"), Some((0, 8)));
        said.mode = Some("speech".into());
        let mut thinks = pred((60, 90), "indirect", Some("believes"), None);
        thinks.mode = Some("thought".into());
        let mut wrong = pred((200, 260), "indirect", Some("wrote"), None);
        wrong.mode = Some("writing".into());
        let report = score(&docs, &[vec![said, thinks, wrong]]);
        assert_eq!((report.at30.predicted, report.at30.found), (3, 2));
        assert_eq!((report.speech.predicted, report.speech.found), (2, 1));
        assert!((report.speech.precision - 0.5).abs() < 1e-9);
        assert_eq!(report.by_mode["thought"].found_predicted, 1);
        assert_eq!(report.by_mode["writing"].found_predicted, 0);
    }

    #[test]
    fn perfect_prediction_scores_one() {
        let docs = vec![doc(vec![
            gold(&[(10, 50)], Some((0, 8)), "said", true),
            gold(&[(60, 90)], Some((92, 100)), "told", false),
        ])];
        let preds = vec![vec![
            pred((60, 90), "indirect", Some("told"), Some((92, 100))),
            pred((10, 50), "direct", Some("Said"), Some((0, 8))),
        ]];
        let report = score(&docs, &preds);
        assert_eq!(report.documents, 1);
        for prf in [&report.at30, &report.at80] {
            assert_eq!((prf.gold, prf.predicted, prf.found), (2, 2, 2));
            assert_eq!(prf.f1, 1.0);
        }
        assert_eq!(report.speaker_accuracy, 1.0);
        assert_eq!(report.speaker_scored, 2);
        assert_eq!(report.quoted_recall, 1.0);
        assert_eq!(report.quoted_gold, 1);
        assert_eq!(report.kind_accuracy, 1.0);
        let said = report.by_cue.iter().find(|(c, _)| c == "said").unwrap();
        assert_eq!(
            (said.1.gold, said.1.predicted, said.1.found_predicted),
            (1, 1, 1)
        );
    }

    #[test]
    fn half_coverage_counts_at_30_but_not_at_80() {
        let docs = vec![doc(vec![gold(&[(100, 200)], None, "said", false)])];
        let preds = vec![vec![pred((150, 260), "indirect", None, None)]];
        let report = score(&docs, &preds);
        assert_eq!(report.at30.found, 1);
        assert_eq!(report.at30.f1, 1.0);
        assert_eq!(report.at80.found, 0);
        assert_eq!(report.at80.f1, 0.0);
        // No gold source: no speaker judgement.
        assert_eq!(report.speaker_scored, 0);
        assert_eq!(report.speaker_accuracy, 0.0);
    }

    #[test]
    fn thresholds_are_inclusive_and_pieces_all_count() {
        // Two pieces, 50 characters in all; the prediction covers 15 (30%).
        let docs = vec![doc(vec![gold(&[(0, 20), (40, 70)], None, "", false)])];
        let report = score(&docs, &[vec![pred((55, 80), "indirect", None, None)]]);
        assert_eq!(report.at30.found, 1);
        let report = score(&docs, &[vec![pred((56, 80), "indirect", None, None)]]);
        assert_eq!(report.at30.found, 0);
        // Covering both pieces and the gap: 100%.
        let report = score(&docs, &[vec![pred((0, 70), "indirect", None, None)]]);
        assert_eq!(report.at80.found, 1);
    }

    #[test]
    fn two_predictions_over_one_gold_match_once() {
        let docs = vec![doc(vec![gold(&[(0, 100)], None, "said", true)])];
        let preds = vec![vec![
            pred((0, 60), "direct", None, None),
            pred((50, 100), "direct", None, None),
        ]];
        let report = score(&docs, &preds);
        assert_eq!(report.at30.found, 1);
        assert_eq!(report.at30.precision, 0.5);
        assert_eq!(report.at30.recall, 1.0);
        assert!((report.at30.f1 - 2.0 / 3.0).abs() < 1e-12);
    }

    #[test]
    fn greedy_matching_takes_best_coverage_first() {
        // The long prediction covers gold A fully and gold B by 40%; the
        // short one covers B by 35%. Best first: long-A, then short-B.
        let docs = vec![doc(vec![
            gold(&[(0, 100)], None, "", false),
            gold(&[(100, 200)], None, "", false),
        ])];
        let preds = vec![vec![
            pred((0, 140), "indirect", None, None),
            pred((165, 200), "indirect", None, None),
        ]];
        let report = score(&docs, &preds);
        assert_eq!(report.at30.found, 2);
        assert_eq!(report.at80.found, 1);
    }

    #[test]
    fn speaker_missing_the_source_lowers_accuracy() {
        let docs = vec![doc(vec![
            gold(&[(10, 50)], Some((0, 8)), "said", true),
            gold(&[(60, 90)], Some((92, 100)), "said", true),
            gold(&[(110, 150)], Some((200, 210)), "said", true),
        ])];
        let preds = vec![vec![
            pred((10, 50), "direct", None, Some((4, 12))),
            pred((60, 90), "direct", None, Some((100, 108))),
            pred((110, 150), "direct", None, None),
        ]];
        let report = score(&docs, &preds);
        assert_eq!(report.speaker_scored, 3);
        assert_eq!(report.speaker_correct, 1);
        assert!((report.speaker_accuracy - 1.0 / 3.0).abs() < 1e-12);
    }

    #[test]
    fn by_kind_splits_gold_by_quotes_and_predictions_by_kind() {
        let docs = vec![doc(vec![
            gold(&[(0, 40)], None, "said", true),
            gold(&[(50, 90)], None, "said", true),
            gold(&[(100, 140)], None, "argued", false),
        ])];
        let preds = vec![vec![
            pred((0, 40), "partial", Some("said"), None),
            // An unquoted gold found by a "direct" prediction.
            pred((100, 140), "direct", Some("argued"), None),
            // A false alarm.
            pred((300, 340), "indirect", Some("Said"), None),
            // A quoted gold found by an "indirect" prediction.
            pred((50, 90), "indirect", None, None),
        ]];
        let report = score(&docs, &preds);
        let direct = &report.by_kind["direct"];
        assert_eq!((direct.gold, direct.found), (2, 2));
        assert_eq!((direct.predicted, direct.found_predicted), (2, 2));
        let indirect = &report.by_kind["indirect"];
        assert_eq!((indirect.gold, indirect.found), (1, 1));
        assert_eq!((indirect.predicted, indirect.found_predicted), (2, 1));
        assert_eq!(indirect.precision, 0.5);
        assert_eq!(report.kind_accuracy, 1.0 / 3.0);
        assert_eq!(report.quoted_gold, 2);
        assert_eq!(report.quoted_recall, 1.0);

        let cues: Vec<&str> = report.by_cue.iter().map(|(c, _)| c.as_str()).collect();
        assert_eq!(cues, ["said", "argued"]);
        let said = &report.by_cue[0].1;
        assert_eq!(
            (said.gold, said.found, said.predicted, said.found_predicted),
            (2, 2, 2, 1)
        );
    }

    #[test]
    fn missing_prediction_lists_count_as_empty() {
        let docs = vec![
            doc(vec![gold(&[(0, 40)], None, "said", true)]),
            doc(vec![gold(&[(0, 40)], None, "said", true)]),
        ];
        let report = score(&docs, &[vec![pred((0, 40), "direct", None, None)]]);
        assert_eq!(report.at30.gold, 2);
        assert_eq!(report.at30.found, 1);
        assert_eq!(report.at30.precision, 1.0);
        assert_eq!(report.at30.recall, 0.5);
        let empty = score(&[], &[]);
        assert_eq!(empty.at30.f1, 0.0);
        assert!(empty.by_cue.is_empty());
    }

    #[test]
    fn by_cue_keeps_the_most_frequent_gold_cues() {
        let mut attributions = Vec::new();
        for i in 0..30 {
            for _ in 0..=(i % 3) {
                attributions.push(gold(&[(0, 10)], None, &format!("cue{i:02}"), false));
            }
        }
        let report = score(&[doc(attributions)], &[]);
        assert_eq!(report.by_cue.len(), TOP_CUES);
        assert_eq!(report.by_cue[0].0, "cue02");
        assert_eq!(report.by_cue[0].1.gold, 3);
        assert!(report.by_cue.windows(2).all(|w| w[0].1.gold >= w[1].1.gold));
    }

    #[test]
    fn report_prints_a_table() {
        let docs = vec![doc(vec![gold(&[(10, 50)], Some((0, 8)), "said", true)])];
        let report = score(
            &docs,
            &[vec![pred((10, 50), "direct", Some("said"), Some((0, 8)))]],
        );
        let table = report.to_string();
        assert!(
            table.starts_with("Attribution scores over 1 documents\n"),
            "{table}"
        );
        assert!(table.contains(">= 30% of gold chars"), "{table}");
        assert!(table.contains("100.0%"), "{table}");
        assert!(
            table.lines().any(|l| l.trim_start().starts_with("said")),
            "{table}"
        );
        assert!(table.lines().count() >= 10, "{table}");
    }
}
