// What a Graph holds, as flat arrays of small records whose text is StringIds into one
// StringTable: the form the loaders fill and the snapshot is built from. Internal to graph/src.
#pragma once

#include <cstdint>
#include <string_view>
#include <type_traits>
#include <unordered_set>
#include <vector>

#include "kg/edge.h"
#include "kg/ids.h"
#include "kg/node.h"
#include "kg/string_table.h"

namespace kg::detail {

// Records have no padding (`reserved` fills it), so their bytes are fully defined and the image
// can store arrays of them as they are in memory.
struct NodeRecord {
  StringId key = 0;
  StringId name = 0;
  StringId description = 0;
  TypeId type = 0;
  std::uint16_t reserved = 0;
};

struct EdgeRecord {
  NodeId from = kNoNode;
  NodeId to = kNoNode;
  NodeId source = kNoNode;
  StringId locator = 0;
  StringId note = 0;
  RelationId relation = 0;
  std::uint16_t reserved = 0;
};
static_assert(sizeof(NodeRecord) == 16 && std::has_unique_object_representations_v<NodeRecord>);
static_assert(sizeof(EdgeRecord) == 24 && std::has_unique_object_representations_v<EdgeRecord>);

// One list per item, stored back to back: item i owns entries[start[i] .. start[i + 1]).
// Items must be closed in order, one close() per item.
struct Lists {
  std::vector<std::uint64_t> start{0};
  std::vector<StringId> entries;

  void close() { start.push_back(entries.size()); }
  std::size_t items() const { return start.size() - 1; }
  const StringId* first(std::size_t item) const { return entries.data() + start[item]; }
  std::size_t count(std::size_t item) const { return start[item + 1] - start[item]; }
};

struct GraphData {
  std::vector<NodeType> types;
  std::vector<Relation> relations;
  StringTable strings;
  std::vector<NodeRecord> nodes;  // sorted by key, ignoring ASCII case
  Lists aliases;                  // per node, StringIds
  Lists node_attributes;          // per node, name and value StringIds in turn
  std::vector<EdgeRecord> edges;
  Lists edge_attributes;  // per edge, name and value StringIds in turn
};

// Adds strings to a table, reusing the id of an equal string added through it before. Edge
// locators, notes and attribute names repeat a lot (a few hundred distinct locators over
// thousands of edges), so they are stored once. Keeps no pointers into the table's bytes, which
// move as it grows.
class Interner {
 public:
  explicit Interner(StringTable& table) : table_(table), ids_(16, Hash{&table_}, Equal{&table_}) {}

  StringId operator()(std::string_view text) {
    if (text.empty()) return 0;
    if (auto it = ids_.find(text); it != ids_.end()) return *it;
    const StringId id = table_.add(text);
    ids_.insert(id);
    return id;
  }

 private:
  struct Hash {
    using is_transparent = void;
    const StringTable* table;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    std::size_t operator()(StringId id) const { return (*this)((*table)[id]); }
  };
  struct Equal {
    using is_transparent = void;
    const StringTable* table;
    std::string_view text(std::string_view s) const { return s; }
    std::string_view text(StringId id) const { return (*table)[id]; }
    template <typename A, typename B>
    bool operator()(const A& a, const B& b) const {
      return text(a) == text(b);
    }
  };
  StringTable& table_;
  std::unordered_set<StringId, Hash, Equal> ids_;
};

}  // namespace kg::detail
