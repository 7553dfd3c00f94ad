//! Page furniture glued inside a paragraph: "ADVERTISEMENT", "Story
//! continues below advertisement", "Continue reading the main story", and
//! photo credits in brackets, "(AP Photo/Efrem Lukatsky)".
//!
//! A page puts such a marker between two paragraphs; text copied or
//! scraped from it often joins the blocks, so the marker lands inside a
//! paragraph: `The minister spoke for an hour. ADVERTISEMENT The opposition
//! walked out.` Left there it would start the next sentence (shown in the
//! summary and cited with it), and a marker that is an appeal phrase would
//! make the whole paragraph boilerplate, losing its real sentences; a
//! marker at the end would leave the paragraph without closing
//! punctuation, a "heading". [`split`] cuts such markers out so that the
//! segmenter can make each a boilerplate unit and read the text around it
//! as paragraphs of their own.
//!
//! A marker counts only where it stands between sentences: at the start of
//! the paragraph or after sentence punctuation, and at its end or before
//! a capital, a digit or an opening quote ("Advertisement revenue fell"
//! stays a sentence). An all-capitals marker may also be glued to the next
//! sentence without a space (`ADVERTISEMENTThe opposition ...`), as when a
//! page's blocks were joined.

use std::sync::LazyLock;

use memchr::memmem::Finder;

use super::classify::{
    ends_with_photo_credit, ends_with_sentence_punctuation, is_opener, LanguageRules,
};

/// English markers, lower-case words; longer ones before the shorter ones
/// they start with, so that the longest is cut.
pub(super) const ENGLISH_MARKERS: &[&[&str]] = &[
    &[
        "advertisement",
        "-",
        "scroll",
        "to",
        "continue",
        "with",
        "content",
    ],
    &["advertisement", "-", "scroll", "to", "continue"],
    &["advertisement"],
    &["skip", "advertisement"],
    &["story", "continues", "below", "advertisement"],
    &["story", "continues", "below"],
    &["article", "continues", "below", "advertisement"],
    &["article", "continues", "below"],
    &["continue", "reading", "the", "main", "story"],
    &["continue", "reading", "below"],
    &["scroll", "to", "continue", "with", "content"],
];

/// Every English marker holds one of these: a line without any (almost
/// every line) is passed over by a vectorized search, with searchers built
/// once (building one per line cost more than the search).
static ENGLISH_NEEDLES: LazyLock<[Finder<'static>; 4]> =
    LazyLock::new(|| ["dvertisement", "DVERTISEMENT", "ontinue", "ONTINUE"].map(Finder::new));

/// A piece of a paragraph: `start..end` (bytes into the paragraph,
/// trimmed), and whether it is a marker.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Piece {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) marker: bool,
}

/// The paragraph `line` cut at its markers, in order, or `None` when it
/// holds none (the common case, found without allocating).
pub(super) fn split(line: &str, rules: &LanguageRules) -> Option<Vec<Piece>> {
    if rules.interstitials.is_empty() {
        return None;
    }
    let bytes = line.as_bytes();
    let may_hold_marker = ENGLISH_NEEDLES
        .iter()
        .any(|needle| needle.find(bytes).is_some());
    // A credit has a slash and a bracket.
    let may_hold_credit =
        memchr::memchr(b'/', bytes).is_some() && memchr::memchr2(b'(', b'[', bytes).is_some();
    if !may_hold_marker && !may_hold_credit {
        return None;
    }
    let words = words_with_offsets(line);
    let mut pieces = Vec::new();
    let mut text_from = 0;
    let mut at = 0;
    while at < words.len() {
        // A marker stands after a sentence: at the paragraph's start, after
        // sentence punctuation, or right after another marker.
        let after_marker = pieces.last().is_some_and(|piece: &Piece| piece.marker)
            && line[text_from..words[at].0].trim().is_empty();
        let after_sentence = at == 0 || after_marker || ends_sentence(words[at - 1].1, rules);
        let found = after_sentence
            .then(|| marker_at(&words, at, rules).or_else(|| bracketed_credit_at(line, &words, at)))
            .flatten();
        let Some((taken, end)) = found else {
            at += 1;
            continue;
        };
        let start = words[at].0;
        push_text(line, text_from, start, &mut pieces);
        pieces.push(Piece {
            start,
            end,
            marker: true,
        });
        // A glued marker ends inside its last word: the rest of that word
        // starts the text after it.
        text_from = end;
        at += taken;
    }
    if pieces.is_empty() {
        return None;
    }
    push_text(line, text_from, line.len(), &mut pieces);
    Some(pieces)
}

/// Pushes `line[from..to]`, trimmed, as a text piece if anything is left.
fn push_text(line: &str, from: usize, to: usize, pieces: &mut Vec<Piece>) {
    let text = &line[from..to];
    let trimmed = text.trim();
    if !trimmed.is_empty() {
        let start = from + (text.len() - text.trim_start().len());
        pieces.push(Piece {
            start,
            end: start + trimmed.len(),
            marker: false,
        });
    }
}

