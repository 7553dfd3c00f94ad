//! Stage 7, *select*: pick a budgeted, non-redundant set of clusters and
//! put them in the requested order.
//!
//! Two greedy selectors share one budget rule:
//! * [`select`] takes candidates by a fixed score (LexRank, centroid, lead);
//! * [`select_coverage`] maximizes a monotone submodular objective, concept
//!   coverage plus a per-sentence score, with the cost-scaled greedy of Lin
//!   and Bilmes (2010), a close approximation of the ILP of ICSISumm.
//!
//! # Length budgets: fill, then cut
//!
//! With a word, byte or character budget, whole sentences are taken in the
//! selector's order while they fit; the first one that does not fit is
//! taken too and cut at the budget, and selection ends there ([`Selection::
//! cut`]). The summary then holds exactly the budget, as DUC's evaluation
//! (which truncates every summary to 100 words or 665 bytes) reads it: a
//! selector that stops before the overflowing sentence leaves budget unused
//! and recall on the table, and one that overfills is cut by the evaluator
//! anyway. Words are ASCII-white-space separated fields, as ROUGE-1.5.5's
//! `-l` counts them; bytes are UTF-8 bytes (a cut never splits a
//! character). The pipeline measures each candidate as written, separator
//! included (see [`crate::layout`]), so the budget holds for the printed
//! summary.

use crate::similarity::Similarity;

mod coverage;

pub use coverage::{select_coverage, Coverage};

/// How long the summary may be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Budget {
    /// At most this many sentences.
    Sentences(usize),
    /// Exactly this many words in total (fewer if the input runs out); the
    /// last sentence is cut at the budget.
    Words(usize),
    /// Exactly this many UTF-8 bytes of sentence text in total; the last
    /// sentence is cut at the budget.
    Bytes(usize),
    /// Exactly this many characters (Unicode scalar values) in total; the
    /// last sentence is cut at the budget.
    Chars(usize),
}

impl Default for Budget {
    fn default() -> Self {
        Budget::Sentences(7)
    }
}

impl Budget {
    /// The length of `text` in this budget's unit (sentences count 1).
    pub fn measure(self, text: &str) -> usize {
        match self {
            Budget::Sentences(_) => 1,
            Budget::Words(_) => text
                .split(separates_words)
                .filter(|w| !w.is_empty())
                .count(),
            Budget::Bytes(_) => text.len(),
            Budget::Chars(_) => text.chars().count(),
        }
    }

    fn limit(self) -> usize {
        match self {
            Budget::Sentences(n) | Budget::Words(n) | Budget::Bytes(n) | Budget::Chars(n) => n,
        }
    }
}

/// What ends a word for a words budget: white space, every character that
/// ends a line (a vertical tab, U+2028...) among it, which the written
/// summary turns into a space. A token of line breaks between two spaces
/// is then no word, in the measure as in JSON `text`; nor is a no-break
/// space after a line break, which the written summary folds into the
/// break's space (both found by the pipeline fuzz target: 26 words of a
/// 25-word budget).
fn separates_words(c: char) -> bool {
    c.is_whitespace()
}

/// The byte length of the longest prefix of `text` that holds at most
/// `keep` units of `budget` (words, bytes or characters), without trailing
/// white space. A sentence budget keeps everything.
pub fn cut(text: &str, budget: Budget, keep: usize) -> usize {
    let end = match budget {
        Budget::Sentences(_) => text.len(),
        Budget::Words(_) if keep == 0 => 0,
        Budget::Words(_) => {
            let mut words = 0;
            let mut end = 0;
            let mut in_word = false;
            for (i, c) in text.char_indices() {
                if separates_words(c) {
                    if in_word {
                        words += 1;
                        end = i;
                        in_word = false;
                        if words == keep {
                            return end;
                        }
                    }
                } else {
                    in_word = true;
                }
            }
            if in_word && words < keep {
                text.len()
            } else {
                end
            }
        }
        Budget::Bytes(_) => {
            let mut end = keep.min(text.len());
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            end
        }
        Budget::Chars(_) => text.char_indices().nth(keep).map_or(text.len(), |(i, _)| i),
    };
    text[..end].trim_end().len()
}

/// The order of the summary's sentences.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Order {
    /// Most important first.
    #[default]
    Rank,
    /// As they appear in the input: by document, then position.
    Source,
    /// By the earliest date of the documents that state each sentence's
    /// fact (undated last), then as in `Source`.
    Date,
}

