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
  // The first failed write or flush since the last call, as a kIo Status (ok when none), so
  // that output lost to a full disk or a closed pipe is an error, not a silent success.
  Status take_error() {
    Status s = std::move(error_);
    error_ = Status();
    return s;
  }

 protected:
  // Records errno's failure unless one is recorded already.
  void fail(const std::string& what);

 private:
  Status error_;
};

// Writes to a C stream it does not own (stdout or stderr).
class StreamSink : public Sink {
 public:
  // `name` says where output goes in an error ("standard output").
  explicit StreamSink(std::FILE* stream, std::string name = "standard output");
  void write(std::string_view text) override;
  void flush() override;
  bool is_terminal() const override { return terminal_; }

 private:
  std::FILE* stream_;
  std::string name_;
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
