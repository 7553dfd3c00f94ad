//! Blocks of links to other articles: "Read more:", "Related Topics",
//! "More on this story" and the headlines listed under them.
//!
//! A page pasted as text keeps its link lists, one headline per line,
//! often as list items ("• What to know about the plant"). Each headline
//! alone looks like a heading, or like a list item of the article (list
//! items are body text even without punctuation), and so could become a
//! summary sentence about a different article. What gives the block away
//! is its cue, a navigation heading: the cue and every line after it that
//! is a heading or an unpunctuated line (a headline) are boilerplate, up
//! to the first real sentence. A cue written with its link on one line
//! ("READ MORE: Zelensky backs the plan") is boilerplate too.
//!
//! Deciding needs the lines before, so this runs over the classified
//! paragraphs in order ([`LinkBlocks::reclassify`]), after
//! [`super::classify`] has judged each line on its own.

use super::classify::{ends_with_sentence_punctuation, is_closer, LanguageRules, LineClass};
use super::UnitKind;

/// English navigation headings that introduce links to other articles,
/// lower case.
pub(super) const ENGLISH_LINK_CUES: &[&str] = &[
    "read more",
    "read also",
    "also read",
    "see also",
    "related",
    "related topics",
    "related stories",
    "related articles",
    "related coverage",
    "related content",
    "related links",
    "related news",
    "more on this story",
    "more on this topic",
    "more stories",
    "more news",
    "more coverage",
    "most read",
    "most popular",
    "most viewed",
    "trending",
    "trending now",
    "top stories",
    "latest news",
    "latest stories",
    "recommended",
    "recommended for you",
    "recommended stories",
    "you may also like",
    "you might also like",
    "further reading",
    "more like this",
    "read next",
    "what to read next",
    "editor's picks",
    "editors' picks",
    "don't miss",
    // Found in review of saved pages (CNN, WordPress, Taboola widgets).
    "related article",
    "recent posts",
    "popular",
    "popular now",
    "latest",
    "you may like",
    "promoted stories",
    "sponsored links",
    "sponsored stories",
];

/// English starts of cues that name the outlet or section after them
/// ("More from CNN", "Most read in World"): a cue when the whole line is at most
/// [`MAX_NAMED_CUE_WORDS`] words without sentence punctuation.
pub(super) const ENGLISH_NAMED_CUES: &[&str] = &["more from ", "most read in ", "most popular in "];

/// Words in a line that starts with a named cue.
const MAX_NAMED_CUE_WORDS: usize = 5;

/// A headline in a link block has at most this many words; a longer
/// unpunctuated line is more likely text whose period got lost, and ends
/// the block.
const MAX_HEADLINE_WORDS: usize = 20;

/// Whether the paragraphs read so far end inside a link block.
#[derive(Debug, Default)]
pub(super) struct LinkBlocks {
    open: bool,
}

impl LinkBlocks {
    /// The class of `line` given the lines before it: boilerplate for a
    /// cue and for the headlines after one, `class` otherwise.
    pub(super) fn reclassify(
        &mut self,
        line: &str,
        class: LineClass,
        rules: &LanguageRules,
    ) -> LineClass {
        if rules.link_cues.is_empty() {
            return class;
        }
        match cue(line, rules) {
            Some(Cue::Alone) => {
                self.open = true;
                return LineClass::Whole(UnitKind::Boilerplate);
            }
            Some(Cue::WithLink) => return LineClass::Whole(UnitKind::Boilerplate),
            None => {}
        }
        if !self.open {
            return class;
        }
        match class {
            LineClass::Whole(UnitKind::Heading) => LineClass::Whole(UnitKind::Boilerplate),
            LineClass::Whole(_) | LineClass::Sentences(UnitKind::Boilerplate) => class,
            // A headline: unpunctuated, or a question ("Why did the tram
            // derail?"; found in review: one closed the block).
            LineClass::Sentences(_)
                if (!ends_with_sentence_punctuation(line, rules)
                    || line.trim_end_matches(is_closer).ends_with('?'))
                    && line.split_whitespace().nth(MAX_HEADLINE_WORDS).is_none() =>
            {
                LineClass::Whole(UnitKind::Boilerplate)
            }
            LineClass::Sentences(_) => {
                self.open = false;
                class
            }
        }
    }
}

