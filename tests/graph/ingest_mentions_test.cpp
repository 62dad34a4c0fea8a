// Tests for graph/src/ingest/mentions.cpp on the tiny fixture graph: whole words, folding,
// acronyms in capitals only, the longest name first.
#include <doctest/doctest.h>

#include "ingest/mentions.h"
#include "kg/store.h"
#include "support/test_graph.h"

namespace kg::ingest {
namespace {

const Graph& tiny() {
  static const Graph g = [] {
    auto store = Store::open(test::import_fixture("tiny"));
    REQUIRE(store.ok());
    auto graph = store->load_graph();
    REQUIRE(graph.ok());
    return std::move(graph).value();
  }();
  return g;
}

// The keys of the nodes mentioned in `text`, with the byte offset of each mention.
std::string mentions_in(std::string_view text) {
  static const MentionIndex index(tiny());
  std::vector<Mention> found;
  index.find_in(split_words(text), 0, found);
  std::string out;
  for (const Mention& m : found) {
    if (!out.empty()) out += ' ';
    out += std::string(tiny().node(m.node).key) + "@" + std::to_string(m.offset);
  }
  return out;
}

TEST_CASE("Mentions: names and aliases, folded like name resolution") {
  CHECK(mentions_in("Steun aan oekraine en Curacao.") == "oekraine@10 curacao@22");
  CHECK(mentions_in("OEKRAÏNE") == "oekraine@0");
  CHECK(mentions_in("de Russische Federatie") == "rusland@3");
}

TEST_CASE("Mentions: a name inside a longer word or a bare prefix is no mention") {
  CHECK(mentions_in("het Ruslandbeleid en de Malinese regering") == "");
  CHECK(mentions_in("de Straat van") == "");
  CHECK(mentions_in("Nederlandse inzet") == "");
}

TEST_CASE("Mentions: the longest name wins where names overlap") {
  CHECK(mentions_in("de Straat van Hormuz") == "straat-van-hormuz@3");
  CHECK(mentions_in("het INF-verdrag") == "inf-verdrag@4");
}

TEST_CASE("Mentions: an acronym matches only when the text writes it in capitals") {
  CHECK(mentions_in("de VS en de NAVO") == "vs@3 navo@12");
  CHECK(mentions_in("vs navo") == "");
  CHECK(mentions_in("Navo") == "");
}

TEST_CASE("Mentions: Kamerstuk names are citations, not mentions; aliases of papers are mentions") {
  CHECK(mentions_in("Kamerstuk 10 000, nr. 1") == "");
  CHECK(mentions_in("de Begrotingsbrief") == "kst-20500-V-3@3");
}

TEST_CASE("Mentions: an index without a graph finds nothing") {
  std::vector<Mention> found;
  MentionIndex().find_in(split_words("Nederland"), 0, found);
  CHECK(found.empty());
}

}  // namespace
}  // namespace kg::ingest
