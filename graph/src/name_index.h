// The resolver's index of folded names and aliases (DESIGN.md §4): built from a Graph by the
// Resolver, or at import for the snapshot file, which serves it mapped so that an open does not
// fold and sort a million names. Immutable once built; safe to share between threads.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "graph_data.h"
#include "kg/graph.h"
#include "kg/ids.h"

namespace kg::detail {

// A folded name or alias: arena bytes [offset, offset + length); `alias` is its index in the
// node's aliases, -1 for the name. No padding, so a snapshot file stores the array as it is.
struct NameSlot {
  std::uint64_t offset = 0;
  std::uint32_t length = 0;
  NodeId node = kNoNode;
  std::int32_t alias = -1;
  std::uint32_t reserved = 0;
};
static_assert(sizeof(NameSlot) == 24 && std::has_unique_object_representations_v<NameSlot>);

struct NameIndex {
  Array<char> arena;      // folded names and aliases, back to back
  Array<NameSlot> slots;  // sorted by folded text, then node, then alias
  // Citation keys of names and aliases that are not themselves node keys, sorted: the few
  // names written as another paper's citation (a joint paper).
  std::vector<std::pair<std::string, NodeId>> citations;

  // Bounded: a mapped snapshot file's slots are not checked one by one at open, so a slot past
  // the arena reads as the part of it inside (or empty), never outside.
  std::string_view folded(const NameSlot& s) const {
    const std::uint64_t size = arena.size();
    const std::uint64_t begin = std::min<std::uint64_t>(s.offset, size);
    const std::uint64_t length = std::min<std::uint64_t>(s.length, size - begin);
    return std::string_view(arena.data() + begin, length);
  }
};

// The index of `g`'s names and aliases.
NameIndex build_name_index(const Graph& g);

// True when every slot of `index` lies inside its arena and names an existing name or alias of
// `d`, the slots are in order, and every citation names a node: what the Resolver relies on.
bool valid_name_index(const NameIndex& index, const GraphData& d);

}  // namespace kg::detail
