//! Deterministic generator of news-like benchmark corpora.
//!
//! Plain std-only module, meant to be `#[path]`-included from benches and
//! from `examples/make_corpus.rs`, so that every benchmark and the peer
//! comparison (`benches/peers/`) work on byte-identical inputs.
//!
//! What it produces, and why:
//! - a fixed synthetic vocabulary of pronounceable content words sampled
//!   with a Zipf(s = 1.1) law, mixed with real English function words, so
//!   term and document frequencies have the long tail real news has;
//! - documents grouped by topic (one "event"); each topic owns a pool of
//!   fact sentences (names, numbers, decimals like 12.5, dates like
//!   "Aug. 15", "U.S.", "Mr.", curly quotes) and every document of the topic
//!   restates a subset of them, verbatim or as a paraphrased near-duplicate
//!   (synonym swaps, a dropped and an added word, attribution moved), so
//!   about a third of all sentences have near-duplicates in other documents;
//! - document-specific filler sentences, 10-20 sentences per document
//!   (about 2 KB), paragraphs separated by blank lines, and for half of the
//!   documents the ` date YYYY-MM-DD ` header glued to the first sentence,
//!   as in the real inputs under `corpus/`.
//!
//! Output depends only on the seed: the PRNG is SplitMix64 implemented
//! here, and no floating point is used on the sampling path except
//! IEEE-exact arithmetic on fixed inputs, so every platform gets the same
//! bytes. A corpus of n documents is a prefix of the corpus of n + 1
//! documents with the same seed and topic size.

// Shared between benches and the example, each of which uses a subset.
#![allow(dead_code)]

use std::sync::OnceLock;

/// What to generate.
#[derive(Clone, Debug)]
pub struct CorpusSpec {
    pub documents: usize,
    /// Documents per topic (event); the last topic may be smaller.
    pub docs_per_topic: usize,
    pub seed: u64,
}

impl CorpusSpec {
    /// A news-cluster-sized topic, used by [`generate_bytes`].
    pub const DEFAULT_DOCS_PER_TOPIC: usize = 10;
}

/// One generated article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GeneratedDoc {
    /// `NNNNNN_<16 hex digits>`, sorting in generation order.
    pub id: String,
    pub topic: usize,
    pub text: String,
    /// Exact number of sentences written into `text`.
    pub sentences: usize,
    /// The truth about each sentence, in text order: its byte range in
    /// `text` and the index of the topic fact it restates (verbatim or
    /// paraphrased), `None` for a filler sentence of its own. Two sentences
    /// of one topic with the same fact are near-duplicates; no others are.
    pub truth: Vec<SentenceTruth>,
}

/// Where one generated sentence is and which fact it states.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SentenceTruth {
    pub start: usize,
    pub end: usize,
    /// Index into the topic's fact pool; `None` for filler.
    pub fact: Option<usize>,
}

/// Generates `spec.documents` documents.
pub fn generate(spec: &CorpusSpec) -> Vec<GeneratedDoc> {
    Generator::new(spec.docs_per_topic, spec.seed)
        .take(spec.documents)
        .collect()
}

/// Generates documents until their total text length reaches `target_bytes`.
pub fn generate_bytes(target_bytes: usize, seed: u64) -> Vec<GeneratedDoc> {
    let mut total = 0;
    let mut docs = Vec::new();
    for doc in Generator::new(CorpusSpec::DEFAULT_DOCS_PER_TOPIC, seed) {
        if total >= target_bytes {
            break;
        }
        total += doc.text.len();
        docs.push(doc);
    }
    docs
}

