//! The command-line interface: argument parsing and the glue between the
//! library and the terminal. This is the only module that prints or picks
//! exit codes.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::facts::Rules;
use crate::lang::Language;
use crate::limits::{self, MemoryLimit, Work};
use crate::load::{self, Document, InputFormat, TextEncoding};
use crate::output::{self, Output};
use crate::pipeline::{Config, Pipeline, Prepared};
use crate::rank::RankConfig;
use crate::render::{self, Format, RenderOptions};
use crate::score::Algorithm;
use crate::segment::{Unit, MAX_UNIT_CHARS};
use crate::select::{Budget, Order};
use crate::similarity::Measure;
use crate::Error;

/// Exit code: the run failed as a whole (nothing could be summarized).
pub const EXIT_FAILURE: u8 = 1;
/// Exit code: the command line or an option value is wrong.
pub const EXIT_USAGE: u8 = 2;
/// Exit code: the input is larger than `--max-memory` allows; refused
/// before it is read.
pub const EXIT_LIMIT: u8 = 3;
/// Exit code: the output could not be written (a full disk, a missing
/// directory); sysexits' EX_IOERR. Nothing partial is left behind.
pub const EXIT_OUTPUT: u8 = 74;
/// Exit codes when interrupted: 128 + the signal number, as shells report
/// it (SIGHUP 129, SIGINT 130, SIGTERM 143).
pub const EXIT_SIGNAL_BASE: i32 = 128;

/// brief reads many documents about one subject, finds the sentences that
/// say the same thing across sources, and writes one extractive summary in
/// which every sentence cites every source that carries it.
#[derive(Debug, Parser)]
#[command(
    name = "brief",
    version,
    args_conflicts_with_subcommands = true,
    max_term_width = 80,
    after_help = "`brief <PATH>...` is short for `brief summarize <PATH>...`.\n\
                  Exit codes: 0 success, 1 nothing could be summarized, 2 usage error,\n\
                  3 input over --max-memory, 74 output not written,\n\
                  129/130/143 interrupted (SIGHUP/SIGINT/SIGTERM)."
)]
pub struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    summarize: SummarizeArgs,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Write one consolidated, cited summary of the documents (default).
    Summarize(SummarizeArgs),
    /// List near-duplicate sentence clusters and document pairs that share text.
    Dedup(DedupArgs),
    /// Show every unit (sentence, heading, byline, boilerplate) with its byte range.
    Segment(SegmentArgs),
    /// Summarize many topics: JSON Lines in (one topic per line), JSON Lines
    /// out (one brief.summary/1 or brief.error/1 object per topic, in order).
    Batch(BatchArgs),
    /// Score candidate summaries against reference summaries with ROUGE,
    /// as ROUGE-1.5.5 does.
    Eval(crate::eval::cli::EvalArgs),
    /// Group a mixed pile of documents into stories (documents reporting
    /// the same event or subject) and write one cited summary per story.
    Stories(crate::stories::cli::StoriesArgs),
    /// Score sentence pairs: lexical, semantic and combined similarity and
    /// the decision at the threshold (to calibrate --threshold on your data).
    Pairs(PairsArgs),
}

#[derive(Debug, Args)]
struct PairsArgs {
    /// Files of pairs (`-` or nothing reads standard input). The whole input
    /// is one collection: IDF and the semantic centering use all its
    /// sentences, as `brief dedup` does with its documents.
    #[arg(value_name = "PATH")]
    inputs: Vec<PathBuf>,
    /// `tsv`: sentence1<TAB>sentence2 per line (further columns ignored);
    /// `jsonl`: {"sentence1": ..., "sentence2": ...} per line.
    #[arg(long, value_enum, default_value_t = crate::pairs::PairsInput::Tsv)]
    input_format: crate::pairs::PairsInput,
    /// Language of the sentences (ISO code or English name).
    #[arg(long, default_value = "en", value_parser = parse_language)]
    lang: Language,
    #[command(flatten)]
    similarity: SimilarityArgs,
    /// Output: `text` (one tab-separated line per pair) or `json`
    /// (brief.pairs/1).
    #[arg(long, value_enum, default_value_t = crate::pairs::PairsOutput::Text)]
    format: crate::pairs::PairsOutput,
    /// Write the output to this file instead of standard output; it
    /// appears whole or not at all.
    #[arg(long, short = 'o', value_name = "PATH")]
    output: Option<PathBuf>,
}

