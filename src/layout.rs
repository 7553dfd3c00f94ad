//! How a summary is written, and so what a length budget counts.
//!
//! A budget of words, bytes or characters holds for the summary **as
//! written**: its sentences one after the other, joined by the layout's
//! separator, each as the format writes it (a line break inside a
//! hard-wrapped sentence becomes a space, except in JSON; for people, soft hyphens and
//! zero-width spaces are dropped and `&amp;` and `&#8217;` written `&` and `’`; Markdown escapes its special characters with a
//! backslash), and the mark that follows a sentence cut
//! at the budget. That is how DUC truncated summaries (the whole submitted
//! text, 665 bytes or 100 words) and what a reader of the output sees.
//! List numbers, citation markers, headings and the source list are the
//! output's apparatus, not the summary, and are not counted.
//!
//! | format | separator | cut mark | escaped |
//! |---|---|---|---|
//! | text and HTML ([`Layout::TEXT`]) | line break | ` …` | none |
//! | Markdown ([`Layout::MARKDOWN`]) | line break | ` …` | `` \ ` * _ [ ] < > # \| ``, and `&` before `name;` or `#number;` |
//! | JSON, `brief batch` ([`Layout::JSON`]) | line break | none (`truncated: true`) | none |
//! | `brief eval --summarize` ([`Layout::LINES`]) | line break | none | none |
//!
//! Text and Markdown are written for people: character references read
//! (`&amp;` is `&`), soft hyphens, zero-width spaces and control
//! characters dropped. JSON `text` fields are the source's bytes, and
//! [`Layout::JSON`] measures them as they are, line breaks and all.
//!
//! The pipeline measures candidates with the layout (`Config::layout`) and
//! the renderers write with the same one, so the two cannot disagree.

use std::borrow::Cow;

use crate::charrefs;
use crate::segment::{is_invisible, is_line_break};
use crate::select::{self, Budget};

/// The written form of a summary.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Layout {
    /// Written between two sentences.
    pub separator: &'static str,
    /// Written after a sentence cut by the budget.
    pub cut_mark: &'static str,
    /// Characters written with a backslash before them.
    pub escaped: &'static [char],
    /// Written for people: character references read as their characters,
    /// invisible and control characters dropped. Off for the layout of
    /// JSON `text` fields, which are the source's own bytes.
    pub for_people: bool,
    /// A written `&` that would start a character reference (`&lt;`) gets
    /// a backslash: Markdown reads references, and text whose own
    /// reference was decoded once (`&amp;lt;`, shown `&lt;`) would be
    /// decoded a second time.
    pub escapes_references: bool,
    /// A run of white space that breaks a line is written as one space
    /// (one sentence per line). Off for JSON `text` fields, which keep a
    /// hard-wrapped sentence's `\r\n` and indentation as the source has
    /// them, and which the budget then counts as they are.
    pub joins_lines: bool,
}

/// The characters Markdown would read as markup: emphasis, code, links,
/// headings, HTML, table cells.
pub const MARKDOWN_SPECIAL: &[char] = &['\\', '`', '*', '_', '[', ']', '<', '>', '#', '|'];

impl Layout {
    /// Plain text: one sentence per line, ` …` after a cut sentence.
    pub const TEXT: Layout = Layout {
        separator: "\n",
        cut_mark: " …",
        escaped: &[],
        for_people: true,
        escapes_references: false,
        joins_lines: true,
    };

    /// Markdown: as text, with Markdown's special characters escaped.
    pub const MARKDOWN: Layout = Layout {
        separator: "\n",
        cut_mark: " …",
        escaped: MARKDOWN_SPECIAL,
        for_people: true,
        escapes_references: true,
        joins_lines: true,
    };

    /// The sentences alone, one per line (DUC's sentence-per-line
    /// summaries: `brief eval --summarize`).
    pub const LINES: Layout = Layout {
        separator: "\n",
        cut_mark: "",
        escaped: &[],
        for_people: false,
        escapes_references: false,
        joins_lines: true,
    };

