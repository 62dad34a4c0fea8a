// The modelling decisions of the GBVS dataset's second pass (datasets/gbvs-2020/README.md,
// "Modelling decisions"), held by the shipped data: the catch-all `concerns` stays under 8% of
// the edges, every pair of nodes joined by two relations is one the README decided to keep, and
// the six threat areas are parts of the GBVS.
#include <doctest/doctest.h>

#include <map>
#include <set>
#include <string>
#include <utility>

#include "kg/graph.h"
#include "support/test_graph.h"

namespace {

std::string key(const kg::Graph& g, kg::NodeId n) {
  return std::string(g.node(n).key);
}

}  // namespace

TEST_CASE("GBVS vocabulary: concerns carries under 8% of the edges") {
  const kg::Graph& g = kg::test::gbvs_graph();
  const auto concerns = g.find_relation("concerns");
  REQUIRE(concerns.has_value());
  std::size_t n = 0;
  for (kg::EdgeId e = 0; e < g.edge_count(); ++e) n += g.edge(e).relation == *concerns ? 1 : 0;
  MESSAGE("concerns: " << n << " of " << g.edge_count() << " edges");
  CHECK(n * 100 < g.edge_count() * 8);
}

TEST_CASE("GBVS vocabulary: node pairs with two relations are the decided ones") {
  const kg::Graph& g = kg::test::gbvs_graph();
  std::map<std::pair<std::string, std::string>, std::set<std::string>> pairs;
  for (kg::EdgeId e = 0; e < g.edge_count(); ++e) {
    std::string a = key(g, g.edge(e).from);
    std::string b = key(g, g.edge(e).to);
    if (b < a) std::swap(a, b);
    pairs[{a, b}].insert(std::string(g.relations()[g.edge(e).relation].name));
  }
  std::string two;
  for (const auto& [pair, relations] : pairs) {
    if (relations.size() < 2) continue;
    two += pair.first + " -- " + pair.second + ":";
    for (const std::string& r : relations) two += " " + r;
    two += "\n";
  }
  // Each pair states two facts (README, "Pairs with two relations"); a new pair is a decision to
  // make there first: keep the more precise relation, or both with the reason.
  CHECK(two ==
        "aanslag-salisbury -- verenigd-koninkrijk: located_in targets\n"
        "afghanistan -- resolute-support: operates_in supports\n"
        "anti-isis-coalitie -- isis: defeated targets\n"
        "australie -- joint-statement-cyberspace: founded party_to\n"
        "beinvloeding-diaspora -- nederland: counters targets\n"
        "caribisch-nederland -- nederland: operates_in part_of\n"
        "china -- nederland: cooperates_with targets\n"
        "emasoh -- nederland: participates_in supports\n"
        "eucap-sahel-niger -- niger: operates_in supports\n"
        "hybride-conflictvoering -- navo: counters targets\n"
        "inf-verdrag -- rusland: party_to violates\n"
        "international-contact-group -- nederland: founded member_of\n"
        "joint-statement-cyberspace -- nederland: founded party_to\n"
        "joint-statement-cyberspace -- vs: founded party_to\n"
        "navo -- nederland: contributes_to member_of\n"
        "nederland -- nucleaire-risicoreductie: pursues researches\n"
        "nederland -- vs: cooperates_with supports\n");
}

TEST_CASE("GBVS vocabulary: the six threat areas are parts of the GBVS") {
  const kg::Graph& g = kg::test::gbvs_graph();
  const auto part_of = g.find_relation("part_of");
  REQUIRE(part_of.has_value());
  const kg::NodeId strategy = kg::test::id(g, "gbvs");
  std::set<std::string> areas;
  for (kg::EdgeId e : g.in_edges(strategy)) {
    const kg::NodeId from = g.edge(e).from;
    if (g.edge(e).relation == *part_of && g.type_of(from).name == "threat")
      areas.insert(key(g, from));
  }
  CHECK(areas == std::set<std::string>{"bedreiging-vitale-economische-processen", "cbrn-dreigingen",
                                       "cyberdreigingen", "militaire-dreigingen",
                                       "ongewenste-buitenlandse-inmenging",
                                       "terroristische-dreigingen"});
}
