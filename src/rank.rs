//! Stage 6, *rank*: LexRank centrality over the similarity graph of the
//! clusters' representative sentences.
//!
//! Nodes are clusters (one representative sentence each), so a fact stated
//! by five outlets is one node, not five nodes that vote for each other.
//! The cluster's *support* (how many documents state it) is carried as a
//! weight: the random walk moves from node `j` to neighbour `i` with
//! probability proportional to `sim(i, j) * support(i)`, and teleports to
//! `i` with probability proportional to `support(i)`. With support 1
//! everywhere this is continuous LexRank (Erkan and Radev 2004) with
//! damping; a cluster of `k` identical sentences gets the mass its `k`
//! sentences would have had in the uncollapsed graph.
//!
//! Edge weights are the pipeline's similarity measure
//! ([`crate::similarity`]): TF-IDF cosine, as in LexRank, or that combined
//! with the semantic cosine. The graph keeps edges with weight at least
//! `threshold` (0.1, as in LexRank), and each node only its
//! `max_neighbors` (32) strongest (the
//! union over both ends, so the graph stays symmetric), which bounds
//! memory. Up to `dense_limit` (200) nodes the similarities come from a
//! dense `ndarray` product; above, from an inverted index over the nodes'
//! terms, which gives the same graph (a property test checks it) and is
//! far faster on thousands of nodes; semantic neighbours come from
//! [`semantic_pairs`] (see [`sparse_graph`]). Past [`EXACT_GRAPH_LIMIT`]
//! nodes each posting list is scanned only near the node (see
//! [`RankConfig::max_postings_scan`]), keeping the work per node constant.

use ndarray::{Array1, Array2};
use rayon::prelude::*;

use crate::similarity::{semantic_pairs, SentenceVectors, Similarity};

/// Graphs of up to this many nodes are built exactly (every pair sharing a
/// term is scored); larger ones use the scan window of
/// [`RankConfig::max_postings_scan`].
pub const EXACT_GRAPH_LIMIT: usize = 5_000;

/// Ranking settings, validated by the pipeline.
#[derive(Clone, Debug, PartialEq)]
pub struct RankConfig {
    /// Minimum cosine for an edge.
    pub threshold: f32,
    /// Probability of following an edge rather than teleporting.
    pub damping: f64,
    /// Strongest edges kept per node on the sparse path.
    pub max_neighbors: usize,
    /// Node counts up to this use the dense path.
    pub dense_limit: usize,
    /// Sparse path on graphs of more than [`EXACT_GRAPH_LIMIT`] nodes: a
    /// term shared by more nodes than this is scanned only in a window of
    /// this many postings around the node itself. Input order
    /// keeps a document's sentences (and often a topic's documents)
    /// together, so the window holds the likeliest neighbours; this bounds
    /// the work per node on inputs of 100k+ sentences, where a few very
    /// common terms would otherwise touch most pairs.
    pub max_postings_scan: usize,
    /// Stop when the L1 change of one iteration falls below this.
    pub tolerance: f64,
    /// Iteration cap.
    pub max_iterations: usize,
}

impl Default for RankConfig {
    fn default() -> Self {
        RankConfig {
            threshold: 0.1,
            damping: 0.85,
            max_neighbors: 32,
            dense_limit: 200,
            max_postings_scan: 32,
            tolerance: 1e-10,
            max_iterations: 300,
        }
    }
}

/// A weighted, symmetric similarity graph in CSR form, without self loops.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SimilarityGraph {
    row_starts: Vec<usize>,
    /// `(neighbour, weight)` of every row, rows back to back.
    edges: Vec<(u32, f32)>,
}

impl SimilarityGraph {
    /// Number of nodes.
    pub fn len(&self) -> usize {
        self.row_starts.len().saturating_sub(1)
    }

    /// True when the graph has no nodes.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Number of stored (directed) edges.
    pub fn edge_count(&self) -> usize {
        self.edges.len()
    }

