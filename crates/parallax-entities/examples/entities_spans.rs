//! The entities of document records with the spans of their mentions and
//! descriptors, for checking where each one was read.
//!
//! `cargo run --release -p parallax-entities --example entities_spans DOCS.jsonl`
//!
//! DOCS.jsonl holds document records as `parallax extract` writes them.
//! The annotator runs again on each record's `text`, as the pipeline does,
//! and one line is printed per record: its `id` and its entities, each
//! with `name`, `kind`, `mentions` and `descriptors` as `[start, end]`
//! character offsets into `text` (descriptors add their polarity).

use std::io::{BufRead, Write};

use parallax_analysis::Analysed;
use parallax_entities::find_entities;
use serde_json::{json, Value};

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: entities_spans DOCS.jsonl");
        std::process::exit(2);
    };
    let file = match std::fs::File::open(&path) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("cannot read {path}: {e}");
            std::process::exit(2);
        }
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for (n, line) in std::io::BufReader::new(file).lines().enumerate() {
        let Ok(line) = line else {
            eprintln!("{path}:{}: unreadable line", n + 1);
            continue;
        };
        let Ok(record) = serde_json::from_str::<Value>(&line) else {
            eprintln!("{path}:{}: not a JSON record", n + 1);
            continue;
        };
        let text = record["text"].as_str().unwrap_or("");
        // Byte offset → character offset, as the records count.
        let mut chars = vec![0usize; text.len() + 1];
        let mut c = 0;
        for (i, ch) in text.char_indices() {
            for slot in chars.iter_mut().skip(i).take(ch.len_utf8()) {
                *slot = c;
            }
            c += 1;
        }
        if let Some(last) = chars.last_mut() {
            *last = c;
        }
        let at = |b: usize| chars.get(b).copied().unwrap_or(c);
        let doc = Analysed::new(text, None);
        let entities: Vec<Value> = find_entities(&doc)
            .into_iter()
            .map(|e| {
                json!({
                    "name": e.name,
                    "kind": e.kind,
                    "mentions": e.mentions.iter().map(|m| [at(m.start), at(m.end)]).collect::<Vec<_>>(),
                    "descriptors": e.descriptors.iter().map(|d| json!([at(d.start), at(d.end), d.polarity])).collect::<Vec<_>>(),
                })
            })
            .collect();
        let row = json!({"id": record["id"], "entities": entities});
        if writeln!(out, "{row}").is_err() {
            return;
        }
    }
}
