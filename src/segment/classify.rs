//! Classifying a paragraph (one line) as sentences, a heading, a byline or
//! boilerplate, with small per-language word tables.

use crate::lang::Language;

use super::european;
use super::lists::starts_with_list_marker;
use super::stamps::DateWords;
use super::UnitKind;

/// How the units of one paragraph are formed and labelled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum LineClass {
    /// The whole line is one unit of this kind (headings, bylines, short
    /// appeals): splitting it into sentences would add nothing.
    Whole(UnitKind),
    /// The line is split into sentences, each labelled with this kind.
    Sentences(UnitKind),
}

/// A heading is a short line: longer lines without punctuation are more
/// likely sentences whose period got lost.
const MAX_HEADING_WORDS: usize = 12;

/// Author lines are short; longer "By ..." lines are sentences.
const MAX_BYLINE_WORDS: usize = 12;

/// Word tables that differ between languages. Only English has full tables;
/// French, German, Spanish, Italian, Portuguese and Dutch have their page
/// furniture and date words
/// ([`super::european`]); other languages fall back to the
/// language-independent parts (outlet names, punctuation rules,
/// "Dr."/"Prof.").
#[derive(Debug)]
pub(super) struct LanguageRules {
    /// Titles written with a period that stand before a name ("Ms. Jones"):
    /// a sentence never ends right after one.
    pub(super) titles: &'static [&'static str],
    /// Weekday and month names, which continue a sentence after "p.m.".
    pub(super) calendar_words: &'static [&'static str],
    /// Time zones, which continue a sentence after "p.m." too.
    pub(super) time_zones: &'static [&'static str],
    /// Prepositions that make a time a sentence's opening phrase ("At 5
    /// a.m. Mr. Smith left"), lower case.
    pub(super) time_prepositions: &'static [&'static str],
    /// Words no sentence or headline ends with ("as", "the", "of"): a
    /// line that stops on one goes on in the next, whatever that starts
    /// with (see [`super::paragraphs`]), lower case.
    pub(super) clause_words: &'static [&'static str],
    /// Lower-case starts of author credit lines that may run long
    /// ("reporting by ...; editing by ...").
    credit_prefixes: &'static [&'static str],
    /// Lower-case ends of credit lines that name contributors first ("The
    /// Associated Press contributed to this report.").
    credit_suffixes: &'static [&'static str],
    /// The word that starts a short author line ("By Jane Smith"), as
    /// written and in capitals.
    by_words: &'static [&'static str],
    /// Lower-case job titles that mark "Jane Smith, Staff Writer".
    staff_roles: &'static [&'static str],
    /// Vocabulary of subscription, donation and navigation appeals as
    /// lower-case word sequences, with weights (see [`boilerplate_score`]).
    appeal_terms: &'static [(&'static [&'static str], u32)],
    /// For each lower-case ASCII letter, the appeal terms whose first word
    /// starts with it, as bits ([`appeal_index`]).
    appeal_index: [u64; 26],
    /// Navigation headings that introduce links to other articles (see
    /// [`super::links`]), lower case.
    pub(super) link_cues: &'static [&'static str],
    /// Starts of link cues that name an outlet or section ("more from "
    /// CNN), lower case (see [`super::links`]).
    pub(super) named_link_cues: &'static [&'static str],
    /// Page furniture that may be glued inside a paragraph
    /// ("ADVERTISEMENT"; see [`super::interstitials`]), lower-case words.
    pub(super) interstitials: &'static [&'static [&'static str]],
    /// Date words beyond the English ones (see [`super::stamps`]).
    pub(super) dates: &'static DateWords,
    /// Greek writes its question mark as `;`.
    semicolon_ends_question: bool,
}

/// Weight of a phrase that essentially never occurs in news prose: one is
/// enough to make a paragraph boilerplate.
pub(super) const DECISIVE: u32 = 3;