    /// Neighbours of `node` (ascending) with edge weights.
    pub fn edges(&self, node: usize) -> impl Iterator<Item = (u32, f32)> + '_ {
        self.edges[self.row_starts[node]..self.row_starts[node + 1]]
            .iter()
            .copied()
    }
}

/// Builds the graph over `nodes` (sentence indices), choosing the dense or
/// the sparse path by size.
pub fn build_graph(
    similarity: &Similarity<'_>,
    nodes: &[u32],
    config: &RankConfig,
) -> SimilarityGraph {
    if nodes.len() <= config.dense_limit {
        dense_graph(similarity, nodes, config)
    } else {
        sparse_graph(similarity, nodes, config)
    }
}

/// Dense path: the full similarity matrix as a product of dense vectors.
pub fn dense_graph(
    similarity: &Similarity<'_>,
    nodes: &[u32],
    config: &RankConfig,
) -> SimilarityGraph {
    let matrix = similarity.matrix();
    let n = nodes.len();
    // Columns: only the terms these nodes use.
    let mut column_of = rustc_hash::FxHashMap::default();
    for &i in nodes {
        for &t in matrix.row(i as usize).terms {
            let next = column_of.len();
            column_of.entry(t).or_insert(next);
        }
    }
    let mut x = Array2::<f32>::zeros((n, column_of.len().max(1)));
    for (r, &i) in nodes.iter().enumerate() {
        let row = matrix.row(i as usize);
        for (t, &w) in row.terms.iter().zip(row.weights) {
            x[[r, column_of[t]]] = w;
        }
    }
    let mut weights = x.dot(&x.t());
    if let Some(vectors) = similarity.vectors() {
        let measure = similarity.measure();
        let semantic = semantic_products(vectors, nodes);
        weights.zip_mut_with(&semantic, |w, &s| *w = measure.combine(*w, s));
    }
    let rows: Vec<Vec<(u32, f32)>> = (0..n)
        .into_par_iter()
        .map(|i| {
            let candidates: Vec<(u32, f32)> = (0..n)
                .filter(|&j| j != i && weights[[i, j]] >= config.threshold)
                .map(|j| (j as u32, weights[[i, j]]))
                .collect();
            strongest(candidates, config.max_neighbors)
        })
        .collect();
    let lengths = rows.iter().map(Vec::len).collect();
    symmetric_union(KeptEdges {
        lengths,
        edges: rows.into_iter().flatten().collect(),
    })
}

/// The semantic cosines of all pairs of `nodes`, as a dense matrix.
fn semantic_products(vectors: &SentenceVectors, nodes: &[u32]) -> Array2<f32> {
    let x = vectors.unit_rows(nodes);
    x.dot(&x.t())
}

/// Lexically touched neighbours whose semantic cosine is computed per node
/// on graphs of more than [`EXACT_GRAPH_LIMIT`] nodes: the strongest by
/// lexical score.
const MAX_TOUCHED_RESCORED: usize = 64;

