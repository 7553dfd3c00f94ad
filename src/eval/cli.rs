//! Command-line glue for `brief eval`. This is the only part of the eval
//! module that prints.

use std::fmt::Write as _;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;

use super::{load_jsonl, load_topic_dirs, Limit, LoadedTopics, Report, RougeConfig, SkipBigram};
use crate::pipeline::Config;
use crate::score::Algorithm;
use crate::select::Budget;

/// Output format of `brief eval`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    /// A table of mean R, P and F per measure.
    Text,
    /// The full report (schema `brief.eval/1`) with per-topic scores.
    Json,
}

/// Arguments of `brief eval`: ROUGE scores computed like ROUGE-1.5.5
/// (`-f A -t 0`, model averaging, sentence units).
#[derive(Debug, Clone, clap::Args)]
pub struct EvalArgs {
    /// Candidate summaries: a folder of `<topic>.txt` files (one sentence
    /// per line), or a `.jsonl` file of `{"id", "candidate", "references"}`
    /// objects. Not used with --summarize.
    #[arg(
        value_name = "CANDIDATES",
        required_unless_present = "summarize",
        conflicts_with = "summarize"
    )]
    pub candidates: Option<PathBuf>,

    /// Folder of topics holding the references as `<topic>/refs/*.txt`.
    /// Required when CANDIDATES is a folder, not allowed with a `.jsonl`.
    #[arg(long, value_name = "DIR")]
    pub refs: Option<PathBuf>,

    /// Summarize each topic's `<topic>/docs/*.txt` (in the --refs folder)
    /// with brief and score those summaries; the summary length is the
    /// ROUGE limit (-l N words or -b N bytes), the last sentence cut at it.
    /// A topic's `topic.txt` (DUC 2005-2007: title and narrative) is its
    /// query.
    #[arg(long, requires_all = ["refs"])]
    pub summarize: bool,

    /// With --summarize: the summary algorithm [default: brief].
    #[arg(long, value_enum)]
    pub algorithm: Option<Algorithm>,

    /// With --summarize: write generic summaries even where a topic has a
    /// `topic.txt` (by default its title and narrative are the query, as in
    /// DUC 2005-2007; only --algorithm brief answers a query, the others
    /// always summarize generically).
    #[arg(long)]
    pub generic: bool,

    /// With --summarize: also write each summary to `DIR/<topic>.txt`, one
    /// sentence per line, ready to be scored as CANDIDATES.
    #[arg(long, value_name = "DIR")]
    pub write_summaries: Option<PathBuf>,

    /// Porter-stem words longer than three letters (ROUGE-1.5.5 `-m`).
    #[arg(short = 'm', long)]
    pub stem: bool,

    /// Remove ROUGE's SMART stop words (ROUGE-1.5.5 `-s`).
    #[arg(short = 's', long)]
    pub remove_stopwords: bool,

    /// Use only the first N words of each summary, candidate and references
    /// (ROUGE-1.5.5 `-l N`).
    #[arg(short = 'l', long, value_name = "N", conflicts_with = "bytes")]
    pub words: Option<usize>,

    /// Use only the first N bytes of each summary, candidate and references
    /// (ROUGE-1.5.5 `-b N`).
    #[arg(short = 'b', long, value_name = "N")]
    pub bytes: Option<usize>,

    /// Compute ROUGE-1 up to ROUGE-N (ROUGE-1.5.5 `-n N`).
    #[arg(short = 'n', long, value_name = "N", default_value_t = 2)]
    pub max_n: usize,

    /// Do not compute ROUGE-L (ROUGE-1.5.5 `-x`).
    #[arg(short = 'x', long)]
    pub no_rouge_l: bool,

    /// Compute ROUGE-S: skip-bigrams with at most N words between their
    /// two words, -1 for any distance (ROUGE-1.5.5 `-2 N`).
    #[arg(
        short = '2',
        long,
        value_name = "N",
        allow_negative_numbers = true,
        value_parser = clap::value_parser!(i64).range(-1..)
    )]
    pub skip_gap: Option<i64>,

    /// Count unigrams with the skip-bigrams: ROUGE-SU (ROUGE-1.5.5 `-u`;
    /// `-2 4 -u` is DUC 2005-2007's ROUGE-SU4).
    #[arg(short = 'u', long, requires = "skip_gap")]
    pub skip_unigrams: bool,

    /// Score each topic once per left-out reference and average over all
    /// those runs: the DUC 2005-2007 jackknife.
    #[arg(long)]
    pub jackknife: bool,

    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    pub format: OutputFormat,

    /// Write the report to this file instead of standard output; it
    /// appears whole or not at all.
    #[arg(long, short = 'o', value_name = "PATH")]
    pub output: Option<PathBuf>,
}