    /// JSON `text` fields (`--format json`, `brief batch`): the source's
    /// bytes as they are, taken as one per line. Found by the pipeline
    /// fuzz target: measured as [`Layout::LINES`] writes them, three
    /// sentences with line breaks among tabs were 110 bytes of JSON `text`
    /// under a 104-byte budget; a CRLF file's hard-wrapped sentences
    /// would overrun the same way.
    pub const JSON: Layout = Layout {
        separator: "\n",
        cut_mark: "",
        escaped: &[],
        for_people: false,
        escapes_references: false,
        joins_lines: false,
    };

    /// How a sentence is written: each run of white space that holds a line
    /// break becomes one space, invisible characters (soft hyphens,
    /// zero-width spaces: [`is_invisible`]) are dropped, character
    /// references left in plain text (`&amp;`, `&#8217;`: [`charrefs`])
    /// become their characters, and escaped characters get a backslash.
    pub fn write<'a>(&self, text: &'a str) -> Cow<'a, str> {
        // One pass over the bytes for the common case, ASCII text without
        // control characters or escaped characters (a tab only costs a copy
        // written the same); a `&` matters only if it starts a reference.
        if !(self.for_people || self.joins_lines || self.escapes_references)
            && self.escaped.is_empty()
        {
            return Cow::Borrowed(text);
        }
        let needs_work = if text.is_ascii() {
            // A fold without early exit: the compiler vectorizes it.
            let control = text
                .bytes()
                .fold(false, |any, b| any | (b < 0x20) | (b == 0x7f));
            control || (!self.escaped.is_empty() && text.contains(self.escaped))
        } else {
            text.contains(|c: char| is_control(c) || is_invisible(c) || self.escaped.contains(&c))
        } || (self.for_people && matches!(charrefs::decode(text), Cow::Owned(_)))
            || (self.escapes_references && holds_reference_shape(text));
        if !needs_work {
            return Cow::Borrowed(text);
        }
        Cow::Owned(self.write_mapped(text).0)
    }

    /// The written text and, for each of its bytes (and one past the end),
    /// the offset in `text` of the character that produced it.
    fn write_mapped(&self, text: &str) -> (String, Vec<usize>) {
        let mut out = String::with_capacity(text.len() + 8);
        let mut origin = Vec::with_capacity(text.len() + 9);
        let mut chars = text.char_indices().peekable();
        while let Some((at, c)) = chars.next() {
            if self.for_people && (is_invisible(c) || (is_control(c) && !c.is_whitespace())) {
                // Nothing a reader sees; a control character (an escape
                // sequence's ESC) would reach the terminal.
                continue;
            }
            if self.for_people && c == '&' {
                if let Some((len, decoded)) = charrefs::reference_at(&text[at..]) {
                    // `&#8217;` written as `’`, every byte of it mapped back
                    // to the reference's start; a reference to white space
                    // (`&#10;`, `&nbsp;`) is a space, one to an invisible or
                    // control character nothing.
                    for d in decoded.chars() {
                        if d.is_whitespace() {
                            push_char(&mut out, &mut origin, at, ' ');
                        } else if !is_invisible(d) && !is_control(d) {
                            if self.escaped.contains(&d) {
                                out.push('\\');
                                origin.push(at);
                            }
                            push_char(&mut out, &mut origin, at, d);
                        }
                    }
                    while chars.next_if(|&(next, _)| next < at + len).is_some() {}
                    continue;
                }
            }
            if c.is_whitespace() {
                // A run of white space (for people, with the invisible
                // characters inside it, dropped; JSON text keeps them, and
                // so does its measure): one space if it breaks a line.
                let mut run = vec![(at, c)];
                let blank = |c: char| c.is_whitespace() || (self.for_people && is_invisible(c));
                while let Some(next) = chars.next_if(|&(_, c)| blank(c)) {
                    if !is_invisible(next.1) {
                        run.push(next);
                    }
                }
                if self.joins_lines && run.iter().any(|&(_, c)| is_line_break(c)) {
                    out.push(' ');
                    origin.push(at);
                } else {
                    for (at, c) in run {
                        push_char(&mut out, &mut origin, at, c);
                    }
                }
                continue;
            }
            if self.escaped.contains(&c) {
                out.push('\\');
                origin.push(at);
            }
            push_char(&mut out, &mut origin, at, c);
        }
        origin.push(text.len());
        if self.escapes_references && holds_reference_shape(&out) {
            // Checked on the written text: a reference can form only there
            // (`&amp;&#108;t;` is written `&lt;`).
            return escape_reference_shapes(&out, &origin);
        }
        (out, origin)
    }

    /// Whether `c`, followed by `after`, is written with a backslash in a
    /// name, written as it is.
    fn escapes(&self, c: char, after: &str) -> bool {
        self.escaped.contains(&c)
            || (c == '&' && self.escapes_references && charrefs::has_reference_shape(after))
    }

    /// A name (a document id, path or title) as written: control and
    /// invisible characters as escapes (`\n`, `\u{1b}`, `\u{202e}`), so
    /// that a name can neither start a line of its own (a forged source
    /// line), send a terminal an escape sequence nor reorder the line
    /// (a right-to-left override), and Markdown's special characters with a
    /// backslash.
    pub fn label<'a>(&self, text: &'a str) -> Cow<'a, str> {
        let hidden = |c: char| is_control(c) || is_invisible(c);
        let needs_work = text.contains(|c: char| hidden(c) || self.escaped.contains(&c))
            || (self.escapes_references && holds_reference_shape(text));
        if !needs_work {
            return Cow::Borrowed(text);
        }
        let mut out = String::with_capacity(text.len() + 8);
        for (at, c) in text.char_indices() {
            if hidden(c) {
                out.extend(c.escape_default());
            } else {
                if self.escapes(c, &text[at + c.len_utf8()..]) {
                    out.push('\\');
                }
                out.push(c);
            }
        }
        Cow::Owned(out)
    }

    /// The length of `text` as written, in `budget`'s unit.
    pub fn measure(&self, budget: Budget, text: &str) -> usize {
        budget.measure(&self.write(text))
    }

    /// What one separator costs in `budget`'s unit (nothing for a sentence
    /// budget).
    pub fn separator_cost(&self, budget: Budget) -> usize {
        match budget {
            Budget::Sentences(_) => 0,
            _ => budget.measure(self.separator),
        }
    }

    /// What the cut mark costs in `budget`'s unit.
    pub fn cut_mark_cost(&self, budget: Budget) -> usize {
        match budget {
            Budget::Sentences(_) => 0,
            _ => budget.measure(self.cut_mark),
        }
    }

    /// The byte length of the longest prefix of `text` whose written form
    /// holds at most `keep` units of `budget`, without trailing white space
    /// (see [`select::cut`]).
    pub fn cut(&self, text: &str, budget: Budget, keep: usize) -> usize {
        let written = self.write(text);
        if let Cow::Borrowed(_) = written {
            return select::cut(text, budget, keep);
        }
        let (written, origin) = self.write_mapped(text);
        let end = select::cut(&written, budget, keep);
        text[..origin[end]]
            .trim_end_matches(|c: char| c.is_whitespace() || is_invisible(c))
            .len()
    }
}

