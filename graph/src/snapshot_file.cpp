// Implementation of snapshot_file.h. The file is the header below, then each section's bytes at
// an 8-byte aligned offset the header names, with zero padding between; integers are
// little-endian and records padding-free, as in memory. The checksum is XXH3-64 over the whole
// file with the checksum field read as zero, so it covers the header too.
#include "snapshot_file.h"
#include "file_descriptor.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xxhash.h>

#include <algorithm>
#include <bit>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <functional>
#include <random>
#include <span>
#include <thread>
#include <type_traits>
#include <vector>

#include "integrity.h"
#include "snapshot.h"

namespace kg::detail {
namespace {

static_assert(std::endian::native == std::endian::little,
              "the snapshot file stores integers little-endian, as they are in memory here");

constexpr char kMagic[8] = {'K', 'G', 'S', 'N', 'A', 'P', '\r', '\n'};

enum SectionId : std::size_t {
  kStringBytes,
  kStringEnds,
  kNodes,
  kAliasStart,
  kAliasEntries,
  kNodeAttributeStart,
  kNodeAttributeEntries,
  kEdges,
  kEdgeAttributeStart,
  kEdgeAttributeEntries,
  kOutStart,
  kOutTarget,
  kOutEdge,
  kInStart,
  kInSource,
  kInPosition,
  kNodeType,
  kEdgeRelation,
  kNameArena,
  kNameSlots,
  kCitationArena,
  kCitations,
  kSectionCount
};

constexpr const char* kSectionNames[kSectionCount] = {"strings.bytes",
                                                      "strings.ends",
                                                      "nodes",
                                                      "aliases.start",
                                                      "aliases.entries",
                                                      "node_attributes.start",
                                                      "node_attributes.entries",
                                                      "edges",
                                                      "edge_attributes.start",
                                                      "edge_attributes.entries",
                                                      "out.start",
                                                      "out.target",
                                                      "out.edge",
                                                      "in.start",
                                                      "in.source",
                                                      "in.position",
                                                      "node_type",
                                                      "edge_relation",
                                                      "names.arena",
                                                      "names.slots",
                                                      "citations.arena",
                                                      "citations"};

struct Section {
  std::uint64_t offset = 0;
  std::uint64_t size = 0;  // bytes
};

struct Header {
  char magic[8] = {};
  std::uint64_t format = 0;
  std::uint64_t file_size = 0;
  std::uint8_t id[16] = {};
  std::uint64_t db_checksum = 0;
  std::uint64_t db_bytes_hash = 0;  // integrity.h's bytes_hash of the graph file; 0: none
  std::uint64_t checksum = 0;       // XXH3-64 of the file with this field zero
  std::uint64_t nodes = 0, edges = 0, strings = 0, types = 0, relations = 0;
  Section sections[kSectionCount];
};
static_assert(std::has_unique_object_representations_v<Header> && sizeof(Header) % 8 == 0);

// A citation of the name index: citations.arena bytes [offset, offset + length), its node.
struct CitationSlot {
  std::uint64_t offset = 0;
  std::uint32_t length = 0;
  NodeId node = kNoNode;
};
static_assert(sizeof(CitationSlot) == 16 && std::has_unique_object_representations_v<CitationSlot>);

constexpr std::uint64_t align8(std::uint64_t v) {
  return (v + 7) & ~std::uint64_t{7};
}

Status damaged(const std::string& why, const std::string& path) {
  return Status::error(ErrorKind::kCorrupt, "damaged snapshot file: " + why, Location{path});
}
Status stale(const std::string& why, const std::string& path) {
  return Status::error(ErrorKind::kCorrupt, "stale snapshot file: " + why, Location{path});
}

// A read-only shared mapping of a whole file, unmapped when the last Graph using it goes.
class Mapping {
 public:
  Mapping(const void* data, std::size_t size) : data_(data), size_(size) {}
  Mapping(const Mapping&) = delete;
  Mapping& operator=(const Mapping&) = delete;
  ~Mapping() {
    if (size_ > 0) ::munmap(const_cast<void*>(data_), size_);
  }

