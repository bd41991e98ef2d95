//! Counts in news text: a number, what bounds it, what it counts, and
//! what happened to what it counts ("killed at least 446 people").
//!
//! A count is a number (digits such as "446", "1,200", "3.5", "2 million",
//! "$5bn", or words such as "nine", "twenty-one", "a hundred", "two
//! million", "dozens", "hundreds of thousands", "several hundred"), an
//! optional qualifier before it ("at least", "nearly", ... from
//! `data/count_qualifiers.tsv`), and the counted noun after it. The noun
//! may follow a few modifiers ("nine Russian air strikes"), and vague
//! numbers take it after "of" ("dozens of videos"). A noun from
//! `data/count_categories.tsv` gives the category; an unlisted plural noun
//! ("27 languages") is the unit with no category. People nouns take the
//! category of a verb before the count or after the noun ("killed 40
//! people", "40 people were wounded"), of a death toll the count reports,
//! or of the count they break down ("446 people killed, a third of them
//! civilians"); otherwise "people". A number with no noun is a count only
//! where such a verb names what happened ("20 were killed", unit "").
//!
//! Vague quantities ("dozens", "scores of", "hundreds", "thousands",
//! "tens of thousands", "hundreds of thousands", "several hundred", "a
//! few hundred") have no value and are approximate; so are "several" and
//! "a few" standing alone, which count only before a listed noun
//! ("several soldiers", not "several reasons"). A qualifier whose role in
//! `data/count_qualifiers.tsv` is `approximate` ("about", "nearly",
//! "some") makes the count approximate; bounds ("at least", "more than",
//! "up to") do not: the value is the bound as written. A range ("10 to
//! 15", "10-15", "between 10 and 15") is reported by its lower bound with
//! the qualifier "between". Percentages have the unit "percent" and no
//! category; money written with a sign has the sign as its unit and the
//! category "money" ("$5 million" is 5000000 "$").
//!
//! A share ("a third of them", "half of the 446", "two thirds of the
//! villages", "40 percent of those killed") is no count of its own: it
//! qualifies the count it belongs to, and is listed in that count's
//! `shares`: the count right before it that it breaks down ("446 people
//! killed, a third of them civilians"), or the count it is taken of
//! ("half of the 446 people"). A share of something the text does not
//! count ("half of the clinics") is left out. A percentage without "of"
//! ("turnout was 62 percent") stays a count.
//!
//! Not counts: days and years inside dates, years standing alone, times
//! ("9 a.m.", "10:30"), ages ("aged 19", "Kasimir, 19,", "64-year-old"),
//! ordinals, durations and measures ("24 hours", "six months", "three
//! times", "30 km"), numbers inside names and models ("Su-24M", "G20",
//! "Resolution 2254", "No. 10"), and "one" as a pronoun ("no one", "one of
//! the", "one another"): "one" counts only before a listed noun.

pub(crate) mod lexicon;

use lexicon::{lexicon, CountWord, Lexicon, NumKind, Role};
use parallax_analysis::num_tokens::{strip_possessive, Gap, Kind, Tok};
use parallax_analysis::Analysed;
use parallax_dates::DateExpression;

/// One count, with byte offsets into the text.
#[derive(Debug, Clone, PartialEq)]
pub struct CountMention {
    /// The number; for a ranged number, its lower bound; `None` for a
    /// vague quantity ("dozens", "several hundred").
    pub value: Option<f64>,
    /// A vague quantity, or a number hedged by its qualifier ("about 40",
    /// "nearly 200").
    pub approximate: bool,
    /// The qualifier as written, lower case: "at least", "nearly".
    pub qualifier: Option<String>,
    /// The counted noun as written, lower case and without its modifiers:
    /// "people", "air strikes", "member states"; "percent"; a currency
    /// sign; empty where the text names no noun ("20 were killed").
    pub unit: String,
    /// What is counted: "killed", "wounded", "arrested", "kidnapped",
    /// "displaced", "missing", "people", "strikes", "targets",
    /// "hospitals", "localities", "money", ...
    pub category: Option<String>,
    /// The shares of this count the text gives ("a third of them
    /// civilians" after "446 people killed"; "half" in "half of the 446").
    pub shares: Vec<Share>,
    /// The whole expression: qualifier, number and unit.
    pub start: usize,
    pub end: usize,
}

/// A part of a count: "a third of them civilians", "40 percent of them".
#[derive(Debug, Clone, PartialEq)]
pub struct Share {
    /// The part as a fraction of the whole: 1/3, 0.4 for "40 percent".
    pub value: f64,
    /// Hedged by its qualifier ("nearly half of them").
    pub approximate: bool,
    /// The qualifier as written, lower case: "more than".
    pub qualifier: Option<String>,
    /// The noun the part names, lower case ("civilians"); empty where it
    /// names none ("half of the 446").
    pub unit: String,
    /// The whole expression: qualifier, share and noun.
    pub start: usize,
    pub end: usize,
}

