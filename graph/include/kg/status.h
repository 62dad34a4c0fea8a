// Errors as values at the library boundary: Status (ok or one error) and Result<T> (a value or a
// Status). Nothing thrown crosses the public API of kg; every error carries a kind and a location.
// Plain value types; safe to copy between threads.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace kg {

enum class ErrorKind {
  kInvalidArgument,  // a malformed request: bad flag value, bad citation, unknown relation name
  kNotFound,         // a name that matches nothing; candidates() holds suggestions
  kAmbiguous,        // a name that matches several nodes; candidates() holds them
  kIo,               // a file that cannot be read or written
  kCorrupt,          // a file that is not a kamergraaf graph, or is damaged
  kVersion,          // a graph file written by another schema version
  kData,             // a dataset problem found by import
  kInterrupted,      // a question stopped because its CancelToken was set (Ctrl-C)
};

// Where an error is: a file and line for data, an argument position for commands. Empty when the
// error has no place (e.g. out of memory).
struct Location {
  std::string file;
  int line = 0;       // 1-based; 0 when unknown
  int argument = -1;  // 0-based position in a command's arguments; -1 when not an argument error

  bool empty() const { return file.empty() && argument < 0; }
};

class Status {
 public:
  Status() = default;  // ok
  static Status error(ErrorKind kind, std::string message, Location where = {},
                      std::vector<std::string> candidates = {}) {
    Status s;
    s.ok_ = false;
    s.kind_ = kind;
    s.message_ = std::move(message);
    s.where_ = std::move(where);
    s.candidates_ = std::move(candidates);
    return s;
  }

  bool ok() const { return ok_; }
  ErrorKind kind() const { return kind_; }
  const std::string& message() const { return message_; }
  const Location& where() const { return where_; }
  // Matching nodes (kAmbiguous) or suggestions (kNotFound), already formatted for display.
  const std::vector<std::string>& candidates() const { return candidates_; }

  // "FILE:LINE: error: MESSAGE" when the error has a file, else "error: MESSAGE".
  std::string to_string() const;

 private:
  bool ok_ = true;
  ErrorKind kind_ = ErrorKind::kInvalidArgument;
  std::string message_;
  Location where_;
  std::vector<std::string> candidates_;
};

// The one form of an error line (DESIGN.md §6): "WHERE: error: MESSAGE", or "error: MESSAGE"
// when `where` is empty. Status::to_string and the shell both print through it.
std::string error_line(std::string_view where, std::string_view message);

// A value or the Status explaining why there is none. Requires: value() only when ok().
template <typename T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}         // NOLINT: implicit by design
  Result(Status status) : v_(std::move(status)) {}  // NOLINT: implicit by design

  bool ok() const { return v_.index() == 0; }
  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  // The error; an ok Status when there is a value. A reference, so that it is safe to iterate
  // status().candidates() of a temporary's member in a range-for.
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<1>(v_);
  }

 private:
  std::variant<T, Status> v_;
};

}  // namespace kg
