#!/usr/bin/python3
"""Checks a kamergraaf export against the graph file it came from (read directly with sqlite3).

  export_check.py graphml DB FILE   read back with NetworkX (read_graphml)
  export_check.py gexf DB FILE      GEXF 1.3 structure checked here; content read back with
                                    NetworkX, whose reader (Debian 12: 2.8) knows only GEXF
                                    1.1draft/1.2draft, after renaming the namespace to 1.2draft
  export_check.py neo4j DB DIR      the neo4j-admin import header format, checked by hand
  export_check.py FORMAT DB FILE ANSWER.json
                                    FILE is one answer (--format graphml|gexf): compared with
                                    the nodes and edges the same command printed in JSON

Every node, edge, label and attribute must come back as the graph holds it. Prints one line
per check that failed and exits 1, or prints what it checked and exits 0.
"""
import collections
import csv
import io
import re
import sqlite3
import sys
import xml.etree.ElementTree as ET

import networkx as nx

problems = []


def fail(msg):
    problems.append(msg)


def report(summary):
    if not problems:
        print(summary)


# The text as XML 1.0 can carry it: what the exporter writes as U+FFFD (docs/data-model.md).
FORBIDDEN = re.compile('[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]')


def xml_text(s):
    return FORBIDDEN.sub('\ufffd', s)


def canonical_long(v):
    return re.fullmatch(r'-?(0|[1-9][0-9]{0,17})', v) is not None and v != '-0'


class Truth:
    """The graph as its SQLite file holds it."""

    def __init__(self, path):
        db = sqlite3.connect(path)
        q = lambda sql: db.execute(sql).fetchall()
        self.name = dict(q("SELECT name, value FROM meta")).get('dataset', 'kamergraaf')
        aliases = collections.defaultdict(list)
        for node_id, alias in q("SELECT node_id, alias FROM aliases ORDER BY node_id, position"):
            aliases[node_id].append(alias)
        nattrs = collections.defaultdict(dict)
        for node_id, name, value in q("SELECT node_id, name, value FROM node_attributes"):
            nattrs[node_id][name] = value
        self.keys = {}
        self.nodes = {}  # key -> {property: text}
        for node_id, key, type_name, name, description in q(
                "SELECT n.id, n.key, t.name, n.name, n.description FROM nodes n "
                "JOIN types t ON t.id = n.type_id"):
            self.keys[node_id] = key
            props = {'key': key, 'type': type_name, 'name': name,
                     'aliases': '|'.join(aliases[node_id]), 'description': description}
            props.update(nattrs[node_id])
            self.nodes[key] = {k: v for k, v in props.items() if v != ''}
            self.nodes[key]['__aliases'] = aliases[node_id]
        eattrs = collections.defaultdict(dict)
        for edge_id, name, value in q("SELECT edge_id, name, value FROM edge_attributes"):
            eattrs[edge_id][name] = value
        self.edges = []  # (from, to, {property: text})
        for edge_id, f, rel, label, inverse, t, src, locator, note in q(
                "SELECT e.id, e.from_id, r.name, r.label, r.inverse, e.to_id, e.source_id, "
                "e.locator, e.note FROM edges e JOIN relations r ON r.id = e.relation_id"):
            props = {'relation': rel, 'label': label, 'inverse': inverse,
                     'source': self.keys[src], 'locator': locator, 'note': note}
            props.update(eattrs[edge_id])
            self.edges.append((self.keys[f], self.keys[t], {k: v for k, v in props.items() if v != ''}))
        self.long_node = self._longs([n for n in self.nodes.values()], 5)
        self.long_edge = self._longs([e[2] for e in self.edges], 6)

    def restrict(self, answer):
        """Keeps the nodes and edges of one answer as --format json printed it: every node
        object (and both ends of every edge object), every edge object, wherever they stand."""
        keys, edges = set(), set()  # several paths may pass one edge: drawn once

        def walk(j):
            if isinstance(j, dict):
                if 'key' in j and 'type' in j:
                    keys.add(j['key'])
                if 'from' in j and 'relation' in j and 'to' in j:
                    keys.update((j['from'], j['to']))
                    edges.add((j['from'], j['to'], j['relation'], j['source'], j['locator']))
                # common: each asked node's step to a common neighbour, read from the asked node
                for v in j.get('via', []) if isinstance(j.get('via'), list) else []:
                    ends = (v['node'], j['key'])
                    f, t = ends if v['direction'] == 'forward' else ends[::-1]
                    keys.add(v['node'])
                    edges.add((f, t, v['relation'], v['source'], v['locator']))
                for v in j.values():
                    walk(v)
            elif isinstance(j, list):
                for v in j:
                    walk(v)
        walk(answer)
        if not keys:
            fail("the JSON answer names no node")
        self.nodes = {k: v for k, v in self.nodes.items() if k in keys}
        kept = []
        for f, t, p in self.edges:
            ident = (f, t, p['relation'], p['source'], p.get('locator', ''))
            if ident in edges:
                edges.discard(ident)
                kept.append((f, t, p))
        if edges:
            fail(f"answer edges not in the graph: {sorted(edges)[:2]}")
        self.edges = kept
        self.long_node = self._longs([n for n in self.nodes.values()], 5)
        self.long_edge = self._longs([e[2] for e in self.edges], 6)

    @staticmethod
    def _longs(records, builtins):
        """Free attributes every value of which is a canonical integer."""
        seen = collections.defaultdict(list)
        for r in records:
            for i, (k, v) in enumerate(r.items()):
                if i >= builtins and not k.startswith('__'):
                    seen[k].append(v)
        return {k for k, vs in seen.items() if all(canonical_long(v) for v in vs)}


