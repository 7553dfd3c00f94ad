//! The value mentions of a set of sentences in one flat store, the slots
//! that alignments join them into, and the verdict on each slot.
//!
//! A *slot* is one thing the sources state a value for ("how long the
//! talks lasted"): a connected set of aligned mentions. A slot whose
//! sources give two or more different values is a [`Disagreement`]: a
//! conflict when two sources' values cannot both be true, a nuance
//! otherwise. A slot in which one source gives two different values is
//! ambiguous (two things joined through a third, or a source contradicting
//! itself) and dropped.

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::align::{alignable, compatible, Context, Stems, Term};
use super::extract::{Extractor, Mention, Reading};
use super::tokens::tokenize;
use super::{Detector, Disagreement, Settings, Severity, Statement, Value};
use crate::cite::SentenceRef;

/// A value mention with what it takes to align it.
#[derive(Clone, Debug)]
pub(crate) struct Located {
    /// The sentence (index into the detector's sentence list).
    pub sentence: u32,
    pub mention: Mention,
    /// Heads and context words as term ids (equal ids, equal terms);
    /// `words` sorted.
    pub context: Context<u32>,
    /// The unit as an id.
    pub unit: u32,
}

/// Sentences per chunk when terms and units are given ids.
const INTERN_CHUNK: usize = 4096;

/// One chunk's mentions with chunk-local term and unit ids, and the terms
/// and units those ids stand for, in order of first appearance.
#[derive(Default)]
struct LocalIds {
    located: Vec<Located>,
    term_ids: FxHashMap<Term, u32>,
    terms: Vec<Term>,
    unit_ids: FxHashMap<String, u32>,
    units: Vec<String>,
}

impl LocalIds {
    fn term(&mut self, term: Term) -> u32 {
        let next = self.terms.len() as u32;
        *self.term_ids.entry(term).or_insert_with_key(|term| {
            self.terms.push(term.clone());
            next
        })
    }

    fn unit(&mut self, unit: &str) -> u32 {
        if let Some(&id) = self.unit_ids.get(unit) {
            return id;
        }
        let id = self.units.len() as u32;
        self.unit_ids.insert(unit.to_string(), id);
        self.units.push(unit.to_string());
        id
    }
}

/// Every mention of a list of sentences, sentence by sentence.
pub(crate) struct Store {
    pub located: Vec<Located>,
    /// `located[first[s]..first[s + 1]]` are sentence `s`'s mentions.
    first: Vec<u32>,
    /// The detector's settings: a conflict needs two values that align
    /// under them directly ([`Store::judge`]).
    settings: Settings,
}

/// True when `text` may state a value: it has a digit, or a word a value
/// can start with. Most sentences of most inputs have neither and are not
/// read further.
fn may_state_values(text: &str) -> bool {
    if text.bytes().any(|b| b.is_ascii_digit()) {
        return true;
    }
    let mut buffer = String::new();
    text.split(|c: char| !c.is_alphabetic())
        .filter(|w| (3..=9).contains(&w.len()))
        .any(|w| {
            lowercase_into(&mut buffer, w);
            super::extract::may_start_value_word(&buffer)
        })
        || has_article_value(text)
}

/// `word` in lower case, in `buffer` (ASCII, the common case, without
/// the Unicode case tables).
fn lowercase_into(buffer: &mut String, word: &str) {
    buffer.clear();
    if word.is_ascii() {
        buffer.push_str(word);
        buffer.make_ascii_lowercase();
    } else {
        buffer.extend(word.chars().flat_map(char::to_lowercase));
    }
}

/// Words that make a value after "a" or "an": "an hour", "a week", "a
/// hundred", "a few"; sorted.
#[rustfmt::skip]
const AFTER_ARTICLE: &[&str] = &[
    "billion", "century", "couple", "day", "decade", "few", "fortnight", "hour", "hundred",
    "million", "minute", "month", "second", "thousand", "trillion", "week", "year",
];

