//! Stage 5, *cluster*: group near-duplicate sentences, across sources and
//! within them. A cluster is one fact; its members are the sentences that
//! state it.
//!
//! Two sentences are near-duplicates when their similarity
//! ([`crate::similarity`]: TF-IDF cosine, semantic cosine, or both
//! combined) is at least the threshold. Clusters grow through that
//! relation from the most similar pair down (union-find), but a merge
//! needs the two sides' leaders (up to 64 each) to be pairwise at least
//! half the threshold alike, so one sentence combining two facts does not
//! chain them into one cluster (see [`LINK_FLOOR_RATIO`]).
//!
//! Finding the pairs does not compare all pairs. Sentences with identical
//! vectors are first collapsed by hashing. The remaining vectors go through
//! an all-pairs similarity search with prefix filtering (Bayardo, Ma and
//! Srikant 2007): features are ordered rarest first, and a vector is indexed
//! only under the shortest prefix of its features whose remaining suffix
//! still has L2 norm of at least the threshold. Two vectors whose cosine
//! reaches the threshold must share a feature in both prefixes (their first
//! common feature), so only pairs sharing an indexed feature are candidates,
//! and each candidate is confirmed by the exact cosine.
//!
//! The semantic side adds the pairs whose sentence vectors are alike,
//! shared words or not ([`crate::similarity::semantic_pairs`]: exact on
//! inputs of a few thousand sentences, bounded LSH beyond). The combined
//! measure is a convex mix of the two cosines, so a pair reaching the
//! threshold reaches it in at least one of them: both searches run at the
//! threshold, and every candidate is rescored with the measure.

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use crate::similarity::{semantic_pairs, Similarity};
use crate::tfidf::{ExactRow, Rows};

/// A pair of sentences at or above the similarity threshold, `a < b`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SimilarPair {
    /// The earlier sentence.
    pub a: u32,
    /// The later sentence.
    pub b: u32,
    /// Their similarity (the measure in force).
    pub similarity: f32,
}

/// Near-duplicate clusters over all sentences; every sentence is in exactly
/// one cluster (most in a cluster of their own).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Clusters {
    /// The cluster of each sentence.
    pub of_sentence: Vec<u32>,
    /// The members of each cluster, ascending; clusters are ordered by their
    /// first member.
    pub members: Vec<Vec<u32>>,
}

impl Clusters {
    /// Number of clusters.
    pub fn len(&self) -> usize {
        self.members.len()
    }

    /// True when there are no sentences.
    pub fn is_empty(&self) -> bool {
        self.members.is_empty()
    }
}

/// Inputs with more sentences than this are searched with a cap of
/// [`DEFAULT_MAX_SCAN`] entries per posting list; smaller ones with the
/// far larger [`EXACT_MAX_SCAN`], which in practice is exact. A
/// multi-document summarization input (tens of documents) is far below.
pub const EXACT_SEARCH_LIMIT: usize = 50_000;

/// Cap on the posting entries scanned per feature per sentence in
/// [`near_duplicates`] past [`EXACT_SEARCH_LIMIT`]. On 100 MB of generated
/// news (849k sentences) it keeps 97% of the clustered sentences an
/// uncapped search finds, in a fifth of the time.
pub const DEFAULT_MAX_SCAN: usize = 16;

/// The scan cap for an input of `sentences` sentences.
pub fn scan_limit(sentences: usize) -> usize {
    if sentences <= EXACT_SEARCH_LIMIT {
        EXACT_MAX_SCAN
    } else {
        DEFAULT_MAX_SCAN
    }
}

/// Cap on the posting entries scanned per feature per sentence up to
/// [`EXACT_SEARCH_LIMIT`]. A list is scanned until its entries' bound
/// fails, and on ordinary text that happens long before 256 entries: every
/// output of the DUC 2003 and 2007 dev topics, `corpus/` and 42,000
/// generated sentences is the same as with no cap. It binds only on
/// repetitive input, where every sentence passes every bound (10 MB of
/// one line drawn from ten words, cut into 10,027 units: uncapped, every
/// pair of units was a candidate and the search took 64 s and 1.4 GB; with
/// the cap, 4 s and 260 MB), so that the work per sentence stays bounded.
pub const EXACT_MAX_SCAN: usize = 256;

