// Tests for shell/renderers.h: grid widths with multi-byte names, CSV and TSV quoting, JSON and
// DOT escaping.
#include "renderers.h"

#include <doctest/doctest.h>

#include "support/test_graph.h"

using kg::shell::Table;

TEST_CASE("Renderers: grid aligns by display width, not bytes") {
  Table t{{"name", "kind"}, {{"Curaçao", "state"}, {"Oekraïne", "state"}, {"VS", "state"}}};
  CHECK(kg::shell::grid_text(t, 0) ==
        "name      kind\n"
        "--------  -----\n"
        "Curaçao   state\n"
        "Oekraïne  state\n"
        "VS        state\n"
        "(3 rows)\n");
}

TEST_CASE("Renderers: grid cuts long cells and says so") {
  Table t{{"note"}, {{"abcdefghij"}, {"Curaçao"}}};
  CHECK(kg::shell::grid_text(t, 5) ==
        "note\n"
        "-----\n"
        "abcd…\n"
        "Cura…\n"
        "(2 rows)\n"
        "(values longer than 5 columns are cut and end in …; --format csv shows them whole)\n");
  Table one{{"x"}, {{"a\nb"}}};
  CHECK(kg::shell::grid_text(one, 0) == "x\n---\na b\n(1 row)\n");
}

TEST_CASE("Renderers: CSV quotes what needs quoting") {
  Table t{{"a", "b"}, {{"plain", "x, y"}, {"say \"hi\"", "two\nlines"}, {"", "Curaçao"}}};
  CHECK(kg::shell::csv_text(t) ==
        "a,b\n"
        "plain,\"x, y\"\n"
        "\"say \"\"hi\"\"\",\"two\nlines\"\n"
        ",Curaçao\n");
}

TEST_CASE("Renderers: TSV escapes tabs, newlines and backslashes") {
  Table t{{"a", "b"}, {{"x\ty", "1\n2\\3"}}};
  CHECK(kg::shell::tsv_text(t) == "a\tb\nx\\ty\t1\\n2\\\\3\n");
}

TEST_CASE("Renderers: JSON escapes quotes and control characters and keeps UTF-8") {
  kg::GraphBuilder b;
  b.add_type({"t", ""});
  b.add_type({"kamerstuk", ""});
  b.add_relation("r", "l", "i", "", {"t"}, {"t"});
  b.add_node("a", "t", "Curaçao \"quoted\"\n\ttab", {"Alias\\x"});
  b.add_node("src", "kamerstuk", "K");
  auto g = std::move(b).build();
  REQUIRE(g.ok());
  CHECK(kg::shell::node_json(*g, *g->find_key("a")).dump() ==
        R"({"key":"a","type":"t","name":"Curaçao \"quoted\"\n\ttab","aliases":["Alias\\x"]})");
}

TEST_CASE("Renderers: DOT escapes quotes and backslashes in labels") {
  kg::GraphBuilder b;
  b.add_type({"t", ""});
  b.add_type({"kamerstuk", ""});
  b.add_relation("r", "zegt \"ja\"", "inv", "", {"t"}, {"t"});
  b.add_node("a", "t", "Naam met \"quotes\" en \\");
  b.add_node("b", "t", "Curaçao");
  b.add_node("src", "kamerstuk", "Kamerstuk 1");
  b.add_edge("a", "r", "b", "src", "p. 1");
  auto g = std::move(b).build();
  REQUIRE(g.ok());
  kg::shell::Drawing d;
  d.nodes = {*g->find_key("a"), *g->find_key("b")};
  d.emphasised = {*g->find_key("a")};
  d.edges = {0};
  const std::string dot = kg::shell::dot_text(*g, d);
  CHECK(
      dot.find(
          R"("a" [label="Naam met \"quotes\" en \\", fillcolor="#cfe2f3", tooltip="t", penwidth=2.5];)") !=
      std::string::npos);
  CHECK(dot.find(R"("b" [label="Curaçao", fillcolor="#cfe2f3", tooltip="t"];)") !=
        std::string::npos);
  CHECK(dot.find(R"("a" -> "b" [label="zegt \"ja\"", tooltip="Kamerstuk 1, p. 1"];)") !=
        std::string::npos);
  CHECK(dot.starts_with("digraph kamergraaf {\n"));
  CHECK(dot.ends_with("}\n"));
}
