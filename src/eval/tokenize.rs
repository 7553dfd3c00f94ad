//! ROUGE-1.5.5's reading, truncation and tokenization of a summary.
//!
//! ROUGE reads a summary as sentence units (one per non-empty line),
//! lower-cases ASCII letters, applies the length limit to the *raw* text and
//! only then cleans it: every `-` becomes its own token, every byte other
//! than `[A-Za-z0-9-]` becomes a space. Tokens that do not start with
//! `[a-z0-9]` (the `-` tokens) are dropped, stop words are removed with `-s`,
//! and tokens longer than three bytes are stemmed with `-m`.
//!
//! Two quirks of `ROUGE-1.5.5.pl` are reproduced on purpose because they
//! change the official figures:
//! * `-l N` counts Perl `split(/\s+/)` fields of the raw lines, so
//!   punctuation-only fields count as words and a line starting with white
//!   space spends one word on an empty leading field.
//! * `-b N` counts the bytes of the sentences but not of the spaces joining
//!   them; and for ROUGE-L's sentence units (`readText_LCS`) the running
//!   byte count is never advanced, so every sentence shorter than `N` bytes
//!   is kept whole until the first one that is not.
//!
//! Non-ASCII bytes are neither letters nor digits to ROUGE, so they separate
//! tokens (`café` gives the token `caf`).

use super::porter;
use super::stopwords::is_stopword;
use super::wordnet;
use super::{Limit, RougeConfig};

/// A summary ready for scoring, with the limit and token filters applied.
#[derive(Debug, Clone, Default)]
pub(crate) struct Prepared {
    /// The token stream n-grams are counted on (ROUGE's `readText`).
    pub tokens: Vec<String>,
    /// Sentence units for ROUGE-L (ROUGE's `readText_LCS`); empty unless
    /// ROUGE-L is computed.
    pub units: Vec<Vec<String>>,
}

/// Prepares `text` (one sentence per line) the way ROUGE-1.5.5 prepares a
/// peer or model file in SPL format.
pub(crate) fn prepare(text: &str, config: &RougeConfig) -> Prepared {
    let lines = read_lines(text);
    let joined = match config.limit {
        None => join_lines(&lines),
        Some(Limit::Words(n)) => truncate_words(&lines, n),
        Some(Limit::Bytes(n)) => truncate_bytes(&lines, n),
    };
    let tokens = filter_tokens(&clean(&joined), config);
    let units = if config.rouge_l {
        let raw_units = match config.limit {
            None => lines,
            Some(Limit::Words(n)) => units_words(lines, n),
            Some(Limit::Bytes(n)) => units_bytes(lines, n),
        };
        raw_units
            .iter()
            .map(|unit| filter_tokens(&clean(unit), config))
            .collect()
    } else {
        Vec::new()
    };
    Prepared { tokens, units }
}

/// Non-empty lines (split at `\n`, as Perl's `<FH>` plus `chomp`), with
/// ASCII upper case mapped to lower case (`tr/A-Z/a-z/`).
fn read_lines(text: &str) -> Vec<Vec<u8>> {
    text.split('\n')
        .filter(|line| !line.is_empty())
        .map(|line| line.as_bytes().to_ascii_lowercase())
        .collect()
}

fn join_lines(lines: &[Vec<u8>]) -> Vec<u8> {
    lines.join(&b' ')
}

/// Perl's `\s` on byte strings.
fn is_perl_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

/// The fields of Perl's `split(/\s+/, $line)`: an empty leading field when
/// the line starts with white space (and has some other content), then the
/// runs of non-space bytes.
fn perl_split(line: &[u8]) -> Vec<&[u8]> {
    let mut fields: Vec<&[u8]> = line
        .split(|&b| is_perl_space(b))
        .filter(|field| !field.is_empty())
        .collect();
    if !fields.is_empty() && line.first().is_some_and(|&b| is_perl_space(b)) {
        fields.insert(0, &[]);
    }
    fields
}

/// `readText` with `-l n`: whole lines while they fit strictly under the
/// budget, then the first fields of the line that does not.
fn truncate_words(lines: &[Vec<u8>], n: usize) -> Vec<u8> {
    let mut out = Vec::new();
    let mut used = 0;
    for line in lines {
        let fields = perl_split(line);
        if used + fields.len() < n {
            if used != 0 {
                out.push(b' ');
            }
            out.extend_from_slice(line);
            used += fields.len();
        } else {
            if used > 0 {
                out.push(b' ');
            }
            out.extend_from_slice(&fields[..n - used].join(&b' '));
            break;
        }
    }
    out
}

/// `readText_LCS` with `-l n`: the same cut, kept as sentence units.
fn units_words(lines: Vec<Vec<u8>>, n: usize) -> Vec<Vec<u8>> {
    let mut units = Vec::new();
    let mut used = 0;
    for line in lines {
        let len = perl_split(&line).len();
        if used + len < n {
            used += len;
            units.push(line);
        } else {
            units.push(perl_split(&line)[..n - used].join(&b' '));
            break;
        }
    }
    units
}

