//! Aligns the values of different sources that measure the same thing,
//! and turns each aligned set with differing values into a
//! [`Disagreement`].
//!
//! Two mentions in sentences of different documents are comparable when
//! they have the same kind and unit (durations with durations, counts of
//! members with counts of members) and share at least one context word:
//! a content word (stemmed, irregular verbs lemmatized) among the
//! [`CONTEXT_WORDS`] nearest on either side within the clause. In each
//! pair of sentences a mention is paired with at most one counterpart,
//! the best-scoring (ties go to an equal value, so a doubtful pairing
//! never creates a conflict). Pairings are joined transitively into
//! *slots*; a slot in which one sentence gives two different values is
//! ambiguous and dropped.

use rustc_hash::FxHashMap;

use super::extract::{Extractor, Mention, Reading};
use super::numbers::number_at;
use super::tokens::{tokenize, Token, TokenKind};
use super::{Detector, Disagreement, Member, Settings, Severity, Statement, Value};

/// Content words taken on each side of a value as its context.
pub(crate) const CONTEXT_WORDS: usize = 4;

/// Sentences compared with every other one in a group; beyond this, a
/// sentence is compared with these first ones only, so the work per group
/// stays linear in its size.
const FULLY_COMPARED: usize = 64;

/// A value mention with what it takes to align it.
struct Located {
    member: usize,
    mention: Mention,
    context: Context,
}

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
/// light verbs, relative days.
#[rustfmt::skip]
const NOISE: &[&str] = &[
    "also", "mr", "ms", "mrs", "per", "cent", "percent", "old", "last", "first", "next",
    "nearly", "almost", "about", "around", "approximately", "roughly", "estimated", "least",
    "less", "fewer", "well", "just", "only", "barely", "merely", "mere", "exactly", "precisely",
    "total", "some", "another", "still", "now", "already", "even", "far", "since", "until",
    "ago", "later", "earlier", "often", "long", "come", "came", "comes", "coming", "go", "went",
    "goes", "going", "get", "got", "gets", "put", "become", "became", "becomes", "seem",
    "seemed", "appear", "appeared", "appears", "include", "included", "includes", "including",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
    "yesterday", "tomorrow",
];

