// Tests for kg/export.h and graph/src/export/: XML escaping, start dates, the exact GraphML and
// GEXF of a small graph, subgraph checks, the neo4j files, and the escaping of every format on
// the hostile fixture (tests/fixtures/hostile).
#include "kg/export.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "export/plan.h"
#include "export/xml.h"
#include "kg/store.h"
#include "support/test_graph.h"

namespace {

namespace fs = std::filesystem;

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Two nodes and one edge, with an integer attribute, a partial date and a `since`.
kg::Graph small_graph() {
  kg::GraphBuilder b;
  b.add_type({"actor", ""});
  b.add_type({"kamerstuk", ""});
  b.add_relation("concerns", "gaat over", "is onderwerp van", "", {"kamerstuk"}, {"actor"});
  b.add_node("navo", "actor", "NAVO & co", {"NATO", "OTAN"}, "The \"alliance\"",
             {{"year", "1949"}});
  b.add_node("kst-1-2", "kamerstuk", "Kamerstuk 1, nr. 2", {}, "",
             {{"date", "2019-06"}, {"nr", "02"}});
  b.add_edge("kst-1-2", "concerns", "navo", "kst-1-2", "p. 1", "line one\nline two",
             {{"since", "2017"}});
  auto g = std::move(b).build();
  REQUIRE(g.ok());
  return std::move(g).value();
}

kg::Graph load(const std::string& db) {
  auto store = kg::Store::open(db);
  REQUIRE(store.ok());
  auto g = store->load_graph();
  REQUIRE(g.ok());
  return std::move(g).value();
}

std::string export_string(const kg::Graph& g, const kg::Subgraph& part, kg::ExportFormat f,
                          std::size_t* replaced = nullptr) {
  std::ostringstream out;
  kg::ExportOptions options;
  options.graph_name = "test";
  auto report = kg::write_export(g, part, f, out, options);
  REQUIRE(report.ok());
  if (replaced != nullptr) *replaced = report->replaced;
  return out.str();
}

}  // namespace

TEST_CASE("Export: XML escaping of any text") {
  struct Case {
    std::string in, out;
    std::size_t replaced;
  };
  const Case cases[] = {
      {"plain", "plain", 0},
      {"a & b < c > d", "a &amp; b &lt; c &gt; d", 0},
      {"\"double\" 'single'", "&quot;double&quot; &apos;single&apos;", 0},
      {"]]>", "]]&gt;", 0},
      {"&amp;", "&amp;amp;", 0},
      {"tab\tnew\nreturn\r", "tab&#9;new&#10;return&#13;", 0},
      {"Curaçao Ελλάδα 日本 🛰", "Curaçao Ελλάδα 日本 🛰", 0},
      {std::string("nul\0byte", 8),
       "nul\xEF\xBF\xBD"
       "byte",
       1},
      {"bell\x07 vt\x0B ff\x0C esc\x1B",
       "bell\xEF\xBF\xBD vt\xEF\xBF\xBD ff\xEF\xBF\xBD esc\xEF\xBF\xBD", 4},
      {"del\x7F and c1 \xC2\x85", "del\x7F and c1 \xC2\x85", 0},    // XML 1.0 allows both
      {"\xEF\xBF\xBE\xEF\xBF\xBF", "\xEF\xBF\xBD\xEF\xBF\xBD", 2},  // U+FFFE, U+FFFF
      {"bad \xC3 end", "bad \xEF\xBF\xBD end", 1},                  // a lead byte without its tail
      {"cut \xE6\x97", "cut \xEF\xBF\xBD\xEF\xBF\xBD", 2},          // truncated at the end
      {"surrogate \xED\xA0\x80", "surrogate \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", 3},
      {"overlong \xC0\xAF", "overlong \xEF\xBF\xBD\xEF\xBF\xBD", 2},
  };
  for (const Case& c : cases) {
    CAPTURE(c.in);
    kg::detail::XmlEscaper xml;
    CHECK(xml.escape(c.in) == c.out);
    CHECK(xml.replaced() == c.replaced);
  }
}

