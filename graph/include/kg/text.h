// UTF-8 text helpers shared by import, name resolution and output: validation, folding for
// case- and diacritic-insensitive matching, and terminal display width. All functions are pure
// and thread-safe; folding and widths come from utf8proc, not hand-written tables.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace kg {

// Returns the byte offset of the first invalid UTF-8 sequence in `s`, or npos when `s` is valid.
std::size_t find_invalid_utf8(std::string_view s);

// Folds `s` for matching: Unicode case folding, compatibility decomposition, marks stripped,
// runs of white space collapsed to one space and trimmed. "Oekraïne" and "OEKRAINE" both fold to
// "oekraine", "Curaçao" to "curacao". Requires valid UTF-8; invalid input is returned unchanged.
std::string fold(std::string_view s);
// fold(s) written into `out`, replacing what it held: for folding many strings in a loop
// without an allocation each.
void fold_into(std::string_view s, std::string& out);

// Number of terminal columns `s` occupies (East Asian wide characters count 2, combining marks
// 0). Requires valid UTF-8; invalid bytes count one column each.
std::size_t display_width(std::string_view s);

// The longest prefix of `s` that fits in `columns` terminal columns, cut on a character
// boundary.
std::string_view truncate_to_width(std::string_view s, std::size_t columns);

// Edit distance between two strings in code points, for "did you mean": insertions, deletions,
// substitutions and swaps of two neighbours (optimal string alignment), one each.
std::size_t edit_distance(std::string_view a, std::string_view b);
// edit_distance(a, b) when that is at most `limit`, else limit + 1, found without finishing the
// table once it is certain: for scanning many candidates against one bound.
std::size_t edit_distance_within(std::string_view a, std::string_view b, std::size_t limit);

}  // namespace kg
