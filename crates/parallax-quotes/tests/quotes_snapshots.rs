//! Snapshots of quotation finding on small hand-written texts (fiction), one
//! per construction and per failure case.

use parallax_analysis::Analysed;
use parallax_quotes::find_quotes;

/// A compact view: attribution, kind, mode, the quoted words, partial
/// quotations inside them, cue, speaker (mention → name, role, source type).
fn view(text: &str) -> String {
    let doc = Analysed::new(text, None);
    let mut out = String::new();
    let entities = parallax_entities::find_entities(&doc);
    for q in find_quotes(&doc, &entities) {
        let words = &text[q.range.clone()];
        let cue = q.cue.as_ref().map_or("-", |c| &text[c.clone()]);
        let speaker = match &q.speaker {
            Some(s) => format!(
                "{} → {}{} [{}]",
                &text[s.mention.clone()],
                if s.name.is_empty() {
                    "(nobody named)"
                } else {
                    &s.name
                },
                match (&s.role, &s.affiliation) {
                    (Some(r), Some(a)) => format!(" ({r}, {a})"),
                    (Some(r), None) => format!(" ({r})"),
                    _ => String::new(),
                },
                s.source_type.as_str()
            ),
            None => "-".to_string(),
        };
        let partials: Vec<&str> = q.partials.iter().map(|p| &text[p.clone()]).collect();
        let partials = if partials.is_empty() {
            String::new()
        } else {
            format!(" | partials: {}", partials.join(" / "))
        };
        out.push_str(&format!(
            "a{} {:?} {} | {words}{partials} | cue: {cue} | {speaker}\n",
            q.attribution,
            q.kind,
            q.mode.as_str()
        ));
    }
    out
}

#[test]
fn direct_quotes_in_every_shape() {
    insta::assert_snapshot!(view(
        "\"The bridge will open in May,\" Mayor Lena Ortis said on Monday.\n\
         Harbour master Piet Volk said: “The tide tables are wrong.”\n\
         “We were never told,” said Anna Brell, a ferry captain.\n\
         «Nobody asked us», Brell added.\n\
         'It is a scandal,' the union leader said."
    ));
}

#[test]
fn partial_quotes_and_scare_quotes() {
    insta::assert_snapshot!(view(
        "Councillor Rui Dast dismissed the plan as \"a gift to developers\" on Tuesday.\n\
         The works had been \"fully completed,\" said Ines Mora, the city engineer.\n\
         The so-called \"needle\" tower has stood empty since spring.\n\
         The report, titled \"The Harbour After Dark\", was published in June."
    ));
}

#[test]
fn indirect_speech_and_according_to() {
    insta::assert_snapshot!(view(
        "Transport minister Ola Fenn said the ferries would run again by Friday.\n\
         The timetable will change next month, Fenn told reporters in Velm.\n\
         According to the port authority, two cranes were damaged.\n\
         Two cranes were damaged, according to the port authority.\n\
         The repairs, she said, would take a week.\n\
         The union denied that its members had blocked the gates, adding that the police had been called."
    ));
}

#[test]
fn speakers_resolved_from_the_document() {
    insta::assert_snapshot!(view(
        "Deputy port director Marta Kiel met the crews on Sunday.\n\
         \"We will pay for the damage,\" Kiel said.\n\
         The port official added that the insurers had been told.\n\
         \"Nobody was hurt,\" she said.\n\
         \"The cranes are old. They should have been replaced,\" said Tomas Weir, a crane driver.\n\
         \"I warned them twice,\" he said. \"Nobody listened.\""
    ));
}

#[test]
fn multi_paragraph_quotation_and_unbalanced_marks() {
    insta::assert_snapshot!(view(
        "\"The storm came faster than any forecast,\" said Jonas Pell, the coastguard chief. \"We had boats out within minutes.\n\
         \"By midnight every crew was home,\" he said.\n\
         The mayor said the sea wall had held, \"as we always said it would.\n\
         The road stayed dry all night."
    ));
}

#[test]
fn nested_quotes_stay_inside_their_quotation() {
    insta::assert_snapshot!(view(
        "\"They call it a 'temporary' closure, but it has lasted a year,\" said Hana Lise, a shop owner."
    ));
}

#[test]
fn no_quotation_where_nobody_speaks() {
    let text = "The ferry left at nine and reached Velm at noon. The crossing was calm.";
    assert!(find_quotes(&Analysed::new(text, None), &[]).is_empty());
}

