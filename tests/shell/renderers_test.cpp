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

TEST_CASE("Renderers: fitting a table to the width shrinks the widest column first") {
  using kg::shell::fit_to_width;
  // Natural widths 4, 26 and 11; with two spaces between columns the grid is 45 wide.
  Table t{{"key", "description", "type"},
          {{"navo", "verdragsorganisatie Atlant", "actor"}, {"eu", "unie", "organisatie"}}};
  SUBCASE("a table that fits is left whole") {
    const auto fitted = fit_to_width(t, 45);
    CHECK(fitted.cut == 0);
    CHECK(kg::shell::grid_text(fitted.table, 0) ==
          "key   description                 type\n"
          "----  --------------------------  -----------\n"
          "navo  verdragsorganisatie Atlant  actor\n"
          "eu    unie                        organisatie\n"
          "(2 rows)\n");
  }
  SUBCASE("only the widest column gives up columns while it is the widest") {
    const auto fitted = fit_to_width(t, 30);
    CHECK(fitted.cut == 1);
    CHECK(kg::shell::grid_text(fitted.table, 0) ==
          "key   description  type\n"
          "----  -----------  -----------\n"
          "navo  verdragsor…  actor\n"
          "eu    unie         organisatie\n"
          "(2 rows)\n");
  }
  SUBCASE("equally wide columns take turns, down to four columns each") {
    const auto fitted = fit_to_width(t, 20);
    CHECK(fitted.cut == 2);
    CHECK(kg::shell::grid_text(fitted.table, 0) ==
          "key   descr…  type\n"
          "----  ------  ------\n"
          "navo  verdr…  actor\n"
          "eu    unie    organ…\n"
          "(2 rows)\n");
  }
  SUBCASE("no narrower than four columns, even when the line then wraps") {
    const auto fitted = fit_to_width(t, 5);
    CHECK(fitted.cut == 3);
    CHECK(fitted.table.columns == std::vector<std::string>{"key", "des…", "type"});
    CHECK(fitted.table.rows[0] == std::vector<std::string>{"navo", "ver…", "act…"});
    CHECK(fitted.table.rows[1] == std::vector<std::string>{"eu", "unie", "org…"});
  }
  SUBCASE("width 0 keeps every cell, but on one line") {
    Table lines{{"a"}, {{"x\ny"}}};
    const auto fitted = fit_to_width(lines, 0);
    CHECK(fitted.cut == 0);
    CHECK(fitted.table.rows[0][0] == "x y");
  }
}

TEST_CASE("Renderers: fitting counts display columns, not bytes") {
  Table t{{"naam", "land"}, {{"Oekraïne en Curaçao", "Curaçao"}}};
  const auto fitted = kg::shell::fit_to_width(t, 18);
  CHECK(fitted.cut == 1);
  CHECK(kg::shell::grid_text(fitted.table, 0) ==
        "naam       land\n"
        "---------  -------\n"
        "Oekraïne…  Curaçao\n"
        "(1 row)\n");
  // Without the header row the header does not count for the widths either.
  const auto bare = kg::shell::fit_to_width(Table{{"a-long-header"}, {{"kort"}}}, 4, false);
  CHECK(bare.cut == 0);
  CHECK(kg::shell::grid_text(bare.table, 0, false) == "kort\n(1 row)\n");
}

TEST_CASE("Renderers: .headers off drops the header row of table, CSV and TSV") {
  Table t{{"a", "b"}, {{"x", "y, z"}}};
  CHECK(kg::shell::grid_text(t, 0, false) == "x  y, z\n(1 row)\n");
  CHECK(kg::shell::csv_text(t, false) == "x,\"y, z\"\n");
  CHECK(kg::shell::tsv_text(t, false) == "x\ty, z\n");
}

TEST_CASE("Renderers: a long line wraps at spaces, indented under its first line") {
  using kg::shell::wrap_indented;
  CHECK(wrap_indented("    kort genoeg", 20, 8) == "    kort genoeg\n");
  CHECK(wrap_indented("    Rusland schendt INF-verdrag  [Kamerstuk 33 694, nr. 57, p. 3]", 30, 8) ==
        "    Rusland schendt\n"
        "        INF-verdrag [Kamerstuk\n"
        "        33 694, nr. 57, p. 3]\n");
  // A word longer than the width stands alone on its line.
  CHECK(wrap_indented("  a bbbbbbbbbbbb c", 8, 4) == "  a\n    bbbbbbbbbbbb\n    c\n");
  CHECK(wrap_indented("    whole", 0, 8) == "    whole\n");
}