/// Sentences with fewer distinct content terms than this join a cluster only
/// as exact duplicates: one or two shared words are no evidence that two
/// sentences state the same fact.
pub const MIN_TERMS_FOR_FUZZY_MATCH: usize = 3;

/// The near-duplicate relation in compact form: groups of sentences with
/// identical vectors, and the pairs of groups (through their leaders) whose
/// cosine reaches the threshold. Listing every pair inside a group would be
/// quadratic in its size; a line repeated in 10,000 documents is one group.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct NearDuplicates {
    /// Groups of sentences with identical vectors, each ascending, ordered
    /// by first member; the first member is the group's leader. Sentences
    /// that are ineligible or have no terms are in no group.
    pub groups: Vec<Vec<u32>>,
    /// Pairs of leaders with cosine at least the threshold, sorted by
    /// `(a, b)`.
    pub pairs: Vec<SimilarPair>,
}

impl NearDuplicates {
    /// Number of sentence pairs this relation stands for.
    pub fn sentence_pairs(&self) -> usize {
        let within: usize = self
            .groups
            .iter()
            .map(|g| g.len() * (g.len() - 1) / 2)
            .sum();
        let size: rustc_hash::FxHashMap<u32, usize> =
            self.groups.iter().map(|g| (g[0], g.len())).collect();
        within
            + self
                .pairs
                .iter()
                .map(|p| size[&p.a] * size[&p.b])
                .sum::<usize>()
    }

    /// Every sentence pair the relation stands for, sorted by `(a, b)`;
    /// pairs within a group have similarity 1. Quadratic in group sizes:
    /// for tests and small inputs.
    pub fn expand(&self) -> Vec<SimilarPair> {
        let group_of: FxHashMap<u32, &Vec<u32>> = self.groups.iter().map(|g| (g[0], g)).collect();
        let mut pairs = Vec::new();
        for group in &self.groups {
            for (k, &a) in group.iter().enumerate() {
                for &b in &group[k + 1..] {
                    pairs.push(SimilarPair {
                        a,
                        b,
                        similarity: 1.0,
                    });
                }
            }
        }
        for p in &self.pairs {
            for &a in group_of[&p.a] {
                for &b in group_of[&p.b] {
                    let (a, b) = (a.min(b), a.max(b));
                    pairs.push(SimilarPair {
                        a,
                        b,
                        similarity: p.similarity,
                    });
                }
            }
        }
        pairs.sort_unstable_by_key(|p| (p.a, p.b));
        pairs
    }
}

/// Finds the near-duplicate relation among eligible sentences: similarity
/// at least `threshold`. `eligible[i]` false keeps sentence `i` out.
///
/// The lexical search is exact (equal to [`brute_force_pairs`] for the
/// lexical measure) as long as no feature's posting
/// list holds more than `max_scan` sentences that could still reach the
/// threshold with the probing sentence. Past that, only the `max_scan`
/// entries with the best bounds are scanned, which caps the work per
/// sentence and keeps the search linear on very large inputs. Only
/// frequent features have such long lists, and near-duplicates almost
/// always share a rarer feature as well, so little is lost; see
/// [`DEFAULT_MAX_SCAN`].
pub fn near_duplicates(
    similarity: &Similarity<'_>,
    threshold: f32,
    eligible: &[bool],
    max_scan: usize,
) -> NearDuplicates {
    let matrix = similarity.matrix();
    let n = matrix.len();
    debug_assert_eq!(eligible.len(), n);

    // 1. Collapse identical vectors.
    let groups = identical_groups(matrix, (0..n as u32).filter(|&i| eligible[i as usize]));

    // 2. All-pairs search among the leaders.
    let leaders: Vec<u32> = groups
        .iter()
        .map(|g| g[0])
        .filter(|&i| matrix.row(i as usize).terms.len() >= MIN_TERMS_FOR_FUZZY_MATCH)
        .collect();
    // Each pair is scored once, from its later row (`leaders` ascend).
    let mut pairs = prefix_filtered_pairs(
        matrix,
        &leaders,
        Probes::Indexed,
        threshold,
        max_scan,
        |probe, indexed| indexed < probe,
    );
    if let Some(vectors) = similarity.vectors() {
        let measure = similarity.measure();
        // Lexical candidates rescored with the measure, then the semantic
        // ones (with their lexical cosine).
        pairs = pairs
            .into_par_iter()
            .filter_map(|p| {
                let semantic = vectors.cosine(p.a as usize, p.b as usize);
                let value = measure.combine(p.similarity, semantic);
                (value >= threshold).then_some(SimilarPair {
                    similarity: value,
                    ..p
                })
            })
            .collect();
        let semantic: Vec<SimilarPair> = semantic_pairs(vectors, &leaders, threshold)
            .into_par_iter()
            .filter_map(|p| {
                let lexical = matrix.cosine(p.a as usize, p.b as usize);
                let value = measure.combine(lexical, p.cosine);
                (value >= threshold).then_some(SimilarPair {
                    a: p.a,
                    b: p.b,
                    similarity: value,
                })
            })
            .collect();
        pairs.extend(semantic);
    }
    pairs.sort_unstable_by_key(|p| (p.a, p.b));
    pairs.dedup_by_key(|p| (p.a, p.b));
    NearDuplicates { groups, pairs }
}