/// One candidate for the summary: a cluster, through one of its sentences.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Candidate {
    /// The cluster's id.
    pub cluster: u32,
    /// The sentence that speaks for it (index into the TF-IDF matrix).
    pub sentence: u32,
    /// Bytes at the start of the sentence that the summary does not show
    /// (a dateline, see [`crate::dateline`]); `words` and `length` count
    /// the rest.
    pub skip: u32,
    /// Its score; higher is better.
    pub score: f64,
    /// Words in the sentence (white-space separated), for length scaling.
    pub words: u32,
    /// Length of the sentence in the budget's unit ([`Budget::measure`]).
    pub length: u32,
}

/// The chosen candidates, in selection order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Selection {
    /// Chosen candidates, best first.
    pub chosen: Vec<Candidate>,
    /// When set, the last chosen sentence keeps only this many budget units
    /// (see [`cut`]); the others are whole.
    pub cut: Option<usize>,
}

/// Whether a candidate fits what is left of the budget.
enum Fit {
    Whole,
    Cut(usize),
    Full,
}

/// Budget bookkeeping shared by the selectors.
struct Fill {
    budget: Budget,
    used: usize,
    selection: Selection,
}

impl Fill {
    fn new(budget: Budget) -> Self {
        Fill {
            budget,
            used: 0,
            selection: Selection::default(),
        }
    }

    /// What a candidate spends: one sentence, or its length.
    fn cost(&self, candidate: &Candidate) -> usize {
        match self.budget {
            Budget::Sentences(_) => 1,
            _ => candidate.length as usize,
        }
    }

    fn fit(&self, candidate: &Candidate) -> Fit {
        let (used, limit) = (self.used, self.budget.limit());
        if used + self.cost(candidate) <= limit {
            Fit::Whole
        } else if used < limit && !matches!(self.budget, Budget::Sentences(_)) {
            Fit::Cut(limit - used)
        } else {
            Fit::Full
        }
    }

    /// Takes `candidate` if any budget is left; false when selection ends.
    fn take(&mut self, candidate: Candidate) -> bool {
        match self.fit(&candidate) {
            Fit::Whole => {
                self.used += self.cost(&candidate);
                self.selection.chosen.push(candidate);
                self.used < self.budget.limit()
            }
            Fit::Cut(keep) => {
                self.used += keep;
                self.selection.chosen.push(candidate);
                self.selection.cut = Some(keep);
                false
            }
            Fit::Full => false,
        }
    }

    fn is_redundant(&self, candidate: &Candidate, redundancy: &Redundancy<'_>) -> bool {
        self.selection
            .chosen
            .iter()
            .any(|c| redundancy.between(c.sentence, candidate.sentence))
    }
}

/// When a candidate repeats a chosen sentence: their similarity (the run's
/// measure) reaches the threshold, or they state a common fact (a fact unit
/// of one in the fact cluster of a fact unit of the other, see
/// [`crate::facts`]).
pub struct Redundancy<'a> {
    /// How the sentences compare.
    pub similarity: Similarity<'a>,
    /// Similarity at or above which two sentences are redundant.
    pub threshold: f32,
    /// Whether two sentences state a common fact.
    pub share_a_fact: &'a dyn Fn(u32, u32) -> bool,
}

impl Redundancy<'_> {
    /// Redundancy by similarity alone (no fact layer).
    pub fn by_similarity(similarity: Similarity<'_>, threshold: f32) -> Redundancy<'_> {
        Redundancy {
            similarity,
            threshold,
            share_a_fact: &|_, _| false,
        }
    }

    /// True when sentences `a` and `b` may not both be in the summary.
    pub fn between(&self, a: u32, b: u32) -> bool {
        self.similarity.between(a as usize, b as usize) >= self.threshold
            || (self.share_a_fact)(a, b)
    }
}

/// Greedy selection by a fixed score: best first (ties: lower cluster id),
/// skipping a candidate redundant with an already chosen sentence, until
/// the budget is full (see the module docs for how the last sentence is
/// cut). Clusters are distinct by construction, and the fact check keeps a
/// fact stated inside two different sentences from being said twice.
pub fn select(candidates: &[Candidate], redundancy: &Redundancy<'_>, budget: Budget) -> Selection {
    let mut ranked: Vec<Candidate> = candidates.to_vec();
    ranked.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.cluster.cmp(&b.cluster)));
    let mut fill = Fill::new(budget);
    for candidate in ranked {
        if fill.is_redundant(&candidate, redundancy) {
            continue;
        }
        if !fill.take(candidate) {
            break;
        }
    }
    fill.selection
}