/// Find the counts in `text`, in order, without overlaps. `dates` are the
/// date expressions of the same text (from `parallax-dates`): days and
/// years inside them are not counts.
pub fn find_counts(doc: &Analysed<'_>, dates: &[DateExpression]) -> Vec<CountMention> {
    let text = doc.text;
    let toks = doc.num_tokens();
    let lex = lexicon();
    let words = toks
        .iter()
        .map(|t| {
            let s = t.text(text);
            match t.kind {
                Kind::Word => lex.word(s),
                // Only signs matter among symbols: skip the commas and stops.
                Kind::Punct => match s.as_bytes() {
                    [b] if b.is_ascii() && !matches!(b, b'$' | b'%' | b'#') => None,
                    _ => lex.word(s),
                },
                Kind::Num | Kind::Mixed => None,
            }
        })
        .collect();
    let in_date = date_tokens(toks, dates);
    let scan = Scan {
        text,
        toks,
        words,
        in_date,
        lex,
    };

    let mut out: Vec<CountMention> = Vec::new();
    let mut prev_last: Option<usize> = None;
    // A share waiting for the count it is taken of, which starts at the
    // token given ("half of the | 446 people").
    let mut pending: Option<(Share, usize)> = None;
    let mut i = 0;
    let mut floor = 0;
    while i < toks.len() {
        let Some(found) = scan.count_at(i, floor) else {
            i += 1;
            continue;
        };
        // "446 people killed, a third of them civilians": the part breaks
        // down the count (or the part) right before it.
        let adjacent = found.of_pronoun
            && prev_last.is_some_and(|p| {
                found.first > p
                    && found.first - p <= 3
                    && (p + 1..found.first).all(|k| {
                        scan.punct(k, &[",", ";", "\u{2014}", "-", "("]) || scan.is(k, "and")
                    })
            });
        let whole_at = pending.take();
        let Found {
            item, first, last, ..
        } = found;
        match item {
            Item::Share(share, Whole::Before) => {
                // A share of nothing counted is no count.
                if let Some(prev) = out.last_mut().filter(|_| adjacent) {
                    prev.shares.push(share);
                    prev_last = Some(last);
                }
            }
            Item::Share(share, Whole::At(k)) => pending = Some((share, k)),
            Item::Share(_, Whole::Nothing) => {}
            Item::Count(mut mention) => {
                if adjacent && mention.category.as_deref().is_none_or(|c| c == "people") {
                    // "100 of them civilians": the part shares what
                    // happened to the whole.
                    if let Some(prev) = out.last() {
                        if prev.category.as_deref().is_some_and(|c| c != "people") {
                            mention.category.clone_from(&prev.category);
                        }
                    }
                }
                if let Some((share, k)) = whole_at {
                    if first == k {
                        mention.shares.push(share);
                    }
                }
                out.push(mention);
                prev_last = Some(last);
            }
        }
        i = last + 1;
        floor = i;
    }
    out
}

/// Which tokens lie inside a date expression.
fn date_tokens(toks: &[Tok], dates: &[DateExpression]) -> Vec<bool> {
    let mut dates = dates.iter().peekable();
    toks.iter()
        .map(|t| {
            while dates.next_if(|d| d.end <= t.start).is_some() {}
            dates.peek().is_some_and(|d| d.start <= t.start)
        })
        .collect()
}

/// How a number was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    Digits,
    Words,
    /// The word "one" alone.
    One,
    Fraction,
    /// A round plural ("dozens", "hundreds of thousands") or a vague
    /// multiplier ("several hundred").
    Vague,
    /// "several" or "a few" alone: vague, and a count only before a
    /// listed noun.
    Few,
}

#[derive(Debug, Clone, Copy)]
struct Number {
    value: f64,
    shape: Shape,
    /// First and last token of the number itself.
    first: usize,
    last: usize,
    /// Tokens of a currency sign before it ("$", "US$").
    currency: Option<(usize, usize)>,
    range: bool,
    /// A plain four-digit number that could be a year.
    year_like: bool,
}

impl Number {
    fn lead(&self) -> usize {
        self.currency.map_or(self.first, |c| c.0)
    }
}

/// One word of a number written in words.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Atom {
    Num(NumKind, f64),
    /// "twenty-one"
    Compound(f64),
    /// "two-thirds", "one-third"
    CompoundFraction(f64),
    /// "one-hundred", "two-hundred"
    Hundreds(f64),
    And,
}

/// What came last while reading a cardinal in words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Prev {
    None,
    Unit,
    Teen,
    Tens,
    Hundred,
    Scale,
    And,
}

/// What a number counts.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Unit {
    Nothing,
    NotCount,
    Percent(usize),
    Currency,
    Noun {
        first: usize,
        last: usize,
        category: Option<&'static str>,
        plural: bool,
        singular: bool,
    },
    Guess(usize),
    Participle(usize, &'static str),
}

/// What a share is taken of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Whole {
    /// The count before it: "a third of them".
    Before,
    /// The count starting at this token: "half of the | 446".
    At(usize),
    /// Nothing counted: "half of the clinics".
    Nothing,
}

enum Item {
    Count(CountMention),
    Share(Share, Whole),
}

struct Found {
    item: Item,
    /// First and last token of the whole expression.
    first: usize,
    last: usize,
    /// Ends in "of them" or "of whom" before its noun.
    of_pronoun: bool,
}

struct Scan<'a> {
    text: &'a str,
    toks: &'a [Tok],
    words: Vec<Option<&'static CountWord>>,
    in_date: Vec<bool>,
    lex: &'static Lexicon,
}

fn plural_like(word: &str) -> bool {
    word.len() >= 4
        && word.is_ascii()
        && word.bytes().next().is_some_and(|b| b.is_ascii_lowercase())
        && word.ends_with('s')
        && !["ss", "us", "is", "'s", "ous"]
            .iter()
            .any(|end| word.ends_with(end))
}

