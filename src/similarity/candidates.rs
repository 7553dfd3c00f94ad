//! Pairs of sentences whose semantic cosine reaches a floor, found without
//! comparing all pairs of a large input.
//!
//! Up to [`EXACT_SEMANTIC_LIMIT`] sentences every pair is compared (an
//! int8 dot product is a few nanoseconds). Beyond, random-hyperplane LSH
//! (Charikar 2002): each sentence gets [`BANDS`] keys of [`BITS`] sign bits
//! of random projections; two sentences at angle `θ` agree on a bit with
//! probability `1 - θ/π`, so near pairs share some band's key. Within a
//! band, sentences are sorted by key, and each is compared with the next
//! [`WINDOW`] sentences of its bucket only, so a huge bucket (a boilerplate
//! line repeated in thousands of documents) costs `WINDOW` comparisons per
//! sentence, not its square. The projections are three rounds of random
//! sign flips and a fast Walsh–Hadamard transform (a pseudo-random
//! rotation), from a fixed seed: the same input gives the same pairs.

use rayon::prelude::*;

use super::vectors::{dot_i8, SentenceVectors};

/// Inputs of up to this many eligible sentences are searched exactly, by
/// tiled matrix products (about 0.1 s at the limit).
pub const EXACT_SEMANTIC_LIMIT: usize = 4_000;

/// Rows per tile of the exact search.
const TILE: usize = 256;

/// LSH bands per sentence.
pub const BANDS: usize = 12;
/// Sign bits per band key.
pub const BITS: usize = 14;
/// Neighbours compared after each sentence within a band's bucket.
pub const WINDOW: usize = 6;

/// A pair `a < b` with its semantic cosine.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SemanticPair {
    /// The earlier sentence.
    pub a: u32,
    /// The later sentence.
    pub b: u32,
    /// Their cosine.
    pub cosine: f32,
}

/// Pairs among `sentences` (indices into `vectors`, ascending) whose cosine
/// is at least `floor`, sorted by `(a, b)`. Exact up to
/// [`EXACT_SEMANTIC_LIMIT`] sentences, LSH beyond.
pub fn semantic_pairs(
    vectors: &SentenceVectors,
    sentences: &[u32],
    floor: f32,
) -> Vec<SemanticPair> {
    semantic_pairs_where(vectors, sentences, floor, &|_, _| true)
}

/// [`semantic_pairs`], comparing only the pairs `wanted(a, b)` accepts
/// (the others are never scored): for a search that needs only some of
/// the pairs of a set, such as those that involve a part of a sentence.
pub fn semantic_pairs_where(
    vectors: &SentenceVectors,
    sentences: &[u32],
    floor: f32,
    wanted: &(dyn Fn(u32, u32) -> bool + Sync),
) -> Vec<SemanticPair> {
    let usable: Vec<u32> = sentences
        .iter()
        .copied()
        .filter(|&i| vectors.inv_norm(i as usize) > 0.0)
        .collect();
    let mut pairs = if usable.len() <= EXACT_SEMANTIC_LIMIT {
        exact_pairs(vectors, &usable, floor, wanted)
    } else {
        lsh_pairs(vectors, &usable, floor, wanted)
    };
    pairs.sort_unstable_by_key(|p| (p.a, p.b));
    pairs.dedup_by_key(|p| (p.a, p.b));
    pairs
}

