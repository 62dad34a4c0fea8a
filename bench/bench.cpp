// The benchmark runner: measures kamergraaf on one graph file side by side with the hand-written
// CSR reference and SQLite recursive CTEs (and Python's igraph and NetworkX when installed),
// checks that every method gives the same answers, and prints a Markdown table.
//   kg_bench run --db G.db --label S --kamergraaf BIN --shipped GBVS.db --out FILE.md [--cte N]
//                [--sqlite3 BIN]
//   kg_bench open --db G.db          (child process: open the snapshot, print ms and peak RSS)
//   kg_bench arrays --db G.db        (child process: read edges into plain arrays, same output)
#include <fmt/format.h>
#include <spawn.h>
#include <sqlite3.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "kg/algorithms.h"
#include "kg/resolve.h"
#include "kg/store.h"
#include "reference.h"

namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point t) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

long peak_rss_kb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;
}

[[noreturn]] void die(const std::string& why) {
  std::fprintf(stderr, "kg_bench: %s\n", why.c_str());
  std::exit(1);
}

struct Stats {
  double median = 0, p95 = 0;
};

Stats stats_of(std::vector<double> v) {
  if (v.empty()) return {};
  std::sort(v.begin(), v.end());
  auto at = [&](double q) {
    return v[std::min(v.size() - 1,
                      static_cast<std::size_t>(q * static_cast<double>(v.size() - 1) + 0.5))];
  };
  return {at(0.5), at(0.95)};
}

std::string fmt_ms(double ms) {
  if (ms < 1) return fmt::format("{:.1f} µs", ms * 1000);
  if (ms < 1000) return fmt::format("{:.2f} ms", ms);
  return fmt::format("{:.2f} s", ms / 1000);
}

