// Words of a span's text with their byte ranges and folded forms: the unit that mentions and
// review candidates match on, so that a name never matches inside a longer word. Internal to
// ingest; pure functions, thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace kg::ingest {

struct Word {
  std::size_t begin = 0;  // byte range in the text
  std::size_t end = 0;
  std::string folded;        // kg::fold of the word: "Oekraïne" -> "oekraine"
  bool capitalised = false;  // starts with an upper-case letter
  bool all_caps = false;     // two or more letters, none lower-case: "NAVO", "VNVR", "COVID"
};

// The maximal runs of letters and digits in `text` (valid UTF-8), in order. Everything else
// (spaces, punctuation, hyphens, apostrophes) separates words.
std::vector<Word> split_words(std::string_view text);

}  // namespace kg::ingest
