#!/usr/bin/env python3
"""Draw the hand-labelled acts sample (issue 10; method in BENCHMARKS.md).

Only articles whose text holds an accuse-, deny-, reject-, demand- or
condemn-type word are drawn. Articles are shuffled with a fixed seed and
taken in turn from the three bias ratings (left, center, right), one
article per outlet, skipping the articles of every EXCLUDE.tsv. Each is
analysed on its own (`parallax extract -`, as `parallax eval acts` does) and
every one of its speech-profile records (mode speech or writing) is taken,
up to eight per article, so that the allegation-answer pairs inside an article
are all in the sample. Stops at N records. Writes the label rows to fill in
(ids and input offsets, no article text) and, for the labellers only, a
context file and one text file per article, both to stay out of the
repository.

usage: scripts/sample_acts.py ARTICLES.jsonl.gz PARALLAX OUT.tsv CONTEXT.txt ARTICLE_DIR [N [SEED [EXCLUDE.tsv...]]]
"""
import gzip, json, os, random, re, subprocess, sys

articles_path, parallax, out_path, context_path, article_dir = sys.argv[1:6]
want = int(sys.argv[6]) if len(sys.argv) > 6 else 340
seed = int(sys.argv[7]) if len(sys.argv) > 7 else 10
excluded = set()
for path in sys.argv[8:]:
    with open(path, encoding="utf-8") as f:
        header = next(f, "").rstrip("\n").split("\t")
        col = header.index("doc_id") if "doc_id" in header else 0
        excluded.update(l.rstrip("\n").split("\t")[col] for l in f if l.strip())
ACT_WORDS = re.compile(
    r"\b(accus\w*|allege\w*|allegation\w*|den(y|ies|ied|ial)\w*|reject\w*|refut\w*|"
    r"demand\w*|condemn\w*|denounc\w*)\b", re.I)
with gzip.open(articles_path, "rt", encoding="utf-8") as f:
    rows = [json.loads(l) for l in f]
rows = [a for a in rows if a.get("id") not in excluded and ACT_WORDS.search(a.get("text") or "")]
rng = random.Random(seed)
rng.shuffle(rows)
by_bias = {}
for a in rows:
    by_bias.setdefault(a.get("bias_text") or "", []).append(a)
queues = [by_bias[b] for b in sorted(by_bias)]
per_outlet = {}
picked = []
os.makedirs(article_dir, exist_ok=True)
turn = 0
while len(picked) < want and any(queues):
    q = queues[turn % len(queues)]
    turn += 1
    if not q:
        continue
    a = q.pop(0)
    outlet = a.get("source") or ""
    if per_outlet.get(outlet, 0) >= 1:
        continue
    run = subprocess.run(
        [parallax, "extract", "-", "--field", "outlet=source", "--field", "published=date", "-q"],
        input=json.dumps(a), capture_output=True, text=True)
    lines = [l for l in run.stdout.splitlines() if l.strip()]
    if not lines:
        continue
    doc = json.loads(lines[0])
    records = [r for r in doc["quotes"] if r.get("mode") in ("speech", "writing")
               and r.get("input_start") is not None]
    if not records:
        continue
    per_outlet[outlet] = per_outlet.get(outlet, 0) + 1
    records = sorted(records[:8], key=lambda r: r["input_start"])
    for r in records:
        picked.append((a, r))
    with open(os.path.join(article_dir, a["id"] + ".txt"), "w", encoding="utf-8") as f:
        f.write(a["text"])

with open(out_path, "w", encoding="utf-8") as out, open(context_path, "w", encoding="utf-8") as ctx:
    out.write("id\tdoc_id\toutlet\tbias\tinput_start\tinput_end\tact\tactor\ttarget\tanswers\tnote\n")
    for n, (a, r) in enumerate(picked, 1):
        sid = f"s{n:03}"
        out.write(f"{sid}\t{a['id']}\t{a.get('source','')}\t{a.get('bias_text','')}\t"
                  f"{r['input_start']}\t{r['input_end']}\t\t\t\t\t\n")
        text = a["text"]
        i, j = r["input_start"], r["input_end"]
        lo, hi = max(0, i - 500), min(len(text), j + 300)
        marked = text[lo:i] + "[[" + text[i:j] + "]]" + text[j:hi]
        ctx.write(f"=== {sid} doc {a['id']} outlet {a.get('source','')} span {i}-{j} "
                  f"(article: {a['id']}.txt)\n")
        ctx.write(marked.replace("\n\n", "\n¶ ") + "\n\n")
docs = {a["id"] for a, _ in picked}
outlets = {a.get("source") for a, _ in picked}
biases = {a.get("bias_text") for a, _ in picked}
print(f"{len(picked)} records from {len(docs)} articles, {len(outlets)} outlets, "
      f"bias ratings {sorted(biases)}", file=sys.stderr)
