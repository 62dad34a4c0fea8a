// The command table and what derives from it: flag parsing, arity checks, help texts, and
// suggestions for mistyped commands and flags.
#include <fmt/format.h>

#include <algorithm>

#include "command.h"
#include "handlers.h"
#include "kg/text.h"

namespace kg::shell {
namespace {

const std::vector<Flag> kFilters{Flag::kDir, Flag::kRel, Flag::kNotRel, Flag::kType, Flag::kAvoid,
                                 Flag::kMaxHops};

std::vector<Flag> with(std::vector<Flag> base, std::initializer_list<Flag> more) {
  base.insert(base.end(), more);
  return base;
}

}  // namespace

const std::vector<FlagInfo>& flag_table() {
  static const std::vector<FlagInfo> kFlags{
      {Flag::kDir, "--dir", "out|in|both", "follow edges forward (out), backward (in) or either way (both, the default)", ArgKind::kText},
      {Flag::kRel, "--rel", "R1,R2", "follow only these relations", ArgKind::kText},
      {Flag::kNotRel, "--not-rel", "R1,R2", "never follow these relations", ArgKind::kText},
      {Flag::kType, "--type", "T1,T2", "allow only these node types (for intermediate and reached nodes)", ArgKind::kText},
      {Flag::kAvoid, "--avoid", "N1,N2", "never pass through these nodes", ArgKind::kNode},
      {Flag::kMaxHops, "--max-hops", "N", "at most N steps", ArgKind::kNumber},
      {Flag::kDepth, "--depth", "D", "how many steps out (default 1)", ArgKind::kNumber},
      {Flag::kK, "--k", "N", "how many paths (default 3)", ArgKind::kNumber},
      {Flag::kTop, "--top", "N", "show at most N rows", ArgKind::kNumber},
      {Flag::kWhy, "--why", "", "show the source of every edge", ArgKind::kText},
      {Flag::kAt, "--at", "TEXT", "only edges whose locator contains TEXT (a section, page or footnote)", ArgKind::kText},
  };
  return kFlags;
}

const FlagInfo& flag_info(Flag f) {
  for (const FlagInfo& info : flag_table()) {
    if (info.flag == f) return info;
  }
  return flag_table().front();
}

const std::vector<Command>& commands() {
  static const std::vector<Command> kCommands{
      {"path", {}, 2, 2, {ArgKind::kNode}, with(kFilters, {Flag::kWhy}),
       "path A B [--why] [--dir D] [--rel R] [--not-rel R] [--type T] [--avoid N] [--max-hops N]",
       "one shortest chain of edges from A to B",
       "Finds a path with the fewest hops. Among equally short paths it takes the one whose nodes "
       "come first by key. Filters apply during the search.\n"
       "Example: path rusland opcw --avoid navo --why",
       cmd_path},
      {"paths", {}, 2, 2, {ArgKind::kNode}, with(kFilters, {Flag::kK, Flag::kWhy}),
       "paths A B [--k N] [--why] [filters]",
       "the N shortest simple paths from A to B",
       "Lists up to N (default 3) paths without repeated nodes, shortest first, by Yen's "
       "algorithm; ties in length are ordered by node keys.\n"
       "Example: paths rusland opcw --k 5 --not-rel concerns",
       cmd_paths},
      {"neighbours", {"neighbors"}, 1, 1, {ArgKind::kNode}, with(kFilters, {Flag::kDepth}),
       "neighbours A [--depth D] [filters]",
       "every node within D steps of A, with its depth",
       "Lists the ego network of A grouped by depth, then type; JSON and DOT also give the edges "
       "among the reached nodes. A search that reaches the node limit stops and says so.\n"
       "Example: neighbours minusma --depth 2 --type actor,mission",
       cmd_neighbours},
      {"common", {}, 2, -1, {ArgKind::kNode}, {Flag::kDir, Flag::kRel, Flag::kNotRel, Flag::kType, Flag::kAvoid},
       "common A B [C...] [filters]",
       "nodes adjacent to all of A, B, ...",
       "Lists the nodes one step away from every node given.\n"
       "Example: common rusland china --type treaty",
       cmd_common},
      {"rank", {}, 1, 1, {ArgKind::kMeasure}, {Flag::kType, Flag::kTop, Flag::kDir, Flag::kRel, Flag::kNotRel, Flag::kAvoid},
       "rank degree|betweenness|pagerank [--type T] [--top N] [--dir D] [--rel R]",
       "the most central nodes by a measure",
       "Scores every node of the (relation-filtered) graph and lists the top N (default 10); "
       "--type limits which nodes are listed, not which are counted.\n"
       "Example: rank betweenness --type actor --top 5",
       cmd_rank},
      {"components", {}, 0, 0, {}, {Flag::kRel, Flag::kNotRel, Flag::kType, Flag::kAvoid, Flag::kTop},
       "components [--top N] [--rel R] [--type T] [--avoid N]",
       "connected groups of nodes, largest first",
       "Splits the graph into parts that are connected when direction is ignored; lists the top "
       "N (default 10).\n"
       "Example: components --not-rel cites",
       cmd_components},
      {"show", {}, 1, 1, {ArgKind::kNode}, {Flag::kWhy},
       "show A [--why]",
       "the card of a node: type, aliases, attributes and every edge with its source",
       "Groups the edges by relation, outgoing with the forward label and incoming with the "
       "inverse label; --why adds the curator's note to each.\n"
       "Example: show \"Straat van Hormuz\"",
       cmd_show},
      {"find", {}, 1, -1, {ArgKind::kText}, {Flag::kType, Flag::kTop},
       "find TEXT [--type T] [--top N]",
       "full-text search over names, aliases, descriptions and notes",
       "Every word must match (as a word prefix, ignoring case and diacritics); best matches "
       "first, at most N (default 20).\n"
       "Example: find desinformatie --type threat",
       cmd_find},
      {"cites", {}, 1, 1, {ArgKind::kNode}, {Flag::kAt},
       "cites KST [--at TEXT]",
       "the papers a Kamerstuk cites",
       "Lists the targets of its cites edges; --at keeps those cited in a section, page or "
       "footnote (the locator contains TEXT, ignoring case and accents).\n"
       "Example: cites \"Kamerstuk 33 694, nr. 57\" --at Cyberdreigingen",
       cmd_cites},
      {"cited-by", {}, 1, 1, {ArgKind::kNode}, {},
       "cited-by KST",
       "the papers that cite a Kamerstuk",
       "Lists the papers with a cites edge to it.\nExample: cited-by 30821-72",
       cmd_cited_by},
      {"sources", {}, 1, 1, {ArgKind::kNode}, {Flag::kAt},
       "sources A [--at TEXT]",
       "the facts that rest on a paper, or the sources of a node's facts",
       "For a Kamerstuk: every edge whose source it is. For any other node: its edges with their "
       "sources. --at keeps edges whose locator contains TEXT.\n"
       "Example: sources kst-33694-57 --at \"vn. 17\"",
       cmd_sources},
      {"stats", {}, 0, 0, {}, {}, "stats", "what the open graph holds",
       "Counts of nodes, edges, types, relations and components, and where the graph comes from.\n"
       "Example: stats",
       cmd_stats},
      {"types", {}, 0, 0, {}, {}, "types", "the node types with their counts",
       "Lists the types declared by the dataset, with how many nodes each has.\nExample: types",
       cmd_types},
      {"relations", {}, 0, 0, {}, {}, "relations", "the relations with labels, allowed types and counts",
       "Lists the relation vocabulary of the dataset: forward and inverse labels and the types "
       "each may join.\nExample: relations",
       cmd_relations},
      {"help", {}, 0, 1, {ArgKind::kCommand}, {}, "help [COMMAND]", "list the commands, or explain one",
       "Without an argument lists every command; with one shows its usage, flags and an example.\n"
       "Example: help paths",
       cmd_help, false},
      {".mode", {}, 0, 1, {ArgKind::kFormat}, {}, ".mode [table|csv|tsv|json|dot]",
       "set the output format, or show it",
       "Without an argument prints the current setting as a command you can type back.",
       dot_mode, false},
      {".output", {}, 0, 1, {ArgKind::kFile}, {}, ".output [FILE]",
       "send results to FILE (created or emptied), or back to the screen",
       "Errors and notices still go to the screen.", dot_output, false},
      {".read", {}, 1, 1, {ArgKind::kFile}, {}, ".read FILE", "run the commands in FILE",
       "A query file has one command per line; # starts a comment and a trailing \\ continues "
       "a line. Errors are reported as FILE:LINE.",
       dot_read, false},
      {".open", {}, 1, 1, {ArgKind::kFile}, {}, ".open FILE", "open another graph file",
       "The file must be a graph built by 'kamergraaf import'; if it cannot be opened the current "
       "graph stays.",
       dot_open, false},
      {".timer", {}, 0, 1, {ArgKind::kOnOff}, {}, ".timer [on|off]",
       "report how long each command takes (on stderr)",
       "Prints 'time: N ms' on stderr after each command, so results on stdout stay clean. "
       "Without an argument shows the setting.",
       dot_timer, false},
      {".sources", {}, 0, 1, {ArgKind::kOnOff}, {}, ".sources [on|off]",
       "show the source of every edge in answers (as --why does)",
       "With sources on, every hop of a path is followed by its citation (Kamerstuk, section, "
       "page, footnote) and node cards add the curator's notes. Without an argument shows the "
       "setting.",
       dot_sources, false},
      {".limit", {}, 0, 2, {ArgKind::kLimit, ArgKind::kNumber}, {}, ".limit [visited|results N]",
       "show or set the work limits of searches",
       "visited: nodes one search may visit; results: nodes a neighbourhood may return and spur "
       "searches paths may run. A search that reaches a limit stops and says 'truncated' on "
       "stderr.",
       dot_limit, false},
      {".help", {}, 0, 1, {ArgKind::kCommand}, {}, ".help [COMMAND]", "the same as help",
       "Lists the commands, or explains one.", cmd_help, false},
      {".quit", {".exit"}, 0, 0, {}, {}, ".quit", "leave the shell (Ctrl-D does too)",
       "In a query file, stops reading it and every file after it.", dot_quit, false},
  };
  return kCommands;
}

const Command* find_command(std::string_view name) {
  for (const Command& c : commands()) {
    if (c.name == name) return &c;
    for (std::string_view a : c.aliases) {
      if (a == name) return &c;
    }
  }
  return nullptr;
}

std::string suggest_command(std::string_view name) {
  // At most a third of the letters may differ, so "pth" finds path but "nope" finds nothing.
  std::string best;
  std::size_t best_d = std::max<std::size_t>(1, name.size() / 3) + 1;
  for (const Command& c : commands()) {
    const std::size_t d = edit_distance(name, c.name);
    if (d < best_d) {
      best = std::string(c.name);
      best_d = d;
    }
  }
  return best;
}

Result<Invocation> parse_invocation(const Command& command, const std::vector<std::string>& words) {
  Invocation inv;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string& w = words[i];
    if (!w.starts_with("--") || w.size() == 2) {
      inv.args.push_back(w);
      continue;
    }
    std::string name = w;
    std::optional<std::string> inline_value;
    if (auto eq = w.find('='); eq != std::string::npos) {
      name = w.substr(0, eq);
      inline_value = w.substr(eq + 1);
    }
    const FlagInfo* info = nullptr;
    for (Flag f : command.flags) {
      if (flag_info(f).name == name) info = &flag_info(f);
    }
    if (info == nullptr) {
      std::string best;
      std::size_t best_d = 3;
      for (Flag f : command.flags) {
        const std::size_t d = edit_distance(name, flag_info(f).name);
        if (d < best_d) {
          best = std::string(flag_info(f).name);
          best_d = d;
        }
      }
      std::string message = "unknown flag '" + name + "' for " + std::string(command.name);
      if (!best.empty()) {
        message += " (did you mean '" + best + "'?)";
      } else if (command.flags.empty()) {
        message += " (it takes no flags)";
      } else {
        message += "; see help " + std::string(command.name);
      }
      return Status::error(ErrorKind::kInvalidArgument, message, Location{"", 0, static_cast<int>(i)});
    }
    if (info->value_name.empty()) {
      if (inline_value) {
        return Status::error(ErrorKind::kInvalidArgument, std::string(info->name) + " takes no value");
      }
      inv.flags[info->flag];
      continue;
    }
    if (!inline_value) {
      if (i + 1 >= words.size()) {
        return Status::error(ErrorKind::kInvalidArgument,
                             std::string(info->name) + " needs a value (" + std::string(info->value_name) + ")");
      }
      inline_value = words[++i];
    }
    inv.flags[info->flag].push_back(*inline_value);
  }
  const int n = static_cast<int>(inv.args.size());
  if (n < command.min_args || (command.max_args >= 0 && n > command.max_args)) {
    return Status::error(ErrorKind::kInvalidArgument,
                         fmt::format("{} takes {}; usage: {}", command.name,
                                     command.max_args < 0 ? fmt::format("at least {} arguments", command.min_args)
                                     : command.min_args == command.max_args
                                         ? fmt::format("{} argument{}", command.min_args, command.min_args == 1 ? "" : "s")
                                         : fmt::format("{} to {} arguments", command.min_args, command.max_args),
                                     command.usage));
  }
  return inv;
}

