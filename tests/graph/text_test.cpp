// Tests for kg/text.h: folding, UTF-8 validation, display widths, edit distance.
#include "kg/text.h"

#include <doctest/doctest.h>

#include <string>

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
