//! From links to stories: connected components, then average-link merging
//! inside each component.
//!
//! Connected components alone chain stories: one round-up article linked to
//! two events would put both in one story. So inside a component, links are
//! taken strongest first and each joins two groups only if their *average*
//! link, over all pairs of their documents (linked or not), reaches the
//! cohesion threshold. Sums of signatures make that average exact and
//! cheap: `avg(A, B) = (ΣA · ΣB) / (|A| |B|)`. A wide document may join one
//! story; the second story's documents are, on average, unlike the first
//! story's, so the merge that would chain them is refused.
//!
//! Merges never cross a component, so components can be refined
//! independently (in parallel here; on different machines in the Spark
//! job, whose `brief stories --from-links` stage runs [`refine`]). All
//! arithmetic is on integers: the result is the same everywhere.

use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};

use super::links::{dot_threshold, Link};
use super::signature::{Signatures, SCALE};

/// Terms that label a story: its centroid's strongest.
pub const LABEL_TERMS: usize = 5;
/// Shared terms shown per link.
pub const SHARED_TERMS: usize = 5;

/// One accepted merge: the link that joined two groups, and their average
/// link at that moment.
#[derive(Clone, Debug, PartialEq)]
pub struct Merge {
    /// The link followed.
    pub link: Link,
    /// Average cosine between the two groups' documents when they merged.
    pub average: f64,
    /// The terms the two documents share, strongest first.
    pub shared: Vec<u32>,
}

/// A group of two or more documents.
#[derive(Clone, Debug, PartialEq)]
pub struct Group {
    /// Input indices, increasing.
    pub documents: Vec<u32>,
    /// The merges that built the group (a spanning tree of its documents),
    /// in the order they were made.
    pub merges: Vec<Merge>,
    /// The centroid's strongest terms.
    pub terms: Vec<u32>,
}

/// Groups and the documents left alone.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Grouping {
    /// Largest first, then by first document.
    pub groups: Vec<Group>,
    /// Documents in no group, increasing.
    pub alone: Vec<u32>,
    /// Connected components of two or more documents.
    pub components: usize,
    /// Documents in the largest component.
    pub largest_component: usize,
}

/// A component of the link graph: its documents (increasing) and links.
pub type Component = (Vec<u32>, Vec<Link>);

/// The components of the link graph with two or more documents, each with
/// its links; ordered by first document.
pub fn components(n: usize, links: &[Link]) -> Vec<Component> {
    components_with_positions(n, links).0
}

/// [`components`], and each document's position in its component's list.
fn components_with_positions(n: usize, links: &[Link]) -> (Vec<Component>, Vec<u32>) {
    let mut parent: Vec<u32> = (0..n as u32).collect();
    fn find(parent: &mut [u32], mut x: u32) -> u32 {
        while parent[x as usize] != x {
            parent[x as usize] = parent[parent[x as usize] as usize];
            x = parent[x as usize];
        }
        x
    }
    for link in links {
        let (ra, rb) = (find(&mut parent, link.a), find(&mut parent, link.b));
        if ra != rb {
            // The smaller index becomes the root: roots are first documents.
            parent[ra.max(rb) as usize] = ra.min(rb);
        }
    }
    let roots: Vec<u32> = (0..n as u32).map(|d| find(&mut parent, d)).collect();
    let mut index: FxHashMap<u32, usize> = FxHashMap::default();
    let mut out: Vec<Component> = Vec::new();
    let mut position = vec![0u32; n];
    for d in 0..n as u32 {
        let root = roots[d as usize];
        let slot = *index.entry(root).or_insert_with(|| {
            out.push((Vec::new(), Vec::new()));
            out.len() - 1
        });
        position[d as usize] = out[slot].0.len() as u32;
        out[slot].0.push(d);
    }
    for link in links {
        out[index[&roots[link.a as usize]]].1.push(*link);
    }
    out.retain(|(docs, _)| docs.len() >= 2);
    (out, position)
}

/// Groups the documents of `signatures` along `links` at `cohesion`.
pub fn group(signatures: &Signatures, links: &[Link], cohesion: f64) -> Grouping {
    let (components, position) = components_with_positions(signatures.len(), links);
    let refined: Vec<(Vec<Group>, Vec<u32>)> = components
        .par_iter()
        .map(|(docs, links)| {
            refine_at(docs, links, signatures, cohesion, |d| {
                position[d as usize] as usize
            })
        })
        .collect();
    let mut in_group = vec![false; signatures.len()];
    let mut groups = Vec::new();
    for (component_groups, _) in refined {
        for group in component_groups {
            for &d in &group.documents {
                in_group[d as usize] = true;
            }
            groups.push(group);
        }
    }
    sort_groups(&mut groups);
    Grouping {
        groups,
        alone: (0..signatures.len() as u32)
            .filter(|&d| !in_group[d as usize])
            .collect(),
        components: components.len(),
        largest_component: components.iter().map(|(d, _)| d.len()).max().unwrap_or(0),
    }
}

