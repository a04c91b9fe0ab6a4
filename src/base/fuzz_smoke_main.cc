// A libFuzzer-compatible driver for builds without libFuzzer (g++): CI's
// smoke mode. Linked with a *_fuzzer.cc target, it feeds
// LLVMFuzzerTestOneInput every file of the seed folders named on the command
// line, then a deterministic stream of mutations of those seeds (byte flips,
// insertions, deletions, splices, truncations) for a few seconds. A crash,
// a sanitizer report or an abort fails the ctest; no coverage guidance, so
// real fuzzing stays with scripts/fuzz.sh (clang, libFuzzer).
// Usage: NAME_fuzzer [--seconds S] [--runs N] SEED_DIR_OR_FILE...
// (DOSSIER_FUZZ_LAST=FILE keeps the input being run, to replay a crash.)
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace {

uint64_t Next(uint64_t& s) {  // xorshift64*
  s ^= s >> 12;
  s ^= s << 25;
  s ^= s >> 27;
  return s * 0x2545F4914F6CDD1DULL;
}

std::string Mutate(const std::vector<std::string>& seeds, uint64_t& rng) {
  std::string s =
      seeds.empty() ? std::string() : seeds[Next(rng) % seeds.size()];
  const int edits = 1 + static_cast<int>(Next(rng) % 8);
  for (int e = 0; e < edits; ++e) {
    const uint64_t r = Next(rng);
    const size_t at = s.empty() ? 0 : Next(rng) % (s.size() + 1);
    switch (r % 6) {
      case 0:  // flip a byte
        if (!s.empty()) s[at % s.size()] = static_cast<char>(Next(rng));
        break;
      case 1:  // insert random bytes
        s.insert(at,
                 std::string(1 + Next(rng) % 16, static_cast<char>(Next(rng))));
        break;
      case 2:  // delete a run
        if (!s.empty()) s.erase(at % s.size(), 1 + Next(rng) % 64);
        break;
      case 3:  // splice in a piece of another seed
        if (!seeds.empty()) {
          const std::string& o = seeds[Next(rng) % seeds.size()];
          if (!o.empty()) {
            size_t from = Next(rng) % o.size();
            s.insert(at, o.substr(from, 1 + Next(rng) % 256));
          }
        }
        break;
      case 4:  // truncate
        s.resize(at);
        break;
      default:  // repeat a piece (nesting, long lines)
        if (!s.empty()) {
          size_t from = at % s.size();
          std::string piece = s.substr(from, 1 + Next(rng) % 32);
          std::string rep;
          for (uint64_t k = 0, n = 1 + Next(rng) % 200; k < n; ++k)
            rep += piece;
          s.insert(from, rep);
        }
        break;
    }
  }
  return s;
}

// With DOSSIER_FUZZ_LAST=FILE set, each input is written there before it
// runs, so the one that crashed can be replayed.
const char* g_last = nullptr;

void Run(const std::string& input) {
  if (g_last != nullptr) {
    std::ofstream(g_last, std::ios::binary | std::ios::trunc) << input;
  }
  LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(input.data()),
                         input.size());
}

}  // namespace

int main(int argc, char** argv) {
  g_last = std::getenv("DOSSIER_FUZZ_LAST");
  double seconds = 2;
  long runs = -1;
  std::vector<std::string> seeds;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--seconds" && i + 1 < argc) {
      seconds = std::atof(argv[++i]);
      continue;
    }
    if (a == "--runs" && i + 1 < argc) {
      runs = std::atol(argv[++i]);
      continue;
    }
    namespace fs = std::filesystem;
    std::vector<fs::path> files;
    if (fs::is_directory(a)) {
      for (const auto& e : fs::recursive_directory_iterator(a)) {
        if (e.is_regular_file()) files.push_back(e.path());
      }
    } else {
      files.push_back(a);
    }
    std::sort(files.begin(), files.end());
    for (const fs::path& p : files) {
      std::ifstream in(p, std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      seeds.push_back(ss.str());
    }
  }
  for (const std::string& s : seeds) Run(s);
  Run("");
  uint64_t rng = 0x9E3779B97F4A7C15ULL;
  const auto end =
      std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  long done = 0;
  while ((runs < 0 || done < runs) &&
         (runs >= 0 || std::chrono::steady_clock::now() < end)) {
    Run(Mutate(seeds, rng));
    ++done;
  }
  std::printf("fuzz smoke: %zu seeds, %ld mutated inputs, no crash\n",
              seeds.size(), done);
  return 0;
}
