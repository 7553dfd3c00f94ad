//! Date and time stamps glued to a paragraph's first sentence.
//!
//! Pages pasted or scraped as text often put the article's time stamp on
//! the line of its first sentence: `Nov. 24, 2026 10:05 a.m. ET Ukrainian
//! President ...`, `Updated 3:42 PM EST, November 24, 2026 KYIV (AP) —
//! ...`, `Mon 24 Nov 2026 10.05 GMTUkrainian ...` (without a space when
//! the page's blocks were joined). On a line of its own such a stamp is a
//! heading; glued on, it would become the start of the sentence, shown in
//! the summary and cited with it. [`leading_stamp`] finds where it ends so
//! the segmenter can make it a unit of its own.
//!
//! A stamp is a run of date and time words (an optional "Updated" or
//! "Published", weekdays, months, day numbers, years, numeric dates, clock
//! times, "a.m.", time zones, and separators such as `,` `|` `·` `at`)
//! that says enough to be a date or a time: a month with a year, a
//! numeric date, or a clock time with "a.m."/"p.m." or a zone, or any of
//! these after "Updated"; or, opening the paragraph, a clock time with a
//! colon, as live blogs start their entries). A capital must follow, as a
//! sentence starts: "2026 will be hard" and "May 5 Democrats" are left
//! alone (a day without a year or time is not enough). French, German,
//! Spanish, Italian, Portuguese and Dutch stamps are read with their own
//! words ([`DateWords`]).

use super::classify::{is_opener, LanguageRules};
use crate::lang::Language;

/// Words that announce a stamp ("Updated 3:42 PM"), lower case, compared
/// ignoring case and a trailing colon.
const ANNOUNCERS: &[&str] = &[
    "updated",
    "published",
    "posted",
    "modified",
    "created",
    "last",
    "first",
];

/// Month names and abbreviations not in the calendar words (which leave
/// out abbreviations that are common words in sentences).
const MORE_MONTHS: &[&str] = &["Mar", "Apr", "Jun", "Jul"];

/// Weekday abbreviations.
const WEEKDAYS: &[&str] = &[
    "Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun",
];

/// Tokens that join the parts of a stamp.
const JOINERS: &[&str] = &["|", "·", "•", "-", "–", "—", "at", "/"];

/// The date words of a language beyond the English ones built in here
/// (tables in [`super::european`]), all lower case: month names and
/// abbreviations with their numbers, weekdays, words that announce a stamp
/// ("Publié", "Stand"), words that join its parts ("le", "am", "de"),
/// words that mark a clock time ("Uhr"), and whether an hour may be
/// written with a letter ("15h10"). Pages in these languages write numeric
/// dates day first (`24/11/2026`).
#[derive(Debug)]
pub(super) struct DateWords {
    pub(super) months: &'static [(&'static str, u32)],
    pub(super) weekdays: &'static [&'static str],
    pub(super) announcers: &'static [&'static str],
    pub(super) fillers: &'static [&'static str],
    pub(super) clock_words: &'static [&'static str],
    pub(super) hour_letter: bool,
}

impl DateWords {
    /// No words beyond English's.
    pub(super) const NONE: DateWords = DateWords {
        months: &[],
        weekdays: &[],
        announcers: &[],
        fillers: &[],
        clock_words: &[],
        hour_letter: false,
    };

    fn is_empty(&self) -> bool {
        self.months.is_empty()
    }

    fn month(&self, word: &str) -> Option<u32> {
        self.months
            .iter()
            .find(|(name, _)| same_word(word, name))
            .map(|&(_, number)| number)
    }

    fn is_weekday(&self, word: &str) -> bool {
        self.weekdays.iter().any(|name| same_word(word, name))
    }

    fn is_announcer(&self, word: &str) -> bool {
        self.announcers.iter().any(|name| same_word(word, name))
    }

    fn is_filler(&self, word: &str) -> bool {
        self.fillers.iter().any(|name| same_word(word, name))
    }
}

/// True when `word` is the lower-case `name` in any case.
fn same_word(word: &str, name: &str) -> bool {
    if word.is_ascii() {
        word.eq_ignore_ascii_case(name)
    } else {
        word.chars().flat_map(char::to_lowercase).eq(name.chars())
    }
}

/// A stamp is found within this many bytes of the line start.
const MAX_STAMP_BYTES: usize = 80;