/// Sparse path: per node, dot products accumulated over an inverted index
/// of the nodes' terms; only pairs sharing a term are touched. Exact unless
/// a term's postings exceed `max_postings_scan` (see [`RankConfig`]); then
/// the scores of pairs outside the window lack that term's share.
///
/// With semantic vectors, the candidates are the touched pairs (each
/// rescored with its semantic cosine) and the pairs whose semantic cosine
/// alone can reach the threshold ([`semantic_pairs`] at
/// [`crate::similarity::Measure::semantic_floor`]): that is every pair the dense path keeps,
/// as long as the semantic search is exact
/// ([`crate::similarity::candidates::EXACT_SEMANTIC_LIMIT`]). Past
/// [`EXACT_GRAPH_LIMIT`] nodes only the `MAX_TOUCHED_RESCORED` strongest
/// touched pairs of a node are rescored, bounding the work per node.
pub fn sparse_graph(
    similarity: &Similarity<'_>,
    nodes: &[u32],
    config: &RankConfig,
) -> SimilarityGraph {
    let matrix = similarity.matrix();
    let vectors = similarity.vectors();
    let measure = similarity.measure();
    let n = nodes.len();
    let mut postings: Vec<Vec<(u32, f32)>> = vec![Vec::new(); matrix.n_terms()];
    for (pos, &i) in nodes.iter().enumerate() {
        let row = matrix.row(i as usize);
        for (&t, &w) in row.terms.iter().zip(row.weights) {
            postings[t as usize].push((pos as u32, w));
        }
    }
    // Semantic neighbours of each node (by position), both directions.
    let semantic_neighbors: Vec<Vec<(u32, f32)>> = match vectors {
        Some(vectors) => {
            let position: rustc_hash::FxHashMap<u32, u32> = nodes
                .iter()
                .enumerate()
                .map(|(p, &s)| (s, p as u32))
                .collect();
            let mut lists = vec![Vec::new(); n];
            for pair in semantic_pairs(vectors, nodes, measure.semantic_floor(config.threshold)) {
                let (a, b) = (position[&pair.a], position[&pair.b]);
                lists[a as usize].push((b, pair.cosine));
                lists[b as usize].push((a, pair.cosine));
            }
            lists
        }
        None => Vec::new(),
    };
    // Dot products of one node with every node sharing a term (within the
    // scan window), accumulated in `scores`; `touched` lists the nonzero ones.
    let max_scan = if n > EXACT_GRAPH_LIMIT {
        config.max_postings_scan
    } else {
        usize::MAX
    };
    let node_edges = |pos: usize, scores: &mut [f32], touched: &mut Vec<u32>| -> Vec<(u32, f32)> {
        let row = matrix.row(nodes[pos] as usize);
        for (&t, &w) in row.terms.iter().zip(row.weights) {
            let list = &postings[t as usize];
            let window = if list.len() <= max_scan {
                list.as_slice()
            } else {
                let at = list.partition_point(|&(o, _)| (o as usize) < pos);
                let from = at.saturating_sub(max_scan / 2);
                let to = (from + max_scan).min(list.len());
                &list[from..to]
            };
            for &(other, w_other) in window {
                if other as usize == pos {
                    continue;
                }
                if scores[other as usize] == 0.0 {
                    touched.push(other);
                }
                scores[other as usize] += w * w_other;
            }
        }
        let mut candidates = Vec::new();
        if let Some(vectors) = vectors {
            // Semantic neighbours first, with their lexical score (0 when
            // untouched); a handled node is marked by a negative score.
            for &(other, cosine) in &semantic_neighbors[pos] {
                let s = measure.combine(scores[other as usize], cosine);
                if s >= config.threshold {
                    candidates.push((other, s));
                }
                if scores[other as usize] == 0.0 {
                    touched.push(other);
                }
                scores[other as usize] = -1.0;
            }
            touched.retain(|&o| {
                scores[o as usize] >= 0.0 || {
                    scores[o as usize] = 0.0;
                    false
                }
            });
            if n > EXACT_GRAPH_LIMIT && touched.len() > MAX_TOUCHED_RESCORED {
                touched.select_nth_unstable_by(MAX_TOUCHED_RESCORED, |&a, &b| {
                    scores[b as usize]
                        .total_cmp(&scores[a as usize])
                        .then(a.cmp(&b))
                });
            }
            let node = nodes[pos] as usize;
            for (k, &other) in touched.iter().enumerate() {
                if k < MAX_TOUCHED_RESCORED || n <= EXACT_GRAPH_LIMIT {
                    let semantic = vectors.cosine(node, nodes[other as usize] as usize);
                    let s = measure.combine(scores[other as usize], semantic);
                    if s >= config.threshold {
                        candidates.push((other, s));
                    }
                }
                scores[other as usize] = 0.0;
            }
        } else {
            for &other in touched.iter() {
                let s = scores[other as usize];
                if s >= config.threshold {
                    candidates.push((other, s));
                }
                scores[other as usize] = 0.0;
            }
        }
        touched.clear();
        strongest(candidates, config.max_neighbors)
    };
    // Scratch once per fixed block of nodes (not per rayon split, which can
    // be one per node: a fresh `n`-sized array each time costs page faults).
    // Each block's kept edges go into one flat list: a list per node would
    // keep every candidate's capacity after the cut to the strongest.
    let blocks: Vec<KeptEdges> = (0..n.div_ceil(NODES_PER_BLOCK))
        .into_par_iter()
        .map(|block| {
            let mut scores = vec![0.0f32; n];
            let mut touched = Vec::new();
            let mut kept = KeptEdges::default();
            for pos in block * NODES_PER_BLOCK..((block + 1) * NODES_PER_BLOCK).min(n) {
                let edges = node_edges(pos, &mut scores, &mut touched);
                kept.lengths.push(edges.len());
                kept.edges.extend(edges);
            }
            kept
        })
        .collect();
    drop(postings);
    let mut kept = KeptEdges::default();
    for block in blocks {
        kept.lengths.extend(block.lengths);
        kept.edges.extend(block.edges);
    }
    symmetric_union(kept)
}

