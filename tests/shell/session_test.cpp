// Tests for shell/session.h: executing lines, settings, redirection and error descriptions.
// (Whole scripts with expected output are end-to-end tests under tests/e2e.)
#include "session.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "support/test_graph.h"
#include "support/tiny_session.h"

using Fixture = kg::test::TinySession;

TEST_CASE("Session: settings print themselves as commands to type back") {
  Fixture f;
  CHECK(f.run(".mode json") == "");
  CHECK(f.run(".headers") == ".headers on\n");
  CHECK(f.run(".pager") == ".pager on\n");
  CHECK(f.run(".pager off") == "");
  CHECK(f.run(".pager") == ".pager off\n");
  CHECK(f.run(".mode xml") ==
        "error: unknown format 'xml' (use table, csv, tsv, json, dot, graphml, gexf or svg)");
  CHECK(f.run(".sources") == ".sources off\n");
  CHECK(f.run(".sources on") == "");
  CHECK(f.run(".sources") == ".sources on\n");
  CHECK(f.run(".timer maybe") == "error: .timer takes on or off, not 'maybe'");
  CHECK(f.run(".limit") == ".limit visited 1000000\n.limit results 10000\n.limit hubs 36\n");
  CHECK(f.run(".limit results 5") == "");
  CHECK(f.run(".limit hubs 3") == "");
  CHECK(f.run(".limit") == ".limit visited 1000000\n.limit results 5\n.limit hubs 3\n");
  CHECK(f.run(".avoid") == ".avoid none\n");
  CHECK(f.run(".avoid navo,cwv") == "");
  CHECK(f.run(".avoid") == ".avoid navo,cwv\n");
  CHECK(f.run(".avoid navo,rusladn").starts_with("error: no node matches 'rusladn'"));
  CHECK(f.run(".avoid") == ".avoid navo,cwv\n");
  CHECK(f.run(".avoid none") == "");
  CHECK(f.run(".avoid") == ".avoid none\n");
  CHECK(f.run(".limit results 0") == "error: .limit needs a whole number of at least 1, not '0'");
}

TEST_CASE("Session: errors are one line with candidates folded in") {
  Fixture f;
  CHECK(f.run("path straat navo") ==
        "error: 'straat' matches 2 nodes: Straat van Dover (straat-van-dover), Straat van Hormuz "
        "(straat-van-hormuz)");
  CHECK(f.run("show rusladn") ==
        "error: no node matches 'rusladn'; did you mean Rusland (rusland)?");
  CHECK(f.run("path rusland navo --rel lid_van") ==
        "error: unknown relation 'lid_van'; relations lists them");
  CHECK(f.run("path rusland navo --rel partyto") ==
        "error: unknown relation 'partyto' (did you mean 'party_to'?); relations lists them");
  CHECK(f.run("neighbours navo --type actr") ==
        "error: unknown type 'actr' (did you mean 'actor'?); types lists them");
  CHECK(f.run("neighbours navo --depth x") ==
        "error: --depth needs a whole number of at least 0, not 'x'");
  CHECK(f.run("path rusland navo --dir up") == "error: invalid --dir 'up' (use out, in or both)");
  CHECK(f.run("path rusland navo --avoid rusland") ==
        "error: cannot avoid 'rusland': it is an endpoint of the path");
  CHECK(f.run("cites navo") == "error: 'navo' is not a Kamerstuk (its type is actor)");
  CHECK(f.run("rank fame") ==
        "error: unknown measure 'fame' (use degree, betweenness or pagerank)");
  CHECK(f.run("pth") == "error: unknown command 'pth' (did you mean 'path'?)");
  CHECK(f.run("help pth") == "error: no command 'pth' (did you mean 'path'?)");
  CHECK(f.run("") == "");
  CHECK(f.run("   # just a comment") == "");
}

