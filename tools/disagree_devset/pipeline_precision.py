"""Precision of the disagreements brief reports in real use: runs `brief
dedup --format json` on every DUC 2003 / 2007 topic of one split (clusters
and value links between them, as users get them) and judges each reported
disagreement by the labelled slots of tests/data/disagreements.jsonl: it is
correct when its statements cover two values of a slot with its severity
and kind, wrong when they cover a slot labelled otherwise, unlabelled when
no slot is covered. Prints one line per kind and severity; `--errors`
lists the wrong and unlabelled ones (they quote evaluation text: never
save that output in the repository)."""
import json, os, sys
from collections import Counter
from common import reported_disagreements
BRIEF = os.environ.get('BRIEF', 'target/release/brief')
EVAL = os.environ.get('EVAL', '../shared/eval')
SPLIT = sys.argv[sys.argv.index('--split') + 1] if '--split' in sys.argv else 'dev'
ERRORS = '--errors' in sys.argv
slots = []  # (label, kind, [(doc, start, end)])
for line in open('tests/data/disagreements.jsonl'):
    it = json.loads(line)
    for s in it['slots']:
        slots.append((s['label'], s['kind'], [(it['members'][m][0], a, b) for m, a, b in s['values']], it['id']))
def covers(sts, values):
    return sum(1 for d, a, b in values if any(s['document'] == d and s['start'] < b and a < s['end'] for s in sts))
tally = Counter()
for corpus, topic, _, d, sts in reported_disagreements(BRIEF, EVAL, SPLIT):
    hit = [s for s in slots if covers(sts, s[2]) >= 2]
    if any(l == d['severity'] and k == d['kind'] for l, k, _, _ in hit):
        verdict = 'correct'
    elif hit:
        verdict = 'wrong'
    else:
        verdict = 'unlabelled'
    tally[(d['severity'], d['kind'], verdict)] += 1
    tally[(d['severity'], 'all', verdict)] += 1
    if ERRORS and verdict != 'correct':
        what = f"{hit[0][0]} {hit[0][1]} ({hit[0][3]})" if hit else 'unlabelled'
        print(f"{verdict.upper()} {d['severity']} {d['kind']} {topic}: " + ' / '.join(v['statements'][0]['text'] for v in d['values']) + f"  [labelled: {what}]")
print(f"split {SPLIT}: disagreements brief reports (dedup, default options)")
print('severity  kind      reported correct wrong unlabelled  precision (unlabelled counted wrong)')
for sev in ['conflict', 'nuance']:
    for kind in ['duration', 'count', 'money', 'percent', 'measure', 'date', 'time', 'all']:
        c, w, u = (tally[(sev, kind, v)] for v in ('correct', 'wrong', 'unlabelled'))
        n = c + w + u
        if n: print(f"{sev:<9} {kind:<9} {n:>8} {c:>7} {w:>5} {u:>10}  {c / n:.3f}")
