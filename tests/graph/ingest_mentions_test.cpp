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

TEST_CASE("Mentions: each word starts the longest name that fits; a name inside a name counts") {
  CHECK(mentions_in("de Straat van Hormuz") == "straat-van-hormuz@3");
  CHECK(mentions_in("het INF-verdrag") == "inf-verdrag@4");
  // "Noord-Atlantische Verdragsorganisatie" is NAVO's alias; the tiny graph has no node for the
  // words inside it. "Inzet van chemische wapens" names a threat, and no node is named
  // "chemische wapens", so one mention.
  CHECK(mentions_in("de Noord-Atlantische Verdragsorganisatie") == "navo@3");
  CHECK(mentions_in("Inzet van chemische wapens door ISIS") == "chemische-wapens@0 isis@32");
}

TEST_CASE("Mentions: a name standing inside a longer name is mentioned too") {
  GraphBuilder b;
  b.add_type({"t", ""});
  b.add_type({"kamerstuk", ""});
  b.add_node("oekraine", "t", "Oekraïne");
  b.add_node("conflict", "t", "Conflict in Oekraïne");
  b.add_node("oost", "t", "Oost-Oekraïne");
  auto g = std::move(b).build();
  REQUIRE(g.ok());
  const MentionIndex index(*g);
  std::vector<Mention> found;
  index.find_in(split_words("het conflict in Oekraïne en Oost-Oekraïne"), 0, found);
  std::string out;
  for (const Mention& m : found)
    out += std::string(g->node(m.node).key) + "@" + std::to_string(m.offset) + " ";
  CHECK(out == "conflict@4 oekraine@16 oost@29 oekraine@34 ");
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
