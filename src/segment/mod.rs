//! Stage 2, *segment*: split a document's text into units (sentences,
//! headings, bylines, boilerplate) with byte offsets into the original text.
//!
//! How it works:
//! 1. Every line is a paragraph. News text puts one paragraph per line, with
//!    or without blank lines between, so a unit spans a line break (`\n`,
//!    `\r\n`, a lone `\r`, or a Unicode line/paragraph separator) only where
//!    a line is hard-wrapped: a line of three or more words that starts with
//!    a capital and stops without sentence punctuation continues on the next
//!    when that starts with a lowercase letter ("It was a cold\nnight in the
//!    city."), or with anything when it stops mid-clause, on a comma or a
//!    word no sentence ends with ("named the victims as\nJane Smith";
//!    English words only). Text hard-wrapped at a width (all lines 40 to 100
//!    characters, most of them full: e-mail, wire feeds) is reflowed: a
//!    line goes on in the next wherever the next line's first word would
//!    not have fitted, whatever that word starts with ("... killed four
//!    workers on\nMonday, the fire service said."; [`wrap_width`]). A blank
//!    line always ends a paragraph.
//! 2. Each paragraph is classified as a whole (`classify`): a short line
//!    without closing punctuation is a heading, an author credit or outlet
//!    name is a byline, a subscription or donation appeal is boilerplate.
//!    Deciding per paragraph keeps all sentences of an appeal together.
//!    A date or time stamp glued to a paragraph's first sentence ("Nov. 24,
//!    2026 10:05 a.m. ET Ukrainian ...") is cut off as a heading of its
//!    own first (`stamps`), and the headlines listed under a navigation
//!    heading ("Read more:", "Related Topics") are boilerplate (`links`).
//!    A line without sentence punctuation between the headline and the
//!    article is a standfirst, a heading too (`standfirst`).
//! 3. Paragraphs that hold sentences are split by `sentencex`, and its
//!    boundaries are repaired by a few rules (`boundaries`) for cases it
//!    gets wrong in news text (titles such as "Ms." before a name, a period
//!    inside closing parentheses, list markers and lists written inline
//!    (`lists`), ellipses in brackets and opening a sentence, a citation
//!    after a quotation).
//!
//! Page markers glued inside a paragraph ("... for an hour. ADVERTISEMENT
//! The opposition ...") are cut out first (`interstitials`): each is a
//! boilerplate unit, and the text around it is read as paragraphs of its
//! own.
//!
//! Choices worth knowing: an ellipsis followed by a lower-case word or "I"
//! continues the sentence, so `rapidly ... I'm not going to be happy ...`
//! is one sentence; a quotation of several sentences followed by its
//! attribution (`“A. B,” he said.`) is one unit, because splitting it would
//! separate the words from their speaker.

mod boundaries;
mod bounded;
mod classify;
mod european;
mod interstitials;
mod links;
mod lists;
mod rules;
mod stamps;
mod standfirst;
#[cfg(test)]
mod tests;

use serde::Serialize;

use crate::charrefs;
use crate::lang::Language;

use classify::{LanguageRules, LineClass};
use sentencex::languages::Language as SentencexLanguage;

pub use bounded::MAX_UNIT_CHARS;

/// What a unit of text is. Only [`UnitKind::Sentence`] units are candidates
/// for the summary and for deduplication.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum UnitKind {
    /// A real sentence of the article's body.
    Sentence,
    /// A section heading: a short line without closing punctuation; also
    /// a date or time stamp glued to the start of a paragraph.
    Heading,
    /// An author line, or an outlet's name standing alone.
    Byline,
    /// Promotional or navigational text: subscription and donation appeals.
    Boilerplate,
}

/// One segmented unit: a half-open byte range `start..end` into the
/// document's original text, trimmed of surrounding white space and
/// invisible characters ([`is_invisible`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unit {
    /// What the unit is.
    pub kind: UnitKind,
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// True for a piece of a stretch longer than [`MAX_UNIT_CHARS`] (text
    /// without sentence punctuation), cut to that length.
    pub split: bool,
}

