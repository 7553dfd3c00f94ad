"""Worksheets for the `predicted` stratum: every disagreement brief reports on
the DUC 2003 / 2007 topics of one split (default: dev) whose values are not
already inside one labelled group. Labelling what the detector says measures
its precision where it speaks in real use; recall is measured on the other
strata only (see docs/disagreements.md). Writes outside the repository."""
import json, os, sys
from common import reported_disagreements
BRIEF = os.environ.get('BRIEF', 'target/release/brief')
OUT = os.environ.get('OUT', '/tmp/disagree_devset')
EVAL = os.environ.get('EVAL', '../shared/eval')
SPLIT = os.environ.get('SPLIT', 'dev')
os.makedirs(OUT, exist_ok=True)
labelled = [json.loads(l) for l in open('tests/data/disagreements.jsonl')]
def covered(statements):
    """True when one labelled group holds every statement's sentence."""
    for it in labelled:
        if all(any(m[0] == s['document'] and m[1] <= s['start'] and s['end'] <= m[2] for m in it['members']) for s in statements):
            return True
    return False
import re
END = re.compile(rb'[.!?][\'"\xe2\x80\x9d]*\s+(?=[A-Z"\'`\xe2])|\n\s*\n')
def around(corpus, topic, s):
    """The sentence around a statement outside every cluster (brief lists
    only clustered sentences): a plain end-of-sentence rule is enough for
    a worksheet."""
    raw = open(f'{EVAL}/{corpus}/{topic}/docs/{s["document"]}.txt', 'rb').read()
    start = 0
    for m in END.finditer(raw, 0, s['start']):
        start = m.end()
    m = END.search(raw, s['end'])
    end = m.start() + 1 if m and raw[m.start():m.start()+1] in b'.!?' else (m.start() if m else len(raw))
    return (start, end)
items = []
sentences = {}  # (corpus, topic) -> (document, sentence) -> (start, end) of clustered sentences
for corpus, topic, report, d, sts in reported_disagreements(BRIEF, EVAL, SPLIT):
    sent = sentences.get((corpus, topic))
    if sent is None:
        sent = sentences[(corpus, topic)] = {(m['document'], m['sentence']): (m['start'], m['end'])
                                             for c in report['clusters'] for m in c['members']}
    if covered(sts): continue
    members = []
    for s in sts:
        r = sent.get((s['document'], s['sentence'])) or around(corpus, topic, s)
        m = (s['document'],) + r
        if m not in members: members.append(m)
    ident = f"predicted:{corpus}:{topic}:{members[0][0]}:{members[0][1]}"
    items.append(dict(id=ident, set=corpus, topic=topic, split=SPLIT, members=members, predicted=d))
json.dump(items, open(os.path.join(OUT, f'predicted_{SPLIT}.json'), 'w'), indent=0)
def text(corpus, topic, doc, s, e):
    return open(f'{EVAL}/{corpus}/{topic}/docs/{doc}.txt', 'rb').read()[s:e].decode()
with open(os.path.join(OUT, f'predicted_{SPLIT}.txt'), 'w') as f:
    for n, it in enumerate(items):
        d = it['predicted']
        f.write(f"## {n} {it['id']} {d['severity']} {d['kind']}: " + ' / '.join(f"{v['value']}={[it['members'].index((s['document'],)+next((m[1],m[2]) for m in it['members'] if m[0]==s['document'] and m[1]<=s['start']<m[2])) for s in v['statements']]}" for v in d['values']) + "\n")
        for i, m in enumerate(it['members']):
            f.write(f"  {i}| {m[0]}: {' '.join(text(it['set'], it['topic'], *m).split())}\n")
print(len(items), 'groups;', sum(1 for i in items if i['predicted']['severity'] == 'conflict'), 'conflicts')
