"""Alignment measures with the static wordpiece table, a study (issue 7).

Does a word-alignment similarity (BERTScore-style with brief's static
vectors), a soft TF-IDF cosine, or a bonus for shared rare names and numbers
rank the DUC 2007 update same-fact sentence pairs better than brief's
combined cosine?  Same pairs as `examples/scu_pairs.rs`, whose dump
(BRIEF_SCU_DUMP) gives the pairs and brief's own lexical and semantic
cosines; the new measures are computed here, in Python, on the brief
sentences the gold members were located in.

  BRIEF_SCU_DUMP=/tmp/pairs.tsv cargo run --release --example scu_pairs
  python3 tools/similarity/alignment_study.py --pairs /tmp/pairs.tsv \
      [--brief target/release/brief] [--eval ../shared/eval]

Needs the packages of requirements.txt (evaluate.py's table reader and,
for --minilm, minilm.py) plus snowballstemmer==3.1.1 (the Snowball English
stemmer, the algorithm of rust-stemmers); NLTK's English stop words are read from the
stop-words crate in ~/.cargo (brief's list).  Weights and floors are chosen
on the development half of the topics (document sets in even position of the
sorted list: D0703, D0711, ... with all their A/B/C parts) and reported on
the other half too.  Development use only: evaluation data stays outside the
repository.
"""
import argparse
import csv
import glob
import json
import math
import os
import re
import subprocess
import sys
import unicodedata
from collections import Counter, defaultdict

import numpy as np
import snowballstemmer
from scipy.stats import spearmanr

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from evaluate import read_table  # noqa: E402  (the static table as brief reads it)
ROOT = os.path.dirname(os.path.dirname(HERE))
RECALLS = (0.10, 0.15, 0.20)

# ---------------------------------------------------------------- resources


def stop_words():
    paths = glob.glob(os.path.expanduser("~/.cargo/registry/src/*/stop-words-*/src/nltk/english"))
    if not paths:
        sys.exit("stop-words crate not found in ~/.cargo/registry (run cargo fetch)")
    with open(sorted(paths)[-1], encoding="utf-8") as fh:
        return {w.strip() for w in fh if w.strip()} | {"us"}


class Words:
    """Words of a sentence with what each measure needs: the lowercase form,
    whether it is a stop word, its stem, whether it is a name (capitalized
    not at the sentence start, or an acronym) or a number, and its static
    vector (sum of its wordpiece rows, common components removed, unit)."""

    WORD = re.compile(r"[^\W_]+(?:[.'’][^\W_]+)*")
    # Xinhua/APW/NYT datelines, "BRUSSELS, January 22 (Xinhua) -- "; brief
    # drops them too (src/dateline.rs).
    DATELINE = re.compile(r"^[^a-z]{2,60}?(?:\([^)]{1,40}\))?\s*(?:--|_)\s+")

    def __init__(self, table_path):
        self.vocab, self.rows, self.comps = read_table(table_path)
        self.index = {w: i for i, w in enumerate(self.vocab)}
        self.stops = stop_words()
        self.stemmer = snowballstemmer.stemmer("english")
        self.cache = {}

    def wordpieces(self, word):
        """BERT's greedy longest match over an (already lowercased, accent
        stripped, punctuation free) word."""
        out, start = [], 0
        while start < len(word):
            end, piece = len(word), None
            while start < end:
                sub = word[start:end] if start == 0 else "##" + word[start:end]
                if sub in self.index:
                    piece = self.index[sub]
                    break
                end -= 1
            if piece is None:
                return [self.index["[UNK]"]] if "[UNK]" in self.index else []
            out.append(piece)
            start = end
        return out

    def vector(self, lower):
        if lower not in self.cache:
            plain = "".join(c for c in unicodedata.normalize("NFD", lower) if unicodedata.category(c) != "Mn")
            ids = [i for part in re.split(r"[\W_]+", plain) if part for i in self.wordpieces(part)]
            v = self.rows[ids].sum(0) if ids else np.zeros(self.rows.shape[1], np.float32)
            for u in self.comps:
                v = v - (v @ u) * u
            self.cache[lower] = v / (np.linalg.norm(v) + 1e-9)
        return self.cache[lower]

    def analyze(self, text):
        text = self.DATELINE.sub("", text.replace("’", "'"), count=1)
        words = []
        for k, m in enumerate(self.WORD.finditer(text)):
            w = m.group(0)
            lower = w.lower().replace("'", "").replace("’", "")
            if lower.endswith("s") and w.endswith("'s"):
                lower = lower[:-1]
            stop = lower in self.stops
            number = any(c.isdigit() for c in w)
            name = not stop and not number and ((k > 0 and w[0].isupper()) or (len(w) > 1 and w.isupper()))
            stem = self.stemmer.stemWord(lower.replace(".", "")) if not stop else lower
            words.append({"lower": lower, "stop": stop, "stem": stem, "name": name, "number": number})
        return words