/// Splits text into [`Unit`]s for one language.
///
/// Holds only static tables, so it is cheap to create and `Send + Sync`; one
/// segmenter can serve many threads at once.
#[derive(Debug)]
pub struct Segmenter {
    language: Language,
    rules: &'static LanguageRules,
}

impl Segmenter {
    /// A segmenter for `language`.
    pub fn new(language: Language) -> Self {
        Segmenter {
            language,
            rules: LanguageRules::for_language(language),
        }
    }

    /// Segments `text[body_start..]`; offsets in the result are into `text`.
    ///
    /// Units are in text order, do not overlap, are trimmed of white space
    /// and invisible characters ([`is_invisible`]), have at most [`MAX_UNIT_CHARS`] characters and together cover every
    /// non-white-space character of the body. A
    /// `body_start` past the end yields no units; one inside a character is
    /// moved forward to the next character boundary.
    ///
    /// Character references left in the text are read as what they stand
    /// for (`&quot;` after a period closes the sentence, `&nbsp;` is white
    /// space at an edge): the text is segmented as read
    /// ([`charrefs::Decoded`]) and every unit mapped back to the source.
    pub fn segment(&self, text: &str, body_start: usize) -> Vec<Unit> {
        let Some(body_start) = char_boundary_at_or_after(text, body_start) else {
            return Vec::new();
        };
        // The body's references (one cut by `body_start` is none).
        match charrefs::Decoded::new(&text[body_start..], as_space) {
            None => trim_invisible(
                text,
                bounded::bound(text, self.segment_read(text, body_start)),
            ),
            Some(read) => {
                // Trimmed as read, then mapped back.
                let units: Vec<Unit> = trim_invisible(&read.text, self.segment_read(&read.text, 0))
                    .into_iter()
                    .map(|unit| Unit {
                        start: body_start + read.source(unit.start),
                        end: body_start + read.source(unit.end),
                        ..unit
                    })
                    .filter(|unit| unit.start < unit.end)
                    .collect();
                // Bounded in the source: the documented maximum is of the
                // text as it is, references as written.
                trim_blank_references(text, bounded::bound(text, units))
            }
        }
    }

    /// The units of `text[body_start..]`, text whose references are read.
    fn segment_read(&self, text: &str, body_start: usize) -> Vec<Unit> {
        let Some(body_start) = char_boundary_at_or_after(text, body_start) else {
            return Vec::new();
        };
        // A boxed unit struct: creating it per document costs next to nothing
        // and keeps `Segmenter` free of a non-`Sync` trait object.
        let sentencex = rules::for_language(self.language);
        let mut units = Vec::new();
        let mut link_blocks = links::LinkBlocks::default();
        let mut standfirsts = standfirst::Standfirsts::default();
        for (line_start, line) in paragraphs(text, body_start, self.rules) {
            let Some(pieces) = interstitials::split(line, self.rules) else {
                let first = units.len();
                self.segment_paragraph(&*sentencex, &mut link_blocks, line_start, line, &mut units);
                standfirsts.reclassify(line, &mut units[first..], self.rules);
                continue;
            };
            // Markers glued inside the paragraph: boilerplate units, and the
            // text between them read as paragraphs of their own.
            for piece in pieces {
                let start = line_start + piece.start;
                if piece.marker {
                    units.push(Unit {
                        kind: UnitKind::Boilerplate,
                        start,
                        end: line_start + piece.end,
                        split: false,
                    });
                } else {
                    let piece_text = &line[piece.start..piece.end];
                    self.segment_paragraph(
                        &*sentencex,
                        &mut link_blocks,
                        start,
                        piece_text,
                        &mut units,
                    );
                }
            }
        }
        units
    }

