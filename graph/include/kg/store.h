// A graph file opened for reading: checks that it is a kamergraaf graph of a known schema
// version, loads the in-memory Graph, and answers full-text searches through SQLite FTS5.
// A Store is used by one thread at a time; the Graph it loads is independent of it.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "kg/graph.h"
#include "kg/status.h"

namespace kg {

class Store {
 public:
  // Opens `path` read-only. Errors: kIo when it cannot be opened, kCorrupt when it is not a
  // kamergraaf graph, kVersion when its schema version is not the one this build reads.
  static Result<Store> open(const std::string& path);

  Store(Store&&) noexcept;
  Store& operator=(Store&&) noexcept;
  ~Store();

  const std::string& path() const;
  // A value recorded at import (dataset, imported_at, kamergraaf_version); empty when absent.
  std::string meta(std::string_view name) const;

  // Reads the whole file into an immutable Graph.
  Result<Graph> load_graph() const;

  // Keys of the nodes whose name, aliases, description or edge notes contain every word of
  // `text` (words match as prefixes, ignoring case and diacritics), best match first (BM25,
  // names weigh most), at most `limit`. kInvalidArgument when `text` has no words.
  Result<std::vector<std::string>> search(std::string_view text, std::size_t limit) const;

 private:
  struct Impl;
  explicit Store(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace kg