TEST_CASE("Export: start dates from dataset dates") {
  using kg::detail::start_date;
  CHECK(start_date("2020-04-17") == "2020-04-17");
  CHECK(start_date("2019-06") == "2019-06-01");
  CHECK(start_date("2018") == "2018-01-01");
  CHECK(start_date("2020-02-29") == "2020-02-29");
  CHECK(start_date("2019-02-29") == "");
  CHECK(start_date("2019-13") == "");
  CHECK(start_date("2019-04-31") == "");
  CHECK(start_date("17 april 2020") == "");
  CHECK(start_date("2019-6") == "");
  CHECK(start_date("") == "");
}

TEST_CASE("Export: GraphML declares every property with its type") {
  const kg::Graph g = small_graph();
  CHECK(export_string(g, kg::whole_graph(g), kg::ExportFormat::kGraphml) ==
        R"(<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
  <key id="n0" for="node" attr.name="key" attr.type="string"/>
  <key id="n1" for="node" attr.name="type" attr.type="string"/>
  <key id="n2" for="node" attr.name="name" attr.type="string"/>
  <key id="n3" for="node" attr.name="aliases" attr.type="string"/>
  <key id="n4" for="node" attr.name="description" attr.type="string"/>
  <key id="n5" for="node" attr.name="date" attr.type="string"/>
  <key id="n6" for="node" attr.name="nr" attr.type="string"/>
  <key id="n7" for="node" attr.name="year" attr.type="long"/>
  <key id="e0" for="edge" attr.name="relation" attr.type="string"/>
  <key id="e1" for="edge" attr.name="label" attr.type="string"/>
  <key id="e2" for="edge" attr.name="inverse" attr.type="string"/>
  <key id="e3" for="edge" attr.name="source" attr.type="string"/>
  <key id="e4" for="edge" attr.name="locator" attr.type="string"/>
  <key id="e5" for="edge" attr.name="note" attr.type="string"/>
  <key id="e6" for="edge" attr.name="since" attr.type="long"/>
  <graph id="test" edgedefault="directed">
    <node id="kst-1-2">
      <data key="n0">kst-1-2</data>
      <data key="n1">kamerstuk</data>
      <data key="n2">Kamerstuk 1, nr. 2</data>
      <data key="n5">2019-06</data>
      <data key="n6">02</data>
    </node>
    <node id="navo">
      <data key="n0">navo</data>
      <data key="n1">actor</data>
      <data key="n2">NAVO &amp; co</data>
      <data key="n3">NATO|OTAN</data>
      <data key="n4">The &quot;alliance&quot;</data>
      <data key="n7">1949</data>
    </node>
    <edge id="e0" source="kst-1-2" target="navo">
      <data key="e0">concerns</data>
      <data key="e1">gaat over</data>
      <data key="e2">is onderwerp van</data>
      <data key="e3">kst-1-2</data>
      <data key="e4">p. 1</data>
      <data key="e5">line one&#10;line two</data>
      <data key="e6">2017</data>
    </edge>
  </graph>
</graphml>
)");
}

TEST_CASE("Export: GEXF 1.3 with start dates") {
  const kg::Graph g = small_graph();
  const std::string gexf = export_string(g, kg::whole_graph(g), kg::ExportFormat::kGexf);
  const std::string head = gexf.substr(0, gexf.find("<attributes"));
  CHECK(head == R"(<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">
  <meta>
    <creator>kamergraaf )" KG_VERSION R"(</creator>
    <description>test</description>
  </meta>
  <graph defaultedgetype="directed" mode="dynamic" timeformat="date">
    )");
  const std::string body = gexf.substr(gexf.find("    <nodes>"));
  CHECK(body == R"(    <nodes>
      <node id="kst-1-2" label="Kamerstuk 1, nr. 2" start="2019-06-01">
        <attvalues>
          <attvalue for="0" value="kst-1-2"/>
          <attvalue for="1" value="kamerstuk"/>
          <attvalue for="2" value="Kamerstuk 1, nr. 2"/>
          <attvalue for="5" value="2019-06"/>
          <attvalue for="6" value="02"/>
        </attvalues>
      </node>
      <node id="navo" label="NAVO &amp; co">
        <attvalues>
          <attvalue for="0" value="navo"/>
          <attvalue for="1" value="actor"/>
          <attvalue for="2" value="NAVO &amp; co"/>
          <attvalue for="3" value="NATO|OTAN"/>
          <attvalue for="4" value="The &quot;alliance&quot;"/>
          <attvalue for="7" value="1949"/>
        </attvalues>
      </node>
    </nodes>
    <edges>
      <edge id="0" source="kst-1-2" target="navo" kind="concerns" label="gaat over" start="2017-01-01">
        <attvalues>
          <attvalue for="0" value="concerns"/>
          <attvalue for="1" value="gaat over"/>
          <attvalue for="2" value="is onderwerp van"/>
          <attvalue for="3" value="kst-1-2"/>
          <attvalue for="4" value="p. 1"/>
          <attvalue for="5" value="line one&#10;line two"/>
          <attvalue for="6" value="2017"/>
        </attvalues>
      </edge>
    </edges>
  </graph>
</gexf>
)");
  SUBCASE("a graph without dates is static") {
    kg::Subgraph part{{*g.find_key("navo")}, {}};
    const std::string navo = export_string(g, part, kg::ExportFormat::kGexf);
    CHECK(navo.find(R"(<graph defaultedgetype="directed" mode="static">)") != std::string::npos);
    CHECK(navo.find("start=") == std::string::npos);
  }
}

