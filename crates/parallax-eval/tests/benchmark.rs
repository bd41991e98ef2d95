//! Regression guard: `parallax-html` on the shared article extraction
//! benchmark must keep its score. The data lives outside the repository
//! (`../shared` beside the checkout) and is read at run time.

use std::path::PathBuf;

use parallax_eval::extraction::{load_benchmark, score};

fn benchmark_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/datasets/article-extraction-benchmark")
}

#[test]
fn html_extraction_keeps_its_benchmark_score() {
    let dir = benchmark_dir();
    if !dir.join("ground-truth.json").exists() {
        eprintln!("benchmark not found at {}; skipping", dir.display());
        return;
    }
    let pages = match load_benchmark(&dir) {
        Ok(p) => p,
        Err(e) => panic!("{e}"),
    };
    assert_eq!(pages.len(), 181);
    let predictions: Vec<String> = pages
        .iter()
        .map(|p| {
            parallax_html::extract(&p.html)
                .map(|m| m.text())
                .unwrap_or_default()
        })
        .collect();
    let s = score(&pages, &predictions);
    eprintln!(
        "P {:.4} R {:.4} F1 {:.4} accuracy {:.4}",
        s.precision, s.recall, s.f1, s.accuracy
    );
    assert!(s.f1 >= 0.97, "F1 fell to {:.4}", s.f1);
    assert!(s.precision >= 0.96 && s.recall >= 0.96, "{s:?}");
}
