//! `brief pairs`: the similarity of given sentence pairs, so that a user
//! can see what brief's measures say on their own data and calibrate
//! `--threshold`.
//!
//! Input: TSV (`sentence1<TAB>sentence2`, further columns ignored) or JSON
//! Lines (`{"sentence1": ..., "sentence2": ...}`). Every pair gets its
//! lexical (TF-IDF) cosine, its semantic cosine, the combined similarity
//! and the decision at the threshold for the measure in force.
//!
//! The whole input is the collection, exactly as one `brief dedup` input
//! is: IDF is computed over all its sentences (both columns, every line),
//! and the semantic vectors are centered on all of them. A pair scored
//! alone would have no IDF to speak of; scored within a file of pairs from
//! one domain, it gets the weights that domain gives its words.

use std::io::{self, BufRead, Write};

use serde::{Deserialize, Serialize};

use crate::analyze::{Analyzer, SentenceSource};
use crate::lang::Language;
use crate::load::ObjectOnly;
use crate::similarity::{Measure, SentenceVectors, StaticModel};
use crate::tfidf::TfIdfMatrix;

/// Schema of `brief pairs --format json`.
pub const PAIRS_SCHEMA: &str = "brief.pairs/1";

/// How pairs are read.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum PairsInput {
    /// `sentence1<TAB>sentence2` per line; further columns are ignored.
    #[default]
    Tsv,
    /// `{"sentence1": "...", "sentence2": "..."}` per line.
    Jsonl,
}

/// What `brief pairs` writes: it has no Markdown or HTML form, so those
/// are refused as usage errors rather than silently written as text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum PairsOutput {
    /// One tab-separated line per pair, under a header line.
    #[default]
    Text,
    /// One `brief.pairs/1` object.
    Json,
}

/// One pair of the input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pair {
    /// Where it was read: `file:line`.
    pub location: String,
    /// The first sentence.
    pub first: String,
    /// The second sentence.
    pub second: String,
}

/// A line that could not be read as a pair.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PairProblem {
    /// `file:line`.
    pub location: String,
    /// What is wrong.
    pub message: String,
}

impl std::fmt::Display for PairProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}; skipped", self.location, self.message)
    }
}

#[derive(Deserialize)]
struct PairRecord {
    sentence1: String,
    sentence2: String,
}

/// Reads the pairs of `input` (named `source` in locations); blank lines
/// are skipped, malformed ones reported.
pub fn read_pairs(
    input: impl BufRead,
    source: &str,
    format: PairsInput,
    pairs: &mut Vec<Pair>,
    problems: &mut Vec<PairProblem>,
) -> io::Result<()> {
    for (n, line) in input.split(b'\n').enumerate() {
        let mut line = line?;
        if n == 0 && line.starts_with(crate::load::UTF8_BOM) {
            line.drain(..crate::load::UTF8_BOM.len());
        }
        let location = format!("{source}:{}", n + 1);
        let text = match std::str::from_utf8(&line) {
            Ok(text) => text,
            Err(err) => {
                problems.push(PairProblem {
                    location,
                    message: format!("invalid UTF-8 at byte {} of the line", err.valid_up_to()),
                });
                continue;
            }
        };
        let text = text.strip_suffix('\r').unwrap_or(text);
        if text
            .trim_matches(|c: char| c.is_whitespace() && c != '\t')
            .is_empty()
        {
            continue;
        }
        // A header line naming the columns, as in MSRP or STS files.
        if n == 0 && format == PairsInput::Tsv && is_header(text) {
            continue;
        }
        let parsed = match format {
            PairsInput::Tsv => {
                let mut fields = text.split('\t');
                match (fields.next(), fields.next()) {
                    (Some(a), Some(b)) => Ok((a.to_string(), b.to_string())),
                    // Found in review: a JSON Lines file read as TSV gave
                    // this warning on every line, with no word of why.
                    _ if text.trim_start().starts_with('{') => Err(
                        "expected two tab-separated sentences; the line is a JSON object \
                         (JSON Lines are read with --input-format jsonl)"
                            .to_string(),
                    ),
                    _ => Err("expected two tab-separated sentences".to_string()),
                }
            }
            PairsInput::Jsonl => serde_json::from_str::<ObjectOnly<PairRecord>>(text)
                .map(|ObjectOnly(r)| (r.sentence1, r.sentence2))
                .map_err(|e| format!("expected {{\"sentence1\", \"sentence2\"}}: {e}")),
        };
        // An empty sentence has no similarity to anything: a missing
        // column, not a pair to score.
        let parsed = parsed.and_then(|(first, second)| {
            match (first.trim().is_empty(), second.trim().is_empty()) {
                (false, false) => Ok((first, second)),
                (true, true) => Err("both sentences are empty".to_string()),
                (true, false) => Err("the first sentence is empty".to_string()),
                (false, true) => Err("the second sentence is empty".to_string()),
            }
        });
        match parsed {
            Ok((first, second)) => pairs.push(Pair {
                location,
                first,
                second,
            }),
            Err(message) => problems.push(PairProblem { location, message }),
        }
    }
    Ok(())
}