TEST_CASE("Export: a subgraph must hold the ends of its edges") {
  const kg::Graph g = small_graph();
  std::ostringstream out;
  SUBCASE("missing end") {
    kg::Subgraph part{{*g.find_key("navo")}, {0}};
    auto r = kg::write_export(g, part, kg::ExportFormat::kGraphml, out);
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().to_string() ==
          "error: edge kst-1-2 -concerns-> navo has an end outside the export");
  }
  SUBCASE("a node twice") {
    kg::Subgraph part{{*g.find_key("navo"), *g.find_key("navo")}, {}};
    auto r = kg::write_export(g, part, kg::ExportFormat::kGexf, out);
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().to_string() == "error: node navo is listed twice");
  }
  SUBCASE("one answer: a node and its edge") {
    kg::Subgraph part{{*g.find_key("navo"), *g.find_key("kst-1-2")}, {0}};
    auto r = kg::write_export(g, part, kg::ExportFormat::kGraphml, out);
    REQUIRE(r.ok());
    CHECK(r->nodes == 2);
    CHECK(r->edges == 1);
    // Nodes come in the order given.
    CHECK(out.str().find(R"(<node id="navo">)") < out.str().find(R"(<node id="kst-1-2">)"));
  }
  SUBCASE("neo4j is a folder") {
    auto r = kg::write_export(g, kg::whole_graph(g), kg::ExportFormat::kNeo4j, out);
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().to_string() == "error: a neo4j export is a folder of files; use export_graph");
  }
}

TEST_CASE("Export: an edge attribute may not take the name of an exported property") {
  kg::GraphBuilder b;
  b.add_type({"kamerstuk", ""});
  b.add_relation("cites", "citeert", "wordt geciteerd door", "", {"kamerstuk"}, {"kamerstuk"});
  b.add_node("kst-1-1", "kamerstuk", "A");
  b.add_node("kst-1-2", "kamerstuk", "B");
  b.add_edge("kst-1-1", "cites", "kst-1-2", "kst-1-1", "p. 1", "", {{"label", "x"}});
  auto g = std::move(b).build();
  REQUIRE(g.ok());
  std::ostringstream out;
  auto r = kg::write_export(*g, kg::whole_graph(*g), kg::ExportFormat::kGexf, out);
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().to_string() ==
        "error: edge attribute 'label' has the name of a property every export writes; rename the "
        "column");
}

TEST_CASE("Export: format names") {
  CHECK(kg::parse_export_format("graphml") == kg::ExportFormat::kGraphml);
  CHECK(kg::parse_export_format("gexf") == kg::ExportFormat::kGexf);
  CHECK(kg::parse_export_format("neo4j") == kg::ExportFormat::kNeo4j);
  CHECK_FALSE(kg::parse_export_format("GraphML").has_value());
  CHECK(kg::export_format_name(kg::ExportFormat::kGexf) == "gexf");
}

