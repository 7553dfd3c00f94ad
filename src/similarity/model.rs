//! The static embedding table that ships inside the binary: one int8 row
//! per wordpiece or word, distilled from all-MiniLM-L6-v2 by
//! `tools/similarity/` (see `models/README.md` for provenance and licence).
//!
//! File layout (little-endian), written by `tools/similarity/build.py`:
//!
//! ```text
//! magic        8 bytes  "BRIEFSV1"
//! dim          u32      vector dimension
//! entries      u32      number of table entries
//! components   u32      number of common components to remove
//! vocabulary   entries × (u8 length, UTF-8 bytes): wordpieces ("##" marks a
//!              continuation) and whole words, lowercased, accents stripped
//! scales       entries × f32: each row's dequantization scale, its word
//!              weight folded in
//! rows         entries × dim × i8
//! components   components × dim × f32, unit vectors
//! ```

use rustc_hash::FxHashMap;

/// The table compiled into the binary.
static MODEL_BYTES: &[u8] = include_bytes!("../../models/minilm-l6-static/model.bin");

const MAGIC: &[u8; 8] = b"BRIEFSV1";

/// A parsed static embedding table.
#[derive(Clone, Debug)]
pub struct StaticModel {
    dim: usize,
    ids: FxHashMap<&'static str, u32>,
    /// Dequantized rows (scale folded in): summing f32 rows vectorizes,
    /// and the table is small (entries x dim x 4 bytes).
    rows: Vec<f32>,
    components: Vec<Vec<f32>>,
    unknown: Option<u32>,
}

/// Why a table could not be read (only a corrupt build can cause it).
#[derive(Debug, thiserror::Error)]
#[error("the semantic model table is malformed: {0}")]
pub struct ModelError(&'static str);

struct Reader {
    bytes: &'static [u8],
    at: usize,
}

impl Reader {
    fn take(&mut self, n: usize) -> Result<&'static [u8], ModelError> {
        let end = self
            .at
            .checked_add(n)
            .filter(|&e| e <= self.bytes.len())
            .ok_or(ModelError("truncated"))?;
        let slice = &self.bytes[self.at..end];
        self.at = end;
        Ok(slice)
    }

    fn u32(&mut self) -> Result<u32, ModelError> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn f32(&mut self) -> Result<f32, ModelError> {
        Ok(f32::from_bits(self.u32()?))
    }
}

impl StaticModel {
    /// The table shipped with brief, parsed once per process.
    pub fn builtin() -> &'static StaticModel {
        static MODEL: std::sync::OnceLock<StaticModel> = std::sync::OnceLock::new();
        MODEL.get_or_init(|| {
            // The bytes are part of the binary and checked by the tests; a
            // failure here is a build defect, not an input problem.
            StaticModel::parse(MODEL_BYTES).expect("the built-in semantic table is well-formed")
        })
    }

    /// Parses a table in the layout described in the module docs.
    pub fn parse(bytes: &'static [u8]) -> Result<StaticModel, ModelError> {
        let mut r = Reader { bytes, at: 0 };
        if r.take(8)? != MAGIC {
            return Err(ModelError("bad magic"));
        }
        let dim = r.u32()? as usize;
        let entries = r.u32()? as usize;
        let n_components = r.u32()? as usize;
        if dim == 0 || dim > 4096 || entries == 0 || n_components > dim {
            return Err(ModelError("bad header"));
        }
        let mut ids = FxHashMap::default();
        ids.reserve(entries);
        for id in 0..entries {
            let len = r.take(1)?[0] as usize;
            let text = std::str::from_utf8(r.take(len)?)
                .map_err(|_| ModelError("vocabulary not UTF-8"))?;
            ids.insert(text, id as u32);
        }
        let scales = (0..entries)
            .map(|_| r.f32())
            .collect::<Result<Vec<_>, _>>()?;
        let rows = r
            .take(entries * dim)?
            .chunks_exact(dim)
            .zip(&scales)
            .flat_map(|(row, &scale)| row.iter().map(move |&b| b as i8 as f32 * scale))
            .collect();
        let components = (0..n_components)
            .map(|_| (0..dim).map(|_| r.f32()).collect::<Result<Vec<_>, _>>())
            .collect::<Result<_, _>>()?;
        if r.at != bytes.len() {
            return Err(ModelError("trailing bytes"));
        }
        let unknown = ids.get("[UNK]").copied();
        Ok(StaticModel {
            dim,
            ids,
            rows,
            components,
            unknown,
        })
    }

    /// Vector dimension.
    pub fn dim(&self) -> usize {
        self.dim
    }

    /// Number of table entries.
    pub fn len(&self) -> usize {
        self.rows.len() / self.dim
    }

    /// True for an empty table (never for the built-in one).
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The id of a table entry (a wordpiece with its `##` prefix, or a word).
    pub fn id(&self, entry: &str) -> Option<u32> {
        self.ids.get(entry).copied()
    }

    /// The id standing for a word no wordpiece sequence covers.
    pub fn unknown(&self) -> Option<u32> {
        self.unknown
    }

    /// Adds entry `id`'s weighted row to `sum`.
    pub fn accumulate(&self, id: u32, sum: &mut [f32]) {
        let id = id as usize;
        let row = &self.rows[id * self.dim..(id + 1) * self.dim];
        for (s, &v) in sum.iter_mut().zip(row) {
            *s += v;
        }
    }

    /// Removes the projections on the common components (Arora et al.
    /// 2017), in place.
    pub fn remove_components(&self, v: &mut [f32]) {
        for u in &self.components {
            let p: f32 = v.iter().zip(u).map(|(a, b)| a * b).sum();
            for (a, b) in v.iter_mut().zip(u) {
                *a -= p * b;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_table_parses_and_has_the_basic_wordpieces() {
        let model = StaticModel::builtin();
        assert!(model.dim() >= 32);
        assert!(model.len() > 20_000);
        for entry in ["the", "agreement", "##s", "[UNK]"] {
            assert!(model.id(entry).is_some(), "{entry}");
        }
    }

    #[test]
    fn corrupt_tables_are_rejected() {
        assert!(StaticModel::parse(b"nonsense").is_err());
        assert!(StaticModel::parse(b"BRIEFSV1\x04\0\0\0").is_err());
        let truncated: &'static [u8] = &MODEL_BYTES[..MODEL_BYTES.len() - 1];
        assert!(StaticModel::parse(truncated).is_err());
    }
}