/// English appeal vocabulary. Single words get weight 1 so that a news
/// sentence mentioning "subscription" or "PayPal" in passing stays a
/// sentence; a footer piles several of them up.
const ENGLISH_APPEAL_TERMS: &[(&[&str], u32)] = &[
    (&["support", "our", "journalism"], DECISIVE),
    (&["support", "independent", "journalism"], DECISIVE),
    (&["support", "our", "work"], DECISIVE),
    (&["all", "rights", "reserved"], DECISIVE),
    (&["share", "this", "article"], DECISIVE),
    (&["share", "this", "story"], DECISIVE),
    (&["follow", "us", "on"], DECISIVE),
    (&["sign", "up", "for", "our"], DECISIVE),
    (&["subscribe", "to", "our"], DECISIVE),
    (&["subscribe", "now"], DECISIVE),
    (&["click", "here"], DECISIVE),
    (&["we", "use", "cookies"], DECISIVE),
    // A site's own policies are named in the outlet's voice ("our privacy
    // policy") or stand alone in a footer row, where three of them add up.
    // News writes about them too ("Meta changed its privacy policy"): alone
    // they weighed DECISIVE and such a paragraph was lost (found in review).
    (&["our", "cookie", "policy"], DECISIVE),
    (&["our", "privacy", "policy"], DECISIVE),
    (&["our", "terms", "of", "use"], DECISIVE),
    (&["cookie", "policy"], 1),
    (&["privacy", "policy"], 1),
    (&["terms", "of", "use"], 1),
    (&["terms", "of", "service"], 1),
    // Newsletter boxes ("Get the day's top stories in your inbox."), an
    // outlet's standards link, syndication notes and share buttons: the
    // same words under every article of an outlet, so several sources
    // "agree" on them and they would rank as shared facts.
    (&["your", "inbox"], DECISIVE),
    // "did not meet our standards, a spokesman said" is news; the link
    // line "Our Standards" alone still needs only one term.
    (&["our", "standards"], 1),
    (&["trust", "principles"], DECISIVE),
    (&["article", "was", "originally", "published"], DECISIVE),
    (&["story", "was", "originally", "published"], DECISIVE),
    (&["read", "the", "original", "article"], DECISIVE),
    (&["opens", "in", "new", "window"], DECISIVE),
    (&["opens", "in", "a", "new", "window"], DECISIVE),
    (&["click", "to", "share"], DECISIVE),
    // Share buttons of saved pages (found in review). Not "sign up here":
    // "Voters who want to register can sign up here." is news.
    (&["link", "copied"], DECISIVE),
    (&["already", "a", "subscriber"], DECISIVE),
    (&["story", "continues", "below"], DECISIVE),
    // Appeals and tip lines at the foot of every article of an outlet
    // (found in review: two articles of one outlet made them the best
    // supported "facts", and joined unrelated stories through them).
    (&["enjoying", "this", "article"], DECISIVE),
    // "demands for unlimited access" is news (a DUC 2003 article).
    (&["unlimited", "access", "to", "our"], DECISIVE),
    (&["unlimited", "access"], 1),
    (&["contact", "our", "newsroom"], DECISIVE),
    (&["readers", "like", "you"], DECISIVE),
    (&["support", "our", "reporting"], DECISIVE),
    // "I have a favour to ask," and "the test only takes a minute" are
    // quotes news can carry; the appeal's own wording is not.
    (&["small", "favour", "to", "ask"], DECISIVE),
    (&["small", "favor", "to", "ask"], DECISIVE),
    (&["favour", "to", "ask"], 1),
    (&["favor", "to", "ask"], 1),
    (&["only", "takes", "a", "minute"], 1),
    (&["support", "the", "guardian"], DECISIVE),
    (&["subscribe"], 1),
    (&["subscription"], 1),
    (&["donate"], 1),
    (&["donating"], 1),
    (&["donation"], 1),
    (&["donations"], 1),
    (&["paywall"], 1),
    (&["paywalls"], 1),
    (&["patreon"], 1),
    (&["paypal"], 1),
    (&["newsletter"], 1),
    (&["sign", "up"], 1),
    (&["advertisement"], 1),
    (&["sponsored"], 1),
    (&["cookies"], 1),
];

/// English titles and place prefixes that precede a name ("Mt. Hood",
/// "Ft. Bragg"). "St." (Saint or Street) and "Jr." are left out: they may
/// end a sentence.
const ENGLISH_TITLES: &[&str] = &[
    "Mr", "Mrs", "Ms", "Messrs", "Dr", "Prof", "Gen", "Lt", "Col", "Maj", "Capt", "Cpt", "Sgt",
    "Cpl", "Pvt", "Adm", "Cmdr", "Brig", "Gov", "Sen", "Rep", "Rev", "Hon", "Pres", "Amb", "Supt",
    "Insp", "Atty", "Mt", "Mts", "Ft",
];

/// Time zones written after a clock time ("7:30 p.m. ET").
const ENGLISH_TIME_ZONES: &[&str] = &[
    "ET", "EST", "EDT", "CT", "CST", "CDT", "MT", "MST", "MDT", "PT", "PST", "PDT", "AKST", "AKDT",
    "HST", "GMT", "UTC", "BST", "CET", "CEST", "EET", "EEST", "MSK", "IST", "JST", "KST", "AEST",
    "AEDT",
];

