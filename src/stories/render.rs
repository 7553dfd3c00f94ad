//! The stories output: headings and the list of documents in no story for
//! people; the `brief.stories/1` listing for programs. Each story's own
//! summary is rendered by [`crate::render`].

use std::io::{self, Write};

use serde::Serialize;

use super::group::{Group, Merge};
use super::run::Outcome;
use super::{links, signature::Signatures, Stories, StoryConfig};
use crate::layout::{code_span, Layout};
use crate::load::Document;
use crate::render::Format;

/// Schema of the grouping listing, the last line of `brief stories
/// --format json`.
pub const STORIES_SCHEMA: &str = "brief.stories/1";

#[derive(Serialize)]
struct OptionsJson {
    language: &'static str,
    link_threshold: f64,
    cohesion: f64,
    min_documents: usize,
    keys: usize,
    terms: usize,
    window: usize,
    min_shared_terms: usize,
}

/// One link of a story: why two documents were put together.
#[derive(Serialize)]
pub(crate) struct LinkJson<'a> {
    pub(crate) a: &'a str,
    pub(crate) b: &'a str,
    pub(crate) similarity: f64,
    pub(crate) average: f64,
    pub(crate) shared: Vec<&'a str>,
}

/// One story of the listing.
#[derive(Serialize)]
pub(crate) struct StoryJson<'a> {
    pub(crate) id: String,
    pub(crate) size: usize,
    pub(crate) documents: Vec<&'a str>,
    pub(crate) terms: Vec<&'a str>,
    pub(crate) links: Vec<LinkJson<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) error: Option<String>,
}

#[derive(Serialize)]
struct StatsJson {
    documents: usize,
    stories: usize,
    story_documents: usize,
    unassigned: usize,
    candidate_pairs: usize,
    links: usize,
    components: usize,
}

#[derive(Serialize)]
struct ListingJson<'a> {
    schema: &'static str,
    options: OptionsJson,
    stories: Vec<StoryJson<'a>>,
    unassigned: Vec<&'a str>,
    stats: StatsJson,
}

/// Rounds a similarity to 4 decimals, as every brief output does.
fn round4(x: f64) -> f64 {
    (x * 1e4).round() / 1e4
}

/// A merge as the listing shows it; `id` names a document by input index.
pub(crate) fn link_json<'a>(
    merge: &Merge,
    signatures: &'a Signatures,
    id: &impl Fn(u32) -> &'a str,
) -> LinkJson<'a> {
    let scale = (super::signature::SCALE * super::signature::SCALE) as f64;
    LinkJson {
        a: id(merge.link.a),
        b: id(merge.link.b),
        similarity: round4(merge.link.dot as f64 / scale),
        average: round4(merge.average),
        shared: merge
            .shared
            .iter()
            .map(|&t| signatures.vocabulary[t as usize].as_str())
            .collect(),
    }
}

/// A group as the listing shows it, without its id.
pub(crate) fn story_json<'a>(
    group: &Group,
    signatures: &'a Signatures,
    id: &impl Fn(u32) -> &'a str,
) -> StoryJson<'a> {
    StoryJson {
        id: String::new(),
        size: group.documents.len(),
        documents: group.documents.iter().map(|&d| id(d)).collect(),
        terms: group
            .terms
            .iter()
            .map(|&t| signatures.vocabulary[t as usize].as_str())
            .collect(),
        links: group
            .merges
            .iter()
            .map(|m| link_json(m, signatures, id))
            .collect(),
        error: None,
    }
}

/// The final `brief.stories/1` line.
pub fn listing_json_line(
    out: &mut dyn Write,
    documents: &[Document],
    stories: &Stories,
    config: &StoryConfig,
    outcomes: &[Outcome],
) -> io::Result<()> {
    let id = |d: u32| documents[d as usize].id.as_str();
    let grouping = &stories.grouping;
    let listing = ListingJson {
        schema: STORIES_SCHEMA,
        options: OptionsJson {
            language: config.language.code(),
            link_threshold: round4(config.link_threshold),
            cohesion: round4(config.cohesion),
            min_documents: config.min_documents,
            keys: Signatures::KEYS,
            terms: Signatures::TERMS,
            window: links::WINDOW,
            min_shared_terms: links::MIN_SHARED_TERMS,
        },
        stories: grouping
            .groups
            .iter()
            .enumerate()
            .map(|(i, g)| {
                let mut story = story_json(g, &stories.signatures, &id);
                story.id = Stories::id(i);
                if let Some(Outcome::Failed(message)) = outcomes.get(i) {
                    story.error = Some(message.clone());
                }
                story
            })
            .collect(),
        unassigned: grouping.alone.iter().map(|&d| id(d)).collect(),
        stats: StatsJson {
            documents: documents.len(),
            stories: grouping.groups.len(),
            story_documents: grouping.groups.iter().map(|g| g.documents.len()).sum(),
            unassigned: grouping.alone.len(),
            candidate_pairs: stories.candidate_pairs,
            links: stories.links,
            components: grouping.components,
        },
    };
    serde_json::to_writer(&mut *out, &listing).map_err(io::Error::from)?;
    writeln!(out)
}

/// The first lines of the text output: how many stories.
pub fn text_header(
    out: &mut dyn Write,
    format: Format,
    documents: usize,
    stories: &Stories,
) -> io::Result<()> {
    let grouping = &stories.grouping;
    let line = format!(
        "{} {} from {} {}; {} in no story",
        grouping.groups.len(),
        plural(grouping.groups.len(), "story", "stories"),
        documents,
        plural(documents, "document", "documents"),
        grouping.alone.len(),
    );
    if format == Format::Markdown {
        writeln!(out, "# Stories\n\n{line}\n")
    } else {
        writeln!(out, "{line}\n")
    }
}

fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 {
        one
    } else {
        many
    }
}

/// One story for people: a heading with its size and terms, then its
/// summary as `body` writes it.
pub fn text_story(
    out: &mut dyn Write,
    format: Format,
    id: &str,
    group: &Group,
    stories: &Stories,
    body: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let terms: Vec<&str> = group.terms.iter().map(|&t| stories.term(t)).collect();
    let heading = format!(
        "{id}: {} documents; terms: {}",
        group.documents.len(),
        terms.join(", ")
    );
    if format == Format::Markdown {
        // Terms are words of the input (`__init__`).
        writeln!(out, "## {}\n", Layout::MARKDOWN.label(&heading))?;
    } else {
        writeln!(out, "== {}\n", Layout::TEXT.label(&heading))?;
    }
    body(out)?;
    writeln!(out)
}

/// The documents in no story, for people.
pub fn text_alone(
    out: &mut dyn Write,
    format: Format,
    documents: &[Document],
    stories: &Stories,
) -> io::Result<()> {
    let alone = &stories.grouping.alone;
    if alone.is_empty() {
        return Ok(());
    }
    let heading = format!("Documents in no story ({})", alone.len());
    if format == Format::Markdown {
        writeln!(out, "## {heading}\n")?;
        for &d in alone {
            let doc = &documents[d as usize];
            let id = Layout::MARKDOWN.label(&doc.id);
            writeln!(out, "- **{id}**: {}", code_span(&doc.source))?;
        }
    } else {
        writeln!(out, "== {heading}\n")?;
        for &d in alone {
            let doc = &documents[d as usize];
            let (id, source) = (Layout::TEXT.label(&doc.id), Layout::TEXT.label(&doc.source));
            writeln!(out, "  {id} {source}")?;
        }
    }
    Ok(())
}
