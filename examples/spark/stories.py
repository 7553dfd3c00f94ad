"""brief stories on Spark: the same grouping and summaries as
`brief stories --format json`, at cluster scale.

brief does the per-document and per-story work as piped stages (JSON Lines
in and out); Spark does what needs the whole input: document frequencies,
the shuffle that brings candidate documents together, connected components.

    spark-submit examples/spark/stories.py --brief target/release/brief \
        --input docs.jsonl --output stories.jsonl [--partitions 8]

Stages (see docs/stories.md and `brief stories --help`):
 1. `brief stories --emit-terms`       documents -> term bags
 2. Spark                              document frequencies (terms in >= 2 docs)
 3. `brief stories --emit-keys`        term bags -> signatures and keys
 4. Spark                              window pairs per key, integer cosine >= link
                                       threshold, connected components
 5. `brief stories --from-links`       component -> stories (average-link merges)
 6. `brief batch`                      story -> brief.summary/1

The output file has the single-machine layout: one brief.summary/1 line per
story (with `story`), then the brief.stories/1 listing. Input: JSON Lines,
one document per line (`id`, `text`, optional `title`, `date`, `url`), ids
and texts unique (brief's loader renames repeated ids and drops repeated
texts; this job refuses them instead).
"""

import argparse
import json
import time
import math
import os
import subprocess
import sys

from pyspark import SparkConf, SparkContext, SparkFiles

# brief's constants (src/stories): the equality test catches any drift.
SCALE = 32768
WINDOW = 32
KEYS = 8
TERMS = 256
MIN_SHARED_TERMS = 5


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--brief", required=True,
                   help="path of the brief binary; on a cluster, the name of the file shipped with --files")
    p.add_argument("--input", required=True, help="JSON Lines documents (any Hadoop path)")
    p.add_argument("--output", required=True, help="local file for the JSON Lines result")
    p.add_argument("--partitions", type=int, default=None, help="input partitions")
    p.add_argument("--master", default=None, help="Spark master (default: spark-submit's, else local[*])")
    p.add_argument("--lang", default="en")
    p.add_argument("--link-threshold", default="0.1")
    p.add_argument("--cohesion", default="0.1")
    p.add_argument("--min-documents", type=int, default=2)
    p.add_argument("--summary-args", default="",
                   help="summary options, as given to `brief stories`, e.g. '--sentences 5 --threshold 0.4'")
    return p.parse_args(argv)


def brief_path(name):
    """The binary: shipped with --files (found by SparkFiles), or a path."""
    if os.path.isabs(name) and os.path.exists(name):
        return name
    try:
        shipped = SparkFiles.get(os.path.basename(name))
        if os.path.exists(shipped):
            os.chmod(shipped, 0o755)
            return shipped
    except Exception:
        pass
    return os.path.abspath(name)


