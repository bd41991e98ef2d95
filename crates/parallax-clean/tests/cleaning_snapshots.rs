//! Snapshots of cleaning on small hand-written articles (fiction): what stays
//! in the text, what is removed and why, and what is inferred.

use parallax_clean::{CleanArticle, Cleaner, CorpusCleaner, CorpusConfig};
use parallax_model::{Origin, PageFacts, RawArticle};

fn raw(id: &str, text: &str) -> RawArticle {
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
        text: text.into(),
        discarded: vec![],
        page: PageFacts::default(),
        warnings: vec![],
    }
}

fn clean_all(texts: &[(&str, &str)]) -> Vec<CleanArticle> {
    let cleaner = Cleaner::new().unwrap();
    let mut drafts: Vec<_> = texts
        .iter()
        .map(|(id, t)| cleaner.clean(raw(id, t)))
        .collect();
    CorpusCleaner::new(CorpusConfig::default()).process(&mut drafts);
    drafts.into_iter().map(|d| d.finish()).collect()
}

/// A compact, reviewable view of one cleaned article.
fn view(a: &CleanArticle) -> String {
    let mut s = format!(
        "title: {:?}\noutlet: {:?}\npublished: {:?} ({:?})\n--- text\n{}\n--- removed\n",
        a.title,
        a.outlet
            .as_ref()
            .map(|o| format!("{} [{}]", o.name, o.evidence)),
        a.published,
        a.published_evidence,
        a.text
    );
    for r in &a.removed {
        s.push_str(&format!("{:>18} @{:<4} {}\n", r.reason, r.at, r.text));
    }
    s
}

#[test]
fn agency_wire_with_dateline_and_embeds() {
    let a = clean_all(&[(
        "wire",
        "Skip to content\n\
         Port authority denies ferry collision cover-up\n\
         VELM, May 3. /VNA/. The port authority on Friday denied hiding evidence of a collision between two ferries in 2029, a spokesman said.\n\
         READ MORE: Ferry operators strike over pay\n\
         “Nothing was hidden,” said Ilse Varga, the authority's spokeswoman.\n\
         Divers saw damage to the hull, the union said on its account pic.twitter.com/AbCdEf12\n\
         — Velm Dockers Union (@velmdockers) May 2, 2030\n\
         16x9 Image\n\
         © 2030 Velm News Agency. All rights reserved.",
    )]);
    insta::assert_snapshot!(view(&a[0]));
}

#[test]
fn outlet_footer_live_updates_and_byline() {
    let a = clean_all(&[(
        "broadcast",
        "Accessibility links\n\
         Breaking News\n\
         Storm closes coastal road for a second day\n\
         Published: June 9, 2030\n\
         Follow Harbour Radio's LIVE UPDATES on the storm\n\
         The coastal road between Velm and Ostra stayed shut on Sunday as waves broke over the sea wall, police said.\n\
         Image caption: Waves over the sea wall at Ostra\n\
         With reporting by Lena Marsh\n\
         Harbour Radio journalists report in 4 languages from 12 bureaus along the coast.\n\
         To find out more, click here.",
    )]);
    insta::assert_snapshot!(view(&a[0]));
}

#[test]
fn a_line_one_outlet_repeats_is_furniture_and_names_the_outlet() {
    let promo = "Three headlines and a tide table, every morning before breakfast.";
    let known = |n: u32| {
        format!(
            "Story {n} headline here\n\
             The ferry timetable changed for the {n}th time this year, the operator said.\n\
             {promo}\n\
             © 2030 Velm Courier. All rights reserved."
        )
    };
    let (a, b) = (known(1), known(2));
    let unknown = format!(
        "Council approves new harbour lights\n\
         The council approved new lights for the harbour mouth on Tuesday.\n\
         {promo}"
    );
    let out = clean_all(&[("a", &a), ("b", &b), ("c", &unknown)]);
    insta::assert_snapshot!(view(&out[2]));
    assert!(out.iter().all(|d| d
        .removed
        .iter()
        .any(|r| r.reason == "repeated-line" && r.text == promo)));
}

#[test]
fn credit_lines_go_and_captions_with_credits_stay() {
    let a = clean_all(&[(
        "credits",
        "Ferry strike ends after nine days\n\
         Ada Quill/AFP/Getty Images\n\
         The ferry union ended its strike on Friday, the port authority said.\n\
         Photo: Tomas Brell/Reuters\n\
         Dock workers return to the harbour in Velm on Friday. Piet Dorsen/AP\n\
         “We won a fair deal,” said Lena Ortis, who leads the union.\n\
         (AP Photo/Ada Quill)\n\
         File photo\n\
         Reuters reported that talks had lasted 40 hours.\n\
         – Reuters",
    )]);
    insta::assert_snapshot!(view(&a[0]));
    let credits = a[0].removed.iter().filter(|r| r.reason == "credit").count();
    assert_eq!(credits, 5, "{:?}", a[0].removed);
}
