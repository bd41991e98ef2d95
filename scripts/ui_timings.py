#!/usr/bin/env python3
"""Time the web UI's pages on a store, as BENCHMARKS.md reports them.

    parallax serve STORE --addr 127.0.0.1:8088 &
    python3 scripts/ui_timings.py STORE/parallax.sqlite http://127.0.0.1:8088

Each list is requested twice: the first round right after the server
started ("first time"), then again. Times are whole requests from this
process (urllib, same machine), in milliseconds.
"""
import random
import sqlite3
import statistics
import sys
import time
import urllib.parse
import urllib.request


def timed(base, path):
    start = time.perf_counter()
    body = urllib.request.urlopen(base + path).read()
    return (time.perf_counter() - start) * 1000, len(body)


def rounds(base, label, paths):
    for which in ("first time", "again"):
        got = [timed(base, p) for p in paths]
        ms = sorted(g[0] for g in got)
        size = max(g[1] for g in got)
        print(f"{label}, {which}: median {statistics.median(ms):.1f} ms, "
              f"at most {ms[-1]:.1f} ms (largest page {size / 1e6:.2f} MB)")


def main():
    db, base = sys.argv[1], sys.argv[2].rstrip("/")
    c = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    largest = [r[0] for r in c.execute(
        "SELECT id FROM stories ORDER BY outlets DESC, documents DESC LIMIT 50")]
    several = [r[0] for r in c.execute("SELECT id FROM stories WHERE documents > 1")]
    random.seed(7)
    sample = random.sample(several, min(50, len(several)))
    rounds(base, "story page, 50 random stories of several documents",
           ["/stories/" + s for s in sample])
    rounds(base, "story page, the 50 stories of the most outlets",
           ["/stories/" + s for s in largest])
    speakers = ["Donald Trump", "Pelosi", "Konashenkov", "Mitch McConnell",
                "Greta Thunberg", "Zelensky"]
    rounds(base, "/search?speaker=",
           ["/search?speaker=" + urllib.parse.quote(s) for s in speakers])
    rounds(base, "/api/v1/search?speaker=",
           ["/api/v1/search?speaker=" + urllib.parse.quote(s) for s in speakers])
    stories = c.execute("SELECT count(*) FROM stories").fetchone()[0]
    actors = c.execute("SELECT count(*) FROM actors").fetchone()[0]
    for path in ["/", f"/?offset={stories // 2}", "/actors", f"/actors?offset={actors // 2}"]:
        print(f"{path}: {timed(base, path)[0]:.1f} ms")


if __name__ == "__main__":
    main()
