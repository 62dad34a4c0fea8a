// Implementation of kg/text.h on top of utf8proc.
#include "kg/text.h"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <utility>
#include <vector>

namespace kg {
namespace {

// Decodes the code point at `s[i]`; returns its byte length, or -1 for an invalid sequence.
utf8proc_ssize_t decode(std::string_view s, std::size_t i, utf8proc_int32_t* cp) {
  return utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                          static_cast<utf8proc_ssize_t>(s.size() - i), cp);
}

// Writes `s` into `out` (replacing it) with runs of white space collapsed to one space and
// trimmed; `lower_ascii` also lowercases A-Z (the ASCII fast path of fold()).
void collapse_spaces(std::string_view s, bool lower_ascii, std::string& out) {
  out.clear();
  out.reserve(s.size());
  bool pending_space = false;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(lower_ascii && c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
}

}  // namespace

std::size_t find_invalid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t n = decode(s, i, &cp);
    if (n <= 0) return i;
    i += static_cast<std::size_t>(n);
  }
  return std::string_view::npos;
}

std::string fold(std::string_view s) {
  std::string out;
  fold_into(s, out);
  return out;
}

void fold_into(std::string_view s, std::string& out) {
  // Plain ASCII (most keys, citations and names at scale) folds without utf8proc.
  bool ascii = true;
  for (char c : s) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  if (ascii) {
    collapse_spaces(s, /*lower_ascii=*/true, out);
    return;
  }
  utf8proc_uint8_t* mapped = nullptr;
  const auto options = static_cast<utf8proc_option_t>(UTF8PROC_COMPAT | UTF8PROC_CASEFOLD |
                                                      UTF8PROC_STRIPMARK | UTF8PROC_DECOMPOSE);
  utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()),
                                    static_cast<utf8proc_ssize_t>(s.size()), &mapped, options);
  // Collapse white space so "Straat  van Hormuz" and a name broken over lines still match.
  if (n < 0) {
    collapse_spaces(s, /*lower_ascii=*/false, out);
  } else {
    collapse_spaces(
        std::string_view(reinterpret_cast<const char*>(mapped), static_cast<std::size_t>(n)),
        /*lower_ascii=*/false, out);
  }
  std::free(mapped);
}

std::size_t display_width(std::string_view s) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < s.size();) {
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t n = decode(s, i, &cp);
    if (n <= 0) {
      ++width;
      ++i;
      continue;
    }
    width += static_cast<std::size_t>(std::max(0, utf8proc_charwidth(cp)));
    i += static_cast<std::size_t>(n);
  }
  return width;
}

std::string_view truncate_to_width(std::string_view s, std::size_t columns) {
  std::size_t width = 0;
  std::size_t i = 0;
  while (i < s.size()) {
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t n = decode(s, i, &cp);
    std::size_t w = 1;
    if (n <= 0) {
      n = 1;
    } else {
      w = static_cast<std::size_t>(std::max(0, utf8proc_charwidth(cp)));
    }
    if (width + w > columns) break;
    width += w;
    i += static_cast<std::size_t>(n);
  }
  return s.substr(0, i);
}

namespace {

// Decodes `s` into `out` (cleared first), invalid bytes as themselves, without an allocation
// once `out` has grown.
void decode_into(std::string_view s, std::vector<utf8proc_int32_t>& out) {
  out.clear();
  for (std::size_t i = 0; i < s.size();) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      out.push_back(static_cast<unsigned char>(s[i++]));
      continue;
    }
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t n = decode(s, i, &cp);
    if (n <= 0) {
      cp = static_cast<unsigned char>(s[i]);
      n = 1;
    }
    out.push_back(cp);
    i += static_cast<std::size_t>(n);
  }
}

// Optimal string alignment: Levenshtein plus swapping two neighbouring letters as one edit, the
// commonest typing slip ("shwo" for "show"). Stops with limit + 1 once two rows in a row exceed
// `limit`: every later entry derives from those two rows, and none grows smaller.
std::size_t osa_distance(std::string_view a, std::string_view b, std::size_t limit) {
  // One scan of a million candidates for "did you mean" reuses these instead of allocating five
  // vectors per candidate.
  thread_local std::vector<utf8proc_int32_t> x, y;
  thread_local std::vector<std::size_t> before, row, next;
  decode_into(a, x);
  decode_into(b, y);
  // A lower bound first, from the letters alone: a substitution changes the counts of letters by
  // two, an insertion or deletion by one, a swap not at all, so the distance is at least half
  // the letters the two do not share. Counting code points in 128 buckets can only lower it.
  thread_local std::array<std::size_t, 128> count{};
  for (const auto cp : x) ++count[static_cast<std::size_t>(cp) & 127];
  std::size_t unshared = 0;
  for (const auto cp : y) {
    std::size_t& c = count[static_cast<std::size_t>(cp) & 127];
    if (c > 0) {
      --c;
    } else {
      ++unshared;
    }
  }
  for (const auto cp : x) unshared += std::exchange(count[static_cast<std::size_t>(cp) & 127], 0);
  if ((unshared + 1) / 2 > limit) return limit + 1;
  before.assign(y.size() + 1, 0);
  row.resize(y.size() + 1);
  next.resize(y.size() + 1);
  for (std::size_t j = 0; j <= y.size(); ++j) row[j] = j;
  bool previous_over = false;
  for (std::size_t i = 1; i <= x.size(); ++i) {
    next[0] = i;
    std::size_t smallest = next[0];
    for (std::size_t j = 1; j <= y.size(); ++j) {
      next[j] =
          std::min({row[j] + 1, next[j - 1] + 1, row[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1)});
      if (i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1]) {
        next[j] = std::min(next[j], before[j - 2] + 1);
      }
      smallest = std::min(smallest, next[j]);
    }
    const bool over = smallest > limit;
    if (over && previous_over) return limit + 1;
    previous_over = over;
    before.swap(row);
    row.swap(next);
  }
  return std::min(row[y.size()], limit + 1);
}

}  // namespace

std::size_t edit_distance(std::string_view a, std::string_view b) {
  return osa_distance(a, b, std::max(a.size(), b.size()));
}

std::size_t edit_distance_within(std::string_view a, std::string_view b, std::size_t limit) {
  return osa_distance(a, b, limit);
}

}  // namespace kg
