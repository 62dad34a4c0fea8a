// Identity and citations on the hand-checked sample of the SGD corpus (tests/ingest/sgd-sample/,
// read there; its README gives the keying rules). The corpus is read from
// ../shared/corpora/sgd/documents.jsonl when present (the project does not ship it).
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
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

std::string dash(const std::string& s) {
  return s.empty() ? "-" : s;
}

struct Score {
  std::size_t papers = 0, identified = 0, found = 0, right = 0, truth = 0;
  std::string wrong;  // one line per paper whose identity differs
  double precision() const {
    return found == 0 ? 1.0 : static_cast<double>(right) / static_cast<double>(found);
  }
  double recall() const {
    return truth == 0 ? 1.0 : static_cast<double>(right) / static_cast<double>(truth);
  }
};

// Runs layout, identity and citations on every paper of a hand-checked sample folder
// (papers.tsv, citations.tsv) and scores them; nullopt when the sample or the corpus is absent.
std::optional<Score> evaluate(const std::string& sample) {
  const std::string corpus = shared_path("corpora/sgd/documents.jsonl");
  if (corpus.empty() || !std::filesystem::exists(sample + "papers.tsv")) return std::nullopt;
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
  Score score;
  for (const auto& p : papers) {
    if (p.size() < 7) continue;
    ++score.papers;
    REQUIRE(texts.count(p[0]));
    const auto layout = kg::ingest::read_layout(texts[p[0]]);
    const auto id = kg::ingest::read_identity(layout, p[0]);
    const std::vector<std::string> mine = {dash(id.key),     dash(id.house), dash(id.session),
                                           dash(id.dossier), dash(id.nr),    dash(id.kind)};
    bool same = true;
    for (std::size_t i = 0; i < mine.size(); ++i) same = same && mine[i] == p[i + 1];
    if (same) {
      ++score.identified;
    } else {
      score.wrong += p[0] + ": want";
      for (std::size_t i = 1; i < 7; ++i) score.wrong += " " + p[i];
      score.wrong += "; got";
      for (const auto& m : mine) score.wrong += " " + m;
      score.wrong += "\n";
    }
    for (const auto& c : kg::ingest::find_citations(layout, id)) found.emplace(p[0], c.key);
  }
  for (const auto& f : found) score.right += truth.count(f);
  score.found = found.size();
  score.truth = truth.size();
  std::string missed, extra;
  for (const auto& t : truth) {
    if (!found.count(t)) missed += " " + t.second + " (" + t.first + ")";
  }
  for (const auto& f : found) {
    if (!truth.count(f)) extra += " " + f.second + " (" + f.first + ")";
  }
  MESSAGE(sample << ": identity " << score.identified << "/" << score.papers
                 << " papers; citations " << score.right << " of " << score.found
                 << " found are right (precision " << score.precision() << "), " << score.right
                 << " of " << score.truth << " true found (recall " << score.recall() << ")"
                 << (missed.empty() ? std::string() : "; missed:" + missed)
                 << (extra.empty() ? std::string() : "; not citations:" + extra));
  return score;
}

}  // namespace

// The sample the rules were written against: every paper and citation must come out right.
TEST_CASE("Ingest SGD sample: identity and citations against the hand-checked truth") {
  const auto score = evaluate(std::string(KG_SOURCE_DIR) + "/tests/ingest/sgd-sample/");
  if (!score) {
    MESSAGE("skipped: needs ../shared/corpora/sgd/documents.jsonl and tests/ingest/sgd-sample/");
    return;
  }
  CHECK(score->wrong == "");
  CHECK(score->precision() >= 0.98);
  CHECK(score->recall() >= 0.95);
}

// A second sample drawn and checked after the rules were written, never used to tune them: the
// honest measure. Measured when it was added (2026-12-01): keys 24 of 25, identity 23 of 30 (the
// rest differ in `kind`), citation precision 28/29 and recall 28/34 — below the 98%/95% bars the
// tuning sample meets. The misses are Aanhangsel references, a four-digit 1967 dossier, and two
// reader decisions (a page range split in two, a session inferred from the subject). These
// floors guard what was measured; raising them to the bars is the open work of the ingest issue,
// and the rules must not be tuned on this sample (draw another one to check a change).
TEST_CASE("Ingest SGD held-out sample: papers the rules never saw") {
  const auto score = evaluate(std::string(KG_SOURCE_DIR) + "/tests/ingest/sgd-heldout/");
  if (!score) {
    MESSAGE("skipped: needs ../shared/corpora/sgd/documents.jsonl and tests/ingest/sgd-heldout/");
    return;
  }
  if (!score->wrong.empty()) MESSAGE("identity differs:\n" << score->wrong);
  CHECK(score->identified >= 23);
  CHECK(score->precision() >= 28.0 / 29.0);
  CHECK(score->recall() >= 28.0 / 34.0);
}
