//! WARC files (ISO 28500): the HTML pages among a crawl's response records.
//!
//! The format is simple enough to read directly: a `WARC/1.x` line, header
//! lines, a blank line, then `Content-Length` bytes of block. Reading it here
//! lets a damaged record become a clear problem and lets the reader find the
//! next record instead of giving up on the file.

use std::io::{self, BufRead, Read};
use std::sync::Arc;

use flate2::read::GzDecoder;
use parallax_model::Origin;

use crate::files::ReaderOptions;
use crate::jsonl::read_line_bounded;
use crate::problem::{Event, NotAPage, Problem, ProblemKind};
use crate::sniff;

/// Header lines longer than this are not WARC headers.
const MAX_HEADER_LINE: usize = 64 * 1024;

/// Record types of the standard that never hold a page; others are counted
/// as `other type`, so that a crawl cannot make the tally list unbounded.
const OTHER_TYPES: [&str; 5] = ["warcinfo", "request", "metadata", "revisit", "continuation"];

/// What an HTTP response in a record holds.
#[derive(Debug, PartialEq, Eq)]
enum Payload {
    /// The body of an HTML page.
    Page(Vec<u8>),
    /// Not a page: what it is instead, as a [`NotAPage`] label.
    NotAPage(String),
}

pub(crate) struct WarcRecords {
    path: String,
    reader: Box<dyn BufRead + Send>,
    opts: Arc<ReaderOptions>,
    record: u64,
    done: bool,
    seen_any: bool,
}

struct Header {
    fields: Vec<(String, String)>,
}

