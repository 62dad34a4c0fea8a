// Tests for the node and paper queries of kg/query.h on the tiny fixture graph: locator
// matching, incident edges, citations, sources (through the SourceIndex), text search with a
// type filter, and counts.
#include "kg/query.h"

#include <doctest/doctest.h>

#include <algorithm>

#include "support/test_graph.h"

namespace {

struct Tiny {
  Tiny()
      : store(kg::Store::open(kg::test::import_fixture("tiny")).value()),
        graph(store.load_graph().value()) {}
  kg::NodeId id(std::string_view key) const { return kg::test::id(graph, key); }
  // "from -relation-> to @ locator", one edge per line.
  std::string edges(const std::vector<kg::EdgeId>& ids) const {
    std::string out;
    for (kg::EdgeId e : ids) {
      const kg::Edge edge = graph.edge(e);
      out += std::string(graph.node(edge.from).key) + " -" + graph.relation_of(e).name + "-> " +
             std::string(graph.node(edge.to).key) + " @ " + std::string(edge.locator) + "\n";
    }
    return out;
  }
  kg::Store store;
  kg::Graph graph;
};

}  // namespace

TEST_CASE("Query: locators match ignoring case and accents, numbers whole") {
  CHECK(kg::locator_matches("§ Cyberdreigingen, p. 14, vn. 17", "cyberdreigingen"));
  CHECK(kg::locator_matches("§ Cyberdreigingen, p. 14, vn. 17", "vn. 17"));
  CHECK_FALSE(kg::locator_matches("§ Cyberdreigingen, p. 14, vn. 17", "vn. 1"));
  CHECK(kg::locator_matches("§ Inleiding, p. 1, vn. 1", "vn. 1"));
  CHECK(kg::locator_matches("vn. 17, vn. 1", "vn. 1"));  // the second occurrence is whole
  CHECK(kg::locator_matches("§ Financiën, p. 3", "FINANCIEN"));
  CHECK(kg::locator_matches("§ CBRN, p. 5", ""));
  CHECK_FALSE(kg::locator_matches("§ CBRN, p. 5", "Missies"));
}

TEST_CASE("Query: citations in both directions, filtered by locator") {
  Tiny t;
  auto keys = [&](const kg::Result<std::vector<kg::NodeId>>& r) {
    REQUIRE(r.ok());
    return kg::test::render(t.graph, *r);
  };
  CHECK(keys(kg::citations(t.graph, t.id("kst-10000-1"), kg::Citing::kCites)) ==
        "kst-10000-2 kst-20500-V-3");
  CHECK(keys(kg::citations(t.graph, t.id("kst-10000-1"), kg::Citing::kCites, "vooruitblik")) ==
        "kst-20500-V-3");
  CHECK(keys(kg::citations(t.graph, t.id("kst-10000-1"), kg::Citing::kCites, "vn. 9")) ==
        "kst-20500-V-3");
  CHECK(keys(kg::citations(t.graph, t.id("kst-10000-2"), kg::Citing::kCitedBy)) == "kst-10000-1");
  CHECK(keys(kg::citations(t.graph, t.id("kst-10000-2"), kg::Citing::kCites)) == "");
  auto not_paper = kg::citations(t.graph, t.id("navo"), kg::Citing::kCites);
  REQUIRE_FALSE(not_paper.ok());
  CHECK(not_paper.status().message() == "'navo' is not a Kamerstuk (its type is actor)");
}

TEST_CASE("Query: sources of a paper come from the index, of a node from its edges") {
  Tiny t;
  const kg::SourceIndex index(t.graph);
  CHECK(t.edges(kg::sources(t.graph, index, t.id("kst-10000-2"))) ==
        "rusland -party_to-> inf-verdrag @ § Wapenbeheersing, p. 2\n"
        "vs -party_to-> inf-verdrag @ § Wapenbeheersing, p. 2\n"
        "kst-10000-2 -concerns-> inf-verdrag @ § Wapenbeheersing, p. 2\n");
  CHECK(t.edges(kg::sources(t.graph, index, t.id("kst-10000-1"), "vn. 4")) ==
        "rusland -violates-> inf-verdrag @ § Militaire dreigingen, p. 3, vn. 4\n");
  CHECK(index.edges_of(t.id("kst-20500-V-3")).empty());
  CHECK(index.edges_of(t.id("navo")).empty());
  CHECK(index.edges_of(static_cast<kg::NodeId>(t.graph.node_count())).empty());  // out of range
  CHECK(t.edges(kg::sources(t.graph, index, t.id("mali"))) ==
        "minusma -operates_in-> mali @ § Missies, p. 4\n"
        "mali -operates_in-> sahel @ § Missies, p. 4\n");
  std::size_t total = 0;
  for (kg::NodeId n = 0; n < t.graph.node_count(); ++n) total += index.edges_of(n).size();
  CHECK(total == t.graph.edge_count());
}

