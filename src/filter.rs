//! Which sentences can stand alone in a summary.
//!
//! An extractive summary lifts sentences out of their articles. Some read
//! badly there, whatever their content: a question, a sentence that is
//! mostly somebody's quoted words, a sentence that leans on the one before
//! it ("He said ...", "But the plan ..."), a fragment that ends without
//! sentence punctuation (a list item such as "A 30-day ceasefire along the
//! front line", a caption, a headline too long to be taken for one). Strong extractive systems drop
//! such sentences from the candidates (ICSISumm drops quotations; Lin and
//! Bilmes, and the DUC systems before them, drop very short ones). They
//! still cluster and are still cited as sources of the facts they share.

/// What to drop.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Filters {
    /// Sentences of which at least half the words are inside quotation marks.
    pub quotes: bool,
    /// Sentences ending with a question mark.
    pub questions: bool,
    /// Sentences opening with a pronoun or a connective that refers back.
    pub openers: bool,
    /// Fragments: short text that does not end with sentence punctuation
    /// (see [`MAX_FRAGMENT_WORDS`]).
    pub fragments: bool,
}

impl Default for Filters {
    fn default() -> Self {
        Filters {
            quotes: true,
            questions: true,
            openers: false,
            fragments: true,
        }
    }
}

/// Opening words that refer to an earlier sentence (case-folded).
const BACK_REFERENCES: &[&str] = &[
    "he",
    "she",
    "it",
    "they",
    "his",
    "her",
    "its",
    "their",
    "this",
    "these",
    "those",
    "but",
    "and",
    "also",
    "however",
    "so",
    "yet",
    "still",
    "meanwhile",
    "instead",
    "moreover",
    "furthermore",
    "besides",
    "thus",
    "therefore",
    "nonetheless",
    "nevertheless",
    "otherwise",
    "hence",
    "likewise",
    "similarly",
    "then",
    "there",
    "such",
    "that",
];

/// Whether `text` (a sentence as shown, past any dateline) may stand in a
/// summary under `filters`.
pub fn stands_alone(text: &str, filters: Filters) -> bool {
    let text = text.trim();
    if filters.questions
        && text
            .trim_end_matches(['"', '\'', '”', '’', ')'])
            .ends_with('?')
    {
        return false;
    }
    if filters.fragments
        && !ends_a_sentence(text)
        && text.split_whitespace().nth(MAX_FRAGMENT_WORDS).is_none()
    {
        return false;
    }
    if filters.quotes && quoted_share(text) >= 0.5 {
        return false;
    }
    if filters.openers {
        let first: String = text
            .split(|c: char| !c.is_alphanumeric() && c != '\'')
            .find(|w| !w.is_empty())
            .unwrap_or("")
            .to_lowercase();
        if BACK_REFERENCES.contains(&first.as_str()) {
            return false;
        }
    }
    true
}

/// A text without sentence punctuation is a fragment (a list item, a
/// caption, "Here are the milestones:") up to this many words, the length
/// of a heading (segment's rule); a longer one is more likely a sentence
/// whose end got lost ("... east of Istanbul, the largest city of
/// Turkey,"), which still says something whole enough to be summarized.
pub const MAX_FRAGMENT_WORDS: usize = 12;

/// True when `text`, past closing quotes and brackets, ends with sentence
/// punctuation (in any script brief segments), or does before a closing
/// parenthesis such as a wire's tag: "... for independence. (jt/krt)".
fn ends_a_sentence(text: &str) -> bool {
    let ends = |text: &str| {
        text.trim_end_matches([')', ']', '"', '\'', '”', '’', '»', '›'])
            .ends_with(['.', '!', '?', '…', '。', '！', '？', '؟', '۔', '।', '॥'])
    };
    ends(text)
        || (text.ends_with(')')
            && text
                .rfind('(')
                .is_some_and(|open| ends(text[..open].trim_end())))
}

/// The share of `text`'s white-space separated words that sit inside
/// quotation marks (`"`, `“ ”`, and the `` `` '' `` of news wires). An
/// unclosed quotation runs to the end of the sentence.
pub fn quoted_share(text: &str) -> f64 {
    // Most sentences open no quotation: nothing below would count a word.
    if memchr::memchr2(b'"', b'`', text.as_bytes()).is_none()
        && memchr::memmem::find(text.as_bytes(), "“".as_bytes()).is_none()
    {
        return 0.0;
    }
    let mut inside = false;
    let (mut quoted, mut total) = (0usize, 0usize);
    for word in text.split_whitespace() {
        let opens =
            word.starts_with("``") || word.starts_with('“') || (word.starts_with('"') && !inside);
        if opens {
            inside = true;
        }
        total += 1;
        if inside {
            quoted += 1;
        }
        let closes = word.contains("''") || word.contains('”') || {
            let body = word.trim_start_matches('"');
            (body.len() < word.len() && body.contains('"')) || (!opens && word.contains('"'))
        };
        if closes {
            inside = false;
        }
    }
    if total == 0 {
        0.0
    } else {
        quoted as f64 / total as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_share_counts_words_between_quotes() {
        assert_eq!(
            quoted_share("He said ``we will win this war,'' firmly."),
            5.0 / 8.0
        );
        assert_eq!(quoted_share("“We will win,” he said."), 3.0 / 5.0);
        assert_eq!(quoted_share("\"We will win,\" he said."), 3.0 / 5.0);
        assert_eq!(quoted_share("No quotes here at all."), 0.0);
    }

    #[test]
    fn questions_and_quotations_do_not_stand_alone() {
        let f = Filters::default();
        assert!(!stands_alone("Who will pay for the damage?", f));
        assert!(!stands_alone(
            "``We will rebuild every house,'' the mayor said.",
            f
        ));
        assert!(stands_alone(
            "The mayor said the city would rebuild every house destroyed by the storm.",
            f
        ));
        assert!(stands_alone("“We will rebuild,” the mayor said (AP).", f));
        assert!(stands_alone("ETA has killed 800 people. (jt/krt)", f));
        assert!(!stands_alone(
            "A 30-day ceasefire along the current front line",
            f
        ));
    }
}
