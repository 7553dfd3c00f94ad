//! Stage 3, *analyze*: turn each sentence into a sequence of term ids.
//!
//! Per word: Unicode word boundaries (UAX #29), NFKC normalization (soft
//! hyphens and zero-width spaces dropped), quote folding (’ → '), case
//! folding, acronym folding (`U.S.` = `US`), clitic
//! stripping (`Trump's` → `trump`), stop-word removal, transliteration
//! folding of name endings (`Zelenskiy`, `Zelenskyy` → `zelensky`) and
//! Snowball stemming. Terms are interned to `u32` ids once; the hot loop
//! allocates no `String` per token, and each distinct word form is stemmed
//! once per run (see [`Analyzer::analyze_with_spans`]).

use std::borrow::Cow;

use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};
use unicode_normalization::UnicodeNormalization;
use unicode_segmentation::UnicodeSegmentation;

use crate::charrefs;
use crate::lang::Language;
use crate::segment::is_invisible;

/// A term id: an index into [`Analysis::vocabulary`].
pub type TermId = u32;

/// Where a sentence comes from: its document and unit index.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SentenceSource {
    /// Index of the document in the input order.
    pub document: u32,
    /// Index of the unit within the document's segmentation.
    pub unit: u32,
}

/// One analyzed sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AnalyzedSentence {
    /// Where the sentence is.
    pub source: SentenceSource,
    /// Content terms in text order (stop words removed, stemmed).
    pub terms: Vec<TermId>,
    /// Number of words, stop words included: the sentence's length for
    /// budgets and length features.
    pub words: u32,
}

/// All analyzed sentences of a run and the vocabulary their ids refer to.
#[derive(Clone, Debug, Default)]
pub struct Analysis {
    /// Term strings (stems), sorted; a [`TermId`] indexes this list.
    pub vocabulary: Vec<String>,
    /// Sentences in input order (document, then position).
    pub sentences: Vec<AnalyzedSentence>,
    /// The spans asked of [`Analyzer::analyze_with_spans`], in their order,
    /// each analyzed as a text of its own (source: its sentence's).
    pub spans: Vec<AnalyzedSentence>,
}

/// A byte range of an analyzed sentence whose terms are wanted on their
/// own too (a part of the sentence that states a fact).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SentenceSpan {
    /// The sentence: an index into the analyzed sentences.
    pub sentence: u32,
    /// First byte, relative to the sentence's text.
    pub start: u32,
    /// One past the last byte, relative to the sentence's text.
    pub end: u32,
}

/// Sentences per chunk of parallel work. Fixed, so the work split never
/// depends on the thread count.
const CHUNK_SENTENCES: usize = 2048;

/// Hash shards of the distinct word forms: each is merged and stemmed as one
/// parallel task.
const KEY_SHARDS: usize = 64;

/// Turns text into terms for one language.
pub struct Analyzer {
    stemmer: rust_stemmers::Stemmer,
    /// English: accents are dropped from words ("São Paulo" = "Sao
    /// Paulo"), as outlets that strip them write names. Other languages
    /// keep them: there they tell words apart ("año", "ano").
    fold_accents: bool,
    stop_words: FxHashSet<&'static str>,
    /// See [`Analyzer::stop_word_id`].
    stop_word_ids: FxHashMap<&'static str, u32>,
}

impl std::fmt::Debug for Analyzer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Analyzer")
            .field("stop_words", &self.stop_words.len())
            .finish_non_exhaustive()
    }
}

impl Analyzer {
    /// An analyzer with `language`'s stop words and stemmer.
    pub fn new(language: Language) -> Self {
        let stop_words: FxHashSet<&'static str> = language
            .stop_words()
            .iter()
            .chain(extra_stop_words(language))
            .copied()
            .collect();
        let mut sorted: Vec<&'static str> = stop_words.iter().copied().chain([""]).collect();
        sorted.sort_unstable();
        sorted.dedup();
        Analyzer {
            stemmer: rust_stemmers::Stemmer::create(language.stemmer_algorithm()),
            fold_accents: language == Language::English,
            stop_words,
            stop_word_ids: sorted.into_iter().zip(0..).collect(),
        }
    }

