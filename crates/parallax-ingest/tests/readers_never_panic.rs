//! Every reader takes any bytes without panicking, and accounts for them:
//! each read yields documents or problems, never nothing for non-empty input.

use std::fs;

use parallax_ingest::{decode, Event, Reader, ReaderOptions};
use proptest::prelude::*;

fn read_file(name: &str, bytes: &[u8]) -> Vec<Event> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    fs::write(&path, bytes).unwrap();
    let events: Vec<Event> = Reader::new(
        vec![path.to_string_lossy().into_owned()],
        ReaderOptions::default(),
    )
    .collect();
    // Decoding (HTML main text included) must not panic either.
    for ev in &events {
        if let Event::Document(d) = ev {
            let _ = decode((**d).clone());
        }
    }
    events
}

fn gz(bytes: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

fn warc_of(blocks: &[Vec<u8>]) -> Vec<u8> {
    let mut out = Vec::new();
    for b in blocks {
        out.extend(format!("WARC/1.0\r\nWARC-Type: response\r\nContent-Type: application/http\r\nContent-Length: {}\r\n\r\n", b.len()).into_bytes());
        out.extend_from_slice(b);
        out.extend_from_slice(b"\r\n\r\n");
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn text_and_html_files(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
        let ev = read_file("a.txt", &bytes);
        prop_assert_eq!(ev.len(), 1);
        let ev = read_file("a.html", &bytes);
        prop_assert_eq!(ev.len(), 1);
    }

    #[test]
    fn json_lines(lines in proptest::collection::vec("[ -~]{0,60}|\\{\"text\":\"[a-z ]{0,20}\"\\}", 0..20)) {
        let input = lines.join("\n");
        let ev = read_file("a.jsonl", input.as_bytes());
        let non_blank = lines.iter().filter(|l| !l.trim().is_empty()).count();
        if input.is_empty() {
            prop_assert_eq!(ev.len(), 1);
        } else {
            prop_assert_eq!(ev.len(), non_blank.max(usize::from(non_blank == 0)));
        }
        let ev = read_file("a.jsonl.gz", &gz(input.as_bytes()));
        prop_assert!(!ev.is_empty());
    }

    #[test]
    fn arbitrary_bytes_as_any_format(bytes in proptest::collection::vec(any::<u8>(), 1..3000)) {
        for name in ["a.jsonl", "a.warc", "a.warc.gz", "a.jsonl.gz", "a.txt.gz", "noext"] {
            let ev = read_file(name, &bytes);
            prop_assert!(!ev.is_empty(), "{} yielded nothing", name);
        }
    }

    #[test]
    fn mangled_warc(blocks in proptest::collection::vec(proptest::collection::vec(any::<u8>(), 0..300), 1..4),
                    cut in 0usize..2000, flip in 0usize..2000) {
        let mut data = warc_of(&blocks);
        if let Some(b) = data.get_mut(flip) { *b ^= 0x5a; }
        data.truncate(cut.max(1));
        let ev = read_file("m.warc", &data);
        prop_assert!(!ev.is_empty());
        let ev = read_file("m.warc.gz", &gz(&data));
        prop_assert!(!ev.is_empty());
    }
}
