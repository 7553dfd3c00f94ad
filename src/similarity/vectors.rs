//! Sentence vectors from the static table: the weighted sum of the
//! sentence's wordpiece rows, without the table's common components
//! (Arora et al. 2017), centered on the input's own mean and unit length,
//! stored as int8.
//!
//! Centering on the input is to meaning what sentence-level IDF is to
//! words: in a set of articles about one summit every sentence is "about
//! the summit", and subtracting what all of them share leaves what each
//! one says. It also makes cosines of unrelated sentences fall around 0.
//! The mean of a handful of sentences is mostly those sentences
//! themselves (two sentences centered on their mean point in opposite
//! directions), so it is shrunk towards zero by `n / (n + CENTER_PRIOR)`.

use rayon::prelude::*;

use super::candidates::{all_band_keys, BandKeys};
use super::model::StaticModel;
use super::wordpiece::Tokenizer;
use std::sync::OnceLock;

/// Sentences per chunk of parallel work: fixed, so sums never depend on the
/// thread count.
const CHUNK: usize = 2048;

/// Pseudo-count of the shrinkage of the input's mean (see the module docs):
/// with `n` sentences, `n / (n + CENTER_PRIOR)` of the mean is subtracted.
pub const CENTER_PRIOR: f64 = 16.0;

/// One unit vector per sentence, int8-quantized: `cosine(i, j)` is the
/// exact cosine of the quantized vectors.
#[derive(Clone, Debug, Default)]
pub struct SentenceVectors {
    dim: usize,
    values: Vec<i8>,
    /// `1 / |q_i|` of each quantized vector (0 for an empty sentence).
    inv_norms: Vec<f32>,
    /// The (shrunk) mean subtracted from every vector; zeros when not
    /// centered. Other texts embedded [`alike`](Self::embed_alike) are
    /// centered on it, so that their cosines with these compare.
    center: Vec<f32>,
    /// Every row's LSH band keys, computed once when a large search first
    /// needs them ([`super::candidates`]), and carried over by
    /// [`stack`](Self::stack): the fact stage searches the sentences'
    /// vectors again, beside its parts'.
    band_keys: OnceLock<Vec<BandKeys>>,
}

/// Two sets are equal when their vectors are (the key cache aside).
impl PartialEq for SentenceVectors {
    fn eq(&self, other: &Self) -> bool {
        self.dim == other.dim
            && self.values == other.values
            && self.inv_norms == other.inv_norms
            && self.center == other.center
    }
}

/// Pass 1 of an embedding, per chunk: the quantized unit vectors, their
/// scales, and the sum of the unit vectors.
type Embedded = (Vec<i8>, Vec<f32>, Vec<f64>);

impl SentenceVectors {
    /// Embeds `texts` with `model`, in parallel, centered on their
    /// (shrunk) mean when `center` is set.
    pub fn embed(model: &StaticModel, texts: &[&str], center: bool) -> Self {
        let dim = model.dim();
        let chunks = embed_units(model, texts);
        let n = texts.len() as f64;
        let shrink = if center {
            1.0 / (n + CENTER_PRIOR)
        } else {
            0.0
        };
        let mut mean = vec![0.0f64; dim];
        for (_, _, sum) in &chunks {
            for (m, s) in mean.iter_mut().zip(sum) {
                *m += s;
            }
        }
        let mean: Vec<f32> = mean.iter().map(|m| (m * shrink) as f32).collect();
        Self::centered(dim, chunks, mean)
    }

    /// Embeds other `texts` (parts of these sentences, say) centered on
    /// these vectors' mean, so that cosines across the two sets mean what
    /// cosines within one do.
    pub fn embed_alike(&self, model: &StaticModel, texts: &[&str]) -> Self {
        debug_assert_eq!(model.dim(), self.dim);
        Self::centered(self.dim, embed_units(model, texts), self.center.clone())
    }