/// The similarities of one pair.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct PairScore {
    /// TF-IDF cosine.
    pub lexical: f32,
    /// Semantic cosine (`None` for languages without semantic vectors).
    pub semantic: Option<f32>,
    /// The combined similarity (`None` without semantic vectors).
    pub combined: Option<f32>,
    /// The value of the measure in force.
    pub value: f32,
    /// `value >= threshold`: the two state the same fact.
    pub same: bool,
}

/// Scores every pair with `measure` for `language` (see the module docs
/// for the collection), deciding at `threshold`.
pub fn score_pairs(
    pairs: &[Pair],
    language: Language,
    measure: Measure,
    threshold: f32,
) -> Vec<PairScore> {
    let texts: Vec<&str> = pairs
        .iter()
        .flat_map(|p| [p.first.as_str(), p.second.as_str()])
        .collect();
    let sources: Vec<(SentenceSource, &str)> = texts
        .iter()
        .enumerate()
        .map(|(i, &t)| {
            let source = SentenceSource {
                document: (i % 2) as u32,
                unit: (i / 2) as u32,
            };
            (source, t)
        })
        .collect();
    let analysis = Analyzer::new(language).analyze(&sources);
    let matrix = TfIdfMatrix::build(&analysis);
    let measure = measure.effective(language);
    // Semantic cosines are reported whatever the measure, where the table
    // applies (English).
    let vectors = (Measure::Combined.effective(language) == Measure::Combined)
        .then(|| SentenceVectors::embed(StaticModel::builtin(), &texts, true));
    (0..pairs.len())
        .map(|p| {
            let (a, b) = (2 * p, 2 * p + 1);
            let lexical = matrix.cosine(a, b);
            let semantic = vectors.as_ref().map(|v| v.cosine(a, b));
            let combined = semantic.map(|s| Measure::Combined.combine(lexical, s));
            let value = measure.combine(lexical, semantic.unwrap_or(0.0));
            PairScore {
                lexical,
                semantic,
                combined,
                value,
                // Decided on the value as printed (4 decimals), so that
                // two identical sentences (a cosine of 0.99999994) are the
                // same at a threshold of 1; the threshold as given.
                same: round4(value) as f32 >= threshold,
            }
        })
        .collect()
}

/// True for a line that names the columns (`sentence1<TAB>sentence2`,
/// any case, perhaps with more columns after).
fn is_header(line: &str) -> bool {
    let mut fields = line.split('\t').map(str::trim);
    matches!(
        (fields.next(), fields.next()),
        (Some(a), Some(b)) if a.eq_ignore_ascii_case("sentence1") && b.eq_ignore_ascii_case("sentence2")
    )
}

fn round4(x: f32) -> f64 {
    (x as f64 * 10_000.0).round() / 10_000.0
}

/// Writes one tab-separated line per pair, after a header.
pub fn write_text(out: &mut dyn Write, pairs: &[Pair], scores: &[PairScore]) -> io::Result<()> {
    writeln!(out, "location\tlexical\tsemantic\tcombined\tsame")?;
    let show = |x: Option<f32>| x.map_or("-".to_string(), |v| format!("{:.4}", round4(v)));
    for (pair, score) in pairs.iter().zip(scores) {
        writeln!(
            out,
            "{}\t{:.4}\t{}\t{}\t{}",
            pair.location,
            round4(score.lexical),
            show(score.semantic),
            show(score.combined),
            if score.same { "yes" } else { "no" }
        )?;
    }
    Ok(())
}

#[derive(Serialize)]
struct PairsJson<'a> {
    schema: &'static str,
    options: PairsOptionsJson,
    pairs: Vec<PairJson<'a>>,
    stats: PairsStatsJson,
}

#[derive(Serialize)]
struct PairsOptionsJson {
    language: &'static str,
    similarity: &'static str,
    threshold: f64,
}

#[derive(Serialize)]
struct PairJson<'a> {
    location: &'a str,
    lexical: f64,
    // Absent, not null, for a language without the semantic table (the
    // contract's word).
    #[serde(skip_serializing_if = "Option::is_none")]
    semantic: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    combined: Option<f64>,
    same: bool,
}

#[derive(Serialize)]
struct PairsStatsJson {
    pairs: usize,
    same: usize,
}