/// Where documents come from and how they are read.
#[derive(Debug, Args)]
pub(crate) struct InputArgs {
    /// Files or directories to read (directories recursively: .txt and .md,
    /// .jsonl with --input-format jsonl, .html and .htm with --input-format
    /// html); `-` reads standard input.
    #[arg(value_name = "PATH")]
    pub(crate) paths: Vec<PathBuf>,
    /// How to read input files: `text` (one document per file; a file that
    /// is an HTML page, or is named .html or .htm, is read as `html`; one
    /// named .md or .markdown as `markdown`), `jsonl` (one JSON object per
    /// line with `id` and `text`, optional `title`, `date`, `url`), `html`
    /// (one page per file: its text, without markup, scripts, styles and
    /// menus) or `markdown` (one article per file: its text as rendered,
    /// without markup; front matter gives the title and date).
    #[arg(long, value_enum, default_value_t = InputFormatArg::Text)]
    pub(crate) input_format: InputFormatArg,
    /// Encoding of text files and pages that are not UTF-8: `auto` (kept
    /// as UTF-8 when mostly UTF-8, else a page's `<meta charset>`, else
    /// detected), or a WHATWG label (windows-1252, iso-8859-2, koi8-r,
    /// windows-1251, shift_jis, gbk, big5, utf-16le, ...) to decode every
    /// text file with (a byte-order mark still wins); `utf-8` refuses files
    /// that are not UTF-8. Offsets are into the decoded text. JSON Lines is
    /// always UTF-8.
    #[arg(long, value_name = "LABEL", default_value_t = TextEncoding::Auto,
          value_parser = TextEncoding::parse)]
    pub(crate) encoding: TextEncoding,
    /// Language of the documents (ISO code or English name): sets sentence
    /// rules, stop words and stemmer. Page furniture (subscription appeals,
    /// link lists, author lines, date stamps with month names) is
    /// recognized in English, French, German, Spanish, Italian, Portuguese
    /// and Dutch, credit lines in English; other languages get copyright
    /// lines and numeric date stamps.
    #[arg(long, default_value = "en", value_parser = parse_language)]
    pub(crate) lang: Language,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub(crate) format: Format,
    /// Write the output to this file instead of standard output; it
    /// appears whole or not at all (an interrupted or failed run leaves no
    /// partial file).
    #[arg(long, short = 'o', value_name = "PATH")]
    pub(crate) output: Option<PathBuf>,
    /// Refuse input whose run would need more memory than this (estimated
    /// from the input's size before it is read; see docs/limits.md):
    /// a size such as 512M or 16G, or `none`.
    #[arg(long, value_name = "SIZE", default_value_t = MemoryLimit::default())]
    pub(crate) max_memory: MemoryLimit,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub(crate) enum InputFormatArg {
    Text,
    Jsonl,
    Html,
    Markdown,
}

/// How sentences are compared: shared by every command that clusters.
#[derive(Debug, Args)]
pub(crate) struct SimilarityArgs {
    /// How two sentences (and two fact units) are compared: `lexical`
    /// (TF-IDF cosine, the default), `combined` (TF-IDF cosine and the
    /// cosine of semantic vectors, which see paraphrases with no word in
    /// common) or `semantic`. The semantic vectors are English: other languages use
    /// `lexical` whatever this says (JSON `options.similarity` records
    /// what ran). Figures: docs/similarity.md.
    #[arg(long, value_enum, default_value_t = Measure::default())]
    similarity: Measure,
    /// Similarity at or above which two sentences are near-duplicates that
    /// state the same fact [default: 0.4 lexical, 0.45 combined, 0.6
    /// semantic].
    #[arg(long)]
    threshold: Option<f32>,
}

impl SimilarityArgs {
    /// The measure and threshold in force for `language`.
    pub(crate) fn resolve(&self, language: Language) -> (Measure, f32) {
        let measure = self.similarity.effective(language);
        if measure != self.similarity {
            eprintln!(
                "brief: warning: the semantic table is English only; text in {} (--lang {}) \
                 is compared with the lexical similarity",
                language.name(),
                language.code()
            );
        }
        let threshold = self
            .threshold
            .unwrap_or_else(|| measure.default_threshold());
        (self.similarity, threshold)
    }
}

