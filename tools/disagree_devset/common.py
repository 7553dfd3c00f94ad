"""What the dev-set tools share: the dev / held-out split, and the
disagreements brief reports in real use (`brief dedup --format json` on
every DUC 2003 / 2007 topic of a split)."""
import hashlib
import json
import os
import subprocess


def family(topic):
    """D0703A-B -> D0703, d30003t -> d30003: topics of one family share a split."""
    return topic[:5] if topic.startswith('D07') else topic[:6]


def split(topic):
    """'heldout' for about a quarter of the families (by hash), else 'dev'."""
    return 'heldout' if hashlib.md5(family(topic).encode()).hexdigest()[0] in '0123' else 'dev'


def reported_disagreements(brief, eval_dir, which):
    """Yields (corpus, topic, dedup JSON, disagreement, its statements) for
    every disagreement brief reports on the topics of split `which` ('all'
    for every topic), each once even when several clusters carry it."""
    for corpus in ['duc2003', 'duc2007']:
        topics = sorted(t for t in os.listdir(f'{eval_dir}/{corpus}')
                        if os.path.isdir(f'{eval_dir}/{corpus}/{t}/docs'))
        for topic in topics:
            if which != 'all' and split(topic) != which:
                continue
            out = subprocess.run([brief, 'dedup', f'{eval_dir}/{corpus}/{topic}/docs', '--format', 'json'],
                                 capture_output=True, text=True).stdout
            report = json.loads(out)
            seen = set()
            for cluster in report['clusters']:
                for d in cluster.get('disagreements', []):
                    statements = [s for v in d['values'] for s in v['statements']]
                    key = tuple(sorted((s['document'], s['start']) for s in statements))
                    if key in seen:
                        continue
                    seen.add(key)
                    yield corpus, topic, report, d, statements
