//! Sentence boundaries inside one paragraph: `sentencex` proposes them, and a
//! few rules repair what it gets wrong in news text.
//!
//! Boundaries are kept as *cuts*, byte offsets between two sentences. Spans
//! are the trimmed text between consecutive cuts, so whatever the rules do,
//! every character of the paragraph stays in exactly one span.

use sentencex::languages::Language as SentencexLanguage;

use super::classify::{is_closer, is_list_marker, is_opener, is_terminator, LanguageRules};

/// The trimmed, non-empty sentence spans of `line` as byte ranges into it.
pub(super) fn sentence_spans(
    sentencex: &dyn SentencexLanguage,
    line: &str,
    rules: &LanguageRules,
) -> Vec<(usize, usize)> {
    let mut cuts: Vec<usize> = sentencex
        .get_sentence_boundaries(line)
        .iter()
        .map(|boundary| boundary.end_byte)
        .collect();
    add_cuts_after_closing_punctuation(line, &mut cuts);
    cuts.retain(|&cut| cut > 0 && cut < line.len() && line.is_char_boundary(cut));
    cuts.sort_unstable();
    cuts.dedup();
    let cuts = drop_false_cuts(line, &cuts, rules);

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

/// Adds a cut after sentence punctuation that is followed by closing
/// brackets or quotes, white space and a capital letter, as in
/// `He left (for good.) Then ...`.
///
/// `sentencex` treats the inside of parentheses as one skippable range and
/// so never ends a sentence at `.)`; for quotes it usually gets this right
/// already, and the rule agrees with it there.
fn add_cuts_after_closing_punctuation(line: &str, cuts: &mut Vec<usize>) {
    let mut chars = line.char_indices().peekable();
    while let Some((_, c)) = chars.next() {
        if !is_terminator(c) {
            continue;
        }
        while chars.next_if(|&(_, c)| is_terminator(c)).is_some() {}
        let mut closers = 0;
        while chars.next_if(|&(_, c)| is_closer(c)).is_some() {
            closers += 1;
        }
        let Some(&(cut, next)) = chars.peek() else {
            break;
        };
        if closers == 0 || !next.is_whitespace() {
            continue;
        }
        let next_sentence = line[cut..].trim_start().trim_start_matches(is_opener);
        if next_sentence.chars().next().is_some_and(char::is_uppercase) {
            cuts.push(cut);
        }
    }
}

/// Removes cuts after which the sentence clearly goes on.
fn drop_false_cuts(line: &str, cuts: &[usize], rules: &LanguageRules) -> Vec<usize> {
    let mut kept = Vec::with_capacity(cuts.len());
    let mut sentence_start = 0;
    for &cut in cuts {
        let before = line[sentence_start..cut].trim();
        let after = line[cut..].trim_start();
        if !continues_across(before, after, rules) {
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
        // "Ms. Jones", "Dr. Who": a title always precedes a name, but
        // sentencex ends a sentence when the name is also a common sentence
        // starter.
        || (ends_with_title(before, rules) && starts_with_uppercase(after))
        // "at 5 p.m. Friday": a weekday or month after a time goes on.
        || (ends_with_clock_time(before) && starts_with_calendar_word(after, rules))
        // "approx. five", "$3.5 bn. last year", "500 εκατ. ευρώ": after a
        // period, a lowercase letter means an abbreviation, not a new
        // sentence (news sentences start with a capital, a digit or a quote).
        || (before.ends_with('.') && starts_with_lowercase(after))
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

/// True when the first word of `text` is a weekday or month name.
fn starts_with_calendar_word(text: &str, rules: &LanguageRules) -> bool {
    let word = text
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or_default();
    rules.calendar_words.contains(&word)
}

fn starts_with_uppercase(text: &str) -> bool {
    text.trim_start_matches(is_opener)
        .chars()
        .next()
        .is_some_and(char::is_uppercase)
}