fn push_char(out: &mut String, origin: &mut Vec<usize>, at: usize, c: char) {
    out.push(c);
    origin.extend(std::iter::repeat_n(at, c.len_utf8()));
}

/// `text` as a Markdown code span: its control characters escaped, and
/// fenced by one backtick more than its longest run of them (so a path
/// holding a backtick cannot end the span early).
pub fn code_span(text: &str) -> String {
    let text = Layout::LINES.label(text);
    let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    let pad = if text.starts_with('`') || text.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{text}{pad}{fence}")
}

/// `written` (with its `origin` map, see [`Layout::write_mapped`]) with a
/// backslash before each `&` that starts the shape of a reference.
fn escape_reference_shapes(written: &str, origin: &[usize]) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(written.len() + 8);
    let mut mapped = Vec::with_capacity(origin.len() + 8);
    for (at, c) in written.char_indices() {
        if c == '&' && charrefs::has_reference_shape(&written[at + 1..]) {
            out.push('\\');
            mapped.push(origin[at]);
        }
        out.push(c);
        mapped.extend_from_slice(&origin[at..at + c.len_utf8()]);
    }
    mapped.push(origin[written.len()]);
    (out, mapped)
}

/// Whether some `&` in `text` has the shape of a character reference.
fn holds_reference_shape(text: &str) -> bool {
    text.match_indices('&')
        .any(|(at, _)| charrefs::has_reference_shape(&text[at + 1..]))
}

