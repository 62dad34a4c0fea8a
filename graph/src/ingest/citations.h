// References from a paper to other parliamentary papers (DESIGN.md §9): every form papers use,
// each turned into the cited paper's key. Internal to ingest; pure functions, thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "ingest/identity.h"
#include "ingest/layout.h"

namespace kg::ingest {

struct Citation {
  // The cited paper's key: kst-DOSSIER[-SUFFIX]-NR for Kamerstukken, the way the curated data
  // keys them; h-tk|h-ek-YYYYYYYY-NR[-ITEM] for Handelingen ("Handelingen II 2019/20, nr. 23,
  // item 4" -> h-tk-20192020-23-4).
  std::string key;
  // Display name in the curated form: "Kamerstuk 22 800 X, nr. 54",
  // "Handelingen II 2019/20, nr. 23, item 4".
  std::string name;
  std::string dossier;  // "22 800 X" (Kamerstukken); empty for Handelingen
  std::string nr;
  std::size_t span = 0;    // index into Layout::spans
  std::size_t offset = 0;  // byte offset in that span's text where the reference starts
};

// Every reference to another paper in `layout`, in reading order; one entry per cited paper
// per place ("15 441, nrs. 24 en 25" is two). Leaves out the paper's own number (`self.key`) in
// its header and footer, furniture spans, and Staatsblad, Tractatenblad, Staatscourant and
// resolution numbers. A joint paper ("Kamerstukken 33 694 en 26 643, nr. 47") is one citation,
// keyed by its first dossier. "stuk nr. 12" cites paper 12 of `self`'s own dossier.
std::vector<Citation> find_citations(const Layout& layout, const Identity& self);

}  // namespace kg::ingest
