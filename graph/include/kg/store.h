// A graph file opened for reading: checks that it is a kamergraaf graph of a known schema
// version, loads the in-memory Graph, and answers full-text searches through SQLite FTS5.
// A Store is used by one thread at a time; the Graph it loads is independent of it.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kg/graph.h"
#include "kg/status.h"

namespace kg {

// How much load_graph checks beyond the structural checks it always makes. A snapshot file gets
// its header and section bounds checked, and every id in it is bounded where it is read; the
// full pass over its arrays runs with the checksum. docs/data-model.md lists the checks.
enum class Verify {
  kStructure,  // structural checks only
  kBySize,     // and the checksum, when the file is at most kVerifyLimit bytes and has changed
               // since its import (as_imported); its snapshot's checksum when at most that size
  kAlways,     // and the checksum, whatever the size
};
// Files up to this size are verified at every open: the pass reads every row and page, 11-14 ms
// per MiB here (0.8 MiB shipped graph: 3 ms; 85 MiB: about 1 s), so 16 MiB stays near 0.2 s.
// A file byte for byte as imported costs a hash of its bytes instead (about 0.3 ms per MiB).
inline constexpr std::uint64_t kVerifyLimit = std::uint64_t{16} << 20;

class Store {
 public:
  // Opens `path` read-only. Errors: kIo when it cannot be opened, kCorrupt when it is not a
  // kamergraaf graph, kVersion when its schema version is not the one this build reads.
  static Result<Store> open(const std::string& path);
  // Opens a copy of the graph file `bytes` in memory, read-only, named `name` in messages; the
  // same checks as open(). `snapshot`, when not empty, stands for the snapshot file beside it.
  // For tests and fuzzing: nothing touches the disk.
  static Result<Store> open_bytes(const std::string& name, std::string_view bytes,
                                  std::string_view snapshot = {});

  Store(Store&&) noexcept;
  Store& operator=(Store&&) noexcept;
  ~Store();

  const std::string& path() const;
  // A value recorded at import (dataset, imported_at, kamergraaf_version); empty when absent.
  // Read at open (an unreadable meta table fails the open), so this cannot fail.
  std::string meta(std::string_view name) const;

  // The file's size in bytes (pages times page size).
  std::uint64_t size() const;

  // Reads the whole file into an immutable Graph: from the snapshot file `FILE.db.snap` beside
  // it when that belongs to this file and passes its checks (mapped, not copied), else from the
  // graph image in the file, else from its rows. A snapshot that is damaged or stale is never
  // trusted: it gets one note (see set_notes) and the file is read without it. kCorrupt
  // ("damaged graph file: …", one line) when a structural check fails, or when `verify` asks for
  // the checksum and it differs (kAlways: the snapshot's too).
  Result<Graph> load_graph(Verify verify = Verify::kBySize) const;

  // Recomputes the checksum stored at import over everything a query reads, and verifies the
  // snapshot file's checksum when it belongs to this file. true when they match; false when the
  // file has none (its tables were edited after import, which drops the image and its checksum:
  // such a file gets the structural checks only); kCorrupt when either differs.
  Result<bool> verify_checksum() const;

  // true when the file is byte for byte what its import wrote: its snapshot file records a hash
  // of the bytes (import does so for files of at most kVerifyLimit bytes) and this file's bytes,
  // as SQLite reads them, have it. load_graph(kBySize) then skips the file's checksum pass, since
  // it would read exactly what import wrote; a damaged, VACUUMed or edited file gets that pass.
  bool as_imported() const;

  // Where load_graph reports a snapshot file it did not use: one line "note: …" per call.
  // By default they go to stderr.
  void set_notes(std::function<void(const std::string&)> notes);

  // Keys of the nodes whose name, aliases, description or edge notes contain every word of
  // `text` (words match as prefixes, ignoring case and diacritics), best match first (BM25,
  // names weigh most), at most `limit`. kInvalidArgument when `text` has no words.
  Result<std::vector<std::string>> search(std::string_view text, std::size_t limit) const;

 private:
  struct Impl;
  explicit Store(std::unique_ptr<Impl> impl);
  static Status read_meta(Impl& impl);
  // The Graph in the snapshot file, nullopt when there is none; an error when it is not used.
  Result<std::optional<Graph>> load_snapshot(const std::vector<NodeType>& types,
                                             const std::vector<Relation>& relations,
                                             bool verify) const;
  std::unique_ptr<Impl> impl_;
};

}  // namespace kg
