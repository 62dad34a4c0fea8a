// `kamergraaf ingest` (DESIGN.md §9): reads Kamerstukken as plain text (.txt, one paper a file)
// or as corpora (.jsonl, one {"url","text"} paper a line) and drafts a dataset folder that
// `import` takes together with other folders: each paper's identity, its citations of other
// papers, its mentions of a known graph's nodes, and a review list of candidate new entities.
// One ingest per target folder at a time; the functions are not thread-safe.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "kg/graph.h"
#include "kg/status.h"

namespace kg {

struct IngestProgress {
  std::string file;            // the input being read
  std::size_t bytes_done = 0;  // of that input
  std::size_t bytes_total = 0;
  std::size_t papers = 0;  // papers read so far, all inputs
};

struct IngestOptions {
  std::vector<std::string> inputs;  // .txt and .jsonl files, read in this order
  std::string into;                 // the dataset folder to write
  // The graph whose nodes are mentioned and referenced; nullptr for none. Must outlive the call.
  const Graph* graph = nullptr;
  bool force = false;  // replace `into` when it is an earlier ingest draft
  std::function<void(const IngestProgress&)> progress;  // called now and then; may be empty
};

struct IngestReport {
  // Located problems ("FILE:LINE: error: …"). A bad corpus line is one problem and is skipped;
  // any other problem means nothing was written.
  std::vector<Status> problems;
  bool written = false;        // the folder is in place
  std::size_t papers = 0;      // papers read (corpus lines and files that could be read)
  std::size_t identified = 0;  // papers whose key was found (the others yield no facts)
  std::size_t citations = 0;   // cites edges written
  std::size_t mentions = 0;    // mentions edges written
  std::size_t known = 0;       // facts left out because the graph records them already
  std::size_t skipped = 0;     // corpus lines and duplicate papers skipped
  std::size_t candidates = 0;  // rows of review.csv
};

// Reads every input and writes the draft folder `options.into` all at once (a temporary folder
// beside it, renamed into place). Refuses an existing folder unless `force` is set and the folder
// is a draft an earlier ingest wrote. The same inputs and graph give the same files, byte for byte.
IngestReport ingest_papers(const IngestOptions& options);

}  // namespace kg