const ENGLISH_TIME_PREPOSITIONS: &[&str] = &[
    "at", "by", "from", "until", "till", "before", "after", "around", "about", "since", "past",
    "near", "toward", "towards",
];

/// Titles that precede a name in most European languages.
const UNIVERSAL_TITLES: &[&str] = &["Dr", "Prof"];

const ENGLISH_CALENDAR_WORDS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan",
    "Feb",
    "Aug",
    "Sept",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
];

const ENGLISH_CREDIT_PREFIXES: &[&str] = &[
    "reporting by",
    "additional reporting by",
    "writing by",
    "editing by",
    "compiled by",
    "written by",
];

/// Articles, prepositions and conjunctions that leave a clause open. Found
/// in review: a page's `<br>` in "named the victims as<br>Jane Smith, 23"
/// made the first half a heading. Only words no headline or subhead ends
/// with: not "up", "in", "on", "to", "for", "with", "that" or "said",
/// which end phrasal verbs and subheads ("Markets close up", "Where the
/// money goes to", "What officials said": found in review), nor "a" and
/// "who" ("Plan A", "Doctor Who").
const ENGLISH_CLAUSE_WORDS: &[&str] = &[
    "an",
    "the",
    "as",
    "by",
    "of",
    "and",
    "or",
    "but",
    "than",
    "between",
    "including",
];

/// Compared with the end of a line without its final period.
const ENGLISH_CREDIT_SUFFIXES: &[&str] = &[
    "contributed to this report",
    "contributed to this story",
    "contributed to this article",
    "contributed reporting",
    "contributed to reporting",
];

const ENGLISH_STAFF_ROLES: &[&str] = &[
    "writer",
    "staff",
    "reporter",
    "correspondent",
    "editor",
    "contributor",
    "columnist",
    "bureau",
];

/// News agencies and outlets whose name alone on a line is a byline
/// (compared ignoring ASCII case, after removing enclosing parentheses).
const OUTLETS: &[&str] = &[
    "reuters",
    "ap",
    "associated press",
    "the associated press",
    "afp",
    "agence france-presse",
    "agence france presse",
    "bbc",
    "bbc news",
    "cnn",
    "bloomberg",
    "bloomberg news",
    "dpa",
    "efe",
    "ansa",
    "xinhua",
    "tass",
    "upi",
    "pti",
    "ani",
    "ians",
    "kyodo",
    "yonhap",
    "al jazeera",
    "npr",
    // Photo agencies of captions ("Photograph: Gareth Fuller/PA", found
    // in review).
    "pa",
    "pa media",
    "pa wire",
    "epa",
    "epa-efe",
    "anp",
];

static ENGLISH: LanguageRules = LanguageRules {
    titles: ENGLISH_TITLES,
    calendar_words: ENGLISH_CALENDAR_WORDS,
    time_zones: ENGLISH_TIME_ZONES,
    time_prepositions: ENGLISH_TIME_PREPOSITIONS,
    clause_words: ENGLISH_CLAUSE_WORDS,
    credit_prefixes: ENGLISH_CREDIT_PREFIXES,
    credit_suffixes: ENGLISH_CREDIT_SUFFIXES,
    by_words: &["By", "BY"],
    staff_roles: ENGLISH_STAFF_ROLES,
    appeal_terms: ENGLISH_APPEAL_TERMS,
    appeal_index: appeal_index(ENGLISH_APPEAL_TERMS),
    link_cues: super::links::ENGLISH_LINK_CUES,
    named_link_cues: super::links::ENGLISH_NAMED_CUES,
    interstitials: super::interstitials::ENGLISH_MARKERS,
    dates: &DateWords::NONE,
    semicolon_ends_question: false,
};

static FRENCH: LanguageRules = european_rules(&european::FRENCH);
static GERMAN: LanguageRules = european_rules(&european::GERMAN);
static SPANISH: LanguageRules = european_rules(&european::SPANISH);
static ITALIAN: LanguageRules = european_rules(&european::ITALIAN);
static PORTUGUESE: LanguageRules = european_rules(&european::PORTUGUESE);
static DUTCH: LanguageRules = european_rules(&european::DUTCH);