/// Options shared by the commands that cluster sentences.
#[derive(Debug, Args)]
struct ClusterArgs {
    #[command(flatten)]
    similarity: SimilarityArgs,
    #[command(flatten)]
    facts: FactArgs,
    /// Add per-stage wall times to the output (then output differs from run
    /// to run).
    #[arg(long)]
    stats: bool,
}

/// How sentences divide into facts: shared by every command that clusters.
#[derive(Debug, Args)]
struct FactArgs {
    /// Which rules divide a sentence into fact units, matched and cited
    /// one by one: `all`, `none` (every sentence is one fact), or a list of
    /// quotes, continuations, attributions, semicolons, coordination,
    /// adjuncts (comma-separated).
    /// English only: other languages keep whole sentences.
    #[arg(long, default_value = "all", value_parser = parse_fact_rules, value_name = "RULES")]
    facts: Rules,
}

#[derive(Debug, Args)]
struct SummarizeArgs {
    #[command(flatten)]
    input: InputArgs,
    #[command(flatten)]
    cluster: ClusterArgs,
    #[command(flatten)]
    summary: SummaryOptions,
    /// A question the summary should answer, e.g. "What is known about the
    /// cause of the fire?": sentences that answer it are preferred, and
    /// every one still cites all its sources (--algorithm brief only).
    #[arg(long, value_name = "TEXT", conflicts_with = "query_file")]
    query: Option<String>,
    /// Read the question from a UTF-8 text file.
    #[arg(long, value_name = "PATH")]
    query_file: Option<PathBuf>,
}

impl SummarizeArgs {
    /// The question from --query or --query-file, if any.
    fn query(&self) -> Result<Option<String>, Error> {
        match (&self.query, &self.query_file) {
            (Some(query), _) => Ok(Some(query.clone())),
            (None, Some(path)) => std::fs::read(path)
                .map_err(|e| e.to_string())
                .and_then(|bytes| String::from_utf8(bytes).map_err(|_| "not valid UTF-8".into()))
                .and_then(|query| {
                    if query.trim().is_empty() {
                        Err("is empty".to_string())
                    } else {
                        Ok(Some(query))
                    }
                })
                .map_err(|message| Error::Config {
                    option: "--query-file",
                    message: format!("{}: {message}", path.display()),
                }),
            (None, None) => Ok(None),
        }
    }
}

/// How each summary is made: shared by `summarize` and `batch`.
#[derive(Debug, Args)]
pub(crate) struct SummaryOptions {
    /// Summary length in sentences [default: 7].
    #[arg(long, group = "budget")]
    sentences: Option<usize>,
    /// Summary length in words (white-space separated, as ROUGE `-l`
    /// counts them): sentences are added until the budget is reached, and
    /// the last one is cut at it. Length budgets count the summary as
    /// written: its sentences, the line breaks between them and the " …"
    /// after a cut sentence (not the numbers, citation markers or sources).
    #[arg(long, group = "budget")]
    words: Option<usize>,
    /// Summary length in UTF-8 bytes of the summary as written (665 in DUC
    /// 2004): the last sentence is cut at the budget.
    #[arg(long, group = "budget")]
    bytes: Option<usize>,
    /// Summary length in characters of the summary as written: the last
    /// sentence is cut at the budget.
    #[arg(long, group = "budget")]
    chars: Option<usize>,
    /// How sentences are chosen: `brief` (concept coverage, support-weighted
    /// centrality, lead position), or the baselines `lexrank`, `centroid`,
    /// `lead`.
    #[arg(long, value_enum, default_value_t = Algorithm::Brief)]
    algorithm: Algorithm,
    /// Order of the summary's sentences: by rank, by position in the
    /// sources, or by date (the earliest of the documents stating each).
    #[arg(long, value_enum, default_value_t = Order::Rank)]
    order: Order,
    /// Minimum cosine for an edge of the LexRank similarity graph.
    #[arg(long, default_value_t = RankConfig::default().threshold)]
    rank_threshold: f32,
    /// LexRank damping: probability of following an edge rather than
    /// jumping to a random sentence.
    #[arg(long, default_value_t = RankConfig::default().damping)]
    damping: f64,
    /// Sentences with fewer words are not put in the summary (they are still
    /// clustered and cited).
    #[arg(long, default_value_t = Config::default().min_words)]
    min_words: u32,
}

