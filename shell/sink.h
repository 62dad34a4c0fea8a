// Where rendered output goes: stdout, a file (.output FILE), or a string (tests). Renderers write
// only to a Sink, never to std::cout, so swapping the sink redirects every command.
// A Sink is used by one thread at a time.
#pragma once

#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

#include "kg/status.h"

namespace kg::shell {

class Sink {
 public:
  virtual ~Sink() = default;
  virtual void write(std::string_view text) = 0;
  virtual void flush() {}
  // True when the sink is a terminal (tables then cut long cells to fit).
  virtual bool is_terminal() const { return false; }
};

// Writes to a C stream it does not own (stdout or stderr).
class StreamSink : public Sink {
 public:
  explicit StreamSink(std::FILE* stream);
  void write(std::string_view text) override;
  void flush() override;
  bool is_terminal() const override { return terminal_; }

 private:
  std::FILE* stream_;
  bool terminal_;
};

// Writes to a file it owns, created or truncated on open().
class FileSink : public Sink {
 public:
  static Result<std::unique_ptr<FileSink>> open(const std::string& path);
  ~FileSink() override;
  void write(std::string_view text) override;
  void flush() override;
  const std::string& path() const { return path_; }

 private:
  FileSink(std::FILE* file, std::string path) : file_(file), path_(std::move(path)) {}
  std::FILE* file_;
  std::string path_;
};

// Collects everything written, for tests.
class StringSink : public Sink {
 public:
  void write(std::string_view text) override { text_ += text; }
  const std::string& text() const { return text_; }
  void clear() { text_.clear(); }

 private:
  std::string text_;
};

}  // namespace kg::shell
