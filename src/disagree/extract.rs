//! Value mentions in one sentence: quantities with their unit (durations,
//! money, percentages, measures, counts of a noun), dates and times of
//! day, each read into a comparable value, with the words around it that
//! say what it measures (its *context*, used to align values across
//! sources).
//!
//! Only values with a dimension are taken: a bare number ("one is
//! probably the most significant") says nothing comparable. A count needs
//! its counted noun (`42 members`, `hundreds of children`); a four-digit
//! number from 1000 to 2100 without a unit or counted noun is a year.

use super::numbers::{number_at, Number};
use super::tokens::{Token, TokenKind};
use super::{Kind, Qualifier};

/// A comparable reading of a value.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Reading {
    /// A quantity in the unit's base (seconds, metres, the currency, one
    /// item): `low..=high`, or `low..high` when `open` (an upper bound
    /// implied rather than stated, as in "over two hours": under three).
    /// `step` is the unit of the last written digit of an exact figure (0
    /// for ranges): a coarser figure may round a finer one.
    Amount {
        low: f64,
        high: f64,
        open: bool,
        step: f64,
    },
    /// A calendar date, any part of which may be unknown; `day` may be a
    /// range (`Sept. 15-18`).
    Date {
        year: Option<i32>,
        month: Option<u8>,
        day: Option<(u8, u8)>,
        weekday: Option<u8>,
    },
    /// A time of day in minutes after midnight, with its zone if given.
    Time { minutes: u32, zone: Option<String> },
}

/// One value stated in a sentence.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Mention {
    /// What kind of value.
    pub kind: Kind,
    /// What must be equal for two values to be comparable: the unit's
    /// dimension (`duration`, `length`), the currency, or the counted
    /// noun's stem.
    pub unit: String,
    /// The value.
    pub reading: Reading,
    /// How the source qualified it.
    pub qualifier: Qualifier,
    /// The stated figure in base units (hedged or bounded figures too:
    /// 100 for "more than 100"); none for vague amounts, dates and times.
    pub figure: Option<f64>,
    /// A word the value implies about what it counts ("10,000 dead":
    /// deaths), added to its context for alignment.
    pub implied: Option<&'static str>,
    /// The value in canonical form (`nearly 3 h`, `12 min`, `1999-01-01`).
    pub normalized: String,
    /// Byte range of the value as written, qualifier and unit included.
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
    /// Token range, for context windows.
    pub first_token: usize,
    /// One past its last token.
    pub end_token: usize,
}

/// Words before an amount that make it a part or an increment of a
/// quantity, not the quantity: "the first two stages" (of three),
/// "another five days" (after eight), "the last three years".
const PART_WORDS: &[&str] = &[
    "additional",
    "another",
    "extra",
    "final",
    "first",
    "further",
    "last",
    "next",
    "remaining",
];

/// Words after a duration that make it the distance in time between two
/// events, not the length of one: "five months ago", "three days after
/// the visit ended", "two days later".
const OFFSET_WORDS: &[&str] = &["after", "ago", "before", "earlier", "later"];

/// Amounts that are not the value of the fact they stand in: a part or an
/// increment ([`PART_WORDS`]), or a duration that dates something
/// ([`OFFSET_WORDS`]: "five months ago", "three days after": when, not how
/// long). In the dev set such amounts were compared with the whole
/// ("three-stage" and "first two stages"; "held for eight days", "held
/// for another five days"; "six months" in jail, "sentenced five months
/// ago") or with gaps before other events ("three days after" a visit
/// ended, "two days after" a statement) and made false conflicts.
fn part_or_moment(tokens: &[Token], m: &Mention) -> bool {
    let before = m
        .first_token
        .checked_sub(1)
        .map(|k| tokens[k].lower.as_ref());
    if matches!(m.reading, Reading::Amount { .. })
        && before.is_some_and(|w| PART_WORDS.contains(&w))
    {
        return true;
    }
    m.kind == Kind::Duration
        && tokens
            .get(m.end_token)
            .is_some_and(|t| OFFSET_WORDS.contains(&t.lower.as_ref()))
}

/// The period of a rate stated with an amount ("$10,000 a month", "280,000
/// deaths each year", "5 percent annually", "a monthly stipend of
/// $10,000"): the period's unit in the singular and the token after the
/// rate. An amount per period and an amount
/// are different quantities (a monthly stipend of "$10,000 a month"
/// against "$12,000 in alimony" in the dev set); two rates compare only
/// when their periods are the same word (a period's length is not
/// converted: "a week" and "7 days" are rarely both rates of one fact).
fn rate_period(tokens: &[Token], m: &Mention) -> Option<(&'static str, usize)> {
    if !matches!(m.reading, Reading::Amount { .. }) {
        return None;
    }
    let word = |k: usize| tokens.get(k).map(|t| t.lower.as_ref());
    let period = |w: &str| {
        Some(match w {
            "hour" => "hour",
            "day" => "day",
            "week" => "week",
            "month" => "month",
            "year" => "year",
            _ => return None,
        })
    };
    let adverb = |w: &str| {
        Some(match w {
            "hourly" => "hour",
            "daily" => "day",
            "weekly" => "week",
            "monthly" => "month",
            "annually" | "yearly" | "annual" => "year",
            _ => return None,
        })
    };
    let j = m.end_token;
    let after = match word(j) {
        Some("a" | "an" | "per" | "each" | "every") => {
            word(j + 1).and_then(period).map(|p| (p, j + 2))
        }
        Some(w) => adverb(w).map(|p| (p, j + 1)),
        None => None,
    };
    // "a monthly stipend of $10,000", "an annual budget of $5 billion".
    let before = || {
        let k = m.first_token.checked_sub(1)?;
        if word(k)? != "of" {
            return None;
        }
        (k.saturating_sub(2)..k)
            .find_map(|b| word(b).and_then(adverb))
            .map(|p| (p, j))
    };
    after.or_else(before)
}

