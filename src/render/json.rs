//! The JSON wire format: a public, versioned contract.
//!
//! Every output is one JSON object whose `schema` names the kind and
//! version (`brief.summary/1`, `brief.dedup/1`, `brief.segment/1`). Within a
//! version, fields are only ever added, never renamed, removed or retyped.
//! Offsets (`start`, `end`) are UTF-8 byte offsets into the document's
//! original text, a half-open range: `text[start..end]` is the sentence.
//! `sentence` is the unit index within its document, as `brief segment`
//! numbers units. Similarities are rounded to 4 decimals and scores to 6,
//! so output is byte-identical across runs and thread counts.

use std::io::{self, Write};

use serde::Serialize;

use super::{timing_rows, RenderOptions, TimingRows};
use crate::cite::{Citation, SentenceRef, SummarySentence};
use crate::disagree::Disagreement;
use crate::load::Document;
use crate::pipeline::{Config, Dedup, Prepared, Summary};
use crate::segment::{Unit, UnitKind};
use crate::select::{Budget, Order};

/// Schema of `brief summarize --format json`.
pub const SUMMARY_SCHEMA: &str = "brief.summary/1";
/// Schema of `brief dedup --format json`.
pub const DEDUP_SCHEMA: &str = "brief.dedup/1";
/// Schema of `brief segment --format json`.
pub const SEGMENT_SCHEMA: &str = "brief.segment/1";

#[derive(Serialize)]
struct DocumentJson<'a> {
    id: &'a str,
    path: &'a str,
    title: Option<&'a str>,
    date: Option<&'a str>,
    url: Option<&'a str>,
    /// What a text that was not UTF-8 was decoded from; absent for UTF-8.
    #[serde(skip_serializing_if = "Option::is_none")]
    encoding: Option<&'a str>,
    sentences: usize,
    units: usize,
}

#[derive(Serialize)]
struct OptionsJson {
    language: &'static str,
    threshold: f64,
    budget: BudgetJson,
    order: &'static str,
    algorithm: &'static str,
    similarity: &'static str,
    facts: Vec<&'static str>,
    /// The question answered (`--query`); absent for a generic summary.
    #[serde(skip_serializing_if = "Option::is_none")]
    query: Option<String>,
}

#[derive(Serialize)]
#[serde(rename_all = "lowercase")]
enum BudgetJson {
    Sentences(usize),
    Words(usize),
    Bytes(usize),
    Chars(usize),
}

#[derive(Serialize)]
struct LocatedJson<'a> {
    document: &'a str,
    sentence: u32,
    start: usize,
    end: usize,
    text: &'a str,
}

#[derive(Serialize)]
struct CitationJson<'a> {
    #[serde(flatten)]
    at: LocatedJson<'a>,
    similarity: f64,
    /// On a summary sentence's citations: indices into its `facts`.
    #[serde(skip_serializing_if = "Option::is_none")]
    facts: Option<&'a [u32]>,
}

/// One fact unit of a summary sentence: its range in the representative.
#[derive(Serialize)]
struct FactJson<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    support: u32,
    citations: Vec<CitationJson<'a>>,
}

#[derive(Serialize)]
struct SummarySentenceJson<'a> {
    rank: u32,
    #[serde(flatten)]
    at: LocatedJson<'a>,
    score: f64,
    support: u32,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    truncated: bool,
    citations: Vec<CitationJson<'a>>,
    facts: Vec<FactJson<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    disagreements: Vec<DisagreementJson<'a>>,
}

#[derive(Serialize)]
struct DisagreementJson<'a> {
    kind: &'static str,
    severity: &'static str,
    values: Vec<ValueJson<'a>>,
}

#[derive(Serialize)]
struct ValueJson<'a> {
    value: &'a str,
    statements: Vec<LocatedJson<'a>>,
}

#[derive(Serialize)]
struct StatsJson {
    documents: usize,
    units: usize,
    sentences: usize,
    clusters: usize,
    multi_source_clusters: usize,
    facts: usize,
    multi_source_facts: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    summary_sentences: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    summary_words: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    timings_ms: Option<serde_json::Map<String, serde_json::Value>>,
}

