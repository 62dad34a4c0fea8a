// Small hand-written graphs for algorithm tests, and canonical one-line renderings of answers so
// that each behaviour is checked by comparing one string.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "kg/algorithms.h"
#include "kg/graph.h"

namespace kg::test {

// Builds a graph from edges written "a -r-> b". A node is typed "t" unless some edge names it
// as "key:type" (types t, x and kamerstuk exist; relations r, s and q join any types). Every
// edge's source is the kamerstuk node "src", which is not connected to anything.
Graph graph_of(const std::vector<std::string>& edges);

// The node with `key`; fails the test when there is none.
NodeId id(const Graph& g, std::string_view key);

// "a -[r]-> b <-[s]- c": keys, with each hop's relation and the direction walked.
std::string render(const Graph& g, const Path& p);
// One rendered path per line.
std::string render(const Graph& g, const std::vector<Path>& paths);
// "a:0 b:1 c:2" for a neighbourhood's nodes, or keys separated by spaces for a node list.
std::string render(const Graph& g, const std::vector<Reached>& nodes);
std::string render(const Graph& g, const std::vector<NodeId>& nodes);

// Imports the fixture dataset `name` (tests/fixtures/NAME) into a fresh file under the temp
// directory and returns its path; fails the test on any import problem.
std::string import_fixture(const std::string& name);
// The same for any dataset folder (e.g. a shipped one under datasets/).
std::string import_folder(const std::string& dir);

// The shipped GBVS graph (datasets/gbvs-2020), imported and loaded once per test process.
const Graph& gbvs_graph();

// The contents of the fixture file tests/fixtures/NAME; fails the test when it cannot be read.
std::string fixture_text(const std::string& name);

// A fresh, empty directory under the system temp directory for one test.
std::string temp_dir(const std::string& label);

}  // namespace kg::test
