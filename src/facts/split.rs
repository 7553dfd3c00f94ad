//! Fact units of one sentence: the clauses that each state one fact.
//!
//! A news sentence often carries more than one fact, and outlets package
//! the same facts differently: one writes “There's no deal until there's a
//! deal,” Trump said, adding that he would brief NATO leaders; another
//! reports the quote alone and the briefing in a sentence of its own. The
//! rules here cut a sentence where its structure shows a second fact, and
//! leave out what is not a fact but packaging (who said it):
//!
//! * **quotes**: a quotation and its attribution (`“Q,” Trump said.`,
//!   `Trump said: “Q.”`) give the quote as the fact, without the
//!   attribution; a quotation of several sentences gives one fact per
//!   sentence; a text before a colon that is more than an attribution
//!   (`He added that a rapid ceasefire was his goal: “...”`) is a fact too;
//! * **continuations**: `..., adding that Y`, `..., saying Y`, `... and
//!   added that Y` make `Y` a fact of its own;
//! * **attributions**: a trailing `, officials said` or `, according to
//!   the agency` is left out of the fact;
//! * **semicolons**: one semicolon between two clauses divides them (more
//!   than one is a list);
//! * **coordination**: `, but` (and `, while`, `, although`, `, whereas`,
//!   `, yet`) before a new subject and verb starts a second clause.
//!
//! Precision comes first: every piece must keep at least
//! [`MIN_FACT_WORDS`] words, or the cut is not made, and a sentence with no
//! cue is one fact ([`Split::Whole`]), which behaves exactly as a sentence
//! always did. The rules are English; other languages keep whole sentences.

use crate::lang::Language;

/// A fact's half-open byte range within its sentence.
pub type Span = (usize, usize);

/// How one sentence divides into facts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Split {
    /// The sentence states one fact and all of it states it.
    Whole,
    /// The facts' byte ranges within the sentence: in order, disjoint,
    /// trimmed, on character boundaries. Text outside them (an
    /// attribution such as `, Trump said,`, a connective such as
    /// `adding that`) belongs to no fact. Can be a single range: the quote
    /// of `“Q,” he said.`.
    Parts(Vec<Span>),
}

/// Which rules are applied (all by default; the study in `docs/facts.md`
/// measures each).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rules {
    /// Quotations apart from their attribution, one fact per quoted sentence.
    pub quotes: bool,
    /// `, adding that Y` and the like: `Y` is a fact.
    pub continuations: bool,
    /// Trailing attributions (`, officials said`) left out of the fact.
    pub attributions: bool,
    /// One semicolon between two clauses.
    pub semicolons: bool,
    /// `, but` and other contrastive conjunctions before a new clause.
    pub coordination: bool,
    /// A trailing participle or `despite` phrase (`..., killing 600
    /// people`, `..., despite both leaders describing the talks as
    /// productive`).
    pub adjuncts: bool,
}

impl Default for Rules {
    fn default() -> Self {
        Rules::ALL
    }
}

impl Rules {
    /// Every rule.
    pub const ALL: Rules = Rules {
        quotes: true,
        continuations: true,
        attributions: true,
        semicolons: true,
        coordination: true,
        adjuncts: true,
    };

    /// No rule: every sentence is one fact.
    pub const NONE: Rules = Rules {
        quotes: false,
        continuations: false,
        attributions: false,
        semicolons: false,
        coordination: false,
        adjuncts: false,
    };

    /// The rule names, as [`Rules::parse`] reads them.
    pub const NAMES: [&'static str; 6] = [
        "quotes",
        "continuations",
        "attributions",
        "semicolons",
        "coordination",
        "adjuncts",
    ];

