//! Date expressions in news text, resolved against the publication date.
//!
//! What is found, and the day or span it resolves to:
//!
//! - absolute: "September 30, 2015", "30 September 2015", "Sept. 30, 2015",
//!   "2015-09-30", "30.09.2015": that day;
//! - partial: "June 10", "10th of June": the latest such day no more than a
//!   week after publication; "June 8 and 9", "June 8-9", "8 and 9 June": a
//!   span; "September 2015": the month;
//! - a month or year alone, after a preposition such as "in", "since",
//!   "until" ("in September", "since 2011"), or with "early", "mid",
//!   "late" ("mid-September"): the month (this year's, or last year's when
//!   this year's lies after publication; after "by", "until", "before",
//!   the next one) or the year; "last September", "next March";
//! - weekdays ("Tuesday", "Sunday morning"): the latest such day on or
//!   before publication; "last Tuesday" strictly before, "next Tuesday"
//!   strictly after, "this Tuesday" in the publication week;
//! - "today", "tonight", "yesterday", "tomorrow", "last night", "this
//!   morning", "overnight" (the day before to the publication day);
//! - last/this/next week, month, year, weekend (weeks run Monday to
//!   Sunday); "earlier this month" (the first to publication), "later
//!   this year" (publication to the end); "over the weekend";
//! - "the past 24 hours", "the last few days", "the past week", "the
//!   previous two months": back from publication to publication; "few" and
//!   "several" are three;
//! - "three days ago", "a week ago": that day.
//!
//! Spans leave out a leading preposition ("on Tuesday" gives "Tuesday",
//! "over the past 24 hours" gives "the past 24 hours") but keep "last",
//! "this", "next", "earlier", "early" and "the". Without a publication date,
//! expressions that need one are still reported, with no value.
//!
//! Months and weekdays count only when capitalised. A month with neither a
//! day nor a year needs one of those cues, so "May" the verb and "March"
//! the noun are not read as months. A weekday right before another
//! capitalised word ("Sunday Times"), or right after one ("Bloody
//! Sunday"), is a name unless a preposition comes first ("on Tuesday
//! Ortis said"); so is "Today" or "This Week" capitalised inside a
//! sentence ("USA Today").

pub(crate) mod lexicon;
mod resolve;

use chrono::NaiveDate;

use lexicon::{lexicon, DateWord, Edge, Period};
use parallax_analysis::num_tokens::{strip_possessive, Gap, Kind, Tok};
use parallax_analysis::Analysed;
use resolve::When;

/// One date expression, with byte offsets into the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateExpression {
    /// The day, or the first day of a span; `None` where it cannot be
    /// resolved (a relative date without a publication date).
    pub value: Option<NaiveDate>,
    /// The last day of a span, inclusive; `None` for a single day.
    pub until: Option<NaiveDate>,
    pub start: usize,
    pub end: usize,
}

/// Find the date expressions of `doc`, in order, without overlaps. Its
/// publication date resolves partial and relative dates.
pub fn find_dates(doc: &Analysed<'_>) -> Vec<DateExpression> {
    let text = doc.text;
    let toks = doc.num_tokens();
    let lex = lexicon();
    let words = toks
        .iter()
        .map(|t| match t.kind {
            Kind::Word => date_word(t.text(text), lex.word(t.text(text))),
            _ => None,
        })
        .collect();
    find_in(text, toks, words, doc.published)
}

