// Writes a synthetic dataset folder in kamergraaf's own format, shaped like the citation network
// of all Kamerstukken: mostly Kamerstuk nodes citing earlier ones, a minority of entity nodes,
// typed relations, and a heavy-tailed degree distribution with a few hubs (nederland, navo).
// Deterministic: the same --nodes and --seed give byte-identical files.
#include <fmt/format.h>

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

namespace {

struct Options {
  std::size_t nodes = 10'000;
  double edges_per_node = 5.0;
  std::uint64_t seed = 20200417;
  std::string out;
};

// Entity kinds and how many of the entities each gets.
constexpr const char* kEntityTypes[] = {"actor", "threat", "treaty", "mission"};

class Writer {
 public:
  explicit Writer(const std::string& path) : f_(std::fopen(path.c_str(), "w")) {
    if (f_ == nullptr) {
      std::fprintf(stderr, "cannot write %s\n", path.c_str());
      std::exit(1);
    }
  }
  ~Writer() { std::fclose(f_); }
  void line(const std::string& s) {
    std::fwrite(s.data(), 1, s.size(), f_);
    std::fputc('\n', f_);
  }

 private:
  std::FILE* f_;
};

std::string kamerstuk_key(std::size_t i) {
  return fmt::format("kst-{}-{}", 10000 + i / 40, i % 40 + 1);
}
std::string kamerstuk_name(std::size_t i) {
  const std::size_t dossier = 10000 + i / 40;
  return fmt::format("Kamerstuk {} {:03}, nr. {}", dossier / 1000, dossier % 1000, i % 40 + 1);
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string a = argv[i];
    if (a == "--nodes")
      o.nodes = std::stoull(argv[i + 1]);
    else if (a == "--edges-per-node")
      o.edges_per_node = std::stod(argv[i + 1]);
    else if (a == "--seed")
      o.seed = std::stoull(argv[i + 1]);
    else if (a == "--out")
      o.out = argv[i + 1];
  }
  if (o.out.empty() || o.nodes < 100) {
    std::fprintf(stderr,
                 "usage: kg_bench_generate --nodes N [--edges-per-node 5] [--seed S] --out DIR\n");
    return 2;
  }
  std::filesystem::create_directories(o.out);
  std::mt19937_64 rng(o.seed);
  auto uniform = [&](std::size_t n) { return static_cast<std::size_t>(rng() % n); };
  auto chance = [&](double p) { return static_cast<double>(rng() % 1'000'000) < p * 1e6; };

  const std::size_t entities = std::max<std::size_t>(20, o.nodes / 10);
  const std::size_t papers = o.nodes - entities;
  const std::size_t edges_target =
      static_cast<std::size_t>(static_cast<double>(o.nodes) * o.edges_per_node);

  {
    Writer w(o.out + "/types.csv");
    w.line("name,description");
    w.line("actor,States and organisations");
    w.line("threat,Threats");
    w.line("treaty,Treaties");
    w.line("mission,Missions");
    w.line("kamerstuk,Parliamentary papers");
  }
  {
    Writer w(o.out + "/relations.csv");
    w.line("name,label,inverse,from,to");
    w.line("cites,citeert,wordt geciteerd door,kamerstuk,kamerstuk");
    w.line("concerns,gaat over,is onderwerp van,kamerstuk,actor|threat|treaty|mission");
    w.line("member_of,is lid van,heeft als lid,actor,actor");
    w.line("party_to,is partij bij,heeft als partij,actor,treaty");
    w.line("participates_in,neemt deel aan,heeft als deelnemer,actor,mission");
    w.line("counters,gaat tegen,wordt tegengegaan door,mission|treaty,threat");
    w.line("poses,vormt dreiging,dreiging uitgaande van,actor,threat");
  }
  // Entities: index 0 and 1 are the hubs; the rest cycle through the four types, actors twice.
  std::vector<std::string> entity_key(entities), entity_type(entities);
  {
    Writer w(o.out + "/nodes-entities.csv");
    w.line("key,type,name");
    for (std::size_t e = 0; e < entities; ++e) {
      const char* type = e < 2 ? "actor" : kEntityTypes[(e % 5) == 4 ? 0 : e % 5 % 4];
      entity_type[e] = type;
      if (e == 0) {
        entity_key[e] = "nederland";
        w.line("nederland,actor,Nederland");
      } else if (e == 1) {
        entity_key[e] = "navo";
        w.line("navo,actor,NAVO");
      } else {
        entity_key[e] = fmt::format("{}-{}", type, e);
        w.line(fmt::format("{},{},{} {}", entity_key[e], type, type, e));
      }
    }
  }
  {
    Writer w(o.out + "/nodes-kamerstukken.csv");
    w.line("key,type,name");
    for (std::size_t i = 0; i < papers; ++i) {
      w.line(fmt::format("{},kamerstuk,\"{}\"", kamerstuk_key(i), kamerstuk_name(i)));
    }
  }