    /// Parses a comma-separated list of rule names, `all` or `none`.
    pub fn parse(list: &str) -> Result<Rules, String> {
        let mut rules = Rules::NONE;
        for name in list.split(',').map(str::trim).filter(|n| !n.is_empty()) {
            match name {
                "all" => rules = Rules::ALL,
                "none" => rules = Rules::NONE,
                "quotes" => rules.quotes = true,
                "continuations" => rules.continuations = true,
                "attributions" => rules.attributions = true,
                "semicolons" => rules.semicolons = true,
                "coordination" => rules.coordination = true,
                "adjuncts" => rules.adjuncts = true,
                other => {
                    return Err(format!(
                        "unknown fact rule {other:?} (expected all, none or {})",
                        Rules::NAMES.join(", ")
                    ))
                }
            }
        }
        Ok(rules)
    }

    fn any(self) -> bool {
        self != Rules::NONE
    }

    /// The rules in force for `language`: none but for English.
    pub fn for_language(self, language: Language) -> Rules {
        if language == Language::English {
            self
        } else {
            Rules::NONE
        }
    }

    /// The names of the rules in force, in [`Rules::NAMES`] order.
    pub fn names(self) -> Vec<&'static str> {
        let on = [
            self.quotes,
            self.continuations,
            self.attributions,
            self.semicolons,
            self.coordination,
            self.adjuncts,
        ];
        Rules::NAMES
            .iter()
            .zip(on)
            .filter(|(_, on)| *on)
            .map(|(name, _)| *name)
            .collect()
    }
}

/// A piece must keep at least this many words for a cut to be made: a
/// shorter one is a phrase ("but not as much"), not a fact.
pub const MIN_FACT_WORDS: usize = 3;

/// A clause on either side of a cut between two clauses (a semicolon, a
/// conjunction) needs a subject, a verb and more: at least this many words.
pub const MIN_CLAUSE_WORDS: usize = MIN_FACT_WORDS + 1;

/// Splits sentences into fact units for one language.
#[derive(Clone, Copy, Debug)]
pub struct Splitter {
    rules: Rules,
}

impl Splitter {
    /// A splitter for `language` with `rules`; languages without rules
    /// (all but English) keep every sentence whole.
    pub fn new(language: Language, rules: Rules) -> Self {
        Splitter {
            rules: rules.for_language(language),
        }
    }

    /// True when no rule applies: every sentence is [`Split::Whole`].
    pub fn is_off(&self) -> bool {
        !self.rules.any()
    }

    /// The fact units of `sentence` (a trimmed sentence's text).
    pub fn split(&self, sentence: &str) -> Split {
        if self.is_off() || !has_cue(sentence) {
            return Split::Whole;
        }
        let mut facts = Vec::new();
        match self.quote_pieces(sentence) {
            Some(pieces) => {
                for piece in pieces {
                    self.refine(sentence, piece, &mut facts);
                }
            }
            None => self.refine(sentence, Piece::text(0, sentence.len()), &mut facts),
        }
        canonical(sentence, facts)
    }

    /// A leading or trailing quotation and what surrounds it, or `None`
    /// when the sentence is not built around a quotation.
    fn quote_pieces(&self, s: &str) -> Option<Vec<Piece>> {
        if !self.rules.quotes {
            return None;
        }
        leading_quote(s, self.rules.continuations).or_else(|| trailing_quote(s))
    }

    /// Cuts one piece further and appends its facts.
    fn refine(&self, s: &str, piece: Piece, out: &mut Vec<Span>) {
        let rules = self.rules;
        let text = !piece.quoted;
        let mut pieces = if piece.quoted {
            quoted_sentences(s, piece)
        } else {
            vec![piece]
        };
        type Cut = fn(&str, Piece) -> Vec<Piece>;
        let cuts: [(bool, Cut); 5] = [
            (text && rules.continuations, cut_continuation),
            (text && rules.attributions, |s, p| {
                vec![strip_attribution(s, p)]
            }),
            (rules.semicolons, cut_semicolon),
            (rules.coordination, cut_coordination),
            (text && rules.adjuncts, cut_adjunct),
        ];
        for (on, cut) in cuts {
            if on {
                pieces = pieces.into_iter().flat_map(|p| cut(s, p)).collect();
            }
        }
        out.extend(pieces.into_iter().filter_map(|p| trim_piece(s, p)));
    }
}

