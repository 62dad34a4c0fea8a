// Tests for shell/completion.h: a pure function of line and cursor over the fixture graph.
#include "completion.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "support/test_graph.h"
#include "support/tiny_session.h"

namespace {

struct Fixture : kg::test::TinySession {
  // "start:cand1|cand2" for the line completed at its end (or at `cursor`).
  std::string at(std::string_view line, std::size_t cursor = std::string_view::npos) {
    auto c =
        kg::shell::complete(line, cursor == std::string_view::npos ? line.size() : cursor, session);
    std::string text = std::to_string(c.start) + ":";
    for (std::size_t i = 0; i < c.candidates.size(); ++i) text += (i ? "|" : "") + c.candidates[i];
    return text + (c.append_space ? "" : " (no space)");
  }
};

}  // namespace

TEST_CASE("Completion: commands and flags") {
  Fixture f;
  CHECK(f.at("pa") == "0:path|paths");
  CHECK(f.at("neighb") == "0:neighbours|neighbors");
  CHECK(f.at(".m") == "0:.mode");
  CHECK(f.at("neighbours minusma --d") == "19:--dir|--depth");
  CHECK(f.at("path a b --wh") == "9:--why");
  CHECK(f.at("stats --") == "6:");
}

TEST_CASE("Completion: multi-word names are quoted, prefixes ignore case and accents") {
  Fixture f;
  CHECK(f.at("path \"Straat van H") == "5:\"Straat van Hormuz\"");
  CHECK(f.at("path straat") == "5:straat-van-dover|straat-van-hormuz");  // keys continue "straat"
  CHECK(f.at("path Straat") == "5:\"Straat van Dover\"|\"Straat van Hormuz\"");
  CHECK(f.at("show oek") == "5:oekraine");
  CHECK(f.at("show OEKR") == "5:Oekraïne");
  CHECK(f.at("show cura") == "5:curacao");
  CHECK(f.at("path rusland \"straat van h") == "13:\"Straat van Hormuz\"");
  CHECK(f.at("show kst-20") == "5:kst-20500-V-3");
  CHECK(f.at("common navo rus") == "12:rusland");
}

TEST_CASE("Completion: flag values, measures, formats and the cursor position") {
  Fixture f;
  CHECK(f.at("path a b --dir ") == "15:out|in|both");
  CHECK(f.at("path a b --rel part") == "15:participates_in|party_to");
  CHECK(f.at("path a b --rel member_of,part") == "15:member_of,participates_in|member_of,party_to");
  CHECK(f.at("neighbours a --type th") == "20:threat");
  CHECK(f.at("path a b --avoid na") == "17:navo|\"Nauw van Calais\"");  // an alias of Dover
  CHECK(f.at("rank p") == "5:pagerank");
  CHECK(f.at(".mode j") == "6:json");
  CHECK(f.at(".timer o") == "7:on|off");
  CHECK(f.at("help pat") == "5:path|paths");
  CHECK(f.at("show navo ") == "10:");                               // show takes one argument
  CHECK(f.at("path navo rus", 7) == "5:navo|\"Nauw van Calais\"");  // the word at the cursor
  CHECK(f.at("bogus ru") == "6:");
  CHECK(f.at(".limit ") == "7:visited|results|hubs");        // a choice kind from the row
  CHECK(f.at(".limit visited ") == "15:");                   // then a number: nothing to offer
  CHECK(f.at("common navo rusland ma") == "20:mali|malta");  // the repeating positional
  CHECK(f.at("rank degree --top ") == "18:");
  CHECK(f.at("paths a b --not-rel ci") == "20:cites|citeert");  // names, then labels
  CHECK(f.at("path a b --rel \"is p") == "15:\"is partij bij\"");
  CHECK(f.at("path a b --rel heeft") ==
        "15:\"heeft als lid\"|\"heeft als deelnemer\"|\"heeft als partij\"");
  // Inside a comma list only words without spaces: a quoted label would not be one word there.
  CHECK(f.at("path a b --rel cites,le") == "15:cites,leads|cites,leidt");
}

TEST_CASE("Completion: file names after .read, .open and .output") {
  Fixture f;
  const std::string dir = kg::test::temp_dir("complete");
  std::filesystem::create_directories(dir + "/queries");
  std::ofstream(dir + "/q1.kg") << "stats\n";
  std::ofstream(dir + "/q2.kg") << "stats\n";
  CHECK(f.at(".read " + dir + "/q") ==
        "6:" + dir + "/q1.kg|" + dir + "/q2.kg|" + dir + "/queries/");
  CHECK(f.at(".open " + dir + "/que") == "6:" + dir + "/queries/ (no space)");
}
