// The text of a Graph: every name, alias, description, locator, note and attribute lives once in
// one StringTable, and records refer to it by StringId. One allocation instead of millions keeps
// a 10^6-node graph compact and lets the table be written and read as a few flat arrays.
// Owned by its Graph; read-only (and so safe to share between threads) once the Graph is built.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kg {

using StringId = std::uint32_t;  // position in a StringTable; 0 is always the empty string

class StringTable {
 public:
  StringTable() : ends_{0, 0} {}

  // Appends `text` and returns its id. Does not look for an equal string already in the table.
  StringId add(std::string_view text) {
    bytes_.append(text);
    ends_.push_back(bytes_.size());
    return static_cast<StringId>(ends_.size() - 2);
  }

  // The text of `id`; valid while the table lives. Requires id < size().
  std::string_view operator[](StringId id) const {
    return std::string_view(bytes_).substr(ends_[id], ends_[id + 1] - ends_[id]);
  }

  std::size_t size() const { return ends_.size() - 1; }
  std::size_t byte_size() const { return bytes_.size(); }

  // The raw parts, for storing the table as two arrays: the bytes back to back, and ends() with
  // string i spanning bytes()[ends()[i], ends()[i + 1]).
  const std::string& bytes() const { return bytes_; }
  const std::vector<std::uint64_t>& ends() const { return ends_; }
  // Replaces the contents with parts in that form. Requires ends to start with 0, 0, never to
  // decrease, and to end at bytes.size() (the caller validates data read from a file).
  void assign(std::string bytes, std::vector<std::uint64_t> ends) {
    bytes_ = std::move(bytes);
    ends_ = std::move(ends);
  }

 private:
  std::string bytes_;
  std::vector<std::uint64_t> ends_;  // string i spans bytes_[ends_[i], ends_[i + 1])
};

}  // namespace kg
