// Per-node scratch values for one search, reset in O(1): a node's value counts only when its
// stamp equals the current epoch. Maps are pooled per thread, so a query on a million-node graph
// does not allocate or clear megabytes each time. Not shared between threads.
#pragma once

#include <algorithm>
#include <cstdint>
#include <memory>
#include <vector>

#include "kg/ids.h"

namespace kg::detail {

class VisitMap {
 public:
  // Forgets every value; sizes the map for `n` nodes.
  void reset(std::size_t n) {
    if (slots_.size() != n) {
      slots_.assign(n, Slot{});
      epoch_ = 0;
    }
    if (++epoch_ == 0) {  // wrapped: clear once every 2^32 searches
      std::fill(slots_.begin(), slots_.end(), Slot{});
      epoch_ = 1;
    }
  }
  bool has(NodeId v) const { return slots_[v].stamp == epoch_; }
  // The value of `v`, or -1 when it has none in this search.
  int get(NodeId v) const { return slots_[v].stamp == epoch_ ? slots_[v].value : -1; }
  void set(NodeId v, int value) { slots_[v] = Slot{epoch_, value}; }

 private:
  // Stamp and value side by side: one cache line per node touched, not two.
  struct Slot {
    std::uint32_t stamp = 0;
    int value = 0;
  };
  std::vector<Slot> slots_;
  std::uint32_t epoch_ = 0;
};

// Borrows a VisitMap from this thread's pool for one scope, reset for `n` nodes.
class ScopedVisitMap {
 public:
  explicit ScopedVisitMap(std::size_t n) {
    auto& pool = free_maps();
    if (pool.empty()) {
      map_ = std::make_unique<VisitMap>();
    } else {
      map_ = std::move(pool.back());
      pool.pop_back();
    }
    map_->reset(n);
  }
  ~ScopedVisitMap() { free_maps().push_back(std::move(map_)); }
  ScopedVisitMap(const ScopedVisitMap&) = delete;
  ScopedVisitMap& operator=(const ScopedVisitMap&) = delete;
  VisitMap& operator*() { return *map_; }
  VisitMap* operator->() { return map_.get(); }

 private:
  static std::vector<std::unique_ptr<VisitMap>>& free_maps() {
    thread_local std::vector<std::unique_ptr<VisitMap>> pool;
    return pool;
  }
  std::unique_ptr<VisitMap> map_;
};

}  // namespace kg::detail
