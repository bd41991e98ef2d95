#!/usr/bin/env python3
"""How far bag-of-words features can separate ECB+'s look-alike events.

Not part of Parallax: a measurement behind BENCHMARKS.md ("Grouping on
ECB+: what the features allow"). It uses the gold labels on purpose, to
bound what any clusterer over the same kind of features can reach:

1. batch K-means over TF-IDF, told the true number of events (the best
   of what a clusterer not told it could hope for), on the tuning and the
   test topics;
2. per topic, whether each article is nearer (cosine) the centroid of the
   rest of its own event than that of the look-alike event: the question
   a clusterer answers once both events are already known;
3. per topic, the cosine between the two events' centroids, against the
   cosine between the two halves that 2-means finds inside one event: if
   the first were always lower, one threshold could split what a single
   pass merged.

Needs scikit-learn and numpy. Usage: scripts/ecb_ceiling.py [ECB_DOCS]
"""
import collections
import json
import sys

import numpy as np
from sklearn.cluster import KMeans
from sklearn.feature_extraction.text import TfidfVectorizer

path = sys.argv[1] if len(sys.argv) > 1 else "../shared/datasets/ecbplus/docs.jsonl"
docs = [json.loads(line) for line in open(path, encoding="utf-8")]


def pairwise_and_bcubed(pred, gold):
    n = len(gold)
    tp = fp = fn = 0
    for i in range(n):
        for j in range(i + 1, n):
            same, true = pred[i] == pred[j], gold[i] == gold[j]
            tp += same and true
            fp += same and not true
            fn += true and not same
    p, r = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
    pc, gc = collections.Counter(pred), collections.Counter(gold)
    both = collections.Counter(zip(pred, gold))
    bp = sum(both[(pred[i], gold[i])] / pc[pred[i]] for i in range(n)) / n
    br = sum(both[(pred[i], gold[i])] / gc[gold[i]] for i in range(n)) / n
    return 2 * p * r / max(p + r, 1e-9), 2 * bp * br / max(bp + br, 1e-9)


def unit(m):
    return m / (np.linalg.norm(m, axis=1, keepdims=True) + 1e-9)


def cos(a, b):
    return float(a @ b / (np.linalg.norm(a) * np.linalg.norm(b) + 1e-9))


def tfidf(texts):
    v = TfidfVectorizer(sublinear_tf=True, stop_words="english", min_df=2)
    return unit(v.fit_transform(texts).toarray().astype(np.float32))


def two_means(v):
    sims = v @ v.T
    a, b = np.unravel_index(np.argmin(sims), sims.shape)
    ca, cb = v[a].copy(), v[b].copy()
    for _ in range(20):
        lab = v @ cb / np.linalg.norm(cb) > v @ ca / np.linalg.norm(ca)
        if lab.all() or (~lab).all():
            return None
        ca, cb = v[~lab].sum(0), v[lab].sum(0)
    return cos(ca, cb)


print("1. K-means told the number of events (seeds 0-2), pairwise F1 / B-cubed F1")
for name, lo, hi in (("tuning topics 1-35", 1, 35), ("test topics 36-45", 36, 45)):
    sel = [d for d in docs if lo <= d["topic"] <= hi]
    gold = [d["event_cluster"] for d in sel]
    x = tfidf([d["text"] for d in sel])
    k = len(set(gold))
    runs = [
        pairwise_and_bcubed(list(KMeans(n_clusters=k, n_init=10, random_state=s).fit_predict(x)), gold)
        for s in range(3)
    ]
    print(f"  {name}: " + "  ".join(f"{p:.3f}/{b:.3f}" for p, b in runs))

x = tfidf([d["text"] for d in docs])
gold = np.array([d["event_cluster"] for d in docs])
print("2-3. per topic: nearer own event, events' centroid cosine, 2-means halves' cosine inside each event")
nearer_total = 0
overlap = 0
topics = sorted(set(d["topic"] for d in docs))
for t in topics:
    events = [np.where(gold == f"{t}_ecb")[0], np.where(gold == f"{t}_ecbplus")[0]]
    nearer = 0
    for e, members in enumerate(events):
        other = x[events[1 - e]].sum(0)
        for i in members:
            rest = x[members].sum(0) - x[i]
            nearer += np.linalg.norm(rest) > 0 and cos(x[i], rest) > cos(x[i], other)
    n = sum(len(m) for m in events)
    nearer_total += nearer
    between = cos(x[events[0]].sum(0), x[events[1]].sum(0))
    within = [w for w in (two_means(x[m]) for m in events) if w is not None]
    overlap += any(w <= between for w in within)
    print(f"  topic {t}: {nearer}/{n} nearer own event; between {between:.2f}; within "
          + ", ".join(f"{w:.2f}" for w in within))
print(f"nearer own event: {nearer_total}/{len(docs)}; topics where a within-event split "
      f"is no closer than the two events: {overlap}/{len(topics)}")