/// The rules of a language with page-furniture and date tables in
/// [`european`], the rest as [`OTHER`].
const fn european_rules(tables: &european::Tables) -> LanguageRules {
    LanguageRules {
        time_zones: european::EUROPEAN_TIME_ZONES,
        by_words: tables.by_words,
        appeal_terms: tables.appeal_terms,
        appeal_index: appeal_index(tables.appeal_terms),
        link_cues: tables.link_cues,
        dates: tables.dates,
        ..OTHER
    }
}

static GREEK: LanguageRules = LanguageRules {
    semicolon_ends_question: true,
    ..OTHER
};

static OTHER: LanguageRules = LanguageRules {
    titles: UNIVERSAL_TITLES,
    calendar_words: &[],
    time_zones: &[],
    time_prepositions: &[],
    clause_words: &[],
    credit_prefixes: &[],
    credit_suffixes: &[],
    by_words: &[],
    staff_roles: &[],
    appeal_terms: &[],
    appeal_index: [0; 26],
    link_cues: &[],
    named_link_cues: &[],
    interstitials: &[],
    dates: &DateWords::NONE,
    semicolon_ends_question: false,
};

impl LanguageRules {
    /// The tables for `language`.
    pub(super) fn for_language(language: Language) -> &'static LanguageRules {
        match language {
            Language::English => &ENGLISH,
            Language::French => &FRENCH,
            Language::German => &GERMAN,
            Language::Spanish => &SPANISH,
            Language::Italian => &ITALIAN,
            Language::Portuguese => &PORTUGUESE,
            Language::Dutch => &DUTCH,
            Language::Greek => &GREEK,
            _ => &OTHER,
        }
    }
}

/// Sentence-final punctuation in the scripts of the supported languages.
pub(super) fn is_terminator(c: char) -> bool {
    matches!(
        c,
        '.' | '!' | '?' | '…' | '。' | '！' | '？' | '؟' | '۔' | '।' | '॥'
    )
}

/// Closing quotes and brackets, which may follow sentence punctuation.
/// Straight quotes count too: after a terminator they close a quote.
pub(super) fn is_closer(c: char) -> bool {
    matches!(c, ')' | ']' | '”' | '’' | '"' | '\'' | '»' | '›')
}

/// Opening quotes and brackets, including the AP wire's "``".
pub(super) fn is_opener(c: char) -> bool {
    matches!(
        c,
        '(' | '[' | '“' | '‘' | '"' | '\'' | '«' | '‹' | '`' | '„' | '‚'
    )
}

/// Classifies the trimmed, non-empty line `line`.
pub(super) fn classify(line: &str, rules: &LanguageRules) -> LineClass {
    let words = count_words(line);
    // List items are body text even when short and unpunctuated, and so
    // are lowercase fragments ("fresh bread"): headings are capitalized. A
    // German stamp (`24. November 2026, 15:42 Uhr`) only looks like an item,
    // and a Dutch one (`dinsdag 24 november 2026 15:42`) like a fragment
    // (found in review: they were sentences, and the pages had no date).
    let is_stamp = || super::stamps::stamp_date(line, rules).is_some();
    let heading_like = words <= MAX_HEADING_WORDS
        && (line.ends_with(':') || !ends_with_sentence_punctuation(line, rules))
        && (!starts_with_list_marker(line) || is_stamp())
        && (!line
            .trim_start_matches(is_opener)
            .starts_with(char::is_lowercase)
            || is_stamp());
    if !line.chars().any(char::is_alphanumeric) || is_wire_code(line) {
        // Separators such as "***" or "—", and markup such as "nn".
        return LineClass::Whole(UnitKind::Boilerplate);
    }
    if ends_with_photo_credit(line) {
        // A photo caption: it describes a picture, not the story.
        return LineClass::Whole(UnitKind::Boilerplate);
    }
    if is_boilerplate(line, words, heading_like, rules) {
        return if heading_like {
            LineClass::Whole(UnitKind::Boilerplate)
        } else {
            LineClass::Sentences(UnitKind::Boilerplate)
        };
    }
    if is_byline(line, words, rules) {
        return LineClass::Whole(UnitKind::Byline);
    }
    if heading_like {
        return LineClass::Whole(UnitKind::Heading);
    }
    LineClass::Sentences(UnitKind::Sentence)
}

/// A line of lowercase letters without a word of three letters or more:
/// wire markup such as the New York Times service's `nn` paragraph marker,
/// not text.
fn is_wire_code(line: &str) -> bool {
    line.chars()
        .all(|c| c.is_ascii_lowercase() || c.is_whitespace())
        && words_of(line).all(|word| word.len() <= 2)
}

