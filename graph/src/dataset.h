// Reading and validating dataset folders (DESIGN.md §3, §9 "Merging"): the CSV files of one or
// more folders, parsed, checked against each other and merged into one Dataset, every problem
// reported with file and line. Internal to the library; the importer writes a valid Dataset into
// a graph file. Pure functions over the file system; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "kg/importer.h"
#include "kg/node.h"
#include "kg/status.h"

namespace kg {

struct DatasetType {
  std::string name, description;
};

struct DatasetRelation {
  std::string name, label, inverse, description;
  std::vector<std::string> from_types, to_types;
};

struct DatasetNode {
  std::string key, type, name, description;
  std::vector<std::string> aliases;
  Attributes attributes;
};

struct DatasetEdge {
  std::string from, relation, to, source, locator, note;
  Attributes attributes;
  // "edges.csv:12" for one folder, "FOLDER/edges.csv:12" for several: kept in the graph file for
  // tracing a fact to its row.
  std::string origin;
};

struct Dataset {
  std::vector<DatasetType> types;          // first folder's order, then new ones as met
  std::vector<DatasetRelation> relations;  // likewise; from/to types are the union
  std::vector<DatasetNode> nodes;          // full definitions only, one per key
  std::vector<DatasetEdge> edges;          // folder order, then file name, then line
};

// Reads every CSV file of each folder of `dirs` (types.csv, relations.csv, nodes*.csv, edges*.csv,
// in name order; other files are ignored, other .csv names and non-files are an error), checks
// each folder and merges them: a node row with only a key and a type is a reference to the one
// definition of that key in any folder; types and relations of one name must agree (see
// docs/data-model.md). Appends one kData Status per problem to `problems` and one warning per
// tolerated disagreement to `warnings`, located as "DIR/FILE:LINE"; the Dataset is only
// meaningful when no problem was added.
Dataset read_datasets(const std::vector<std::string>& dirs, std::vector<Status>& problems,
                      std::vector<ImportWarning>& warnings);

// read_datasets for one folder.
Dataset read_dataset(const std::string& dir, std::vector<Status>& problems);

}  // namespace kg