/// An amount that is the whole of a proportion: "four out of 45
/// participating states", "45 of the 50 states". The fact is the part
/// (or the share); the whole it is taken of is the size of whatever was
/// studied or counted, which other sources describe differently ("45
/// participating states" against "the 50 states" in the dev set).
fn denominator(tokens: &[Token], m: &Mention) -> bool {
    let before = |back: usize| m.first_token.checked_sub(back).and_then(|k| tokens.get(k));
    let is = |t: Option<&Token>, w: &str| t.is_some_and(|t| t.lower.as_ref() == w);
    let number = |t: Option<&Token>| {
        t.is_some_and(|t| t.kind == TokenKind::Number || may_start_value_word(&t.lower))
    };
    if is(before(2), "out") && is(before(1), "of") {
        return true;
    }
    if is(before(1), "of") && number(before(2)) {
        return true;
    }
    is(before(2), "of") && is(before(1), "the") && number(before(3))
}

struct UnitInfo {
    kind: Kind,
    dimension: &'static str,
    /// Size in the dimension's base unit.
    factor: f64,
    /// Canonical symbol for the normalized form.
    symbol: &'static str,
}

fn unit(word: &str) -> Option<UnitInfo> {
    let u = |kind, dimension, factor, symbol| {
        Some(UnitInfo {
            kind,
            dimension,
            factor,
            symbol,
        })
    };
    const DAY: f64 = 86_400.0;
    const YEAR: f64 = 365.25 * DAY;
    use Kind::*;
    match word {
        "second" | "seconds" | "sec" | "secs" => u(Duration, "duration", 1.0, "s"),
        "minute" | "minutes" | "min" | "mins" => u(Duration, "duration", 60.0, "min"),
        "hour" | "hours" | "hr" | "hrs" => u(Duration, "duration", 3600.0, "h"),
        "day" | "days" => u(Duration, "duration", DAY, "d"),
        "week" | "weeks" => u(Duration, "duration", 7.0 * DAY, "wk"),
        "fortnight" => u(Duration, "duration", 14.0 * DAY, "wk"),
        "month" | "months" => u(Duration, "duration", YEAR / 12.0, "mo"),
        "year" | "years" | "yr" | "yrs" => u(Duration, "duration", YEAR, "y"),
        "decade" | "decades" => u(Duration, "duration", 10.0 * YEAR, "y"),
        "century" | "centuries" => u(Duration, "duration", 100.0 * YEAR, "y"),
        "percent" | "pct" => u(Percent, "percent", 1.0, "%"),
        "km" | "kilometer" | "kilometers" | "kilometre" | "kilometres" => {
            u(Measure, "length", 1000.0, "m")
        }
        "mile" | "miles" => u(Measure, "length", 1609.344, "m"),
        "meter" | "meters" | "metre" | "metres" => u(Measure, "length", 1.0, "m"),
        "cm" | "centimeter" | "centimeters" | "centimetre" | "centimetres" => {
            u(Measure, "length", 0.01, "m")
        }
        "foot" | "feet" | "ft" => u(Measure, "length", 0.3048, "m"),
        "yard" | "yards" => u(Measure, "length", 0.9144, "m"),
        "inch" | "inches" => u(Measure, "length", 0.0254, "m"),
        "kg" | "kilogram" | "kilograms" | "kilo" | "kilos" => u(Measure, "mass", 1.0, "kg"),
        "gram" | "grams" => u(Measure, "mass", 0.001, "kg"),
        "ton" | "tons" | "tonne" | "tonnes" => u(Measure, "mass", 1000.0, "kg"),
        "acre" | "acres" => u(Measure, "area", 4046.86, "m2"),
        "hectare" | "hectares" => u(Measure, "area", 10_000.0, "m2"),
        "barrel" | "barrels" => u(Measure, "barrels", 1.0, "bbl"),
        "liter" | "liters" | "litre" | "litres" => u(Measure, "volume", 1.0, "l"),
        "gallon" | "gallons" => u(Measure, "volume", 3.785, "l"),
        "mph" => u(Measure, "speed", 1.609_344, "km/h"),
        "degree" | "degrees" => u(Measure, "degrees", 1.0, "deg"),
        _ => None,
    }
}

/// Currency words after a number.
fn currency_word(word: &str) -> Option<&'static str> {
    Some(match word {
        "dollar" | "dollars" => "USD",
        "euro" | "euros" => "EUR",
        "yuan" | "renminbi" => "CNY",
        "yen" => "JPY",
        "rupee" | "rupees" => "INR",
        "rouble" | "roubles" | "ruble" | "rubles" => "RUB",
        "mark" | "marks" | "deutschmarks" => "DEM",
        "franc" | "francs" => "FRF",
        "peso" | "pesos" => "peso",
        "won" => "KRW",
        "baht" => "THB",
        "kyat" | "kyats" => "MMK",
        "ringgit" => "MYR",
        "lira" | "lire" => "ITL",
        _ => return None,
    })
}

/// Currency symbols before a number, with the letters that may be glued
/// in front of `$` (`US$`, `HK$`).
fn currency_symbol(tokens: &[Token], i: usize) -> Option<(&'static str, usize)> {
    let t = tokens.get(i)?;
    let code = match t.text {
        "$" => "USD",
        "€" => "EUR",
        "£" => "GBP",
        "¥" => "JPY",
        _ => return None,
    };
    if code == "USD" && i > 0 && !t.space_before {
        let prefix = &tokens[i - 1];
        if prefix.kind == TokenKind::Word {
            let code = match prefix.text {
                "US" | "U.S" => "USD",
                "A" | "AU" => "AUD",
                "C" | "CA" => "CAD",
                "HK" => "HKD",
                "NZ" => "NZD",
                "S" => "SGD",
                _ => "USD",
            };
            return Some((code, i - 1));
        }
    }
    Some((code, i))
}