/// Every pair compared: an f32 matrix product per tile of the upper
/// triangle finds the candidates, and each is confirmed by the exact
/// cosine of the stored vectors (so results never depend on the tiling).
pub fn exact_pairs(
    vectors: &SentenceVectors,
    sentences: &[u32],
    floor: f32,
    wanted: &(dyn Fn(u32, u32) -> bool + Sync),
) -> Vec<SemanticPair> {
    let x = vectors.unit_rows(sentences);
    let tiles = sentences.len().div_ceil(TILE);
    let blocks: Vec<(usize, usize)> = (0..tiles)
        .flat_map(|i| (i..tiles).map(move |j| (i, j)))
        .collect();
    // Matrix-product rounding is far below this margin.
    let margin = 1e-3;
    blocks
        .into_par_iter()
        .flat_map_iter(|(bi, bj)| {
            let rows = bi * TILE..((bi + 1) * TILE).min(sentences.len());
            let cols = bj * TILE..((bj + 1) * TILE).min(sentences.len());
            let products = x
                .slice(ndarray::s![rows.clone(), ..])
                .dot(&x.slice(ndarray::s![cols.clone(), ..]).t());
            let mut found = Vec::new();
            for (r, row) in rows.clone().zip(products.rows()) {
                for (c, &p) in cols.clone().zip(row.iter()) {
                    if c <= r || p < floor - margin {
                        continue;
                    }
                    let (a, b) = (sentences[r], sentences[c]);
                    if !wanted(a, b) {
                        continue;
                    }
                    let cosine = vectors.cosine(a as usize, b as usize);
                    if cosine >= floor {
                        found.push(SemanticPair {
                            a: a.min(b),
                            b: a.max(b),
                            cosine,
                        });
                    }
                }
            }
            found
        })
        .collect()
}

/// Bounded LSH search (see the module docs).
pub fn lsh_pairs(
    vectors: &SentenceVectors,
    sentences: &[u32],
    floor: f32,
    wanted: &(dyn Fn(u32, u32) -> bool + Sync),
) -> Vec<SemanticPair> {
    let n = sentences.len();
    let keys = vectors.band_keys();
    let signatures: Vec<BandKeys> = sentences.iter().map(|&i| keys[i as usize]).collect();
    (0..BANDS)
        .into_par_iter()
        .flat_map_iter(|band| {
            let mut order: Vec<(u16, u32)> =
                (0..n).map(|k| (signatures[k][band], k as u32)).collect();
            order.sort_unstable();
            let mut found = Vec::new();
            for x in 0..n {
                let (key, k) = order[x];
                let a = sentences[k as usize] as usize;
                for &(other_key, other) in order[x + 1..].iter().take(WINDOW) {
                    if other_key != key {
                        break;
                    }
                    let b = sentences[other as usize] as usize;
                    if !wanted(a as u32, b as u32) {
                        continue;
                    }
                    let cosine = dot_i8(vectors.row(a), vectors.row(b)) as f32
                        * vectors.inv_norm(a)
                        * vectors.inv_norm(b);
                    if cosine >= floor {
                        found.push(SemanticPair {
                            a: a.min(b) as u32,
                            b: a.max(b) as u32,
                            cosine,
                        });
                    }
                }
            }
            found
        })
        .collect()
}

/// The LSH keys of one vector: one per band.
pub type BandKeys = [u16; BANDS];

/// The band keys of every row of `vectors`, in parallel (the rotation is
/// fixed, so keys computed for one set serve a set stacked from it).
pub(crate) fn all_band_keys(vectors: &SentenceVectors) -> Vec<BandKeys> {
    let rotation = Rotation::new(vectors.dim());
    (0..vectors.len())
        .into_par_iter()
        .map(|i| rotation.band_keys(vectors.row(i)))
        .collect()
}

/// A fixed pseudo-random rotation `H D3 H D2 H D1` (random signs `D`,
/// Walsh–Hadamard `H`), applied to the vector padded to a power of two.
struct Rotation {
    size: usize,
    signs: Vec<Vec<f32>>,
}

impl Rotation {
    fn new(dim: usize) -> Self {
        // Enough rounds of output bits for every band.
        let size = dim.next_power_of_two();
        let rounds = (BANDS * BITS).div_ceil(size);
        let mut state = 0x9E37_79B9_7F4A_7C15u64;
        let mut next = move || {
            // splitmix64: a fixed, portable sequence.
            state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = state;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            z ^ (z >> 31)
        };
        let signs = (0..rounds * 3)
            .map(|_| {
                (0..size)
                    .map(|_| if next() & 1 == 1 { 1.0 } else { -1.0 })
                    .collect()
            })
            .collect();
        Rotation { size, signs }
    }

