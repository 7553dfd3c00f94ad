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
//! | `skip_bigram: max_gap` / `-2 N`           | `-2 N`           |
//! | `skip_bigram: unigrams` / `-u`            | `-u`             |
//! | `jackknife` / `--jackknife`               | NIST's `rougejk.in` layout (DUC 2005–2007) |
//! | `alpha` (default 0.5)                     | `-p alpha`       |
//! | always                                    | `-f A -t 0 -c 95 -r 1000` |
//!
//! Fixed behaviour: model averaging (`-f A`: hits and counts summed over the
//! references, see [`MeasureScore`]); sentence units as given, one per line
//! (`-t 0`, SPL input); the length limit applies to the candidate **and**
//! to each reference, as in ROUGE-1.5.5.
//!
//! # The DUC 2005–2007 jackknife
//!
//! ROUGE-1.5.5 itself has no jackknife (removed in ROUGE 1.4); NIST
//! jackknifed in its input file: a topic with `M` references is scored `M`
//! times, each time against the other `M − 1`, and each of those is an
//! *eval* of its own (`<topic>-<i>`, `i` the left-out reference in file-name
//! order). With `jackknife`, brief does the same; a topic with a single
//! reference cannot leave one out and is scored once against it. A topic's
//! reported score is the mean of its runs, and the averages are taken over
//! all evals, as NIST's single run takes them.
//!
//! # Averages
//!
//! Each [`Average`] holds the plain mean over evals (`r`, `p`, `f`) and,
//! in `rouge155`, the figure ROUGE-1.5.5 prints: the mean of its 1,000
//! seeded bootstrap resamples, reproduced draw for draw (see [`bootstrap`]),
//! with its 95% interval. The two differ in the fourth decimal; published
//! DUC tables quote the latter.
//!
//! Verified (`tests/rouge155.rs`): on DUC 2003 every per-topic R, P and F
//! equals a local run of `ROUGE-1.5.5.pl` (`-l 100`, `-b 665` with ROUGE-L,
//! `-s`, `-n 1..4`, SU4), and on DUC 2007 every per-topic and per-left-out
//! score and every printed average, interval included, of the official
//! SU4 and jackknife runs.
//!
//! `brief eval --summarize` (see [`dev`]) first summarizes every topic's
//! documents with brief itself, with the ROUGE length limit as the summary
//! budget and the topic's `topic.txt` as its query, and scores those
//! summaries: the dev-set runner behind `docs/quality.md`.
//!
//! Stemming (`-m`) is ROUGE-1.5.5's: WordNet 2.0's irregular forms as in
//! the database the package ships (`src/eval/wordnet/`), then its variant
//! of Porter's stemmer. (Installations that rebuild that database with the
//! commonly quoted command get an empty one and differ from the official
//! figures by up to 0.003.)
//!
//! Not reproduced: ROUGE-W, BE, `-U`, `-f B`, `-t 1/2`, and `-c`/`-r`
//! values other than 95 and 1000.

pub mod bootstrap;
pub mod cli;
mod data;
pub mod dev;
mod porter;
mod rouge;
mod stopwords;
mod tokenize;
mod wordnet;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

pub use bootstrap::Estimate;
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

/// ROUGE-S settings: skip-bigrams, optionally with unigrams (ROUGE-SU).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SkipBigram {
    /// At most this many words between the two words of a pair (`-2 N`);
    /// `None` for any distance (`-2 -1`).
    pub max_gap: Option<usize>,
    /// Count unigrams too (`-u`).
    pub unigrams: bool,
}

impl SkipBigram {
    /// ROUGE-SU4 (`-2 4 -u`), the DUC 2005–2007 measure.
    pub const SU4: SkipBigram = SkipBigram {
        max_gap: Some(4),
        unigrams: true,
    };

    /// `ROUGE-SU4`, `ROUGE-S4`, `ROUGE-SU*`, as ROUGE-1.5.5 names them.
    pub fn name(&self) -> String {
        let gap = self.max_gap.map_or("*".to_string(), |g| g.to_string());
        let u = if self.unigrams { "U" } else { "" };
        format!("ROUGE-S{u}{gap}")
    }
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
    /// Compute ROUGE-S or ROUGE-SU (`-2 N`, `-u`).
    #[serde(default)]
    pub skip_bigram: Option<SkipBigram>,
    /// Score each topic once per left-out reference (DUC 2005–2007).
    #[serde(default)]
    pub jackknife: bool,
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
            skip_bigram: None,
            jackknife: false,
            alpha: 0.5,
        }
    }
}