/// The rows among `ids` (ascending) grouped by identical vectors: each
/// group ascending, groups ordered by first member. Empty rows are left
/// out.
pub fn identical_groups<R: Rows + ?Sized>(
    rows: &R,
    ids: impl Iterator<Item = u32>,
) -> Vec<Vec<u32>> {
    let mut by_vector: FxHashMap<ExactRow<'_>, Vec<u32>> = FxHashMap::default();
    for i in ids {
        let row = rows.row(i as usize);
        if !row.is_empty() {
            by_vector.entry(ExactRow(row)).or_default().push(i);
        }
    }
    let mut groups: Vec<Vec<u32>> = by_vector.into_values().collect();
    groups.sort_unstable_by_key(|g| g[0]);
    groups
}

/// Pairs at or above `threshold` between `probes` and `indexed` (ids of
/// vectors in `rows`, `indexed` ascending), with no shared content word
/// needed beyond what the cosine implies, found without comparing all
/// pairs. Only `max_scan` entries per posting list are scanned (see
/// [`near_duplicates`]). `accept(probe, indexed)` filters the pairs found,
/// so that each is reported once: in a self-join, from its later row.
///
/// This is the search behind [`near_duplicates`] (a self-join of the
/// sentences) and behind the fact layer ([`crate::facts`]), which probes
/// an index of sentence parts with whole sentences and parts.
pub fn prefix_filtered_pairs<R: Rows + ?Sized>(
    rows: &R,
    indexed: &[u32],
    probes: Probes<'_>,
    threshold: f32,
    max_scan: usize,
    accept: impl Fn(u32, u32) -> bool + Sync,
) -> Vec<SimilarPair> {
    // Global feature order: rarest first, ties by term id.
    let df = rows.df();
    let n_terms = df.len();
    let mut order: Vec<u32> = (0..n_terms as u32).collect();
    order.sort_unstable_by_key(|&t| (df[t as usize], t));
    let mut rank = vec![0u32; n_terms];
    for (r, &t) in order.iter().enumerate() {
        rank[t as usize] = r as u32;
    }

    // Largest weight of each feature over the rows compared: a second
    // bound on what a feature can contribute to any cosine.
    let probe_rows = match probes {
        Probes::Indexed => indexed,
        Probes::Others(others) => others,
    };
    let others: &[u32] = match probes {
        Probes::Indexed => &[],
        Probes::Others(others) => others,
    };
    let mut max_weight = vec![0.0f32; n_terms];
    for &i in indexed.iter().chain(others) {
        let row = rows.row(i as usize);
        for (&t, &w) in row.terms.iter().zip(row.weights) {
            max_weight[t as usize] = max_weight[t as usize].max(w);
        }
    }

    // The indexed prefix of a row: (feature rank, norm of the row from
    // this feature on). A pair whose first common feature is at position k
    // of x has cosine at most min(||x[k..]||, sum of x_i * max_weight_i over
    // i >= k); the prefix stops where that bound falls below the threshold.
    let min_bound = threshold * (1.0 - 1e-5);
    let prefix_of = |i: u32, prefix: &mut Vec<(u32, f32)>| {
        prefix.clear();
        let row = rows.row(i as usize);
        let mut features: Vec<(u32, f32, f32)> = row
            .terms
            .iter()
            .zip(row.weights)
            .map(|(&t, &w)| (rank[t as usize], w, max_weight[t as usize]))
            .collect();
        features.sort_unstable_by_key(|&(r, _, _)| r);
        let mut norm_sq: f32 = features.iter().map(|(_, w, _)| w * w).sum();
        let mut max_dot: f32 = features.iter().map(|(_, w, m)| w * m).sum();
        for (r, w, m) in features {
            let norm = norm_sq.max(0.0).sqrt();
            if norm.min(max_dot) < min_bound {
                break;
            }
            prefix.push((r, norm));
            norm_sq -= w * w;
            max_dot -= w * m;
        }
    };
    let prefixes: Vec<Vec<(u32, f32)>> = indexed
        .par_iter()
        .map(|&i| {
            let mut prefix = Vec::new();
            prefix_of(i, &mut prefix);
            prefix
        })
        .collect();

    // Inverted index: feature rank -> (position in `indexed`, suffix norm),
    // best bound first: sorted by suffix norm, largest first (ties by
    // position). Probing a list stops at the first entry whose norm, times
    // the probing row's, falls below the threshold: frequent features sit
    // at the end of most rows' order, where suffix norms are small, so their
    // long lists are cut short.
    let mut postings: Vec<Vec<(u32, f32)>> = vec![Vec::new(); n_terms];
    for (pos, prefix) in prefixes.iter().enumerate() {
        for &(r, norm) in prefix {
            postings[r as usize].push((pos as u32, norm));
        }
    }
    postings
        .par_iter_mut()
        .for_each(|list| list.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0))));

    // For one probing row: candidates from the index, then confirmation by
    // exact cosine. `dense` holds the row scattered by term id, so each dot
    // product is a branch-free gather over the other row.
    let probe = |i: u32,
                 prefix: &[(u32, f32)],
                 candidates: &mut Vec<u32>,
                 dense: &mut [f32]|
     -> Vec<SimilarPair> {
        candidates.clear();
        for &(r, norm_i) in prefix {
            for &(other, norm_other) in postings[r as usize].iter().take(max_scan) {
                // Features are visited in global order and suffix norms only
                // shrink along it, so the product of the two norms at a
                // pair's first common feature bounds its cosine, and an entry
                // that fails here fails at every later feature too. Entries
                // are sorted by norm: past this one, none can qualify.
                if norm_i * norm_other < min_bound {
                    break;
                }
                if accept(i, indexed[other as usize]) {
                    candidates.push(other);
                }
            }
        }
        candidates.sort_unstable();
        candidates.dedup();

        let row_i = rows.row(i as usize);
        for (&t, &w) in row_i.terms.iter().zip(row_i.weights) {
            dense[t as usize] = w;
        }
        let mut found = Vec::new();
        for &other in candidates.iter() {
            let j = indexed[other as usize];
            let row_j = rows.row(j as usize);
            let similarity: f32 = row_j
                .terms
                .iter()
                .zip(row_j.weights)
                .map(|(&t, &w)| dense[t as usize] * w)
                .sum();
            if similarity >= threshold {
                found.push(SimilarPair {
                    a: i.min(j),
                    b: i.max(j),
                    similarity,
                });
            }
        }
        for &t in row_i.terms {
            dense[t as usize] = 0.0;
        }
        found
    };

    // Scratch is allocated once per fixed block of rows: rayon's `map_init`
    // may call its initializer once per work split, and a fresh dense array
    // per split costs page faults that grow with the vocabulary.
    let per_block: Vec<Vec<SimilarPair>> = (0..probe_rows.len().div_ceil(ROWS_PER_BLOCK))
        .into_par_iter()
        .map(|block| {
            let mut candidates = Vec::new();
            let mut dense = vec![0.0f32; n_terms];
            let mut own_prefix = Vec::new();
            let positions =
                block * ROWS_PER_BLOCK..((block + 1) * ROWS_PER_BLOCK).min(probe_rows.len());
            positions
                .flat_map(|pos| {
                    let i = probe_rows[pos];
                    let prefix = match probes {
                        Probes::Indexed => &prefixes[pos],
                        Probes::Others(_) => {
                            prefix_of(i, &mut own_prefix);
                            &own_prefix
                        }
                    };
                    probe(i, prefix, &mut candidates, &mut dense)
                })
                .collect()
        })
        .collect();
    per_block.into_iter().flatten().collect()
}

