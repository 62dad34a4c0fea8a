// Tests for graph/src/ingest/draft.cpp: what a draft defines and what it only references, facts
// the graph knows, dossiers however they are printed, and names that must stay unique.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "ingest/draft.h"
#include "support/test_graph.h"

namespace kg::ingest {
namespace {

// A small known graph: a joint paper with its second citation as alias, an actor named like an
// author role, and one known citation edge.
Graph known_graph() {
  GraphBuilder b;
  b.add_type({"kamerstuk", "A paper"});
  b.add_type({"actor", "An actor"});
  b.add_relation("cites", "citeert", "wordt geciteerd door", "", {"kamerstuk"}, {"kamerstuk"});
  b.add_node("kst-33694-47", "kamerstuk", "Kamerstuk 33 694, nr. 47", {"Kamerstuk 26 643, nr. 47"});
  b.add_node("kst-10000-1", "kamerstuk", "Kamerstuk 10 000, nr. 1");
  b.add_node("minbz", "actor", "Minister van Buitenlandse Zaken");
  b.add_node("defensie", "actor", "Defensie", {"Verdedigingszaken"});
  b.add_edge("kst-10000-1", "cites", "kst-33694-47", "kst-10000-1", "§ Kop, p. 3, vn. 2");
  auto g = std::move(b).build();
  REQUIRE(g.ok());
  return std::move(g).value();
}

Identity paper(std::string key, std::string dossier, std::string nr, std::string title = {}) {
  Identity id;
  id.key = std::move(key);
  id.dossier = std::move(dossier);
  id.nr = std::move(nr);
  id.title = std::move(title);
  return id;
}

Layout one_span(std::string text) {
  Layout l;
  Span s;
  s.kind = SpanKind::kFootnote;
  s.text = std::move(text);
  s.pages = {{0, 3}};
  s.section = "Andere kop";
  s.footnote = 2;
  l.spans.push_back(s);
  return l;
}

std::string read(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST_CASE("Draft: known papers are referenced, facts the graph records are left out") {
  const Graph g = known_graph();
  Draft d(&g);
  Identity id = paper("kst-10000-1", "10 000", "1");
  id.authors = {"Minister van Buitenlandse Zaken"};
  Citation joint{"kst-26643-47", "Kamerstuk 26 643, nr. 47", "26 643", "47", 0, 0};
  Citation fresh{"kst-20000-5", "Kamerstuk 20 000, nr. 5", "20 000", "5", 0, 4};
  d.add_paper(id, "brief.txt", "brief.txt", one_span("tekst en meer"), {joint, fresh}, {});
  // The joint paper cited by its second dossier is the known kst-33694-47, and that citation
  // at p. 3, vn. 2 is known even though the heading differs.
  CHECK(d.counts().known == 1);
  CHECK(d.counts().citations == 1);
  const std::string dir = test::temp_dir("draft-known");
  REQUIRE(d.write(dir, {"in/brief.txt"}, {}).ok());
  CHECK(read(dir + "/nodes-papers.csv") ==
        "key,type,name,aliases,description,kind,house,vergaderjaar,dossier,nr,date,title,origin\n");
  CHECK(read(dir + "/nodes-references.csv") ==
        "key,type,name\nkst-10000-1,kamerstuk,\nkst-33694-47,kamerstuk,\nminbz,actor,\n");
  CHECK(read(dir + "/edges-cites.csv") ==
        "from,relation,to,source,locator,note\n"
        "kst-10000-1,cites,kst-20000-5,kst-10000-1,\"§ Andere kop, p. 3, vn. 2\",\n");
  CHECK(read(dir + "/edges-papers.csv") ==
        "from,relation,to,source,locator,note\n"
        "kst-10000-1,part_of,dossier-10000,kst-10000-1,p. 1,\n"
        "minbz,authored,kst-10000-1,kst-10000-1,p. 1,\n");
  CHECK(read(dir + "/README.md").starts_with(std::string(kDraftMarker) + "\n"));
}

TEST_CASE("Draft: a dossier however the header prints it, named by its most printed title") {
  Draft d(nullptr);
  d.add_paper(paper("kst-18942-6", "18942", "6", "Visserij"), "a", "a", one_span("x"), {}, {});
  d.add_paper(paper("kst-18942-7", "18 942", "7", "Visserij"), "b", "b", one_span("x"), {}, {});
  d.add_paper(paper("kst-18942-8", "18 942", "8", "Visserij "), "c", "c", one_span("x"), {}, {});
  const std::string dir = test::temp_dir("draft-dossier");
  REQUIRE(d.write(dir, {}, {}).ok());
  CHECK(read(dir + "/nodes-dossiers.csv") ==
        "key,type,name,aliases,description,dossier\n"
        "dossier-18942,dossier,Visserij,Dossier 18 942,Parliamentary dossier 18 942,18 942\n");
  CHECK(read(dir + "/nodes-papers.csv").find("kst-18942-6,kamerstuk,\"Kamerstuk 18 942, nr. 6\"") !=
        std::string::npos);
}

TEST_CASE("Draft: a new node never takes a name the graph or the draft already uses") {
  const Graph g = known_graph();
  Draft d(&g);
  Identity id = paper("kst-30000-1", "30 000", "1", "Verdedigingszaken");
  id.authors = {"Defensie"};  // an actor's name: that actor authored it
  d.add_paper(id, "o", "o", one_span("x"), {}, {});
  const std::string dir = test::temp_dir("draft-names");
  REQUIRE(d.write(dir, {}, {}).ok());
  CHECK(read(dir + "/nodes-dossiers.csv") ==
        "key,type,name,aliases,description,dossier\n"
        "dossier-30000,dossier,Verdedigingszaken (dossier 30 000),Dossier 30 000,"
        "Parliamentary dossier 30 000,30 000\n");
  CHECK(read(dir + "/edges-papers.csv").find("defensie,authored,kst-30000-1") != std::string::npos);
  CHECK(read(dir + "/nodes-authors.csv") == "key,type,name,aliases,description,kind\n");
}

}  // namespace
}  // namespace kg::ingest
