// The command table and what derives from it besides parsing (request.cpp): look-up, "did you
// mean" for commands, the choices of each kind, usage and help texts.
#include <fmt/format.h>

#include <algorithm>

#include "command.h"
#include "handlers.h"
#include "kg/suggest.h"

namespace kg::shell {
namespace {

// The parameters shared by many rows, declared once.
const Param kDir{Field::kDir, Kind::kDirection, "--dir", "D",
                 "follow edges forward (out), backward (in) or either way (both, the default)"};
const Param kRel{Field::kRel, Kind::kRelationList, "--rel", "R", "follow only these relations"};
const Param kNotRel{Field::kNotRel, Kind::kRelationList, "--not-rel", "R",
                    "never follow these relations"};
// DESIGN.md §5: --through limits what a search passes through, --type what an answer lists;
// for path and paths every node is listed, so there the two are the same.
const Param kThrough{Field::kThrough, Kind::kTypeList, "--through", "T",
                     "pass only through nodes of these types"};
const Param kType{Field::kType, Kind::kTypeList, "--type", "T",
                  "list only nodes of these types (path, paths: pass only through them)"};
const Param kListType{Field::kType, Kind::kTypeList, "--type", "T",
                      "list only nodes of these types"};
const Param kAvoid{Field::kAvoid, Kind::kNodeList, "--avoid", "N",
                   "never pass through these nodes"};
const Param kAvoidHubs{Field::kAvoidHubs,
                       Kind::kNumber,
                       "--avoid-hubs",
                       "[N]",
                       "never pass through a node of degree above N (default: .limit hubs)",
                       0,
                       kNoMaximum,
                       std::nullopt,
                       false,
                       false,
                       true};
const Param kMaxHops{Field::kMaxHops, Kind::kNumber, "--max-hops", "N", "at most N steps", 0};
const Param kWhy{Field::kWhy, Kind::kSwitch, "--why", "", "show the source of every edge"};
const Param kAt{Field::kAt, Kind::kText, "--at", "TEXT",
                "only edges whose locator contains TEXT (a section, page or footnote)"};

Param top(long fallback) {
  return {Field::kTop, Kind::kNumber, "--top", "N", "show at most N rows", 1, kNoMaximum, fallback};
}

// Positionals.
Param node(std::string_view name) {
  return {Field::kNodes, Kind::kNode, name};
}
Param optional(Param p) {
  p.optional = true;
  return p;
}
Param rest(Param p) {
  p.rest = true;
  return p;
}
const Param kOnOffArg = optional({Field::kOnOff, Kind::kOnOff, "on|off"});
const Param kFileArg{Field::kText, Kind::kFile, "FILE"};

const std::vector<Param> kFilters{kDir,  kRel,   kNotRel,    kThrough,
                                  kType, kAvoid, kAvoidHubs, kMaxHops};

}  // namespace

const std::vector<Command>& commands() {
  static const std::vector<Command> kCommands{
      {"path",
       {},
       {node("A"), node("B")},
       {kWhy},
       kFilters,
       "one shortest chain of edges from A to B",
       "Finds a path with the fewest hops. Among equally short paths it takes the most specific: "
       "the one whose inner nodes have the lowest sum of log(degree), then the one whose nodes "
       "come first by key. Filters apply during the search; a hub passed is named.\n"
       "Example: path rusland opcw --avoid navo --why",
       cmd_path},
      {"paths",
       {},
       {node("A"), node("B")},
       {{Field::kK, Kind::kNumber, "--k", "N", "how many paths", 1, kNoMaximum, 3},
        {Field::kRank, Kind::kPathOrder, "--rank", "length|specific",
         "order by length (the default) or by degree-weighted path score, highest first"},
        kWhy},
       kFilters,
       "the N shortest simple paths from A to B",
       "Lists up to N paths without repeated nodes, shortest first, by Yen's algorithm; ties in "
       "length go to the path over less connected nodes, then by node keys. --rank specific "
       "orders those paths by their DWPC score (Hetionet's, damping 0.5) and prints it.\n"
       "Example: paths rusland opcw --k 5 --not-rel concerns",
       cmd_paths},
      {"neighbours",
       {"neighbors"},
       {node("A")},
       {{Field::kDepth, Kind::kNumber, "--depth", "D", "how many steps out", 0, kNoMaximum, 1},
        kWhy},
       kFilters,
       "every node within D steps of A, with its depth and how it was reached",
       "Lists the ego network of A grouped by depth, then type; each node with the node it was "
       "first reached from (via), the relation and the source of that edge (--why adds the "
       "locator). JSON and the graph formats (dot, graphml, gexf, svg) also give the edges among "
       "the reached nodes. A search that "
       "reaches the node limit stops and says so.\n"
       "Example: neighbours minusma --depth 2 --type actor,mission",
       cmd_neighbours},
      {"common",
       {},
       {node("A"), node("B"), optional(rest(node("C")))},
       {kWhy},
       {kDir, kRel, kNotRel, kThrough, kType, kAvoid, kAvoidHubs},
       "nodes adjacent to all of A, B, ...",
       "Lists the nodes one step away from every node given, with the relation and source that "
       "connect each given node to it (--why adds the locator).\n"
       "Example: common rusland china --type treaty",
       cmd_common},
      {"rank",
       {},
       {{Field::kMeasure, Kind::kMeasure, "MEASURE"}},
       {top(10)},
       {kListType, kDir, kRel, kNotRel, kThrough, kAvoid, kAvoidHubs},
       "the most central nodes by a measure",
       "Scores every node of the (relation-filtered) graph and lists the top N; --type limits "
       "which nodes are listed, not which are counted.\n"
       "Example: rank betweenness --type actor --top 5",
       cmd_rank},
      {"components",
       {},
       {},
       {top(10)},
       {kRel, kNotRel, kThrough, kListType, kAvoid, kAvoidHubs},
       "connected groups of nodes, largest first",
       "Splits the graph into parts that are connected when direction is ignored; lists the top "
       "N.\n"
       "Example: components --not-rel cites",
       cmd_components},
      {"show",
       {},
       {node("A")},
       {kWhy},
       {},
       "the card of a node: type, aliases, attributes and every edge with its source",
       "Groups the edges by relation, outgoing with the forward label and incoming with the "
       "inverse label; --why adds the curator's note to each.\n"
       "Example: show \"Straat van Hormuz\"",
       cmd_show},
      {"find",
       {},
       {rest({Field::kText, Kind::kText, "TEXT"})},
       {kListType, top(20)},
       {},
       "full-text search over names, aliases, descriptions and notes",
       "Every word must match (as a word prefix, ignoring case and diacritics); best matches "
       "first, at most N.\n"
       "Example: find desinformatie --type threat",
       cmd_find},
      {"cites",
       {},
       {node("KST")},
       {kAt},
       {},
       "the papers a Kamerstuk cites",
       "Lists the targets of its cites edges; --at keeps those cited in a section, page or "
       "footnote (the locator contains TEXT, ignoring case and accents).\n"
       "Example: cites \"Kamerstuk 33 694, nr. 57\" --at Cyberdreigingen",
       cmd_cites},
      {"cited-by",
       {},
       {node("KST")},
       {},
       {},
       "the papers that cite a Kamerstuk",
       "Lists the papers with a cites edge to it.\nExample: cited-by 30821-72",
       cmd_cited_by},
      {"sources",
       {},
       {node("A")},
       {kAt},
       {},
       "the facts that rest on a paper, or the sources of a node's facts",
       "For a Kamerstuk: every edge whose source it is. For any other node: its edges with their "
       "sources. --at keeps edges whose locator contains TEXT.\n"
       "Example: sources kst-33694-57 --at \"vn. 17\"",
       cmd_sources},
      {"stats",
       {},
       {},
       {},
       {},
       "what the open graph holds",
       "Counts of nodes, edges, types, relations and components, and where the graph comes from.\n"
       "Example: stats",
       cmd_stats},
      {"types",
       {},
       {},
       {},
       {},
       "the node types with their counts",
       "Lists the types declared by the dataset, with how many nodes each has.\nExample: types",
       cmd_types},
      {"relations",
       {},
       {},
       {},
       {},
       "the relations with labels, allowed types and counts",
       "Lists the relation vocabulary of the dataset: forward and inverse labels and the types "
       "each may join.\nExample: relations",
       cmd_relations},
      {"help",
       {},
       {optional({Field::kText, Kind::kCommand, "COMMAND"})},
       {},
       {},
       "list the commands, or explain one",
       "Without an argument lists every command; with one shows its usage, flags and an example.\n"
       "Example: help paths",
       cmd_help,
       false},
      {".mode",
       {},
       {optional({Field::kFormat, Kind::kFormat, "FORMAT"})},
       {},
       {},
       "set the output format, or show it",
       "Without an argument lists every format, the current one marked with *.",
       dot_mode,
       false},
      {".output",
       {},
       {optional(kFileArg)},
       {},
       {},
       "send results to FILE (created or emptied), or back to the screen",
       "Errors and notices still go to the screen.",
       dot_output,
       false},
      {".once",
       {},
       {kFileArg},
       {},
       {},
       "send the next command's results (only) to FILE, created or emptied",
       "As sqlite3's .once: the command after it writes to FILE, then results go where they went "
       "before (the screen, or the .output file).\n"
       "Example: .once rusland.csv",
       dot_once,
       false},
      {".headers",
       {},
       {kOnOffArg},
       {},
       {},
       "print the header row of table, CSV and TSV answers (on, the default) or not",
       "With headers off a table has no header row and rule and CSV and TSV start at the first "
       "row of values, for appending to a file. Without an argument shows the setting.\n"
       "Example: .headers off",
       dot_headers,
       false},
      {".pager",
       {},
       {kOnOffArg},
       {},
       {},
       "page interactive answers longer than the screen (on, the default) or not",
       "At the prompt an answer taller than the terminal goes through $PAGER (less -FRX when "
       "PAGER is not set; PAGER set empty means none). Never for -c, -f, a pipe, .output or "
       ".once. Without an argument shows the setting.\n"
       "Example: .pager off",
       dot_pager,
       false},
      {".read",
       {},
       {kFileArg},
       {},
       {},
       "run the commands in FILE",
       "A query file has one command per line; # starts a comment and a trailing \\ continues "
       "a line. Errors are reported as FILE:LINE.",
       dot_read,
       false},
      {".open",
       {},
       {kFileArg},
       {},
       {},
       "open another graph file",
       "The file must be a graph built by 'kamergraaf import'; if it cannot be opened the current "
       "graph stays.",
       dot_open,
       false},
      {".timer",
       {},
       {kOnOffArg},
       {},
       {},
       "report how long each command takes (on stderr)",
       "Prints 'time: N ms' on stderr after each command, so results on stdout stay clean. "
       "Without an argument shows the setting.",
       dot_timer,
       false},
      {".sources",
       {},
       {kOnOffArg},
       {},
       {},
       "show the source of every edge in answers (as --why does)",
       "With sources on, every hop of a path is followed by its citation (Kamerstuk, section, "
       "page, footnote) and node cards add the curator's notes. Without an argument shows the "
       "setting.",
       dot_sources,
       false},
      {".limit",
       {},
       {optional({Field::kLimitName, Kind::kLimitName, "LIMIT"}),
        optional({Field::kCount, Kind::kNumber, "N", "", "", 1})},
       {},
       {},
       "show or set the work limits of searches",
       "visited: nodes one search may visit; results: nodes a neighbourhood may return and spur "
       "searches paths may run; hubs: the degree above which a node is a hub (named in path "
       "answers, and what a bare --avoid-hubs avoids). A search that reaches a limit stops and "
       "says 'truncated' on stderr.",
       dot_limit,
       false},
      {".avoid",
       {},
       {optional({Field::kText, Kind::kText, "N1,N2|none"})},
       {},
       {},
       "avoid these nodes in every search (a standing --avoid), or show them",
       "Every command that takes --avoid also avoids these, except a node the command names "
       "itself. '.avoid none' clears the setting; opening another graph clears it too. Without "
       "an argument prints the setting as a command you can type back.\n"
       "Example: .avoid nederland,kabinet,eu",
       dot_avoid},
      {".names",
       {},
       {optional({Field::kText, Kind::kText, "exact|guess"})},
       {},
       {},
       "take a unique name prefix as a guess (guess, the default), or refuse it (exact)",
       "With guess, a name that only starts a node's name or alias answers with a note on "
       "stderr saying which node was taken; with exact it is an error, for scripts whose "
       "meaning must not change as the graph grows (also: kamergraaf --exact-names). Without "
       "an argument prints the setting.\n"
       "Example: .names exact",
       dot_names,
       false},
      {".help",
       {},
       {optional({Field::kText, Kind::kCommand, "COMMAND"})},
       {},
       {},
       "the same as help",
       "Lists the commands, or explains one.",
       cmd_help,
       false},
      {".quit",
       {".exit"},
       {},
       {},
       {},
       "leave the shell (Ctrl-D does too)",
       "In a query file, stops reading it and every file after it.",
       dot_quit,
       false},
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

namespace {

std::vector<std::string> command_names() {
  std::vector<std::string> names;
  for (const Command& c : commands()) names.emplace_back(c.name);
  return names;
}

}  // namespace

std::string suggest_command(std::string_view name) {
  return closest_name(name, command_names());
}

std::string command_hint(std::string_view name) {
  if (std::string hint = did_you_mean(name, command_names()); !hint.empty()) return hint;
  // A dot typed or left out is no spelling mistake: ".shwo" suggests show, "mdoe" .mode.
  std::vector<std::string> other;
  for (const std::string& c : command_names())
    other.push_back(c.starts_with('.') ? c.substr(1) : "." + c);
  const std::string best = closest_name(name, other);
  if (best.empty()) return {};
  return " (did you mean '" + (best.starts_with('.') ? best.substr(1) : "." + best) + "'?)";
}

std::vector<std::string> choices(Kind kind) {
  switch (kind) {
    case Kind::kDirection:
      return {"out", "in", "both"};
    case Kind::kMeasure:
      return {"degree", "betweenness", "pagerank"};
    case Kind::kOnOff:
      return {"on", "off"};
    case Kind::kLimitName:
      return {"visited", "results", "hubs"};
    case Kind::kPathOrder:
      return {"length", "specific"};
    case Kind::kFormat: {
      std::vector<std::string> names;
      for (const FormatInfo& f : formats()) names.emplace_back(f.name);
      return names;
    }
    default:
      return {};
  }
}

std::vector<const Param*> Command::all_flags() const {
  std::vector<const Param*> out;
  for (const Param& p : filters) out.push_back(&p);
  for (const Param& p : flags) {
    if (is_filter(p.field)) out.push_back(&p);
  }
  for (const Param& p : flags) {
    if (!is_filter(p.field)) out.push_back(&p);
  }
  return out;
}

const Param* Command::flag(std::string_view flag_name) const {
  for (const Param* p : all_flags()) {
    if (p->name == flag_name) return p;
  }
  return nullptr;
}

namespace {

std::string join(const std::vector<std::string>& items, std::string_view sep) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : std::string(sep)) + item;
  return out;
}

// How a positional reads in usage: a choice kind as its choices, else its name.
std::string positional_usage(const Param& p) {
  const auto words = choices(p.kind);
  return words.empty() ? std::string(p.name) : join(words, "|");
}

}  // namespace

bool is_filter(Field field) {
  return std::any_of(kFilters.begin(), kFilters.end(),
                     [&](const Param& f) { return f.field == field; });
}

std::string value_help(const Param& p) {
  switch (p.kind) {
    case Kind::kNodeList:
    case Kind::kRelationList:
    case Kind::kTypeList:
      return fmt::format("{0}1,{0}2", p.value);
    case Kind::kDirection:
      return join(choices(p.kind), "|");
    default:
      return std::string(p.value);
  }
}

std::string Command::usage() const {
  std::string out(name);
  for (std::size_t i = 0; i < positionals.size(); ++i) {
    const Param& p = positionals[i];
    if (!p.optional) {
      out += " " + positional_usage(p);
      continue;
    }
    // Consecutive optional positionals are given together: "[visited|results N]".
    std::string group = positional_usage(p) + (p.rest ? "..." : "");
    while (i + 1 < positionals.size() && positionals[i + 1].optional) {
      group += " " + positional_usage(positionals[++i]);
    }
    out += " [" + group + "]";
  }
  for (const Param& f : flags) {
    out += " [" + std::string(f.name) + (f.value.empty() ? "" : " " + std::string(f.value)) + "]";
  }
  if (!filters.empty()) out += " [filters]";
  return out;
}

std::string command_help(const Command& c) {
  std::string out = "usage: " + c.usage() + "\n" + std::string(c.summary) + "\n";
  if (!c.aliases.empty()) {
    out += "also: ";
    for (std::string_view a : c.aliases) out += std::string(a) + " ";
    out.back() = '\n';
  }
  if (!c.details.empty()) out += "\n" + std::string(c.details) + "\n";
  const auto flags = c.all_flags();
  if (!flags.empty()) {
    out += "\nflags:\n";
    for (const Param* f : flags) {
      const std::string value = value_help(*f);
      const std::string head = std::string(f->name) + (value.empty() ? "" : " " + value);
      const std::string fallback = f->fallback ? fmt::format(" (default {})", *f->fallback) : "";
      out += fmt::format("  {:<22} {}{}\n", head, f->help, fallback);
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
  out +=
      "\nNames: type a key (rusland), a name or alias in any case and without accents\n"
      "(oekraine), a Kamerstuk citation (33 694, nr. 57) or a unique prefix (a guess, noted on\n"
      "stderr; .names exact refuses it); quote names with spaces: path \"Straat van Hormuz\" "
      "navo\n";
  return out;
}

}  // namespace kg::shell
