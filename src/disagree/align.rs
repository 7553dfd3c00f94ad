//! Aligns the values of different sources that measure the same thing,
//! and compares aligned values.
//!
//! Two mentions in sentences of different documents are comparable when
//! they have the same kind and unit (durations with durations, counts of
//! members with counts of members), share a *head* (one of the
//! [`Settings::head_words`] content words next to each value, stemmed,
//! irregular verbs lemmatized: "lasted", "talks") and enough context words
//! (within [`CONTEXT_WORDS`] on either side, inside the clause), and their
//! stated figures are not more than [`Settings::max_ratio`] apart. In each
//! pair of sentences a mention is paired with at most one counterpart, the
//! best-scoring (ties go to an equal value, so a doubtful pairing never
//! creates a conflict).

use super::extract::may_start_value_word;
use super::extract::{Mention, Reading};
use super::slots::Located;
use super::tokens::{Token, TokenKind};
use super::{Detector, Settings};

/// Stems by word, cached while reading; a stem is shared, not copied,
/// by every context that uses it.
pub(crate) type Stems = rustc_hash::FxHashMap<Box<str>, Term>;

/// A term (a word's stem) as read, before the store interns it.
pub(crate) type Term = std::sync::Arc<str>;

/// Content words taken on each side of a value as its context.
pub(crate) const CONTEXT_WORDS: usize = 4;

/// Irregular past forms that the stemmer leaves apart from their verb.
fn lemma(word: &str) -> &str {
    match word {
        "met" => "meet",
        "spoke" | "spoken" => "speak",
        "took" | "taken" => "take",
        "began" | "begun" => "begin",
        "held" => "hold",
        "fell" | "fallen" => "fall",
        "rose" | "risen" => "rise",
        "won" => "win",
        "lost" => "lose",
        "led" => "lead",
        "sent" => "send",
        "paid" => "pay",
        "bought" => "buy",
        "sold" => "sell",
        "fought" => "fight",
        "flew" | "flown" => "fly",
        "grew" | "grown" => "grow",
        "gave" | "given" => "give",
        "made" => "make",
        "found" => "find",
        "brought" => "bring",
        "built" => "build",
        "kept" => "keep",
        "struck" => "strike",
        "shot" => "shoot",
        "killed" => "kill",
        "wounded" => "wound",
        "injured" => "injur",
        "died" | "dead" | "death" | "deaths" => "die",
        "arrested" | "arrests" => "arrest",
        _ => word,
    }
}

/// Reporting verbs: a value next to one says when or how a source spoke,
/// not what the fact measures, so they never serve as a value's head.
fn is_reporting(word: &str) -> bool {
    matches!(
        word,
        "said"
            | "says"
            | "say"
            | "saying"
            | "told"
            | "tell"
            | "added"
            | "according"
            | "reported"
            | "announced"
            | "stated"
            | "quoted"
    )
}

/// Words that say nothing about what a value measures: hedges, ordinals,
/// light verbs, relative days. Sorted.
#[rustfmt::skip]
const NOISE: &[&str] = &[
    "about", "ago", "almost", "already", "also", "another", "appear", "appeared", "appears",
    "approximately", "around", "barely", "became", "become", "becomes", "came", "cent", "come",
    "comes", "coming", "earlier", "estimated", "even", "exactly", "far", "fewer", "first",
    "friday", "get", "gets", "go", "goes", "going", "got", "include", "included", "includes",
    "including", "just", "last", "later", "least", "less", "long", "mere", "merely", "monday",
    "mr", "mrs", "ms", "nearly", "next", "now", "often", "old", "only", "per", "percent",
    "precisely", "put", "roughly", "saturday", "seem", "seemed", "since", "some", "still",
    "sunday", "thursday", "today", "tomorrow", "total", "tuesday", "until", "wednesday", "well",
    "went", "yesterday",
];

fn is_context_noise(word: &str) -> bool {
    static SET: std::sync::LazyLock<rustc_hash::FxHashSet<&'static str>> =
        std::sync::LazyLock::new(|| NOISE.iter().copied().collect());
    is_reporting(word) || SET.contains(word)
}

