// Per-node scratch marks for one search, reset in O(1): a node's slot counts only when its stamp
// equals the current epoch. Pooled per thread, so a query on a million-node graph does not
// allocate or clear megabytes each time; the first allocation is calloc'ed, so that only the
// pages a search touches are ever faulted in. Not shared between threads.
#pragma once

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <new>
#include <type_traits>
#include <vector>

#include "kg/ids.h"

namespace kg::detail {

// `n` zeroed Ts from calloc, which for a large block maps fresh zero pages instead of writing
// them: a search at 10^6 nodes touches a few thousand slots, and zero-filling 8 MiB of them
// with std::vector was most of a cold `kamergraaf -c 'path A B'` (page faults on every page,
// then unmapping them at exit). T must be an implicit-lifetime type whose zero bytes are T{}.
template <typename T>
class ZeroedArray {
  static_assert(std::is_trivially_copyable_v<T> && std::is_trivially_destructible_v<T>);

 public:
  std::size_t size() const { return size_; }
  // Replaces the contents with `n` zeroed elements.
  void assign_zeroed(std::size_t n) {
    data_.reset(static_cast<T*>(std::calloc(n == 0 ? 1 : n, sizeof(T))));
    if (!data_) throw std::bad_alloc();
    size_ = n;
  }
  void zero() {
    if (size_ > 0) std::memset(static_cast<void*>(data_.get()), 0, size_ * sizeof(T));
  }
  T& operator[](std::size_t i) { return data_[i]; }
  const T& operator[](std::size_t i) const { return data_[i]; }

 private:
  struct Free {
    void operator()(T* p) const { std::free(p); }
  };
  std::unique_ptr<T[], Free> data_;
  std::size_t size_ = 0;
};

// The slots and the epoch that VisitMap and VisitSet share.
template <typename Slot>
class Stamped {
 public:
  // Forgets every node; sizes the slots for `n` nodes.
  void reset(std::size_t n) {
    if (slots_.size() != n) {
      slots_.assign_zeroed(n);
      epoch_ = 0;
    }
    if (++epoch_ == 0) {  // wrapped: clear once every 2^32 searches
      slots_.zero();
      epoch_ = 1;
    }
  }
  bool has(NodeId v) const { return slots_[v].stamp == epoch_; }

 protected:
  ZeroedArray<Slot> slots_;
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
    if (values_.size() != n) values_.assign_zeroed(n);
  }
  T& operator[](NodeId v) { return values_[v]; }

 private:
  ZeroedArray<T> values_;
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