/// What the tokens read so far say.
#[derive(Default)]
struct Seen {
    announcer: bool,
    month: bool,
    day: bool,
    year: bool,
    numeric_date: bool,
    clock: bool,
    meridiem_or_zone: bool,
    /// The calendar day the tokens name, as far as read: month (1–12),
    /// day and year, or all three from an ISO date.
    day_of: (Option<u32>, Option<u32>, Option<u32>),
    /// A month, day or year named twice ("November 24 25, 2026"): no day.
    day_conflict: bool,
    /// The first token is a clock time written with a colon ("20:30"):
    /// a live blog's entry time.
    leading_clock: bool,
    /// A second stamp began ("..., modifié le 24 novembre"): its month,
    /// day and year are read past, and the first stamp's day stands.
    second_stamp: bool,
}

/// A part of [`Seen::day_of`].
#[derive(Clone, Copy)]
enum Part {
    Month,
    Day,
    Year,
}

impl Seen {
    /// Records a month, day or year; a second one is a conflict. Past the
    /// start of a second stamp, nothing is recorded.
    fn note(&mut self, part: Part, value: Option<u32>) {
        if self.second_stamp {
            return;
        }
        let slot = match part {
            Part::Month => &mut self.day_of.0,
            Part::Day => &mut self.day_of.1,
            Part::Year => &mut self.day_of.2,
        };
        self.day_conflict |= slot.is_some();
        *slot = value;
    }
}

impl Seen {
    /// Enough for a date or a time.
    fn is_stamp(&self) -> bool {
        let date = self.numeric_date || (self.month && (self.year || self.day));
        let time = self.clock && self.meridiem_or_zone;
        if self.announcer {
            date || self.clock
        } else {
            self.numeric_date
                || (self.month && self.year)
                || time
                || (self.month && self.day && self.clock)
                || self.leading_clock
        }
    }
}

/// The byte length of the date or time stamp that opens `line` when a
/// sentence follows it (see the module documentation), or `None`.
pub(super) fn leading_stamp(line: &str, rules: &LanguageRules) -> Option<usize> {
    // Cheap exit for the usual paragraph: its first word is no date word.
    let first = line.chars().next()?;
    if !first.is_ascii_digit() && !first.is_ascii_uppercase() {
        return None;
    }
    if first.is_ascii_uppercase() {
        let word = first_word(line);
        let known = is_announcer(word, rules)
            || is_month(word, rules)
            || is_weekday(word, rules)
            || rules.time_zones.contains(&word);
        if !known {
            return None;
        }
    }
    let mut seen = Seen::default();
    // The end of the last token that completed a stamp.
    let mut stamp_end = None;
    let mut at = 0;
    let mut first_token = true;
    loop {
        let rest = &line[at..];
        let token_start = at + (rest.len() - rest.trim_start().len());
        if token_start >= MAX_STAMP_BYTES.min(line.len()) {
            break;
        }
        let token_len = line[token_start..]
            .find(char::is_whitespace)
            .unwrap_or(line.len() - token_start);
        let token = &line[token_start..token_start + token_len];
        let glued = glued_split(token);
        let whole = read_token(token, &mut seen, first_token, rules);
        first_token = false;
        if whole && rules.dates.is_filler(token) {
            // "le", "am", "de" join a stamp's parts; the capital of a
            // sentence's first word ("Le feu ...") may follow one.
            at = token_start + token_len;
            continue;
        }
        if whole {
            at = token_start + token_len;
            // A date with a comma after it is a phrase of the sentence:
            // "Nov. 8, 1994, Vancouver _ A doctor is shot" (a timeline).
            if seen.is_stamp() && !token.ends_with(',') {
                stamp_end = Some(at);
            } else {
                stamp_end = None;
            }
            continue;
        }
        // "ETUkrainian", "2026Ukrainian": a stamp token glued to the next
        // sentence's first word.
        if let Some(split) = glued {
            if read_token(&token[..split], &mut seen, false, rules) && seen.is_stamp() {
                return with_separator(line, token_start + split);
            }
        }
        break;
    }
    with_separator(line, stamp_end?)
}

/// Separators between a stamp and the sentence after it.
const SEPARATORS: &[char] = &['|', '·', '•', '-', '–', '—', ':'];

