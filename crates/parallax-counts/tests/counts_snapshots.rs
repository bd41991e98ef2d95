//! Count snapshots on short, hand-written, fictional news text. Each line
//! shows the span as written, then value, qualifier, unit and category.

/// The counts of `text`, with its dates found first as the pipeline does.
fn counts_of(text: &str) -> Vec<parallax_counts::CountMention> {
    let doc = parallax_analysis::Analysed::new(text, None);
    parallax_counts::find_counts(&doc, &parallax_dates::find_dates(&doc))
}

fn show(text: &str) -> String {
    let value = |v: Option<f64>| v.map_or("null".to_owned(), |v| v.to_string());
    counts_of(text)
        .iter()
        .map(|c| {
            let shares: String = c
                .shares
                .iter()
                .map(|s| {
                    format!(
                        "\n    share {:?} = {}{}{} | unit {:?}",
                        text.get(s.start..s.end).unwrap_or("<bad span>"),
                        s.value,
                        if s.approximate { " (approximate)" } else { "" },
                        s.qualifier
                            .as_deref()
                            .map(|q| format!(" [{q}]"))
                            .unwrap_or_default(),
                        s.unit,
                    )
                })
                .collect();
            format!(
                "{:?} = {}{}{} | unit {:?} | {}{shares}",
                text.get(c.start..c.end).unwrap_or("<bad span>"),
                value(c.value),
                if c.approximate { " (approximate)" } else { "" },
                c.qualifier
                    .as_deref()
                    .map(|q| format!(" [{q}]"))
                    .unwrap_or_default(),
                c.unit,
                c.category.as_deref().unwrap_or("-"),
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn casualties_and_their_verbs() {
    insta::assert_snapshot!(show(
        "Rocket fire on Ostrava killed at least 446 people, more than a third of them civilians. \
         Some 40 people were wounded and 12 soldiers are missing. \
         Another 17 were reportedly killed near the bridge, and dozens injured. \
         The blast left 30 dead. Police arrested nearly 200 protesters on Friday. \
         The death toll rose to 52."
    ));
}

#[test]
fn vague_quantities_hedges_and_shares() {
    // Vague quantities have no value; hedges make a count approximate,
    // bounds do not; a share goes on the count it breaks down or is taken
    // of, and a share of nothing counted is no count.
    insta::assert_snapshot!(show(
        "Dozens were injured and scores of homes burned. Several soldiers and a few \
         officers were hurt, for several reasons. About 300 people fled, at least 40 died \
         and up to 12 were missing. Half of the 446 people were civilians. The strikes \
         killed 90 people, a third of them children, and nearly 40 percent of them women. \
         Turnout was 62 percent, but 40 percent of voters stayed home, and two thirds of \
         the clinics closed. A few hundred troops and tens of thousands of refugees remain."
    ));
}

#[test]
fn numbers_in_words() {
    insta::assert_snapshot!(show(
        "Nine Russian air strikes hit the town, and twenty-one drones were shot down. \
         A hundred volunteers arrived, then two million dollars in aid. \
         Two hundred and fifty families left, and two thirds of the villages emptied. \
         Hundreds of thousands of residents fled, scores of houses burned, \
         and half of the clinics closed. Several hundred workers stayed. \
         The region was run by one man."
    ));
}

#[test]
fn digits_scales_money_and_percent() {
    insta::assert_snapshot!(show(
        "The fund paid $5 million to 1,200 families and 3.5 million euros to 10 hospitals. \
         Turnout was 62 percent, up from 58% and well below 70 per cent. \
         Between 10 and 15 fighters and 20-25 militants surrendered, with up to 300 rifles. \
         A further 2.5bn was pledged."
    ));
}

#[test]
fn units_with_modifiers_and_compounds() {
    insta::assert_snapshot!(show(
        "The jets carried out 10 strikes on rebel depots and hit 12 targets. \
         All 15 Security Council member states voted, and nearly 400 inhabited localities \
         were retaken. The paper is printed in 27 languages, and three separate analyses \
         found 11 police officers and five crew members among the 162 passengers. \
         Two F-16 jets escorted them."
    ));
}

#[test]
fn not_counts() {
    // Years, days of dates, times, ages, durations, measures, model names,
    // labels and "one" as a pronoun: none of these is a count.
    insta::assert_snapshot!(show(
        "In 2015 the Su-24M and an F-16 flew over G20 talks on COVID-19. \
         On September 30, 2015, at 9 a.m. and again at 10:30, a 64-year-old man, \
         Kasimir, 19, and a woman aged 31 waited 24 hours, then three days. \
         The three-year-long siege ended after six months and 30 kilometres of trenches. \
         Resolution 2254 passed; No. 10 said no one knew, and one of the envoys \
         thanked one another for the third time. The 2012 vote total and 2014 budget \
         proposals were debated in the P-5+1 format."
    ));
}

#[test]
fn abbreviations_and_glued_sentences() {
    // An abbreviation with its dots is a modifier like any other ("two U.S.
    // officials"); a full stop glued to the next sentence ends the unit.
    insta::assert_snapshot!(show(
        "Two U.S. officials said 1,000 U.S. troops would leave. The FEC canceled four \
         of its public meetings.That is a record, and 20,000 AT&T workers struck."
    ));
}
