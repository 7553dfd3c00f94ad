//! Sentence boundaries inside one paragraph: `sentencex` proposes them, and a
//! few rules repair what it gets wrong in news text.
//!
//! Boundaries are kept as *cuts*, byte offsets between two sentences. Spans
//! are the trimmed text between consecutive cuts, so whatever the rules do,
//! every character of the paragraph stays in exactly one span.
//!
//! The rules add cuts (after closing punctuation, after repeated `!?`,
//! between a sentence and an ellipsis that opens the next, before each item
//! of an inline list) and then remove the cuts after which the sentence
//! clearly goes on ([`continues_across`]).

use sentencex::languages::Language as SentencexLanguage;

use super::classify::{is_closer, is_opener, is_terminator, LanguageRules};
use super::lists::{self, is_list_marker};

/// The trimmed, non-empty sentence spans of `line` as byte ranges into it.
pub(super) fn sentence_spans(
    sentencex: &dyn SentencexLanguage,
    line: &str,
    rules: &LanguageRules,
) -> Vec<(usize, usize)> {
    // An inline list: each item is split on its own (sentencex would skip
    // over the items as list ranges), a cut before every item, none inside
    // a marker.
    let items = lists::inline_items(line);
    let mut cuts: Vec<usize> = if items.is_empty() {
        sentencex_cuts(sentencex, line, 0)
    } else {
        items
            .iter()
            .enumerate()
            .flat_map(|(k, &(_, content))| {
                let end = items.get(k + 1).map_or(line.len(), |&(next, _)| next);
                sentencex_cuts(sentencex, &line[content..end], content)
            })
            .collect()
    };
    add_cuts_after_punctuation(line, &mut cuts);
    split_opening_ellipses(line, &mut cuts);
    let inside_marker = |cut: usize| items.iter().any(|&(start, end)| start < cut && cut <= end);
    cuts.retain(|&cut| {
        cut > 0 && cut < line.len() && line.is_char_boundary(cut) && !inside_marker(cut)
    });
    let item_starts: Vec<usize> = items
        .iter()
        .map(|&(start, _)| start)
        .filter(|&s| s > 0)
        .collect();
    cuts.extend(&item_starts);
    cuts.sort_unstable();
    cuts.dedup();
    let cuts = drop_false_cuts(line, &cuts, &item_starts, rules);

    let mut spans = Vec::with_capacity(cuts.len() + 1);
    let mut start = 0;
    for end in cuts.into_iter().chain(std::iter::once(line.len())) {
        let piece = &line[start..end];
        let trimmed = piece.trim();
        if !trimmed.is_empty() {
            let lead = piece.len() - piece.trim_start().len();
            spans.push((start + lead, start + lead + trimmed.len()));
        }
        start = end;
    }
    spans
}

/// `sentencex`'s cuts in `text`, shifted by `offset`.
fn sentencex_cuts(sentencex: &dyn SentencexLanguage, text: &str, offset: usize) -> Vec<usize> {
    sentencex
        .get_sentence_boundaries(text)
        .iter()
        .map(|boundary| offset + boundary.end_byte)
        .collect()
}

/// Adds a cut after sentence punctuation that is followed by white space
/// and a capital letter when the punctuation is
/// * followed by closing brackets or quotes, as in `He left (for good.)
///   Then ...` (`sentencex` treats the inside of parentheses as one
///   skippable range and so never ends a sentence at `.)`; for quotes it
///   usually gets this right already, and the rule agrees with it there);
/// * a run of `!` and `?` (`Really?? I had no idea.`), which `sentencex`
///   reads like an ellipsis before "I".
///
/// An ellipsis in brackets (`[...]`, `[…]`) marks words left out of a
/// quotation and ends nothing.
fn add_cuts_after_punctuation(line: &str, cuts: &mut Vec<usize>) {
    // The next byte not yet consumed by a terminator run.
    let mut resume = 0;
    for_each_terminator(line, |start| {
        if start < resume {
            return;
        }
        let mut end = start;
        let mut run = 0;
        let mut emphatic = true;
        for c in line[start..].chars().take_while(|&c| is_terminator(c)) {
            run += 1;
            emphatic &= matches!(c, '!' | '?');
            end += c.len_utf8();
        }
        resume = end;
        if line[..start].ends_with('[') && line[end..].starts_with(']') {
            return;
        }
        let rest = line[end..].trim_start_matches(is_closer);
        let closers = line.len() - end > rest.len();
        let repeated = emphatic && run >= 2;
        if (closers || repeated)
            && rest.starts_with(char::is_whitespace)
            && starts_with_uppercase(rest.trim_start())
        {
            cuts.push(line.len() - rest.len());
        }
    });
}

