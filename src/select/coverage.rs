//! Greedy concept coverage: the cost-scaled greedy of Lin and Bilmes
//! (2010) for a monotone submodular objective.

use super::{Budget, Candidate, Fill, Redundancy, Selection};

/// Concept coverage for [`select_coverage`].
#[derive(Clone, Copy, Debug)]
pub struct Coverage<'a> {
    /// Concept ids of each candidate, parallel to the candidate list.
    pub concepts: &'a [Vec<u32>],
    /// Weight of each concept id (non-negative).
    pub weights: &'a [f64],
    /// Cost scaling `r`: a candidate's gain is divided by `words^r`, so
    /// long sentences must cover proportionally more (Lin and Bilmes).
    pub scaling: f64,
    /// Under a length budget, take the best candidate that fits whole
    /// while one does, and cut a sentence only when none fits (instead of
    /// cutting the best candidate as soon as it overflows).
    pub whole_first: bool,
}

/// Greedy maximization of `F(S) = covered(S) / W + Σ score(s)`, where
/// `covered(S)` is the total weight of the distinct concepts `S` covers and
/// `W` that of all concepts: each round takes the candidate with the best
/// marginal gain per `words^r` (ties: lower cluster id). `F` is monotone and
/// submodular, so this is the cost-scaled greedy of Lin and Bilmes (2010).
/// Coverage is itself a redundancy control (a concept pays once); a chosen
/// candidate also removes every other candidate of its cluster and every
/// candidate [`Redundancy`] with it (too similar, or stating one of its
/// facts). The budget rule is
/// [`super::select`]'s, except that with [`Coverage::whole_first`] a
/// candidate that would have to be cut waits while another fits whole.
pub fn select_coverage(
    candidates: &[Candidate],
    coverage: Coverage<'_>,
    redundancy: &Redundancy<'_>,
    budget: Budget,
) -> Selection {
    let gains = Gains::new(coverage);
    let mut covered = vec![false; coverage.weights.len()];
    let mut alive = vec![true; candidates.len()];
    let mut fill = Fill::new(budget);
    loop {
        let mut best: Option<(usize, f64)> = None;
        let mut best_whole: Option<(usize, f64)> = None;
        for (i, candidate) in candidates.iter().enumerate() {
            if !alive[i] {
                continue;
            }
            let whole = matches!(fill.fit(candidate), super::Fit::Whole);
            let gain = marginal_gain(&gains, i, candidate, &covered)
                / (candidate.words.max(1) as f64).powf(coverage.scaling);
            let better = match best {
                None => true,
                Some((b, g)) => {
                    gain > g || (gain == g && candidate.cluster < candidates[b].cluster)
                }
            };
            if better {
                best = Some((i, gain));
            }
            if whole && best_whole.is_none_or(|(_, g)| gain > g) {
                best_whole = Some((i, gain));
            }
        }
        let best = if coverage.whole_first && best_whole.is_some() {
            best_whole
        } else {
            best
        };
        let Some((i, _)) = best else { break };
        alive[i] = false;
        if !fill.take(candidates[i]) {
            break;
        }
        gains.cover(i, &mut covered);
        // Every live candidate was already checked against the earlier
        // picks; only the new one can make it redundant.
        let picked = candidates[i].sentence as usize;
        for (j, other) in candidates.iter().enumerate() {
            if alive[j]
                && (other.cluster == candidates[i].cluster
                    || redundancy.between(picked as u32, other.sentence))
            {
                alive[j] = false;
            }
        }
    }
    fill.selection
}

/// The objective's pieces, ready for marginal gains: each candidate's
/// distinct concepts and the normalization `1 / W`.
struct Gains<'a> {
    /// Distinct concept ids of each candidate.
    pub concepts: Vec<Vec<u32>>,
    /// Weight of each concept id.
    pub weights: &'a [f64],
    /// `1 / W`, `W` the weight of all concepts (0 when there is none).
    pub norm: f64,
}

impl<'a> Gains<'a> {
    fn new(coverage: Coverage<'a>) -> Self {
        let total: f64 = coverage.weights.iter().sum();
        Gains {
            concepts: coverage
                .concepts
                .iter()
                .map(|c| {
                    let mut c = c.clone();
                    c.sort_unstable();
                    c.dedup();
                    c
                })
                .collect(),
            weights: coverage.weights,
            norm: if total > 0.0 { 1.0 / total } else { 0.0 },
        }
    }

    /// Marks candidate `i`'s concepts covered.
    fn cover(&self, i: usize, covered: &mut [bool]) {
        for &c in &self.concepts[i] {
            covered[c as usize] = true;
        }
    }
}

