// Implementation of reference.h.
#include "reference.h"

#include <sqlite3.h>

#include <cstdio>
#include <cstdlib>

namespace bench {
namespace {

[[noreturn]] void die(const std::string& why) {
  std::fprintf(stderr, "reference: %s\n", why.c_str());
  std::exit(1);
}

void build_csr(std::size_t n, const std::vector<std::uint32_t>& from,
               const std::vector<std::uint32_t>& to, std::vector<std::uint32_t>& offsets,
               std::vector<std::uint32_t>& targets) {
  offsets.assign(n + 1, 0);
  for (std::uint32_t f : from) ++offsets[f + 1];
  for (std::size_t i = 0; i < n; ++i) offsets[i + 1] += offsets[i];
  targets.resize(from.size());
  std::vector<std::uint32_t> fill(offsets.begin(), offsets.end() - 1);
  for (std::size_t e = 0; e < from.size(); ++e) targets[fill[from[e]]++] = to[e];
}

}  // namespace

Reference::Reference(const std::string& db_path) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK)
    die("cannot open " + db_path);
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(db, "SELECT id, key FROM nodes ORDER BY id", -1, &st, nullptr);
  while (sqlite3_step(st) == SQLITE_ROW) {
    if (static_cast<std::size_t>(sqlite3_column_int64(st, 0)) != keys_.size())
      die("node ids are not dense");
    keys_.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(st, 1)));
  }
  sqlite3_finalize(st);
  std::vector<std::uint32_t> from, to;
  sqlite3_prepare_v2(db, "SELECT from_id, to_id FROM edges", -1, &st, nullptr);
  while (sqlite3_step(st) == SQLITE_ROW) {
    from.push_back(static_cast<std::uint32_t>(sqlite3_column_int64(st, 0)));
    to.push_back(static_cast<std::uint32_t>(sqlite3_column_int64(st, 1)));
  }
  sqlite3_finalize(st);
  sqlite3_close(db);
  const std::size_t n = keys_.size();
  build_csr(n, from, to, out_offsets_, out_targets_);
  build_csr(n, to, from, in_offsets_, in_sources_);
  stamp_a_.assign(n, 0);
  stamp_b_.assign(n, 0);
  dist_a_.assign(n, 0);
  dist_b_.assign(n, 0);
}

template <typename F>
void Reference::for_each_neighbour(std::uint32_t v, bool forward, bool both, F&& f) const {
  if (forward || both) {
    for (std::uint32_t i = out_offsets_[v]; i < out_offsets_[v + 1]; ++i) f(out_targets_[i]);
  }
  if (!forward || both) {
    for (std::uint32_t i = in_offsets_[v]; i < in_offsets_[v + 1]; ++i) f(in_sources_[i]);
  }
}

int Reference::distance(std::uint32_t a, std::uint32_t b, bool both) {
  if (a == b) return 0;
  ++epoch_;
  std::vector<std::uint32_t> fa{a}, fb{b}, next;
  stamp_a_[a] = epoch_;
  dist_a_[a] = 0;
  stamp_b_[b] = epoch_;
  dist_b_[b] = 0;
  int best = -1;
  int depth_a = 0, depth_b = 0;
  while (!fa.empty() && !fb.empty()) {
    // Expand the smaller frontier by one whole layer; a meeting gives the distance.
    const bool from_a = fa.size() <= fb.size();
    auto& frontier = from_a ? fa : fb;
    auto& mine = from_a ? stamp_a_ : stamp_b_;
    auto& my_dist = from_a ? dist_a_ : dist_b_;
    auto& theirs = from_a ? stamp_b_ : stamp_a_;
    auto& their_dist = from_a ? dist_b_ : dist_a_;
    const int depth = (from_a ? ++depth_a : ++depth_b);
    next.clear();
    for (std::uint32_t v : frontier) {
      for_each_neighbour(v, from_a, both, [&](std::uint32_t w) {
        if (mine[w] == epoch_) return;
        mine[w] = epoch_;
        my_dist[w] = depth;
        if (theirs[w] == epoch_) {
          const int d = depth + their_dist[w];
          if (best < 0 || d < best) best = d;
        }
        next.push_back(w);
      });
    }
    if (best >= 0) return best;
    frontier.swap(next);
  }
  return -1;
}

std::size_t Reference::neighbourhood_size(std::uint32_t center, int depth) {
  ++epoch_;
  std::vector<std::uint32_t> frontier{center}, next;
  stamp_a_[center] = epoch_;
  std::size_t count = 1;
  for (int d = 1; d <= depth && !frontier.empty(); ++d) {
    next.clear();
    for (std::uint32_t v : frontier) {
      for_each_neighbour(v, true, true, [&](std::uint32_t w) {
        if (stamp_a_[w] == epoch_) return;
        stamp_a_[w] = epoch_;
        next.push_back(w);
        ++count;
      });
    }
    frontier.swap(next);
  }
  return count;
}

}  // namespace bench
