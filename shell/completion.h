// Tab completion as a pure function of the line, the cursor and what the session holds: command
// names, flags, node names and aliases (quoted when they contain spaces), types, relations,
// formats and file names. The readline adapter (readline_reader.cpp) only displays the result.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace kg::shell {

class Session;

struct Completion {
  std::size_t start = 0;                // byte offset in the line where the replaced word begins
  std::vector<std::string> candidates;  // replacements for line[start, cursor)
  bool append_space = true;             // false when a candidate is a directory to go into
};

Completion complete(std::string_view line, std::size_t cursor, const Session& session);

}  // namespace kg::shell
