// libFuzzer harness for the snapshot file beside a graph file (snapshot_file.h): the input is a
// list of byte edits of the tiny fixture's sound snapshot, which is then read with the structural
// checks only, tied to its sound graph file. A damaged snapshot is refused with one line or loads
// and must survive queries. Edits rather than whole files, because random bytes would almost
// never carry the graph file's id, and so would test only the header. The graph file's tie and
// vocabulary are read once per process: what Store::load_graph does with a refused snapshot
// (read the rows) is open_fuzz's ground, and an SQLite open per input made this 3x slower.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "fuzz_support.h"
#include "integrity.h"
#include "kg/store.h"
#include "rows.h"
#include "snapshot_file.h"
#include "sqlite/database.h"

namespace {

struct Sound {
  std::string snap;
  kg::detail::Vocabulary vocabulary;
  kg::detail::SnapshotTie tie;
};

// The tiny fixture's snapshot and what ties it to its graph file; aborts when any is missing,
// since every input would then test only the refusal.
const Sound& sound() {
  static const Sound s = [] {
    Sound out;
    out.snap = kg::fuzz::read_file(kg::fuzz::tiny_graph() + ".snap");
    auto store = kg::Store::open(kg::fuzz::tiny_graph());
    auto db = kg::sqlite::Database::open(kg::fuzz::tiny_graph(), kg::sqlite::OpenMode::kReadOnly);
    if (out.snap.empty() || !store.ok() || !db.ok()) std::abort();
    auto vocabulary = kg::detail::read_vocabulary(*db);
    auto checksum = kg::detail::stored_checksum(*db);
    const auto id = kg::detail::parse_hex_id(store->meta("snapshot_id"));
    if (!vocabulary.ok() || !checksum.ok() || !checksum->has_value() || !id) std::abort();
    out.vocabulary = std::move(vocabulary).value();
    out.tie = kg::detail::SnapshotTie{*id, **checksum};
    // The sound snapshot must load, or the harness would only ever see refusals.
    if (!kg::detail::read_snapshot_bytes("tiny.db.snap", out.snap, out.vocabulary, out.tie, true)
             .ok()) {
      std::abort();
    }
    return out;
  }();
  return s;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const Sound& s = sound();
  // Each 5 bytes are a 32-bit offset (modulo the file's size) and a byte XORed in there; a
  // one-byte tail truncates the file to that many 256ths.
  std::string bytes = s.snap;
  std::size_t i = 0;
  for (; i + 5 <= size; i += 5) {
    std::uint32_t at = 0;
    for (int k = 0; k < 4; ++k) at = at << 8 | data[i + static_cast<std::size_t>(k)];
    bytes[at % bytes.size()] = static_cast<char>(bytes[at % bytes.size()] ^ data[i + 4]);
  }
  if (size - i == 1) bytes.resize(data[i] * bytes.size() / 256);
  auto g = kg::detail::read_snapshot_bytes("tiny.db.snap", bytes, s.vocabulary, s.tie,
                                           /*verify=*/false);
  if (!g.ok()) {
    if (g.status().message().find('\n') != std::string::npos) std::abort();
    return 0;
  }
  kg::fuzz::queries(*g);
  return 0;
}