/// What candidate `i` adds to `F` given the `covered` concepts: its
/// uncovered concepts' weight over `W`, plus its own score.
fn marginal_gain(gains: &Gains<'_>, i: usize, candidate: &Candidate, covered: &[bool]) -> f64 {
    let new: f64 = gains.concepts[i]
        .iter()
        .filter(|&&c| !covered[c as usize])
        .map(|&c| gains.weights[c as usize])
        .sum();
    new * gains.norm + candidate.score
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::select::tests::{candidate, clusters};
    use crate::similarity::Similarity;
    use crate::tfidf::test_support::matrix;

    /// Two sentences chosen by concept coverage alone (no length scaling,
    /// no whole-sentences-first), redundancy at cosine 0.9.
    fn two_by_coverage_alone(
        candidates: &[Candidate],
        concepts: &[Vec<u32>],
        weights: &[f64],
        m: &crate::tfidf::TfIdfMatrix,
    ) -> Selection {
        let coverage = Coverage {
            concepts,
            weights,
            scaling: 0.0,
            whole_first: false,
        };
        select_coverage(
            candidates,
            coverage,
            &Redundancy::by_similarity(Similarity::lexical(m), 0.9),
            Budget::Sentences(2),
        )
    }

    #[test]
    fn coverage_prefers_two_frequent_concepts_over_one() {
        // Concepts 0 and 1 are frequent (weight 3), concept 2 is rare.
        let weights = [3.0, 3.0, 1.0];
        let concepts = [vec![0], vec![0, 1], vec![2]];
        let m = matrix(&[vec![1, 2], vec![3, 4], vec![5, 6]]);
        let c = [
            candidate(0, 0.0, 10),
            candidate(1, 0.0, 10),
            candidate(2, 0.0, 10),
        ];
        let picked = two_by_coverage_alone(&c, &concepts, &weights, &m);
        // Once 1 covers both frequent concepts, 0 adds nothing; 2 adds 1.
        assert_eq!(clusters(&picked), vec![1, 2]);
    }

    #[test]
    fn coverage_scales_gain_by_length_and_adds_the_score() {
        let weights = [1.0, 1.0];
        let concepts = [vec![0, 1], vec![0]];
        let m = matrix(&[vec![1], vec![2]]);
        // Twice the coverage at four times the length loses with r = 1 ...
        let c = [candidate(0, 0.0, 40), candidate(1, 0.0, 10)];
        let cover = |scaling| Coverage {
            concepts: &concepts,
            weights: &weights,
            scaling,
            whole_first: false,
        };
        let picked = select_coverage(
            &c,
            cover(1.0),
            &Redundancy::by_similarity(Similarity::lexical(&m), 0.9),
            Budget::Sentences(1),
        );
        assert_eq!(clusters(&picked), vec![1]);
        // ... and wins without length scaling.
        let picked = select_coverage(
            &c,
            cover(0.0),
            &Redundancy::by_similarity(Similarity::lexical(&m), 0.9),
            Budget::Sentences(1),
        );
        assert_eq!(clusters(&picked), vec![0]);
        // A sentence score counts on top of coverage.
        let c = [candidate(0, 0.0, 10), candidate(1, 0.6, 10)];
        let picked = select_coverage(
            &c,
            cover(0.0),
            &Redundancy::by_similarity(Similarity::lexical(&m), 0.9),
            Budget::Sentences(1),
        );
        assert_eq!(clusters(&picked), vec![1]);
    }

    #[test]
    fn whole_sentences_first_waits_with_the_cut() {
        let weights = [1.0, 1.0, 1.0];
        let concepts = [vec![0, 1], vec![2], vec![0]];
        let m = matrix(&[vec![1], vec![2], vec![3]]);
        // The best candidate (two concepts, 30 words) overflows a 25-word
        // budget; the 20-word one fits.
        let c = [
            candidate(0, 0.0, 30),
            candidate(1, 0.0, 20),
            candidate(2, 0.0, 10),
        ];
        let cover = |whole_first| Coverage {
            concepts: &concepts,
            weights: &weights,
            scaling: 0.0,
            whole_first,
        };
        let picked = select_coverage(
            &c,
            cover(false),
            &Redundancy::by_similarity(Similarity::lexical(&m), 0.9),
            Budget::Words(25),
        );
        assert_eq!(clusters(&picked), vec![0]);
        assert_eq!(picked.cut, Some(25));
        let picked = select_coverage(
            &c,
            cover(true),
            &Redundancy::by_similarity(Similarity::lexical(&m), 0.9),
            Budget::Words(25),
        );
        assert_eq!(clusters(&picked), vec![1, 0]);
        assert_eq!(picked.cut, Some(5));
    }

    #[test]
    fn one_candidate_per_cluster() {
        // Two members of cluster 0, dissimilar as TF-IDF vectors: choosing
        // one removes the other.
        let weights = [1.0, 1.0, 1.0];
        let concepts = [vec![0, 1], vec![0, 2], vec![2]];
        let m = matrix(&[vec![1], vec![2], vec![3]]);
        let mut c = [
            candidate(0, 0.0, 10),
            candidate(1, 0.0, 10),
            candidate(2, 0.0, 10),
        ];
        c[1].cluster = 0;
        let picked = two_by_coverage_alone(&c, &concepts, &weights, &m);
        let sentences: Vec<u32> = picked.chosen.iter().map(|c| c.sentence).collect();
        assert_eq!(sentences, vec![0, 2]);
    }
}
