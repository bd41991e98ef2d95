#!/usr/bin/env python3
"""How many PolNeAR attributions report a bare noun phrase (BENCHMARKS.md).

Issue 9's records report a proposition only: a clause, a quotation or an
"according to" frame. PolNeAR also annotates cues whose content is a noun
phrase ("dismissed [Obama's actions]", "praised [the president's actions]").
This counts, over one split's gold attributions, those whose content holds
no quote mark, opens with no complementizer, question word or "to", and has
no word that can be a finite verb (a form of data/finite_verbs.txt, a
pronoun with a contracted verb, or, past its first word in a content of four
words or more, an -ed or -s form). The share bounds the recall records of
this kind can reach. Approximate by design: it reads words, not parses.

usage: scripts/polnear_noun_phrase_share.py SPLIT_DIR   (e.g. ../shared/datasets/polnear/data/train)
"""
import glob, os, re, sys

root = sys.argv[1]
here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "..", "data", "finite_verbs.txt"), encoding="utf-8") as f:
    finite = {l.strip().lower() for l in f if l.strip() and not l.startswith("#")}
openers = {"that", "whether", "if", "how", "why", "what", "who", "when", "where", "to"}
contraction = re.compile(r"^(he|she|they|we|i|it|that|there|you)['\u2019](s|d|re|ve|m|ll)$")
total = noun_phrases = 0
for ann in sorted(glob.glob(os.path.join(root, "attributions", "*.ann"))):
    spans, relations = {}, []
    with open(ann, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if parts[0].startswith("T"):
                spans[parts[0]] = parts[2] if len(parts) > 2 else ""
            elif parts[0].startswith("E") and len(parts) > 1:
                relations.append(dict(x.split(":", 1) for x in parts[1].split()))
    for rel in relations:
        content = " ".join(spans.get(v, "") for k, v in rel.items() if k.startswith("Content"))
        if not content:
            continue
        total += 1
        words = re.findall(r"[\w'\u2019]+", content.lower())
        if any(c in content for c in "\u201c\u201d\""):
            continue
        if words and words[0] in openers:
            continue
        if any(w in finite or contraction.match(w) for w in words):
            continue
        if len(words) > 3 and any(w.endswith("ed") or (w.endswith("s") and not w.endswith("ss")) for w in words[1:]):
            continue
        noun_phrases += 1
print(f"{total} gold attributions with content, {noun_phrases} ({noun_phrases / max(total, 1):.1%}) "
      f"report a bare noun phrase; recall ceiling without them {1 - noun_phrases / max(total, 1):.3f}")