def props_of(record):
    return {k: v for k, v in record.items() if not k.startswith('__')}


def compare(what, got, want, longs):
    """`got`: a reader's attribute dict; `want`: the graph's texts."""
    want = {k: xml_text(v) for k, v in want.items()}
    if set(got) != set(want):
        fail(f"{what}: properties {sorted(got)} != {sorted(want)}")
    for k, v in want.items():
        if k not in got:
            continue
        g = got[k]
        if k in longs:
            if not isinstance(g, int) or str(g) != v:
                fail(f"{what}: {k} = {g!r}, want the integer {v}")
        elif g != v:
            fail(f"{what}: {k} = {g!r}, want {v!r}")


def edge_multiset(edges):
    return collections.Counter(
        (f, t, tuple(sorted((k, str(v)) for k, v in p.items()))) for f, t, p in edges)


def check_declared_types(declared, truth_longs, builtins, what):
    for name, typ in declared.items():
        want = 'long' if name in truth_longs else 'string'
        if name in builtins:
            want = 'string'
        if typ != want:
            fail(f"{what} attribute {name!r} declared {typ}, want {want}")


def check_graphml(truth, path):
    ns = {'g': 'http://graphml.graphdrawing.org/xmlns'}
    root = ET.parse(path).getroot()
    declared = {'node': {}, 'edge': {}}
    for k in root.findall('g:key', ns):
        declared[k.get('for')][k.get('attr.name')] = k.get('attr.type')
    check_declared_types(declared['node'], truth.long_node, {'key', 'type', 'name', 'aliases', 'description'}, 'node')
    check_declared_types(declared['edge'], truth.long_edge, {'relation', 'label', 'inverse', 'source', 'locator', 'note'}, 'edge')
    g = nx.read_graphml(path, force_multigraph=True)
    if not g.is_directed():
        fail("graph read back undirected")
    if set(g.nodes) != set(truth.nodes):
        fail(f"nodes differ: {sorted(set(g.nodes) ^ set(truth.nodes))[:5]}")
    for key, data in g.nodes(data=True):
        if key in truth.nodes:
            compare(f"node {key}", data, props_of(truth.nodes[key]), truth.long_node)
    got_edges = [(f, t, d) for f, t, d in g.edges(data=True)]
    want_edges = [(f, t, {k: xml_text(v) for k, v in p.items()}) for f, t, p in truth.edges]
    if edge_multiset(got_edges) != edge_multiset(want_edges):
        diff = edge_multiset(got_edges) - edge_multiset(want_edges)
        fail(f"edges differ ({len(got_edges)} read, {len(want_edges)} in the graph): {list(diff)[:2]}")
    for f, t, d in got_edges:
        for k in truth.long_edge & set(d):
            if not isinstance(d[k], int):
                fail(f"edge {f}->{t}: {k} = {d[k]!r} is not read as an integer")
    report(f"graphml: {g.number_of_nodes()} nodes and {g.number_of_edges()} edges read back by "
          f"NetworkX {nx.__version__}, every property equal")