    /// A number for each stop word [`Analyzer::for_each_word`] can give
    /// (its place in the sorted list; the empty string, given for a bare
    /// clitic, included), so that a later stage can key on stop words
    /// without hashing their text again.
    pub fn stop_word_id(&self, stop_word: &str) -> Option<u32> {
        self.stop_word_ids.get(stop_word).copied()
    }

    /// Analyzes sentences given as `(source, text)` pairs, in parallel.
    pub fn analyze(&self, sentences: &[(SentenceSource, &str)]) -> Analysis {
        self.analyze_with_spans(sentences, &[])
    }

    /// Analyzes sentences, and also gives the terms of `spans` (sorted by
    /// sentence) as if each were a text of its own, from the same pass:
    /// words lie wholly inside or outside a span that starts and ends at
    /// word boundaries, so a span's terms are those of its words.
    ///
    /// Three passes, so each distinct word form is stemmed once however
    /// often and wherever it occurs (stemming is the costliest step per
    /// word, and a Zipf vocabulary repeats forms across every chunk):
    /// 1. per chunk of sentences, in parallel: words are split, case-folded
    ///    and stop words dropped; each distinct content *key* (folded form
    ///    and acronym flag) gets a chunk-local id;
    /// 2. per hash shard of keys, in parallel: the chunks' keys are merged
    ///    and each distinct key is stemmed into its term;
    /// 3. the terms are sorted into the vocabulary, and every sentence's
    ///    local ids are rewritten to term ids, chunk by chunk in parallel.
    ///
    /// Chunks, shards and the merge order are fixed, so the result is
    /// identical whatever the thread count.
    pub fn analyze_with_spans(
        &self,
        sentences: &[(SentenceSource, &str)],
        spans: &[SentenceSpan],
    ) -> Analysis {
        debug_assert!(spans.windows(2).all(|w| w[0].sentence <= w[1].sentence));
        let chunks: Vec<ChunkKeys> = sentences
            .par_chunks(CHUNK_SENTENCES)
            .enumerate()
            .map(|(c, chunk)| {
                let first = (c * CHUNK_SENTENCES) as u32;
                let from = spans.partition_point(|s| s.sentence < first);
                let to = spans.partition_point(|s| s.sentence < first + chunk.len() as u32);
                self.tokenize_chunk(chunk, first, &spans[from..to])
            })
            .collect();

        let shards: Vec<Shard> = (0..KEY_SHARDS)
            .into_par_iter()
            .map(|shard| self.stem_shard(shard, &chunks))
            .collect();

        // Distinct keys can share a term ("leader", "leaders"): few
        // duplicates are left to sort out.
        let mut vocabulary: Vec<&str> = shards
            .iter()
            .flat_map(|shard| shard.terms.iter().map(String::as_str))
            .collect();
        vocabulary.par_sort_unstable();
        vocabulary.dedup();
        let term_of_shard: Vec<Vec<TermId>> = shards
            .par_iter()
            .map(|shard| {
                shard
                    .terms
                    .iter()
                    .map(|t| {
                        vocabulary
                            .binary_search(&t.as_str())
                            .expect("every term is in the vocabulary")
                            as TermId
                    })
                    .collect()
            })
            .collect();

        // Local id -> term id, per chunk, through the key's shard.
        let remaps: Vec<Vec<TermId>> = chunks
            .par_iter()
            .enumerate()
            .map(|(c, chunk)| {
                chunk
                    .shard_of
                    .iter()
                    .zip(&chunk.index_in_shard)
                    .map(|(&shard, &at)| {
                        let shard = shard as usize;
                        term_of_shard[shard][shards[shard].key_ids[c][at as usize] as usize]
                    })
                    .collect()
            })
            .collect();
        let vocabulary: Vec<String> = vocabulary.into_iter().map(str::to_string).collect();
        drop(term_of_shard);
        drop(shards);

        let (sentence_chunks, span_chunks): (Vec<_>, Vec<_>) =
            chunks.into_iter().map(|c| (c.sentences, c.spans)).unzip();
        let sentences = sentence_chunks
            .into_par_iter()
            .zip(&remaps)
            .flat_map_iter(|(chunk, remap)| remap_terms(chunk, remap))
            .collect();
        let spans = span_chunks
            .into_par_iter()
            .zip(&remaps)
            .flat_map_iter(|(chunk, remap)| remap_terms(chunk, remap))
            .collect();
        Analysis {
            vocabulary,
            sentences,
            spans,
        }
    }

