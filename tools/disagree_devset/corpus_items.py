import json, os, subprocess
BRIEF=os.environ.get('BRIEF','target/release/brief')
OUT=os.environ.get('OUT','/tmp/disagree_devset')
os.makedirs(OUT,exist_ok=True)
j=json.loads(subprocess.run([BRIEF,'dedup','corpus/','--format','json'],capture_output=True,text=True).stdout)
seg=json.loads(subprocess.run([BRIEF,'segment','corpus/','--format','json'],capture_output=True,text=True).stdout)
units={(u['document'],u['index']):u for u in seg['units']}
items=[]
for c in j['clusters']:
    ms=[(m['document'],m['start'],m['end'],m['text']) for m in c['members']]
    items.append(dict(id=f"cluster:corpus:{ms[0][0]}:{ms[0][1]}",set='corpus',topic='corpus',split='dev',members=ms))
def u(doc,i):
    x=units[(doc,i)]; return (doc,x['start'],x['end'],x['text'])
items.append(dict(id="hand:corpus:talks",set='corpus',topic='corpus',split='dev',members=[u('001_ea413e61223932fb',0),u('002_78b38a8f6085c137',0),u('003_5b9f92d980bf3a62',1),u('004_03aaff8ea2b48128',1)]))
items.append(dict(id="hand:corpus:press",set='corpus',topic='corpus',split='dev',members=[u('000_62f8772c7c445775',6),u('003_5b9f92d980bf3a62',11),u('004_03aaff8ea2b48128',6)]))
json.dump(items,open(os.path.join(OUT,'corpus_items.json'),'w'))
for it in items:
    print('##',it['id'])
    for i,m in enumerate(it['members']): print(f'  {i}| {m[0]}: {m[3][:150]}')
