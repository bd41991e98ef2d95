//! What a new user meets first: a mistyped path must not cost the last good
//! output, a mistyped `--field` must be named, and a crawl's requests and
//! `warcinfo` records are counted, not listed one by one.

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use common::*;

/// Every file under `dir` (hidden ones too) with its bytes.
fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let name = p.strip_prefix(dir).unwrap().to_string_lossy().into_owned();
                files.insert(name, fs::read(&p).unwrap());
            }
        }
    }
    files
}

fn write_earlier_output(out: &Path) {
    fs::create_dir_all(out.join("notes")).unwrap();
    fs::write(out.join("documents.jsonl"), "{\"id\":\"earlier\"}\n").unwrap();
    fs::write(out.join("stories.jsonl"), "{\"id\":\"story-earlier\"}\n").unwrap();
    fs::write(
        out.join("index.html"),
        "<!DOCTYPE html><p>earlier report</p>",
    )
    .unwrap();
    fs::write(out.join("notes/readme.txt"), "kept by the user").unwrap();
}

#[test]
fn analyze_of_a_missing_path_leaves_the_output_directory_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    write_earlier_output(&out);
    let before = snapshot(&out);
    assert_eq!(before.len(), 4);
    let missing = dir.path().join("no-such-corpus");
    let run = parallax(&[
        "analyze",
        missing.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    let err = stderr(&run);
    assert_eq!(run.status.code(), Some(1), "{err}");
    assert!(
        err.contains(&format!(
            "nothing could be analysed in {}; {} was left as it was",
            missing.display(),
            out.display()
        )),
        "{err}"
    );
    assert!(!err.contains("wrote "), "{err}");
    // Byte for byte, and no temporary file left behind.
    assert_eq!(snapshot(&out), before);
}

#[test]
fn analyze_that_finds_nothing_creates_no_output_directory() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.txt");
    fs::write(&empty, "").unwrap();
    let out = dir.path().join("new/out");
    let run = parallax(&[
        "analyze",
        empty.to_str().unwrap(),
        "also-missing.jsonl",
        "-o",
        out.to_str().unwrap(),
    ]);
    let err = stderr(&run);
    assert_eq!(run.status.code(), Some(1), "{err}");
    assert!(
        err.contains(&format!(
            "nothing could be analysed in {}, also-missing.jsonl;",
            empty.display()
        )),
        "{err}"
    );
    assert!(!dir.path().join("new").exists(), "{err}");
}

#[test]
fn analyze_replaces_an_earlier_output_whole_and_leaves_no_temporary_files() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    write_earlier_output(&out);
    let corpus = dir.path().join("c.jsonl");
    fs::write(
        &corpus,
        "{\"id\":\"n1\",\"text\":\"The ferry resumed on Monday, the operator said.\"}\n{bad\n",
    )
    .unwrap();
    let run = parallax(&[
        "analyze",
        corpus.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(run.status.success(), "{}", stderr(&run));
    let after = snapshot(&out);
    let names: Vec<&str> = after.keys().map(String::as_str).collect();
    assert_eq!(
        names,
        [
            "actors.jsonl",
            "documents.jsonl",
            "index.html",
            "links.jsonl",
            "notes/readme.txt",
            "parallax.sqlite",
            "stories.jsonl"
        ]
    );
    let docs = lines(&after["documents.jsonl"]);
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0]["id"], "n1");
    assert_eq!(lines(&after["stories.jsonl"]).len(), 1);
    let html = String::from_utf8_lossy(&after["index.html"]);
    assert!(html.contains("The ferry resumed"));
    assert!(!html.contains("earlier report"));
    assert_eq!(after["notes/readme.txt"], b"kept by the user");
    #[cfg(unix)]
    {
        // Written like any new file, not owner-only as temporary files are.
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(out.join("documents.jsonl"))
            .unwrap()
            .permissions()
            .mode();
        let plain = dir.path().join("plain");
        fs::write(&plain, "").unwrap();
        let umask_mode = fs::metadata(&plain).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, umask_mode & 0o777);
    }
}

const RECORD: &str = "{\"id\":\"r\",\"text\":\"Talks resumed on Monday, the envoy said.\",\"source\":\"Velm Courier\",\"date\":\"2030-05-06\"}";