    fn band_keys(&self, row: &[i8]) -> [u16; BANDS] {
        let mut bits = Vec::with_capacity(self.signs.len() / 3 * self.size);
        let mut x = vec![0.0f32; self.size];
        for round in self.signs.chunks_exact(3) {
            x.iter_mut().for_each(|v| *v = 0.0);
            for (v, &r) in x.iter_mut().zip(row) {
                *v = r as f32;
            }
            for signs in round {
                for (v, s) in x.iter_mut().zip(signs) {
                    *v *= s;
                }
                hadamard(&mut x);
            }
            bits.extend(x.iter().map(|&v| v > 0.0));
        }
        let mut keys = [0u16; BANDS];
        for (band, key) in keys.iter_mut().enumerate() {
            for bit in 0..BITS {
                *key = (*key << 1) | u16::from(bits[band * BITS + bit]);
            }
        }
        keys
    }
}

/// In-place fast Walsh–Hadamard transform (unnormalized); `x.len()` is a
/// power of two.
fn hadamard(x: &mut [f32]) {
    let mut h = 1;
    while h < x.len() {
        for block in x.chunks_exact_mut(2 * h) {
            let (lo, hi) = block.split_at_mut(h);
            for (a, b) in lo.iter_mut().zip(hi.iter_mut()) {
                let (u, v) = (*a, *b);
                *a = u + v;
                *b = u - v;
            }
        }
        h *= 2;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::similarity::model::StaticModel;

    #[test]
    fn hadamard_is_orthogonal() {
        let mut x = vec![1.0, 2.0, 3.0, 4.0];
        hadamard(&mut x);
        assert_eq!(x, vec![10.0, -2.0, -4.0, 0.0]);
        let norm: f32 = x.iter().map(|v| v * v).sum();
        assert_eq!(norm, 4.0 * 30.0);
    }

    #[test]
    fn lsh_finds_near_duplicates_and_never_invents_pairs() {
        // Variants of a few base sentences: the same facts in other words,
        // among many unrelated ones.
        let mut texts = Vec::new();
        for i in 0..400 {
            texts.push(format!(
                "Officials in region {i} reported that the river flooded {} villages overnight.",
                i % 7
            ));
            texts.push(format!(
                "The {}th annual fair in town {i} sold record numbers of pumpkins and pies.",
                i % 5
            ));
        }
        let refs: Vec<&str> = texts.iter().map(|t| t.as_str()).collect();
        let vectors = SentenceVectors::embed(StaticModel::builtin(), &refs, true);
        let all: Vec<u32> = (0..refs.len() as u32).collect();
        let exact = exact_pairs(&vectors, &all, 0.9, &|_, _| true);
        let mut approx = lsh_pairs(&vectors, &all, 0.9, &|_, _| true);
        approx.sort_unstable_by_key(|p| (p.a, p.b));
        approx.dedup_by_key(|p| (p.a, p.b));
        assert!(!exact.is_empty());
        // Every pair LSH reports is a true pair with the exact cosine.
        for p in &approx {
            let e = exact.iter().find(|e| (e.a, e.b) == (p.a, p.b)).unwrap();
            assert_eq!(e.cosine, p.cosine);
        }
        // Each sentence with an exact partner finds one through LSH.
        let with_partner = |pairs: &[SemanticPair]| {
            let mut s: Vec<u32> = pairs.iter().flat_map(|p| [p.a, p.b]).collect();
            s.sort_unstable();
            s.dedup();
            s.len()
        };
        let found = with_partner(&approx) as f64 / with_partner(&exact) as f64;
        assert!(found > 0.9, "{found}");
    }
}