/// Splits text into sentences at `.`, `!` or `?` (optionally followed by a
/// closing quote) before whitespace, except after the abbreviations the
/// generator uses. Exact on generated text (the generator never ends a
/// sentence with an abbreviation); only approximate on real text.
pub fn split_sentences(text: &str) -> Vec<&str> {
    const ABBREVIATIONS: &[&str] = &[
        "Mr.", "Mrs.", "Dr.", "U.S.", "U.N.", "Jan.", "Feb.", "Aug.", "Sept.", "Oct.", "Nov.",
        "Dec.", "St.",
    ];
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    for (i, c) in text.char_indices() {
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        let mut end = i + 1;
        if text[end..].starts_with('”') {
            end += '”'.len_utf8();
        }
        if end < bytes.len() && !bytes[end].is_ascii_whitespace() {
            continue;
        }
        let word_start = text[..i].rfind(char::is_whitespace).map_or(0, |p| p + 1);
        if ABBREVIATIONS.contains(&text[word_start..=i].trim_start_matches('“')) {
            continue;
        }
        let sentence = text[start..end].trim();
        // The date header is glued to the first sentence, not one of its own.
        if !sentence.is_empty() {
            out.push(sentence);
        }
        start = end;
    }
    if !text[start..].trim().is_empty() {
        out.push(text[start..].trim());
    }
    out
}

/// Infinite stream of documents; topic `t` is built from its own PRNG
/// stream, so documents never depend on how many are requested.
pub struct Generator {
    docs_per_topic: usize,
    seed: u64,
    next_doc: usize,
    topic: Option<Topic>,
    rng: SplitMix64,
}

impl Generator {
    pub fn new(docs_per_topic: usize, seed: u64) -> Self {
        Generator {
            docs_per_topic: docs_per_topic.max(1),
            seed,
            next_doc: 0,
            topic: None,
            rng: SplitMix64::new(seed),
        }
    }
}

impl Iterator for Generator {
    type Item = GeneratedDoc;

    fn next(&mut self) -> Option<GeneratedDoc> {
        let index = self.next_doc;
        self.next_doc += 1;
        let topic_index = index / self.docs_per_topic;
        if index.is_multiple_of(self.docs_per_topic) {
            // Fresh stream per topic. The start state is hashed: SplitMix64
            // states that differ by a multiple of its increment would give
            // the same sequence shifted, i.e. topics sharing their facts.
            self.rng = SplitMix64::new(mix64(self.seed ^ mix64(topic_index as u64)));
            self.topic = Some(Topic::new(&mut self.rng));
        }
        let topic = self.topic.as_ref().expect("topic set above");
        let (text, truth) = write_document(topic, &mut self.rng);
        let id = format!("{index:06}_{:016x}", self.rng.next_u64());
        Some(GeneratedDoc {
            id,
            topic: topic_index,
            text,
            sentences: truth.len(),
            truth,
        })
    }
}

// ---------------------------------------------------------------------------
// PRNG

/// SplitMix64 (Steele, Lea, Flood 2014): tiny, fast, and good enough for
/// text generation; the same sequence everywhere.
#[derive(Clone, Debug)]
struct SplitMix64(u64);