#[test]
fn a_mapped_field_no_record_has_is_named_at_the_end() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("c.jsonl");
    fs::write(&corpus, format!("{RECORD}\n{RECORD}\n{{bad\n")).unwrap();
    let path = corpus.to_str().unwrap();
    let run = parallax(&[
        "extract",
        path,
        "--field",
        "outlet=sourec",
        "--field",
        "published=date",
    ]);
    let err = stderr(&run);
    assert!(run.status.success(), "{err}");
    let warnings: Vec<&str> = err.lines().filter(|l| l.contains("sourec")).collect();
    assert_eq!(
        warnings,
        ["warning: mapped field 'sourec' (--field outlet=sourec) is not in any of the 2 JSON records read"],
        "{err}"
    );
    // It sits right after the tally.
    let tally = err.lines().position(|l| l.starts_with("read 3,")).unwrap();
    assert!(err.lines().nth(tally + 1).unwrap().contains("sourec"));
    // Fields that are there, and defaults such as url or title, say nothing.
    let run = parallax(&["extract", path, "--field", "outlet=source", "-q"]);
    assert!(run.status.success());
    assert!(!stderr(&run).contains("mapped field"), "{}", stderr(&run));
    // --quiet keeps the tally, and so the line beside it.
    let run = parallax(&["extract", path, "--field", "outlet=sourec", "-q"]);
    assert!(stderr(&run).contains("'sourec'"), "{}", stderr(&run));
}

#[test]
fn a_mapped_field_missing_from_the_first_thousand_records_is_named_early() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("c.jsonl");
    let mut text = String::new();
    for _ in 0..1200 {
        text.push_str(RECORD);
        text.push('\n');
    }
    fs::write(&corpus, text).unwrap();
    let run = parallax(&[
        "extract",
        corpus.to_str().unwrap(),
        "--field",
        "outlet=sourec",
        "--annotators",
        "none",
    ]);
    let err = stderr(&run);
    assert!(run.status.success(), "{err}");
    let warnings: Vec<&str> = err.lines().filter(|l| l.contains("sourec")).collect();
    assert_eq!(
        warnings,
        [
            "warning: mapped field 'sourec' (--field outlet=sourec) is not in any of the first 1000 JSON records; check the spelling against the input",
            "warning: mapped field 'sourec' (--field outlet=sourec) is not in any of the 1200 JSON records read",
        ],
        "{err}"
    );
    assert_eq!(lines(&run.stdout).len(), 1200);
}

fn warc_record(kind: &str, content_type: &str, block: &[u8]) -> Vec<u8> {
    let mut r = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: https://velm.example/a\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    r.extend_from_slice(block);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

#[test]
fn warc_records_that_are_not_pages_are_counted_in_the_tally_not_listed() {
    let dir = tempfile::tempdir().unwrap();
    let http = "application/http; msgtype=response";
    let page = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><article><p>The mayor of Velm opened the new bridge on Sunday, officials said.</p></article></body></html>";
    let mut warc = warc_record("warcinfo", "application/warc-fields", b"software: test\r\n");
    for _ in 0..2 {
        warc.extend(warc_record(
            "request",
            "application/http; msgtype=request",
            b"GET /a HTTP/1.1\r\nHost: velm.example\r\n\r\n",
        ));
        warc.extend(warc_record("response", http, page));
    }
    warc.extend(warc_record(
        "response",
        http,
        b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG",
    ));
    warc.extend(warc_record(
        "metadata",
        "application/warc-fields",
        b"via: x",
    ));
    // A damaged record is a problem, named as before.
    warc.extend(warc_record(
        "response",
        http,
        b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
    ));
    let path = dir.path().join("crawl.warc");
    fs::write(&path, warc).unwrap();
    let run = parallax(&["extract", path.to_str().unwrap()]);
    let err = stderr(&run);
    assert!(run.status.success(), "{err}");
    assert_eq!(lines(&run.stdout).len(), 2);
    assert!(
        err.contains(
            "read 3, analysed 2, skipped 1 (truncated 1); 0 warning(s); \
             5 WARC records that are not pages (metadata 1, non-HTML response 1, request 2, warcinfo 1)"
        ),
        "{err}"
    );
    let skipped: Vec<&str> = err.lines().filter(|l| l.starts_with("skipped")).collect();
    assert_eq!(skipped.len(), 1, "{err}");
    assert!(
        skipped[0].contains("crawl.warc:8: damaged chunked transfer encoding (truncated)"),
        "{err}"
    );
}

/// `parallax extract … | head`: the reader closing the pipe early ends the
/// run quietly, with status 0.
#[test]
fn extract_into_a_pipe_closed_early_ends_quietly() {
    use std::io::{BufRead, BufReader};
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(["extract", "examples/corpus", "examples/corpus"])
        .current_dir(repo_root())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    {
        let stdout = child.stdout.take().unwrap();
        BufReader::new(stdout).read_line(&mut first).unwrap();
        // Dropped here: the pipe is closed with most output unread.
    }
    assert!(first.starts_with("{\"id\""), "{first}");
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{:?}: {err}", out.status);
    assert!(!err.contains("Broken pipe"), "{err}");
}
