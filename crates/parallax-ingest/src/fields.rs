//! Which JSON field holds which part of a document.

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
}

impl Default for FieldMap {
    fn default() -> Self {
        FieldMap {
            names: TARGETS.map(str::to_string),
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
        self.names[slot] = field.to_string();
        Ok(())
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
}
