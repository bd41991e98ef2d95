//! Calendar arithmetic for date expressions. Every step is checked, so a
//! publication date near chrono's limits yields `None`, never a panic.

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

use super::lexicon::Period;

/// A day or an inclusive span of days.
pub(crate) type When = (NaiveDate, Option<NaiveDate>);

pub(crate) fn day(d: NaiveDate) -> When {
    (d, None)
}

pub(crate) fn span(first: NaiveDate, last: NaiveDate) -> When {
    if first == last {
        (first, None)
    } else {
        (first, Some(last))
    }
}

pub(crate) fn add_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    if n >= 0 {
        d.checked_add_days(Days::new(n.unsigned_abs()))
    } else {
        d.checked_sub_days(Days::new(n.unsigned_abs()))
    }
}

fn add_months(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    let m = Months::new(u32::try_from(n.unsigned_abs()).ok()?);
    if n >= 0 {
        d.checked_add_months(m)
    } else {
        d.checked_sub_months(m)
    }
}

/// A month and day without a year: the latest such day no more than a
/// week after publication. Feb 29 looks back to the last leap year.
pub(crate) fn month_day(month: u32, dom: u32, published: NaiveDate) -> Option<NaiveDate> {
    let limit = add_days(published, 7)?;
    let year = limit.year();
    (0..8).find_map(|back| {
        NaiveDate::from_ymd_opt(year.checked_sub(back)?, month, dom).filter(|d| *d <= limit)
    })
}

pub(crate) fn month_span(year: i32, month: u32) -> Option<When> {
    let first = NaiveDate::from_ymd_opt(year, month, 1)?;
    let last = add_days(add_months(first, 1)?, -1)?;
    Some(span(first, last))
}

pub(crate) fn year_span(year: i32) -> Option<When> {
    Some(span(
        NaiveDate::from_ymd_opt(year, 1, 1)?,
        NaiveDate::from_ymd_opt(year, 12, 31)?,
    ))
}

/// A month named without a year. `shift` -1 ("last September") is the
/// latest such month before the publication month, +1 ("next March") the
/// first after it; 0 (a bare "in September") is this year's, or last
/// year's when this year's has not begun by publication; 2 ("by July")
/// is the first such month on or after the publication month.
pub(crate) fn month_alone(month: u32, shift: i32, published: NaiveDate) -> Option<When> {
    let this = published.year();
    let year = match shift {
        -1 if month >= published.month() => this.checked_sub(1)?,
        1 if month <= published.month() => this.checked_add(1)?,
        0 if month > published.month() => this.checked_sub(1)?,
        2 if month < published.month() => this.checked_add(1)?,
        _ => this,
    };
    month_span(year, month)
}

fn days_from(a: Weekday, b: Weekday) -> i64 {
    (i64::from(a.num_days_from_monday()) - i64::from(b.num_days_from_monday())).rem_euclid(7)
}

/// The Monday of the publication week.
fn monday(published: NaiveDate) -> Option<NaiveDate> {
    add_days(
        published,
        -i64::from(published.weekday().num_days_from_monday()),
    )
}

/// A weekday: with `shift` 0 the latest on or before publication (news
/// reports what happened; "on Tuesday" in a Tuesday paper is that day),
/// -1 strictly before, +1 strictly after.
pub(crate) fn weekday(wd: Weekday, shift: i32, published: NaiveDate) -> Option<NaiveDate> {
    let back = days_from(published.weekday(), wd);
    match shift {
        -1 => add_days(published, -(if back == 0 { 7 } else { back })),
        1 => {
            let ahead = days_from(wd, published.weekday());
            add_days(published, if ahead == 0 { 7 } else { ahead })
        }
        _ => add_days(published, -back),
    }
}

/// "this Tuesday": the Tuesday of the publication week (Monday to Sunday).
pub(crate) fn weekday_this_week(wd: Weekday, published: NaiveDate) -> Option<NaiveDate> {
    add_days(monday(published)?, i64::from(wd.num_days_from_monday()))
}

/// last/this/next week, month, year or weekend (`shift` -1, 0, +1), whole.
pub(crate) fn calendar(period: Period, shift: i32, published: NaiveDate) -> Option<When> {
    let shift = i64::from(shift);
    match period {
        Period::Days(7) => {
            let first = add_days(monday(published)?, 7 * shift)?;
            Some(span(first, add_days(first, 6)?))
        }
        Period::Weekend => {
            let saturday = add_days(monday(published)?, 5 + 7 * shift)?;
            Some(span(saturday, add_days(saturday, 1)?))
        }
        Period::Months => {
            let d = add_months(published, shift)?;
            month_span(d.year(), d.month())
        }
        Period::Years => year_span(published.year().checked_add(i32::try_from(shift).ok()?)?),
        Period::Days(1) => Some(day(add_days(published, shift)?)),
        Period::Hours | Period::Days(_) => None,
    }
}

