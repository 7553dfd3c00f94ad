//! Stage 5b, *disagree*: where sources state one fact with different
//! values.
//!
//! Runs after clustering, on each group of sentences that state the same
//! fact (a near-duplicate cluster), before citing and rendering. In every
//! member it finds the values a sentence states ([`extract`]: quantities
//! with their unit, dates, times; [`speakers`]: who is quoted), aligns
//! the values of different sources that measure the same thing
//! ([`align`]: same kind and unit, and shared context words around them),
//! and compares aligned values ([`Reading`] ranges):
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
mod numbers;
mod tokens;

use rayon::prelude::*;
use rustc_hash::FxHashSet;

use crate::cite::SentenceRef;
use crate::lang::Language;

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
    /// Who said it: the same quotation attributed to different people.
    Entity,
}

impl Kind {
    /// Every kind, in report order.
    pub const ALL: [Kind; 8] = [
        Kind::Duration,
        Kind::Count,
        Kind::Money,
        Kind::Percent,
        Kind::Measure,
        Kind::Date,
        Kind::Time,
        Kind::Entity,
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
            Kind::Entity => "entity",
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
    /// 5000000`, `82%`, `42 members`, `1999-01-01`, `15:00`, or a
    /// speaker's name.
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

/// How strictly values of different sources are aligned (see [`align`]);
/// the defaults were chosen on the labelled dev set
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
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            min_shared_words: 1,
            require_shared_head: true,
            head_words: 2,
            max_ratio: 2.0,
        }
    }
}

/// Finds disagreements within groups of same-fact sentences. English
/// only: units, qualifiers and number words are English; for other
/// languages it finds nothing.
pub struct Detector {
    settings: Settings,
    enabled: bool,
    stop_words: FxHashSet<&'static str>,
    stemmer: rust_stemmers::Stemmer,
}

impl std::fmt::Debug for Detector {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Detector")
            .field("enabled", &self.enabled)
            .finish_non_exhaustive()
    }
}

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

    /// The disagreements among `members`, sentences stating one fact.
    /// Only sentences of different documents are compared.
    pub fn group(&self, members: &[Member]) -> Vec<Disagreement> {
        if !self.enabled || members.len() < 2 {
            return Vec::new();
        }
        align::disagreements(self, members)
    }

    /// The disagreements of each cluster, in parallel: `groups` holds
    /// `(cluster, members)` in ascending cluster order (clusters with one
    /// document need not be listed).
    pub fn clusters(&self, groups: &[(u32, Vec<Member>)]) -> ByCluster {
        if !self.enabled {
            return ByCluster::default();
        }
        let entries = groups
            .par_iter()
            .map(|(c, members)| (*c, self.group(members)))
            .filter(|(_, d)| !d.is_empty())
            .collect();
        ByCluster { entries }
    }
}
