//! Print the entities of a text file: name, kind, aliases, mentions and
//! descriptors.
//!
//! `cargo run -p parallax-entities --example entities_dump FILE [--sentences]`
//!
//! The file is normalised and segmented as the pipeline does before it
//! annotates. With `--sentences`, every sentence is printed instead, with its
//! index and each mention marked as `[[words|kind]]`, for judging spans and
//! kinds by hand.

use parallax_analysis::Analysed;
use parallax_entities::find_entities;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let by_sentence = args.iter().any(|a| a == "--sentences");
    let Some(path) = args.iter().find(|a| !a.starts_with("--")) else {
        eprintln!("usage: entities_dump FILE [--sentences]");
        std::process::exit(2);
    };
    let raw = match std::fs::read_to_string(path) {
        Ok(raw) => raw,
        Err(e) => {
            eprintln!("cannot read {path}: {e}");
            std::process::exit(2);
        }
    };
    let text = parallax_text::normalise(&raw);
    let doc = Analysed::new(&text, None);
    let seg = &doc.seg;
    let entities = find_entities(&doc);
    if by_sentence {
        let mut marks: Vec<(usize, usize, &str)> = entities
            .iter()
            .flat_map(|e| e.mentions.iter().map(|m| (m.start, m.end, e.kind.as_str())))
            .collect();
        marks.sort();
        for (k, s) in seg.sentences.iter().enumerate() {
            let mut line = String::new();
            let mut at = s.range.start;
            for &(start, end, kind) in marks
                .iter()
                .filter(|m| m.0 >= s.range.start && m.1 <= s.range.end)
            {
                if start < at {
                    continue;
                }
                line.push_str(text.get(at..start).unwrap_or(""));
                line.push_str(&format!(
                    "[[{}|{kind}]]",
                    text.get(start..end).unwrap_or("")
                ));
                at = end;
            }
            line.push_str(text.get(at..s.range.end).unwrap_or(""));
            println!("{k}\t{line}");
        }
        return;
    }
    for e in &entities {
        println!("{} [{}]", e.name, e.kind);
        if !e.aliases.is_empty() {
            println!("  aliases: {}", e.aliases.join(" | "));
        }
        let spans: Vec<String> = e
            .mentions
            .iter()
            .map(|m| format!("{}@{}", text.get(m.start..m.end).unwrap_or("?"), m.start))
            .collect();
        println!("  mentions: {}", spans.join(", "));
        for d in &e.descriptors {
            println!("  {}: {}", d.polarity, d.text);
        }
    }
}
