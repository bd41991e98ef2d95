//! Cleaning never loses a visible character: every one ends up in the text,
//! in a removed piece, or in the title. And it never panics.

use parallax_clean::{Cleaner, CorpusCleaner, CorpusConfig};
use parallax_model::{Origin, PageFacts, RawArticle};
use proptest::prelude::*;

fn article(id: &str, text: String) -> RawArticle {
    RawArticle {
        id: id.into(),
        origin: Origin {
            path: format!("{id}.txt"),
            record: None,
        },
        url: None,
        outlet: None,
        published: None,
        title: None,
        text,
        discarded: vec![],
        page: PageFacts::default(),
        warnings: vec![],
    }
}

fn visible(s: &str) -> Vec<char> {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Lines made of news-like pieces and boilerplate-like pieces, so the rules fire.
fn line() -> impl Strategy<Value = String> {
    prop_oneof![
        "[A-Za-z ,.“”\"'’]{0,80}",
        Just("READ MORE: Floods close the coastal road".to_string()),
        Just("— Ana Ruiz (@ana_r) May 2, 2030".to_string()),
        Just("Accessibility links".to_string()),
        Just("VELM, May 3. /VNA/. The council met.".to_string()),
        Just("© 2030 The Velm Courier. All rights reserved.".to_string()),
        Just("Sign up for the Tuesday digest and win a kettle today".to_string()),
        "\\PC{0,40}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn every_visible_character_is_accounted_for(docs in proptest::collection::vec(proptest::collection::vec(line(), 0..12), 1..5)) {
        let cleaner = Cleaner::new().unwrap();
        let mut drafts: Vec<_> = docs
            .iter()
            .enumerate()
            .map(|(i, lines)| cleaner.clean(article(&format!("d{i}"), lines.join("\n"))))
            .collect();
        let mut corpus = CorpusCleaner::new(CorpusConfig::default());
        corpus.process(&mut drafts);
        for (lines, draft) in docs.iter().zip(drafts) {
            let clean = draft.finish();
            let mut kept = visible(&clean.text);
            for r in &clean.removed {
                kept.extend(visible(&r.text));
            }
            if let Some(t) = &clean.title {
                kept.extend(visible(t));
            }
            let mut want = visible(&parallax_text::normalise(&lines.join("\n")));
            want.sort_unstable();
            kept.sort_unstable();
            prop_assert_eq!(want, kept);
            prop_assert!(clean.removed.iter().all(|r| r.at <= clean.text.chars().count()));
        }
    }
}

/// Pieces that normalisation or line handling changes.
fn messy_line() -> impl Strategy<Value = String> {
    prop_oneof![
        line(),
        Just("  Mr.\u{a0}Varko said “no”.\r".to_string()),
        Just("\u{feff}co\u{ad}op\u{200b} and\tmore  ".to_string()),
        Just(String::new()),
        Just("   ".to_string()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// What the clean text says the input holds verbatim, it holds: every
    /// stretch of the map reads the same in both texts.
    #[test]
    fn input_offsets_point_at_the_same_characters(lines in proptest::collection::vec(messy_line(), 0..14), sep in prop_oneof![Just("\n"), Just("\r\n"), Just("\n\n"), Just("\u{2029}")]) {
        let raw = lines.join(sep);
        let cleaner = Cleaner::new().unwrap();
        let clean = cleaner.clean(article("d", raw.clone())).finish();
        let input: Vec<char> = raw.chars().collect();
        let text: Vec<char> = clean.text.chars().collect();
        let mut covered = 0;
        let mut last_clean_end = 0;
        for (c, i, n) in clean.input.runs() {
            prop_assert!(c >= last_clean_end);
            last_clean_end = c + n;
            prop_assert_eq!(&text[c..c + n], &input[i..i + n]);
            covered += n;
        }
        // Everything but line joins and normalised characters is mapped.
        let changed = clean.text.chars().filter(|&ch| ch == ' ' || ch == '\n').count();
        prop_assert!(covered + changed >= text.len(), "{} of {} mapped", covered, text.len());
    }
}
