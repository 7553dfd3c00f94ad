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

use crate::charrefs;
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
        let names: Vec<&str> = list
            .split(',')
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .collect();
        if names.is_empty() {
            return Err("no rule named (expected all, none or a list of rules)".to_string());
        }
        if names.len() > 1 && names.contains(&"none") {
            return Err(format!(
                "`none` cannot be combined with other rules ({list:?})"
            ));
        }
        let mut rules = Rules::NONE;
        for name in names {
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

    /// The fact units of `sentence` (a trimmed sentence's text). Character
    /// references left in it are read as what they stand for (`&quot;Q,&quot;
    /// he said` is a quotation): the read text is split and its facts
    /// mapped back ([`charrefs::Decoded`]).
    pub fn split(&self, sentence: &str) -> Split {
        // Every reference ends in `;`, which `may_divide` looks for.
        if self.is_off() || !may_divide(sentence) {
            return Split::Whole;
        }
        let Some(read) = charrefs::Decoded::new(sentence, |c| c) else {
            return self.split_read(sentence);
        };
        match self.split_read(&read.text) {
            Split::Whole => Split::Whole,
            Split::Parts(facts) => {
                let facts: Vec<Span> = facts
                    .into_iter()
                    .map(|(start, end)| (read.source(start), read.source(end)))
                    .filter(|(start, end)| start < end)
                    .collect();
                if facts.is_empty() {
                    Split::Whole
                } else {
                    Split::Parts(facts)
                }
            }
        }
    }

    /// The fact units of `sentence`, a text whose references are read.
    /// (`split` has checked that a rule may act on it.)
    fn split_read(&self, sentence: &str) -> Split {
        let s = Sentence::new(sentence);
        let mut facts = Vec::new();
        match self.quote_pieces(&s) {
            Some(pieces) => {
                for piece in pieces {
                    self.refine(&s, piece, &mut facts);
                }
            }
            None => self.refine(&s, Piece::text(0, sentence.len()), &mut facts),
        }
        canonical(sentence, facts)
    }

    /// A leading or trailing quotation and what surrounds it, or `None`
    /// when the sentence is not built around a quotation.
    fn quote_pieces(&self, s: &Sentence<'_>) -> Option<Vec<Piece>> {
        if !self.rules.quotes || s.quotes.is_empty() {
            return None;
        }
        leading_quote(s.text, self.rules.continuations).or_else(|| trailing_quote(s.text))
    }

    /// Cuts one piece further and appends its facts.
    fn refine(&self, s: &Sentence<'_>, piece: Piece, out: &mut Vec<Span>) {
        // Every rule below acts at a comma, a semicolon or an `and ...
        // that`: a piece with none is one fact (or, quoted, one per
        // sentence).
        let text = piece.of(s);
        let cue = memchr::memchr2(b',', b';', text.as_bytes()).is_some() || has_that(text);
        let first = if cue { 0 } else { CUTS };
        if piece.quoted {
            for p in quoted_sentences(s.text, piece) {
                self.cut_from(first, s, p, out);
            }
        } else {
            self.cut_from(first, s, piece, out);
        }
    }

    /// Applies the cuts from `stage` on to `piece`, each to every piece the
    /// one before it leaves, and appends the facts that come out.
    fn cut_from(&self, stage: usize, s: &Sentence<'_>, piece: Piece, out: &mut Vec<Span>) {
        let (rules, text) = (self.rules, !piece.quoted);
        for stage in stage..CUTS {
            let (on, cut): (bool, Cut) = match stage {
                0 => (text && rules.continuations, cut_continuation),
                1 => (text && rules.attributions, strip_attribution),
                2 => (rules.semicolons, cut_semicolon),
                3 => (rules.coordination, cut_coordination),
                _ => (text && rules.adjuncts, cut_adjunct),
            };
            if on {
                cut(s, piece, &mut |p| self.cut_from(stage + 1, s, p, out));
                return;
            }
        }
        out.extend(trim_piece(s.text, piece));
    }
}

/// Number of cutting rules applied to a piece, in order: continuations,
/// attributions, semicolons, coordination, adjuncts.
const CUTS: usize = 5;

/// A cutting rule: calls `emit` with each piece it makes of `piece` (the
/// piece itself when it does not apply), in order.
type Cut = fn(&Sentence<'_>, Piece, &mut dyn FnMut(Piece));

/// A sentence and where its quotations are.
struct Sentence<'a> {
    text: &'a str,
    /// Byte ranges inside quotation marks, in order.
    quotes: Vec<(usize, usize)>,
}

