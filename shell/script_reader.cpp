// Implementation of ScriptReader (line_reader.h).
#include "line_reader.h"

namespace kg::shell {

std::optional<std::string> ScriptReader::next() {
  std::string command;
  std::string line;
  bool have = false;
  while (std::getline(in_, line)) {
    ++line_;
    if (!have) start_line_ = line_;
    have = true;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty() && line.back() == '\\') {
      line.pop_back();
      command += line + " ";
      continue;
    }
    command += line;
    return command;
  }
  if (have) return command;  // a trailing "\" on the last line: run what there is
  return std::nullopt;
}

std::string ScriptReader::where() const {
  if (name_.empty()) return {};
  return name_ + ":" + std::to_string(start_line_);
}

}  // namespace kg::shell
