// The text of a Graph: every name, alias, description, locator, note and attribute lives once in
// one StringTable, and records refer to it by StringId. One allocation instead of millions keeps
// a 10^6-node graph compact and lets the table be written and read as a few flat arrays.
// Owned by its Graph; read-only (and so safe to share between threads) once the Graph is built.
#pragma once

#include <algorithm>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kg {

using StringId = std::uint32_t;  // position in a StringTable; 0 is always the empty string

class StringTable {
 public:
  StringTable() : ends_{0, 0} { sync(); }
  StringTable(StringTable&& o) noexcept { take(o); }
  StringTable& operator=(StringTable&& o) noexcept {
    take(o);
    return *this;
  }
  StringTable(const StringTable&) = delete;
  StringTable& operator=(const StringTable&) = delete;

  // Appends `text` and returns its id. Does not look for an equal string already in the table.
  // Requires a table that owns its parts (not one made by view()).
  StringId add(std::string_view text) {
    bytes_.append(text);
    ends_.push_back(bytes_.size());
    sync();
    return static_cast<StringId>(ends_.size() - 2);
  }

  // The text of `id`; valid while the table lives. Bounded, because a mapped snapshot file is not
  // checked entry by entry at open: an id at or past size() reads as the empty string, and ends
  // that decrease or pass the bytes are clamped to them (a damaged file shows wrong text, never
  // reads outside the table).
  std::string_view operator[](StringId id) const {
    if (id >= size()) return {};
    const std::uint64_t bytes = bytes_view_.size();
    const std::uint64_t end = std::min<std::uint64_t>(ends_view_[id + 1], bytes);
    const std::uint64_t begin = std::min<std::uint64_t>(ends_view_[id], end);
    return std::string_view(bytes_view_.data() + begin, end - begin);
  }

  std::size_t size() const { return ends_view_.size() - 1; }
  std::size_t byte_size() const { return bytes_view_.size(); }

  // The raw parts, for storing the table as two arrays: the bytes back to back, and ends() with
  // string i spanning bytes()[ends()[i], ends()[i + 1]).
  std::string_view bytes() const { return bytes_view_; }
  std::span<const std::uint64_t> ends() const { return ends_view_; }
  // Replaces the contents with parts in that form. Requires ends to start with 0, 0, never to
  // decrease, and to end at bytes.size() (the caller validates data read from a file).
  void assign(std::string bytes, std::vector<std::uint64_t> ends) {
    bytes_ = std::move(bytes);
    ends_ = std::move(ends);
    owned_ = true;
    sync();
  }
  // Reads parts in that form from memory someone else keeps alive and unchanged (a mapped
  // snapshot file); the same requirements as assign().
  void view(std::string_view bytes, std::span<const std::uint64_t> ends) {
    bytes_ = {};
    ends_ = {};
    owned_ = false;
    bytes_view_ = bytes;
    ends_view_ = ends;
  }

 private:
  void sync() {
    bytes_view_ = bytes_;
    ends_view_ = ends_;
  }
  // A moved std::string's short buffer moves with it, so owned parts are viewed again.
  void take(StringTable& o) {
    bytes_ = std::move(o.bytes_);
    ends_ = std::move(o.ends_);
    owned_ = o.owned_;
    if (owned_) {
      sync();
    } else {
      bytes_view_ = o.bytes_view_;
      ends_view_ = o.ends_view_;
    }
    o.bytes_.clear();
    o.ends_.assign({0, 0});
    o.owned_ = true;
    o.sync();
  }

  std::string bytes_;
  std::vector<std::uint64_t> ends_;  // string i spans bytes_[ends_[i], ends_[i + 1])
  std::string_view bytes_view_;      // bytes_, or the bytes of a mapped file
  std::span<const std::uint64_t> ends_view_;
  bool owned_ = true;
};

}  // namespace kg