/// The largest n-gram order accepted; ROUGE-1.5.5 has no limit, but orders
/// beyond this are meaningless for summaries.
pub const MAX_N: usize = 9;

impl RougeConfig {
    /// The official DUC 2005–2007 evaluation: ROUGE-2 and ROUGE-SU4 recall
    /// (ROUGE-1 comes along), stemmed, jackknifed, summaries cut to `words`
    /// (250 in DUC 2005–2007): `ROUGE-1.5.5.pl -n 2 -x -m -2 4 -u -l 250`
    /// over NIST's jackknife layout.
    pub fn duc_2005_2007(words: usize) -> Self {
        RougeConfig {
            stem: true,
            limit: Some(Limit::Words(words)),
            max_n: 2,
            rouge_l: false,
            skip_bigram: Some(SkipBigram::SU4),
            jackknife: true,
            ..RougeConfig::default()
        }
    }

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

    /// Names of the measures computed, in report order: ROUGE-1 to
    /// ROUGE-N, ROUGE-L, then ROUGE-S/SU (ROUGE-1.5.5's order).
    pub fn measure_names(&self) -> Vec<String> {
        let mut names: Vec<String> = (1..=self.max_n).map(|n| format!("ROUGE-{n}")).collect();
        if self.rouge_l {
            names.push("ROUGE-L".to_string());
        }
        if let Some(skip) = self.skip_bigram {
            names.push(skip.name());
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
    /// Human reference summaries, in file-name order (the jackknife's
    /// left-out index refers to it).
    pub references: Vec<String>,
}

/// Scores of one measure, by name (`ROUGE-1`, ..., `ROUGE-L`, `ROUGE-SU4`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NamedScore {
    /// `ROUGE-1`, `ROUGE-2`, ..., `ROUGE-L`, `ROUGE-SU4`.
    pub measure: String,
    /// The scores.
    #[serde(flatten)]
    pub score: MeasureScore,
}

/// One leave-one-out run of a jackknifed topic.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LeftOut {
    /// Index of the reference left out (file-name order).
    pub left_out: usize,
    /// One entry per measure, scored against the other references.
    pub scores: Vec<NamedScore>,
}

/// All measures of one topic.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TopicScores {
    /// Topic identifier.
    pub id: String,
    /// One entry per measure, in [`RougeConfig::measure_names`] order. With
    /// the jackknife, R, P and F are the means over the runs (unrounded)
    /// and the counts are summed over them.
    pub scores: Vec<NamedScore>,
    /// With the jackknife: each leave-one-out run (empty otherwise, and for
    /// a topic with a single reference).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub jackknife: Vec<LeftOut>,
}

impl TopicScores {
    /// The evals this topic contributes to the averages, with their ids
    /// (`<topic>` or `<topic>-<i>`): one, or one per leave-one-out run.
    fn evals(&self) -> Vec<(String, &[NamedScore])> {
        if self.jackknife.is_empty() {
            vec![(self.id.clone(), &self.scores[..])]
        } else {
            self.jackknife
                .iter()
                .map(|run| (format!("{}-{}", self.id, run.left_out), &run.scores[..]))
                .collect()
        }
    }
}

/// ROUGE-1.5.5's printed averages of one measure (see [`bootstrap`]).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Rouge155Average {
    /// Recall.
    pub r: Estimate,
    /// Precision.
    pub p: Estimate,
    /// F.
    pub f: Estimate,
}