/// What probes the index in [`prefix_filtered_pairs`].
#[derive(Clone, Copy, Debug)]
pub enum Probes<'a> {
    /// The indexed rows themselves (a self-join).
    Indexed,
    /// Other rows (ids into the same [`Rows`]).
    Others(&'a [u32]),
}

/// Rows per block of the parallel probe: large enough to amortize the
/// scratch allocation, small enough to balance two to many cores.
const ROWS_PER_BLOCK: usize = 4096;

/// All qualifying pairs by comparing every pair: the reference the fast
/// path is tested against, and faster for a few hundred sentences.
pub fn brute_force_pairs(
    similarity: &Similarity<'_>,
    threshold: f32,
    eligible: &[bool],
) -> Vec<SimilarPair> {
    let matrix = similarity.matrix();
    let n = matrix.len();
    let usable = |i: usize| eligible[i] && !matrix.row(i).is_empty();
    let mut pairs: Vec<SimilarPair> = (0..n)
        .into_par_iter()
        .flat_map_iter(|a| {
            (a + 1..n).filter_map(move |b| {
                if !usable(a) || !usable(b) {
                    return None;
                }
                let (ra, rb) = (matrix.row(a), matrix.row(b));
                let identical = ra.terms == rb.terms && ra.weights == rb.weights;
                let fuzzy_ok = ra.terms.len() >= MIN_TERMS_FOR_FUZZY_MATCH
                    && rb.terms.len() >= MIN_TERMS_FOR_FUZZY_MATCH;
                if identical {
                    return Some(SimilarPair {
                        a: a as u32,
                        b: b as u32,
                        similarity: 1.0,
                    });
                }
                let similarity = similarity.between(a, b);
                (fuzzy_ok && similarity >= threshold).then_some(SimilarPair {
                    a: a as u32,
                    b: b as u32,
                    similarity,
                })
            })
        })
        .collect();
    pairs.sort_unstable_by_key(|p| (p.a, p.b));
    pairs
}

