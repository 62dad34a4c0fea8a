// Tests for kg/resolve.h: every way DESIGN.md §4 lets a user name a node.
#include "kg/resolve.h"

#include <doctest/doctest.h>

#include "kg/store.h"
#include "support/test_graph.h"

namespace {

kg::Graph fixture_graph() {
  auto store = kg::Store::open(kg::test::import_fixture("tiny"));
  REQUIRE(store.ok());
  auto g = store->load_graph();
  REQUIRE(g.ok());
  return std::move(g).value();
}

// The key a text resolves to, or the error with its candidates.
std::string resolve(const kg::Graph& g, const kg::Resolver& r, const std::string& text) {
  auto id = r.resolve(text);
  if (id.ok()) return std::string(g.node(*id).key);
  std::string out = id.status().to_string();
  for (const std::string& c : id.status().candidates()) out += " | " + c;
  return out;
}

}  // namespace

TEST_CASE("Resolve: Kamerstuk citations in every common form") {
  struct Case {
    const char* in;
    const char* key;
  };
  for (const Case& c : std::initializer_list<Case>{
           {"kst-33694-57", "kst-33694-57"},
           {"33694-57", "kst-33694-57"},
           {"33 694, nr. 57", "kst-33694-57"},
           {"Kamerstuk 33 694, nr. 57", "kst-33694-57"},
           {"kamerstuk 33694 nr 57", "kst-33694-57"},
           {"Kamerstukken 33 694, nr. 57", "kst-33694-57"},
           {"35 300 V, nr. 14", "kst-35300-V-14"},
           {"Kamerstuk 35 300 V, nr. 14", "kst-35300-V-14"},
           {"kst-35300-v-14", "kst-35300-V-14"},
           {"35300-V-14", "kst-35300-V-14"},
           {"21 501-02, nr. 1234", "kst-21501-02-1234"},
           {"KST-33694-57", "kst-33694-57"},
       }) {
    CAPTURE(c.in);
    auto key = kg::kamerstuk_key(c.in);
    REQUIRE(key.has_value());
    CHECK(*key == c.key);
  }
  for (const char* not_citation : {"rusland", "33694", "nr. 57", "kst-", "12 34, nr. 5"}) {
    CAPTURE(not_citation);
    CHECK_FALSE(kg::kamerstuk_key(not_citation).has_value());
  }
}

TEST_CASE("Resolve: keys, citations, names, aliases and prefixes") {
  const kg::Graph g = fixture_graph();
  const kg::Resolver r(g);
  struct Case {
    const char* in;
    const char* out;
  };
  for (const Case& c : std::initializer_list<Case>{
           {"navo", "navo"},          // key
           {"NAVO", "navo"},          // key, any case
           {"NATO", "navo"},          // alias
           {"oekraine", "oekraine"},  // name without diacritics
           {"Oekraïne", "oekraine"},
           {"OEKRAÏNE", "oekraine"},
           {"ukraine", "oekraine"},  // English alias
           {"CURACAO", "curacao"},
           {"curaçao", "curacao"},
           {"Straat van Hormuz", "straat-van-hormuz"},
           {"straat  van  hormuz", "straat-van-hormuz"},
           {"Kamerstuk 10 000, nr. 1", "kst-10000-1"},  // citation
           {"10000-2", "kst-10000-2"},
           {"20 500 V, nr. 3", "kst-20500-V-3"},
           {"kst-20500-v-3", "kst-20500-V-3"},  // key look-up ignores case
           {"Russische", "rusland"},            // unique prefix of an alias, whole words
           {"verenigde", "vs"},                 // unique prefix of a name, whole words
           {"Mali", "mali"},                    // exact beats prefix (Malta)
       }) {
    CAPTURE(c.in);
    CHECK(resolve(g, r, c.in) == c.out);
  }
}

TEST_CASE("Resolve: ambiguity lists the matches, no match suggests up to three") {
  const kg::Graph g = fixture_graph();
  const kg::Resolver r(g);
  CHECK(resolve(g, r, "straat") ==
        "error: 'straat' matches 2 nodes | Straat van Dover (straat-van-dover) | "
        "Straat van Hormuz (straat-van-hormuz)");
  // A prefix inside a word matches nothing: it is only suggested, before the typos.
  CHECK(resolve(g, r, "mal") == "error: no node matches 'mal' | Mali (mali) | Malta (malta)");
  CHECK(resolve(g, r, "minu") == "error: no node matches 'minu' | MINUSMA (minusma)");
  auto typo = r.resolve("rusladn");
  REQUIRE_FALSE(typo.ok());
  CHECK(typo.status().kind() == kg::ErrorKind::kNotFound);
  CHECK(resolve(g, r, "rusladn") == "error: no node matches 'rusladn' | Rusland (rusland)");
  CHECK(resolve(g, r, "kst-99999-1") == "error: no Kamerstuk 'kst-99999-1' in this graph");
  CHECK(resolve(g, r, "qqqqqqqqqq") == "error: no node matches 'qqqqqqqqqq'");
  CHECK(r.resolve("   ").status().kind() == kg::ErrorKind::kInvalidArgument);
  auto amb = r.resolve("straat");
  CHECK(amb.status().kind() == kg::ErrorKind::kAmbiguous);
}

TEST_CASE("Resolve: completion lists names and aliases by folded prefix") {
  const kg::Graph g = fixture_graph();
  const kg::Resolver r(g);
  std::string out;
  for (const auto& e : r.complete("straat van h", 10)) out += e.text + ";";
  CHECK(out == "Straat van Hormuz;");  // the key "straat-van-hormuz" has no space
  out.clear();
  for (const auto& e : r.complete("OEK", 10)) out += e.text + ";";
  CHECK(out == "Oekraïne;oekraine;");
}

