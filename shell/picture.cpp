// Implementation of picture.h.
//
// Why the `dot` program and not Graphviz's C library (libgvc/libcgraph from libgraphviz-dev):
// - Failure isolation: a layout that crashes or runs away (Graphviz has had both on odd input)
//   ends a child process, not the analyst's session with its settings and history.
// - Sanitizer and fuzz builds: the CI builds with ASan/UBSan and clang's libFuzzer; an
//   uninstrumented libgvc would run unchecked inside them, and whatever it keeps allocated until
//   exit would land in LeakSanitizer's report. A child process is outside them.
// - A missing Graphviz is an answer, not a link error: kamergraaf builds and runs without it,
//   and only --format svg says "install graphviz".
// - Startup: nothing of Graphviz is loaded unless a picture is asked for; then the process and
//   its layout cost about 25 ms (`path rusland opcw`: 32 ms as svg, 6 ms as dot).
// The DOT goes in and the SVG comes out through unlinked temporary files rather than pipes, so
// no deadlock on full pipes and no SIGPIPE when dot dies early.
#include "picture.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fmt/format.h>
#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <map>

#include "kg/algorithms.h"
#include "kg/text.h"
#include "renderers.h"

extern char** environ;

namespace kg::shell {
namespace {

// Text for an HTML-like label: &, <, > and " as entities, line breaks as spaces.
std::string html_escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\n':
      case '\r':
        out += ' ';
        break;
      default:
        out += c;
    }
  }
  return out;
}

// `s` with every character XML 1.0 cannot hold (control bytes but tab, newline and carriage
// return; U+FFFE, U+FFFF; bytes that are not UTF-8) as U+FFFD, since dot copies label text into
// the SVG as it is.
std::string xml_safe(std::string_view s) {
  constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
  std::string out;
  out.reserve(s.size());
  while (!s.empty()) {
    const std::size_t bad = find_invalid_utf8(s);
    const std::string_view good = s.substr(0, bad);
    for (std::size_t i = 0; i < good.size(); ++i) {
      const auto c = static_cast<unsigned char>(good[i]);
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
        out += kReplacement;
      } else if (c == 0xEF && good.substr(i, 3) == "\xEF\xBF\xBE") {
        out += kReplacement;
        i += 2;
      } else if (c == 0xEF && good.substr(i, 3) == "\xEF\xBF\xBF") {
        out += kReplacement;
        i += 2;
      } else {
        out += good[i];
      }
    }
    if (bad == std::string_view::npos) break;
    out += kReplacement;
    s.remove_prefix(bad + 1);
  }
  return out;
}

// A file descriptor closed when it goes out of scope.
class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  int get() const { return fd_; }

 private:
  int fd_;
};

// An anonymous temporary file: created and unlinked at once, so nothing is left behind.
Result<int> temp_file() {
  std::error_code ec;
  std::string path = (std::filesystem::temp_directory_path(ec) / "kamergraaf-dot-XXXXXX").string();
  if (ec) path = "/tmp/kamergraaf-dot-XXXXXX";
  const int fd = ::mkstemp(path.data());
  if (fd < 0) {
    return Status::error(ErrorKind::kIo,
                         fmt::format("cannot create a temporary file: {}", std::strerror(errno)));
  }
  ::unlink(path.c_str());
  return fd;
}

bool write_all(int fd, std::string_view text) {
  while (!text.empty()) {
    const ssize_t n = ::write(fd, text.data(), text.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    text.remove_prefix(static_cast<std::size_t>(n));
  }
  return ::lseek(fd, 0, SEEK_SET) == 0;
}

std::string read_all(int fd) {
  std::string out;
  if (::lseek(fd, 0, SEEK_SET) != 0) return out;
  char buffer[1 << 16];
  for (;;) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    out.append(buffer, static_cast<std::size_t>(n));
  }
  return out;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    if (end > start) out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

}  // namespace