/// Punctuation that ends a clause for context purposes.
fn is_boundary(t: &Token) -> bool {
    t.kind == TokenKind::Punct
        && matches!(
            t.text.chars().next(),
            Some(
                ',' | ';'
                    | ':'
                    | '('
                    | ')'
                    | '"'
                    | '\u{201C}'
                    | '\u{201D}'
                    | '\u{2014}'
                    | '\u{2013}'
                    | '['
                    | ']'
                    | '`'
                    | '?'
                    | '!'
                    | '_'
            )
        )
        && (!t.text.starts_with('\u{2013}') || t.space_before)
}

/// Words that join clauses: "killed 13,000 people and left 200,000
/// homeless" has two values with a head each.
fn is_clause_word(word: &str) -> bool {
    matches!(
        word,
        "and" | "but" | "or" | "which" | "who" | "whom" | "whose" | "while" | "whereas"
    )
}

/// What a value measures, as far as the words around it tell: its heads
/// (the nearest content word on each side within the clause, the words a
/// value most often attaches to: "lasted 12 minutes", "three-hour talks",
/// "killed 20 people", "20 people were killed") and the content words
/// nearby.
#[derive(Clone, Debug, Default)]
pub(crate) struct Context<T> {
    pub heads: Vec<T>,
    pub words: Vec<T>,
    /// The names of the value's sentence ([`super::names`]).
    pub names: Vec<T>,
    /// What befell the people a count counts, when its clause says.
    pub fate: Option<Fate>,
}

/// What befell the people a count counts: a death toll and a count of
/// the injured are never one quantity (found in review: "killing 15 people
/// and injuring 18 others" against "Fifteen people have died" was reported
/// as "18 others / Fifteen people").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Fate {
    Dead,
    Injured,
    Arrested,
    Missing,
}

impl Fate {
    /// The fate a word names, lower case.
    fn of_word(word: &str) -> Option<Fate> {
        Some(match word {
            "killed" | "kill" | "kills" | "killing" | "dead" | "died" | "die" | "dies"
            | "death" | "deaths" | "fatalities" | "perished" | "drowned" => Fate::Dead,
            "injured" | "injuring" | "injures" | "injure" | "injuries" | "wounded" | "wounding"
            | "hurt" => Fate::Injured,
            "arrested" | "detained" => Fate::Arrested,
            "missing" => Fate::Missing,
            _ => return None,
        })
    }
}

/// Fates seen around a value: one, several (no fate), or none yet.
#[derive(Clone, Copy, Default)]
enum FatesSeen {
    #[default]
    None,
    One(Fate),
    Several,
}

impl FatesSeen {
    fn add(&mut self, fate: Fate) {
        *self = match *self {
            FatesSeen::None => FatesSeen::One(fate),
            FatesSeen::One(seen) if seen == fate => FatesSeen::One(fate),
            _ => FatesSeen::Several,
        };
    }
}

impl Detector {
    /// The comparable form of a word: its lemma's stem, through `stems`
    /// (a cache: stemming is most of the cost of reading values).
    pub(crate) fn term(&self, word: &str, stems: &mut Stems) -> Term {
        if let Some(stem) = stems.get(word) {
            return stem.clone();
        }
        let stem: Term = self.stemmer.stem(lemma(word)).into();
        stems.insert(word.into(), stem.clone());
        stem
    }

    /// The heads and context words of mention `m` (terms as strings;
    /// the store interns them).
    pub(crate) fn context(
        &self,
        tokens: &[Token],
        m: &Mention,
        stems: &mut Stems,
    ) -> Context<Term> {
        let mut context = Context::default();
        let mut fates = FatesSeen::default();
        let left = tokens[..m.first_token].iter().rev();
        let right = tokens[m.end_token..].iter();
        self.side(left, &mut context, &mut fates, stems);
        self.side(right, &mut context, &mut fates, stems);
        if let Some(implied) = m.implied {
            let term = self.term(implied, stems);
            context.heads.push(term.clone());
            context.words.push(term);
            if let Some(fate) = Fate::of_word(implied) {
                fates.add(fate);
            }
        }
        if let FatesSeen::One(fate) = fates {
            context.fate = Some(fate);
        }
        context
    }