impl Scan<'_> {
    fn tok(&self, j: usize) -> Option<&Tok> {
        self.toks.get(j)
    }

    fn w(&self, j: usize) -> Option<&'static CountWord> {
        self.words.get(j).copied().flatten()
    }

    fn str(&self, j: usize) -> &str {
        self.tok(j).map_or("", |t| t.text(self.text))
    }

    fn word(&self, j: usize) -> bool {
        self.tok(j).is_some_and(|t| t.kind == Kind::Word)
    }

    fn joined(&self, j: usize) -> bool {
        self.tok(j).is_some_and(|t| t.gap != Gap::Line)
    }

    fn touching(&self, j: usize) -> bool {
        self.tok(j).is_some_and(|t| t.gap == Gap::None)
    }

    fn is(&self, j: usize, word: &str) -> bool {
        self.word(j) && self.str(j).eq_ignore_ascii_case(word)
    }

    fn is_any(&self, j: usize, words: &[&str]) -> bool {
        self.word(j) && words.iter().any(|w| self.str(j).eq_ignore_ascii_case(w))
    }

    fn punct(&self, j: usize, chars: &[&str]) -> bool {
        self.tok(j)
            .is_some_and(|t| t.kind == Kind::Punct && chars.contains(&t.text(self.text)))
    }

    fn capitalised(&self, j: usize) -> bool {
        self.tok(j)
            .is_some_and(|t| t.kind == Kind::Word && t.capitalised(self.text))
    }

    fn in_date(&self, j: usize) -> bool {
        self.in_date.get(j).copied().unwrap_or(false)
    }

    /// Stops the search for a counted noun.
    fn blocks(&self, j: usize) -> bool {
        self.w(j)
            .is_some_and(|w| w.stop || w.aux || w.verb.is_some() || w.number.is_some() || w.time)
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

    fn currency_sign(&self, j: usize) -> bool {
        self.tok(j).is_some_and(|t| t.kind == Kind::Punct) && self.w(j).is_some_and(|w| w.currency)
    }

    // ---- numbers ----

    /// Digits: "446", "1,200", "3.5". Thousands groups have three digits
    /// each ("1,20" is no number).
    fn digits_value(s: &str) -> Option<f64> {
        let mut groups = s.split(',');
        let head = groups.next()?;
        let mut plain = String::with_capacity(s.len());
        plain.push_str(head);
        let mut commas = false;
        for g in groups {
            commas = true;
            let whole = g.split('.').next().unwrap_or(g);
            if whole.len() != 3 {
                return None;
            }
            plain.push_str(g);
        }
        let int_part = head.split('.').next().unwrap_or(head);
        if (commas && (int_part.len() > 3 || head.contains('.'))) || s.matches('.').count() > 1 {
            return None;
        }
        plain.parse::<f64>().ok().filter(|v| v.is_finite())
    }

    /// A scale word or short scale after digits: "2 million", "3 bn".
    fn scale_after(&self, j: usize) -> Option<f64> {
        if !self.joined(j) {
            return None;
        }
        let n = self.w(j)?.number?;
        match n.kind {
            NumKind::Hundred | NumKind::Scale => Some(n.value),
            NumKind::Abbrev if self.str(j).len() > 1 => Some(n.value),
            _ => None,
        }
    }

    /// "5bn", "20m": digits with a short scale attached.
    fn digits_abbrev(&self, j: usize) -> Option<f64> {
        let s = self.str(j);
        let split = s.find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))?;
        let (num, suffix) = (s.get(..split)?, s.get(split..)?);
        let scale = self.lex.word(suffix)?.number?;
        if !matches!(scale.kind, NumKind::Abbrev | NumKind::Scale) || num.is_empty() {
            return None;
        }
        Some(scaled(Self::digits_value(num)?, scale.value))
    }

    fn atom(&self, j: usize) -> Option<Atom> {
        if !self.word(j) {
            return None;
        }
        if self.is(j, "and") {
            return Some(Atom::And);
        }
        if let Some(n) = self.w(j).and_then(|w| w.number) {
            return Some(Atom::Num(n.kind, n.value));
        }
        let (a, b) = self.str(j).split_once('-')?;
        let a = self.lex.word(a)?.number?;
        let b = self.lex.word(b)?.number?;
        match (a.kind, b.kind) {
            (NumKind::Tens, NumKind::Small) if b.value >= 1.0 && b.value < 10.0 => {
                Some(Atom::Compound(a.value + b.value))
            }
            (NumKind::Small | NumKind::Tens, NumKind::Fractions) if a.value > 1.0 => {
                Some(Atom::CompoundFraction(a.value * b.value))
            }
            (NumKind::Small | NumKind::Article, NumKind::Fraction) if a.value == 1.0 => {
                Some(Atom::CompoundFraction(b.value))
            }
            (NumKind::Small | NumKind::Tens, NumKind::Hundred) if a.value >= 1.0 => {
                Some(Atom::Hundreds(a.value * 100.0))
            }
            _ => None,
        }
    }

    /// A number in words starting at `j`: value, shape and last token.
    fn words_number(&self, j: usize) -> Option<(f64, Shape, usize)> {
        let next = |k: usize| if self.joined(k) { self.atom(k) } else { None };
        match self.atom(j)? {
            Atom::Num(NumKind::Vague, v) => {
                // "hundreds of thousands", "tens of thousands"
                if self.is(j + 1, "of") && self.joined(j + 1) {
                    if let Some(Atom::Num(NumKind::Vague, v2)) = next(j + 2) {
                        if v2 / 2.0 >= 1000.0 {
                            return Some((v * v2 / 2.0, Shape::Vague, j + 2));
                        }
                    }
                }
                (!self.is(j, "tens")).then_some((v, Shape::Vague, j))
            }
            Atom::Num(NumKind::Several, m) => match next(j + 1) {
                Some(Atom::Num(NumKind::Hundred | NumKind::Scale, s)) => {
                    Some((m * s, Shape::Vague, j + 1))
                }
                // "several soldiers"; "few" alone says how few, not how many.
                _ => self.is(j, "several").then_some((m, Shape::Few, j)),
            },
            Atom::Num(NumKind::Article, _) => match next(j + 1)? {
                Atom::Num(NumKind::Fraction, f) => Some((f, Shape::Fraction, j + 1)),
                // "a few hundred", "a few soldiers"
                Atom::Num(NumKind::Several, m) => match next(j + 2) {
                    Some(Atom::Num(NumKind::Hundred | NumKind::Scale, s)) => {
                        Some((m * s, Shape::Vague, j + 2))
                    }
                    _ => Some((m, Shape::Few, j + 1)),
                },
                Atom::Num(NumKind::Hundred | NumKind::Scale | NumKind::Dozen, _) => {
                    self.cardinal(j + 1, Prev::Unit, 1.0)
                }
                _ => None,
            },
            Atom::Num(NumKind::Fraction, f) if self.is(j, "half") => {
                // "half a million"
                if self.is(j + 1, "a") && self.joined(j + 1) {
                    if let Some(Atom::Num(NumKind::Hundred | NumKind::Scale, s)) = next(j + 2) {
                        return Some((f * s, Shape::Words, j + 2));
                    }
                }
                Some((f, Shape::Fraction, j))
            }
            Atom::CompoundFraction(v) => Some((v, Shape::Fraction, j)),
            Atom::Num(NumKind::Small | NumKind::Tens, _)
            | Atom::Compound(_)
            | Atom::Hundreds(_) => {
                let (value, shape, last) = self.cardinal(j, Prev::None, 0.0)?;
                let one = shape == Shape::Words && last == j && self.is(j, "one");
                Some((value, if one { Shape::One } else { shape }, last))
            }
            _ => None,
        }
    }

    /// A cardinal in words from `j`: "two hundred and fifty thousand",
    /// "twenty one", "two dozen", "two thirds". `cur` is 1 after "a".
    fn cardinal(&self, j: usize, mut prev: Prev, mut cur: f64) -> Option<(f64, Shape, usize)> {
        let mut total = 0.0;
        let mut last = None;
        // Scales only fall ("two million three thousand"), which also
        // bounds how far one number can run.
        let mut last_scale = f64::INFINITY;
        let mut k = j;
        loop {
            if k > j && !self.joined(k) {
                break;
            }
            let Some(atom) = self.atom(k) else { break };
            use Prev as P;
            match (atom, prev) {
                (Atom::Num(NumKind::Small, v), P::None | P::Hundred | P::Scale | P::And) => {
                    cur += v;
                    prev = if v < 10.0 { P::Unit } else { P::Teen };
                }
                (Atom::Num(NumKind::Small, v), P::Tens) if (1.0..10.0).contains(&v) => {
                    cur += v;
                    prev = P::Unit;
                }
                (Atom::Num(NumKind::Tens, v), P::None | P::Hundred | P::Scale | P::And) => {
                    cur += v;
                    prev = P::Tens;
                }
                (Atom::Compound(v), P::None | P::Hundred | P::Scale | P::And) => {
                    cur += v;
                    prev = P::Unit;
                }
                (Atom::Hundreds(v), P::None | P::Scale) => {
                    cur += v;
                    prev = P::Hundred;
                }
                (Atom::Num(NumKind::Hundred, _), P::Unit | P::Teen | P::Tens) if cur < 100.0 => {
                    cur *= 100.0;
                    prev = P::Hundred;
                }
                (Atom::Num(NumKind::Dozen, _), P::Unit | P::Teen | P::Tens) if cur < 100.0 => {
                    cur *= 12.0;
                    prev = P::Hundred;
                }
                (Atom::Num(NumKind::Scale, s), P::Unit | P::Teen | P::Tens | P::Hundred)
                    if s < last_scale =>
                {
                    last_scale = s;
                    total += scaled(cur, s);
                    cur = 0.0;
                    prev = P::Scale;
                }
                (Atom::And, P::Hundred | P::Scale) => {
                    let more = self.joined(k + 1)
                        && matches!(
                            self.atom(k + 1),
                            Some(Atom::Num(NumKind::Small | NumKind::Tens, _) | Atom::Compound(_))
                        );
                    if !more {
                        break;
                    }
                    prev = P::And;
                    k += 1;
                    continue;
                }
                (Atom::Num(NumKind::Fractions, f), P::Unit | P::Teen | P::Tens) if total == 0.0 => {
                    return (cur > 1.0).then_some((cur * f, Shape::Fraction, k));
                }
                (Atom::Num(NumKind::Fraction, f), P::Unit) if total == 0.0 && cur == 1.0 => {
                    return Some((f, Shape::Fraction, k));
                }
                _ => break,
            }
            last = Some(k);
            k += 1;
        }
        Some((total + cur, Shape::Words, last?))
    }

    /// The number starting at token `i`, with any currency sign before it
    /// and any range after it.
    fn number(&self, i: usize) -> Option<Number> {
        let t = self.tok(i)?;
        let (currency, j) = match t.kind {
            Kind::Punct if self.currency_sign(i) && self.touching(i + 1) => (Some((i, i)), i + 1),
            // "US$5"
            Kind::Word
                if t.end - t.start <= 3
                    && self.str(i).bytes().all(|b| b.is_ascii_uppercase())
                    && self.currency_sign(i + 1)
                    && self.touching(i + 1)
                    && self.touching(i + 2) =>
            {
                (Some((i, i + 1)), i + 2)
            }
            _ => (None, i),
        };
        let (value, shape, last) = self.first_number(j)?;
        // ".016 percent": a decimal written without its zero.
        let bare_decimal = currency.is_none()
            && shape == Shape::Digits
            && last == j
            && self.str(j).bytes().all(|b| b.is_ascii_digit())
            && j.checked_sub(1).is_some_and(|p| {
                self.punct(p, &["."])
                    && self.touching(j)
                    && p.checked_sub(1).is_none_or(|q| {
                        !self.touching(p) || self.tok(q).is_some_and(|t| t.kind == Kind::Punct)
                    })
            });
        if bare_decimal {
            let value: f64 = format!("0.{}", self.str(j)).parse().ok()?;
            return Some(Number {
                value,
                shape,
                first: j - 1,
                last,
                currency: None,
                range: false,
                year_like: false,
            });
        }
        let year_like = shape == Shape::Digits
            && currency.is_none()
            && last == j
            && self.str(j).len() == 4
            && (1900.0..=2100.0).contains(&value)
            && self.str(j).bytes().all(|b| b.is_ascii_digit());
        let mut n = Number {
            value,
            shape,
            first: j,
            last,
            currency,
            range: false,
            year_like,
        };
        // A range: "10-15", "10 to 15", "between 10 and 15".
        let between = j.checked_sub(1).is_some_and(|p| self.is(p, "between"));
        let from = j.checked_sub(1).is_some_and(|p| self.is(p, "from"));
        let link = last + 1;
        let linked = self.joined(link)
            && self.joined(link + 1)
            && (self.punct(link, &["-", "\u{2013}"])
                || (self.is(link, "to") && !from)
                || (self.is(link, "and") && between));
        if linked && matches!(shape, Shape::Digits | Shape::Words) {
            if let Some((v2, s2, l2)) = self.first_number(link + 1) {
                if s2 == shape && v2 > value && !self.in_date(link + 1) {
                    n.range = true;
                    n.year_like = false;
                    n.last = l2;
                }
            }
        }
        Some(n)
    }

    /// A number without sign or range at `j`.
    fn first_number(&self, j: usize) -> Option<(f64, Shape, usize)> {
        let t = self.tok(j)?;
        match t.kind {
            Kind::Num => {
                let v = Self::digits_value(t.text(self.text))?;
                match self.scale_after(j + 1) {
                    Some(s) => Some((scaled(v, s), Shape::Digits, j + 1)),
                    None => Some((v, Shape::Digits, j)),
                }
            }
            Kind::Mixed => Some((self.digits_abbrev(j)?, Shape::Digits, j)),
            Kind::Word => self.words_number(j),
            Kind::Punct => None,
        }
    }

    // ---- context ----

    /// "Resolution 2254", "No. 10", "#3": a number that labels something.
    fn label_before(&self, lead: usize) -> bool {
        let Some(p) = lead.checked_sub(1).filter(|_| self.joined(lead)) else {
            return false;
        };
        if self.punct(p, &["#"]) {
            return true;
        }
        const LABELS: [&str; 6] = ["no", "nos", "art", "vol", "p", "pp"];
        // "No. 10", whether the abbreviation keeps its dot or not.
        if self.tok(p).is_some_and(|t| t.kept_dot(self.text)) {
            return self.is_any(p, &LABELS);
        }
        if self.punct(p, &["."]) && self.touching(p) {
            return p.checked_sub(1).is_some_and(|q| self.is_any(q, &LABELS));
        }
        let s = self.str(p);
        // A name right before the number, written whole ("Smiths’ 3" ends
        // in an apostrophe, not a name).
        self.capitalised(p)
            && self.tok(p).is_some_and(|t| t.full_end == t.end)
            && s.len() == strip_possessive(s).len()
            && !s.ends_with('\'')
            && self.w(p).is_none()
            && !self.sentence_start(p)
    }

    /// "P-5+1", "9/11": a number glued by a symbol to what comes before.
    fn inside_code(&self, lead: usize) -> bool {
        let Some(p) = lead.checked_sub(1) else {
            return false;
        };
        const GLUE: [&str; 13] = [
            "+", "/", "-", "_", "=", "*", "^", "@", "~", "|", "\\", "&", ".",
        ];
        let glue = self.punct(p, &GLUE)
            && !self.punct(lead, &["."])
            && self.touching(lead)
            && self.touching(p);
        glue && p
            .checked_sub(1)
            .and_then(|q| self.tok(q))
            .is_some_and(|t| t.kind != Kind::Punct)
    }

    /// "aged 19", "aged 23, 26 and 58": a number in a list after an age word.
    fn after_age_word(&self, lead: usize) -> bool {
        let mut j = lead;
        for _ in 0..12 {
            let Some(p) = j.checked_sub(1).filter(|_| self.joined(j)) else {
                return false;
            };
            if self.w(p).is_some_and(|w| w.age) && self.word(p) {
                return true;
            }
            let listed = self.tok(p).is_some_and(|t| t.kind == Kind::Num)
                || self.punct(p, &[","])
                || self.is_any(p, &["and", "or", "between"]);
            if !listed {
                return false;
            }
            j = p;
        }
        false
    }

    /// "Kasimir, 19, said" and "Kasimir (19)": an age after a name.
    fn age_after_name(&self, lead: usize, last: usize) -> bool {
        let Some(p) = lead.checked_sub(1) else {
            return false;
        };
        let Some(q) = p.checked_sub(1) else {
            return false;
        };
        let name = self.capitalised(q) && self.w(q).is_none();
        let commas = self.punct(p, &[","]) && self.punct(last + 1, &[",", ".", ";"]);
        let brackets = self.punct(p, &["("]) && self.punct(last + 1, &[")"]);
        name && (commas || brackets)
    }

    /// The qualifier ending right before `lead`: its first token, its
    /// words and its role.
    fn qualifier(&self, lead: usize, floor: usize) -> Option<(usize, String, Role)> {
        if !self.joined(lead) {
            return None;
        }
        self.lex.qualifiers.iter().find_map(|q| {
            let start = lead.checked_sub(q.words.len())?;
            let fits = start >= floor
                && q.words.iter().enumerate().all(|(n, word)| {
                    let k = start + n;
                    self.is(k, word) && (n == 0 || self.joined(k))
                });
            fits.then(|| (start, q.words.join(" "), q.role))
        })
    }

    fn percent_at(&self, k: usize) -> Option<usize> {
        self.lex.percent.iter().find_map(|phrase| {
            let fits = phrase.iter().enumerate().all(|(n, word)| {
                let k = k + n;
                self.joined(k) && self.str(k).eq_ignore_ascii_case(word)
            });
            (fits && !phrase.is_empty()).then(|| k + phrase.len().saturating_sub(1))
        })
    }

    /// A listed noun ending at `j` (its compound form if the words before
    /// it, from `from` on, complete one): its first token, category and
    /// whether the form is plural. Capitalised words are names, not nouns.
    fn noun_at(&self, j: usize, from: usize) -> Option<(usize, Option<&'static str>, bool, bool)> {
        let w = self.w(j)?;
        if self.capitalised(j) {
            return None;
        }
        for c in &w.compounds {
            let Some(start) = j.checked_sub(c.prefix.len()).filter(|s| *s >= from) else {
                continue;
            };
            if c.prefix.iter().enumerate().all(|(n, word)| {
                self.is(start + n, word)
                    && !self.capitalised(start + n)
                    && self.joined(start + n + 1)
            }) {
                return Some((start, c.category, c.plural, c.singular));
            }
        }
        w.noun.map(|cat| (j, cat, w.plural, w.singular))
    }

    /// Whether token `j` reads as an adjective before an unlisted noun:
    /// "three separate analyses", "30 Nigerian students".
    fn adjective(&self, j: usize) -> bool {
        const ENDINGS: [&str; 14] = [
            "al", "ic", "ed", "ive", "ous", "ful", "an", "ese", "ary", "ent", "ant", "ble", "ish",
            "ing",
        ];
        let s = self.str(j);
        self.capitalised(j)
            || s.contains('-')
            || self.w(j).is_some_and(|w| w.modifier)
            || ENDINGS
                .iter()
                .any(|e| s.len() > e.len() + 2 && s.ends_with(e))
    }

    /// What the number counts, searched from token `k`. With `strict`
    /// (a fraction or one, which take singular nouns) an unlisted plural
    /// after another word needs that word to read as an adjective: "half
    /// of the film explores" has no count.
    fn unit_at(&self, k: usize, strict: bool) -> Unit {
        if self.word(k) && self.joined(k) {
            if let Some(w) = self.w(k).filter(|w| w.verb_unit) {
                if let Some(cat) = w.verb {
                    return Unit::Participle(k, cat);
                }
            }
        }
        let mut run: Option<(usize, usize, Option<&'static str>, bool, bool)> = None;
        let mut modifiers = 0;
        let mut j = k;
        // A model name may stand among the modifiers: "two F-16 jets".
        let model = |j: usize| {
            self.tok(j).is_some_and(|t| t.kind == Kind::Mixed)
                && self.str(j).bytes().any(|b| b.is_ascii_alphabetic())
        };
        while (self.word(j) || model(j)) && self.joined(j) && !self.blocks(j) {
            if let Some((first, cat, plural, singular)) = self.noun_at(j, k) {
                run = match run {
                    Some((f, l, ..)) if l + 1 == j => {
                        Some((f.min(first), j, cat, plural, singular))
                    }
                    _ => Some((first, j, cat, plural, singular)),
                };
                j += 1;
                continue;
            }
            if run.is_some() {
                break;
            }
            if self.w(j).is_some_and(|w| w.not_count) {
                return Unit::NotCount;
            }
            // "two examples infuriated many people": a plural ends the phrase
            // unless a listed noun follows it ("two weapons officers").
            if plural_like(self.str(j)) && self.noun_at(j + 1, k).is_none() {
                break;
            }
            modifiers += 1;
            if modifiers > 3 {
                break;
            }
            j += 1;
        }
        if let Some((first, last, category, plural, singular)) = run {
            return Unit::Noun {
                first,
                last,
                category,
                plural,
                singular,
            };
        }
        let usable = |g: usize| {
            self.word(g)
                && self.joined(g)
                && !self.blocks(g)
                && self.w(g).is_none_or(|w| !w.not_count)
        };
        let head = |g: usize| {
            usable(g) && plural_like(self.str(g)) && self.w(g).is_none_or(|w| !w.modifier)
        };
        if head(k) {
            return Unit::Guess(k);
        }
        if usable(k) && (!strict || self.adjective(k)) && head(k + 1) {
            return Unit::Guess(k + 1);
        }
        Unit::Nothing
    }

    /// A verb after the counted noun: "were killed", "died", "are feared dead".
    fn verb_after(&self, mut j: usize) -> Option<&'static str> {
        for _ in 0..4 {
            if self.joined(j) && self.word(j) && self.w(j).is_some_and(|w| w.aux) {
                j += 1;
            }
        }
        (self.joined(j) && self.word(j))
            .then(|| self.w(j).and_then(|w| w.verb))
            .flatten()
    }

    /// A verb right before the count: "killed at least 40", "killing
    /// all 150".
    fn verb_before(&self, start: usize) -> Option<&'static str> {
        let mut p = start.checked_sub(1).filter(|_| self.joined(start))?;
        for _ in 0..2 {
            if !(self.word(p) && self.w(p).is_some_and(|w| w.aux && w.verb.is_none())) {
                break;
            }
            p = p.checked_sub(1).filter(|_| self.joined(p))?;
        }
        self.w(p).filter(|_| self.word(p)).and_then(|w| w.verb)
    }

    /// "the death toll rose to 40": a toll a few words before, in the
    /// same clause.
    fn toll_before(&self, start: usize) -> Option<&'static str> {
        let mut j = start;
        for _ in 0..6 {
            if !self.joined(j) || self.tok(j).is_some_and(|t| t.opens) {
                return None;
            }
            j = j.checked_sub(1)?;
            if self.punct(j, &[".", ";", "!", "?", ":"]) {
                return None;
            }
            if let Some(cat) = self.w(j).and_then(|w| w.toll) {
                return Some(cat);
            }
        }
        None
    }

    fn lower(&self, first: usize, last: usize) -> String {
        (first..=last)
            .map(|k| self.str(k).to_lowercase())
            .collect::<Vec<_>>()
            .join(" ")
    }

    // ---- the count ----

    fn count_at(&self, i: usize, floor: usize) -> Option<Found> {
        let t = self.tok(i)?;
        let plausible = match t.kind {
            Kind::Num | Kind::Mixed => true,
            Kind::Word => {
                self.w(i).is_some_and(|w| w.number.is_some())
                    || self.str(i).contains('-')
                    || self.currency_sign(i + 1)
            }
            Kind::Punct => self.currency_sign(i),
        };
        if !plausible || self.in_date(i) {
            return None;
        }
        let n = self.number(i)?;
        if (n.first..=n.last).any(|k| self.in_date(k)) {
            return None;
        }
        let lead = n.lead();
        if lead < floor || self.inside_code(lead) {
            return None;
        }
        let qualifier = self.qualifier(lead, floor);
        if n.shape == Shape::Digits
            && n.currency.is_none()
            && ((qualifier.is_none() && self.label_before(lead))
                || self.age_after_name(lead, n.last))
        {
            return None;
        }
        let before = lead.checked_sub(1).filter(|_| self.joined(lead));
        if self.after_age_word(lead) {
            return None;
        }
        if self.joined(n.last + 1) && self.w(n.last + 1).is_some_and(|w| w.time) {
            return None;
        }
        if n.shape == Shape::One
            && before.is_some_and(|p| self.is_any(p, &["no", "any", "every", "each", "some"]))
        {
            return None;
        }

        // A share: "a third of them", "half of the 446", "40 percent of".
        let percent = self.percent_at(n.last + 1);
        let percent_of = percent.filter(|&l| self.is(l + 1, "of") && self.joined(l + 1));
        if n.shape == Shape::Fraction || percent_of.is_some() {
            return self.share(&n, qualifier, percent_of.map(|l| l + 1));
        }

        // What is counted.
        let mut k = n.last + 1;
        let mut of_pronoun = false;
        let unit = if let Some(last) = percent {
            Unit::Percent(last)
        } else if n.currency.is_some() {
            Unit::Currency
        } else {
            if self.is(k, "of") && self.joined(k) {
                if matches!(n.shape, Shape::One | Shape::Few) {
                    return None;
                }
                if self.is_any(k + 1, &["them", "whom", "those", "these"]) {
                    of_pronoun = self.is_any(k + 1, &["them", "whom"]);
                    k += 2;
                } else if self.is_any(k + 1, &["the", "their", "its", "his", "her", "our"]) {
                    k += 2;
                } else if n.shape == Shape::Vague {
                    k += 1;
                } else {
                    return None;
                }
            }
            let strict =
                !matches!(n.shape, Shape::Digits | Shape::Words | Shape::Vague) || n.value <= 1.0;
            self.unit_at(k, strict)
        };
        if unit == Unit::NotCount {
            return None;
        }
        let listed = matches!(unit, Unit::Noun { .. } | Unit::Participle(..));
        if matches!(n.shape, Shape::One | Shape::Few) && !listed {
            return None;
        }
        // "the 2012 vote total", "2014 budget proposals": a year.
        let right_after = match unit {
            Unit::Noun { first, plural, .. } => plural && first == n.last + 1,
            Unit::Participle(first, _) => first == n.last + 1,
            _ => false,
        };
        if n.year_like && !right_after {
            return None;
        }
        // "5 hospital" is not English: the number labels something else;
        // nor is "one way states could", nor "several child".
        if let Unit::Noun {
            plural, singular, ..
        } = unit
        {
            if !plural && matches!(n.shape, Shape::Digits | Shape::Words) && n.value > 1.0 {
                return None;
            }
            if !plural && n.shape == Shape::Few {
                return None;
            }
            if !singular && n.shape == Shape::One {
                return None;
            }
        }

        let hedged = qualifier.as_ref().is_some_and(|q| q.2 == Role::Approximate);
        let (qualifier, first) = if n.range {
            let b = lead
                .checked_sub(1)
                .filter(|b| *b >= floor && self.is(*b, "between"));
            (Some("between".to_owned()), b.unwrap_or(lead))
        } else {
            match qualifier {
                Some((q, text, _)) => (Some(text), q),
                None => (None, lead),
            }
        };
        let last = match unit {
            Unit::Percent(l) | Unit::Guess(l) | Unit::Participle(l, _) => l,
            Unit::Noun { last, .. } => last,
            Unit::Nothing | Unit::NotCount | Unit::Currency => n.last,
        };
        let from_verbs = || {
            self.verb_after(last + 1)
                .or_else(|| self.verb_before(first))
                .or_else(|| self.toll_before(first))
        };
        let (unit_text, category) = match unit {
            Unit::Noun {
                first: f,
                last: l,
                category,
                ..
            } => {
                let category = if CountWord::people(category) {
                    from_verbs().or(category)
                } else {
                    category
                };
                (self.lower(f, l), category)
            }
            Unit::Guess(g) => (self.lower(g, g), from_verbs()),
            Unit::Participle(p, cat) => (self.lower(p, p), Some(cat)),
            Unit::Percent(_) => ("percent".to_owned(), None),
            Unit::Currency => {
                let (a, b) = n.currency.unwrap_or((lead, lead));
                let sign: String = (a..=b).map(|k| self.str(k).to_lowercase()).collect();
                (sign, Some("money"))
            }
            Unit::Nothing | Unit::NotCount => (String::new(), Some(from_verbs()?)),
        };
        let start = self.tok(first)?.start;
        let end = self.tok(last)?.end;
        let vague = matches!(n.shape, Shape::Vague | Shape::Few);
        Some(Found {
            item: Item::Count(CountMention {
                value: (!vague).then_some(n.value),
                approximate: vague || hedged,
                qualifier,
                unit: unit_text,
                category: category.map(str::to_owned),
                shares: Vec::new(),
                start,
                end,
            }),
            first,
            last,
            of_pronoun,
        })
    }

    /// The share that number `n` starts: a fraction ("a third of them
    /// civilians", "half the 446"), or a percentage whose "of" is token
    /// `of` ("40 percent of those killed"). What it is a share of decides
    /// where it goes: the count before it ("of them", "of whom", "of
    /// those", "of these"), a count right after it ("of the 446"), or
    /// nothing counted ("of the clinics"), in which case it is dropped.
    fn share(
        &self,
        n: &Number,
        qualifier: Option<(usize, String, Role)>,
        of: Option<usize>,
    ) -> Option<Found> {
        let lead = n.lead();
        let percent_last = of.and_then(|of| of.checked_sub(1));
        let (value, mut k) = match of {
            Some(of) => (n.value / 100.0, of + 1),
            None => {
                let k = n.last + 1;
                if self.is(k, "of") && self.joined(k) {
                    (n.value, k + 1)
                } else if self.is_any(k, &["the", "their", "its"]) {
                    (n.value, k)
                } else {
                    return None;
                }
            }
        };
        if !self.joined(k) {
            return None;
        }
        let mut unit = String::new();
        let (whole, last) = if self.is_any(k, &["them", "whom", "those", "these"]) {
            // "a third of them civilians": what the part is.
            let last = match self.unit_at(k + 1, true) {
                Unit::Noun {
                    first: f, last: l, ..
                } => {
                    unit = self.lower(f, l);
                    l
                }
                Unit::Guess(g) => {
                    unit = self.lower(g, g);
                    g
                }
                _ => k,
            };
            (Whole::Before, last)
        } else {
            if self.is_any(k, &["the", "their", "its", "his", "her", "our", "all"]) {
                k += 1;
            }
            let counted = self.joined(k)
                && self
                    .number(k)
                    .is_some_and(|m| !(m.first..=m.last).any(|j| self.in_date(j)));
            if counted {
                // The share is the fraction itself: "Half" of "Half of the 446".
                (Whole::At(k), percent_last.unwrap_or(n.last))
            } else {
                // A share of something not counted: its noun phrase is
                // read no further.
                (Whole::Nothing, n.last.max(of.unwrap_or(0)))
            }
        };
        let first = qualifier.as_ref().map_or(lead, |q| q.0);
        let share = Share {
            value,
            approximate: qualifier.as_ref().is_some_and(|q| q.2 == Role::Approximate),
            qualifier: qualifier.map(|q| q.1),
            unit,
            start: self.tok(first)?.start,
            end: self.tok(last)?.end,
        };
        Some(Found {
            item: Item::Share(share, whole),
            first,
            last,
            of_pronoun: whole == Whole::Before,
        })
    }
}