/// The averages of one measure over all evals.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Average {
    /// `ROUGE-1`, ..., `ROUGE-L`, `ROUGE-SU4`.
    pub measure: String,
    /// Mean recall.
    pub r: f64,
    /// Mean precision.
    pub p: f64,
    /// Mean F.
    pub f: f64,
    /// What ROUGE-1.5.5 prints for the same evals: bootstrap means with
    /// 95% intervals.
    pub rouge155: Rouge155Average,
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
    /// Number of evals averaged: the topics, or with the jackknife one per
    /// (topic, left-out reference).
    pub evals: usize,
    /// Per-measure averages over evals.
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

    /// Scores one candidate against its references (with the jackknife,
    /// once per left-out reference). An empty candidate (or an empty
    /// reference list) scores 0 everywhere.
    pub fn score_topic(&self, id: &str, candidate: &str, references: &[&str]) -> TopicScores {
        let config = &self.config;
        let cand = tokenize::prepare(candidate, config);
        let refs: Vec<_> = references
            .iter()
            .map(|text| tokenize::prepare(text, config))
            .collect();
        // Each measure counted once per reference; runs sum subsets.
        let mut counts: Vec<rouge::Counts> = (1..=config.max_n)
            .map(|n| rouge::rouge_n(&cand, &refs, n))
            .collect();
        if config.rouge_l {
            counts.push(rouge::rouge_l(&cand, &refs));
        }
        if let Some(skip) = config.skip_bigram {
            counts.push(rouge::rouge_s(&cand, &refs, skip));
        }
        let names = config.measure_names();
        let run = |keep: &dyn Fn(usize) -> bool| -> Vec<NamedScore> {
            names
                .iter()
                .zip(&counts)
                .map(|(measure, c)| NamedScore {
                    measure: measure.clone(),
                    score: c.score(config.alpha, keep),
                })
                .collect()
        };
        if !config.jackknife || refs.len() < 2 {
            return TopicScores {
                id: id.to_string(),
                scores: run(&|_| true),
                jackknife: Vec::new(),
            };
        }
        let jackknife: Vec<LeftOut> = (0..refs.len())
            .map(|left_out| LeftOut {
                left_out,
                scores: run(&|i| i != left_out),
            })
            .collect();
        TopicScores {
            id: id.to_string(),
            scores: mean_of_runs(&jackknife),
            jackknife,
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
        let mut evals: Vec<(String, &[NamedScore])> =
            per_topic.iter().flat_map(TopicScores::evals).collect();
        let ids: Vec<&str> = evals.iter().map(|(id, _)| id.as_str()).collect();
        let order = bootstrap::eval_order(&ids);
        let mut sorted: Vec<(String, &[NamedScore])> = Vec::with_capacity(evals.len());
        for &i in &order {
            sorted.push(std::mem::take(&mut evals[i]));
        }
        let averages = self
            .config
            .measure_names()
            .into_iter()
            .enumerate()
            .map(|(k, measure)| average(&sorted, k, measure))
            .collect();
        Report {
            schema: REPORT_SCHEMA.to_string(),
            config: self.config,
            topics: per_topic.len(),
            evals: sorted.len(),
            averages,
            per_topic,
        }
    }
}

/// Per measure, the mean R, P and F of the runs and their summed counts.
fn mean_of_runs(runs: &[LeftOut]) -> Vec<NamedScore> {
    let count = runs.len() as f64;
    let first = &runs[0].scores;
    (0..first.len())
        .map(|k| {
            let scores = runs.iter().map(|run| &run.scores[k].score);
            let mean =
                |pick: fn(&MeasureScore) -> f64| scores.clone().map(pick).sum::<f64>() / count;
            let sum = |pick: fn(&MeasureScore) -> usize| scores.clone().map(pick).sum::<usize>();
            NamedScore {
                measure: first[k].measure.clone(),
                score: MeasureScore {
                    r: mean(|s| s.r),
                    p: mean(|s| s.p),
                    f: mean(|s| s.f),
                    hits: sum(|s| s.hits),
                    reference_count: sum(|s| s.reference_count),
                    candidate_count: sum(|s| s.candidate_count),
                },
            }
        })
        .collect()
}

