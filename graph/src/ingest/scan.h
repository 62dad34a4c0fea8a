// Small byte-level helpers shared by the ingest readers (layout, identity, citations): ASCII
// classes, case-insensitive comparison, white space, Dutch month names. Inline, allocation-free
// except where a string is returned; pure and thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace kg::ingest::scan {

inline bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
inline bool is_upper(char c) {
  return c >= 'A' && c <= 'Z';
}
inline bool is_lower(char c) {
  return c >= 'a' && c <= 'z';
}
inline bool is_alpha(char c) {
  return is_upper(c) || is_lower(c);
}
// A byte of a multi-byte UTF-8 sequence: treated as a letter (é, ë, ï in Dutch words).
inline bool is_utf8(char c) {
  return static_cast<unsigned char>(c) >= 0x80;
}
inline bool is_wordish(char c) {
  return is_alpha(c) || is_utf8(c);
}
inline bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}
inline char lower(char c) {
  return is_upper(c) ? static_cast<char>(c - 'A' + 'a') : c;
}

inline std::string_view trim(std::string_view s) {
  while (!s.empty() && (is_space(s.front()) || s.front() == '\n')) s.remove_prefix(1);
  while (!s.empty() && (is_space(s.back()) || s.back() == '\n')) s.remove_suffix(1);
  return s;
}

// True when `s` equals `word` ignoring ASCII case (`word` is lowercase).
inline bool iequals(std::string_view s, std::string_view word) {
  if (s.size() != word.size()) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (lower(s[i]) != word[i]) return false;
  }
  return true;
}

// True when `s` starts with `word` ignoring ASCII case (`word` is lowercase).
inline bool istarts_with(std::string_view s, std::string_view word) {
  return s.size() >= word.size() && iequals(s.substr(0, word.size()), word);
}

// Position of lowercase `word` in `s` ignoring ASCII case, or npos.
inline std::size_t ifind(std::string_view s, std::string_view word) {
  if (word.empty() || s.size() < word.size()) return std::string_view::npos;
  for (std::size_t i = 0; i + word.size() <= s.size(); ++i) {
    if (lower(s[i]) == word[0] && iequals(s.substr(i, word.size()), word)) return i;
  }
  return std::string_view::npos;
}

// 1..12 for a Dutch month name, modern or 19th-century spelling ("Februarij", "Julij"), any
// case; 0 otherwise.
inline int month_number(std::string_view w) {
  static constexpr std::string_view kMonths[] = {"januari",   "februari", "maart",    "april",
                                                 "mei",       "juni",     "juli",     "augustus",
                                                 "september", "oktober",  "november", "december"};
  std::string low;
  low.reserve(w.size());
  for (char c : w) low.push_back(lower(c));
  if (low.size() > 1 && low.back() == 'j') low.pop_back();  // Januarij, Julij
  if (low == "october") return 10;
  for (int i = 0; i < 12; ++i) {
    if (low == kMonths[i]) return i + 1;
  }
  return 0;
}

// Leading ASCII digits of `s` as a number, saturating at 1e9; `len` gets their count.
inline long leading_number(std::string_view s, std::size_t* len) {
  long v = 0;
  std::size_t i = 0;
  while (i < s.size() && is_digit(s[i])) {
    if (v < 1000000000L) v = v * 10 + (s[i] - '0');
    ++i;
  }
  if (len != nullptr) *len = i;
  return v;
}

// A kind line printed in ordinary case ("Koninklijke boodschap", "Memorie van toelichting"):
// a short line that opens with a kind's words.
inline bool is_mixed_case_kind(std::string_view s) {
  static constexpr std::string_view kKinds[] = {"koninklijke boodschap",
                                                "memorie van toelichting",
                                                "memorie van antwoord",
                                                "nota naar aanleiding",
                                                "nota van wijziging",
                                                "voorlopig verslag",
                                                "eindverslag",
                                                "verslag",
                                                "brief van",
                                                "motie van",
                                                "amendement",
                                                "voorstel van wet",
                                                "ontwerp van wet"};
  if (s.size() > 60) return false;
  for (std::string_view k : kKinds) {
    if (istarts_with(s, k)) return true;
  }
  return false;
}

// Position just past "Nr." / "No." / "N°." / "Nrs." (or OCR's "IMr") at `i` when a number
// follows, or npos.
inline std::size_t nr_marker_end(std::string_view s, std::size_t i) {
  if (i >= s.size()) return std::string_view::npos;
  std::size_t j = i;
  if (lower(s[j]) == 'n') {
    ++j;
  } else if (s.substr(i, 3) == "IMr") {
    j += 2;  // OCR'd "Nr."
  } else {
    return std::string_view::npos;
  }
  if (j < s.size() && (lower(s[j]) == 'r' || lower(s[j]) == 'o')) {
    ++j;
  } else if (j + 1 < s.size() && static_cast<unsigned char>(s[j]) == 0xC2 &&
             static_cast<unsigned char>(s[j + 1]) == 0xB0) {
    j += 2;
  } else {
    return std::string_view::npos;
  }
  if (j < s.size() && lower(s[j]) == 's') ++j;
  if (j < s.size() && s[j] == '.') ++j;
  while (j < s.size() && s[j] == ' ') ++j;
  if (j >= s.size() || !is_digit(s[j])) return std::string_view::npos;
  if (i > 0 && is_wordish(s[i - 1])) return std::string_view::npos;
  return j;
}

}  // namespace kg::ingest::scan
