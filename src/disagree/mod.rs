//! Stage 5b, *disagree*: where sources state one fact with different
//! values.
//!
//! Runs after clustering, on each group of sentences that state the same
//! fact (a near-duplicate cluster), before citing and rendering. In every
//! member it finds the values a sentence states (`extract`: quantities
//! with their unit, dates, times), aligns
//! the values of different sources that measure the same thing
//! (`align`: same kind and unit, and shared context words around them),
//! and compares aligned values (`Reading` ranges):
//!
//! - the same value written differently ("three-hour", "3 hours", "180
//!   minutes") is one value;
//! - values whose ranges overlap ("nearly three hours" and "three hours";
//!   "more than 100" and "120") are a [`Severity::Nuance`];
//! - values whose ranges are disjoint ("12 minutes" and "10 minutes";
//!   "over two hours", read as under three, and "three hours";
//!   "dozens" and "hundreds") are a [`Severity::Conflict`].
//!
//! Precision comes first: a value is compared only when it has a unit or
//! counted noun and shares context with its counterpart, so "3 hours" of
//! talks and "12 minutes" of a press conference never meet. The design,
//! the labelled dev set and its precision and recall are in
//! `docs/disagreements.md`.

mod align;
mod extract;
mod links;
mod names;
mod numbers;
mod slots;
mod tokens;

use rayon::prelude::*;
use rustc_hash::FxHashSet;

use crate::cite::SentenceRef;
use crate::lang::Language;
use slots::Store;

pub(crate) use extract::Reading;

/// What kind of value the sources give differently.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// A length of time: "three hours", "12 minutes".
    Duration,
    /// A number of things: "42 members", "hundreds of children".
    Count,
    /// An amount of money: "$5 billion".
    Money,
    /// A percentage: "82 percent".
    Percent,
    /// Another measured quantity: distance, mass, area, volume.
    Measure,
    /// A calendar date or year: "January 1, 1999", "in 1988", "Friday".
    Date,
    /// A time of day: "3 p.m.".
    Time,
}

impl Kind {
    /// Every kind, in report order.
    pub const ALL: [Kind; 7] = [
        Kind::Duration,
        Kind::Count,
        Kind::Money,
        Kind::Percent,
        Kind::Measure,
        Kind::Date,
        Kind::Time,
    ];

    /// The name used in JSON and reports.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Duration => "duration",
            Kind::Count => "count",
            Kind::Money => "money",
            Kind::Percent => "percent",
            Kind::Measure => "measure",
            Kind::Date => "date",
            Kind::Time => "time",
        }
    }
}

/// How far apart the values are.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Some two sources' values cannot both be true ("10 minutes" and "12
    /// minutes").
    Conflict,
    /// The values differ in precision or hedging but can all be true
    /// ("nearly three hours" and "three hours").
    Nuance,
}

impl Severity {
    /// The name used in JSON and reports.
    pub fn name(self) -> &'static str {
        match self {
            Severity::Conflict => "conflict",
            Severity::Nuance => "nuance",
        }
    }
}

/// How a source hedged a number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Qualifier {
    /// As stated (also "just", "only", "barely": emphasis, not a bound).
    Exact,
    /// "about", "around", "some", "or so": within a fifth either way.
    About,
    /// "nearly", "almost", "close to": up to a fifth below.
    Nearly,
    /// "more than", "over": above, and below the next step of the leading
    /// digit ("over two hours": 2 to 3 hours; "more than 100": 100 to 200).
    Over,
    /// "at least", "or more": no upper bound.
    AtLeast,
    /// "less than", "under": below, and above the previous step of the
    /// leading digit.
    Under,
    /// "up to", "at most".
    AtMost,
}

impl Qualifier {
    /// The word put before a normalized value.
    fn prefix(self) -> &'static str {
        match self {
            Qualifier::Exact => "",
            Qualifier::About => "about ",
            Qualifier::Nearly => "nearly ",
            Qualifier::Over => "over ",
            Qualifier::AtLeast => "at least ",
            Qualifier::Under => "under ",
            Qualifier::AtMost => "at most ",
        }
    }

    /// The range of values a qualified number allows, in base units.
    fn bounds(self, n: &numbers::Number) -> Reading {
        let step = n.leading_magnitude();
        let (low, high, open) = if n.vague {
            match self {
                Qualifier::AtLeast | Qualifier::Over => (n.low, f64::INFINITY, false),
                Qualifier::AtMost | Qualifier::Under => (0.0, n.high, true),
                _ => (n.low, n.high, true),
            }
        } else {
            match self {
                Qualifier::Exact => (n.low, n.high, false),
                Qualifier::About => (0.8 * n.low, 1.2 * n.high, false),
                Qualifier::Nearly => (0.8 * n.low, n.high, false),
                Qualifier::Over => (n.low, n.low + step, true),
                Qualifier::AtLeast => (n.low, f64::INFINITY, false),
                Qualifier::Under => ((n.high - step).max(0.0), n.high, false),
                Qualifier::AtMost => (0.0, n.high, false),
            }
        };
        let exact = self == Qualifier::Exact && !n.vague;
        Reading::Amount {
            low: low * n.unit,
            high: high * n.unit,
            open,
            step: if exact { n.step * n.unit } else { 0.0 },
        }
    }
}

