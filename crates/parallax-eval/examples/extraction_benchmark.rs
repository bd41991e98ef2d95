//! Run `parallax-html` over the article extraction benchmark and print its
//! scores and speed.
//!
//! Usage: `extraction_benchmark [DIR] [--worst N] [--show ID_PREFIX]`
//! (DIR defaults to `../shared/datasets/article-extraction-benchmark`).
//! `--worst N` lists the N pages with the lowest F1; `--show ID_PREFIX`
//! extracts only the matching pages and prints their text, discarded pieces
//! and gold.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use parallax_eval::extraction::{load_benchmark, page_counts, score};

struct Args {
    dir: PathBuf,
    worst: usize,
    show: Option<String>,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        dir: PathBuf::from("../shared/datasets/article-extraction-benchmark"),
        worst: 0,
        show: None,
    };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--worst" => {
                let n = it.next().ok_or("--worst needs a number")?;
                args.worst = n.parse().map_err(|_| format!("bad --worst value {n:?}"))?;
            }
            "--show" => args.show = Some(it.next().ok_or("--show needs a page id prefix")?),
            other if other.starts_with("--") => return Err(format!("unknown option {other}")),
            other => args.dir = PathBuf::from(other),
        }
    }
    Ok(args)
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let mut pages = match load_benchmark(&args.dir) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    if let Some(prefix) = &args.show {
        // Inspecting pages: only those matching are extracted and scored.
        pages.retain(|p| p.id.starts_with(prefix.as_str()));
    }

    let mut predictions = Vec::with_capacity(pages.len());
    let mut extractions = Vec::with_capacity(pages.len());
    let mut elapsed = Duration::ZERO;
    let mut bytes = 0usize;
    for page in &pages {
        bytes += page.html.len();
        let start = Instant::now();
        let result = parallax_html::extract(&page.html);
        elapsed += start.elapsed();
        predictions.push(result.as_ref().map(|m| m.text()).unwrap_or_default());
        extractions.push(result);
    }

    let scores = score(&pages, &predictions);
    let secs = elapsed.as_secs_f64().max(1e-9);
    println!(
        "pages {}  precision {:.4}  recall {:.4}  F1 {:.4}  accuracy {:.4}",
        scores.pages, scores.precision, scores.recall, scores.f1, scores.accuracy
    );
    println!(
        "extraction time {:.2} s  {:.1} pages/s  {:.2} MB/s (single thread)",
        secs,
        pages.len() as f64 / secs,
        bytes as f64 / 1e6 / secs
    );

    if args.worst > 0 {
        let mut ranked: Vec<(f64, usize)> = pages
            .iter()
            .zip(&predictions)
            .enumerate()
            .map(|(i, (page, pred))| (page_counts(&page.gold, pred).f1(), i))
            .collect();
        ranked.sort_by(|a, b| a.0.total_cmp(&b.0));
        println!("\nworst pages by F1:");
        for (f1, i) in ranked.into_iter().take(args.worst) {
            let (Some(page), Some(pred)) = (pages.get(i), predictions.get(i)) else {
                continue;
            };
            let c = page_counts(&page.gold, pred);
            println!(
                "{f1:.3}  P {:.3} R {:.3}  {}  {}",
                c.precision().unwrap_or(0.0),
                c.recall().unwrap_or(0.0),
                page.id.get(..12).unwrap_or(&page.id),
                page.url
            );
        }
    }

    if args.show.is_some() {
        for (i, page) in pages.iter().enumerate() {
            println!("\n=== {} {}", page.id, page.url);
            match extractions.get(i) {
                Some(Ok(m)) => {
                    println!("title: {:?}\nmeta: {:?}", m.title, m.meta);
                    println!("--- extracted");
                    for p in &m.paragraphs {
                        println!("| {p}");
                    }
                    println!("--- discarded");
                    for d in &m.discarded {
                        println!("[{}] {}", d.reason, d.text);
                    }
                }
                Some(Err(e)) => println!("error: {e}"),
                None => {}
            }
            println!("--- gold\n{}", page.gold);
        }
    }
    ExitCode::SUCCESS
}