/// Calls `f` with the byte offset of every sentence terminator in `line`, in
/// order: a SIMD byte search when the line is ASCII, as most news text is.
fn for_each_terminator(line: &str, mut f: impl FnMut(usize)) {
    if line.is_ascii() {
        memchr::memchr3_iter(b'.', b'!', b'?', line.as_bytes()).for_each(f);
    } else {
        line.char_indices()
            .filter(|&(_, c)| is_terminator(c))
            .for_each(|(at, _)| f(at));
    }
}

/// A word, a period, then a spaced ellipsis and a capital: `forgotten. . . .
/// The new custom spread.` The period ends the first sentence and the
/// ellipsis (`. . .`) opens the next, which marks words left out before it.
/// `sentencex` reads the four dots as one run and cuts after it; this moves
/// the cut to after the period. A spaced ellipsis after a space (`with a
/// period . . . . Next`) is the first sentence's own ending and is left
/// alone.
fn split_opening_ellipses(line: &str, cuts: &mut Vec<usize>) {
    const ELLIPSIS: &str = " . . .";
    if !line.contains(ELLIPSIS) {
        return;
    }
    let mut from = 0;
    while let Some(found) = line[from..].find(". . . .") {
        let period = from + found;
        from = period + 1;
        let attached = line[..period]
            .chars()
            .next_back()
            .is_some_and(|c| !c.is_whitespace() && c != '.');
        let after = &line[period + 1 + ELLIPSIS.len()..];
        if !attached
            || !after.starts_with(char::is_whitespace)
            || !starts_with_uppercase(after.trim_start())
        {
            continue;
        }
        let next_sentence = line.len() - after.trim_start().len();
        cuts.retain(|&cut| !(period < cut && cut <= next_sentence));
        cuts.push(period + 1);
    }
}

/// Removes cuts after which the sentence clearly goes on, except the
/// `forced` ones (list items).
fn drop_false_cuts(
    line: &str,
    cuts: &[usize],
    forced: &[usize],
    rules: &LanguageRules,
) -> Vec<usize> {
    let mut kept = Vec::with_capacity(cuts.len());
    let mut sentence_start = 0;
    for &cut in cuts {
        let before = line[sentence_start..cut].trim();
        let after = line[cut..].trim_start();
        if forced.contains(&cut) || !continues_across(before, after, rules) {
            kept.push(cut);
            sentence_start = cut;
        }
    }
    kept
}

/// True when the sentence `before` continues into `after`.
fn continues_across(before: &str, after: &str, rules: &LanguageRules) -> bool {
    // Nothing before the cut: it would only make an empty span.
    before.is_empty()
        // "1. First item": a list marker is not a sentence of its own.
        || is_list_marker(before)
        // "J.D. Vance said", "U.S. officials": initials alone are no
        // sentence (after a word, "... to the U.S. The war" may end one).
        || (is_initials(before) && starts_with_uppercase(after))
        // "Ms. Jones", "Dr. Who", "Mt. Hood": a title always precedes a
        // name, but sentencex ends a sentence when the name is also a
        // common sentence starter.
        || (ends_with_title(before, rules) && starts_with_uppercase(after))
        // "at 5 p.m. Friday", "7:30 p.m. ET": a weekday, month or time zone
        // after a time goes on, and so does a sentence that is only a
        // fronted time ("By 7 a.m. Mrs. Lee had opened the shop").
        || (ends_with_clock_time(before)
            && (starts_with_calendar_word(after, rules) || is_fronted_time(before, rules)))
        // "approx. five", "$3.5 bn. last year", "500 εκατ. ευρώ": after a
        // period, a lowercase letter means an abbreviation, not a new
        // sentence (news sentences start with a capital, a digit or a quote).
        || (before.ends_with('.') && starts_with_lowercase(after))
        // "employs approx. 1,200 people", "see fig. 3": abbreviations that
        // stand before a number (found in review).
        || (ends_with_number_abbreviation(before) && starts_with_digit(after))
        // `"... [...] ..."`: words left out of a quotation.
        || ends_with_bracketed_ellipsis(before)
        // `"Bohr [...] used the analogy" (Smith 55).`: the citation after a
        // quotation belongs to it.
        || (ends_with_closing_quote(before) && starts_with_citation(after))
}

