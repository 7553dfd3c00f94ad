//! The last pass of segmentation: no unit longer than [`MAX_UNIT_CHARS`].
//!
//! Text without sentence punctuation (a transcript, a scraped page that
//! lost its periods, a 10 MB line of keywords) would otherwise become one
//! giant "sentence" and could be printed as the whole summary. Such a unit
//! is cut into pieces of at most [`MAX_UNIT_CHARS`] characters, each marked
//! [`Unit::split`]: preferably after sentence punctuation that the sentence
//! rules did not take as an end, else at white space, else between two
//! grapheme clusters. Every cut falls in the second half of the window, so
//! pieces are at least half the maximum (but the last) and the pass is
//! linear in the length of the text.

use unicode_segmentation::UnicodeSegmentation;

use super::classify::{is_closer, is_terminator};
use super::Unit;
use crate::charrefs;

/// The longest unit, in characters (Unicode scalar values).
///
/// Chosen from data: among the 20,418 units `brief segment` finds in the
/// DUC 2003 and 2007 articles and `corpus/`, the longest real sentence has
/// 782 characters (a quotation; 99.99% have at most 693); the only longer
/// unit (1,834 characters) is ten sentences glued by a missed boundary.
/// 1,000 leaves every real sentence whole.
pub const MAX_UNIT_CHARS: usize = 1000;

/// Replaces every unit longer than [`MAX_UNIT_CHARS`] by its pieces.
pub(super) fn bound(text: &str, units: Vec<Unit>) -> Vec<Unit> {
    // A unit has at least as many bytes as characters.
    if units.iter().all(|u| u.end - u.start <= MAX_UNIT_CHARS) {
        return units;
    }
    let mut bounded = Vec::with_capacity(units.len());
    for unit in units {
        let unit_text = &text[unit.start..unit.end];
        if unit_text.chars().count() <= MAX_UNIT_CHARS {
            bounded.push(unit);
            continue;
        }
        bounded.extend(pieces(unit_text).map(|(start, end)| Unit {
            kind: unit.kind,
            start: unit.start + start,
            end: unit.start + end,
            split: true,
        }));
    }
    bounded
}

/// Byte ranges of the pieces of `text` (trimmed, non-empty, each at most
/// [`MAX_UNIT_CHARS`] characters).
fn pieces(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut start = 0;
    std::iter::from_fn(move || {
        let rest = &text[start..];
        if rest.is_empty() {
            return None;
        }
        let piece = match rest.char_indices().nth(MAX_UNIT_CHARS) {
            None => rest.len(),
            Some((limit, _)) => cut_before(rest, limit),
        };
        let range = (start, start + rest[..piece].trim_end().len());
        let next = &rest[piece..];
        start += piece + (next.len() - next.trim_start().len());
        Some(range)
    })
}