 private:
  const void* data_;
  std::size_t size_;
};

// XXH3-64 of `bytes` (a whole snapshot file) with the header's checksum field read as zero.
std::uint64_t file_checksum(const char* bytes, std::size_t size) {
  Header h;
  std::memcpy(&h, bytes, sizeof h);
  h.checksum = 0;
  XXH3_state_t* state = XXH3_createState();
  if (state == nullptr) return 0;
  XXH3_64bits_reset(state);
  XXH3_64bits_update(state, &h, sizeof h);
  XXH3_64bits_update(state, bytes + sizeof h, size - sizeof h);
  const std::uint64_t sum = XXH3_64bits_digest(state);
  XXH3_freeState(state);
  return sum;
}

// The sections of one file, as the writer lays them out: pointer and size of each.
struct Part {
  const void* data = nullptr;
  std::uint64_t size = 0;
};

template <typename A>
Part part_of(const A& array) {
  return Part{array.data(), array.size() * sizeof(typename A::value_type)};
}

// Views the arrays of `d`, `csr`, `names` on the checked sections of `base`.
class SectionReader {
 public:
  SectionReader(const char* base, const Header& h) : base_(base), h_(h) {}
  template <typename T>
  void view(SectionId id, Array<T>& out) const {
    const Section& s = h_.sections[id];
    out.view(reinterpret_cast<const T*>(base_ + s.offset), s.size / sizeof(T));
  }
  std::string_view bytes(SectionId id) const {
    const Section& s = h_.sections[id];
    return {base_ + s.offset, s.size};
  }
  template <typename T>
  std::span<const T> span(SectionId id) const {
    const Section& s = h_.sections[id];
    return {reinterpret_cast<const T*>(base_ + s.offset), s.size / sizeof(T)};
  }

