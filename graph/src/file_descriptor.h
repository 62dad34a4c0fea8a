// A POSIX file descriptor that closes itself: the importer's temporary files, lock and syncs, and
// the snapshot file's reader and writer share it. Internal to graph/src; not thread-safe (one
// owner, as any descriptor).
#pragma once

#include <unistd.h>

namespace kg::detail {

// A file descriptor closed on every path out; -1 (a failed open) owns nothing.
class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  int get() const { return fd_; }

 private:
  int fd_;
};

}  // namespace kg::detail