#[rustfmt::skip]
const MONTHS: &[(&str, u8)] = &[
    ("january", 1), ("jan", 1), ("february", 2), ("feb", 2), ("march", 3), ("mar", 3),
    ("april", 4), ("apr", 4), ("may", 5), ("june", 6), ("jun", 6), ("july", 7), ("jul", 7),
    ("august", 8), ("aug", 8), ("september", 9), ("sept", 9), ("sep", 9), ("october", 10),
    ("oct", 10), ("november", 11), ("nov", 11), ("december", 12), ("dec", 12),
];

#[rustfmt::skip]
const WEEKDAYS: &[&str] = &[
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
];

#[rustfmt::skip]
const MONTH_NAMES: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// True for a month's or weekday's name or abbreviation, lower-cased.
pub(crate) fn is_month_or_weekday(lower: &str) -> bool {
    MONTHS.iter().any(|(m, _)| *m == lower) || WEEKDAYS.contains(&lower)
}

fn month(t: &Token) -> Option<u8> {
    if !t.is_capitalized() {
        return None;
    }
    MONTHS.iter().find(|(m, _)| *m == t.lower).map(|&(_, n)| n)
}

/// Words before a number that qualify it, longest first.
const QUALIFIERS: &[(&[&str], Qualifier)] = &[
    (&["just", "shy", "of"], Qualifier::Nearly),
    (&["just", "under"], Qualifier::Nearly),
    (&["close", "to"], Qualifier::Nearly),
    (&["nearly"], Qualifier::Nearly),
    (&["almost"], Qualifier::Nearly),
    (&["approaching"], Qualifier::Nearly),
    (&["an", "estimated"], Qualifier::About),
    (&["about"], Qualifier::About),
    (&["around"], Qualifier::About),
    (&["approximately"], Qualifier::About),
    (&["roughly"], Qualifier::About),
    (&["some"], Qualifier::About),
    (&["circa"], Qualifier::About),
    (&["estimated"], Qualifier::About),
    (&["more", "than"], Qualifier::Over),
    (&["greater", "than"], Qualifier::Over),
    (&["in", "excess", "of"], Qualifier::Over),
    (&["upwards", "of"], Qualifier::Over),
    (&["just", "over"], Qualifier::Over),
    (&["well", "over"], Qualifier::Over),
    (&["over"], Qualifier::Over),
    (&["above"], Qualifier::Over),
    (&["exceeding"], Qualifier::Over),
    (&["exceeded"], Qualifier::Over),
    (&["surpassed"], Qualifier::Over),
    (&["surpassing"], Qualifier::Over),
    (&["topped"], Qualifier::Over),
    (&["at", "least"], Qualifier::AtLeast),
    (&["no", "fewer", "than"], Qualifier::AtLeast),
    (&["no", "less", "than"], Qualifier::AtLeast),
    (&["less", "than"], Qualifier::Under),
    (&["fewer", "than"], Qualifier::Under),
    (&["under"], Qualifier::Under),
    (&["below"], Qualifier::Under),
    (&["up", "to"], Qualifier::AtMost),
    (&["at", "most"], Qualifier::AtMost),
    (&["no", "more", "than"], Qualifier::AtMost),
    (&["as", "many", "as"], Qualifier::AtMost),
    // Emphasis, not a bound: "just 12 minutes" is 12 minutes.
    (&["only"], Qualifier::Exact),
    (&["just"], Qualifier::Exact),
    (&["barely"], Qualifier::Exact),
    (&["merely"], Qualifier::Exact),
    (&["a", "mere"], Qualifier::Exact),
    (&["exactly"], Qualifier::Exact),
    (&["precisely"], Qualifier::Exact),
];

/// The qualifier ending right before token `i`: (qualifier, first token).
fn qualifier_before(tokens: &[Token], i: usize) -> (Qualifier, usize) {
    for (words, q) in QUALIFIERS {
        let n = words.len();
        if i >= n
            && tokens[i - n..i]
                .iter()
                .zip(words.iter())
                .all(|(t, w)| t.kind == TokenKind::Word && t.lower == *w)
        {
            // "hand over two suspects": a verb's particle, not a bound.
            let particle = n == 1
                && matches!(words[0], "over" | "under" | "up")
                && i >= 2
                && PHRASAL_VERBS.contains(&tokens[i - 2].lower.as_ref());
            if particle {
                break;
            }
            return (*q, i - n);
        }
    }
    (Qualifier::Exact, i)
}

/// Verbs whose particle "over", "under" or "up" is not a bound on the
/// number that follows.
#[rustfmt::skip]
const PHRASAL_VERBS: &[&str] = &[
    "hand", "hands", "handed", "handing", "turn", "turns", "turned", "turning", "give", "gave",
    "given", "giving", "sign", "signed", "pass", "passed", "take", "took", "taken", "taking",
    "win", "won", "round", "rounded", "pick", "picked", "set", "open", "opened",
];

/// Irregular plurals that count things.
#[rustfmt::skip]
const PLURALS: &[&str] = &[
    "people", "children", "men", "women", "police", "personnel", "staff", "cattle", "livestock",
    "militia", "clergy", "youth", "crew",
];

/// Words ending in -s that are not plural nouns.
#[rustfmt::skip]
const NOT_PLURAL: &[&str] = &[
    "was", "has", "is", "this", "its", "his", "hers", "ours", "yours", "theirs", "us", "as",
    "news", "series", "species", "always", "perhaps", "whereas", "thus", "plus", "less",
    "unless", "across", "towards", "afterwards", "besides", "various", "previous", "serious",
    "famous", "numerous", "nervous", "anxious", "obvious", "tremendous", "enormous",
    "dangerous", "religious", "politics", "economics", "headquarters", "means", "whereabouts",
    "alias", "bus", "gas", "yes", "status", "versus", "bonus", "census", "campus", "virus",
    "chaos", "basis", "crisis", "analysis", "thesis", "emphasis", "diagnosis", "process",
    "access", "success", "congress", "progress", "address", "business", "witness", "illness",
    "stress", "class", "glass", "mass", "pass", "loss", "boss", "kiss",
];

