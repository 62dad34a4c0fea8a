// Implementation of test_graph.h.
#include "support/test_graph.h"

#include <doctest/doctest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "kg/importer.h"
#include "kg/store.h"

namespace kg::test {

Graph graph_of(const std::vector<std::string>& edges) {
  static const std::regex kEdge(R"(^\s*([\w-]+)(?::(\w+))?\s+-(\w+)->\s+([\w-]+)(?::(\w+))?\s*$)");
  GraphBuilder b;
  b.add_type({"t", "plain test nodes"});
  b.add_type({"x", "nodes a type filter can exclude"});
  b.add_type({"kamerstuk", "sources"});
  for (const char* r : {"r", "s", "q"}) {
    b.add_relation(r, std::string(r) + "-forward", std::string(r) + "-inverse", "",
                   {"t", "x", "kamerstuk"}, {"t", "x", "kamerstuk"});
  }
  std::map<std::string, std::string> types;
  auto note_node = [&](const std::string& key, const std::string& type) {
    auto [it, added] = types.emplace(key, type.empty() ? "t" : type);
    if (!type.empty()) it->second = type;
  };
  std::vector<std::smatch> parsed;
  for (const std::string& e : edges) {
    std::smatch m;
    REQUIRE_MESSAGE(std::regex_match(e, m, kEdge), "bad test edge: " << e);
    note_node(m[1].str(), m[2].str());
    note_node(m[4].str(), m[5].str());
    b.add_edge(m[1].str(), m[3].str(), m[4].str(), "src", "p. 1");
  }
  for (const auto& [key, type] : types) b.add_node(key, type, key);
  b.add_node("src", "kamerstuk", "src");
  auto g = std::move(b).build();
  REQUIRE_MESSAGE(g.ok(), g.status().to_string());
  return std::move(g).value();
}

NodeId id(const Graph& g, std::string_view key) {
  auto found = g.find_key(key);
  REQUIRE_MESSAGE(found.has_value(), "no node " << key);
  return *found;
}

std::string render(const Graph& g, const Path& p) {
  std::string out(g.node(p.nodes.front()).key);
  for (std::size_t i = 0; i < p.steps.size(); ++i) {
    const std::string& rel = g.relation_of(p.steps[i].edge).name;
    out += p.steps[i].forward ? " -[" + rel + "]-> " : " <-[" + rel + "]- ";
    out += g.node(p.nodes[i + 1]).key;
  }
  return out;
}

std::string render(const Graph& g, const std::vector<Path>& paths) {
  std::string out;
  for (const Path& p : paths) out += render(g, p) + "\n";
  return out;
}

std::string render(const Graph& g, const std::vector<Reached>& nodes) {
  std::string out;
  for (const Reached& r : nodes) {
    if (!out.empty()) out += " ";
    out += g.node(r.node).key;
    out += ":" + std::to_string(r.depth);
  }
  return out;
}

std::string render(const Graph& g, const std::vector<NodeId>& nodes) {
  std::string out;
  for (NodeId n : nodes) {
    if (!out.empty()) out += " ";
    out += g.node(n).key;
  }
  return out;
}

std::string fixture_text(const std::string& name) {
  std::ifstream in(std::string(KG_FIXTURES) + "/" + name, std::ios::binary);
  REQUIRE(in);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string temp_dir(const std::string& label) {
  static std::atomic<int> counter{0};
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("kg-test-" + std::to_string(::getpid()) + "-" +
                                              std::to_string(counter++) + "-" + label);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir.string();
}

std::string import_fixture(const std::string& name) {
  return import_folder(std::string(KG_FIXTURES) + "/" + name);
}

const Graph& gbvs_graph() {
  static const Graph g = [] {
    auto store = Store::open(import_folder(std::string(KG_SOURCE_DIR) + "/datasets/gbvs-2020"));
    REQUIRE(store.ok());
    auto loaded = store->load_graph();
    REQUIRE(loaded.ok());
    return std::move(loaded).value();
  }();
  return g;
}

std::string import_folder(const std::string& dir) {
  const std::string db = temp_dir("dataset") + "/graph.db";
  ImportReport report = import_dataset(dir, db);
  for (const Status& s : report.problems) FAIL_CHECK(s.to_string());
  REQUIRE(report.ok());
  return db;
}

}  // namespace kg::test
