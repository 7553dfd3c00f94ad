"""Builds labelling worksheets (kept outside the repository: they quote text)."""
import json, os, subprocess, re, random, itertools
BRIEF=os.environ.get('BRIEF','target/release/brief')  # the labels were sampled with main@3948325
OUT=os.environ.get('OUT','/tmp/disagree_devset')  # outside the repository: worksheets quote the text
os.makedirs(OUT,exist_ok=True)
EVAL=os.environ.get('EVAL','../shared/eval')
NUM=re.compile(r"\b(\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|dozens?|hundreds?|thousands?|millions?|billions?|January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
from common import family, split
def norm(t): return ' '.join(t.split())
items=[]
# S: SCU groups
root=f'{EVAL}/duc2007_update_scu'
for topic in sorted(os.listdir(root)):
    p=os.path.join(root,topic,'gold.json')
    if not os.path.exists(p): continue
    for scu in json.load(open(p)):
        ms=scu['members']
        if len({m['doc'] for m in ms})<2: continue
        mem=[]
        for m in ms:
            raw=open(os.path.join(root,topic,'docs',m['doc']+'.txt'),'rb').read()[m['start']:m['end']].decode()
            mem.append((m['doc'],m['start'],m['end'],raw))
        items.append(dict(id=f"scu:{topic}:{scu['scu_id']}",set='duc2007_update_scu',topic=topic,split=split(topic),members=mem))
# P: brief clusters at the default threshold, and L: pairs only found at 0.25
def clusters(corpus, topic, threshold):
    d=f'{EVAL}/{corpus}/{topic}/docs'
    j=json.loads(subprocess.run([BRIEF,'dedup',d,'--format','json','--threshold',str(threshold)],capture_output=True,text=True).stdout)
    return [[(m['document'],m['start'],m['end'],m['text']) for m in c['members']] for c in j['clusters'] if c['support']>=2]
rng=random.Random(20251124)
pool_p=[]; pool_l=[]
for corpus in ['duc2003','duc2007']:
    for topic in sorted(t for t in os.listdir(f'{EVAL}/{corpus}') if os.path.isdir(f'{EVAL}/{corpus}/{t}/docs')):
        at4=clusters(corpus,topic,0.4)
        keys4=set()
        for c in at4:
            for a,b in itertools.combinations(c,2): keys4.add(((a[0],a[1]),(b[0],b[1])))
            texts={norm(m[3]) for m in c}
            withnum={m[0] for m in c if NUM.search(m[3])}
            if len(texts)>=2 and len(withnum)>=2:
                pool_p.append(dict(id=f"cluster:{corpus}:{topic}:{c[0][0]}:{c[0][1]}",set=corpus,topic=topic,split=split(topic),members=c))
        for c in clusters(corpus,topic,0.25):
            if len(c)!=2 or c[0][0]==c[1][0]: continue
            a,b=c
            if ((a[0],a[1]),(b[0],b[1])) in keys4: continue
            if NUM.search(a[3]) and NUM.search(b[3]) and norm(a[3])!=norm(b[3]):
                pool_l.append(dict(id=f"pair:{corpus}:{topic}:{a[0]}:{a[1]}:{b[0]}:{b[1]}",set=corpus,topic=topic,split=split(topic),members=c))
rng.shuffle(pool_p); rng.shuffle(pool_l)
print(len(items), len(pool_p), len(pool_l))
items += pool_p[:120] + pool_l[:100]
json.dump(items, open(os.path.join(OUT,'items.json'),'w'), indent=0)
# worksheets
with open(os.path.join(OUT,'worksheet.txt'),'w') as f:
    for it in items:
        f.write(f"## {it['id']} [{it['split']}]\n")
        for i,m in enumerate(it['members']):
            f.write(f"  {i}| {m[0]}: {norm(m[3])}\n")