 private:
  const char* base_;
  const Header& h_;
};

// Element size of each section, and the element count it must have (~0: any).
struct Shape {
  std::uint64_t element;
  std::uint64_t count;
};

std::array<Shape, kSectionCount> shapes(const Header& h) {
  constexpr std::uint64_t kAny = ~std::uint64_t{0};
  const std::uint64_t n = h.nodes, m = h.edges;
  return {Shape{1, kAny},
          {8, h.strings + 1},
          {sizeof(NodeRecord), n},
          {4, n + 1},
          {4, kAny},
          {4, n + 1},
          {4, kAny},
          {sizeof(EdgeRecord), m},
          {4, m + 1},
          {4, kAny},
          {4, n + 1},
          {4, m},
          {4, m},
          {4, n + 1},
          {4, m},
          {4, m},
          {2, n},
          {2, m},
          {1, kAny},
          {sizeof(NameSlot), kAny},
          {1, kAny},
          {sizeof(CitationSlot), kAny}};
}

Result<Graph> read_mapped(const std::string& path, std::shared_ptr<const void> backing,
                          const char* base, std::size_t size, const Vocabulary& vocabulary,
                          const SnapshotTie& tie, bool verify) {
  if (size < sizeof(Header)) return damaged("shorter than its header", path);
  Header h;
  std::memcpy(&h, base, sizeof h);
  if (std::memcmp(h.magic, kMagic, sizeof kMagic) != 0) {
    return damaged("not a kamergraaf snapshot", path);
  }
  if (h.format != kSnapshotFormat) {
    return stale(fmt::format("has format {}, this kamergraaf reads {} (import again to rebuild it)",
                             h.format, kSnapshotFormat),
                 path);
  }
  if (h.file_size != size) return damaged("has the wrong size", path);
  if (std::memcmp(h.id, tie.id.data(), sizeof h.id) != 0 || h.db_checksum != tie.db_checksum) {
    return stale("it belongs to another import of the graph file", path);
  }
  if (verify) {
    if (file_checksum(base, size) != h.checksum) return damaged("checksum does not match", path);
  }
  if (h.nodes >= kNoNode || h.edges >= std::uint64_t{1} << 32 ||
      h.strings >= std::uint64_t{1} << 32 || h.types != vocabulary.types.size() ||
      h.relations != vocabulary.relations.size()) {
    return damaged("counts are out of range", path);
  }
  const auto shape = shapes(h);
  for (std::size_t i = 0; i < kSectionCount; ++i) {
    const Section& s = h.sections[i];
    const auto bad = [&](const char* why) {
      return damaged(fmt::format("section {} {}", kSectionNames[i], why), path);
    };
    if (s.offset % 8 != 0 || s.offset < sizeof(Header) || s.offset > size ||
        s.size > size - s.offset) {
      return bad("lies outside the file");
    }
    if (s.size % shape[i].element != 0 ||
        (shape[i].count != ~std::uint64_t{0} && s.size / shape[i].element != shape[i].count)) {
      return bad("has the wrong size");
    }
  }

  const SectionReader r(base, h);
  GraphData d;
  d.types = vocabulary.types;
  d.relations = vocabulary.relations;
  d.strings.view(r.bytes(kStringBytes), r.span<std::uint64_t>(kStringEnds));
  r.view(kNodes, d.nodes);
  r.view(kAliasStart, d.aliases.start);
  r.view(kAliasEntries, d.aliases.entries);
  r.view(kNodeAttributeStart, d.node_attributes.start);
  r.view(kNodeAttributeEntries, d.node_attributes.entries);
  r.view(kEdges, d.edges);
  r.view(kEdgeAttributeStart, d.edge_attributes.start);
  r.view(kEdgeAttributeEntries, d.edge_attributes.entries);
  CsrArrays csr;
  r.view(kOutStart, csr.out_start);
  r.view(kOutTarget, csr.out_target);
  r.view(kOutEdge, csr.out_edge);
  r.view(kInStart, csr.in_start);
  r.view(kInSource, csr.in_source);
  r.view(kInPosition, csr.in_position);
  Snapshot snapshot;
  r.view(kNodeType, snapshot.node_type);
  r.view(kEdgeRelation, snapshot.edge_relation);

  // Every open checks the header, the tie and each section's place and size above: O(header).
  // The per-entry invariants (ids in range, key order, the adjacency that of the edges and its
  // in/out mirror, the copies agreeing with the records, the name index in order) are O(V + E)
  // and touch every page of the file, which made a cold open at 10^6 nodes cost ~55 ms and its
  // RSS the whole file. They run only with `verify` (import, `check`, --verify, files up to
  // kVerifyLimit), after the checksum. Without it the arrays are trusted for nothing but their
  // sizes: every read of an id from them is bounded where it is used (snapshot.h, graph.cpp,
  // kg/string_table.h, graph_data.h's Lists, name_index.h, resolve.cpp, traversal.h), so damage
  // gives wrong answers, never a read outside the mapping. These few O(1) facts make the
  // fallbacks of those bounds (node 0, type 0, relation 0) exist.
  if ((h.nodes > 0 && h.types == 0) || (h.edges > 0 && (h.nodes == 0 || h.relations == 0))) {
    return damaged("counts are out of range", path);
  }
  auto names = std::make_shared<NameIndex>();
  r.view(kNameArena, names->arena);
  r.view(kNameSlots, names->slots);
  // The citations are copied (a handful: names written as another paper's citation), so they are
  // checked as they are copied.
  const std::string_view citation_bytes = r.bytes(kCitationArena);
  for (const CitationSlot& c : r.span<CitationSlot>(kCitations)) {
    if (c.offset > citation_bytes.size() || c.length > citation_bytes.size() - c.offset ||
        c.node >= h.nodes) {
      return damaged("citations lie outside their arena", path);
    }
    names->citations.emplace_back(citation_bytes.substr(c.offset, c.length), c.node);
  }
  if (verify) {
    // Their messages read "damaged graph file: WHAT…"; WHAT is empty, so the rest is the reason.
    const auto reason = [&](const Status& st) {
      const std::string_view m = st.message(), prefix = "damaged graph file: ";
      return damaged(std::string(m.starts_with(prefix) ? m.substr(prefix.size()) : m), path);
    };
    if (Status st = check_records(d, "", path); !st.ok()) return reason(st);
    if (Status st = check_adjacency(d, csr, path, ""); !st.ok()) return reason(st);
    for (std::size_t v = 0; v < d.nodes.size(); ++v) {
      if (snapshot.node_type[v] != d.nodes[v].type) return damaged("node types differ", path);
    }
    for (std::size_t e = 0; e < d.edges.size(); ++e) {
      if (snapshot.edge_relation[e] != d.edges[e].relation) {
        return damaged("edge relations differ", path);
      }
    }
    if (!valid_name_index(*names, d)) return damaged("name index is out of order or range", path);
  }
  snapshot.csr = std::move(csr);
  d.names = std::move(names);
  d.backing = std::move(backing);
  return assemble(std::move(d), std::move(snapshot));
}

}  // namespace

std::array<std::uint8_t, 16> random_snapshot_id() {
  // Seeded from the clock, the process and the thread, not std::random_device (which may throw):
  // the id only has to differ between two imports of one file.
  std::seed_seq seed{
      static_cast<std::uint64_t>(std::chrono::system_clock::now().time_since_epoch().count()),
      static_cast<std::uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count()),
      static_cast<std::uint64_t>(::getpid()),
      static_cast<std::uint64_t>(std::hash<std::thread::id>{}(std::this_thread::get_id()))};
  std::mt19937_64 random(seed);
  std::array<std::uint8_t, 16> id{};
  for (std::size_t i = 0; i < id.size(); i += 8) {
    const std::uint64_t v = random();
    std::memcpy(id.data() + i, &v, 8);
  }
  return id;
}