GEXF13 = 'http://gexf.net/1.3'


def start_of(text):
    m = re.fullmatch(r'(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?', text or '')
    if not m:
        return None
    y, mo, d = m.group(1), m.group(2) or '01', m.group(3) or '01'
    import datetime
    try:
        datetime.date(int(y), int(mo), int(d))
    except ValueError:
        return None
    return f"{y}-{mo}-{d}"


def check_gexf(truth, path):
    text = open(path, encoding='utf-8').read()
    root = ET.fromstring(text)
    ns = {'x': GEXF13}
    # GEXF 1.3 structure, as its primer lays it out.
    if root.tag != f'{{{GEXF13}}}gexf' or root.get('version') != '1.3':
        fail(f"root is {root.tag} version {root.get('version')}, want gexf 1.3")
    graph = root.find('x:graph', ns)
    if graph is None:
        fail("no <graph>")
        return
    if graph.get('defaultedgetype') != 'directed':
        fail("edges are not directed by default")
    dynamic = graph.get('mode') == 'dynamic'
    if dynamic and graph.get('timeformat') != 'date':
        fail("a dynamic graph without timeformat=date")
    titles = {}
    for cls in graph.findall('x:attributes', ns):
        ids = {}
        for a in cls.findall('x:attribute', ns):
            if a.get('id') in ids:
                fail(f"attribute id {a.get('id')} declared twice")
            if a.get('type') not in ('string', 'long', 'integer', 'double', 'float', 'boolean'):
                fail(f"attribute {a.get('title')} has type {a.get('type')}")
            ids[a.get('id')] = (a.get('title'), a.get('type'))
        titles[cls.get('class')] = ids
    check_declared_types({t: ty for t, ty in titles['node'].values()}, truth.long_node,
                         {'key', 'type', 'name', 'aliases', 'description'}, 'node')
    check_declared_types({t: ty for t, ty in titles['edge'].values()}, truth.long_edge,
                         {'relation', 'label', 'inverse', 'source', 'locator', 'note'}, 'edge')
    order = ['nodes', 'edges']
    children = [c.tag.split('}')[1] for c in graph if c.tag.split('}')[1] in order]
    if children != order:
        fail(f"graph children {children}, want nodes then edges")
    node_ids = set()
    starts = 0
    for n in graph.iterfind('x:nodes/x:node', ns):
        nid = n.get('id')
        if nid in node_ids:
            fail(f"node id {nid} twice")
        node_ids.add(nid)
        want = truth.nodes.get(nid)
        if want is None:
            fail(f"node {nid} is not in the graph")
            continue
        if n.get('label') != xml_text(want['name']):
            fail(f"node {nid} label {n.get('label')!r}")
        want_start = start_of(want.get('date'))
        if n.get('start') != want_start:
            fail(f"node {nid} start {n.get('start')!r}, want {want_start!r}")
        starts += n.get('start') is not None
        for v in n.iterfind('x:attvalues/x:attvalue', ns):
            if v.get('for') not in titles['node']:
                fail(f"node {nid}: attvalue for undeclared attribute {v.get('for')}")
    edge_ids = set()
    for e in graph.iterfind('x:edges/x:edge', ns):
        if e.get('id') in edge_ids:
            fail(f"edge id {e.get('id')} twice")
        edge_ids.add(e.get('id'))
        for end in ('source', 'target'):
            if e.get(end) not in node_ids:
                fail(f"edge {e.get('id')}: {end} {e.get(end)} is no node")
        for v in e.iterfind('x:attvalues/x:attvalue', ns):
            if v.get('for') not in titles['edge']:
                fail(f"edge {e.get('id')}: attvalue for undeclared attribute {v.get('for')}")
        if e.get('start') is not None:
            starts += 1
    if dynamic != (starts > 0):
        fail(f"mode {graph.get('mode')} with {starts} start dates")
    # Content: NetworkX's own reader on the same document under the 1.2draft namespace.
    renamed = text.replace(f'xmlns="{GEXF13}"', 'xmlns="http://www.gexf.net/1.2draft"', 1)
    renamed = renamed.replace('version="1.3"', 'version="1.2"', 1)
    g = nx.read_gexf(io.BytesIO(renamed.encode('utf-8')))
    if set(g.nodes) != set(truth.nodes):
        fail(f"nodes differ: {sorted(set(g.nodes) ^ set(truth.nodes))[:5]}")
    for key, data in g.nodes(data=True):
        if key not in truth.nodes:
            continue
        want = props_of(truth.nodes[key])
        got = {k: v for k, v in data.items() if k not in ('label', 'start', 'end')}
        compare(f"node {key}", got, want, truth.long_node)
    got_edges = []
    for f, t, d in g.edges(data=True):
        got_edges.append((f, t, {k: v for k, v in d.items() if k not in ('id', 'start', 'end')}))
    want_edges = [(f, t, {k: xml_text(v) for k, v in p.items()}) for f, t, p in truth.edges]
    if edge_multiset(got_edges) != edge_multiset(want_edges):
        diff = edge_multiset(got_edges) - edge_multiset(want_edges)
        fail(f"edges differ ({len(got_edges)} read, {len(want_edges)} in the graph): {list(diff)[:2]}")
    report(f"gexf: GEXF 1.3 structure ok ({starts} start dates); {g.number_of_nodes()} nodes and "
          f"{g.number_of_edges()} edges read back by NetworkX {nx.__version__}, every property equal")


