// Sources of command lines: an interactive reader (GNU readline) and a script reader (files,
// pipes, -c). Both feed the same loop, so a query file behaves exactly like typing.
#pragma once

#include <istream>
#include <optional>
#include <string>

namespace kg::shell {

class LineReader {
 public:
  virtual ~LineReader() = default;
  // The next complete command (continuation lines joined), or nullopt at the end of input.
  virtual std::optional<std::string> next() = 0;
  // "FILE:LINE" of the command last returned, for error messages; empty when interactive or -c.
  virtual std::string where() const = 0;
};

// Reads commands from a stream: one per line; a line ending in \ continues on the next; a last
// line without a newline still counts. Owned by its creator; does not own the stream.
class ScriptReader : public LineReader {
 public:
  // `name` is used in where(); pass "" for -c commands.
  ScriptReader(std::istream& in, std::string name) : in_(in), name_(std::move(name)) {}
  std::optional<std::string> next() override;
  std::string where() const override;

 private:
  std::istream& in_;
  std::string name_;
  int line_ = 0;        // lines consumed so far
  int start_line_ = 0;  // first line of the command last returned
};

}  // namespace kg::shell
