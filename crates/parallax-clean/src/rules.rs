//! Line rules for boilerplate, read from `data/boilerplate.tsv`.

use std::collections::HashMap;

use regex::{Regex, RegexSet, RegexSetBuilder};

use crate::CleanError;

const FILE: &str = "data/boilerplate.tsv";
const DATA: &str = include_str!("../../../data/boilerplate.tsv");
const OUTLETS: &str = include_str!("../../../data/gazetteer_outlets.tsv");
const CREDITS: &str = include_str!("../../../data/credit_names.txt");

/// Why a line is boilerplate: the reason code and the rule that fired.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    pub reason: &'static str,
    pub detail: String,
}

/// The compiled boilerplate rules.
#[derive(Debug)]
pub struct BoilerplateRules {
    /// Whole lines, lower-cased, to their reason.
    lines: HashMap<String, &'static str>,
    /// Regexes (prefix rules become anchored regexes), tried together.
    set: RegexSet,
    /// Reason code and data-file line of each regex in `set`.
    patterns: Vec<(&'static str, usize)>,
}

/// The reason codes a rule may give (those of the output contract).
fn reason_code(s: &'static str) -> Option<&'static str> {
    const CODES: [&str; 12] = [
        "related-link",
        "live-updates",
        "social-embed",
        "navigation",
        "image-placeholder",
        "footer",
        "legal-notice",
        "caption",
        "credit",
        "page-chrome",
        "byline",
        "repeated-line",
    ];
    CODES.iter().copied().find(|c| *c == s)
}

/// The line as a reader sees it: without bullets and surrounding space.
pub fn bare(line: &str) -> &str {
    line.trim()
        .trim_start_matches(['•', '·', '*', '-', '–', '|', '›', '»'])
        .trim()
}

/// The names that sign picture credits by themselves, as one regex group
/// that ignores case: the agencies of `data/gazetteer_outlets.tsv` and the
/// names of `data/credit_names.txt`. Longer names come first.
fn credit_names() -> Result<String, CleanError> {
    let mut names: Vec<&str> = Vec::new();
    for (i, raw) in OUTLETS.lines().enumerate() {
        let line = raw.trim_end();
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        let mut cols = line.split('\t').map(str::trim);
        if cols.next() != Some("agency") {
            continue;
        }
        let row: Vec<&str> = cols.collect();
        if row.is_empty() || row.iter().any(|n| n.is_empty()) {
            return Err(CleanError::Data {
                file: "data/gazetteer_outlets.tsv",
                line: i + 1,
                reason: "an agency line needs names in every column".into(),
            });
        }
        names.extend(row);
    }
    names.extend(
        CREDITS
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#')),
    );
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    names.dedup();
    let alternatives: Vec<String> = names
        .iter()
        .map(|n| {
            n.split_whitespace()
                .map(regex::escape)
                .collect::<Vec<_>>()
                .join(r"\s+")
        })
        .collect();
    Ok(format!("(?i:{})", alternatives.join("|")))
}

impl BoilerplateRules {
    pub fn load() -> Result<Self, CleanError> {
        let credit = credit_names()?;
        let mut lines = HashMap::new();
        let mut regexes = Vec::new();
        let mut patterns = Vec::new();
        for (i, raw) in DATA.lines().enumerate() {
            let line = raw.trim_end();
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            let err = |reason: String| CleanError::Data {
                file: FILE,
                line: i + 1,
                reason,
            };
            let mut cols = line.splitn(3, '\t');
            let (Some(reason), Some(kind), Some(pattern)) = (cols.next(), cols.next(), cols.next())
            else {
                return Err(err("expected three tab-separated columns".into()));
            };
            let reason =
                reason_code(reason).ok_or_else(|| err(format!("unknown reason '{reason}'")))?;
            let source = match kind {
                "line" => {
                    lines.insert(pattern.to_lowercase(), reason);
                    continue;
                }
                "prefix" => format!("^(?i:{})", regex::escape(pattern)),
                // ASCII word boundaries keep the set on its fast automaton;
                // the rules' words are ASCII.
                "regex" => pattern
                    .replace(r"\b", r"(?-u:\b)")
                    .replace("{credit}", &credit),
                other => return Err(err(format!("unknown match kind '{other}'"))),
            };
            Regex::new(&source).map_err(|e| err(e.to_string()))?;
            regexes.push(source);
            patterns.push((reason, i + 1));
        }
        // A generous automaton cache: the rules' bounded repetitions over
        // Unicode classes need many states, and a thrashing cache falls back
        // to a much slower engine.
        let set = RegexSetBuilder::new(&regexes)
            .dfa_size_limit(64 << 20)
            .build()
            .map_err(|e| CleanError::Data {
                file: FILE,
                line: 0,
                reason: e.to_string(),
            })?;
        Ok(BoilerplateRules {
            lines,
            set,
            patterns,
        })
    }

    /// The verdict on one line, or `None` when it reads as article text.
    pub fn judge(&self, line: &str) -> Option<Verdict> {
        let b = bare(line);
        if b.is_empty() {
            return None;
        }
        if b.len() <= 64 {
            let key = b.trim_end_matches([':', '.']).to_lowercase();
            if let Some(&reason) = self.lines.get(&key) {
                return Some(Verdict {
                    reason,
                    detail: format!("the line reads '{b}'"),
                });
            }
        }
        let text = line.trim();
        // Most lines match nothing: a cheap yes/no first, which rule second.
        if !self.set.is_match(text) {
            return None;
        }
        let first = self.set.matches(text).into_iter().next()?;
        let (reason, line) = self.patterns.get(first)?;
        Some(Verdict {
            reason,
            detail: format!("{reason} rule at {FILE}:{line}"),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_compile_and_judge() {
        let r = BoilerplateRules::load().unwrap();
        let reason = |s: &str| r.judge(s).map(|v| v.reason);
        assert_eq!(
            reason("READ MORE: Ministers quarrel over ferry"),
            Some("related-link")
        );
        assert_eq!(reason("LISTEN MORE:"), Some("related-link"));
        assert_eq!(
            reason("Follow the Gazette's LIVE UPDATES on the storm"),
            Some("live-updates")
        );
        assert_eq!(
            reason("— Jo Bloggs (@jo_b) April 2, 2030"),
            Some("social-embed")
        );
        assert_eq!(
            reason("Look at this pic.twitter.com/Ab12Cd"),
            Some("social-embed")
        );
        assert_eq!(reason("Accessibility links"), Some("navigation"));
        assert_eq!(reason("  • 16x9 Image"), Some("image-placeholder"));
        assert_eq!(
            reason("© 2030 The Gazette. All rights reserved."),
            Some("legal-notice")
        );
        assert_eq!(reason("With reporting by wire agencies"), Some("byline"));
        assert_eq!(reason("The mayor said more buses would run."), None);
        assert_eq!(
            reason("Breaking news is what we do, the editor said."),
            None
        );
        assert_eq!(reason("Copyright holders sued the firm."), None);
    }

    #[test]
    fn credit_lines_by_shape() {
        let r = BoilerplateRules::load().unwrap();
        let reason = |s: &str| r.judge(s).map(|v| v.reason);
        for line in [
            "Getty Images",
            "Ada Quill/Reuters",
            "Ada Quill/The Velmar Daily Ledger",
            "Ada Quill / Velmar Harbour Authority",
            "REUTERS/Ada Quill",
            "Ada Quill/AFP/Getty Images, FILE",
            "(AP Photo/Tomas Brell)",
            "Photo: Ada Quill/Reuters",
            "Photograph: Ada Quill/EPA",
            "Photo by Tomas Brell/Velmar Harbour Authority",
            "Image: Velmar Harbour Authority",
            "Credit: Ada Quill",
            "Courtesy of the Ostrena Maritime Museum",
            "AFP via Getty Images",
            "Ada Quill/Bloomberg via Getty Images",
            "Ada M. Quill /The Velmar Daily Ledger via AP",
            "– Reuters",
            "— AFP",
            "File photo",
            "FILE PHOTO",
            "toggle caption Ada Quill/AP",
            "Enlarge this image toggle caption Ada Quill/AP Ada Quill/AP",
            "Enlarge this image Ada Quill/Getty Images Ada Quill/Getty Images",
            "Ada Quill—AFP/Getty Images",
            "Ada Quill - Pool/Getty Images",
            "Photographer: Ada Quill/Bloomberg",
            "File photo: Ada Quill/Reuters",
            "Enlarge this image toggle caption Ada Quill/AFP via Getty Images",
        ] {
            assert_eq!(reason(line), Some("credit"), "{line}");
        }
        // A caption says what the picture shows.
        for line in [
            "Photo: A ferry leaves the harbour at dawn",
            "Image copyright Reuters Image caption The mayor waves from the pier",
            "Hide caption The mayor waves from the pier. Ada Quill/AP",
        ] {
            assert_eq!(reason(line), Some("caption"), "{line}");
        }
        // Running text that names agencies stays.
        for line in [
            "Reuters reported the strike on Monday.",
            "The mayor told Reuters the ferries would run.",
            "A Reuters/Ipsos poll found support had fallen to 31 percent.",
            "Noah Brell, Bloomberg",
            "The ministry said so in a statement via Twitter.",
            "Getty Images said it would appeal the ruling.",
            "Most Ferries Sail Again — Really",
            "POLL CHECK - Harbour Survey Averages",
            "Trump/Putin Summit Ends Without a Deal",
            "Ferry/Rail Strike Ends",
            "(H/T Velmar Daily Ledger)",
        ] {
            assert_eq!(reason(line), None, "{line}");
        }
    }
}
