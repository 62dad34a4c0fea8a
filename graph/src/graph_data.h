// What a Graph holds, as flat arrays of small records whose text is StringIds into one
// StringTable: the form the loaders fill and the snapshot is built from. Internal to graph/src.
#pragma once

#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <string_view>
#include <type_traits>
#include <unordered_set>
#include <utility>
#include <vector>

#include "kg/edge.h"
#include "kg/ids.h"
#include "kg/node.h"
#include "kg/string_table.h"

namespace kg::detail {

// A read-only array over either its own storage, which a loader grows, or memory it does not own
// (a mapped snapshot file, which the GraphData keeps alive through `backing`). Growing it is only
// allowed while it owns its storage; a view() drops what it owned. Move-only, so that no copy
// can outlive the memory it points into.
template <typename T>
class Array {
 public:
  using value_type = T;
  using const_iterator = const T*;

  Array() = default;
  Array(std::initializer_list<T> init) : own_(init) { sync(); }
  explicit Array(std::vector<T> values) : own_(std::move(values)) { sync(); }
  Array(Array&& o) noexcept : own_(std::move(o.own_)), data_(o.data_), size_(o.size_) {
    o.data_ = nullptr;
    o.size_ = 0;
  }
  Array& operator=(Array&& o) noexcept {
    own_ = std::move(o.own_);
    data_ = o.data_;
    size_ = o.size_;
    o.data_ = nullptr;
    o.size_ = 0;
    return *this;
  }
  Array(const Array&) = delete;
  Array& operator=(const Array&) = delete;

  // Points at `count` elements that someone else keeps alive and unchanged.
  void view(const T* first, std::size_t count) {
    own_ = {};
    data_ = first;
    size_ = count;
  }

  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  const T* data() const { return data_; }
  const T& operator[](std::size_t i) const { return data_[i]; }
  const T* begin() const { return data_; }
  const T* end() const { return data_ + size_; }
  const T& front() const { return data_[0]; }
  const T& back() const { return data_[size_ - 1]; }

  // Growing, for loaders; requires owned storage (never called after view()).
  void push_back(const T& value) {
    own_.push_back(value);
    sync();
  }
  void reserve(std::size_t n) {
    own_.reserve(n);
    sync();
  }
  void resize(std::size_t n) {
    own_.resize(n);
    sync();
  }
  T* mutable_data() { return own_.data(); }

 private:
  void sync() {
    data_ = own_.data();
    size_ = own_.size();
  }
  std::vector<T> own_;
  const T* data_ = nullptr;
  std::size_t size_ = 0;
};

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
// Items must be closed in order, one close() per item. 32-bit offsets: a list's entries are
// StringIds of one graph, far below 2^32 (64-bit offsets were 38 MiB of zeros at 5·10^6 edges).
struct Lists {
  Array<std::uint32_t> start{0};
  Array<StringId> entries;

  void close() { start.push_back(static_cast<std::uint32_t>(entries.size())); }
  std::size_t items() const { return start.size() - 1; }
  // Item `item`'s entries. Requires item < items(); bounded otherwise, because a mapped snapshot
  // file's offsets are not checked one by one at open: offsets past the entries or decreasing
  // are clamped, so a damaged list reads as shorter (or empty), never outside the entries.
  const StringId* first(std::size_t item) const { return entries.data() + bounds(item).first; }
  std::size_t count(std::size_t item) const {
    const auto [b, e] = bounds(item);
    return e - b;
  }
  std::pair<std::size_t, std::size_t> bounds(std::size_t item) const {
    const std::size_t size = entries.size();
    const std::size_t e = std::min<std::size_t>(start[item + 1], size);
    return {std::min<std::size_t>(start[item], e), e};
  }
};

struct NameIndex;  // the resolver's sorted folded names; see name_index.h

struct GraphData {
  std::vector<NodeType> types;
  std::vector<Relation> relations;
  StringTable strings;
  Array<NodeRecord> nodes;  // sorted by key, ignoring ASCII case
  Lists aliases;            // per node, StringIds
  Lists node_attributes;    // per node, name and value StringIds in turn
  Array<EdgeRecord> edges;
  Lists edge_attributes;  // per edge, name and value StringIds in turn
  // The name index read with the graph (a snapshot file has one); null: the Resolver builds it.
  std::shared_ptr<const NameIndex> names;
  // What the arrays that view() memory point into (a mapped snapshot file); null when they own
  // their storage.
  std::shared_ptr<const void> backing;
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
