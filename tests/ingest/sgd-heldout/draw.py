#!/usr/bin/env python3
"""Rerunnable draw of the HELD-OUT hand-checked SGD sample.

Usage: python3 draw.py [path/to/documents.jsonl]
Default path: as in ../sgd-sample/draw.py (../shared/corpora/sgd/documents.jsonl from the
project root, or ../../shared/... from a worktree).

Prints the drawn urls, one a line, each prefixed by the group it came from:
  header   15 drawn at random from papers whose header prints a dossier and a paper number
  cite     15 drawn at random from the remaining papers whose body (footer lines removed) has at
           least two strict reference-like matches
The filters are the first sample's, imported from ../sgd-sample/draw.py so that they cannot
drift. Every url of ../sgd-sample/papers.tsv is excluded from both pools before drawing. No hand
picks. The filters only decide what is drawn; the truth in papers.tsv / citations.tsv is read by
eye.
"""
import importlib.util
import json
import os
import random
import sys

SEED = 4711
N_HEADER = 15
N_CITE = 15

HERE = os.path.dirname(os.path.abspath(__file__))
FIRST = os.path.join(HERE, "..", "sgd-sample")


def load_first_draw():
    spec = importlib.util.spec_from_file_location("sgd_sample_draw", os.path.join(FIRST, "draw.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def first_sample_urls():
    with open(os.path.join(FIRST, "papers.tsv"), encoding="utf-8") as f:
        rows = [line.rstrip("\n").split("\t") for line in f]
    assert rows[0][0] == "url"
    return {r[0] for r in rows[1:] if r and r[0]}


def main():
    first = load_first_draw()
    path = sys.argv[1] if len(sys.argv) > 1 else first.default_path()
    with open(path, encoding="utf-8") as f:
        docs = [json.loads(line) for line in f]
    docs.sort(key=lambda d: d["url"])
    excluded = first_sample_urls()
    assert len(excluded) == 82, len(excluded)
    docs = [d for d in docs if d["url"] not in excluded]
    hc = first.HEAD_CHARS
    header = [d["url"] for d in docs
              if first.DOSSIER_LINE.search(d["text"][:hc])
              and first.NR_IN_HEAD.search(d["text"][:hc])]
    cite = [d["url"] for d in docs
            if len(first.STRICT_REF.findall(first.FOOTER.sub("", d["text"][hc:]))) >= 2]
    rng = random.Random(SEED)
    drawn_header = rng.sample(header, N_HEADER)
    taken = set(drawn_header)
    cite_pool = [u for u in cite if u not in taken]
    drawn_cite = rng.sample(cite_pool, N_CITE)
    assert not (taken | set(drawn_cite)) & excluded
    assert not taken & set(drawn_cite)
    for u in drawn_header:
        print("header\t" + u)
    for u in drawn_cite:
        print("cite\t" + u)
    print(f"# pools after excluding the first sample: header={len(header)} "
          f"cite={len(cite_pool)} (cite before removing drawn header: {len(cite)}) "
          f"of {len(docs)} papers", file=sys.stderr)


if __name__ == "__main__":
    main()
