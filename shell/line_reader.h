// Sources of command lines: an interactive reader (GNU readline, readline_reader.cpp) and a
// script reader (files, pipes, -c, .read). A reader only supplies physical lines; LineReader::next
// joins continuation lines the same way for both, and Session::run is the one loop they feed,
// so a query file behaves exactly like typing. Used by one thread.
#pragma once

#include <cstddef>
#include <istream>
#include <optional>
#include <string>

#include "kg/status.h"

namespace kg::shell {

class LineReader {
 public:
  virtual ~LineReader() = default;
  // The next complete command, or nullopt at the end of input. A line ending in \ continues on
  // the next (the \ becomes a space); a cancelled line (Ctrl-C) drops the command being typed;
  // at the end of input a command still open after a trailing \ is returned as it is.
  std::optional<std::string> next();
  // "FILE:LINE" of the command last returned, for error messages; empty when interactive or -c.
  virtual std::string where() const = 0;
  // A problem with the input itself found by the last next() (ok when none): a line too long or a
  // read error, after which the reader has stopped.
  Status take_error() {
    Status s = std::move(error_);
    error_ = Status();
    return s;
  }
  // True for a person at a terminal: an interrupted command returns to the prompt there, while
  // a script (file, pipe, -c) ends with exit status 130.
  virtual bool interactive() const { return false; }

 protected:
  Status error_;
  enum class Got { kLine, kCancelled, kEnd };
  // Reads one physical line into `line`, without its line end. `continuing` is true while a
  // command is open (for a continuation prompt, or to keep the command's first line number).
  virtual Got read_line(bool continuing, std::string& line) = 0;
  // Called with each complete, non-empty command next() returns (history).
  virtual void accepted(const std::string&) {}
};

// Reads commands from a stream: one per line; a last line without a newline still counts.
// Owned by its creator; does not own the stream.
class ScriptReader : public LineReader {
 public:
  // A longer line is no command (a binary file, /dev/zero): it is reported and reading stops.
  static constexpr std::size_t kMaxLine = 1 << 20;
  // `name` is used in where(); pass "" for -c commands.
  ScriptReader(std::istream& in, std::string name) : in_(in), name_(std::move(name)) {}
  std::string where() const override;

 protected:
  Got read_line(bool continuing, std::string& line) override;

 private:
  std::istream& in_;
  std::string name_;
  int line_ = 0;          // lines consumed so far
  int start_line_ = 0;    // first line of the command last returned
  bool stopped_ = false;  // a line too long or a read error ended the input
};

}  // namespace kg::shell