#[test]
fn speakers_after_an_age_or_a_description_and_doubled_apostrophes() {
    insta::assert_snapshot!(view(
        "''We will not reopen the pier,'' Tomas Weld, the harbour board's chief engineer, said on Sunday.\n\
         “The nets were cut on purpose,” Mara Lind, 61, told the Velm Courier.\n\
         \"Nobody warned the boats,\" said Olek Brand, 44, a trawler captain from Sorn.\n\
         “The water is rising,” said Ada Krey, speaking at the council meeting.\n\
         “We trusted the board,” said Ivo Dern, a 58-year-old from Sorn, North Velmland.\n\
         Harbour executives have admitted that the cranes were unsafe."
    ));
}

#[test]
fn cues_the_rules_do_not_know_are_judged_by_the_cue_model() {
    // "criticism of", "called for", "was first reported by": cues beyond
    // the reporting-verb lexicon, which the learned model reads.
    insta::assert_snapshot!(view(
        "The mayor called for an inquiry into the harbour accounts.\n\
         Her criticism of the port board drew a sharp reply.\n\
         The closure was first reported by the Velm Courier.\n\
         The table stood in the corner of the hall.\n\
         The harbour accounts clearly show that the port lost money in May."
    ));
}

#[test]
fn quotations_signed_with_a_dash_and_transcript_speakers() {
    insta::assert_snapshot!(view(
        "Readers wrote to us about the new pier at Velm.\n\n\
         “The pier will ruin the bay. Nobody asked us.” ― Marta Quell\n\n\
         “It is a waste of money.” — Lena Dorsch, a ferry captain\n\n\
         The mayor later went on the radio. A partial transcript follows.\n\n\
         \"HOST: Why was the pier built at all?\n\n\
         \"ORTIS: Because the old one was falling into the sea.\n\n\
         The tower is “tall and grey” — Ortis says so too."
    ));
}

#[test]
fn inverted_cues_after_a_quotation_and_reports_nested_in_reports() {
    insta::assert_snapshot!(view(
        "“The locks are sound,” said Ada Rein, an engineer who has worked on the canal for thirty years and now runs the inspection board.\n\
         “It was a mistake,” said Mr. Voss (a view the crew shares).\n\
         Councillor Ivo Brandt said the contractor wants to sell the pier. The contractor wants to sell the pier.\n\
         The harbour master said the cranes were repaired and later added that the gates would open on Friday."
    ));
}

#[test]
fn speakers_heading_long_noun_phrases() {
    insta::assert_snapshot!(view(
        "\"The wait is over,\" says Velm Harbour Trust senior manager Ana Ruiz.\n\
         Director of Coastal Intelligence Piet J. Olam said the buoys had drifted.\n\
         Harbour Commissioner Ursula van der Berg said the gates would stay shut.\n\
         \"They will reopen,\" a senior official involved with the repairs in the port said.\n\
         According to one engineer familiar with the gates, the hinges had rusted.\n\
         The levy is unfair, according to a letter released by the Velm Fishermen's Union.\n\
         Another 41 percent say the ferries run late.\n\
         I wanted to see the gates myself. The story was true, I said.\n\
         At the same time, he said, the crews had been paid.\n\
         Ola Fenn and Marta Kiel said the crews had been paid."
    ));
}

#[test]
fn a_title_points_back_at_the_person_it_was_given_to() {
    insta::assert_snapshot!(view(
        "Harbour director Ilse Varn toured the pier on Monday.\n\
         \"We have made progress,\" the director said.\n\
         She added that the cranes would be replaced."
    ));
}

#[test]
fn what_nobody_said() {
    insta::assert_snapshot!(view(
        "Rein did not say that the pier would close.\n\n\
         Olmo never mentioned that the ferry was late.\n\n\
         A harbour master would testify that the gates failed.\n\n\
         It is worth noting that the gates were new.\n\n\
         As noted above, the board meets on Fridays.\n\n\
         No one can claim that the pier is safe.\n\n\
         Rein would later say that the pier was safe."
    ));
}

#[test]
fn nouns_after_a_possessor_are_no_cues() {
    insta::assert_snapshot!(view(
        "One of Rein's campaign promises was a new pier for the town.\n\n\
         His calls for the board to resign went unanswered.\n\n\
         Some say the pier will close."
    ));
}

#[test]
fn clause_pieces_are_no_speakers() {
    insta::assert_snapshot!(view(
        "Harbour workers have been arguing this point for years and have been asking why the board refused.\n\n\
         The children were knocking on the door to ask if Rein was home.\n\n\
         Rein backed the plan and the board knows how costly a delay would be."
    ));
}

