use super::*;

pub(crate) fn acts_of(text: &str) -> Vec<StatementFinding> {
    let doc = Analysed::new(text, None);
    let entities = parallax_entities::find_entities(&doc);
    let quotes = parallax_quotes::find_quotes(&doc, &entities);
    let dates: Vec<std::ops::Range<usize>> = parallax_dates::find_dates(&doc)
        .iter()
        .map(|d| d.start..d.end)
        .collect();
    find_acts(&doc, &quotes, &entities, &dates)
}

#[test]
fn a_negated_act_is_a_denial_and_names_the_act() {
    let s = acts_of("“The Velm air wing has not struck any villages in Sorn,” ministry spokesman Ivo Rein said.");
    assert_eq!(s.len(), 1, "{s:?}");
    assert_eq!(s[0].act, Act::Denial);
    assert_eq!(s[0].rule, "negated_act");
    assert_eq!(s[0].cameo, "016");
    assert_eq!(
        s[0].act_text.as_ref().map(|a| a.0.as_str()),
        Some("struck villages in Sorn")
    );
}