/// A range of the sentence under consideration; `quoted` when it is the
/// inside of a quotation (its own sentences are facts).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Piece {
    start: usize,
    end: usize,
    quoted: bool,
}

impl Piece {
    fn text(start: usize, end: usize) -> Self {
        Piece {
            start,
            end,
            quoted: false,
        }
    }

    fn quote(start: usize, end: usize) -> Self {
        Piece {
            start,
            end,
            quoted: true,
        }
    }
}

/// Cheap test for anything a rule could act on: punctuation, quotes, or
/// the `that` of `and added that`. Sentences without any skip the rules.
fn has_cue(s: &str) -> bool {
    s.bytes().any(|b| matches!(b, b';' | b'"' | b'`' | b','))
        || s.contains(['“', '”'])
        || s.contains(" that ")
}

/// Quotation marks: the opener, and the closer it pairs with. Single
/// quotes are left out: `’` is also the apostrophe.
const QUOTES: [(&str, &str); 3] = [("“", "”"), ("``", "''"), ("\"", "\"")];

/// The closer of the quotation opening at `at`, with the opener's length.
fn opener_at(s: &str, at: usize) -> Option<(usize, &'static str)> {
    QUOTES
        .iter()
        .find(|(open, _)| s[at..].starts_with(open))
        .map(|&(open, close)| (open.len(), close))
}

/// Sentence-ending punctuation.
fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

/// `“Q,” Trump said[, adding that Y].` and `“Q.”` alone. An empty list
/// means: a quotation, but no fact can be cut out of it.
fn leading_quote(s: &str, continuations: bool) -> Option<Vec<Piece>> {
    let (open_len, close) = opener_at(s, 0)?;
    let close_at = open_len + s[open_len..].find(close)?;
    let quote = Piece::quote(open_len, close_at);
    let after = close_at + close.len();
    let rest = &s[after..];
    if rest
        .trim_matches(|c: char| c.is_whitespace() || is_terminal(c))
        .is_empty()
    {
        // The whole sentence is a quotation: its sentences are the facts.
        return Some(vec![quote]);
    }
    // `“Q,” he said` / `"Q", he said` / `“Q?” she asked`.
    let quote_ends_clause = s[open_len..close_at]
        .trim_end()
        .ends_with([',', '?', '!', '.', '—'])
        || rest.starts_with(',');
    if !quote_ends_clause || word_count(&s[open_len..close_at]) < MIN_FACT_WORDS {
        return None;
    }
    let attribution_end = attribution_after(s, after)?;
    let mut pieces = vec![quote];
    let tail = &s[attribution_end..];
    if continuations {
        if let Some(start) = continuation_start(tail) {
            let start = attribution_end + start;
            match opener_at(s, start) {
                Some((len, close)) => {
                    let inner = start + len;
                    let end = s[inner..].find(close).map_or(s.len(), |i| inner + i);
                    pieces.push(Piece::quote(inner, end));
                }
                None => pieces.push(Piece::text(start, s.len())),
            }
            return Some(pieces);
        }
    }
    // `“Q,” he said, “R.”`: one quotation interrupted by its attribution
    // when R goes on in lower case; a second quotation otherwise.
    let next = tail.trim_start_matches([',', ' ', ':']);
    let next_at = s.len() - next.len();
    if let Some((len, close)) = opener_at(s, next_at) {
        let inner = next_at + len;
        if s[inner..].chars().next().is_some_and(char::is_lowercase) {
            return Some(Vec::new());
        }
        let end = s[inner..].find(close).map_or(s.len(), |i| inner + i);
        pieces.push(Piece::quote(inner, end));
    }
    // Anything else after the attribution (`, standing before a backdrop`)
    // is its setting, not a fact.
    Some(pieces)
}