def run_brief(binary, args, lines):
    """Pipes one partition's lines through brief; yields its output lines."""
    data = "".join(line + "\n" for line in lines)
    if not data:
        return
    exe = brief_path(binary)
    args = [SparkFiles.get(a[len("@file:"):]) if a.startswith("@file:") else a for a in args]
    done = subprocess.run([exe] + args, input=data.encode("utf-8"),
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if done.returncode != 0:
        raise RuntimeError("brief %s failed (%d): %s" % (" ".join(args), done.returncode,
                                                         done.stderr.decode("utf-8", "replace")))
    for line in done.stdout.decode("utf-8").splitlines():
        if line:
            yield line


def window_pairs(item):
    _, positions = item
    ordered = sorted(positions)
    for i, a in enumerate(ordered):
        for b in ordered[i + 1:i + 1 + WINDOW]:
            yield (a, b)


def dot(u, v):
    """The signatures' integer dot product, or 0 when they share fewer than
    MIN_SHARED_TERMS terms (no link, as in brief)."""
    if len(u) > len(v):
        u, v = v, u
    shared = [w * v[t] for t, w in u.items() if t in v]
    return sum(shared) if len(shared) >= MIN_SHARED_TERMS else 0


def connected_components(edges, partitions):
    """Min-label propagation over an RDD of (a, b) edges: (node, root) for
    every node with an edge, root = the smallest position in its component.
    Every shuffle names its partition count: a union adds its parents'
    partitions, and would otherwise double them at each round."""
    undirected = edges.flatMap(lambda e: [e, (e[1], e[0])]) \
        .partitionBy(partitions).cache()
    labels = undirected.map(lambda e: (e[0], e[0])).distinct(partitions)
    while True:
        proposals = undirected.join(labels, partitions).map(lambda x: (x[1][0], x[1][1]))
        updated = labels.union(proposals).reduceByKey(min, partitions).cache()
        changed = updated.join(labels, partitions).filter(lambda x: x[1][0] != x[1][1]).count()
        labels = updated
        if changed == 0:
            return labels


def main(argv):
    args = parse_args(argv)
    conf = SparkConf().setAppName("brief-stories").set("spark.ui.showConsoleProgress", "false")
    if args.master:
        conf = conf.setMaster(args.master)
    elif "spark.master" not in dict(SparkConf().getAll()):
        conf = conf.setMaster("local[*]")
    sc = SparkContext(conf=conf)
    sc.setLogLevel("WARN")
    clock = [time.time()]

    def step(name):
        now = time.time()
        print("brief-stories: %s: %.1f s" % (name, now - clock[0]), file=sys.stderr, flush=True)
        clock[0] = now
    if not os.path.isabs(args.brief) and os.path.exists(args.brief):
        args.brief = os.path.abspath(args.brief)
    common = ["--lang", args.lang]

    # The documents, in input order, numbered n = 0, 1, ... as brief numbers them.
    raw = sc.textFile(args.input, minPartitions=args.partitions)
    parts = max(raw.getNumPartitions(), 1)
    parsed = raw.filter(lambda l: l.strip()).map(json.loads) \
        .filter(lambda d: str(d.get("text") or "").strip())
    docs = parsed.zipWithIndex().map(lambda x: (x[1], x[0])).cache()  # (n, doc)
    n_docs = docs.count()
    ids = docs.map(lambda x: (str(x[1]["id"]), x[0])).cache()  # (id, n)
    if ids.keys().distinct().count() != n_docs:
        sys.exit("brief-stories: document ids repeat; make them unique")
    if docs.map(lambda x: x[1]["text"]).distinct().count() != n_docs:
        sys.exit("brief-stories: some documents have the same text; drop the copies")

    # 1. Term bags (brief), 2. document frequencies (Spark).
    lines = docs.map(lambda x: json.dumps(x[1], ensure_ascii=False))
    brief = args.brief
    terms = lines.mapPartitions(
        lambda it: run_brief(brief, ["stories", "--emit-terms", "--input-format", "jsonl", "-"] + common, it)
    ).cache()
    df = terms.flatMap(lambda l: [(t, 1) for t, _ in json.loads(l)["terms"]]) \
        .reduceByKey(lambda a, b: a + b, parts).filter(lambda x: x[1] >= 2).collect()
    df_path = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(args.output)),
                                           ".brief-stories-df.tsv"))
    with open(df_path, "w", encoding="utf-8") as f:
        for term, count in sorted(df):
            f.write("%s\t%d\n" % (term, count))
    step("term bags and document frequencies")
    sc.addFile(df_path)
    df_name = os.path.basename(df_path)

    # 3. Signatures and keys (brief).
    keyed = terms.mapPartitions(
        lambda it: run_brief(brief, ["stories", "--emit-keys", "--df", "@file:" + df_name,
                                     "--documents", str(n_docs)] + common, it)
    ).map(lambda l: json.loads(l)).map(lambda s: (s["id"], s)).join(ids, parts) \
        .map(lambda x: (x[1][1], x[1][0])).cache()  # (n, signature)

    # 4. Candidates: window pairs in each key's list; links: integer dot.
    pairs = keyed.flatMap(lambda x: [(k, x[0]) for k in x[1]["keys"]]).groupByKey(parts) \
        .flatMap(window_pairs).distinct(parts).cache()
    candidate_pairs = pairs.count()
    minimum = math.ceil(float(args.link_threshold) * float(SCALE) * float(SCALE))
    vectors = keyed.mapValues(lambda s: {t: w for t, w in s["vector"]})
    links = pairs.join(vectors, parts).map(lambda x: (x[1][0], (x[0], x[1][1]))).join(vectors, parts) \
        .map(lambda x: (x[1][0][0], x[0], dot(x[1][0][1], x[1][1]))) \
        .filter(lambda x: x[2] >= minimum and x[2] > 0) \
        .map(lambda x: (x[0], x[1])).cache()
    link_count = links.count()
    step("signatures, candidates (%d) and links (%d)" % (candidate_pairs, link_count))
    roots = connected_components(links, parts).cache()  # (n, root)
    components = roots.map(lambda x: (x[1], 1)).reduceByKey(lambda a, b: a + b, parts).count()

    # 5. Stories of each component (brief).
    members = roots.join(keyed, parts).map(
        lambda x: (x[1][0], {"n": x[0], "id": x[1][1]["id"], "vector": x[1][1]["vector"]}))
    edges = links.join(roots, parts).map(lambda x: (x[1][1], [x[0], x[1][0]]))
    component_lines = members.cogroup(edges, parts).map(
        lambda x: json.dumps({"documents": sorted(x[1][0], key=lambda d: d["n"]),
                              "links": sorted(x[1][1])}, ensure_ascii=False))
    refine_args = ["stories", "--from-links", "--cohesion", args.cohesion] + common
    refined = component_lines.mapPartitions(lambda it: run_brief(brief, refine_args, it)) \
        .map(json.loads).collect()

    step("connected components (%d) and stories" % components)
    stories = [r for r in refined if "size" in r and r["size"] >= args.min_documents]
    stories.sort(key=lambda s: (-s["size"], s["n"]))
    for i, story in enumerate(stories):
        story["id"] = "story-%04d" % (i + 1)

    # 6. One summary per story (brief batch).
    story_of = sc.parallelize([(d, s["id"]) for s in stories for d in s["documents"]], parts)
    topics = story_of.join(docs.map(lambda x: (str(x[1]["id"]), (x[0], x[1]))), parts) \
        .map(lambda x: (x[1][0], x[1][1])).groupByKey(parts) \
        .map(lambda x: json.dumps({"id": x[0], "documents": [d for _, d in sorted(x[1], key=lambda p: p[0])]},
                                  ensure_ascii=False))
    batch_args = ["batch"] + common + args.summary_args.split()
    results = topics.mapPartitions(lambda it: run_brief(brief, batch_args, it)).map(json.loads).collect()

    step("summaries (%d)" % len(results))
    summaries = {}
    errors = {}
    for r in results:
        if r.get("schema") == "brief.summary/1":
            story_id = r.pop("topic")
            summaries[story_id] = dict([("schema", r.pop("schema")), ("story", story_id)] + list(r.items()))
        else:
            errors[r.get("id")] = r.get("error")

    in_story = {d for s in stories for d in s["documents"]}
    unassigned = docs.map(lambda x: (x[0], str(x[1]["id"]))).filter(lambda x: x[1] not in in_story) \
        .sortByKey().values().collect()
    listing = {
        "schema": "brief.stories/1",
        "options": {"language": args.lang, "link_threshold": round(float(args.link_threshold), 4),
                    "cohesion": round(float(args.cohesion), 4), "min_documents": args.min_documents,
                    "keys": KEYS, "terms": TERMS, "window": WINDOW,
                    "min_shared_terms": MIN_SHARED_TERMS},
        "stories": [],
        "unassigned": unassigned,
        "stats": {"documents": n_docs, "stories": len(stories),
                  "story_documents": sum(s["size"] for s in stories), "unassigned": len(unassigned),
                  "candidate_pairs": candidate_pairs, "links": link_count, "components": components},
    }
    with open(args.output, "w", encoding="utf-8") as out:
        for story in stories:
            if story["id"] in summaries:
                out.write(json.dumps(summaries[story["id"]], ensure_ascii=False, separators=(",", ":")) + "\n")
            entry = {k: story[k] for k in ("id", "size", "documents", "terms", "links")}
            if story["id"] in errors:
                entry["error"] = errors[story["id"]]
            listing["stories"].append(entry)
        out.write(json.dumps(listing, ensure_ascii=False, separators=(",", ":")) + "\n")
    os.remove(df_path)
    sc.stop()


if __name__ == "__main__":
    main(sys.argv[1:])
