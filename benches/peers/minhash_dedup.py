"""Time datasketch MinHash LSH near-duplicate search over all sentences of DIR.

Usage: minhash_dedup.py DIR THRESHOLD [GROUPS_FILE]

Each sentence becomes the set of its lower-cased words (word unigrams, as in
datasketch's README example; word 3-shingles would miss most paraphrases of
20-word sentences), hashed into a 128-permutation MinHash with
`MinHash.bulk` (the library's batch constructor, faster than one
`MinHash()` per sentence). All sentences go into a MinHashLSH at the given
Jaccard threshold and each is then queried. LSH hits are only candidates, so
each is kept if the MinHash Jaccard estimate reaches the threshold (without
that check, union-find chains the false positives of 150k sentences into
one group per topic); union-find then merges the kept pairs into
near-duplicate groups and the script reports the groups with >= 2 members.

With GROUPS_FILE, the groups and the verified pairs are also written there
as JSON, `{"groups": [[S, S, ...], ...], "pairs": [[S, S], ...]}` where S is
`[document id, sentence index]` (index within its document, in text
order), for `dedup_quality.py`; that takes well under a second after the
timed algorithm.
"""

import json
import sys

from datasketch import MinHash, MinHashLSH

from common import Stopwatch, document_paths, load_corpus, report, words

NUM_PERM = 128


def find(parent, i):
    while parent[i] != i:
        parent[i] = parent[parent[i]]  # path halving
        i = parent[i]
    return i


def main():
    directory, threshold = sys.argv[1], float(sys.argv[2])
    corpus = load_corpus(directory)
    sentences = [s for doc in corpus for s in doc]
    with Stopwatch() as clock:
        word_sets = [[w.encode("utf-8") for w in set(words(s))] for s in sentences]
        minhashes = MinHash.bulk(word_sets, num_perm=NUM_PERM)
        lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        with lsh.insertion_session() as session:
            for i, m in enumerate(minhashes):
                session.insert(i, m)
        parent = list(range(len(sentences)))
        candidates = kept = 0
        kept_pairs = [] if len(sys.argv) > 3 else None
        for i, m in enumerate(minhashes):
            for j in lsh.query(m):
                if j <= i:
                    continue  # each pair once, and not the sentence itself
                candidates += 1
                if m.jaccard(minhashes[j]) < threshold:
                    continue
                kept += 1
                if kept_pairs is not None:
                    kept_pairs.append((i, j))
                a, b = find(parent, i), find(parent, j)
                if a != b:
                    parent[a] = b
        sizes = {}
        for i in range(len(sentences)):
            root = find(parent, i)
            sizes[root] = sizes.get(root, 0) + 1
    groups = [n for n in sizes.values() if n >= 2]
    if len(sys.argv) > 3:
        write_groups(sys.argv[3], directory, corpus, parent, kept_pairs)
    report(tool="datasketch-minhash-lsh", documents=len(corpus),
           sentences=len(sentences), threshold=threshold, bands=lsh.b, rows=lsh.r,
           candidate_pairs=candidates, near_duplicate_pairs=kept,
           groups=len(groups), sentences_in_groups=sum(groups),
           algorithm_seconds=clock.seconds)


def write_groups(path, directory, corpus, parent, kept_pairs):
    """Groups of >= 2 sentences and the verified pairs, each sentence as
    (document id, sentence index)."""
    located = [(p.stem, k) for p, doc in zip(document_paths(directory), corpus)
               for k in range(len(doc))]
    members = {}
    for i, at in enumerate(located):
        members.setdefault(find(parent, i), []).append(at)
    groups = [g for g in members.values() if len(g) >= 2]
    pairs = [(located[i], located[j]) for i, j in kept_pairs]
    with open(path, "w", encoding="utf-8") as f:
        json.dump({"groups": groups, "pairs": pairs}, f)


if __name__ == "__main__":
    main()
