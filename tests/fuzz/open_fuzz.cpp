// libFuzzer harness for opening a graph file: the input is the file's bytes, opened in memory
// (sqlite3_deserialize, through Store::open_bytes) with the structural checks only, since no
// mutation would pass the checksum; whatever loads, from its image or from its rows, must then
// survive queries. A damaged file must be refused with one line, never crash. The same input
// also damages the tiny fixture's snapshot file (snapshot_file.h), read beside its graph file.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>

#include "fuzz_support.h"
#include "kg/algorithms.h"
#include "kg/resolve.h"
#include "kg/store.h"

namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void queries(const kg::Graph& g) {
  const kg::Filter all;
  const auto n = static_cast<kg::NodeId>(g.node_count());
  for (kg::NodeId v = 0; v < n; v += 3) {
    (void)kg::shortest_path(g, v, n - 1 - v, all);
    (void)kg::neighbourhood(g, v, 2, all);
    (void)g.node(v);
    (void)g.out_edges(v);
    (void)g.in_edges(v);
  }
  if (n > 1) (void)kg::k_shortest_paths(g, 0, n - 1, 3, all);
  (void)kg::rank(g, kg::Centrality::kPageRank, all);
  (void)kg::components(g, all);
  const kg::Resolver resolver(g);
  (void)resolver.resolve("rusl");
  (void)resolver.resolve("NATO");
}

// The input as edits of the tiny graph's snapshot: each 5 bytes are a 32-bit offset (modulo
// the file's size) and a byte XORed in there; a short tail truncates the file. Random bytes as a
// whole file would almost never carry the graph file's id, so would test only the header.
void damaged_snapshot(const std::uint8_t* data, std::size_t size) {
  static const std::string db = read_file(kg::fuzz::tiny_graph());
  static const std::string snap = read_file(kg::fuzz::tiny_graph() + ".snap");
  if (snap.empty()) std::abort();
  std::string bytes = snap;
  std::size_t i = 0;
  for (; i + 5 <= size; i += 5) {
    std::uint32_t at = 0;
    for (int k = 0; k < 4; ++k) at = at << 8 | data[i + static_cast<std::size_t>(k)];
    bytes[at % bytes.size()] = static_cast<char>(bytes[at % bytes.size()] ^ data[i + 4]);
  }
  if (size - i == 1) bytes.resize(data[i] * bytes.size() / 256);
  auto store = kg::Store::open_bytes("tiny.db", db, bytes.empty() ? std::string(1, '\0') : bytes);
  if (!store.ok()) std::abort();
  store->set_notes([](const std::string& line) {
    if (line.find('\n') != std::string::npos) std::abort();
  });
  auto g = store->load_graph(kg::Verify::kStructure);
  if (!g.ok()) std::abort();  // the graph file is sound: a bad snapshot is only noted
  queries(*g);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  damaged_snapshot(data, size);
  auto store = kg::Store::open_bytes("input.db",
                                     std::string_view(reinterpret_cast<const char*>(data), size));
  if (!store.ok()) return 0;
  // The verification itself (integrity_check, the checksum over every table) on one input in 16:
  // it refuses nearly every mutation, so it must not take the time of the rest.
  if (size % 16 == 0) (void)store->verify_checksum();
  auto g = store->load_graph(kg::Verify::kStructure);
  if (!g.ok()) {
    if (g.status().message().find('\n') != std::string::npos) std::abort();
    return 0;
  }
  (void)store->meta("dataset");
  (void)store->search("rusland", 5);
  queries(*g);
  return 0;
}