/// Writes the `brief.pairs/1` JSON object.
pub fn write_json(
    out: &mut dyn Write,
    pairs: &[Pair],
    scores: &[PairScore],
    language: Language,
    measure: Measure,
    threshold: f32,
) -> io::Result<()> {
    let json = PairsJson {
        schema: PAIRS_SCHEMA,
        options: PairsOptionsJson {
            language: language.code(),
            similarity: measure.effective(language).name(),
            threshold: round4(threshold),
        },
        pairs: pairs
            .iter()
            .zip(scores)
            .map(|(p, s)| PairJson {
                location: &p.location,
                lexical: round4(s.lexical),
                semantic: s.semantic.map(round4),
                combined: s.combined.map(round4),
                same: s.same,
            })
            .collect(),
        stats: PairsStatsJson {
            pairs: scores.len(),
            same: scores.iter().filter(|s| s.same).count(),
        },
    };
    serde_json::to_writer_pretty(&mut *out, &json)?;
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str, format: PairsInput) -> (Vec<Pair>, Vec<PairProblem>) {
        let (mut pairs, mut problems) = (Vec::new(), Vec::new());
        read_pairs(text.as_bytes(), "in", format, &mut pairs, &mut problems).unwrap();
        (pairs, problems)
    }

    #[test]
    fn reads_tsv_and_reports_bad_lines_with_their_number() {
        let (pairs, problems) = read("a b\tc d\textra\n\nno tab here\nx\ty\n", PairsInput::Tsv);
        assert_eq!(pairs.len(), 2);
        assert_eq!(pairs[0].second, "c d");
        assert_eq!(pairs[1].location, "in:4");
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].location, "in:3");
    }

    #[test]
    fn skips_a_header_and_reports_empty_sentences() {
        let text = "Sentence1\tSentence2\tscore\nThe talks ended.\t\n\t\na\tb\n";
        let (pairs, problems) = read(text, PairsInput::Tsv);
        assert_eq!(pairs.len(), 1);
        assert_eq!(pairs[0].location, "in:4");
        let messages: Vec<&str> = problems.iter().map(|p| p.message.as_str()).collect();
        assert_eq!(
            messages,
            ["the second sentence is empty", "both sentences are empty"]
        );
        // An array is no pair record.
        let (pairs, problems) = read("[\"a\", \"b\"]\n", PairsInput::Jsonl);
        assert!(pairs.is_empty() && problems.len() == 1);
        // JSON Lines read as TSV: the message says how to read them.
        let (_, problems) = read(
            "{\"sentence1\": \"a\", \"sentence2\": \"b\"}\n",
            PairsInput::Tsv,
        );
        assert!(
            problems[0].message.contains("--input-format jsonl"),
            "{}",
            problems[0].message
        );
    }

    #[test]
    fn the_decision_agrees_with_the_printed_value() {
        let pair = Pair {
            location: "in:1".to_string(),
            first: "The summit ended without a deal.".to_string(),
            second: "The summit ended without a deal.".to_string(),
        };
        for measure in [Measure::Lexical, Measure::Semantic, Measure::Combined] {
            let score =
                score_pairs(std::slice::from_ref(&pair), Language::English, measure, 1.0)[0];
            assert_eq!(round4(score.value), 1.0, "{measure:?}");
            assert!(score.same, "{measure:?}: {score:?}");
        }
        // A threshold finer than the printed value is taken as given.
        let other = Pair {
            second: "Bananas are yellow fruit.".to_string(),
            ..pair
        };
        let score = score_pairs(&[other], Language::English, Measure::Lexical, 0.00004)[0];
        assert!(!score.same, "{score:?}");
    }

    #[test]
    fn reads_json_lines() {
        let (pairs, problems) = read(
            "{\"sentence1\": \"a\", \"sentence2\": \"b\", \"label\": 1}\n{\"sentence1\": 3}\n",
            PairsInput::Jsonl,
        );
        assert_eq!(pairs.len(), 1);
        assert_eq!(problems[0].location, "in:2");
    }

    #[test]
    fn paraphrases_score_above_unrelated_pairs_and_identical_pairs_are_same() {
        let pair = |a: &str, b: &str| Pair {
            location: String::new(),
            first: a.to_string(),
            second: b.to_string(),
        };
        let pairs = [
            pair(
                "The summit ended without any agreement on a ceasefire.",
                "The summit ended without any agreement on a ceasefire.",
            ),
            pair(
                "The talks concluded with no deal to end the war.",
                "Negotiators failed to reach an accord to stop the fighting.",
            ),
            pair(
                "The talks concluded with no deal to end the war.",
                "The bakery sells fresh bread every morning.",
            ),
        ];
        let scores = score_pairs(&pairs, Language::English, Measure::Combined, 0.5);
        assert!(scores[0].same && (scores[0].lexical - 1.0).abs() < 1e-5);
        assert!(scores[1].semantic.unwrap() > scores[2].semantic.unwrap());
        assert!(!scores[2].same);
        // No semantic vectors for other languages.
        let german = score_pairs(&pairs, Language::German, Measure::Combined, 0.4);
        assert!(german[0].semantic.is_none() && german[0].same);
    }
}