/// Where the attribution that starts after a closing quote at `at` ends:
/// `, Trump said`, `, said Evans`, `, Gingrich's attorney, Randy Evans,
/// said Tuesday`; `None` when the text there is not an attribution.
fn attribution_after(s: &str, at: usize) -> Option<usize> {
    let mut words = 0;
    let mut pos = at;
    // Comma-separated segments, until one holds a speech verb.
    while pos < s.len() {
        let segment_start = pos + (s[pos..].len() - s[pos..].trim_start_matches([',', ' ']).len());
        let segment_end = s[segment_start..]
            .find(',')
            .map_or(s.len(), |i| segment_start + i);
        let segment = &s[segment_start..segment_end];
        if segment.contains(['“', '"', '`']) {
            return None;
        }
        if lower_words(segment).any(|w| is_speech_verb(&w)) {
            return Some(segment_end);
        }
        words += word_count(segment);
        if words > MAX_QUOTE_ATTRIBUTION_WORDS {
            return None;
        }
        pos = segment_end;
    }
    None
}

/// Longest trailing attribution without quotation marks: `Henderson
/// testified in a clear if subdued voice`.
const MAX_ATTRIBUTION_WORDS: usize = 8;

/// Most words before the speech verb of an attribution after a quotation,
/// where the speaker can carry an apposition: `the Rev. Roger Schmit, of
/// St. Paul's Newman Center, told people on the campus`.
const MAX_QUOTE_ATTRIBUTION_WORDS: usize = 16;

/// `Trump said: “Q.”`, `He added that ... his goal: “Q.”`, `..., saying:
/// “Q.”`: the quotation ends the sentence and follows a colon, or a comma
/// after a speech verb.
fn trailing_quote(s: &str) -> Option<Vec<Piece>> {
    let body = s.trim_end_matches(|c: char| c.is_whitespace() || is_terminal(c));
    let &(open, close) = QUOTES.iter().find(|(_, close)| body.ends_with(close))?;
    let close_at = body.len() - close.len();
    let open_at = if open == close {
        // Straight quotes pair up from the start.
        let marks: Vec<usize> = s[..close_at].match_indices(open).map(|(i, _)| i).collect();
        if marks.len().is_multiple_of(2) {
            return None;
        }
        *marks.last()?
    } else {
        s[..close_at].rfind(open)?
    };
    let inner = Piece::quote(open_at + open.len(), close_at);
    if word_count(&s[inner.start..inner.end]) < MIN_FACT_WORDS {
        return None;
    }
    let prefix = s[..open_at].trim_end();
    let (before, colon) = match (prefix.strip_suffix(':'), prefix.strip_suffix(',')) {
        (Some(before), _) => (before, true),
        (None, Some(before)) => (before, false),
        _ => return None,
    };
    let mut pieces = Vec::new();
    if let Some(comma) = participle_comma(before) {
        // `Trump sought to allay those fears, saying: “Q.”`
        pieces.push(Piece::text(0, comma));
    } else if ends_with_attribution(before) {
        // `Trump said: “Q.”`: the attribution is no fact.
    } else if colon && word_count(before) >= MIN_FACT_WORDS {
        // `He added that a rapid ceasefire was his goal: “Q.”`
        pieces.push(Piece::text(0, before.len()));
    } else {
        return None;
    }
    pieces.push(inner);
    Some(pieces)
}

/// The comma before a final `, saying` (or another participle of
/// [`CONTINUATIONS`]) that introduces a quotation, when the text before it
/// is long enough to be a fact.
fn participle_comma(text: &str) -> Option<usize> {
    let comma = text.rfind(',')?;
    let (word, rest) = split_word(&text[comma + 1..])?;
    let is_participle = CONTINUATIONS.contains(&word.to_lowercase().as_str());
    (is_participle && word_count(rest) <= 2 && word_count(&text[..comma]) > MIN_FACT_WORDS)
        .then_some(comma)
}