#[derive(Serialize)]
struct SummaryJson<'a> {
    schema: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    topic: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    story: Option<&'a str>,
    /// Batch only: the topic's documents that were left out or changed,
    /// and why.
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    warnings: &'a [String],
    options: OptionsJson,
    documents: Vec<DocumentJson<'a>>,
    summary: Vec<SummarySentenceJson<'a>>,
    stats: StatsJson,
}

#[derive(Serialize)]
struct ClusterJson<'a> {
    id: u32,
    size: usize,
    support: u32,
    representative: LocatedJson<'a>,
    members: Vec<CitationJson<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    disagreements: Vec<DisagreementJson<'a>>,
}

#[derive(Serialize)]
struct DocumentPairJson<'a> {
    a: &'a str,
    b: &'a str,
    shared: u32,
    overlap: f64,
}

/// `brief.dedup/1`. The cluster and pair lists are [`Streamed`]: a large
/// input has hundreds of thousands of clusters, and each is written as it
/// is produced rather than first built into one value.
#[derive(Serialize)]
struct DedupJson<'a, Clusters, FactClusters, Pairs> {
    schema: &'static str,
    options: OptionsJson,
    documents: Vec<DocumentJson<'a>>,
    clusters: Clusters,
    fact_clusters: FactClusters,
    document_pairs: Pairs,
    stats: StatsJson,
}

/// A JSON array whose elements are produced one at a time while it is
/// written: `make` is called once per serialization for a fresh iterator.
struct Streamed<F>(F);

impl<F, I> Serialize for Streamed<F>
where
    F: Fn() -> I,
    I: Iterator,
    I::Item: Serialize,
{
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq((self.0)())
    }
}

#[derive(Serialize)]
struct UnitJson<'a> {
    document: &'a str,
    index: usize,
    kind: UnitKind,
    start: usize,
    end: usize,
    text: &'a str,
    /// Present (true) only on a piece of an over-long stretch cut to
    /// `MAX_UNIT_CHARS`.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    split: bool,
}

#[derive(Serialize)]
struct SegmentJson<'a> {
    schema: &'static str,
    documents: Vec<DocumentJson<'a>>,
    units: Vec<UnitJson<'a>>,
    stats: SegmentStatsJson,
}

#[derive(Serialize)]
struct SegmentStatsJson {
    documents: usize,
    units: usize,
    sentences: usize,
    headings: usize,
    bylines: usize,
    boilerplate: usize,
}

fn round(value: f64, decimals: i32) -> f64 {
    let scale = 10f64.powi(decimals);
    (value * scale).round() / scale
}

fn documents<'a>(docs: &'a [Document], units: &[Vec<Unit>]) -> Vec<DocumentJson<'a>> {
    docs.iter()
        .zip(units)
        .map(|(doc, units)| DocumentJson {
            id: &doc.id,
            path: &doc.source,
            title: doc.title.as_deref(),
            date: doc.date.as_deref(),
            url: doc.url.as_deref(),
            encoding: doc.encoding.as_deref(),
            sentences: units
                .iter()
                .filter(|u| u.kind == UnitKind::Sentence)
                .count(),
            units: units.len(),
        })
        .collect()
}

fn options(config: &Config) -> OptionsJson {
    OptionsJson {
        language: config.language.code(),
        threshold: round(config.threshold as f64, 4),
        budget: match config.budget {
            Budget::Sentences(n) => BudgetJson::Sentences(n),
            Budget::Words(n) => BudgetJson::Words(n),
            Budget::Bytes(n) => BudgetJson::Bytes(n),
            Budget::Chars(n) => BudgetJson::Chars(n),
        },
        order: match config.order {
            Order::Rank => "rank",
            Order::Source => "source",
            Order::Date => "date",
        },
        algorithm: config.algorithm.name(),
        similarity: config.measure().name(),
        facts: config.facts.for_language(config.language).names(),
        query: config.query.clone(),
    }
}

fn located<'a>(prepared: &'a Prepared, r: &SentenceRef) -> LocatedJson<'a> {
    LocatedJson {
        document: &prepared.documents[r.document as usize].id,
        sentence: r.unit,
        start: r.start,
        end: r.end,
        text: prepared.text(r),
    }
}