# neo4j-admin database import, CSV header format: each field is [name][:TYPE] where TYPE is an
# id/label/type marker or a property type, optionally an array ([]).
PROPERTY_TYPES = {'int', 'long', 'float', 'double', 'boolean', 'byte', 'short', 'char', 'string',
                  'point', 'date', 'localtime', 'time', 'localdatetime', 'datetime', 'duration'}
NAME = re.compile(r'[A-Za-z_][A-Za-z0-9_]*')


def parse_header(fields, file):
    columns = []
    for f in fields:
        name, _, typ = f.partition(':')
        if typ in ('ID', 'LABEL', 'START_ID', 'END_ID', 'TYPE', 'IGNORE'):
            columns.append((name, typ, False))
            continue
        array = typ.endswith('[]')
        base = typ[:-2] if array else (typ or 'string')
        if base not in PROPERTY_TYPES:
            fail(f"{file}: header field {f!r} has unknown type {typ!r}")
        if not NAME.fullmatch(name):
            fail(f"{file}: header field {f!r} has a name Cypher must quote")
        columns.append((name, base, array))
    names = [c[0] for c in columns if c[0]]
    if len(names) != len(set(names)):
        fail(f"{file}: a property is named twice in {fields}")
    return columns


def neo4j_name(name):
    out = re.sub('[^A-Za-z0-9_]', '_', name.encode('utf-8').decode('latin-1'))
    return '_' + out if not out or out[0].isdigit() else out