TEST_CASE("Query: incident edges list a node's out-edges, then its in-edges") {
  Tiny t;
  CHECK(t.edges(kg::incident_edges(t.graph, t.id("minusma"))) ==
        "minusma -operates_in-> mali @ § Missies, p. 4\n"
        "minusma -counters-> terrorisme @ § Missies, p. 4\n"
        "nederland -participates_in-> minusma @ § Missies, p. 4\n");
}

TEST_CASE("Query: text search keeps the order of the index and filters types") {
  Tiny t;
  auto found = kg::search_text(t.store, t.graph, "ban", {}, 10);
  REQUIRE(found.ok());
  const std::string all = kg::test::render(t.graph, found->nodes);
  CHECK(found->total == found->nodes.size());
  const std::vector<kg::TypeId> treaties{*t.graph.find_type("treaty")};
  auto only = kg::search_text(t.store, t.graph, "ban", treaties, 10);
  REQUIRE(only.ok());
  CHECK(kg::test::render(t.graph, only->nodes) == "cwv inf-verdrag");
  auto cut = kg::search_text(t.store, t.graph, "ban", {}, 1);
  REQUIRE(cut.ok());
  CHECK(cut->nodes.size() == 1);
  CHECK(cut->total == found->total);
  CHECK(all.starts_with(kg::test::render(t.graph, cut->nodes)));
  CHECK_FALSE(kg::search_text(t.store, t.graph, "  ", {}, 10).ok());
}

TEST_CASE("Query: counts per type and per relation") {
  Tiny t;
  const auto types = kg::type_counts(t.graph);
  const auto relations = kg::relation_counts(t.graph);
  CHECK(types[*t.graph.find_type("kamerstuk")] == 3);
  CHECK(relations[*t.graph.find_relation("cites")] == 2);
  std::size_t nodes = 0, edges = 0;
  for (auto n : types) nodes += n;
  for (auto n : relations) edges += n;
  CHECK(nodes == t.graph.node_count());
  CHECK(edges == t.graph.edge_count());
}

TEST_CASE("Query: citation_edges lists each cites edge, grouped by the other paper") {
  auto store = kg::Store::open(kg::test::import_fixture("tiny"));
  REQUIRE(store.ok());
  auto g = store->load_graph();
  REQUIRE(g.ok());
  const kg::NodeId letter = *g->find_key("kst-10000-1");
  auto out = kg::citation_edges(*g, letter, kg::Citing::kCites);
  REQUIRE(out.ok());
  std::vector<std::string> seen;
  for (kg::EdgeId e : *out) {
    seen.push_back(std::string(g->node(g->edge(e).to).key) + "@" + std::string(g->edge(e).locator));
  }
  CHECK(seen == std::vector<std::string>{"kst-10000-2@§ Inleiding, p. 1, vn. 1",
                                         "kst-20500-V-3@§ Vooruitblik, p. 6, vn. 9"});
  auto at = kg::citation_edges(*g, letter, kg::Citing::kCites, "vn. 9");
  REQUIRE(at.ok());
  CHECK(at->size() == 1);
  auto in = kg::citation_edges(*g, *g->find_key("kst-10000-2"), kg::Citing::kCitedBy);
  REQUIRE(in.ok());
  REQUIRE(in->size() == 1);
  CHECK(g->edge(in->front()).from == letter);
  CHECK_FALSE(kg::citation_edges(*g, *g->find_key("navo"), kg::Citing::kCites).ok());
}

TEST_CASE("Query: a relation by its name or either direction's label, folded") {
  Tiny t;
  auto name_of = [&](std::string_view word) -> std::string {
    const auto id = kg::find_relation_by_name_or_label(t.graph, word);
    return id ? t.graph.relations()[*id].name : "none";
  };
  CHECK(name_of("party_to") == "party_to");
  CHECK(name_of("PARTY_TO") == "party_to");
  CHECK(name_of("is partij bij") == "party_to");
  CHECK(name_of("heeft als partij") == "party_to");
  CHECK(name_of("  Heeft   als PARTIJ ") == "party_to");  // case and spaces, as kg::fold
  CHECK(name_of("werkterrein van") == "operates_in");
  CHECK(name_of("wordt tegengegaan döor") == "counters");  // diacritics ignored
  CHECK(name_of("partij") == "none");                      // no prefixes
  CHECK(name_of("") == "none");
  const auto words = kg::relation_words(t.graph);
  REQUIRE(words.size() >= 3);
  CHECK(words[0] == "member_of");  // names first, in relations.csv order, then labels
  CHECK(std::find(words.begin(), words.end(), "is lid van") != words.end());
  CHECK(std::find(words.begin(), words.end(), "wordt geciteerd door") != words.end());
}
