//! Date snapshots on short, hand-written, fictional news text. Each line
//! shows the span as written, then the day or span it resolves to.

use chrono::NaiveDate;

/// The dates of `text`, analysed as the pipeline analyses it.
fn find_dates(text: &str, published: Option<NaiveDate>) -> Vec<parallax_dates::DateExpression> {
    parallax_dates::find_dates(&parallax_analysis::Analysed::new(text, published))
}

/// Tuesday 27 October 2015.
fn published() -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(2015, 10, 27)
}

fn show(text: &str, published: Option<NaiveDate>) -> String {
    find_dates(text, published)
        .iter()
        .map(|d| {
            let value = d.value.map_or("?".to_owned(), |v| v.to_string());
            let until = d.until.map(|u| format!(" .. {u}")).unwrap_or_default();
            format!(
                "{:?} = {value}{until}",
                text.get(d.start..d.end).unwrap_or("<bad span>")
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn absolute_dates() {
    insta::assert_snapshot!(show(
        "The truce began on September 30, 2015, was signed on 30 September 2015, \
         confirmed on Sept. 30, 2015 and filed as 2015-09-30 and 30.09.2015. \
         A memo dated Friday, March 4, 2016 followed.",
        published()
    ));
}

#[test]
fn partial_dates_take_their_year_from_publication() {
    insta::assert_snapshot!(show(
        "VELLMAR, June 10. The raids of June 8 and 9, of 8-9 June and of June 8-9 \
         were denied. Talks set for October 30 and a vote on 2 November were announced. \
         The ministry has worked there since September 2015, and in September, \
         and will stay until March. It reported in mid-August and in early 2014.",
        published()
    ));
}

#[test]
fn weekdays_and_named_days() {
    insta::assert_snapshot!(show(
        "The ministry said on Tuesday that the convoy left on Sunday morning. \
         On Friday Ortis resigned. \
         Monday's talks failed; last Tuesday a drone fell and next Friday a team arrives. \
         Yesterday the mayor spoke, today he left, and tomorrow he returns. \
         Shelling continued overnight and last night.",
        published()
    ));
}

#[test]
fn relative_stretches() {
    insta::assert_snapshot!(show(
        "Last week the army advanced; this week it held. Earlier this month a siege ended, \
         and later this year a vote is due. Last month and last year were quiet. \
         In the past 24 hours, over the past few days and over the last 48 hours, \
         42 strikes were made; the past week was the worst. Two weeks ago a bridge fell, \
         a month ago a dam, and over the weekend a depot burned.",
        published()
    ));
}

#[test]
fn relative_dates_without_publication_have_no_value() {
    insta::assert_snapshot!(show(
        "On Tuesday, June 10 and last week the strikes went on, as in September 2015.",
        None
    ));
}

#[test]
fn not_dates() {
    // "may" the verb, "March" the noun, a weekday inside a name, a month
    // name without a day, year or cue, and capitalised relative words that
    // name a paper or a programme. Only "June", after "of", is a date.
    insta::assert_snapshot!(show(
        "Officials may respond. May the talks succeed, said Ana May. A protest march \
         crossed the square; March organisers said the Sunday Times and Bloody Sunday \
         were mentioned. August Landmesser and Jan Novak read USA Today and ABC's This Week. \
         The last week of June was calm.",
        published()
    ));
}

#[test]
fn sentence_openings_abbreviations_and_glued_sentences() {
    // A capital after a closing quotation mark opens a sentence; a
    // weekday after an abbreviation's dot ("N.C.") is a date, after an
    // honorific ("Mr. Sunday") a name; a full stop glued to the next
    // sentence ("afternoon.In") still ends the date before it.
    insta::assert_snapshot!(show(
        "“We will win,” she said. Last week the count began. The rally in Raleigh, N.C. \
         Thursday evening was loud. Mr. Sunday hosts the show. Voters queued on Sunday \
         afternoon.In 2014 they did not. It ends Sept. 30.",
        published()
    ));
}
