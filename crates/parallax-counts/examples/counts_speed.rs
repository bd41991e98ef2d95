//! Throughput of the count and date annotators.
//!
//! `cargo run --release -p parallax-counts --example counts_speed [FILE]`
//!
//! With a file, its text is cut into documents at blank lines (about 4 KB
//! each, as the pipeline sees them); without one, a few MB of made-up news
//! sentences are used. Prints MB/s for each annotator, and for the shared
//! analysis (segmentation and word facts) that both read.

use std::time::Instant;

use chrono::NaiveDate;
use parallax_analysis::Analysed;
use parallax_counts::find_counts;
use parallax_dates::find_dates;

/// Made-up sentences that exercise numbers, qualifiers and dates.
const SENTENCES: &[&str] = &[
    "Shelling near Vellmar killed at least 46 people, more than a third of them children, officials said on Tuesday.",
    "The ministry said its jets carried out 12 strikes on depots in the past 24 hours and hit nearly 300 targets since September 2015.",
    "Dozens of residents fled to the hills, and some 1,200 families were displaced by June 8 and 9.",
    "A 64-year-old man, aged 64, was among those injured when the Su-24M crashed at 9 a.m. on 30 September 2015.",
    "No one knew whether two million dollars, or $5 million, would reach the 15 member states by next week.",
    "Turnout rose to 62 percent, up from 58% last year, the commission said earlier this month.",
    "Nine Russian air strikes have hit hospitals or field clinics, according to a group that counts 23 countries among its donors.",
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
                text.push(if n % 6 == 5 { '\n' } else { ' ' });
                n += 1;
            }
            text
        }
    };
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

fn main() {
    let path = std::env::args().nth(1);
    let docs = documents(path.as_deref());
    let bytes: usize = docs.iter().map(String::len).sum();
    let mb = bytes as f64 / 1e6;
    let published = NaiveDate::from_ymd_opt(2016, 6, 10);

    let t = Instant::now();
    let analysed: Vec<Analysed<'_>> = docs.iter().map(|d| Analysed::new(d, published)).collect();
    let secs = t.elapsed().as_secs_f64();
    println!(
        "shared analysis: {mb:.1} MB, {secs:.2} s, {:.0} MB/s",
        mb / secs
    );

    let t = Instant::now();
    let pieces: usize = analysed.iter().map(|d| d.num_tokens().len()).sum();
    let secs = t.elapsed().as_secs_f64();
    println!(
        "number and date tokens: {pieces} in {mb:.1} MB, {secs:.2} s, {:.0} MB/s",
        mb / secs
    );

    let t = Instant::now();
    let found: Vec<_> = analysed.iter().map(find_dates).collect();
    let secs = t.elapsed().as_secs_f64();
    let dates: usize = found.iter().map(Vec::len).sum();
    println!(
        "dates:  {dates} in {mb:.1} MB, {secs:.2} s, {:.0} MB/s",
        mb / secs
    );

    // Counts read the dates found above, as in the pipeline.
    let t = Instant::now();
    let counts: usize = analysed
        .iter()
        .zip(&found)
        .map(|(d, f)| find_counts(d, f).len())
        .sum();
    let secs = t.elapsed().as_secs_f64();
    println!(
        "counts: {counts} in {mb:.1} MB, {secs:.2} s, {:.0} MB/s",
        mb / secs
    );
}
