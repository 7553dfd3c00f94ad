//! The grouping's steps as JSON Lines filters, for engines that run brief
//! as a piped stage (the Spark job in `examples/spark/`):
//!
//! 1. `brief stories --emit-terms`: documents in, one term bag per document
//!    out: `{"id", "terms": [[term, count], ...]}` (terms sorted).
//! 2. The engine counts each term's documents over the whole input.
//! 3. `brief stories --emit-keys --df FILE --documents N`: term bags in
//!    (`FILE` has one `term<TAB>df` line per term in two or more
//!    documents), one signature per document out:
//!    `{"id", "keys": [term, ...], "vector": [[term, weight], ...]}`
//!    (weights are integers, a unit weight being 32768).
//! 4. The engine pairs documents within a window of each key's list, keeps
//!    the pairs whose integer dot product reaches the link threshold, and
//!    finds connected components.
//! 5. `brief stories --from-links`: one component per line in,
//!    `{"documents": [{"n", "id", "vector"}, ...], "links": [[n, n], ...]}`
//!    (`n` is the document's input position), its stories out:
//!    `{"n", "size", "documents", "terms", "links"}` per story (`n` its
//!    first document's position) and `{"n", "unassigned"}` per document
//!    left alone.
//!
//! Each filter is the single-machine code path, so the engine's stories
//! equal `brief stories`' (see `tests/it/stories.rs`).

use std::io::{self, BufRead, Write};

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use super::group::refine;
use super::links::Link;
use super::signature::{SignatureRow, Signatures, TermBags};
use super::StoryConfig;
use crate::analyze::Analyzer;
use crate::error::{Error, Result};
use crate::load::Document;
use crate::segment::Segmenter;

#[derive(Serialize, Deserialize)]
struct TermsLine {
    id: String,
    terms: Vec<(String, u32)>,
}

#[derive(Serialize)]
struct KeysLine<'a> {
    id: &'a str,
    keys: Vec<&'a str>,
    vector: Vec<(&'a str, u16)>,
}

#[derive(Deserialize)]
struct ComponentDocument {
    n: u64,
    id: String,
    vector: Vec<(String, u16)>,
}

#[derive(Deserialize)]
struct ComponentLine {
    documents: Vec<ComponentDocument>,
    links: Vec<(u64, u64)>,
}

#[derive(Serialize)]
struct StoryLine<'a> {
    n: u64,
    #[serde(flatten)]
    story: super::render::StoryJson<'a>,
}

#[derive(Serialize)]
struct AloneLine<'a> {
    n: u64,
    unassigned: &'a str,
}

/// Step 1: each document's term bag.
pub fn emit_terms(
    out: &mut dyn Write,
    documents: &[Document],
    config: &StoryConfig,
) -> io::Result<()> {
    let bags = TermBags::build(
        documents,
        &Segmenter::new(config.language),
        &Analyzer::new(config.language),
    );
    for (d, doc) in documents.iter().enumerate() {
        let (terms, counts) = bags.bag(d);
        let line = TermsLine {
            id: doc.id.clone(),
            terms: terms
                .iter()
                .zip(counts)
                .map(|(&t, &c)| (bags.vocabulary[t as usize].clone(), c))
                .collect(),
        };
        serde_json::to_writer(&mut *out, &line).map_err(io::Error::from)?;
        writeln!(out)?;
    }
    Ok(())
}

/// Reads a `term<TAB>df` file.
pub fn read_df(text: &str, source: &str) -> Result<FxHashMap<String, u32>> {
    let mut df = FxHashMap::default();
    for (i, line) in text.lines().enumerate() {
        if line.is_empty() {
            continue;
        }
        let bad = || Error::Input {
            location: format!("{source}:{}", i + 1),
            message: "expected `term<TAB>document count`".to_string(),
        };
        let (term, count) = line.split_once('\t').ok_or_else(bad)?;
        df.insert(term.to_string(), count.trim().parse().map_err(|_| bad())?);
    }
    Ok(df)
}

/// Parses JSON Lines input, naming the line of the first bad one.
fn parse_lines<T: for<'de> Deserialize<'de>>(
    input: impl BufRead,
    source: &str,
    expected: &str,
) -> Result<Vec<T>> {
    let mut out = Vec::new();
    for (i, line) in input.lines().enumerate() {
        let line = line.map_err(|e| Error::Input {
            location: source.to_string(),
            message: e.to_string(),
        })?;
        if line.trim().is_empty() {
            continue;
        }
        out.push(serde_json::from_str(&line).map_err(|e| Error::Input {
            location: format!("{source}:{}", i + 1),
            message: format!("{e} (expected {expected})"),
        })?);
    }
    Ok(out)
}

