//! Throughput of the entity annotator.
//!
//! `cargo run --release -p parallax-entities --example entities_speed [FILE]`
//!
//! With a file, its text is cut into documents at blank lines (about 4 KB
//! each, as the pipeline sees them); a `.jsonl` file is read as one
//! document per line from its `"text"` field. Without a file, a few MB of
//! made-up news sentences are used. Segmentation is timed apart from the
//! annotator.

use std::time::Instant;

use parallax_analysis::Analysed;
use parallax_entities::find_entities;

/// Made-up sentences with names, titles, acronyms, descriptions and labels.
const SENTENCES: &[&str] = &[
    "The Velmar Council for Civic Rights (VCCR), a widely cited rights watchdog run from Ostrena, said on Tuesday that 46 people were killed.",
    "Harbour Ministry spokesman Major General Ilya Varko denied the claim, saying the so-called council has no access to the coast.",
    "Varko said the ministry had struck 12 depots of the Northern Front militants near the port of Dalsk.",
    "The source, which operates abroad, employs no reporters on the ground, and is a one-man operation.",
    "Mr. Tomas Brell, a senior aide to President Anna Kirov, told the Velmar News Agency that talks would resume.",
    "An obscure watchdog group said the strikes hit a hospital; the Observatory denied it, and Kirov stayed silent.",
    "Russia, Syria and the United States met in Geneva, where UN envoy Lena Ortis urged restraint.",
];

fn documents(path: Option<&str>) -> Vec<String> {
    let text = match path.map(std::fs::read_to_string) {
        Some(Ok(text)) => text,
        Some(Err(e)) => {
            eprintln!("cannot read the file: {e}");
            std::process::exit(2);
        }
        None => {
            let mut text = String::new();
            let mut n = 0usize;
            while text.len() < 8_000_000 {
                let s = SENTENCES.get(n % SENTENCES.len()).copied().unwrap_or("");
                text.push_str(s);
                text.push(if n % 5 == 4 { '\n' } else { ' ' });
                if n % 35 == 34 {
                    text.push('\n');
                }
                n += 1;
            }
            text
        }
    };
    if path.is_some_and(|p| p.ends_with(".jsonl")) {
        return text
            .lines()
            .filter_map(|l| {
                let v: serde_json_lite::Value = serde_json_lite::parse(l)?;
                Some(v.0)
            })
            .collect();
    }
    let mut docs = Vec::new();
    let mut doc = String::new();
    for para in text.split("\n\n") {
        doc.push_str(para);
        doc.push('\n');
        if doc.len() > 4000 {
            docs.push(std::mem::take(&mut doc));
        }
    }
    if !doc.is_empty() {
        docs.push(doc);
    }
    docs
}

/// Just enough JSON to take the `"text"` string out of a line.
mod serde_json_lite {
    pub struct Value(pub String);

    pub fn parse(line: &str) -> Option<Value> {
        let at = line.find("\"text\":")? + 7;
        let rest = line.get(at..)?.trim_start().strip_prefix('"')?;
        let mut out = String::new();
        let mut chars = rest.chars();
        while let Some(c) = chars.next() {
            match c {
                '"' => return Some(Value(out)),
                '\\' => match chars.next()? {
                    'n' => out.push('\n'),
                    't' => out.push('\t'),
                    'u' => {
                        let hex: String = chars.by_ref().take(4).collect();
                        let code = u32::from_str_radix(&hex, 16).ok()?;
                        out.push(char::from_u32(code).unwrap_or('\u{fffd}'));
                    }
                    other => out.push(other),
                },
                c => out.push(c),
            }
        }
        None
    }
}

fn main() {
    let path = std::env::args().nth(1);
    let docs: Vec<String> = documents(path.as_deref())
        .iter()
        .map(|d| parallax_text::normalise(d))
        .collect();
    let bytes: usize = docs.iter().map(String::len).sum();
    let mb = bytes as f64 / 1e6;

    let t = Instant::now();
    let analysed: Vec<Analysed<'_>> = docs.iter().map(|d| Analysed::new(d, None)).collect();
    let seg_secs = t.elapsed().as_secs_f64();

    let t = Instant::now();
    let mut entities = 0usize;
    for d in &analysed {
        entities += find_entities(d).len();
    }
    let secs = t.elapsed().as_secs_f64();
    println!(
        "{} documents, {mb:.1} MB; analysis (segmentation and word facts) {:.0} MB/s; entities: {entities} in {secs:.2} s, {:.0} MB/s",
        docs.len(),
        mb / seg_secs,
        mb / secs
    );
}
