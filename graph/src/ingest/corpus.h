// Reading ingest inputs (DESIGN.md §9): a .txt file is one paper, a .jsonl corpus one
// {"url","text"} paper a line. Every input is untrusted: binary data, invalid UTF-8, empty texts
// and malformed lines become located problems. Not thread-safe (one reader per call).
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "kg/ingest.h"
#include "kg/status.h"

namespace kg::ingest {

struct PaperText {
  std::string file;    // the input as given
  int line = 0;        // the corpus line; 0 for a .txt file
  std::string origin;  // the corpus line's url, or the .txt file's name without its folder
  std::string text;    // valid UTF-8, line ends as "\n"
};

struct ReadOutcome {
  bool fatal = false;       // a .txt file or a whole input was unusable: write nothing
  std::size_t skipped = 0;  // corpus lines reported and skipped
};

// Reads `inputs` in order and calls `on_paper` for each paper that can be read. Appends one
// located kData/kIo Status per problem to `problems`. `progress` (may be empty) is called about
// every megabyte and once at the end of each input; `papers_so_far` is counted by the caller.
ReadOutcome read_inputs(const std::vector<std::string>& inputs,
                        const std::function<void(PaperText&&)>& on_paper,
                        const std::function<void(const IngestProgress&)>& progress,
                        const std::size_t& papers_so_far, std::vector<Status>& problems);

}  // namespace kg::ingest
