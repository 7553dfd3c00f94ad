//! The names a sentence mentions (people, places, organizations, as
//! capitalized words), for telling apart values that belong to different
//! ones.
//!
//! Two sentences of one fact that give different figures and name no
//! person, place or organization in common were, in the dev set, mostly
//! about different ones: Xu's 12 years in prison and Qin's 10; the rise of
//! obesity in the Southeast and among Californians. A conflict is claimed
//! only between sentences that share a name or where one names none.

use super::extract::{is_month_or_weekday, may_start_value_word};
use super::tokens::{Token, TokenKind};

/// The lower-cased capitalized words of `tokens` that may be names: not a
/// stop word ("The", "But"), a month or weekday, or a number word, and not
/// in a dateline ("GOTEBORG, Sweden (AP) _"), which names the place of
/// filing, shared by every story of a wire. The sentence's first word is
/// capitalized whatever it is, so it is returned apart (`Names::first`):
/// the caller counts it as a name when other sentences use it as one
/// ("Xu spent 12 years in prison" after "..., Xu for 12 years").
pub(crate) fn names<'t>(
    tokens: &'t [Token<'t>],
    stop_words: &rustc_hash::FxHashSet<&'static str>,
) -> Names<'t> {
    let start = dateline_end(tokens);
    let first_word = tokens[start..]
        .iter()
        .position(|t| t.kind == TokenKind::Word)
        .map_or(tokens.len(), |k| start + k);
    let may_name = |t: &Token| {
        t.is_capitalized()
            && !stop_words.contains(t.lower.as_ref())
            && !is_month_or_weekday(&t.lower)
            && !may_start_value_word(&t.lower)
    };
    Names {
        inside: tokens[start..]
            .iter()
            .enumerate()
            .filter(|&(k, t)| start + k != first_word && may_name(t))
            .map(|(_, t)| t.lower.as_ref())
            .collect(),
        first: tokens
            .get(first_word)
            .filter(|t| may_name(t))
            .map(|t| t.lower.as_ref()),
    }
}

/// The names of one sentence ([`names`]).
pub(crate) struct Names<'t> {
    /// Capitalized words after the first word.
    pub inside: Vec<&'t str>,
    /// The first word, when it could be a name.
    pub first: Option<&'t str>,
}

/// Tokens of a leading dateline: up to a `_` or a spaced dash among the
/// first 12 tokens ("TAIPEI, Taiwan (AP) _", "ANKARA, August 17 (Xinhua)
/// --").
fn dateline_end(tokens: &[Token]) -> usize {
    tokens
        .iter()
        .take(12)
        .position(|t| t.is('_') || t.is_dash() && t.space_before)
        .map_or(0, |k| k + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::disagree::tokens::tokenize;
    use crate::Language;

    #[test]
    fn names_skip_the_dateline_first_word_months_and_stop_words() {
        let stop: rustc_hash::FxHashSet<&'static str> =
            Language::English.stop_words().iter().copied().collect();
        let tokens = tokenize(
            "TAIPEI, Taiwan (AP) _ The storm hit Hong Kong on Sunday, killing 156 people, officials said in October.",
        );
        let found = names(&tokens, &stop);
        assert_eq!(found.inside, ["hong", "kong"]);
        assert_eq!(found.first, None);
        let tokens = tokenize("But Xu spent Twelve years in prison.");
        assert_eq!(names(&tokens, &stop).inside, ["xu"]);
        let tokens = tokenize("Xu spent 12 years in prison.");
        let found = names(&tokens, &stop);
        assert!(found.inside.is_empty());
        assert_eq!(found.first, Some("xu"));
    }
}
