//! Helpers shared by the command-line tests: run the binary, read its output.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .nth(2)
        .map(Path::to_path_buf)
        .unwrap_or_default()
}

pub fn parallax(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(args)
        .current_dir(repo_root())
        .stdin(Stdio::null())
        .output()
        .unwrap_or_else(|e| panic!("cannot run parallax: {e}"))
}

pub fn parallax_with_stdin(args: &[&str], input: &[u8]) -> Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(args)
        .current_dir(repo_root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run parallax: {e}"));
    if let Some(mut stdin) = child.stdin.take() {
        stdin.write_all(input).unwrap();
    }
    child.wait_with_output().unwrap()
}

pub fn lines(bytes: &[u8]) -> Vec<Value> {
    String::from_utf8_lossy(bytes)
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("bad JSON line {l}: {e}")))
        .collect()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The documents of the bundled example corpus, as `parallax extract` writes them.
pub fn example_documents() -> Vec<Value> {
    let out = parallax(&[
        "extract",
        "examples/corpus",
        "--field",
        "outlet=source",
        "--field",
        "published=date",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    lines(&out.stdout)
}

pub fn by_id<'a>(docs: &'a [Value], id: &str) -> &'a Value {
    docs.iter()
        .find(|d| d["id"] == id)
        .unwrap_or_else(|| panic!("no document {id}"))
}

/// Every span of a document points at its own text.
pub fn check_spans(doc: &Value) {
    let text: Vec<char> = doc["text"].as_str().unwrap().chars().collect();
    for key in ["paragraphs", "sentences"] {
        for s in doc[key].as_array().unwrap() {
            let (a, b) = (
                s["start"].as_u64().unwrap() as usize,
                s["end"].as_u64().unwrap() as usize,
            );
            assert!(
                a < b && b <= text.len(),
                "{key} span {a}..{b} out of {}",
                text.len()
            );
            let piece: String = text[a..b].iter().collect();
            assert_eq!(piece.trim(), piece, "{key} span {a}..{b} is not trimmed");
        }
    }
    for r in doc["removed"].as_array().unwrap() {
        assert!(r["at"].as_u64().unwrap() as usize <= text.len());
    }
}
