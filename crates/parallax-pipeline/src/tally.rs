use std::collections::BTreeMap;
use std::fmt;

use parallax_ingest::UnseenFields;

/// What a run did with its input: every document or record read is either
/// analysed or skipped with a reason. WARC records that hold no page
/// (requests, `warcinfo`…) are not documents: they are counted apart.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tally {
    pub read: u64,
    pub analysed: u64,
    /// Skipped items by reason code.
    pub skipped: BTreeMap<&'static str, u64>,
    /// Warnings on analysed documents (lossy decoding, unreadable dates…).
    pub warnings: u64,
    /// Bytes of document text or markup read (after decompression).
    pub bytes: u64,
    /// WARC records that are not pages, by what they are (`request`,
    /// `warcinfo`, `non-HTML response`…).
    pub not_pages: BTreeMap<String, u64>,
    /// Fields mapped with `--field` that no JSON record of the run had.
    pub unseen_fields: Option<UnseenFields>,
}

impl Tally {
    pub fn skip(&mut self, reason: &'static str) {
        *self.skipped.entry(reason).or_default() += 1;
    }

    pub fn not_a_page(&mut self, what: String) {
        *self.not_pages.entry(what).or_default() += 1;
    }

    pub fn skipped_total(&self) -> u64 {
        self.skipped.values().sum()
    }
}

impl fmt::Display for Tally {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "read {}, analysed {}, skipped {}",
            self.read,
            self.analysed,
            self.skipped_total()
        )?;
        if !self.skipped.is_empty() {
            let parts: Vec<String> = self
                .skipped
                .iter()
                .map(|(k, v)| format!("{k} {v}"))
                .collect();
            write!(f, " ({})", parts.join(", "))?;
        }
        write!(f, "; {} warning(s)", self.warnings)?;
        let not_pages: u64 = self.not_pages.values().sum();
        if not_pages > 0 {
            let parts: Vec<String> = self
                .not_pages
                .iter()
                .map(|(k, v)| format!("{k} {v}"))
                .collect();
            let what = if not_pages == 1 {
                "WARC record that is not a page"
            } else {
                "WARC records that are not pages"
            };
            write!(f, "; {not_pages} {what} ({})", parts.join(", "))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_that_are_not_pages_are_counted_apart_from_skips() {
        let mut t = Tally {
            read: 2,
            analysed: 1,
            ..Default::default()
        };
        t.skip("no-text");
        assert_eq!(
            t.to_string(),
            "read 2, analysed 1, skipped 1 (no-text 1); 0 warning(s)"
        );
        t.not_a_page("warcinfo".into());
        assert!(
            t.to_string()
                .ends_with("; 1 WARC record that is not a page (warcinfo 1)"),
            "{t}"
        );
        t.not_a_page("request".into());
        t.not_a_page("request".into());
        assert_eq!(
            t.to_string(),
            "read 2, analysed 1, skipped 1 (no-text 1); 0 warning(s); \
             3 WARC records that are not pages (request 2, warcinfo 1)"
        );
    }
}
