// Implementation of kg/suggest.h.
#include "kg/suggest.h"

#include <algorithm>

#include "kg/text.h"

namespace kg {
namespace {

std::size_t code_point_count(std::string_view s) {
  return static_cast<std::size_t>(std::count_if(
      s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

}  // namespace

std::size_t suggestion_distance(std::string_view typed) {
  return std::max<std::size_t>(1, code_point_count(typed) / 3);
}

Closest::Closest(std::string_view typed, std::size_t limit)
    : typed_(typed),
      typed_length_(code_point_count(typed)),
      limit_(limit),
      max_distance_(suggestion_distance(typed)) {}

void Closest::offer(std::string_view candidate, std::size_t id) {
  const std::size_t length = code_point_count(candidate);
  const std::size_t gap = length > typed_length_ ? length - typed_length_ : typed_length_ - length;
  if (gap > max_distance_) return;  // the distance is at least the difference in length
  const std::size_t d = edit_distance_within(typed_, candidate, max_distance_);
  if (d <= max_distance_) found_.push_back({d, !candidate.starts_with(typed_), id});
}

std::vector<std::size_t> Closest::ids() const {
  auto sorted = found_;
  std::sort(sorted.begin(), sorted.end());
  std::vector<std::size_t> out;
  for (const Found& f : sorted) {
    if (out.size() == limit_) break;
    if (std::find(out.begin(), out.end(), f.id) == out.end()) out.push_back(f.id);
  }
  return out;
}

std::string closest_name(std::string_view typed, const std::vector<std::string>& names) {
  Closest closest(typed, 1);
  for (std::size_t i = 0; i < names.size(); ++i) closest.offer(names[i], i);
  const auto ids = closest.ids();
  return ids.empty() ? std::string() : names[ids.front()];
}

std::string did_you_mean(std::string_view typed, const std::vector<std::string>& names) {
  const std::string best = closest_name(typed, names);
  return best.empty() ? std::string() : " (did you mean '" + best + "'?)";
}

}  // namespace kg