/// Citations as JSON; `with_facts` adds the indices of the facts each
/// supports (summary sentences).
fn citations<'a>(
    prepared: &'a Prepared,
    citations: &'a [Citation],
    with_facts: bool,
) -> Vec<CitationJson<'a>> {
    citations
        .iter()
        .map(|c| CitationJson {
            at: located(prepared, &c.sentence),
            similarity: round(c.similarity as f64, 4),
            facts: with_facts.then_some(c.facts.as_slice()),
        })
        .collect()
}

fn facts<'a>(prepared: &'a Prepared, sentence: &'a SummarySentence) -> Vec<FactJson<'a>> {
    sentence
        .facts
        .iter()
        .map(|f| FactJson {
            start: f.fact.start,
            end: f.fact.end,
            text: prepared.text(&f.fact),
            support: f.support,
            citations: citations(prepared, &f.citations, false),
        })
        .collect()
}

/// Each disagreement with its values; a statement's `start..end` is the
/// value as written, its `sentence` the unit that states it.
fn disagreements<'a>(
    prepared: &'a Prepared,
    found: &'a [Disagreement],
) -> Vec<DisagreementJson<'a>> {
    found
        .iter()
        .map(|d| DisagreementJson {
            kind: d.kind.name(),
            severity: d.severity.name(),
            values: d
                .values
                .iter()
                .map(|v| ValueJson {
                    value: &v.normalized,
                    statements: v
                        .statements
                        .iter()
                        .map(|s| LocatedJson {
                            document: &prepared.documents[s.sentence.document as usize].id,
                            sentence: s.sentence.unit,
                            start: s.start,
                            end: s.end,
                            text: &prepared.documents[s.sentence.document as usize].text
                                [s.start..s.end],
                        })
                        .collect(),
                })
                .collect(),
        })
        .collect()
}

fn cluster_json<'a>(prepared: &'a Prepared, cluster: &'a SummarySentence) -> ClusterJson<'a> {
    ClusterJson {
        id: cluster.cluster,
        size: cluster.citations.len(),
        support: cluster.support,
        representative: located(prepared, &cluster.representative),
        members: citations(prepared, &cluster.citations, false),
        disagreements: disagreements(prepared, &cluster.disagreements),
    }
}

fn stats(prepared: &Prepared) -> StatsJson {
    StatsJson {
        documents: prepared.documents.len(),
        units: prepared.units.iter().map(Vec::len).sum(),
        sentences: prepared.analysis.sentences.len(),
        clusters: prepared.clusters.len(),
        multi_source_clusters: prepared.support.iter().filter(|&&s| s >= 2).count(),
        facts: prepared.facts.units.len(),
        multi_source_facts: prepared.facts.multi_source(),
        summary_sentences: None,
        summary_words: None,
        timings_ms: None,
    }
}

fn timings_json(rows: TimingRows) -> serde_json::Map<String, serde_json::Value> {
    rows.into_iter()
        .map(|(stage, ms)| (stage.to_string(), serde_json::json!(round(ms, 3))))
        .collect()
}

fn write_json(out: &mut dyn Write, value: &impl Serialize) -> io::Result<()> {
    // The serializer writes a few bytes at a time: into a buffer of its own
    // type (inlined copies), not through `dyn Write` per token.
    let mut buffered = io::BufWriter::with_capacity(1 << 16, out);
    serde_json::to_writer_pretty(&mut buffered, value).map_err(io::Error::from)?;
    writeln!(buffered)?;
    buffered.flush()
}

pub(super) fn summary(
    out: &mut dyn Write,
    prepared: &Prepared,
    summary: &Summary,
    config: &Config,
    render: RenderOptions,
) -> io::Result<()> {
    write_json(
        out,
        &summary_json(prepared, summary, config, Tag::None, render),
    )
}

/// What a summary line is tagged with: a batch topic or a story.
#[derive(Clone, Copy)]
pub(super) enum Tag<'a> {
    None,
    /// A batch topic: its id, and what was wrong with its documents.
    Topic(&'a str, &'a [String]),
    Story(&'a str),
}

