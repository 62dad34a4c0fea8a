// A shell session on the tiny fixture graph with its output captured, for shell unit tests.
#pragma once

#include <doctest/doctest.h>

#include <string>
#include <string_view>

#include "session.h"
#include "sink.h"
#include "support/test_graph.h"

namespace kg::test {

struct TinySession {
  TinySession() : session(out, err) { REQUIRE(session.open(import_fixture("tiny")).ok()); }
  // Runs one line; returns what it printed, or "error: …" as the shell would describe it.
  std::string run(std::string_view line) {
    out.clear();
    Status s = session.execute(line);
    return s.ok() ? out.text() : "error: " + shell::Session::describe(s);
  }
  shell::StringSink out, err;
  shell::Session session;
};

}  // namespace kg::test