/// One place where a source states a value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Statement {
    /// The sentence that states it.
    pub sentence: SentenceRef,
    /// Byte range of the value as written (qualifier and unit included)
    /// in the document's original text.
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
}

/// One of the values the sources give, with every statement of it.
#[derive(Clone, Debug, PartialEq)]
pub struct Value {
    /// Canonical form: `3 h`, `nearly 3 h`, `over 2 h`, `12 min`, `USD
    /// 5000000`, `82%`, `42 members`, `1999-01-01`, `15:00`.
    pub normalized: String,
    /// Where it is stated, by document then position.
    pub statements: Vec<Statement>,
}

/// Sources giving different values for one thing.
#[derive(Clone, Debug, PartialEq)]
pub struct Disagreement {
    /// What kind of value.
    pub kind: Kind,
    /// Whether the values exclude each other or only differ in precision.
    pub severity: Severity,
    /// Two or more values, in order of their first statement.
    pub values: Vec<Value>,
}

/// One sentence of a group of sentences that state the same fact.
#[derive(Clone, Copy, Debug)]
pub struct Member<'a> {
    /// Where the sentence is.
    pub sentence: SentenceRef,
    /// Its text (`document text[start..end]`).
    pub text: &'a str,
}

/// The disagreements of each cluster, stored sparsely (most clusters have
/// none).
#[derive(Clone, Debug, Default)]
pub struct ByCluster {
    entries: Vec<(u32, Vec<Disagreement>)>,
}

impl ByCluster {
    /// The disagreements within cluster `cluster`.
    pub fn get(&self, cluster: u32) -> &[Disagreement] {
        match self.entries.binary_search_by_key(&cluster, |(c, _)| *c) {
            Ok(i) => &self.entries[i].1,
            Err(_) => &[],
        }
    }

    /// Number of clusters with at least one disagreement.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when no cluster has a disagreement.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Every cluster with disagreements, in cluster order.
    pub fn iter(&self) -> impl Iterator<Item = (u32, &[Disagreement])> {
        self.entries.iter().map(|(c, d)| (*c, d.as_slice()))
    }
}

/// A sentence as [`Detector::detect`] reads it.
#[derive(Clone, Copy, Debug)]
pub struct Sentence<'a> {
    /// Where it is.
    pub at: SentenceRef,
    /// Its text (`document text[start..end]`).
    pub text: &'a str,
    /// Its near-duplicate cluster.
    pub cluster: u32,
}

/// How strictly values of different sources are aligned (see `align`
/// and `links`); the defaults were chosen on the labelled dev set
/// (`docs/disagreements.md`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Settings {
    /// Content words two values' contexts must share.
    pub min_shared_words: usize,
    /// Whether the values must share a head word (a content word next to
    /// each, such as "lasted" or "talks").
    pub require_shared_head: bool,
    /// Content words on each side of a value that count as its heads.
    pub head_words: usize,
    /// Exact figures further apart than this factor measure different
    /// things.
    pub max_ratio: f64,
    /// Two different values of sentences that both name people, places or
    /// organizations are compared only when the sentences share a name.
    pub require_shared_name: bool,
    /// Content words two values in different clusters must share to be
    /// linked (a head is required too).
    pub link_shared_words: usize,
    /// Similarity (cosine) two sentences of different clusters need for
    /// their values to be linked.
    pub link_similarity: f32,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            min_shared_words: 1,
            require_shared_head: true,
            head_words: 2,
            max_ratio: 1.5,
            require_shared_name: true,
            link_shared_words: 2,
            link_similarity: 0.15,
        }
    }
}

/// Finds disagreements between sources: within groups of sentences that
/// state one fact ([`Detector::group`]), and over a whole input's clusters
/// with value links between them ([`Detector::detect`]). English only:
/// units, qualifiers and number words are English; for other languages it
/// finds nothing.
pub struct Detector {
    settings: Settings,
    enabled: bool,
    pub(crate) stop_words: FxHashSet<&'static str>,
    stemmer: rust_stemmers::Stemmer,
}

impl std::fmt::Debug for Detector {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Detector")
            .field("settings", &self.settings)
            .field("enabled", &self.enabled)
            .finish_non_exhaustive()
    }
}

/// Sentences compared with every other one in a group; beyond this, a
/// sentence is compared with these first ones only, so the work per group
/// stays linear in its size.
const FULLY_COMPARED: usize = 64;