/// The weekend on or before publication ("over the weekend").
pub(crate) fn recent_weekend(published: NaiveDate) -> Option<When> {
    let shift = if published.weekday().num_days_from_monday() >= 5 {
        0
    } else {
        -1
    };
    calendar(Period::Weekend, shift, published)
}

/// `n` periods back from publication: the first day of "the past n days".
pub(crate) fn back(period: Period, n: u32, published: NaiveDate) -> Option<NaiveDate> {
    let n = i64::from(n);
    match period {
        // Any number of hours up to a day reaches into the day before.
        Period::Hours => add_days(published, -((n + 23) / 24).max(1)),
        Period::Days(d) => add_days(published, -(n.checked_mul(i64::from(d))?)),
        Period::Months => add_months(published, -n),
        Period::Years => add_months(published, -(n.checked_mul(12)?)),
        Period::Weekend => add_days(published, -(n.checked_mul(7)?)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, dd).unwrap_or(NaiveDate::MIN)
    }

    #[test]
    fn month_day_looks_back_unless_within_a_week() {
        let published = d(2016, 6, 10);
        assert_eq!(month_day(6, 8, published), Some(d(2016, 6, 8)));
        assert_eq!(month_day(6, 15, published), Some(d(2016, 6, 15)));
        assert_eq!(month_day(6, 20, published), Some(d(2015, 6, 20)));
        assert_eq!(month_day(12, 30, d(2016, 1, 2)), Some(d(2015, 12, 30)));
        assert_eq!(month_day(2, 29, d(2015, 3, 1)), Some(d(2012, 2, 29)));
        assert_eq!(month_day(6, 31, published), None);
    }

    #[test]
    fn weekdays_count_back_from_publication() {
        // 2015-10-27 was a Tuesday.
        let tuesday = d(2015, 10, 27);
        assert_eq!(weekday(Weekday::Tue, 0, tuesday), Some(tuesday));
        assert_eq!(weekday(Weekday::Sun, 0, tuesday), Some(d(2015, 10, 25)));
        assert_eq!(weekday(Weekday::Wed, 0, tuesday), Some(d(2015, 10, 21)));
        assert_eq!(weekday(Weekday::Tue, -1, tuesday), Some(d(2015, 10, 20)));
        assert_eq!(weekday(Weekday::Tue, 1, tuesday), Some(d(2015, 11, 3)));
        assert_eq!(weekday(Weekday::Fri, 1, tuesday), Some(d(2015, 10, 30)));
        assert_eq!(
            weekday_this_week(Weekday::Sun, tuesday),
            Some(d(2015, 11, 1))
        );
    }

    #[test]
    fn calendar_periods() {
        let tuesday = d(2015, 10, 27);
        assert_eq!(
            calendar(Period::Days(7), -1, tuesday),
            Some(span(d(2015, 10, 19), d(2015, 10, 25)))
        );
        assert_eq!(
            calendar(Period::Months, -1, d(2016, 3, 31)),
            Some(span(d(2016, 2, 1), d(2016, 2, 29)))
        );
        assert_eq!(
            calendar(Period::Years, 0, tuesday),
            Some(span(d(2015, 1, 1), d(2015, 12, 31)))
        );
        assert_eq!(
            recent_weekend(tuesday),
            Some(span(d(2015, 10, 24), d(2015, 10, 25)))
        );
        assert_eq!(
            recent_weekend(d(2015, 10, 25)),
            Some(span(d(2015, 10, 24), d(2015, 10, 25)))
        );
    }

    #[test]
    fn months_without_a_year() {
        let published = d(2015, 10, 27);
        assert_eq!(month_alone(9, 0, published), month_span(2015, 9));
        assert_eq!(month_alone(12, 0, published), month_span(2014, 12));
        assert_eq!(month_alone(10, -1, published), month_span(2014, 10));
        assert_eq!(month_alone(10, 1, published), month_span(2016, 10));
        assert_eq!(month_alone(10, 2, published), month_span(2015, 10));
        assert_eq!(month_alone(7, 2, published), month_span(2016, 7));
    }

    #[test]
    fn stretches_back() {
        let published = d(2015, 10, 27);
        assert_eq!(back(Period::Hours, 24, published), Some(d(2015, 10, 26)));
        assert_eq!(back(Period::Hours, 6, published), Some(d(2015, 10, 26)));
        assert_eq!(back(Period::Hours, 48, published), Some(d(2015, 10, 25)));
        assert_eq!(back(Period::Days(7), 2, published), Some(d(2015, 10, 13)));
        assert_eq!(back(Period::Years, 1, published), Some(d(2014, 10, 27)));
    }

    #[test]
    fn arithmetic_at_the_calendar_limits_gives_none() {
        assert_eq!(add_days(NaiveDate::MAX, 1), None);
        assert_eq!(calendar(Period::Years, 1, NaiveDate::MAX), None);
        assert_eq!(back(Period::Years, u32::MAX, NaiveDate::MIN), None);
        assert_eq!(month_day(1, 1, NaiveDate::MAX), None);
    }
}