/// `readText` with `-b n`: the joining spaces are not counted, and the last
/// sentence is cut at a byte, possibly mid-word.
fn truncate_bytes(lines: &[Vec<u8>], n: usize) -> Vec<u8> {
    let mut out = Vec::new();
    let mut used = 0;
    for line in lines {
        if used + line.len() < n {
            if used != 0 {
                out.push(b' ');
            }
            out.extend_from_slice(line);
            used += line.len();
        } else {
            if used > 0 {
                out.push(b' ');
            }
            out.extend_from_slice(&line[..(n - used).min(line.len())]);
            break;
        }
    }
    out
}

/// `readText_LCS` with `-b n`, including its bug: the byte count is never
/// advanced, so only a single sentence of `n` bytes or more stops it.
fn units_bytes(lines: Vec<Vec<u8>>, n: usize) -> Vec<Vec<u8>> {
    let mut units = Vec::new();
    for mut line in lines {
        if line.len() < n {
            units.push(line);
        } else {
            line.truncate(n);
            units.push(line);
            break;
        }
    }
    units
}

/// ROUGE's clean-up: `s/-/ - /g; s/[^A-Za-z0-9\-]/ /g`, then split on
/// white space.
fn clean(text: &[u8]) -> Vec<String> {
    let mut tokens = Vec::new();
    let mut current = String::new();
    for &b in text {
        if b.is_ascii_alphanumeric() {
            current.push(char::from(b));
            continue;
        }
        if !current.is_empty() {
            tokens.push(std::mem::take(&mut current));
        }
        if b == b'-' {
            tokens.push("-".to_string());
        }
    }
    if !current.is_empty() {
        tokens.push(current);
    }
    tokens
}

/// ROUGE's `createNGram`/`tokenizeText` filter: stop words out (with `-s`),
/// only tokens starting with `[a-z0-9]`, and for tokens longer than three
/// bytes (with `-m`) ROUGE's `MorphStem`: the WordNet base form of an
/// irregular form, else the Porter stem.
fn filter_tokens(raw: &[String], config: &RougeConfig) -> Vec<String> {
    raw.iter()
        .filter(|token| !(config.remove_stopwords && is_stopword(token)))
        .filter(|token| {
            token
                .as_bytes()
                .first()
                .is_some_and(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
        .map(|token| {
            if config.stem && token.len() > 3 {
                wordnet::base_form(token).map_or_else(|| porter::stem(token), str::to_string)
            } else {
                token.clone()
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(limit: usize) -> RougeConfig {
        RougeConfig {
            limit: Some(Limit::Words(limit)),
            ..RougeConfig::default()
        }
    }

    #[test]
    fn cleans_like_rouge() {
        let p = prepare(
            "The U.S.-led state-of-the-art plan, Pinochet's 1973-90 rule.",
            &RougeConfig::default(),
        );
        assert_eq!(
            p.tokens,
            [
                "the", "u", "s", "led", "state", "of", "the", "art", "plan", "pinochet", "s",
                "1973", "90", "rule"
            ]
        );
    }

    #[test]
    fn word_limit_counts_raw_fields_across_lines() {
        // "b ," is two raw fields; the limit of 4 stops after "c".
        let p = prepare("A b ,\nc d e\n", &words(4));
        assert_eq!(p.tokens, ["a", "b", "c"]);
        assert_eq!(p.units, vec![vec!["a", "b"], vec!["c"]]);
    }

    #[test]
    fn word_limit_counts_a_leading_empty_field() {
        let p = prepare(" a b c", &words(2));
        assert_eq!(p.tokens, ["a"]);
    }

    #[test]
    fn byte_limit_cuts_mid_word_and_ignores_joining_spaces() {
        let config = RougeConfig {
            limit: Some(Limit::Bytes(7)),
            ..RougeConfig::default()
        };
        // "abc" (3 bytes) fits, then 4 bytes of "defgh": "abc defg".
        let p = prepare("abc\ndefgh ij\n", &config);
        assert_eq!(p.tokens, ["abc", "defg"]);
    }

    #[test]
    fn byte_limit_units_keep_short_sentences_whole() {
        let config = RougeConfig {
            limit: Some(Limit::Bytes(5)),
            ..RougeConfig::default()
        };
        // readText cuts "def" to 2 bytes; readText_LCS never advances its
        // byte count: "abc" and "def" are
        // both shorter than 5 bytes and kept; "ghijkl" is cut to 5 bytes.
        let p = prepare("abc\ndef\nghijkl\nmn\n", &config);
        assert_eq!(p.tokens, ["abc", "de"]);
        assert_eq!(p.units, vec![vec!["abc"], vec!["def"], vec!["ghijk"]]);
    }

    #[test]
    fn stems_long_tokens_and_drops_stopwords() {
        let config = RougeConfig {
            stem: true,
            remove_stopwords: true,
            ..RougeConfig::default()
        };
        let p = prepare("The ponies were running; cats ran.", &config);
        assert_eq!(p.tokens, ["poni", "run", "cat", "ran"]);
        // Irregular forms take WordNet's base form, unstemmed.
        let stem = RougeConfig {
            stem: true,
            ..RougeConfig::default()
        };
        let p = prepare("Children went home", &stem);
        assert_eq!(p.tokens, ["child", "go", "home"]);
    }
}
