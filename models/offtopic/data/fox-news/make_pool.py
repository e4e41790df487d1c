#!/usr/bin/env python3
"""Draws the off-topic annotation pool and the shared (two-annotator) sample from the Fox News comments (MIT).

usage: make_pool.py ../shared/data/fox-news-comments/fox-news-comments.json OUT_DIR
Writes OUT_DIR/pool.tsv (400 items, 40 per article) and OUT_DIR/shared-sample.tsv (150 of them, no labels).
Ids are fox-<line number, 0-based> in the JSON-lines file. Deterministic: seeds 18 and 1818.
"""
import json
import random
import sys


def clean(s):
    return " ".join((s or "").split())


def main(src, out):
    rows = [json.loads(line) for line in open(src, encoding="utf-8")]
    seen = set()
    by_title = {}
    for i, r in enumerate(rows):
        text = clean(r["text"])
        if not text or text in seen:
            continue
        seen.add(text)
        by_title.setdefault(r["title"], []).append((i, r))
    rnd = random.Random(18)
    pool = []
    for title in sorted(by_title):
        items = by_title[title]
        pool.extend(rnd.sample(items, min(40, len(items))))
    pool.sort(key=lambda x: x[0])
    header = "id\ttitle\tlede\tparent\tcomment\n"

    def line(i, r):
        return "\t".join(["fox-%04d" % i, clean(r["title"]), clean(r["meta"]), clean(r["prev"]), clean(r["text"])]) + "\n"

    with open(out + "/pool.tsv", "w", encoding="utf-8") as f:
        f.write(header)
        for i, r in pool:
            f.write(line(i, r))
    shared = random.Random(1818).sample(pool, 150)
    shared.sort(key=lambda x: x[0])
    with open(out + "/shared-sample.tsv", "w", encoding="utf-8") as f:
        f.write(header)
        for i, r in shared:
            f.write(line(i, r))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
