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

use super::model::StaticModel;
use super::wordpiece::Tokenizer;

/// Sentences per chunk of parallel work: fixed, so sums never depend on the
/// thread count.
const CHUNK: usize = 2048;

/// Pseudo-count of the shrinkage of the input's mean (see the module docs):
/// with `n` sentences, `n / (n + CENTER_PRIOR)` of the mean is subtracted.
pub const CENTER_PRIOR: f64 = 16.0;

/// One unit vector per sentence, int8-quantized: `cosine(i, j)` is the
/// exact cosine of the quantized vectors.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SentenceVectors {
    dim: usize,
    values: Vec<i8>,
    /// `1 / |q_i|` of each quantized vector (0 for an empty sentence).
    inv_norms: Vec<f32>,
}

impl SentenceVectors {
    /// Embeds `texts` with `model`, in parallel, centered on their
    /// (shrunk) mean when `center` is set.
    pub fn embed(model: &StaticModel, texts: &[&str], center: bool) -> Self {
        let dim = model.dim();
        // Pass 1: unit vectors, quantized, and per-chunk sums of them.
        let chunks: Vec<(Vec<i8>, Vec<f32>, Vec<f64>)> = texts
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
            .collect();
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

        // Pass 2: subtract the mean, renormalize, quantize again.
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
                    let norm_sq: i32 = q.iter().map(|&x| x as i32 * x as i32).sum();
                    norms.push(if norm_sq > 0 {
                        1.0 / (norm_sq as f32).sqrt()
                    } else {
                        0.0
                    });
                }
                (out, norms)
            })
            .collect();
        let mut vectors = SentenceVectors {
            dim,
            values: Vec::with_capacity(texts.len() * dim),
            inv_norms: Vec::with_capacity(texts.len()),
        };
        for (values, norms) in parts {
            vectors.values.extend_from_slice(&values);
            vectors.inv_norms.extend_from_slice(&norms);
        }
        vectors
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
        dot_i8(self.row(i), self.row(j)) as f32 * self.inv_norms[i] * self.inv_norms[j]
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
    fn dot_matches_the_plain_sum() {
        let a: Vec<i8> = (0..37).map(|i| (i * 7 % 255 - 127) as i8).collect();
        let b: Vec<i8> = (0..37).map(|i| (i * 13 % 255 - 127) as i8).collect();
        let plain: i32 = a.iter().zip(&b).map(|(&x, &y)| x as i32 * y as i32).sum();
        assert_eq!(dot_i8(&a, &b), plain);
    }
}
