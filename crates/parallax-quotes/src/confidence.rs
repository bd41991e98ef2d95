//! How sure the finder is of an attribution.
//!
//! Every attribution keeps where it came from ([`Origin`]): a rule's
//! reading or a learned reading with the cue model's score above its
//! threshold (the margin), a headline's "Name: …", a quotation signed with
//! a dash, or a quotation nobody's cue claimed. Its confidence is a
//! logistic function of the margin fitted per origin (Platt scaling) on
//! held-out folds of annotated articles, so that attributions with
//! confidence near p are right about p of the time there. The fitted
//! parameters are `calibration` lines of the cue model file.

use std::fmt::Write as _;

/// Where an attribution came from, as its confidence is computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OriginClass {
    /// A hand-written rule read a cue the cue model kept.
    Rule,
    /// The general reading around a word the cue model judged a cue.
    Learned,
    /// A headline's "Name: …" or a transcript's "NAME: …".
    Headline,
    /// A quotation signed "“…” ― Name".
    Signature,
    /// A quotation without a cue, given to the previous speaker.
    Continuation,
    /// A quotation without a cue and without a speaker.
    Unattributed,
}

impl OriginClass {
    pub const ALL: [OriginClass; 6] = [
        OriginClass::Rule,
        OriginClass::Learned,
        OriginClass::Headline,
        OriginClass::Signature,
        OriginClass::Continuation,
        OriginClass::Unattributed,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            OriginClass::Rule => "rule",
            OriginClass::Learned => "learned",
            OriginClass::Headline => "headline",
            OriginClass::Signature => "signature",
            OriginClass::Continuation => "continuation",
            OriginClass::Unattributed => "unattributed",
        }
    }

    pub fn parse(s: &str) -> Option<OriginClass> {
        OriginClass::ALL.iter().copied().find(|c| c.as_str() == s)
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// Where an attribution came from: its class and, for readings the cue
/// model judged, their score above the threshold.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Origin {
    pub class: OriginClass,
    pub margin: Option<f32>,
}

/// One logistic curve: confidence = σ(slope · margin + intercept).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Curve {
    pub slope: f64,
    pub intercept: f64,
}

/// The fitted curves, one per origin class.
#[derive(Debug, Clone, PartialEq)]
pub struct Calibration {
    curves: [Curve; 6],
}

impl Default for Calibration {
    /// Uncalibrated: the cue model's margin read as log-odds, and even odds
    /// where there is no margin.
    fn default() -> Self {
        Calibration {
            curves: [Curve {
                slope: 1.0,
                intercept: 0.0,
            }; 6],
        }
    }
}

fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
}

impl Calibration {
    /// The curve of one class.
    pub fn curve(&self, class: OriginClass) -> Curve {
        self.curves[class.index()]
    }

    pub fn set(&mut self, class: OriginClass, curve: Curve) {
        self.curves[class.index()] = curve;
    }

    /// The confidence of an attribution of this origin, in [0, 1].
    pub fn confidence(&self, origin: Origin) -> f32 {
        let c = self.curve(origin.class);
        let margin = origin.margin.map_or(0.0, f64::from);
        let p = sigmoid(c.slope * margin + c.intercept);
        if p.is_finite() {
            p as f32
        } else {
            0.5
        }
    }

    /// Read a `calibration<TAB>class<TAB>slope<TAB>intercept` line's
    /// fields after the first; false when they do not parse.
    pub fn read_line(&mut self, fields: &[&str]) -> bool {
        let [class, slope, intercept] = fields else {
            return false;
        };
        match (
            OriginClass::parse(class),
            slope.parse::<f64>(),
            intercept.parse::<f64>(),
        ) {
            (Some(class), Ok(slope), Ok(intercept))
                if slope.is_finite() && intercept.is_finite() =>
            {
                self.set(class, Curve { slope, intercept });
                true
            }
            _ => false,
        }
    }

    /// The model-file lines of these curves.
    pub fn lines(&self) -> String {
        let mut out = String::new();
        for class in OriginClass::ALL {
            let c = self.curve(class);
            let _ = writeln!(
                out,
                "calibration\t{}\t{:.4}\t{:.4}",
                class.as_str(),
                c.slope,
                c.intercept
            );
        }
        out
    }

