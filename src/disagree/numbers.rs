//! Numbers as news writes them: numerals (`12`, `1,200`, `2.5 million`,
//! `3-1/2`), cardinal words (`three`, `twenty-five`, `two hundred`),
//! `a dozen`, `half`, and vague amounts (`dozens`, `hundreds`, `tens of
//! thousands`, `several`), each read into a range of values.

use super::tokens::{Token, TokenKind};

/// A number found at some token position.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Number {
    /// Index of its first token.
    pub first: usize,
    /// Index one past its last token.
    pub end: usize,
    /// Smallest value it can stand for.
    pub low: f64,
    /// Largest value it can stand for (exclusive for vague amounts).
    pub high: f64,
    /// A vague amount (`hundreds`, `several`): a range, not a figure.
    pub vague: bool,
    /// Only an article (`an hour`): one, if a unit follows.
    pub article: bool,
    /// The unit of its last written digit, in stated units: 1 for `12`
    /// and `twelve`, 0.1 for `2.5`, 1,000,000 for `12 million` and 100,000
    /// for `2.5 million`. A coarser figure is a rounding of a finer one
    /// within half its step ("20 days" of "19 days, 21 hours").
    pub step: f64,
    /// Size of the unit it counts in, in the unit's base (3600 for hours);
    /// `low` and `high` are in stated units.
    pub unit: f64,
}

impl Number {
    /// The exact figure `value`, written in tokens `first..end`.
    fn exact(first: usize, end: usize, value: f64) -> Number {
        Number {
            first,
            end,
            low: value,
            high: value,
            vague: false,
            article: false,
            step: 1.0,
            unit: 1.0,
        }
    }

    /// The same number counted in a unit of `factor` base units.
    pub fn scaled(self, factor: f64) -> Number {
        Number {
            unit: self.unit * factor,
            ..self
        }
    }

    /// The stated figure (the low end of a vague amount).
    pub fn figure(&self) -> f64 {
        if self.vague {
            self.low
        } else {
            (self.low + self.high) / 2.0
        }
    }

    /// The order of magnitude of the figure's leading digit: 1 for 3, 100
    /// for 300 or 120, 1,000,000 for 2.5 million. "Over 2" suggests less
    /// than 3; "over 100", less than 200.
    pub fn leading_magnitude(&self) -> f64 {
        let f = self.figure().abs();
        if f < 1.0 {
            return 1.0;
        }
        10f64.powi(f.log10().floor() as i32)
    }
}

#[rustfmt::skip]
const ONES: &[(&str, f64)] = &[
    ("zero", 0.0), ("one", 1.0), ("two", 2.0), ("three", 3.0), ("four", 4.0), ("five", 5.0),
    ("six", 6.0), ("seven", 7.0), ("eight", 8.0), ("nine", 9.0), ("ten", 10.0),
    ("eleven", 11.0), ("twelve", 12.0), ("thirteen", 13.0), ("fourteen", 14.0),
    ("fifteen", 15.0), ("sixteen", 16.0), ("seventeen", 17.0), ("eighteen", 18.0),
    ("nineteen", 19.0), ("twenty", 20.0), ("thirty", 30.0), ("forty", 40.0), ("fifty", 50.0),
    ("sixty", 60.0), ("seventy", 70.0), ("eighty", 80.0), ("ninety", 90.0),
];

/// Multipliers written as words, and their short forms after a numeral.
pub(crate) fn scale(word: &str) -> Option<f64> {
    Some(match word {
        "hundred" => 1e2,
        "thousand" => 1e3,
        "million" | "mln" => 1e6,
        "billion" | "bln" | "bn" => 1e9,
        "trillion" => 1e12,
        _ => return None,
    })
}

fn ones(word: &str) -> Option<f64> {
    ONES.iter().find(|(w, _)| *w == word).map(|&(_, v)| v)
}

/// Vague amounts: `[low, high)`, as wide as a reader accepts the word for
/// ("thousands dead" for 17,000 is normal English; for 200,000 it is not).
fn vague(word: &str) -> Option<(f64, f64)> {
    Some(match word {
        "dozens" => (24.0, 200.0),
        "scores" => (40.0, 200.0),
        "hundreds" => (200.0, 2e3),
        "thousands" => (2e3, 1e5),
        "millions" => (2e6, 1e9),
        "billions" => (2e9, 1e12),
        "several" => (3.0, 10.0),
        _ => return None,
    })
}