    /// Pass 2: subtract `mean`, renormalize, quantize again.
    fn centered(dim: usize, chunks: Vec<Embedded>, mean: Vec<f32>) -> Self {
        let parts: Vec<(Vec<i8>, Vec<f32>)> = chunks
            .into_par_iter()
            .map(|(values, scales, _)| {
                let mut out = Vec::with_capacity(values.len());
                let mut norms = Vec::with_capacity(scales.len());
                let mut v = vec![0.0f32; dim];
                for (q, &scale) in values.chunks_exact(dim).zip(&scales) {
                    if scale == 0.0 {
                        out.extend(std::iter::repeat_n(0, dim));
                        norms.push(0.0);
                        continue;
                    }
                    for ((x, &qi), &m) in v.iter_mut().zip(q).zip(&mean) {
                        *x = qi as f32 * scale - m;
                    }
                    normalize(&mut v);
                    quantize(&v, &mut out);
                    let q = &out[out.len() - dim..];
                    norms.push(inv_norm(q));
                }
                (out, norms)
            })
            .collect();
        let rows: usize = parts.iter().map(|(_, norms)| norms.len()).sum();
        let mut vectors = SentenceVectors {
            dim,
            values: Vec::with_capacity(rows * dim),
            inv_norms: Vec::with_capacity(rows),
            center: mean,
            band_keys: OnceLock::new(),
        };
        for (values, norms) in parts {
            vectors.values.extend_from_slice(&values);
            vectors.inv_norms.extend_from_slice(&norms);
        }
        vectors
    }

    /// The rows `ids` of each of `pieces`, in order, as one set (for a
    /// search over vectors of two sets embedded alike).
    pub fn stack(pieces: &[(&SentenceVectors, &[u32])]) -> Self {
        let dim = pieces.first().map_or(0, |(v, _)| v.dim);
        let rows: usize = pieces.iter().map(|(_, ids)| ids.len()).sum();
        let mut stacked = SentenceVectors {
            dim,
            values: Vec::with_capacity(rows * dim),
            inv_norms: Vec::with_capacity(rows),
            center: pieces
                .first()
                .map_or_else(Vec::new, |(v, _)| v.center.clone()),
            band_keys: OnceLock::new(),
        };
        for (vectors, ids) in pieces {
            debug_assert_eq!(vectors.dim, dim);
            for &i in *ids {
                stacked.values.extend_from_slice(vectors.row(i as usize));
                stacked.inv_norms.push(vectors.inv_norms[i as usize]);
            }
        }
        // When a large search already keyed a piece (the sentences), the
        // stacked set will be searched the same way: its keys are copied,
        // and only the other pieces' (the parts') are computed.
        if pieces.iter().any(|(v, _)| v.band_keys.get().is_some()) {
            let keys = pieces
                .iter()
                .flat_map(|(v, ids)| {
                    let keys = v.band_keys();
                    ids.iter().map(|&i| keys[i as usize])
                })
                .collect();
            let _ = stacked.band_keys.set(keys);
        }
        stacked
    }

    /// Every row's LSH band keys (computed on first use).
    pub(crate) fn band_keys(&self) -> &[BandKeys] {
        self.band_keys.get_or_init(|| all_band_keys(self))
    }

    /// Number of sentences.
    pub fn len(&self) -> usize {
        self.inv_norms.len()
    }

    /// True when there are no sentences.
    pub fn is_empty(&self) -> bool {
        self.inv_norms.is_empty()
    }

    /// Vector dimension.
    pub fn dim(&self) -> usize {
        self.dim
    }

    /// The quantized vector of sentence `i`.
    pub fn row(&self, i: usize) -> &[i8] {
        &self.values[i * self.dim..(i + 1) * self.dim]
    }

    /// `1 / |row(i)|`, 0 for a sentence without tokens.
    pub fn inv_norm(&self, i: usize) -> f32 {
        self.inv_norms[i]
    }

