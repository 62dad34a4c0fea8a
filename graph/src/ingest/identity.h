// Who a paper is: its official key and the facts its header and footer print (house, session,
// dossier, number, kind, date, dossier title, authors). Internal to ingest; pure, thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "ingest/layout.h"

namespace kg::ingest {

struct Identity {
  // kst-DOSSIER[-SUFFIX]-NR (DESIGN.md §2): "kst-22800-X-59", "kst-21501-02-123"; empty when the
  // paper does not print both its dossier and its number.
  std::string key;
  std::string house;    // "Tweede Kamer" | "Eerste Kamer"; empty when not printed
  std::string session;  // "1992-1993" as in "Vergaderjaar 1992-1993" or "Zitting 1980-1981"
  // "22 800 X": the dossier as the header prints it (digits grouped as there: "18942" stays),
  // with the suffix; from the footer when the header has none, from the file name otherwise.
  std::string dossier;
  std::string suffix;  // "X", "V", "02" ("21 501-02"); empty when none
  std::string nr;      // "59", "42b" (an Eerste Kamer letter stays, lowercase)
  // lowercase, as printed, without authors, dates or subject: "brief", "memorie van
  // toelichting", "motie", "nota naar aanleiding van het verslag"; "vragen" for Aanhangsel pages
  std::string kind;
  std::string date;   // ISO 8601 (yyyy-mm-dd) when the paper prints a full date; else empty
  std::string title;  // the dossier title as printed, OCR noise left as it is
  // Ministers and state secretaries named on the kind line, as printed: "Minister van
  // Defensie"; members who move a motion or amendment are not listed.
  std::vector<std::string> authors;
  int header_lines = 0;  // how many of the first lines are the header (furniture)
};

// Reads the identity from the paper's header and footer. `origin` is the corpus line's url or
// the file's name; when the text prints no header, a file name that is itself a key
// ("kst-33694-57.txt") gives the key, dossier and number. Never fails: what is not printed
// stays empty. Papers of the old per-session numbering (before about 1950), Aanhangsel pages
// and Handelingen pages have no key; their house, session and kind are still read.
Identity read_identity(const Layout& layout, std::string_view origin);

// "kst-22800-X-59" from the dossier's digits ("22800"), its suffix ("X", "02"; empty when none)
// and the paper's number ("59"); the suffix is written in capitals (DESIGN.md §2).
std::string kamerstuk_key(std::string_view dossier_digits, std::string_view suffix,
                          std::string_view nr);

// "22 800 X", "21 501-02", "5312": the dossier as the curated data prints it (five or more
// digits get a space before the last three; a digit suffix follows a hyphen, a letter suffix
// a space).
std::string dossier_display(std::string_view dossier_digits, std::string_view suffix);

}  // namespace kg::ingest
