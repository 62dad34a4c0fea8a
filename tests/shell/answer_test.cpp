// Tests for shell/answer.cpp: each answer's table, JSON, text and drawing on the tiny fixture,
// built straight from library results (no parsing, no rendering to a format).
#include "answer.h"

#include <doctest/doctest.h>

#include "kg/query.h"
#include "support/tiny_session.h"

namespace {

using namespace kg::shell;

struct Fixture : kg::test::TinySession {
  const kg::Graph& g() { return session.graph(); }
  kg::NodeId id(std::string_view key) { return kg::test::id(g(), key); }
  View view(bool sources = false) { return View{g(), sources}; }
  kg::Path path(const char* from, const char* to) {
    auto p = kg::shortest_path(g(), id(from), id(to), {});
    REQUIRE(p.ok());
    REQUIRE(p->paths.size() == 1);
    return p->paths.front();
  }
};

// A table as "col|col\ncell|cell\n…".
std::string cells(const Table& t) {
  std::string out;
  auto line = [&](const std::vector<std::string>& row) {
    for (std::size_t i = 0; i < row.size(); ++i) out += (i ? "|" : "") + row[i];
    out += "\n";
  };
  line(t.columns);
  for (const auto& r : t.rows) line(r);
  return out;
}

}  // namespace

TEST_CASE("Answer: a path reads as a chain, hops in the direction travelled") {
  Fixture f;
  const kg::Path p = f.path("rusland", "navo");
  CHECK(chain(f.g(), p) ==
        "Rusland —is partij bij→ INF-verdrag ←is partij bij— Verenigde Staten —is lid van→ NAVO");
  CHECK(reading(f.g(), p.nodes[1], p.steps[1], p.nodes[2]) ==
        "INF-verdrag heeft als partij Verenigde Staten");
  CHECK(citation(f.g(), p.steps[2].edge) == "Kamerstuk 10 000, nr. 1, § Bondgenootschap, p. 1");
  const PathsAnswer one(f.id("rusland"), f.id("navo"), {p});
  CHECK(one.text(f.view()) == chain(f.g(), p) + "  (3 hops)\n");
  CHECK(one.text(f.view(true))
            .value()
            .ends_with("    Verenigde Staten is lid van NAVO  [Kamerstuk 10 000, nr. 1, § "
                       "Bondgenootschap, p. 1]\n"));
  CHECK(
      cells(one.table(f.view()))
          .starts_with(
              "path|hop|from|relation|reading|to|source|locator\n"
              "1|1|rusland|party_to|is partij bij|inf-verdrag|kst-10000-2|§ Wapenbeheersing, p. 2\n"
              "1|2|inf-verdrag|party_to|heeft als partij|vs|kst-10000-2|§ Wapenbeheersing, p. "
              "2\n"));
  CHECK(one.json(f.view())["paths"][0]["edges"][1]["direction"] == "backward");
}

TEST_CASE("Answer: no path is an answer, not an error, and still draws its endpoints") {
  Fixture f;
  const PathsAnswer none(f.id("malta"), f.id("navo"), {});
  CHECK(none.text(f.view()) == "no path from Malta to NAVO\n");
  CHECK(none.json(f.view()).dump() == R"({"paths":[]})");
  const auto d = none.drawing(f.view());
  REQUIRE(d);
  CHECK(d->nodes == std::vector<kg::NodeId>{f.id("malta"), f.id("navo")});
  CHECK(d->edges.empty());
}

TEST_CASE("Answer: several paths are numbered; the drawing lists shared nodes and edges once") {
  Fixture f;
  auto found = kg::k_shortest_paths(f.g(), f.id("rusland"), f.id("vs"), 2, {});
  REQUIRE(found.ok());
  REQUIRE(found->paths.size() == 2);
  const PathsAnswer two(f.id("rusland"), f.id("vs"), found->paths);
  const std::string text = two.text(f.view()).value();
  CHECK(text.starts_with("1. Rusland "));
  CHECK(text.find("\n2. Rusland ") != std::string::npos);
  const auto d = two.drawing(f.view()).value();
  std::vector<kg::NodeId> nodes = d.nodes;
  std::sort(nodes.begin(), nodes.end());
  CHECK(std::adjacent_find(nodes.begin(), nodes.end()) == nodes.end());
}

TEST_CASE("Answer: a card groups edges by relation, outgoing first, with notes under --why") {
  Fixture f;
  const kg::NodeId minusma = f.id("minusma");
  const CardAnswer card(minusma, kg::incident_edges(f.g(), minusma));
  CHECK(card.text(f.view()) ==
        "MINUSMA (minusma) — mission\n"
        "  UN stabilisation mission in Mali\n"
        "\n"
        "heeft als deelnemer:\n"
        "  Nederland (nederland)  [Kamerstuk 10 000, nr. 1, § Missies, p. 4]\n"
        "\n"
        "is actief in:\n"
        "  Mali (mali)  [Kamerstuk 10 000, nr. 1, § Missies, p. 4]\n"
        "\n"
        "gaat tegen:\n"
        "  Terrorisme (terrorisme)  [Kamerstuk 10 000, nr. 1, § Missies, p. 4]\n");
  CHECK(card.text(f.view(true)).value().find("      Based in Mali\n") != std::string::npos);
  CHECK(cells(card.table(f.view()))
            .find("operates_in|out|is actief in|mali|Mali|actor|kst-10000-1|") !=
        std::string::npos);
  const CardAnswer lonely(f.id("malta"), {});
  CHECK(lonely.text(f.view()) == "Malta (malta) — actor\n  Malta\n  kind: state\n  (no edges)\n");
}

