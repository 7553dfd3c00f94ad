//! Where the sources of a fact give different values: a note under the
//! fact, and the value each source gives in its cell of the matrix.
//!
//! A value's markers are citation markers (`a.cite.stated`): hovering one
//! shows the sentence that states the value, like any other marker. A
//! source may state a value in a sentence outside the fact's cluster (a
//! value link, see [`crate::disagree`]); its matrix cell then shows the
//! value without the fact's marker.

use std::io::{self, Write};

use super::escape::{Escaped, Shown};
use super::facts::{marker, Statement as Cited};
use crate::disagree::{Disagreement, Severity, Value};
use crate::pipeline::Prepared;

/// The label of a note: a conflict, or values that differ only in
/// precision or hedging.
fn label(severity: Severity) -> &'static str {
    match severity {
        Severity::Conflict => "sources differ:",
        Severity::Nuance => "sources differ in precision:",
    }
}

/// The statements of `value`, one entry per document with the units that
/// state it (statements come by document, then position).
fn by_document(value: &Value) -> Vec<Cited> {
    let mut cited: Vec<Cited> = Vec::new();
    for s in &value.statements {
        let at = s.sentence;
        match cited.last_mut() {
            Some(last) if last.document == at.document => {
                if !last.units.contains(&at.unit) {
                    last.units.push(at.unit);
                }
            }
            _ => cited.push(Cited {
                document: at.document,
                units: vec![at.unit],
            }),
        }
    }
    cited
}

/// A note per disagreement: each value as the first source wrote it, with
/// a marker per source that states it.
pub(super) fn notes(
    out: &mut dyn Write,
    prepared: &Prepared,
    disagreements: &[Disagreement],
) -> io::Result<()> {
    for d in disagreements {
        write!(
            out,
            "<p class=\"differ\" data-kind=\"{}\" data-severity=\"{}\"><strong>{}</strong> ",
            d.kind.name(),
            d.severity.name(),
            label(d.severity)
        )?;
        for (i, value) in d.values.iter().enumerate() {
            if i > 0 {
                write!(out, " / ")?;
            }
            let first = &value.statements[0];
            let written =
                &prepared.documents[first.sentence.document as usize].text[first.start..first.end];
            write!(out, "<span class=\"value\">{}</span>", Shown(written))?;
            for cited in by_document(value) {
                let n = cited.document + 1;
                let label = format!("source {n} gives {}", value.normalized);
                write!(out, " ")?;
                marker(
                    out,
                    &cited,
                    "cite stated",
                    &Escaped(&label).to_string(),
                    &format!("[{n}]"),
                )?;
            }
        }
        writeln!(out, "</p>")?;
    }
    Ok(())
}

/// The value source `document` gives in the first disagreement (conflicts
/// first) it takes part in, with where it states it.
pub(super) fn value_of(
    disagreements: &[Disagreement],
    document: u32,
) -> Option<(Severity, &Value, Cited)> {
    [Severity::Conflict, Severity::Nuance]
        .into_iter()
        .flat_map(|severity| disagreements.iter().filter(move |d| d.severity == severity))
        .find_map(|d| {
            d.values.iter().find_map(|value| {
                by_document(value)
                    .into_iter()
                    .find(|c| c.document == document)
                    .map(|cited| (d.severity, value, cited))
            })
        })
}

/// The value part of a matrix cell: the normalized value, and when the
/// source states it outside the fact's sentences, a marker to where it
/// does.
pub(super) fn cell_value(
    out: &mut dyn Write,
    value: &Value,
    cited: Option<&Cited>,
    label: &str,
) -> io::Result<()> {
    if let Some(cited) = cited {
        marker(out, cited, "cite stated", label, "○")?;
    }
    write!(
        out,
        " <span class=\"value\">{}</span>",
        Escaped(&value.normalized)
    )
}
