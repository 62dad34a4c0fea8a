// Per-node scratch marks for one search, reset in O(1): a node's slot counts only when its stamp
// equals the current epoch. Pooled per thread, so a query on a million-node graph does not
// allocate or clear megabytes each time. Not shared between threads.
#pragma once

#include <algorithm>
#include <cstdint>
#include <memory>
#include <vector>

#include "kg/ids.h"

namespace kg::detail {

// The slots and the epoch that VisitMap and VisitSet share.
template <typename Slot>
class Stamped {
 public:
  // Forgets every node; sizes the slots for `n` nodes.
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

 protected:
  std::vector<Slot> slots_;
  std::uint32_t epoch_ = 0;
};

// Stamp and value side by side: one cache line per node touched, not two.
struct ValueSlot {
  std::uint32_t stamp = 0;
  int value = 0;
};

// A value per node (a distance, a side of a search).
class VisitMap : public Stamped<ValueSlot> {
 public:
  // The value of `v`, or -1 when it has none in this search.
  int get(NodeId v) const { return slots_[v].stamp == epoch_ ? slots_[v].value : -1; }
  void set(NodeId v, int value) { slots_[v] = ValueSlot{epoch_, value}; }
};

struct StampSlot {
  std::uint32_t stamp = 0;
};

// Only whether a node was seen: half the memory of a VisitMap, so twice the nodes per cache line
// for the breadth-first scans that need nothing more.
class VisitSet : public Stamped<StampSlot> {
 public:
  // Marks `v`; true when it was not marked yet in this search.
  bool insert(NodeId v) {
    if (slots_[v].stamp == epoch_) return false;
    slots_[v].stamp = epoch_;
    return true;
  }
};

// A value per node with no marks of its own, for a search that always writes a node's slot
// before it reads it (it knows which nodes it wrote from a VisitMap or VisitSet), so a reset
// only sizes it.
template <typename T>
class Scratch {
 public:
  void reset(std::size_t n) {
    if (values_.size() != n) values_.assign(n, T{});
  }
  T& operator[](NodeId v) { return values_[v]; }

 private:
  std::vector<T> values_;
};

// Borrows a Map (VisitMap or VisitSet) from this thread's pool for one scope, reset for `n` nodes.
template <typename Map>
class Scoped {
 public:
  explicit Scoped(std::size_t n) {
    auto& pool = free_maps();
    if (pool.empty()) {
      map_ = std::make_unique<Map>();
    } else {
      map_ = std::move(pool.back());
      pool.pop_back();
    }
    map_->reset(n);
  }
  ~Scoped() { free_maps().push_back(std::move(map_)); }
  Scoped(const Scoped&) = delete;
  Scoped& operator=(const Scoped&) = delete;
  Map& operator*() { return *map_; }
  Map* operator->() { return map_.get(); }

 private:
  static std::vector<std::unique_ptr<Map>>& free_maps() {
    thread_local std::vector<std::unique_ptr<Map>> pool;
    return pool;
  }
  std::unique_ptr<Map> map_;
};

using ScopedVisitMap = Scoped<VisitMap>;
using ScopedVisitSet = Scoped<VisitSet>;
using ScopedCosts = Scoped<Scratch<std::uint64_t>>;

}  // namespace kg::detail
