//! Sentence and token snapshots on hand-written, fictional news text.

use parallax_text::{normalise, segment, TokenKind};

/// Each sentence as `paragraph: text`.
fn sentences(raw: &str) -> Vec<String> {
    let text = normalise(raw);
    let seg = segment(&text);
    seg.sentences
        .iter()
        .map(|s| {
            format!(
                "{}: {}",
                s.paragraph,
                text.get(s.range.clone()).unwrap_or("<bad range>")
            )
        })
        .collect()
}

/// Each token as `(kind, text)`.
fn tokens(raw: &str) -> Vec<(TokenKind, String)> {
    let text = normalise(raw);
    let seg = segment(&text);
    seg.tokens
        .iter()
        .map(|t| {
            (
                t.kind,
                text.get(t.range.clone())
                    .unwrap_or("<bad range>")
                    .to_owned(),
            )
        })
        .collect()
}

/// Tokens one per line as `Kind text`, compact enough to review by eye.
fn token_lines(raw: &str) -> Vec<String> {
    tokens(raw)
        .into_iter()
        .map(|(kind, slice)| format!("{kind:?} {slice}"))
        .collect()
}

#[test]
fn titles_and_military_ranks() {
    insta::assert_debug_snapshot!(sentences(
        "Maj. Gen. Ilya Varko and Lt. Col. Dana Pirs met Sen. Rhoda Quill and Dr. Mae Tull on Tuesday. \
         Adm. Oskar Brandt, Sgt. Lev Hahn and Rev. Ann Cole stayed behind. \
         Mr. and Mrs. Fenn left before Prof. Ida Lorn spoke. Capt. Rui Santos (Ret.) declined to comment."
    ));
}

#[test]
fn dotted_countries_mid_sentence_and_at_the_end() {
    insta::assert_debug_snapshot!(sentences(
        "The U.S. Army and U.K. officials met in Vellmar. Aid was flown to the U.S. The first crates \
         arrived late. Talks then moved to the U.K. They ended without a deal. The U.N. Security \
         Council met at 9 a.m. The vote came at 4 p.m. Eastern time."
    ));
}

#[test]
fn months_with_dots() {
    insta::assert_debug_snapshot!(sentences(
        "The truce began on Sept. 30 and collapsed on Oct. 2. Shelling resumed in Dec. The next \
         round of talks is set for Jan. 15 in Orsk. Aug. 4 remains a holiday there."
    ));
}

#[test]
fn initials() {
    insta::assert_debug_snapshot!(sentences(
        "J. R. Okafor met George W. Pratt in Lisbon. Later, E. M. Voss spoke for an hour. \
         A letter signed by T. A. Reyes followed. The committee tried plan B. It failed as well. \
         The pact ended World War I. It did not last."
    ));
}

#[test]
fn decimal_numbers_and_numbered_things() {
    insta::assert_debug_snapshot!(sentences(
        "Prices rose 3.5 percent to 1,200.50 crowns. The No. 10 crew logged 2.75 hours. \
         Its share fell to 0.4. Analysts at Brell Co. said they expected more. \
         1. The first item is new."
    ));
}

#[test]
fn quotation_spanning_sentences_with_attribution_after() {
    insta::assert_debug_snapshot!(sentences(
        "\"We came. We listened. We left,\" the spokeswoman said. \"That was all.\" \
         The hall emptied.\n\
         “We will not yield. Not now, not ever,” Ortega said on Monday."
    ));
}

#[test]
fn nested_single_quotes_inside_double() {
    insta::assert_debug_snapshot!(sentences(
        "“They are not striking the ‘moderate’ groups. They are striking everyone,” the envoy said. \
         She called the figures ‘invented’. Nobody replied."
    ));
}

#[test]
fn unbalanced_opening_mark_falls_back_to_normal_splitting() {
    insta::assert_debug_snapshot!(sentences(
        "He called the plan \"reckless. Officials disagreed. The vote went ahead on Friday."
    ));
}

#[test]
fn multi_paragraph_quote_with_omitted_closing_mark() {
    insta::assert_debug_snapshot!(sentences(
        "“The first convoy left at dawn. It carried flour and fuel.\n\
         \n\
         “The second convoy never arrived. We still do not know why,” the coordinator said."
    ));
}