impl SplitMix64 {
    fn new(seed: u64) -> Self {
        SplitMix64(seed)
    }

    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        mix64(self.0)
    }

    /// Uniform in `0..n` (multiply-shift; the bias is below 2^-50 here).
    fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// Uniform in `lo..=hi`.
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    /// True with probability `percent` / 100.
    fn percent(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// `pick` for word tables, keeping the `'static` lifetime.
    fn word(&mut self, words: &[&'static str]) -> &'static str {
        words[self.below(words.len())]
    }
}

/// SplitMix64's output function, a bijective 64-bit hash.
fn mix64(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

// ---------------------------------------------------------------------------
// Vocabulary

/// Large enough that the number of distinct words keeps growing with corpus
/// size, as in real news (Heaps' law: about 70,000 word types in 3 million
/// tokens of newswire); a closed 5,000-word lexicon made every sentence
/// share mid-frequency words, which no real corpus does.
const VOCABULARY_SIZE: usize = 200_000;
const ZIPF_EXPONENT: f64 = 1.1;

/// The fixed synthetic lexicon, shared by all seeds (a language does not
/// change with the seed; events do).
struct Lexicon {
    /// Content words by Zipf rank; shorter words get the frequent ranks.
    words: Vec<String>,
    /// Cumulative Zipf weights scaled to u64, for inverse-CDF sampling.
    cumulative: Vec<u64>,
}

fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        const ONSETS: &[&str] = &[
            "b", "c", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w", "br",
            "ch", "cl", "dr", "fl", "gr", "pr", "sh", "st", "tr", "th",
        ];
        const VOWELS: &[&str] = &["a", "e", "i", "o", "u", "ai", "ea", "ou", "io"];
        const CODAS: &[&str] = &["", "", "", "n", "r", "l", "s", "t", "nd", "rt", "st", "m"];
        let mut rng = SplitMix64::new(0x5EED_1E71_C0DE);
        let mut seen = std::collections::HashSet::new();
        let mut words = Vec::with_capacity(VOCABULARY_SIZE);
        while words.len() < VOCABULARY_SIZE {
            // 2-4 syllables: 4-12 letters, news-like word lengths.
            let syllables = rng.range(2, 3) + usize::from(rng.percent(25));
            let mut word = String::new();
            for _ in 0..syllables {
                word.push_str(rng.word(ONSETS));
                word.push_str(rng.word(VOWELS));
                word.push_str(rng.word(CODAS));
            }
            // Keep words distinct from each other and from real function words.
            if word.len() >= 4
                && !FUNCTION_WORDS.contains(&word.as_str())
                && seen.insert(word.clone())
            {
                words.push(word);
            }
        }
        // Zipf's law of abbreviation: frequent words are short. Stable sort
        // keeps the generation order among equal lengths.
        words.sort_by_key(String::len);
        // In real English the top ranks are function words, which the
        // templates supply; content word r therefore gets the Zipf weight of
        // overall rank r + FUNCTION_WORDS.len() (a Zipf-Mandelbrot law).
        let offset = FUNCTION_WORDS.len() as f64;
        let weights: Vec<f64> = (1..=VOCABULARY_SIZE)
            .map(|rank| (rank as f64 + offset).powf(-ZIPF_EXPONENT))
            .collect();
        let total: f64 = weights.iter().sum();
        let mut acc = 0.0;
        let cumulative = weights
            .iter()
            .map(|w| {
                acc += w;
                ((acc / total) * u64::MAX as f64) as u64
            })
            .collect();
        Lexicon { words, cumulative }
    })
}

impl Lexicon {
    fn sample(&self, rng: &mut SplitMix64) -> u32 {
        let x = rng.next_u64();
        let rank = self.cumulative.partition_point(|&c| c < x);
        rank.min(VOCABULARY_SIZE - 1) as u32
    }

    /// Each word's synonym is its Zipf neighbour, so a swap keeps the
    /// frequency profile.
    fn synonym(id: u32) -> u32 {
        id ^ 1
    }
}

const FUNCTION_WORDS: &[&str] = &[
    "the", "of", "and", "to", "a", "in", "for", "on", "that", "with", "as", "at", "by", "from",
    "it", "its", "was", "is", "be", "has", "have", "had", "were", "are", "this", "but", "not",
    "after", "over", "than", "their", "more", "about", "into", "who", "which", "will", "would",
    "could", "also", "before", "while", "under", "since", "some", "all", "other", "new",
];
const PREPOSITIONS: &[&str] = &[
    "in", "of", "for", "on", "with", "at", "from", "after", "over", "under", "before", "near",
];
const AUXILIARIES: &[&str] = &["will", "would", "could", "has", "had", "is", "was", "may"];
const ADVERBS: &[&str] = &[
    "also",
    "reportedly",
    "again",
    "now",
    "still",
    "formally",
    "quietly",
];
const FIRST_NAMES: &[&str] = &[
    "John", "Maria", "David", "Sarah", "Ahmed", "Elena", "James", "Olga", "Peter", "Laura",
    "Hiroshi", "Anna", "Carlos", "Fatima", "Michael", "Ingrid", "Samuel", "Priya", "Thomas",
    "Lucia",
];
const ROLES: &[&str] = &[
    "minister",
    "spokesman",
    "spokeswoman",
    "president",
    "mayor",
    "governor",
    "chief",
    "director",
    "senator",
    "analyst",
    "commander",
    "economist",
];
const PLACES: &[&str] = &[
    "Washington",
    "London",
    "Brussels",
    "Moscow",
    "Geneva",
    "Tokyo",
    "Nairobi",
    "Ottawa",
    "Canberra",
    "Lima",
];
const MONTHS: &[&str] = &[
    "Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.",
    "Dec.",
];
const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
/// Synonyms for template words; a paraphrase may swap either way.
const SYNONYMS: &[(&str, &str)] = &[
    ("said", "stated"),
    ("people", "residents"),
    ("officials", "authorities"),
    ("about", "around"),
    ("percent", "per cent"),
    ("rose", "climbed"),
    ("fell", "dropped"),
    ("told", "informed"),
    ("after", "following"),
    ("more", "over"),
];

