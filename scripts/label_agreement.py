#!/usr/bin/env python3
"""Agreement between two labellings of the same acts sample (issue 10).

Both files are in the label format of `parallax eval acts`; rows are
matched by id. Prints act agreement over all rows and over the rows both
labellers call a statement, Cohen's kappa, the confusion (first file's act
down, second's across), actor agreement on rows both call a statement (a
name matches when one holds the other or both end in the same word:
"Trump" and "President Trump"), and the allegation-answer pairs each names.

usage: scripts/label_agreement.py FIRST.tsv SECOND.tsv
"""
import collections
import sys

ACTS = ["allegation", "denial", "demand", "counter_accusation", "criticism", "claim", "none"]


def load(path):
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    header = lines[0].split("\t")
    col = {name: i for i, name in enumerate(header)}
    rows = {}
    for line in lines[1:]:
        c = line.split("\t")
        rows[c[col["id"]]] = {k: c[i] if i < len(c) else "" for k, i in col.items()}
    return rows


def same_name(a, b):
    a = a.lower().replace(".", "").strip()
    b = b.lower().replace(".", "").strip()
    if not a or not b:
        return a == b
    return a == b or a in b or b in a or a.split()[-1] == b.split()[-1]


def main():
    first, second = load(sys.argv[1]), load(sys.argv[2])
    ids = [k for k in first if k in second]
    if not ids:
        sys.exit("no row id is in both files")
    n = len(ids)
    agree = sum(first[k]["act"] == second[k]["act"] for k in ids)
    both = [k for k in ids if first[k]["act"] != "none" and second[k]["act"] != "none"]
    both_agree = sum(first[k]["act"] == second[k]["act"] for k in both)
    pe = sum(
        (sum(first[k]["act"] == a for k in ids) / n) * (sum(second[k]["act"] == a for k in ids) / n)
        for a in ACTS
    )
    po = agree / n
    print(f"{n} rows in both files ({len(first)} and {len(second)})")
    print(f"act agreement          {po:.3f} ({agree} of {n}); Cohen's kappa {(po - pe) / (1 - pe):.3f}")
    print(f"  rows both call a statement: {both_agree / max(1, len(both)):.3f} ({both_agree} of {len(both)})")
    actors = sum(same_name(first[k]["actor"], second[k]["actor"]) for k in both)
    print(f"actor agreement        {actors / max(1, len(both)):.3f} ({actors} of {len(both)})")
    conf = collections.Counter((first[k]["act"], second[k]["act"]) for k in ids)
    print("confusion (first down, second across)")
    print(" " * 20 + "".join(f"{a[:9]:>10}" for a in ACTS))
    for a in ACTS:
        print(f"{a:20}" + "".join(f"{conf[(a, b)]:10}" for b in ACTS))
    def pairs(rows):
        return {(k, rows[k]["answers"]) for k in ids if rows[k]["answers"] not in ("-", "external", "")}
    p1, p2 = pairs(first), pairs(second)
    print(f"answer pairs: first {len(p1)}, second {len(p2)}, both {len(p1 & p2)}")


if __name__ == "__main__":
    main()