#[derive(Debug, Args)]
struct BatchArgs {
    /// JSON Lines files of topics, one per line: {"id": ..., "documents":
    /// [{"id", "text", "title"?, "date"?, "url"?}, ...]}; `-` or nothing
    /// reads standard input.
    #[arg(value_name = "PATH")]
    inputs: Vec<PathBuf>,
    /// Language of the documents (ISO code or English name).
    #[arg(long, default_value = "en", value_parser = parse_language)]
    lang: Language,
    #[command(flatten)]
    similarity: SimilarityArgs,
    /// Write the output to this file instead of standard output; it
    /// appears whole or not at all.
    #[arg(long, short = 'o', value_name = "PATH")]
    output: Option<PathBuf>,
    #[command(flatten)]
    facts: FactArgs,
    #[command(flatten)]
    summary: SummaryOptions,
}

#[derive(Debug, Args)]
struct DedupArgs {
    #[command(flatten)]
    input: InputArgs,
    #[command(flatten)]
    cluster: ClusterArgs,
}

#[derive(Debug, Args)]
struct SegmentArgs {
    #[command(flatten)]
    input: InputArgs,
}

pub(crate) fn parse_language(s: &str) -> Result<Language, String> {
    // clap names the option itself.
    s.parse().map_err(|e: Error| match e {
        Error::Config { message, .. } => message,
        other => other.to_string(),
    })
}

fn parse_fact_rules(s: &str) -> Result<Rules, String> {
    Rules::parse(s)
}

/// Parses the command line and runs the command.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    exit_on_signals();
    let result = match cli.command {
        Some(Command::Summarize(args)) => summarize(args),
        Some(Command::Dedup(args)) => dedup(args),
        Some(Command::Segment(args)) => segment(args),
        Some(Command::Batch(args)) => batch(args),
        Some(Command::Eval(args)) => crate::eval::cli::run(&args),
        Some(Command::Pairs(args)) => pairs(args),
        Some(Command::Stories(args)) => crate::stories::cli::run(args),
        None => summarize(cli.summarize),
    };
    match result {
        Ok(code) => code,
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("brief: {err:#}");
            match err.downcast_ref::<Error>() {
                Some(Error::Config { .. }) => ExitCode::from(EXIT_USAGE),
                Some(Error::Output { .. }) => ExitCode::from(EXIT_OUTPUT),
                Some(Error::MemoryLimit { .. } | Error::InputOverLimit { .. }) => {
                    ExitCode::from(EXIT_LIMIT)
                }
                _ => ExitCode::from(EXIT_FAILURE),
            }
        }
    }
}

/// On SIGINT, SIGTERM or SIGHUP: delete any half-written output file and
/// exit with 128 + the signal number. A thread waits for the signals
/// (signal-hook), so the handler itself only records them.
fn exit_on_signals() {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP]) else {
        return; // no handler: the default action still ends the run
    };
    let waiter = std::thread::Builder::new().name("signals".to_string());
    let _ = waiter.spawn(move || {
        if let Some(signal) = signals.forever().next() {
            output::remove_pending();
            let name = match signal {
                SIGINT => "SIGINT",
                SIGTERM => "SIGTERM",
                _ => "SIGHUP",
            };
            eprintln!("brief: interrupted ({name}); no output file written");
            std::process::exit(EXIT_SIGNAL_BASE + signal);
        }
    });
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    })
}