/// Step 3: each bag's signature and keys, given the document frequencies
/// `df` (terms missing from it are in one document) of `n` documents.
pub fn emit_keys(
    out: &mut dyn Write,
    input: impl BufRead,
    source: &str,
    df: &FxHashMap<String, u32>,
    n: usize,
) -> Result<()> {
    let lines: Vec<TermsLine> = parse_lines(input, source, r#"{"id", "terms": [[term, count]]}"#)?;
    let bags = TermBags::from_strings(&lines.iter().map(|l| l.terms.clone()).collect::<Vec<_>>());
    let frequencies: Vec<u32> = bags
        .vocabulary
        .iter()
        .map(|t| df.get(t).copied().unwrap_or(1))
        .collect();
    let signatures = Signatures::build(bags, &frequencies, n);
    let word = |t: u32| signatures.vocabulary[t as usize].as_str();
    for (d, line) in lines.iter().enumerate() {
        let s = signatures.get(d);
        let json = KeysLine {
            id: &line.id,
            keys: signatures.keys(d).iter().map(|&t| word(t)).collect(),
            vector: s
                .terms
                .iter()
                .zip(s.weights)
                .map(|(&t, &w)| (word(t), w))
                .collect(),
        };
        write_line(out, &json)?;
    }
    Ok(())
}

/// Step 5: the stories of each component.
pub fn from_links(
    out: &mut dyn Write,
    input: impl BufRead,
    source: &str,
    config: &StoryConfig,
) -> Result<()> {
    let components: Vec<ComponentLine> = parse_lines(
        input,
        source,
        r#"{"documents": [{"n", "id", "vector"}], "links": [[n, n]]}"#,
    )?;
    for (line, mut component) in components.into_iter().enumerate() {
        component.documents.sort_by_key(|d| d.n);
        let location = || format!("{source}: component {}", line + 1);
        let position = |n: u64| {
            component
                .documents
                .binary_search_by_key(&n, |d| d.n)
                .map(|p| p as u32)
                .map_err(|_| Error::Input {
                    location: location(),
                    message: format!("link to document n = {n}, which is not in the component"),
                })
        };
        let mut vocabulary: Vec<String> = component
            .documents
            .iter()
            .flat_map(|d| d.vector.iter().map(|(t, _)| t.clone()))
            .collect();
        vocabulary.sort_unstable();
        vocabulary.dedup();
        let rows: Vec<SignatureRow> = component
            .documents
            .iter()
            .map(|d| {
                let mut row: Vec<(u32, u16)> = d
                    .vector
                    .iter()
                    .map(|(t, w)| (vocabulary.binary_search(t).unwrap() as u32, *w))
                    .collect();
                row.sort_unstable();
                (row, Vec::new())
            })
            .collect();
        let signatures = Signatures::from_rows(vocabulary, rows);
        let mut links = Vec::with_capacity(component.links.len());
        for &(x, y) in &component.links {
            let (a, b) = (position(x)?, position(y)?);
            let (a, b) = (a.min(b), a.max(b));
            let dot = signatures.get(a as usize).dot(&signatures.get(b as usize));
            links.push(Link { a, b, dot });
        }
        let members: Vec<u32> = (0..component.documents.len() as u32).collect();
        let (groups, alone) = refine(&members, &links, &signatures, config.cohesion);
        let id = |d: u32| component.documents[d as usize].id.as_str();
        for group in &groups {
            let story = super::render::story_json(group, &signatures, &id);
            let n = component.documents[group.documents[0] as usize].n;
            write_line(out, &StoryLine { n, story })?;
        }
        for d in alone {
            let json = AloneLine {
                n: component.documents[d as usize].n,
                unassigned: id(d),
            };
            write_line(out, &json)?;
        }
    }
    Ok(())
}

fn write_line(out: &mut dyn Write, value: &impl Serialize) -> Result<()> {
    let io = |e: io::Error| Error::Io {
        path: "<stdout>".into(),
        source: e,
    };
    serde_json::to_writer(&mut *out, value).map_err(|e| io(io::Error::from(e)))?;
    writeln!(out).map_err(io)
}