/// The end of the stamp ending at `end` with the separator after it, if
/// any (`2026 — Kyiv ...`), when a sentence follows: a capital, possibly
/// after an opening quote.
fn with_separator(line: &str, end: usize) -> Option<usize> {
    let rest = &line[end..];
    let after = rest.trim_start().trim_start_matches(SEPARATORS);
    let separated = after.len() < rest.trim_start().len();
    let starts_sentence = after
        .trim_start()
        .trim_start_matches(is_opener)
        .chars()
        .next()
        .is_some_and(char::is_uppercase);
    starts_sentence.then(|| {
        if separated {
            line.len() - after.len()
        } else {
            end
        }
    })
}

/// The letters of `text`'s first word.
fn first_word(text: &str) -> &str {
    let end = text
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(text.len());
    &text[..end]
}

/// Where a capital followed by a lowercase letter starts inside `token`
/// after its first character: the first word of a sentence glued on.
fn glued_split(token: &str) -> Option<usize> {
    let bytes = token.as_bytes();
    (1..bytes.len().saturating_sub(1)).find(|&k| {
        bytes[k].is_ascii_uppercase()
            && bytes[k + 1].is_ascii_lowercase()
            && !bytes[k - 1].is_ascii_lowercase()
    })
}

fn is_announcer(word: &str, rules: &LanguageRules) -> bool {
    ANNOUNCERS.iter().any(|a| word.eq_ignore_ascii_case(a)) || rules.dates.is_announcer(word)
}

fn is_month(word: &str, rules: &LanguageRules) -> bool {
    // The calendar words hold weekdays and months; a weekday counts as
    // neither month nor day, so tell them apart by their ending.
    (rules.calendar_words.contains(&word) && !word.ends_with("day"))
        || (!rules.calendar_words.is_empty() && MORE_MONTHS.contains(&word))
        || rules.dates.month(word).is_some()
}

/// True when `word` (a period after it allowed) names a month in English
/// or in one of the languages with [`DateWords`].
pub(super) fn names_a_month(word: &str) -> bool {
    let word = word.trim_end_matches('.');
    [
        Language::English,
        Language::French,
        Language::German,
        Language::Spanish,
        Language::Italian,
        Language::Portuguese,
        Language::Dutch,
    ]
    .into_iter()
    .any(|language| is_month(word, LanguageRules::for_language(language)))
}

fn is_weekday(word: &str, rules: &LanguageRules) -> bool {
    (!rules.calendar_words.is_empty()
        && (WEEKDAYS.contains(&word)
            || (rules.calendar_words.contains(&word) && word.ends_with("day"))))
        || rules.dates.is_weekday(word)
}

/// Reads one white-space separated token into `seen`; false when it is
/// not part of a stamp.
fn read_token(token: &str, seen: &mut Seen, first: bool, rules: &LanguageRules) -> bool {
    if JOINERS.contains(&token) {
        return true;
    }
    let bare = token
        .trim_end_matches([',', ':', '|', ';', ')'])
        .trim_start_matches('(');
    if bare.is_empty() {
        return false;
    }
    if first && is_announcer(bare, rules) {
        seen.announcer = true;
        return true;
    }
    // "Last updated", "First published".
    if seen.announcer
        && (bare.eq_ignore_ascii_case("updated") || bare.eq_ignore_ascii_case("published"))
    {
        return true;
    }
    let dates = &rules.dates;
    // "..., modifié à 16h02"; "le", "am", "de".
    if !dates.is_empty() && (dates.is_announcer(bare) || dates.is_filler(bare)) {
        // "Publié le 23 novembre 2026, modifié le 24 novembre 2026": the
        // first day is the publication's (found in review: the two days
        // were a conflict, and the page had no date).
        let (month, day, year) = seen.day_of;
        seen.second_stamp |=
            dates.is_announcer(bare) && month.is_some() && day.is_some() && year.is_some();
        return true;
    }
    // "15:42 Uhr".
    if seen.clock && dates.clock_words.iter().any(|w| same_word(bare, w)) {
        seen.meridiem_or_zone = true;
        return true;
    }
    let word = bare.trim_end_matches('.');
    if is_month(word, rules) {
        seen.month = true;
        let number = dates.month(word).or_else(|| month_number(word));
        seen.note(Part::Month, number);
        return true;
    }
    if is_weekday(word, rules) {
        return true;
    }
    if rules.time_zones.contains(&word) || rules.time_zones.contains(&word.trim_matches(['(', ')']))
    {
        seen.meridiem_or_zone = true;
        return true;
    }
    if is_meridiem(bare) {
        seen.meridiem_or_zone = true;
        return true;
    }
    if !bare.starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let clock_before = seen.clock;
    let read = read_number(bare, seen, dates, first);
    // "20:30 Witnesses say ...": a live blog's entry, copied as text.
    seen.leading_clock |=
        read && first && !clock_before && seen.clock && bare.contains(':') && is_time_of_day(bare);
    read
}