    /// The unit vectors of `sentences` as the rows of an f32 matrix, for
    /// many cosines at once by matrix product.
    pub fn unit_rows(&self, sentences: &[u32]) -> ndarray::Array2<f32> {
        let mut x = ndarray::Array2::<f32>::zeros((sentences.len(), self.dim));
        for (mut out, &i) in x.rows_mut().into_iter().zip(sentences) {
            let scale = self.inv_norms[i as usize];
            for (o, &v) in out.iter_mut().zip(self.row(i as usize)) {
                *o = v as f32 * scale;
            }
        }
        x
    }

    /// Cosine similarity of sentences `i` and `j` (0 when either is empty).
    pub fn cosine(&self, i: usize, j: usize) -> f32 {
        self.cosine_with(i, self, j)
    }

    /// Cosine similarity of row `i` and row `j` of `other`, a set embedded
    /// [`alike`](Self::embed_alike).
    pub fn cosine_with(&self, i: usize, other: &SentenceVectors, j: usize) -> f32 {
        dot_i8(self.row(i), other.row(j)) as f32 * self.inv_norms[i] * other.inv_norms[j]
    }
}

/// Pass 1 of an embedding: unit vectors, quantized, and per-chunk sums of
/// them (chunks of fixed size, so sums never depend on the thread count).
fn embed_units(model: &StaticModel, texts: &[&str]) -> Vec<Embedded> {
    let dim = model.dim();
    texts
        .par_chunks(CHUNK)
        .map(|chunk| {
            let mut tokenizer = Tokenizer::new(model);
            let mut ids = Vec::new();
            let mut v = vec![0.0f32; dim];
            let mut values = Vec::with_capacity(chunk.len() * dim);
            let mut scales = Vec::with_capacity(chunk.len());
            let mut sum = vec![0.0f64; dim];
            for text in chunk {
                ids.clear();
                tokenizer.tokenize(text, &mut ids);
                v.iter_mut().for_each(|x| *x = 0.0);
                for &id in &ids {
                    model.accumulate(id, &mut v);
                }
                model.remove_components(&mut v);
                normalize(&mut v);
                for (s, &x) in sum.iter_mut().zip(&v) {
                    *s += x as f64;
                }
                scales.push(quantize(&v, &mut values));
            }
            (values, scales, sum)
        })
        .collect()
}

/// `1 / |q|` of a quantized vector, 0 for the zero vector.
fn inv_norm(q: &[i8]) -> f32 {
    let norm_sq: i32 = q.iter().map(|&x| x as i32 * x as i32).sum();
    if norm_sq > 0 {
        1.0 / (norm_sq as f32).sqrt()
    } else {
        0.0
    }
}

/// Integer dot product, written so the compiler vectorizes it.
#[inline]
pub fn dot_i8(a: &[i8], b: &[i8]) -> i32 {
    let mut lanes = [0i32; 16];
    let mut ca = a.chunks_exact(16);
    let mut cb = b.chunks_exact(16);
    for (x, y) in (&mut ca).zip(&mut cb) {
        for k in 0..16 {
            lanes[k] += x[k] as i32 * y[k] as i32;
        }
    }
    let tail: i32 = ca
        .remainder()
        .iter()
        .zip(cb.remainder())
        .map(|(&x, &y)| x as i32 * y as i32)
        .sum();
    lanes.iter().sum::<i32>() + tail
}

fn normalize(v: &mut [f32]) {
    let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt();
    if norm > 0.0 {
        v.iter_mut().for_each(|x| *x /= norm);
    }
}