/// A cluster may not grow by a link whose two sides hold a pair of
/// sentences less similar than this fraction of the threshold. Pure single
/// link chains facts together through one sentence that combines two of
/// them ("There's no deal until there's a deal, Trump said, adding that he
/// would brief NATO leaders"); this floor keeps each cluster one fact.
/// Stricter floors (0.8, 1.0) were measured on the DUC 2007 fact clusters
/// with lower thresholds and lose recall at equal precision
/// (docs/facts.md, "A stricter merge floor").
pub const LINK_FLOOR_RATIO: f32 = 0.5;

/// At most this many leaders per side are checked against the floor, which
/// bounds the cost of merging very large clusters.
const LINK_CHECK_LIMIT: usize = 64;

/// Clusters `n` sentences: identical-vector groups are joined first, then
/// near-duplicate pairs from most to least similar, each merge allowed only
/// when every checked pair of leaders across the two sides reaches
/// `LINK_FLOOR_RATIO * threshold`.
pub fn cluster<R: Rows + ?Sized>(
    n: usize,
    relation: &NearDuplicates,
    rows: &R,
    threshold: f32,
) -> Clusters {
    let mut parent = guarded_forest(n, relation, rows, threshold);
    clusters_from_parents(n, &mut parent)
}

/// The clusters of two or more members that [`cluster`] would form, for a
/// relation over `n` items that touches only a few of them (every other
/// item is alone): each ascending, ordered by first member. Costs memory
/// for `n` parents, not for `n` clusters.
pub fn clusters_of_two_or_more<R: Rows + ?Sized>(
    n: usize,
    relation: &NearDuplicates,
    rows: &R,
    threshold: f32,
) -> Vec<Vec<u32>> {
    let mut parent = guarded_forest(n, relation, rows, threshold);
    let mut touched: Vec<u32> = relation
        .groups
        .iter()
        .flatten()
        .copied()
        .chain(relation.pairs.iter().flat_map(|p| [p.a, p.b]))
        .collect();
    touched.sort_unstable();
    touched.dedup();
    let mut by_root: Vec<(u32, u32)> = touched
        .into_iter()
        .map(|x| (find(&mut parent, x), x))
        .collect();
    by_root.sort_unstable();
    let mut clusters: Vec<Vec<u32>> = by_root
        .chunk_by(|a, b| a.0 == b.0)
        .filter(|run| run.len() >= 2)
        .map(|run| run.iter().map(|&(_, x)| x).collect())
        .collect();
    clusters.sort_unstable_by_key(|members| members[0]);
    clusters
}

