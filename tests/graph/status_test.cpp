// Tests for kg/status.h: how errors render as one line.
#include "kg/status.h"

#include <doctest/doctest.h>

TEST_CASE("Status: renders file, line and message as one line") {
  using kg::ErrorKind;
  using kg::Location;
  using kg::Status;
  CHECK(Status().ok());
  CHECK(Status::error(ErrorKind::kData, "unknown relation 'lid_van'", Location{"d/edges.csv", 12})
            .to_string() == "d/edges.csv:12: error: unknown relation 'lid_van'");
  CHECK(Status::error(ErrorKind::kIo, "missing file", Location{"d/types.csv", 0}).to_string() ==
        "d/types.csv: error: missing file");
  CHECK(Status::error(ErrorKind::kNotFound, "no node matches 'x'").to_string() ==
        "error: no node matches 'x'");
}

TEST_CASE("Status: error_line is the one form of an error line") {
  CHECK(kg::error_line("q.kg:3", "unknown command 'pth'") ==
        "q.kg:3: error: unknown command 'pth'");
  CHECK(kg::error_line("", "no graph is open") == "error: no graph is open");
}

TEST_CASE("Status: control characters from input are escaped, so they never reach a terminal raw") {
  CHECK(kg::error_line("q\x1b.kg:1", "no node matches '\x1b[31mrood'") ==
        "q\\x1b.kg:1: error: no node matches '\\x1b[31mrood'");
  CHECK(kg::error_line("", "tab\tdel\x7f and Curaçao") == "error: tab\\x09del\\x7f and Curaçao");
}
