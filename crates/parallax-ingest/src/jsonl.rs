//! JSON Lines: one document per line, fields named by a [`FieldMap`].

use std::io::{self, BufRead};
use std::sync::Arc;

use parallax_model::{Body, Origin, SourceDocument};
use serde_json::Value;

use crate::fields::FieldUsage;
use crate::files::ReaderOptions;
use crate::problem::{Event, Problem, ProblemKind};
use crate::sniff;

/// One line read by [`read_line_bounded`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Line {
    /// Bytes taken from the input, line ending included; 0 at the end of it.
    pub consumed: usize,
    /// Bytes of the line without its ending (`\n` or `\r\n`).
    pub length: usize,
    /// Whether the line is within the limit, and so held in the buffer.
    pub fits: bool,
}

/// Reads one line into `buf`, ending included, if it holds at most `max`
/// bytes before its ending. Longer lines are read to their end but not
/// kept, so one huge line cannot exhaust memory.
pub(crate) fn read_line_bounded(
    r: &mut dyn BufRead,
    buf: &mut Vec<u8>,
    max: usize,
) -> io::Result<Line> {
    buf.clear();
    let mut consumed = 0;
    let mut kept = true;
    // The byte before the current chunk: a `\r` there may end the line.
    let mut before: Option<u8> = None;
    loop {
        let available = match r.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            // The last line of the input, without a line ending.
            let fits = kept && consumed <= max;
            if !fits {
                buf.clear();
            }
            return Ok(Line {
                consumed,
                length: consumed,
                fits,
            });
        }
        let (chunk, done) = match memchr::memchr(b'\n', available) {
            Some(i) => (available.get(..=i).unwrap_or(available), true),
            None => (available, false),
        };
        let n = chunk.len();
        let ending = if done {
            let cr = match n.checked_sub(2) {
                Some(i) => chunk.get(i).copied(),
                None => before,
            };
            1 + usize::from(cr == Some(b'\r'))
        } else {
            0
        };
        // Room for the line and a two-byte ending.
        if kept {
            if buf.len().saturating_add(n) > max.saturating_add(2) {
                kept = false;
                buf.clear();
            } else {
                buf.extend_from_slice(chunk);
            }
        }
        before = chunk.last().copied();
        r.consume(n);
        consumed += n;
        if done {
            let length = consumed.saturating_sub(ending);
            let fits = kept && length <= max;
            if !fits {
                buf.clear();
            }
            return Ok(Line {
                consumed,
                length,
                fits,
            });
        }
    }
}

/// The line without its ending.
fn strip_ending(mut line: Vec<u8>) -> Vec<u8> {
    if line.last() == Some(&b'\n') {
        line.pop();
        if line.last() == Some(&b'\r') {
            line.pop();
        }
    }
    line
}

