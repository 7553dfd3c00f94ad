//! `brief eval`: ROUGE scores of candidate summaries against human
//! references, computed exactly as the official `ROUGE-1.5.5.pl` does.
//!
//! # Mapping to ROUGE-1.5.5 flags
//!
//! | brief ([`RougeConfig`] / CLI)             | ROUGE-1.5.5      |
//! |-------------------------------------------|------------------|
//! | `max_n` / `-n N` (default 2)              | `-n N`           |
//! | `rouge_l: false` / `-x`, `--no-rouge-l`   | `-x`             |
//! | `stem` / `-m`, `--stem`                   | `-m`             |
//! | `remove_stopwords` / `-s`                 | `-s`             |
//! | `limit: Words(N)` / `-l N`, `--words N`   | `-l N`           |
//! | `limit: Bytes(N)` / `-b N`, `--bytes N`   | `-b N`           |
//! | `alpha` (default 0.5)                     | `-p alpha`       |
//! | always                                    | `-f A -t 0`      |
//!
//! Fixed behaviour: model averaging (`-f A`: hits and counts summed over the
//! references, see [`MeasureScore`]); sentence units as given, one per line
//! (`-t 0`, SPL input); the length limit applies to the candidate **and**
//! to each reference, as in ROUGE-1.5.5. ROUGE-1.5.5 has no jackknifing
//! (removed in ROUGE 1.4), so neither has brief.
//!
//! Averages over topics are plain means of the per-topic (five-decimal)
//! scores. ROUGE-1.5.5 prints the mean of its 1,000 bootstrap resamples
//! (`-c 95 -r 1000`) instead, which differs from the plain mean in the
//! fourth decimal; bootstrap confidence intervals are not reproduced.
//!
//! Verified on DUC 2003 (`tests/rouge155.rs`): every per-topic R, P and F
//! equals a local run of `ROUGE-1.5.5.pl` (`-l 100`, `-b 665` with ROUGE-L,
//! `-s`, `-n 1..4`), and the means are within 0.0021 of the figures in
//! `official_scores.jsonl` (that run's own bootstrap means differ from a
//! local run of the script by about as much).
//!
//! `brief eval --summarize` (see [`dev`]) first summarizes every topic's
//! documents with brief itself, with the ROUGE length limit as the summary
//! budget, and scores those summaries: the dev-set runner behind
//! `docs/quality.md`.
//!
//! Not reproduced: ROUGE-W, ROUGE-S/SU, BE, `-f B`, `-t 1/2`, and the
//! WordNet exception database consulted before stemming. The database that
//! ROUGE-1.5.5 installations commonly rebuild with the documented command
//! is empty, so pure Porter stemming is what they compute; brief does the
//! same.

pub mod cli;
mod data;
pub mod dev;
mod porter;
mod rouge;
mod stopwords;
mod tokenize;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

pub use data::{load_jsonl, load_topic_dirs, parse_jsonl, LoadedTopics};
pub use porter::stem as porter_stem;
pub use rouge::MeasureScore;

/// Schema tag of [`Report`]'s JSON form.
pub const REPORT_SCHEMA: &str = "brief.eval/1";

/// How much of each summary ROUGE looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Limit {
    /// The first `n` white-space separated words (ROUGE `-l n`).
    Words(usize),
    /// The first `n` bytes (ROUGE `-b n`).
    Bytes(usize),
}

/// What to compute and how to read the summaries.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct RougeConfig {
    /// Porter-stem tokens longer than three bytes (`-m`).
    pub stem: bool,
    /// Drop ROUGE's SMART stop words (`-s`).
    pub remove_stopwords: bool,
    /// Truncate candidate and references (`-l` / `-b`).
    pub limit: Option<Limit>,
    /// Compute ROUGE-1 to ROUGE-`max_n` (`-n`).
    pub max_n: usize,
    /// Compute ROUGE-L (not `-x`).
    pub rouge_l: bool,
    /// Weight of precision in F (`-p`); 0.5 is the harmonic mean.
    pub alpha: f64,
}

impl Default for RougeConfig {
    fn default() -> Self {
        RougeConfig {
            stem: false,
            remove_stopwords: false,
            limit: None,
            max_n: 2,
            rouge_l: true,
            alpha: 0.5,
        }
    }
}

/// The largest n-gram order accepted; ROUGE-1.5.5 has no limit, but orders
/// beyond this are meaningless for summaries.
pub const MAX_N: usize = 9;

