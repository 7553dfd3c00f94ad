//! Stage 8a, *cite*: attach to each chosen cluster its representative and
//! a citation of every member, in every source that states the fact; for a
//! summary, also every source of every fact unit the representative states
//! ([`cite_facts`]).

use crate::disagree::Disagreement;
use crate::facts::FactId;
use crate::pipeline::Prepared;
use crate::select::Candidate;
use crate::tfidf::Rows;

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
#[derive(Clone, Debug, PartialEq)]
pub struct Citation {
    /// Where it is: a sentence, or in [`FactCitation::citations`] the fact
    /// unit's range within its sentence.
    pub sentence: SentenceRef,
    /// Similarity to the representative, by the run's measure (1 for the
    /// representative); for a fact unit, the TF-IDF cosine to the fact it
    /// states.
    pub similarity: f32,
    /// In a summary sentence's `citations`: the indices of the sentence's
    /// [`SummarySentence::facts`] this source states; empty elsewhere.
    pub facts: Vec<u32>,
}

/// One fact unit of a summary sentence and every unit that states it.
#[derive(Clone, Debug, PartialEq)]
pub struct FactCitation {
    /// The fact's range in the representative (a whole-sentence fact is
    /// the whole sentence, up to a budget's cut).
    pub fact: SentenceRef,
    /// Number of distinct documents that state it.
    pub support: u32,
    /// Its statements, by document then position: the units of its fact
    /// cluster (each with its own range), and the sentences of the summary
    /// sentence's cluster that match the representative only as a whole.
    pub citations: Vec<Citation>,
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
    /// Every member of the cluster, by document then position; in a
    /// summary, every sentence that states one of its facts.
    pub citations: Vec<Citation>,
    /// In a summary, the fact units of the representative, in text order,
    /// with their own citations; empty elsewhere.
    pub facts: Vec<FactCitation>,
    /// The representative's index in the analysis.
    pub sentence: u32,
    /// Values its sources give differently (see [`crate::disagree`]).
    pub disagreements: Vec<Disagreement>,
}

/// Builds the cited summary sentences for `chosen`, keeping their order.
pub fn cite(prepared: &Prepared, chosen: &[Candidate]) -> Vec<SummarySentence> {
    let similarity = prepared.similarity();
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
                        similarity.between(m as usize, c.sentence as usize)
                    },
                    facts: Vec::new(),
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
                facts: Vec::new(),
                sentence: c.sentence,
                disagreements: prepared.disagreements.get(c.cluster).to_vec(),
            }
        })
        .collect()
}

/// Cites every source of every fact unit a summary sentence states (those
/// that start before a budget's cut), and widens its `citations` and
/// `support` to the union: each sentence that states one of its facts,
/// with the indices of the facts it states.
///
/// A sentence of the summary sentence's cluster that shares none of its
/// fact units was matched with the representative as a whole: it is cited
/// for every fact. A representative that is one fact keeps exactly its
/// cluster's citations, plus the parts of longer sentences that state it.
pub fn cite_facts(prepared: &Prepared, summary: &mut SummarySentence) {
    let facts = &prepared.facts;
    let units = &facts.units;
    let rows = facts.rows(&prepared.matrix, prepared.vectors.as_ref());
    let rep = summary.sentence;
    let shown = summary.representative;
    let located = |fact: FactId| prepared.fact_ref(fact);
    let own: Vec<(FactId, SentenceRef)> = units
        .facts_of(rep)
        .map(|f| (f, located(f)))
        // The facts the summary shows: past a trimmed dateline, up to a
        // budget's cut.
        .filter(|(_, r)| r.start < shown.end && r.end > shown.start)
        .map(|(f, r)| {
            let start = r.start.max(shown.start);
            let end = r.end.min(shown.end);
            (f, SentenceRef { start, end, ..r })
        })
        .collect();

    // Each fact's statements, and which sentences state which facts.
    let mut stated_by: Vec<(u32, u32)> = Vec::new();
    let mut cited: Vec<FactCitation> = own
        .iter()
        .enumerate()
        .map(|(i, &(f, fact))| {
            let citations: Vec<Citation> = facts
                .statements(f)
                .iter()
                .map(|&m| {
                    stated_by.push((units.sentence_of(m), i as u32));
                    Citation {
                        sentence: located(m),
                        similarity: if m == f {
                            1.0
                        } else {
                            rows.cosine(f as usize, m as usize)
                        },
                        facts: Vec::new(),
                    }
                })
                .collect();
            FactCitation {
                fact,
                support: 0,
                citations,
            }
        })
        .collect();
    let mut linked: Vec<u32> = stated_by.iter().map(|&(s, _)| s).collect();
    linked.sort_unstable();
    linked.dedup();
    let measure = prepared.similarity();
    let similarity = |m: u32| {
        if m == rep {
            1.0
        } else {
            measure.between(m as usize, rep as usize)
        }
    };
    let whole_matches = prepared.clusters.members[summary.cluster as usize]
        .iter()
        .copied()
        .filter(|m| linked.binary_search(m).is_err());
    for m in whole_matches {
        for (i, fact) in cited.iter_mut().enumerate() {
            stated_by.push((m, i as u32));
            fact.citations.push(Citation {
                sentence: prepared.sentence_ref(m),
                similarity: similarity(m),
                facts: Vec::new(),
            });
        }
    }
    for fact in &mut cited {
        fact.citations
            .sort_by_key(|c| (c.sentence.document, c.sentence.unit, c.sentence.start));
        fact.support = distinct_documents(&fact.citations);
    }
    if cited.is_empty() {
        // A cut before the first fact: the sentence-level citations stand.
        return;
    }

    // The union, one citation per sentence (analysis order is document
    // order), with the facts each states.
    stated_by.sort_unstable();
    stated_by.dedup();
    summary.citations = stated_by
        .chunk_by(|a, b| a.0 == b.0)
        .map(|run| Citation {
            sentence: prepared.sentence_ref(run[0].0),
            similarity: similarity(run[0].0),
            facts: run.iter().map(|&(_, i)| i).collect(),
        })
        .collect();
    summary.support = distinct_documents(&summary.citations);
    summary.facts = cited;
}

/// Number of distinct documents among citations sorted by document.
fn distinct_documents(citations: &[Citation]) -> u32 {
    let mut documents: Vec<u32> = citations.iter().map(|c| c.sentence.document).collect();
    documents.dedup();
    documents.len() as u32
}