/// Parses a numeral such as `1,200`, `2.5` or `1/2`. Thousands groups must
/// be well formed; fractions must be proper with a small denominator.
fn numeral(text: &str) -> Option<(f64, bool)> {
    // "000" (from "150, 000") and codes such as "007" are not amounts.
    if text.len() > 1 && text.starts_with('0') && !text[1..].starts_with('.') {
        return None;
    }
    if let Some((a, b)) = text.split_once('/') {
        let (a, b): (f64, f64) = (a.parse().ok()?, b.parse().ok()?);
        return ((2.0..=16.0).contains(&b) && a < b && !text.contains(['.', ',']))
            .then_some((a / b, false));
    }
    if text.contains(',') {
        let mut groups = text.split(',');
        let head = groups.next()?;
        if head.is_empty() || head.len() > 3 {
            return None;
        }
        let mut digits = head.to_string();
        for g in groups {
            let (int, _) = g.split_once('.').unwrap_or((g, ""));
            if int.len() != 3 {
                return None;
            }
            digits.push_str(g);
        }
        return digits.parse().ok().map(|v| (v, digits.contains('.')));
    }
    if text.matches('.').count() > 1 {
        return None;
    }
    text.parse().ok().map(|v| (v, text.contains('.')))
}

/// The unit of the last written digit: 1 for `12`, 0.01 for `2.25`.
fn last_digit(text: &str) -> f64 {
    match text.split_once('.') {
        Some((_, frac)) => 10f64.powi(-(frac.len() as i32)),
        None => 1.0,
    }
}

fn word_at<'t>(tokens: &'t [Token], i: usize) -> Option<&'t str> {
    tokens
        .get(i)
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| t.lower.as_ref())
}

/// Reads the number starting at token `i`, if there is one.
pub(crate) fn number_at(tokens: &[Token], i: usize) -> Option<Number> {
    let t = tokens.get(i)?;
    let exact = |end: usize, value: f64| Number::exact(i, end, value);
    match t.kind {
        TokenKind::Number => {
            let (mut value, _) = numeral(t.text)?;
            if t.text.contains('/') && value < 1.0 {
                // A bare fraction.
                return Some(exact(i + 1, value));
            }
            let mut end = i + 1;
            let mut step = last_digit(t.text);
            // 3-1/2
            if let (Some(d), Some(f)) = (tokens.get(end), tokens.get(end + 1)) {
                if d.is_dash()
                    && !d.space_before
                    && !f.space_before
                    && f.kind == TokenKind::Number
                    && f.text.contains('/')
                {
                    if let Some((frac, _)) = numeral(f.text) {
                        value += frac;
                        step = frac;
                        end += 2;
                    }
                }
            }
            // 2.5 million
            if let Some(s) = word_at(tokens, end).and_then(scale) {
                value *= s;
                step *= s;
                end += 1;
            }
            Some(Number {
                step,
                ..exact(end, value)
            })
        }
        TokenKind::Word => {
            let w = t.lower.as_ref();
            // tens of thousands, hundreds of thousands
            if matches!(w, "tens" | "hundreds")
                && word_at(tokens, i + 1) == Some("of")
                && matches!(
                    word_at(tokens, i + 2),
                    Some("thousands" | "millions" | "billions")
                )
            {
                let unit = match word_at(tokens, i + 2) {
                    Some("thousands") => 1e3,
                    Some("millions") => 1e6,
                    _ => 1e9,
                };
                let base = if w == "tens" { 10.0 } else { 100.0 };
                return Some(Number {
                    low: 2.0 * base * unit,
                    high: 100.0 * base * unit,
                    vague: true,
                    ..exact(i + 3, 0.0)
                });
            }
            if let Some((low, high)) = vague(w) {
                return Some(Number {
                    low,
                    high,
                    vague: true,
                    ..exact(i + 1, 0.0)
                });
            }
            if matches!(w, "a" | "an") {
                return match word_at(tokens, i + 1) {
                    Some("dozen") => Some(exact(i + 2, 12.0)),
                    Some("few") => Some(Number {
                        low: 2.0,
                        high: 6.0,
                        vague: true,
                        ..exact(i + 2, 0.0)
                    }),
                    Some("couple") if word_at(tokens, i + 2) == Some("of") => Some(Number {
                        low: 2.0,
                        high: 3.0,
                        vague: true,
                        ..exact(i + 3, 0.0)
                    }),
                    Some(s) if scale(s).is_some() && s != "mln" && s != "bn" && s != "bln" => {
                        words_from(tokens, i + 1, 1.0).map(|n| Number { first: i, ..n })
                    }
                    _ => Some(Number {
                        article: true,
                        ..exact(i + 1, 1.0)
                    }),
                };
            }
            if w == "half" {
                // half an hour, half a million
                return match word_at(tokens, i + 1) {
                    Some("a" | "an") => match word_at(tokens, i + 2).and_then(scale) {
                        Some(s) => Some(exact(i + 3, 0.5 * s)),
                        None => Some(exact(i + 2, 0.5)),
                    },
                    _ => None,
                };
            }
            if w == "dozen" {
                return Some(exact(i + 1, 12.0));
            }
            words_from(tokens, i, 0.0)
        }
        TokenKind::Punct => None,
    }
}

