//! The stories output: headings and the list of documents in no story for
//! people; the `brief.stories/1` listing for programs. Each story's own
//! summary is rendered by [`crate::render`].

use std::io::{self, Write};

use serde::Serialize;

use super::group::{Group, Merge};
use super::run::Outcome;
use super::{links, signature::Signatures, Stories, StoryConfig};
use rustc_hash::FxHashMap;

use crate::analyze::Analyzer;
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

/// Documents searched for the words a story's terms were analyzed from.
const SHOWN_TERM_DOCUMENTS: usize = 4;

/// A story's terms as a reader writes them: for each analyzed term (a stem
/// such as "quak"), a word of the story's first documents (titles and
/// texts) that analyzes to it ("quake"): the shortest ("bank", not
/// "bank's") of those in lower case, else of those capitalized inside a
/// sentence ("Japan"), else at a sentence's start ("Inflation"), else in
/// capitals ("ECB", or a dateline's "LISBON"); the term itself when none
/// of them has it. Found in review: headings showed stems ("peopl, cabl,
/// quak").
pub fn shown_terms(
    group: &Group,
    stories: &Stories,
    documents: &[Document],
    analyzer: &Analyzer,
) -> Vec<String> {
    let terms: Vec<&str> = group.terms.iter().map(|&t| stories.term(t)).collect();
    let mut forms: Vec<[Option<&str>; 4]> = vec![[None; 4]; terms.len()];
    let texts = documents
        .iter()
        .take(SHOWN_TERM_DOCUMENTS)
        .flat_map(|doc| doc.title.as_deref().into_iter().chain([doc.text.as_str()]));
    // Analyzing a word costs far more than a look at its start: a word
    // starts as its stem does, but for the stem's last letter ("zelenski"
    // from "Zelensky") and a few lemmas and acronyms ("U.S."), which may
    // then be shown as stems.
    let heads: Vec<&str> = terms
        .iter()
        .map(|term| {
            let keep = term.chars().count().saturating_sub(1).clamp(1, 4);
            let end = term
                .char_indices()
                .nth(keep)
                .map_or(term.len(), |(at, _)| at);
            &term[..end]
        })
        .collect();
    let starts_with = |word: &str, head: &str| {
        word.get(..head.len()).is_some_and(|start| {
            start.eq_ignore_ascii_case(head) || (!head.is_ascii() && start.to_lowercase() == head)
        })
    };
    // A word's start, lower-cased, against the heads' (most words leave
    // here), and each candidate word analyzed once.
    let first_bytes: Vec<u8> = heads.iter().map(|head| head.as_bytes()[0]).collect();
    let mut analyzed: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
    for text in texts {
        // Runs of letters and digits: far cheaper than UAX #29 words and
        // the same for what is looked for ("bank's" gives "bank").
        let words = text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|word| !word.is_empty());
        for word in words {
            let first = word.as_bytes()[0].to_ascii_lowercase();
            if !first_bytes.contains(&first) || !heads.iter().any(|head| starts_with(word, head)) {
                continue;
            }
            let at = word.as_ptr() as usize - text.as_ptr() as usize;
            let found = analyzed.entry(word).or_insert_with(|| {
                analyzer
                    .terms(word)
                    .iter()
                    .filter_map(|term| terms.iter().position(|t| t == term))
                    .collect()
            });
            for &k in found.iter() {
                let slot = &mut forms[k][form(word, &text[..at])];
                if slot.is_none_or(|seen| word.len() < seen.len()) {
                    *slot = Some(word);
                }
            }
        }
    }
    forms
        .into_iter()
        .zip(terms)
        .map(|(forms, term)| {
            forms
                .into_iter()
                .flatten()
                .next()
                .unwrap_or(term)
                .to_string()
        })
        .collect()
}

/// How `word`, after `before`, is written: 0 in lower case, 1 capitalized
/// inside a sentence, 2 capitalized at a sentence's start, 3 in capitals.
fn form(word: &str, before: &str) -> usize {
    let mut letters = word.chars().filter(|c| c.is_alphabetic());
    if !letters.next().is_some_and(char::is_uppercase) {
        return 0;
    }
    if !letters.any(char::is_lowercase) {
        return 3;
    }
    let before = before.trim_end_matches([' ', '\t', '"', '“', '‘', '\'', '(']);
    let starts_sentence =
        before.is_empty() || before.ends_with(['.', '!', '?', ':', '\n', '\r', '—', '-', '_']);
    if starts_sentence {
        2
    } else {
        1
    }
}

/// One story for people: a heading with its size and terms (as
/// [`shown_terms`] gives them), then its summary as `body` writes it.
pub fn text_story(
    out: &mut dyn Write,
    format: Format,
    id: &str,
    group: &Group,
    terms: &[String],
    body: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
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