/// The edges each node keeps, before they are made symmetric: node `i`'s
/// are the `lengths[i]` entries of `edges` after those of nodes `0..i`.
#[derive(Default)]
struct KeptEdges {
    lengths: Vec<usize>,
    edges: Vec<(u32, f32)>,
}

/// Keeps the `k` strongest edges (ties: lower node first), sorted by node.
/// A node of a large input can have hundreds of candidates: they are
/// partitioned around the `k`-th strongest, not sorted, and only the kept
/// ones are sorted.
fn strongest(mut edges: Vec<(u32, f32)>, k: usize) -> Vec<(u32, f32)> {
    if edges.len() > k {
        if k == 0 {
            return Vec::new();
        }
        edges.select_nth_unstable_by(k - 1, |a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        edges.truncate(k);
    }
    edges.sort_unstable_by_key(|&(o, _)| o);
    edges
}

/// Nodes per block of the parallel graph build.
const NODES_PER_BLOCK: usize = 4096;

/// Fewest nodes a parallel task of the LexRank walk takes. One iteration
/// costs about as much per node as waking a thread, so a walk over a few
/// hundred sentences, repeated up to `max_iterations` times, ran slower
/// split across threads than on one.
const NODES_PER_TASK: usize = 2048;

/// Makes the kept edges symmetric: an edge kept by either end is kept.
/// Builds the CSR arrays in place (degree count, fill, sort and
/// deduplicate each row, compact), so no edge list is held twice over.
fn symmetric_union(kept: KeptEdges) -> SimilarityGraph {
    let n = kept.lengths.len();
    let mut degree = kept.lengths.clone();
    for &(j, _) in &kept.edges {
        degree[j as usize] += 1;
    }
    let mut row_starts = Vec::with_capacity(n + 1);
    row_starts.push(0);
    for d in &degree {
        row_starts.push(row_starts.last().copied().unwrap_or(0) + d);
    }
    let total = row_starts[n];
    let mut edges: Vec<(u32, f32)> = vec![(0, 0.0); total];
    // Each node's kept edges start here in `kept.edges`.
    let mut kept_starts = Vec::with_capacity(n + 1);
    kept_starts.push(0);
    for &length in &kept.lengths {
        kept_starts.push(kept_starts.last().copied().unwrap_or(0) + length);
    }
    // Filled in parallel by ranges of rows: each range reads every kept
    // edge and writes the ends that fall in it (the writes are random, so
    // they are what takes the time). The order within a row does not
    // matter: rows are sorted next.
    let ranges = rayon::current_num_threads().clamp(1, 64) * 2;
    let rows_per_range = n.div_ceil(ranges).max(1);
    let mut range_slices: Vec<(usize, &mut [(u32, f32)])> = Vec::new();
    let mut rest = edges.as_mut_slice();
    for lo in (0..n).step_by(rows_per_range) {
        let hi = (lo + rows_per_range).min(n);
        let (part, tail) = rest.split_at_mut(row_starts[hi] - row_starts[lo]);
        range_slices.push((lo, part));
        rest = tail;
    }
    range_slices.par_iter_mut().for_each(|(lo, part)| {
        let (lo, hi) = (*lo, (*lo + rows_per_range).min(n));
        let base = row_starts[lo];
        let mut fill: Vec<usize> = row_starts[lo..hi].iter().map(|&r| r - base).collect();
        for i in 0..n {
            for &(j, w) in &kept.edges[kept_starts[i]..kept_starts[i + 1]] {
                if (lo..hi).contains(&i) {
                    part[fill[i - lo]] = (j, w);
                    fill[i - lo] += 1;
                }
                let j = j as usize;
                if (lo..hi).contains(&j) {
                    part[fill[j - lo]] = (i as u32, w);
                    fill[j - lo] += 1;
                }
            }
        }
    });
    drop(range_slices);
    drop(kept);
    // Sort and deduplicate each row in place (rows in parallel), then
    // compact. The two ends may have summed the same cosine in different
    // orders; keeping the larger makes both rows agree bit for bit.
    let mut slices: Vec<&mut [(u32, f32)]> = Vec::with_capacity(n);
    let mut rest = edges.as_mut_slice();
    for d in &degree {
        let (row, tail) = rest.split_at_mut(*d);
        slices.push(row);
        rest = tail;
    }
    let lengths: Vec<usize> = slices
        .par_iter_mut()
        .map(|row| {
            row.sort_unstable_by_key(|&(o, _)| o);
            let mut kept = 0;
            for k in 0..row.len() {
                if kept > 0 && row[kept - 1].0 == row[k].0 {
                    row[kept - 1].1 = row[kept - 1].1.max(row[k].1);
                } else {
                    row[kept] = row[k];
                    kept += 1;
                }
            }
            kept
        })
        .collect();
    let mut end = 0;
    for (i, &kept) in lengths.iter().enumerate() {
        let start = row_starts[i];
        edges.copy_within(start..start + kept, end);
        row_starts[i] = end;
        end += kept;
    }
    row_starts[n] = end;
    edges.truncate(end);
    edges.shrink_to_fit();
    SimilarityGraph { row_starts, edges }
}

/// Stationary distribution of the support-weighted LexRank walk.
///
/// `support[i] > 0` is node `i`'s weight. The result is finite,
/// non-negative and sums to 1; an empty graph gives an empty vector.
pub fn lexrank(graph: &SimilarityGraph, support: &[f64], config: &RankConfig) -> Vec<f64> {
    let n = graph.len();
    if n == 0 {
        return Vec::new();
    }
    let total_support: f64 = support.iter().sum();
    let prior = Array1::from_iter(support.iter().map(|s| s / total_support));
    // Out-weight of each node: sum over neighbours of sim * support.
    let out_weight: Vec<f64> = (0..n)
        .map(|j| {
            graph
                .edges(j)
                .map(|(i, w)| w as f64 * support[i as usize])
                .sum()
        })
        .collect();

    let d = config.damping;
    let mut p = prior.clone();
    // What each node gives per unit of edge weight, `p[j] / out_weight(j)`:
    // one division per node and iteration instead of one per edge (the
    // walk is memory-bound on large graphs, and this halves the gathers).
    let mut share = vec![0.0f64; n];
    for _ in 0..config.max_iterations {
        // Mass of nodes without edges teleports by the prior.
        let dangling: f64 = (0..n).filter(|&j| out_weight[j] == 0.0).map(|j| p[j]).sum();
        share
            .par_iter_mut()
            .with_min_len(NODES_PER_TASK)
            .zip(&out_weight)
            .zip(p.as_slice().expect("contiguous"))
            .for_each(|((share, &out), &p)| *share = if out > 0.0 { p / out } else { 0.0 });
        // Pull formulation: the graph is symmetric, so node i receives from
        // each neighbour j the share sim(i,j) * support(i) / out_weight(j).
        let next: Vec<f64> = (0..n)
            .into_par_iter()
            .with_min_len(NODES_PER_TASK)
            .map(|i| {
                let inflow: f64 = graph
                    .edges(i)
                    .map(|(j, w)| w as f64 * share[j as usize])
                    .sum();
                (1.0 - d) * prior[i] + d * (support[i] * inflow + dangling * prior[i])
            })
            .collect();
        let next = Array1::from_vec(next);
        let change: f64 = (&next - &p).mapv(f64::abs).sum();
        p = next;
        if change < config.tolerance {
            break;
        }
    }
    let total = p.sum();
    p.mapv(|v| v / total).to_vec()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tfidf::test_support::matrix;
    use proptest::prelude::*;

    #[test]
    fn central_sentence_ranks_first() {
        let m = matrix(&[vec![0, 1], vec![0, 1, 2, 3], vec![2, 3], vec![9]]);
        let nodes: Vec<u32> = (0..4).collect();
        let config = RankConfig::default();
        let g = build_graph(&Similarity::lexical(&m), &nodes, &config);
        let scores = lexrank(&g, &[1.0; 4], &config);
        let best = (0..4)
            .max_by(|&a, &b| scores[a].total_cmp(&scores[b]))
            .unwrap();
        assert_eq!(best, 1);
        assert!((scores.iter().sum::<f64>() - 1.0).abs() < 1e-9);
    }

    #[test]
    fn support_raises_a_node() {
        let m = matrix(&[vec![0, 1], vec![1, 2], vec![0, 2]]);
        let nodes: Vec<u32> = (0..3).collect();
        let config = RankConfig::default();
        let g = build_graph(&Similarity::lexical(&m), &nodes, &config);
        let flat = lexrank(&g, &[1.0, 1.0, 1.0], &config);
        let boosted = lexrank(&g, &[1.0, 3.0, 1.0], &config);
        assert!(boosted[1] > flat[1]);
    }

    #[test]
    fn neighbor_cap_bounds_degree_before_symmetrizing() {
        let rows: Vec<Vec<u32>> = (0..20).map(|i| vec![0, i + 1]).collect();
        let m = matrix(&rows);
        let nodes: Vec<u32> = (0..20).collect();
        let config = RankConfig {
            max_neighbors: 3,
            threshold: 0.01,
            ..RankConfig::default()
        };
        let g = sparse_graph(&Similarity::lexical(&m), &nodes, &config);
        // Each node keeps 3; the union can add edges others kept towards it.
        assert!(g.edge_count() <= 20 * 3 * 2);
        assert!(g.edge_count() >= 20 * 3);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(100))]
        /// Without a binding neighbour cap, the dense and sparse paths give
        /// the same graph and the same ranking.
        #[test]
        fn dense_and_sparse_agree(
            rows in prop::collection::vec(prop::collection::vec(0u32..25, 0..8), 1..50),
            supports in prop::collection::vec(1u32..5, 50),
        ) {
            let m = matrix(&rows);
            let nodes: Vec<u32> = (0..rows.len() as u32).collect();
            let config = RankConfig { max_neighbors: usize::MAX, ..RankConfig::default() };
            let dense = dense_graph(&Similarity::lexical(&m), &nodes, &config);
            let sparse = sparse_graph(&Similarity::lexical(&m), &nodes, &config);
            prop_assert_eq!(dense.row_starts.clone(), sparse.row_starts.clone());
            prop_assert_eq!(dense.edges.iter().map(|e| e.0).collect::<Vec<_>>(), sparse.edges.iter().map(|e| e.0).collect::<Vec<_>>());
            let support: Vec<f64> = supports[..rows.len()].iter().map(|&s| s as f64).collect();
            let a = lexrank(&dense, &support, &config);
            let b = lexrank(&sparse, &support, &config);
            for (x, y) in a.iter().zip(&b) {
                prop_assert!(x.is_finite() && *x >= 0.0);
                prop_assert!((x - y).abs() < 1e-6);
            }
            prop_assert!((a.iter().sum::<f64>() - 1.0).abs() < 1e-9);
        }
    }
}