impl EvalArgs {
    /// The scoring options these arguments select.
    pub fn config(&self) -> RougeConfig {
        let limit = match (self.words, self.bytes) {
            (Some(n), _) => Some(Limit::Words(n)),
            (None, Some(n)) => Some(Limit::Bytes(n)),
            (None, None) => None,
        };
        let skip_bigram = self.skip_gap.map(|gap| SkipBigram {
            max_gap: usize::try_from(gap).ok(),
            unigrams: self.skip_unigrams,
        });
        RougeConfig {
            stem: self.stem,
            remove_stopwords: self.remove_stopwords,
            limit,
            max_n: self.max_n,
            rouge_l: !self.no_rouge_l,
            skip_bigram,
            jackknife: self.jackknife,
            alpha: 0.5,
        }
    }
}

/// Runs `brief eval`: loads the topics, scores them, prints the report to
/// stdout and warnings to stderr.
pub fn run(args: &EvalArgs) -> anyhow::Result<ExitCode> {
    let scorer = args.config().validate()?;
    if !args.summarize
        && (args.algorithm.is_some() || args.write_summaries.is_some() || args.generic)
    {
        return Err(crate::Error::Config {
            option: "--summarize",
            message: "--algorithm, --generic and --write-summaries need --summarize".to_string(),
        }
        .into());
    }
    let mut output = crate::output::Output::open(args.output.as_deref())?;
    let (loaded, source) = match (&args.candidates, &args.refs) {
        (Some(candidates), refs) => (load_candidates(candidates, refs.as_deref())?, candidates),
        (None, Some(refs)) => (summarize(args, refs)?, refs),
        (None, None) => anyhow::bail!("give CANDIDATES, or --summarize with --refs <DIR>"),
    };
    for warning in &loaded.warnings {
        eprintln!("brief: warning: {warning}");
    }
    if loaded.topics.is_empty() {
        anyhow::bail!("no topics to evaluate in {}", source.display());
    }
    let report = scorer.evaluate(&loaded.topics);
    let out = match args.format {
        OutputFormat::Json => {
            serde_json::to_string_pretty(&report).context("serializing the report")?
        }
        OutputFormat::Text => render_text(&report),
    };
    // A closed pipe surfaces as an error the binary treats quietly.
    writeln!(output, "{out}").map_err(|e| output.error(e))?;
    output.finish()?;
    Ok(ExitCode::SUCCESS)
}

fn load_candidates(
    candidates: &std::path::Path,
    refs: Option<&std::path::Path>,
) -> anyhow::Result<LoadedTopics> {
    // Said before anything else: "--refs is required when CANDIDATES is a
    // folder" would mislead about a path that is not there at all.
    if let Err(err) = std::fs::metadata(candidates) {
        anyhow::bail!(
            "{}: {}",
            candidates.display(),
            crate::load::describe_io_error(&err)
        );
    }
    let is_jsonl = candidates
        .extension()
        .is_some_and(|ext| ext.eq_ignore_ascii_case("jsonl"));
    Ok(match (refs, is_jsonl) {
        (None, true) => load_jsonl(candidates)?,
        (Some(refs), false) => load_topic_dirs(refs, candidates)?,
        (Some(_), true) => {
            anyhow::bail!("--refs cannot be used with a .jsonl file, which holds its references")
        }
        (None, false) => anyhow::bail!("--refs <DIR> is required when CANDIDATES is a folder"),
    })
}

/// `--summarize`: brief's summaries of every topic, timed on stderr, and
/// written out when asked.
fn summarize(args: &EvalArgs, refs: &std::path::Path) -> anyhow::Result<LoadedTopics> {
    let budget = match args.config().limit {
        Some(Limit::Words(n)) => Budget::Words(n),
        Some(Limit::Bytes(n)) => Budget::Bytes(n),
        None => anyhow::bail!("--summarize needs a summary length: -l N (words) or -b N (bytes)"),
    };
    let config = Config {
        budget,
        algorithm: args.algorithm.unwrap_or_default(),
        ..Config::default()
    };
    // Baselines have no use for a query; brief answers the topic's.
    let queries = if args.generic || config.algorithm != Algorithm::Brief {
        super::dev::Queries::Ignore
    } else {
        super::dev::Queries::FromTopic
    };
    let clock = std::time::Instant::now();
    let loaded = super::dev::summarize_topics(refs, &config, queries)?;
    eprintln!(
        "summarized {} topics with {}{} in {:.1} ms",
        loaded.topics.len(),
        config.algorithm.name(),
        match queries {
            super::dev::Queries::FromTopic => " (queries from topic.txt where present)",
            super::dev::Queries::Ignore => "",
        },
        clock.elapsed().as_secs_f64() * 1e3
    );
    if let Some(dir) = &args.write_summaries {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
        for topic in &loaded.topics {
            let path = dir.join(format!("{}.txt", topic.id));
            std::fs::write(&path, format!("{}\n", topic.candidate))
                .with_context(|| format!("writing {}", path.display()))?;
        }
    }
    Ok(loaded)
}

