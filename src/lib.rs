//! brief reads many documents about one subject (news articles from several
//! outlets, reports, reviews), finds the sentences that say the same thing
//! across sources, and writes one consolidated extractive summary in which
//! every sentence cites every source that carries it.
//!
//! # Stages
//!
//! Data flows one way; each stage is a module consuming the previous
//! stage's output:
//!
//! 1. [`load`]: files, directories, stdin, JSON Lines → [`load::Document`]s
//!    (problems per document are reported, never fatal to the run).
//! 2. [`segment`]: text → [`segment::Unit`]s (sentence, heading, byline,
//!    boilerplate) with byte offsets into the original text.
//! 3. [`analyze`]: sentences → interned, stemmed, stop-word-free term ids.
//! 4. [`tfidf`]: term ids → L2-normalized sparse TF-IDF rows
//!    ([`tfidf::TfIdfMatrix`]); [`similarity`]: semantic sentence vectors
//!    from a static table distilled from all-MiniLM-L6-v2, and the measure
//!    (lexical, semantic or combined) every later stage compares sentences
//!    with ([`similarity::Similarity`]).
//! 5. [`cluster`]: near-duplicate sentence clusters by prefix-filtered
//!    all-pairs cosine search ([`cluster::Clusters`]); then [`disagree`]:
//!    values that the sources of one cluster give differently
//!    ([`disagree::Disagreement`]).
//! 6. [`rank`], [`concepts`], [`query`] and [`score`]: support-weighted
//!    LexRank over the clusters' representatives, word-bigram concepts,
//!    relevance to an optional query, position and centroid features, and
//!    the summary algorithms ([`score::Algorithm`]) that combine them.
//! 7. [`select`]: budgeted, non-redundant selection (by score, or by
//!    greedy concept coverage) and ordering; a length budget counts the
//!    summary as written ([`layout`]).
//! 8. [`cite`] and [`render`]: citations of every member of each chosen
//!    cluster (a summary sentence shown from past its [`dateline`]); text,
//!    Markdown or versioned JSON.
//!
//! Beside the stages, [`charrefs`] reads the character references that
//! scraped plain text keeps (`&amp;`, `&#8217;`) as the characters they
//! stand for, for every stage that reads words.
//!
//! [`pipeline`] wires the stages; [`cli`] (with [`eval::cli`] and
//! [`stories::cli`]) is the command-line front end and the only code that
//! prints. Above the pipeline, [`stories`] groups a mixed input into
//! stories and runs the pipeline once per story.
//!
//! # Example
//!
//! ```
//! use brief::load::Document;
//! use brief::pipeline::{Config, Pipeline};
//!
//! let docs = vec![
//!     Document::new("a", "a.txt", "The summit ended without a ceasefire deal. Both leaders praised the talks."),
//!     Document::new("b", "b.txt", "The summit ended without any ceasefire deal. Markets were calm."),
//! ];
//! let pipeline = Pipeline::new(Config::default())?;
//! let prepared = pipeline.prepare(docs)?;
//! let summary = pipeline.summarize(&prepared);
//! let first = &summary.sentences[0];
//! // The shared fact comes first and cites both sources.
//! assert_eq!(first.support, 2);
//! assert!(prepared.text(&first.representative).starts_with("The summit ended"));
//! # Ok::<(), brief::Error>(())
//! ```
#![deny(missing_docs)]

pub mod analyze;
pub mod batch;
pub mod charrefs;
pub mod cite;
pub mod cli;
pub mod cluster;
pub mod concepts;
pub mod dateline;
pub mod disagree;
pub mod error;
pub mod eval;
pub mod facts;
pub mod filter;
pub mod lang;
pub mod layout;
pub mod limits;
pub mod load;
pub mod output;
pub mod pairs;
pub mod pipeline;
pub mod query;
pub mod rank;
pub mod render;
pub mod score;
pub mod segment;
pub mod select;
pub mod similarity;
pub mod stories;
pub mod tfidf;

pub use error::{Error, Result};
pub use lang::Language;