/// True when `text` ends in a speech verb and at most two more words
/// (`Trump said`, `Putin smiled and said in English`, `the judge told
/// him`): the text before a quotation is then its attribution.
fn ends_with_attribution(text: &str) -> bool {
    let words: Vec<String> = lower_words(text).collect();
    words.iter().rev().take(3).any(|w| is_speech_verb(w))
}

/// The sentences of a quotation, each a fact (short ones stay with the
/// next: `Yes. We will.` is one).
fn quoted_sentences(s: &str, piece: Piece) -> Vec<Piece> {
    let inner = &s[piece.start..piece.end];
    if !inner.contains(is_terminal) {
        return vec![piece];
    }
    let language = sentencex::language_factory("en");
    let mut cuts: Vec<usize> = language
        .get_sentence_boundaries(inner)
        .iter()
        .map(|b| b.end_byte)
        .filter(|&end| end > 0 && end < inner.len() && inner.is_char_boundary(end))
        .collect();
    cuts.dedup();
    split_at_cuts(piece, &cuts, inner, true)
}

/// Cuts `piece` at offsets `cuts` (relative to its start) where both sides
/// keep [`MIN_FACT_WORDS`] words.
fn split_at_cuts(piece: Piece, cuts: &[usize], text: &str, quoted: bool) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut start = 0;
    for &cut in cuts {
        if word_count(&text[start..cut]) >= MIN_FACT_WORDS
            && word_count(&text[cut..]) >= MIN_FACT_WORDS
        {
            out.push(Piece {
                start: piece.start + start,
                end: piece.start + cut,
                quoted,
            });
            start = cut;
        }
    }
    out.push(Piece {
        start: piece.start + start,
        end: piece.end,
        quoted,
    });
    out
}

/// Participles that continue a reported statement with another one.
const CONTINUATIONS: [&str; 12] = [
    "adding",
    "saying",
    "noting",
    "warning",
    "stressing",
    "explaining",
    "insisting",
    "arguing",
    "claiming",
    "acknowledging",
    "emphasizing",
    "emphasising",
];

/// Where the continued statement starts in `tail` (text right after a
/// clause): `, adding that Y` / `, saying Y` / `, adding: Y` / ` and added
/// that Y` / `, but added that Y` give the offset of `Y`.
fn continuation_start(tail: &str) -> Option<usize> {
    let rest = tail.strip_prefix(',').unwrap_or(tail);
    let rest = rest.trim_start();
    let (first, after_first) = split_word(rest)?;
    let after = match first.to_lowercase().as_str() {
        w if CONTINUATIONS.contains(&w) => after_first,
        "and" | "but" if tail.starts_with(',') || tail.starts_with(' ') => {
            let (verb, after_verb) = split_word(after_first.trim_start())?;
            let (that, after_that) = split_word(after_verb.trim_start())?;
            if !(is_speech_verb(&verb.to_lowercase()) && that.eq_ignore_ascii_case("that")) {
                return None;
            }
            after_that
        }
        _ => return None,
    };
    let mut y = after
        .trim_start()
        .trim_start_matches([',', ':'])
        .trim_start();
    if let Some((word, after_that)) = split_word(y) {
        if word.eq_ignore_ascii_case("that") {
            y = after_that.trim_start();
        }
    }
    if word_count(y) < MIN_FACT_WORDS {
        return None;
    }
    Some(tail.len() - y.len())
}

/// `X, adding that Y` → `X`, `Y` (outside quotations).
fn cut_continuation(s: &str, piece: Piece) -> Vec<Piece> {
    let text = &s[piece.start..piece.end];
    for (comma, _) in text.match_indices(',') {
        if inside_quote(text, comma) {
            continue;
        }
        let Some(y) = continuation_start(&text[comma..]) else {
            continue;
        };
        if word_count(&text[..comma]) < MIN_CLAUSE_WORDS {
            continue;
        }
        let left = Piece::text(piece.start, piece.start + comma);
        let right = Piece::text(piece.start + comma + y, piece.end);
        let mut out = vec![left];
        out.extend(cut_continuation(s, right));
        return out;
    }
    // ` and added that Y` without a comma.
    for (at, _) in text.match_indices(" and ") {
        if let Some(y) = continuation_start(&text[at..]) {
            if word_count(&text[..at]) >= MIN_CLAUSE_WORDS && !inside_quote(text, at) {
                return vec![
                    Piece::text(piece.start, piece.start + at),
                    Piece::text(piece.start + at + y, piece.end),
                ];
            }
        }
    }
    vec![piece]
}

