//! Value links: a value that another source states in a sentence outside
//! the fact's cluster.
//!
//! Clusters group sentences by their words, and a sentence that states
//! one fact among others ("The post-summit press conference lasted barely
//! 10 minutes and ended abruptly without questions, fuelling
//! speculation...") often lands apart from the shorter sentences that
//! state that fact alone ("a joint press appearance that lasted just 12
//! minutes"). Differing values make it worse: "10" and "12" are different
//! words. A value link joins two mentions in different clusters and
//! documents when the evidence is stronger than within a cluster: same
//! kind and unit, a shared head, [`Settings::link_shared_words`] shared
//! context words, figures within [`Settings::max_ratio`], and sentences
//! that the caller finds related (the pipeline: cosine of at least
//! [`Settings::link_similarity`]).
//!
//! Candidates come from an index of mentions by (kind, unit, head), so
//! only mentions that could link are compared. A key shared by more than
//! [`MAX_KEY_MENTIONS`] mentions is too common to link anything reliably
//! ("killed ... people" in a feed of many stories) and is skipped, which
//! also bounds the work per mention.

use rayon::prelude::*;

use super::align::alignable;
use super::slots::Store;
use super::{Detector, Settings};
use crate::cite::SentenceRef;

/// Mentions sharing one (kind, unit, head) key beyond which the key is
/// not used for links.
pub(crate) const MAX_KEY_MENTIONS: usize = 64;

/// Pairs of mentions (indices into the store) that state one slot across
/// clusters, sorted.
pub(crate) fn links(
    detector: &Detector,
    store: &Store,
    at: &[SentenceRef],
    cluster_of: &[u32],
    related: &(dyn Fn(u32, u32) -> bool + Sync),
) -> Vec<(u32, u32)> {
    let settings = Settings {
        min_shared_words: detector.settings.link_shared_words,
        require_shared_head: true,
        ..detector.settings
    };
    let located = &store.located;
    // (unit, head, kind, mention): one entry per head of each mention.
    let mut keys: Vec<(u32, u32, u8, u32)> = located
        .iter()
        .enumerate()
        .flat_map(|(i, l)| {
            l.context
                .heads
                .iter()
                .map(move |&h| (l.unit, h, l.mention.kind as u8, i as u32))
        })
        .collect();
    keys.sort_unstable();
    // Runs of one key are compared in parallel; sorting the edges after
    // makes the result independent of the thread count.
    let runs: Vec<&[(u32, u32, u8, u32)]> = keys
        .chunk_by(|a, b| (a.0, a.1, a.2) == (b.0, b.1, b.2))
        .filter(|run| run.len() >= 2 && run.len() <= MAX_KEY_MENTIONS)
        .collect();
    let mut edges: Vec<(u32, u32)> = runs
        .par_iter()
        .flat_map_iter(|run| {
            let mut edges = Vec::new();
            for (x, &(_, _, _, i)) in run.iter().enumerate() {
                for &(_, _, _, j) in &run[x + 1..] {
                    let (a, b) = (&located[i as usize], &located[j as usize]);
                    let (sa, sb) = (a.sentence, b.sentence);
                    if at[sa as usize].document == at[sb as usize].document
                        || cluster_of[sa as usize] == cluster_of[sb as usize]
                    {
                        continue;
                    }
                    if alignable(&settings, a, b).is_some() && related(sa, sb) {
                        edges.push((i.min(j), i.max(j)));
                    }
                }
            }
            edges
        })
        .collect();
    edges.sort_unstable();
    edges.dedup();
    edges
}
