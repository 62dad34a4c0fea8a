// The graph file format: one SQLite database with this schema, identified by its application_id
// and versioned by user_version. docs/data-model.md describes it for readers of the file.
#pragma once

namespace kg::schema {

inline constexpr int kApplicationId = 0x4B475246;  // "KGRF"
inline constexpr int kVersion = 2;

// Creates every table of an empty file (the edge indexes follow, kCreateIndexes). STRICT tables;
// both edge endpoints indexed; FTS5 over
// names, aliases, descriptions and the notes of each node's edges; the image table holds the
// loaded graph as flat arrays (graph/src/image.h).
inline constexpr const char* kCreate = R"sql(
PRAGMA application_id = 1262965318;
PRAGMA user_version = 2;
CREATE TABLE meta (
  name  TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;
CREATE TABLE types (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE,
  description TEXT NOT NULL
) STRICT;
CREATE TABLE relations (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE,
  label       TEXT NOT NULL,
  inverse     TEXT NOT NULL,
  description TEXT NOT NULL
) STRICT;
CREATE TABLE relation_types (
  relation_id INTEGER NOT NULL REFERENCES relations(id),
  side        TEXT NOT NULL CHECK (side IN ('from', 'to')),
  type_id     INTEGER NOT NULL REFERENCES types(id),
  PRIMARY KEY (relation_id, side, type_id)
) STRICT;
CREATE TABLE nodes (
  id          INTEGER PRIMARY KEY,
  key         TEXT NOT NULL UNIQUE COLLATE NOCASE,
  type_id     INTEGER NOT NULL REFERENCES types(id),
  name        TEXT NOT NULL,
  description TEXT NOT NULL
) STRICT;
CREATE TABLE aliases (
  node_id  INTEGER NOT NULL REFERENCES nodes(id),
  position INTEGER NOT NULL,
  alias    TEXT NOT NULL,
  PRIMARY KEY (node_id, position)
) STRICT;
CREATE TABLE node_attributes (
  node_id  INTEGER NOT NULL REFERENCES nodes(id),
  position INTEGER NOT NULL,
  name     TEXT NOT NULL,
  value    TEXT NOT NULL,
  PRIMARY KEY (node_id, position)
) STRICT;
CREATE TABLE edges (
  id          INTEGER PRIMARY KEY,
  from_id     INTEGER NOT NULL REFERENCES nodes(id),
  relation_id INTEGER NOT NULL REFERENCES relations(id),
  to_id       INTEGER NOT NULL REFERENCES nodes(id),
  source_id   INTEGER NOT NULL REFERENCES nodes(id),
  locator     TEXT NOT NULL,
  note        TEXT NOT NULL,
  origin      TEXT NOT NULL
) STRICT;
CREATE TABLE edge_attributes (
  edge_id  INTEGER NOT NULL REFERENCES edges(id),
  position INTEGER NOT NULL,
  name     TEXT NOT NULL,
  value    TEXT NOT NULL,
  PRIMARY KEY (edge_id, position)
) STRICT;
CREATE VIRTUAL TABLE node_text USING fts5(
  name, aliases, description, notes,
  tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TABLE image (
  part  TEXT NOT NULL,
  chunk INTEGER NOT NULL,
  bytes BLOB NOT NULL,
  PRIMARY KEY (part, chunk)
) STRICT;
)sql";

// The edge indexes, created once the edges are in: one sort each instead of 5·10^6 inserts at
// random places in three b-trees. The same SQL text either way, so the schema is unchanged.
inline constexpr const char* kCreateIndexes = R"sql(
CREATE INDEX edges_by_from ON edges(from_id);
CREATE INDEX edges_by_to ON edges(to_id);
CREATE INDEX edges_by_source ON edges(source_id);
)sql";

// Created after the import has written every table: the image is derived from the tables, so
// any later change to them (an analyst editing the file with sqlite3) drops it, and the file
// loads from its rows again.
inline constexpr const char* kImageGuards = R"sql(
CREATE TRIGGER types_changed_i AFTER INSERT ON types BEGIN DELETE FROM image; END;
CREATE TRIGGER types_changed_u AFTER UPDATE ON types BEGIN DELETE FROM image; END;
CREATE TRIGGER types_changed_d AFTER DELETE ON types BEGIN DELETE FROM image; END;
CREATE TRIGGER relations_changed_i AFTER INSERT ON relations BEGIN DELETE FROM image; END;
CREATE TRIGGER relations_changed_u AFTER UPDATE ON relations BEGIN DELETE FROM image; END;
CREATE TRIGGER relations_changed_d AFTER DELETE ON relations BEGIN DELETE FROM image; END;
CREATE TRIGGER nodes_changed_i AFTER INSERT ON nodes BEGIN DELETE FROM image; END;
CREATE TRIGGER nodes_changed_u AFTER UPDATE ON nodes BEGIN DELETE FROM image; END;
CREATE TRIGGER nodes_changed_d AFTER DELETE ON nodes BEGIN DELETE FROM image; END;
CREATE TRIGGER aliases_changed_i AFTER INSERT ON aliases BEGIN DELETE FROM image; END;
CREATE TRIGGER aliases_changed_u AFTER UPDATE ON aliases BEGIN DELETE FROM image; END;
CREATE TRIGGER aliases_changed_d AFTER DELETE ON aliases BEGIN DELETE FROM image; END;
CREATE TRIGGER node_attributes_changed_i AFTER INSERT ON node_attributes BEGIN DELETE FROM image; END;
CREATE TRIGGER node_attributes_changed_u AFTER UPDATE ON node_attributes BEGIN DELETE FROM image; END;
CREATE TRIGGER node_attributes_changed_d AFTER DELETE ON node_attributes BEGIN DELETE FROM image; END;
CREATE TRIGGER edges_changed_i AFTER INSERT ON edges BEGIN DELETE FROM image; END;
CREATE TRIGGER edges_changed_u AFTER UPDATE ON edges BEGIN DELETE FROM image; END;
CREATE TRIGGER edges_changed_d AFTER DELETE ON edges BEGIN DELETE FROM image; END;
CREATE TRIGGER edge_attributes_changed_i AFTER INSERT ON edge_attributes BEGIN DELETE FROM image; END;
CREATE TRIGGER edge_attributes_changed_u AFTER UPDATE ON edge_attributes BEGIN DELETE FROM image; END;
CREATE TRIGGER edge_attributes_changed_d AFTER DELETE ON edge_attributes BEGIN DELETE FROM image; END;
)sql";

}  // namespace kg::schema
