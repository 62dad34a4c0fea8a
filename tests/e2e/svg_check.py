#!/usr/bin/python3
"""Checks a kamergraaf picture (--format svg) against the JSON answer of the same command.

  svg_check.py SVG ANSWER.graphml ANSWER.json N|all CAPTION [--why]

The answer's nodes and their types come from its GraphML, their depths from its JSON. N: the picture must show exactly N of the answer's nodes (a cut), and every node of depth 0 and
1 among them; all: every node of the answer. CAPTION: the first line of the caption the picture must carry
("" for none). The legend must list, for each type drawn, "TYPE (COUNT)" with the count drawn.
Every edge must be labelled; with --why each label has a second line naming the paper. No two
texts may overlap, each taken as a box of its font size high and half its font size wide per
character (Helvetica's average; sfdp's layout of the MINUSMA neighbourhood fails this check with
4 overlaps, dot's passes with none).
Prints one line per failed check and exits 1.
"""
import collections
import json
import re
import sys
import xml.etree.ElementTree as ET

import networkx as nx

NS = {'s': 'http://www.w3.org/2000/svg'}
problems = []


def texts(g):
    return [t.text or '' for t in g.iterfind('.//s:text', NS)]


def main():
    if len(sys.argv) not in (6, 7):
        sys.exit(__doc__)
    svg_path, graphml_path, answer_path, shown, caption = sys.argv[1:6]
    why = sys.argv[6:] == ['--why']
    root = ET.parse(svg_path).getroot()
    answer = json.load(open(answer_path, encoding='utf-8'))
    types = {k: d['type'] for k, d in nx.read_graphml(graphml_path).nodes(data=True)}
    depths = {}

    def walk(j):
        if isinstance(j, dict):
            if 'key' in j and 'depth' in j:
                depths[j['key']] = j['depth']
            for v in j.values():
                walk(v)
        elif isinstance(j, list):
            for v in j:
                walk(v)
    walk(answer)

    drawn = [g.find('s:title', NS).text for g in root.iterfind('.//s:g[@class="node"]', NS)]
    # The legend and the caption are the graph's own label: texts straight under its <g>.
    graph_texts = [t.text or '' for t in root.find('s:g', NS).findall('s:text', NS)]
    if not graph_texts or graph_texts[0] != 'types:':
        problems.append(f"no legend: the graph's label is {graph_texts[:3]}")
    legend = [t for t in graph_texts if re.fullmatch(r'.+ \(\d+\)', t)]
    captions = [t for t in graph_texts if t.startswith('picture shows')]
    if len(drawn) != len(set(drawn)):
        problems.append("a node is drawn twice")
    if not set(drawn) <= set(types):
        problems.append(f"drawn nodes not in the answer: {sorted(set(drawn) - set(types))[:5]}")
    if shown == 'all':
        if set(drawn) != set(types):
            problems.append(f"{len(drawn)} nodes drawn, the answer has {len(types)}")
    else:
        if len(drawn) != int(shown):
            problems.append(f"{len(drawn)} nodes drawn, want {shown}")
        near = {k for k, d in depths.items() if d <= 1}
        if not near <= set(drawn):
            problems.append(f"nodes of depth 0 or 1 left out: {sorted(near - set(drawn))[:5]}")
    counts = collections.Counter(types[k] for k in drawn if k in types)
    want_legend = sorted(f"{t} ({n})" for t, n in counts.items())
    if sorted(legend) != want_legend:
        problems.append(f"legend {legend}, want {want_legend}")
    if captions != ([caption] if caption else []):
        problems.append(f"caption {captions}, want {caption!r}")
    edges = list(root.iterfind('.//s:g[@class="edge"]', NS))
    if not edges:
        problems.append("no edges drawn")
    for e in edges:
        label = [t for t in texts(e) if t.strip()]
        if not label or (why and (len(label) < 2 or not label[-1].startswith('['))):
            problems.append(f"edge {e.find('s:title', NS).text}: label {label}")
    boxes = []
    for t in root.iter(f"{{{NS['s']}}}text"):
        x, y, size = float(t.get('x')), float(t.get('y')), float(t.get('font-size'))
        width = len(t.text or '') * size * 0.5
        left = {'middle': x - width / 2, 'start': x}.get(t.get('text-anchor'), x - width)
        boxes.append((left, y - size * 0.75, left + width, y + size * 0.2, t.text))
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            if a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]:
                problems.append(f"texts overlap: {a[4]!r} and {b[4]!r}")
    for p in problems[:20]:
        print(f"{svg_path}: error: {p}", file=sys.stderr)
    if problems:
        sys.exit(1)
    print(f"{svg_path}: {len(drawn)} nodes, {len(edges)} labelled edges, {len(boxes)} texts "
          f"none overlapping, legend {legend}")


main()
