// Tests for graph/src/dataset.h: reading folders and merging several into one Dataset
// (references, agreeing vocabularies, one definition a key), on the fixtures in
// tests/fixtures/merge/. The one-folder checks are pinned in importer_test.cpp.
#include "dataset.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "support/test_graph.h"

namespace fs = std::filesystem;

namespace {

const std::string kMerge = std::string(KG_FIXTURES) + "/merge/";

// Replaces every occurrence of `from` in `text` by `to`.
std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  for (std::size_t at = text.find(from); at != std::string::npos;
       at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

struct Read {
  kg::Dataset data;
  std::string messages;  // warnings, then problems, one a line in file and line order
};

// Warnings, then problems, one a line in file and line order, with `root` cut from the paths.
std::string in_place_order(std::vector<kg::ImportWarning> warnings,
                           std::vector<kg::Status> problems, const std::string& root) {
  auto by_place = [](const kg::Location& a, const kg::Location& b) {
    return std::tie(a.file, a.line) < std::tie(b.file, b.line);
  };
  std::stable_sort(warnings.begin(), warnings.end(),
                   [&](const auto& a, const auto& b) { return by_place(a.where, b.where); });
  std::stable_sort(problems.begin(), problems.end(),
                   [&](const auto& a, const auto& b) { return by_place(a.where(), b.where()); });
  const auto line = [&](const std::string& text) {
    return (root.empty() ? text : replace_all(text, root, "")) + "\n";
  };
  std::string out;
  for (const kg::ImportWarning& w : warnings) out += line(w.to_string());
  for (const kg::Status& s : problems) out += line(s.to_string());
  return out;
}

// Reads `dirs` (full paths); messages show paths relative to `root`.
Read read_in(const std::string& root, const std::vector<std::string>& dirs) {
  std::vector<kg::Status> problems;
  std::vector<kg::ImportWarning> warnings;
  Read r{kg::read_datasets(dirs, problems, warnings), {}};
  r.messages = in_place_order(std::move(warnings), std::move(problems), root);
  return r;
}

// Reads fixture folders of tests/fixtures/merge by name.
Read read(const std::vector<std::string>& names) {
  std::vector<std::string> dirs;
  for (const std::string& n : names) dirs.push_back(kMerge + n);
  return read_in(kMerge, dirs);
}

std::string keys(const kg::Dataset& d) {
  std::vector<std::string> out;
  for (const kg::DatasetNode& n : d.nodes) out.push_back(n.key + ":" + n.type);
  std::sort(out.begin(), out.end());
  std::string s;
  for (const std::string& k : out) s += (s.empty() ? "" : " ") + k;
  return s;
}

// A writable copy of some merge fixture folders under one temp folder.
struct Copy {
  explicit Copy(const std::vector<std::string>& names) : root(kg::test::temp_dir("merge") + "/") {
    for (const std::string& n : names) fs::copy(kMerge + n, root + n);
  }
  void append(const std::string& file, const std::string& text) const {
    std::ofstream(root + file, std::ios::app) << text;
  }
  Read read(const std::vector<std::string>& names) const {
    std::vector<std::string> dirs;
    for (const std::string& n : names) dirs.push_back(root + n);
    return read_in(root, dirs);
  }
  std::string root;
};

}  // namespace

TEST_CASE("Dataset: two folders merge into one vocabulary and one node per key") {
  const Read r = read({"base", "draft"});
  CHECK(r.messages ==
        "draft/relations.csv:2: warning: relation 'participates_in' is described differently at "
        "base/relations.csv:3 (that description is kept)\n"
        "draft/types.csv:3: warning: type 'kamerstuk' is described differently at "
        "base/types.csv:3 (that description is kept)\n");
  std::string types;
  for (const kg::DatasetType& t : r.data.types) types += t.name + "=" + t.description + ";";
  CHECK(types ==
        "actor=A state or organisation;kamerstuk=A parliamentary paper;"
        "mission=A mission or operation;place=A region or place;");
  std::string relations;
  for (const kg::DatasetRelation& rel : r.data.relations) {
    relations += rel.name + ":" + rel.description + ":";
    for (const std::string& t : rel.to_types) relations += t + "|";
    relations += ";";
  }
  CHECK(relations ==
        "member_of:Membership:actor|;participates_in:Takes part in:mission|place|;"
        "cites:Refers to another paper:kamerstuk|;");
  // References and the identical copy of 'nederland' add no node.
  CHECK(keys(r.data) ==
        "kst-90000-1:kamerstuk kst-90000-2:kamerstuk missie-noord:mission navo:actor "
        "nederland:actor sahel:place");
  std::string edges;
  for (const kg::DatasetEdge& e : r.data.edges) {
    edges += e.origin + " " + e.from + " -" + e.relation + "-> " + e.to + " @" + e.source + "\n";
  }
  CHECK(edges ==
        "base/edges.csv:2 nederland -member_of-> navo @kst-90000-1\n"
        "base/edges.csv:3 navo -participates_in-> missie-noord @kst-90000-1\n"
        "draft/edges.csv:2 navo -participates_in-> sahel @kst-90000-2\n"
        "draft/edges.csv:3 kst-90000-2 -cites-> kst-90000-1 @kst-90000-2\n"
        "draft/edges.csv:4 nederland -participates_in-> sahel @kst-90000-1\n");
}

TEST_CASE("Dataset: folder order decides what is kept, not whether it merges") {
  const Read r = read({"draft", "base"});
  CHECK(r.messages ==
        "base/relations.csv:3: warning: relation 'participates_in' is described differently at "
        "draft/relations.csv:2 (that description is kept)\n"
        "base/types.csv:3: warning: type 'kamerstuk' is described differently at "
        "draft/types.csv:3 (that description is kept)\n");
  CHECK(keys(r.data) ==
        "kst-90000-1:kamerstuk kst-90000-2:kamerstuk missie-noord:mission navo:actor "
        "nederland:actor sahel:place");
  REQUIRE(r.data.edges.size() == 5);
  CHECK(r.data.edges.front().origin == "draft/edges.csv:2");
  CHECK(r.data.types[1].description == "A paper sent to parliament");
}

TEST_CASE("Dataset: each merge conflict is one error naming both places") {
  CHECK(
      read({"base", "broken"}).messages ==
      "broken/edges.csv:2: error: unknown relation 'participates_in' (declared at "
      "base/relations.csv:3, but each folder must declare the relations it uses)\n"
      "broken/edges.csv:3: error: relation 'party_to' cannot go to actor 'navo' (allowed: treaty)\n"
      "broken/nodes.csv:2: error: duplicate node key 'navo' (first at base/nodes.csv:3; the "
      "definitions differ in description)\n"
      "broken/nodes.csv:3: error: node 'missie-noord' is referenced here as treaty but defined "
      "as mission at base/nodes.csv:4\n"
      "broken/nodes.csv:4: error: node 'onbekend' is referenced here but defined in none of the "
      "folders\n"
      "broken/nodes.csv:6: error: alias 'nl' is already claimed by node 'nederland' "
      "(base/nodes.csv:2)\n"
      "broken/relations.csv:2: error: relation 'member_of' reads 'is lid van' / 'is lid "
      "geworden van' here but 'is lid van' / 'heeft als lid' at base/relations.csv:2 (label and "
      "inverse must agree)\n");
}

TEST_CASE("Dataset: a reference needs a definition in one of the folders") {
  CHECK(read({"draft"}).messages ==
        "draft/nodes.csv:2: error: node 'navo' is referenced here but defined in none of the "
        "folders\n"
        "draft/nodes.csv:3: error: node 'kst-90000-1' is referenced here but defined in none of "
        "the folders\n");
  SUBCASE("several references to one key are fine, in any folder") {
    Copy c({"base", "draft"});
    c.append("draft/nodes.csv", "navo,actor,,,,\n");
    c.append("base/nodes.csv", "sahel,place,,,,\n");
    c.append("base/types.csv", "place,A region\n");
    CHECK(c.read({"base", "draft"}).messages.find("error") == std::string::npos);
  }
  SUBCASE("a reference with a type its folder does not declare") {
    Copy c({"base", "draft"});
    c.append("draft/nodes.csv", "missie-noord,mission,,,,\n");
    CHECK(c.read({"base", "draft"})
              .messages.ends_with(
                  "draft/nodes.csv:7: error: unknown type 'mission' in column 'type' (declared at "
                  "base/types.csv:4, but each folder must declare the types it uses)\n"));
  }
}

TEST_CASE("Dataset: each folder's edges are checked against its own relations") {
  Copy c({"base", "draft"});
  // draft declares participates_in to places only, although base allows missions.
  c.append("draft/edges.csv", "navo,participates_in,missie-noord,kst-90000-2,p. 5,\n");
  // base declares participates_in to missions only, although draft allows places.
  c.append("base/edges.csv", "navo,participates_in,sahel,kst-90000-1,p. 6,\n");
  const std::string m = c.read({"base", "draft"}).messages;
  CHECK(m.find("base/edges.csv:4: error: relation 'participates_in' cannot go to place 'sahel' "
               "(allowed: mission)\n") != std::string::npos);
  CHECK(m.find("draft/edges.csv:5: error: relation 'participates_in' cannot go to mission "
               "'missie-noord' (allowed: place)\n") != std::string::npos);
}

TEST_CASE("Dataset: duplicate definitions") {
  SUBCASE("an identical copy in another folder is one node") {
    Copy c({"base", "draft"});
    c.append("draft/nodes.csv",
             "missie-noord,mission,Missie Noord,,An invented training mission,\n");
    c.append("draft/types.csv", "mission,A mission or operation\n");
    const Read r = c.read({"base", "draft"});
    CHECK(r.messages.find("error") == std::string::npos);
    CHECK(r.data.nodes.size() == 6);
  }
  SUBCASE("attribute columns may come in another order") {
    Copy c({"base"});
    fs::create_directory(c.root + "other");
    for (const char* f : {"types.csv", "relations.csv"})
      fs::copy(c.root + "base/" + f, c.root + "other/" + f);
    std::ofstream(c.root + "other/nodes.csv")
        << "kind,key,name,type,description,aliases\n"
           "state,nederland,Nederland,actor,The Netherlands,NL\n";
    CHECK(c.read({"base", "other"}).messages == "");
  }
  SUBCASE("the same key in one folder, defined differently, keeps the one-folder message") {
    Copy c({"base"});
    c.append("base/nodes.csv", "navo,actor,NAVO,NATO,Another text,organisation\n");
    CHECK(c.read({"base"}).messages ==
          "base/nodes.csv:6: error: duplicate node key 'navo' (first at nodes.csv:3)\n");
  }
  SUBCASE("several differences are all named") {
    Copy c({"base", "draft"});
    c.append("draft/nodes.csv",
             "missie-noord,place,Missie Zuid,MZ,An invented training mission,\n");
    CHECK(c.read({"base", "draft"})
              .messages.ends_with("draft/nodes.csv:7: error: duplicate node key 'missie-noord' "
                                  "(first at base/nodes.csv:4; "
                                  "the definitions differ in type, name, aliases)\n"));
  }
}

TEST_CASE("Dataset: the same folder twice is refused") {
  const Read r = read_in(kMerge, {kMerge + "base", kMerge + "base/"});
  CHECK(r.messages == "base/: error: the same folder is given twice (also as base)\n");
}

TEST_CASE("Dataset: one folder keeps its edge origins without the folder") {
  const Read r = read({"base"});
  REQUIRE(r.messages == "");
  REQUIRE(r.data.edges.size() == 2);
  CHECK(r.data.edges[0].origin == "edges.csv:2");
}

TEST_CASE("Dataset: what is not a readable regular file is a located error, never an exception") {
  Copy c({"base"});
  const std::string d = c.root + "base/";
  SUBCASE("a symbolic link loop") {
    fs::create_symlink("nodes-loop.csv", d + "nodes-loop.csv");
    CHECK(c.read({"base"}).messages ==
          "base/nodes-loop.csv: error: cannot read file (Too many levels of symbolic links)\n");
  }
  SUBCASE("a dangling symbolic link") {
    fs::create_symlink("nowhere.csv", d + "edges-gone.csv");
    CHECK(c.read({"base"}).messages ==
          "base/edges-gone.csv: error: cannot read file (No such file or directory)\n");
  }
  SUBCASE("a directory named like a CSV file") {
    fs::create_directory(d + "nodes.csv.d");  // not a .csv name: ignored like README.md
    fs::create_directory(d + "edges-more.csv");
    CHECK(c.read({"base"}).messages ==
          "base/edges-more.csv: error: not a regular file (a directory)\n");
  }
  SUBCASE("the only nodes file a directory: no unknown nodes reported for the edges") {
    fs::remove(d + "nodes.csv");
    fs::create_directory(d + "nodes.csv");
    CHECK(c.read({"base"}).messages ==
          "base/nodes.csv: error: not a regular file (a directory)\n"
          "base/nodes.csv: error: missing file (a dataset needs at least one nodes*.csv)\n");
  }
  SUBCASE("a device named like a CSV file") {
    fs::create_symlink("/dev/null", d + "nodes-null.csv");
    CHECK(c.read({"base"}).messages ==
          "base/nodes-null.csv: error: not a regular file (a device)\n");
  }
  SUBCASE("the folder itself a symbolic link loop") {
    fs::create_symlink(c.root + "loop", c.root + "loop");
    CHECK(c.read({"loop"}).messages ==
          "loop: error: not a dataset folder (Too many levels of symbolic links)\n");
  }
}

TEST_CASE("Dataset: a header-only edges file holds no edges") {
  Copy c({"base"});
  std::ofstream(c.root + "base/edges-empty.csv") << "from,relation,to,source,locator,note\n";
  const Read r = c.read({"base"});
  CHECK(r.messages == "");
  CHECK(r.data.edges.size() == 2);
}

TEST_CASE("Dataset: a self-loop is rejected") {
  Copy c({"base"});
  c.append("base/edges.csv", "navo,member_of,NAVO,kst-90000-1,p. 1,\n");
  CHECK(
      c.read({"base"}).messages ==
      "base/edges.csv:4: error: edge from 'navo' to itself (a fact relates two different nodes)\n");
}

TEST_CASE("Dataset: a rejected row is reported once, not again where it is used") {
  Copy c({"base"});
  SUBCASE("a node row with a field too many") {
    c.append("base/nodes.csv", "frankrijk,actor,Frankrijk,,France,state,extra\n");
    c.append("base/edges.csv", "frankrijk,member_of,navo,kst-90000-1,p. 1,\n");
    CHECK(c.read({"base"}).messages ==
          "base/nodes.csv:6: error: expected 6 fields as in the header, found 7\n");
  }
  SUBCASE("a node row with a stray quote") {
    c.append("base/nodes.csv", "frankrijk,actor,Frank\"rijk,,,state\n");
    c.append("base/edges.csv", "navo,member_of,frankrijk,kst-90000-1,p. 1,\n");
    CHECK(c.read({"base"}).messages ==
          "base/nodes.csv:6: error: quote inside an unquoted field (quote the whole field and "
          "double the quote)\n");
  }
  SUBCASE("a nodes file cut short by an unterminated quote") {
    c.append("base/nodes.csv",
             "frankrijk,actor,\"Frankrijk,,,state\nduitsland,actor,Duitsland,,,state\n");
    c.append("base/edges.csv", "duitsland,member_of,navo,kst-90000-1,p. 1,\n");
    CHECK(c.read({"base"}).messages == "base/nodes.csv:6: error: unterminated quoted field\n");
  }
  SUBCASE("a node of an unknown type, used by an edge") {
    c.append("base/nodes.csv", "frankrijk,actr,Frankrijk,,,state\n");
    c.append("base/edges.csv", "frankrijk,member_of,navo,kst-90000-1,p. 1,\n");
    CHECK(
        c.read({"base"}).messages ==
        "base/nodes.csv:6: error: unknown type 'actr' in column 'type' (did you mean 'actor'?)\n");
  }
  SUBCASE("a type row with an invalid name") {
    c.append("base/types.csv", "Place,A place\n");
    c.append("base/nodes.csv", "sahel,Place,Sahel,,,\n");
    CHECK(c.read({"base"}).messages ==
          "base/types.csv:5: error: invalid type name 'Place' (use lowercase letters, digits and "
          "_)\n");
  }
  SUBCASE("a relation row the CSV reader rejected") {
    c.append("base/relations.csv", "allied_with,is bondgenoot van,is bondgenoot van,actor,actor\n");
    c.append("base/edges.csv", "nederland,allied_with,navo,kst-90000-1,p. 1,\n");
    CHECK(c.read({"base"}).messages ==
          "base/relations.csv:5: error: expected 6 fields as in the header, found 5\n");
  }
}

namespace {

// check_datasets on files in memory, messages as read_in gives them (problems in place order).
Read check(const std::vector<kg::DatasetFolder>& folders) {
  std::vector<kg::Status> problems;
  std::vector<kg::ImportWarning> warnings;
  Read r{kg::check_datasets(folders, problems, warnings), {}};
  r.messages = in_place_order(std::move(warnings), std::move(problems), "");
  return r;
}

// A small valid folder in memory: two actors, a paper, one edge.
const std::string kTypes = "name,description\nactor,A state\nkamerstuk,A paper\n";
const std::string kRelations =
    "name,label,inverse,from,to\nmember_of,is lid van,heeft als lid,"
    "actor,actor\n";
const std::string kNodes =
    "key,type,name\nnl,actor,Nederland\nnavo,actor,NAVO\nkst-1-1,kamerstuk,Brief\n";
const std::string kEdges = "from,relation,to,source,locator\nnl,member_of,navo,kst-1-1,p. 1\n";

}  // namespace

TEST_CASE("Dataset: files in memory give what the same files on disk give") {
  for (const std::vector<std::string>& names : std::vector<std::vector<std::string>>{
           {"base"}, {"base", "draft"}, {"base", "broken"}, {"base", "gbvs-draft"}}) {
    CAPTURE(names.size());
    CAPTURE(names.back());
    std::vector<std::string> texts;  // the views below point into these
    texts.reserve(4 * names.size());
    std::vector<kg::DatasetFolder> folders;
    for (const std::string& n : names) {
      kg::DatasetFolder folder{kMerge + n, {}, false};
      for (const char* file : {"edges.csv", "nodes.csv", "relations.csv", "types.csv"}) {
        texts.push_back(kg::test::fixture_text("merge/" + n + "/" + file));
        folder.files.push_back({file, texts.back()});
      }
      folders.push_back(std::move(folder));
    }
    const Read on_disk = read(names);
    const Read in_memory = check(folders);
    CHECK(replace_all(in_memory.messages, kMerge, "") == on_disk.messages);
    CHECK(keys(in_memory.data) == keys(on_disk.data));
    CHECK(in_memory.data.edges.size() == on_disk.data.edges.size());
    CHECK(in_memory.data.relations.size() == on_disk.data.relations.size());
  }
}

TEST_CASE("Dataset: in memory, a file's name decides its role, not its place in the list") {
  SUBCASE("any order, other names ignored, review.csv ignored") {
    const Read r = check({{"d",
                           {{"edges.csv", kEdges},
                            {"README.md", "not data"},
                            {"review.csv", "\"unterminated"},
                            {"nodes.csv", kNodes},
                            {"relations.csv", kRelations},
                            {"types.csv", kTypes}},
                           false}});
    CHECK(r.messages == "");
    CHECK(keys(r.data) == "kst-1-1:kamerstuk navo:actor nl:actor");
    REQUIRE(r.data.edges.size() == 1);
    CHECK(r.data.edges[0].origin == "edges.csv:2");
  }
  SUBCASE("an unexpected .csv name and missing files") {
    const Read r = check({{"d", {{"extra.csv", "x\n"}, {"edges.csv", kEdges}}, false}});
    CHECK(r.messages ==
          "d/extra.csv: error: unexpected file name (expected types.csv, relations.csv, "
          "nodes*.csv, edges*.csv or review.csv)\n"
          "d/nodes.csv: error: missing file (a dataset needs at least one nodes*.csv)\n"
          "d/relations.csv: error: missing file\n"
          "d/types.csv: error: missing file\n");
  }
  SUBCASE("an edge naming a node that is nowhere") {
    const std::string edges = kEdges + "nl,member_of,eu,kst-1-1,p. 2\n";
    const std::vector<kg::DatasetFile> files = {{"types.csv", kTypes},
                                                {"relations.csv", kRelations},
                                                {"nodes.csv", kNodes},
                                                {"edges.csv", edges}};
    CHECK(check({{"d", files, false}}).messages ==
          "d/edges.csv:3: error: unknown node 'eu' in column 'to'\n");
    // The caller lost a nodes file (and said so): 'eu' may have been in it.
    CHECK(check({{"d", files, true}}).messages == "");
  }
  SUBCASE("no folder at all") {
    const Read r = check({});
    CHECK(r.messages == "");
    CHECK(r.data.nodes.empty());
  }
}

TEST_CASE("Dataset: an unknown type suggests a declared one by the shared rule of kg/suggest.h") {
  const std::vector<kg::DatasetFile> base = {
      {"types.csv", kTypes}, {"relations.csv", kRelations}, {"edges.csv", kEdges}};
  auto with_node = [&](const std::string& row) {
    static std::string nodes;
    nodes = kNodes + row + "\n";
    std::vector<kg::DatasetFile> files = base;
    files.push_back({"nodes.csv", nodes});
    return check({{"d", files, false}}).messages;
  };
  // One slip in five letters is near enough; two are not (a third of the letters, at least 1).
  CHECK(with_node("fr,acter,Frankrijk") ==
        "d/nodes.csv:5: error: unknown type 'acter' in column 'type' (did you mean 'actor'?)\n");
  CHECK(with_node("fr,akter,Frankrijk") ==
        "d/nodes.csv:5: error: unknown type 'akter' in column 'type'\n");
  CHECK(with_node("fr,kamerstk,Frankrijk") ==
        "d/nodes.csv:5: error: unknown type 'kamerstk' in column 'type' (did you mean "
        "'kamerstuk'?)\n");
}

TEST_CASE("Dataset: keys and names of types and relations, character by character") {
  auto problems_for = [](const std::string& types, const std::string& relations,
                         const std::string& nodes) {
    static std::string t, r, n;  // the views below point into these
    t = kTypes + types;
    r = kRelations + relations;
    n = kNodes + nodes;
    return check(
               {{"d",
                 {{"types.csv", t}, {"relations.csv", r}, {"nodes.csv", n}, {"edges.csv", kEdges}},
                 false}})
        .messages;
  };
  SUBCASE("keys: lowercase letters and digits in words joined by single hyphens") {
    CHECK(problems_for("", "", "a-1-b2,actor,A\n9,actor,Nine\n") == "");
    // A kamerstuk key may hold capitals (a dossier suffix).
    CHECK(problems_for("", "", "kst-35300-V-14,kamerstuk,Begroting\n") == "");
    for (const char* key : {"A", "a--b", "-a", "a-", "a_b", "a b", "é", "kst-35300-V-14"}) {
      CAPTURE(key);
      CHECK(problems_for("", "", std::string(key) + ",actor,X\n") ==
            "d/nodes.csv:5: error: invalid key '" + std::string(key) +
                "' (use lowercase letters, digits and -)\n");
    }
  }
  SUBCASE("type and relation names: a lowercase letter, then lowercase letters, digits and _") {
    CHECK(problems_for("a_1,x\n", "b_2,l,i,actor,actor\n", "") == "");
    for (const char* name : {"1a", "_a", "A", "a-b", "a b"}) {
      CAPTURE(name);
      CHECK(problems_for(std::string(name) + ",x\n", "", "") ==
            "d/types.csv:4: error: invalid type name '" + std::string(name) +
                "' (use lowercase letters, digits and _)\n");
      CHECK(problems_for("", std::string(name) + ",l,i,actor,actor\n", "") ==
            "d/relations.csv:3: error: invalid relation name '" + std::string(name) +
                "' (use lowercase letters, digits and _)\n");
    }
  }
}