TEST_CASE("Session: --avoid takes commas, repeats and names that contain commas") {
  Fixture f;
  CHECK(f.run("path rusland mali --avoid cwv,inf-verdrag") == "no path from Rusland to Mali\n");
  CHECK(f.run("path rusland mali --avoid cwv --avoid inf-verdrag") ==
        "no path from Rusland to Mali\n");
  CHECK(f.run("path nederland kst-10000-2 --avoid \"10 000, nr. 1\"") ==
        "Nederland —is lid van→ NAVO ←is lid van— Verenigde Staten —is partij bij→ "
        "INF-verdrag ←gaat over— Kamerstuk 10 000, nr. 2  (4 hops)\n");
}

TEST_CASE("Session: .output sends results to a file and back") {
  Fixture f;
  const std::string file = kg::test::temp_dir("output") + "/out.txt";
  CHECK(f.run(".output " + file) == "");
  CHECK(f.run("cites kst-10000-1") == "");
  CHECK(f.run(".output") == "");
  std::ifstream in(file);
  std::stringstream text;
  text << in.rdbuf();
  CHECK(text.str() ==
        "key            name                       title  cited at\n"
        "-------------  -------------------------  -----  --------------------------\n"
        "kst-10000-2    Kamerstuk 10 000, nr. 2           § Inleiding, p. 1, vn. 1\n"
        "kst-20500-V-3  Kamerstuk 20 500 V, nr. 3         § Vooruitblik, p. 6, vn. 9\n"
        "(2 rows)\n");
  CHECK(f.run(".output /nonexistent/dir/x") ==
        "error: cannot write '/nonexistent/dir/x': No such file or directory");
}

TEST_CASE("Session: .open keeps the old graph when the new one fails") {
  Fixture f;
  CHECK(
      f.run(".open /nonexistent.db").starts_with("error: /nonexistent.db: cannot open graph file"));
  CHECK(f.session.has_graph());
  CHECK(f.run("cited-by kst-10000-2").find("kst-10000-1") != std::string::npos);
}

TEST_CASE("Session: .read stops a file that reads itself, once per line, not exponentially") {
  Fixture f;
  const std::string dir = kg::test::temp_dir("read");
  const std::string file = dir + "/self.kg";
  // Three lines that read the file itself ran 3^16 times before; now each is one error.
  std::ofstream(file) << ".read " << file << "\n.read " << file << "\n.read " << file << "\n";
  CHECK(f.run(".read " + file) == "");
  CHECK(f.err.text() == file + ":1: error: '" + file + "' is already being read\n" + file +
                            ":2: error: '" + file + "' is already being read\n" + file +
                            ":3: error: '" + file + "' is already being read\n");
  CHECK(f.session.failures() == 3);
  // The same file by another path is the same file.
  f.err.clear();
  std::ofstream(dir + "/other.kg") << ".read " << dir << "/./self.kg\n";
  std::ofstream(file) << ".read " << dir << "/other.kg\n";
  CHECK(f.run(".read " + file) == "");
  CHECK(f.err.text() ==
        dir + "/other.kg:1: error: '" + dir + "/./self.kg' is already being read\n");
}

TEST_CASE("Session: .read of a folder, and a line too long for a command, are errors") {
  Fixture f;
  const std::string dir = kg::test::temp_dir("read-bad");
  CHECK(f.run(".read " + dir) == "error: cannot read '" + dir + "': it is a folder");
  const std::string file = dir + "/zeros.kg";
  std::ofstream(file) << "stats\n" << std::string(kg::shell::ScriptReader::kMaxLine + 10, '\0');
  CHECK(f.run(".read " + file) != "");  // stats ran
  CHECK(f.err.text() ==
        file + ":2: error: line longer than 1 MiB; not a query file, stopped reading it\n");
}

TEST_CASE("Session: an empty relation or type list is an error, not no filter") {
  Fixture f;
  CHECK(f.run("neighbours navo --rel ,,,") ==
        "error: expected one or more relation names, not ',,,'");
  CHECK(f.run("neighbours navo --type \"\"") == "error: expected one or more type names, not ''");
}

