// The interactive shell: GNU readline with persistent history, Tab completion, Ctrl-C that
// cancels the line being typed, Ctrl-D that leaves. Runs until .quit or end of input.
#pragma once

#include <string>

namespace kg::shell {

class Session;

// Where history is kept: $KAMERGRAAF_HISTORY, else ~/.kamergraaf_history; empty when neither
// is available (history then lasts for the session only).
std::string history_path();

// Prints the welcome line and runs the loop on stdin/stdout. Returns when the user leaves.
void run_interactive(Session& session, const std::string& history_file);

}  // namespace kg::shell