impl Detector {
    /// A detector for `language`.
    pub fn new(language: Language) -> Self {
        Detector {
            settings: Settings::default(),
            enabled: language == Language::English,
            stop_words: Language::English.stop_words().iter().copied().collect(),
            stemmer: rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English),
        }
    }

    /// The same detector with other alignment settings (for studies).
    pub fn with_settings(self, settings: Settings) -> Self {
        Detector { settings, ..self }
    }

    /// The settings in force.
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// The disagreements among `members`, sentences stating one fact.
    /// Only sentences of different documents are compared.
    pub fn group(&self, members: &[Member]) -> Vec<Disagreement> {
        if !self.enabled || members.len() < 2 {
            return Vec::new();
        }
        let texts: Vec<&str> = members.iter().map(|m| m.text).collect();
        let at: Vec<SentenceRef> = members.iter().map(|m| m.sentence).collect();
        let store = Store::read(self, &texts);
        let all: Vec<u32> = (0..members.len() as u32).collect();
        let edges = self.within(&store, &at, &all);
        store
            .slots(&edges)
            .iter()
            .filter_map(|slot| store.judge(&at, slot))
            .collect()
    }

    /// The disagreements of a whole input: within each cluster of two or
    /// more documents, and through value links between clusters
    /// (`links`). `related(a, b)` gives whether sentences `a` and `b`
    /// (indices into `sentences`) are similar enough to link. Each
    /// disagreement is listed under every cluster one of its statements
    /// belongs to.
    pub fn detect(
        &self,
        sentences: &[Sentence],
        related: &(dyn Fn(u32, u32) -> bool + Sync),
    ) -> ByCluster {
        if !self.enabled || sentences.is_empty() {
            return ByCluster::default();
        }
        let texts: Vec<&str> = sentences.iter().map(|s| s.text).collect();
        let at: Vec<SentenceRef> = sentences.iter().map(|s| s.at).collect();
        let cluster_of: Vec<u32> = sentences.iter().map(|s| s.cluster).collect();
        let store = Store::read(self, &texts);

        // Members of each cluster with a value, by cluster.
        let mut members: Vec<(u32, u32)> = (0..sentences.len() as u32)
            .filter(|&s| !store.of(s).is_empty())
            .map(|s| (cluster_of[s as usize], s))
            .collect();
        members.sort_unstable();
        let groups: Vec<Vec<u32>> = members
            .chunk_by(|a, b| a.0 == b.0)
            .map(|run| run.iter().map(|&(_, s)| s).collect::<Vec<u32>>())
            .filter(|g| {
                g.iter()
                    .any(|&s| at[s as usize].document != at[g[0] as usize].document)
            })
            .collect();
        let mut edges: Vec<(u32, u32)> = groups
            .par_iter()
            .flat_map_iter(|g| self.within(&store, &at, g))
            .collect();
        let related_enough = |a: u32, b: u32| related(a, b);
        edges.extend(links::links(
            self,
            &store,
            &at,
            &cluster_of,
            &related_enough,
        ));

        let found: Vec<(Disagreement, Vec<u32>)> = store
            .slots(&edges)
            .par_iter()
            .filter_map(|slot| store.judge_with_sentences(&at, slot))
            .collect();
        let mut entries: Vec<(u32, Vec<Disagreement>)> = Vec::new();
        let mut by_cluster: Vec<(u32, usize)> = Vec::new();
        for (d, (_, stating)) in found.iter().enumerate() {
            let mut clusters: Vec<u32> = stating.iter().map(|&s| cluster_of[s as usize]).collect();
            clusters.sort_unstable();
            clusters.dedup();
            by_cluster.extend(clusters.into_iter().map(|c| (c, d)));
        }
        by_cluster.sort_unstable();
        for run in by_cluster.chunk_by(|a, b| a.0 == b.0) {
            entries.push((
                run[0].0,
                run.iter().map(|&(_, d)| found[d].0.clone()).collect(),
            ));
        }
        ByCluster { entries }
    }

    /// Alignment edges among the sentences `group` (indices into the
    /// store's sentences) of one cluster: every pair from different
    /// documents, or each sentence past the first [`FULLY_COMPARED`] with
    /// those first ones only.
    fn within(&self, store: &Store, at: &[SentenceRef], group: &[u32]) -> Vec<(u32, u32)> {
        let with_values: Vec<u32> = group
            .iter()
            .copied()
            .filter(|&s| !store.of(s).is_empty())
            .collect();
        let mut edges = Vec::new();
        for (x, &a) in with_values.iter().enumerate() {
            let partners = if x < FULLY_COMPARED {
                &with_values[x + 1..]
            } else {
                &with_values[..FULLY_COMPARED]
            };
            for &b in partners {
                if at[a as usize].document == at[b as usize].document {
                    continue;
                }
                align::align_pair(
                    &self.settings,
                    &store.located,
                    store.of(a),
                    store.of(b),
                    &mut edges,
                );
            }
        }
        edges
    }
}

#[cfg(test)]
mod tests;