TEST_CASE("Session: .output refuses the open graph file") {
  Fixture f;
  const std::string graph = f.session.graph_path();
  const auto size = std::filesystem::file_size(graph);
  CHECK(f.run(".output " + graph) ==
        "error: '" + graph + "' is the open graph file; output there would destroy it");
  CHECK(std::filesystem::file_size(graph) == size);
  CHECK(f.run("stats").find("nodes") != std::string::npos);
}

TEST_CASE("Session: output that cannot be written fails the command") {
  std::FILE* full = std::fopen("/dev/full", "w");
  if (full == nullptr) {
    MESSAGE("skipped: no /dev/full");
    return;
  }
  kg::shell::StreamSink out(full);
  kg::shell::StringSink err;
  kg::shell::Session session(out, err);
  REQUIRE(session.open(kg::test::import_fixture("tiny")).ok());
  const kg::Status s = session.execute("stats");
  CHECK(s.to_string() == "error: cannot write standard output: No space left on device");
  std::fclose(full);
}

TEST_CASE("Session: .mode alone lists every format of the format table, the current one marked") {
  Fixture f;
  const std::string listing = f.run(".mode");
  CHECK(
      listing.starts_with("* table    aligned columns for reading (the default)\n"
                          "  csv      comma-separated values"));
  for (const kg::shell::FormatInfo& format : kg::shell::formats()) {
    CAPTURE(format.name);
    CHECK(listing.find(" " + std::string(format.name) + " ") != std::string::npos);
  }
  CHECK(f.run(".mode tsv") == "");
  CHECK(f.run(".mode").find("\n* tsv  ") != std::string::npos);
}

TEST_CASE("Session: .once sends only the next command's results to a file") {
  Fixture f;
  const std::string dir = kg::test::temp_dir("once");
  auto read = [](const std::string& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
  };
  CHECK(f.run(".mode csv") == "");
  CHECK(f.run(".once " + dir + "/a.csv") == "");
  CHECK(f.run("") == "");  // no command: the file waits
  CHECK(f.run("# a comment") == "");
  CHECK(f.run("cited-by kst-10000-2") == "");
  CHECK(f.run("cited-by kst-10000-2") ==
        "key,name,title,cites it at\nkst-10000-1,\"Kamerstuk 10 000, nr. 1\",,\"§ Inleiding, p. 1, "
        "vn. "
        "1\"\n");
  CHECK(read(dir + "/a.csv") ==
        "key,name,title,cites it at\nkst-10000-1,\"Kamerstuk 10 000, nr. 1\",,\"§ Inleiding, p. 1, "
        "vn. "
        "1\"\n");
  // A failing command takes the file too (it stays empty), as in sqlite3.
  CHECK(f.run(".once " + dir + "/b.csv") == "");
  CHECK(f.run("show nergens").starts_with("error: no node matches 'nergens'"));
  CHECK(read(dir + "/b.csv") == "");
  CHECK(f.run("types").starts_with("name,count,description\n"));
  // Under .output the file after .once is only interrupted for one command.
  CHECK(f.run(".output " + dir + "/c.csv") == "");
  CHECK(f.run(".once " + dir + "/d.csv") == "");
  CHECK(f.run(".headers off") == "");
  CHECK(f.run("cited-by kst-10000-2") == "");
  CHECK(f.run(".output") == "");
  CHECK(read(dir + "/d.csv") == "");  // .headers off was the command that took it
  CHECK(read(dir + "/c.csv") ==
        "kst-10000-1,\"Kamerstuk 10 000, nr. 1\",,\"§ Inleiding, p. 1, vn. 1\"\n");
  CHECK(f.run(".once /nonexistent/dir/x") ==
        "error: cannot write '/nonexistent/dir/x': No such file or directory");
}
