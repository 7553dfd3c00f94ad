//! Table-driven cases from `tests/data/fact_cases.txt` and property tests
//! of the splitter's invariants.

use proptest::prelude::*;

use super::split::{Rules, Split, Splitter};
use crate::lang::Language;

/// The case table (format in the file's header comment).
const CASES: &str = include_str!("../../tests/data/fact_cases.txt");

struct Case {
    name: String,
    rules: Rules,
    sentence: String,
    /// `None`: the sentence is one whole fact.
    expected: Option<Vec<String>>,
}

fn parse_cases(table: &str) -> Vec<Case> {
    let mut cases = Vec::new();
    for block in table.split("\n=== ").skip(1) {
        let (name, body) = block.split_once('\n').unwrap_or((block, ""));
        let (input, expected) = body
            .split_once("\n---\n")
            .unwrap_or_else(|| panic!("case {name:?} has no `---` line"));
        let mut rules = Rules::ALL;
        let mut sentence = None;
        for line in input.lines() {
            match line.strip_prefix("@rules ") {
                Some(list) => rules = Rules::parse(list).expect("valid @rules"),
                None => {
                    assert!(sentence.is_none(), "case {name:?}: one sentence line");
                    sentence = Some(line.to_string());
                }
            }
        }
        let lines: Vec<&str> = expected
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .collect();
        let expected = if lines == ["whole"] {
            None
        } else {
            Some(
                lines
                    .iter()
                    .map(|l| {
                        l.strip_prefix("fact: ")
                            .unwrap_or_else(|| panic!("case {name:?}: bad line {l:?}"))
                            .to_string()
                    })
                    .collect(),
            )
        };
        cases.push(Case {
            name: name.to_string(),
            rules,
            sentence: sentence.unwrap_or_else(|| panic!("case {name:?} has no sentence")),
            expected,
        });
    }
    cases
}

/// Runs one case; the error describes the difference.
fn check(case: &Case) -> Result<(), String> {
    let split = Splitter::new(Language::English, case.rules).split(&case.sentence);
    let got = match &split {
        Split::Whole => None,
        Split::Parts(spans) => Some(
            spans
                .iter()
                .map(|&(s, e)| case.sentence[s..e].to_string())
                .collect::<Vec<_>>(),
        ),
    };
    if got == case.expected {
        Ok(())
    } else {
        Err(format!(
            "case {:?}\n  sentence: {}\n  expected: {:?}\n  got:      {:?}",
            case.name, case.sentence, case.expected, got
        ))
    }
}

#[test]
fn case_table() {
    let cases = parse_cases(CASES);
    assert!(cases.len() >= 30, "only {} cases parsed", cases.len());
    let failures: Vec<String> = cases.iter().filter_map(|c| check(c).err()).collect();
    assert!(
        failures.is_empty(),
        "{} of {} cases fail:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn other_languages_keep_whole_sentences() {
    let splitter = Splitter::new(Language::German, Rules::ALL);
    assert!(splitter.is_off());
    assert_eq!(
        splitter.split("„Es gibt keinen Deal“, sagte Trump; er werde die NATO informieren."),
        Split::Whole
    );
}

/// Text made of the pieces the rules look at.
fn sentence_strategy() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "“",
        "”",
        "\"",
        "``",
        "''",
        ",",
        ", ",
        ";",
        ": ",
        ".",
        " ",
        "said",
        "adding that",
        "but",
        "the",
        "Trump",
        "deal",
        "é",
        "日本",
        "\u{2014}",
        "according to",
        "he",
        "refused",
        "is",
        "X.",
        "Mr.",
        "&quot;",
        "&#8217;",
        "&nbsp;",
        "&amp;",
    ]);
    prop::collection::vec(pieces, 0..40).prop_map(|p| p.join(" ").replace("  ", " "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]
    /// Facts are in order, disjoint, non-empty, trimmed, on character
    /// boundaries, and slice back to text of the sentence.
    #[test]
    fn spans_slice_back_on_char_boundaries(text in sentence_strategy(), any in "\\PC{0,60}") {
        let splitter = Splitter::new(Language::English, Rules::ALL);
        for sentence in [text.trim(), any.trim()] {
            if let Split::Parts(spans) = splitter.split(sentence) {
                prop_assert!(!spans.is_empty());
                let mut last_end = 0;
                for &(start, end) in &spans {
                    prop_assert!(last_end <= start && start < end && end <= sentence.len());
                    prop_assert!(sentence.is_char_boundary(start) && sentence.is_char_boundary(end));
                    let fact = &sentence[start..end];
                    prop_assert_eq!(fact, fact.trim());
                    prop_assert!(fact.chars().any(char::is_alphanumeric));
                    last_end = end;
                }
            }
        }
    }
}

proptest! {
    /// The early-exit word count agrees with the plain one.
    #[test]
    fn has_words_agrees_with_word_count(text in "[ a.,é—\u{a0}1’]{0,30}", n in 0usize..8) {
        prop_assert_eq!(super::split::has_words(&text, n), super::split::word_count(&text) >= n);
    }
}

#[test]
fn rule_lists_parse_and_none_stands_alone() {
    assert_eq!(Rules::parse("none"), Ok(Rules::NONE));
    assert_eq!(Rules::parse("all"), Ok(Rules::ALL));
    let quotes = Rules::parse("quotes").unwrap();
    assert!(quotes.quotes && !quotes.semicolons);
    // Found in review: `quotes,none` silently meant none, `,` silently no rule.
    for bad in ["quotes,none", "none,all", ",", "quotes,bogus"] {
        assert!(Rules::parse(bad).is_err(), "{bad}");
    }
}