    /// The day a date or time stamp gives as `YYYY-MM-DD`, when `text`
    /// (a unit's text) is all stamp and names a month, day and year or an
    /// ISO date: `Updated 3:42 PM EST, November 24, 2026`. `None` for
    /// anything else; only an ISO date in a language without English's
    /// calendar words. References in it are read (`3:42&nbsp;PM`), as
    /// segmentation reads them.
    pub fn stamp_date(&self, text: &str) -> Option<String> {
        stamps::stamp_date(&charrefs::decode(text), self.rules)
    }

    /// Appends the units of one paragraph, `line`, which starts at byte
    /// `line_start` of the text.
    fn segment_paragraph(
        &self,
        sentencex: &dyn SentencexLanguage,
        link_blocks: &mut links::LinkBlocks,
        mut line_start: usize,
        mut line: &str,
        units: &mut Vec<Unit>,
    ) {
        let mut class = classify::classify(line, self.rules);
        if let (LineClass::Sentences(_), Some(stamp)) =
            (class, stamps::leading_stamp(line, self.rules))
        {
            // A time stamp glued to the first sentence: a unit of its
            // own, as it would be on a line of its own.
            units.push(Unit {
                kind: UnitKind::Heading,
                start: line_start,
                end: line_start + stamp,
                split: false,
            });
            let rest = &line[stamp..];
            let body = rest.trim_start();
            line_start += stamp + (rest.len() - body.len());
            line = body;
            class = classify::classify(line, self.rules);
        }
        match link_blocks.reclassify(line, class, self.rules) {
            LineClass::Whole(kind) => units.push(Unit {
                kind,
                start: line_start,
                end: line_start + line.len(),
                split: false,
            }),
            LineClass::Sentences(kind) => {
                let spans = boundaries::sentence_spans(sentencex, line, self.rules);
                units.extend(spans.into_iter().map(|(start, end)| {
                    // A credit after the paragraph's last sentence.
                    let credit = kind == UnitKind::Sentence
                        && classify::is_credit_sentence(&line[start..end], self.rules);
                    Unit {
                        kind: if credit { UnitKind::Byline } else { kind },
                        start: line_start + start,
                        end: line_start + end,
                        split: false,
                    }
                }));
            }
        }
    }
}

/// True when `word` (a period after it allowed) names a month, in English
/// or a language whose date stamps are read ("September", "Sept.",
/// "novembre", "set.").
pub fn names_a_month(word: &str) -> bool {
    stamps::names_a_month(word)
}

/// The byte length of the numbered list marker ("2. ", "(b) ", "iv. ")
/// that starts `text`, with the white space after it, or 0: page layout
/// that a summary leaves off a sentence, as it does a bullet.
pub fn list_marker_length(text: &str) -> usize {
    lists::numbered_marker_length(text)
}

/// `offset` if it is a char boundary of `text`, else the next one; `None`
/// when that is the end of `text` or beyond (nothing to segment).
fn char_boundary_at_or_after(text: &str, offset: usize) -> Option<usize> {
    (offset..text.len()).find(|&i| text.is_char_boundary(i))
}

/// True for the characters that end a line. `\r` is included so that both
/// `\r\n` and old Mac line ends separate paragraphs and never end up inside a
/// unit.
pub fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// Soft hyphens, zero-width spaces, word joiners, stray byte-order marks
/// and bidirectional marks: characters a page leaves in text that show
/// nothing ("govern\u{AD}ment", "cease\u{200B}fire", a line holding only
/// U+200B). Segmentation treats them as white space at the edges of lines
/// and units; analysis, the semantic tokenizer and the written summary
/// drop them. (Zero-width joiners and non-joiners are not among them: some
/// scripts spell with them.)
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{AD}'
            | '\u{200B}'
            | '\u{200E}'
            | '\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}'
    )
}

/// White space or an invisible character: what is trimmed off a line or
/// a unit.
fn is_blank(c: char) -> bool {
    c.is_whitespace() || is_invisible(c)
}

