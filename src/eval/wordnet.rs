//! WordNet 2.0's irregular forms, which ROUGE-1.5.5 looks up before
//! stemming (`MorphStem`): with `-m`, a token longer than three characters
//! that is in the table becomes its base form as is (`went` → `go`,
//! `children` → `child`), any other is Porter-stemmed. The table and its
//! provenance and licence are in `src/eval/wordnet/`.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

/// `<form> <base form>` per line, `#` comments (see `wordnet/README.md`).
const TABLE: &str = include_str!("wordnet/exceptions.txt");

/// The base form of `token` when WordNet lists it as an irregular form.
pub(crate) fn base_form(token: &str) -> Option<&'static str> {
    static MAP: OnceLock<FxHashMap<&'static str, &'static str>> = OnceLock::new();
    MAP.get_or_init(|| {
        TABLE
            .lines()
            .filter(|line| !line.starts_with('#'))
            .filter_map(|line| line.split_once(' '))
            .collect()
    })
    .get(token)
    .copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn irregular_forms_map_to_their_base() {
        assert_eq!(base_form("went"), Some("go"));
        assert_eq!(base_form("children"), Some("child"));
        // In adj.exc as `good`, in adv.exc as `well`: the official figures
        // use `good`.
        assert_eq!(base_form("better"), Some("good"));
        assert_eq!(base_form("running"), Some("run"));
        assert_eq!(base_form("talking"), None);
        assert_eq!(base_form("#"), None);
    }
}