/// The longest cue, in bytes ("das könnte sie auch interessieren"):
/// longer lines are no cue.
const MAX_CUE_BYTES: usize = 34;

/// How a line is a link cue.
#[derive(Debug, PartialEq, Eq)]
enum Cue {
    /// The cue alone ("Related Topics", "Read more:"): links follow.
    Alone,
    /// The cue, a colon and one link ("READ MORE: Zelensky backs plan").
    WithLink,
}

fn cue(line: &str, rules: &LanguageRules) -> Option<Cue> {
    // Cues are short: compare only lines that could hold one (with a link,
    // the cue comes before a colon).
    let head = match line.find(':') {
        Some(colon) if colon + 1 < line.len() => &line[..colon],
        _ => line.trim_end_matches([':', ' ']),
    };
    let head = head.trim();
    if head.len() > MAX_CUE_BYTES {
        return None;
    }
    // Curly apostrophes ("Editor’s Picks") and capitals outside ASCII ("À
    // lire aussi") are compared lower-cased.
    let is_cue = if head.is_ascii() {
        rules
            .link_cues
            .iter()
            .any(|cue| head.eq_ignore_ascii_case(cue))
    } else {
        let head = head.to_lowercase().replace('’', "'");
        rules.link_cues.iter().any(|cue| head == *cue)
    };
    if !(is_cue || is_named_cue(head, rules)) {
        return None;
    }
    let rest = line[head.len()..].trim_start_matches([':', ' ']).trim();
    Some(if rest.is_empty() {
        Cue::Alone
    } else {
        Cue::WithLink
    })
}

/// True when `head` is a cue that names an outlet or section ("More from
/// CNN").
fn is_named_cue(head: &str, rules: &LanguageRules) -> bool {
    if rules.named_link_cues.is_empty() || ends_with_sentence_punctuation(head, rules) {
        return false;
    }
    let lower = head.to_lowercase();
    rules
        .named_link_cues
        .iter()
        .any(|cue| lower.starts_with(cue))
        && head.split_whitespace().nth(MAX_NAMED_CUE_WORDS).is_none()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Language;

    #[test]
    fn cues_with_and_without_their_link() {
        let rules = LanguageRules::for_language(Language::English);
        assert_eq!(cue("Read more:", rules), Some(Cue::Alone));
        assert_eq!(cue("RELATED TOPICS", rules), Some(Cue::Alone));
        assert_eq!(cue("Editor’s Picks", rules), Some(Cue::Alone));
        assert_eq!(
            cue("READ MORE: Zelensky backs ceasefire plan", rules),
            Some(Cue::WithLink)
        );
        for line in [
            "Related article",
            "More from CNN",
            "Most read in World",
            "You May Like",
        ] {
            assert_eq!(cue(line, rules), Some(Cue::Alone), "{line}");
        }
        for line in [
            "Read more about the plan on our website.",
            "Related reporting showed the opposite.",
            "The ministry said: talks resume Thursday.",
            "More from the minister later.",
            "More from the minister on the budget and the plan",
        ] {
            assert_eq!(cue(line, rules), None, "{line}");
        }
    }

    #[test]
    fn every_cue_fits_the_length_compared() {
        for language in Language::ALL {
            let rules = LanguageRules::for_language(language);
            for cue_text in rules.link_cues {
                assert!(cue_text.len() <= MAX_CUE_BYTES, "{cue_text}");
                assert_eq!(cue_text.to_lowercase(), *cue_text, "lower case");
                assert_eq!(cue(cue_text, rules), Some(Cue::Alone), "{cue_text}");
            }
        }
        let french = LanguageRules::for_language(Language::French);
        assert_eq!(cue("À LIRE AUSSI", french), Some(Cue::Alone));
        assert_eq!(
            cue("Lire aussi : Le port face à la pénurie", french),
            Some(Cue::WithLink)
        );
    }
}
