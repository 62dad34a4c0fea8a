// "Did you mean": the one rule by which every mistyped name (a command, a flag, a relation, a
// type, a node, a format) suggests known ones, so all suggestions share one threshold.
// Closest is a plain value used by one thread; the functions are pure.
#pragma once

#include <compare>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace kg {

// The largest edit distance (kg::edit_distance, in code points) at which a known name is still
// suggested for `typed`: a third of its letters, at least 1. "pth" finds path, "rusladn" finds
// rusland, "nope" finds nothing (.open is two edits away).
std::size_t suggestion_distance(std::string_view typed);

// Collects the candidates closest to a typed word. Offer each candidate with an id (an index, a
// NodeId); a candidate farther than suggestion_distance(typed) is dropped, cheaply when its
// length alone rules it out. An id offered several times counts with its closest text.
class Closest {
 public:
  Closest(std::string_view typed, std::size_t limit);
  void offer(std::string_view candidate, std::size_t id);
  // Distinct ids, closest first; among equally close ones a candidate that starts with the typed
  // word first ("of" suggests off, not on), then the smaller id; at most `limit`.
  std::vector<std::size_t> ids() const;

 private:
  std::string typed_;
  std::size_t typed_length_;  // in code points
  std::size_t limit_;
  std::size_t max_distance_;
  struct Found {
    std::size_t distance;
    bool not_prefix;  // false when the candidate starts with the typed word
    std::size_t id;
    auto operator<=>(const Found&) const = default;
  };
  std::vector<Found> found_;
};

// The closest of `names` to `typed` (ties as in Closest, by position in `names`), or empty when
// none is close enough.
std::string closest_name(std::string_view typed, const std::vector<std::string>& names);

// " (did you mean 'NAME'?)" for the closest of `names`, or empty: the one wording of a hint.
std::string did_you_mean(std::string_view typed, const std::vector<std::string>& names);

}  // namespace kg
