//! Stories: from a mixed pile of documents to one cited summary per story.
//!
//! This room sits above the pipeline: it groups the input into stories
//! (documents reporting the same event or subject) and runs the ordinary
//! pipeline on each story, stories in parallel. Grouping is four steps,
//! each linear in the number of documents:
//!
//! 1. [`signature`]: one streaming pass segments and analyzes the documents
//!    block by block into term bags, then turns each into a compact
//!    signature (its 256 strongest TF-IDF terms, integer weights) and
//!    blocking keys (its 8 strongest terms).
//! 2. [`links`]: documents sharing a key are candidates (each paired with a
//!    bounded window of the key's list); a candidate whose signatures'
//!    cosine reaches the link threshold is a link.
//! 3. [`group`]: connected components of the links, each refined by
//!    average-link merging so that one wide document cannot chain two
//!    stories; every merge records the link, its similarity and the shared
//!    terms that explain it.
//! 4. [`run`]: each story of at least `min_documents` documents goes through
//!    the pipeline; the others are listed as documents in no story.
//!
//! [`stages`] exposes the steps as JSON Lines filters for the Spark job in
//! `examples/spark/`; [`metrics`] scores a grouping against true topics.
//! The design and its evaluation are in `docs/stories.md`.

pub mod cli;
pub mod clock;
pub mod group;
pub mod links;
pub mod metrics;
pub mod render;
pub mod run;
pub mod signature;
pub mod stages;

use crate::analyze::Analyzer;
use crate::error::{Error, Result};
use crate::lang::Language;
use crate::load::Document;
use crate::segment::Segmenter;

use clock::{Clock, Span};
use group::Grouping;
use signature::{Signatures, TermBags};

/// Default link threshold: cosine of two signatures at or above which two
/// documents are linked (see `docs/stories.md` for the study).
pub const DEFAULT_LINK_THRESHOLD: f64 = 0.1;
/// Default cohesion: the average cosine two groups need to merge.
pub const DEFAULT_COHESION: f64 = 0.1;

/// How documents are grouped into stories.
#[derive(Clone, Debug, PartialEq)]
pub struct StoryConfig {
    /// Language of the documents (segmentation, stop words, stemmer).
    pub language: Language,
    /// Cosine at or above which two documents are linked.
    pub link_threshold: f64,
    /// Average cosine at or above which two groups merge.
    pub cohesion: f64,
    /// Groups with fewer documents are not stories: their documents are
    /// listed as in no story.
    pub min_documents: usize,
}

impl Default for StoryConfig {
    fn default() -> Self {
        StoryConfig {
            language: Language::English,
            link_threshold: DEFAULT_LINK_THRESHOLD,
            cohesion: DEFAULT_COHESION,
            min_documents: 2,
        }
    }
}

impl StoryConfig {
    /// Checks every value, naming the option at fault.
    pub fn validate(&self) -> Result<()> {
        let bad = |option, message: String| Err(Error::Config { option, message });
        if !(self.link_threshold > 0.0 && self.link_threshold <= 1.0) {
            return bad(
                "--link-threshold",
                format!("{} is not in (0, 1]", self.link_threshold),
            );
        }
        if !(self.cohesion >= 0.0 && self.cohesion <= 1.0) {
            return bad("--cohesion", format!("{} is not in [0, 1]", self.cohesion));
        }
        if self.min_documents < 2 {
            return bad(
                "--min-documents",
                format!("{} is less than 2", self.min_documents),
            );
        }
        Ok(())
    }
}

/// The stories of a set of documents, with what explains them.
#[derive(Clone, Debug)]
pub struct Stories {
    /// Every document's signature (and the term strings the grouping's
    /// explanations refer to).
    pub signatures: Signatures,
    /// Stories (groups of at least `min_documents`) and the documents in
    /// none.
    pub grouping: Grouping,
    /// Distinct candidate pairs that were verified.
    pub candidate_pairs: usize,
    /// Candidates whose similarity reached the link threshold.
    pub links: usize,
    /// Wall and CPU time of each grouping step.
    pub timings: Timings,
}

/// Wall and CPU time of each grouping step.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Timings {
    /// Segmenting and analyzing into term bags, and signatures.
    pub signatures: Span,
    /// Candidate pairs and their verification.
    pub links: Span,
    /// Components and average-link merging.
    pub group: Span,
}

impl Stories {
    /// The id of story `i` (0-based, in output order): `story-0001`, ...
    pub fn id(i: usize) -> String {
        format!("story-{:04}", i + 1)
    }

    /// A term's string.
    pub fn term(&self, t: u32) -> &str {
        &self.signatures.vocabulary[t as usize]
    }
}

/// Groups `documents` into stories.
pub fn group_documents(documents: &[Document], config: &StoryConfig) -> Result<Stories> {
    config.validate()?;
    let clock = Clock::start();
    let bags = TermBags::build(
        documents,
        &Segmenter::new(config.language),
        &Analyzer::new(config.language),
    );
    let df = bags.document_frequencies();
    let n = bags.len();
    let signatures = Signatures::build(bags, &df, n);
    let elapsed = clock.span();
    let mut stories = group_signatures(signatures, config);
    stories.timings.signatures = elapsed;
    Ok(stories)
}

/// Groups documents given by their signatures.
pub fn group_signatures(signatures: Signatures, config: &StoryConfig) -> Stories {
    let clock = Clock::start();
    let found = links::find(&signatures, config.link_threshold);
    let links_time = clock.span();
    let clock = Clock::start();
    let mut grouping = group::group(&signatures, &found.links, config.cohesion);
    apply_min_documents(&mut grouping, config.min_documents);
    Stories {
        signatures,
        grouping,
        candidate_pairs: found.candidate_pairs,
        links: found.links.len(),
        timings: Timings {
            signatures: Default::default(),
            links: links_time,
            group: clock.span(),
        },
    }
}

/// Moves groups smaller than `min_documents` to the documents in no story.
pub fn apply_min_documents(grouping: &mut Grouping, min_documents: usize) {
    let (keep, small): (Vec<_>, Vec<_>) = std::mem::take(&mut grouping.groups)
        .into_iter()
        .partition(|g| g.documents.len() >= min_documents);
    grouping.groups = keep;
    grouping
        .alone
        .extend(small.into_iter().flat_map(|g| g.documents));
    grouping.alone.sort_unstable();
}