TEST_CASE("Resolve: a name or alias written as a citation answers to every form of it") {
  // A joint paper published in two dossiers: one node, the second citation as an alias.
  kg::GraphBuilder b;
  b.add_type({"kamerstuk", ""});
  b.add_node("kst-33694-47", "kamerstuk", "Kamerstuk 33 694, nr. 47", {"Kamerstuk 26 643, nr. 47"});
  auto g = std::move(b).build();
  REQUIRE(g.ok());
  const kg::Resolver r(*g);
  for (const char* text : {"26 643, nr. 47", "kst-26643-47", "26643-47",
                           "Kamerstukken 26 643, nr. 47", "33 694, nr. 47"}) {
    CAPTURE(text);
    CHECK(resolve(*g, r, text) == "kst-33694-47");
  }
  CHECK(resolve(*g, r, "26 643, nr. 48") == "error: no Kamerstuk 'kst-26643-48' in this graph");
}

TEST_CASE("Resolve: resolve_match tells an exact match from a prefix guess") {
  const kg::Graph g = fixture_graph();
  const kg::Resolver r(g);
  using Match = kg::Resolver::Match;
  SUBCASE("exact forms are exact, a unique prefix is a guess") {
    for (const char* exact : {"navo", "NATO", "oekraine", "10000-2", "Mali"}) {
      CAPTURE(exact);
      auto m = r.resolve_match(exact);
      REQUIRE(m.ok());
      CHECK(m->match == Match::kExact);
    }
    auto guess = r.resolve_match("Russische");
    REQUIRE(guess.ok());
    CHECK(g.node(guess->node).key == "rusland");
    CHECK(guess->match == Match::kPrefix);
  }
  SUBCASE("without prefixes a guess is not found, naming what it would have taken") {
    auto refused = r.resolve_match("Russische", false);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.status().kind() == kg::ErrorKind::kNotFound);
    CHECK(refused.status().message() ==
          "no node is named 'Russische' (exact names only; it starts 1 name)");
    CHECK(refused.status().candidates() == std::vector<std::string>{"Rusland (rusland)"});
    auto exact = r.resolve_match("Mali", false);  // exact still answers (Malta is not asked)
    REQUIRE(exact.ok());
    CHECK(g.node(exact->node).key == "mali");
    // An ambiguous prefix is refused as well, listing both.
    auto both = r.resolve_match("straat", false);
    REQUIRE_FALSE(both.ok());
    CHECK(both.status().message() ==
          "no node is named 'straat' (exact names only; it starts 2 names)");
    CHECK(both.status().candidates().size() == 2);
  }
}

namespace {

// Names that start, contain or end in one another, as real ones do: an alliance and its summit,
// a principle and a paper whose alias starts with it, a region and a sea.
kg::Graph nested_names() {
  kg::GraphBuilder b;
  b.add_type({"actor", ""});
  b.add_type({"event", ""});
  b.add_type({"kamerstuk", ""});
  b.add_node("top-vilnius", "event", "Top van Vilnius", {"NAVOtop", "Vilnius-top"});
  b.add_node("kst-1-1", "kamerstuk", "Kamerstuk 1, nr. 1",
             {"Internationale rechtsorde in het digitale domein"});
  b.add_node("sahel", "actor", "Sahel", {"Sahelregio"});
  b.add_node("rode-zee", "actor", "Rode Zee", {"Zee, Rode"});
  auto g = std::move(b).build();
  REQUIRE(g.ok());
  return std::move(g).value();
}

}  // namespace

TEST_CASE("Resolve: a name inside a longer name or alias is never a match") {
  const kg::Graph g = nested_names();
  const kg::Resolver r(g);
  SUBCASE("inside, not at the start: no match, and nothing to guess") {
    CHECK(resolve(g, r, "rechtsorde") == "error: no node matches 'rechtsorde'");
    CHECK(resolve(g, r, "digitale domein") == "error: no node matches 'digitale domein'");
    CHECK(resolve(g, r, "van vilnius") == "error: no node matches 'van vilnius'");
  }
  SUBCASE("a prefix that ends inside a word is only a suggestion") {
    CHECK(resolve(g, r, "navo") == "error: no node matches 'navo' | Top van Vilnius (top-vilnius)");
    CHECK(resolve(g, r, "NAVOto") ==
          "error: no node matches 'NAVOto' | Top van Vilnius (top-vilnius)");
    CHECK(resolve(g, r, "internationale rechts") ==
          "error: no node matches 'internationale rechts' | Kamerstuk 1, nr. 1 (kst-1-1)");
    CHECK(resolve(g, r, "sahelr") == "error: no node matches 'sahelr' | Sahel (sahel)");
    CHECK(resolve(g, r, "kst-1-") == "kst-1-1");  // ends with a separator: whole words
  }
  SUBCASE("a prefix of whole words is a guess") {
    for (const char* text : {"internationale rechtsorde", "Internationale rechtsorde in", "rode",
                             "Zee", "zee,", "top van", "vilnius", "vilnius-", "top"}) {
      CAPTURE(text);
      auto m = r.resolve_match(text);
      REQUIRE(m.ok());
      CHECK(m->match == kg::Resolver::Match::kPrefix);
    }
    CHECK(resolve(g, r, "internationale rechtsorde") == "kst-1-1");
    CHECK(resolve(g, r, "Rode") == "rode-zee");
    CHECK(resolve(g, r, "vilnius") == "top-vilnius");  // starts the alias Vilnius-top
  }
  SUBCASE("completion still offers every prefix") {
    std::string out;
    for (const auto& e : r.complete("navo", 10)) out += e.text + ";";
    CHECK(out == "NAVOtop;");
  }
}
