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
  // keys them (a letter after the number stays, lowercase: kst-21423-42b); for Handelingen
  // h-tk|h-ek-YYYYYYYY-NR[-ITEM] ("Handelingen II 2019/20, nr. 23, item 4" ->
  // h-tk-20192020-23-4), or h-tk|h-ek-YYYYYYYY-pPAGE when cited only by page ("Handelingen II
  // 1985/86, blz. 2345" -> h-tk-19851986-p2345; a range is keyed by its first page); for the
  // Aanhangsel (answers to written questions) ah-tk-YYYYYYYY-NR ("Aanhangsel Handelingen
  // 1975-1976, nr. 1384" -> ah-tk-19751976-1384; a "Handelingen" number above 300 is one too,
  // since no session has that many meetings). Handelingen that print no house are the Tweede
  // Kamer's, except "Handelingen dezer Kamer" in an Eerste Kamer paper.
  std::string key;
  // Display name in the curated form: "Kamerstuk 22 800 X, nr. 54",
  // "Handelingen II 2019/20, nr. 23, item 4", "Handelingen II 1985/86, blz. 2345",
  // "Aanhangsel Handelingen II 1975/76, nr. 1384".
  std::string name;
  std::string dossier;  // "22 800 X" (Kamerstukken); empty for Handelingen
  std::string nr;
  std::size_t span = 0;    // index into Layout::spans
  std::size_t offset = 0;  // byte offset in that span's text where the reference starts
};

// Every reference to another paper in `layout`, in reading order; one entry per cited paper
// per place ("15 441, nrs. 24 en 25" is two). Leaves out the paper's own key (`self.key`)
// wherever it stands, furniture spans other than the header (whose kind line may name the paper
// it replaces: "GEDRUKT ONDER NR. 24"), the own footer run into a table line, and Staatsblad,
// Tractatenblad, Staatscourant, resolution numbers and dates ("brief van 2 mei 1990, nr. 5").
// A joint paper ("Kamerstukken 33 694 en 26 643, nr. 47") is one citation, keyed by its first
// dossier. Numbers without a dossier ("stuk nr. 12", "de stukken 11 en 16", "onder nr. 24",
// "EK nrs. 179, 179a") cite papers of `self`'s own dossier, unless the sentence named another
// ("wetsvoorstel 19 584 ... (stuk nr. 65a)"); a bare "(nr. 31)" counts only after such a name.
// A bare "nr. 12" in running text is no citation. Lists are read whole: "nrs. 3, 4 en 7",
// "13872 (42, 55a)", "blz. 5926-5937; 5968-5975".
std::vector<Citation> find_citations(const Layout& layout, const Identity& self);

}  // namespace kg::ingest
