//! Which JSON field holds which part of a document.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

use serde_json::{Map, Value};

/// The parts of a document that a JSON record can carry.
const TARGETS: [&str; 7] = ["id", "text", "html", "url", "outlet", "published", "title"];

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum FieldError {
    #[error("field mapping '{0}' is not of the form NAME=FIELD")]
    Malformed(String),
    #[error(
        "unknown field '{0}': mappable names are id, text, html, url, outlet, published, title"
    )]
    UnknownTarget(String),
}

/// Maps Parallax's names for document parts to the input's field names.
///
/// Corpora name their fields differently (`source` for the outlet, `date`
/// for the publication date, `body` for the text); a mapping says where to
/// look without rewriting the corpus.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldMap {
    names: [String; 7],
    /// Which names were set with [`FieldMap::set`] rather than left as the default.
    explicit: [bool; 7],
}

impl Default for FieldMap {
    fn default() -> Self {
        FieldMap {
            names: TARGETS.map(str::to_string),
            explicit: [false; 7],
        }
    }
}

impl FieldMap {
    /// Apply one `NAME=FIELD` mapping, e.g. `outlet=source`.
    pub fn set(&mut self, spec: &str) -> Result<(), FieldError> {
        let (target, field) = spec
            .split_once('=')
            .map(|(a, b)| (a.trim(), b.trim()))
            .filter(|(a, b)| !a.is_empty() && !b.is_empty())
            .ok_or_else(|| FieldError::Malformed(spec.to_string()))?;
        let slot = TARGETS
            .iter()
            .position(|t| *t == target)
            .ok_or_else(|| FieldError::UnknownTarget(target.to_string()))?;
        if let (Some(name), Some(explicit)) =
            (self.names.get_mut(slot), self.explicit.get_mut(slot))
        {
            *name = field.to_string();
            *explicit = true;
        }
        Ok(())
    }

    /// The mappings set explicitly, as `(name, field)` pairs in the order of
    /// the names. The defaults are left out: a corpus may well lack `url`.
    pub fn mapped(&self) -> Vec<(&'static str, String)> {
        TARGETS
            .iter()
            .zip(&self.names)
            .zip(&self.explicit)
            .filter(|(_, explicit)| **explicit)
            .map(|((target, name), _)| (*target, name.clone()))
            .collect()
    }

    fn get(&self, target: &'static str) -> &str {
        TARGETS
            .iter()
            .position(|t| *t == target)
            .and_then(|i| self.names.get(i))
            .map(String::as_str)
            .unwrap_or(target)
    }

    pub fn id(&self) -> &str {
        self.get("id")
    }
    pub fn text(&self) -> &str {
        self.get("text")
    }
    pub fn html(&self) -> &str {
        self.get("html")
    }
    pub fn url(&self) -> &str {
        self.get("url")
    }
    pub fn outlet(&self) -> &str {
        self.get("outlet")
    }
    pub fn published(&self) -> &str {
        self.get("published")
    }
    pub fn title(&self) -> &str {
        self.get("title")
    }
}

/// How many JSON records the early field check waits for.
pub(crate) const EARLY_CHECK_RECORDS: u64 = 1000;

/// Which of the explicit mappings the JSON records read so far carry. One
/// is shared by every JSON Lines file of a run.
#[derive(Debug)]
pub(crate) struct FieldUsage {
    mapped: Vec<(&'static str, String)>,
    seen: Vec<AtomicBool>,
    records: AtomicU64,
}

impl FieldUsage {
    pub(crate) fn new(map: &FieldMap) -> Self {
        let mapped = map.mapped();
        let seen = mapped.iter().map(|_| AtomicBool::new(false)).collect();
        FieldUsage {
            mapped,
            seen,
            records: AtomicU64::new(0),
        }
    }

    /// Note one JSON record and the mapped fields it has (even empty ones).
    pub(crate) fn observe(&self, record: &Map<String, Value>) {
        self.records.fetch_add(1, Ordering::Relaxed);
        for ((_, field), seen) in self.mapped.iter().zip(&self.seen) {
            if !seen.load(Ordering::Relaxed) && record.contains_key(field) {
                seen.store(true, Ordering::Relaxed);
            }
        }
    }