    /// Fit one curve per class to (origin, right) pairs by Newton's method
    /// on the logistic loss, with a small penalty that keeps the curve
    /// finite when a class is always right. A class without a margin, or
    /// with few examples, gets its smoothed rate of being right.
    pub fn fit(examples: &[(Origin, bool)]) -> Calibration {
        let mut out = Calibration::default();
        for class in OriginClass::ALL {
            let xs: Vec<(f64, f64)> = examples
                .iter()
                .filter(|(o, _)| o.class == class)
                .map(|(o, y)| (o.margin.map_or(0.0, f64::from), if *y { 1.0 } else { 0.0 }))
                .collect();
            let right: f64 = xs.iter().map(|x| x.1).sum();
            let rate = (right + 1.0) / (xs.len() as f64 + 2.0);
            let base = Curve {
                slope: 0.0,
                intercept: (rate / (1.0 - rate)).ln(),
            };
            let has_margin = examples
                .iter()
                .any(|(o, _)| o.class == class && o.margin.is_some());
            let curve = if has_margin && xs.len() >= 30 {
                newton(&xs, base)
            } else {
                base
            };
            out.set(class, curve);
        }
        out
    }
}

/// Logistic regression of y on x with an intercept, by Newton steps from
/// `start`, with an L2 penalty of 1 on the slope.
fn newton(xs: &[(f64, f64)], start: Curve) -> Curve {
    let (mut a, mut b) = (start.slope, start.intercept);
    let lambda = 1.0;
    for _ in 0..50 {
        // Gradient and Hessian of the penalised negative log-likelihood.
        let (mut ga, mut gb, mut haa, mut hab, mut hbb) = (lambda * a, 0.0, lambda, 0.0, 0.0);
        for &(x, y) in xs {
            let p = sigmoid(a * x + b);
            let w = (p * (1.0 - p)).max(1e-9);
            ga += (p - y) * x;
            gb += p - y;
            haa += w * x * x;
            hab += w * x;
            hbb += w;
        }
        let det = haa * hbb - hab * hab;
        if det.abs() < 1e-12 {
            break;
        }
        let da = (hbb * ga - hab * gb) / det;
        let db = (haa * gb - hab * ga) / det;
        a -= da;
        b -= db;
        if da.abs() < 1e-9 && db.abs() < 1e-9 {
            break;
        }
    }
    if a.is_finite() && b.is_finite() {
        Curve {
            slope: a,
            intercept: b,
        }
    } else {
        start
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(margin: f32) -> Origin {
        Origin {
            class: OriginClass::Rule,
            margin: Some(margin),
        }
    }

    #[test]
    fn a_fitted_curve_follows_how_often_readings_are_right() {
        // Right 9 times in 10 at margin 2, 1 in 10 at margin -2.
        let mut examples = Vec::new();
        for i in 0..100 {
            examples.push((at(2.0), i % 10 != 0));
            examples.push((at(-2.0), i % 10 == 0));
        }
        let cal = Calibration::fit(&examples);
        let high = cal.confidence(at(2.0));
        let low = cal.confidence(at(-2.0));
        assert!((high - 0.9).abs() < 0.03, "{high}");
        assert!((low - 0.1).abs() < 0.03, "{low}");
    }

    #[test]
    fn a_class_without_margins_gets_its_smoothed_rate() {
        let examples: Vec<(Origin, bool)> = (0..8)
            .map(|i| {
                (
                    Origin {
                        class: OriginClass::Continuation,
                        margin: None,
                    },
                    i < 6,
                )
            })
            .collect();
        let cal = Calibration::fit(&examples);
        let c = cal.confidence(Origin {
            class: OriginClass::Continuation,
            margin: None,
        });
        assert!((c - 0.7).abs() < 1e-6, "{c}");
    }

    #[test]
    fn calibration_lines_read_back() {
        let mut cal = Calibration::default();
        cal.set(
            OriginClass::Learned,
            Curve {
                slope: 0.75,
                intercept: -0.25,
            },
        );
        let mut back = Calibration::default();
        for line in cal.lines().lines() {
            let fields: Vec<&str> = line.split('\t').collect();
            assert_eq!(fields[0], "calibration");
            assert!(back.read_line(&fields[1..]), "{line}");
        }
        assert_eq!(back.curve(OriginClass::Learned).slope, 0.75);
        assert!(!back.read_line(&["nosuchclass", "1", "0"]));
        assert!(!back.read_line(&["rule", "x", "0"]));
    }
}