/// The white-space separated words of `line`: byte start and the word.
fn words_with_offsets(line: &str) -> Vec<(usize, &str)> {
    let base = line.as_ptr() as usize;
    line.split_whitespace()
        .map(|word| (word.as_ptr() as usize - base, word))
        .collect()
}

/// The marker that starts at word `at` (which follows a sentence), if one
/// does and a sentence or the paragraph's end follows it: how many words it
/// takes and the byte where it ends.
fn marker_at(words: &[(usize, &str)], at: usize, rules: &LanguageRules) -> Option<(usize, usize)> {
    rules.interstitials.iter().find_map(|marker| {
        let n = marker.len();
        let candidate = words.get(at..at + n)?;
        let (inner, [last]) = marker.split_at(n - 1) else {
            unreachable!("markers have at least one word")
        };
        if !inner
            .iter()
            .zip(candidate)
            .all(|(want, (_, word))| word_matches(word, want))
        {
            return None;
        }
        let (last_start, last_word) = candidate[n - 1];
        // "Story continues below advertisement." ends with its own period.
        let bare = last_word.strip_suffix('.').unwrap_or(last_word);
        if word_matches(bare, last) {
            // A separator after the marker goes with it: "ADVERTISEMENT —
            // The opposition ...".
            let separated = words
                .get(at + n)
                .is_some_and(|&(_, word)| word_matches(word, "-"));
            let (taken, (end_start, end_word)) = if separated {
                (n + 1, words[at + n])
            } else {
                (n, (last_start, last_word))
            };
            let next = words.get(at + taken).map(|&(_, word)| word);
            return next
                .is_none_or(starts_a_sentence)
                .then_some((taken, end_start + end_word.len()));
        }
        // Glued: "ADVERTISEMENTThe opposition".
        let (head, rest) = last_word.split_at_checked(last.len())?;
        let capitals =
            head.eq_ignore_ascii_case(last) && !head.bytes().any(|b| b.is_ascii_lowercase());
        let mut rest = rest.chars();
        let glued = matches!(
            (rest.next(), rest.next()),
            (Some(a), Some(b)) if a.is_uppercase() && b.is_lowercase()
        );
        (capitals && glued).then_some((n, last_start + last.len()))
    })
}

/// Words a bracketed photo credit may have, brackets included: "(Photo by
/// Sergei Supinsky/AFP via Getty Images)".
const MAX_CREDIT_WORDS: usize = 9;

/// A photo credit in brackets that starts at word `at` (which follows a
/// sentence) and comes before another sentence, "(AP Photo/Efrem Lukatsky)", as a marker: how many
/// words it takes and the byte where it ends. Its caption, before it, is
/// left as it is: glued into a paragraph it cannot be told from the
/// article's sentences.
fn bracketed_credit_at(line: &str, words: &[(usize, &str)], at: usize) -> Option<(usize, usize)> {
    let (start, first) = words[at];
    let close = match first.as_bytes().first() {
        Some(b'(') => ')',
        Some(b'[') => ']',
        _ => return None,
    };
    let last =
        (at..words.len().min(at + MAX_CREDIT_WORDS)).find(|&k| words[k].1.ends_with(close))?;
    let end = words[last].0 + words[last].1.len();
    let next = words.get(last + 1).map(|&(_, word)| word);
    // At the paragraph's end the credit is left to the classifier, which
    // makes the whole caption before it boilerplate.
    (next.is_some_and(starts_a_sentence) && ends_with_photo_credit(&line[start..end]))
        .then_some((last - at + 1, end))
}

/// True when `word`, the word before a possible marker, ends a sentence:
/// sentence punctuation, but not an abbreviation's period ("The U.S.
/// Advertisement Council", "Mr.", "10 a.m.").
fn ends_sentence(word: &str, rules: &LanguageRules) -> bool {
    if !ends_with_sentence_punctuation(word, rules) {
        return false;
    }
    let Some(stem) = word.strip_suffix('.') else {
        return true;
    };
    let initials = stem.contains('.') || stem.chars().count() == 1;
    !initials && !rules.titles.contains(&stem)
}

/// A word of the text against a marker word: the same ignoring case, and
/// any dash, bullet or bar for "-" ("Advertisement – Scroll to continue",
/// "Advertisement · Scroll to continue").
fn word_matches(word: &str, want: &str) -> bool {
    if want == "-" {
        matches!(word, "-" | "–" | "—" | "·" | "•" | "|")
    } else {
        word.eq_ignore_ascii_case(want)
    }
}

/// True when `word` can start a sentence after a marker: a capital, a
/// digit or an opening quote or bracket.
fn starts_a_sentence(word: &str) -> bool {
    word.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || is_opener(c))
}