Drawing nearest_nodes(const Graph& g, const Drawing& d, std::size_t max_nodes) {
  if (d.nodes.size() <= max_nodes) return d;
  struct Rank {
    int depth;
    std::size_t via_degree;
    std::size_t degree;
    std::string_view key;
    std::size_t index;
  };
  auto depth_of = [&](std::size_t i) { return i < d.depth.size() ? d.depth[i] : 0; };
  std::map<NodeId, std::size_t> index;
  for (std::size_t i = 0; i < d.nodes.size(); ++i) index.emplace(d.nodes[i], i);
  // The least connected node one ring nearer that each node is drawn next to: a node that hangs
  // off Sahel as well as off Nederland is about the Sahel, whichever key came first as `via`.
  std::vector<std::size_t> nearer(d.nodes.size(), 0);
  for (std::size_t i = 0; i < d.nodes.size(); ++i) {
    const NodeId via = i < d.via.size() ? d.via[i] : kNoNode;
    if (via != kNoNode) nearer[i] = node_degree(g, via);
  }
  for (EdgeId e : d.edges) {
    const Edge edge = g.edge(e);
    const auto from = index.find(edge.from);
    const auto to = index.find(edge.to);
    if (from == index.end() || to == index.end()) continue;
    for (const auto& [outer, inner] :
         {std::pair{from->second, to->second}, {to->second, from->second}}) {
      if (depth_of(inner) + 1 != depth_of(outer)) continue;
      const std::size_t degree = node_degree(g, d.nodes[inner]);
      if (nearer[outer] == 0 || degree < nearer[outer]) nearer[outer] = degree;
    }
  }
  std::vector<Rank> ranks;
  for (std::size_t i = 0; i < d.nodes.size(); ++i) {
    ranks.push_back(
        {depth_of(i), nearer[i], node_degree(g, d.nodes[i]), g.node(d.nodes[i]).key, i});
  }
  std::sort(ranks.begin(), ranks.end(), [](const Rank& a, const Rank& b) {
    return std::tie(a.depth, a.via_degree, a.degree, a.key, a.index) <
           std::tie(b.depth, b.via_degree, b.degree, b.key, b.index);
  });
  std::vector<bool> keep(d.nodes.size(), false);
  for (std::size_t i = 0; i < max_nodes; ++i) keep[ranks[i].index] = true;
  Drawing out;
  for (std::size_t i = 0; i < d.nodes.size(); ++i) {
    if (!keep[i]) continue;
    out.nodes.push_back(d.nodes[i]);
    if (i < d.depth.size()) out.depth.push_back(d.depth[i]);
    if (i < d.via.size()) out.via.push_back(d.via[i]);
    if (i < d.column.size()) out.column.push_back(d.column[i]);
  }
  auto kept = [&](NodeId n) {
    return std::find(out.nodes.begin(), out.nodes.end(), n) != out.nodes.end();
  };
  for (NodeId n : d.emphasised) {
    if (kept(n)) out.emphasised.push_back(n);
  }
  for (EdgeId e : d.edges) {
    const Edge edge = g.edge(e);
    if (kept(edge.from) && kept(edge.to)) out.edges.push_back(e);
  }
  return out;
}

