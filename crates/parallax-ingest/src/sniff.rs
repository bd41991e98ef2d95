//! Deciding what a file holds, and turning bytes into text.

/// The formats Parallax reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Html,
    JsonLines,
    Warc,
}

/// Format and compression from a file name; `None` when the name does not say.
pub fn format_from_name(name: &str) -> Option<(Format, bool)> {
    let lower = name.to_ascii_lowercase();
    let (stem, gz) = match lower.strip_suffix(".gz") {
        Some(s) => (s, true),
        None => (lower.as_str(), false),
    };
    let ext = stem.rsplit_once('.').map(|(_, e)| e)?;
    let format = match ext {
        "txt" | "text" => Format::Text,
        "html" | "htm" | "xhtml" | "shtml" => Format::Html,
        "jsonl" | "ndjson" => Format::JsonLines,
        "warc" => Format::Warc,
        _ => return None,
    };
    Some((format, gz))
}

/// The file name without directories and without its format extensions:
/// the document id for single-document files.
pub fn stem(path: &str) -> String {
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    let mut s = name;
    if let Some(t) = s.strip_suffix(".gz") {
        s = t;
    }
    match s.rsplit_once('.') {
        Some((a, _)) if !a.is_empty() => a.to_string(),
        _ => s.to_string(),
    }
}

/// Guess a format from the first bytes, for files named without a known extension.
pub fn format_from_content(head: &[u8]) -> Format {
    let trimmed = trim_ascii_start(head);
    if trimmed.starts_with(b"WARC/") {
        Format::Warc
    } else if trimmed.starts_with(b"{") {
        Format::JsonLines
    } else if trimmed.starts_with(b"<") {
        Format::Html
    } else {
        Format::Text
    }
}

fn trim_ascii_start(b: &[u8]) -> &[u8] {
    let n = b.iter().take_while(|c| c.is_ascii_whitespace()).count();
    b.get(n..).unwrap_or_default()
}

pub const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];

/// True when the bytes look like binary data rather than text: a NUL byte,
/// or many control characters, in the first few kilobytes.
pub fn looks_binary(bytes: &[u8]) -> bool {
    let head = bytes.get(..8192).unwrap_or(bytes);
    if head.contains(&0) {
        return true;
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    controls * 10 > head.len().max(1)
}

/// Decode bytes as UTF-8, replacing invalid sequences; the warning says so.
pub fn decode_utf8(bytes: Vec<u8>) -> (String, Option<String>) {
    let bytes = match bytes.strip_prefix(&[0xef, 0xbb, 0xbf]) {
        Some(rest) => rest.to_vec(),
        None => bytes,
    };
    match String::from_utf8(bytes) {
        Ok(s) => (s, None),
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let s = String::from_utf8_lossy(e.as_bytes()).into_owned();
            let bad = s
                .chars()
                .filter(|&c| c == char::REPLACEMENT_CHARACTER)
                .count();
            (
                s,
                Some(format!(
                    "invalid UTF-8 from byte {valid}: decoded lossily, {bad} character(s) replaced"
                )),
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert_eq!(
            format_from_name("a/b.JSONL.gz"),
            Some((Format::JsonLines, true))
        );
        assert_eq!(format_from_name("x.warc.gz"), Some((Format::Warc, true)));
        assert_eq!(format_from_name("x.htm"), Some((Format::Html, false)));
        assert_eq!(format_from_name("x.pdf"), None);
        assert_eq!(format_from_name("README"), None);
        assert_eq!(stem("dir/sub/001_abc.txt"), "001_abc");
        assert_eq!(stem("crawl.warc.gz"), "crawl");
        assert_eq!(stem(".hidden"), ".hidden");
    }

    #[test]
    fn binary_and_utf8() {
        assert!(looks_binary(b"abc\0def"));
        assert!(looks_binary(&[1, 2, 3, 4, 5, 6, 7, 8, b'a']));
        assert!(!looks_binary("plain text\nwith “quotes”".as_bytes()));
        let (s, w) = decode_utf8(vec![b'a', 0xff, b'b']);
        assert_eq!(s, "a\u{fffd}b");
        assert!(w.unwrap().contains("byte 1"));
        let (s, w) = decode_utf8(b"\xef\xbb\xbfhi".to_vec());
        assert_eq!(s, "hi");
        assert!(w.is_none());
    }
}
