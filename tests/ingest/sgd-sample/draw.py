#!/usr/bin/env python3
"""Rerunnable draw of the hand-checked SGD sample.

Usage: python3 draw.py [path/to/documents.jsonl]
Default path: ../shared/corpora/sgd/documents.jsonl relative to the project root
(or ../../shared/... from a worktree); this file lives in tests/ingest/sgd-sample/.

Prints the drawn urls, one a line, each prefixed by the group it came from:
  header   25 drawn at random from papers whose header prints a dossier and a paper number
  body     25 drawn at random from the remaining papers whose body looks like it cites papers
  cite     20 drawn at random from the remaining papers whose body (footer lines removed) has at
           least two strict reference-like matches; added after the first 50 were read, because the
           loose body filter mostly matched the paper's own footer and yielded few citations
  hand     papers chosen by hand for hard forms (listed in HAND below, see README.md)
The filters only decide what is drawn; the truth in papers.tsv / citations.tsv is read by eye.
"""
import json
import os
import random
import re
import sys

SEED = 2026
N_HEADER = 25
N_BODY = 25
N_CITE = 20
HEAD_CHARS = 600  # how much of the text counts as "header"

# Chosen by hand for hard forms (see README.md for why each one).
# Picked after the random draws, from papers outside them, with a regex search for the form named;
# they do not enter the random draws, so adding one never changes what is drawn.
HAND = [
    "https://zoek.officielebekendmakingen.nl/0000004948/ocr",  # two dossiers, 21 501-04; nrs. 29 en 30
    "https://zoek.officielebekendmakingen.nl/0000096934/ocr",  # Kamerstukken 21 098, nrs. 2 en 4
    "https://zoek.officielebekendmakingen.nl/0000099884/ocr",  # stuk nr. 18; de stukken 11 en 16
    "https://zoek.officielebekendmakingen.nl/0000257828/ocr",  # EK 1962-63; stuk nr. 8; Handelingen dezer zitting
    "https://zoek.officielebekendmakingen.nl/0000007821/ocr",  # Kamerstukken II 1992/93, ...; suffix D
    "https://zoek.officielebekendmakingen.nl/0000025852/ocr",  # 22 300, XII, nr. 15, 17, 28 en 29
    "https://zoek.officielebekendmakingen.nl/0000121597/ocr",  # Handelingen I/II page ranges; EK nrs 55a..
    "https://zoek.officielebekendmakingen.nl/0000156319/ocr",  # Kamerstukken ..., 13974 en 15 649, nr. 9
    "https://zoek.officielebekendmakingen.nl/0000018516/ocr",  # EK paper under two dossiers; nrs. 179a..
    "https://zoek.officielebekendmakingen.nl/0000004289/ocr",  # Kamerstuk21 137 (joined); 22 800 XI
    "https://zoek.officielebekendmakingen.nl/0000175103/ocr",  # 15 300 hoofdstuk XIV; Aanhangsel nrs
    "https://zoek.officielebekendmakingen.nl/0000097178/ocr",  # (stuk nr. 65a) of ANOTHER dossier
]

# a line holding only a dossier number: "22 800 X", "21 501-02", "18168", "5300"
DOSSIER_LINE = re.compile(r"^\s*\d{1,3} ?\d{3}(?:[ -][A-Z0-9IVXL]{1,6})?\s*$", re.M)
NR_IN_HEAD = re.compile(r"\b[Nn][r°]s?\.?\s*\d+")  # "Nr. 59", "nr 3", "N°. 4"
BODY_REF = re.compile(r"\bnrs?\.|\bstuk\b|Kamerstuk|Handelingen")
# the paper's own footer line: "Tweede Kamer, zitting …" / "Eerste Kamer, vergaderjaar …"
FOOTER = re.compile(r"^(Tweede|Eerste) Kamer,? ?(zitting|vergaderjaar).*$", re.M | re.I)
STRICT_REF = re.compile(r"Kamerstuk|Handelingen (I|II|1|ll)\b|Handelingen [0-9]|\bstuk(ken)? nr"
                        r"|\b\d{1,3} ?\d{3}(?: [A-Z]{1,5})?, nrs?\. ?\d+|\bnrs\. ?\d+ en \d+")


def default_path():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.normpath(os.path.join(here, "..", "..", ".."))
    for up in (("..",), ("..", "..")):  # main checkout, or a worktree under wt/
        cand = os.path.join(root, *up, "shared", "corpora", "sgd", "documents.jsonl")
        if os.path.exists(cand):
            return os.path.normpath(cand)
    sys.exit("documents.jsonl not found; pass its path")


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else default_path()
    with open(path, encoding="utf-8") as f:
        docs = [json.loads(line) for line in f]
    docs.sort(key=lambda d: d["url"])
    header = [d["url"] for d in docs
              if DOSSIER_LINE.search(d["text"][:HEAD_CHARS])
              and NR_IN_HEAD.search(d["text"][:HEAD_CHARS])]
    body = [d["url"] for d in docs if BODY_REF.search(d["text"][HEAD_CHARS:])]
    cite = [d["url"] for d in docs
            if len(STRICT_REF.findall(FOOTER.sub("", d["text"][HEAD_CHARS:]))) >= 2]
    rng = random.Random(SEED)
    drawn_header = rng.sample(header, N_HEADER)
    taken = set(drawn_header)
    body_pool = [u for u in body if u not in taken]
    drawn_body = rng.sample(body_pool, N_BODY)
    taken |= set(drawn_body)
    cite_pool = [u for u in cite if u not in taken]
    drawn_cite = rng.sample(cite_pool, N_CITE)
    for u in drawn_header:
        print("header\t" + u)
    for u in drawn_body:
        print("body\t" + u)
    assert not taken & set(drawn_cite) and not (taken | set(drawn_cite)) & set(HAND)
    for u in drawn_cite:
        print("cite\t" + u)
    for u in HAND:
        print("hand\t" + u)
    print(f"# pools: header={len(header)} body={len(body)} cite={len(cite)} of {len(docs)} papers",
          file=sys.stderr)


if __name__ == "__main__":
    main()