// Runs a command line (argv) and returns its wall time in ms; dies when it fails. posix_spawn,
// not fork: this process holds a large graph, and copying its page tables would be timed too.
double run_process(const std::vector<std::string>& argv, std::string* output = nullptr) {
  int pipefd[2];
  if (pipe(pipefd) != 0) die("pipe");
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, pipefd[1], STDOUT_FILENO);
  posix_spawn_file_actions_addclose(&actions, pipefd[0]);
  posix_spawn_file_actions_addclose(&actions, pipefd[1]);
  std::vector<char*> args;
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  const auto t = Clock::now();
  pid_t pid = 0;
  if (posix_spawn(&pid, args[0], &actions, nullptr, args.data(), environ) != 0)
    die("cannot run " + argv[0]);
  posix_spawn_file_actions_destroy(&actions);
  close(pipefd[1]);
  std::string out;
  char buf[65536];
  ssize_t n;
  while ((n = read(pipefd[0], buf, sizeof buf)) > 0) out.append(buf, static_cast<std::size_t>(n));
  close(pipefd[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  const double ms = ms_since(t);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
    die("command failed: " + argv[0] + " " + (argv.size() > 1 ? argv[1] : ""));
  if (output) *output = out;
  return ms;
}

// ---- child modes -------------------------------------------------------------------------

int child_open(const std::string& db) {
  const auto t = Clock::now();
  auto store = kg::Store::open(db);
  if (!store.ok()) die(store.status().to_string());
  auto g = store->load_graph();
  if (!g.ok()) die(g.status().to_string());
  const kg::Resolver names(*g);  // the shell builds the name index at open too
  std::printf("%.3f %ld\n", ms_since(t), peak_rss_kb());
  return names.complete("a", 1).size() <= 1 ? 0 : 1;
}

int child_arrays(const std::string& db) {
  const auto t = Clock::now();
  bench::Reference ref(db);
  std::printf("%.3f %ld\n", ms_since(t), peak_rss_kb());
  return ref.node_count() > 0 ? 0 : 1;
}

// ---- the run ------------------------------------------------------------------------------

struct Row {
  std::string what, kamergraaf, reference, sqlite, note;
};

struct Options {
  std::string db, label = "?", kamergraaf, shipped, out, self, peers_script, peers_missing, sqlite3;
  double import_ms = -1;
  std::size_t pairs = 100, cte_pairs = 20, k_pairs = 20;
};

// Median of 3 child runs of `mode` on the graph: (ms, peak RSS in MiB).
std::pair<double, double> child_median(const Options& o, const char* mode) {
  std::vector<double> ms, rss;
  for (int i = 0; i < 3; ++i) {
    std::string out;
    run_process({o.self, mode, "--db", o.db}, &out);
    double m = 0;
    long kb = 0;
    std::sscanf(out.c_str(), "%lf %ld", &m, &kb);
    ms.push_back(m);
    rss.push_back(static_cast<double>(kb) / 1024.0);
  }
  return {stats_of(ms).median, stats_of(rss).median};
}

// SQLite recursive CTE: the hops from a to b as a user of plain sqlite3 would ask it.
class Cte {
 public:
  explicit Cte(const std::string& db) {
    if (sqlite3_open_v2(db.c_str(), &db_, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK)
      die("cte open");
    prepare(&out_,
            "WITH RECURSIVE reach(node, depth) AS (SELECT ?1, 0 UNION "
            "SELECT e.to_id, r.depth + 1 FROM reach r JOIN edges e ON e.from_id = r.node WHERE "
            "r.depth < ?3) "
            "SELECT depth FROM reach WHERE node = ?2 LIMIT 1");
    prepare(&both_,
            "WITH RECURSIVE reach(node, depth) AS (SELECT ?1, 0 UNION "
            "SELECT e.to_id, r.depth + 1 FROM reach r JOIN edges e ON e.from_id = r.node WHERE "
            "r.depth < ?3 UNION "
            "SELECT e.from_id, r.depth + 1 FROM reach r JOIN edges e ON e.to_id = r.node WHERE "
            "r.depth < ?3) "
            "SELECT depth FROM reach WHERE node = ?2 LIMIT 1");
  }
  ~Cte() {
    sqlite3_finalize(out_);
    sqlite3_finalize(both_);
    sqlite3_close(db_);
  }
  int distance(std::int64_t a, std::int64_t b, bool both, int max_depth) {
    sqlite3_stmt* st = both ? both_ : out_;
    sqlite3_reset(st);
    sqlite3_bind_int64(st, 1, a);
    sqlite3_bind_int64(st, 2, b);
    sqlite3_bind_int(st, 3, max_depth);
    return sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1;
  }

 private:
  void prepare(sqlite3_stmt** st, const char* sql) {
    if (sqlite3_prepare_v2(db_, sql, -1, st, nullptr) != SQLITE_OK) die(sqlite3_errmsg(db_));
  }
  sqlite3* db_ = nullptr;
  sqlite3_stmt* out_ = nullptr;
  sqlite3_stmt* both_ = nullptr;
};

int run(const Options& o) {
  std::vector<Row> rows;
  std::vector<std::string> failures;
  auto agree = [&](bool ok, const std::string& what) {
    if (!ok) failures.push_back(what);
  };

  if (o.import_ms >= 0) {
    const double db_mib = static_cast<double>(std::filesystem::file_size(o.db)) / 1048576.0;
    std::error_code ec;
    const auto snap_size = std::filesystem::file_size(o.db + ".snap", ec);
    const double snap_mib = ec ? 0.0 : static_cast<double>(snap_size) / 1048576.0;
    rows.push_back({"import (dataset folder → graph file and snapshot)", fmt_ms(o.import_ms), "",
                    "",
                    fmt::format("graph file {:.1f} MiB + snapshot {:.1f} MiB = {:.1f} MiB", db_mib,
                                snap_mib, db_mib + snap_mib)});
  }
  // Open and memory, each measured in fresh child processes.
  const auto [open_ms, open_rss] = child_median(o, "open");
  const auto [arrays_ms, arrays_rss] = child_median(o, "arrays");
  rows.push_back({"open: file → snapshot and name index ready (median of 3)", fmt_ms(open_ms),
                  fmt_ms(arrays_ms), "",
                  fmt::format("ratio {:.2f}× the plain-array load", open_ms / arrays_ms)});
  rows.push_back({"peak RSS after open", fmt::format("{:.0f} MiB", open_rss),
                  fmt::format("{:.0f} MiB", arrays_rss), "", ""});

  auto store = kg::Store::open(o.db);
  if (!store.ok()) die(store.status().to_string());
  auto loaded = store->load_graph();
  if (!loaded.ok()) die(loaded.status().to_string());
  const kg::Graph& g = *loaded;
  bench::Reference ref(o.db);
  std::vector<kg::NodeId> engine_id(ref.node_count());
  for (std::uint32_t i = 0; i < ref.node_count(); ++i) engine_id[i] = *g.find_key(ref.keys()[i]);

  // 100 fixed pairs reachable along edge direction (so both --dir out and --dir both answer).
  std::mt19937_64 rng(42);
  std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;
  for (int tries = 0; pairs.size() < o.pairs && tries < 100000; ++tries) {
    const auto a = static_cast<std::uint32_t>(rng() % ref.node_count());
    const auto b = static_cast<std::uint32_t>(rng() % ref.node_count());
    if (a != b && ref.distance(a, b, false) > 0) pairs.emplace_back(a, b);
  }
  if (pairs.size() < o.pairs) die("could not find enough reachable pairs");

  Cte cte(o.db);
  // One untimed pass first: the open no longer reads the whole mapped snapshot, and the visit
  // maps are calloc'ed, so the first searches of a process fault in the pages they touch, which
  // the reference paid for while loading its arrays. The timed passes compare warm searches;
  // the cold cost is what the cold -c and -f rows below measure.
  for (bool both : {false, true}) {
    kg::Filter f;
    f.direction = both ? kg::Direction::kBoth : kg::Direction::kOut;
    for (const auto& [a, b] : pairs) (void)kg::shortest_path(g, engine_id[a], engine_id[b], f);
  }
  double engine_out_median = 0;
  for (bool both : {false, true}) {
    kg::Filter f;
    f.direction = both ? kg::Direction::kBoth : kg::Direction::kOut;
    std::vector<double> t_engine, t_ref, t_cte;
    std::size_t disagree = 0;
    for (std::size_t i = 0; i < pairs.size(); ++i) {
      const auto [a, b] = pairs[i];
      auto t = Clock::now();
      auto answer = kg::shortest_path(g, engine_id[a], engine_id[b], f);
      t_engine.push_back(ms_since(t));
      t = Clock::now();
      const int d = ref.distance(a, b, both);
      t_ref.push_back(ms_since(t));
      const int engine_d =
          answer.ok() && !answer->paths.empty() ? static_cast<int>(answer->paths[0].length()) : -1;
      if (engine_d != d) ++disagree;
      if (i < o.cte_pairs) {
        t = Clock::now();
        const int c = cte.distance(a, b, both, d);
        t_cte.push_back(ms_since(t));
        if (c != d) ++disagree;
      }
    }
    agree(disagree == 0,
          fmt::format("shortest path {}: {} answers differ", both ? "both" : "out", disagree));
    const Stats e = stats_of(t_engine), r = stats_of(t_ref), c = stats_of(t_cte);
    if (!both) engine_out_median = e.median;
    rows.push_back({fmt::format("path, --dir {} ({} pairs; CTE {})", both ? "both" : "out",
                                pairs.size(), t_cte.size()),
                    fmt::format("{} (p95 {})", fmt_ms(e.median), fmt_ms(e.p95)),
                    fmt::format("{} (p95 {})", fmt_ms(r.median), fmt_ms(r.p95)),
                    fmt::format("{} (p95 {})", fmt_ms(c.median), fmt_ms(c.p95)),
                    fmt::format("{:.1f}× reference; CTE {:.0f}× slower than kamergraaf",
                                e.median / r.median, c.median / e.median)});
  }

  {
    std::vector<double> t_k;
    kg::Filter f;
    for (std::size_t i = 0; i < o.k_pairs && i < pairs.size(); ++i) {
      const auto t = Clock::now();
      auto answer =
          kg::k_shortest_paths(g, engine_id[pairs[i].first], engine_id[pairs[i].second], 10, f);
      t_k.push_back(ms_since(t));
      agree(answer.ok() && !answer->paths.empty(), "paths --k 10 found nothing");
    }
    const Stats k = stats_of(t_k);
    rows.push_back({fmt::format("paths --k 10 ({} pairs)", t_k.size()),
                    fmt::format("{} (p95 {})", fmt_ms(k.median), fmt_ms(k.p95)), "", "", ""});
  }

  // Neighbourhoods of 100 fixed nodes and of the biggest hub, after one untimed pass over the
  // same nodes for the reason the path rows have one: a depth-2 neighbourhood reads the in-rows
  // and the keys of every node it reaches (to sort each layer), pages no path had touched yet.
  for (const auto& [a, b] : pairs) (void)kg::neighbourhood(g, engine_id[a], 2, {});
  for (int depth : {1, 2}) {
    std::vector<double> t_engine, t_ref;
    std::size_t disagree = 0, truncated = 0;
    for (std::size_t i = 0; i < pairs.size(); ++i) {
      const std::uint32_t v = pairs[i].first;
      auto t = Clock::now();
      auto n = kg::neighbourhood(g, engine_id[v], depth, {});
      t_engine.push_back(ms_since(t));
      t = Clock::now();
      const std::size_t size = ref.neighbourhood_size(v, depth);
      t_ref.push_back(ms_since(t));
      if (n->truncation.truncated()) {
        ++truncated;
      } else if (n->nodes.size() != size) {
        ++disagree;
      }
    }
    agree(disagree == 0, fmt::format("neighbours --depth {}: {} sizes differ", depth, disagree));
    const Stats e = stats_of(t_engine), r = stats_of(t_ref);
    rows.push_back({fmt::format("neighbours --depth {} ({} nodes)", depth, pairs.size()),
                    fmt::format("{} (p95 {})", fmt_ms(e.median), fmt_ms(e.p95)),
                    fmt::format("{} (p95 {})", fmt_ms(r.median), fmt_ms(r.p95)), "",
                    fmt::format("{:.1f}× reference; {} stopped at the result limit",
                                e.median / r.median, truncated)});
  }
  {
    const kg::NodeId hub = *g.find_key("nederland");
    for (int depth : {1, 2}) {
      const auto t = Clock::now();
      auto n = kg::neighbourhood(g, hub, depth, {});
      const double ms = ms_since(t);
      rows.push_back({fmt::format("neighbours nederland --depth {} (hub)", depth), fmt_ms(ms), "",
                      "",
                      n->truncation.truncated() ? "truncated: " + n->truncation.reason
                                                : fmt::format("{} nodes", n->nodes.size())});
    }
  }

  // End to end through the executable: one -f run of 100 path queries vs 10 separate -c runs.
  if (!o.kamergraaf.empty()) {
    const std::string file =
        std::filesystem::temp_directory_path() / ("kg-bench-" + o.label + ".kg");
    {
      std::ofstream q(file);
      for (const auto& [a, b] : pairs)
        q << "path " << ref.keys()[a] << " " << ref.keys()[b] << " --dir out\n";
    }
    // Median of five: one process start is at the mercy of the machine's other work.
    std::vector<double> batches;
    for (int i = 0; i < 5; ++i)
      batches.push_back(run_process({o.kamergraaf, "--db", o.db, "-f", file}));
    const double batch = stats_of(batches).median;
    double ten = 0;
    for (std::size_t i = 0; i < 10; ++i) {
      ten += run_process({o.kamergraaf, "--db", o.db, "-c",
                          "path " + ref.keys()[pairs[i].first] + " " + ref.keys()[pairs[i].second] +
                              " --dir out"});
    }
    rows.push_back({"kamergraaf -f with 100 path queries (median of 5 runs)", fmt_ms(batch), "", "",
                    fmt::format("10 separate -c runs: {} ({:.1f}× the whole -f run)", fmt_ms(ten),
                                ten / batch)});
    std::filesystem::remove(file);
  }
  // What a script calling the shell once per question pays, next to the sqlite3 CLI answering a
  // one-row query on the same file in the same minute: fresh processes, warm page cache.
  if (!o.kamergraaf.empty()) {
    std::vector<double> kg_runs, sqlite_runs;
    const std::string a = ref.keys()[pairs[0].first], b = ref.keys()[pairs[0].second];
    const std::string query = "select count(*) from nodes where key = '" + a + "'";
    for (int i = 0; i < 21; ++i) {
      kg_runs.push_back(
          run_process({o.kamergraaf, "--db", o.db, "-c", "path " + a + " " + b + " --dir out"}));
      if (!o.sqlite3.empty()) sqlite_runs.push_back(run_process({o.sqlite3, o.db, query}));
    }
    const Stats k = stats_of(kg_runs);
    std::string note = "sqlite3 CLI not installed";
    std::string sqlite_cell;
    if (!sqlite_runs.empty()) {
      const Stats q = stats_of(sqlite_runs);
      sqlite_cell = fmt::format("{} (p95 {})", fmt_ms(q.median), fmt_ms(q.p95));
      note = fmt::format("sqlite3 CLI: one-row query on the same file; kamergraaf {:.1f}× it",
                         k.median / q.median);
    }
    rows.push_back({"cold kamergraaf -c 'path A B' on this graph (21 runs)",
                    fmt::format("{} (p95 {})", fmt_ms(k.median), fmt_ms(k.p95)), "", sqlite_cell,
                    note});
  }
  if (!o.kamergraaf.empty() && !o.shipped.empty()) {
    std::vector<double> cold;
    for (int i = 0; i < 21; ++i)
      cold.push_back(run_process({o.kamergraaf, "--db", o.shipped, "-c", "path rusland opcw"}));
    const Stats s = stats_of(cold);
    rows.push_back({"cold start: kamergraaf -c 'path rusland opcw' (GBVS, 21 runs)",
                    fmt::format("{} (p95 {})", fmt_ms(s.median), fmt_ms(s.p95)), "", "", ""});
  }

  // Peers in Python, when installed.
  if (!o.peers_script.empty()) {
    const std::string pairs_file =
        std::filesystem::temp_directory_path() / ("kg-bench-pairs-" + o.label + ".txt");
    {
      std::ofstream p(pairs_file);
      for (const auto& [a, b] : pairs)
        p << a << " " << b << " " << ref.distance(a, b, false) << "\n";
    }
    std::string out;
    run_process({"/usr/bin/python3", o.peers_script, o.db, pairs_file}, &out);
    std::istringstream lines(out);
    std::string line;
    while (std::getline(lines, line)) {
      // "NAME ok MEDIAN_MS P95_MS LOAD_MS" or "NAME skipped WHY" or "NAME disagree N"
      std::istringstream w(line);
      std::string name, verdict;
      w >> name >> verdict;
      if (verdict == "ok") {
        double med = 0, p95 = 0, load = 0;
        w >> med >> p95 >> load;
        rows.push_back({"peer: " + name + " path --dir out",
                        fmt::format("{} (p95 {})", fmt_ms(med), fmt_ms(p95)), "", "",
                        fmt::format("load {}; {:.1f}× kamergraaf's median", fmt_ms(load),
                                    med / engine_out_median)});
      } else if (verdict == "disagree") {
        failures.push_back(name + " disagrees on path lengths");
      } else {
        std::string why;
        std::getline(w, why);
        rows.push_back({"peer: " + name, "", "", "", "skipped:" + why});
      }
    }
    std::filesystem::remove(pairs_file);
  }

  if (!o.peers_missing.empty())
    rows.push_back({"peers: igraph, NetworkX", "", "", "", "skipped: " + o.peers_missing});
  std::string md =
      fmt::format("### {}: {} nodes, {} edges\n\n", o.label, g.node_count(), g.edge_count());
  md +=
      "| measure | kamergraaf | hand CSR reference | SQLite CTE | notes |\n|---|---|---|---|---|\n";
  for (const Row& r : rows)
    md += fmt::format("| {} | {} | {} | {} | {} |\n", r.what, r.kamergraaf, r.reference, r.sqlite,
                      r.note);
  md += failures.empty() ? "\nAll methods agree on every answer.\n" : "\n**Disagreements:**\n";
  for (const std::string& f : failures) md += "- " + f + "\n";
  std::fputs(md.c_str(), stdout);
  if (!o.out.empty()) std::ofstream(o.out) << md;
  return failures.empty() ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) die("usage: kg_bench run|open|arrays --db FILE ...");
  const std::string mode = argv[1];
  Options o;
  o.self = std::filesystem::canonical("/proc/self/exe").string();
  for (int i = 2; i + 1 < argc; i += 2) {
    const std::string a = argv[i], v = argv[i + 1];
    if (a == "--db")
      o.db = v;
    else if (a == "--label")
      o.label = v;
    else if (a == "--kamergraaf")
      o.kamergraaf = v;
    else if (a == "--shipped")
      o.shipped = v;
    else if (a == "--out")
      o.out = v;
    else if (a == "--peers")
      o.peers_script = v;
    else if (a == "--sqlite3")
      o.sqlite3 = v;
    else if (a == "--peers-missing")
      o.peers_missing = v;
    else if (a == "--import-ms")
      o.import_ms = std::stod(v);
    else if (a == "--pairs")
      o.pairs = std::stoul(v);
    else if (a == "--cte")
      o.cte_pairs = std::stoul(v);
    else
      die("unknown option " + a);
  }
  if (o.db.empty()) die("--db is required");
  if (mode == "open") return child_open(o.db);
  if (mode == "arrays") return child_arrays(o.db);
  if (mode == "run") return run(o);
  die("unknown mode " + mode);
}