/// "a.m.", "PM", "am".
fn is_meridiem(token: &str) -> bool {
    ["a.m.", "p.m.", "am", "pm", "a.m", "p.m"]
        .iter()
        .any(|m| token.eq_ignore_ascii_case(m))
}

/// A token starting with a digit: a day ("24", "24th"), a year, a numeric
/// date ("2026-11-24", "11/24/2026", "24.11.2026", an ISO date and time),
/// or a clock time ("10:05", "3:42PM", "10.05" after a date); with a
/// language's date words also a day written "24." and an hour "15h10".
fn read_number(token: &str, seen: &mut Seen, dates: &DateWords, first: bool) -> bool {
    let digits = token.bytes().take_while(u8::is_ascii_digit).count();
    let after = &token[digits..];
    let value: u32 = token[..digits].parse().unwrap_or(u32::MAX);
    if dates.hour_letter && digits <= 2 && value < 24 && is_hour_letter_minutes(after) {
        seen.clock = true;
        seen.meridiem_or_zone = true;
        return true;
    }
    let dotted_day = after == "." && !dates.is_empty();
    if after.is_empty() || dotted_day || matches!(after, "st" | "nd" | "rd" | "th") {
        return match digits {
            1 | 2 if (1..=31).contains(&value) => {
                seen.day = true;
                seen.note(Part::Day, Some(value));
                true
            }
            4 if (1900..=2099).contains(&value) => {
                seen.year = true;
                seen.note(Part::Year, Some(value));
                true
            }
            _ => false,
        };
    }
    if let Some(time) = clock_time(token) {
        let dotted = token.as_bytes().get(digits) == Some(&b'.');
        // "10.05" is a time only after a date ("24 Nov 2026 10.05 GMT"),
        // with "am" or "pm" glued on ("9.30pm"), or first, where only a
        // time zone after it makes a stamp (a UK live blog's "13.45 GMT
        // Officials ordered ..."; "10.05 Percent of voters" stays).
        if dotted && !(seen.month || seen.numeric_date || first) && !is_meridiem(&token[time..]) {
            return false;
        }
        seen.clock = true;
        if is_meridiem(&token[time..]) {
            seen.meridiem_or_zone = true;
            return true;
        }
        return time == token.len();
    }
    if is_numeric_date(token) {
        seen.numeric_date = true;
        let day_first = || (!dates.is_empty()).then(|| slash_date(token)).flatten();
        if let Some((year, month, day)) = iso_date(token).or_else(day_first) {
            seen.note(Part::Month, Some(month));
            seen.note(Part::Day, Some(day));
            seen.note(Part::Year, Some(year));
        }
        if token.contains('T') {
            seen.clock = true;
            seen.meridiem_or_zone = true;
        }
        return true;
    }
    false
}

/// The day `text` gives as `YYYY-MM-DD`, when all of `text` is a
/// publication stamp that names one: a month with its day and year, or an
/// ISO date, with a time of day or after "Updated", "Published" and the
/// like (`Updated 3:42 PM EST, November 24, 2026`, `Mon 24 Nov 2026 10.05
/// GMT`, `2026-11-24T10:05:00Z`, `Published: 2 May 2026`). A bare date
/// line (`March 3, 2025`) gives none: near the top of a page it is as often
/// a timeline's first entry or an event's date as the page's. Nor does a
/// date in numbers of unknown order (`11/24/2026`: which is the day is a
/// guess; ISO and dotted `24.11.2026` are read), a day that does not
/// exist, or one named twice.
pub(super) fn stamp_date(text: &str, rules: &LanguageRules) -> Option<String> {
    read_stamp_date(text, rules).or_else(|| {
        // A place before the stamp, as El País writes it: `Madrid - 24 nov
        // 2026 - 15:10 CET` (found in review).
        let (place, stamp) = [" - ", " – ", " — ", " | "]
            .iter()
            .find_map(|separator| text.split_once(separator))?;
        let words: Vec<&str> = place.split_whitespace().collect();
        let is_place = (1..=3).contains(&words.len())
            && words.iter().all(|w| {
                w.chars().next().is_some_and(char::is_uppercase)
                    && !w.contains(|c: char| c.is_ascii_digit())
            });
        is_place.then(|| read_stamp_date(stamp, rules)).flatten()
    })
}