TEST_CASE("Export: hostile names stay intact in every format") {
  const kg::Graph g = load(kg::test::import_fixture("hostile"));
  const kg::Subgraph all = kg::whole_graph(g);
  SUBCASE("GraphML") {
    std::size_t replaced = 0;
    const std::string xml = export_string(g, all, kg::ExportFormat::kGraphml, &replaced);
    CHECK(replaced == 3);  // the BEL byte in a name, a description and a note
    CHECK(
        xml.find(
            R"(<key id="n5" for="node" attr.name="rol &quot;&lt;&amp;&gt;&quot;" attr.type="string"/>)") !=
        std::string::npos);
    CHECK(xml.find(R"(<key id="n8" for="node" attr.name="opmerking ë" attr.type="string"/>)") !=
          std::string::npos);
    CHECK(xml.find("<data key=\"n2\">&lt;script&gt;alert(1)&lt;/script&gt;</data>") !=
          std::string::npos);
    CHECK(xml.find("<data key=\"n3\">&lt;/data&gt;|&amp;amp;</data>") != std::string::npos);
    CHECK(xml.find("<data key=\"n2\">Quote &quot;dubbel&quot; &amp; &apos;enkel&apos;</data>") !=
          std::string::npos);
    CHECK(xml.find("<data key=\"n2\">Two&#10;lines</data>") != std::string::npos);
    CHECK(xml.find("<data key=\"n2\">Curaçao — Ελλάδα 日本 🛰</data>") !=
          std::string::npos);
    CHECK(xml.find("<data key=\"n2\">Bel\xEF\xBF\xBDring</data>") != std::string::npos);
    CHECK(xml.find("<data key=\"e1\">noemt &quot;letterlijk&quot;</data>") != std::string::npos);
    CHECK(xml.find("<data key=\"e4\">§ &quot;Citaat&quot; &amp; &lt;meer&gt;, p. 1</data>") !=
          std::string::npos);
    CHECK(xml.find('\x07') == std::string::npos);
  }
  SUBCASE("GEXF") {
    std::size_t replaced = 0;
    const std::string xml = export_string(g, all, kg::ExportFormat::kGexf, &replaced);
    CHECK(replaced == 4);  // the name is written twice: label and attribute
    CHECK(xml.find(R"(<node id="script" label="&lt;script&gt;alert(1)&lt;/script&gt;">)") !=
          std::string::npos);
    CHECK(
        xml.find(R"(<node id="kst-99999-1" label="Kamerstuk 99 999, nr. 1" start="2019-06-01">)") !=
        std::string::npos);
    CHECK(
        xml.find(R"(<node id="kst-99999-2" label="Kamerstuk 99 999, nr. 2" start="2020-02-29">)") !=
        std::string::npos);
    CHECK(xml.find(R"(kind="werkt_samen_met" label="werkt samen met &amp; naast">)") !=
          std::string::npos);
    CHECK(xml.find(R"(<attvalue for="4" value="First line&#10;second line"/>)") !=
          std::string::npos);
    CHECK(xml.find(R"(<attvalue for="5" value="Quote &quot; and comma, together"/>)") !=
          std::string::npos);
  }
  SUBCASE("neo4j") {
    const std::string dir = kg::test::temp_dir("export") + "/neo4j";
    kg::ExportOptions options;
    options.graph_name = "hostile";
    auto r = kg::export_graph(g, kg::ExportFormat::kNeo4j, dir, options);
    REQUIRE(r.ok());
    CHECK(r->files == std::vector<std::string>{"nodes-Actor.csv", "nodes-Kamerstuk.csv",
                                               "nodes-GrensGeval.csv", "relationships-NOEMT.csv",
                                               "relationships-WERKT_SAMEN_MET.csv", "README.md"});
    CHECK(read_file(fs::path(dir) / "nodes-Actor.csv") ==
          "key:ID,type,name,aliases:string[],description,rol______,code,opmerking___,:LABEL\n"
          "\"bell\",\"actor\",\"Bel\x07ring\",,\"A control byte (BEL) that XML 1.0 cannot hold: "
          "\x07\",,,,Actor\n"
          "\"newline\",\"actor\",\"Two\nlines\",\"Line\nbreak\",\"First line\nsecond "
          "line\",\"person\",,,Actor\n"
          "\"quote\",\"actor\",\"Quote \"\"dubbel\"\" & 'enkel'\",\"alias; with semicolon|alias, "
          "with comma\","
          "\"Says \"\"hi\"\" & leaves\",\"state\",\"-3\",,Actor\n"
          "\"script\",\"actor\",\"<script>alert(1)</script>\",\"</data>|&amp;\","
          "\"A name that is markup, & an alias that is an entity\",\"group\",,\"Ω\",Actor\n");
    CHECK(read_file(fs::path(dir) / "relationships-WERKT_SAMEN_MET.csv") ==
          ":START_ID,:END_ID,:TYPE,relation,label,inverse,source,locator,note,since\n"
          "\"quote\",\"unicode\",WERKT_SAMEN_MET,\"werkt_samen_met\",\"werkt samen met & naast\","
          "\"heeft als partner 'x'\",\"kst-99999-2\",\"§ Ελλάδα\",\"Über ünïcode\",\"2017\"\n"
          "\"newline\",\"bell\",WERKT_SAMEN_MET,\"werkt_samen_met\",\"werkt samen met & naast\","
          "\"heeft als partner 'x'\",\"kst-99999-2\",\"p. 4\",\"Quote \"\" and comma, "
          "together\",\"not a date\"\n");
  }
}

TEST_CASE("Export: writing is all or nothing") {
  const kg::Graph g = small_graph();
  const std::string dir = kg::test::temp_dir("export");
  SUBCASE("a file is replaced") {
    const std::string path = dir + "/g.graphml";
    std::ofstream(path) << "old";
    auto r = kg::export_graph(g, kg::ExportFormat::kGraphml, path);
    REQUIRE(r.ok());
    CHECK(r->files == std::vector<std::string>{"g.graphml"});
    CHECK(read_file(path).starts_with("<?xml"));
    CHECK_FALSE(fs::exists(path + ".partial"));
  }
  SUBCASE("a folder is not a file") {
    fs::create_directories(dir + "/sub");
    auto r = kg::export_graph(g, kg::ExportFormat::kGexf, dir + "/sub");
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().to_string() == dir + "/sub: error: is a folder, not a file");
  }
  SUBCASE("a file in a folder that does not exist") {
    auto r = kg::export_graph(g, kg::ExportFormat::kGexf, dir + "/none/g.gexf");
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().to_string() ==
          dir + "/none/g.gexf: error: cannot write: No such file or directory");
  }
  SUBCASE("a neo4j folder that is not empty is kept unless forced") {
    const std::string out = dir + "/neo";
    fs::create_directories(out);
    std::ofstream(out + "/mine.txt") << "keep";
    auto r = kg::export_graph(g, kg::ExportFormat::kNeo4j, out);
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().to_string() ==
          out + ": error: folder is not empty (use --force to replace it)");
    CHECK(read_file(out + "/mine.txt") == "keep");
    kg::ExportOptions force;
    force.force = true;
    r = kg::export_graph(g, kg::ExportFormat::kNeo4j, out + "/", force);
    REQUIRE(r.ok());
    CHECK_FALSE(fs::exists(out + "/mine.txt"));
    CHECK(fs::exists(out + "/nodes-Kamerstuk.csv"));
    CHECK_FALSE(fs::exists(out + ".old"));
    CHECK_FALSE(fs::exists(out + ".partial"));
  }
  SUBCASE("an empty neo4j folder is used") {
    fs::create_directories(dir + "/empty");
    auto r = kg::export_graph(g, kg::ExportFormat::kNeo4j, dir + "/empty");
    REQUIRE(r.ok());
    CHECK(read_file(dir + "/empty/nodes-Actor.csv") ==
          "key:ID,type,name,aliases:string[],description,year:long,:LABEL\n"
          "\"navo\",\"actor\",\"NAVO & co\",\"NATO|OTAN\",\"The \"\"alliance\"\"\",1949,Actor\n");
    const std::string readme = read_file(dir + "/empty/README.md");
    CHECK(readme.find("bin/neo4j-admin database import full neo4j \\\n"
                      "  --array-delimiter='U+007C' \\\n"
                      "  --multiline-fields=true \\\n"
                      "  --nodes=\"$K/nodes-Actor.csv\" \\\n"
                      "  --nodes=\"$K/nodes-Kamerstuk.csv\" \\\n"
                      "  --relationships=\"$K/relationships-CONCERNS.csv\"\n```\n") !=
          std::string::npos);
    CHECK(readme.find("K='" + fs::absolute(dir + "/empty").lexically_normal().string() + "'\n") !=
          std::string::npos);
  }
}