/// Largest first, then by first document: the order stories are numbered in.
pub fn sort_groups(groups: &mut [Group]) {
    groups.sort_by_key(|g| (std::cmp::Reverse(g.documents.len()), g.documents[0]));
}

/// Average-link merging inside one component: `documents` increasing,
/// `links` between them. Returns the groups of two or more documents and
/// the documents left alone.
pub fn refine(
    documents: &[u32],
    links: &[Link],
    signatures: &Signatures,
    cohesion: f64,
) -> (Vec<Group>, Vec<u32>) {
    let local = |d: u32| {
        documents
            .binary_search(&d)
            .expect("link inside its component")
    };
    refine_at(documents, links, signatures, cohesion, local)
}

/// [`refine`], given each linked document's position in `documents`
/// (a lookup in one array for a large component, where a search per link
/// end was most of the work).
fn refine_at(
    documents: &[u32],
    links: &[Link],
    signatures: &Signatures,
    cohesion: f64,
    local: impl Fn(u32) -> usize,
) -> (Vec<Group>, Vec<u32>) {
    let minimum = u128::from(dot_threshold(cohesion));
    let mut order: Vec<Link> = links.to_vec();
    order.sort_by_key(|l| (std::cmp::Reverse(l.dot), l.a, l.b));

    let n = documents.len();
    let mut parent: Vec<usize> = (0..n).collect();
    let mut size = vec![1u64; n];
    let mut sums: Vec<Option<FxHashMap<u32, u64>>> = vec![None; n];
    let mut merges: Vec<Vec<Merge>> = vec![Vec::new(); n];
    let mut refused: FxHashSet<(usize, u64, usize, u64)> = FxHashSet::default();
    fn find(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    // A group's sum of signatures; a document alone has none yet (its
    // signature is its sum), so the many documents that are only ever
    // compared, or merged into a larger group, never build a map.
    let signature = |i: usize| signatures.get(documents[i] as usize);
    let between = |sums: &[Option<FxHashMap<u32, u64>>], ra: usize, rb: usize| -> u128 {
        let probe = |sum: &FxHashMap<u32, u64>, i: usize| -> u128 {
            let s = signature(i);
            s.terms
                .iter()
                .zip(s.weights)
                .filter_map(|(t, &w)| sum.get(t).map(|&v| u128::from(w) * u128::from(v)))
                .sum()
        };
        match (&sums[ra], &sums[rb]) {
            (None, None) => u128::from(signature(ra).dot(&signature(rb))),
            (Some(sum), None) => probe(sum, rb),
            (None, Some(sum)) => probe(sum, ra),
            (Some(sa), Some(sb)) => {
                let (small, large) = if sa.len() <= sb.len() {
                    (sa, sb)
                } else {
                    (sb, sa)
                };
                small
                    .iter()
                    .filter_map(|(t, &w)| large.get(t).map(|&v| u128::from(w) * u128::from(v)))
                    .sum()
            }
        }
    };

    for link in &order {
        let (ra, rb) = (
            find(&mut parent, local(link.a)),
            find(&mut parent, local(link.b)),
        );
        if ra == rb {
            continue;
        }
        let state = (ra.min(rb), size[ra.min(rb)], ra.max(rb), size[ra.max(rb)]);
        if refused.contains(&state) {
            continue;
        }
        let between = between(&sums, ra, rb);
        let pairs = u128::from(size[ra]) * u128::from(size[rb]);
        if between < minimum * pairs {
            refused.insert(state);
            continue;
        }
        let scale = (SCALE * SCALE) as f64;
        let merge = Merge {
            link: *link,
            average: between as f64 / pairs as f64 / scale,
            shared: signatures
                .get(link.a as usize)
                .shared_terms(&signatures.get(link.b as usize), SHARED_TERMS),
        };
        // Union by size; the absorbed group's sums and merges move over.
        let (keep, gone) = if size[ra] >= size[rb] {
            (ra, rb)
        } else {
            (rb, ra)
        };
        parent[gone] = keep;
        size[keep] += size[gone];
        let gone_sum = sums[gone].take();
        let keep_sum = sums[keep].get_or_insert_with(|| {
            let s = signature(keep);
            s.terms
                .iter()
                .zip(s.weights)
                .map(|(&t, &w)| (t, u64::from(w)))
                .collect()
        });
        match gone_sum {
            Some(gone_sum) => {
                for (t, w) in gone_sum {
                    *keep_sum.entry(t).or_default() += w;
                }
            }
            None => {
                let s = signature(gone);
                for (&t, &w) in s.terms.iter().zip(s.weights) {
                    *keep_sum.entry(t).or_default() += u64::from(w);
                }
            }
        }
        let mut moved = std::mem::take(&mut merges[gone]);
        merges[keep].append(&mut moved);
        merges[keep].push(merge);
    }

    let mut members: FxHashMap<usize, Vec<u32>> = FxHashMap::default();
    for (i, &d) in documents.iter().enumerate() {
        let root = find(&mut parent, i);
        members.entry(root).or_default().push(d);
    }
    let mut groups = Vec::new();
    let mut alone = Vec::new();
    let mut roots: Vec<usize> = members.keys().copied().collect();
    roots.sort_unstable();
    for root in roots {
        let docs = members.remove(&root).unwrap();
        if docs.len() == 1 {
            alone.push(docs[0]);
            continue;
        }
        let mut merged = std::mem::take(&mut merges[root]);
        // Merges in the order they were made: strongest link first.
        merged.sort_by_key(|m| (std::cmp::Reverse(m.link.dot), m.link.a, m.link.b));
        let mut label: Vec<(u64, u32)> = sums[root]
            .as_ref()
            .map(|s| s.iter().map(|(&t, &w)| (w, t)).collect())
            .unwrap_or_default();
        label.sort_unstable_by(|x, y| y.0.cmp(&x.0).then(x.1.cmp(&y.1)));
        groups.push(Group {
            documents: docs,
            merges: merged,
            terms: label
                .into_iter()
                .take(LABEL_TERMS)
                .map(|(_, t)| t)
                .collect(),
        });
    }
    alone.sort_unstable();
    (groups, alone)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stories::signature::SignatureRow;

    /// Signatures from term lists with equal weights (unit length).
    fn signatures(docs: &[&[u32]]) -> Signatures {
        let rows: Vec<SignatureRow> = docs
            .iter()
            .map(|terms| {
                let w = (SCALE as f64 / (terms.len() as f64).sqrt()).round() as u16;
                let mut row: Vec<(u32, u16)> = terms.iter().map(|&t| (t, w)).collect();
                row.sort_unstable();
                (row, terms.to_vec())
            })
            .collect();
        Signatures::from_rows((0..32).map(|t| format!("t{t}")).collect(), rows)
    }

    fn link(s: &Signatures, a: u32, b: u32) -> Link {
        Link {
            a,
            b,
            dot: s.get(a as usize).dot(&s.get(b as usize)),
        }
    }

    #[test]
    fn a_wide_document_does_not_chain_two_stories() {
        // Story X: documents 0-2 (terms 1-4); story Y: documents 4-6
        // (terms 11-14); document 3 is a round-up mentioning both.
        let s = signatures(&[
            &[1, 2, 3, 4],
            &[1, 2, 3, 5],
            &[1, 2, 4, 5],
            &[1, 2, 11, 12],
            &[11, 12, 13, 14],
            &[11, 12, 13, 15],
            &[11, 12, 14, 15],
        ]);
        let mut links = Vec::new();
        for a in 0..7 {
            for b in a + 1..7 {
                let l = link(&s, a, b);
                if l.dot >= dot_threshold(0.4) {
                    links.push(l);
                }
            }
        }
        // Connected components would make one story of all seven.
        assert_eq!(components(7, &links).len(), 1);
        let grouping = group(&s, &links, 0.4);
        let stories: Vec<&Vec<u32>> = grouping.groups.iter().map(|g| &g.documents).collect();
        assert_eq!(grouping.groups.len(), 2, "{stories:?}");
        assert!(stories.iter().all(|d| !(d.contains(&0) && d.contains(&4))));
        assert_eq!(
            grouping
                .groups
                .iter()
                .map(|g| g.documents.len())
                .sum::<usize>()
                + grouping.alone.len(),
            7
        );
        // Every merge is explained by a link and its shared terms.
        for g in &grouping.groups {
            assert_eq!(g.merges.len(), g.documents.len() - 1);
            for m in &g.merges {
                assert!(!m.shared.is_empty());
                assert!(m.average >= 0.4);
            }
        }
    }

    #[test]
    fn connected_stories_are_whole_and_isolated_documents_alone() {
        let s = signatures(&[&[1, 2, 3], &[1, 2, 3], &[1, 2, 4], &[20, 21]]);
        let links = vec![link(&s, 0, 1), link(&s, 0, 2), link(&s, 1, 2)];
        let g = group(&s, &links, 0.3);
        assert_eq!(g.groups.len(), 1);
        assert_eq!(g.groups[0].documents, vec![0, 1, 2]);
        assert_eq!(g.alone, vec![3]);
        assert_eq!(g.groups[0].terms[..2], [1, 2]);
    }
}
