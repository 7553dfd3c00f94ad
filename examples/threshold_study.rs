//! Measures how well the near-duplicate threshold separates sentence pairs
//! that humans judged to say the same thing (MSRP training pairs) from
//! those they did not, using brief's own analysis and TF-IDF.
//!
//! Usage: `cargo run --release --example threshold_study [-- PATH/TO/train.tsv]`
//! (default `../shared/eval/msrp/train.tsv`). Prints precision, recall and
//! F1 of "cosine >= t" against the human label for a range of t.

use brief::analyze::{Analyzer, SentenceSource};
use brief::tfidf::TfIdfMatrix;
use brief::Language;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).unwrap_or_else(|| {
        concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/eval/msrp/train.tsv").to_string()
    });
    let data = std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?;
    let mut labels = Vec::new();
    let mut texts: Vec<String> = Vec::new();
    for (n, line) in data.lines().enumerate().skip(1) {
        let fields: Vec<&str> = line.split('\t').collect();
        if fields.len() < 3 {
            return Err(format!("{path}:{}: expected 5 tab-separated fields", n + 1).into());
        }
        labels.push(fields[0] == "1");
        for sentence in &fields[1..3] {
            texts.push(sentence.replace("<QUOTE>", "\""));
        }
    }
    let sentences: Vec<(SentenceSource, &str)> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let source = SentenceSource {
                document: (i % 2) as u32,
                unit: (i / 2) as u32,
            };
            (source, t.as_str())
        })
        .collect();
    let analysis = Analyzer::new(Language::English).analyze(&sentences);
    let matrix = TfIdfMatrix::build(&analysis);
    let cosines: Vec<f32> = (0..labels.len())
        .map(|p| matrix.cosine(2 * p, 2 * p + 1))
        .collect();

    let positives = labels.iter().filter(|&&l| l).count();
    println!(
        "{} pairs, {} labelled paraphrase ({:.1}%)",
        labels.len(),
        positives,
        100.0 * positives as f64 / labels.len() as f64
    );
    println!("threshold  precision  recall     F1   predicted");
    for step in 2..=18 {
        let t = step as f32 * 0.05;
        let (mut tp, mut fp) = (0usize, 0usize);
        for (&c, &l) in cosines.iter().zip(&labels) {
            if c >= t {
                if l {
                    tp += 1;
                } else {
                    fp += 1;
                }
            }
        }
        let precision = tp as f64 / (tp + fp).max(1) as f64;
        let recall = tp as f64 / positives as f64;
        let f1 = 2.0 * precision * recall / (precision + recall).max(f64::MIN_POSITIVE);
        println!(
            "{t:>9.2}  {precision:>9.3}  {recall:>6.3}  {f1:>5.3}  {:>9}",
            tp + fp
        );
    }
    Ok(())
}
