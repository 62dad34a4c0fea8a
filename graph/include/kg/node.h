// Nodes and node types of the data model (docs/data-model.md). A Node is a view a Graph hands
// out: its text points into the Graph's StringTable and is valid while the Graph lives.
#pragma once

#include <cstddef>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "kg/ids.h"
#include "kg/string_table.h"

namespace kg {

// A free attribute from an extra dataset column, e.g. kind=state or dossier=33 694, as given to
// a GraphBuilder.
struct Attribute {
  std::string name;
  std::string value;
};
using Attributes = std::vector<Attribute>;  // in dataset column order, names unique

// The same, read back from a Graph.
struct AttributeView {
  std::string_view name;
  std::string_view value;
};

namespace detail {
// Iterates a list that has operator[] by position.
template <typename List, typename Value>
class IndexIterator {
 public:
  using iterator_category = std::input_iterator_tag;
  using value_type = Value;
  using difference_type = std::ptrdiff_t;
  using pointer = void;
  using reference = Value;

  IndexIterator() = default;
  IndexIterator(const List* list, std::size_t i) : list_(list), i_(i) {}
  Value operator*() const { return (*list_)[i_]; }
  IndexIterator& operator++() {
    ++i_;
    return *this;
  }
  IndexIterator operator++(int) {
    IndexIterator old = *this;
    ++i_;
    return old;
  }
  bool operator==(const IndexIterator& o) const { return i_ == o.i_; }

 private:
  const List* list_ = nullptr;
  std::size_t i_ = 0;
};
}  // namespace detail

// A run of StringIds or attribute pairs in a Graph, read as string_views. Cheap to copy.
class StringList {
 public:
  StringList() = default;
  StringList(const StringTable* table, const StringId* first, std::size_t count)
      : table_(table), first_(first), count_(count) {}

  std::size_t size() const { return count_; }
  bool empty() const { return count_ == 0; }
  std::string_view operator[](std::size_t i) const { return (*table_)[first_[i]]; }

  using iterator = detail::IndexIterator<StringList, std::string_view>;
  iterator begin() const { return {this, 0}; }
  iterator end() const { return {this, count_}; }

  std::vector<std::string> to_strings() const { return {begin(), end()}; }

 private:
  const StringTable* table_ = nullptr;
  const StringId* first_ = nullptr;
  std::size_t count_ = 0;
};

class AttributeList {
 public:
  AttributeList() = default;
  // `pairs` holds 2 * count ids: name, value, name, value, ...
  AttributeList(const StringTable* table, const StringId* pairs, std::size_t count)
      : table_(table), pairs_(pairs), count_(count) {}

  std::size_t size() const { return count_; }
  bool empty() const { return count_ == 0; }
  AttributeView operator[](std::size_t i) const {
    return {(*table_)[pairs_[2 * i]], (*table_)[pairs_[2 * i + 1]]};
  }
  // The value of attribute `name`, or an empty view when there is none.
  std::string_view value(std::string_view name) const {
    for (std::size_t i = 0; i < count_; ++i) {
      if ((*table_)[pairs_[2 * i]] == name) return (*table_)[pairs_[2 * i + 1]];
    }
    return {};
  }

  using iterator = detail::IndexIterator<AttributeList, AttributeView>;
  iterator begin() const { return {this, 0}; }
  iterator end() const { return {this, count_}; }

 private:
  const StringTable* table_ = nullptr;
  const StringId* pairs_ = nullptr;
  std::size_t count_ = 0;
};

struct NodeType {
  std::string name;  // e.g. actor, threat, treaty, mission, kamerstuk
  std::string description;
};

struct Node {
  std::string_view key;  // stable, unique ignoring case: rusland, kst-33694-57, kst-35300-V-14
  TypeId type = 0;
  std::string_view name;  // canonical display name, Dutch as in the sources
  StringList aliases;
  std::string_view description;
  AttributeList attributes;
};

}  // namespace kg
