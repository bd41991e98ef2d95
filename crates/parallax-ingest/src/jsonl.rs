//! JSON Lines: one document per line, fields named by a [`FieldMap`].

use std::io::{self, BufRead};
use std::sync::Arc;

use parallax_model::{Body, Origin, SourceDocument};
use serde_json::Value;

use crate::files::ReaderOptions;
use crate::problem::{Event, Problem, ProblemKind};
use crate::sniff;

/// Reads one line of at most `max` bytes into `buf`. Longer lines are read
/// to their end but not kept, so one huge line cannot exhaust memory.
/// Returns `(bytes consumed, whether the line fit)`.
pub(crate) fn read_line_bounded(
    r: &mut dyn BufRead,
    buf: &mut Vec<u8>,
    max: usize,
) -> io::Result<(usize, bool)> {
    buf.clear();
    let mut consumed = 0;
    let mut fits = true;
    loop {
        let available = match r.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            return Ok((consumed, fits));
        }
        let (chunk, done) = match memchr::memchr(b'\n', available) {
            Some(i) => (available.get(..=i).unwrap_or(available), true),
            None => (available, false),
        };
        let n = chunk.len();
        if fits {
            if buf.len().saturating_add(n) > max.saturating_add(1) {
                fits = false;
                buf.clear();
            } else {
                buf.extend_from_slice(chunk);
            }
        }
        r.consume(n);
        consumed += n;
        if done {
            return Ok((consumed, fits));
        }
    }
}

pub(crate) struct JsonLines {
    path: String,
    reader: Box<dyn BufRead + Send>,
    opts: Arc<ReaderOptions>,
    line: u64,
    buf: Vec<u8>,
    done: bool,
    /// Whether any non-blank line was met: a file of blank lines is empty.
    seen_record: bool,
}

impl JsonLines {
    pub(crate) fn new(
        path: String,
        reader: Box<dyn BufRead + Send>,
        opts: Arc<ReaderOptions>,
    ) -> Self {
        JsonLines {
            path,
            reader,
            opts,
            line: 0,
            buf: Vec::new(),
            done: false,
            seen_record: false,
        }
    }

    fn origin(&self) -> Origin {
        Origin {
            path: self.path.clone(),
            record: Some(self.line),
        }
    }
}

impl Iterator for JsonLines {
    type Item = Event;

    fn next(&mut self) -> Option<Event> {
        while !self.done {
            let max = self.opts.max_document_bytes;
            let read = read_line_bounded(self.reader.as_mut(), &mut self.buf, max);
            let (consumed, fits) = match read {
                Ok(r) => r,
                Err(e) => {
                    self.done = true;
                    return Some(Event::Problem(Problem::new(
                        Origin {
                            path: self.path.clone(),
                            record: Some(self.line + 1),
                        },
                        ProblemKind::Truncated,
                        format!(
                            "input ends in damaged or cut-short data after line {}: {e}",
                            self.line
                        ),
                    )));
                }
            };
            if consumed == 0 {
                self.done = true;
                if !self.seen_record {
                    return Some(Event::Problem(Problem::new(
                        self.origin(),
                        ProblemKind::Empty,
                        "no lines in the input",
                    )));
                }
                return None;
            }
            self.line += 1;
            if !fits {
                self.seen_record = true;
                return Some(Event::Problem(Problem::new(
                    self.origin(),
                    ProblemKind::TooLarge,
                    format!(
                        "line is {consumed} bytes, over the limit of {max} (raise it with --max-doc-bytes)"
                    ),
                )));
            }
            if self.buf.iter().all(|b| b.is_ascii_whitespace()) {
                continue; // blank lines separate nothing and hold no document
            }
            self.seen_record = true;
            let bytes = std::mem::take(&mut self.buf);
            return Some(parse_record(self.origin(), &self.path, bytes, &self.opts));
        }
        None
    }
}

fn string_field(obj: &serde_json::Map<String, Value>, name: &str) -> Option<String> {
    match obj.get(name)? {
        Value::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
        Value::Number(n) => Some(n.to_string()),
        Value::Object(o) => o
            .get("name")
            .and_then(Value::as_str)
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty()),
        _ => None,
    }
}

