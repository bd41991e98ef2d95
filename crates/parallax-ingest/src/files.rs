//! Walking the inputs: files, directories and standard input, in order.

use std::collections::VecDeque;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;
use std::sync::Arc;

use flate2::read::MultiGzDecoder;
use parallax_model::{Body, Origin, SourceDocument};

use crate::fields::{FieldMap, FieldUsage, EARLY_CHECK_RECORDS};
use crate::jsonl::JsonLines;
use crate::problem::{Event, Problem, ProblemKind};
use crate::sniff::{self, Format};
use crate::warc::WarcRecords;

/// How to read the inputs.
#[derive(Debug, Clone)]
pub struct ReaderOptions {
    pub fields: FieldMap,
    /// Documents (or JSON lines, or WARC records) larger than this are skipped.
    pub max_document_bytes: usize,
}

impl Default for ReaderOptions {
    fn default() -> Self {
        ReaderOptions {
            fields: FieldMap::default(),
            max_document_bytes: crate::DEFAULT_MAX_DOCUMENT_BYTES,
        }
    }
}

type Events = Box<dyn Iterator<Item = Event> + Send>;

/// Yields every document and every problem of the inputs, in input order:
/// paths in the order given, directory entries sorted by name. It also
/// checks that the fields mapped explicitly are found in the JSON records,
/// and says which are not (see [`Event::UnseenFields`]).
pub struct Reader {
    opts: Arc<ReaderOptions>,
    inputs: VecDeque<String>,
    walker: Option<walkdir::IntoIter>,
    current: Option<Events>,
    usage: Arc<FieldUsage>,
    /// Whether the check after the first JSON records was made.
    early_checked: bool,
    /// Whether all inputs were read and the last check made.
    finished: bool,
    /// An event to yield before reading on.
    pending: Option<Event>,
}

impl Reader {
    /// `paths` are files, directories, or `-` for JSON Lines on standard input.
    pub fn new(paths: Vec<String>, opts: ReaderOptions) -> Self {
        let usage = Arc::new(FieldUsage::new(&opts.fields));
        Reader {
            opts: Arc::new(opts),
            inputs: paths.into(),
            walker: None,
            current: None,
            usage,
            early_checked: false,
            finished: false,
            pending: None,
        }
    }

    fn next_source(&mut self) -> Option<Events> {
        loop {
            if let Some(walker) = self.walker.as_mut() {
                match walker.next() {
                    Some(Ok(entry)) => {
                        if entry.file_type().is_dir() {
                            continue;
                        }
                        let path = entry.path().to_string_lossy().into_owned();
                        return Some(open_file(&path, false, &self.opts, &self.usage));
                    }
                    Some(Err(e)) => {
                        let path = e
                            .path()
                            .map(|p| p.to_string_lossy().into_owned())
                            .unwrap_or_else(|| "?".to_string());
                        return Some(one(Problem::new(
                            Origin { path, record: None },
                            ProblemKind::Unreadable,
                            format!("cannot read directory entry: {e}"),
                        )));
                    }
                    None => self.walker = None,
                }
            }
            let input = self.inputs.pop_front()?;
            if input == "-" {
                let stdin: Box<dyn BufRead + Send> = Box::new(BufReader::new(io::stdin()));
                return Some(Box::new(JsonLines::new(
                    "-".to_string(),
                    stdin,
                    Arc::clone(&self.opts),
                    Arc::clone(&self.usage),
                )));
            }
            let path = Path::new(&input);
            if path.is_dir() {
                self.walker = Some(
                    walkdir::WalkDir::new(path)
                        .follow_links(true)
                        .sort_by_file_name()
                        .into_iter(),
                );
                continue;
            }
            return Some(open_file(&input, true, &self.opts, &self.usage));
        }
    }
}

impl Iterator for Reader {
    type Item = Event;

    fn next(&mut self) -> Option<Event> {
        if let Some(ev) = self.pending.take() {
            return Some(ev);
        }
        loop {
            if let Some(cur) = self.current.as_mut() {
                if let Some(ev) = cur.next() {
                    if !self.early_checked && self.usage.records() >= EARLY_CHECK_RECORDS {
                        // A misspelt mapping shows after the first records,
                        // not only at the end of a long run.
                        self.early_checked = true;
                        self.pending = self.usage.unseen(false).map(Event::UnseenFields);
                    }
                    return Some(ev);
                }
                self.current = None;
            }
            match self.next_source() {
                Some(source) => self.current = Some(source),
                None if self.finished => return None,
                None => {
                    self.finished = true;
                    return self.usage.unseen(true).map(Event::UnseenFields);
                }
            }
        }
    }
}

fn one(p: Problem) -> Events {
    Box::new(std::iter::once(Event::Problem(p)))
}

fn origin(path: &str) -> Origin {
    Origin {
        path: path.to_string(),
        record: None,
    }
}

