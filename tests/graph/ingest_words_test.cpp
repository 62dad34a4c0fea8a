// Tests for graph/src/ingest/words.cpp: word boundaries, folding and capitals.
#include <doctest/doctest.h>

#include "ingest/words.h"

namespace kg::ingest {
namespace {

// "folded[begin,end)" per word, with C for capitalised and A for all capitals.
std::string render(std::string_view text) {
  std::string out;
  for (const Word& w : split_words(text)) {
    if (!out.empty()) out += ' ';
    out += w.folded + "[" + std::to_string(w.begin) + "," + std::to_string(w.end) + ")";
    if (w.capitalised) out += 'C';
    if (w.all_caps) out += 'A';
  }
  return out;
}

TEST_CASE("Words: split on everything but letters and digits") {
  CHECK(render("De NAVO-top in Oekraïne.") ==
        "de[0,2)C navo[3,7)CA top[8,11) in[12,14) oekraine[15,24)C");
  CHECK(render("COVID-19 (5G)") == "covid[0,5)CA 19[6,8) 5g[10,12)");
  CHECK(render("Curaçao’s") == "curacao[0,8)C s[11,12)");
  CHECK(render("") == "");
  CHECK(render(" -- ") == "");
}

TEST_CASE("Words: one capital letter is not an acronym, a mixed word is not all capitals") {
  CHECK(render("A OM EUCAP Sahel") == "a[0,1)C om[2,4)CA eucap[5,10)CA sahel[11,16)C");
  CHECK(render("VNVR-resolutie") == "vnvr[0,4)CA resolutie[5,14)");
}

TEST_CASE("Words: bytes that are not UTF-8 separate words instead of failing") {
  CHECK(render(std::string("ab\xff"
                           "cd",
                           5)) == "ab[0,2) cd[3,5)");
}

}  // namespace
}  // namespace kg::ingest