/// A table with one row per measure and R, P, F columns (plain means),
/// then what ROUGE-1.5.5 prints for the same evals, then the counts.
fn render_text(report: &Report) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{:<9} {:>8} {:>8} {:>8}", "measure", "R", "P", "F");
    for avg in &report.averages {
        let _ = writeln!(
            out,
            "{:<9} {:>8.5} {:>8.5} {:>8.5}",
            avg.measure, avg.r, avg.p, avg.f
        );
    }
    let _ = writeln!(
        out,
        "\nas ROUGE-1.5.5 prints them (bootstrap means, 95% intervals):"
    );
    for avg in &report.averages {
        let e = |e: &super::Estimate| format!("{:.5} ({:.5}-{:.5})", e.mean, e.low, e.high);
        let b = &avg.rouge155;
        let _ = writeln!(
            out,
            "{:<9} R {}  P {}  F {}",
            avg.measure,
            e(&b.r),
            e(&b.p),
            e(&b.f)
        );
    }
    let _ = write!(out, "topics: {}", report.topics);
    if report.config.jackknife {
        let _ = write!(out, " (jackknife: {} evals)", report.evals);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    #[derive(Parser)]
    struct Cli {
        #[command(flatten)]
        eval: EvalArgs,
    }

    #[test]
    fn flags_map_to_config() {
        let cli = Cli::try_parse_from([
            "eval", "cands", "--refs", "topics", "-m", "-l", "100", "-x", "-n", "3",
        ])
        .expect("parses");
        let config = cli.eval.config();
        assert!(config.stem && !config.rouge_l && !config.remove_stopwords);
        assert_eq!(config.limit, Some(Limit::Words(100)));
        assert_eq!(config.max_n, 3);
        assert!(Cli::try_parse_from(["eval", "c", "-l", "1", "-b", "2"]).is_err());
    }

    #[test]
    fn summarize_mode_needs_refs_and_no_candidates() {
        let cli = Cli::try_parse_from([
            "eval",
            "--refs",
            "topics",
            "--summarize",
            "--algorithm",
            "lead",
            "-l",
            "100",
        ])
        .expect("parses");
        assert!(cli.eval.summarize && cli.eval.candidates.is_none());
        assert_eq!(cli.eval.algorithm, Some(Algorithm::Lead));
        assert!(Cli::try_parse_from(["eval", "--summarize", "-l", "100"]).is_err());
        assert!(Cli::try_parse_from(["eval", "c", "--refs", "t", "--summarize"]).is_err());
        assert!(Cli::try_parse_from(["eval"]).is_err());
    }

    #[test]
    fn text_table_lists_measures_and_topic_count() {
        let scorer = RougeConfig::default().validate().expect("valid");
        let topic = super::super::Topic {
            id: "t".into(),
            candidate: "a b".into(),
            references: vec!["a b".into()],
        };
        let text = render_text(&scorer.evaluate(&[topic]));
        assert!(
            text.contains("ROUGE-2    1.00000  1.00000  1.00000"),
            "{text}"
        );
        assert!(
            text.contains("ROUGE-2   R 1.00000 (1.00000-1.00000)"),
            "{text}"
        );
        assert!(text.ends_with("topics: 1"));
    }

    #[test]
    fn skip_bigram_and_jackknife_flags() {
        let cli = Cli::try_parse_from([
            "eval",
            "cands",
            "--refs",
            "t",
            "-m",
            "-2",
            "4",
            "-u",
            "--jackknife",
        ])
        .expect("parses");
        let config = cli.eval.config();
        assert_eq!(config.skip_bigram, Some(SkipBigram::SU4));
        assert!(config.jackknife);
        let cli = Cli::try_parse_from(["eval", "c", "--refs", "t", "-2", "-1"]).expect("parses");
        assert_eq!(
            cli.eval.config().skip_bigram,
            Some(SkipBigram {
                max_gap: None,
                unigrams: false
            })
        );
        assert!(Cli::try_parse_from(["eval", "c", "--refs", "t", "-u"]).is_err());
        assert!(Cli::try_parse_from(["eval", "c", "--refs", "t", "-2", "-3"]).is_err());
    }
}