    /// Analyzes one text into term strings: for tests and for callers that
    /// need no interning.
    pub fn terms(&self, text: &str) -> Vec<String> {
        let mut state = ChunkState::default();
        let mut out = Vec::new();
        self.tokenize(text, &mut state, &mut out, &[], &mut []);
        out.into_iter()
            .map(|id| self.stem(&state.keys[id as usize].1))
            .collect()
    }

    /// Pass 1 for sentences `first..` and the spans among them: chunk-local
    /// key ids, and the keys listed by shard.
    fn tokenize_chunk(
        &self,
        chunk: &[(SentenceSource, &str)],
        first: u32,
        spans: &[SentenceSpan],
    ) -> ChunkKeys {
        let mut state = ChunkState::default();
        let mut sentences = Vec::with_capacity(chunk.len());
        let mut span_results = Vec::with_capacity(spans.len());
        let mut next_span = 0;
        for (i, &(source, text)) in chunk.iter().enumerate() {
            let own = spans[next_span..]
                .iter()
                .take_while(|s| s.sentence == first + i as u32)
                .count();
            let own = &spans[next_span..next_span + own];
            next_span += own.len();
            let mut terms = Vec::new();
            let mut span_terms = vec![(Vec::new(), 0); own.len()];
            let words = self.tokenize(text, &mut state, &mut terms, own, &mut span_terms);
            sentences.push(AnalyzedSentence {
                source,
                terms,
                words,
            });
            span_results.extend(
                span_terms
                    .into_iter()
                    .map(|(terms, words)| AnalyzedSentence {
                        source,
                        terms,
                        words,
                    }),
            );
        }
        let mut by_shard: Vec<Vec<u32>> = vec![Vec::new(); KEY_SHARDS];
        let mut shard_of = Vec::with_capacity(state.keys.len());
        let mut index_in_shard = Vec::with_capacity(state.keys.len());
        for (id, key) in state.keys.iter().enumerate() {
            let shard = shard_of_key(key);
            shard_of.push(shard as u8);
            index_in_shard.push(by_shard[shard].len() as u32);
            by_shard[shard].push(id as u32);
        }
        ChunkKeys {
            keys: state.keys,
            by_shard,
            shard_of,
            index_in_shard,
            sentences,
            spans: span_results,
        }
    }

    /// Pass 2 for one shard: its distinct keys over all chunks, in chunk
    /// order, each stemmed once.
    fn stem_shard(&self, shard: usize, chunks: &[ChunkKeys]) -> Shard {
        let mut index: FxHashMap<&Key, u32> = FxHashMap::default();
        let mut terms = Vec::new();
        let key_ids = chunks
            .iter()
            .map(|chunk| {
                chunk.by_shard[shard]
                    .iter()
                    .map(|&local| {
                        let key = &chunk.keys[local as usize];
                        *index.entry(key).or_insert_with(|| {
                            terms.push(self.stem(&key.1));
                            (terms.len() - 1) as u32
                        })
                    })
                    .collect()
            })
            .collect();
        Shard { terms, key_ids }
    }