/// "an hour", "a week", "a hundred": an article before a unit or a scale
/// word (the articles are too common to read every sentence with one).
fn has_article_value(text: &str) -> bool {
    let mut buffer = String::new();
    let mut previous_article = false;
    for w in text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
    {
        if previous_article && w.len() <= 9 {
            lowercase_into(&mut buffer, w);
            if AFTER_ARTICLE.binary_search(&buffer.as_str()).is_ok() {
                return true;
            }
        }
        previous_article = w.eq_ignore_ascii_case("a") || w.eq_ignore_ascii_case("an");
    }
    false
}

impl Store {
    /// Reads the values of every text, in parallel (results in input
    /// order, so the store does not depend on the thread count).
    pub fn read(detector: &Detector, texts: &[&str]) -> Store {
        let extractor = Extractor::new(&detector.stop_words);
        // Each worker keeps a stem cache; the cache changes only the
        // speed, so results do not depend on how the work is split.
        // Per sentence: its mentions with their contexts, and its first
        // word when that may be a name.
        type Read = (Vec<(Mention, Context<Term>)>, Option<Term>);
        let per_sentence: Vec<Read> = texts
            .par_iter()
            .map_init(Stems::default, |stems, text| {
                if !may_state_values(text) {
                    return (Vec::new(), None);
                }
                let tokens = tokenize(text);
                let mentions = extractor.mentions(&tokens);
                if mentions.is_empty() {
                    return (Vec::new(), None);
                }
                let found = super::names::names(&tokens, &detector.stop_words);
                let names: Vec<Term> = found
                    .inside
                    .into_iter()
                    .map(|name| detector.term(name, stems))
                    .collect();
                let first = found.first.map(|word| detector.term(word, stems));
                let mentions = mentions
                    .into_iter()
                    .map(|mention| {
                        let mut context = detector.context(&tokens, &mention, stems);
                        context.names = names.clone();
                        (mention, context)
                    })
                    .collect();
                (mentions, first)
            })
            .collect();
        // A sentence's first word is a name when another sentence uses it
        // as one, capitalized inside the sentence.
        let used_as_names: rustc_hash::FxHashSet<&Term> = per_sentence
            .iter()
            .flat_map(|(mentions, _)| mentions.first())
            .flat_map(|(_, context)| &context.names)
            .collect();
        let first_is_name: Vec<bool> = per_sentence
            .iter()
            .map(|(_, first)| first.as_ref().is_some_and(|w| used_as_names.contains(w)))
            .collect();
        drop(used_as_names);
        // Terms and units get ids in order of first appearance (units have
        // their own), so ids do not depend on the thread count. Each chunk
        // of sentences interns into its own dictionary in parallel; the
        // dictionaries are merged in chunk order, which reads only each
        // chunk's distinct entries serially, and the chunk-local ids are
        // then mapped to the merged ones in parallel.
        let chunks: Vec<LocalIds> = per_sentence
            .into_par_iter()
            .zip(first_is_name)
            .enumerate()
            .chunks(INTERN_CHUNK)
            .map(|chunk| {
                let mut local = LocalIds::default();
                for (s, ((mentions, first_word), first_is_name)) in chunk {
                    for (mention, mut context) in mentions {
                        if first_is_name {
                            context.names.extend(first_word.clone());
                        }
                        let words = context.words.into_iter().map(|t| local.term(t)).collect();
                        let heads = context.heads.into_iter().map(|t| local.term(t)).collect();
                        let names = context.names.into_iter().map(|t| local.term(t)).collect();
                        let unit = local.unit(&mention.unit);
                        local.located.push(Located {
                            sentence: s as u32,
                            mention,
                            context: Context {
                                heads,
                                words,
                                names,
                                fate: context.fate,
                            },
                            unit,
                        });
                    }
                }
                local
            })
            .collect();
        let mut term_ids: FxHashMap<Term, u32> = FxHashMap::default();
        let mut unit_ids: FxHashMap<String, u32> = FxHashMap::default();
        let mut merged = Vec::with_capacity(chunks.len());
        for chunk in chunks {
            let terms: Vec<u32> = chunk
                .terms
                .into_iter()
                .map(|term| {
                    let next = term_ids.len() as u32;
                    *term_ids.entry(term).or_insert(next)
                })
                .collect();
            let units: Vec<u32> = chunk
                .units
                .into_iter()
                .map(|unit| {
                    let next = unit_ids.len() as u32;
                    *unit_ids.entry(unit).or_insert(next)
                })
                .collect();
            merged.push((chunk.located, terms, units));
        }
        drop((term_ids, unit_ids));
        let located: Vec<Located> = merged
            .into_par_iter()
            .flat_map_iter(|(mut located, terms, units)| {
                for l in &mut located {
                    let context = &mut l.context;
                    for id in context
                        .words
                        .iter_mut()
                        .chain(&mut context.heads)
                        .chain(&mut context.names)
                    {
                        *id = terms[*id as usize];
                    }
                    context.words.sort_unstable();
                    context.words.dedup();
                    context.names.sort_unstable();
                    context.names.dedup();
                    l.unit = units[l.unit as usize];
                }
                located
            })
            .collect();
        // `located[first[s]..first[s + 1]]` are sentence `s`'s mentions.
        let mut first = vec![0u32; texts.len() + 1];
        for l in &located {
            first[l.sentence as usize + 1] += 1;
        }
        for s in 0..texts.len() {
            first[s + 1] += first[s];
        }
        Store {
            located,
            first,
            settings: detector.settings,
        }
    }

