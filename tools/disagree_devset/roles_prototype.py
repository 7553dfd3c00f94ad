"""Measures, and only measures, two kinds of disagreement brief does not
report: a different speaker named for one statement ("X said" / "Y said")
and opposite polarity (one member negated). Candidates: pairs of members
of different documents in brief's clusters on the dev-split DUC topics whose
speakers share no name after dropping titles, or of which one is negated;
40 of each kind, seeded, written as worksheets outside the repository.
Labels: tests/data/disagreements_roles.jsonl; figures: docs/disagreements.md."""
import json, os, re, subprocess, sys, random
BRIEF=os.environ.get('BRIEF','target/release/brief'); EVAL=os.environ.get('EVAL','../shared/eval'); OUT=os.environ.get('OUT','/tmp/disagree_devset/roles'); os.makedirs(OUT, exist_ok=True)
from common import family, split
NAME=r"((?:[A-Z][\w.'-]*\s+){0,3}[A-Z][\w.'-]*)"
VERB=r"(?:said|says|told|added|stated|announced|declared|insisted|warned)"
A=re.compile(NAME+r"\s+"+VERB+r"\b")
B=re.compile(VERB+r"\s+"+NAME)
TITLES={'president','mr','mr.','mrs','ms','prime','minister','secretary','gen.','gen','dr.','dr','foreign','spokesman','spokeswoman','sen.','rep.','gov.','the','u.s.','chief','leader','official','officials','police','minister','deputy','vice','former','state','defense','interior','general','chairman'}
STOP={'he','she','they','it','we','i','you','this','that','but','and','officials','police','witnesses','reports','sources'}
def speaker(text):
    for rx in (A,B):
        for m in rx.finditer(text):
            toks=[t.strip(".,'").lower() for t in m.group(1).split()]
            if toks and toks[0] in STOP: continue
            core=[t for t in toks if t and t not in TITLES]
            if core: return m.group(1), set(core)
    return None
NEG=re.compile(r"\b(not|no|never|n't|denied|denies|rejected|refused)\b", re.I)
out=[]
for corpus in ['duc2003','duc2007']:
    for topic in sorted(t for t in os.listdir(f'{EVAL}/{corpus}') if os.path.isdir(f'{EVAL}/{corpus}/{t}/docs')):
        if split(topic)!='dev': continue
        j=json.loads(subprocess.run([BRIEF,'dedup',f'{EVAL}/{corpus}/{topic}/docs','--format','json'],capture_output=True,text=True).stdout)
        for c in j['clusters']:
            ms=c['members']
            if len({m['document'] for m in ms})<2: continue
            for a in range(len(ms)):
                for b in range(a+1,len(ms)):
                    x,y=ms[a],ms[b]
                    if x['document']==y['document']: continue
                    sx,sy=speaker(x['text']),speaker(y['text'])
                    if sx and sy and not (sx[1]&sy[1]):
                        out.append(('role',topic,x['text'],y['text'],sx[0],sy[0],corpus,[x['document'],x['start'],x['end']],[y['document'],y['start'],y['end']]))
                    nx,ny=bool(NEG.search(x['text'])),bool(NEG.search(y['text']))
                    if nx!=ny:
                        out.append(('polarity',topic,x['text'],y['text'],'','',corpus,[x['document'],x['start'],x['end']],[y['document'],y['start'],y['end']]))
# one candidate per cluster pair text is enough; dedupe by texts
seen=set(); uniq=[]
for o in out:
    k=(o[0],o[2],o[3])
    if k in seen: continue
    seen.add(k); uniq.append(o)
rng=random.Random(20261124)
for kind in ['role','polarity']:
    c=[o for o in uniq if o[0]==kind]
    print(kind, len(c), file=sys.stderr)
    rng.shuffle(c)
    json.dump(c[:40], open(f'{OUT}/{kind}.json','w'))
    with open(f'{OUT}/{kind}.txt','w') as f:
        for n,o in enumerate(c[:40]):
            f.write(f"## {n} {o[1]} {o[4]!r} vs {o[5]!r}\n  A| {' '.join(o[2].split())}\n  B| {' '.join(o[3].split())}\n")
