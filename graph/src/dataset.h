// Reading and validating a dataset folder (DESIGN.md §3): the CSV files, parsed and checked
// against each other, every problem reported with file and line. Internal to the library; the
// importer writes a valid Dataset into a graph file.
#pragma once

#include <string>
#include <vector>

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
  std::string origin;  // "edges.csv:12", kept in the graph file for tracing a fact to its row
};

struct Dataset {
  std::vector<DatasetType> types;
  std::vector<DatasetRelation> relations;
  std::vector<DatasetNode> nodes;
  std::vector<DatasetEdge> edges;
};

// Reads every CSV file of `dir` (types.csv, relations.csv, nodes*.csv, edges*.csv, in name
// order; other files are ignored, other .csv files are an error) and checks the whole dataset.
// Appends one kData Status per problem to `problems`, located as "DIR/FILE:LINE"; the Dataset is
// only meaningful when no problem was added.
Dataset read_dataset(const std::string& dir, std::vector<Status>& problems);

}  // namespace kg