    /// The mentions of sentence `s`, as indices into `located`.
    pub fn of(&self, s: u32) -> std::ops::Range<usize> {
        self.first[s as usize] as usize..self.first[s as usize + 1] as usize
    }

    /// Mentions joined by `edges` into slots of two or more, each sorted,
    /// in order of their first mention.
    pub fn slots(&self, edges: &[(u32, u32)]) -> Vec<Vec<usize>> {
        let mut parent: Vec<u32> = (0..self.located.len() as u32).collect();
        fn find(parent: &mut [u32], mut x: u32) -> u32 {
            while parent[x as usize] != x {
                parent[x as usize] = parent[parent[x as usize] as usize];
                x = parent[x as usize];
            }
            x
        }
        for &(a, b) in edges {
            let (a, b) = (find(&mut parent, a), find(&mut parent, b));
            // The smaller index is the root: components do not depend on
            // the order of the edges.
            if a < b {
                parent[b as usize] = a;
            } else if b < a {
                parent[a as usize] = b;
            }
        }
        let mut components: FxHashMap<u32, Vec<usize>> = FxHashMap::default();
        for &(a, b) in edges {
            for x in [a, b] {
                let root = find(&mut parent, x);
                components.entry(root).or_default().push(x as usize);
            }
        }
        let mut slots: Vec<Vec<usize>> = components
            .into_values()
            .map(|mut s| {
                s.sort_unstable();
                s.dedup();
                s
            })
            .filter(|s| s.len() >= 2)
            .collect();
        slots.sort_unstable_by_key(|s| s[0]);
        slots
    }

    /// The disagreement of one slot, if its sources give different
    /// values; `at` locates each sentence.
    pub fn judge(&self, at: &[SentenceRef], slot: &[usize]) -> Option<Disagreement> {
        self.judge_with_sentences(at, slot).map(|(d, _)| d)
    }