/// [`stamp_date`] of a text that is all stamp.
fn read_stamp_date(text: &str, rules: &LanguageRules) -> Option<String> {
    let mut seen = Seen::default();
    for (i, token) in without_relative_age(text).split_whitespace().enumerate() {
        if !read_token(token, &mut seen, i == 0, rules) {
            return None;
        }
    }
    let (Some(month), Some(day), Some(year)) = seen.day_of else {
        return None;
    };
    let published = seen.announcer || seen.clock;
    (published
        && !seen.day_conflict
        && seen.is_stamp()
        && crate::load::is_calendar_day(year, month, day))
    .then(|| format!("{year:04}-{month:02}-{day:02}"))
}

/// 1–12 for an English month name or abbreviation.
fn month_number(word: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let head = word.get(..3)?;
    MONTHS
        .iter()
        .position(|m| head.eq_ignore_ascii_case(m))
        .map(|i| i as u32 + 1)
}

/// Year, month and day of a date in numbers whose order is known: ISO
/// `YYYY-MM-DD` (a time may follow a `T`) or dotted `DD.MM.YYYY`.
fn iso_date(token: &str) -> Option<(u32, u32, u32)> {
    dotted_date(token).or_else(|| dash_date(token))
}

/// `DD.MM.YYYY` (German, Dutch, Nordic and other pages' `24.11.2026`):
/// with dots, the day always comes first (no convention writes
/// month.day.year), unlike `11/24/2026`.
fn dotted_date(token: &str) -> Option<(u32, u32, u32)> {
    day_month_year(token, '.')
}

/// `DD/MM/YYYY`, as pages in languages with [`DateWords`] write it.
fn slash_date(token: &str) -> Option<(u32, u32, u32)> {
    day_month_year(token, '/')
}

/// Year, month and day of `DD<separator>MM<separator>YYYY`, punctuation
/// after it allowed.
fn day_month_year(token: &str, separator: char) -> Option<(u32, u32, u32)> {
    let date = token.trim_end_matches([',', ';', '.']);
    let mut parts = date.split(separator);
    let mut day_or_month = || {
        parts
            .next()
            .filter(|p| (1..=2).contains(&p.len()))?
            .parse()
            .ok()
    };
    let (day, month) = (day_or_month()?, day_or_month()?);
    let year = parts.next().filter(|p| p.len() == 4)?.parse().ok()?;
    parts.next().is_none().then_some((year, month, day))
}

/// What follows the hour in "15h10" or "15h": `h`, then nothing or two
/// digits of minutes.
fn is_hour_letter_minutes(after: &str) -> bool {
    let Some(minutes) = after.strip_prefix('h') else {
        return false;
    };
    minutes.is_empty()
        || (minutes.len() == 2 && minutes.bytes().all(|b| b.is_ascii_digit()) && minutes < "60")
}

/// True when a clock token's hours and minutes make a time of day: "20:30",
/// not a score ("88:79").
fn is_time_of_day(token: &str) -> bool {
    let mut parts = token.split(':');
    let hours: Option<u32> = parts.next().and_then(|h| h.parse().ok());
    let minutes: Option<u32> = parts
        .next()
        .and_then(|m| m.get(..2))
        .and_then(|m| m.parse().ok());
    hours.is_some_and(|h| h < 24) && minutes.is_some_and(|m| m < 60)
}

/// `text` without a relative age after "Updated" at its end (Reuters'
/// `November 24, 2026 10:05 AM GMTUpdated 2 hours ago`, glued or not):
/// the age says nothing of the day.
fn without_relative_age(text: &str) -> &str {
    const UNITS: &[&str] = &[
        "minute", "minutes", "min", "mins", "hour", "hours", "hr", "hrs", "day", "days", "week",
        "weeks",
    ];
    let mut words = text.trim_end().rsplitn(4, char::is_whitespace);
    let (Some(ago), Some(unit), Some(count), Some(head)) =
        (words.next(), words.next(), words.next(), words.next())
    else {
        return text;
    };
    let counted = count.bytes().all(|b| b.is_ascii_digit()) || matches!(count, "a" | "an");
    let updated = head.len().checked_sub("updated".len()).and_then(|at| {
        head.get(at..)
            .filter(|word| word.eq_ignore_ascii_case("updated"))
            .map(|_| head[..at].trim_end())
    });
    match updated {
        Some(stamp) if ago == "ago" && counted && UNITS.contains(&unit) => stamp,
        _ => text,
    }
}

