// libFuzzer harness for name resolution: the input as a Kamerstuk citation (kamerstuk_key) and as
// a name typed by a user (Resolver::resolve), on the tiny fixture graph loaded once.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string_view>

#include "fuzz_support.h"
#include "kg/resolve.h"
#include "kg/store.h"

namespace {

struct Fixture {
  kg::Graph graph;
  kg::Resolver resolver{graph};
};

Fixture& fixture() {
  static Fixture* f = [] {
    auto store = kg::Store::open(kg::fuzz::tiny_graph());
    if (!store.ok()) std::abort();
    auto g = store->load_graph();
    if (!g.ok()) std::abort();
    return new Fixture{std::move(g).value()};
  }();
  return *f;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  Fixture& f = fixture();
  if (auto key = kg::kamerstuk_key(text); key && key->empty()) std::abort();
  if (auto id = f.resolver.resolve(text); id.ok() && *id >= f.graph.node_count()) std::abort();
  return 0;
}