    /// Calls `each` for every word of `text` in order: with the stop word
    /// (case-folded, from the language's list) for a stop word, with `None`
    /// for a content word, which is the next of the sentence's
    /// [`AnalyzedSentence::terms`]. Lets a later stage see the stop words
    /// between terms (word bigrams as ROUGE counts them) without storing
    /// them for every sentence; no stemming is done.
    pub fn for_each_word(&self, text: &str, mut each: impl FnMut(Option<&'static str>)) {
        let mut buffer = String::new();
        for word in normalize(text).unicode_words() {
            fold_case(word, self.fold_accents, &mut buffer);
            let is_acronym = is_acronym(word);
            if is_acronym {
                buffer.retain(|c| c != '.');
            }
            each(self.stop_word(&buffer, is_acronym));
        }
    }

    /// Appends the chunk-local key ids of `text`'s content words to `out`,
    /// and those of each of `spans` (byte ranges of `text`) to `span_terms`
    /// with its word count; returns the word count.
    fn tokenize(
        &self,
        text: &str,
        state: &mut ChunkState,
        out: &mut Vec<u32>,
        spans: &[SentenceSpan],
        span_terms: &mut [(Vec<u32>, u32)],
    ) -> u32 {
        let normalized = normalize(text);
        // Offsets into a normalized copy are not offsets into `text`: then
        // each span is analyzed on its own (rare: text that is not NFKC).
        let offsets_hold = matches!(normalized, Cow::Borrowed(_));
        if !offsets_hold {
            for (span, (terms, words)) in spans.iter().zip(span_terms.iter_mut()) {
                let part = &text[span.start as usize..span.end as usize];
                *words = self.tokenize(part, state, terms, &[], &mut []);
            }
        }
        let mut words = 0;
        for (offset, word) in normalized.unicode_word_indices() {
            words += 1;
            let inside = |span: &SentenceSpan| {
                offsets_hold && (span.start as usize..span.end as usize).contains(&offset)
            };
            for (_, (_, span_words)) in spans
                .iter()
                .zip(span_terms.iter_mut())
                .filter(|(s, _)| inside(s))
            {
                *span_words += 1;
            }
            fold_case(word, self.fold_accents, &mut state.buffer);
            let is_acronym = is_acronym(word);
            if is_acronym {
                state.buffer.retain(|c| c != '.');
            }
            let key = (is_acronym, state.buffer.as_str());
            let id = match state.ids.get(&key as &dyn CacheKey) {
                Some(&id) => id,
                None => {
                    let id = if self.stop_word(&state.buffer, is_acronym).is_some() {
                        None
                    } else {
                        state.keys.push((is_acronym, state.buffer.as_str().into()));
                        Some((state.keys.len() - 1) as u32)
                    };
                    state
                        .ids
                        .insert((is_acronym, state.buffer.as_str().into()), id);
                    id
                }
            };
            if let Some(id) = id {
                out.push(id);
                for (_, (terms, _)) in spans
                    .iter()
                    .zip(span_terms.iter_mut())
                    .filter(|(s, _)| inside(s))
                {
                    terms.push(id);
                }
            }
        }
        words
    }

    /// The stemmed term of a case-folded content word.
    fn stem(&self, folded: &str) -> String {
        let base = fold_name_ending(strip_clitic(folded));
        // Snowball stems a few words to nothing (Greek "ετε"); an empty
        // term would make them all one word, so such a word stays whole.
        match self.stemmer.stem(&base) {
            stem if stem.is_empty() => base.into_owned(),
            stem => stem.into_owned(),
        }
    }

    /// The stop word a case-folded word is (itself, or its base without a
    /// clitic: `don't` is `don`), or `None` for a content word.
    fn stop_word(&self, folded: &str, is_acronym: bool) -> Option<&'static str> {
        // "US" is a country, "us" a pronoun: that acronym survives stop-word
        // removal. Other all-caps stop words ("THE", "AND" in a shouted
        // headline) are still stop words.
        if is_acronym && folded == "us" {
            return None;
        }
        if let Some(&stop) = self.stop_words.get(folded) {
            return Some(stop);
        }
        let base = strip_clitic(folded);
        if base.is_empty() {
            // A bare clitic ("'s" on its own) counts as a stop word.
            return Some("");
        }
        self.stop_words.get(base).copied()
    }
}