/// `units` with invisible characters (and the white space they hid
/// behind: "\u{200B} Officials said") trimmed off both ends, and units left
/// empty dropped. Every rule before sees trimmed lines; this catches the
/// pieces cut inside them (a sentence after "enough.\u{200B} ").
fn trim_invisible(text: &str, mut units: Vec<Unit>) -> Vec<Unit> {
    if text.is_ascii() {
        return units;
    }
    units.retain_mut(|unit| {
        let unit_text = &text[unit.start..unit.end];
        let trimmed = unit_text.trim_matches(is_blank);
        unit.start += unit_text.len() - unit_text.trim_start_matches(is_blank).len();
        unit.end = unit.start + trimmed.len();
        !trimmed.is_empty()
    });
    units
}

/// `units` of a text with character references, with the references to
/// white space or invisible characters (`&nbsp;`, `&#8203;`) and the
/// blanks around them trimmed off both ends, and units left empty dropped:
/// a piece cut in the source ([`bounded`]) can end next to one.
fn trim_blank_references(text: &str, mut units: Vec<Unit>) -> Vec<Unit> {
    let blank_reference = |s: &str| {
        charrefs::reference_at(s)
            .filter(|(_, read)| read.chars().all(is_blank))
            .map(|(len, _)| len)
    };
    units.retain_mut(|unit| loop {
        let before = (unit.start, unit.end);
        let unit_text = &text[unit.start..unit.end];
        unit.start += unit_text.len() - unit_text.trim_start_matches(is_blank).len();
        unit.start += blank_reference(&text[unit.start..unit.end]).unwrap_or(0);
        let unit_text = &text[unit.start..unit.end];
        unit.end = unit.start + unit_text.trim_end_matches(is_blank).len();
        let unit_text = &text[unit.start..unit.end];
        if let Some(amp) = unit_text
            .ends_with(';')
            .then(|| unit_text.rfind('&'))
            .flatten()
        {
            if blank_reference(&unit_text[amp..]) == Some(unit_text.len() - amp) {
                unit.end = unit.start + amp;
            }
        }
        if (unit.start, unit.end) == before {
            return unit.start < unit.end;
        }
    });
    units
}

/// The paragraphs of `text[body_start..]`, trimmed, with the byte offset of
/// each into `text`: the non-blank lines, a hard-wrapped line joined with
/// its continuation (see [`wraps_onto`]).
fn paragraphs<'a>(
    text: &'a str,
    body_start: usize,
    rules: &LanguageRules,
) -> Vec<(usize, &'a str)> {
    let body = &text[body_start..];
    let body_address = body.as_ptr() as usize;
    let width = read_wrap_width(body);
    let mut spans: Vec<(usize, usize)> = Vec::new();
    for line in body.split(is_line_break) {
        let trimmed = line.trim_matches(is_blank);
        if trimmed.is_empty() {
            continue;
        }
        // `trimmed` is a sub-slice of `body`, so the address difference is
        // its byte offset within `body`.
        let start = body_start + (trimmed.as_ptr() as usize - body_address);
        let end = start + trimmed.len();
        match spans.last_mut() {
            Some(last)
                if wraps_onto(&text[last.0..last.1], &text[last.1..start], trimmed)
                    || breaks_mid_clause(&text[last.0..last.1], &text[last.1..start], rules)
                    || reflows_onto(
                        width,
                        &text[last.0..last.1],
                        &text[last.1..start],
                        trimmed,
                    ) =>
            {
                last.1 = end;
            }
            _ => spans.push((start, end)),
        }
    }
    spans
        .into_iter()
        .map(|(start, end)| (start, &text[start..end]))
        .collect()
}

/// Lines of hard-wrapped text are at most this many characters: e-mail,
/// wire feeds and terminals wrap at 60 to 80. Text with longer lines has
/// one paragraph per line and is never reflowed.
const MAX_WRAP_WIDTH: usize = 100;

/// Nothing is wrapped narrower than this: short lines are a list or
/// headings ("apples\nfresh bread").
const MIN_WRAP_WIDTH: usize = 40;