/// The entry for `word` given its own (`found`), falling back to the word
/// without a possessive ("Tuesday's").
pub(crate) fn date_word(word: &str, found: Option<&'static DateWord>) -> Option<&'static DateWord> {
    found.or_else(|| {
        let stem = strip_possessive(word);
        (stem.len() < word.len())
            .then(|| lexicon().word(stem))
            .flatten()
    })
}

/// [`find_dates`] over tokens already made and looked up.
pub(crate) fn find_in(
    text: &str,
    toks: &[Tok],
    words: Vec<Option<&'static DateWord>>,
    published: Option<NaiveDate>,
) -> Vec<DateExpression> {
    let mut scan = Scan {
        text,
        toks,
        words,
        published,
        last_end: None,
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        match scan.at(i) {
            Some(hit) if hit.last >= i => {
                if let (Some(first), Some(last)) = (toks.get(hit.first), toks.get(hit.last)) {
                    // "Sept. 30" ends after its day, "in Sept." after the dot.
                    let end = if scan.month_dot(hit.last) {
                        last.full_end
                    } else {
                        last.end
                    };
                    let end = hit.end.unwrap_or(end);
                    if first.start < end {
                        out.push(DateExpression {
                            value: hit.when.map(|w| w.0),
                            until: hit.when.and_then(|w| w.1),
                            start: first.start,
                            end,
                        });
                    }
                }
                scan.last_end = Some(hit.last);
                i = hit.last + 1;
            }
            _ => i += 1,
        }
    }
    out
}

/// A match: tokens `first..=last`, optionally ending early inside the last
/// token (a trimmed possessive), and what it resolves to.
struct Hit {
    first: usize,
    last: usize,
    end: Option<usize>,
    when: Option<When>,
}

impl Hit {
    fn new(first: usize, last: usize, when: Option<When>) -> Self {
        Hit {
            first,
            last,
            end: None,
            when,
        }
    }
}

struct Scan<'a> {
    text: &'a str,
    toks: &'a [Tok],
    words: Vec<Option<&'static DateWord>>,
    published: Option<NaiveDate>,
    /// The last token of the previous match, for "between 2011 and 2015".
    last_end: Option<usize>,
}