TEST_CASE("Answer: node lists add a score column named by the measure") {
  Fixture f;
  const NodesAnswer ranked({f.id("nederland"), f.id("rusland")}, {5, 0.25}, "degree");
  CHECK(cells(ranked.table(f.view())) ==
        "key|name|type|degree\n"
        "nederland|Nederland|actor|5\n"
        "rusland|Rusland|actor|0.25\n");
  CHECK(ranked.json(f.view())["nodes"][1]["score"] == 0.25);
  const NodesAnswer plain({f.id("malta")});
  CHECK(cells(plain.table(f.view())) == "key|name|type\nmalta|Malta|actor\n");
}

TEST_CASE("Answer: counts come from the query, not from the renderer") {
  Fixture f;
  std::vector<std::size_t> counts(f.g().types().size(), 0);
  counts[*f.g().find_type("kamerstuk")] = 42;  // whatever the handler passes is what is shown
  const TypesAnswer types(counts);
  CHECK(cells(types.table(f.view())).find("\nkamerstuk|42|") != std::string::npos);
  const RelationsAnswer relations(kg::relation_counts(f.g()));
  CHECK(relations.json(f.view())["relations"][0]["name"] == f.g().relations()[0].name);
}

TEST_CASE("Answer: a neighbourhood shows the edges it was given, in its drawing too") {
  Fixture f;
  auto n = kg::neighbourhood(f.g(), f.id("mali"), 1, {});
  REQUIRE(n.ok());
  const std::vector<kg::EdgeId> edges = kg::edges_among(f.g(), n->nodes, {});
  const NeighbourhoodAnswer with(*n, edges);
  CHECK(with.json(f.view())["edges"].size() == edges.size());
  CHECK(with.drawing(f.view()).value().edges == edges);
  const NeighbourhoodAnswer without(*n, {});
  CHECK(without.json(f.view())["edges"].empty());
  // Each node with how it was reached: MINUSMA by `minusma operates_in mali` walked backwards
  // (the inverse label), Sahel by `mali operates_in sahel` walked forwards.
  CHECK(cells(without.table(f.view())) ==
        "depth|type|name|key|via|relation|reading|source\n"
        "0|actor|Mali|mali||||\n"
        "1|mission|MINUSMA|minusma|mali|operates_in|werkterrein van|kst-10000-1\n"
        "1|place|Sahel|sahel|mali|operates_in|is actief in|kst-10000-1\n");
  const kg::shell::View why{f.g(), true};
  CHECK(cells(without.table(why)) ==
        "depth|type|name|key|via|relation|reading|source|locator\n"
        "0|actor|Mali|mali|||||\n"
        "1|mission|MINUSMA|minusma|mali|operates_in|werkterrein van|kst-10000-1|§ Missies, p. 4\n"
        "1|place|Sahel|sahel|mali|operates_in|is actief in|kst-10000-1|§ Missies, p. 4\n");
  const auto json = without.json(f.view())["nodes"];
  CHECK(json[0]["via"].is_null());
  CHECK(json[1]["via"] == "mali");
  CHECK(json[1]["relation"] == "operates_in");
  CHECK(json[1]["direction"] == "backward");
  CHECK(json[1]["source"] == "kst-10000-1");
}

TEST_CASE("Answer: a drawing says each node's depth, via and column, for a picture to cut") {
  Fixture f;
  // A path's nodes are as deep as they are far from the nearer end, reached from that side;
  // their columns are their positions.
  const PathsAnswer path(f.id("rusland"), f.id("opcw"), {f.path("rusland", "opcw")});
  const Drawing p = path.drawing(f.view()).value();
  CHECK(kg::test::render(f.g(), p.nodes) == "rusland cwv chemische-wapens opcw");
  CHECK(p.depth == std::vector<int>{0, 1, 1, 0});
  CHECK(p.via == std::vector<kg::NodeId>{kg::kNoNode, f.id("rusland"), f.id("opcw"), kg::kNoNode});
  CHECK(p.column == std::vector<int>{0, 1, 2, 3});
  // common: the nodes asked about in column 0, the common neighbours in column 1 with the edge
  // of every step.
  const std::vector<kg::NodeId> asked{f.id("rusland"), f.id("vs")};
  auto found = kg::common_neighbours_with_steps(f.g(), asked, {});
  REQUIRE(found.ok());
  const CommonAnswer common(asked, *found);
  const Drawing c = common.drawing(f.view()).value();
  CHECK(kg::test::render(f.g(), c.nodes) == "rusland vs inf-verdrag");
  CHECK(c.emphasised == asked);
  CHECK(c.depth == std::vector<int>{0, 0, 1});
  CHECK(c.column == std::vector<int>{0, 0, 1});
  REQUIRE(c.edges.size() == 2);
  CHECK(f.g().node(f.g().edge(c.edges[0]).from).key == "rusland");
  CHECK(f.g().node(f.g().edge(c.edges[1]).from).key == "vs");
}