/// Loads the input for `work`, reporting per-document problems on stderr.
/// Fails when no document is left, or when the input is too large for
/// `--max-memory` (checked on the files' sizes before they are read, and
/// for standard input once it is read).
pub(crate) fn load(
    input: &InputArgs,
    work: Work,
) -> anyhow::Result<(Vec<Document>, std::time::Duration)> {
    if input.paths.is_empty() {
        eprintln!("brief: no input given; pass files or directories, or `-` for standard input (see --help)");
        std::process::exit(EXIT_USAGE.into());
    }
    let clock = Instant::now();
    let format = input.load_format();
    if format == InputFormat::Jsonl
        && input.encoding != TextEncoding::Auto
        && input.encoding != TextEncoding::Label(encoding_rs::UTF_8)
    {
        eprintln!("brief: --encoding applies to text, HTML and Markdown input; JSON Lines is always UTF-8 (RFC 8259)");
        std::process::exit(EXIT_USAGE.into());
    }
    let mut listing = load::list_paths(&input.paths, format);
    limits::check(work, listing.bytes, input.max_memory)?;
    // Standard input's size is known only as it is read: no more of it is
    // read than the limit leaves room for.
    let room = limits::max_input_bytes(work, input.max_memory)
        .map(|most| most.saturating_sub(listing.bytes));
    if let (Err(_), Some(room)) = (listing.read_stdin(room), room) {
        return Err(limits::refuse_larger(work, room, input.max_memory).into());
    }
    let loaded = load::read_listed(listing, format, input.encoding);
    for problem in &loaded.problems {
        // A file name can hold a line break or an escape sequence.
        warn(problem);
    }
    if loaded.documents.is_empty() {
        return Err(Error::NoDocuments {
            problems: loaded.problems.len(),
        }
        .into());
    }
    Ok((loaded.documents, clock.elapsed()))
}

/// Prints a warning on standard error, its control characters escaped: a
/// file name or id can hold a line break or a terminal escape sequence.
pub(crate) fn warn(message: impl std::fmt::Display) {
    let message = message.to_string();
    eprintln!(
        "brief: warning: {}",
        crate::layout::Layout::TEXT.label(&message)
    );
}

/// Warns about documents the segmenter could do little with: no sentence
/// at all (only headings, bylines or boilerplate), or stretches without
/// sentence punctuation cut into units of at most [`MAX_UNIT_CHARS`].
fn warn_about_units(documents: &[Document], units: &[Vec<Unit>]) {
    for (doc, units) in documents.iter().zip(units) {
        if !units
            .iter()
            .any(|u| u.kind == crate::segment::UnitKind::Sentence)
        {
            warn(format!(
                "{}: no sentences (only headings, bylines or boilerplate)",
                doc.source
            ));
        }
        let split: Vec<&Unit> = units.iter().filter(|u| u.split).collect();
        if let Some(first) = split.first() {
            let line = doc.text[..first.start].matches('\n').count() + 1;
            warn(format!(
                "{}: line {line}: text without sentence ends longer than \
                 {MAX_UNIT_CHARS} characters, cut into {} units of at most {MAX_UNIT_CHARS} characters",
                doc.source,
                split.len()
            ));
        }
    }
}

fn config(input: &InputArgs, cluster: &ClusterArgs) -> Config {
    let (similarity, threshold) = cluster.similarity.resolve(input.lang);
    Config {
        language: input.lang,
        similarity,
        threshold,
        facts: cluster.facts.facts,
        ..Config::default()
    }
}

impl InputArgs {
    /// How the loader reads the inputs.
    pub(crate) fn load_format(&self) -> InputFormat {
        match self.input_format {
            InputFormatArg::Text => InputFormat::Text,
            InputFormatArg::Jsonl => InputFormat::Jsonl,
            InputFormatArg::Html => InputFormat::Html,
            InputFormatArg::Markdown => InputFormat::Markdown,
        }
    }
}

/// Opens `--output` (or standard output), after refusing an output file
/// that is one of `inputs` and warning about one inside an input
/// directory (`output::check_against_inputs`).
pub(crate) fn open_output(
    output: Option<&Path>,
    inputs: &[PathBuf],
    format: InputFormat,
) -> anyhow::Result<Output> {
    if let Some(path) = output {
        let walked = load::extensions(format);
        if let Some(warning) = crate::output::check_against_inputs(path, inputs, walked)? {
            warn(warning);
        }
    }
    Ok(Output::open(output)?)
}

fn prepare(pipeline: &Pipeline, documents: Vec<Document>) -> anyhow::Result<Prepared> {
    let prepared = pipeline.prepare(documents)?;
    warn_about_units(&prepared.documents, &prepared.units);
    if prepared.analysis.sentences.is_empty() {
        anyhow::bail!("no sentences found in the input (only headings, bylines or boilerplate)");
    }
    Ok(prepared)
}