impl<'a> Sentence<'a> {
    fn new(text: &'a str) -> Self {
        let mut quotes = Vec::new();
        let mut at = 0;
        let bytes = text.as_bytes();
        // Candidates by byte (`“` starts with E2), confirmed by `opener_at`.
        while let Some(found) = bytes[at..]
            .iter()
            .position(|&b| matches!(b, b'"' | b'`' | 0xE2))
        {
            let open = at + found;
            let Some((len, close)) = opener_at(text, open) else {
                at = open + 1;
                while at < text.len() && !text.is_char_boundary(at) {
                    at += 1;
                }
                continue;
            };
            let inner = open + len;
            match text[inner..].find(close) {
                Some(i) => {
                    quotes.push((inner, inner + i));
                    at = inner + i + close.len();
                }
                None => {
                    // An unclosed quotation runs to the end of the sentence.
                    quotes.push((inner, text.len()));
                    break;
                }
            }
        }
        Sentence { text, quotes }
    }

    /// True when byte `at` lies inside quotation marks.
    fn quoted(&self, at: usize) -> bool {
        self.quotes
            .iter()
            .any(|&(start, end)| start <= at && at < end)
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

    /// The piece's text.
    fn of<'a>(&self, s: &Sentence<'a>) -> &'a str {
        &s.text[self.start..self.end]
    }

    /// The same kind of piece over another range.
    fn with(&self, start: usize, end: usize) -> Piece {
        Piece {
            start,
            end,
            quoted: self.quoted,
        }
    }
}

/// Cheap test for anything a rule could act on: a quotation mark, a
/// semicolon, a comma before a word that starts a continuation, a clause or
/// an adjunct, a speech verb after one of the last two commas, or the
/// `that` of `and added that`. Most sentences have none and skip the rules.
fn may_divide(s: &str) -> bool {
    let bytes = s.as_bytes();
    // `“` and `”` start with E2 (so do other punctuation marks: a false
    // alarm only costs the rules' time).
    if memchr::memchr3(b';', b'"', b'`', bytes).is_some() || memchr::memchr(0xE2, bytes).is_some() {
        return true;
    }
    let mut last_commas = [None, None];
    for i in memchr::memchr_iter(b',', bytes) {
        if let Some((word, _)) = split_word(&s[i + 1..]) {
            let starts_cut = is_one_of(word, &CONTINUATIONS)
                || is_one_of(word, &CONTRASTS)
                || word.eq_ignore_ascii_case("despite")
                || (word.len() > 5 && word.ends_with("ing"));
            if starts_cut {
                return true;
            }
        }
        last_commas = [last_commas[1], Some(i)];
    }
    let attribution = match last_commas {
        [Some(from), _] | [None, Some(from)] => words_of(&s[from + 1..])
            .any(|w| is_speech_verb(w) || w.eq_ignore_ascii_case("according")),
        [None, None] => false,
    };
    attribution || has_that(s)
}

/// The offsets of the `, ` in `text`.
fn commas_before_space(text: &str) -> impl Iterator<Item = usize> + '_ {
    memchr::memchr_iter(b',', text.as_bytes())
        .filter(|&i| text.as_bytes().get(i + 1) == Some(&b' '))
}

