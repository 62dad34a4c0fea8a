// The joining of continuation lines every reader shares (LineReader::next), and ScriptReader.
#include "line_reader.h"

namespace kg::shell {

std::optional<std::string> LineReader::next() {
  std::string command;
  bool continuing = false;
  for (;;) {
    std::string line;
    switch (read_line(continuing, line)) {
      case Got::kEnd:
        if (!continuing) return std::nullopt;
        accepted(command);
        return command;  // a trailing "\" on the last line: run what there is
      case Got::kCancelled:
        command.clear();
        continuing = false;
        continue;
      case Got::kLine:
        break;
    }
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty() && line.back() == '\\') {
      line.pop_back();
      command += line + " ";
      continuing = true;
      continue;
    }
    command += line;
    accepted(command);
    return command;
  }
}

LineReader::Got ScriptReader::read_line(bool continuing, std::string& line) {
  if (stopped_) return Got::kEnd;
  line.clear();
  bool any = false;
  for (int c; (c = in_.get()) != std::char_traits<char>::eof();) {
    any = true;
    if (c == '\n') break;
    if (line.size() == kMaxLine) {
      ++line_;
      start_line_ = line_;
      error_ = Status::error(ErrorKind::kInvalidArgument,
                             "line longer than 1 MiB; not a query file, stopped reading it");
      stopped_ = true;
      return Got::kEnd;
    }
    line.push_back(static_cast<char>(c));
  }
  if (in_.bad()) {
    error_ = Status::error(ErrorKind::kIo, "read error; stopped reading");
    stopped_ = true;
    return Got::kEnd;
  }
  if (!any) return Got::kEnd;
  ++line_;
  if (!continuing) start_line_ = line_;
  return Got::kLine;
}

std::string ScriptReader::where() const {
  if (name_.empty()) return {};
  return name_ + ":" + std::to_string(start_line_);
}

}  // namespace kg::shell
