//! Stage 8a, *cite*: attach to each chosen cluster its representative and
//! a citation of every member, in every source that states the fact.

use crate::disagree::Disagreement;
use crate::pipeline::Prepared;
use crate::select::Candidate;

/// A sentence located in its document: unit index and the half-open UTF-8
/// byte range `start..end` into the document's original text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SentenceRef {
    /// Document index, in input order.
    pub document: u32,
    /// Unit index within the document (as `brief segment` numbers them).
    pub unit: u32,
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

/// One source's statement of a summary sentence's fact.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Citation {
    /// Where it is.
    pub sentence: SentenceRef,
    /// Cosine similarity to the representative (1 for the representative).
    pub similarity: f32,
}

/// One sentence of the summary.
#[derive(Clone, Debug, PartialEq)]
pub struct SummarySentence {
    /// Position in selection order: 1 is the highest-ranked.
    pub rank: u32,
    /// The cluster (fact) it stands for.
    pub cluster: u32,
    /// The sentence chosen to stand for the cluster, as shown: from past a
    /// leading dateline, to the budget's cut.
    pub representative: SentenceRef,
    /// The ranking score.
    pub score: f64,
    /// Number of distinct documents that state the fact.
    pub support: u32,
    /// True when a length budget cut the representative short (its range
    /// ends at the cut); such a sentence always comes last.
    pub truncated: bool,
    /// Every member of the cluster, by document then position.
    pub citations: Vec<Citation>,
    /// Values its sources give differently (see [`crate::disagree`]).
    pub disagreements: Vec<Disagreement>,
}

/// Builds the cited summary sentences for `chosen`, keeping their order.
pub fn cite(prepared: &Prepared, chosen: &[Candidate]) -> Vec<SummarySentence> {
    chosen
        .iter()
        .enumerate()
        .map(|(index, c)| {
            let members = &prepared.clusters.members[c.cluster as usize];
            let citations = members
                .iter()
                .map(|&m| Citation {
                    sentence: prepared.sentence_ref(m),
                    similarity: if m == c.sentence {
                        1.0
                    } else {
                        prepared.matrix.cosine(m as usize, c.sentence as usize)
                    },
                })
                .collect();
            let mut representative = prepared.sentence_ref(c.sentence);
            representative.start += c.skip as usize;
            SummarySentence {
                rank: index as u32 + 1,
                cluster: c.cluster,
                representative,
                score: c.score,
                support: prepared.support[c.cluster as usize],
                truncated: false,
                citations,
                disagreements: prepared.disagreements.get(c.cluster).to_vec(),
            }
        })
        .collect()
}