/// True when `s` holds ` that ` (as in `and added that`).
fn has_that(s: &str) -> bool {
    static THAT: std::sync::OnceLock<memchr::memmem::Finder<'static>> = std::sync::OnceLock::new();
    THAT.get_or_init(|| memchr::memmem::Finder::new(" that "))
        .find(s.as_bytes())
        .is_some()
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
    if !quote_ends_clause || !has_words(&s[open_len..close_at], MIN_FACT_WORDS) {
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
        if words_of(segment).any(is_speech_verb) {
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
        let marks = s[..close_at].matches(open).count();
        if marks.is_multiple_of(2) {
            return None;
        }
        s[..close_at].rfind(open)?
    } else {
        s[..close_at].rfind(open)?
    };
    let inner = Piece::quote(open_at + open.len(), close_at);
    if !has_words(&s[inner.start..inner.end], MIN_FACT_WORDS) {
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
    } else if colon && has_words(before, MIN_FACT_WORDS) {
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
    let is_participle = is_one_of(word, &CONTINUATIONS);
    (is_participle && !has_words(rest, 3) && has_words(&text[..comma], MIN_FACT_WORDS + 1))
        .then_some(comma)
}

/// True when `text` ends in a speech verb and at most two more words
/// (`Trump said`, `Putin smiled and said in English`, `the judge told
/// him`): the text before a quotation is then its attribution.
fn ends_with_attribution(text: &str) -> bool {
    text.split_whitespace()
        .rev()
        .map(bare)
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .take(3)
        .any(is_speech_verb)
}

/// The sentences of a quotation, each a fact (short ones stay with the
/// next: `Yes. We will.` is one). A quoted sentence ends at `.`, `?` or
/// `!` before a space and a capital (or a quotation mark), unless the word
/// it ends is an abbreviation (`Mr.`, `U.S.`, a single letter).
fn quoted_sentences(s: &str, piece: Piece) -> Vec<Piece> {
    let inner = &s[piece.start..piece.end];
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in inner.char_indices() {
        if !is_terminal(c) {
            continue;
        }
        let cut = i + c.len_utf8();
        let next = inner[cut..].strip_prefix(' ');
        let starts_sentence = next.is_some_and(|n| {
            n.trim_start_matches(['“', '"', '`', '‘'])
                .starts_with(char::is_uppercase)
        });
        if !starts_sentence || (c == '.' && ends_abbreviation(&inner[..i])) {
            continue;
        }
        if has_words(&inner[start..cut], MIN_FACT_WORDS) && has_words(&inner[cut..], MIN_FACT_WORDS)
        {
            out.push(piece.with(piece.start + start, piece.start + cut));
            start = cut;
        }
    }
    out.push(piece.with(piece.start + start, piece.end));
    out
}

/// True when `text` ends with an abbreviation that a period follows: a
/// single letter (`U.S`, `J`), or a title or a common short form.
fn ends_abbreviation(text: &str) -> bool {
    let word = text
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("");
    let last = word.rsplit('.').next().unwrap_or(word);
    last.chars().count() == 1
        || is_one_of(
            last,
            &[
                "mr", "mrs", "ms", "dr", "gen", "sen", "rep", "gov", "st", "jr", "sr", "lt", "col",
                "capt", "prof", "no", "vs", "inc", "co", "corp", "ltd", "jan", "feb", "aug",
                "sept", "oct", "nov", "dec",
            ],
        )
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
    let (first, after_first) = split_word(rest)?;
    let after = if is_one_of(first, &CONTINUATIONS) {
        after_first
    } else if is_one_of(first, &["and", "but"]) && (tail.starts_with(',') || tail.starts_with(' '))
    {
        let (verb, after_verb) = split_word(after_first)?;
        let (that, after_that) = split_word(after_verb)?;
        if !(is_speech_verb(verb) && that.eq_ignore_ascii_case("that")) {
            return None;
        }
        after_that
    } else {
        return None;
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
    if !has_words(y, MIN_FACT_WORDS) {
        return None;
    }
    Some(tail.len() - y.len())
}

/// `X, adding that Y` → `X`, `Y` (outside quotations).
fn cut_continuation(s: &Sentence<'_>, piece: Piece, emit: &mut dyn FnMut(Piece)) {
    let text = piece.of(s);
    for comma in memchr::memchr_iter(b',', text.as_bytes()) {
        if s.quoted(piece.start + comma) {
            continue;
        }
        let Some(y) = continuation_start(&text[comma..]) else {
            continue;
        };
        if !has_words(&text[..comma], MIN_CLAUSE_WORDS) {
            continue;
        }
        emit(Piece::text(piece.start, piece.start + comma));
        cut_continuation(s, Piece::text(piece.start + comma + y, piece.end), emit);
        return;
    }
    // ` and added that Y` without a comma.
    if has_that(text) {
        for (at, _) in text.match_indices(" and ") {
            if let Some(y) = continuation_start(&text[at..]) {
                if has_words(&text[..at], MIN_CLAUSE_WORDS) && !s.quoted(piece.start + at) {
                    emit(Piece::text(piece.start, piece.start + at));
                    emit(Piece::text(piece.start + at + y, piece.end));
                    return;
                }
            }
        }
    }
    emit(piece);
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
fn strip_attribution(s: &Sentence<'_>, piece: Piece, emit: &mut dyn FnMut(Piece)) {
    emit(without_attribution(s, piece));
}

/// `piece` without a trailing attribution.
fn without_attribution(s: &Sentence<'_>, piece: Piece) -> Piece {
    let text = piece.of(s);
    let body = text.trim_end_matches(|c: char| c.is_whitespace() || is_terminal(c));
    // Try the last and the last two comma-separated segments: `, said
    // Scott Lorenz, a spokesman`.
    let mut end = body.len();
    for _ in 0..2 {
        let Some(comma) = body[..end].rfind(',') else {
            break;
        };
        end = comma;
        if s.quoted(piece.start + comma) {
            continue;
        }
        if is_trailing_attribution(&body[comma + 1..])
            && has_words(&body[..comma], MIN_CLAUSE_WORDS)
        {
            return Piece::text(piece.start, piece.start + comma);
        }
    }
    piece
}

/// `officials said`, `said a press release issued here today`, `RBI
/// sources said here Saturday`, `according to a CNN poll in late May`.
fn is_trailing_attribution(tail: &str) -> bool {
    if tail.contains(['“', '”', '"', '`', ';']) {
        return false;
    }
    let mut words = words_of(tail);
    let Some(first) = words.next() else {
        return false;
    };
    if first.eq_ignore_ascii_case("according") {
        return words_of(tail)
            .nth(1)
            .is_some_and(|w| w.eq_ignore_ascii_case("to"))
            && !has_words(tail, 13);
    }
    !is_one_of(first, &SUBORDINATORS)
        // `, signalling continued resistance`: a participle phrase.
        && !first.ends_with("ing")
        && !has_words(tail, MAX_ATTRIBUTION_WORDS + 1)
        && words_of(tail).any(is_speech_verb)
        && !words_of(tail).any(|w| is_one_of(w, &AUXILIARIES))
}

/// One semicolon between two clauses: `A; B` → `A`, `B`. Two or more
/// semicolons are a list (`Alice Springs, Australia; Chicago; and
/// Albuquerque`).
fn cut_semicolon(s: &Sentence<'_>, piece: Piece, emit: &mut dyn FnMut(Piece)) {
    let text = piece.of(s);
    // The `;` of a character reference left in the text (`&#8217;`) is no
    // clause boundary.
    let mut semicolons = text
        .match_indices(';')
        .map(|(at, _)| at)
        .filter(|&at| !charrefs::ends_reference(text, at));
    let Some(at) = semicolons.next() else {
        emit(piece);
        return;
    };
    let (left, right) = (&text[..at], &text[at + 1..]);
    if semicolons.next().is_some()
        || (s.quoted(piece.start + at) && !piece.quoted)
        || !has_words(left, MIN_CLAUSE_WORDS)
        || !has_words(right, MIN_CLAUSE_WORDS)
        || right.trim_start().starts_with("and ")
    {
        emit(piece);
        return;
    }
    emit(piece.with(piece.start, piece.start + at));
    emit(piece.with(piece.start + at + 1, piece.end));
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
fn cut_coordination(s: &Sentence<'_>, piece: Piece, emit: &mut dyn FnMut(Piece)) {
    let text = piece.of(s);
    for comma in commas_before_space(text) {
        if s.quoted(piece.start + comma) && !piece.quoted {
            continue;
        }
        let Some((conj, clause)) = split_word(&text[comma + 2..]) else {
            continue;
        };
        if !is_one_of(conj, &CONTRASTS) {
            continue;
        }
        let clause = clause.trim_start();
        if !starts_clause(clause)
            || !has_words(&text[..comma], MIN_CLAUSE_WORDS)
            || !has_words(clause, MIN_CLAUSE_WORDS)
        {
            continue;
        }
        let start = piece.start + (text.len() - clause.len());
        emit(piece.with(piece.start, piece.start + comma));
        cut_coordination(s, piece.with(start, piece.end), emit);
        return;
    }
    emit(piece);
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
fn cut_adjunct(s: &Sentence<'_>, piece: Piece, emit: &mut dyn FnMut(Piece)) {
    let text = piece.of(s);
    for comma in commas_before_space(text) {
        if s.quoted(piece.start + comma) {
            continue;
        }
        let rest = &text[comma + 2..];
        let Some((word, after)) = split_word(rest) else {
            continue;
        };
        let despite = word.eq_ignore_ascii_case("despite");
        let participle = word.len() > 5
            && word.ends_with("ing")
            && word.starts_with(|c: char| c.is_ascii_lowercase())
            && !is_one_of(word, &NOT_PARTICIPLES);
        if !(despite || participle) {
            continue;
        }
        let resumes = rest
            .split(", ")
            .skip(1)
            .any(|segment| split_word(segment).is_some_and(|(w, _)| is_one_of(w, &AUXILIARIES)));
        if resumes
            || !has_words(&text[..comma], MIN_CLAUSE_WORDS + 1)
            || !has_words(if despite { after } else { rest }, MIN_FACT_WORDS)
        {
            continue;
        }
        let start = if despite {
            piece.start + text.len() - after.trim_start().len()
        } else {
            piece.start + comma + 2
        };
        emit(Piece::text(piece.start, piece.start + comma));
        emit(Piece::text(start, piece.end));
        return;
    }
    emit(piece);
}

/// A subject (pronoun, determiner or name) then, within five words, a
/// finite verb: an auxiliary, a speech verb, or a past form in `-ed`.
fn starts_clause(text: &str) -> bool {
    let mut words = text.split_whitespace().take(6);
    let Some(first) = words.next() else {
        return false;
    };
    let subject = is_one_of(bare(first), &SUBJECT_STARTERS)
        || first.chars().next().is_some_and(char::is_uppercase);
    subject
        && words.map(bare).any(|w| {
            is_one_of(w, &AUXILIARIES) || is_speech_verb(w) || (w.len() > 4 && w.ends_with("ed"))
        })
}

/// True for a speech or report verb (finite forms) that marks an
/// attribution, in any case.
fn is_speech_verb(word: &str) -> bool {
    const VERBS: [&[u8]; 49] = [
        b"said",
        b"says",
        b"added",
        b"adds",
        b"told",
        b"tells",
        b"wrote",
        b"writes",
        b"noted",
        b"notes",
        b"stated",
        b"explained",
        b"declared",
        b"insisted",
        b"argued",
        b"warned",
        b"replied",
        b"remarked",
        b"asked",
        b"recalled",
        b"acknowledged",
        b"admitted",
        b"conceded",
        b"announced",
        b"answered",
        b"responded",
        b"cautioned",
        b"stressed",
        b"emphasized",
        b"emphasised",
        b"observed",
        b"commented",
        b"complained",
        b"confirmed",
        b"claimed",
        b"predicted",
        b"urged",
        b"boasted",
        b"quipped",
        b"joked",
        b"vowed",
        b"tweeted",
        b"posted",
        b"testified",
        b"reported",
        b"reports",
        b"quoted",
        b"countered",
        b"mused",
    ];
    let bytes = word.as_bytes();
    // Every verb is 4 to 12 letters long.
    if !(4..=12).contains(&bytes.len()) {
        return false;
    }
    let mut buffer = [0u8; 12];
    let lower = &mut buffer[..bytes.len()];
    lower.copy_from_slice(bytes);
    lower.make_ascii_lowercase();
    VERBS
        .iter()
        .any(|v| v.len() == lower.len() && v[0] == lower[0] && **v == *lower)
}

/// True when `word` is one of `list` (lower-case ASCII), ignoring case.
fn is_one_of(word: &str, list: &[&str]) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// The first word of `text` (after white space) and what follows it,
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

/// The words of `text`, without surrounding punctuation.
fn words_of(text: &str) -> impl Iterator<Item = &str> {
    text.split_whitespace()
        .map(bare)
        .filter(|w| w.chars().any(char::is_alphanumeric))
}

/// True when `text` has at least `n` words (stops counting there), as
/// [`word_count`] counts them.
pub(super) fn has_words(text: &str, n: usize) -> bool {
    if n == 0 {
        return true;
    }
    // A word is a run of non-space characters with a letter or digit; only
    // non-ASCII characters are decoded.
    let (mut words, mut in_word, mut counted) = (0, false, false);
    for (i, b) in text.bytes().enumerate() {
        let (space, alphanumeric) = match b {
            0..=0x7F => (b.is_ascii_whitespace(), b.is_ascii_alphanumeric()),
            0x80..=0xBF => continue,
            _ => {
                let c = text[i..].chars().next().unwrap_or(' ');
                (c.is_whitespace(), c.is_alphanumeric())
            }
        };
        if space {
            in_word = false;
            continue;
        }
        if !in_word {
            (in_word, counted) = (true, false);
        }
        if alphanumeric && !counted {
            counted = true;
            words += 1;
            if words == n {
                return true;
            }
        }
    }
    false
}

/// Number of words (white-space separated tokens holding a letter or digit).
pub(super) fn word_count(text: &str) -> usize {
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// A piece trimmed of white space and of the punctuation that joined it to
/// its neighbours (`,` `;` `:` `—`), or `None` when too little is left to
/// be a fact (no letter or digit). Quote marks stay: a quotation's piece is
/// already its inside, and a quoted phrase in a clause keeps both its
/// marks.
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
