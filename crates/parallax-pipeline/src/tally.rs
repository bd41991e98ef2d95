use std::collections::BTreeMap;
use std::fmt;

/// What a run did with its input: every document or record read is either
/// analysed or skipped with a reason.
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
}

impl Tally {
    pub fn skip(&mut self, reason: &'static str) {
        *self.skipped.entry(reason).or_default() += 1;
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
        write!(f, "; {} warning(s)", self.warnings)
    }
}
