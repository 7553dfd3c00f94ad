//! BERT's uncased tokenization, as all-MiniLM-L6-v2 saw its input: split on
//! white space and punctuation, lowercase, strip accents, then cut each
//! word into the longest wordpieces the table holds (`ceasefire` is one
//! piece, `zelensky` is `ze ##len ##sky`). A word the table holds whole
//! (the distillation may add words beyond BERT's pieces) is taken whole.
//!
//! Punctuation is every non-alphanumeric, non-space character, each a token
//! of its own; BERT also keeps a few symbols (`€`) attached to the word, a
//! difference too rare to matter for sentence vectors.

use rustc_hash::FxHashMap;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

use super::model::StaticModel;
use crate::charrefs;
use crate::segment::is_invisible;

/// Words longer than this many characters are one unknown token (as in
/// BERT).
const MAX_WORD_CHARS: usize = 100;

/// Turns text into table ids; keeps a cache of the words it has seen, so a
/// frequent word is cut into pieces once.
#[derive(Debug)]
pub struct Tokenizer<'m> {
    model: &'m StaticModel,
    word: String,
    piece: String,
    cache: FxHashMap<Box<str>, (u32, u32)>,
    cached_ids: Vec<u32>,
}

impl<'m> Tokenizer<'m> {
    /// A tokenizer for `model`'s table.
    pub fn new(model: &'m StaticModel) -> Self {
        Tokenizer {
            model,
            word: String::new(),
            piece: String::new(),
            cache: FxHashMap::default(),
            cached_ids: Vec::new(),
        }
    }

    /// Appends the ids of `text`'s tokens to `out`.
    pub fn tokenize(&mut self, text: &str, out: &mut Vec<u32>) {
        self.word.clear();
        // `company&#8217;s` is the word the writer meant.
        let text = charrefs::decode(text);
        for c in text.chars() {
            if c.is_ascii() {
                if c.is_ascii_alphanumeric() {
                    self.word.push(c.to_ascii_lowercase());
                } else {
                    self.end_word(out);
                    if c.is_ascii_graphic() {
                        self.punctuation(c, out);
                    }
                }
            } else if is_invisible(c) || matches!(c, '\u{200C}' | '\u{200D}') {
                // A soft hyphen or zero-width space inside a word
                // ("govern\u{AD}ment"): BERT deletes format characters
                // before it splits words, so the word stays whole.
            } else if c.is_alphanumeric() {
                for d in c.to_lowercase().flat_map(|l| l.nfd()) {
                    if !is_combining_mark(d) {
                        self.word.push(d);
                    }
                }
            } else if is_combining_mark(c) {
                // An accent on its own (text already in NFD): stripped.
            } else {
                self.end_word(out);
                if !c.is_whitespace() && !c.is_control() {
                    self.punctuation(c, out);
                }
            }
        }
        self.end_word(out);
    }

    fn punctuation(&mut self, c: char, out: &mut Vec<u32>) {
        let mut buffer = [0u8; 4];
        let id = self.model.id(c.encode_utf8(&mut buffer));
        if let Some(id) = id.or(self.model.unknown()) {
            out.push(id);
        }
    }

    fn end_word(&mut self, out: &mut Vec<u32>) {
        if self.word.is_empty() {
            return;
        }
        if let Some(&(start, len)) = self.cache.get(self.word.as_str()) {
            out.extend_from_slice(&self.cached_ids[start as usize..(start + len) as usize]);
        } else {
            let start = self.cached_ids.len();
            let mut ids = std::mem::take(&mut self.cached_ids);
            self.pieces(&mut ids);
            let len = ids.len() - start;
            out.extend_from_slice(&ids[start..]);
            self.cached_ids = ids;
            self.cache
                .insert(self.word.as_str().into(), (start as u32, len as u32));
        }
        self.word.clear();
    }

    /// Greedy longest-match-first wordpieces of the current word, or the
    /// unknown token when some part matches no piece.
    fn pieces(&mut self, out: &mut Vec<u32>) {
        let word = self.word.as_str();
        let mark = out.len();
        if let Some(id) = self.model.id(word) {
            out.push(id);
            return;
        }
        if word.chars().count() <= MAX_WORD_CHARS {
            let mut start = 0;
            while start < word.len() {
                let mut end = word.len();
                let mut found = None;
                while end > start {
                    self.piece.clear();
                    if start > 0 {
                        self.piece.push_str("##");
                    }
                    self.piece.push_str(&word[start..end]);
                    if let Some(id) = self.model.id(&self.piece) {
                        found = Some(id);
                        break;
                    }
                    end = word[..end]
                        .char_indices()
                        .next_back()
                        .map_or(start, |(i, _)| i);
                }
                match found {
                    Some(id) => {
                        out.push(id);
                        start = end;
                    }
                    None => break,
                }
            }
            if start == word.len() {
                return;
            }
        }
        out.truncate(mark);
        if let Some(id) = self.model.unknown() {
            out.push(id);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(text: &str) -> Vec<String> {
        let model = StaticModel::builtin();
        let mut names: FxHashMap<u32, String> = FxHashMap::default();
        let mut ids = Vec::new();
        Tokenizer::new(model).tokenize(text, &mut ids);
        for entry in [
            "[UNK]", "ze", "##len", "##sky", "cafe", "the", "summit", ",", "'", "s",
        ] {
            if let Some(id) = model.id(entry) {
                names.insert(id, entry.to_string());
            }
        }
        ids.iter()
            .map(|id| names.get(id).cloned().unwrap_or_else(|| format!("#{id}")))
            .collect()
    }

    #[test]
    fn splits_punctuation_lowercases_and_strips_accents() {
        assert_eq!(pieces("The summit,"), ["the", "summit", ","]);
        assert_eq!(pieces("CAFÉ"), ["cafe"]);
        assert_eq!(pieces("Cafe\u{301}"), ["cafe"]);
    }

    #[test]
    fn invisible_characters_inside_a_word_leave_it_whole() {
        assert_eq!(pieces("sum\u{AD}mit"), ["summit"]);
        assert_eq!(pieces("\u{FEFF}the\u{200B}"), ["the"]);
        assert_eq!(pieces("Ze\u{200D}lensky"), pieces("Zelensky"));
    }

    #[test]
    fn character_references_are_read_as_their_characters() {
        assert_eq!(pieces("the&#8217;s"), pieces("the\u{2019}s"));
        assert_eq!(pieces("&quot;summit&quot;"), pieces("\"summit\""));
    }

    #[test]
    fn unknown_names_are_cut_into_wordpieces() {
        assert_eq!(pieces("Zelensky"), ["ze", "##len", "##sky"]);
    }

    #[test]
    fn the_cache_gives_the_same_ids() {
        let model = StaticModel::builtin();
        let mut tokenizer = Tokenizer::new(model);
        let (mut a, mut b) = (Vec::new(), Vec::new());
        tokenizer.tokenize("Zelensky met Zelensky", &mut a);
        tokenizer.tokenize("Zelensky", &mut b);
        assert_eq!(a.len(), 7);
        assert_eq!(&a[..3], &b[..]);
        assert_eq!(&a[4..], &b[..]);
    }

    #[test]
    fn overlong_words_are_unknown() {
        let long = "a".repeat(200);
        assert_eq!(pieces(&long), ["[UNK]"]);
    }
}
