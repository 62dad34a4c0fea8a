// Identity and citations on the hand-checked sample of the SGD corpus (tests/ingest/sgd-sample/,
// read there; its README gives the keying rules). The corpus is read from
// ../shared/corpora/sgd/documents.jsonl when present (the project does not ship it).
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "ingest/citations.h"

namespace {

std::string shared_path(const std::string& rel) {
  for (const char* up : {"/../shared/", "/../../shared/"}) {
    const std::string p = std::string(KG_SOURCE_DIR) + up + rel;
    if (std::filesystem::exists(p)) return p;
  }
  return {};
}

std::vector<std::vector<std::string>> read_tsv(const std::string& path) {
  std::vector<std::vector<std::string>> rows;
  std::ifstream in(path);
  std::string line;
  bool header = true;
  while (std::getline(in, line)) {
    if (header) {
      header = false;
      continue;
    }
    if (line.empty()) continue;
    std::vector<std::string> f;
    std::stringstream s(line);
    std::string field;
    while (std::getline(s, field, '\t')) f.push_back(field);
    rows.push_back(std::move(f));
  }
  return rows;
}

std::string dash(const std::string& s) { return s.empty() ? "-" : s; }

}  // namespace

TEST_CASE("Ingest SGD sample: identity and citations against the hand-checked truth") {
  const std::string sample = std::string(KG_SOURCE_DIR) + "/tests/ingest/sgd-sample/";
  const std::string corpus = shared_path("corpora/sgd/documents.jsonl");
  if (corpus.empty() || !std::filesystem::exists(sample + "papers.tsv")) {
    MESSAGE("skipped: needs ../shared/corpora/sgd/documents.jsonl and tests/ingest/sgd-sample/");
    return;
  }
  const auto papers = read_tsv(sample + "papers.tsv");
  const auto cited = read_tsv(sample + "citations.tsv");
  std::set<std::string> wanted;
  for (const auto& p : papers) {
    if (!p.empty()) wanted.insert(p[0]);
  }
  std::map<std::string, std::string> texts;
  std::ifstream in(corpus);
  std::string line;
  while (std::getline(in, line)) {
    const auto j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.contains("url")) continue;
    const std::string url = j["url"].get<std::string>();
    if (wanted.count(url)) texts[url] = j["text"].get<std::string>();
  }

  std::set<std::pair<std::string, std::string>> truth;
  for (const auto& c : cited) {
    if (c.size() >= 2) truth.emplace(c[0], c[1]);
  }
  std::set<std::pair<std::string, std::string>> found;
  std::string wrong;
  int identified = 0;
  for (const auto& p : papers) {
    if (p.size() < 7) continue;
    REQUIRE(texts.count(p[0]));
    const auto layout = kg::ingest::read_layout(texts[p[0]]);
    const auto id = kg::ingest::read_identity(layout, p[0]);
    const std::vector<std::string> mine = {dash(id.key),     dash(id.house), dash(id.session),
                                           dash(id.dossier), dash(id.nr),    dash(id.kind)};
    bool same = true;
    for (std::size_t i = 0; i < mine.size(); ++i) same = same && mine[i] == p[i + 1];
    if (same) {
      ++identified;
    } else {
      wrong += p[0] + ": want";
      for (std::size_t i = 1; i < 7; ++i) wrong += " " + p[i];
      wrong += "; got";
      for (const auto& m : mine) wrong += " " + m;
      wrong += "\n";
    }
    for (const auto& c : kg::ingest::find_citations(layout, id)) found.emplace(p[0], c.key);
  }
  std::size_t hits = 0;
  for (const auto& f : found) hits += truth.count(f);
  const double precision = found.empty() ? 1.0 : static_cast<double>(hits) / static_cast<double>(found.size());
  const double recall = truth.empty() ? 1.0 : static_cast<double>(hits) / static_cast<double>(truth.size());
  MESSAGE("SGD sample: identity " << identified << "/" << papers.size() << " papers; citations "
                                  << hits << " of " << found.size() << " found are right (precision "
                                  << precision << "), " << hits << " of " << truth.size()
                                  << " true found (recall " << recall << ")");
  CHECK(wrong == "");
  CHECK(precision >= 0.98);
  CHECK(recall >= 0.95);
}
