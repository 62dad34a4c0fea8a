// Tests for kg/graph.h and its storage (kg/string_table.h, graph_data.h): what a built Graph
// hands back, and that repeated text is stored once.
#include "kg/graph.h"

#include <doctest/doctest.h>

#include "graph_data.h"
#include "kg/string_table.h"

TEST_CASE("StringTable: id 0 is the empty string and ids give back their text") {
  kg::StringTable t;
  CHECK(t.size() == 1);
  CHECK(t[0].empty());
  const kg::StringId a = t.add("Curaçao");
  const kg::StringId b = t.add("");
  const kg::StringId c = t.add("Curaçao");
  CHECK(a == 1);
  CHECK(b == 2);
  CHECK(c == 3);  // add() never looks for an equal string
  CHECK(t[a] == "Curaçao");
  CHECK(t[b].empty());
  CHECK(t[c] == "Curaçao");
  CHECK(t.byte_size() == 2 * std::string_view("Curaçao").size());
}

TEST_CASE("Interner: equal text gets one id, across growth of the table") {
  kg::StringTable t;
  kg::detail::Interner intern(t);
  CHECK(intern("") == 0);
  const kg::StringId p14 = intern("p. 14");
  // Enough other strings that the table's bytes move several times.
  for (int i = 0; i < 5000; ++i) intern("§ Cyberdreigingen, p. " + std::to_string(i));
  CHECK(intern("p. 14") == p14);
  CHECK(intern(std::string("§ Cyberdreigingen, p. ") + "4999") == t.size() - 1);
  CHECK(t.size() == 1 + 1 + 5000);
  CHECK(t[p14] == "p. 14");
}

TEST_CASE("Graph: nodes and edges read back with aliases, attributes and shared locators") {
  kg::GraphBuilder b;
  b.add_type({"actor", ""});
  b.add_type({"kamerstuk", ""});
  b.add_relation("member_of", "is lid van", "heeft als lid", "", {"actor"}, {"actor"});
  b.add_node("navo", "actor", "NAVO", {"NATO", "Noord-Atlantische Verdragsorganisatie"},
             "bondgenootschap", {{"kind", "organisation"}, {"since", "1949"}});
  b.add_node("Nederland", "actor", "Nederland", {}, "", {{"kind", "state"}});
  b.add_node("duitsland", "actor", "Duitsland");
  b.add_node("kst-1-1", "kamerstuk", "Kamerstuk 1, nr. 1");
  b.add_edge("nederland", "member_of", "navo", "kst-1-1", "p. 3", "", {{"since", "1949"}});
  b.add_edge("duitsland", "member_of", "navo", "kst-1-1", "p. 3", "toegetreden in 1955");
  auto g = std::move(b).build();
  REQUIRE(g.ok());

  // NodeIds are key order, ignoring ASCII case.
  REQUIRE(g->node_count() == 4);
  CHECK(g->node(0).key == "duitsland");
  CHECK(g->node(1).key == "kst-1-1");
  CHECK(g->node(2).key == "navo");
  CHECK(g->node(3).key == "Nederland");
  CHECK(g->find_key("NEDERLAND") == kg::NodeId{3});

  const kg::Node navo = g->node(2);
  CHECK(navo.name == "NAVO");
  CHECK(navo.description == "bondgenootschap");
  CHECK(navo.aliases.to_strings() ==
        std::vector<std::string>{"NATO", "Noord-Atlantische Verdragsorganisatie"});
  REQUIRE(navo.attributes.size() == 2);
  CHECK(navo.attributes[1].name == "since");
  CHECK(navo.attributes.value("kind") == "organisation");
  CHECK(navo.attributes.value("colour").empty());
  CHECK(g->node(0).aliases.empty());
  CHECK(g->node(0).attributes.empty());

  REQUIRE(g->edge_count() == 2);
  const kg::Edge first = g->edge(0);
  CHECK(first.from == 3);
  CHECK(first.to == 2);
  CHECK(first.locator == "p. 3");
  CHECK(first.note.empty());
  CHECK(first.attributes.value("since") == "1949");
  const kg::Edge second = g->edge(1);
  CHECK(second.note == "toegetreden in 1955");
  CHECK(second.attributes.empty());
  // The locator both edges share, and the attribute value a node and an edge share, are stored
  // once.
  CHECK(first.locator.data() == second.locator.data());
  CHECK(first.attributes.value("since").data() == navo.attributes.value("since").data());
}