/// The union-find forest behind [`cluster`].
fn guarded_forest<R: Rows + ?Sized>(
    n: usize,
    relation: &NearDuplicates,
    rows: &R,
    threshold: f32,
) -> Vec<u32> {
    let mut parent: Vec<u32> = (0..n as u32).collect();
    for group in &relation.groups {
        for &m in &group[1..] {
            parent[m as usize] = group[0];
        }
    }
    // Leaders of the groups in each current cluster, keyed by root.
    let mut leaders: FxHashMap<u32, Vec<u32>> =
        relation.groups.iter().map(|g| (g[0], vec![g[0]])).collect();
    let floor = threshold * LINK_FLOOR_RATIO;

    let mut order: Vec<&SimilarPair> = relation.pairs.iter().collect();
    order.sort_by(|x, y| {
        y.similarity
            .total_cmp(&x.similarity)
            .then((x.a, x.b).cmp(&(y.a, y.b)))
    });
    for p in order {
        let (ra, rb) = (find(&mut parent, p.a), find(&mut parent, p.b));
        if ra == rb {
            continue;
        }
        let (side_a, side_b) = (&leaders[&ra], &leaders[&rb]);
        let coherent = side_a.iter().take(LINK_CHECK_LIMIT).all(|&x| {
            side_b
                .iter()
                .take(LINK_CHECK_LIMIT)
                .all(|&y| rows.cosine(x as usize, y as usize) >= floor)
        });
        if !coherent {
            continue;
        }
        // The smaller index becomes the root: deterministic, and the root
        // is always the cluster's first member.
        let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
        parent[hi as usize] = lo;
        // Only the first LINK_CHECK_LIMIT leaders are ever checked, so only
        // they are kept.
        let moved = leaders.remove(&hi).unwrap_or_default();
        let kept = leaders.entry(lo).or_default();
        kept.extend(moved);
        kept.sort_unstable();
        kept.truncate(LINK_CHECK_LIMIT);
    }
    parent
}

/// Connected components of plain sentence pairs over `n` sentences (single
/// link, no floor): the reference the property tests compare against.
pub fn connected_components(n: usize, pairs: &[SimilarPair]) -> Clusters {
    let mut parent: Vec<u32> = (0..n as u32).collect();
    for p in pairs {
        let (ra, rb) = (find(&mut parent, p.a), find(&mut parent, p.b));
        if ra != rb {
            let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
            parent[hi as usize] = lo;
        }
    }
    clusters_from_parents(n, &mut parent)
}

/// The root of `x` in a union-find forest, halving paths on the way.
fn find(parent: &mut [u32], mut x: u32) -> u32 {
    while parent[x as usize] != x {
        let up = parent[parent[x as usize] as usize];
        parent[x as usize] = up;
        x = up;
    }
    x
}

fn clusters_from_parents(n: usize, parent: &mut [u32]) -> Clusters {
    let mut of_sentence = vec![0u32; n];
    let mut members: Vec<Vec<u32>> = Vec::new();
    let mut cluster_of_root: FxHashMap<u32, u32> = FxHashMap::default();
    for i in 0..n as u32 {
        let root = find(parent, i);
        let id = *cluster_of_root.entry(root).or_insert_with(|| {
            members.push(Vec::new());
            (members.len() - 1) as u32
        });
        members[id as usize].push(i);
        of_sentence[i as usize] = id;
    }
    Clusters {
        of_sentence,
        members,
    }
}

/// The sentence that stands for each cluster: the member with the largest
/// summed similarity to all members, which for cosines is the member
/// nearest the centroid (ties: the earliest). With semantic vectors the
/// two centroids are mixed as the measure mixes the cosines. Linear in the
/// cluster's size.
pub fn representatives(clusters: &Clusters, similarity: &Similarity<'_>) -> Vec<u32> {
    let matrix = similarity.matrix();
    let measure = similarity.measure();
    clusters
        .members
        .par_iter()
        .map(|members| {
            let Some(vectors) = similarity.vectors() else {
                return representative(members, matrix);
            };
            if members.len() <= 2 {
                return members[0];
            }
            let lexical = lexical_centroid_scores(matrix, members);
            let semantic = semantic_centroid_scores(vectors, members);
            let scores = lexical
                .iter()
                .zip(&semantic)
                .map(|(&l, &s)| measure.combine(l, s));
            best_member(members, scores)
        })
        .collect()
}