/// `YYYY-MM-DD`, a time (`T...`) allowed after it.
fn dash_date(token: &str) -> Option<(u32, u32, u32)> {
    let date = token.split('T').next()?.trim_end_matches(['.', ',']);
    let mut parts = date.split('-');
    let year = parts.next().filter(|p| p.len() == 4)?.parse().ok()?;
    let month = parts.next().filter(|p| p.len() == 2)?.parse().ok()?;
    let day = parts.next().filter(|p| p.len() == 2)?.parse().ok()?;
    parts.next().is_none().then_some((year, month, day))
}

/// The byte length of a clock time `H:MM`, `HH:MM:SS` or `H.MM` at the
/// start of `token`, or `None`.
fn clock_time(token: &str) -> Option<usize> {
    let b = token.as_bytes();
    let hours = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if !(1..=2).contains(&hours) || !matches!(b.get(hours), Some(b':' | b'.')) {
        return None;
    }
    let mut end = hours;
    for _ in 0..2 {
        let sep = b.get(end).copied();
        let pair = b.get(end + 1..end + 3).unwrap_or_default();
        if !matches!(sep, Some(b':' | b'.'))
            || pair.len() != 2
            || !pair.iter().all(u8::is_ascii_digit)
        {
            break;
        }
        end += 3;
        if sep == Some(b'.') {
            break;
        }
    }
    // Not a time when more digits follow ("10.05.2026" is a date).
    let more_digits = b.get(end).is_some_and(u8::is_ascii_digit)
        || (matches!(b.get(end), Some(b'.' | b':'))
            && b.get(end + 1).is_some_and(u8::is_ascii_digit));
    (end > hours && !more_digits).then_some(end)
}