/// Appends `v` scaled so its largest component is ±127; returns the scale
/// that maps the integers back (0 for a zero vector).
fn quantize(v: &[f32], out: &mut Vec<i8>) -> f32 {
    let max = v.iter().fold(0.0f32, |m, x| m.max(x.abs()));
    if max == 0.0 {
        out.extend(std::iter::repeat_n(0, v.len()));
        return 0.0;
    }
    let k = 127.0 / max;
    out.extend(v.iter().map(|x| (x * k).round() as i8));
    max / 127.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn embed(texts: &[&str]) -> SentenceVectors {
        SentenceVectors::embed(StaticModel::builtin(), texts, true)
    }

    #[test]
    fn paraphrases_are_closer_than_unrelated_sentences() {
        let v = embed(&[
            "The talks ended without any agreement.",
            "The meeting concluded with no deal.",
            "Heavy rain flooded the streets of the city.",
            "The recipe needs two cups of flour.",
        ]);
        assert!(v.cosine(0, 1) > v.cosine(0, 2), "{}", v.cosine(0, 1));
        assert!(v.cosine(0, 1) > v.cosine(0, 3));
        assert!((v.cosine(2, 2) - 1.0).abs() < 1e-5);
    }

    #[test]
    fn empty_sentences_have_zero_similarity() {
        let v = embed(&["", "A real sentence about the summit."]);
        assert_eq!(v.cosine(0, 1), 0.0);
        assert_eq!(v.inv_norm(0), 0.0);
    }

    #[test]
    fn vectors_do_not_depend_on_chunking() {
        let texts: Vec<String> = (0..5000)
            .map(|i| format!("Sentence {i} tells of talks number {}.", i % 37))
            .collect();
        let refs: Vec<&str> = texts.iter().map(|t| t.as_str()).collect();
        let whole = embed(&refs);
        let one = rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .build()
            .unwrap()
            .install(|| embed(&refs));
        assert_eq!(whole, one);
    }

    #[test]
    fn texts_embedded_alike_get_the_vectors_they_have_in_the_set() {
        let texts = [
            "The talks ended without any agreement.",
            "The meeting concluded with no deal.",
            "Heavy rain flooded the streets of the city.",
            "The recipe needs two cups of flour.",
        ];
        let set = embed(&texts);
        let alike = set.embed_alike(StaticModel::builtin(), &texts[1..3]);
        assert_eq!(alike.row(0), set.row(1));
        assert_eq!(alike.row(1), set.row(2));
        assert_eq!(alike.cosine_with(0, &set, 1), set.cosine(1, 1));
        // Centered on the set's mean, not on its own.
        let alone = embed(&texts[1..3]);
        assert_ne!(alone.row(0), set.row(1));
    }

    #[test]
    fn stacked_rows_keep_their_vectors_and_band_keys() {
        let texts: Vec<String> = (0..40)
            .map(|i| format!("Report {i} says the river rose {} metres.", i % 7))
            .collect();
        let refs: Vec<&str> = texts.iter().map(|t| t.as_str()).collect();
        let (first, second) = (embed(&refs[..30]), embed(&refs[30..]));
        first.band_keys(); // keyed, as after a large search
        let stacked = SentenceVectors::stack(&[(&first, &[3, 7]), (&second, &[0, 9])]);
        assert_eq!(stacked.len(), 4);
        assert_eq!(stacked.row(1), first.row(7));
        assert_eq!(stacked.row(3), second.row(9));
        assert_eq!(stacked.cosine(0, 1), first.cosine(3, 7));
        // Copied keys are the keys of the rows.
        let copied = stacked.band_keys().to_vec();
        assert_eq!(copied, super::all_band_keys(&stacked));
        assert_eq!(copied[1], first.band_keys()[7]);
    }

    #[test]
    fn dot_matches_the_plain_sum() {
        let a: Vec<i8> = (0..37).map(|i| (i * 7 % 255 - 127) as i8).collect();
        let b: Vec<i8> = (0..37).map(|i| (i * 13 % 255 - 127) as i8).collect();
        let plain: i32 = a.iter().zip(&b).map(|(&x, &y)| x as i32 * y as i32).sum();
        assert_eq!(dot_i8(&a, &b), plain);
    }
}
