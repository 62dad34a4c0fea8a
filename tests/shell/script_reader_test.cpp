// Tests for shell/script_reader.cpp: the continuation rules every reader shares
// (LineReader::next), ScriptReader's line numbers, and the one loop (Session::run) they feed.
#include <doctest/doctest.h>

#include <sstream>

#include "line_reader.h"
#include "support/tiny_session.h"

namespace {

// Every command of a script as "WHERE|COMMAND" lines.
std::string commands_of(const std::string& text, const std::string& name = "q.kg") {
  std::istringstream in(text);
  kg::shell::ScriptReader reader(in, name);
  std::string out;
  while (auto c = reader.next()) out += reader.where() + "|" + *c + "\n";
  return out;
}

// An interactive reader without a terminal: its lines come from a list, "^C" cancels.
class ScriptedKeyboard : public kg::shell::LineReader {
 public:
  explicit ScriptedKeyboard(std::vector<std::string> lines) : lines_(std::move(lines)) {}
  std::string where() const override { return {}; }
  std::vector<std::string> history;

 protected:
  Got read_line(bool, std::string& line) override {
    if (next_ == lines_.size()) return Got::kEnd;
    line = lines_[next_++];
    return line == "^C" ? Got::kCancelled : Got::kLine;
  }
  void accepted(const std::string& command) override { history.push_back(command); }

 private:
  std::vector<std::string> lines_;
  std::size_t next_ = 0;
};

}  // namespace

TEST_CASE("ScriptReader: one command per line, continuations joined, first line numbered") {
  CHECK(commands_of("stats\ntypes\n") == "q.kg:1|stats\nq.kg:2|types\n");
  CHECK(commands_of("path rusland \\\n  navo\nstats") ==
        "q.kg:1|path rusland    navo\nq.kg:3|stats\n");
  CHECK(commands_of("show malta\r\nstats\r\n") == "q.kg:1|show malta\nq.kg:2|stats\n");
  CHECK(commands_of("a \\\r\nb\r\n") == "q.kg:1|a  b\n");  // the \ becomes a space
  CHECK(commands_of("stats \\") == "q.kg:1|stats  \n");    // a trailing \ at the end still runs
  CHECK(commands_of("\n\nstats\n") == "q.kg:1|\nq.kg:2|\nq.kg:3|stats\n");
  CHECK(commands_of("") == "");
  CHECK(commands_of("stats\n", "") == "|stats\n");  // -c: no location
}

TEST_CASE("ScriptReader: a cancelled line drops the command being typed") {
  ScriptedKeyboard keys({"path rusland \\", "^C", "show malta", "types \\", "^C", "stats"});
  CHECK(keys.next() == "show malta");
  CHECK(keys.next() == "stats");
  CHECK(keys.next() == std::nullopt);
  CHECK(keys.history == std::vector<std::string>{"show malta", "stats"});
}

TEST_CASE("ScriptReader: interactive input and scripts share the loop, bail included") {
  kg::test::TinySession f;
  SUBCASE("without bail every command runs") {
    ScriptedKeyboard keys({"bogus", "show malta", ".quit", "stats"});
    CHECK_FALSE(f.session.run(keys));
    CHECK(f.err.text() == "error: unknown command 'bogus'; type help for the list\n");
    CHECK(f.out.text().starts_with("Malta (malta) — actor\n"));
    CHECK(f.session.failures() == 1);
  }
  SUBCASE("with bail the first failure ends the session") {
    f.session.settings.bail = true;
    ScriptedKeyboard keys({"bogus", "show malta"});
    CHECK_FALSE(f.session.run(keys));
    CHECK(f.out.text() == "");
    CHECK(f.session.bailed());
  }
}