/// Control characters, and the line and paragraph separators a terminal
/// may also break a line at.
fn is_control(c: char) -> bool {
    c.is_control() || matches!(c, '\u{2028}' | '\u{2029}')
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `text` as text and as Markdown write it.
    fn written(text: &str) -> [String; 2] {
        [Layout::TEXT.write(text), Layout::MARKDOWN.write(text)].map(|w| w.into_owned())
    }

    #[test]
    fn writes_wrapped_lines_on_one_line_and_escapes_markdown() {
        let text = "It was a cold\r\nnight  in *the* city.";
        assert_eq!(
            written(text),
            [
                "It was a cold night  in *the* city.",
                "It was a cold night  in \\*the\\* city."
            ]
        );
        assert!(matches!(Layout::TEXT.write("Plain."), Cow::Borrowed(_)));
    }

    #[test]
    fn drops_invisible_characters() {
        let text = "The govern\u{AD}ment\u{200B} met \u{200B}\r\n in Kyiv.";
        assert_eq!(Layout::TEXT.write(text), "The government met in Kyiv.");
        assert_eq!(
            Layout::TEXT.measure(Budget::Chars(100), text),
            "The government met in Kyiv.".chars().count()
        );
        // A cut keeps whole written words: "government" is one.
        let cut = Layout::TEXT.cut(text, Budget::Words(9), 2);
        assert_eq!(&text[..cut], "The govern\u{AD}ment");
    }

    #[test]
    fn writes_character_references_as_their_characters() {
        let text = "AT&amp;T&#8217;s &lt;b&gt; plan, R&D &copy";
        assert_eq!(
            written(text),
            [
                "AT&T\u{2019}s <b> plan, R&D &copy",
                "AT&T\u{2019}s \\<b\\> plan, R&D &copy"
            ]
        );
        assert!(matches!(Layout::TEXT.write("AT&T"), Cow::Borrowed(_)));
        assert!(matches!(
            Layout::MARKDOWN.write("R&D, AT&T"),
            Cow::Borrowed(_)
        ));
        // A reference shown as written (`&amp;lt;` is `&lt;`) must not be
        // read once more by a Markdown viewer, nor one brief leaves as it is.
        let shown = "the tags &amp;lt;b&amp;gt; and &#99999999;";
        assert_eq!(
            written(shown),
            [
                "the tags &lt;b&gt; and &#99999999;",
                "the tags \\&lt;b\\&gt; and &\\#99999999;"
            ]
        );
        assert_eq!(Layout::MARKDOWN.label("R&amp;D & co;"), "R\\&amp;D & co;");
        // A reference formed only once the text is read, or once an
        // invisible character is dropped (found in review).
        assert_eq!(
            written("i&amp;&#108;t;b&\u{200B}gt;"),
            ["i&lt;b&gt;", "i\\&lt;b\\&gt;"]
        );
        // Budgets count the written characters, and a cut never falls
        // inside a reference.
        assert_eq!(Layout::TEXT.measure(Budget::Chars(100), "a&amp;b"), 3);
        let bytes = Budget::Bytes(100);
        assert_eq!(&text[..Layout::TEXT.cut(text, bytes, 4)], "AT&amp;T");
        assert_eq!(&text[..Layout::TEXT.cut(text, bytes, 3)], "AT&amp;");
    }

    #[test]
    fn json_text_is_measured_as_it_is_written_there() {
        // JSON `text` fields are the source's bytes, references and soft
        // hyphens included: a budget must count those (found in review).
        let text = "AT&amp;T govern\u{AD}ment";
        assert_eq!(Layout::LINES.write(text), text);
        assert_eq!(Layout::LINES.measure(Budget::Bytes(100), text), text.len());
        assert_eq!(Layout::TEXT.write(text), "AT&T government");
    }

    #[test]
    fn json_text_keeps_an_invisible_word_between_spaces() {
        // Found by the pipeline fuzz target: " \u{200B} " inside a
        // sentence was dropped from the measured text, so a JSON --words
        // budget was exceeded by the word JSON shows.
        let text = "officials \u{200B} The minister it";
        assert_eq!(Layout::LINES.write(text), text);
        assert_eq!(Layout::LINES.measure(Budget::Words(9), text), 5);
        assert_eq!(Layout::TEXT.write(text), "officials  The minister it");
    }

    #[test]
    fn references_to_breaks_and_controls_cannot_break_the_line() {
        let text = "Monday.&#10;[9] forged&#13;&#x9B;31m&#127; &#x2028;end";
        assert_eq!(Layout::TEXT.write(text), "Monday. [9] forged 31m  end");
    }

    #[test]
    fn names_cannot_break_lines_or_reach_the_terminal() {
        let id = "evil\n[9] fake\u{1b}]0;title\u{7}";
        assert_eq!(
            Layout::TEXT.label(id),
            "evil\\n[9] fake\\u{1b}]0;title\\u{7}"
        );
        assert_eq!(Layout::MARKDOWN.label("a*b_<x>"), "a\\*b\\_\\<x\\>");
        assert!(matches!(Layout::TEXT.label("plain id"), Cow::Borrowed(_)));
        assert_eq!(Layout::TEXT.label("T \u{202e}evil"), "T \\u{202e}evil");
        assert_eq!(code_span("dir/a.txt"), "`dir/a.txt`");
        assert_eq!(code_span("a`b``c"), "```a`b``c```");
        assert_eq!(code_span("`x"), "`` `x ``");
        // In a sentence, a control character is dropped.
        assert_eq!(Layout::TEXT.write("Red\u{1b}[31m alert."), "Red[31m alert.");
    }

    #[test]
    fn json_text_is_measured_with_its_line_breaks() {
        // Found by the pipeline fuzz target: JSON `text` keeps the source's
        // bytes, so its budget counts them.
        let bytes = Budget::Bytes(100);
        assert_eq!(Layout::JSON.measure(bytes, "a\r\n\t b"), 6);
        assert_eq!(Layout::LINES.measure(bytes, "a\r\n\t b"), 3);
        assert_eq!(
            Layout::JSON.cut("one\r\n  two three", bytes, 9),
            "one\r\n  tw".len()
        );
    }

    #[test]
    fn measures_and_costs_in_the_budget_unit() {
        let bytes = Budget::Bytes(100);
        assert_eq!(Layout::MARKDOWN.measure(bytes, "a*b"), 4);
        assert_eq!(Layout::TEXT.measure(bytes, "a\r\nb"), 3);
        assert_eq!(Layout::TEXT.separator_cost(bytes), 1);
        assert_eq!(Layout::TEXT.cut_mark_cost(bytes), 4);
        assert_eq!(Layout::TEXT.cut_mark_cost(Budget::Words(9)), 1);
        assert_eq!(Layout::TEXT.separator_cost(Budget::Words(9)), 0);
        assert_eq!(Layout::TEXT.cut_mark_cost(Budget::Chars(9)), 2);
        assert_eq!(Layout::LINES.cut_mark_cost(bytes), 0);
        assert_eq!(Layout::TEXT.separator_cost(Budget::Sentences(3)), 0);
    }

    #[test]
    fn cuts_count_the_written_form() {
        let bytes = Budget::Bytes(100);
        // "a*b*c" is written "a\*b\*c": 4 written bytes keep "a*b" less the
        // escape of the second star, so "a*b".
        let text = "a*b*c";
        assert_eq!(&text[..Layout::MARKDOWN.cut(text, bytes, 4)], "a*b");
        assert_eq!(&text[..Layout::MARKDOWN.cut(text, bytes, 5)], "a*b");
        assert_eq!(&text[..Layout::MARKDOWN.cut(text, bytes, 6)], "a*b*");
        assert_eq!(&text[..Layout::TEXT.cut(text, bytes, 4)], "a*b*");
        // A line break and its indentation are one written space.
        let wrapped = "one\n   two three";
        assert_eq!(
            &wrapped[..Layout::TEXT.cut(wrapped, bytes, 7)],
            "one\n   two"
        );
        assert_eq!(
            &wrapped[..Layout::TEXT.cut(wrapped, Budget::Words(9), 1)],
            "one"
        );
    }
}
