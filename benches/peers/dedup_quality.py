"""Pairwise precision and recall of near-duplicate groups against the truth.

  dedup_quality.py TRUTH_JSONL brief BRIEF_JSON     # `brief dedup --format json` output
  dedup_quality.py TRUTH_JSONL groups GROUPS_JSON   # minhash_dedup.py's GROUPS_FILE

TRUTH_JSONL is `make_corpus --sentence-truth`: per document, every sentence's byte
range and the topic fact it restates (null for filler). Two sentences are a
true pair when they restate the same fact of the same topic. A tool's
predicted pairs are the pairs of sentences it puts in one group (cluster);
precision is the share of predicted pairs that are true, recall the share of
true pairs predicted. Pairs are counted per group and label, never listed,
so a group of 10,000 costs nothing. Prints one JSON line. For a peer whose
file also lists its verified pairs, `pairs` scores those pairs alone (each a
group of two), before union-find chains them into groups.

brief's cluster members are matched to the truth by document id and start
offset; a member that starts at no generated sentence (a unit brief formed
differently) is counted in `unmatched` and scores as a sentence of no fact.
Standard library only (runs on the system python3).
"""

import json
import sys
from collections import Counter


def load_truth(path):
    """{document id: [(start, label), ...]}; label (topic, fact) or None."""
    truth = {}
    for line in open(path, encoding="utf-8"):
        doc = json.loads(line)
        truth[doc["id"]] = [(start, None if fact is None else (doc["topic"], fact))
                            for start, _end, fact in doc["sentences"]]
    return truth


def brief_groups(path, truth):
    """brief's clusters as lists of labels (None when unmatched or filler)."""
    starts = {doc: {start: label for start, label in sentences}
              for doc, sentences in truth.items()}
    unmatched = 0
    groups = []
    for cluster in json.load(open(path, encoding="utf-8"))["clusters"]:
        labels = []
        for member in cluster["members"]:
            found = starts.get(member["document"], {})
            if member["start"] not in found:
                unmatched += 1
            labels.append(found.get(member["start"]))
        groups.append(labels)
    return groups, unmatched


def peer_groups(path, truth):
    """Groups of (document id, sentence index) as lists of labels, and the
    verified pairs likewise, when the file has them."""
    found = json.load(open(path, encoding="utf-8"))

    def label(at):
        document, index = at
        return truth[document][index][1]

    groups = [[label(at) for at in group] for group in found["groups"]]
    pairs = [[label(a), label(b)] for a, b in found.get("pairs", [])]
    return groups, 0, pairs


def pairs(n):
    return n * (n - 1) // 2


def score(truth, groups, unmatched):
    gold = Counter(label for sentences in truth.values() for _, label in sentences
                   if label is not None)
    true_pairs = sum(pairs(n) for n in gold.values())
    predicted = correct = 0
    for labels in groups:
        predicted += pairs(len(labels))
        correct += sum(pairs(n) for label, n in Counter(labels).items() if label is not None)
    precision = correct / predicted if predicted else 0.0
    recall = correct / true_pairs if true_pairs else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
            "predicted_pairs": predicted, "correct_pairs": correct, "true_pairs": true_pairs,
            "groups": len(groups), "sentences_in_groups": sum(map(len, groups)),
            "unmatched": unmatched}


def main():
    truth_path, kind, path = sys.argv[1:4]
    truth = load_truth(truth_path)
    if kind == "brief":
        result = score(truth, *brief_groups(path, truth))
    else:
        groups, unmatched, verified = peer_groups(path, truth)
        result = score(truth, groups, unmatched)
        if verified:
            # The pairs themselves, before union-find joins them into
            # groups: what an LSH query answers.
            pair_level = score(truth, verified, 0)
            result["pairs"] = {k: pair_level[k] for k in ("precision", "recall", "f1")}
    print(json.dumps(result))


if __name__ == "__main__":
    main()