impl Scan<'_> {
    fn tok(&self, j: usize) -> Option<&Tok> {
        self.toks.get(j)
    }

    fn w(&self, j: usize) -> Option<&'static DateWord> {
        self.words.get(j).copied().flatten()
    }

    fn str(&self, j: usize) -> &str {
        self.tok(j).map_or("", |t| t.text(self.text))
    }

    /// Token `j` exists and continues the paragraph of token `j - 1`.
    fn joined(&self, j: usize) -> bool {
        self.tok(j).is_some_and(|t| t.gap != Gap::Line)
    }

    /// Token `j` follows token `j - 1` with nothing between them.
    fn touching(&self, j: usize) -> bool {
        self.tok(j).is_some_and(|t| t.gap == Gap::None)
    }

    fn is(&self, j: usize, word: &str) -> bool {
        self.tok(j)
            .is_some_and(|t| t.kind == Kind::Word && t.text(self.text).eq_ignore_ascii_case(word))
    }

    fn is_any(&self, j: usize, words: &[&str]) -> bool {
        words.iter().any(|w| self.is(j, w))
    }

    fn punct(&self, j: usize, chars: &[&str]) -> bool {
        self.tok(j)
            .is_some_and(|t| t.kind == Kind::Punct && chars.contains(&t.text(self.text)))
    }

    fn capitalised(&self, j: usize) -> bool {
        self.tok(j)
            .is_some_and(|t| t.kind == Kind::Word && t.capitalised(self.text))
    }

    /// Plain digits without separators, at most `len` of them.
    fn digits(&self, j: usize, len: usize) -> Option<u32> {
        let t = self.tok(j)?;
        let s = t.text(self.text);
        if t.kind != Kind::Num || s.len() > len || !s.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        s.parse().ok()
    }

    /// A day of the month: "9", "09", "9th".
    fn day_num(&self, j: usize) -> Option<u32> {
        let t = self.tok(j)?;
        let s = t.text(self.text);
        let digits = match t.kind {
            Kind::Num => s,
            Kind::Mixed => ["st", "nd", "rd", "th"]
                .iter()
                .find_map(|suffix| s.strip_suffix(suffix))?,
            _ => return None,
        };
        if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        digits.parse().ok().filter(|d| (1..=31).contains(d))
    }

    /// A four-digit year after a month or day.
    fn year(&self, j: usize) -> Option<i32> {
        let y = self.digits(j, 4).filter(|y| (1000..=2999).contains(y))?;
        let s = self.str(j);
        (s.len() == 4).then(|| i32::try_from(y).ok())?
    }

    /// A capitalised month name, with the dot of a short form: the month
    /// and the index of its last token.
    fn month(&self, j: usize) -> Option<(u32, usize)> {
        if !self.capitalised(j) {
            return None;
        }
        let (m, abbrev) = self.w(j)?.month?;
        if self.str(j).len() != strip_possessive(self.str(j)).len() {
            return None;
        }
        if abbrev && self.punct(j + 1, &["."]) && self.touching(j + 1) {
            Some((m, j + 1))
        } else {
            Some((m, j))
        }
    }

    /// A short month name that keeps its dot: "Sept.".
    fn month_dot(&self, j: usize) -> bool {
        self.tok(j).is_some_and(|t| t.kept_dot(self.text))
            && self
                .w(j)
                .and_then(|w| w.month)
                .is_some_and(|(_, abbrev)| abbrev)
    }

    /// A small count written in digits or words ("24", "two", "a few").
    fn amount(&self, j: usize) -> Option<(u32, usize)> {
        if let Some(n) = self.digits(j, 4) {
            return Some((n, j));
        }
        if let Some(k) = self.w(j).and_then(|w| w.fuzzy) {
            // "a couple of days", "few days"
            let last = if self.is(j + 1, "of") { j + 1 } else { j };
            return Some((k, last));
        }
        if self.is(j, "a") || self.is(j, "an") {
            // "a few days", "a couple of days", "a week"
            if let Some(k) = self
                .w(j + 1)
                .and_then(|w| w.fuzzy)
                .filter(|_| self.joined(j + 1))
            {
                let last = if self.is(j + 2, "of") { j + 2 } else { j + 1 };
                return Some((k, last));
            }
            return Some((1, j));
        }
        if self.tok(j)?.kind != Kind::Word {
            return None;
        }
        if let Some(n) = self.w(j).and_then(|w| w.number) {
            return Some((n, j));
        }
        // "twenty-four"
        let (tens, unit) = self.str(j).split_once('-')?;
        let value = |w: &str| lexicon().word(w).and_then(|w| w.number);
        let (t, u) = (value(tens)?, value(unit)?);
        (t >= 20 && t % 10 == 0 && (1..10).contains(&u)).then_some((t + u, j))
    }

    fn prev_is_cue(&self, j: usize) -> bool {
        let Some(p) = j.checked_sub(1) else {
            return false;
        };
        if !self.joined(j) {
            return false;
        }
        if self.w(p).is_some_and(|w| w.cue) {
            return true;
        }
        // "between 2011 and 2015", "from June to August"
        let linked = self.is(p, "and") || self.is(p, "to") || self.punct(p, &["-", "\u{2013}"]);
        linked && p.checked_sub(1).is_some_and(|q| self.last_end == Some(q))
    }

    fn at(&self, i: usize) -> Option<Hit> {
        let t = self.tok(i)?;
        match t.kind {
            Kind::Num => self
                .iso(i)
                .or_else(|| self.dotted(i))
                .or_else(|| self.day_first(i))
                .or_else(|| self.ago(i))
                .or_else(|| self.bare_year(i)),
            Kind::Mixed => self.day_first(i).or_else(|| self.hyphen_phase(i)),
            Kind::Punct => None,
            Kind::Word => {
                if self.w(i).is_none() && !self.is(i, "the") && !self.str(i).contains('-') {
                    return None;
                }
                self.back(i)
                    .or_else(|| self.edge(i))
                    .or_else(|| self.shifted(i))
                    .or_else(|| self.phase(i))
                    .or_else(|| self.weekday(i, 0))
                    .or_else(|| self.month_first(i))
                    .or_else(|| self.named_day(i))
                    .or_else(|| self.overnight(i))
                    .or_else(|| self.ago(i))
                    .or_else(|| self.hyphen_phase(i))
            }
        }
    }

    /// 2015-09-30
    fn iso(&self, i: usize) -> Option<Hit> {
        let y = self.year(i)?;
        let dash = |j| self.punct(j, &["-"]) && self.touching(j) && self.touching(j + 1);
        if !(dash(i + 1) && dash(i + 3)) || self.str(i + 2).len() != 2 || self.str(i + 4).len() != 2
        {
            return None;
        }
        let m = self.digits(i + 2, 2)?;
        let d = self.digits(i + 4, 2)?;
        let date = NaiveDate::from_ymd_opt(y, m, d)?;
        Some(Hit::new(i, i + 4, Some(resolve::day(date))))
    }

    /// 30.09.2015
    fn dotted(&self, i: usize) -> Option<Hit> {
        let s = self.str(i);
        let mut parts = s.split('.');
        let (d, m, y) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() || d.len() > 2 || m.len() > 2 || y.len() != 4 {
            return None;
        }
        let date = NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)?;
        Some(Hit::new(i, i, Some(resolve::day(date))))
    }

    /// A day, or two days of one month, given as numbers: resolved with a
    /// year when there is one, else against publication.
    fn days_of_month(
        &self,
        month: u32,
        d1: u32,
        d2: Option<u32>,
        year: Option<i32>,
    ) -> Option<Option<When>> {
        // Reject days no month has (June 31): check in a leap year.
        for d in std::iter::once(d1).chain(d2) {
            NaiveDate::from_ymd_opt(2000, month, d)?;
        }
        let first = match (year, self.published) {
            (Some(y), _) => NaiveDate::from_ymd_opt(y, month, d1)?,
            (None, Some(p)) => match resolve::month_day(month, d1, p) {
                Some(first) => first,
                None => return Some(None),
            },
            (None, None) => return Some(None),
        };
        let when = match d2 {
            None => resolve::day(first),
            Some(d2) => match chrono::Datelike::with_day(&first, d2) {
                Some(last) => resolve::span(first, last),
                None => return if year.is_some() { None } else { Some(None) },
            },
        };
        Some(Some(when))
    }

    /// A second day after the first: "8 and 9", "8-9", "8 to 9".
    fn second_day(&self, k: usize, d1: u32) -> Option<(u32, usize)> {
        let linked = self.is(k, "and") || self.is(k, "to") || self.punct(k, &["-", "\u{2013}"]);
        if !linked || !self.joined(k) || !self.joined(k + 1) {
            return None;
        }
        self.day_num(k + 1)
            .filter(|d2| *d2 > d1)
            .map(|d2| (d2, k + 1))
    }

    /// "June 10", "June 8 and 9", "Sept. 30, 2015", "September 2015",
    /// "in September".
    fn month_first(&self, i: usize) -> Option<Hit> {
        let (m, j) = self.month(i)?;
        if let Some(d1) = self.day_num(j + 1).filter(|_| self.joined(j + 1)) {
            let mut last = j + 1;
            let d2 = self.second_day(last + 1, d1).map(|(d2, k)| {
                last = k;
                d2
            });
            let year = if self.punct(last + 1, &[","]) && self.joined(last + 2) {
                self.year(last + 2).inspect(|_| last += 2)
            } else if self.joined(last + 1) {
                self.year(last + 1).inspect(|_| last += 1)
            } else {
                None
            };
            let when = self.days_of_month(m, d1, d2, year)?;
            return Some(Hit::new(i, last, when));
        }
        if let Some(y) = self.year(j + 1).filter(|_| self.joined(j + 1)) {
            return Some(Hit::new(i, j + 1, resolve::month_span(y, m)));
        }
        if self.prev_is_cue(i) {
            // "by July", "until March": the next such month.
            let ahead = i
                .checked_sub(1)
                .is_some_and(|p| self.w(p).is_some_and(|w| w.ahead));
            return Some(self.month_alone(i, j, m, if ahead { 2 } else { 0 }));
        }
        None
    }

    fn month_alone(&self, first: usize, last: usize, m: u32, shift: i32) -> Hit {
        let when = self
            .published
            .and_then(|p| resolve::month_alone(m, shift, p));
        Hit::new(first, last, when)
    }

    /// "10 June", "8 and 9 June 2016", "10th of June".
    fn day_first(&self, i: usize) -> Option<Hit> {
        let d1 = self.day_num(i)?;
        let mut k = i;
        let d2 = self.second_day(k + 1, d1).map(|(d2, j)| {
            k = j;
            d2
        });
        if self.is(k + 1, "of") && self.joined(k + 1) {
            k += 1;
        }
        if !self.joined(k + 1) {
            return None;
        }
        let (m, mut last) = self.month(k + 1)?;
        let year = if self.joined(last + 1) {
            self.year(last + 1)
        } else {
            None
        };
        if year.is_some() {
            last += 1;
        }
        let when = self.days_of_month(m, d1, d2, year)?;
        Some(Hit::new(i, last, when))
    }

    /// A year after a preposition: "in 2015", "since 2011".
    fn bare_year(&self, i: usize) -> Option<Hit> {
        let y = self.year(i).filter(|y| (1800..=2199).contains(y))?;
        if !self.prev_is_cue(i) {
            return None;
        }
        Some(Hit::new(i, i, resolve::year_span(y)))
    }

    /// "early September", "late 2015".
    fn phase(&self, i: usize) -> Option<Hit> {
        if !self.w(i)?.phase || !self.joined(i + 1) {
            return None;
        }
        if let Some((m, j)) = self.month(i + 1) {
            if let Some(y) = self.year(j + 1).filter(|_| self.joined(j + 1)) {
                return Some(Hit::new(i, j + 1, resolve::month_span(y, m)));
            }
            return Some(self.month_alone(i, j, m, 0));
        }
        let y = self.year(i + 1).filter(|y| (1800..=2199).contains(y))?;
        Some(Hit::new(i, i + 1, resolve::year_span(y)))
    }

    /// "mid-September", "mid-2015" written as one token.
    fn hyphen_phase(&self, i: usize) -> Option<Hit> {
        let (head, rest) = self.str(i).split_once('-')?;
        if !lexicon().word(head).is_some_and(|w| w.phase) {
            return None;
        }
        if rest.len() == 4 && rest.bytes().all(|b| b.is_ascii_digit()) {
            let y: i32 = rest.parse().ok()?;
            return Some(Hit::new(i, i, resolve::year_span(y)));
        }
        let (m, abbrev) = lexicon().word(rest)?.month?;
        if abbrev || !rest.chars().next().is_some_and(char::is_uppercase) {
            return None;
        }
        if let Some(y) = self.year(i + 1).filter(|_| self.joined(i + 1)) {
            return Some(Hit::new(i, i + 1, resolve::month_span(y, m)));
        }
        Some(self.month_alone(i, i, m, 0))
    }

    /// A weekday, with `shift` from a "last"/"next"/"this" at `i - 1`.
    fn weekday(&self, i: usize, shift: i32) -> Option<Hit> {
        if !self.capitalised(i) {
            return None;
        }
        let wd = self.w(i)?.weekday?;
        let possessive = strip_possessive(self.str(i)).len() != self.str(i).len();
        let prev = i.checked_sub(1).filter(|_| self.joined(i));
        let cued = prev.is_some_and(|p| self.w(p).is_some_and(|w| w.cue || w.shift.is_some()));
        if !cued && !possessive {
            // "Bloody Sunday", "Sunday Times", "Mr. Sunday"; but an
            // abbreviation's dot ends the name before it ("in D.C. Tuesday").
            let name_before = prev.is_some_and(|p| {
                if self.tok(p).is_some_and(|t| t.kept_dot(self.text)) {
                    self.is_any(p, &["mr", "mrs", "ms", "dr"])
                } else {
                    self.capitalised(p) && !self.sentence_start(p)
                }
            });
            let name_after = self.joined(i + 1)
                && self.capitalised(i + 1)
                && self.month(i + 1).is_none()
                && self.w(i + 1).is_none_or(|w| !w.daypart);
            if name_before || name_after {
                return None;
            }
        }
        if !possessive {
            // "Tuesday, June 10": the date decides.
            let k = if self.punct(i + 1, &[","]) {
                i + 2
            } else {
                i + 1
            };
            if self.joined(k) {
                if let Some(mut hit) = self.month_first(k).or_else(|| self.day_first(k)) {
                    hit.first = i;
                    return Some(hit);
                }
            }
        }
        let mut hit = Hit::new(i, i, None);
        if possessive {
            hit.end = self
                .tok(i)
                .map(|t| t.start + strip_possessive(self.str(i)).len());
        } else if self.joined(i + 1) && self.w(i + 1).is_some_and(|w| w.daypart) {
            hit.last = i + 1;
        }
        hit.when = self
            .published
            .and_then(|p| match shift {
                0 if prev.is_some_and(|p| self.w(p).is_some_and(|w| w.shift == Some(0))) => {
                    resolve::weekday_this_week(wd, p)
                }
                s => resolve::weekday(wd, s, p),
            })
            .map(resolve::day);
        Some(hit)
    }

    /// Whether token `j` opens a sentence (so its capital says nothing).
    fn sentence_start(&self, j: usize) -> bool {
        match j.checked_sub(1) {
            None => true,
            Some(p) => {
                !self.joined(j)
                    || self.tok(j).is_some_and(|t| t.opens)
                    || self.tok(p).is_some_and(|t| t.kept_dot(self.text))
                    || self.punct(p, &[".", "!", "?", ":", "\"", "\u{201c}", "(", "\u{2014}"])
            }
        }
    }

    /// "today", "yesterday morning", "Tuesday's".
    fn named_day(&self, i: usize) -> Option<Hit> {
        let offset = self.w(i)?.day?;
        // "Russia Today", "USA TODAY": a capital inside a sentence makes a name.
        if self.capitalised(i) && !self.sentence_start(i) {
            return None;
        }
        let mut hit = Hit::new(i, i, None);
        let stem = strip_possessive(self.str(i)).len();
        if stem != self.str(i).len() {
            hit.end = self.tok(i).map(|t| t.start + stem);
        } else if self.joined(i + 1) && self.w(i + 1).is_some_and(|w| w.daypart) {
            hit.last = i + 1;
        }
        hit.when = self
            .published
            .and_then(|p| resolve::add_days(p, offset))
            .map(resolve::day);
        Some(hit)
    }

    fn overnight(&self, i: usize) -> Option<Hit> {
        if !self.w(i)?.overnight {
            return None;
        }
        let when = self
            .published
            .and_then(|p| Some(resolve::span(resolve::add_days(p, -1)?, p)));
        Some(Hit::new(i, i, when))
    }

    /// "last week", "this month", "next year", "last weekend", "last
    /// night", "this morning", "last Tuesday", "last September".
    fn shifted(&self, i: usize) -> Option<Hit> {
        let shift = self.w(i)?.shift?;
        // "the last week of June" belongs to `back`, or to nothing.
        if i.checked_sub(1).is_some_and(|p| self.is(p, "the")) || !self.joined(i + 1) {
            return None;
        }
        let j = i + 1;
        if let Some(mut hit) = self.weekday(j, shift) {
            hit.first = i;
            return Some(hit);
        }
        if let Some((m, last)) = self.month(j) {
            // "this March 23": the day decides.
            if self.day_num(last + 1).is_some() || self.year(last + 1).is_some() {
                let mut hit = self.month_first(j)?;
                hit.first = i;
                return Some(hit);
            }
            return Some(self.month_alone(i, last, m, shift));
        }
        let next = self.w(j)?;
        // "ABC's This Week": a capital inside a sentence makes a name.
        if self.capitalised(j) || (self.capitalised(i) && !self.sentence_start(i)) {
            return None;
        }
        if let Some((period, false)) = next.period {
            let calendar = matches!(
                period,
                Period::Days(7) | Period::Months | Period::Years | Period::Weekend
            );
            if !calendar || self.is(j + 1, "of") {
                return None;
            }
            let mut hit = Hit::new(i, j, None);
            let stem = strip_possessive(self.str(j)).len();
            if stem != self.str(j).len() {
                hit.end = self.tok(j).map(|t| t.start + stem);
            }
            hit.when = self
                .published
                .and_then(|p| resolve::calendar(period, shift, p));
            return Some(hit);
        }
        if next.daypart {
            // "last night" is the evening before; "this morning" today.
            let offset = if shift < 0 { -1 } else { i64::from(shift) };
            let when = self
                .published
                .and_then(|p| resolve::add_days(p, offset))
                .map(resolve::day);
            return Some(Hit::new(i, j, when));
        }
        None
    }

    /// "earlier this month", "later this year", "earlier today".
    fn edge(&self, i: usize) -> Option<Hit> {
        let edge = self.w(i)?.edge?;
        if !self.joined(i + 1) {
            return None;
        }
        if let Some(offset) = self.w(i + 1).and_then(|w| w.day) {
            let when = self
                .published
                .and_then(|p| resolve::add_days(p, offset))
                .map(resolve::day);
            return Some(Hit::new(i, i + 1, when));
        }
        let shift = self.w(i + 1)?.shift?;
        let (period, plural) = self.w(i + 2)?.period?;
        if plural || !self.joined(i + 2) || self.is(i + 3, "of") {
            return None;
        }
        if !matches!(period, Period::Days(7) | Period::Months | Period::Years) {
            return None;
        }
        let when = self.published.and_then(|p| {
            let (first, until) = resolve::calendar(period, shift, p)?;
            let last = until.unwrap_or(first);
            if shift != 0 {
                return Some((first, until));
            }
            Some(match edge {
                Edge::Before => resolve::span(first, p),
                Edge::After => resolve::span(p, last),
            })
        });
        Some(Hit::new(i, i + 2, when))
    }

    /// "the past 24 hours", "the last few days", "the past week", "past
    /// two months"; also "over the weekend".
    fn back(&self, i: usize) -> Option<Hit> {
        let has_the = self.is(i, "the");
        let b = if has_the { i + 1 } else { i };
        if has_the
            && self
                .w(b)
                .is_some_and(|w| w.period == Some((Period::Weekend, false)))
        {
            // "over the weekend", "at the weekend"
            let cued = i
                .checked_sub(1)
                .is_some_and(|p| self.is(p, "over") || self.is(p, "at"));
            if cued && !self.is(b + 1, "of") {
                let when = self.published.and_then(resolve::recent_weekend);
                return Some(Hit::new(i, b, when));
            }
            return None;
        }
        if !self.w(b)?.back || !self.joined(b + 1) {
            return None;
        }
        let (n, k) = match self.amount(b + 1) {
            Some((n, k)) => (n, k + 1),
            // "the past week" is one week; "past week" alone is not read.
            None if has_the => (1, b + 1),
            None => return None,
        };
        if !self.joined(k) || self.is(k + 1, "of") {
            return None;
        }
        let (period, plural) = self.w(k)?.period?;
        if plural != (n != 1) {
            return None;
        }
        if period == Period::Weekend {
            let when = self.published.and_then(resolve::recent_weekend);
            return Some(Hit::new(i, k, when));
        }
        let when = self
            .published
            .and_then(|p| Some(resolve::span(resolve::back(period, n, p)?, p)));
        Some(Hit::new(i, k, when))
    }

    /// "three days ago", "a week ago".
    fn ago(&self, i: usize) -> Option<Hit> {
        let (n, k) = self.amount(i)?;
        let (period, _) = self.w(k + 1)?.period?;
        if !self.joined(k + 1) || !self.joined(k + 2) || !self.w(k + 2)?.ago {
            return None;
        }
        let when = self
            .published
            .and_then(|p| resolve::back(period, n, p))
            .map(resolve::day);
        Some(Hit::new(i, k + 2, when))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, dd: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, dd)
    }

    fn spans(
        text: &str,
        published: Option<NaiveDate>,
    ) -> Vec<(&str, Option<NaiveDate>, Option<NaiveDate>)> {
        find_dates(&Analysed::new(text, published))
            .into_iter()
            .map(|e| {
                (
                    text.get(e.start..e.end).unwrap_or("<bad>"),
                    e.value,
                    e.until,
                )
            })
            .collect()
    }

    #[test]
    fn month_days_resolve_against_publication() {
        let published = d(2015, 10, 27);
        assert_eq!(
            spans(
                "The ministry said October 22 that it began on September 30.",
                published
            ),
            [
                ("October 22", d(2015, 10, 22), None),
                ("September 30", d(2015, 9, 30), None)
            ]
        );
    }
}
