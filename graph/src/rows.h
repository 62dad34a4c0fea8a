// Reading a graph file's tables into memory: the vocabulary (types and relations) that every
// open reads, and the whole Graph row by row, for files without an image and for writing the
// image at import. Ids in the file are dense and nodes are stored in key order.
#pragma once

#include <vector>

#include "kg/edge.h"
#include "kg/graph.h"
#include "kg/node.h"
#include "kg/status.h"
#include "sqlite/database.h"

namespace kg::detail {

struct Vocabulary {
  std::vector<NodeType> types;
  std::vector<Relation> relations;
};

// The types and relations of `db`; kCorrupt ("damaged graph file: …") when ids are not dense or
// refer outside the tables.
Result<Vocabulary> read_vocabulary(sqlite::Database& db);

// The Graph in the tables of `db`, with `vocabulary` read from the same file; kCorrupt when rows
// are out of order or refer to unknown nodes, types or relations.
Result<Graph> read_rows(sqlite::Database& db, Vocabulary vocabulary);

}  // namespace kg::detail