pub(super) fn summary_line(
    out: &mut dyn Write,
    prepared: &Prepared,
    summary: &Summary,
    config: &Config,
    tag: Tag<'_>,
    render: RenderOptions,
) -> io::Result<()> {
    let json = summary_json(prepared, summary, config, tag, render);
    serde_json::to_writer(&mut *out, &json).map_err(io::Error::from)?;
    writeln!(out)
}

fn summary_json<'a>(
    prepared: &'a Prepared,
    summary: &'a Summary,
    config: &Config,
    tag: Tag<'a>,
    render: RenderOptions,
) -> SummaryJson<'a> {
    let mut stats = stats(prepared);
    stats.summary_sentences = Some(summary.sentences.len());
    stats.summary_words = Some(
        summary
            .sentences
            .iter()
            .map(|s| prepared.text(&s.representative).split_whitespace().count())
            .sum(),
    );
    if render.timings {
        stats.timings_ms = Some(timings_json(timing_rows(&summary.timings, render)));
    }
    SummaryJson {
        schema: SUMMARY_SCHEMA,
        topic: match tag {
            Tag::Topic(id, _) => Some(id),
            _ => None,
        },
        story: match tag {
            Tag::Story(id) => Some(id),
            _ => None,
        },
        warnings: match tag {
            Tag::Topic(_, warnings) => warnings,
            _ => &[],
        },
        options: options(config),
        documents: documents(&prepared.documents, &prepared.units),
        summary: summary
            .sentences
            .iter()
            .map(|s| SummarySentenceJson {
                rank: s.rank,
                at: located(prepared, &s.representative),
                score: round(s.score, 6),
                support: s.support,
                truncated: s.truncated,
                citations: citations(prepared, &s.citations, true),
                facts: facts(prepared, s),
                disagreements: disagreements(prepared, &s.disagreements),
            })
            .collect(),
        stats,
    }
}

pub(super) fn dedup(
    out: &mut dyn Write,
    prepared: &Prepared,
    dedup: &Dedup,
    config: &Config,
    render: RenderOptions,
) -> io::Result<()> {
    let mut stats = stats(prepared);
    if render.timings {
        stats.timings_ms = Some(timings_json(timing_rows(&prepared.timings, render)));
    }
    let id = |d: u32| prepared.documents[d as usize].id.as_str();
    let json = DedupJson {
        schema: DEDUP_SCHEMA,
        options: options(config),
        documents: documents(&prepared.documents, &prepared.units),
        clusters: Streamed(|| dedup.clusters.iter().map(|c| cluster_json(prepared, c))),
        fact_clusters: Streamed(|| {
            dedup
                .fact_clusters
                .iter()
                .map(|c| cluster_json(prepared, c))
        }),
        document_pairs: Streamed(|| {
            dedup.document_pairs.iter().map(|p| DocumentPairJson {
                a: id(p.a),
                b: id(p.b),
                shared: p.shared,
                overlap: round(p.overlap, 4),
            })
        }),
        stats,
    };
    write_json(out, &json)
}

pub(super) fn segments(
    out: &mut dyn Write,
    docs: &[Document],
    all_units: &[Vec<Unit>],
) -> io::Result<()> {
    let count = |kind| {
        all_units
            .iter()
            .flatten()
            .filter(|u| u.kind == kind)
            .count()
    };
    let stats = SegmentStatsJson {
        documents: docs.len(),
        units: all_units.iter().map(Vec::len).sum(),
        sentences: count(UnitKind::Sentence),
        headings: count(UnitKind::Heading),
        bylines: count(UnitKind::Byline),
        boilerplate: count(UnitKind::Boilerplate),
    };
    let units = docs
        .iter()
        .zip(all_units)
        .flat_map(|(doc, units)| {
            units.iter().enumerate().map(move |(index, u)| UnitJson {
                document: &doc.id,
                index,
                kind: u.kind,
                start: u.start,
                end: u.end,
                text: &doc.text[u.start..u.end],
                split: u.split,
            })
        })
        .collect();
    let json = SegmentJson {
        schema: SEGMENT_SCHEMA,
        documents: documents(docs, all_units),
        units,
        stats,
    };
    write_json(out, &json)
}
