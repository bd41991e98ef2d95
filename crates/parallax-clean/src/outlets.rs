//! Outlet signatures from `data/outlets.tsv`, and reading an outlet from them.

use std::collections::HashMap;

use regex::{Captures, Regex};

use crate::CleanError;

const FILE: &str = "data/outlets.tsv";
const DATA: &str = include_str!("../../../data/outlets.tsv");

/// A line rule: a regex that reveals an outlet, either named by the rule or
/// captured by its `outlet` group.
#[derive(Debug)]
struct TextRule {
    outlet: Option<&'static str>,
    regex: Regex,
}

/// What one line revealed about the outlet (and, for datelines, the date).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineSignature {
    pub outlet: String,
    /// The matched words, quoted in the evidence.
    pub matched: String,
    /// Month name and day when the match was a dateline.
    pub month_day: Option<(String, String)>,
}

#[derive(Debug)]
pub struct OutletSignatures {
    hosts: Vec<(&'static str, &'static str)>,
    datelines: HashMap<String, &'static str>,
    handles: HashMap<String, &'static str>,
    names: HashMap<String, &'static str>,
    text: Vec<TextRule>,
}

impl OutletSignatures {
    pub fn load() -> Result<Self, CleanError> {
        let mut s = OutletSignatures {
            hosts: Vec::new(),
            datelines: HashMap::new(),
            handles: HashMap::new(),
            names: HashMap::new(),
            text: Vec::new(),
        };
        for (i, raw) in DATA.lines().enumerate() {
            if raw.trim().is_empty() || raw.trim_start().starts_with('#') {
                continue;
            }
            let err = |reason: String| CleanError::Data {
                file: FILE,
                line: i + 1,
                reason,
            };
            let mut cols = raw.splitn(3, '\t');
            let (Some(outlet), Some(kind), Some(value)) = (cols.next(), cols.next(), cols.next())
            else {
                return Err(err("expected three tab-separated columns".into()));
            };
            let named = (outlet != "*").then_some(outlet);
            if let Some(o) = named {
                s.names.insert(o.to_lowercase(), o);
            } else if kind != "text" {
                return Err(err("only `text` rules may use `*`".into()));
            }
            let o = named.unwrap_or("*");
            match kind {
                "host" => s.hosts.push((value, o)),
                "dateline" => {
                    s.datelines.insert(value.to_lowercase(), o);
                }
                "handle" => {
                    s.handles
                        .insert(value.trim_start_matches('@').to_lowercase(), o);
                }
                "name" => {
                    s.names.insert(value.to_lowercase(), o);
                }
                "text" => {
                    let regex = Regex::new(value).map_err(|e| err(e.to_string()))?;
                    if named.is_none() && !regex.capture_names().any(|n| n == Some("outlet")) {
                        return Err(err("a `*` rule needs a group named `outlet`".into()));
                    }
                    s.text.push(TextRule {
                        outlet: named,
                        regex,
                    });
                }
                other => return Err(err(format!("unknown kind '{other}'"))),
            }
        }
        Ok(s)
    }

    /// The outlet's name as Parallax reports it: known spellings map to one
    /// name, unknown ones are kept as written.
    pub fn canonical(&self, name: &str) -> String {
        let n = name.trim();
        let key = n.to_lowercase();
        let key = key.trim_end_matches("'s").trim_end_matches("’s");
        if let Some(o) = self.names.get(key) {
            return (*o).to_string();
        }
        if let Some(o) = self.datelines.get(key) {
            return (*o).to_string();
        }
        n.to_string()
    }

    /// The URL's host, and the outlet when a signature names it.
    pub fn by_url(&self, url: &str) -> Option<(String, Option<&'static str>)> {
        let host = url_host(url)?;
        let known = self
            .hosts
            .iter()
            .find_map(|(h, o)| (host == *h || host.ends_with(&format!(".{h}"))).then_some(*o));
        Some((host, known))
    }

    pub fn by_handle(&self, handle: &str) -> Option<&'static str> {
        self.handles
            .get(&handle.trim_start_matches('@').to_lowercase())
            .copied()
    }

    /// The first signature found in one line.
    pub fn scan_line(&self, line: &str) -> Option<LineSignature> {
        let line = line.trim();
        self.text.iter().find_map(|rule| {
            let caps = rule.regex.captures(line)?;
            let outlet = match rule.outlet {
                Some(o) => o.to_string(),
                None => self.canonical(caps.name("outlet")?.as_str()),
            };
            Some(LineSignature {
                outlet,
                matched: caps.get(0)?.as_str().trim().to_string(),
                month_day: month_day(&caps),
            })
        })
    }
}

fn month_day(caps: &Captures<'_>) -> Option<(String, String)> {
    Some((
        caps.name("month")?.as_str().to_string(),
        caps.name("day")?.as_str().to_string(),
    ))
}

/// The host of an absolute URL, lower-cased, without `www.` and port.
pub fn url_host(url: &str) -> Option<String> {
    let rest = url.trim().split_once("://").map(|(_, r)| r)?;
    let authority = rest.split(['/', '?', '#']).next()?;
    let host = authority
        .rsplit('@')
        .next()?
        .split(':')
        .next()?
        .to_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host).to_string();
    (!host.is_empty() && host.contains('.')).then_some(host)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signatures_load_and_match() {
        let s = OutletSignatures::load().unwrap();
        let d = s
            .scan_line("KARSK, April 2. /QNA/. The council met.")
            .unwrap();
        assert_eq!(d.outlet, "QNA");
        assert_eq!(d.month_day, Some(("April".into(), "2".into())));
        let f = s
            .scan_line("Gazette journalists report in 12 languages across the region.")
            .unwrap();
        assert_eq!(f.outlet, "Gazette");
        assert_eq!(f.month_day, None);
        assert!(s.scan_line("The council met on Tuesday.").is_none());
        assert_eq!(
            s.by_url("https://www.news.example.org/a/b?c=1"),
            Some(("news.example.org".to_string(), None))
        );
        assert_eq!(url_host("not a url"), None);
    }
}