#[test]
fn guillemets() {
    insta::assert_debug_snapshot!(sentences(
        "The minister called it «a provocation. Nothing more», and walked out. Talks resume Friday.\n\
         «Мы пришли. Мы ушли», — сказал он. Потом наступила тишина."
    ));
}

#[test]
fn ellipsis() {
    insta::assert_debug_snapshot!(sentences(
        "He paused… Then he spoke again. The plan was… unclear. Wait... What happened next? \
         Nobody knew..."
    ));
}

#[test]
fn question_and_exclamation_inside_quotes_followed_by_attribution() {
    insta::assert_debug_snapshot!(sentences(
        "\"Why now?\" he asked. \"Who gains?\" asked Mira Toll. \"Is it over?\" Ortega asked. \
         “Stop!” she shouted. Nobody did. He said “go.” Then he left."
    ));
}

#[test]
fn a_quotation_opened_inside_a_sentence_ends_it_before_the_next_speaker() {
    // The quotation already has its speaker: "Ivo Brandt said" opens the next
    // sentence. A quotation that opens its sentence goes on into the
    // attribution after it.
    insta::assert_debug_snapshot!(sentences(
        "“My hope,” the mayor said, “is that the pier opens in May.” Ivo Brandt said the gates \
         were shut. “It opens in May.” Ivo Brandt said so too."
    ));
}

#[test]
fn tokens_of_news_text() {
    insta::assert_debug_snapshot!(token_lines(
        "Norland’s al-Nouri saw “three-year-long” delays, 1,200 losses, 24-hour shifts and the \
         guards’ ‘moderate’ tone; the F-16 deal (2015-16) cost $40.5 million, 12% more. \
         Gen. Tarr said the U.S. would act by 10:30 p.m. in the ’90s style…"
    ));
}

#[test]
fn tokens_of_initials_units_and_contractions() {
    insta::assert_debug_snapshot!(token_lines(
        "J. R. Okafor, a 6′2″ forward, said: 'It's done.' The team didn't win No. 5 (plan B.)"
    ));
}

#[test]
fn tokens_never_include_whitespace_and_quote_marks_stand_alone() {
    let text = "«Да», — ответил он. 「来た。」 He said: 'It's fine.'";
    for (kind, slice) in tokens(text) {
        assert!(!slice.chars().any(char::is_whitespace), "{slice:?}");
        if kind == TokenKind::Quote {
            assert_eq!(slice.chars().count(), 1, "{slice:?}");
        }
    }
    let quotes: String = tokens(text)
        .into_iter()
        .filter(|(kind, _)| *kind == TokenKind::Quote)
        .map(|(_, s)| s)
        .collect();
    assert_eq!(quotes, "«»「」''");
}

#[test]
fn wide_terminators_split_without_spaces() {
    assert_eq!(
        sentences("他说：「我们来了。我们走了。」然后他走了。"),
        ["0: 他说：「我们来了。我们走了。」", "0: 然后他走了。"]
    );
}

#[test]
fn low_opening_marks_close_with_high_ones() {
    assert_eq!(
        sentences("„Wir kamen. Wir gingen“, sagte er. Dann war es still."),
        [
            "0: „Wir kamen. Wir gingen“, sagte er.",
            "0: Dann war es still."
        ]
    );
}

#[test]
fn blank_lines_are_not_paragraphs() {
    let text = "First line.\n\n  \nSecond line. Two.\n";
    let seg = segment(text);
    let paragraphs: Vec<&str> = seg
        .paragraphs
        .iter()
        .filter_map(|r| text.get(r.clone()))
        .collect();
    assert_eq!(paragraphs, ["First line.", "Second line. Two."]);
    let owners: Vec<usize> = seg.sentences.iter().map(|s| s.paragraph).collect();
    assert_eq!(owners, [0, 1, 1]);
    let second = seg
        .sentences
        .get(2)
        .map(|s| s.range.clone())
        .unwrap_or_default();
    let words: Vec<&str> = seg
        .tokens_in(second)
        .iter()
        .filter_map(|t| text.get(t.range.clone()))
        .collect();
    assert_eq!(words, ["Two", "."]);
}

#[test]
fn sentences_that_lost_the_space_after_their_full_stop() {
    insta::assert_debug_snapshot!(sentences(
        "The gates were built by Mayor Ada Rein.In an interview, she said the pier \
         was “safe for decades.”On Thursday, the board met. Prices rose 3.5 percent \
         at Amazon.com and in the U.S.A last year, said a Ph.D student."
    ));
}