/// The member of one cluster closest to its TF-IDF centroid (ties: the
/// earliest).
pub fn representative<R: Rows + ?Sized>(members: &[u32], rows: &R) -> u32 {
    if members.len() <= 2 {
        return members[0];
    }
    best_member(members, lexical_centroid_scores(rows, members).into_iter())
}

/// The member with the highest score (ties: the earliest).
fn best_member(members: &[u32], scores: impl Iterator<Item = f32>) -> u32 {
    let mut best = (members[0], f32::MIN);
    for (&m, score) in members.iter().zip(scores) {
        if score > best.1 + 1e-6 {
            best = (m, score);
        }
    }
    best.0
}

/// Each member's TF-IDF dot product with the sum of the members' rows.
fn lexical_centroid_scores<R: Rows + ?Sized>(rows: &R, members: &[u32]) -> Vec<f32> {
    let mut centroid: FxHashMap<u32, f32> = FxHashMap::default();
    for &m in members {
        let row = rows.row(m as usize);
        for (&t, &w) in row.terms.iter().zip(row.weights) {
            *centroid.entry(t).or_default() += w;
        }
    }
    members
        .iter()
        .map(|&m| {
            let row = rows.row(m as usize);
            row.terms
                .iter()
                .zip(row.weights)
                .map(|(t, w)| w * centroid[t])
                .sum()
        })
        .collect()
}