    /// [`Store::judge`], with the sentences (indices) that state the
    /// values, ascending.
    pub fn judge_with_sentences(
        &self,
        at: &[SentenceRef],
        slot: &[usize],
    ) -> Option<(Disagreement, Vec<u32>)> {
        let located = &self.located;
        let kind = located[slot[0]].mention.kind;
        let document = |i: usize| at[located[i].sentence as usize].document;
        let mut per_document: FxHashMap<u32, ValueKey> = FxHashMap::default();
        for &i in slot {
            let key = value_key(&located[i].mention);
            if let Some(previous) = per_document.insert(document(i), key.clone()) {
                if previous != key {
                    return None;
                }
            }
        }
        if per_document.len() < 2 {
            return None;
        }
        // Distinct values, each with its statements and (up to
        // FULLY_COMPARED of) its mentions.
        type Stated = (ValueKey, usize, Vec<Statement>, Vec<usize>);
        let mut values: Vec<Stated> = Vec::new();
        for &i in slot {
            let l = &located[i];
            let key = value_key(&l.mention);
            let sentence = at[l.sentence as usize];
            let statement = Statement {
                sentence,
                start: sentence.start + l.mention.start,
                end: sentence.start + l.mention.end,
            };
            match values.iter_mut().find(|(k, _, _, _)| *k == key) {
                Some((_, _, statements, mentions)) => {
                    statements.push(statement);
                    if mentions.len() < super::FULLY_COMPARED {
                        mentions.push(i);
                    }
                }
                None => values.push((key, i, vec![statement], vec![i])),
            }
        }
        if values.len() < 2 {
            return None;
        }
        for (_, _, statements, _) in &mut values {
            statements.sort_unstable();
            statements.dedup();
        }
        values.sort_by(|a, b| a.2[0].cmp(&b.2[0]));
        // Each value is given by its own documents (one source gives one
        // value), so any two values come from different sources. Two
        // values that exclude each other conflict only when two of their
        // mentions align directly. Joined only through a third value
        // compatible with both ("12 years" of Xu, "more than 10 years" of
        // Xu, "10 years" of Qin), they are values of different things: the
        // slot is dropped, as an ambiguous one is. (Each value's first
        // FULLY_COMPARED mentions are tried, so the work per pair of values
        // is bounded however large the slot.)
        let mut conflict = false;
        let mut chained = false;
        for (x, (_, ix, _, xs)) in values.iter().enumerate() {
            for (_, iy, _, ys) in &values[x + 1..] {
                if compatible(&located[*ix].mention.reading, &located[*iy].mention.reading) {
                    continue;
                }
                let direct = xs.iter().any(|&i| {
                    ys.iter().any(|&j| {
                        document(i) != document(j)
                            && alignable(&self.settings, &located[i], &located[j]).is_some()
                    })
                });
                conflict |= direct;
                chained |= !direct;
            }
        }
        if chained {
            return None;
        }
        // Dates that exclude each other are not reported: in the labelled
        // set every such pair dated different events of one story (the
        // fiscal year "ends on Sept. 30", the new one "began Oct. 1"; a
        // ceasefire declared on one day and observed from another), none
        // was a disagreement about one event's date.
        if conflict && kind == super::Kind::Date {
            return None;
        }
        let mut sentences: Vec<u32> = slot.iter().map(|&i| located[i].sentence).collect();
        sentences.sort_unstable();
        sentences.dedup();
        let disagreement = Disagreement {
            kind,
            severity: if conflict {
                Severity::Conflict
            } else {
                Severity::Nuance
            },
            values: values
                .into_iter()
                .map(|(_, i, statements, _)| Value {
                    normalized: located[i].mention.normalized.clone(),
                    statements,
                })
                .collect(),
        };
        Some((disagreement, sentences))
    }
}

/// What makes two mentions one value: the same range under the same
/// qualifier (3 hours, three-hour, 180 minutes), or the same date or time.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum ValueKey {
    Amount(super::Qualifier, u64, u64, bool),
    Text(String),
}

fn value_key(m: &Mention) -> ValueKey {
    match &m.reading {
        Reading::Amount {
            low, high, open, ..
        } => ValueKey::Amount(m.qualifier, low.to_bits(), high.to_bits(), *open),
        Reading::Date { .. } | Reading::Time { .. } => ValueKey::Text(m.normalized.clone()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_sentences_with_numbers_or_amount_words_are_read() {
        assert!(may_state_values("The talks lasted 3 hours."));
        assert!(may_state_values("The talks lasted three hours."));
        assert!(may_state_values("They met for half an hour."));
        assert!(may_state_values("They met for an hour."));
        assert!(may_state_values("A hundred people came."));
        assert!(may_state_values("Hundreds of children were deported."));
        assert!(may_state_values("The deal was signed in March."));
        assert!(!may_state_values("There is no deal until there is a deal."));
        assert!(!may_state_values("He called the meeting productive."));
    }
}
