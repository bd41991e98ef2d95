//! Each act on hand-written text, with its negated, hedged and
//! narrator-reported forms. The people and bodies are invented; the
//! countries are real, since the side a demonym names comes from the
//! gazetteer.

use parallax_analysis::Analysed;

fn view(text: &str) -> String {
    let doc = Analysed::new(text, None);
    let entities = parallax_entities::find_entities(&doc);
    let quotes = parallax_quotes::find_quotes(&doc, &entities);
    let dates: Vec<std::ops::Range<usize>> = parallax_dates::find_dates(&doc)
        .iter()
        .map(|d| d.start..d.end)
        .collect();
    let acts = parallax_acts::find_acts(&doc, &quotes, &entities, &dates);
    let mut out = String::new();
    for (i, s) in acts.iter().enumerate() {
        out.push_str(&format!(
            "{i} {} {} [{}] actor={:?} target={:?} | {}\n",
            s.act.as_str(),
            s.cameo,
            s.rule,
            s.actor,
            s.target,
            &text[s.range.clone()]
        ));
        if let Some((t, _)) = &s.act_text {
            out.push_str(&format!("    act: {t}\n"));
        }
        for h in &s.hedges {
            out.push_str(&format!(
                "    hedge: {} by={:?} from={:?}\n",
                &text[h.range.clone()],
                h.by,
                h.from
            ));
        }
        if let Some(a) = &s.answers {
            out.push_str(&format!(
                "    answers {} ({})\n",
                a.statement,
                a.evidence.join("; ")
            ));
        }
        if let Some(r) = &s.answers_reported {
            out.push_str(&format!(
                "    reports the allegation: {}\n",
                &text[r.clone()]
            ));
        }
    }
    out
}

#[test]
fn an_allegation_and_the_denial_that_answers_it() {
    insta::assert_snapshot!(view(
        "The Sorn Monitoring Council said Norwegian warplanes had bombed a hospital in Ardo.\n\n\
         “The Norwegian air wing has not struck any hospitals in Ardo,” defense ministry spokesman Ivo Rein said."
    ));
}

#[test]
fn a_narrator_reports_an_accusation_and_a_rejection() {
    insta::assert_snapshot!(view(
        "Earlier, the Danish Foreign Ministry accused Norway of shelling schools in Ardo.\n\n\
         The Norwegian Defense Ministry rejected the Danish Foreign Ministry’s accusation on Tuesday."
    ));
}

#[test]
fn denials_in_words_demands_and_criticism() {
    insta::assert_snapshot!(view(
        "“The claims are baseless,” Rein said.\n\n\
         Rein said the council must present evidence of the strikes.\n\n\
         “It is strange that the council ignores the shelling of Ardo,” Rein said.\n\n\
         The ministry condemned the council’s report."
    ));
}

#[test]
fn a_counter_accusation_made_beside_a_denial() {
    insta::assert_snapshot!(view(
        "The Sorn Monitoring Council said Norwegian jets had killed civilians in Ardo.\n\n\
         “Norwegian jets neither planned nor carried out any strikes on Ardo,” Norwegian Defense Ministry spokesman Ivo Rein said.\n\n\
         Rein said the shelling of Ardo had been orchestrated by the Danish security services."
    ));
}

#[test]
fn hedges_keep_their_distance() {
    insta::assert_snapshot!(view(
        "The so-called Sorn Monitoring Council said jets had killed civilians in Ardo.\n\n\
         “Civilians are allegedly being killed,” Rein said."
    ));
}

#[test]
fn ones_own_strikes_are_a_claim() {
    insta::assert_snapshot!(view(
        "Norwegian Defense Ministry spokesman Ivo Rein said Norwegian jets had carried out ten strikes on militant camps."
    ));
}