impl RougeConfig {
    /// Checks the options once and returns a [`Scorer`] that uses them.
    pub fn validate(self) -> Result<Scorer> {
        if !(1..=MAX_N).contains(&self.max_n) {
            return Err(Error::Config {
                option: "--max-n",
                message: format!("must be between 1 and {MAX_N}, got {}", self.max_n),
            });
        }
        if !(0.0..=1.0).contains(&self.alpha) {
            return Err(Error::Config {
                option: "alpha",
                message: format!("must be between 0 and 1, got {}", self.alpha),
            });
        }
        match self.limit {
            Some(Limit::Words(0)) => Err(Error::Config {
                option: "--words",
                message: "must be at least 1 (omit it for no limit)".to_string(),
            }),
            Some(Limit::Bytes(0)) => Err(Error::Config {
                option: "--bytes",
                message: "must be at least 1 (omit it for no limit)".to_string(),
            }),
            _ => Ok(Scorer { config: self }),
        }
    }

    /// Names of the measures computed, in report order.
    pub fn measure_names(&self) -> Vec<String> {
        let mut names: Vec<String> = (1..=self.max_n).map(|n| format!("ROUGE-{n}")).collect();
        if self.rouge_l {
            names.push("ROUGE-L".to_string());
        }
        names
    }
}

/// One evaluation item: a candidate summary and its human references, each
/// one sentence per line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Topic {
    /// Topic identifier (e.g. `d30003t`).
    pub id: String,
    /// The summary being scored.
    pub candidate: String,
    /// Human reference summaries.
    pub references: Vec<String>,
}

/// Scores of one measure, by name (`ROUGE-1`, ..., `ROUGE-L`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NamedScore {
    /// `ROUGE-1`, `ROUGE-2`, ..., `ROUGE-L`.
    pub measure: String,
    /// The scores.
    #[serde(flatten)]
    pub score: MeasureScore,
}

/// All measures of one topic.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TopicScores {
    /// Topic identifier.
    pub id: String,
    /// One entry per measure, in [`RougeConfig::measure_names`] order.
    pub scores: Vec<NamedScore>,
}

/// Mean R, P and F of one measure over all topics.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Average {
    /// `ROUGE-1`, ..., `ROUGE-L`.
    pub measure: String,
    /// Mean recall.
    pub r: f64,
    /// Mean precision.
    pub p: f64,
    /// Mean F.
    pub f: f64,
}

/// The result of [`Scorer::evaluate`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// Always [`REPORT_SCHEMA`].
    pub schema: String,
    /// The options used.
    pub config: RougeConfig,
    /// Number of topics scored.
    pub topics: usize,
    /// Per-measure means over topics.
    pub averages: Vec<Average>,
    /// Per-topic scores, sorted by topic id.
    pub per_topic: Vec<TopicScores>,
}

/// A validated [`RougeConfig`], ready to score.
#[derive(Debug, Clone, Copy)]
pub struct Scorer {
    config: RougeConfig,
}

impl Scorer {
    /// The options this scorer uses.
    pub fn config(&self) -> &RougeConfig {
        &self.config
    }

    /// Scores one candidate against its references. An empty candidate (or
    /// an empty reference list) scores 0 everywhere.
    pub fn score_topic(&self, id: &str, candidate: &str, references: &[&str]) -> TopicScores {
        let config = &self.config;
        let cand = tokenize::prepare(candidate, config);
        let refs: Vec<_> = references
            .iter()
            .map(|text| tokenize::prepare(text, config))
            .collect();
        let mut scores: Vec<NamedScore> = (1..=config.max_n)
            .map(|n| NamedScore {
                measure: format!("ROUGE-{n}"),
                score: rouge::rouge_n(&cand, &refs, n, config.alpha),
            })
            .collect();
        if config.rouge_l {
            scores.push(NamedScore {
                measure: "ROUGE-L".to_string(),
                score: rouge::rouge_l(&cand, &refs, config.alpha),
            });
        }
        TopicScores {
            id: id.to_string(),
            scores,
        }
    }

