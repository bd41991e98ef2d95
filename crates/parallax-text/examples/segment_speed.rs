//! Throughput of `normalise` and `segment`.
//!
//! `cargo run --release -p parallax-text --example segment_speed [FILE]`
//!
//! With a FILE, times that text (any UTF-8, one paragraph per line);
//! otherwise times about 32 MB of generated news-like text.

use std::time::{Duration, Instant};

use parallax_text::{normalise, segment};

const TARGET_BYTES: usize = 32 << 20;
const ROUNDS: usize = 3;

/// Fictional sentence parts, combined by a fixed pseudo-random sequence so
/// runs are comparable.
const OPENERS: &[&str] = &[
    "Maj. Gen. Ilya Varko",
    "The U.S. envoy",
    "Dr. Mae Tull",
    "A spokeswoman for Brell Co.",
    "Officials in Vellmar",
    "J. R. Okafor",
    "The monitoring group",
];
const VERBS: &[&str] = &[
    "said",
    "told reporters",
    "added",
    "wrote on Sept. 30",
    "warned",
];
const QUOTES: &[&str] = &[
    "“We came. We listened. We left,”",
    "\"Nothing has changed since Oct. 2,\"",
    "“The ‘moderate’ groups were not hit,”",
    "«The talks failed. Again»,",
    "\"Why now?\"",
];
const CLAIMS: &[&str] = &[
    "that at least 446 people had died, more than a third of them civilians.",
    "the convoy carried 1,200 tonnes of flour and 3.5 million litres of fuel.",
    "talks would resume at 9 a.m. on Monday in the U.K.",
    "the 24-hour ceasefire collapsed… Nobody knows why.",
    "the figures were “invented” and “deeply irresponsible.”",
];

fn generated() -> String {
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = |n: usize| {
        // xorshift: cheap, deterministic, good enough to vary the text.
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        usize::try_from(state % n as u64).unwrap_or(0)
    };
    let mut out = String::with_capacity(TARGET_BYTES + 1024);
    while out.len() < TARGET_BYTES {
        for _ in 0..1 + next(4) {
            let pick = |list: &[&'static str], i: usize| list.get(i).copied().unwrap_or("");
            let (o, v, q, c) = (
                next(OPENERS.len()),
                next(VERBS.len()),
                next(QUOTES.len()),
                next(CLAIMS.len()),
            );
            if next(2) == 0 {
                out.push_str(&format!(
                    "{} {} {} ",
                    pick(QUOTES, q),
                    pick(OPENERS, o),
                    pick(VERBS, v)
                ));
                out.push_str(".\u{a0}");
            } else {
                out.push_str(&format!(
                    "{} {} {} ",
                    pick(OPENERS, o),
                    pick(VERBS, v),
                    pick(CLAIMS, c)
                ));
            }
        }
        out.push('\n');
    }
    out
}

/// Fastest of `ROUNDS` runs, with the last run's result.
fn best_of<T>(mut f: impl FnMut() -> T) -> (Duration, T) {
    let start = Instant::now();
    let mut value = f();
    let mut best = start.elapsed();
    for _ in 1..ROUNDS {
        let start = Instant::now();
        value = f();
        best = best.min(start.elapsed());
    }
    (best, value)
}

fn mb_per_s(bytes: usize, d: Duration) -> f64 {
    bytes as f64 / 1e6 / d.as_secs_f64().max(1e-9)
}

fn main() -> std::io::Result<()> {
    let raw = match std::env::args().nth(1) {
        Some(path) => String::from_utf8_lossy(&std::fs::read(path)?).into_owned(),
        None => generated(),
    };
    let (t_norm, text) = best_of(|| normalise(&raw));
    let (t_seg, seg) = best_of(|| segment(&text));
    println!("input       {:>10} bytes", raw.len());
    println!("normalise   {:>10.1} MB/s", mb_per_s(raw.len(), t_norm));
    println!("segment     {:>10.1} MB/s", mb_per_s(text.len(), t_seg));
    println!(
        "paragraphs {} sentences {} tokens {}",
        seg.paragraphs.len(),
        seg.sentences.len(),
        seg.tokens.len()
    );
    Ok(())
}