/// True when byte `at` of `text` lies inside a quotation that opens in it.
fn inside_quote(text: &str, at: usize) -> bool {
    let before = &text[..at];
    let curly = before.matches('“').count() > before.matches('”').count();
    let wire = before.matches("``").count() > before.matches("''").count();
    let straight = before.matches('"').count() % 2 == 1;
    curly || wire || straight
}

/// Words that start a subordinate or relative clause: a trailing `, which
/// he said was wrong` is a clause, not an attribution.
const SUBORDINATORS: [&str; 16] = [
    "which", "who", "whom", "whose", "that", "when", "where", "as", "because", "after", "before",
    "while", "if", "although", "but", "and",
];

/// Finite auxiliaries and modals: their presence makes a text a clause.
const AUXILIARIES: [&str; 24] = [
    "is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "could",
    "can", "should", "may", "might", "must", "did", "does", "do", "shall", "isn't", "wasn't",
    "won't",
];

/// `X, officials said.` → `X`; `X, according to the agency.` → `X`.
fn strip_attribution(s: &str, piece: Piece) -> Piece {
    let text = &s[piece.start..piece.end];
    let body = text.trim_end_matches(|c: char| c.is_whitespace() || is_terminal(c));
    // Try the last and the last two comma-separated segments: `, said
    // Scott Lorenz, a spokesman`.
    let commas: Vec<usize> = body
        .match_indices(',')
        .map(|(i, _)| i)
        .filter(|&i| !inside_quote(body, i))
        .collect();
    for &comma in commas.iter().rev().take(2) {
        let tail = &body[comma + 1..];
        if !is_trailing_attribution(tail) || word_count(&body[..comma]) < MIN_CLAUSE_WORDS {
            continue;
        }
        return Piece::text(piece.start, piece.start + comma);
    }
    piece
}

/// `officials said`, `said a press release issued here today`, `RBI
/// sources said here Saturday`, `according to a CNN poll in late May`.
fn is_trailing_attribution(tail: &str) -> bool {
    if tail.contains(['“', '”', '"', '`', ';']) {
        return false;
    }
    let words: Vec<String> = lower_words(tail).collect();
    match words.first().map(String::as_str) {
        None => false,
        Some("according") => words.get(1).is_some_and(|w| w == "to") && words.len() <= 12,
        Some(first) => {
            words.len() <= MAX_ATTRIBUTION_WORDS
                && !SUBORDINATORS.contains(&first)
                // `, signalling continued resistance`: a participle phrase.
                && !first.ends_with("ing")
                && words.iter().any(|w| is_speech_verb(w))
                && !words.iter().any(|w| AUXILIARIES.contains(&w.as_str()))
        }
    }
}

/// One semicolon between two clauses: `A; B` → `A`, `B`. Two or more
/// semicolons are a list (`Alice Springs, Australia; Chicago; and
/// Albuquerque`).
fn cut_semicolon(s: &str, piece: Piece) -> Vec<Piece> {
    let text = &s[piece.start..piece.end];
    let semicolons: Vec<usize> = text.match_indices(';').map(|(i, _)| i).collect();
    let [at] = semicolons[..] else {
        return vec![piece];
    };
    if inside_quote(text, at) && !piece.quoted {
        return vec![piece];
    }
    let (left, right) = (&text[..at], &text[at + 1..]);
    if word_count(left) < MIN_CLAUSE_WORDS || word_count(right) < MIN_CLAUSE_WORDS {
        return vec![piece];
    }
    if right.trim_start().starts_with("and ") {
        return vec![piece];
    }
    vec![
        Piece {
            end: piece.start + at,
            ..piece
        },
        Piece {
            start: piece.start + at + 1,
            ..piece
        },
    ]
}

