#!/usr/bin/env python3
"""Draw the hand-labelled AllSides sample (method in BENCHMARKS.md).

Articles are shuffled with a fixed seed; each is analysed on its own (one
`parallax extract` per article, as `parallax eval labels` does) and up to two
of its speech-profile records (mode speech or writing) are drawn, at most four
articles and eight records per outlet, until the sample holds the wanted
number of records. Writes the label rows to fill in (no article text) and,
for the labeller only, a context file that must stay out of the repository.

usage: scripts/sample_labels.py ARTICLES.jsonl.gz PARALLAX OUT.tsv CONTEXT.txt [N [SEED [EXCLUDE.tsv...]]]

SEED (default 9) shuffles the articles; the articles of every EXCLUDE.tsv
(an earlier sample's label file) are never drawn, so a second sample is
disjoint from the first.
"""
import gzip, json, random, subprocess, sys

articles_path, parallax, out_path, context_path = sys.argv[1:5]
want = int(sys.argv[5]) if len(sys.argv) > 5 else 330
seed = int(sys.argv[6]) if len(sys.argv) > 6 else 9
excluded = set()
for path in sys.argv[7:]:
    with open(path, encoding="utf-8") as f:
        next(f, None)
        excluded.update(l.split("\t", 1)[0] for l in f if l.strip())
rng = random.Random(seed)
with gzip.open(articles_path, "rt", encoding="utf-8") as f:
    rows = [json.loads(l) for l in f]
rng.shuffle(rows)
per_outlet_articles, per_outlet_records = {}, {}
picked = []
for a in rows:
    outlet = a.get("source") or ""
    if a.get("id") in excluded:
        continue
    if per_outlet_articles.get(outlet, 0) >= 4 or per_outlet_records.get(outlet, 0) >= 8:
        continue
    run = subprocess.run(
        [parallax, "extract", "-", "--field", "outlet=source", "--field", "published=date", "-q"],
        input=json.dumps(a), capture_output=True, text=True)
    lines = [l for l in run.stdout.splitlines() if l.strip()]
    if not lines:
        continue
    doc = json.loads(lines[0])
    records = [q for q in doc["quotes"] if q.get("mode") in ("speech", "writing")
               and q.get("input_start") is not None]
    if not records:
        continue
    per_outlet_articles[outlet] = per_outlet_articles.get(outlet, 0) + 1
    room = 8 - per_outlet_records.get(outlet, 0)
    chosen = rng.sample(records, min(2, len(records), room))
    chosen.sort(key=lambda q: q["input_start"])
    per_outlet_records[outlet] = per_outlet_records.get(outlet, 0) + len(chosen)
    for q in chosen:
        picked.append((a, doc, q))
    if len(picked) >= want:
        break

with open(out_path, "w", encoding="utf-8") as out, open(context_path, "w", encoding="utf-8") as ctx:
    out.write("doc_id\toutlet\tinput_start\tinput_end\tspeech\tspeaker\tnamed\tnote\n")
    for n, (a, doc, q) in enumerate(picked, 1):
        s = q.get("speaker") or {}
        out.write(f"{a['id']}\t{a.get('source','')}\t{q['input_start']}\t{q['input_end']}\t\t\t\t\n")
        text = a["text"]
        i, j = q["input_start"], q["input_end"]
        lo, hi = max(0, i - 700), min(len(text), j + 400)
        ss, se = s.get("input_start"), s.get("input_end")
        marked = text[lo:hi]
        # mark content [[...]] and the speaker mention {{...}} when it lies in the window
        marks = [(i, "[["), (j, "]]")]
        if ss is not None and se is not None and lo <= ss and se <= hi:
            marks += [(ss, "{{"), (se, "}}")]
        for pos, m in sorted(marks, key=lambda x: -x[0]):
            k = pos - lo
            marked = marked[:k] + m + marked[k:]
        ctx.write(f"=== #{n} doc {a['id']} outlet {a.get('source','')} span {i}-{j}\n")
        ctx.write(f"record: mode={q.get('mode')} kind={q.get('kind')} cue={q.get('cue')!r} "
                  f"speaker.name={s.get('name')!r} mention={s.get('mention')!r} "
                  f"role={s.get('role')!r} affiliation={s.get('affiliation')!r}\n")
        ctx.write(marked.replace("\n\n", "\n¶ ") + "\n\n")
outlets = {a.get("source") for a, _, _ in picked}
print(f"{len(picked)} records from {len({a['id'] for a,_,_ in picked})} articles and {len(outlets)} outlets", file=sys.stderr)