std::string command_help(const Command& c) {
  std::string out = "usage: " + std::string(c.usage) + "\n" + std::string(c.summary) + "\n";
  if (!c.aliases.empty()) {
    out += "also: ";
    for (std::string_view a : c.aliases) out += std::string(a) + " ";
    out.back() = '\n';
  }
  if (!c.details.empty()) out += "\n" + std::string(c.details) + "\n";
  if (!c.flags.empty()) {
    out += "\nflags:\n";
    for (Flag f : c.flags) {
      const FlagInfo& info = flag_info(f);
      std::string head = std::string(info.name) + (info.value_name.empty() ? "" : " " + std::string(info.value_name));
      out += fmt::format("  {:<22} {}\n", head, info.help);
    }
  }
  return out;
}

std::string help_overview() {
  std::string out = "Commands (help COMMAND explains one):\n";
  for (const Command& c : commands()) {
    if (c.name.starts_with(".")) continue;
    out += fmt::format("  {:<12} {}\n", c.name, c.summary);
  }
  out += "\nSettings:\n";
  for (const Command& c : commands()) {
    if (!c.name.starts_with(".")) continue;
    out += fmt::format("  {:<12} {}\n", c.name, c.summary);
  }
  out += "\nNames: type a key (rusland), a name or alias in any case and without accents\n"
         "(oekraine), a Kamerstuk citation (33 694, nr. 57) or a unique prefix; quote names with\n"
         "spaces: path \"Straat van Hormuz\" navo\n";
  return out;
}

}  // namespace kg::shell
