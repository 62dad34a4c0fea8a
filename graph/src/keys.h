// Node key order: keys compare ignoring ASCII case, which is the order of NodeIds and of node
// rows in a graph file. Allocation-free, for sorts and binary searches over millions of keys.
#pragma once

#include <algorithm>
#include <string>
#include <string_view>

namespace kg::detail {

inline char key_fold(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// True when key `a` sorts before key `b`.
inline bool key_less(std::string_view a, std::string_view b) {
  const std::size_t n = std::min(a.size(), b.size());
  for (std::size_t i = 0; i < n; ++i) {
    const char x = key_fold(a[i]);
    const char y = key_fold(b[i]);
    if (x != y) return static_cast<unsigned char>(x) < static_cast<unsigned char>(y);
  }
  return a.size() < b.size();
}

// `key` in its case-folded form, for hash maps keyed case-insensitively.
inline std::string lower_key(std::string_view key) {
  std::string out(key);
  for (char& c : out) c = key_fold(c);
  return out;
}

inline bool key_equal(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (key_fold(a[i]) != key_fold(b[i])) return false;
  }
  return true;
}

}  // namespace kg::detail
