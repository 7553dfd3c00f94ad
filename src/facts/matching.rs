//! The near-duplicate relation over fact units, built from the sentence
//! stage's relation plus a search that involves only parts.

use rustc_hash::FxHashMap;

use super::{FactRows, FactUnits};
use crate::cluster::{self, NearDuplicates, Probes, SimilarPair, MIN_TERMS_FOR_FUZZY_MATCH};
use crate::similarity::{semantic_pairs_where, SentenceVectors};
use crate::tfidf::{ExactRow, Rows};

/// The relation [`cluster::near_duplicates`] would give over all fact
/// units, without searching pairs of whole sentences again:
///
/// * whole sentences keep the sentence relation's groups and pairs, with
///   divided sentences taken out (their parts stand for them);
/// * parts with identical vectors are grouped, and a short part (fewer
///   than [`MIN_TERMS_FOR_FUZZY_MATCH`] terms, which only match exactly)
///   is linked to a whole sentence with the same vector;
/// * other pairs with a part come from probing an index of the parts with
///   every whole sentence and every part of *another document*. Within one
///   article, sentences share the article's own names and topic words
///   ("He said ... a second, three-way summit with Zelenskiy" and
///   "Zelenskiy said Friday's summit should open the way for ... three-way
///   talks", corpus/002), and a short part lets them reach the threshold;
///   an article restating its own fact is the sentence layer's business.
///   With a measure that uses meaning, the parts are also searched by
///   their semantic vectors (pairs that share few words), and every pair
///   with a part is scored by the measure, as the sentences' are.
///
/// `document_of[s]` is sentence `s`'s document.
pub(super) fn relation(
    units: &FactUnits,
    rows: &FactRows<'_>,
    sentences: &NearDuplicates,
    document_of: &[u32],
    threshold: f32,
) -> NearDuplicates {
    let n = units.sentences();
    let total = rows.len();
    let max_scan = cluster::scan_limit(n);
    let vector = |f: u32| ExactRow(rows.row(f as usize));

    // 1. Sentence groups without divided sentences; each group's leader
    //    may change, so pairs are mapped to the new leaders.
    let mut new_leader = vec![u32::MAX; n];
    let mut groups: Vec<Vec<u32>> = Vec::new();
    let mut whole_leaders: Vec<u32> = Vec::new();
    for group in &sentences.groups {
        let mut kept = group.iter().copied().filter(|&s| units.is_whole(s));
        let Some(leader) = kept.next() else {
            continue;
        };
        new_leader[group[0] as usize] = leader;
        whole_leaders.push(leader);
        if group.len() >= 2 {
            let members: Vec<u32> = std::iter::once(leader).chain(kept).collect();
            if members.len() >= 2 {
                groups.push(members);
            }
        }
    }
    let mut pairs: Vec<SimilarPair> = sentences
        .pairs
        .iter()
        .filter_map(|p| {
            let (a, b) = (new_leader[p.a as usize], new_leader[p.b as usize]);
            (a != u32::MAX && b != u32::MAX).then_some(SimilarPair {
                a: a.min(b),
                b: a.max(b),
                similarity: p.similarity,
            })
        })
        .collect();
    drop(new_leader);

    // 2. Parts with identical vectors.
    let part_groups = cluster::identical_groups(rows, n as u32..total as u32);
    let part_leaders: Vec<u32> = part_groups.iter().map(|g| g[0]).collect();
    groups.extend(part_groups.into_iter().filter(|g| g.len() >= 2));

    // 3. A short part matches a whole sentence only when their vectors are
    //    identical.
    let short = |f: u32| rows.row(f as usize).terms.len() < MIN_TERMS_FOR_FUZZY_MATCH;
    let short_parts: FxHashMap<ExactRow<'_>, u32> = part_leaders
        .iter()
        .filter(|&&f| short(f))
        .map(|&f| (vector(f), f))
        .collect();
    if !short_parts.is_empty() {
        for &s in whole_leaders.iter().filter(|&&s| short(s)) {
            if let Some(&part) = short_parts.get(&vector(s)) {
                pairs.push(SimilarPair {
                    a: s,
                    b: part,
                    similarity: 1.0,
                });
            }
        }
    }

    // 4. Pairs with a part: the parts are indexed, whole sentences and
    //    parts probe. A part-part pair is counted from its later part.
    let indexed: Vec<u32> = part_leaders.into_iter().filter(|&f| !short(f)).collect();
    if !indexed.is_empty() {
        let probes: Vec<u32> = whole_leaders
            .iter()
            .copied()
            .filter(|&s| !short(s))
            .chain(indexed.iter().copied())
            .collect();
        let n = n as u32;
        // Read for every index entry scanned: one array, not a part and
        // then its sentence's document.
        let document_of_fact: Vec<u32> = (0..total as u32)
            .map(|f| document_of[units.sentence_of(f) as usize])
            .collect();
        let document = |f: u32| document_of_fact[f as usize];
        let found = cluster::prefix_filtered_pairs(
            rows,
            &indexed,
            Probes::Others(&probes),
            threshold,
            max_scan,
            |probe, part| (probe < n || part < probe) && document(probe) != document(part),
        );
        match rows.semantic() {
            None => pairs.extend(found),
            Some(vectors) => {
                // The measure is a convex mix: a pair reaching the
                // threshold reaches it lexically (found above) or
                // semantically (found here); each is rescored.
                let wholes: Vec<u32> = probes.iter().copied().filter(|&f| f < n).collect();
                let parts: Vec<u32> = indexed.iter().map(|&f| f - n).collect();
                let stacked = SentenceVectors::stack(&[
                    (vectors.sentences, &wholes),
                    (vectors.parts, &parts),
                ]);
                let fact = |k: u32| {
                    let k = k as usize;
                    if k < wholes.len() {
                        wholes[k]
                    } else {
                        indexed[k - wholes.len()]
                    }
                };
                let all: Vec<u32> = (0..(wholes.len() + parts.len()) as u32).collect();
                // Pairs of whole sentences are the sentence stage's.
                let with_a_part = |a: u32, b: u32| {
                    let (a, b) = (fact(a), fact(b));
                    (a >= n || b >= n) && document(a) != document(b)
                };
                let mut with_parts: Vec<(u32, u32)> = found.iter().map(|p| (p.a, p.b)).collect();
                with_parts.extend(
                    semantic_pairs_where(&stacked, &all, threshold, &with_a_part)
                        .into_iter()
                        .map(|p| (fact(p.a), fact(p.b)))
                        .map(|(a, b)| (a.min(b), a.max(b))),
                );
                with_parts.sort_unstable();
                with_parts.dedup();
                pairs.extend(with_parts.into_iter().filter_map(|(a, b)| {
                    let similarity = rows.cosine(a as usize, b as usize);
                    (similarity >= threshold).then_some(SimilarPair { a, b, similarity })
                }));
            }
        }
    }
    pairs.sort_unstable_by_key(|p| (p.a, p.b));

    // Every element of a pair leads a group (the clustering keys on them).
    let mut grouped = vec![false; total];
    for &m in groups.iter().flatten() {
        grouped[m as usize] = true;
    }
    for p in &pairs {
        for x in [p.a, p.b] {
            if !grouped[x as usize] {
                grouped[x as usize] = true;
                groups.push(vec![x]);
            }
        }
    }
    groups.sort_unstable_by_key(|g| g[0]);
    NearDuplicates { groups, pairs }
}
