//! The analysis language: one choice that picks the sentence-boundary rules,
//! the stop-word list and the Snowball stemmer together.

use std::fmt;
use std::str::FromStr;

use crate::error::Error;

/// A language that every analysis component supports: `sentencex` segments it,
/// `stop-words` has an NLTK list for it, and `rust-stemmers` has a Snowball
/// stemmer for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[allow(missing_docs)]
pub enum Language {
    Arabic,
    Danish,
    Dutch,
    English,
    Finnish,
    French,
    German,
    Greek,
    Hungarian,
    Italian,
    Norwegian,
    Portuguese,
    Romanian,
    Russian,
    Spanish,
    Swedish,
    Tamil,
    Turkish,
}

impl Language {
    /// Every supported language, in code order.
    pub const ALL: [Language; 18] = [
        Language::Arabic,
        Language::Danish,
        Language::German,
        Language::Greek,
        Language::English,
        Language::Spanish,
        Language::Finnish,
        Language::French,
        Language::Hungarian,
        Language::Italian,
        Language::Dutch,
        Language::Norwegian,
        Language::Portuguese,
        Language::Romanian,
        Language::Russian,
        Language::Swedish,
        Language::Tamil,
        Language::Turkish,
    ];

    /// The ISO 639-1 code, as accepted by `--lang`.
    pub fn code(self) -> &'static str {
        match self {
            Language::Arabic => "ar",
            Language::Danish => "da",
            Language::Dutch => "nl",
            Language::English => "en",
            Language::Finnish => "fi",
            Language::French => "fr",
            Language::German => "de",
            Language::Greek => "el",
            Language::Hungarian => "hu",
            Language::Italian => "it",
            Language::Norwegian => "no",
            Language::Portuguese => "pt",
            Language::Romanian => "ro",
            Language::Russian => "ru",
            Language::Spanish => "es",
            Language::Swedish => "sv",
            Language::Tamil => "ta",
            Language::Turkish => "tr",
        }
    }

    /// The English name, as also accepted by `--lang` (case-insensitive).
    pub fn name(self) -> &'static str {
        match self {
            Language::Arabic => "arabic",
            Language::Danish => "danish",
            Language::Dutch => "dutch",
            Language::English => "english",
            Language::Finnish => "finnish",
            Language::French => "french",
            Language::German => "german",
            Language::Greek => "greek",
            Language::Hungarian => "hungarian",
            Language::Italian => "italian",
            Language::Norwegian => "norwegian",
            Language::Portuguese => "portuguese",
            Language::Romanian => "romanian",
            Language::Russian => "russian",
            Language::Spanish => "spanish",
            Language::Swedish => "swedish",
            Language::Tamil => "tamil",
            Language::Turkish => "turkish",
        }
    }

    /// The Snowball stemmer for this language.
    pub fn stemmer_algorithm(self) -> rust_stemmers::Algorithm {
        use rust_stemmers::Algorithm as A;
        match self {
            Language::Arabic => A::Arabic,
            Language::Danish => A::Danish,
            Language::Dutch => A::Dutch,
            Language::English => A::English,
            Language::Finnish => A::Finnish,
            Language::French => A::French,
            Language::German => A::German,
            Language::Greek => A::Greek,
            Language::Hungarian => A::Hungarian,
            Language::Italian => A::Italian,
            Language::Norwegian => A::Norwegian,
            Language::Portuguese => A::Portuguese,
            Language::Romanian => A::Romanian,
            Language::Russian => A::Russian,
            Language::Spanish => A::Spanish,
            Language::Swedish => A::Swedish,
            Language::Tamil => A::Tamil,
            Language::Turkish => A::Turkish,
        }
    }

    /// The NLTK stop-word list for this language.
    ///
    /// NLTK's lists are used rather than the larger ISO ones because the ISO
    /// English list (about 1,300 words) drops content words such as "new",
    /// "year" and "million" that carry facts in news text.
    pub fn stop_words(self) -> &'static [&'static str] {
        // Every variant has an NLTK list (checked by a unit test), so the
        // fallback to no stop words is never taken in practice.
        stop_words::lookup(self.code()).unwrap_or(&[])
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Language {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let wanted = s.trim().to_ascii_lowercase();
        Language::ALL
            .into_iter()
            .find(|lang| lang.code() == wanted || lang.name() == wanted)
            .ok_or_else(|| Error::Config {
                option: "--lang",
                message: format!(
                    "unsupported language {s:?}; supported: {}",
                    Language::ALL.map(|l| l.code()).join(", ")
                ),
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_has_stop_words_and_parses_back() {
        for lang in Language::ALL {
            assert!(
                !lang.stop_words().is_empty(),
                "{} has no stop words",
                lang.name()
            );
            assert_eq!(lang.code().parse::<Language>().unwrap(), lang);
            assert_eq!(lang.name().parse::<Language>().unwrap(), lang);
        }
    }

    #[test]
    fn english_stop_words_keep_news_content_words() {
        let words = Language::English.stop_words();
        assert!(words.contains(&"the"));
        for content in ["new", "year", "million", "president"] {
            assert!(
                !words.contains(&content),
                "{content} must not be a stop word"
            );
        }
    }

    #[test]
    fn unknown_language_is_a_config_error() {
        let err = "klingon".parse::<Language>().unwrap_err();
        assert!(err.to_string().contains("klingon"));
    }
}