# ---------------------------------------------------------------- measures


class Sentence:
    """Per-sentence arrays, built once: all words and content words with
    their IDF weights and vectors, the TF-IDF vector, rare names/numbers."""

    def __init__(self, words, idf, lex, text=""):
        self.text = text
        self.all_keys = [w["stem"] for w in words]
        self.all_w = np.array([idf(k) for k in self.all_keys], np.float32)
        self.all_v = np.array([lex.vector(w["lower"]) for w in words], np.float32).reshape(len(words), -1)
        content = [w for w in words if not w["stop"]]
        self.keys = [w["stem"] for w in content]
        self.w = np.array([idf(k) for k in self.keys], np.float32)
        self.v = np.array([lex.vector(w["lower"]) for w in content], np.float32).reshape(len(content), -1)
        tf = Counter(self.keys)
        self.tfidf = {k: c * idf(k) for k, c in tf.items()}
        self.norm = math.sqrt(sum(x * x for x in self.tfidf.values())) or 1.0
        self.anchors = {w["stem"] for w in content if w["name"] or w["number"]}


def align(a_v, a_w, b_v, b_w, floor=None, mode="f"):
    """BERTScore with static vectors: each word's best cosine in the other
    sentence (an identical key counts 1), IDF-weighted mean, F-measure of
    the two directions (mode "max"/"min": the larger/smaller direction,
    containment either way).  With `floor`, matches below it count 0."""
    if len(a_w) == 0 or len(b_w) == 0:
        return 0.0
    s = a_v @ b_v.T
    if floor is not None:
        s = np.where(s >= floor, s, 0.0)
    p = float((s.max(1) * a_w).sum() / a_w.sum())
    r = float((s.max(0) * b_w).sum() / b_w.sum())
    if mode == "max":
        return max(p, r)
    if mode == "min":
        return min(p, r)
    return 0.0 if p + r <= 0 else 2 * p * r / (p + r)


def soft_tfidf(a, b, floor):
    """Soft TF-IDF cosine (Cohen et al. 2003): every content term of `a`
    takes its best match in `b` at cosine >= floor (same stem: 1), the
    TF-IDF cosine with those matches; symmetrized by the mean."""

    def one(x, y):
        if not x.keys or not y.keys:
            return 0.0
        s = x.v @ y.v.T
        total = 0.0
        for i, k in enumerate(x.keys):
            if k in y.tfidf:
                total += x.tfidf[k] * y.tfidf[k] / x.keys.count(k)
                continue
            j = int(s[i].argmax())
            if s[i, j] >= floor:
                total += x.w[i] * y.tfidf[y.keys[j]] * float(s[i, j])
        return total / (x.norm * y.norm)

    return 0.5 * (one(a, b) + one(b, a))


def anchors(a, b, idf_of, min_idf):
    """Share of the rarer side's rare names and numbers found in the other."""
    x = {k for k in a.anchors if idf_of(k) >= min_idf}
    y = {k for k in b.anchors if idf_of(k) >= min_idf}
    if not x or not y:
        return 0.0
    return len(x & y) / min(len(x), len(y))


# ---------------------------------------------------------------- scoring


def ranking(scores, labels):
    """AUC (ties count half) and, per recall level, the precision at which
    it is first reached (as scu_pairs prints it)."""
    scores, labels = np.asarray(scores, float), np.asarray(labels, bool)
    pos, neg = labels.sum(), (~labels).sum()
    order = np.argsort(-scores, kind="stable")
    from scipy.stats import rankdata

    ranks = rankdata(scores)
    auc = (ranks[labels].sum() - pos * (pos + 1) / 2) / (pos * neg)
    tp = np.cumsum(labels[order])
    out = {"auc": auc}
    for r in RECALLS:
        k = int(np.argmax(tp >= r * pos))
        out[r] = tp[k] / (k + 1)
    return out