std::string hex_id(const std::array<std::uint8_t, 16>& id) {
  std::string out;
  for (std::uint8_t b : id) out += fmt::format("{:02x}", b);
  return out;
}

std::optional<std::array<std::uint8_t, 16>> parse_hex_id(std::string_view hex) {
  if (hex.size() != 32) return std::nullopt;
  std::array<std::uint8_t, 16> id{};
  auto digit = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
  };
  for (std::size_t i = 0; i < id.size(); ++i) {
    const int hi = digit(hex[2 * i]), lo = digit(hex[2 * i + 1]);
    if (hi < 0 || lo < 0) return std::nullopt;
    id[i] = static_cast<std::uint8_t>(hi * 16 + lo);
  }
  return id;
}

Status write_snapshot_file(const std::string& path, const Graph& g, const NameIndex& names,
                           const SnapshotTie& tie, std::uint64_t db_bytes_hash) {
  const GraphData& d = g.data();
  const Snapshot& s = g.snapshot();
  std::string citation_arena;
  std::vector<CitationSlot> citations;
  for (const auto& [key, node] : names.citations) {
    citations.push_back({citation_arena.size(), static_cast<std::uint32_t>(key.size()), node});
    citation_arena += key;
  }
  const std::array<Part, kSectionCount> parts{part_of(d.strings.bytes()),
                                              part_of(d.strings.ends()),
                                              part_of(d.nodes),
                                              part_of(d.aliases.start),
                                              part_of(d.aliases.entries),
                                              part_of(d.node_attributes.start),
                                              part_of(d.node_attributes.entries),
                                              part_of(d.edges),
                                              part_of(d.edge_attributes.start),
                                              part_of(d.edge_attributes.entries),
                                              part_of(s.csr.out_start),
                                              part_of(s.csr.out_target),
                                              part_of(s.csr.out_edge),
                                              part_of(s.csr.in_start),
                                              part_of(s.csr.in_source),
                                              part_of(s.csr.in_position),
                                              part_of(s.node_type),
                                              part_of(s.edge_relation),
                                              part_of(names.arena),
                                              part_of(names.slots),
                                              part_of(citation_arena),
                                              part_of(citations)};
  Header h;
  std::memcpy(h.magic, kMagic, sizeof kMagic);
  h.format = kSnapshotFormat;
  std::memcpy(h.id, tie.id.data(), sizeof h.id);
  h.db_checksum = tie.db_checksum;
  h.db_bytes_hash = db_bytes_hash;
  h.nodes = d.nodes.size();
  h.edges = d.edges.size();
  h.strings = d.strings.size();
  h.types = d.types.size();
  h.relations = d.relations.size();
  std::uint64_t at = sizeof(Header);
  for (std::size_t i = 0; i < kSectionCount; ++i) {
    h.sections[i] = Section{at, parts[i].size};
    at = align8(at + parts[i].size);
  }
  h.file_size = at;

  Fd fd(::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666));
  if (fd.get() < 0) {
    return Status::error(ErrorKind::kIo, std::string("cannot create: ") + std::strerror(errno),
                         Location{path});
  }
  XXH3_state_t* state = XXH3_createState();
  if (state == nullptr) return Status::error(ErrorKind::kIo, "out of memory for the checksum");
  std::unique_ptr<XXH3_state_t, decltype(&XXH3_freeState)> owned(state, &XXH3_freeState);
  XXH3_64bits_reset(state);
  auto put = [&](const void* bytes, std::uint64_t size, bool hash) -> Status {
    if (hash) XXH3_64bits_update(state, bytes, size);
    const char* p = static_cast<const char*>(bytes);
    while (size > 0) {
      const ssize_t n = ::write(fd.get(), p, std::min<std::uint64_t>(size, 1 << 26));
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        return Status::error(ErrorKind::kIo, std::string("cannot write: ") + std::strerror(errno),
                             Location{path});
      }
      p += n;
      size -= static_cast<std::uint64_t>(n);
    }
    return Status();
  };
  if (Status st = put(&h, sizeof h, true); !st.ok()) return st;
  static constexpr char kZeros[8] = {};
  for (std::size_t i = 0; i < kSectionCount; ++i) {
    if (parts[i].size > 0) {
      if (Status st = put(parts[i].data, parts[i].size, true); !st.ok()) return st;
    }
    const std::uint64_t pad = align8(parts[i].size) - parts[i].size;
    if (pad > 0) {
      if (Status st = put(kZeros, pad, true); !st.ok()) return st;
    }
  }
  h.checksum = XXH3_64bits_digest(state);
  if (::pwrite(fd.get(), &h.checksum, sizeof h.checksum, offsetof(Header, checksum)) !=
          static_cast<ssize_t>(sizeof h.checksum) ||
      ::fsync(fd.get()) != 0) {
    return Status::error(ErrorKind::kIo, std::string("cannot write: ") + std::strerror(errno),
                         Location{path});
  }
  return Status();
}

