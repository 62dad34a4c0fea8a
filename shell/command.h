// The command table: every command the shell knows, with its arity, flags, usage, summary,
// details, argument kinds (for completion) and handler. Dispatch, arity checks, help, "did you
// mean" and completion all derive from this one table; docs/commands.md is checked against it.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "answer.h"
#include "kg/status.h"

namespace kg::shell {

class Session;

enum class Flag { kDir, kRel, kNotRel, kType, kAvoid, kMaxHops, kDepth, kK, kTop, kWhy, kAt };

// What a word stands for, so completion knows what to offer.
enum class ArgKind { kNode, kText, kMeasure, kFile, kFormat, kOnOff, kCommand, kLimit, kNumber };

struct FlagInfo {
  Flag flag;
  std::string_view name;        // "--depth"
  std::string_view value_name;  // "D"; empty for a switch
  std::string_view help;
  ArgKind value_kind = ArgKind::kText;
};

// A parsed command line: positional arguments and flag values (a repeated flag accumulates).
struct Invocation {
  std::vector<std::string> args;
  std::map<Flag, std::vector<std::string>> flags;
  bool has(Flag f) const { return flags.contains(f); }
  // The last value given for `f`, or `fallback`.
  std::string value(Flag f, std::string fallback = {}) const {
    auto it = flags.find(f);
    return it == flags.end() || it->second.empty() ? fallback : it->second.back();
  }
};

using Handler = Result<std::unique_ptr<Answer>> (*)(Session&, const Invocation&);

struct Command {
  std::string_view name;
  std::vector<std::string_view> aliases;
  int min_args = 0;
  int max_args = 0;                // -1: no maximum
  std::vector<ArgKind> arg_kinds;  // per position; the last one repeats
  std::vector<Flag> flags;
  std::string_view usage;          // "path A B [--why] [filters]"
  std::string_view summary;        // one line
  std::string_view details;        // a paragraph, with an example
  Handler handler = nullptr;
  bool needs_graph = true;         // false for help and most dot commands
};

const std::vector<FlagInfo>& flag_table();
const FlagInfo& flag_info(Flag f);
const std::vector<Command>& commands();
// The command named or aliased `name`; nullptr when there is none.
const Command* find_command(std::string_view name);
// The closest command name to a mistyped one, or empty.
std::string suggest_command(std::string_view name);

// Checks `words` (without the command name) against `command`: known flags, flag values present,
// argument count. Errors name the position and suggest the closest flag.
Result<Invocation> parse_invocation(const Command& command, const std::vector<std::string>& words);

// Full help text for one command (usage, summary, details, flags).
std::string command_help(const Command& command);
// The overview `help` prints.
std::string help_overview();

}  // namespace kg::shell
