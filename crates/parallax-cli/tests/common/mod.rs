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

/// The input text of every document under `paths`, by its `source`, as
/// the reader and the decoder hand it to cleaning (for HTML and WARC pages,
/// the main text as extracted).
pub fn decoded_inputs(paths: &[&str]) -> std::collections::HashMap<String, String> {
    let paths = paths.iter().map(|p| p.to_string()).collect();
    let reader = parallax_ingest::Reader::new(paths, parallax_ingest::ReaderOptions::default());
    let mut out = std::collections::HashMap::new();
    for event in reader {
        if let parallax_ingest::Event::Document(doc) = event {
            if let Ok(raw) = parallax_ingest::decode(*doc) {
                out.insert(raw.origin.to_string(), raw.text);
            }
        }
    }
    out
}

/// Every item of a document record that carries offsets, with its kind and
/// the words it stands for: quotes, partials, speakers (their mention),
/// entity mentions, descriptors, counts, dates and statements.
pub fn spanned_items(doc: &Value) -> Vec<(&'static str, String, &Value)> {
    let mut out = Vec::new();
    let text_of = |v: &Value, key: &str| v[key].as_str().unwrap_or_default().to_string();
    for q in doc["quotes"].as_array().into_iter().flatten() {
        out.push(("quote", text_of(q, "text"), q));
        for p in q["partials"].as_array().into_iter().flatten() {
            out.push(("partial", text_of(p, "text"), p));
        }
        if !q["speaker"].is_null() {
            out.push(("speaker", text_of(&q["speaker"], "mention"), &q["speaker"]));
        }
    }
    for e in doc["entities"].as_array().into_iter().flatten() {
        assert!(
            e["mentions"].as_array().is_some_and(|m| !m.is_empty()),
            "entity {} has no mentions",
            e["name"]
        );
        for m in e["mentions"].as_array().into_iter().flatten() {
            out.push(("mention", text_of(m, "text"), m));
        }
        for d in e["descriptors"].as_array().into_iter().flatten() {
            out.push(("descriptor", text_of(d, "text"), d));
        }
    }
    for key in ["counts", "dates", "statements"] {
        for c in doc[key].as_array().into_iter().flatten() {
            out.push((key, text_of(c, "text"), c));
        }
    }
    out
}

/// Characters that normalisation drops: an input holding one may hold an
/// item's words only with it inside.
fn dropped_by_normalisation(c: char) -> bool {
    matches!(c, '\u{AD}' | '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}')
        || (c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
}

/// What [`check_input_offsets`] found.
#[derive(Debug, Default, Clone, Copy)]
pub struct InputCheck {
    /// Items whose input offsets were checked against the input.
    pub verified: usize,
    /// Items with null input offsets.
    pub null: usize,
    /// Items whose input offsets differ from their offsets into `text`.
    pub moved: usize,
}

/// Every item of `doc` stands at `start..end` of its `text`, and at
/// `input_start..input_end` of `input` (both counted in characters), or has
/// null input offsets only where its words contain a character cleaning
/// may have changed (a space or line break) or the input holds characters
/// cleaning drops.
pub fn check_input_offsets(doc: &Value, input: &str) -> InputCheck {
    let text: Vec<char> = doc["text"].as_str().unwrap().chars().collect();
    let input_chars: Vec<char> = input.chars().collect();
    let has_dropped = input_chars.iter().any(|&c| dropped_by_normalisation(c));
    let mut check = InputCheck::default();
    for (kind, words, item) in spanned_items(doc) {
        let at = |key: &str| item[key].as_u64().map(|v| v as usize);
        let (start, end) = (at("start").unwrap(), at("end").unwrap());
        assert!(start <= end && end <= text.len(), "{kind} {item}");
        let in_text: String = text[start..end].iter().collect();
        assert_eq!(in_text, words, "{kind} {item} against the text");
        for key in ["input_start", "input_end"] {
            assert!(
                item.get(key).is_some(),
                "{kind} {item} lacks the field {key}"
            );
        }
        match (at("input_start"), at("input_end")) {
            (Some(a), Some(b)) => {
                assert!(a <= b && b <= input_chars.len(), "{kind} {item}");
                let in_input: String = input_chars[a..b].iter().collect();
                assert_eq!(in_input, words, "{kind} {item} against the input");
                check.verified += 1;
                if a != start {
                    check.moved += 1;
                }
            }
            (None, None) => {
                assert!(
                    has_dropped || words.contains([' ', '\n']),
                    "{kind} {item}: null input offsets for words the input holds as written"
                );
                check.null += 1;
            }
            _ => panic!("{kind} {item}: one input offset null, the other not"),
        }
    }
    check
}