std::string picture_dot(const Graph& g, const Drawing& d, std::size_t total, bool sources) {
  // The legend and the caption are the graph's own label, an HTML-like table at the top left:
  // always in view when the picture opens, and never in the way of a node.
  std::map<TypeId, std::size_t> counts;
  for (NodeId n : d.nodes) ++counts[g.node(n).type];
  std::string label =
      "<TR><TD ALIGN=\"LEFT\"><TABLE BORDER=\"0\" CELLSPACING=\"3\" "
      "ALIGN=\"LEFT\"><TR><TD>types:</TD>";
  for (const auto& [type, count] : counts) {
    label += fmt::format("<TD BGCOLOR=\"{}\" BORDER=\"1\">{} ({})</TD>", type_colour(type),
                         html_escape(g.types()[type].name), count);
  }
  label += "</TR></TABLE></TD></TR>";
  if (total > d.nodes.size()) {
    label += fmt::format(
        "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\">picture shows {} of {} nodes: the {} farthest "
        "from the question are left out<BR/>(--format dot, graphml or gexf has them all)</TD></TR>",
        d.nodes.size(), total, total - d.nodes.size());
  }
  // Left to right by column (a path's position, a ring's depth). dot ranks along edges, so an
  // edge that points back to an earlier column is laid out forwards and drawn with its arrow
  // reversed. An edge within one column keeps ranking: its outer end moves one column on, which
  // keeps it short (unranked, it ran across the whole picture). Edge labels are layout nodes in
  // dot, so they never overlap the boxes or each other; sfdp and neato with overlap=false
  // piled the labels of a hub's fan on top of each other.
  std::string out =
      "digraph kamergraaf {\n"
      "  graph [rankdir=LR, fontname=\"Helvetica\", fontsize=12, nodesep=0.12, ranksep=0.5, "
      "pad=0.2, labelloc=t, labeljust=l, label=<<TABLE BORDER=\"0\" CELLSPACING=\"0\" "
      "CELLPADDING=\"2\">" +
      label +
      "</TABLE>>];\n"
      "  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\", fontsize=12, "
      "height=0.3, margin=\"0.08,0.03\"];\n"
      "  edge [fontname=\"Helvetica\", fontsize=9, color=\"#666666\", fontcolor=\"#333333\", "
      "arrowsize=0.6];\n";
  auto column = [&](NodeId n) {
    const auto i =
        static_cast<std::size_t>(std::find(d.nodes.begin(), d.nodes.end(), n) - d.nodes.begin());
    return i < d.column.size() ? d.column[i] : static_cast<int>(i);
  };
  for (NodeId n : d.nodes) {
    const Node node = g.node(n);
    const bool emphasised =
        std::find(d.emphasised.begin(), d.emphasised.end(), n) != d.emphasised.end();
    out += "  " + dot_quote(node.key) + " [label=" + dot_quote(node.name) + ", fillcolor=\"" +
           std::string(type_colour(node.type)) + "\", tooltip=" +
           dot_quote(fmt::format("{} ({}, {})", node.name, g.type_of(n).name, node.key)) +
           (emphasised ? ", penwidth=2.5" : "") + "];\n";
  }
  for (EdgeId e : d.edges) {
    const Edge edge = g.edge(e);
    std::string text = g.relation_of(e).label;
    if (sources) text += "\n[" + std::string(g.node(edge.source).name) + "]";
    const int from = column(edge.from);
    const int to = column(edge.to);
    const bool back = from > to;
    out += "  " + dot_quote(g.node(back ? edge.to : edge.from).key) + " -> " +
           dot_quote(g.node(back ? edge.from : edge.to).key) + " [label=" + dot_quote(text) +
           ", tooltip=" + dot_quote(citation(g, e)) + (back ? ", dir=back" : "") + "];\n";
  }
  return xml_safe(out + "}\n");
}

Result<std::string> run_dot(std::string_view dot_text, std::vector<std::string>& warnings) {
  auto in = temp_file();
  if (!in.ok()) return in.status();
  const Fd input(*in);
  auto out = temp_file();
  if (!out.ok()) return out.status();
  const Fd output(*out);
  auto err = temp_file();
  if (!err.ok()) return err.status();
  const Fd errors(*err);
  if (!write_all(input.get(), dot_text)) {
    return Status::error(ErrorKind::kIo, fmt::format("cannot write the picture's DOT text: {}",
                                                     std::strerror(errno)));
  }

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, input.get(), 0);
  posix_spawn_file_actions_adddup2(&actions, output.get(), 1);
  posix_spawn_file_actions_adddup2(&actions, errors.get(), 2);
  char program[] = "dot";
  char format[] = "-Tsvg";
  char* argv[] = {program, format, nullptr};
  pid_t pid = 0;
  const int spawned = posix_spawnp(&pid, program, &actions, nullptr, argv, environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned == ENOENT) {
    return Status::error(ErrorKind::kIo,
                         "--format svg needs Graphviz's dot program, which is not on PATH "
                         "(Debian: apt-get install graphviz)");
  }
  if (spawned != 0) {
    return Status::error(ErrorKind::kIo,
                         fmt::format("cannot start Graphviz's dot: {}", std::strerror(spawned)));
  }
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) {
      return Status::error(ErrorKind::kIo,
                           fmt::format("cannot wait for Graphviz's dot: {}", std::strerror(errno)));
    }
  }
  const std::vector<std::string> said = lines_of(read_all(errors.get()));
  if (WIFSIGNALED(status)) {
    return Status::error(ErrorKind::kIo,
                         fmt::format("Graphviz's dot was stopped by signal {}", WTERMSIG(status)));
  }
  if (WEXITSTATUS(status) != 0) {
    return Status::error(ErrorKind::kIo,
                         fmt::format("Graphviz's dot failed (exit {}){}", WEXITSTATUS(status),
                                     said.empty() ? "" : ": " + said.front()));
  }
  for (const std::string& line : said) warnings.push_back("dot: " + line);
  return read_all(output.get());
}

}  // namespace kg::shell