/// The width the body of `text` (from `body_start`) is hard-wrapped at,
/// read as segmentation reads it, or `None` when it is not: every line 40
/// to 100 characters, most of them full, none broken early (see
/// `read_wrap_width`).
pub fn wrap_width(text: &str, body_start: usize) -> Option<usize> {
    let body = text.get(body_start..)?;
    match charrefs::Decoded::new(body, as_space) {
        Some(read) => read_wrap_width(&read.text),
        None => read_wrap_width(body),
    }
}

/// A line break a character reference stands for, read as a space: the
/// reference is no line of the source (as text output writes it).
fn as_space(c: char) -> char {
    if is_line_break(c) {
        ' '
    } else {
        c
    }
}

/// The width `body` is hard-wrapped at, or `None`: all of its lines (at
/// least three) are at most [`MAX_WRAP_WIDTH`] characters, the longest
/// (the width) at least [`MIN_WRAP_WIDTH`]; at least half of them are
/// full ([`is_full_line`]); one full line stops without sentence
/// punctuation, as only a line broken inside a sentence does; no full line
/// stops without punctuation where the next line's first word would still
/// have fitted ([`wraps_before`]), as a list of short items does; and at
/// least a third of the lines after such breaks go on in lower case, as a
/// list of headlines of like lengths never does.
fn read_wrap_width(body: &str) -> Option<usize> {
    // (characters, line, whether one line break, not a blank line, follows)
    let mut lines: Vec<(usize, &str, bool)> = Vec::new();
    let mut blank_since = false;
    // `\r\n` is one line break: the empty piece between is no blank line.
    let mut after_cr = false;
    for line in body.split(is_line_break) {
        let crlf_gap = after_cr && line.is_empty() && !blank_since;
        after_cr = line.len() < body.len() && body[line_end(body, line)..].starts_with("\r\n");
        let line = line.trim_matches(is_blank);
        if line.is_empty() {
            blank_since |= !crlf_gap;
            continue;
        }
        let chars = line.chars().take(MAX_WRAP_WIDTH + 1).count();
        if chars > MAX_WRAP_WIDTH {
            return None;
        }
        if let Some(last) = lines.last_mut() {
            last.2 = !blank_since;
        }
        lines.push((chars, line, false));
        blank_since = false;
    }
    let width = lines.iter().map(|&(chars, _, _)| chars).max()?;
    if width < MIN_WRAP_WIDTH || lines.len() < 3 {
        return None;
    }
    let full = |&&(chars, _, _): &&(usize, &str, bool)| is_full_line(chars, width);
    let unpunctuated = |line: &str| {
        !line
            .trim_end_matches(classify::is_closer)
            .ends_with(|c: char| classify::is_terminator(c) || c == ':')
    };
    let full_lines = lines.iter().filter(full).count();
    let broken_inside = lines
        .iter()
        .filter(full)
        .any(|&(_, line, _)| unpunctuated(line));
    let broken_early = lines.windows(2).any(|pair| {
        let ((chars, line, joined), (_, next, _)) = (pair[0], pair[1]);
        joined
            && is_full_line(chars, width)
            && unpunctuated(line)
            && !wraps_before(chars, next, width)
    });
    // Lines broken inside a sentence go on with its next word, often in
    // lower case; a list of headlines of like lengths never does.
    let (mut went_on, mut lower) = (0, 0);
    for pair in lines.windows(2) {
        let ((chars, line, joined), (_, next, _)) = (pair[0], pair[1]);
        if joined && is_full_line(chars, width) && unpunctuated(line) {
            went_on += 1;
            lower += usize::from(next.starts_with(char::is_lowercase));
        }
    }
    let mid_sentence = 3 * lower >= went_on && lower > 0;
    (2 * full_lines >= lines.len() && broken_inside && !broken_early && mid_sentence)
        .then_some(width)
}

/// The byte offset in `body` just past `line`, a piece split from it.
fn line_end(body: &str, line: &str) -> usize {
    line.as_ptr() as usize - body.as_ptr() as usize + line.len()
}