    pub(crate) fn records(&self) -> u64 {
        self.records.load(Ordering::Relaxed)
    }

    /// The report on the mapped fields no record had yet, if any.
    pub(crate) fn unseen(&self, complete: bool) -> Option<UnseenFields> {
        let fields: Vec<(&'static str, String)> = self
            .mapped
            .iter()
            .zip(&self.seen)
            .filter(|(_, seen)| !seen.load(Ordering::Relaxed))
            .map(|(m, _)| m.clone())
            .collect();
        let records = self.records();
        (records > 0 && !fields.is_empty()).then_some(UnseenFields {
            fields,
            records,
            complete,
        })
    }
}

/// Fields mapped with `--field` that none of the JSON records read has:
/// most often a name spelt differently from the input's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnseenFields {
    /// `(name, field)` pairs, e.g. `("outlet", "sourec")`.
    pub fields: Vec<(&'static str, String)>,
    /// How many JSON records had been read when the check was made.
    pub records: u64,
    /// Whether the whole input had been read; if not, this is the early
    /// check after the first records.
    pub complete: bool,
}

impl std::fmt::Display for UnseenFields {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let list: Vec<String> = self
            .fields
            .iter()
            .map(|(name, field)| format!("'{field}' (--field {name}={field})"))
            .collect();
        let (noun, verb) = if self.fields.len() == 1 {
            ("field", "is")
        } else {
            ("fields", "are")
        };
        let records = match (self.records, self.complete) {
            (1, _) => "the one JSON record read".to_string(),
            (n, true) => format!("any of the {n} JSON records read"),
            (n, false) => format!("any of the first {n} JSON records"),
        };
        write!(
            f,
            "mapped {noun} {} {verb} not in {records}",
            list.join(", ")
        )?;
        if !self.complete {
            write!(f, "; check the spelling against the input")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_and_rejects() {
        let mut m = FieldMap::default();
        m.set("outlet=source").unwrap();
        m.set(" published = date ").unwrap();
        assert_eq!(m.outlet(), "source");
        assert_eq!(m.published(), "date");
        assert_eq!(m.text(), "text");
        assert!(matches!(m.set("outlet"), Err(FieldError::Malformed(_))));
        assert!(matches!(m.set("=x"), Err(FieldError::Malformed(_))));
        assert!(matches!(
            m.set("author=by"),
            Err(FieldError::UnknownTarget(_))
        ));
    }

    #[test]
    fn only_explicit_mappings_are_listed() {
        let mut m = FieldMap::default();
        assert!(m.mapped().is_empty());
        m.set("published=date").unwrap();
        m.set("outlet=source").unwrap();
        m.set("outlet=site").unwrap();
        assert_eq!(
            m.mapped(),
            [
                ("outlet", "site".to_string()),
                ("published", "date".to_string())
            ]
        );
    }

    fn object(json: &str) -> Map<String, Value> {
        match serde_json::from_str(json).unwrap() {
            Value::Object(o) => o,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn usage_names_the_fields_no_record_has() {
        let mut m = FieldMap::default();
        m.set("outlet=sourec").unwrap();
        m.set("published=date").unwrap();
        let usage = FieldUsage::new(&m);
        assert_eq!(usage.unseen(true), None, "no record read, nothing to say");
        usage.observe(&object(r#"{"text":"a","source":"X"}"#));
        // A field that is present but empty still shows the mapping is right.
        usage.observe(&object(r#"{"text":"b","date":""}"#));
        let unseen = usage.unseen(true).unwrap();
        assert_eq!(unseen.fields, [("outlet", "sourec".to_string())]);
        assert_eq!(unseen.records, 2);
        assert_eq!(
            unseen.to_string(),
            "mapped field 'sourec' (--field outlet=sourec) is not in any of the 2 JSON records read"
        );
        let early = usage.unseen(false).unwrap().to_string();
        assert!(
            early.contains("first 2 JSON records; check the spelling"),
            "{early}"
        );
        usage.observe(&object(r#"{"sourec":null}"#));
        assert_eq!(usage.unseen(true), None);
    }
}