/// Conjunctions that, after a comma, can start a clause with a new claim.
const CONTRASTS: [&str; 6] = ["but", "while", "whereas", "although", "though", "yet"];

/// Words that can start a clause's subject.
const SUBJECT_STARTERS: [&str; 30] = [
    "he", "she", "it", "they", "we", "i", "you", "there", "the", "a", "an", "his", "her", "its",
    "their", "our", "this", "that", "these", "those", "some", "many", "most", "all", "no", "both",
    "each", "another", "other", "only",
];

/// `A, but the military refused ...` → `A`, `the military refused ...`
/// when a subject and a finite verb follow the conjunction.
fn cut_coordination(s: &str, piece: Piece) -> Vec<Piece> {
    let text = &s[piece.start..piece.end];
    for (comma, _) in text.match_indices(", ") {
        if inside_quote(text, comma) && !piece.quoted {
            continue;
        }
        let rest = &text[comma + 2..];
        let Some((conj, clause)) = split_word(rest) else {
            continue;
        };
        if !CONTRASTS.contains(&conj.to_lowercase().as_str()) {
            continue;
        }
        let clause = clause.trim_start();
        if !starts_clause(clause)
            || word_count(&text[..comma]) < MIN_CLAUSE_WORDS
            || word_count(clause) < MIN_CLAUSE_WORDS
        {
            continue;
        }
        let start = piece.start + (text.len() - clause.len());
        let mut out = vec![Piece {
            end: piece.start + comma,
            ..piece
        }];
        out.extend(cut_coordination(
            s,
            Piece {
                start,
                end: piece.end,
                ..piece
            },
        ));
        return out;
    }
    vec![piece]
}

/// `-ing` words after a comma that are prepositions or nouns, not the
/// participle of a new statement.
const NOT_PARTICIPLES: [&str; 20] = [
    "including",
    "according",
    "following",
    "regarding",
    "concerning",
    "excluding",
    "notwithstanding",
    "pending",
    "barring",
    "considering",
    "beginning",
    "starting",
    "involving",
    "nothing",
    "something",
    "anything",
    "everything",
    "being",
    "having",
    "saying",
];

/// `A, killing 600 people` → `A`, `killing 600 people`; `A, despite B` →
/// `A`, `B`: a trailing participle or concessive phrase adds a fact. The
/// phrase must run to the end of the piece: `a new system, using GPS
/// receivers, is being installed` is one clause.
fn cut_adjunct(s: &str, piece: Piece) -> Vec<Piece> {
    let text = &s[piece.start..piece.end];
    for (comma, _) in text.match_indices(", ") {
        if inside_quote(text, comma) {
            continue;
        }
        let rest = &text[comma + 2..];
        let Some((word, after)) = split_word(rest) else {
            continue;
        };
        let lower = word.to_lowercase();
        let despite = lower == "despite";
        let participle = lower.len() > 5
            && lower.ends_with("ing")
            && word.chars().next().is_some_and(char::is_lowercase)
            && !NOT_PARTICIPLES.contains(&lower.as_str());
        if !(despite || participle) {
            continue;
        }
        let resumes = rest.split(", ").skip(1).any(|segment| {
            split_word(segment)
                .is_some_and(|(w, _)| AUXILIARIES.contains(&w.to_lowercase().as_str()))
        });
        if resumes
            || word_count(&text[..comma]) <= MIN_CLAUSE_WORDS
            || word_count(if despite { after } else { rest }) < MIN_FACT_WORDS
        {
            continue;
        }
        let start = if despite {
            piece.start + text.len() - after.trim_start().len()
        } else {
            piece.start + comma + 2
        };
        return vec![
            Piece::text(piece.start, piece.start + comma),
            Piece::text(start, piece.end),
        ];
    }
    vec![piece]
}