/// Open one file and return the events it yields. `explicit` files were
/// named on the command line, so an unknown extension is sniffed instead of
/// skipped.
fn open_file(
    path: &str,
    explicit: bool,
    opts: &Arc<ReaderOptions>,
    usage: &Arc<FieldUsage>,
) -> Events {
    let unreadable = |e: io::Error| {
        one(Problem::new(
            origin(path),
            ProblemKind::Unreadable,
            format!("cannot open: {e}"),
        ))
    };
    let mut file = match File::open(path) {
        Ok(f) => f,
        Err(e) => return unreadable(e),
    };
    let mut head = [0u8; 512];
    let n = match read_up_to(&mut file, &mut head) {
        Ok(n) => n,
        Err(e) => return unreadable(e),
    };
    let head = head.get(..n).unwrap_or_default();
    if n == 0 {
        return one(Problem::new(origin(path), ProblemKind::Empty, "empty file"));
    }
    let gz_magic = head.starts_with(&sniff::GZIP_MAGIC);
    let format = match sniff::format_from_name(path) {
        Some((f, _)) => f,
        None if explicit => {
            if gz_magic {
                return one(Problem::new(
                    origin(path),
                    ProblemKind::UnsupportedType,
                    "compressed file without a known extension (.jsonl.gz, .warc.gz, .txt.gz, .html.gz)",
                ));
            }
            sniff::format_from_content(head)
        }
        None => {
            return one(Problem::new(
                origin(path),
                ProblemKind::UnsupportedType,
                "not a file type Parallax reads (.txt, .html, .jsonl, .warc, optionally .gz)",
            ))
        }
    };
    // Reopen rather than seek so that gzip detection and reading share one path.
    let file = match File::open(path) {
        Ok(f) => f,
        Err(e) => return unreadable(e),
    };
    let reader: Box<dyn Read + Send> = if gz_magic {
        Box::new(MultiGzDecoder::new(BufReader::new(file)))
    } else {
        Box::new(file)
    };
    match format {
        Format::JsonLines => Box::new(JsonLines::new(
            path.to_string(),
            Box::new(BufReader::with_capacity(1 << 20, reader)),
            Arc::clone(opts),
            Arc::clone(usage),
        )),
        Format::Warc => Box::new(WarcRecords::new(
            path.to_string(),
            Box::new(BufReader::with_capacity(1 << 20, reader)),
            Arc::clone(opts),
        )),
        Format::Text | Format::Html => Box::new(std::iter::once(read_single(
            path,
            reader,
            format,
            gz_magic,
            opts.max_document_bytes,
        ))),
    }
}

fn read_up_to(r: &mut impl Read, buf: &mut [u8]) -> io::Result<usize> {
    let mut filled = 0;
    while filled < buf.len() {
        let Some(rest) = buf.get_mut(filled..) else {
            break;
        };
        match r.read(rest) {
            Ok(0) => break,
            Ok(k) => filled += k,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(filled)
}

/// A file that holds one document (plain text or an HTML page).
fn read_single(path: &str, reader: impl Read, format: Format, gz: bool, max: usize) -> Event {
    let mut bytes = Vec::new();
    let limit = (max as u64).saturating_add(1);
    if let Err(e) = reader.take(limit).read_to_end(&mut bytes) {
        let (kind, msg) = if gz {
            (
                ProblemKind::Truncated,
                format!("compressed data is damaged or cut short: {e}"),
            )
        } else {
            (ProblemKind::Unreadable, format!("cannot read: {e}"))
        };
        return Event::Problem(Problem::new(origin(path), kind, msg));
    }
    if bytes.len() > max {
        return Event::Problem(Problem::new(
            origin(path),
            ProblemKind::TooLarge,
            format!(
                "document is larger than the limit of {} bytes (raise it with --max-doc-bytes)",
                max
            ),
        ));
    }
    single_document(origin(path), sniff::stem(path), bytes, format)
}

/// Turn the bytes of one document into an event, checking for emptiness,
/// binary content and bad encoding.
pub(crate) fn single_document(origin: Origin, id: String, bytes: Vec<u8>, format: Format) -> Event {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Event::Problem(Problem::new(
            origin,
            ProblemKind::Empty,
            "no text in the file",
        ));
    }
    if sniff::looks_binary(&bytes) {
        return Event::Problem(Problem::new(
            origin,
            ProblemKind::Binary,
            "binary data, not text",
        ));
    }
    let (text, warning) = sniff::decode_utf8(bytes);
    let body = match format {
        Format::Html => Body::Html(text),
        _ => Body::Text(text),
    };
    Event::Document(Box::new(SourceDocument {
        id,
        origin,
        url: None,
        outlet: None,
        published: None,
        title: None,
        body,
        warnings: warning.into_iter().collect(),
    }))
}