/// `text` with its character references decoded ([`charrefs`]), in NFKC,
/// without the invisible characters that pages leave inside words
/// ([`is_invisible`]). Most sentences hold no reference and are already in
/// NFKC (ASCII, or curly quotes and accents that NFKC keeps) and hold no
/// invisible character; the quick checks spare them a copy.
fn normalize(text: &str) -> Cow<'_, str> {
    let text = charrefs::decode(text);
    if text.is_ascii() {
        return text;
    }
    let normalized = if unicode_normalization::is_nfkc_quick(text.chars())
        == unicode_normalization::IsNormalized::Yes
    {
        text
    } else {
        Cow::Owned(text.nfkc().collect())
    };
    if normalized.contains(is_invisible) {
        Cow::Owned(normalized.chars().filter(|&c| !is_invisible(c)).collect())
    } else {
        normalized
    }
}

/// Maps a chunk's local term ids to global ones.
fn remap_terms(mut sentences: Vec<AnalyzedSentence>, remap: &[TermId]) -> Vec<AnalyzedSentence> {
    for s in &mut sentences {
        for t in &mut s.terms {
            *t = remap[*t as usize];
        }
    }
    sentences
}

/// Words missing from a language's NLTK list that behave as stop words.
/// English: NLTK lacks the pronoun "us", which would otherwise collide with
/// the acronym "US" (kept, see [`is_acronym`]).
fn extra_stop_words(language: Language) -> &'static [&'static str] {
    match language {
        Language::English => &["us"],
        _ => &[],
    }
}

/// A distinct content word form: acronym flag and case-folded text (an
/// acronym without its dots). Two keys may stem to one term.
type Key = (bool, Box<str>);

/// Per-chunk scratch of pass 1.
#[derive(Default)]
struct ChunkState {
    buffer: String,
    /// Every form seen: its local key id, `None` for a stop word.
    ids: FxHashMap<Key, Option<u32>>,
    /// The content keys, by local id.
    keys: Vec<Key>,
}

/// A chunk after pass 1: sentences and spans hold local key ids.
struct ChunkKeys {
    keys: Vec<Key>,
    /// The local ids of each shard's keys, ascending.
    by_shard: Vec<Vec<u32>>,
    /// Each local id's shard and its position in that shard's list.
    shard_of: Vec<u8>,
    index_in_shard: Vec<u32>,
    sentences: Vec<AnalyzedSentence>,
    spans: Vec<AnalyzedSentence>,
}

/// A shard after pass 2.
struct Shard {
    /// The term of each distinct key of the shard, in first-seen order.
    terms: Vec<String>,
    /// For each chunk, the shard-level index of each of its keys in the
    /// order of the chunk's `by_shard` list.
    key_ids: Vec<Vec<u32>>,
}

/// The shard of a key: a fixed hash, so shards never depend on threads.
fn shard_of_key(key: &Key) -> usize {
    use std::hash::BuildHasher;
    // The high bits of an Fx hash are the well-mixed ones.
    (rustc_hash::FxBuildHasher.hash_one(key) >> 58) as usize % KEY_SHARDS
}

/// Lets the cache, keyed by `(bool, Box<str>)`, be probed with a borrowed
/// `(bool, &str)` without allocating.
trait CacheKey {
    fn key(&self) -> (bool, &str);
}

impl CacheKey for (bool, Box<str>) {
    fn key(&self) -> (bool, &str) {
        (self.0, &self.1)
    }
}

impl CacheKey for (bool, &str) {
    fn key(&self) -> (bool, &str) {
        (self.0, self.1)
    }
}

impl<'a> std::borrow::Borrow<dyn CacheKey + 'a> for (bool, Box<str>) {
    fn borrow(&self) -> &(dyn CacheKey + 'a) {
        self
    }
}

impl PartialEq for dyn CacheKey + '_ {
    fn eq(&self, other: &Self) -> bool {
        self.key() == other.key()
    }
}

impl Eq for dyn CacheKey + '_ {}

impl std::hash::Hash for dyn CacheKey + '_ {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.key().hash(state);
    }
}