impl SummaryOptions {
    /// The pipeline configuration these options describe.
    pub(crate) fn config(
        &self,
        language: Language,
        similarity: &SimilarityArgs,
        facts: Rules,
    ) -> Config {
        let (similarity, threshold) = similarity.resolve(language);
        let budget = match (self.sentences, self.words, self.bytes, self.chars) {
            (_, Some(n), _, _) => Budget::Words(n),
            (_, _, Some(n), _) => Budget::Bytes(n),
            (_, _, _, Some(n)) => Budget::Chars(n),
            (Some(n), _, _, _) => Budget::Sentences(n),
            _ => Budget::default(),
        };
        Config {
            language,
            similarity,
            threshold,
            facts,
            budget,
            algorithm: self.algorithm,
            order: self.order,
            min_words: self.min_words,
            rank: RankConfig {
                threshold: self.rank_threshold,
                damping: self.damping,
                ..RankConfig::default()
            },
            ..Config::default()
        }
    }
}

fn summarize(args: SummarizeArgs) -> anyhow::Result<ExitCode> {
    // A length budget holds for the summary as this format writes it.
    let config = Config {
        layout: args.input.format.layout(),
        query: args.query()?,
        ..args.summary.config(
            args.input.lang,
            &args.cluster.similarity,
            args.cluster.facts.facts,
        )
    };
    let pipeline = Pipeline::new(config)?;
    let out = open_output(
        args.input.output.as_deref(),
        &args.input.paths,
        args.input.load_format(),
    )?;
    let (documents, load_time) = load(&args.input, Work::Summarize)?;
    let prepared = prepare(&pipeline, documents)?;
    // A query none of whose words the documents use is no query: the
    // summary, its JSON `options` and the report are the generic ones.
    let mut config = pipeline.config().clone();
    if let Some(query) = config.query.as_deref() {
        if !pipeline.query_matches(&prepared, query) {
            eprintln!(
                "brief: warning: no word of the query {query:?} occurs in the documents \
                 (stop words and request words such as \"describe\" do not count); \
                 the summary is the generic one"
            );
            config.query = None;
        }
    }
    let summary = pipeline.summarize_query(&prepared, config.query.as_deref());
    if summary.sentences.is_empty() {
        anyhow::bail!("{}", pipeline.why_empty(&prepared));
    }
    let options = RenderOptions {
        timings: args.cluster.stats,
        load_time,
        ..Default::default()
    };
    write_output(out, |out| {
        render::summary(
            out,
            args.input.format,
            &prepared,
            &summary,
            &config,
            options,
        )
    })
}

fn batch(args: BatchArgs) -> anyhow::Result<ExitCode> {
    use std::io::IsTerminal;
    let pipeline = Pipeline::new(args.summary.config(
        args.lang,
        &args.similarity,
        args.facts.facts,
    ))?;
    let inputs = if args.inputs.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        args.inputs
    };
    // A spinner-style counter: the number of topics is unknown while
    // streaming. Shown only on a terminal, so logs and pipes stay clean.
    let progress = if io::stderr().is_terminal() {
        let bar = indicatif::ProgressBar::new_spinner();
        bar.set_style(
            indicatif::ProgressStyle::with_template(
                "{spinner} {pos} topics summarized ({per_sec}, {elapsed})",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
        );
        bar
    } else {
        indicatif::ProgressBar::hidden()
    };
    let mut out = open_output(args.output.as_deref(), &inputs, InputFormat::Jsonl)?;
    let mut total = crate::batch::BatchStats::default();
    for path in &inputs {
        let (reader, source): (Box<dyn io::BufRead>, String) = if path.as_os_str() == "-" {
            (
                Box::new(io::BufReader::new(io::stdin())),
                "<stdin>".to_string(),
            )
        } else {
            match load::open_stream(path) {
                Ok(file) => (
                    Box::new(io::BufReader::new(file)),
                    path.display().to_string(),
                ),
                Err(message) => {
                    warn(format!("{}: {message}; skipped", path.display()));
                    continue;
                }
            }
        };
        let stats =
            match crate::batch::run(&pipeline, reader, &source, &mut out, &|| progress.inc(1)) {
                Ok(stats) => stats,
                Err(Error::Output { source, .. }) => return Err(out.error(source).into()),
                // A file that fails while being read costs its remaining
                // topics only: the topics already written stay, and the other
                // inputs are still read.
                Err(Error::Input { location, message }) => {
                    warn(format!("{location}: {message}; rest of the file skipped"));
                    continue;
                }
                Err(other) => return Err(other.into()),
            };
        total.summarized += stats.summarized;
        total.failed += stats.failed;
    }
    out.finish()?;
    progress.finish_and_clear();
    if total.failed > 0 {
        eprintln!(
            "brief: {} topic(s) summarized, {} failed (see brief.error/1 lines)",
            total.summarized, total.failed
        );
    }
    if total.summarized == 0 && total.failed == 0 {
        eprintln!("brief: no topics in the input (expected one JSON object per line)");
    }
    Ok(if total.summarized == 0 {
        ExitCode::from(EXIT_FAILURE)
    } else {
        ExitCode::SUCCESS
    })
}