    /// Walks away from a value on one side, to the clause's end or
    /// [`CONTEXT_WORDS`] content words.
    fn side<'t>(
        &self,
        tokens: impl Iterator<Item = &'t Token<'t>>,
        context: &mut Context<Term>,
        fates: &mut FatesSeen,
        stems: &mut Stems,
    ) {
        let mut head_seen = false;
        let mut n = 0;
        for t in tokens {
            if is_boundary(t) || is_clause_word(&t.lower) || n >= CONTEXT_WORDS {
                break;
            }
            if t.kind != TokenKind::Word {
                continue;
            }
            if let Some(fate) = Fate::of_word(&t.lower) {
                fates.add(fate);
            }
            if self.stop_words.contains(t.lower.as_ref()) || may_start_value_word(&t.lower) {
                continue;
            }
            if is_context_noise(&t.lower) {
                // A reporting verb next to the value stands between it and
                // anything it could measure.
                head_seen |= is_reporting(&t.lower);
                continue;
            }
            let term = self.term(&t.lower, stems);
            if !head_seen {
                context.heads.push(term.clone());
            }
            context.words.push(term);
            n += 1;
            head_seen |= n >= self.settings.head_words;
        }
    }
}

/// True when the two readings can both be true.
pub(crate) fn compatible(a: &Reading, b: &Reading) -> bool {
    match (a, b) {
        (
            &Reading::Amount {
                low: al,
                high: ah,
                open: ao,
                step: astep,
            },
            &Reading::Amount {
                low: bl,
                high: bh,
                open: bo,
                step: bstep,
            },
        ) => {
            // Relative to the largest finite bound: an unbounded one ("at
            // least 156") must not make the tolerance infinite, which made
            // "more than 150" and "at least 156" exclude each other.
            let eps = 1e-9
                * [al, ah, bl, bh]
                    .into_iter()
                    .filter(|x| x.is_finite())
                    .fold(0.0, |m: f64, x| m.max(x.abs()));
            // Exact figures of different precision: the coarser may be a
            // rounding of the finer ("20 days", "19 days, 21 hours"). Half
            // a step either way counts: news writes 38.5 million voters as
            // "38 million" (a DUC 2003 pair labelled a nuance in the dev
            // set; rounding halves up made it a wrong conflict, 2026-11-25).
            if astep > 0.0 && bstep > 0.0 && (astep - bstep).abs() > eps {
                return (al - bl).abs() <= astep.max(bstep) / 2.0 + eps;
            }
            let below = |low: f64, high: f64, open: bool| {
                if open {
                    low < high - eps
                } else {
                    low <= high + eps
                }
            };
            below(al, bh, bo) && below(bl, ah, ao)
        }
        (
            Reading::Date {
                year: ay,
                month: am,
                day: ad,
                weekday: aw,
            },
            Reading::Date {
                year: by,
                month: bm,
                day: bd,
                weekday: bw,
            },
        ) => {
            // A day always comes with its month.
            let days = match (ad, bd) {
                (Some((a0, a1)), Some((b0, b1))) => a0 <= b1 && b0 <= a1,
                _ => true,
            };
            same(ay, by) && same(am, bm) && same(aw, bw) && days
        }
        (
            Reading::Time {
                minutes: a,
                zone: az,
            },
            Reading::Time {
                minutes: b,
                zone: bz,
            },
        ) => a == b || az.is_some() && bz.is_some() && az != bz,
        _ => true,
    }
}

fn same<T: PartialEq>(a: &Option<T>, b: &Option<T>) -> bool {
    a.is_none() || b.is_none() || a == b
}

/// Whether two mentions may state one slot's value, and how strongly:
/// the number of context words they share.
pub(crate) fn alignable(settings: &Settings, x: &Located, y: &Located) -> Option<usize> {
    if x.mention.kind != y.mention.kind || x.unit != y.unit {
        return None;
    }
    if matches!((x.context.fate, y.context.fate), (Some(a), Some(b)) if a != b) {
        return None;
    }
    let shared = shared_words(&x.context.words, &y.context.words);
    let head = x.context.heads.iter().any(|h| y.context.heads.contains(h));
    if shared < settings.min_shared_words || settings.require_shared_head && !head {
        return None;
    }
    if too_far_apart(&x.mention, &y.mention, settings.max_ratio)
        || bare_years(&x.mention.reading, &y.mention.reading)
        || vague_against_figure(&x.mention, &y.mention)
        || settings.require_shared_name
            && !compatible(&x.mention.reading, &y.mention.reading)
            && name_apart(&x.context.names, &y.context.names)
    {
        return None;
    }
    Some(shared)
}