fn is_context_noise(word: &str) -> bool {
    is_reporting(word) || NOISE.contains(&word)
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
struct Context {
    heads: Vec<String>,
    words: Vec<String>,
}

impl Detector {
    fn term(&self, word: &str) -> String {
        self.stemmer.stem(lemma(word)).into_owned()
    }

    fn context(&self, tokens: &[Token], m: &Mention) -> Context {
        let mut context = Context::default();
        let left = tokens[..m.first_token].iter().rev();
        let right = tokens[m.end_token..].iter();
        for side in [
            &mut left.collect::<Vec<_>>(),
            &mut right.collect::<Vec<_>>(),
        ] {
            let mut head_seen = false;
            let mut n = 0;
            for t in side.iter() {
                if is_boundary(t) || is_clause_word(&t.lower) || n >= CONTEXT_WORDS {
                    break;
                }
                if t.kind != TokenKind::Word
                    || self.stop_words.contains(t.lower.as_str())
                    || number_at(std::slice::from_ref(*t), 0).is_some()
                {
                    continue;
                }
                if is_context_noise(&t.lower) {
                    // A reporting verb next to the value stands between it
                    // and anything it could measure.
                    head_seen |= is_reporting(&t.lower);
                    continue;
                }
                let term = self.term(&t.lower);
                if !head_seen {
                    context.heads.push(term.clone());
                }
                context.words.push(term);
                n += 1;
                head_seen |= n >= self.settings.head_words;
            }
        }
        if let Some(implied) = m.implied {
            let term = self.term(implied);
            context.heads.push(term.clone());
            context.words.push(term);
        }
        context.words.sort_unstable();
        context.words.dedup();
        context
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
            let eps = 1e-9
                * al.abs()
                    .max(ah.abs())
                    .max(bl.abs())
                    .max(bh.abs())
                    .min(1e300);
            // Exact figures of different precision: the coarser may be a
            // rounding of the finer ("20 days", "19 days, 21 hours").
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

/// A key under which two mentions are the same value.
fn value_key(m: &Mention) -> String {
    match &m.reading {
        Reading::Amount {
            low, high, open, ..
        } => format!("{:?}|{low:.6e}|{high:.6e}|{open}", m.qualifier),
        Reading::Date { .. } | Reading::Time { .. } => m.normalized.clone(),
    }
}

struct UnionFind(Vec<usize>);

impl UnionFind {
    fn find(&mut self, mut x: usize) -> usize {
        while self.0[x] != x {
            self.0[x] = self.0[self.0[x]];
            x = self.0[x];
        }
        x
    }

    fn union(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        // The smaller index is the root, so components do not depend on
        // the order of unions.
        if a < b {
            self.0[b] = a;
        } else if b < a {
            self.0[a] = b;
        }
    }
}

/// Disagreements among the members of one group.
pub(crate) fn disagreements(detector: &Detector, members: &[Member]) -> Vec<Disagreement> {
    let extractor = Extractor::new(&detector.stop_words);
    // Each distinct text is read once; a line repeated in many documents
    // costs one extraction.
    let mut read: FxHashMap<&str, usize> = FxHashMap::default();
    let mut readings: Vec<Vec<(Mention, Context)>> = Vec::new();
    let mut reading_of = Vec::with_capacity(members.len());
    for m in members {
        let next = readings.len();
        let r = *read.entry(m.text).or_insert(next);
        if r == next {
            let tokens = tokenize(m.text);
            let mentions = extractor.mentions(&tokens);
            readings.push(
                mentions
                    .into_iter()
                    .map(|mention| {
                        let context = detector.context(&tokens, &mention);
                        (mention, context)
                    })
                    .collect(),
            );
        }
        reading_of.push(r);
    }
    let mut located: Vec<Located> = Vec::new();
    let mut first_of = Vec::with_capacity(members.len());
    for (i, &r) in reading_of.iter().enumerate() {
        first_of.push(located.len());
        for (mention, context) in &readings[r] {
            located.push(Located {
                member: i,
                mention: mention.clone(),
                context: context.clone(),
            });
        }
    }
    first_of.push(located.len());
    if located.len() < 2 {
        return Vec::new();
    }

    let mentions_of = |i: usize| first_of[i]..first_of[i + 1];
    let mut slots = UnionFind((0..located.len()).collect());
    let with_values: Vec<usize> = (0..members.len())
        .filter(|&i| !mentions_of(i).is_empty())
        .collect();
    for (x, &a) in with_values.iter().enumerate() {
        let partners = if x < FULLY_COMPARED {
            &with_values[x + 1..]
        } else {
            &with_values[..FULLY_COMPARED]
        };
        for &b in partners {
            if members[a].sentence.document == members[b].sentence.document {
                continue;
            }
            align_pair(
                &detector.settings,
                &located,
                mentions_of(a),
                mentions_of(b),
                &mut slots,
            );
        }
    }

    // Slots: components with mentions from two or more documents.
    let mut components: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
    for i in 0..located.len() {
        components.entry(slots.find(i)).or_default().push(i);
    }
    let mut slot_list: Vec<Vec<usize>> =
        components.into_values().filter(|s| s.len() >= 2).collect();
    slot_list.sort_unstable_by_key(|s| s[0]);

    let mut out = Vec::new();
    for slot in slot_list {
        if let Some(d) = judge(members, &located, &slot) {
            out.push(d);
        }
    }
    out
}

/// Pairs the mentions of two sentences (index ranges into `located`).
fn align_pair(
    settings: &Settings,
    located: &[Located],
    a: std::ops::Range<usize>,
    b: std::ops::Range<usize>,
    slots: &mut UnionFind,
) {
    let mut candidates: Vec<(usize, bool, usize, usize)> = Vec::new();
    for i in a.clone() {
        for j in b.clone() {
            let (x, y) = (&located[i], &located[j]);
            if x.mention.kind != y.mention.kind || x.mention.unit != y.mention.unit {
                continue;
            }
            let shared = shared_words(&x.context.words, &y.context.words);
            let head = x.context.heads.iter().any(|h| y.context.heads.contains(h));
            if shared < settings.min_shared_words || settings.require_shared_head && !head {
                continue;
            }
            if too_far_apart(&x.mention, &y.mention, settings.max_ratio)
                || bare_years(&x.mention.reading, &y.mention.reading)
            {
                continue;
            }
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
        slots.union(i, j);
    }
}

/// Two stated figures more than `max_ratio` apart are taken to measure
/// different things: sources that disagree about one quantity rarely do so
/// by a factor of several ("250 dead" in Nairobi, "11 dead" in Dar es
/// Salaam; "weighs 25 pounds more", "weighs more than 220 pounds"). Vague
/// amounts are exempt: "dozens" against "hundreds" is the disagreement
/// itself.
fn too_far_apart(a: &Mention, b: &Mention, max_ratio: f64) -> bool {
    match (a.figure, b.figure) {
        (Some(x), Some(y)) if x > 0.0 && y > 0.0 => x.max(y) / x.min(y) > max_ratio,
        _ => false,
    }
}

/// Two dates without a day are not compared: news text cites years and
/// months for many things at once (since 1962, in 1988, the 1990
/// election, in March), and two sources' bare years in one fact are far
/// more often two events than a disagreement. A year or month still meets
/// a full date ("1988", "Dec. 21, 1988").
fn bare_years(a: &Reading, b: &Reading) -> bool {
    let bare = |r: &Reading| matches!(r, Reading::Date { day: None, .. });
    bare(a) && bare(b)
}

fn shared_words(a: &[String], b: &[String]) -> usize {
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

/// The disagreement of one slot, if its sources give different values.
fn judge(members: &[Member], located: &[Located], slot: &[usize]) -> Option<Disagreement> {
    let kind = located[slot[0]].mention.kind;
    // One source giving two different values makes the slot ambiguous:
    // they are two things (a region's toll and the country's, reached
    // through a vague "thousands") or the source contradicts itself.
    let mut per_document: FxHashMap<u32, String> = FxHashMap::default();
    for &i in slot {
        let key = value_key(&located[i].mention);
        let document = members[located[i].member].sentence.document;
        if let Some(previous) = per_document.insert(document, key.clone()) {
            if previous != key {
                return None;
            }
        }
    }
    let mut documents: Vec<u32> = slot
        .iter()
        .map(|&i| members[located[i].member].sentence.document)
        .collect();
    documents.sort_unstable();
    documents.dedup();
    if documents.len() < 2 {
        return None;
    }
    // Distinct values, each with its statements.
    let mut values: Vec<(String, usize, Vec<Statement>)> = Vec::new();
    for &i in slot {
        let l = &located[i];
        let key = value_key(&l.mention);
        let sentence = members[l.member].sentence;
        let statement = Statement {
            sentence,
            start: sentence.start + l.mention.start,
            end: sentence.start + l.mention.end,
        };
        match values.iter_mut().find(|(k, _, _)| *k == key) {
            Some((_, _, statements)) => statements.push(statement),
            None => values.push((key, i, vec![statement])),
        }
    }
    if values.len() < 2 {
        return None;
    }
    for (_, _, statements) in &mut values {
        statements.sort_unstable();
        statements.dedup();
    }
    values.sort_by(|a, b| a.2[0].cmp(&b.2[0]));
    let documents_of = |s: &[Statement]| s.iter().map(|s| s.sentence.document).collect::<Vec<_>>();
    let mut conflict = false;
    for (x, (_, i, si)) in values.iter().enumerate() {
        for (_, j, sj) in &values[x + 1..] {
            let separate = documents_of(si)
                .iter()
                .any(|d| documents_of(sj).iter().any(|e| e != d));
            if separate && !compatible(&located[*i].mention.reading, &located[*j].mention.reading) {
                conflict = true;
            }
        }
    }
    Some(Disagreement {
        kind,
        severity: if conflict {
            Severity::Conflict
        } else {
            Severity::Nuance
        },
        values: values
            .into_iter()
            .map(|(_, i, statements)| Value {
                normalized: located[i].mention.normalized.clone(),
                statements,
            })
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cite::SentenceRef;
    use crate::disagree::Kind;
    use crate::lang::Language;

    fn group(texts: &[&str]) -> Vec<Disagreement> {
        let members: Vec<Member> = texts
            .iter()
            .enumerate()
            .map(|(d, t)| Member {
                sentence: SentenceRef {
                    document: d as u32,
                    unit: 0,
                    start: 0,
                    end: t.len(),
                },
                text: t,
            })
            .collect();
        Detector::new(Language::English).group(&members)
    }

    fn summary(d: &[Disagreement]) -> Vec<(Kind, Severity, Vec<String>)> {
        d.iter()
            .map(|d| {
                (
                    d.kind,
                    d.severity,
                    d.values.iter().map(|v| v.normalized.clone()).collect(),
                )
            })
            .collect()
    }

    #[test]
    fn press_conference_lengths_conflict() {
        let d = group(&[
            "Putin also spoke in general terms of cooperation in a joint press appearance that lasted just 12 minutes.",
            "The post-summit press conference lasted barely 10 minutes and ended abruptly without questions.",
        ]);
        assert_eq!(
            summary(&d),
            [(
                Kind::Duration,
                Severity::Conflict,
                vec!["12 min".to_string(), "10 min".to_string()]
            )]
        );
        assert_eq!(d[0].values[0].statements[0].start, "Putin also spoke in general terms of cooperation in a joint press appearance that lasted ".len());
    }

    #[test]
    fn spellings_of_one_value_agree() {
        let d = group(&[
            "The leaders held three-hour talks in Alaska.",
            "The leaders held 3 hours of talks in Alaska.",
            "The leaders held talks for three hours in Alaska.",
            "The leaders held talks for 180 minutes in Alaska.",
        ]);
        assert!(d.is_empty(), "{d:?}");
        let d = group(&[
            "The press event lasted 12 minutes.",
            "The press event lasted twelve minutes.",
        ]);
        assert!(d.is_empty(), "{d:?}");
    }

    #[test]
    fn hedged_values_are_nuances_or_conflicts() {
        let d = group(&[
            "Trump said nearly three hours of direct talks with Putin yielded nothing.",
            "Both leaders described their three-hour talks as productive.",
            "The leaders met for over two hours of talks at the base.",
        ]);
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].severity, Severity::Conflict);
        let d = group(&[
            "Trump said nearly three hours of direct talks with Putin yielded nothing.",
            "Both leaders described their three-hour talks as productive.",
        ]);
        assert_eq!(
            summary(&d),
            [(
                Kind::Duration,
                Severity::Nuance,
                vec!["nearly 3 h".to_string(), "3 h".to_string()]
            )]
        );
    }

    #[test]
    fn values_in_different_roles_are_not_compared() {
        let d = group(&[
            "The talks lasted three hours, and the press conference 12 minutes.",
            "The press conference lasted 12 minutes after talks of three hours.",
        ]);
        assert!(d.is_empty(), "{d:?}");
        let d = group(&[
            "The summit talks lasted three hours.",
            "Putin spoke to the press for 12 minutes.",
        ]);
        assert!(d.is_empty(), "{d:?}");
    }

    #[test]
    fn vague_amounts() {
        let d = group(&[
            "Putin is accused of deporting hundreds of children from Ukraine.",
            "Putin is accused of deporting dozens of children from Ukraine.",
        ]);
        assert_eq!(
            summary(&d),
            [(
                Kind::Count,
                Severity::Conflict,
                vec![
                    "hundreds of children".to_string(),
                    "dozens of children".to_string()
                ]
            )]
        );
    }
}
