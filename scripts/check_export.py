#!/usr/bin/env python3
"""Check a Parquet export against the store it came from.

Each exported table is read with pyarrow and with DuckDB, and its row
count compared with the store's own table (read with Python's sqlite3).
Exits non-zero on any difference. Run by .ci/run on the example corpus.

Usage: scripts/check_export.py STORE.sqlite EXPORT_DIR
"""
import pathlib
import sqlite3
import sys

import duckdb
import pyarrow.parquet as pq

# Exported table -> the store's table it is one row per.
TABLES = {
    "documents": "documents",
    "removed": "removed",
    "attributions": "attributions",
    "statements": "statements",
    "links": "links",
    "counts": "counts",
    "dates": "dates",
    "entities": "entities",
    "descriptors": "descriptors",
    "actors": "actors",
    "actor_aliases": "actor_aliases",
    "stories": "stories",
    "story_members": "story_members",
}

store, out = sys.argv[1], pathlib.Path(sys.argv[2])
db = sqlite3.connect(f"file:{store}?mode=ro", uri=True)
duck = duckdb.connect()
failed = False
nonempty = 0
for table, source in TABLES.items():
    path = out / f"{table}.parquet"
    expected = db.execute(f"SELECT count(*) FROM {source}").fetchone()[0]
    by_arrow = pq.read_table(path).num_rows
    by_duckdb = duck.execute(f"SELECT count(*) FROM read_parquet('{path}')").fetchone()[0]
    ok = expected == by_arrow == by_duckdb
    failed |= not ok
    nonempty += expected > 0
    print(f"{'ok ' if ok else 'BAD'} {table:14} store {expected:7}  pyarrow {by_arrow:7}  duckdb {by_duckdb:7}")
# A join across files works as the docs show it.
joined = duck.execute(
    f"SELECT count(*) FROM read_parquet('{out / 'attributions.parquet'}') a "
    f"JOIN read_parquet('{out / 'documents.parquet'}') d USING (doc)"
).fetchone()[0]
expected = db.execute("SELECT count(*) FROM attributions").fetchone()[0]
if joined != expected:
    print(f"BAD attributions joined to documents: {joined}, expected {expected}")
    failed = True
if nonempty < 10:
    print(f"BAD only {nonempty} tables hold rows")
    failed = True
sys.exit(1 if failed else 0)