/// Each member's cosine summed over all members, through the sum of the
/// members' unit vectors.
fn semantic_centroid_scores(
    vectors: &crate::similarity::SentenceVectors,
    members: &[u32],
) -> Vec<f32> {
    let mut centroid = vec![0.0f32; vectors.dim()];
    for &m in members {
        let scale = vectors.inv_norm(m as usize);
        for (c, &x) in centroid.iter_mut().zip(vectors.row(m as usize)) {
            *c += x as f32 * scale;
        }
    }
    members
        .iter()
        .map(|&m| {
            let scale = vectors.inv_norm(m as usize);
            vectors
                .row(m as usize)
                .iter()
                .zip(&centroid)
                .map(|(&x, c)| x as f32 * scale * c)
                .sum()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tfidf::test_support::matrix;
    use crate::tfidf::TfIdfMatrix;
    use proptest::prelude::*;

    fn lex(m: &TfIdfMatrix) -> Similarity<'_> {
        Similarity::lexical(m)
    }

    #[test]
    fn repetitive_input_is_not_searched_pair_by_pair() {
        // 4,000 sentences over the same ten words, each with its own
        // counts: every pair is similar, and without a cap every pair was
        // a candidate and a result. With it, a sentence meets at most
        // EXACT_MAX_SCAN others through each of its ten words.
        let n = 4_000;
        let rows: Vec<Vec<u32>> = (0..n)
            .map(|i| {
                (1..=10u32)
                    .flat_map(|t| std::iter::repeat_n(t, 1 + (i >> (2 * (t - 1))) % 4))
                    .collect()
            })
            .collect();
        let m = matrix(&rows);
        let max_scan = scan_limit(n);
        let relation = near_duplicates(&lex(&m), 0.5, &vec![true; n], max_scan);
        let leaders = relation.groups.len();
        assert!(leaders > 1, "the sentences differ");
        let all_pairs = leaders * (leaders - 1) / 2;
        assert!(
            relation.pairs.len() <= leaders * 10 * EXACT_MAX_SCAN
                && relation.pairs.len() < all_pairs / 2,
            "{} pairs of {leaders} leaders",
            relation.pairs.len()
        );
        // Still one cluster: the cap bounds the work, not the grouping.
        let clusters = cluster(n, &relation, &m, 0.5);
        assert_eq!(clusters.members.len(), 1);
    }

    #[test]
    fn link_floor_stops_chaining_two_facts_through_one_sentence() {
        // 0 and 2 state different facts; 1 combines both.
        let m = matrix(&[
            vec![1, 2, 3, 4],
            vec![1, 2, 3, 4, 5, 6, 7, 8],
            vec![5, 6, 7, 8],
        ]);
        let relation = near_duplicates(&lex(&m), 0.5, &[true; 3], DEFAULT_MAX_SCAN);
        assert_eq!(relation.pairs.len(), 2, "{relation:?}");
        assert!(m.cosine(0, 2) < 0.25);
        let single = connected_components(3, &relation.expand());
        assert_eq!(single.members.len(), 1);
        let guarded = cluster(3, &relation, &lex(&m), 0.5);
        assert_eq!(guarded.members.len(), 2);
    }

    #[test]
    fn clusters_are_connected_components_ordered_by_first_member() {
        let pairs = [
            SimilarPair {
                a: 1,
                b: 4,
                similarity: 0.9,
            },
            SimilarPair {
                a: 3,
                b: 4,
                similarity: 0.8,
            },
        ];
        let c = connected_components(5, &pairs);
        assert_eq!(c.members, vec![vec![0], vec![1, 3, 4], vec![2]]);
        assert_eq!(c.of_sentence, vec![0, 1, 2, 1, 1]);
    }

    #[test]
    fn exact_duplicates_and_near_duplicates_are_found() {
        let m = matrix(&[
            vec![1, 2, 3, 4, 5],
            vec![6, 7, 8],
            vec![1, 2, 3, 4, 5],
            vec![1, 2, 3, 4, 9],
            vec![2],
            vec![2],
        ]);
        let eligible = vec![true; 6];
        let relation = near_duplicates(&lex(&m), 0.5, &eligible, DEFAULT_MAX_SCAN);
        assert_eq!(
            relation.groups,
            vec![vec![0, 2], vec![1], vec![3], vec![4, 5]]
        );
        let keys: Vec<(u32, u32)> = relation.expand().iter().map(|p| (p.a, p.b)).collect();
        assert_eq!(keys, vec![(0, 2), (0, 3), (2, 3), (4, 5)]);
        assert_eq!(relation.sentence_pairs(), 4);
        let c = cluster(6, &relation, &lex(&m), 0.5);
        assert_eq!(c.members, vec![vec![0, 2, 3], vec![1], vec![4, 5]]);
    }

    #[test]
    fn representative_is_the_member_nearest_the_centroid() {
        let m = matrix(&[
            vec![1, 2, 3, 7],
            vec![1, 2, 3, 4],
            vec![1, 2, 3, 5],
            vec![1, 2, 3],
        ]);
        let c = Clusters {
            of_sentence: vec![0; 4],
            members: vec![vec![0, 1, 2, 3]],
        };
        assert_eq!(representatives(&c, &lex(&m)), vec![3]);
    }

    #[test]
    fn ineligible_sentences_never_pair() {
        let m = matrix(&[vec![1, 2, 3], vec![1, 2, 3]]);
        assert!(
            near_duplicates(&lex(&m), 0.5, &[true, false], DEFAULT_MAX_SCAN)
                .expand()
                .is_empty()
        );
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]
        /// The prefix-filtered search finds exactly the brute-force pairs,
        /// and guarded clusters refine the single-link components.
        #[test]
        fn fast_pairs_equal_brute_force(
            rows in prop::collection::vec(prop::collection::vec(0u32..30, 0..10), 1..60),
            threshold in 0.2f32..0.95,
        ) {
            let m = matrix(&rows);
            let eligible = vec![true; rows.len()];
            let fast = near_duplicates(&lex(&m), threshold, &eligible, DEFAULT_MAX_SCAN).expand();
            let slow = brute_force_pairs(&lex(&m), threshold, &eligible);
            let key = |p: &[SimilarPair]| p.iter().map(|p| (p.a, p.b)).collect::<Vec<_>>();
            prop_assert_eq!(key(&fast), key(&slow));
            for (f, s) in fast.iter().zip(&slow) {
                prop_assert!((f.similarity - s.similarity).abs() < 1e-5);
            }
            // A binding scan cap may lose pairs but never invents one.
            let capped = near_duplicates(&lex(&m), threshold, &eligible, 2).expand();
            prop_assert!(capped.iter().all(|p| slow.iter().any(|s| (s.a, s.b) == (p.a, p.b))));
            let relation = near_duplicates(&lex(&m), threshold, &eligible, DEFAULT_MAX_SCAN);
            let guarded = cluster(rows.len(), &relation, &lex(&m), threshold);
            let single = connected_components(rows.len(), &slow);
            for members in &guarded.members {
                let component = single.of_sentence[members[0] as usize];
                prop_assert!(members.iter().all(|&x| single.of_sentence[x as usize] == component));
            }
        }
    }
}