Result<std::optional<Graph>> read_snapshot_file(const std::string& path,
                                                const Vocabulary& vocabulary,
                                                const SnapshotTie& tie, bool verify) {
  Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (fd.get() < 0) {
    if (errno == ENOENT) return std::optional<Graph>();
    return damaged(std::string("cannot open: ") + std::strerror(errno), path);
  }
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0) return damaged("cannot read its size", path);
  const auto size = static_cast<std::size_t>(st.st_size);
  if (size < sizeof(Header)) return damaged("shorter than its header", path);
  void* map = ::mmap(nullptr, size, PROT_READ, MAP_SHARED, fd.get(), 0);
  if (map == MAP_FAILED) return damaged(std::string("cannot map: ") + std::strerror(errno), path);
  auto backing = std::make_shared<const Mapping>(map, size);
  auto g = read_mapped(path, backing, static_cast<const char*>(map), size, vocabulary, tie, verify);
  if (!g.ok()) return g.status();
  return std::optional<Graph>(std::move(g).value());
}

Result<Graph> read_snapshot_bytes(const std::string& name, std::string_view bytes,
                                  const Vocabulary& vocabulary, const SnapshotTie& tie,
                                  bool verify) {
  auto copy = std::make_shared<std::vector<std::uint64_t>>(align8(bytes.size()) / 8);
  if (!bytes.empty()) std::memcpy(copy->data(), bytes.data(), bytes.size());
  const char* base = reinterpret_cast<const char*>(copy->data());
  return read_mapped(name, copy, base, bytes.size(), vocabulary, tie, verify);
}

std::vector<SnapshotSection> snapshot_sections(std::string_view bytes) {
  std::vector<SnapshotSection> out;
  if (bytes.size() < sizeof(Header)) return out;
  Header h;
  std::memcpy(&h, bytes.data(), sizeof h);
  for (std::size_t i = 0; i < kSectionCount; ++i) {
    out.push_back({kSectionNames[i], h.sections[i].offset, h.sections[i].size});
  }
  return out;
}

std::uint64_t recorded_bytes_hash_in(std::string_view bytes) {
  if (bytes.size() < sizeof(Header)) return 0;
  Header h;
  std::memcpy(&h, bytes.data(), sizeof h);
  if (std::memcmp(h.magic, kMagic, sizeof kMagic) != 0 || h.format != kSnapshotFormat) return 0;
  return h.db_bytes_hash;
}

std::uint64_t recorded_bytes_hash(const std::string& path) {
  Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (fd.get() < 0) return 0;
  Header h;
  if (::pread(fd.get(), &h, sizeof h, 0) != static_cast<ssize_t>(sizeof h)) return 0;
  return recorded_bytes_hash_in(std::string_view(reinterpret_cast<const char*>(&h), sizeof h));
}

std::uint64_t snapshot_file_size(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return 0;
  return static_cast<std::uint64_t>(st.st_size);
}

}  // namespace kg::detail