/// Pairs the mentions of two sentences (index ranges into `located`),
/// each with at most one counterpart; appends the pairs to `edges`.
pub(crate) fn align_pair(
    settings: &Settings,
    located: &[Located],
    a: std::ops::Range<usize>,
    b: std::ops::Range<usize>,
    edges: &mut Vec<(u32, u32)>,
) {
    let mut candidates: Vec<(usize, bool, usize, usize)> = Vec::new();
    for i in a.clone() {
        for j in b.clone() {
            let (x, y) = (&located[i], &located[j]);
            let Some(shared) = alignable(settings, x, y) else {
                continue;
            };
            candidates.push((
                shared,
                compatible(&x.mention.reading, &y.mention.reading),
                i,
                j,
            ));
        }
    }
    // Best first: most shared words, then compatible values, then position.
    candidates.sort_unstable_by(|p, q| {
        q.0.cmp(&p.0)
            .then(q.1.cmp(&p.1))
            .then((p.2, p.3).cmp(&(q.2, q.3)))
    });
    let mut used_a = vec![false; a.len()];
    let mut used_b = vec![false; b.len()];
    for (_, _, i, j) in candidates {
        if used_a[i - a.start] || used_b[j - b.start] {
            continue;
        }
        used_a[i - a.start] = true;
        used_b[j - b.start] = true;
        edges.push((i as u32, j as u32));
    }
}

/// Two stated figures more than `max_ratio` apart are taken to measure
/// different things: sources that disagree about one quantity rarely do so
/// by a factor of several ("250 dead" in Nairobi, "11 dead" in Dar es
/// Salaam; "weighs 25 pounds more", "weighs more than 220 pounds"). Vague
/// amounts are exempt: "dozens" against "hundreds" is the disagreement
/// itself.
///
/// Times of day more than [`MAX_TIME_GAP`] minutes apart are two events
/// too ("12:02" and "17:30"), where reports of one moment differ by
/// minutes ("8:30 p.m.", "8:38 p.m.").
fn too_far_apart(a: &Mention, b: &Mention, max_ratio: f64) -> bool {
    if let (Reading::Time { minutes: x, .. }, Reading::Time { minutes: y, .. }) =
        (&a.reading, &b.reading)
    {
        return x.abs_diff(*y) > MAX_TIME_GAP;
    }
    match (a.figure, b.figure) {
        // The tolerance keeps a ratio of exactly `max_ratio` ("90 miles",
        // "60 miles", in metres) inside despite rounding.
        (Some(x), Some(y)) if x > 0.0 && y > 0.0 => x.max(y) / x.min(y) > max_ratio * (1.0 + 1e-9),
        _ => false,
    }
}

/// A vague amount ("hundreds of people", "a few weeks") and a stated
/// figure ("3,261 people", "two months") are not compared: in the dev
/// set such pairs counted different groups (the injured and the dead, a
/// part and the whole) more often than they disagreed. Two vague amounts
/// are ("dozens" against "hundreds").
fn vague_against_figure(a: &Mention, b: &Mention) -> bool {
    let vague = |m: &Mention| matches!(m.reading, Reading::Amount { .. }) && m.figure.is_none();
    vague(a) != vague(b)
}

/// Minutes apart beyond which two times of day are two moments.
const MAX_TIME_GAP: u32 = 60;

/// Two dates without a day are not compared: news text cites years and
/// months for many things at once (since 1962, in 1988, the 1990
/// election, in March), and two sources' bare years in one fact are far
/// more often two events than a disagreement. A year or month still meets
/// a full date ("1988", "Dec. 21, 1988").
fn bare_years(a: &Reading, b: &Reading) -> bool {
    let bare = |r: &Reading| matches!(r, Reading::Date { day: None, .. });
    bare(a) && bare(b)
}

/// Sentences that both name someone or something and share no name
/// ([`super::names`]): different figures there are figures of different
/// people, places or groups far more often than a disagreement.
fn name_apart(a: &[u32], b: &[u32]) -> bool {
    !a.is_empty() && !b.is_empty() && shared_words(a, b) == 0
}

fn shared_words(a: &[u32], b: &[u32]) -> usize {
    // Both sorted.
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}