fn dedup(args: DedupArgs) -> anyhow::Result<ExitCode> {
    let pipeline = Pipeline::new(config(&args.input, &args.cluster))?;
    let out = open_output(
        args.input.output.as_deref(),
        &args.input.paths,
        args.input.load_format(),
    )?;
    let (documents, load_time) = load(&args.input, Work::Dedup)?;
    let prepared = prepare(&pipeline, documents)?;
    let report = pipeline.dedup(&prepared);
    let options = RenderOptions {
        timings: args.cluster.stats,
        load_time,
        ..Default::default()
    };
    write_output(out, |out| {
        render::dedup(
            out,
            args.input.format,
            &prepared,
            &report,
            pipeline.config(),
            options,
        )
    })
}

fn segment(args: SegmentArgs) -> anyhow::Result<ExitCode> {
    let pipeline = Pipeline::new(Config {
        language: args.input.lang,
        ..Config::default()
    })?;
    let out = open_output(
        args.input.output.as_deref(),
        &args.input.paths,
        args.input.load_format(),
    )?;
    let (mut documents, _) = load(&args.input, Work::Segment)?;
    let units = pipeline.segment(&documents);
    pipeline.date_from_stamps(&mut documents, &units);
    warn_about_units(&documents, &units);
    write_output(out, |out| {
        render::segments(out, args.input.format, &documents, &units)
    })
}

fn pairs(args: PairsArgs) -> anyhow::Result<ExitCode> {
    let (measure, threshold) = args.similarity.resolve(args.lang);
    Config {
        language: args.lang,
        similarity: measure,
        threshold,
        ..Config::default()
    }
    .validate()?;
    let inputs = if args.inputs.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        args.inputs
    };
    // Pairs are read from files only (no directory walk).
    let out = open_output(args.output.as_deref(), &inputs, InputFormat::Jsonl)?;
    let (mut pairs, mut problems) = (Vec::new(), Vec::new());
    for path in &inputs {
        let format = args.input_format;
        let read = if path.as_os_str() == "-" {
            crate::pairs::read_pairs(
                io::stdin().lock(),
                "<stdin>",
                format,
                &mut pairs,
                &mut problems,
            )
            .map_err(|err| load::describe_io_error(&err))
        } else {
            match load::open_stream(path) {
                Ok(file) => crate::pairs::read_pairs(
                    io::BufReader::new(file),
                    &path.display().to_string(),
                    format,
                    &mut pairs,
                    &mut problems,
                )
                .map_err(|err| load::describe_io_error(&err)),
                Err(message) => Err(message),
            }
        };
        if let Err(message) = read {
            warn(format!("{}: {message}; skipped", path.display()));
        }
    }
    for problem in &problems {
        warn(problem);
    }
    if pairs.is_empty() {
        anyhow::bail!("no sentence pairs in the input");
    }
    let scores = crate::pairs::score_pairs(&pairs, args.lang, measure, threshold);
    write_output(out, |out| match args.format {
        crate::pairs::PairsOutput::Json => {
            crate::pairs::write_json(out, &pairs, &scores, args.lang, measure, threshold)
        }
        crate::pairs::PairsOutput::Text => crate::pairs::write_text(out, &pairs, &scores),
    })
}

/// Renders into `out` and finishes it: a file is moved into place only
/// when everything was written; a closed pipe surfaces as an error the
/// caller treats quietly.
pub(crate) fn write_output(
    mut out: Output,
    render: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> anyhow::Result<ExitCode> {
    render(&mut out).map_err(|e| out.error(e))?;
    out.finish()?;
    Ok(ExitCode::SUCCESS)
}