impl Header {
    fn get(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

enum Step {
    Record(Header, Vec<u8>),
    Oversized(u64),
    End,
}

impl WarcRecords {
    pub(crate) fn new(
        path: String,
        reader: Box<dyn BufRead + Send>,
        opts: Arc<ReaderOptions>,
    ) -> Self {
        WarcRecords {
            path,
            reader,
            opts,
            record: 0,
            done: false,
            seen_any: false,
        }
    }

    fn origin(&self) -> Origin {
        Origin {
            path: self.path.clone(),
            record: Some(self.record),
        }
    }

    /// Read the next record, skipping blank lines between records.
    fn read_record(&mut self) -> Result<Step, (ProblemKind, String)> {
        let mut line = Vec::new();
        // Find the version line.
        loop {
            let read = read_line_bounded(self.reader.as_mut(), &mut line, MAX_HEADER_LINE)
                .map_err(|e| {
                    (
                        ProblemKind::Truncated,
                        format!("damaged or cut-short data: {e}"),
                    )
                })?;
            if read.consumed == 0 {
                return Ok(Step::End);
            }
            if !read.fits {
                return Err((
                    ProblemKind::Truncated,
                    "an over-long line where a WARC record should start".into(),
                ));
            }
            if line.iter().all(|b| b.is_ascii_whitespace()) {
                continue;
            }
            if line.starts_with(b"WARC/") {
                break;
            }
            return Err((
                ProblemKind::Truncated,
                "expected a 'WARC/1.x' line where a record should start".into(),
            ));
        }
        self.record += 1;
        self.seen_any = true;
        let mut fields = Vec::new();
        loop {
            let read = read_line_bounded(self.reader.as_mut(), &mut line, MAX_HEADER_LINE)
                .map_err(|e| {
                    (
                        ProblemKind::Truncated,
                        format!("damaged or cut-short data: {e}"),
                    )
                })?;
            if read.consumed == 0 {
                return Err((
                    ProblemKind::Truncated,
                    "file ends inside a record header".into(),
                ));
            }
            if !read.fits {
                return Err((ProblemKind::Truncated, "over-long header line".into()));
            }
            let text = String::from_utf8_lossy(&line);
            let text = text.trim_end_matches(['\r', '\n']);
            if text.is_empty() {
                break;
            }
            if let Some((k, v)) = text.split_once(':') {
                fields.push((k.trim().to_string(), v.trim().to_string()));
            }
        }
        let header = Header { fields };
        let len: u64 = header
            .get("Content-Length")
            .and_then(|v| v.parse().ok())
            .ok_or_else(|| {
                (
                    ProblemKind::Truncated,
                    "record without a valid Content-Length".to_string(),
                )
            })?;
        let max = self.opts.max_document_bytes as u64;
        if len > max {
            let skipped =
                io::copy(&mut self.reader.as_mut().take(len), &mut io::sink()).map_err(|e| {
                    (
                        ProblemKind::Truncated,
                        format!("damaged or cut-short data: {e}"),
                    )
                })?;
            if skipped < len {
                return Err((ProblemKind::Truncated, "file ends inside a record".into()));
            }
            return Ok(Step::Oversized(len));
        }
        // The header's length is not trusted for the allocation.
        let mut block = Vec::with_capacity((len as usize).min(1 << 20));
        self.reader
            .as_mut()
            .take(len)
            .read_to_end(&mut block)
            .map_err(|e| {
                (
                    ProblemKind::Truncated,
                    format!("damaged or cut-short data: {e}"),
                )
            })?;
        if (block.len() as u64) < len {
            return Err((
                ProblemKind::Truncated,
                format!("file ends inside a record ({} of {len} bytes)", block.len()),
            ));
        }
        Ok(Step::Record(header, block))
    }

    fn to_event(&self, header: Header, block: Vec<u8>) -> Event {
        let origin = self.origin();
        let kind = header.get("WARC-Type").unwrap_or("").to_ascii_lowercase();
        let url = header
            .get("WARC-Target-URI")
            .map(|u| u.trim_matches(['<', '>']).to_string());
        let content_type = header
            .get("Content-Type")
            .unwrap_or("")
            .to_ascii_lowercase();
        let html = match kind.as_str() {
            "response" if content_type.contains("application/http") => match http_payload(&block) {
                Ok(Payload::Page(body)) => body,
                Ok(Payload::NotAPage(what)) => return not_a_page(origin, what),
                Err((kind, msg)) => return Event::Problem(Problem::new(origin, kind, msg)),
            },
            "resource" | "conversion" if content_type.contains("html") => block,
            other => return not_a_page(origin, record_label(other).to_string()),
        };
        let id = format!("{}:{}", sniff::stem(&self.path), self.record);
        let event = crate::files::single_document(origin, id, html, sniff::Format::Html);
        match event {
            Event::Document(mut d) => {
                d.url = url;
                Event::Document(d)
            }
            problem => problem,
        }
    }
}

fn not_a_page(origin: Origin, what: String) -> Event {
    Event::NotAPage(NotAPage { origin, what })
}

/// The label of a record that is not a page, by its (lowercased) type.
fn record_label(kind: &str) -> &str {
    match kind {
        "" => "untyped",
        "response" => "non-HTTP response",
        "resource" => "non-HTML resource",
        "conversion" => "non-HTML conversion",
        k => OTHER_TYPES
            .iter()
            .find(|t| **t == k)
            .copied()
            .unwrap_or("other type"),
    }
}

/// Split an HTTP response into its HTML body, or say what it holds instead
/// (a status other than 200, another content type). A damaged message is
/// an error with its problem kind.
fn http_payload(block: &[u8]) -> Result<Payload, (ProblemKind, String)> {
    let damaged = |msg: &str| (ProblemKind::Truncated, msg.to_string());
    let split = find(block, b"\r\n\r\n")
        .map(|i| (i, 4))
        .or_else(|| find(block, b"\n\n").map(|i| (i, 2)))
        .ok_or_else(|| damaged("HTTP response without a header end"))?;
    let head =
        String::from_utf8_lossy(block.get(..split.0).unwrap_or_default()).to_ascii_lowercase();
    let mut body = block.get(split.0 + split.1..).unwrap_or_default().to_vec();
    let status = head
        .lines()
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .unwrap_or("");
    if status != "200" {
        let label = if status.len() == 3 && status.bytes().all(|b| b.is_ascii_digit()) {
            format!("response status {status}")
        } else {
            "response status unreadable".to_string()
        };
        return Ok(Payload::NotAPage(label));
    }
    let header = |name: &str| {
        head.lines()
            .filter_map(|l| l.split_once(':'))
            .find(|(k, _)| k.trim() == name)
            .map(|(_, v)| v.trim().to_string())
    };
    let ctype = header("content-type").unwrap_or_default();
    if !ctype.is_empty() && !ctype.contains("html") {
        return Ok(Payload::NotAPage("non-HTML response".to_string()));
    }
    if header("transfer-encoding").is_some_and(|v| v.contains("chunked")) {
        body = dechunk(&body).ok_or_else(|| damaged("damaged chunked transfer encoding"))?;
    }
    if header("content-encoding").is_some_and(|v| v.contains("gzip")) {
        // Inflate no more than a page can hold: a small record must not
        // become an unbounded one.
        const MAX_PAGE: u64 = 64 << 20;
        let mut out = Vec::new();
        GzDecoder::new(body.as_slice())
            .take(MAX_PAGE + 1)
            .read_to_end(&mut out)
            .map_err(|e| damaged(&format!("damaged gzip content encoding: {e}")))?;
        if out.len() as u64 > MAX_PAGE {
            return Err((
                ProblemKind::TooLarge,
                "gzip content inflates past 64 MB".to_string(),
            ));
        }
        body = out;
    }
    Ok(Payload::Page(body))
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(hay, needle)
}

fn dechunk(mut data: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    loop {
        let eol = find(data, b"\r\n")?;
        let size_text = std::str::from_utf8(data.get(..eol)?).ok()?;
        let size = usize::from_str_radix(size_text.split(';').next()?.trim(), 16).ok()?;
        data = data.get(eol + 2..)?;
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(data.get(..size)?);
        data = data.get(size..)?;
        data = data.strip_prefix(b"\r\n").unwrap_or(data);
    }
}

impl Iterator for WarcRecords {
    type Item = Event;

    fn next(&mut self) -> Option<Event> {
        if self.done {
            return None;
        }
        match self.read_record() {
            Ok(Step::Record(h, block)) => Some(self.to_event(h, block)),
            Ok(Step::Oversized(len)) => Some(Event::Problem(Problem::new(
                self.origin(),
                ProblemKind::TooLarge,
                format!("record of {len} bytes is over the limit (raise it with --max-doc-bytes)"),
            ))),
            Ok(Step::End) => {
                self.done = true;
                if !self.seen_any {
                    return Some(Event::Problem(Problem::new(
                        self.origin(),
                        ProblemKind::Empty,
                        "no WARC records in the file",
                    )));
                }
                None
            }
            Err((kind, msg)) => {
                // A damaged record leaves the stream at an unknown position:
                // stop this file, keep what was read.
                self.done = true;
                let mut origin = self.origin();
                origin.record = Some(self.record.max(1));
                Some(Event::Problem(Problem::new(origin, kind, msg)))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use parallax_model::Body;

    fn record(kind: &str, ctype: &str, block: &[u8]) -> Vec<u8> {
        let mut r = format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: https://news.example/a\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\n\r\n",
            block.len()
        )
        .into_bytes();
        r.extend_from_slice(block);
        r.extend_from_slice(b"\r\n\r\n");
        r
    }

    fn read(bytes: Vec<u8>) -> Vec<Event> {
        let r: Box<dyn BufRead + Send> = Box::new(io::Cursor::new(bytes));
        WarcRecords::new("c.warc".into(), r, Arc::new(ReaderOptions::default())).collect()
    }

    #[test]
    fn reads_html_responses_and_names_the_rest() {
        let page = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><p>Hello</p></body></html>";
        let mut data = record("warcinfo", "application/warc-fields", b"software: x\r\n");
        data.extend(record(
            "response",
            "application/http; msgtype=response",
            page,
        ));
        data.extend(record(
            "response",
            "application/http; msgtype=response",
            b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG",
        ));
        let ev = read(data);
        assert_eq!(ev.len(), 3);
        assert!(matches!(&ev[0], Event::NotAPage(n) if n.what == "warcinfo"));
        match &ev[1] {
            Event::Document(d) => {
                assert_eq!(d.id, "c:2");
                assert_eq!(d.url.as_deref(), Some("https://news.example/a"));
                assert!(matches!(&d.body, Body::Html(h) if h.contains("Hello")));
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(&ev[2], Event::NotAPage(n) if n.what == "non-HTML response"));
    }

    fn labels(events: &[Event]) -> Vec<String> {
        events
            .iter()
            .map(|e| match e {
                Event::NotAPage(n) => format!("{} {}", n.origin, n.what),
                Event::Problem(p) => format!("{} problem {}", p.origin, p.kind.code()),
                Event::Document(d) => format!("{} page", d.origin),
                Event::UnseenFields(u) => format!("{u}"),
            })
            .collect()
    }

    #[test]
    fn records_that_are_not_pages_get_a_label_from_a_fixed_set() {
        let http = "application/http; msgtype=response";
        let mut data = Vec::new();
        for (kind, ctype, block) in [
            (
                "request",
                "application/http; msgtype=request",
                &b"GET /a HTTP/1.1\r\n\r\n"[..],
            ),
            ("metadata", "application/warc-fields", b"via: x"),
            ("revisit", http, b"HTTP/1.1 200 OK\r\n\r\n"),
            (
                "response",
                http,
                b"HTTP/1.1 301 Moved\r\nLocation: /b\r\n\r\n",
            ),
            ("response", http, b"HTTP/1.1 2000000 Odd\r\n\r\n<p>x</p>"),
            ("response", "text/html", b"<p>Hello</p>"),
            ("resource", "image/jpeg", b"\xff\xd8"),
            ("", "text/plain", b"x"),
            ("made-up-type-9", "text/plain", b"x"),
        ] {
            data.extend(record(kind, ctype, block));
        }
        assert_eq!(
            labels(&read(data)),
            [
                "c.warc:1 request",
                "c.warc:2 metadata",
                "c.warc:3 revisit",
                "c.warc:4 response status 301",
                "c.warc:5 response status unreadable",
                "c.warc:6 non-HTTP response",
                "c.warc:7 non-HTML resource",
                "c.warc:8 untyped",
                "c.warc:9 other type",
            ]
        );
    }

    #[test]
    fn damaged_responses_stay_problems() {
        let http = "application/http; msgtype=response";
        let mut data = record("response", http, b"HTTP/1.1 200 OK no header end");
        data.extend(record(
            "response",
            http,
            b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc",
        ));
        data.extend(record(
            "response",
            http,
            b"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\nnot gzip",
        ));
        assert_eq!(
            labels(&read(data)),
            [
                "c.warc:1 problem truncated",
                "c.warc:2 problem truncated",
                "c.warc:3 problem truncated"
            ]
        );
    }

    #[test]
    fn truncated_record_is_reported_after_good_ones() {
        let page = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>One</p>";
        let mut data = record("response", "application/http", page);
        let second = record("response", "application/http", page);
        data.extend_from_slice(&second[..second.len() - 20]);
        let ev = read(data);
        assert_eq!(ev.len(), 2);
        assert!(matches!(&ev[0], Event::Document(_)));
        assert!(
            matches!(&ev[1], Event::Problem(p) if p.kind == ProblemKind::Truncated && p.origin.record == Some(2))
        );
    }

    #[test]
    fn chunked_bodies_are_joined() {
        assert_eq!(
            dechunk(b"3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n").unwrap(),
            b"abcde"
        );
        assert!(dechunk(b"zz\r\nabc").is_none());
    }
}