  // Edges. Preferential attachment: a cited paper is, half of the time, one that was cited
  // before (so popular papers get more popular); concerns edges pick entities the same way, and
  // the two hubs take a fixed share of them.
  std::vector<std::uint32_t> cited;      // targets of earlier cites edges
  std::vector<std::uint32_t> concerned;  // targets of earlier concerns edges
  std::vector<std::size_t> by_type[4];
  for (std::size_t e = 2; e < entities; ++e) {
    for (int t = 0; t < 4; ++t) {
      if (entity_type[e] == kEntityTypes[t]) by_type[t].push_back(e);
    }
  }
  Writer w(o.out + "/edges.csv");
  w.line("from,relation,to,source,locator");
  std::size_t written = 0;
  const double per_paper = static_cast<double>(edges_target) * 0.85 / static_cast<double>(papers);
  for (std::size_t i = 0; i < papers && written < edges_target; ++i) {
    const std::string from = kamerstuk_key(i);
    const auto whole = static_cast<std::size_t>(per_paper);
    const std::size_t count = whole + (chance(per_paper - static_cast<double>(whole)) ? 1 : 0);
    for (std::size_t k = 0; k < count; ++k) {
      const std::string locator = fmt::format("p. {}", 1 + uniform(40));
      if (i > 0 && k % 5 < 3) {  // ~60%: cites an earlier paper
        std::size_t j = !cited.empty() && chance(0.5) ? cited[uniform(cited.size())] : uniform(i);
        cited.push_back(static_cast<std::uint32_t>(j));
        w.line(fmt::format("{},cites,{},{},{}", from, kamerstuk_key(j), from, locator));
      } else {  // concerns an entity: the two hubs take a fixed share, then popularity
        std::size_t e;
        const double r = static_cast<double>(rng() % 1000) / 1000.0;
        if (r < 0.02)
          e = 0;
        else if (r < 0.03)
          e = 1;
        else if (!concerned.empty() && chance(0.5))
          e = concerned[uniform(concerned.size())];
        else
          e = 2 + uniform(entities - 2);
        concerned.push_back(static_cast<std::uint32_t>(e));
        w.line(fmt::format("{},concerns,{},{},{}", from, entity_key[e], from, locator));
      }
      ++written;
    }
  }
  // The rest: relations among entities, each stated by a random paper.
  const char* kRel[][3] = {{"member_of", "actor", "actor"},
                           {"party_to", "actor", "treaty"},
                           {"participates_in", "actor", "mission"},
                           {"counters", "mission", "threat"},
                           {"poses", "actor", "threat"}};
  auto pick = [&](const char* type) -> std::string {
    for (int t = 0; t < 4; ++t) {
      if (std::string(type) == kEntityTypes[t]) {
        if (t == 0 && chance(0.1)) return entity_key[uniform(2)];  // the hubs are actors
        return entity_key[by_type[t][uniform(by_type[t].size())]];
      }
    }
    return entity_key[0];
  };
  while (written < edges_target) {
    const auto& r = kRel[uniform(5)];
    std::string a = pick(r[1]), b = pick(r[2]);
    if (a == b) continue;  // import refuses a node related to itself
    w.line(fmt::format("{},{},{},{},p. {}", a, r[0], b, kamerstuk_key(uniform(papers)),
                       1 + uniform(40)));
    ++written;
  }
  std::printf("wrote %zu nodes (%zu papers, %zu entities) and %zu edges to %s\n", o.nodes, papers,
              entities, written, o.out.c_str());
  return 0;
}
