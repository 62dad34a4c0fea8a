// Tests for kg/suggest.h: the one threshold of "did you mean" and the order of suggestions.
#include "kg/suggest.h"

#include <doctest/doctest.h>

TEST_CASE("Suggest: a third of the letters may differ, at least one") {
  CHECK(kg::suggestion_distance("pth") == 1);
  CHECK(kg::suggestion_distance("nope") == 1);
  CHECK(kg::suggestion_distance("rusladn") == 2);
  CHECK(kg::suggestion_distance("oekraïne") == 2);  // letters, not bytes
  CHECK(kg::suggestion_distance("--not-relation") == 4);
}

TEST_CASE("Suggest: the closest name, ties to the first listed") {
  const std::vector<std::string> names{"path", "paths", "show", ".open"};
  CHECK(kg::closest_name("pth", names) == "path");
  CHECK(kg::closest_name("nope", names) == "");  // .open is two edits away
  CHECK(kg::closest_name("pat", names) == "path");
  CHECK(kg::closest_name("", names) == "");
  CHECK(kg::closest_name("of", {"on", "off"}) == "off");  // equally close: the one it begins
  CHECK(kg::closest_name("of", {"off", "on"}) == "off");  // whatever the order
  CHECK(kg::did_you_mean("shw", names) == " (did you mean 'show'?)");
  CHECK(kg::did_you_mean("shwo", names) == " (did you mean 'show'?)");  // a swap is one slip
  CHECK(kg::did_you_mean("xyzzy", names) == "");
}

TEST_CASE("Suggest: Closest keeps each id once, closest first, ties by id") {
  kg::Closest c("rusland", 3);
  c.offer("rusland", 7);
  c.offer("ruslnd", 2);
  c.offer("Rusland Federatie", 1);  // far too long: dropped
  c.offer("rus", 4);                // four edits: dropped
  c.offer("rusland", 2);            // id 2 again, now exact
  c.offer("ruland", 5);
  c.offer("usland", 3);
  const std::vector<std::size_t> want{2, 7, 3};
  CHECK(c.ids() == want);
}