fn is_plural(word: &str) -> bool {
    PLURALS.contains(&word)
        || word.len() > 3
            && word.ends_with('s')
            && !word.ends_with("ss")
            && !word.ends_with("us")
            && !word.ends_with("is")
            && !NOT_PLURAL.contains(&word)
}

/// Formats a figure without noise: `3`, `2.5`, `1200000`.
pub(crate) fn format_figure(x: f64) -> String {
    // Beyond 2^53 a float holds no more whole numbers exactly, and past
    // i64 the conversion saturates: two different figures of 26 digits
    // were both "9223372036854775807" (found by the pipeline fuzz target:
    // a "conflict" between two equal-looking values). The shortest form
    // that reads back as the same float tells them apart.
    if x.abs() >= 9.0e15 {
        format!("{x:e}")
    } else if (x - x.round()).abs() < 1e-9 {
        format!("{}", x.round() as i64)
    } else {
        let s = format!("{x:.3}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// Words a value can start with (besides digits and currency signs): a
/// number word, an article ("an hour", "a dozen"), a month, a time of day;
/// sorted. Qualifiers are found looking back from the number.
#[rustfmt::skip]
const VALUE_STARTS: &[&str] = &[
    "a", "an", "apr", "april", "aug", "august", "billions", "couple", "dec", "december",
    "dozen", "dozens", "eight", "eighteen", "eighty", "eleven", "feb", "february", "fifteen",
    "fifty", "five", "forty", "four", "fourteen", "half", "hundreds", "jan", "january", "jul",
    "july", "jun", "june", "mar", "march", "may", "midday", "midnight", "millions", "nine",
    "nineteen", "ninety", "noon", "nov", "november", "oct", "october", "one", "scores", "sep",
    "sept", "september", "seven", "seventeen", "seventy", "several", "six", "sixteen", "sixty",
    "ten", "tens", "thirteen", "thirty", "thousands", "three", "twelve", "twenty", "two",
    "zero",
];

/// True when a value may start with the lowercase word `w` (ignoring the
/// articles, which start a value only before a unit).
pub(crate) fn may_start_value_word(w: &str) -> bool {
    w.len() > 2 && is_value_start(w)
}

/// Whether `w` is one of [`VALUE_STARTS`]: most words are not, and a set
/// answers in one hash and at most one comparison.
fn is_value_start(w: &str) -> bool {
    static SET: std::sync::LazyLock<rustc_hash::FxHashSet<&'static str>> =
        std::sync::LazyLock::new(|| VALUE_STARTS.iter().copied().collect());
    // No value word is longer than 9 bytes.
    w.len() <= 9 && SET.contains(w)
}

/// True when a value may start at token `t`: a number, a currency sign or
/// one of [`VALUE_STARTS`]. Most tokens are none of these.
fn may_start_value(t: &Token) -> bool {
    match t.kind {
        TokenKind::Number => true,
        TokenKind::Punct => matches!(t.text, "$" | "€" | "£" | "¥"),
        TokenKind::Word => is_value_start(&t.lower),
    }
}

/// Finds the value mentions of one sentence.
pub(crate) struct Extractor<'s> {
    stop_words: &'s rustc_hash::FxHashSet<&'static str>,
}

impl<'s> Extractor<'s> {
    pub fn new(stop_words: &'s rustc_hash::FxHashSet<&'static str>) -> Self {
        Extractor { stop_words }
    }

    /// Every value mention of `tokens`, in text order, not overlapping.
    pub fn mentions(&self, tokens: &[Token]) -> Vec<Mention> {
        let mut out: Vec<Mention> = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            if !may_start_value(&tokens[i]) {
                i += 1;
                continue;
            }
            let found = self
                .time_at(tokens, i)
                .or_else(|| self.date_at(tokens, i))
                .or_else(|| self.amount_at(tokens, i));
            match found {
                Some(mut m) => {
                    i = m.end_token.max(i + 1);
                    if let Some((period, end)) = rate_period(tokens, &m) {
                        // "$10,000 a month" is an amount per month: its
                        // unit says so, "a month" is part of the value as
                        // written (no duration, no context word).
                        m.unit = format!("{}/{period}", m.unit);
                        m.normalized = format!("{} a {period}", m.normalized);
                        m.end_token = end;
                        m.end = tokens[end - 1].end;
                        i = end;
                    }
                    if !part_or_moment(tokens, &m) && !denominator(tokens, &m) {
                        out.push(m);
                    }
                }
                None => i += 1,
            }
        }
        out
    }

    fn mention(
        tokens: &[Token],
        (first, end): (usize, usize),
        kind: Kind,
        unit: String,
        reading: Reading,
        qualifier: Qualifier,
        normalized: String,
    ) -> Mention {
        let start = tokens[first].start;
        let end_byte = tokens[end - 1].end;
        Mention {
            kind,
            unit,
            reading,
            qualifier,
            figure: None,
            implied: None,
            normalized,
            start,
            end: end_byte,
            first_token: first,
            end_token: end,
        }
    }

    /// `3 p.m.`, `10:30 a.m.`, `15:00 GMT`, `noon`, `midnight`.
    fn time_at(&self, tokens: &[Token], i: usize) -> Option<Mention> {
        let t = &tokens[i];
        let (mut minutes, mut end) = match t.kind {
            TokenKind::Word if t.lower == "noon" || t.lower == "midday" => (12 * 60, i + 1),
            TokenKind::Word if t.lower == "midnight" => (0, i + 1),
            TokenKind::Number if !t.text.contains([',', '.', '/']) => {
                let h: u32 = t.text.parse().ok()?;
                if h > 24 {
                    return None;
                }
                let mut m = 0;
                let mut end = i + 1;
                if let (Some(c), Some(mm)) = (tokens.get(i + 1), tokens.get(i + 2)) {
                    if c.is(':')
                        && !c.space_before
                        && !mm.space_before
                        && mm.kind == TokenKind::Number
                        && mm.text.len() == 2
                    {
                        m = mm.text.parse().ok()?;
                        end = i + 3;
                    }
                }
                if m >= 60 {
                    return None;
                }
                (h * 60 + m, end)
            }
            _ => return None,
        };
        let colon = end == i + 3;
        // a.m. / p.m. / am / pm
        let meridiem = |j: usize| -> Option<(bool, usize)> {
            let w = tokens.get(j)?;
            if w.kind != TokenKind::Word {
                return None;
            }
            match w.lower.as_ref() {
                "am" => Some((false, j + 1)),
                "pm" => Some((true, j + 1)),
                "a" | "p" => {
                    let dot = tokens.get(j + 1)?;
                    let m = tokens.get(j + 2)?;
                    (dot.is('.') && !dot.space_before && m.lower == "m" && !m.space_before).then(
                        || {
                            let after = if tokens
                                .get(j + 3)
                                .is_some_and(|d| d.is('.') && !d.space_before)
                            {
                                j + 4
                            } else {
                                j + 3
                            };
                            (w.lower == "p", after)
                        },
                    )
                }
                _ => None,
            }
        };
        let is_number = t.kind == TokenKind::Number;
        match meridiem(end) {
            Some((pm, after)) if is_number => {
                if minutes >= 13 * 60 {
                    return None;
                }
                minutes %= 12 * 60;
                if pm {
                    minutes += 12 * 60;
                }
                end = after;
            }
            _ if is_number && !colon => return None,
            _ => {}
        }
        let zone = tokens.get(end).filter(|z| {
            z.kind == TokenKind::Word
                && matches!(
                    z.text,
                    "GMT" | "UTC" | "EST" | "EDT" | "CST" | "CDT" | "PST" | "PDT" | "BST" | "CET"
                )
        });
        let zone = zone.map(|z| {
            end += 1;
            z.text.to_string()
        });
        let normalized = format!(
            "{:02}:{:02}{}",
            minutes / 60,
            minutes % 60,
            zone.as_deref().map(|z| format!(" {z}")).unwrap_or_default()
        );
        Some(Self::mention(
            tokens,
            (i, end),
            Kind::Time,
            "time".to_string(),
            Reading::Time { minutes, zone },
            Qualifier::Exact,
            normalized,
        ))
    }

    /// `January 1, 1999`, `Jan. 1`, `1 January 1999`, `Sept. 15-18`,
    /// `February 2022`, `in May`, `Friday`, a year (`in 1988`, `the 1990
    /// election`).
    fn date_at(&self, tokens: &[Token], i: usize) -> Option<Mention> {
        let t = &tokens[i];
        let day_number = |j: usize| -> Option<u8> {
            let d = tokens.get(j)?;
            if d.kind != TokenKind::Number || d.text.contains([',', '.', '/']) {
                return None;
            }
            let v: u8 = d.text.parse().ok()?;
            (1..=31).contains(&v).then_some(v)
        };
        let year_number = |j: usize| -> Option<i32> {
            let y = tokens.get(j)?;
            if y.kind != TokenKind::Number || y.text.len() != 4 || y.text.contains([',', '.', '/'])
            {
                return None;
            }
            // "1990s" is a decade.
            if tokens
                .get(j + 1)
                .is_some_and(|n| !n.space_before && n.kind == TokenKind::Word)
            {
                return None;
            }
            let v: i32 = y.text.parse().ok()?;
            (1000..=2100).contains(&v).then_some(v)
        };
        // The period of an abbreviation ("Jan."), not of the sentence.
        let skip_dot = |j: usize| -> usize {
            let abbreviated =
                j > 0 && tokens[j - 1].lower.len() <= 4 && tokens[j - 1].lower != "may";
            if abbreviated && tokens.get(j).is_some_and(|d| d.is('.') && !d.space_before) {
                j + 1
            } else {
                j
            }
        };
        let mut year = None;
        let mut month_v = None;
        let mut day = None;
        let weekday = None;
        let mut end;
        if let Some(m) = month(t) {
            let mut j = skip_dot(i + 1);
            month_v = Some(m);
            if let Some(d) = day_number(j) {
                // Jan. 1, Sept. 15-18, Aug 15
                let mut last = d;
                j += 1;
                if let (Some(dash), Some(d2)) = (tokens.get(j), day_number(j + 1)) {
                    if dash.is_dash() && !dash.space_before && d2 > d {
                        last = d2;
                        j += 2;
                    }
                }
                day = Some((d, last));
                end = j;
                let k = if tokens.get(j).is_some_and(|c| c.is(',')) {
                    j + 1
                } else {
                    j
                };
                if let Some(y) = year_number(k) {
                    year = Some(y);
                    end = k + 1;
                }
            } else if let Some(y) = year_number(j).or_else(|| {
                tokens
                    .get(j)
                    .is_some_and(|c| c.is(','))
                    .then(|| year_number(j + 1))
                    .flatten()
            }) {
                // February 2022, January, 1997
                year = Some(y);
                end = if tokens[j].is(',') { j + 2 } else { j + 1 };
            } else {
                // A month alone must follow a preposition: "May" is a verb too.
                let before = i.checked_sub(1).map(|p| tokens[p].lower.as_ref());
                if !matches!(
                    before,
                    Some(
                        "in" | "since"
                            | "until"
                            | "till"
                            | "by"
                            | "from"
                            | "last"
                            | "next"
                            | "early"
                            | "late"
                            | "mid"
                            | "through"
                            | "during"
                            | "before"
                            | "after"
                    )
                ) || matches!(m, 3 | 5) && t.lower.len() <= 5 && before.is_none()
                {
                    return None;
                }
                end = skip_dot(i + 1);
            }
        } else if let Some(d) = day_number(i) {
            // 1 January 1999
            let m = tokens.get(i + 1).and_then(month)?;
            if tokens[i + 1].space_before {
                // fine
            }
            month_v = Some(m);
            day = Some((d, d));
            end = skip_dot(i + 2);
            if let Some(y) = year_number(end) {
                year = Some(y);
                end += 1;
            }
        } else if let Some(y) = year_number(i) {
            // A year stands alone only when no unit or counted noun follows
            // and it is not money or a measure.
            if i > 0 && (currency_symbol(tokens, i - 1).is_some() || tokens[i - 1].is('#')) {
                return None;
            }
            if let Some(next) = tokens.get(i + 1) {
                if next.kind == TokenKind::Word
                    && (unit(&next.lower).is_some()
                        || is_plural(&next.lower)
                        || next.lower == "percent")
                {
                    return None;
                }
                if next.is('%') {
                    return None;
                }
            }
            year = Some(y);
            end = i + 1;
        } else {
            return None;
        }
        // A dateline ("JERUSALEM, April 28 (Xinhua) --") dates the story,
        // not the fact.
        if tokens.get(end).is_some_and(|p| p.is('('))
            && tokens.get(end + 1).is_some_and(Token::is_capitalized)
            && tokens.get(end + 2).is_some_and(|p| p.is(')'))
        {
            return None;
        }
        let mut normalized = String::new();
        if let Some(w) = weekday {
            let name = WEEKDAYS[w as usize];
            normalized = format!("{}{}", name[..1].to_uppercase(), &name[1..]);
        } else {
            match year {
                Some(y) => normalized.push_str(&format!("{y:04}")),
                None => normalized.push_str("--"),
            }
            if let Some(m) = month_v {
                normalized.push_str(&format!("-{m:02}"));
                if let Some((d, last)) = day {
                    normalized.push_str(&format!("-{d:02}"));
                    if last != d {
                        normalized.push_str(&format!("/{last:02}"));
                    }
                }
            }
            if year.is_none() && day.is_none() {
                normalized = MONTH_NAMES[month_v.unwrap_or(1) as usize - 1].to_string();
            }
        }
        Some(Self::mention(
            tokens,
            (i, end),
            Kind::Date,
            "date".to_string(),
            Reading::Date {
                year,
                month: month_v,
                day,
                weekday,
            },
            Qualifier::Exact,
            normalized,
        ))
    }

    /// A quantity: number (with qualifier) and unit, currency, percent
    /// sign or counted noun.
    fn amount_at(&self, tokens: &[Token], i: usize) -> Option<Mention> {
        // Currency symbol first: $5 billion, US$300.
        let (currency, number_start) = match currency_symbol(tokens, i) {
            Some((code, _))
                if tokens
                    .get(i + 1)
                    .is_some_and(|n| n.kind == TokenKind::Number && !n.space_before) =>
            {
                (Some(code), i + 1)
            }
            _ => (None, i),
        };
        // A "$" glued to "US" is found at the "US" token too; skip there.
        if currency.is_none()
            && tokens
                .get(i + 1)
                .is_some_and(|n| n.is('$') && !n.space_before)
        {
            return None;
        }
        let number = number_at(tokens, number_start)?;
        if currency.is_some() && (number.vague || number.article) {
            return None;
        }
        // Not part of a name or code: "B-2", "Air Force One", "ISO 4217".
        if number_start > 0 && currency.is_none() {
            let prev = &tokens[number_start - 1];
            if prev.is_dash()
                && !prev.space_before
                && number_start >= 2
                && tokens[number_start - 2].kind == TokenKind::Word
            {
                return None;
            }
            if prev.kind == TokenKind::Word
                && prev.text.chars().all(|c| c.is_uppercase())
                && prev.text.len() >= 2
                && tokens[number_start].kind == TokenKind::Number
            {
                return None;
            }
            if prev.is('#') || prev.lower == "no" && !prev.space_before {
                return None;
            }
        }
        // A number glued to letters after it ("1990s", "3rd", "5bn").
        let mut j = number.end;
        let (qualifier, qstart) = qualifier_before(tokens, i);
        let mut qualifier = qualifier;
        if let Some(code) = currency {
            // $5bn
            if let Some(s) = tokens
                .get(j)
                .filter(|w| !w.space_before && w.kind == TokenKind::Word)
                .and_then(|w| match w.lower.as_ref() {
                    "m" | "mn" => Some(1e6),
                    "bn" | "b" => Some(1e9),
                    "k" => Some(1e3),
                    _ => None,
                })
            {
                j += 1;
                return Some(self.finish_amount(
                    tokens,
                    (qstart, j),
                    Number {
                        low: number.low * s,
                        high: number.high * s,
                        ..number
                    },
                    qualifier,
                    (Kind::Money, code.to_string(), code),
                ));
            }
        }
        if tokens
            .get(j)
            .is_some_and(|w| !w.space_before && w.kind == TokenKind::Word)
            && tokens[j - 1].kind == TokenKind::Number
        {
            return None;
        }
        if let Some(code) = currency {
            let end = j;
            return Some(self.finish_amount(
                tokens,
                (qstart, end),
                number,
                qualifier,
                (Kind::Money, code.to_string(), code),
            ));
        }
        // Hyphenated modifier: three-hour, 12-minute, 21-member, 3-1/2-year-old
        let hyphen = tokens
            .get(j)
            .is_some_and(|d| d.is_dash() && !d.space_before)
            && tokens
                .get(j + 1)
                .is_some_and(|w| !w.space_before && w.kind == TokenKind::Word);
        if hyphen {
            j += 1;
        }
        let Some(next) = tokens.get(j) else {
            return self.people_count(tokens, (qstart, j), number, qualifier, hyphen);
        };
        // 82%, 82 percent (a unit below), 82 per cent
        let per_cent = next.lower == "per" && tokens.get(j + 1).is_some_and(|c| c.lower == "cent");
        if next.is('%') && !hyphen || per_cent {
            let end = self.postfix(tokens, j + 1 + usize::from(per_cent), &mut qualifier);
            return Some(self.finish_amount(
                tokens,
                (qstart, end),
                number,
                qualifier,
                (Kind::Percent, "percent".into(), "%"),
            ));
        }
        if next.kind != TokenKind::Word {
            return self.people_count(tokens, (qstart, j), number, qualifier, hyphen);
        }
        let w = next.lower.as_ref();
        if w == "percentage"
            && tokens
                .get(j + 1)
                .is_some_and(|c| c.lower == "points" || c.lower == "point")
        {
            return Some(self.finish_amount(
                tokens,
                (qstart, j + 2),
                number,
                qualifier,
                (Kind::Percent, "percentage points".into(), "pp"),
            ));
        }
        if let Some(code) = currency_word(w) {
            if number.article || number.vague {
                return None;
            }
            return Some(self.finish_amount(
                tokens,
                (qstart, j + 1),
                number,
                qualifier,
                (Kind::Money, code.into(), code),
            ));
        }
        if let Some(u) = unit(w) {
            // "an hour" only after a qualifier or a preposition of time.
            if number.article {
                let before = i.checked_sub(1).map(|p| tokens[p].lower.as_ref());
                if qualifier == Qualifier::Exact
                    && qstart == i
                    && !matches!(
                        before,
                        Some("for" | "after" | "within" | "lasted" | "lasting" | "took" | "half")
                    )
                {
                    return None;
                }
            }
            // "years old", "-year-old": an age, which is compared only
            // with ages ("a 33-year-old aide" is no six-year affair).
            let mut end = j + 1;
            let mut dimension = u.dimension;
            if u.kind == Kind::Duration {
                if tokens
                    .get(end)
                    .is_some_and(|d| d.is_dash() && !d.space_before)
                    && tokens.get(end + 1).is_some_and(|o| o.lower == "old")
                {
                    end += 2;
                    dimension = "age";
                } else if tokens.get(end).is_some_and(|o| o.lower == "old") {
                    end += 1;
                    dimension = "age";
                }
            }
            // "a day" in "twice a day", "per hour" rates are not durations.
            if number.article
                && i > 0
                && matches!(
                    tokens[i - 1].lower.as_ref(),
                    "twice" | "once" | "times" | "per"
                )
            {
                return None;
            }
            // "19 days, 21 hours and 47 minutes", "an hour and a half"
            let (number, end, parts) = if dimension == "duration" {
                compound_duration(tokens, number.scaled(u.factor), end, u.factor, u.symbol)
            } else {
                (number.scaled(u.factor), end, Vec::new())
            };
            let end = self.postfix(tokens, end, &mut qualifier);
            let mut m = self.finish_amount(
                tokens,
                (qstart, end),
                number,
                qualifier,
                (u.kind, dimension.to_string(), u.symbol),
            );
            if parts.len() > 1 {
                m.normalized = format!("{}{}", qualifier.prefix(), parts.join(" "));
            }
            return Some(m);
        }
        if number.article {
            return None;
        }
        // "10,000 dead", "33,559 injured", "200,000 homeless"
        if let Some(implied) = nominal_adjective(w) {
            let mut m = self.finish_amount(
                tokens,
                (qstart, j + 1),
                number,
                qualifier,
                (Kind::Count, "person".into(), w),
            );
            m.implied = Some(implied);
            return Some(m);
        }
        // A counted noun: up to four modifiers, then a plural noun; a
        // singular one after a hyphen ("21-member council") or after "one"
        // when the noun phrase ends there ("one person was killed").
        let mut k = j;
        if w == "of" && (number.vague || number.figure() >= 100.0) {
            k += 1;
        }
        let content = |t: &Token| {
            t.kind == TokenKind::Word
                && !self.stop_words.contains(t.lower.as_ref())
                && month(t).is_none()
                && !WEEKDAYS.contains(&t.lower.as_ref())
        };
        let mut words = 0;
        while let Some(word) = tokens.get(k).filter(|t| content(t)) {
            let phrase_ends = !tokens.get(k + 1).is_some_and(&content);
            let singular_ok = hyphen && k == j
                || number.figure() == 1.0 && !number.vague && phrase_ends && !word.is_capitalized();
            if is_plural(&word.lower) || singular_ok {
                // "police officers": the last of two plurals is the noun.
                let last = if tokens
                    .get(k + 1)
                    .is_some_and(|n| content(n) && is_plural(&n.lower))
                {
                    k + 1
                } else {
                    k
                };
                // The counted noun is the unit; it implies no head, since
                // every count of one noun would then share one ("280,000
                // deaths a year" attributed to obesity, "300,000 premature
                // deaths" from overweight and inactivity).
                let noun = &tokens[last];
                return Some(self.finish_amount(
                    tokens,
                    (qstart, last + 1),
                    number,
                    qualifier,
                    (Kind::Count, noun_key(&noun.lower), &noun.lower),
                ));
            }
            // Hyphenated modifiers ("anti-government") are one word.
            k += 1;
            while tokens
                .get(k)
                .is_some_and(|d| d.is_dash() && !d.space_before)
                && tokens
                    .get(k + 1)
                    .is_some_and(|w| w.kind == TokenKind::Word && !w.space_before)
            {
                k += 2;
            }
            words += 1;
            if words >= 4 {
                break;
            }
        }
        self.people_count(tokens, (qstart, j), number, qualifier, hyphen)
    }

    /// A bare number that counts people, when a casualty verb or a death
    /// toll governs it: "killed more than 250", "187 have been arrested",
    /// "the death toll from Babs rose to 156".
    fn people_count(
        &self,
        tokens: &[Token],
        (qstart, j): (usize, usize),
        number: Number,
        qualifier: Qualifier,
        hyphen: bool,
    ) -> Option<Mention> {
        if number.vague || number.article || hyphen {
            return None;
        }
        let content = |t: &Token| {
            t.kind == TokenKind::Word
                && !self.stop_words.contains(t.lower.as_ref())
                && month(t).is_none()
                && !WEEKDAYS.contains(&t.lower.as_ref())
        };
        if tokens.get(j).is_some_and(content) {
            return None; // a noun we did not take as counted
        }
        let before = qstart.checked_sub(1).map(|p| tokens[p].lower.as_ref());
        // A verb after a few auxiliaries: "187 have been arrested".
        let after = tokens[j..]
            .iter()
            .take(4)
            .find(|t| t.kind != TokenKind::Word || !self.stop_words.contains(t.lower.as_ref()))
            .map(|t| t.lower.as_ref());
        let toll = tokens[qstart.saturating_sub(12)..qstart]
            .iter()
            .rev()
            .take_while(|t| t.kind != TokenKind::Punct || t.is('-'))
            .any(|t| t.lower == "toll");
        let implied = match (before, after) {
            (Some("killed" | "kill" | "kills" | "killing"), _) => "killed",
            (Some("injured" | "injuring" | "wounded" | "wounding"), _) => "injured",
            (_, Some("killed" | "dead" | "died")) => "killed",
            (_, Some("injured" | "wounded")) => "injured",
            (_, Some("arrested" | "detained")) => "arrested",
            _ if toll => "dead",
            _ => return None,
        };
        let mut m = self.finish_amount(
            tokens,
            (qstart, j),
            number,
            qualifier,
            (Kind::Count, "person".into(), "people"),
        );
        m.implied = Some(implied);
        Some(m)
    }

    /// Qualifiers after the value: "or so", "or more", "-plus".
    fn postfix(&self, tokens: &[Token], j: usize, qualifier: &mut Qualifier) -> usize {
        let word = |k: usize| tokens.get(k).map(|t| t.lower.as_ref());
        if *qualifier == Qualifier::Exact {
            match (word(j), word(j + 1)) {
                (Some("or"), Some("so")) => {
                    *qualifier = Qualifier::About;
                    return j + 2;
                }
                (Some("or"), Some("more")) => {
                    *qualifier = Qualifier::AtLeast;
                    return j + 2;
                }
                _ => {}
            }
        }
        j
    }

    fn finish_amount(
        &self,
        tokens: &[Token],
        span: (usize, usize),
        number: Number,
        qualifier: Qualifier,
        (kind, unit, symbol): (Kind, String, &str),
    ) -> Mention {
        let reading = qualifier.bounds(&number);
        let figure = if number.vague {
            tokens[number.first..number.end]
                .iter()
                .map(|t| t.lower.as_ref())
                .collect::<Vec<_>>()
                .join(" ")
        } else {
            format_figure(number.figure())
        };
        let normalized = match kind {
            Kind::Money => format!("{}{symbol} {figure}", qualifier.prefix()),
            Kind::Percent if symbol == "%" => format!("{}{figure}%", qualifier.prefix()),
            Kind::Count if number.vague => format!("{}{figure} of {symbol}", qualifier.prefix()),
            _ => format!("{}{figure} {symbol}", qualifier.prefix()),
        };
        let figure = (!number.vague).then(|| number.figure() * number.unit);
        Mention {
            figure,
            ..Self::mention(tokens, span, kind, unit, reading, qualifier, normalized)
        }
    }
}

/// Adjectives that stand for people after a number, with the word they
/// imply about what is counted.
fn nominal_adjective(word: &str) -> Option<&'static str> {
    Some(match word {
        "dead" => "dead",
        "arrested" | "detained" => "arrested",
        "injured" => "injured",
        "wounded" => "wounded",
        "missing" => "missing",
        "homeless" => "homeless",
        "displaced" => "displaced",
        _ => return None,
    })
}

