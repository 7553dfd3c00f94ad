//! Which `sentencex` rules split a language's paragraphs.
//!
//! `sentencex::language_factory` is right for every language brief supports
//! but one: its Danish rules compile the regular expression `^\W*[0-9a-z]`
//! anew at every candidate boundary (sentencex 0.1.33), which makes Danish
//! segmentation tens of times slower than any other language's. [`Danish`]
//! is the same rules with that expression compiled once.

use std::sync::LazyLock;

use regex::Regex;
use rustc_hash::FxHashSet;
use sentencex::languages::Language as SentencexLanguage;

use crate::lang::Language;

/// The sentence-boundary rules for `language`.
pub(super) fn for_language(language: Language) -> Box<dyn SentencexLanguage> {
    match language {
        Language::Danish => Box::new(Danish),
        other => sentencex::language_factory(other.code()),
    }
}

/// sentencex's Danish rules: its abbreviations, and a boundary that is not
/// one when the next word (after any non-word characters) starts with a
/// lowercase ASCII letter or a digit.
struct Danish;

static UPSTREAM_DANISH: sentencex::languages::Danish = sentencex::languages::Danish {};

static CONTINUES_IN_NEXT_WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\W*[0-9a-z]").expect("a valid regular expression"));

impl SentencexLanguage for Danish {
    fn get_abbreviations(&self) -> &FxHashSet<String> {
        UPSTREAM_DANISH.get_abbreviations()
    }

    fn continue_in_next_word(&self, text_after_boundary: &str) -> bool {
        CONTINUES_IN_NEXT_WORD.is_match(text_after_boundary)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Danish text with abbreviations, numbers, lowercase continuations,
    /// quotes and parentheses: both rule sets must cut it identically.
    #[test]
    fn danish_rules_cut_exactly_as_sentencex_does() {
        let texts = [
            "Mødet sluttede kl. 15.30 i går. Ministeren sagde bl.a., at aftalen holder. \
             Næste møde er d. 3. maj. ca. 40 personer deltog. Det var alt.",
            "Han sagde: »Vi er klar.« Så gik han. (Se også s. 4.) 12. juni 2024 blev \
             loven vedtaget. ... og så videre. Hvad nu? Intet!",
            "Dr. Jensen og prof. Hansen mødtes. – det var en god dag. \"Ja.\" 3 af 4 sagde nej.",
            "",
            "Ingen punktum her",
        ];
        let upstream = sentencex::language_factory("da");
        for text in texts {
            let ours: Vec<_> = Danish
                .get_sentence_boundaries(text)
                .iter()
                .map(|b| (b.start_byte, b.end_byte))
                .collect();
            let theirs: Vec<_> = upstream
                .get_sentence_boundaries(text)
                .iter()
                .map(|b| (b.start_byte, b.end_byte))
                .collect();
            assert_eq!(ours, theirs, "{text}");
        }
    }
}