#[test]
fn a_signature_line_after_a_pull_quote() {
    insta::assert_snapshot!(view(
        "The harbour board met on Monday.\n\n\
         “The gates failed twice this winter. Nobody should pretend otherwise.”\n\n\
         Marta Quell, The Harbour Ledger\n\n\
         From Olmo: “We rebuilt the pier once and we can do it again.”"
    ));
}

#[test]
fn party_tags_and_sentence_adverbs_are_not_names() {
    insta::assert_snapshot!(view(
        "Rep. Dana Orrin, D-Wash., said the pier would reopen.\n\n\
         Even Quell conceded that the gates were old."
    ));
}

#[test]
fn pronouns_agree_with_a_first_name() {
    insta::assert_snapshot!(view(
        "Nancy Rein spoke first at the hearing. George Olmo listened.\n\n\
         “The gates must be replaced,” she said."
    ));
}

#[test]
fn credits_and_labels_before_a_colon_are_not_speakers() {
    insta::assert_snapshot!(view(
        "Photograph: Marta Quell/Harbour Ledger\n\n\
         Source: Harbour Board annual report\n\n\
         Olmo: We will rebuild the pier."
    ));
}

#[test]
fn quantifiers_speak_and_participles_report_apart() {
    insta::assert_snapshot!(view(
        "Many said the ferries ran late.\n\n\
         Officials said 2031 has seen the worst winter on record.\n\n\
         Rein said the pier was “unsafe,” noting that the gates had failed twice.\n\n\
         As a girl in Velm, her mother refused to sail, insisting that the sea was cruel.\n\n\
         The Ledger intervened in April, arguing that the repairs were a public matter."
    ));
}

#[test]
fn noun_phrase_objects_report_nothing() {
    insta::assert_snapshot!(view(
        "Olmo made news by announcing the switch in a Harbour Ledger op-ed.\n\n\
         The Ledger posted an article Friday suggesting Rein owes the board money.\n\n\
         Quell announced the closure of the northern pier.\n\n\
         The board confirmed the appointment of a new harbour master.\n\n\
         Quell announced that the northern pier would close.\n\n\
         The audit notes Rein's visits with Velm contractors.\n\n\
         The audit notes the visits with Velm contractors.\n\n\
         Rein rejected the idea that the pier must close."
    ));
}

#[test]
fn impersonal_passives_and_the_writers_instructions_report_nothing() {
    insta::assert_snapshot!(view(
        "It was estimated that the repairs cost $12 million.\n\n\
         It is widely believed that the gates failed.\n\n\
         It was reported that the pier had closed.\n\n\
         Note that the board meets on Fridays."
    ));
}

#[test]
fn pronouns_pass_over_picture_credits_and_heed_titles() {
    insta::assert_snapshot!(view(
        "Mayor Ada Rein visits the pier in March. (Joshua Olmo/Harbour Ledger)\n\n\
         “We will rebuild,” he said.\n\n\
         Mr Quell said the gates had failed. Nina Fenn, the harbour master, answered on the radio.\n\n\
         “The gates are sound,” she said."
    ));
}

#[test]
fn reports_after_a_comma_and_around_an_opening() {
    insta::assert_snapshot!(view(
        "As Rein noted, the ferries will run again by May.\n\n\
         Quell said, the gates will hold another winter.\n\n\
         In all, though, the board is doing what it can, Professor Olmo said.\n\n\
         In the end, Ms. Fenn said, harbour crews almost always end up working late.\n\n\
         The pier had one more season in it, said a former spokesman for the harbour board.\n\n\
         Of the three states, only Velm kept its ferries."
    ));
}

#[test]
fn one_record_when_two_cues_claim_one_quotation() {
    insta::assert_snapshot!(view(
        "“I’ve worked on these gates for 30 years, and I’ve never seen such a winter,” \
         says Ivo Dern, a harbour engineer, told the Ledger."
    ));
}

#[test]
fn readers_modified_nouns_and_things_after_of_are_no_speakers() {
    insta::assert_snapshot!(view(
        "First, you say something bold; then you wait.\n\n\
         We will see a new report of how the levy will hit the town.\n\n\
         The result was confirmed by Velm's secretary of state, who called it “final.”"
    ));
}

#[test]
fn an_opening_participle_reports_up_to_its_comma() {
    insta::assert_snapshot!(view(
        "Noting that the gates had failed twice, Rein asked the board for a new pier.\n\n\
         Speaking at the harbour, Quell said the ferries would run again.\n\n\
         Released in 1998, the harbour report blamed the tides."
    ));
}