fn parse_record(origin: Origin, path: &str, bytes: Vec<u8>, opts: &ReaderOptions) -> Event {
    let (line, warning) = sniff::decode_utf8(bytes);
    let value: Value = match serde_json::from_str(&line) {
        Ok(v) => v,
        Err(e) => {
            return Event::Problem(Problem::new(
                origin,
                ProblemKind::MalformedJson,
                format!("not valid JSON: {e}"),
            ))
        }
    };
    let Value::Object(obj) = value else {
        return Event::Problem(Problem::new(
            origin,
            ProblemKind::MalformedJson,
            "the line is JSON but not an object",
        ));
    };
    let f = &opts.fields;
    let field = |name: &str| {
        obj.get(name)
            .and_then(Value::as_str)
            .filter(|s| !s.trim().is_empty())
    };
    let body = if let Some(t) = field(f.text()) {
        Body::Text(t.to_string())
    } else if let Some(h) = field(f.html()) {
        Body::Html(h.to_string())
    } else if obj
        .get(f.text())
        .or_else(|| obj.get(f.html()))
        .is_some_and(Value::is_string)
    {
        return Event::Problem(Problem::new(
            origin,
            ProblemKind::Empty,
            "the text field is empty",
        ));
    } else {
        return Event::Problem(Problem::new(
            origin,
            ProblemKind::NoText,
            format!(
                "no '{}' or '{}' string field (map others with --field text=NAME)",
                f.text(),
                f.html()
            ),
        ));
    };
    let empty = match &body {
        Body::Text(t) | Body::Html(t) => t.trim().is_empty(),
    };
    if empty {
        return Event::Problem(Problem::new(
            origin,
            ProblemKind::Empty,
            "the text field is empty",
        ));
    }
    let id = string_field(&obj, f.id())
        .unwrap_or_else(|| format!("{}:{}", sniff::stem(path), origin.record.unwrap_or(0)));
    let with_field = |name: &str| string_field(&obj, name).map(|v| (v, name.to_string()));
    Event::Document(Box::new(SourceDocument {
        id,
        url: string_field(&obj, f.url()),
        outlet: with_field(f.outlet()),
        published: with_field(f.published()),
        title: string_field(&obj, f.title()),
        origin,
        body,
        warnings: warning.into_iter().collect(),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn events(input: &[u8], opts: ReaderOptions) -> Vec<Event> {
        let r: Box<dyn BufRead + Send> = Box::new(io::Cursor::new(input.to_vec()));
        JsonLines::new("t.jsonl".into(), r, Arc::new(opts)).collect()
    }

    #[test]
    fn reads_maps_and_reports() {
        let mut opts = ReaderOptions::default();
        opts.fields.set("outlet=source").unwrap();
        let input = b"{\"id\":\"a\",\"text\":\"Hello there.\",\"source\":\"The Ledger\"}\n\
                      \n\
                      {not json\n\
                      [1,2]\n\
                      {\"id\":7,\"title\":\"x\"}\n\
                      {\"html\":\"<p>Hi</p>\"}\n";
        let ev = events(input, opts);
        assert_eq!(ev.len(), 5);
        match &ev[0] {
            Event::Document(d) => {
                assert_eq!(d.id, "a");
                assert_eq!(d.outlet, Some(("The Ledger".into(), "source".into())));
            }
            other => panic!("{other:?}"),
        }
        let kinds: Vec<_> = ev
            .iter()
            .map(|e| match e {
                Event::Problem(p) => Some((p.kind, p.origin.record)),
                Event::Document(_) => None,
            })
            .collect();
        assert_eq!(kinds[1], Some((ProblemKind::MalformedJson, Some(3))));
        assert_eq!(kinds[2], Some((ProblemKind::MalformedJson, Some(4))));
        assert_eq!(kinds[3], Some((ProblemKind::NoText, Some(5))));
        match &ev[4] {
            Event::Document(d) => {
                assert_eq!(d.id, "t:6");
                assert!(matches!(d.body, Body::Html(_)));
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn long_lines_are_skipped_not_kept() {
        let opts = ReaderOptions {
            max_document_bytes: 64,
            ..Default::default()
        };
        let long = format!(
            "{{\"text\":\"{}\"}}\n{{\"text\":\"ok\"}}\n",
            "x".repeat(500)
        );
        let ev = events(long.as_bytes(), opts);
        assert!(matches!(&ev[0], Event::Problem(p) if p.kind == ProblemKind::TooLarge));
        assert!(matches!(&ev[1], Event::Document(d) if d.origin.record == Some(2)));
    }
}