/// True when the line's last character, ignoring closing quotes and
/// brackets, ends a sentence.
pub(super) fn ends_with_sentence_punctuation(line: &str, rules: &LanguageRules) -> bool {
    // Closing quotes as German (`„…“`) and French (`« … »`, spaced) write
    // them too: found in review, `« Nous ne céderons pas. »` was a heading.
    let last = line
        .trim_end_matches(|c: char| is_closer(c) || matches!(c, '“' | '‘') || c.is_whitespace())
        .chars()
        .next_back();
    last.is_some_and(|c| {
        is_terminator(c) || (rules.semicolon_ends_question && matches!(c, ';' | '\u{37E}'))
    })
}

/// Appeals are judged by a score: the summed weights of the distinct appeal
/// terms in the paragraph. A short heading-like line needs one term
/// ("Subscribe", "Advertisement"); longer lines need [`DECISIVE`] plus one
/// per 60 words, so that a long news paragraph that mentions a donation and
/// a subscription stays news.
fn is_boilerplate(line: &str, words: usize, heading_like: bool, rules: &LanguageRules) -> bool {
    let threshold = if heading_like && words <= 3 {
        1
    } else {
        DECISIVE + u32::try_from(words / 60).unwrap_or(u32::MAX)
    };
    boilerplate_score(line, rules) >= threshold
}

/// Summed weights of the appeal terms found in `line` as whole words. A
/// copyright sign counts as [`DECISIVE`] in every language.
///
/// Every line of every document comes through here, so it makes one pass
/// over the words: a phrase is compared only where a word starts with its
/// first letter (most words start no phrase), and a bit per phrase counts
/// each phrase once.
fn boilerplate_score(line: &str, rules: &LanguageRules) -> u32 {
    let copyright = if line.contains('©') { DECISIVE } else { 0 };
    let terms = rules.appeal_terms;
    if terms.is_empty() {
        return copyright;
    }
    let by_letter = &rules.appeal_index;
    let words = collect_words(line);
    let mut found = 0u64;
    for (at, word) in words.iter().enumerate() {
        let first = word.as_bytes()[0].to_ascii_lowercase();
        if !first.is_ascii_lowercase() {
            continue;
        }
        let mut candidates = by_letter[usize::from(first - b'a')] & !found;
        while candidates != 0 {
            let k = candidates.trailing_zeros() as usize;
            candidates &= candidates - 1;
            let phrase = terms[k].0;
            if phrase[0].len() == word.len() && starts_phrase(&words[at..], phrase) {
                found |= 1 << k;
            }
        }
    }
    let weights: u32 = terms
        .iter()
        .enumerate()
        .filter(|&(k, _)| found & (1 << k) != 0)
        .map(|(_, &(_, weight))| weight)
        .sum();
    copyright + weights
}

/// The phrases of `terms` starting with each lower-case ASCII letter, as
/// bits: built once, at compile time, which also checks that there are at
/// most 64 terms and that they are lower-case ASCII.
const fn appeal_index(terms: &[(&[&str], u32)]) -> [u64; 26] {
    assert!(terms.len() <= 64, "one bit per appeal term");
    let mut by_letter = [0u64; 26];
    let mut k = 0;
    while k < terms.len() {
        let first = terms[k].0[0].as_bytes()[0];
        assert!(
            first.is_ascii_lowercase(),
            "appeal terms are lower-case ASCII"
        );
        by_letter[(first - b'a') as usize] |= 1 << k;
        k += 1;
    }
    by_letter
}

/// The words of `text`: maximal runs of letters and digits.
fn words_of(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
}

