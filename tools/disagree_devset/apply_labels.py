"""Turns hand labels (value text per member) into byte ranges and appends
labelled groups to tests/data/disagreements.jsonl."""
import json, sys, importlib.util
ws, labels_py, EVAL = sys.argv[1], sys.argv[2], sys.argv[3]
spec = importlib.util.spec_from_file_location('labels', labels_py); mod = importlib.util.module_from_spec(spec); spec.loader.exec_module(mod)
items = json.load(open(ws))
out = []
for n, it in enumerate(items):
    if n not in mod.L: print('unlabelled group', n, it['id']); continue
    texts = [open(f"{EVAL}/{it['set']}/{it['topic']}/docs/{m[0]}.txt", 'rb').read()[m[1]:m[2]] for m in it['members']]
    slots = []
    for label, kind, vals, reason in mod.L[n]:
        values = []
        for v in vals:
            mi, t = v[0], v[1].encode()
            i = texts[mi].find(t)
            if i < 0: sys.exit(f'group {n}: {t!r} not in member {mi}: {texts[mi][:200]!r}')
            s = it['members'][mi][1] + i
            values.append([mi, s, s + len(t)])
        slots.append(dict(kind=kind, label=label, values=values, reason=reason))
    out.append(dict(id=it['id'], set=it['set'], topic=it['topic'], split=it['split'], origin='predicted', members=[list(m) for m in it['members']], slots=slots))
with open('tests/data/disagreements.jsonl', 'a') as f:
    for o in out: f.write(json.dumps(o) + '\n')
print(len(out), 'groups appended')
