// Tests for kg/text.h: folding, UTF-8 validation, display widths, edit distance (full and
// bounded).
#include "kg/text.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

TEST_CASE("Text: fold ignores case, diacritics and extra spaces") {
  struct Case {
    std::string in, out;
  };
  for (const Case& c : std::initializer_list<Case>{
           {"Oekraïne", "oekraine"},
           {"OEKRAINE", "oekraine"},
           {"Curaçao", "curacao"},
           {"CURAÇAO", "curacao"},
           {"  Straat   van\tHormuz ", "straat van hormuz"},
           {"Ĳsselmeer", "ijsselmeer"},  // the Dutch ij ligature decomposes
           {"Ærø", "ærø"},               // letters without a decomposition stay
           {"", ""},
       }) {
    CAPTURE(c.in);
    CHECK(kg::fold(c.in) == c.out);
  }
}

TEST_CASE("Text: find_invalid_utf8 points at the first bad byte") {
  CHECK(kg::find_invalid_utf8("Curaçao") == std::string_view::npos);
  CHECK(kg::find_invalid_utf8("ab\xC3") == 2);  // truncated sequence
  CHECK(kg::find_invalid_utf8("a\xFF"
                              "b") == 1);             // never valid
  CHECK(kg::find_invalid_utf8("\xED\xA0\x80") == 0);  // UTF-16 surrogate
}

TEST_CASE("Text: display width counts terminal columns, not bytes") {
  CHECK(kg::display_width("Oekraïne") == 8);
  CHECK(kg::display_width("Oekrai\xCC\x88ne") == 8);  // combining diaeresis takes no column
  CHECK(kg::display_width("北京") == 4);
  CHECK(kg::truncate_to_width("Curaçao", 5) == "Curaç");
  CHECK(kg::truncate_to_width("北京", 3) == "北");
}

TEST_CASE("Text: edit distance counts code points") {
  CHECK(kg::edit_distance("oekraine", "oekraïne") == 1);
  CHECK(kg::edit_distance("navo", "nato") == 1);
  CHECK(kg::edit_distance("", "abc") == 3);
  CHECK(kg::edit_distance("shwo", "show") == 1);  // two neighbours swapped: one slip
  CHECK(kg::edit_distance("ca", "abc") == 3);     // no edit twice (optimal string alignment)
  CHECK(kg::edit_distance("Curaçoa", "Curaçao") == 1);
}

TEST_CASE("Text: a bounded edit distance agrees with the full one up to its bound") {
  // Every pair of strings of up to four letters over a small alphabet (with a two-byte one, so
  // that code points, not bytes, are counted), against every bound from 0 to 5.
  std::vector<std::string> words{""};
  for (std::size_t begin = 0, length = 1; length <= 4; ++length) {
    const std::size_t end = words.size();
    for (std::size_t w = begin; w < end; ++w) {
      for (const char* letter : {"a", "b", "ï"}) words.push_back(words[w] + letter);
    }
    begin = end;
  }
  REQUIRE(words.size() == 1 + 3 + 9 + 27 + 81);
  std::size_t cut = 0;
  for (const std::string& a : words) {
    for (const std::string& b : words) {
      const std::size_t full = kg::edit_distance(a, b);
      for (std::size_t limit = 0; limit <= 5; ++limit) {
        const std::size_t bounded = kg::edit_distance_within(a, b, limit);
        if (bounded != std::min(full, limit + 1)) {
          FAIL_CHECK(a << " / " << b << " within " << limit << ": " << bounded << ", full "
                       << full);
        }
        cut += full > limit;
      }
    }
  }
  CHECK(cut > 0);
  CHECK(kg::edit_distance_within("rusladn", "rusland", 2) == 1);
  CHECK(kg::edit_distance_within("nederland", "xyz", 2) == 3);  // stopped: more than 2
}

TEST_CASE("Text: fold_into folds like fold, reusing the string it is given") {
  std::string out = "left over from before";
  kg::fold_into("  Oekraïne  en  CURAÇAO ", out);
  CHECK(out == kg::fold("  Oekraïne  en  CURAÇAO "));
  CHECK(out == "oekraine en curacao");
  kg::fold_into("KST-20500-V-3", out);
  CHECK(out == "kst-20500-v-3");
  kg::fold_into("", out);
  CHECK(out.empty());
}
