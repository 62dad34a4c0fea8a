// Reading and validating dataset folders (DESIGN.md §3, §9 "Merging"): the CSV files of one or
// more folders, parsed, checked against each other and merged into one Dataset, every problem
// reported with file and line. Internal to the library; the importer writes a valid Dataset into
// a graph file. Every check works on files in memory (check_datasets); read_datasets only reads
// the folders and hands their files over. Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>
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
  // The positions in Dataset::nodes of the nodes `from`, `to` and `source` name, as the checks
  // found them: the importer needs no key look-up of its own.
  std::size_t from_node = 0, to_node = 0, source_node = 0;
};

struct Dataset {
  std::vector<DatasetType> types;          // first folder's order, then new ones as met
  std::vector<DatasetRelation> relations;  // likewise; from/to types are the union
  std::vector<DatasetNode> nodes;          // full definitions only, one per key
  std::vector<DatasetEdge> edges;          // folder order, then file name, then line
};

// One file of a dataset folder, in memory: its name in the folder ("nodes-actors.csv") and its
// bytes, which must stay valid during the check.
struct DatasetFile {
  std::string name;
  std::string_view text;
};

// A dataset folder in memory: `dir` only names it in locations ("DIR/FILE:LINE") and, when
// several folders are merged, in edge origins.
struct DatasetFolder {
  std::string dir;
  std::vector<DatasetFile> files;  // any order; names is_dataset_file() rejects are skipped
  // A nodes*.csv that the caller could not read (and reported): a key the edges name may have
  // been in it, so an unknown node is then not reported.
  bool nodes_lost = false;
};

// Whether a file of that name belongs to the dataset (a .csv file other than review.csv, which is
// an ingest draft's list for a curator): one that is not a regular readable file is an error.
bool is_dataset_file(std::string_view name);

// The checks and the merge of read_datasets on folders already in memory, with the same problems
// and warnings for the same files. Every folder given is checked (those that could not be read
// are the caller's to report and leave out).
Dataset check_datasets(const std::vector<DatasetFolder>& folders, std::vector<Status>& problems,
                       std::vector<ImportWarning>& warnings);

// Reads every CSV file of each folder of `dirs` (types.csv, relations.csv, nodes*.csv, edges*.csv,
// in name order; other files are ignored, other .csv names and non-files are an error), checks
// each folder and merges them: a node row with only a key and a type is a reference to the one
// definition of that key in any folder; types and relations of one name must agree (see
// docs/data-model.md). Appends one kData Status per problem to `problems` and one warning per
// tolerated disagreement to `warnings`, located as "DIR/FILE:LINE"; the Dataset is only
// meaningful when no problem was added. Reads the files and calls check_datasets; what only a
// file system can get wrong (no such folder, the same folder twice, a directory or a device named
// like a CSV file, a read error) it reports itself.
Dataset read_datasets(const std::vector<std::string>& dirs, std::vector<Status>& problems,
                      std::vector<ImportWarning>& warnings);

// read_datasets for one folder.
Dataset read_dataset(const std::string& dir, std::vector<Status>& problems);

}  // namespace kg
