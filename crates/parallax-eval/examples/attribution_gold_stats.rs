//! Print statistics of the gold attribution relations of the political news
//! attribution corpus: documents, relations, share quoted, share with a
//! source and the most frequent cues, for train and dev.
//!
//! Usage: `attribution_gold_stats [DATA_DIR] [--cues N]` (DATA_DIR defaults to
//! `../shared/datasets/polnear/data` and must hold `train/` and `dev/`).

use std::collections::HashMap;
use std::path::PathBuf;
use std::process::ExitCode;

use parallax_eval::attribution::load_brat_corpus;

fn main() -> ExitCode {
    let mut dir = PathBuf::from("../shared/datasets/polnear/data");
    let mut top = 20usize;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--cues" => match args.next().and_then(|n| n.parse().ok()) {
                Some(n) => top = n,
                None => {
                    eprintln!("--cues needs a number");
                    return ExitCode::FAILURE;
                }
            },
            other if other.starts_with("--") => {
                eprintln!("unknown option {other}");
                return ExitCode::FAILURE;
            }
            other => dir = PathBuf::from(other),
        }
    }
    for split in ["train", "dev"] {
        let corpus = match load_brat_corpus(&dir.join(split)) {
            Ok(corpus) => corpus,
            Err(err) => {
                eprintln!("{err}");
                return ExitCode::FAILURE;
            }
        };
        let relations: Vec<_> = corpus
            .documents
            .iter()
            .flat_map(|d| &d.attributions)
            .collect();
        let total = relations.len();
        let share = |n: usize| {
            if total == 0 {
                0.0
            } else {
                100.0 * n as f64 / total as f64
            }
        };
        let quoted = relations.iter().filter(|a| a.quoted).count();
        let sourced = relations.iter().filter(|a| !a.source.is_empty()).count();
        let mut cues: HashMap<&str, usize> = HashMap::new();
        for a in &relations {
            *cues.entry(a.cue_text.as_str()).or_default() += 1;
        }
        let mut cues: Vec<(&str, usize)> = cues.into_iter().collect();
        cues.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));

        println!("{split}");
        println!("  documents         {}", corpus.documents.len());
        println!("  attributions      {total}");
        println!("  skipped           {}", corpus.skipped_relations());
        println!("  warnings          {}", corpus.warnings.len());
        println!("  quoted            {quoted} ({:.1}%)", share(quoted));
        println!("  with a source     {sourced} ({:.1}%)", share(sourced));
        println!("  top {top} cues");
        for (cue, n) in cues.iter().take(top) {
            let cue = if cue.is_empty() { "(none)" } else { cue };
            println!("    {n:>6} {:>5.1}%  {cue}", share(*n));
        }
        for warning in &corpus.warnings {
            println!("  warning: {warning}");
        }
    }
    ExitCode::SUCCESS
}