/// A subject (pronoun, determiner or name) then, within five words, a
/// finite verb: an auxiliary, a speech verb, or a past form in `-ed`.
fn starts_clause(text: &str) -> bool {
    let raw: Vec<&str> = text.split_whitespace().take(6).collect();
    let Some(first) = raw.first() else {
        return false;
    };
    let first_lower = first.to_lowercase();
    let subject = SUBJECT_STARTERS.contains(&first_lower.as_str())
        || first.chars().next().is_some_and(char::is_uppercase);
    if !subject {
        return false;
    }
    raw.iter().skip(1).any(|w| {
        let w = bare(w).to_lowercase();
        AUXILIARIES.contains(&w.as_str())
            || is_speech_verb(&w)
            || (w.len() > 4 && w.ends_with("ed"))
    })
}

/// Speech and report verbs (finite forms) that mark an attribution.
fn is_speech_verb(word: &str) -> bool {
    matches!(
        word,
        "said"
            | "says"
            | "added"
            | "adds"
            | "told"
            | "tells"
            | "wrote"
            | "writes"
            | "noted"
            | "notes"
            | "stated"
            | "explained"
            | "declared"
            | "insisted"
            | "argued"
            | "warned"
            | "replied"
            | "remarked"
            | "asked"
            | "recalled"
            | "acknowledged"
            | "admitted"
            | "conceded"
            | "announced"
            | "answered"
            | "responded"
            | "cautioned"
            | "stressed"
            | "emphasized"
            | "emphasised"
            | "observed"
            | "commented"
            | "complained"
            | "confirmed"
            | "claimed"
            | "predicted"
            | "urged"
            | "boasted"
            | "quipped"
            | "joked"
            | "vowed"
            | "tweeted"
            | "posted"
            | "testified"
            | "reported"
            | "reports"
            | "quoted"
            | "countered"
            | "mused"
    )
}

/// The first word of `text` (up to white space) and what follows it,
/// punctuation stripped from the word.
fn split_word(text: &str) -> Option<(&str, &str)> {
    let text = text.trim_start();
    if text.is_empty() {
        return None;
    }
    let end = text.find(char::is_whitespace).unwrap_or(text.len());
    Some((bare(&text[..end]), &text[end..]))
}

/// A token without the punctuation around it.
fn bare(token: &str) -> &str {
    token.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
}

/// Words of `text`, lower-cased, without surrounding punctuation.
fn lower_words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split_whitespace()
        .map(bare)
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .map(str::to_lowercase)
}

/// Number of words (white-space separated tokens holding a letter or digit).
fn word_count(text: &str) -> usize {
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// A piece trimmed of white space and of the punctuation that joined it to
/// its neighbours (`,` `;` `:` `—`), or `None` when too little is left to
/// be a fact (no letter or digit). Quote marks stay: a quotation's piece is already its inside,
/// and a quoted phrase in a clause keeps both its marks.
fn trim_piece(s: &str, piece: Piece) -> Option<Span> {
    let text = &s[piece.start..piece.end];
    let joint = |c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '—' | '–');
    let trimmed_start = text.trim_start_matches(joint);
    let trimmed = trimmed_start.trim_end_matches(joint);
    if !trimmed.contains(char::is_alphanumeric) {
        return None;
    }
    let start = piece.start + (text.len() - trimmed_start.len());
    Some((start, start + trimmed.len()))
}

/// `Whole` when the facts are the sentence's only words; the facts
/// otherwise.
fn canonical(s: &str, facts: Vec<Span>) -> Split {
    match facts.as_slice() {
        [] => Split::Whole,
        [(start, end)]
            if !s[..*start].contains(char::is_alphanumeric)
                && !s[*end..].contains(char::is_alphanumeric) =>
        {
            Split::Whole
        }
        _ => Split::Parts(facts),
    }
}