// ---------------------------------------------------------------------------
// Sentences as token sequences

#[derive(Clone, Debug)]
enum Tok {
    /// Synthetic content word (lexicon id): swappable, droppable.
    Content(u32),
    /// Verb-like content word: an adverb may be inserted before it.
    Verb(u32),
    /// Real word from a static table (swappable through `SYNONYMS`).
    Word(&'static str),
    /// Names, numbers, dates: kept verbatim by paraphrases.
    Literal(String),
    /// Punctuation glued to the previous token: `,` `.` `:` `”`.
    Close(&'static str),
    /// `“`, glued to the next token.
    Open,
}

/// Who a fact is attributed to; paraphrases move it to the other end.
#[derive(Clone, Debug)]
enum Attribution {
    None,
    /// `..., Mr. X said.` / `Mr. X said that ...`
    Said(Vec<Tok>),
    /// `..., according to the X.` / `According to the X, ...`
    According(Vec<Tok>),
    /// `“...,” Mr. X said.` / `Mr. X said: “....”`
    Quote(Vec<Tok>),
}

#[derive(Clone, Debug)]
struct Fact {
    main: Vec<Tok>,
    attribution: Attribution,
}

/// A named entity pool shared by the documents of one event.
struct Topic {
    people: Vec<(String, String)>, // (first name, surname)
    places: Vec<String>,
    orgs: Vec<String>,
    date: (usize, usize, usize), // year, month 1-12, day 1-28
    facts: Vec<Fact>,
}

fn capitalized(word: &str) -> String {
    let mut c = word.chars();
    match c.next() {
        Some(first) => first.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn rare_word(rng: &mut SplitMix64) -> &'static str {
    // Names come from the middle ranks: rare as words, not overlong.
    &lexicon().words[rng.range(VOCABULARY_SIZE / 10, VOCABULARY_SIZE / 2)]
}

impl Topic {
    fn new(rng: &mut SplitMix64) -> Topic {
        let people = (0..rng.range(3, 5))
            .map(|_| {
                (
                    rng.pick(FIRST_NAMES).to_string(),
                    capitalized(rare_word(rng)),
                )
            })
            .collect();
        let mut places: Vec<String> = (0..2).map(|_| capitalized(rare_word(rng))).collect();
        places.push(rng.pick(PLACES).to_string());
        let orgs = (0..2)
            .map(|_| match rng.below(3) {
                0 => format!("{} Ministry", capitalized(rare_word(rng))),
                1 => format!("{} Institute", capitalized(rare_word(rng))),
                // Never an abbreviation: orgs can end a sentence.
                _ => "United Nations".to_string(),
            })
            .collect();
        let date = (rng.range(2019, 2025), rng.range(1, 12), rng.range(1, 28));
        let mut topic = Topic {
            people,
            places,
            orgs,
            date,
            facts: Vec::new(),
        };
        topic.facts = (0..rng.range(10, 14)).map(|_| topic.fact(rng)).collect();
        topic
    }

    fn date_phrase(&self, rng: &mut SplitMix64, out: &mut Vec<Tok>) {
        out.push(Tok::Word("on"));
        if rng.percent(50) {
            out.push(Tok::Literal(rng.pick(WEEKDAYS).to_string()));
        } else {
            let day = (self.date.2 + rng.below(3)).min(28);
            out.push(Tok::Literal(MONTHS[self.date.1 - 1].to_string()));
            out.push(Tok::Literal(day.to_string()));
        }
    }

    /// A head count: "12" or "1,240".
    fn count(rng: &mut SplitMix64) -> String {
        if rng.percent(50) {
            rng.range(2, 99).to_string()
        } else {
            format!("{},{:03}", rng.range(1, 40), rng.below(1000))
        }
    }

    /// An amount: "$3.4 billion" or "12.5 million".
    fn amount(rng: &mut SplitMix64) -> String {
        let unit = if rng.percent(50) {
            "billion"
        } else {
            "million"
        };
        let dollar = if rng.percent(70) { "$" } else { "" };
        format!("{dollar}{}.{} {unit}", rng.range(1, 90), rng.range(1, 9))
    }

    fn noun_phrase(rng: &mut SplitMix64, out: &mut Vec<Tok>) {
        let lex = lexicon();
        out.push(Tok::Word(if rng.percent(70) { "the" } else { "a" }));
        if rng.percent(60) {
            out.push(Tok::Content(lex.sample(rng)));
        }
        out.push(Tok::Content(lex.sample(rng)));
        if rng.percent(30) {
            out.push(Tok::Word("of"));
            out.push(Tok::Content(lex.sample(rng)));
        }
    }

    fn person(&self, rng: &mut SplitMix64, out: &mut Vec<Tok>) {
        let (first, last) = rng.pick(&self.people);
        if rng.percent(50) {
            out.push(Tok::Literal(format!("Mr. {last}")));
        } else {
            out.push(Tok::Literal(format!("{first} {last}")));
            if rng.percent(40) {
                out.push(Tok::Close(","));
                out.push(Tok::Word("the"));
                out.push(Tok::Word(rng.word(ROLES)));
                out.push(Tok::Word("of"));
                out.push(Tok::Literal(rng.pick(&self.places).clone()));
                out.push(Tok::Close(","));
            }
        }
    }

    /// One sentence's worth of content: subject, verb, object and a few
    /// adjuncts, drawn from the topic's entities and the Zipf lexicon.
    fn main_clause(&self, rng: &mut SplitMix64) -> Vec<Tok> {
        let lex = lexicon();
        let mut t = Vec::with_capacity(32);
        match rng.below(4) {
            // "The X of Y will Z a W in Place on Aug. 15"
            0 => {
                Self::noun_phrase(rng, &mut t);
                t.push(Tok::Word(rng.word(AUXILIARIES)));
                t.push(Tok::Verb(lex.sample(rng)));
                Self::noun_phrase(rng, &mut t);
            }
            // "1,240 people were X in Place"
            1 => {
                t.push(Tok::Literal(Self::count(rng)));
                t.push(Tok::Word(if rng.percent(50) {
                    "people"
                } else {
                    "officials"
                }));
                t.push(Tok::Word("were"));
                t.push(Tok::Verb(lex.sample(rng)));
            }
            // "The X rose 12.5 percent to $3.4 billion"
            2 => {
                Self::noun_phrase(rng, &mut t);
                t.push(Tok::Word(if rng.percent(50) { "rose" } else { "fell" }));
                t.push(Tok::Literal(format!(
                    "{}.{}",
                    rng.range(1, 40),
                    rng.range(1, 9)
                )));
                t.push(Tok::Word("percent"));
                t.push(Tok::Word("to"));
                t.push(Tok::Literal(Self::amount(rng)));
            }
            // "Person X the Y of Z"
            _ => {
                self.person(rng, &mut t);
                t.push(Tok::Verb(lex.sample(rng)));
                Self::noun_phrase(rng, &mut t);
            }
        }
        for _ in 0..rng.range(2, 4) {
            match rng.below(8) {
                0 => {
                    t.push(Tok::Word("in"));
                    t.push(Tok::Literal(rng.pick(&self.places).clone()));
                }
                1 => self.date_phrase(rng, &mut t),
                2 => {
                    t.push(Tok::Word("in"));
                    t.push(Tok::Word("the"));
                    t.push(Tok::Literal("U.S.".to_string()));
                    t.push(Tok::Content(lex.sample(rng)));
                }
                _ => {
                    t.push(Tok::Word(rng.word(PREPOSITIONS)));
                    Self::noun_phrase(rng, &mut t);
                }
            }
        }
        t
    }

    fn fact(&self, rng: &mut SplitMix64) -> Fact {
        let main = self.main_clause(rng);
        let attribution = match rng.below(5) {
            0 | 1 => Attribution::None,
            2 => {
                let mut who = Vec::new();
                self.person(rng, &mut who);
                Attribution::Said(who)
            }
            3 => Attribution::According(vec![
                Tok::Word("the"),
                Tok::Literal(rng.pick(&self.orgs).clone()),
            ]),
            _ => {
                let (_, last) = rng.pick(&self.people);
                Attribution::Quote(vec![Tok::Literal(format!("Mr. {last}"))])
            }
        };
        Fact { main, attribution }
    }
}

/// Paraphrase: swap ~15% of the swappable words for synonyms, drop one
/// modifier, maybe insert an adverb; the attribution is moved by `render`.
fn paraphrase(fact: &Fact, rng: &mut SplitMix64) -> Vec<Tok> {
    let mut main = Vec::with_capacity(fact.main.len() + 2);
    let mut dropped = false;
    for (i, tok) in fact.main.iter().enumerate() {
        let next_is_content = matches!(fact.main.get(i + 1), Some(Tok::Content(_)));
        match tok {
            // A modifier directly before another content word may go.
            Tok::Content(_) if !dropped && next_is_content && rng.percent(50) => {
                dropped = true;
            }
            Tok::Content(id) if rng.percent(15) => main.push(Tok::Content(Lexicon::synonym(*id))),
            Tok::Verb(id) => {
                if rng.percent(25) {
                    main.push(Tok::Word(rng.word(ADVERBS)));
                }
                main.push(Tok::Verb(if rng.percent(15) {
                    Lexicon::synonym(*id)
                } else {
                    *id
                }));
            }
            Tok::Word(w) if rng.percent(40) => {
                let swapped = SYNONYMS
                    .iter()
                    .find_map(|&(a, b)| (a == *w).then_some(b).or_else(|| (b == *w).then_some(a)));
                main.push(Tok::Word(swapped.unwrap_or(w)));
            }
            other => main.push(other.clone()),
        }
    }
    main
}

/// Renders a fact (or filler) sentence; `flip` puts the attribution at the
/// other end, the clause reordering a paraphrase does.
fn render(main: &[Tok], attribution: &Attribution, flip: bool, out: &mut String) {
    let mut toks: Vec<Tok> = Vec::with_capacity(main.len() + 8);
    match (attribution, flip) {
        (Attribution::None, _) => {
            toks.extend_from_slice(main);
            toks.push(Tok::Close("."));
        }
        (Attribution::Said(who), false) => {
            toks.extend_from_slice(main);
            toks.push(Tok::Close(","));
            toks.extend_from_slice(who);
            toks.push(Tok::Word("said"));
            toks.push(Tok::Close("."));
        }
        (Attribution::Said(who), true) => {
            toks.extend_from_slice(who);
            toks.push(Tok::Word("said"));
            toks.push(Tok::Word("that"));
            toks.extend_from_slice(main);
            toks.push(Tok::Close("."));
        }
        (Attribution::According(org), false) => {
            toks.extend_from_slice(main);
            toks.push(Tok::Close(","));
            toks.push(Tok::Word("according"));
            toks.push(Tok::Word("to"));
            toks.extend_from_slice(org);
            toks.push(Tok::Close("."));
        }
        (Attribution::According(org), true) => {
            toks.push(Tok::Word("according"));
            toks.push(Tok::Word("to"));
            toks.extend_from_slice(org);
            toks.push(Tok::Close(","));
            toks.extend_from_slice(main);
            toks.push(Tok::Close("."));
        }
        (Attribution::Quote(who), false) => {
            toks.push(Tok::Open);
            toks.extend_from_slice(main);
            toks.push(Tok::Close(","));
            toks.push(Tok::Close("”"));
            toks.extend_from_slice(who);
            toks.push(Tok::Word("said"));
            toks.push(Tok::Close("."));
        }
        (Attribution::Quote(who), true) => {
            toks.extend_from_slice(who);
            toks.push(Tok::Word("said"));
            toks.push(Tok::Close(":"));
            toks.push(Tok::Open);
            toks.extend_from_slice(main);
            toks.push(Tok::Close("."));
            toks.push(Tok::Close("”"));
        }
    }
    // No template ends a sentence with an abbreviation ("U.S." is always
    // followed by a word), so `split_sentences` stays exact on this text.
    let lex = lexicon();
    let mut capitalize = true;
    let mut space = false;
    for tok in &toks {
        let text: &str = match tok {
            Tok::Content(id) | Tok::Verb(id) => &lex.words[*id as usize],
            Tok::Word(w) => w,
            Tok::Literal(s) => s,
            Tok::Close(p) => {
                out.push_str(p);
                continue;
            }
            Tok::Open => {
                if space {
                    out.push(' ');
                }
                out.push('“');
                space = false;
                capitalize = true;
                continue;
            }
        };
        if space {
            out.push(' ');
        }
        if capitalize {
            out.push_str(&capitalized(text));
            capitalize = false;
        } else {
            out.push_str(text);
        }
        space = true;
    }
}

/// Writes one document of `topic`; returns the text and where each of its
/// sentences is, with the fact it states.
fn write_document(topic: &Topic, rng: &mut SplitMix64) -> (String, Vec<SentenceTruth>) {
    let sentences = rng.range(10, 20);
    // About a third of the sentences restate topic facts; picking them from
    // a pool of 10-13 facts over 10 documents makes most facts recur.
    let n_facts = (sentences * rng.range(28, 42) / 100).min(topic.facts.len());
    let mut fact_ids: Vec<usize> = (0..topic.facts.len()).collect();
    for i in 0..n_facts {
        let j = rng.range(i, fact_ids.len() - 1);
        fact_ids.swap(i, j);
    }
    let mut slots: Vec<Option<usize>> = fact_ids[..n_facts].iter().copied().map(Some).collect();
    slots.resize(sentences, None);
    // Shuffle fact and filler positions, keeping a fact first most of the
    // time, as a lede would.
    for i in (1..slots.len()).rev() {
        let j = rng.below(i + 1);
        slots.swap(i, j);
    }

    let mut text = String::with_capacity(sentences * 150);
    if rng.percent(50) {
        let day = (topic.date.2 + rng.below(3)).min(28);
        text.push_str(&format!(
            " date {:04}-{:02}-{:02} ",
            topic.date.0, topic.date.1, day
        ));
    }
    let mut in_paragraph = 0;
    let mut truth = Vec::with_capacity(sentences);
    for (i, slot) in slots.iter().enumerate() {
        if i > 0 {
            // Paragraphs of 1-3 sentences, mostly 1 as in wire copy.
            if in_paragraph >= 3 || rng.percent(60) {
                text.push_str("\n\n");
                in_paragraph = 0;
            } else {
                text.push(' ');
            }
        }
        in_paragraph += 1;
        let start = text.len();
        match slot {
            Some(f) => {
                let fact = &topic.facts[*f];
                if rng.percent(30) {
                    render(&fact.main, &fact.attribution, false, &mut text);
                } else {
                    let main = paraphrase(fact, rng);
                    render(&main, &fact.attribution, rng.percent(50), &mut text);
                }
            }
            None => {
                let filler = topic.fact(rng);
                render(
                    &filler.main,
                    &filler.attribution,
                    rng.percent(50),
                    &mut text,
                );
            }
        }
        truth.push(SentenceTruth {
            start,
            end: text.len(),
            fact: *slot,
        });
    }
    text.push('\n');
    (text, truth)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(documents: usize, seed: u64) -> CorpusSpec {
        CorpusSpec {
            documents,
            docs_per_topic: CorpusSpec::DEFAULT_DOCS_PER_TOPIC,
            seed,
        }
    }

    #[test]
    fn same_seed_same_output_and_prefix_stable() {
        let a = generate(&spec(50, 7));
        assert_eq!(a, generate(&spec(50, 7)));
        assert_eq!(a[..20], generate(&spec(20, 7))[..]);
    }

    #[test]
    fn different_seed_different_output() {
        let a = generate(&spec(20, 1));
        let b = generate(&spec(20, 2));
        assert_ne!(a, b);
        assert!(a.iter().zip(&b).all(|(x, y)| x.text != y.text));
    }

    #[test]
    fn requested_sizes_are_honoured() {
        let docs = generate(&spec(123, 3));
        assert_eq!(docs.len(), 123);
        assert_eq!(docs[122].topic, 12);
        let ids: std::collections::HashSet<_> = docs.iter().map(|d| &d.id).collect();
        assert_eq!(ids.len(), 123);
        for d in &docs {
            assert!((10..=20).contains(&d.sentences), "{}", d.sentences);
            assert!((900..=4500).contains(&d.text.len()), "{}", d.text.len());
        }
        let target = 1_000_000;
        let docs = generate_bytes(target, 3);
        let total: usize = docs.iter().map(|d| d.text.len()).sum();
        let last = docs.last().unwrap().text.len();
        assert!(total >= target && total - last < target);
    }

    #[test]
    fn splitter_recovers_the_generated_sentences() {
        for d in generate(&spec(200, 11)) {
            let sentences = split_sentences(&d.text);
            assert_eq!(sentences.len(), d.sentences, "{}", d.text);
            // The recorded truth locates the same sentences (the splitter
            // keeps the glued date header with the first one).
            for (k, (t, s)) in d.truth.iter().zip(&sentences).enumerate() {
                let located = &d.text[t.start..t.end];
                assert!(
                    located == *s || (k == 0 && s.ends_with(located)),
                    "{located}"
                );
            }
            for s in sentences {
                let words = s.split_whitespace().count();
                assert!((5..=40).contains(&words), "{words} words: {s}");
            }
        }
    }

    #[test]
    fn text_has_news_features() {
        let text: String = generate(&spec(100, 5))
            .into_iter()
            .map(|d| d.text)
            .collect();
        for needle in [
            "“", "”", "Mr. ", "U.S.", " date 20", "\n\n", " percent", "$",
        ] {
            assert!(text.contains(needle), "missing {needle:?}");
        }
        assert!(MONTHS.iter().any(|m| text.contains(&format!("{m} "))));
    }

    fn word_set(sentence: &str) -> Vec<String> {
        let mut words: Vec<String> = sentence
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        words.sort();
        words.dedup();
        words
    }

    fn jaccard(a: &[String], b: &[String]) -> f64 {
        let inter = a.iter().filter(|w| b.binary_search(w).is_ok()).count();
        inter as f64 / (a.len() + b.len() - inter) as f64
    }

    /// Share of sentences with a near-duplicate (word-set Jaccard >= 0.5)
    /// in another document of the same topic: should be about a third
    /// (0.32 for seed 1 on 300 documents).
    #[test]
    fn a_third_of_sentences_have_near_duplicates() {
        let docs = generate(&spec(100, 9));
        let sentences: Vec<(usize, usize, Vec<String>)> = docs
            .iter()
            .enumerate()
            .flat_map(|(i, d)| {
                split_sentences(&d.text)
                    .into_iter()
                    .map(move |s| (i, d.topic, word_set(s)))
            })
            .collect();
        let with_duplicate = sentences
            .iter()
            .filter(|(doc, topic, words)| {
                sentences
                    .iter()
                    .any(|(d, t, w)| t == topic && d != doc && jaccard(words, w) >= 0.5)
            })
            .count();
        let share = with_duplicate as f64 / sentences.len() as f64;
        assert!((0.2..=0.5).contains(&share), "share {share}");
        // Topics are independent: no near-duplicates across them.
        for (_, topic, words) in sentences.iter().step_by(7) {
            assert!(sentences
                .iter()
                .all(|(_, t, w)| t == topic || jaccard(words, w) < 0.5));
        }
    }
}