def fmt(m):
    return " ".join(f"{m[r]:.3f}" for r in RECALLS) + f"  {m['auc']:.3f}"


# ---------------------------------------------------------------- data


def scu_pairs(args, lex):
    """Pairs of the scu_pairs dump, with each member's brief sentence."""
    by_topic = defaultdict(list)
    with open(args.pairs, encoding="utf-8") as fh:
        for line in fh:
            topic, a, b, label, l, s = line.rstrip("\n").split("\t")
            by_topic[os.path.basename(os.path.normpath(topic))].append((a, b, label == "1", float(l), float(s)))
    rows = []
    for topic in sorted(by_topic):
        docs = os.path.join(args.eval, "duc2007_update_scu", topic, "docs")
        seg = json.loads(subprocess.run([args.brief, "segment", "--format", "json", docs], capture_output=True, check=True).stdout)
        units = [u for u in seg["units"] if u["kind"] == "sentence"]
        analyzed = [lex.analyze(u["text"]) for u in units]
        df = Counter(k for words in analyzed for k in {w["stem"] for w in words})
        n = len(units)

        def idf(k, df=df, n=n):
            return math.log((1 + n) / (1 + df.get(k, 0))) + 1

        sentences = {}

        def locate(member):
            doc, start, end = member.rsplit(":", 2)
            start, end = int(start), int(end)
            best = max(
                ((min(end, u["end"]) - max(start, u["start"]), i) for i, u in enumerate(units) if u["document"] == doc),
                default=(0, None),
            )
            i = best[1]
            if i not in sentences:
                sentences[i] = Sentence(analyzed[i], idf, lex, units[i]["text"])
            return sentences[i]

        for a, b, label, l, s in by_topic[topic]:
            rows.append({"topic": topic, "label": label, "lex": l, "sem": s, "a": locate(a), "b": locate(b), "idf": idf})
    return rows