#[cfg(test)]
pub(crate) mod tests {

    #[test]
    fn a_line_break_between_spaces_is_no_word() {
        let text = "one\t\u{0B}\ttwo \u{2028} three";
        assert_eq!(Budget::Words(9).measure(text), 3);
        assert_eq!(&text[..cut(text, Budget::Words(9), 2)], "one\t\u{0B}\ttwo");
        // A no-break space after a line break is no word either: the
        // written summary folds it into the break's space.
        let text = "said t\u{0B}\u{a0} company";
        assert_eq!(Budget::Words(9).measure(text), 3);
        assert_eq!(
            Budget::Words(9).measure(&crate::layout::Layout::LINES.write(text)),
            3
        );
    }

    use super::*;
    use crate::similarity::Similarity;
    use crate::tfidf::test_support::matrix;

    pub(crate) fn candidate(i: u32, score: f64, words: u32) -> Candidate {
        Candidate {
            cluster: i,
            sentence: i,
            skip: 0,
            score,
            words,
            length: words,
        }
    }

    pub(crate) fn clusters(selection: &Selection) -> Vec<u32> {
        selection.chosen.iter().map(|c| c.cluster).collect()
    }

    #[test]
    fn takes_best_first_within_sentence_budget() {
        let m = matrix(&[vec![1], vec![2], vec![3], vec![4]]);
        let c = [
            candidate(0, 0.1, 5),
            candidate(1, 0.4, 5),
            candidate(2, 0.3, 5),
            candidate(3, 0.2, 5),
        ];
        let picked = select(
            &c,
            &Redundancy::by_similarity(Similarity::lexical(&m), 0.5),
            Budget::Sentences(2),
        );
        assert_eq!(clusters(&picked), vec![1, 2]);
        assert_eq!(picked.cut, None);
    }

    #[test]
    fn skips_redundant_and_cuts_the_sentence_that_overflows() {
        let m = matrix(&[vec![1, 2, 3], vec![1, 2, 3, 4], vec![7, 8], vec![9]]);
        let c = [
            candidate(0, 0.9, 10),
            candidate(1, 0.8, 10), // near-duplicate of 0
            candidate(2, 0.7, 50), // overflows: cut to the 10 words left
            candidate(3, 0.1, 5),
        ];
        let picked = select(
            &c,
            &Redundancy::by_similarity(Similarity::lexical(&m), 0.5),
            Budget::Words(20),
        );
        assert_eq!(clusters(&picked), vec![0, 2]);
        assert_eq!(picked.cut, Some(10));
        // A budget filled exactly by whole sentences cuts nothing.
        let picked = select(
            &c,
            &Redundancy::by_similarity(Similarity::lexical(&m), 0.5),
            Budget::Words(60),
        );
        assert_eq!(clusters(&picked), vec![0, 2]);
        assert_eq!(picked.cut, None);
    }

    #[test]
    fn word_cut_is_exact() {
        let text = "One two  three,\tfour five.";
        let words = Budget::Words(100);
        assert_eq!(words.measure(text), 5);
        assert_eq!(&text[..cut(text, words, 1)], "One");
        assert_eq!(&text[..cut(text, words, 3)], "One two  three,");
        assert_eq!(&text[..cut(text, words, 5)], text);
        assert_eq!(&text[..cut(text, words, 9)], text);
        assert_eq!(cut(text, words, 0), 0);
    }

    #[test]
    fn byte_and_char_cuts_are_exact_and_keep_characters_whole() {
        let text = "Año nuevo";
        let bytes = Budget::Bytes(665);
        assert_eq!(bytes.measure(text), 10);
        assert_eq!(&text[..cut(text, bytes, 2)], "A"); // 'ñ' is 2 bytes
        assert_eq!(&text[..cut(text, bytes, 3)], "Añ");
        assert_eq!(&text[..cut(text, bytes, 5)], "Año"); // trailing space dropped
        assert_eq!(&text[..cut(text, bytes, 7)], "Año nu");
        let chars = Budget::Chars(100);
        assert_eq!(chars.measure(text), 9);
        assert_eq!(&text[..cut(text, chars, 2)], "Añ");
        assert_eq!(&text[..cut(text, chars, 100)], text);
    }
}
