//! `brief stories`: the command-line glue of the stories room (with
//! `crate::cli`, the only code here that prints or picks exit codes).

use std::io::{self, BufRead};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::builder::{PossibleValuesParser, TypedValueParser};
use clap::{ArgGroup, Args, ValueEnum};

use super::{StoryConfig, DEFAULT_COHESION, DEFAULT_LINK_THRESHOLD};
use crate::cli::{load, write_output, InputArgs, SimilarityArgs, SummaryOptions, EXIT_FAILURE};
use crate::pipeline::Pipeline;
use crate::render::Format;

/// Options of `brief stories`.
#[derive(Debug, Args)]
#[command(
    group(ArgGroup::new("stage").args(["emit_terms", "emit_keys", "from_links"])),
    // One HTML page per story is not a report, and a page of stories is
    // not built yet: `--help` offers, and the parser takes, the others.
    mut_arg("format", |arg| arg.value_parser(
        PossibleValuesParser::new(["text", "markdown", "json"])
            .map(|name| Format::from_str(&name, true).expect("a format's name")),
    )),
    after_help = "Output: in text and Markdown, one summary per story under a heading, then \
                  the documents in no story; with \
                  --format json, JSON Lines rather than one object: one \
                  brief.summary/1 object per story (with a `story` field), then one \
                  brief.stories/1 object listing the stories, the links that explain them \
                  and the documents in no story.\n\n\
                  --emit-terms, --emit-keys and --from-links run one step of the grouping as a \
                  JSON Lines filter, for the Spark job in examples/spark/ (see \
                  docs/stories.md)."
)]
pub struct StoriesArgs {
    #[command(flatten)]
    input: InputArgs,
    #[command(flatten)]
    similarity: SimilarityArgs,
    /// Cosine of two documents' signatures (their 256 strongest TF-IDF
    /// terms) at or above which they are linked.
    #[arg(long, default_value_t = DEFAULT_LINK_THRESHOLD)]
    link_threshold: f64,
    /// Average cosine between two groups' documents at or above which a
    /// link may merge them (keeps one wide document from chaining stories).
    #[arg(long, default_value_t = DEFAULT_COHESION)]
    cohesion: f64,
    /// Groups with fewer documents are not summarized; their documents are
    /// listed as in no story (at least 2: a story has two sources).
    #[arg(long, default_value_t = 2)]
    min_documents: usize,
    /// Print the wall time of each step on standard error.
    #[arg(long)]
    stats: bool,
    #[command(flatten)]
    summary: SummaryOptions,
    /// Step 1 for an engine: write each document's term bag as JSON Lines.
    #[arg(long)]
    emit_terms: bool,
    /// Step 3 for an engine: read term bags, write signatures and keys
    /// (needs --df and --documents).
    #[arg(long, requires_all = ["df", "documents"])]
    emit_keys: bool,
    /// With --emit-keys: file of `term<TAB>document count` lines over the
    /// whole input.
    #[arg(long, value_name = "FILE")]
    df: Option<PathBuf>,
    /// With --emit-keys: number of documents in the whole input.
    #[arg(long, value_name = "N")]
    documents: Option<usize>,
    /// Step 5 for an engine: read connected components (documents with
    /// signatures, and links), write their stories.
    #[arg(long)]
    from_links: bool,
}

/// Runs `brief stories`.
pub fn run(mut args: StoriesArgs) -> anyhow::Result<ExitCode> {
    let config = StoryConfig {
        language: args.input.lang,
        link_threshold: args.link_threshold,
        cohesion: args.cohesion,
        min_documents: args.min_documents,
    };
    config.validate()?;
    let stage = args.emit_terms || args.emit_keys || args.from_links;
    if stage && args.input.paths.is_empty() {
        args.input.paths.push(PathBuf::from("-"));
    }
    if args.emit_keys || args.from_links {
        return filter(&args, &config);
    }
    // Opened before any work, so a bad destination fails at once (README).
    let mut out = crate::cli::open_output(
        args.input.output.as_deref(),
        &args.input.paths,
        args.input.load_format(),
    )?;
    let load_clock = super::clock::Clock::start();
    let (documents, _) = load(&args.input, crate::limits::Work::Stories)?;
    let load_time = load_clock.span();
    if args.emit_terms {
        return write_output(out, |out| {
            super::stages::emit_terms(out, &documents, &config)
        });
    }
    // A length budget holds for each summary as this format writes it.
    let pipeline = Pipeline::new(crate::pipeline::Config {
        layout: args.input.format.layout(),
        ..args.summary.config(
            args.input.lang,
            &args.similarity,
            crate::facts::Rules::default(),
        )
    })?;
    let stories = super::group_documents(&documents, &config)?;
    let format = args.input.format;
    let clock = super::clock::Clock::start();
    let outcomes = super::run::write(&mut out, format, &pipeline, &documents, &stories, &config)
        .map_err(|e| out.error(e))?;
    out.finish()?;
    if args.stats {
        let t = &stories.timings;
        eprintln!(
            "brief: stats: load {}, signatures {}, links {}, group {}, summaries {}; signatures hold {} MB",
            load_time,
            t.signatures,
            t.links,
            t.group,
            clock.span(),
            stories.signatures.heap_bytes() / 1_000_000,
        );
        eprintln!(
            "brief: stats: {} candidate pairs, {} links, {} components (largest {} documents), {} stories (largest {} documents)",
            stories.candidate_pairs,
            stories.links,
            stories.grouping.components,
            stories.grouping.largest_component,
            stories.grouping.groups.len(),
            stories.grouping.groups.first().map_or(0, |g| g.documents.len()),
        );
    }
    for (i, outcome) in outcomes.iter().enumerate() {
        if let super::run::Outcome::Failed(message) = outcome {
            crate::cli::warn(format!("{}: {message}", super::Stories::id(i)));
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The --emit-keys and --from-links filters: each input file (or standard
/// input) in turn.
fn filter(args: &StoriesArgs, config: &StoryConfig) -> anyhow::Result<ExitCode> {
    let df = match (&args.df, args.emit_keys) {
        (Some(path), true) => {
            let text = std::fs::read_to_string(path)
                .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
            Some(super::stages::read_df(&text, &path.display().to_string())?)
        }
        _ => None,
    };
    let mut out = crate::cli::open_output(
        args.input.output.as_deref(),
        &args.input.paths,
        args.input.load_format(),
    )?;
    for path in &args.input.paths {
        let (reader, source): (Box<dyn BufRead>, String) = if path.as_os_str() == "-" {
            (Box::new(io::BufReader::new(io::stdin())), "<stdin>".into())
        } else {
            let file = std::fs::File::open(path)
                .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
            (
                Box::new(io::BufReader::new(file)),
                path.display().to_string(),
            )
        };
        match &df {
            Some(df) => super::stages::emit_keys(
                &mut out,
                reader,
                &source,
                df,
                args.documents.unwrap_or_default(),
            )?,
            None => super::stages::from_links(&mut out, reader, &source, config)?,
        }
    }
    out.finish()?;
    if args.input.paths.is_empty() {
        return Ok(ExitCode::from(EXIT_FAILURE));
    }
    Ok(ExitCode::SUCCESS)
}
