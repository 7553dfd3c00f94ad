//! Stage 2, *segment*: split a document's text into units (sentences,
//! headings, bylines, boilerplate) with byte offsets into the original text.

use serde::Serialize;

use crate::lang::Language;

/// What a unit of text is. Only [`UnitKind::Sentence`] units are candidates
/// for the summary and for deduplication.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum UnitKind {
    /// A real sentence of the article's body.
    Sentence,
    /// A section heading: a short line without closing punctuation.
    Heading,
    /// An author line, or an outlet's name standing alone.
    Byline,
    /// Promotional or navigational text: subscription and donation appeals.
    Boilerplate,
}

/// One segmented unit: a half-open byte range `start..end` into the
/// document's original text, trimmed of surrounding white space.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unit {
    /// What the unit is.
    pub kind: UnitKind,
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
}

/// Splits text into [`Unit`]s for one language.
#[derive(Debug)]
pub struct Segmenter {
    language: Language,
}

impl Segmenter {
    /// A segmenter for `language`.
    pub fn new(language: Language) -> Self {
        Segmenter { language }
    }

    /// Segments `text[body_start..]`; offsets in the result are into `text`.
    ///
    /// Placeholder: one unit per line. Replaced by the real segmenter.
    pub fn segment(&self, text: &str, body_start: usize) -> Vec<Unit> {
        let _ = self.language;
        let mut units = Vec::new();
        let mut offset = body_start;
        for line in text[body_start..].split_inclusive('\n') {
            let trimmed = line.trim();
            if !trimmed.is_empty() {
                let start = offset + (line.len() - line.trim_start().len());
                units.push(Unit {
                    kind: UnitKind::Sentence,
                    start,
                    end: start + trimmed.len(),
                });
            }
            offset += line.len();
        }
        units
    }
}