/// "2026-11-24", "2026-11-24T10:05:00Z", "11/24/2026", "24.11.2026":
/// three numbers joined by one separator, one of them a four-digit year,
/// with an ISO time after a `T`.
fn is_numeric_date(token: &str) -> bool {
    let (date, time) = match token.split_once('T') {
        Some((date, time)) => (date, Some(time)),
        None => (token.trim_end_matches(['.', ',']), None),
    };
    let Some(sep) = date.chars().find(|c| matches!(c, '-' | '/' | '.')) else {
        return false;
    };
    let parts: Vec<&str> = date.split(sep).collect();
    let numeric = parts.len() == 3
        && parts
            .iter()
            .all(|p| (1..=4).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()));
    let has_year =
        parts.iter().any(|p| p.len() == 4) && parts.iter().filter(|p| p.len() <= 2).count() == 2;
    numeric
        && has_year
        && time.is_none_or(|t| {
            t.bytes()
                .all(|b| b.is_ascii_digit() || matches!(b, b':' | b'.' | b'+' | b'-' | b'Z'))
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Language;

    fn stamp(line: &str) -> Option<&str> {
        let rules = LanguageRules::for_language(Language::English);
        leading_stamp(line, rules).map(|end| &line[..end])
    }

    #[test]
    fn stamps_glued_to_a_first_sentence_are_found() {
        for (line, expected) in [
            (
                "Nov. 24, 2026 10:05 a.m. ET Ukrainian officials said so.",
                "Nov. 24, 2026 10:05 a.m. ET",
            ),
            (
                "Nov. 24, 2026 10:05 a.m. ETUkrainian officials said so.",
                "Nov. 24, 2026 10:05 a.m. ET",
            ),
            (
                "November 24, 2026 Ukrainian officials said so.",
                "November 24, 2026",
            ),
            (
                "Updated 3:42 PM EST, November 24, 2026 KYIV, Ukraine (AP) — Officials said so.",
                "Updated 3:42 PM EST, November 24, 2026",
            ),
            (
                "Published: 24 November 2026 14:05 GMTUkrainian officials said so.",
                "Published: 24 November 2026 14:05 GMT",
            ),
            (
                "Mon 24 Nov 2026 10.05 GMT Ukrainian officials said so.",
                "Mon 24 Nov 2026 10.05 GMT",
            ),
            (
                "2026-11-24T10:05:00Z Ukrainian officials said so.",
                "2026-11-24T10:05:00Z",
            ),
            ("11/24/2026 | Ukrainian officials said so.", "11/24/2026 |"),
            (
                "24 November 2026 — Ukrainian officials said so.",
                "24 November 2026 —",
            ),
            (
                "Last updated: Tuesday, November 24, 2026 at 3:42 p.m. “We won,” he said.",
                "Last updated: Tuesday, November 24, 2026 at 3:42 p.m.",
            ),
            ("2026-11-24Ukrainian officials said so.", "2026-11-24"),
            // Live-blog entries copied as text (found in review).
            ("20:30 Witnesses say a cable appeared to snap.", "20:30"),
            ("9.30pm Witnesses say a cable snapped.", "9.30pm"),
            ("14:02: Officials said the toll had risen.", "14:02:"),
            ("13.45 GMT Officials ordered an evacuation.", "13.45 GMT"),
            ("9.05 BST The airport closed its runways.", "9.05 BST"),
        ] {
            assert_eq!(stamp(line), Some(expected), "{line}");
        }
    }

    #[test]
    fn clock_times() {
        assert_eq!(clock_time("10:05"), Some(5));
        assert_eq!(clock_time("3:42PM"), Some(4));
        assert_eq!(clock_time("10:05:30Z"), Some(8));
        assert_eq!(clock_time("10.05"), Some(5));
        assert_eq!(clock_time("10.05.2026"), None);
        assert_eq!(clock_time("1,200"), None);
    }

    #[test]
    fn sentences_that_open_with_a_date_keep_it() {
        for line in [
            "November 24, 2026 was a cold day.",
            "2026 Olympic Games open in Paris.",
            "May 5 Democrats met in Ohio.",
            "Oct. 7 Hamas attacks left 1,200 dead.",
            "10.05 Percent of voters stayed home.",
            "2024 Was a year of elections.",
            "The talks resumed on November 24, 2026.",
            "24 people died, officials said.",
            "November 24, 2026",
            "3:42 p.m. ET",
            "12 Angry Men opened in 1957.",
            "1,200 People fled.",
            "Nov. 8, 1994, Vancouver, B.C. _ Dr. Garson Romalis is shot.",
            "20:30 was the time the tram left.",
            "88:79 Final score in Madrid.",
            "14.02 Percent of voters stayed home.",
            "13.45 Million people voted.",
            "2.5 GMT",
        ] {
            assert_eq!(stamp(line), None, "{line}");
        }
    }

    #[test]
    fn a_stamp_that_names_a_day_gives_its_date() {
        let rules = LanguageRules::for_language(Language::English);
        let date = |text: &str| stamp_date(text, rules);
        for (text, want) in [
            ("Updated 3:42 PM EST, November 24, 2026", "2026-11-24"),
            ("Nov. 24, 2026 10:05 a.m. ET", "2026-11-24"),
            ("Mon 24 Nov 2026 10.05 GMT", "2026-11-24"),
            ("Published: 2 May 2026", "2026-05-02"),
            ("2026-11-22T08:00:00Z", "2026-11-22"),
            ("Last updated Sept. 3rd, 2026", "2026-09-03"),
            ("Posted Feb. 29, 2028 9:00 a.m.", "2028-02-29"),
            // Dotted dates put the day first (found in review).
            ("24.11.2026 15:42", "2026-11-24"),
        ] {
            assert_eq!(date(text).as_deref(), Some(want), "{text}");
        }
        let german = LanguageRules::for_language(Language::German);
        assert_eq!(
            stamp_date("24.11.2026, 15:42", german).as_deref(),
            Some("2026-11-24")
        );
        assert_eq!(stamp_date("31.02.2026 15:42", german), None);
        // Reuters glues a relative age to its stamp (found in review).
        for text in [
            "November 24, 2026 10:05 AM GMTUpdated 2 hours ago",
            "November 24, 2026 10:05 AM GMT Updated an hour ago",
        ] {
            assert_eq!(date(text).as_deref(), Some("2026-11-24"), "{text}");
        }
        assert_eq!(date("Updated 2 hours ago"), None);
        for text in [
            "11/24/2026",                 // day and month order unknown
            "November 2026",              // no day
            "Updated 3:42 PM EST",        // no date
            "November 24, 2026 was cold", // not all stamp
            "Geneva talks",
            "2026-13-01",
        ] {
            assert_eq!(date(text), None, "{text}");
        }
    }

    #[test]
    fn stamps_in_other_languages_give_their_date() {
        let cases = [
            (
                Language::French,
                "Publié le 24 novembre 2026 à 15h10, modifié à 16h02",
                "2026-11-24",
            ),
            (
                Language::French,
                "Publié le 24/11/2026 à 14:55",
                "2026-11-24",
            ),
            (
                Language::French,
                "Mis à jour le 3 août 2026 à 9h",
                "2026-08-03",
            ),
            (
                Language::German,
                "Stand: 24.11.2026, 15:42 Uhr",
                "2026-11-24",
            ),
            (
                Language::German,
                "24. November 2026, 16:05 Uhr",
                "2026-11-24",
            ),
            (
                Language::German,
                "Aktualisiert am 2. März 2026, 8:00 Uhr",
                "2026-03-02",
            ),
            (
                Language::German,
                "24. November 2026, 15:42 Uhr",
                "2026-11-24",
            ),
            (
                Language::Spanish,
                "Actualizado Lunes, 24 noviembre 2026 - 16:12",
                "2026-11-24",
            ),
            (
                Language::Spanish,
                "Publicado el 24 de noviembre de 2026 a las 16:12 h",
                "2026-11-24",
            ),
            (
                Language::Italian,
                "Pubblicato il 24 novembre 2026 alle ore 15:10",
                "2026-11-24",
            ),
            (
                Language::Italian,
                "Ultimo aggiornamento: mercoledì 3 giugno 2026, 9:05",
                "2026-06-03",
            ),
            (
                Language::Portuguese,
                "Publicado em 24 de novembro de 2026 às 15h10",
                "2026-11-24",
            ),
            (
                Language::Portuguese,
                "Atualizado: terça-feira, 24/11/2026 15:42",
                "2026-11-24",
            ),
            (
                Language::Dutch,
                "Gepubliceerd op 24 november 2026 om 15.42 uur",
                "2026-11-24",
            ),
            (
                Language::Dutch,
                "Laatste update: 2 mrt 2026, 08:15",
                "2026-03-02",
            ),
            // Two stamps: the publication's day stands (found in review).
            (
                Language::French,
                "Publié le 23 novembre 2026 à 17h00, modifié le 24 novembre 2026 à 09h12",
                "2026-11-23",
            ),
            (
                Language::French,
                "Publié le 24/11/2026 à 14:55, mis à jour le 24/11/2026 à 16:03",
                "2026-11-24",
            ),
            (
                Language::Italian,
                "24 novembre 2026 (modifica il 25 novembre 2026 | 10:12)",
                "2026-11-24",
            ),
            (
                Language::Portuguese,
                "Publicado a 24 de Novembro de 2026, às 15:10",
                "2026-11-24",
            ),
            (
                Language::Spanish,
                "Madrid - 24 nov 2026 - 15:10 CET",
                "2026-11-24",
            ),
            (
                Language::English,
                "WASHINGTON | Nov. 24, 2026 10:05 a.m. ET",
                "2026-11-24",
            ),
        ];
        for (language, text, want) in cases {
            let rules = LanguageRules::for_language(language);
            assert_eq!(stamp_date(text, rules).as_deref(), Some(want), "{text}");
        }
        for (language, text) in [
            (Language::French, "24 novembre 2026"), // a bare date: maybe an event's
            (Language::French, "Le 24 novembre 2026, le port a brûlé"),
            (Language::French, "Publié le 31/02/2026 à 14:55"),
            (Language::German, "Im November 2026 um 15 Uhr"),
            (Language::Spanish, "Publicado el 11/24/2026 a las 16:12"),
            // A chart's "as of" line has no clock time (found in review).
            (Language::German, "Stand: 30.09.2026"),
            // Words before a dash that are no place.
            (
                Language::English,
                "Talks in 2026 - Nov. 24, 2026 10:05 a.m. ET",
            ),
            // English keeps its month-first slashes unread.
            (Language::English, "Published 24/11/2026 14:55"),
        ] {
            let rules = LanguageRules::for_language(language);
            assert_eq!(stamp_date(text, rules), None, "{text}");
        }
    }

    #[test]
    fn a_french_stamp_glued_to_a_sentence_ends_before_it() {
        let rules = LanguageRules::for_language(Language::French);
        let line = "Publié le 24 novembre 2026 à 15h10 Le feu a pris vers 6 heures.";
        let end = leading_stamp(line, rules).expect("a stamp");
        assert_eq!(&line[..end], "Publié le 24 novembre 2026 à 15h10");
    }
}