/// `v` times a scale word's value, without the binary rounding that makes
/// "$131.7m" 131699999.99999999: a product that differs from a whole
/// number by less than a millionth of a millionth of it is that number.
fn scaled(v: f64, scale: f64) -> f64 {
    let p = v * scale;
    let whole = p.round();
    if scale >= 1.0 && (p - whole).abs() <= whole.abs() * 1e-12 {
        whole
    } else {
        p
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The first count as `span = value [qualifier] unit | category`.
    fn first(text: &str) -> Option<String> {
        let doc = Analysed::new(text, None);
        let c = find_counts(&doc, &parallax_dates::find_dates(&doc))
            .into_iter()
            .next()?;
        Some(format!(
            "{} = {} [{}] {} | {}",
            text.get(c.start..c.end)?,
            c.value?,
            c.qualifier.unwrap_or_default(),
            c.unit,
            c.category.unwrap_or_default()
        ))
    }

    #[test]
    fn digits_parse_with_and_without_separators() {
        assert_eq!(Scan::digits_value("1,200"), Some(1200.0));
        assert_eq!(scaled(131.7, 1e6), 131_700_000.0);
        assert_eq!(scaled(0.1, 3.0), 0.1 * 3.0);
        assert_eq!(Scan::digits_value("3.5"), Some(3.5));
        assert_eq!(Scan::digits_value("10,000,000"), Some(1e7));
        assert_eq!(Scan::digits_value("1234,567"), None);
        assert_eq!(Scan::digits_value("1.2.3"), None);
        assert_eq!(Scan::digits_value("1,20"), None);
        assert_eq!(Scan::digits_value("1,200.5"), Some(1200.5));
    }

    #[test]
    fn plural_guesses() {
        assert!(plural_like("languages"));
        assert!(!plural_like("glass") && !plural_like("bus") && !plural_like("Syrians"));
    }

    #[test]
    fn a_killed_count() {
        assert_eq!(
            first("Shelling killed at least 446 people in Ostrava.").as_deref(),
            Some("at least 446 people = 446 [at least] people | killed")
        );
    }

    #[test]
    fn a_bare_decimal_keeps_its_dot() {
        assert_eq!(
            first("a share of .016 percent").as_deref(),
            Some(".016 percent = 0.016 [] percent | ")
        );
    }
}
