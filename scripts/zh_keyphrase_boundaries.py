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
import json
import logging
import sys

import jieba


def on_boundaries(article, phrase, starts, ends):
    """Whether some occurrence of `phrase` in `article` starts and ends on a word boundary."""
    i = article.find(phrase)
    while i >= 0:
        if i in starts and i + len(phrase) in ends:
            return True
        i = article.find(phrase, i + 1)
    return False


def main(data, predictions):
    jieba.setLogLevel(logging.ERROR)
    articles = {r["id"]: r["article"] for r in map(json.loads, open(data, encoding="utf-8"))}
    for path in predictions:
        total = aligned = 0
        for row in map(json.loads, open(path, encoding="utf-8")):
            article = articles[row["id"]]
            words = list(jieba.tokenize(article))
            starts = {s for _, s, _ in words}
            ends = {e for _, _, e in words}
            for phrase in row["keyphrases"]:
                total += 1
                aligned += on_boundaries(article, phrase, starts, ends)
        print(f"{path}: {total} keyphrases, {total / len(articles):.2f} an article, "
              f"{aligned / max(total, 1):.3f} on jieba word boundaries")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
