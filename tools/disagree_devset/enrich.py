"""Enriched stratum: cross-document sentence pairs of one topic, TF-IDF cosine >= 0.2
(simple lowercase word TF-IDF, not brief's), both stating numbers, with different
number tokens. Independent of the detector: no units, context or alignment."""
import json, os, re, math, random, subprocess, collections, itertools
BRIEF=os.environ.get('BRIEF','target/release/brief')  # the labels were sampled with main@3948325
OUT=os.environ.get('OUT','/tmp/disagree_devset')  # outside the repository: worksheets quote the text
os.makedirs(OUT,exist_ok=True)
EVAL=os.environ.get('EVAL','../shared/eval')
WORD=re.compile(r"[A-Za-z]+")
NUMW="one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty hundred thousand million billion dozen dozens hundreds thousands millions".split()
NUM=re.compile(r"\d[\d,.]*|\b(?:%s)\b" % "|".join(NUMW), re.I)
STOP=set("the a an of to in and or for on at by with from as is was were be been has have had that this it its he she they his her their said says not but are will would which who".split())
from common import family, split
existing=set()
for it in json.load(open(os.path.join(OUT,'items.json'))):
    ms=it['members']
    for a,b in itertools.combinations(ms,2): existing.add(frozenset([(a[0],a[1]),(b[0],b[1])]))
cands=[]
for corpus in ['duc2003','duc2007']:
    for topic in sorted(t for t in os.listdir(f'{EVAL}/{corpus}') if os.path.isdir(f'{EVAL}/{corpus}/{t}/docs')):
        seg=json.loads(subprocess.run([BRIEF,'segment',f'{EVAL}/{corpus}/{topic}/docs','--format','json'],capture_output=True,text=True).stdout)
        sents=[(u['document'],u['start'],u['end'],u['text']) for u in seg['units'] if u['kind']=='sentence']
        toks=[[w.lower() for w in WORD.findall(s[3]) if w.lower() not in STOP and w.lower() not in NUMW] for s in sents]
        df=collections.Counter(w for t in toks for w in set(t)); n=len(sents)
        vecs=[]
        for t in toks:
            tf=collections.Counter(t); v={w:c*math.log(n/df[w]) for w,c in tf.items()}
            norm=math.sqrt(sum(x*x for x in v.values())) or 1; vecs.append({w:x/norm for w,x in v.items()})
        index=collections.defaultdict(list)
        for i,v in enumerate(vecs):
            for w in v: index[w].append(i)
        nums=[frozenset(m.group(0).lower().rstrip('.,') for m in NUM.finditer(s[3])) for s in sents]
        for i,v in enumerate(vecs):
            if not nums[i]: continue
            seen=set()
            for w in v:
                for j in index[w]:
                    if j<=i or j in seen: continue
                    seen.add(j)
                    if sents[i][0]==sents[j][0] or not nums[j] or nums[i]==nums[j]: continue
                    cos=sum(x*vecs[j].get(w2,0) for w2,x in v.items())
                    if cos>=0.2:
                        key=frozenset([(sents[i][0],sents[i][1]),(sents[j][0],sents[j][1])])
                        if key in existing: continue
                        cands.append(dict(id=f"enriched:{corpus}:{topic}:{sents[i][0]}:{sents[i][1]}:{sents[j][0]}:{sents[j][1]}",set=corpus,topic=topic,split=split(topic),members=[sents[i],sents[j]],cos=cos))
print(len(cands))
rng=random.Random(20251125); rng.shuffle(cands)
chosen=cands[:150]
json.dump(chosen,open(os.path.join(OUT,'enriched.json'),'w'))
with open(os.path.join(OUT,'worksheet2.txt'),'w') as f:
    for it in chosen:
        f.write(f"## {it['id']} [{it['split']}] cos={it['cos']:.2f}\n")
        for i,m in enumerate(it['members']): f.write(f"  {i}| {m[0]}: {' '.join(m[3].split())}\n")
