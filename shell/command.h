// The command table: every command the shell knows, as one row that declares its typed
// parameters (positionals and flags), usage words, summary, details and handler. Parsing a line
// into a typed Request, usage, help, completion, validation and "did you mean" all derive from
// the rows; docs/commands.md is checked against them. The table is immutable; thread-safe.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "answer.h"
#include "format.h"
#include "kg/algorithms.h"
#include "kg/query.h"
#include "kg/resolve.h"
#include "kg/status.h"

namespace kg::shell {

class Session;

// What the words of a parameter mean; parsing checks and converts them accordingly.
enum class Kind {
  kNode,          // one node name, resolved (DESIGN.md §4)
  kNodeList,      // node names, comma-separated and/or repeated; a whole value is tried first
  kRelationList,  // relation names, comma-separated and/or repeated
  kTypeList,      // type names, comma-separated and/or repeated
  kDirection,     // out|in|both
  kMeasure,       // degree|betweenness|pagerank
  kOnOff,         // on|off
  kNumber,        // a whole number in [min, max], with a default when absent
  kText,          // free text
  kFile,          // a file name
  kFormat,        // an output format (format.h)
  kCommand,       // a command name
  kLimitName,     // visited|results|hubs (.limit)
  kPathOrder,     // length|specific (paths --rank)
  kSwitch,        // a flag without a value
};

// The field of the Request a parameter fills.
enum class Field {
  kDir,
  kRel,
  kNotRel,
  kThrough,
  kType,
  kAvoid,
  kAvoidHubs,
  kMaxHops,
  kDepth,
  kK,
  kTop,
  kWhy,
  kAt,
  kRank,  // flags
  kNodes,
  kText,
  kMeasure,
  kOnOff,
  kFormat,
  kLimitName,
  kCount,  // positionals
};

constexpr long kNoMaximum = 1'000'000'000;

struct Param {
  Field field;
  Kind kind;
  // A flag's name ("--depth"), or how a positional reads in usage ("A", "KST", "FILE"); choice
  // kinds (measure, format, on/off, limit) read as their choices instead.
  std::string_view name;
  // A flag's value in usage ("D" in "[--depth D]"); help shows lists as "D1,D2" and directions
  // as their choices. Empty for switches and positionals.
  std::string_view value = {};
  std::string_view help = {};  // one line, for a flag's entry in help
  long min = 0;                // kNumber: the allowed range and the default
  long max = kNoMaximum;
  std::optional<long> fallback = std::nullopt;
  bool optional = false;  // positionals: may be left out (consecutive ones go together)
  bool rest = false;      // last positional: takes every remaining word
  // A flag whose value may be left out (--avoid-hubs [N]): it takes the next word only when that
  // is a number; without one the flag means its fallback (for --avoid-hubs: Limits::hub_degree).
  bool value_optional = false;
  bool is_flag() const { return name.starts_with("--"); }
};

// A command line turned into typed values, every default filled in from the row.
struct Request {
  std::vector<NodeId> nodes;        // the kNode positionals, in order
  std::optional<std::string> text;  // a kText/kFile/kCommand positional (rest words joined by ' ')
  std::optional<Centrality> measure;
  std::optional<std::string> measure_name;
  std::optional<bool> on_off;
  std::optional<Format> format;
  std::optional<std::string> limit_name;   // "visited", "results" or "hubs"
  PathOrder order = PathOrder::kShortest;  // paths --rank
  Filter filter;  // --dir, --rel, --not-rel, --through, --type, --avoid, --avoid-hubs,
                  // --max-hops; limits
  bool why = false;
  std::optional<std::string> at;
  std::map<Field, long> numbers;   // kNumber parameters given, or absent with a default
  std::vector<Field> given_flags;  // the flags the line spelled out, defaults not included
  // Names taken as the unique prefix of a node's name (a guess, DESIGN.md §4), as the notes
  // the answer prints on stderr: "'Salisbury' taken as '…' (key), the only name that starts
  // with it".
  std::vector<std::string> notes;

  // The number for `field`. Requires: it was given or its row declares a default.
  long number(Field field) const { return numbers.at(field); }
  // True when the line gave the flag that fills `field` (not only its default).
  bool given(Field field) const {
    for (Field f : given_flags) {
      if (f == field) return true;
    }
    return false;
  }
};

// What parsing needs from the session: the open graph (null when none) and the work limits.
struct Context {
  const Graph* graph = nullptr;
  const Resolver* resolver = nullptr;
  Limits limits;
  bool exact_names = false;  // .names exact / --exact-names: a prefix is no match
};

using Handler = Result<std::unique_ptr<Answer>> (*)(Session&, const Request&);

struct Command {
  std::string_view name;
  std::vector<std::string_view> aliases;
  std::vector<Param> positionals;
  std::vector<Param> flags;    // spelled out in usage, in this order
  std::vector<Param> filters;  // shown in usage as "[filters]"
  std::string_view summary;    // one line
  std::string_view details;    // a paragraph, with an example
  Handler handler = nullptr;
  bool needs_graph = true;  // false for help and most dot commands

  // Every flag, filters first (as help lists them), then the others in row order.
  std::vector<const Param*> all_flags() const;
  // The flag named `name` ("--depth"), or nullptr.
  const Param* flag(std::string_view name) const;
  // "path A B [--why] [--dir D] …": derived from the parameters.
  std::string usage() const;
};

const std::vector<Command>& commands();
// The command named or aliased `name`; nullptr when there is none.
const Command* find_command(std::string_view name);
// The closest command name to a mistyped one, or empty.
std::string suggest_command(std::string_view name);
// The same as " (did you mean 'NAME'?)" (kg::did_you_mean), or empty.
std::string command_hint(std::string_view name);
// The words a choice kind accepts (directions, measures, on/off, formats, limits, path orders);
// empty for
// other kinds.
std::vector<std::string> choices(Kind kind);

// True for the filter flags every graph question shares (DESIGN.md §5): --dir, --rel, --not-rel,
// --through, --type, --avoid, --avoid-hubs, --max-hops.
bool is_filter(Field field);
// A flag's value as help shows it: "R1,R2" for lists, "out|in|both" for a direction, else the
// value's name ("N").
std::string value_help(const Param& p);

// Turns the words after the command name into a Request: known flags with values, the number of
// positionals, then every value checked and converted by its kind. Errors say what is wrong in
// one line, suggest the closest known name, and carry the argument position (Location::argument:
// the index of the offending word).
Result<Request> parse_request(const Command& command, const std::vector<std::string>& words,
                              const Context& context);

// Full help text for one command (usage, summary, details, flags with their defaults).
std::string command_help(const Command& command);
// The overview `help` prints.
std::string help_overview();

}  // namespace kg::shell