    /// Scores all topics in parallel and averages them. Topics are reported
    /// sorted by id; the result does not depend on the number of threads.
    pub fn evaluate(&self, topics: &[Topic]) -> Report {
        let mut order: Vec<&Topic> = topics.iter().collect();
        order.sort_by(|a, b| a.id.cmp(&b.id));
        let per_topic: Vec<TopicScores> = order
            .par_iter()
            .map(|topic| {
                let refs: Vec<&str> = topic.references.iter().map(String::as_str).collect();
                self.score_topic(&topic.id, &topic.candidate, &refs)
            })
            .collect();
        let averages = self
            .config
            .measure_names()
            .into_iter()
            .enumerate()
            .map(|(k, measure)| average(&per_topic, k, measure))
            .collect();
        Report {
            schema: REPORT_SCHEMA.to_string(),
            config: self.config,
            topics: per_topic.len(),
            averages,
            per_topic,
        }
    }
}

/// Plain mean of measure `k` over topics, summed in topic order.
fn average(per_topic: &[TopicScores], k: usize, measure: String) -> Average {
    let count = per_topic.len().max(1) as f64;
    let sum = |pick: fn(&MeasureScore) -> f64| {
        per_topic
            .iter()
            .filter_map(|t| t.scores.get(k))
            .map(|s| pick(&s.score))
            .sum::<f64>()
            / count
    };
    Average {
        measure,
        r: sum(|s| s.r),
        p: sum(|s| s.p),
        f: sum(|s| s.f),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scorer() -> Scorer {
        RougeConfig::default()
            .validate()
            .expect("default config is valid")
    }

    #[test]
    fn identical_candidate_scores_one() {
        let text = "The court charged Pinochet.\nChile protested the arrest.";
        let scores = scorer().score_topic("t", text, &[text]);
        assert_eq!(scores.scores.len(), 3);
        for s in &scores.scores {
            assert_eq!(
                (s.score.r, s.score.p, s.score.f),
                (1.0, 1.0, 1.0),
                "{}",
                s.measure
            );
        }
    }

    #[test]
    fn empty_candidate_scores_zero() {
        let scores = scorer().score_topic("t", "", &["Chile protested the arrest."]);
        for s in &scores.scores {
            assert_eq!(
                (s.score.r, s.score.p, s.score.f),
                (0.0, 0.0, 0.0),
                "{}",
                s.measure
            );
        }
    }

    #[test]
    fn limits_apply_to_references_too() {
        let config = RougeConfig {
            limit: Some(Limit::Words(2)),
            ..RougeConfig::default()
        };
        let s = config
            .validate()
            .expect("valid")
            .score_topic("t", "a b", &["a b c d"]);
        // The reference is cut to "a b" as well, so recall is 1.
        assert_eq!(s.scores[0].score.r, 1.0);
    }

    #[test]
    fn invalid_options_name_the_flag() {
        let bad = |c: RougeConfig| match c.validate() {
            Err(Error::Config { option, .. }) => option,
            other => panic!("expected a config error, got {other:?}"),
        };
        let base = RougeConfig::default();
        assert_eq!(bad(RougeConfig { max_n: 0, ..base }), "--max-n");
        assert_eq!(bad(RougeConfig { alpha: 1.5, ..base }), "alpha");
        assert_eq!(
            bad(RougeConfig {
                alpha: f64::NAN,
                ..base
            }),
            "alpha"
        );
        assert_eq!(
            bad(RougeConfig {
                limit: Some(Limit::Words(0)),
                ..base
            }),
            "--words"
        );
        assert_eq!(
            bad(RougeConfig {
                limit: Some(Limit::Bytes(0)),
                ..base
            }),
            "--bytes"
        );
    }

    #[test]
    fn evaluate_sorts_topics_and_averages() {
        let topics = vec![
            Topic {
                id: "b".into(),
                candidate: "x y".into(),
                references: vec!["x y".into()],
            },
            Topic {
                id: "a".into(),
                candidate: String::new(),
                references: vec!["x y".into()],
            },
        ];
        let report = scorer().evaluate(&topics);
        assert_eq!(report.schema, REPORT_SCHEMA);
        let ids: Vec<_> = report.per_topic.iter().map(|t| t.id.as_str()).collect();
        assert_eq!(ids, ["a", "b"]);
        assert_eq!(report.averages[0].measure, "ROUGE-1");
        assert_eq!((report.averages[0].r, report.averages[0].f), (0.5, 0.5));
        let json = serde_json::to_value(&report).expect("serializable");
        assert_eq!(json["schema"], "brief.eval/1");
        assert_eq!(json["per_topic"][1]["scores"][0]["measure"], "ROUGE-1");
    }
}
