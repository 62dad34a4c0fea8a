// A cancellation flag that a long graph question polls, so that Ctrl-C (or another thread) can
// stop it. One token per session; set() is async-signal-safe (a lock-free atomic store), so a
// SIGINT handler may call it. Every other member is thread-safe as well.
#pragma once

#include <atomic>

namespace kg {

class CancelToken {
 public:
  CancelToken() = default;
  CancelToken(const CancelToken&) = delete;
  CancelToken& operator=(const CancelToken&) = delete;

  // Asks every question that polls this token to stop; it then fails with kInterrupted.
  void set() noexcept { flag_.store(true, std::memory_order_relaxed); }
  // Clears the flag; call it before starting the next question.
  void reset() noexcept { flag_.store(false, std::memory_order_relaxed); }
  bool is_set() const noexcept { return flag_.load(std::memory_order_relaxed); }

 private:
  static_assert(std::atomic<bool>::is_always_lock_free, "set() must be async-signal-safe");
  std::atomic<bool> flag_{false};
};

}  // namespace kg
