// Tests for graph/src/ingest/corpus.cpp: papers from .txt files and .jsonl corpora, and every
// kind of bad input as one located problem.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "ingest/corpus.h"
#include "support/test_graph.h"

namespace kg::ingest {
namespace {

std::string write(const std::string& dir, const std::string& name, const std::string& content) {
  const std::string path = dir + "/" + name;
  std::ofstream(path, std::ios::binary) << content;
  return path;
}

struct Read {
  std::vector<PaperText> papers;
  std::vector<std::string> problems;
  ReadOutcome outcome;
};

Read read(const std::vector<std::string>& inputs) {
  Read r;
  std::vector<Status> problems;
  const std::size_t papers = 0;
  r.outcome = read_inputs(
      inputs, [&](PaperText&& p) { r.papers.push_back(std::move(p)); }, {}, papers, problems);
  for (const Status& s : problems) r.problems.push_back(s.to_string());
  return r;
}

TEST_CASE("Corpus: a .txt file is one paper named by its file name; CR LF becomes LF") {
  const std::string dir = test::temp_dir("corpus-txt");
  const std::string path = write(dir, "kst-1-2.txt", "Regel een\r\nRegel twee\r\n");
  Read r = read({path});
  CHECK(r.problems.empty());
  REQUIRE(r.papers.size() == 1);
  CHECK(r.papers[0].origin == "kst-1-2.txt");
  CHECK(r.papers[0].line == 0);
  CHECK(r.papers[0].text == "Regel een\nRegel twee\n");
}

TEST_CASE("Corpus: a .jsonl corpus gives one paper a line with its url; bad lines are skipped") {
  const std::string dir = test::temp_dir("corpus-jsonl");
  const std::string path = write(dir, "c.jsonl",
                                 "{\"url\": \"https://example.org/1\", \"text\": \"Een\"}\n"
                                 "{\"url\": \"https://example.org/2\", \"text\": \n"
                                 "\n"
                                 "[1, 2]\n"
                                 "{\"url\": \"https://example.org/3\"}\n"
                                 "{\"url\": 7, \"text\": \"x\"}\n"
                                 "{\"url\": \"https://example.org/4\", \"text\": \"  \"}\n"
                                 "{\"url\": \"https://example.org/5\", \"text\": \"a\\u0000b\"}\n"
                                 "{\"text\": \"Zonder url\"}\n"
                                 "{\"url\": \"https://example.org/6\", \"text\": \"\xC3\x28\"}\n"
                                 "{\"url\": \"https://example.org/7\", \"text\": \"Twee\"}");
  Read r = read({path});
  REQUIRE(r.papers.size() == 3);
  CHECK(r.papers[0].origin == "https://example.org/1");
  CHECK(r.papers[0].line == 1);
  CHECK(r.papers[1].origin == "c.jsonl:9");
  CHECK(r.papers[2].origin == "https://example.org/7");
  CHECK(r.papers[2].line == 11);
  CHECK_FALSE(r.outcome.fatal);
  CHECK(r.outcome.skipped == 7);
  const std::vector<std::string> expected = {
      path + ":2: error: malformed JSON at column 42; line skipped",
      path + ":4: error: not a JSON object with \"url\" and \"text\"; line skipped",
      path + ":5: error: no \"text\" string; line skipped",
      path + ":6: error: \"url\" is not a string; line skipped",
      path + ":7: error: empty text; line skipped",
      path + ":8: error: NUL character in the text; line skipped",
      path + ":10: error: invalid UTF-8 (byte 0xC3); line skipped",
  };
  for (std::size_t i = 0; i < std::max(r.problems.size(), expected.size()); ++i) {
    CHECK(r.problems.at(i) == expected.at(i));
  }
}

TEST_CASE("Corpus: an unusable file is a located problem that stops the run") {
  const std::string dir = test::temp_dir("corpus-bad");
  SUBCASE("empty") {
    const std::string path = write(dir, "leeg.txt", " \n\n");
    Read r = read({path});
    CHECK(r.outcome.fatal);
    CHECK(r.problems == std::vector<std::string>{path + ": error: empty file"});
  }
  SUBCASE("binary") {
    const std::string path = write(dir, "pdf.txt", std::string("%PDF-1.4\nab\0cd", 14));
    Read r = read({path});
    CHECK(r.outcome.fatal);
    CHECK(r.problems ==
          std::vector<std::string>{path + ":2: error: binary file (NUL byte), not a paper's text"});
  }
  SUBCASE("invalid UTF-8") {
    const std::string path = write(dir, "latin1.txt",
                                   "regel\nCura\xE7"
                                   "ao\n");
    Read r = read({path});
    CHECK(r.problems == std::vector<std::string>{path + ":2: error: invalid UTF-8 (byte 0xE7)"});
  }
  SUBCASE("missing, a folder, another kind of file") {
    Read r = read({dir + "/weg.txt", dir, dir + "/tekst.pdf"});
    CHECK(r.outcome.fatal);
    CHECK(r.papers.empty());
    CHECK(r.problems ==
          std::vector<std::string>{
              dir + "/weg.txt: error: cannot read file (no such file)",
              dir + ": error: unknown kind of input (expected a .txt paper or a .jsonl corpus)",
              dir + "/tekst.pdf: error: unknown kind of input (expected a .txt paper or a .jsonl "
                    "corpus)"});
  }
  SUBCASE("a folder named like a paper") {
    std::filesystem::create_directory(dir + "/map.txt");
    Read r = read({dir + "/map.txt"});
    CHECK(r.problems ==
          std::vector<std::string>{
              dir + "/map.txt: error: is a folder, not a paper (.txt) or corpus (.jsonl)"});
  }
}

TEST_CASE("Corpus: after a fatal problem later papers are checked but not handed on") {
  const std::string dir = test::temp_dir("corpus-after");
  const std::string bad = write(dir, "leeg.txt", "");
  const std::string good = write(dir, "goed.txt", "tekst");
  Read r = read({bad, good});
  CHECK(r.outcome.fatal);
  CHECK(r.papers.empty());
  CHECK(r.problems.size() == 1);
}

}  // namespace
}  // namespace kg::ingest
