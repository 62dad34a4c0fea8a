// libFuzzer harness for the snapshot file beside a graph file (snapshot_file.h): the input is a
// list of byte edits of the tiny fixture's sound snapshot, which is then opened beside its sound
// graph file with the structural checks only. The graph must always load (a bad snapshot is only
// noted, in one line) and survive queries. Edits rather than whole files, because random bytes
// would almost never carry the graph file's id, and so would test only the header.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "fuzz_support.h"
#include "kg/store.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::string db = kg::fuzz::read_file(kg::fuzz::tiny_graph());
  static const std::string snap = kg::fuzz::read_file(kg::fuzz::tiny_graph() + ".snap");
  if (snap.empty()) std::abort();
  // Each 5 bytes are a 32-bit offset (modulo the file's size) and a byte XORed in there; a
  // one-byte tail truncates the file to that many 256ths.
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
  kg::fuzz::queries(*g);
  return 0;
}