/// Lowercases `word` into `buffer`, folding typographic apostrophes to `'`.
/// ASCII words take a fast path.
fn fold_case(word: &str, fold_accents: bool, buffer: &mut String) {
    buffer.clear();
    if word.is_ascii() {
        buffer.push_str(word);
        buffer.make_ascii_lowercase();
        return;
    }
    for c in word.chars() {
        match c {
            '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{FF07}' => buffer.push('\''),
            _ if fold_accents && !c.is_ascii() => {
                for lower in c.to_lowercase() {
                    unicode_normalization::char::decompose_canonical(lower, |part| {
                        if !unicode_normalization::char::is_combining_mark(part) {
                            buffer.push(part);
                        }
                    });
                }
            }
            _ => buffer.extend(c.to_lowercase()),
        }
    }
}

/// An all-capitals word of two to five letters, dots allowed: `US`, `U.S`,
/// `NATO`, `ICC`; its dots are dropped so `U.S.` and `US` agree. Longer
/// all-caps words are shouted text ("BREAKING"), not acronyms.
fn is_acronym(word: &str) -> bool {
    let mut letters = 0;
    for c in word.chars() {
        if c.is_uppercase() {
            letters += 1;
        } else if c != '.' {
            return false;
        }
    }
    (2..=5).contains(&letters)
}

/// Strips an English-style clitic after an apostrophe: `trump's` → `trump`,
/// `we've` → `we`, `don't` → `don` (then a stop word). Other apostrophes,
/// as in `o'brien`, are kept.
fn strip_clitic(word: &str) -> &str {
    if let Some(pos) = word.find('\'') {
        let suffix = &word[pos + 1..];
        if matches!(suffix, "" | "s" | "re" | "ve" | "ll" | "d" | "m" | "t") {
            return &word[..pos];
        }
    }
    word
}