/// Cardinal words from token `i`: `three`, `twenty-five`, `two hundred and
/// fifty`, `1.5` is not here. `current` starts a pending value (`a
/// hundred` passes 1).
fn words_from(tokens: &[Token], i: usize, mut current: f64) -> Option<Number> {
    let mut total = 0.0;
    let mut j = i;
    let mut any = false;
    // "two million" is stated to the million; "two million and fifty", to one.
    let mut step = 1.0;
    while let Some(w) = word_at(tokens, j) {
        if let Some(v) = ones(w) {
            step = 1.0;
            if any && current % 100.0 != 0.0 && !(current >= 20.0 && v < 10.0) {
                break; // "two three" is two numbers
            }
            current += v;
            j += 1;
            any = true;
            // twenty-five
            if v >= 20.0 {
                if let (Some(d), Some(n)) = (tokens.get(j), tokens.get(j + 1)) {
                    if d.is_dash() && !d.space_before && !n.space_before {
                        if let Some(u) = word_at(tokens, j + 1).and_then(ones).filter(|&u| u < 10.0)
                        {
                            current += u;
                            j += 2;
                        }
                    }
                }
            }
        } else if let Some(s) = scale(w).filter(|_| any || current > 0.0) {
            step = s;
            if s == 100.0 {
                current = current.max(1.0) * 100.0;
            } else {
                total += current.max(1.0) * s;
                current = 0.0;
            }
            j += 1;
            any = true;
        } else if w == "and"
            && any
            && ones(word_at(tokens, j + 1).unwrap_or("")).is_some()
            && current >= 100.0
        {
            j += 1;
        } else {
            break;
        }
    }
    if !any {
        return None;
    }
    let value = total + current;
    Some(Number {
        step,
        ..Number::exact(i, j, value)
    })
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn read(s: &str) -> Option<(f64, f64, usize)> {
        let t = tokenize(s);
        number_at(&t, 0).map(|n| (n.low, n.high, n.end))
    }

    #[test]
    fn numerals() {
        assert_eq!(read("12 minutes"), Some((12.0, 12.0, 1)));
        assert_eq!(read("1,200 people"), Some((1200.0, 1200.0, 1)));
        assert_eq!(read("3-1/2-year-old"), Some((3.5, 3.5, 3)));
        assert_eq!(read("1,20 x"), None);
        assert_eq!(read("000 people"), None, "a stray thousands group");
    }

    #[test]
    fn precision_is_the_last_written_digit() {
        let step = |s: &str| number_at(&tokenize(s), 0).unwrap().step;
        assert_eq!(step("12 minutes"), 1.0);
        assert_eq!(step("twelve minutes"), 1.0);
        assert!((step("2.5 million") - 1e5).abs() < 1e-6);
        assert_eq!(step("12 million"), 1e6);
        assert_eq!(step("two million"), 1e6);
        assert_eq!(read("2.5 million"), Some((2.5e6, 2.5e6, 2)));
    }

    #[test]
    fn words() {
        assert_eq!(read("three hours"), Some((3.0, 3.0, 1)));
        assert_eq!(read("twelve minutes"), Some((12.0, 12.0, 1)));
        assert_eq!(read("twenty-five people"), Some((25.0, 25.0, 3)));
        assert_eq!(
            read("two hundred and fifty people"),
            Some((250.0, 250.0, 4))
        );
        assert_eq!(read("a million people"), Some((1e6, 1e6, 2)));
        assert_eq!(read("a dozen people"), Some((12.0, 12.0, 2)));
        assert_eq!(read("half an hour"), Some((0.5, 0.5, 2)));
        assert_eq!(read("hundreds of children"), Some((200.0, 2000.0, 1)));
        assert_eq!(read("tens of thousands of lives"), Some((2e4, 1e6, 3)));
        assert_eq!(read("people"), None);
    }
}
