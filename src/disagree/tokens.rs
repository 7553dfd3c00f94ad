//! A small tokenizer that keeps what value extraction needs and the
//! analyzer drops: byte offsets, numerals with their separators
//! (`1,200`, `2.5`, `1/2`), punctuation (`$`, `%`, `-`), case, and
//! whether a token touches the previous one (`three-hour`, `US$`).

use std::borrow::Cow;

/// What a token is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TokenKind {
    /// Letters, with inner apostrophes (`Trump's`, `don't`).
    Word,
    /// Digits, with inner `,` `.` `/` between digits (`1,200`, `2.5`, `1/2`).
    Number,
    /// Any other single character that is not white space.
    Punct,
}

/// One token of a sentence.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Token<'a> {
    /// Byte range in the sentence.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The token as written.
    pub text: &'a str,
    /// Lowercased, typographic apostrophes folded to `'` (borrowed when
    /// the token already is).
    pub lower: Cow<'a, str>,
    /// Word, number or punctuation.
    pub kind: TokenKind,
    /// True when white space separates it from the previous token.
    pub space_before: bool,
}

impl Token<'_> {
    /// True for a word starting with an uppercase letter.
    pub fn is_capitalized(&self) -> bool {
        self.kind == TokenKind::Word && self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// True for punctuation `c`.
    pub fn is(&self, c: char) -> bool {
        self.kind == TokenKind::Punct && self.text.starts_with(c)
    }

    /// True for a dash or hyphen of any kind.
    pub fn is_dash(&self) -> bool {
        self.kind == TokenKind::Punct
            && matches!(
                self.text.chars().next(),
                Some(
                    '-' | '\u{2010}'
                        | '\u{2011}'
                        | '\u{2012}'
                        | '\u{2013}'
                        | '\u{2014}'
                        | '\u{2212}'
                )
            )
    }
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02BC}')
}

/// Splits `text` into tokens.
pub(crate) fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut tokens = Vec::new();
    let mut chars = text.char_indices().peekable();
    let mut space_before = true;
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() {
            space_before = true;
            continue;
        }
        let mut end = start + c.len_utf8();
        let kind = if c.is_ascii_digit() {
            // Digits, and , . / followed by a digit.
            while let Some(&(i, d)) = chars.peek() {
                let digit_follows =
                    text[i + d.len_utf8()..].starts_with(|n: char| n.is_ascii_digit());
                if d.is_ascii_digit() || matches!(d, ',' | '.' | '/') && digit_follows {
                    chars.next();
                    end = i + 1;
                } else {
                    break;
                }
            }
            TokenKind::Number
        } else if c.is_alphabetic() {
            while let Some(&(i, d)) = chars.peek() {
                if d.is_alphabetic() || d.is_ascii_digit() && text[start..i].len() <= 3 {
                    // Letters; short letter-digit codes (`B2`, `G7`) stay one token.
                    chars.next();
                    end = i + d.len_utf8();
                } else if is_apostrophe(d)
                    && text[i + d.len_utf8()..].starts_with(char::is_alphabetic)
                {
                    chars.next();
                    end = i + d.len_utf8();
                } else {
                    break;
                }
            }
            TokenKind::Word
        } else {
            TokenKind::Punct
        };
        let raw = &text[start..end];
        let folded = kind == TokenKind::Word
            && raw
                .chars()
                .any(|c| c.is_uppercase() || is_apostrophe(c) && c != '\'');
        let lower = if folded {
            Cow::Owned(
                raw.chars()
                    .flat_map(|c| {
                        let c = if is_apostrophe(c) { '\'' } else { c };
                        c.to_lowercase()
                    })
                    .collect(),
            )
        } else {
            Cow::Borrowed(raw)
        };
        tokens.push(Token {
            start,
            end,
            text: raw,
            lower,
            kind,
            space_before,
        });
        space_before = false;
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<&str> {
        tokenize(s).into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn numbers_keep_their_separators() {
        assert_eq!(
            texts("1,200 people, 2.5 million"),
            ["1,200", "people", ",", "2.5", "million"]
        );
        assert_eq!(
            texts("the 3-1/2-year-old war"),
            ["the", "3", "-", "1/2", "-", "year", "-", "old", "war"]
        );
        assert_eq!(texts("ended 1999."), ["ended", "1999", "."]);
    }

    /// Found by the pipeline fuzz target: a number followed by a
    /// multi-byte character (a curly quote) must not slice inside it.
    #[test]
    fn a_number_before_a_curly_quote() {
        assert_eq!(texts("won 12” and “5"), ["won", "12", "”", "and", "“", "5"]);
    }

    #[test]
    fn words_keep_apostrophes_and_offsets() {
        let t = tokenize("Trump’s “deal” US$5");
        assert_eq!(t[0].text, "Trump’s");
        assert_eq!(t[0].lower, "trump's");
        assert_eq!(t[1].text, "“");
        assert!(t[1].space_before);
        assert!(!t[2].space_before);
        let dollar = t.iter().position(|x| x.text == "$").unwrap();
        assert!(!t[dollar].space_before);
        assert_eq!(t.last().unwrap().text, "5");
        assert_eq!(&"Trump’s “deal” US$5"[t[2].start..t[2].end], "deal");
    }
}