pub(crate) struct JsonLines {
    path: String,
    reader: Box<dyn BufRead + Send>,
    opts: Arc<ReaderOptions>,
    usage: Arc<FieldUsage>,
    /// The number of the line last read (1-based).
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
        usage: Arc<FieldUsage>,
    ) -> Self {
        JsonLines {
            path,
            reader,
            opts,
            usage,
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
            let line = match read {
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
            if line.consumed == 0 {
                self.done = true;
                if !self.seen_record {
                    let message = match self.line {
                        0 => "no lines in the input".to_string(),
                        n => format!("{n} blank line(s) and no records"),
                    };
                    return Some(Event::Problem(Problem::new(
                        Origin {
                            path: self.path.clone(),
                            record: None,
                        },
                        ProblemKind::Empty,
                        message,
                    )));
                }
                return None;
            }
            self.line += 1;
            if !line.fits {
                self.seen_record = true;
                return Some(Event::Problem(Problem::new(
                    self.origin(),
                    ProblemKind::TooLarge,
                    format!(
                        "line is {} bytes, over the limit of {max} (raise it with --max-doc-bytes)",
                        line.length
                    ),
                )));
            }
            if self.buf.iter().all(|b| b.is_ascii_whitespace()) {
                continue; // blank lines separate nothing and hold no document
            }
            self.seen_record = true;
            let bytes = strip_ending(std::mem::take(&mut self.buf));
            return Some(parse_record(
                self.origin(),
                &self.path,
                bytes,
                &self.opts,
                &self.usage,
            ));
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

/// Why a line is not JSON, placed by its column only: serde's own "line 1"
/// would contradict the line number of the file that the origin gives.
fn json_error(e: &serde_json::Error) -> String {
    let full = e.to_string();
    let position = format!(" at line {} column {}", e.line(), e.column());
    match full.strip_suffix(&position) {
        Some(reason) if e.line() == 1 => {
            format!("not valid JSON at column {}: {reason}", e.column())
        }
        _ => format!("not valid JSON: {full}"),
    }
}

fn parse_record(
    origin: Origin,
    path: &str,
    bytes: Vec<u8>,
    opts: &ReaderOptions,
    usage: &FieldUsage,
) -> Event {
    let (line, warning) = sniff::decode_utf8(bytes);
    let value: Value = match serde_json::from_str(&line) {
        Ok(v) => v,
        Err(e) => {
            return Event::Problem(Problem::new(
                origin,
                ProblemKind::MalformedJson,
                json_error(&e),
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
    usage.observe(&obj);
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
        events_from(r, opts)
    }

    fn events_from(r: Box<dyn BufRead + Send>, opts: ReaderOptions) -> Vec<Event> {
        let usage = Arc::new(FieldUsage::new(&opts.fields));
        JsonLines::new("t.jsonl".into(), r, Arc::new(opts), usage).collect()
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
                _ => None,
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

    /// The line numbers of the problems read from `input`, with their kinds.
    fn problems(r: Box<dyn BufRead + Send>, max: usize) -> Vec<(Option<u64>, ProblemKind)> {
        let opts = ReaderOptions {
            max_document_bytes: max,
            ..Default::default()
        };
        events_from(r, opts)
            .into_iter()
            .filter_map(|e| match e {
                Event::Problem(p) => Some((p.origin.record, p.kind)),
                _ => None,
            })
            .collect()
    }

    fn problems_in(input: &[u8]) -> Vec<(Option<u64>, ProblemKind)> {
        problems(Box::new(io::Cursor::new(input.to_vec())), 1 << 20)
    }

    const GOOD: &str = "{\"text\":\"Rain fell.\"}";
    const BAD: ProblemKind = ProblemKind::MalformedJson;

    #[test]
    fn blank_lines_count_as_lines() {
        let input = format!("\n{GOOD}\n   \t\n\n{{bad\n{GOOD}\n\n[1]\n");
        assert_eq!(
            problems_in(input.as_bytes()),
            [(Some(5), BAD), (Some(8), BAD)]
        );
    }

    #[test]
    fn a_long_line_is_one_line() {
        let long = format!("{{\"text\":\"{}\"}}", "x".repeat(300));
        let input = format!("{GOOD}\n{long}\n{{bad\n{long}\n{GOOD}\n{{bad\n");
        // Read in small pieces, so the long line spans many buffer fills.
        let r = Box::new(io::BufReader::with_capacity(
            16,
            io::Cursor::new(input.into_bytes()),
        ));
        assert_eq!(
            problems(r, 64),
            [
                (Some(2), ProblemKind::TooLarge),
                (Some(3), BAD),
                (Some(4), ProblemKind::TooLarge),
                (Some(6), BAD)
            ]
        );
    }

    #[test]
    fn gzip_input_counts_lines_of_the_text_across_members() {
        use std::io::Write;
        let gz = |text: &str| {
            let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
            e.write_all(text.as_bytes()).unwrap();
            e.finish().unwrap()
        };
        // Two gzip members, the first ending in the middle of line 3.
        let mut data = gz(&format!("{GOOD}\n\n{{\"te"));
        data.extend(gz(&format!("xt\":\"joined\"}}\n{{bad\n{GOOD}\n[2]")));
        let reader = |data: &[u8]| -> Box<dyn BufRead + Send> {
            Box::new(io::BufReader::new(flate2::read::MultiGzDecoder::new(
                io::Cursor::new(data.to_vec()),
            )))
        };
        let ev = events_from(reader(&data), ReaderOptions::default());
        assert!(matches!(&ev[1], Event::Document(d) if d.origin.record == Some(3)));
        assert_eq!(
            problems(reader(&data), 1 << 20),
            [(Some(4), BAD), (Some(6), BAD)]
        );
        // Without the last member's trailer the input is cut short while
        // line 6 is read: the problem names line 6, after line 5.
        let cut = data.get(..data.len() - 8).unwrap();
        let ev = events_from(reader(cut), ReaderOptions::default());
        match ev.last() {
            Some(Event::Problem(p)) => {
                assert_eq!((p.kind, p.origin.record), (ProblemKind::Truncated, Some(6)));
                assert!(p.message.contains("after line 5"), "{}", p.message);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn crlf_endings_count_once_and_are_not_part_of_the_line() {
        let input = format!("{GOOD}\r\n\r\n{{bad\r\n{GOOD}\r\n{{\"text\":\r\n");
        assert_eq!(
            problems_in(input.as_bytes()),
            [(Some(3), BAD), (Some(5), BAD)]
        );
        let ev = events(input.as_bytes(), ReaderOptions::default());
        match &ev[3] {
            Event::Problem(p) => assert_eq!(
                p.message, "not valid JSON at column 8: EOF while parsing a value",
                "the line ending is not part of the JSON"
            ),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn the_last_line_needs_no_newline() {
        assert_eq!(
            problems_in(format!("{GOOD}\n\n{{bad").as_bytes()),
            [(Some(3), BAD)]
        );
        let ev = events(
            format!("{{bad\n{GOOD}").as_bytes(),
            ReaderOptions::default(),
        );
        assert!(matches!(&ev[1], Event::Document(d) if d.origin.record == Some(2)));
    }

    #[test]
    fn the_message_names_the_column_not_a_line_of_its_own() {
        let ev = events(
            format!("{GOOD}\n{{\"text\" 1}}\n").as_bytes(),
            ReaderOptions::default(),
        );
        match &ev[1] {
            Event::Problem(p) => {
                assert_eq!(p.origin.record, Some(2));
                assert_eq!(p.message, "not valid JSON at column 9: expected `:`");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn the_size_limit_counts_the_line_without_its_ending() {
        let max = 64;
        let exactly = format!("{{\"text\":\"{}\"}}", "x".repeat(max - 11));
        assert_eq!(exactly.len(), max);
        let over = format!("{{\"text\":\"{}\"}}", "x".repeat(max - 10));
        for ending in ["\n", "\r\n", ""] {
            let r = Box::new(io::Cursor::new(format!("{exactly}{ending}").into_bytes()));
            assert_eq!(problems(r, max), [], "{ending:?}");
            let r = Box::new(io::Cursor::new(format!("{over}{ending}").into_bytes()));
            assert_eq!(
                problems(r, max),
                [(Some(1), ProblemKind::TooLarge)],
                "{ending:?}"
            );
        }
    }

    #[test]
    fn blank_input_is_empty_without_a_line_number() {
        let ev = events(b"\n \r\n\n", ReaderOptions::default());
        match &ev[..] {
            [Event::Problem(p)] => {
                assert_eq!((p.kind, p.origin.record), (ProblemKind::Empty, None));
                assert_eq!(p.message, "3 blank line(s) and no records");
            }
            other => panic!("{other:?}"),
        }
    }
}
