//! Snapshots of entity finding on small hand-written texts (fiction), one
//! per construction: names, titles, acronyms, surnames, descriptions, alias
//! groups and the ways a text characterises what it names.

use parallax_analysis::Analysed;
use parallax_entities::find_entities;

/// A compact view: name, kind, aliases, the text of every mention, and the
/// descriptors with their polarity hints.
fn view(text: &str) -> String {
    let mut out = String::new();
    for e in find_entities(&Analysed::new(text, None)) {
        out.push_str(&format!("{} [{}]\n", e.name, e.kind));
        if !e.aliases.is_empty() {
            out.push_str(&format!("  aliases: {}\n", e.aliases.join(" | ")));
        }
        let mentions: Vec<&str> = e.mentions.iter().map(|m| &text[m.start..m.end]).collect();
        out.push_str(&format!("  mentions: {}\n", mentions.join(", ")));
        for d in &e.descriptors {
            assert_eq!(
                &text[d.start..d.end],
                d.text,
                "descriptor span and text agree"
            );
            out.push_str(&format!("  {}: {}\n", d.polarity, d.text));
        }
    }
    out
}

#[test]
fn multi_word_names_join_across_function_words() {
    insta::assert_snapshot!(view(
        "The Council for Civic Rights in Ostrenia said fighters of the Harbour Liberation \
         Front had shelled the eastern city of Dayr al-Kamil on Monday. Omar al-Rashid, who \
         leads the council, counted 14 dead."
    ));
}

#[test]
fn titles_are_split_from_names() {
    insta::assert_snapshot!(view(
        "\"The depots were empty,\" Harbour Ministry spokesman Major General Ilya Varko said \
         on Tuesday. Deputy transport minister Lena Ortis flew to Geneva, and Mr. Piet Dorsen \
         stayed behind. Varko later met Ostrenian President Tomas Brell."
    ));
}

#[test]
fn parenthesised_acronyms_and_surnames_are_aliases() {
    insta::assert_snapshot!(view(
        "The Velmar Institute for Water Studies (VIWS) measured the river on Monday. VIWS \
         said the level had fallen. Anna Kirov, its director, disagreed. \"It will rise \
         again,\" Kirov said."
    ));
}

#[test]
fn definite_descriptions_point_back_by_their_head() {
    insta::assert_snapshot!(view(
        "The Ostrenian Observatory for Civic Freedoms reported the raid, and the Harbour \
         Ministry denied it. The Observatory stood by its count. The ministry did not reply."
    ));
}

#[test]
fn alias_groups_link_names_no_rule_can() {
    insta::assert_snapshot!(view(
        "The Russian Ministry of Defense said its jets had hit depots used by Islamic State. \
         The MoD added that ISIS fighters had fled. Later the Defense Ministry said Daesh \
         terrorists were regrouping near the coast."
    ));
}

#[test]
fn appositives_premodifiers_and_labels() {
    insta::assert_snapshot!(view(
        "The Velmar Monitor, a widely cited rights watchdog with offices in Ostrena, \
         counted 40 dead. The self-styled Dorsk Front, which controls the ridge, denied it; Fajr Front \
         militants later claimed the attack."
    ));
}

#[test]
fn relative_clause_on_a_noun_that_refers_back() {
    insta::assert_snapshot!(view(
        "Figures from the Velmar Monitor circulated widely last week. The Harbour Ministry \
         dismissed them and said it doubted the numbers of the source, which operates from \
         abroad, employs no reporters on the ground, and is a one-man operation."
    ));
}

#[test]
fn demonyms_are_no_entities_but_modify_descriptions() {
    insta::assert_snapshot!(view(
        "Russian jets and Syrian troops moved north. Ostrenian officials said the talks \
         would resume. The Russian Defense Ministry then said the Russian ministry had not \
         been told."
    ));
}

#[test]
fn sentence_initial_capitals_are_not_names() {
    insta::assert_snapshot!(view(
        "Reports of shelling emerged overnight. However, nobody could confirm them. \
         Witnesses said the road was closed. Ambulances waited at the bridge near Aleppo."
    ));
}

#[test]
fn an_indefinite_description_goes_to_the_organisation_named_next() {
    insta::assert_snapshot!(view(
        "The port authority dismissed a claim from an obscure monitoring group about the \
         harbour blast. The so-called Velmar Monitor for Civic Life (VMCL), which operates \
         abroad, said nine people died."
    ));
}

#[test]
fn a_title_case_headline_names_only_what_the_story_names() {
    insta::assert_snapshot!(view(
        "Harbour Chief Demands That Velmar Answer Ferry Questions\n\
         Harbour chief Lena Ortis wrote to Velmar residents on Monday."
    ));
}

#[test]
fn picture_credits_inside_kept_lines_name_no_one() {
    insta::assert_snapshot!(view(
        "Mayor Lena Ortis waves from the pier in Ostrena on Monday. Ada Quill/Reuters\n\
         Ferries wait at the harbour wall. (AP Photo/Tomas Brell)\n\
         Dock workers, who struck for a week, return to work. Photo: Piet Dorsen/AFP via Getty Images\n\
         The harbour master, a former sailor, counted 40 ships. Getty Images\n\
         Ortis said the port would reopen."
    ));
}

#[test]
fn outlets_and_agencies_are_organisations() {
    insta::assert_snapshot!(view(
        "Ortis told Reuters the talks had failed, and The Hill and Politico reported the \
         same. Getty Images sells the pictures. The Velmar Daily Ledger, a weekly, \
         disagreed, as did Time magazine. Lena Ortis later spoke to Fox."
    ));
}

#[test]
fn a_surname_named_in_full_beats_an_outlet_of_the_same_word() {
    insta::assert_snapshot!(view(
        "Anna Bloomberg, the harbour chief, resigned on Monday. Bloomberg said she was \
         tired. Later Bloomberg News reported that the port had been sold."
    ));
}

#[test]
fn a_run_of_place_names_is_each_place_not_one_name() {
    insta::assert_snapshot!(view(
        "Select your country: Tonga Tunisia Turkey Uganda Ukraine United Arab Emirates \
         United Kingdom Virgin Islands (U.S.) Uruguay\nThe United States Virgin Islands \
         voted on Monday, and officials in Uganda counted the ballots."
    ));
}