def features(rows, cfg):
    """Every candidate measure for every pair."""
    f = defaultdict(list)
    for p in rows:
        a, b = p["a"], p["b"]
        f["lexical (brief)"].append(p["lex"])
        f["semantic (brief)"].append(max(p["sem"], 0))
        f["combined (brief)"].append(0.5 * p["lex"] + 0.5 * max(p["sem"], 0))
        f["align all words"].append(align(a.all_v, a.all_w, b.all_v, b.all_w))
        f["align content"].append(align(a.v, a.w, b.v, b.w))
        for fl in cfg["floors"]:
            f[f"align content floor {fl}"].append(align(a.v, a.w, b.v, b.w, fl))
            f[f"soft tfidf floor {fl}"].append(soft_tfidf(a, b, fl))
        for mode in ("max", "min"):
            f[f"align content, {mode} of directions"].append(align(a.v, a.w, b.v, b.w, None, mode))
            f[f"align content, {mode} of directions, floor 0.6"].append(align(a.v, a.w, b.v, b.w, 0.6, mode))
        f["content words of the longer"].append(max(len(a.keys), len(b.keys)))
        f["anchors"].append(anchors(a, b, p["idf"], cfg["anchor_idf"]))
        f["tfidf (python mirror)"].append(sum(w * b.tfidf.get(k, 0.0) for k, w in a.tfidf.items()) / (a.norm * b.norm))
    return {k: np.array(v) for k, v in f.items()}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pairs", required=True, help="BRIEF_SCU_DUMP output of scu_pairs")
    ap.add_argument("--brief", default=os.path.join(ROOT, "target/release/brief"))
    ap.add_argument("--eval", default=os.path.join(ROOT, "../shared/eval"))
    ap.add_argument("--table", default=os.path.join(ROOT, "models/minilm-l6-static/model.bin"))
    ap.add_argument("--sts", action="store_true", help="also STS benchmark dev Spearman of the chosen variants")
    ap.add_argument("--minilm", action="store_true", help="also the transformer's own cosine, as a reference (needs minilm.py's packages)")
    ap.add_argument("--bootstrap", type=int, default=1000)
    args = ap.parse_args()
    lex = Words(args.table)
    rows = scu_pairs(args, lex)
    labels = np.array([p["label"] for p in rows])
    sets = sorted({p["topic"][:5] for p in rows})
    dev_sets = sets[0::2]
    dev = np.array([p["topic"][:5] in dev_sets for p in rows])
    print(f"{len(rows)} pairs, {labels.sum()} positive; dev document sets {', '.join(dev_sets)} "
          f"({dev.sum()} pairs, {labels[dev].sum()} positive); held-out {', '.join(s for s in sets if s not in dev_sets)} "
          f"({(~dev).sum()} pairs, {labels[~dev].sum()} positive)")
    cfg = {"floors": (0.3, 0.4, 0.5, 0.6), "anchor_idf": 0.0}
    # The anchor threshold: names/numbers rarer than half the topic's
    # sentences, i.e. IDF above ln(2) + 1 (few ties, no tuning).
    cfg["anchor_idf"] = math.log(2) + 1
    f = features(rows, cfg)
    longer = f["content words of the longer"]
    print(f"content words of the longer sentence of a pair: median {np.median(longer):.0f}, 95th percentile {np.percentile(longer, 95):.0f}")

    def table(title, cands):
        print(f"\n{title}\n{'measure':<48} {'dev P@R .10 .15 .20  AUC':<28} {'held-out':<28} all")
        for name, x in cands.items():
            print(f"{name:<48} {fmt(ranking(x[dev], labels[dev])):<28} {fmt(ranking(x[~dev], labels[~dev])):<28} {fmt(ranking(x, labels))}")

    table("Single measures", {k: v for k, v in f.items() if k != "content words of the longer"})

    # Combinations with the lexical cosine (and the semantic one), the
    # weight chosen on dev by the mean precision at recall 0.15 and 0.20.
    def dev_score(x):
        m = ranking(x[dev], labels[dev])
        return (m[0.15] + m[0.20]) / 2

    lexv, semv = f["lexical (brief)"], f["semantic (brief)"]
    combos = {}
    grid = [0.3, 0.4, 0.5, 0.6, 0.7]
    for name in ["align all words", "align content"] + [k for k in f if "floor" in k]:
        best = max(grid, key=lambda w: dev_score(w * lexv + (1 - w) * f[name]))
        combos[f"{best} lex + {1 - best:.1f} {name}"] = best * lexv + (1 - best) * f[name]
        print(f"  {name}: dev score by lexical weight " + ", ".join(f"{w}: {dev_score(w * lexv + (1 - w) * f[name]):.3f}" for w in grid))
    table("Combinations with brief's lexical cosine (weight chosen on dev)", combos)

    # Three-way and anchor bonus on top of the best dev combination.
    best_name = max(combos, key=lambda k: dev_score(combos[k]))
    base = combos[best_name]
    extra = {best_name: base}
    for name, x in [("combined (brief)", f["combined (brief)"]), (best_name, base)]:
        for beta in (0.05, 0.1, 0.2):
            extra[f"{name} + {beta} anchors"] = x + beta * f["anchors"]
    longer = np.maximum(f.pop("content words of the longer"), 1)
    for cap in (20, 30, 40):
        extra[f"combined (brief) x sqrt(min(1, {cap} / longer))"] = f["combined (brief)"] * np.sqrt(np.minimum(1, cap / longer))
    for ws in (0.2, 0.33):
        extra[f"{best_name} mixed with {ws} semantic"] = (1 - ws) * base + ws * semv
    table("Anchor bonus and semantic mix", extra)
    print(f"\nSpearman of the python TF-IDF mirror with brief's lexical cosine: "
          f"{spearmanr(f['tfidf (python mirror)'], lexv).correlation:.3f}")

    chosen = {
        "combined (brief)": f["combined (brief)"],
        "align content floor 0.6": f["align content floor 0.6"],
        best_name: base,
        "0.3 lex + 0.7 align content floor 0.6": 0.3 * lexv + 0.7 * f["align content floor 0.6"],
    }
    if args.minilm:
        # Reference only, not a candidate: the transformer itself (what the
        # static table was distilled from), cosine of its sentence vectors.
        from minilm import MiniLM

        texts = sorted({t for p in rows for t in (p["a"].text, p["b"].text)})
        vec = dict(zip(texts, MiniLM().embed(texts)))
        ref = np.array([float(vec[p["a"].text] @ vec[p["b"].text]) for p in rows])
        extra2 = {"MiniLM-L6 transformer cosine (reference)": ref, "0.5 lex + 0.5 transformer (reference)": 0.5 * lexv + 0.5 * np.maximum(ref, 0)}
        table("Reference: the full transformer (not cheap)", extra2)
        chosen.update(extra2)

    # Topic bootstrap: how far apart two measures' P@R0.15 must be to mean
    # anything with ~120 positives above the cut.
    topics = np.array([p["topic"] for p in rows])
    names = sorted(set(topics))
    rng = np.random.default_rng(7)
    draws = []
    for _ in range(args.bootstrap):
        pick = rng.choice(len(names), len(names))
        idx = np.concatenate([np.flatnonzero(topics == names[t]) for t in pick])
        draws.append([ranking(x[idx], labels[idx])[0.15] for x in chosen.values()])
    draws = np.array(draws)
    print(f"\nTopic bootstrap ({args.bootstrap} resamples of the 30 topics), precision at recall 0.15: 90% interval; "
          "difference to combined (brief), share of resamples where it is better")
    for j, name in enumerate(chosen):
        lo, hi = np.percentile(draws[:, j], [5, 95])
        d = draws[:, j] - draws[:, 0]
        print(f"  {name:<48} [{lo:.3f}, {hi:.3f}]  diff {d.mean():+.3f}  better in {np.mean(d > 0):.2f}, worse in {np.mean(d < 0):.2f}")

    # The false positives the combined cosine ranks above its recall-0.15 cut.
    x = f["combined (brief)"]
    order = np.argsort(-x, kind="stable")
    cut = int(np.argmax(np.cumsum(labels[order]) >= 0.15 * labels.sum()))
    print(f"\nFalse positives of combined (brief) above its recall-0.15 cut ({cut + 1} pairs):")
    for i in order[: cut + 1]:
        if not labels[i]:
            print(f"  {x[i]:.3f} {rows[i]['topic']}\n    A: {rows[i]['a'].text}\n    B: {rows[i]['b'].text}")

    if args.sts:
        sts(args, lex)