/// True when `text` ends with a lower-case abbreviation that stands before
/// a number ("approx.", "ca.", "fig.", "pp."): a digit after it goes on
/// in the same sentence, as it does not after an ordinary word ("... were
/// killed. 25 more ...").
fn ends_with_number_abbreviation(text: &str) -> bool {
    const ABBREVIATIONS: &[&str] = &["approx", "ca", "fig", "figs", "pp", "vol", "vols", "est"];
    let Some(word) = text.strip_suffix('.') else {
        return false;
    };
    let letters = word
        .bytes()
        .rev()
        .take_while(u8::is_ascii_alphabetic)
        .count();
    ABBREVIATIONS.contains(&&word[word.len() - letters..])
}

fn starts_with_digit(text: &str) -> bool {
    text.trim_start().starts_with(|c: char| c.is_ascii_digit())
}

/// True when `text` is only initials, each a letter and a period, perhaps
/// after an opening quote: "J.D.", "U.S.", "J. R. R.".
fn is_initials(text: &str) -> bool {
    let text = text.trim_start_matches(is_opener);
    let mut letters = 0;
    for word in text.split_whitespace() {
        let mut chars = word.chars();
        loop {
            match (chars.next(), chars.next()) {
                (Some(letter), Some('.')) if letter.is_uppercase() => letters += 1,
                (None, _) => break,
                _ => return false,
            }
        }
    }
    letters >= 1
}

/// True when `text` ends with `[...]`, `[…]` or `[. . .]`, possibly inside
/// closing quotes.
fn ends_with_bracketed_ellipsis(text: &str) -> bool {
    let text = text.trim_end_matches(|c| is_closer(c) && c != ']');
    ["[...]", "[…]", "[. . .]"]
        .iter()
        .any(|ellipsis| text.ends_with(ellipsis))
}

fn ends_with_closing_quote(text: &str) -> bool {
    text.ends_with(['”', '"', '’', '\'', '»'])
}

/// `(Smith 55).`, `(Lee 2019, p. 4).`: a short parenthesis directly
/// followed by the sentence's closing punctuation, which makes it a
/// reference rather than a sentence in parentheses (`(Then he lost.)`).
fn starts_with_citation(text: &str) -> bool {
    let Some(inside) = text.strip_prefix('(') else {
        return false;
    };
    let Some(close) = inside.find(')') else {
        return false;
    };
    let citation = &inside[..close];
    citation.len() <= 80
        && !citation.contains('(')
        && inside[close + 1..].starts_with(is_terminator)
}

fn starts_with_lowercase(text: &str) -> bool {
    text.trim_start_matches(is_opener)
        .chars()
        .next()
        .is_some_and(char::is_lowercase)
}

/// True when `text` ends with a title such as "Ms." or "Gen." (see
/// [`LanguageRules::titles`]), possibly after an opening bracket or quote.
fn ends_with_title(text: &str, rules: &LanguageRules) -> bool {
    let last_word = text.rsplit(char::is_whitespace).next().unwrap_or(text);
    last_word
        .strip_suffix('.')
        .map(|word| word.trim_start_matches(is_opener))
        .is_some_and(|word| rules.titles.contains(&word))
}

/// True when `text` ends with "a.m." or "p.m." (any case).
fn ends_with_clock_time(text: &str) -> bool {
    let tail = text.len().checked_sub(4).and_then(|at| text.get(at..));
    tail.is_some_and(|tail| tail.eq_ignore_ascii_case("a.m.") || tail.eq_ignore_ascii_case("p.m."))
}

/// True when the first word of `text` is a weekday or month name or a time
/// zone.
fn starts_with_calendar_word(text: &str, rules: &LanguageRules) -> bool {
    let word = text
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or_default();
    rules.calendar_words.contains(&word) || rules.time_zones.contains(&word)
}

/// True when `text` is only a time introduced by a preposition: "At 5
/// a.m.", "By 7:30 p.m.".
fn is_fronted_time(text: &str, rules: &LanguageRules) -> bool {
    let mut words = text.split_whitespace();
    let (Some(first), Some(_), Some(_), None) =
        (words.next(), words.next(), words.next(), words.next())
    else {
        return false;
    };
    rules
        .time_prepositions
        .iter()
        .any(|p| first.eq_ignore_ascii_case(p))
}

fn starts_with_uppercase(text: &str) -> bool {
    text.trim_start_matches(is_opener)
        .chars()
        .next()
        .is_some_and(char::is_uppercase)
}
