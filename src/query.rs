//! Query-focused summaries: how well each sentence answers a question.
//!
//! A query ("Describe the activities of Morris Dees and the Southern
//! Poverty Law Center.") is analyzed like the documents: stemmed terms,
//! stop words removed, and the words that phrase a request rather than
//! name its subject ("describe", "discuss", "include", ...) dropped. Its
//! terms are expanded by the terms that co-occur with them in the
//! documents' sentences far more than chance (a pseudo-relevance feedback:
//! "Dees" brings "lawsuit" and "Klan"). A sentence's relevance is the
//! weight of the query and expansion terms it contains over the square
//! root of its length, scaled so the most relevant sentence has 1.
//! [`crate::score::Algorithm::Brief`] uses it to bias its centrality walk
//! and its concept weights (see `docs/quality.md`).

use crate::analyze::{Analysis, Analyzer, TermId};

/// Words that phrase a request in English topic statements, not its
/// subject; they are dropped from the query (after stemming, so
/// "described" and "describes" go too).
const REQUEST_WORDS: &[&str] = &[
    "describe",
    "discuss",
    "include",
    "including",
    "identify",
    "provide",
    "details",
    "information",
    "summarize",
    "report",
    "account",
    "write",
    "give",
    "examples",
    "determine",
    "specify",
    "explain",
    "happened",
    "events",
    "developments",
    "efforts",
    "activities",
    "made",
    "taken",
    "related",
    "involved",
    "possible",
    "main",
    "important",
    "various",
    "title",
    "narrative",
];

/// An expansion term must occur in at least this many sentences that hold
/// a query term.
const MIN_COOCCURRENCES: f64 = 3.0;

/// ... and be at least this many times likelier in them than overall.
const MIN_LIFT: f64 = 2.0;

/// An expansion term counts at most this much (a query term counts 1).
const EXPANSION_WEIGHT: f64 = 0.5;

/// The weight of every term for a query: 1 for the query's own terms, up to
/// `EXPANSION_WEIGHT` for co-occurring terms, 0 otherwise. Empty when no
/// query term occurs in the documents.
pub fn term_weights(
    analyzer: &Analyzer,
    analysis: &Analysis,
    query: &str,
    expansion: bool,
) -> Vec<f64> {
    let request: Vec<String> = REQUEST_WORDS
        .iter()
        .flat_map(|w| analyzer.terms(w))
        .collect();
    let query_terms: Vec<TermId> = analyzer
        .terms(query)
        .into_iter()
        .filter(|t| !request.contains(t))
        .filter_map(|t| analysis.vocabulary.binary_search(&t).ok())
        .map(|t| t as TermId)
        .collect();
    if query_terms.is_empty() {
        return Vec::new();
    }
    let n_terms = analysis.vocabulary.len();
    let mut weights = vec![0.0; n_terms];
    for &t in &query_terms {
        weights[t as usize] = 1.0;
    }
    if !expansion {
        return weights;
    }
    // Sentence counts: overall, and in sentences holding a query term.
    let mut overall = vec![0.0f64; n_terms];
    let mut with_query = vec![0.0f64; n_terms];
    let mut query_sentences = 0.0;
    let mut distinct: Vec<TermId> = Vec::new();
    for sentence in &analysis.sentences {
        distinct.clear();
        distinct.extend_from_slice(&sentence.terms);
        distinct.sort_unstable();
        distinct.dedup();
        let hit = distinct.iter().any(|&t| weights[t as usize] == 1.0);
        if hit {
            query_sentences += 1.0;
        }
        for &t in &distinct {
            overall[t as usize] += 1.0;
            if hit {
                with_query[t as usize] += 1.0;
            }
        }
    }
    let sentences = analysis.sentences.len() as f64;
    for t in 0..n_terms {
        if weights[t] == 1.0 || with_query[t] < MIN_COOCCURRENCES {
            continue;
        }
        let lift = (with_query[t] / query_sentences) / (overall[t] / sentences);
        if lift >= MIN_LIFT {
            weights[t] = EXPANSION_WEIGHT * with_query[t] / overall[t];
        }
    }
    weights
}