/// Adds the smaller units that follow a duration ("19 days, 21 hours and
/// 47 minutes"; "an hour and a half"): the total, where it ends, and each
/// part in canonical form.
fn compound_duration(
    tokens: &[Token],
    first: Number,
    mut end: usize,
    factor: f64,
    symbol: &'static str,
) -> (Number, usize, Vec<String>) {
    let mut total = first;
    let mut smallest = factor;
    let mut parts: Vec<(f64, &'static str)> = vec![(first.figure(), symbol)];
    loop {
        let mut k = end;
        if tokens.get(k).is_some_and(|t| t.is(',')) {
            k += 1;
        }
        if tokens.get(k).is_some_and(|t| t.lower == "and") {
            k += 1;
        }
        if k == end {
            break;
        }
        // "and a half"
        if tokens.get(k).is_some_and(|t| t.lower == "a")
            && tokens.get(k + 1).is_some_and(|t| t.lower == "half")
        {
            let half = 0.5 * smallest / total.unit;
            total.low += half;
            total.high += half;
            total.step = total.step.min(half);
            if let Some(last) = parts.last_mut() {
                last.0 += 0.5;
            }
            end = k + 2;
            break;
        }
        let Some(n) = number_at(tokens, k).filter(|n| !n.vague && !n.article) else {
            break;
        };
        let Some(u) = tokens
            .get(n.end)
            .filter(|t| t.kind == TokenKind::Word)
            .and_then(|t| unit(&t.lower))
            .filter(|u| u.kind == Kind::Duration && u.factor < smallest)
        else {
            break;
        };
        let add = n.figure() * u.factor / total.unit;
        total.low += add;
        total.high += add;
        total.step = u.factor / total.unit;
        smallest = u.factor;
        parts.push((n.figure(), u.symbol));
        end = n.end + 1;
    }
    let parts = parts
        .into_iter()
        .map(|(figure, symbol)| format!("{} {symbol}", format_figure(figure)))
        .collect();
    (total, end, parts)
}

/// The comparable form of a counted noun: singular, lowercase
/// (`members` → `member`, `people` → `person`).
pub(crate) fn noun_key(word: &str) -> String {
    match word {
        "people" | "persons" | "others" | "victims" | "deaths" | "fatalities" | "lives" => {
            return "person".into()
        }
        "children" => return "child".into(),
        "men" => return "man".into(),
        "women" => return "woman".into(),
        _ => {}
    }
    if let Some(stem) = word.strip_suffix("ies").filter(|s| s.len() >= 2) {
        return format!("{stem}y");
    }
    for suffix in ["ches", "shes", "sses", "xes"] {
        if let Some(stem) = word.strip_suffix(suffix) {
            return format!("{stem}{}", &suffix[..suffix.len() - 2]);
        }
    }
    word.strip_suffix('s').unwrap_or(word).to_string()
}
