//! Standfirsts: the unpunctuated line of 13 to 40 words that pages put
//! under a headline, before the article ("Mayor calls it ‘a black day’ as
//! firefighters spend nine hours tackling blaze that sent smoke over
//! city").
//!
//! Longer than a heading ([`super::classify`] takes at most 12 words), it
//! was read as a sentence, so it was summarized and clustered with the
//! article's sentences; and as it sums up several facts, the sources of
//! each were cited for all of them (found in review: a source saying
//! "about eight hours" cited for "nine hours"). The article's own
//! sentences state the same facts one by one. What gives a standfirst away
//! is where it stands: after a heading, before any sentence, one line
//! without sentence punctuation. It becomes a heading.

use super::classify::{ends_with_sentence_punctuation, is_opener, LanguageRules};
use super::lists::starts_with_list_marker;
use super::{Unit, UnitKind};

/// A longer line without punctuation is more likely text whose period got
/// lost than a standfirst (standfirsts run 15 to 35 words).
const MAX_STANDFIRST_WORDS: usize = 40;

/// Where a document's paragraphs have got to.
#[derive(Debug, Default)]
pub(super) struct Standfirsts {
    /// A heading (the headline) came before.
    after_heading: bool,
    /// A sentence came before: the article has begun.
    article_begun: bool,
}

impl Standfirsts {
    /// Looks at the units of the paragraph `line` just segmented (`units`),
    /// making a standfirst a heading.
    pub(super) fn reclassify(&mut self, line: &str, units: &mut [Unit], rules: &LanguageRules) {
        if let [unit] = units {
            let is_standfirst = self.after_heading
                && !self.article_begun
                && unit.kind == UnitKind::Sentence
                && !ends_with_sentence_punctuation(line, rules)
                // A line that introduces what follows (`... trois mesures :`).
                && !line.trim_end().ends_with(':')
                && !starts_with_list_marker(line)
                // Capitalized, as headings are: lowercase lines under a
                // heading are the pieces of a broken sentence (a DUC 2007
                // document wraps its first sentence over blank lines).
                && line
                    .trim_start_matches(is_opener)
                    .starts_with(char::is_uppercase)
                && line.split_whitespace().nth(MAX_STANDFIRST_WORDS).is_none();
            if is_standfirst {
                unit.kind = UnitKind::Heading;
            }
        }
        for unit in units.iter() {
            match unit.kind {
                UnitKind::Heading => self.after_heading = true,
                UnitKind::Sentence => self.article_begun = true,
                UnitKind::Byline | UnitKind::Boilerplate => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::lang::Language;
    use crate::segment::{Segmenter, UnitKind};

    fn kinds(text: &str) -> Vec<(UnitKind, &str)> {
        Segmenter::new(Language::English)
            .segment(text, 0)
            .iter()
            .map(|unit| (unit.kind, &text[unit.start..unit.end]))
            .collect()
    }

    const STANDFIRST: &str = "Mayor calls it ‘a black day’ as firefighters spend nine hours tackling blaze that sent smoke over city";

    #[test]
    fn the_line_under_a_headline_is_a_standfirst() {
        let text = format!(
            "Four dead in Rotterdam port fire\n{STANDFIRST}\nBy Jane Doe\nA fire tore through a warehouse on Monday.\n"
        );
        let units = kinds(&text);
        assert_eq!(units[1], (UnitKind::Heading, STANDFIRST));
        assert_eq!(
            units[3],
            (
                UnitKind::Sentence,
                "A fire tore through a warehouse on Monday."
            )
        );
    }

    #[test]
    fn unpunctuated_lines_elsewhere_stay_sentences() {
        // No headline before it.
        let alone = format!("{STANDFIRST}\nA fire tore through a warehouse on Monday.\n");
        assert_eq!(kinds(&alone)[0], (UnitKind::Sentence, STANDFIRST));
        // After the article has begun.
        let later = format!(
            "Four dead in Rotterdam port fire\nA fire tore through a warehouse on Monday.\n{STANDFIRST}\n"
        );
        assert_eq!(kinds(&later)[2], (UnitKind::Sentence, STANDFIRST));
        // A line that introduces what follows, or ends with a closed
        // quote as French writes it (found in review).
        let colon = "Four dead in Rotterdam port fire\nThe minister set out the three measures the government will take this winter:\n";
        assert_eq!(kinds(colon)[1].0, UnitKind::Sentence);
        let quote = "Incendie à Rotterdam\nLe maire a réagi lundi soir : « C’est une catastrophe pour nos familles. »\n";
        let units = Segmenter::new(Language::French).segment(quote, 0);
        assert_eq!(units[1].kind, UnitKind::Sentence);
        // Lowercase: the pieces of a sentence broken over lines.
        let broken = "Debut issue\nTo make sure their customers never get caught without\n\nanything to read, Starbucks\n\nhas launched Joe.\n";
        assert_eq!(
            kinds(broken)[2],
            (UnitKind::Sentence, "anything to read, Starbucks")
        );
        // Punctuated: the article's first sentence.
        let first = "Four dead in Rotterdam port fire\nA fire tore through a chemical warehouse in the port of Rotterdam on Monday, killing four workers.\n";
        assert_eq!(kinds(first)[1].0, UnitKind::Sentence);
    }
}