/// Folds transliteration variants of name endings: `-iy` and `-yy` become
/// `-y`, so "Zelenskiy", "Zelenskyy" and "Zelensky" are one term. Few
/// words of the supported languages end that way otherwise.
fn fold_name_ending(word: &str) -> Cow<'_, str> {
    if word.len() >= 5 && (word.ends_with("iy") || word.ends_with("yy")) {
        Cow::Owned(format!("{}y", &word[..word.len() - 2]))
    } else {
        Cow::Borrowed(word)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(text: &str) -> Vec<String> {
        Analyzer::new(Language::English).terms(text)
    }

    #[test]
    fn drops_stop_words_and_stems() {
        assert_eq!(
            terms("The leaders were meeting in Alaska."),
            ["leader", "meet", "alaska"]
        );
    }

    #[test]
    fn folds_three_spellings_of_one_name() {
        let a = terms("Zelensky");
        assert_eq!(a, terms("Zelenskiy"));
        assert_eq!(a, terms("Zelenskyy"));
        assert_eq!(a.len(), 1);
    }

    /// Found in review: "São Paulo" and "Sao Paulo" scored 0.76.
    #[test]
    fn english_drops_accents_other_languages_keep_them() {
        assert_eq!(
            terms("São Paulo, Montréal, Erdoğan"),
            terms("Sao Paulo, Montreal, Erdogan")
        );
        assert_eq!(terms("CAFÉ"), terms("cafe"));
        let spanish = Analyzer::new(Language::Spanish);
        assert_ne!(spanish.terms("año"), spanish.terms("ano"));
    }

    #[test]
    fn acronyms_survive_and_dotted_forms_match() {
        assert_eq!(terms("US"), ["us"]);
        assert_eq!(terms("U.S."), ["us"]);
        assert!(terms("let us go").iter().all(|t| t != "us"));
    }

    #[test]
    fn all_caps_headlines_lose_their_stop_words() {
        assert_eq!(
            terms("PUTIN AND TRUMP MEET IN THE ARCTIC"),
            terms("Putin and Trump meet in the Arctic")
        );
    }

    #[test]
    fn curly_and_straight_apostrophes_agree() {
        assert_eq!(terms("Trump’s deal"), terms("Trump's deal"));
        assert_eq!(terms("Trump's"), ["trump"]);
        assert!(terms("There’s no deal").iter().all(|t| t != "there"));
    }

    #[test]
    fn a_word_stemmed_to_nothing_stays_whole() {
        // Found by the `analyze` fuzz target: Snowball's Greek stemmer maps
        // "ετε" to "", which made an empty term shared by unrelated words.
        let greek = Analyzer::new(Language::Greek);
        assert_eq!(greek.terms("ετε"), ["ετε"]);
        assert!(greek.terms("ετε άλλο").iter().all(|t| !t.is_empty()));
    }

    #[test]
    fn invisible_characters_inside_words_are_ignored() {
        assert_eq!(
            terms("The govern\u{AD}ment announced a cease\u{200B}fire after fight\u{AD}ing"),
            terms("The government announced a ceasefire after fighting")
        );
        assert_eq!(terms("\u{FEFF}Kyiv\u{2060}"), terms("Kyiv"));
    }

    #[test]
    fn nfkc_and_case_folding() {
        // Full-width letters and the "ﬁ" ligature normalize to ASCII.
        assert_eq!(terms("ＣＥＡＳＥ ﬁre"), terms("cease fire"));
        assert_eq!(terms("Ceasefire"), terms("ceasefire"));
    }

    #[test]
    fn keeps_numbers_and_news_content_words() {
        let t = terms("A new year, 12 million people.");
        assert_eq!(t, ["new", "year", "12", "million", "peopl"]);
    }

    #[test]
    fn stop_words_are_seen_between_terms() {
        let analyzer = Analyzer::new(Language::English);
        let text = "The arrest of Pinochet's aide, don't cheer!";
        let mut words = Vec::new();
        analyzer.for_each_word(text, |w| words.push(w));
        assert_eq!(words[..3], [Some("the"), None, Some("of")]);
        let stops: Vec<bool> = words.iter().map(Option::is_some).collect();
        assert_eq!(stops, [true, false, true, false, false, true, false]);
        // The content words are exactly the terms, in order.
        assert_eq!(
            words.iter().filter(|w| w.is_none()).count(),
            analyzer.terms(text).len()
        );
    }

    #[test]
    fn word_count_includes_stop_words() {
        let analyzer = Analyzer::new(Language::English);
        let source = SentenceSource {
            document: 0,
            unit: 0,
        };
        let analysis = analyzer.analyze(&[(source, "There is no deal until there is a deal.")]);
        assert_eq!(analysis.sentences[0].words, 9);
    }

    #[test]
    fn ids_do_not_depend_on_chunking() {
        let analyzer = Analyzer::new(Language::English);
        let texts: Vec<String> = (0..5000)
            .map(|i| format!("Sentence number {i} mentions word{} and Putin.", i % 97))
            .collect();
        let input: Vec<(SentenceSource, &str)> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| {
                (
                    SentenceSource {
                        document: (i / 10) as u32,
                        unit: (i % 10) as u32,
                    },
                    t.as_str(),
                )
            })
            .collect();
        let whole = analyzer.analyze(&input);
        // Terms resolve to the same strings whichever chunk they came from.
        let putin = whole.vocabulary.iter().position(|t| t == "putin").unwrap() as TermId;
        assert!(whole.sentences.iter().all(|s| s.terms.contains(&putin)));
        let first = analyzer.analyze(&input[..3]);
        let as_strings = |a: &Analysis, i: usize| -> Vec<String> {
            a.sentences[i]
                .terms
                .iter()
                .map(|&t| a.vocabulary[t as usize].clone())
                .collect()
        };
        for i in 0..3 {
            assert_eq!(as_strings(&whole, i), as_strings(&first, i));
        }
    }

    #[test]
    fn every_language_analyzes() {
        for lang in Language::ALL {
            let analyzer = Analyzer::new(lang);
            // Must not panic on any script; Latin text yields some terms.
            let t = analyzer.terms("Moskva Washington 2025 Ukraina");
            assert!(!t.is_empty(), "{}", lang.name());
        }
    }
}
