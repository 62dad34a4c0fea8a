// The terminal the interactive shell writes to: its size ($COLUMNS overrides the width, $LINES
// stands in for an unknown height) and the pager an answer longer than the screen goes through.
// These read process-wide state (environment, standard output's tty); call them from the one
// thread that runs the session.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace kg::shell {

// Columns of the terminal on standard output: $COLUMNS when it is a positive number (so tests
// and users can set it), else the terminal's own (ioctl TIOCGWINSZ), else 0 (unknown).
std::size_t terminal_columns();
// Rows of that terminal: its own, else $LINES, else 0 (unknown).
std::size_t terminal_rows();

// How many screen rows `text` fills on a terminal `columns` wide: each line at least one, a
// longer one as many as it wraps to (0 columns: no wrapping).
std::size_t screen_rows(std::string_view text, std::size_t columns);

// The pager: $PAGER when it is set (set and empty: none), else "less -FRX".
std::optional<std::string> pager_command();

enum class Paged {
  kShown,       // the pager ran (and may have been quit before the end: that is no error)
  kNotStarted,  // it could not be started; nothing was shown
};
// Runs `command` with `text` on its standard input and waits for it. A command without shell
// syntax is run directly (words split at spaces), anything else by /bin/sh -c. SIGPIPE is
// ignored while writing, so a pager quit early only ends the writing.
Paged run_pager(const std::string& command, std::string_view text);

}  // namespace kg::shell
