#!/usr/bin/env python3
"""A proxy for the quality of Chinese keyphrases where no keyphrase gold exists: the share of listed
keyphrases that start and end on word boundaries of jieba's segmentation of the article (at some
occurrence). jieba knows the words brief's dictionary list comes from, so read a rise as fewer
fragments of words, not as a score against people's keyphrases.

    pip install jieba==0.42.1
    python3 -c "import json,sys; [print(json.dumps({'id': r['id'], 'title': '', 'article': r['article'], 'keyphrases': [['x']]}, ensure_ascii=False)) for r in map(json.loads, open(sys.argv[1]))]" ../shared/eval/ml/zh_dev.jsonl > /tmp/zh_kp.jsonl
    target/release/brief eval --keywords --data /tmp/zh_kp.jsonl --predictions /tmp/zh_pred.jsonl
    python3 scripts/zh_keyphrase_boundaries.py ../shared/eval/ml/zh_dev.jsonl /tmp/zh_pred.jsonl
"""
import json, jieba, logging, sys
jieba.setLogLevel(logging.ERROR)
arts={json.loads(l)['id']:json.loads(l)['article'] for l in open(sys.argv[1])}
for f in sys.argv[2:]:
    tot=alg=0
    for l in open(f):
        r=json.loads(l); a=arts[r['id']]
        toks=list(jieba.tokenize(a)); starts={s for _,s,e in toks}; ends={e for _,s,e in toks}
        for p in r['keyphrases']:
            tot+=1
            # aligned if some occurrence starts and ends on jieba boundaries
            i=a.find(p); ok=False
            while i>=0:
                if i in starts and i+len(p) in ends: ok=True;break
                i=a.find(p,i+1)
            alg+=ok
    print(f, 'keyphrases', tot, 'per article', round(tot/len(arts),2), 'on jieba word boundaries', round(alg/tot,3))