def check_neo4j(truth, folder):
    import os
    readme = open(os.path.join(folder, 'README.md'), encoding='utf-8').read()
    command = readme[readme.index('bin/neo4j-admin database import full'):]
    command = command[:command.index('```')]
    if "--array-delimiter='U+007C'" not in command or '--multiline-fields=true' not in command:
        fail("the README's command lacks --array-delimiter='U+007C' or --multiline-fields=true")
    listed = re.findall(r'--(nodes|relationships)="\$K/([^"]+)"', command)
    csvs = sorted(f for f in os.listdir(folder) if f.endswith('.csv'))
    if sorted(f for _, f in listed) != csvs:
        fail(f"README lists {sorted(f for _, f in listed)}, folder holds {csvs}")
    ids = {}
    labels = collections.Counter()
    rel_types = collections.Counter()
    edges = []
    for kind, file in listed:
        with open(os.path.join(folder, file), encoding='utf-8', newline='') as fh:
            rows = list(csv.reader(fh, delimiter=',', quotechar='"', doublequote=True, strict=True))
        columns = parse_header(rows[0], file)
        markers = [c[1] for c in columns]
        if kind == 'nodes' and (markers.count('ID') != 1 or markers.count('LABEL') != 1):
            fail(f"{file}: a nodes file needs one :ID and one :LABEL column")
        if kind == 'relationships' and any(markers.count(m) != 1 for m in ('START_ID', 'END_ID', 'TYPE')):
            fail(f"{file}: a relationships file needs :START_ID, :END_ID and :TYPE")
        for line, row in enumerate(rows[1:], 2):
            if len(row) != len(columns):
                fail(f"{file}:{line}: {len(row)} fields, header has {len(columns)}")
                continue
            props = {}
            for (name, typ, array), cell in zip(columns, row):
                if typ == 'ID':
                    if cell in ids:
                        fail(f"{file}:{line}: id {cell} already in {ids[cell]}")
                    ids[cell] = file
                    node_key = cell
                if typ == 'LABEL':
                    labels[cell] += 1
                    label = cell
                if typ == 'TYPE':
                    rel_types[cell] += 1
                    rel_type = cell
                if typ == 'START_ID':
                    start = cell
                if typ == 'END_ID':
                    end = cell
                if not name or cell == '':
                    continue
                if typ == 'long':
                    if not re.fullmatch(r'-?[0-9]+', cell):
                        fail(f"{file}:{line}: {name} = {cell!r} is not a long")
                    props[name] = str(int(cell))
                elif array:
                    props[name] = cell.split('|')
                else:
                    props[name] = cell
            if kind == 'nodes':
                want = truth.nodes.get(node_key)
                if want is None:
                    fail(f"{file}:{line}: node {node_key} is not in the graph")
                    continue
                expect = {neo4j_name(k): v for k, v in props_of(want).items()}
                if want['__aliases']:
                    expect['aliases'] = want['__aliases']
                if props != expect:
                    fail(f"{file}:{line}: {props} != {expect}")
                if label != re.sub(r'(?:^|[^A-Za-z0-9]+)([a-z0-9])', lambda m: m.group(1).upper(), want['type']):
                    fail(f"{file}:{line}: label {label} for type {want['type']}")
            else:
                if rel_type != re.sub('[^A-Z0-9_]', '_', props.get('relation', '').upper()):
                    fail(f"{file}:{line}: type {rel_type} for relation {props.get('relation')}")
                edges.append((start, end, props))
    for s, e, _ in edges:
        if s not in ids or e not in ids:
            fail(f"relationship {s} -> {e} names a node no file defines")
    type_counts = collections.Counter(n['type'] for n in truth.nodes.values())
    if sum(labels.values()) != len(truth.nodes) or sorted(labels.values()) != sorted(type_counts.values()):
        fail(f"node counts {dict(labels)} != graph {dict(type_counts)}")
    rel_counts = collections.Counter(p['relation'] for _, _, p in truth.edges)
    if sum(rel_types.values()) != len(truth.edges) or sorted(rel_types.values()) != sorted(rel_counts.values()):
        fail(f"relationship counts {dict(rel_types)} != graph {dict(rel_counts)}")
    want_edges = [(f, t, {neo4j_name(k): v for k, v in p.items()}) for f, t, p in truth.edges]
    if edge_multiset(edges) != edge_multiset(want_edges):
        got, want = edge_multiset(edges), edge_multiset(want_edges)
        fail(f"relationships differ: extra {list(got - want)[:2]}, missing {list(want - got)[:2]}")
    report(f"neo4j: {len(listed)} files, headers valid, {sum(labels.values())} nodes in {len(labels)} "
          f"labels and {sum(rel_types.values())} relationships in {len(rel_types)} types, as in the graph")


def main():
    if len(sys.argv) not in (4, 5) or sys.argv[1] not in ('graphml', 'gexf', 'neo4j'):
        sys.exit(__doc__)
    truth = Truth(sys.argv[2])
    if len(sys.argv) == 5:
        import json
        with open(sys.argv[4], encoding='utf-8') as fh:
            truth.restrict(json.load(fh))
    try:
        {'graphml': check_graphml, 'gexf': check_gexf, 'neo4j': check_neo4j}[sys.argv[1]](truth, sys.argv[3])
    except Exception as e:  # a reader that gives up is a failed check, reported as one line
        fail(f"cannot be read: {type(e).__name__}: {e}")
    for p in problems[:20]:
        print(f"{sys.argv[3]}: error: {p}", file=sys.stderr)
    if len(problems) > 20:
        print(f"... and {len(problems) - 20} more", file=sys.stderr)
    sys.exit(1 if problems else 0)


if __name__ == '__main__':
    main()