/// Plain mean and ROUGE-1.5.5 estimate of measure `k` over `evals`, which
/// are in ROUGE-1.5.5's eval order (the plain sums run in that order too).
fn average(evals: &[(String, &[NamedScore])], k: usize, measure: String) -> Average {
    let values = |pick: fn(&MeasureScore) -> f64| -> Vec<f64> {
        evals
            .iter()
            .filter_map(|(_, scores)| scores.get(k))
            .map(|s| pick(&s.score))
            .collect()
    };
    let (r, p, f) = (values(|s| s.r), values(|s| s.p), values(|s| s.f));
    let mean = |v: &[f64]| v.iter().sum::<f64>() / v.len().max(1) as f64;
    Average {
        measure,
        r: mean(&r),
        p: mean(&p),
        f: mean(&f),
        rouge155: Rouge155Average {
            r: bootstrap::estimate(&r),
            p: bootstrap::estimate(&p),
            f: bootstrap::estimate(&f),
        },
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

    /// ROUGE-1 only, jackknifed.
    fn unigram_jackknife() -> RougeConfig {
        RougeConfig {
            max_n: 1,
            rouge_l: false,
            jackknife: true,
            ..RougeConfig::default()
        }
    }

    #[test]
    fn jackknife_scores_each_topic_once_per_left_out_reference() {
        let config = unigram_jackknife();
        let scorer = config.validate().expect("valid");
        // Candidate "a b c"; references hit 2 of 4, 3 of 3 and 0 of 2.
        let topic = scorer.score_topic("t", "a b c", &["a b x y", "c b a", "z z"]);
        assert_eq!(topic.jackknife.len(), 3);
        let r: Vec<f64> = topic
            .jackknife
            .iter()
            .map(|run| run.scores[0].score.r)
            .collect();
        // Leaving out reference 0: 3 hits of 5; 1: 2 of 6; 2: 5 of 7.
        assert_eq!(r, [0.6, 0.33333, 0.71429]);
        let mean = (0.6 + 0.33333 + 0.71429) / 3.0;
        assert!((topic.scores[0].score.r - mean).abs() < 1e-12);
        // Mean P over the runs equals the all-references P (5 / 9), as in
        // the official DUC 2007 figures.
        let all = RougeConfig {
            jackknife: false,
            ..config
        }
        .validate()
        .expect("valid")
        .score_topic("t", "a b c", &["a b x y", "c b a", "z z"]);
        assert!((topic.scores[0].score.p - all.scores[0].score.p).abs() < 1e-5);
        assert!(all.jackknife.is_empty());
        // A single reference cannot be left out: scored once.
        let single = scorer.score_topic("s", "a b c", &["a b"]);
        assert!(single.jackknife.is_empty());
        assert_eq!(single.scores[0].score.r, 1.0);
    }

    #[test]
    fn jackknife_averages_over_evals() {
        let config = unigram_jackknife();
        let topics = vec![
            Topic {
                id: "a".into(),
                candidate: "x".into(),
                references: vec!["x".into(), "y".into()],
            },
            Topic {
                id: "b".into(),
                candidate: "x".into(),
                references: vec!["x".into()],
            },
        ];
        let report = config.validate().expect("valid").evaluate(&topics);
        // a-0 (against "y") 0, a-1 (against "x") 1, b 1.
        assert_eq!((report.topics, report.evals), (2, 3));
        assert!((report.averages[0].r - 2.0 / 3.0).abs() < 1e-12);
        let json = serde_json::to_value(&report).expect("serializable");
        assert_eq!(json["per_topic"][0]["jackknife"][1]["left_out"], 1);
        assert!(json["per_topic"][1].get("jackknife").is_none());
        assert!(json["averages"][0]["rouge155"]["r"]["mean"].is_number());
    }

    #[test]
    fn skip_bigram_measure_comes_last_with_its_rouge_name() {
        let config = RougeConfig {
            skip_bigram: Some(SkipBigram::SU4),
            ..RougeConfig::default()
        };
        assert_eq!(
            config.measure_names(),
            ["ROUGE-1", "ROUGE-2", "ROUGE-L", "ROUGE-SU4"]
        );
        let s = SkipBigram {
            max_gap: None,
            unigrams: false,
        };
        assert_eq!(s.name(), "ROUGE-S*");
        let duc = RougeConfig::duc_2005_2007(250);
        assert_eq!(duc.measure_names(), ["ROUGE-1", "ROUGE-2", "ROUGE-SU4"]);
        assert!(duc.jackknife && duc.stem);
    }
}
