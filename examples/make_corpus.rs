//! Writes a generated benchmark corpus to disk.
//!
//! ```text
//! cargo run --release --example make_corpus -- --docs 300 --seed 1 --out /tmp/c300
//! cargo run --release --example make_corpus -- --bytes 100000000 --seed 1 --out /tmp/c100m --format jsonl
//! ```
//!
//! Formats: `txt` (one `DIR/<id>.txt` per document), `jsonl` (`DIR/corpus.jsonl`,
//! one `{"id","text"}` object per line) and `batch` (`DIR/topics.jsonl`, one
//! `{"id": "topic-NNNNNN", "documents": [{"id","text"}...]}` per topic).
//! `--truth FILE` also writes each document's event (`id<TAB>topic-NNNNNN`),
//! the truth `brief stories` is scored against. `--sentence-truth FILE`
//! writes what the generator knows about each sentence, as JSON Lines, one
//! object per document: `{"id", "topic", "sentences": [[start, end, fact],
//! ...]}`, each sentence's byte range in the text and the index of the topic
//! fact it restates (`null` for filler). Sentences of one topic with the
//! same fact are near-duplicates, and no others: `benches/peers/dedup_quality.py`
//! scores near-duplicate clusters against it.
//! Prints one JSON line with the sizes: bytes of document text, documents,
//! sentences (exact: counted by the generator as it writes them) and the
//! generation time.

#[path = "../benches/support/corpus.rs"]
mod corpus;

use std::fs::{self, File};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{bail, Context, Result};
use clap::{Parser, ValueEnum};
use corpus::{CorpusSpec, GeneratedDoc};
use serde_json::json;

#[derive(Clone, Copy, Debug, ValueEnum)]
enum Format {
    Txt,
    Jsonl,
    Batch,
}

#[derive(Parser, Debug)]
#[command(about = "Generate a deterministic news-like benchmark corpus")]
struct Args {
    /// Number of documents.
    #[arg(long, conflicts_with = "bytes", required_unless_present = "bytes")]
    docs: Option<usize>,
    /// Generate documents until their text reaches this many bytes
    /// (topics of the default size).
    #[arg(long)]
    bytes: Option<usize>,
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Documents per topic (`--bytes` always uses the default).
    #[arg(long, default_value_t = CorpusSpec::DEFAULT_DOCS_PER_TOPIC, conflicts_with = "bytes")]
    docs_per_topic: usize,
    /// Output directory (created if missing; must not already hold a corpus).
    #[arg(long)]
    out: PathBuf,
    #[arg(long, value_enum, default_value_t = Format::Txt)]
    format: Format,
    /// Also write each document's true event here, one `id<TAB>topic-NNNNNN`
    /// line per document (for scoring `brief stories`).
    #[arg(long)]
    truth: Option<PathBuf>,
    /// Also write each sentence's byte range and the topic fact it states,
    /// as JSON Lines (for scoring `brief dedup`).
    #[arg(long, value_name = "FILE")]
    sentence_truth: Option<PathBuf>,
}

fn main() -> Result<()> {
    let args = Args::parse();
    let start = Instant::now();
    let docs = match (args.docs, args.bytes) {
        (Some(documents), _) => corpus::generate(&CorpusSpec {
            documents,
            docs_per_topic: args.docs_per_topic,
            seed: args.seed,
        }),
        (None, Some(bytes)) => corpus::generate_bytes(bytes, args.seed),
        (None, None) => unreachable!("clap requires --docs or --bytes"),
    };
    let generate_secs = start.elapsed().as_secs_f64();

    fs::create_dir_all(&args.out).with_context(|| format!("creating {}", args.out.display()))?;
    if fs::read_dir(&args.out)?.next().is_some() {
        // Mixing two corpora in one directory would silently skew a benchmark.
        bail!("{} is not empty", args.out.display());
    }
    let write_start = Instant::now();
    match args.format {
        Format::Txt => {
            for doc in &docs {
                fs::write(args.out.join(format!("{}.txt", doc.id)), &doc.text)?;
            }
        }
        Format::Jsonl => {
            let mut out = writer(&args.out.join("corpus.jsonl"))?;
            for doc in &docs {
                writeln!(out, "{}", json!({"id": doc.id, "text": doc.text}))?;
            }
            out.flush()?;
        }
        Format::Batch => {
            let mut out = writer(&args.out.join("topics.jsonl"))?;
            for topic in docs.chunk_by(|a, b| a.topic == b.topic) {
                let documents: Vec<_> = topic
                    .iter()
                    .map(|d| json!({"id": d.id, "text": d.text}))
                    .collect();
                let id = format!("topic-{:06}", topic[0].topic);
                writeln!(out, "{}", json!({"id": id, "documents": documents}))?;
            }
            out.flush()?;
        }
    }

    if let Some(path) = &args.truth {
        let mut out = writer(path)?;
        for doc in &docs {
            writeln!(out, "{}\ttopic-{:06}", doc.id, doc.topic)?;
        }
        out.flush()?;
    }

    if let Some(path) = &args.sentence_truth {
        let mut out = writer(path)?;
        for doc in &docs {
            let sentences: Vec<_> = doc
                .truth
                .iter()
                .map(|t| json!([t.start, t.end, t.fact]))
                .collect();
            writeln!(
                out,
                "{}",
                json!({"id": doc.id, "topic": doc.topic, "sentences": sentences})
            )?;
        }
        out.flush()?;
    }

    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let sentences: usize = docs.iter().map(|d: &GeneratedDoc| d.sentences).sum();
    let topics = docs.last().map_or(0, |d| d.topic + 1);
    println!(
        "{}",
        json!({
            "out": args.out,
            "bytes": bytes,
            "mb": (bytes as f64 / 1e6 * 100.0).round() / 100.0,
            "documents": docs.len(),
            "topics": topics,
            "sentences": sentences,
            "generate_secs": (generate_secs * 1000.0).round() / 1000.0,
            "write_secs": (write_start.elapsed().as_secs_f64() * 1000.0).round() / 1000.0,
        })
    );
    Ok(())
}

fn writer(path: &Path) -> Result<BufWriter<File>> {
    let file = File::create(path).with_context(|| format!("creating {}", path.display()))?;
    Ok(BufWriter::new(file))
}