/// [`words_of`] collected, byte by byte when `text` is ASCII: this runs
/// over every line of the input.
fn collect_words(text: &str) -> Vec<&str> {
    if !text.is_ascii() {
        return words_of(text).collect();
    }
    let mut words = Vec::with_capacity(text.len() / 4);
    let mut start = None;
    for (at, b) in text.bytes().enumerate() {
        match (b.is_ascii_alphanumeric(), start) {
            (true, None) => start = Some(at),
            (false, Some(from)) => {
                words.push(&text[from..at]);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(from) = start {
        words.push(&text[from..]);
    }
    words
}

/// `line.split_whitespace().count()`, counting ASCII lines byte by byte.
fn count_words(line: &str) -> usize {
    if !line.is_ascii() {
        return line.split_whitespace().count();
    }
    // ASCII white space as `char::is_whitespace` has it: tab to carriage
    // return (vertical tab included) and space.
    let mut words = 0;
    let mut in_word = false;
    for &b in line.as_bytes() {
        let space = matches!(b, b'\t'..=b'\r' | b' ');
        words += usize::from(!space && !in_word);
        in_word = !space;
    }
    words
}

/// True when `words` starts with the lower-case word sequence `phrase`,
/// ignoring ASCII case. Comparing words rather than searching substrings
/// gives whole-word matches without lower-casing every line.
fn starts_phrase(words: &[&str], phrase: &[&str]) -> bool {
    words.len() >= phrase.len()
        && words
            .iter()
            .zip(phrase)
            .all(|(word, wanted)| word.eq_ignore_ascii_case(wanted))
}

/// Author credits and outlet names: "By Jane Smith", "Reporting by ...;
/// Editing by ...", "Reuters", "(AP)", "Jane Smith | Reuters",
/// "Jane Smith, Staff Writer".
fn is_byline(line: &str, words: usize, rules: &LanguageRules) -> bool {
    let core = byline_core(line);
    if is_outlet(core) {
        return true;
    }
    if rules.credit_prefixes.iter().any(|prefix| {
        core.get(..prefix.len())
            .is_some_and(|start| start.eq_ignore_ascii_case(prefix))
    }) {
        return true;
    }
    if words <= 2 * MAX_BYLINE_WORDS && ends_with_credit(core, rules) {
        return true;
    }
    if words > MAX_BYLINE_WORDS || ends_with_sentence_punctuation(core, rules) {
        return false;
    }
    is_by_line(core, ends_with_sentence_punctuation(line, rules), rules)
        || is_name_and_outlet(core, rules)
        || is_outlet_with_agency(core)
}

/// "Le Monde avec AFP", "Der Spiegel mit dpa": an outlet's name of at most
/// four capitalized words, the word for "with" in one of the other
/// languages with furniture tables, and an agency (found in review: "Le
/// Monde avec AFP" was a heading). Not English "with": "Talks with
/// Reuters" is a headline.
fn is_outlet_with_agency(core: &str) -> bool {
    [" avec ", " mit ", " con ", " com ", " met "]
        .iter()
        .find_map(|with| core.split_once(with))
        .is_some_and(|(outlet, agency)| {
            let words: Vec<&str> = outlet.split_whitespace().collect();
            (1..=4).contains(&words.len())
                && words.iter().all(|w| is_capitalized(w))
                && agency.split([',', '/']).all(|a| is_outlet(a.trim()))
        })
}

/// A photo credit has at most this many words ("Sergei Supinsky/AFP via
/// Getty Images").
const MAX_PHOTO_CREDIT_WORDS: usize = 8;

/// True when `line` ends with a photo credit, `AGENCY/Photographer` or
/// `Photographer/AGENCY` after the caption's last sentence: "A rescuer
/// carries a child in Piacenza. REUTERS/Guglielmo Mangiapane", "(AP
/// Photo/Efrem Lukatsky)", "Sergei Supinsky/AFP via Getty Images". The
/// agency is an outlet, "... Photo" or "Getty Images"; no sentence
/// punctuation follows.
pub(super) fn ends_with_photo_credit(line: &str) -> bool {
    // Cheap exit: a credit has a slash near the end.
    let tail_start = line.len().saturating_sub(80);
    let Some(slash) = line.as_bytes()[tail_start..]
        .iter()
        .rposition(|&b| b == b'/')
        .map(|at| tail_start + at)
    else {
        return false;
    };
    let core = line.trim_end_matches([')', ']', ' ']);
    if core.ends_with(|c: char| is_terminator(c) || c == ',') || slash >= core.len() {
        return false;
    }
    // The credit starts after the caption's last sentence, or an opening
    // bracket.
    let before = &line[..slash];
    let start = before
        .rfind(|c: char| is_terminator(c) || c == '(' || c == '[')
        .map_or(0, |at| {
            at + before[at..].chars().next().map_or(1, char::len_utf8)
        });
    let credit = line[start..core.len()].trim();
    if credit
        .split_whitespace()
        .nth(MAX_PHOTO_CREDIT_WORDS)
        .is_some()
    {
        return false;
    }
    // "Photo by Jane Doe/Getty Images": the lower-case "by" is no name.
    let credit = ["Photo by ", "Photograph by ", "Photos by "]
        .iter()
        .find_map(|lead| credit.strip_prefix(lead))
        .unwrap_or(credit);
    let Some((left, right)) = credit.split_once('/') else {
        return false;
    };
    let agency = |side: &str| {
        let side = side.trim();
        is_outlet(side)
            || side.ends_with("Photo")
            || side.contains("Getty Images")
            || side.split(" via ").any(is_outlet)
    };
    let names = |side: &str| {
        let words: Vec<&str> = side.split_whitespace().collect();
        (1..=4).contains(&words.len()) && words.iter().all(|w| is_capitalized(w))
    };
    (agency(left) && names(right)) || (names(left) && agency(right))
}

/// A line without enclosing brackets and its final periods.
fn byline_core(line: &str) -> &str {
    line.trim_matches(|c: char| matches!(c, '(' | ')' | '[' | ']') || c.is_whitespace())
        .trim_end_matches('.')
}

/// True when `sentence`, one sentence of a paragraph, is a credit line:
/// "Floods hit Italy. Reuters contributed to this report." ends with one.
pub(super) fn is_credit_sentence(sentence: &str, rules: &LanguageRules) -> bool {
    !rules.credit_suffixes.is_empty()
        && sentence
            .split_whitespace()
            .nth(2 * MAX_BYLINE_WORDS)
            .is_none()
        && ends_with_credit(byline_core(sentence), rules)
}

/// "The Associated Press contributed to this report": a line that ends
/// with a credit suffix and is one sentence (names with initials such as
/// "J.D. Smith" allowed), so that a paragraph whose last sentence is the
/// credit keeps its other sentences.
fn ends_with_credit(core: &str, rules: &LanguageRules) -> bool {
    // A place after the credit is read past only when the line ends in a
    // capitalized word (this runs on every sentence).
    let Some(names) = credited_names(core, rules).or_else(|| {
        let bare = without_place(core);
        (bare.len() < core.len())
            .then(|| credited_names(bare, rules))
            .flatten()
    }) else {
        return false;
    };
    // A sentence ends inside `names` at "!", "?", or a period after a
    // lowercase letter ("... on Sunday. Reuters contributed ...").
    let mut previous = ' ';
    for c in names.chars() {
        if matches!(c, '!' | '?') || (c == '.' && previous.is_lowercase()) {
            return false;
        }
        previous = c;
    }
    true
}

/// What precedes a credit suffix at the end of `core` (the names), if
/// `core` ends with one, or with a bare "contributed" after names that
/// hold a role ("AP writer Jane Doe contributed"; "Three factors
/// contributed" stays a sentence).
fn credited_names<'a>(core: &'a str, rules: &LanguageRules) -> Option<&'a str> {
    let before = |suffix: &str| {
        let at = core.len().checked_sub(suffix.len())?;
        let end = core.get(at..)?;
        end.eq_ignore_ascii_case(suffix).then(|| &core[..at])
    };
    let names_a_role = |names: &str| {
        names.split_whitespace().any(|word| {
            let word = word
                .trim_matches(|c: char| !c.is_alphabetic())
                .to_lowercase();
            let singular = word.strip_suffix('s').unwrap_or(&word);
            rules.staff_roles.contains(&singular)
        })
    };
    rules
        .credit_suffixes
        .iter()
        .find_map(|suffix| before(suffix))
        .or_else(|| before(" contributed").filter(|names| names_a_role(names)))
}

/// `core` without a trailing place ("... contributed to this report from
/// Brussels"): " from " and one to three capitalized words. Read from the
/// end, word by word (this runs on every sentence).
fn without_place(core: &str) -> &str {
    let mut end = core.len();
    for _ in 0..3 {
        let Some(space) = core[..end].rfind(' ') else {
            return core;
        };
        if !is_capitalized(&core[space + 1..end]) {
            return core;
        }
        end = space;
        if let Some(before) = core[..end].strip_suffix(" from") {
            return before;
        }
    }
    core
}

fn is_outlet(name: &str) -> bool {
    OUTLETS
        .iter()
        .any(|outlet| name.eq_ignore_ascii_case(outlet))
}

/// "By Jane Smith", "By JANE SMITH and JOHN DOE, Reuters": "By" followed by
/// capitalized names (joined by "and"/"&" or the word in other languages,
/// particles such as "de" allowed), not by a
/// lower-case word as in "By Friday the troops had left".
fn is_by_line(core: &str, punctuated: bool, rules: &LanguageRules) -> bool {
    let Some(rest) = rules.by_words.iter().find_map(|by| core.strip_prefix(by)) else {
        return false;
    };
    if !rest.starts_with(char::is_whitespace) {
        return false;
    }
    // Unpunctuated, the names end at a comma or bracket, and a role or
    // place may follow ("Par Jean Dupont, envoyé spécial à Kiev", "Par
    // Jean Dupont (Marseille, correspondant)": found in review); a
    // sentence ("By Friday, the troops had left.") has only names.
    let names = if punctuated {
        rest
    } else {
        rest.split([',', '(']).next().unwrap_or_default()
    };
    let names = names.split(',').flat_map(str::split_whitespace);
    let mut names = names.filter(|word| !is_name_joiner(word)).peekable();
    names.peek().is_some() && names.all(is_capitalized)
}

/// A lower-case word that joins names in an author line: "and" in the
/// languages with by-words, and the particles of names ("Jan de Vries",
/// "Ursula von der Leyen", "Ana da Silva").
fn is_name_joiner(word: &str) -> bool {
    matches!(
        word,
        "and"
            | "&"
            | "et"
            | "und"
            | "y"
            | "e"
            | "en"
            | "de"
            | "del"
            | "della"
            | "der"
            | "den"
            | "van"
            | "von"
            | "da"
            | "das"
            | "do"
            | "dos"
            | "di"
            | "du"
            | "la"
            | "le"
            | "ten"
            | "ter"
    )
}

/// "Jane Smith | Reuters" and "Jane Smith, Staff Writer": a name of two to
/// four capitalized words, then after `|` or `,` an outlet or a job title.
fn is_name_and_outlet(core: &str, rules: &LanguageRules) -> bool {
    let Some((name, rest)) = core.split_once(['|', ',']) else {
        return false;
    };
    let name_words: Vec<&str> = name.split_whitespace().collect();
    if !(2..=4).contains(&name_words.len()) || !name_words.iter().all(|w| is_capitalized(w)) {
        return false;
    }
    rest.split(['|', ',']).map(str::trim).any(|part| {
        is_outlet(part)
            || words_of(part).any(|word| {
                rules
                    .staff_roles
                    .iter()
                    .any(|role| word.eq_ignore_ascii_case(role))
            })
    })
}

fn is_capitalized(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Text mixing ASCII with the white space, letters and punctuation
    /// that take the slow paths.
    fn mixed_text() -> impl Strategy<Value = String> {
        prop::collection::vec(
            prop::sample::select(vec![
                "a", "Z", "7", " ", "\t", "\u{0B}", "\r", ".", ",", "'", "é", "Ω", "٣", "“", "”",
                "\u{A0}", "\u{2003}", "—", "_", "©",
            ]),
            0..40,
        )
        .prop_map(|parts| parts.concat())
    }

    proptest! {
        #[test]
        fn fast_word_splits_agree_with_the_standard_ones(text in mixed_text()) {
            let expected: Vec<&str> = text
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .collect();
            prop_assert_eq!(collect_words(&text), expected.clone());
            let ascii: String = text.chars().filter(char::is_ascii).collect();
            let expected_ascii: Vec<&str> = words_of(&ascii).collect();
            prop_assert_eq!(collect_words(&ascii), expected_ascii);
            prop_assert_eq!(count_words(&text), text.split_whitespace().count());
        }
    }

    #[test]
    fn photo_credits_end_captions() {
        for caption in [
            "A rescuer carries a child in Piacenza, Italy, November 24, 2026. REUTERS/Guglielmo Mangiapane",
            "Zelensky speaks in Kyiv on Tuesday. (AP Photo/Efrem Lukatsky)",
            "Sergei Supinsky/AFP via Getty Images",
            "Firefighters at work. Photo: Jane Doe/Bloomberg",
            "Emergency services at the scene near Ashford. Photograph: Gareth Fuller/PA",
            "Smoke rises over the city. (Photo by Jane Doe/Getty Images)",
        ] {
            assert!(ends_with_photo_credit(caption), "{caption}");
        }
        for line in [
            "The deal was signed in Kyiv/Kiev on Tuesday.",
            "Russia/Ukraine War Live Updates",
            "Prices rose 3% year/year, officials said",
            "The 50/50 split was agreed. Talks/negotiations resume soon",
            "No slash at all here",
        ] {
            assert!(!ends_with_photo_credit(line), "{line}");
        }
    }

    #[test]
    fn appeal_phrases_count_once_each() {
        let rules = LanguageRules::for_language(Language::English);
        // "subscribe" twice and "subscribe now": 1 + 3, each once.
        let line = "Subscribe now! Subscribe, SUBSCRIBE to nothing.";
        assert_eq!(boilerplate_score(line, rules), 1 + DECISIVE);
        assert_eq!(
            boilerplate_score("Support our journalism ©", rules),
            2 * DECISIVE
        );
        assert_eq!(
            boilerplate_score("A news sentence about support.", rules),
            0
        );
    }
}