/// True when a line of `chars` characters fills a text wrapped at `width`:
/// at least three quarters of it (a wrapped line stops at the last word
/// that fits; a paragraph's last line is usually shorter).
fn is_full_line(chars: usize, width: usize) -> bool {
    4 * chars >= 3 * width
}

/// True when the first word of `next` would not have fitted after a line
/// of `chars` characters in a text wrapped at `width`: the wrap broke the
/// line there. With an eighth of the width to spare, for text wrapped by
/// hand or re-wrapped after an edit (a line of 74 before "Monday" in text
/// whose longest line has 84).
fn wraps_before(chars: usize, next: &str, width: usize) -> bool {
    let word = next.split(char::is_whitespace).next().unwrap_or("");
    chars + 1 + word.chars().count() > width - width / 8
}

/// True when, in text hard-wrapped at `width` ([`wrap_width`]), the
/// paragraph `before` goes on in `next`, the line after the white space
/// `gap`: one line break between, the last line of `before` broken before
/// `next`'s first word ([`wraps_before`]), and `next` no list item. Whatever `next` starts
/// with (`Monday, the fire service said.`): the wrap broke the line where
/// the width ran out.
fn reflows_onto(width: Option<usize>, before: &str, gap: &str, next: &str) -> bool {
    let Some(width) = width else {
        return false;
    };
    let last_line = before.rsplit(is_line_break).next().unwrap_or(before);
    let chars = last_line.trim_matches(is_blank).chars().count();
    let line_breaks = gap.matches(is_line_break).count() - gap.matches("\r\n").count();
    line_breaks == 1 && wraps_before(chars, next, width) && !lists::starts_with_list_marker(next)
}

/// True when `line` stops on a comma or on a word no sentence or headline
/// of `language` ends with ("named the victims as"): where it is followed
/// by one line break, segmentation goes on in the next line whatever that
/// starts with (a line of three or more words that starts with a capital).
pub fn stops_mid_clause(line: &str, language: Language) -> bool {
    stops_mid_clause_by(line, LanguageRules::for_language(language))
}

fn stops_mid_clause_by(line: &str, rules: &LanguageRules) -> bool {
    line.split_whitespace().next_back().is_some_and(|last| {
        last.ends_with(',')
            || rules
                .clause_words
                .iter()
                .any(|word| last.eq_ignore_ascii_case(word))
    })
}

/// True when the paragraph `before` stops mid-clause, on a comma or on one
/// of the language's clause words ("named the victims as"), with one line
/// break (no blank line) before the next line, and starts like a sentence
/// (a capital, three or more words): the line goes on in the next,
/// whatever that starts with ("Jane Smith, 23, from Folkestone.").
fn breaks_mid_clause(before: &str, gap: &str, rules: &LanguageRules) -> bool {
    stops_mid_clause_by(before, rules)
        && gap.matches(is_line_break).count() - gap.matches("\r\n").count() == 1
        && before
            .trim_start_matches(classify::is_opener)
            .starts_with(char::is_uppercase)
        && before.split_whitespace().nth(2).is_some()
}

/// True when the paragraph `before` goes on in `next`, the line after the
/// white space `gap`: one line break (no blank line) between, `before`
/// starts like a sentence (a capital, three or more words) and stops
/// without sentence punctuation or a colon, and `next` starts with a
/// lowercase letter. That is hard-wrapped text; a heading or a list of
/// fragments ("features\ncontact manager") does not qualify.
fn wraps_onto(before: &str, gap: &str, next: &str) -> bool {
    // Cheapest test first: most lines start with a capital.
    if !next.starts_with(char::is_lowercase) {
        return false;
    }
    let line_breaks = gap.matches(is_line_break).count() - gap.matches("\r\n").count();
    line_breaks == 1
        && !before
            .trim_end_matches(classify::is_closer)
            .ends_with(|c: char| classify::is_terminator(c) || c == ':')
        && before
            .trim_start_matches(classify::is_opener)
            .starts_with(char::is_uppercase)
        && before.split_whitespace().nth(2).is_some()
}