/// Where to cut `text`, at most `limit` bytes (`MAX_UNIT_CHARS`
/// characters) in and in the second half of that window.
fn cut_before(text: &str, limit: usize) -> usize {
    let window = &text[..limit];
    let floor = window
        .char_indices()
        .nth(MAX_UNIT_CHARS / 2)
        .map_or(0, |(at, _)| at);
    let mut at_space = None;
    let mut at_sentence_end = None;
    let mut after_terminator = false;
    // Character references in the window: never cut inside one, and one
    // to white space (`&nbsp;`, as segmentation reads it) is a space.
    let mut references: Vec<(usize, usize)> = Vec::new();
    for (at, c) in window.char_indices() {
        if c == '&' {
            if let Some((len, read)) = charrefs::reference_at(&text[at..]) {
                references.push((at, at + len));
                if read.chars().all(char::is_whitespace) && at >= floor {
                    at_space = Some(at);
                    if after_terminator {
                        at_sentence_end = Some(at);
                    }
                }
            }
        }
        if references
            .last()
            .is_some_and(|&(start, end)| start < at && at < end)
        {
            continue;
        }
        if c.is_whitespace() {
            if at >= floor {
                at_space = Some(at);
                if after_terminator {
                    at_sentence_end = Some(at);
                }
            }
        } else if is_terminator(c) {
            after_terminator = true;
        } else if !is_closer(c) {
            after_terminator = false;
        }
    }
    if let Some(at) = at_sentence_end.or(at_space) {
        return at;
    }
    // One "word" fills the window: cut between grapheme clusters, so an
    // accent or an emoji sequence stays whole, or between characters when
    // a single cluster is that long.
    let inside_reference = |at: usize| {
        references
            .iter()
            .any(|&(start, end)| start < at && at < end)
    };
    text.grapheme_indices(true)
        .map(|(at, _)| at)
        .take_while(|&at| at <= limit)
        .filter(|&at| at >= floor && at > 0 && !inside_reference(at))
        .last()
        .unwrap_or(limit)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::UnitKind;

    fn split(text: &str) -> Vec<&str> {
        let unit = Unit {
            kind: UnitKind::Sentence,
            start: 0,
            end: text.len(),
            split: false,
        };
        bound(text, vec![unit])
            .iter()
            .map(|u| &text[u.start..u.end])
            .collect()
    }

    fn assert_bounded(text: &str, parts: &[&str]) {
        for part in parts {
            let chars = part.chars().count();
            assert!(chars <= MAX_UNIT_CHARS, "{chars} characters");
            assert!(!part.is_empty() && part.trim() == *part);
        }
        let joined: String = parts.concat();
        let original: String = text.split_whitespace().collect();
        assert_eq!(joined.split_whitespace().collect::<String>(), original);
    }

    #[test]
    fn short_units_are_left_alone() {
        let text = "word ".repeat(199) + "end.";
        assert_eq!(split(&text), [text.as_str()]);
    }

    #[test]
    fn words_without_punctuation_are_cut_at_spaces() {
        let text = "alpha bravo charlie ".repeat(1000);
        let text = text.trim();
        let parts = split(text);
        assert_bounded(text, &parts);
        assert!(parts.len() >= 20 && parts.len() <= 40, "{}", parts.len());
        for part in &parts {
            assert!(
                part.ends_with("alpha") || part.ends_with("bravo") || part.ends_with("charlie")
            );
        }
    }

    #[test]
    fn a_missed_sentence_end_is_preferred_to_a_space() {
        let first = "Mr. Smith went to Washington and stayed ".repeat(15) + "there Ltd..";
        let text = format!("{first} {}", "Then he left again ".repeat(30));
        let parts = split(text.trim());
        assert_eq!(parts[0], first);
        assert_bounded(text.trim(), &parts);
    }

    #[test]
    fn one_long_word_is_cut_between_graphemes() {
        let text = "e\u{301}".repeat(1500); // é as e + combining acute
        let parts = split(&text);
        assert_bounded(&text, &parts);
        assert!(parts
            .iter()
            .all(|p| p.starts_with('e') && p.ends_with('\u{301}')));
        let cjk = "中".repeat(2500);
        let parts = split(&cjk);
        assert_eq!(
            parts.iter().map(|p| p.chars().count()).collect::<Vec<_>>(),
            [1000, 1000, 500]
        );
    }

    #[test]
    fn references_to_spaces_are_spaces_and_never_cut() {
        // Words joined by `&nbsp;` (segmentation reads it as a space) are
        // cut at a reference; a word filling the window is not cut inside
        // the reference after it.
        let text = "hospitals&nbsp;".repeat(150) + "end";
        let parts = split(&text);
        assert!(parts.len() >= 2);
        for part in &parts[..parts.len() - 1] {
            assert!(part.ends_with("hospitals"), "{part:?}");
        }
        let long = format!("{}&nbsp;{}", "x".repeat(997), "y".repeat(600));
        let parts = split(&long);
        assert!(parts.iter().all(|p| p.chars().count() <= MAX_UNIT_CHARS));
        assert!(!parts[0].contains('&'), "{:?}", &parts[0][990..]);
        assert!(parts[1].starts_with("&nbsp;y"), "{:?}", &parts[1][..10]);
    }

    #[test]
    fn a_single_huge_grapheme_is_cut_between_characters() {
        let text = format!("a{}", "\u{301}".repeat(1500));
        let parts = split(&text);
        assert_bounded(&text, &parts);
        assert_eq!(parts.len(), 2);
    }
}
