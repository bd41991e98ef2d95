//! Bad input never stops a run: each bad piece is named with its reason,
//! everything else is analysed, and the tally accounts for all of it.

mod common;

use std::fs;
use std::io::Write;

use common::*;

const GOOD: &str = "Harbour reopens after storm\nThe harbour at Velm reopened on Monday, the port authority said.\n";

fn gz(bytes: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

fn warc_record(block: &[u8]) -> Vec<u8> {
    let mut r = format!(
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://velm.example/a\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    r.extend_from_slice(block);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

#[test]
fn each_bad_input_is_named_and_counted_and_the_rest_analysed() {
    let dir = tempfile::tempdir().unwrap();
    let p = |name: &str| dir.path().join(name);
    fs::write(p("a-good.txt"), GOOD).unwrap();
    fs::write(p("b-empty.txt"), "").unwrap();
    fs::write(p("c-binary.txt"), [0u8, 1, 2, 3, 0, 255, 254, 0, 7]).unwrap();
    let mut latin1 =
        b"Ferry strike ends\nWorkers in K\xf6lm voted to return, the union said.\n".to_vec();
    latin1.extend_from_slice(GOOD.as_bytes());
    fs::write(p("d-latin1.txt"), latin1).unwrap();
    // A 50 MB file on a single line.
    fs::write(p("e-huge.txt"), "word ".repeat(10 * 1024 * 1024)).unwrap();
    fs::write(
        p("f-mixed.jsonl"),
        "{\"id\":\"j1\",\"text\":\"The council met on Friday, a spokesman said.\"}\n{\"id\": broken\n{\"id\":\"j3\",\"title\":\"no body\"}\n{\"id\":\"j4\",\"text\":\"Rain fell on Tuesday.\"}\n",
    )
    .unwrap();
    fs::write(
        p("g-nobody.html"),
        "<html><head><title>Only a head</title></head></html>",
    )
    .unwrap();
    let full = gz(b"{\"id\":\"z1\",\"text\":\"First line survives.\"}\n{\"id\":\"z2\",\"text\":\"Second line is cut off somewhere in the middle of the stream.\"}\n");
    fs::write(p("h-cut.jsonl.gz"), &full[..full.len() - 12]).unwrap();
    let page = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><article><p>The mayor of Velm opened the new bridge on Sunday, officials said.</p></article></body></html>";
    let mut warc = warc_record(page);
    let second = warc_record(page);
    warc.extend_from_slice(&second[..second.len() / 2]);
    fs::write(p("i-cut.warc.gz"), gz(&warc)).unwrap();
    fs::write(p("j-notes.pdf"), "%PDF-1.4").unwrap();

    let out = parallax(&["extract", dir.path().to_str().unwrap()]);
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    let docs = lines(&out.stdout);
    let ids: Vec<&str> = docs.iter().map(|d| d["id"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        ["a-good", "d-latin1", "j1", "j4", "z1", "i-cut:1"],
        "{err}"
    );
    let expect = [
        ("b-empty.txt", "(empty)"),
        ("c-binary.txt", "(binary)"),
        ("e-huge.txt", "(too-large)"),
        ("f-mixed.jsonl:2", "(malformed-json)"),
        ("f-mixed.jsonl:3", "(no-text)"),
        ("g-nobody.html", "(no-text)"),
        ("h-cut.jsonl.gz:2", "(truncated)"),
        ("i-cut.warc.gz:2", "(truncated)"),
        ("j-notes.pdf", "(unsupported-type)"),
    ];
    for (file, reason) in expect {
        assert!(
            err.lines().any(|l| l.contains(file) && l.contains(reason)),
            "no message naming {file} with {reason}:\n{err}"
        );
    }
    assert!(err.contains("warning: d-latin1: invalid UTF-8"), "{err}");
    let latin = by_id(&docs, "d-latin1");
    assert!(latin["warnings"][0].as_str().unwrap().contains("lossily"));
    assert!(
        err.contains("read 15, analysed 6, skipped 9 (binary 1, empty 1, malformed-json 1, no-text 2, too-large 1, truncated 2, unsupported-type 1); 1 warning(s)"),
        "{err}"
    );
}

#[test]
fn standard_input_is_read_as_json_lines_with_field_mapping() {
    let input = b"{\"key\":\"s1\",\"body\":\"Talks resumed on Monday, the envoy said.\",\"source\":\"Velm Courier\",\"date\":\"2030-05-06\"}\n";
    let out = parallax_with_stdin(
        &[
            "extract",
            "-",
            "--field",
            "id=key",
            "--field",
            "text=body",
            "--field",
            "outlet=source",
            "--field",
            "published=date",
        ],
        input,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let docs = lines(&out.stdout);
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0]["id"], "s1");
    assert_eq!(docs[0]["source"], "-:1");
    assert_eq!(docs[0]["outlet"]["name"], "Velm Courier");
    assert_eq!(docs[0]["published"], "2030-05-06");
}

#[test]
fn exit_codes_mean_something() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("empty.txt"), "").unwrap();
    let out = parallax(&["extract", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "nothing analysed is a failure");
    assert!(stderr(&out).contains("nothing could be analysed"));
    let out = parallax(&["extract", "missing-file.txt"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("missing-file.txt: cannot open"),
        "{}",
        stderr(&out)
    );
    let out = parallax(&["extract", "x.txt", "--field", "nonsense"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("NAME=FIELD"), "{}", stderr(&out));
    let out = parallax(&["frobnicate"]);
    assert_eq!(out.status.code(), Some(2));
}