def sts(args, lex):
    """STS benchmark dev: Spearman of the chosen variants (IDF over the
    file's sentences, as `brief pairs` computes it)."""
    with open(os.path.join(args.eval, "stsb/dev.tsv"), encoding="utf-8") as fh:
        rows = list(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))[1:]
    gold = np.array([float(r[0]) for r in rows])
    a = [r[1].replace("<QUOTE>", '"') for r in rows]
    b = [r[2].replace("<QUOTE>", '"') for r in rows]
    tmp = "/tmp/alignment_study_sts.tsv"
    with open(tmp, "w", encoding="utf-8") as fh:
        for x, y in zip(a, b):
            fh.write(x.replace("\t", " ") + "\t" + y.replace("\t", " ") + "\n")
    out = json.loads(subprocess.run([args.brief, "pairs", "--format", "json", tmp], capture_output=True, check=True).stdout)["pairs"]
    os.unlink(tmp)
    lexv = np.array([p["lexical"] for p in out])
    semv = np.maximum(np.array([p["semantic"] for p in out]), 0)
    analyzed = [lex.analyze(t) for t in a + b]
    df = Counter(k for words in analyzed for k in {w["stem"] for w in words})
    n = len(analyzed)

    def idf(k):
        return math.log((1 + n) / (1 + df.get(k, 0))) + 1

    sa = [Sentence(w, idf, lex) for w in analyzed[: len(a)]]
    sb = [Sentence(w, idf, lex) for w in analyzed[len(a) :]]
    allw = np.array([align(x.all_v, x.all_w, y.all_v, y.all_w) for x, y in zip(sa, sb)])
    c06 = np.array([align(x.v, x.w, y.v, y.w, 0.6) for x, y in zip(sa, sb)])
    cont = np.array([align(x.v, x.w, y.v, y.w) for x, y in zip(sa, sb)])
    print(f"\nSTS benchmark dev ({len(gold)} pairs), Spearman:")
    for name, x in [
        ("lexical (brief)", lexv),
        ("semantic (brief)", semv),
        ("combined (brief)", 0.5 * lexv + 0.5 * semv),
        ("align all words", allw),
        ("align content", cont),
        ("align content floor 0.6", c06),
        ("0.3 lex + 0.7 align all words", 0.3 * lexv + 0.7 * allw),
        ("0.3 lex + 0.7 align content floor 0.6", 0.3 * lexv + 0.7 * c06),
    ]:
        print(f"  {name:<48} {spearmanr(x, gold).correlation:.4f}")


if __name__ == "__main__":
    main()
