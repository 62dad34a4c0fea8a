// libFuzzer harness for opening a graph file: the input is the file's bytes, opened in memory
// (sqlite3_deserialize, through Store::open_bytes) with the structural checks only, since no
// mutation would pass the checksum; whatever loads, from its image or from its rows, must then
// survive queries. A damaged file must be refused with one line, never crash. The snapshot file
// beside a graph file has its own harness, snapshot_fuzz.cpp.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "fuzz_support.h"
#include "kg/store.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
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
  kg::fuzz::queries(*g);
  return 0;
}