/// Relevance of every analyzed sentence to the query, in `[0, 1]`: the
/// weights of its distinct terms ([`term_weights`], expanded or not) over
/// the square root of its term count, divided by the largest. All 0 when
/// nothing in the documents matches the query.
pub fn relevance(
    analyzer: &Analyzer,
    analysis: &Analysis,
    query: &str,
    expansion: bool,
) -> Vec<f64> {
    let weights = term_weights(analyzer, analysis, query, expansion);
    let mut distinct: Vec<TermId> = Vec::new();
    let raw: Vec<f64> = analysis
        .sentences
        .iter()
        .map(|sentence| {
            if weights.is_empty() || sentence.terms.is_empty() {
                return 0.0;
            }
            distinct.clear();
            distinct.extend_from_slice(&sentence.terms);
            distinct.sort_unstable();
            distinct.dedup();
            let sum: f64 = distinct.iter().map(|&t| weights[t as usize]).sum();
            sum / (sentence.terms.len() as f64).sqrt()
        })
        .collect();
    let top = raw.iter().copied().fold(0.0, f64::max);
    if top > 0.0 {
        raw.into_iter().map(|r| r / top).collect()
    } else {
        raw
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::SentenceSource;
    use crate::lang::Language;

    fn analyze(texts: &[&str]) -> (Analyzer, Analysis) {
        let analyzer = Analyzer::new(Language::English);
        let input: Vec<(SentenceSource, &str)> = texts
            .iter()
            .enumerate()
            .map(|(i, &t)| {
                let source = SentenceSource {
                    document: i as u32,
                    unit: 0,
                };
                (source, t)
            })
            .collect();
        let analysis = analyzer.analyze(&input);
        (analyzer, analysis)
    }

    #[test]
    fn sentences_naming_the_subject_are_relevant() {
        let (analyzer, analysis) = analyze(&[
            "The Southern Poverty Law Center sued the Klan.",
            "Stocks fell sharply in Tokyo on Monday.",
            "Morris Dees founded the law center in 1971.",
        ]);
        let r = relevance(
            &analyzer,
            &analysis,
            "Describe the activities of Morris Dees and the Southern Poverty Law Center.",
            true,
        );
        assert_eq!(r[1], 0.0);
        assert!(r[0] > 0.0 && r[2] > 0.0, "{r:?}");
        assert_eq!(r.iter().copied().fold(0.0, f64::max), 1.0);
    }

    #[test]
    fn request_words_alone_match_nothing() {
        let (analyzer, analysis) = analyze(&["Officials describe the main events in detail."]);
        let r = relevance(&analyzer, &analysis, "Describe the main events.", true);
        assert_eq!(r, [0.0]);
    }

    #[test]
    fn cooccurring_terms_expand_the_query() {
        // "klan" occurs with "dees" in three of four sentences and nowhere
        // else; "weather" is everywhere.
        let mut texts = vec![
            "Dees fought the Klan in court, weather permitting.",
            "Dees won against the Klan, weather aside.",
            "Dees and the Klan met again; weather was fine.",
            "Dees spoke; the weather was fine.",
        ];
        texts.extend(["Weather was fine today."; 6]);
        texts.extend(["Markets rose on Monday."; 6]);
        let (analyzer, analysis) = analyze(&texts);
        let id = |t: &str| analysis.vocabulary.binary_search(&t.to_string()).unwrap();
        let weights = term_weights(&analyzer, &analysis, "Who is Dees?", true);
        assert_eq!(
            term_weights(&analyzer, &analysis, "Who is Dees?", false)[id("klan")],
            0.0
        );
        assert_eq!(weights[id("dee")], 1.0);
        assert!(weights[id("klan")] > 0.0 && weights[id("klan")] <= EXPANSION_WEIGHT);
        assert_eq!(weights[id("weather")], 0.0);
        assert_eq!(weights[id("market")], 0.0);
    }
}
