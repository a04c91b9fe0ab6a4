// Throughput of the text layer: normalize + layout + sentences + tokens over
// a generated ~1 MB English-like article (invented names and places), and
// each step on its own. Reports bytes/s of input.
#include <benchmark/benchmark.h>

#include <random>
#include <string>
#include <vector>

#include "text/layout_stage.h"
#include "text/normalizer.h"
#include "text/sentence_stage.h"
#include "text/token_stage.h"

namespace dossier {
namespace {

// A deterministic article of about `bytes` bytes: a title line, then
// paragraphs (blank-line separated) of sentences with names, titles,
// abbreviations, numbers, quotes, clitics and the odd heading.
std::string MakeArticle(size_t bytes) {
  static const std::vector<std::string> kSubjects = {
      "President Mara Velden", "Gen. Sava Ostrova",  "The council",
      "Officials in Estvale",  "Dr. Ilse Brandt",    "The U.S. envoy",
      "Mayor J. R. Ruiz",      "The Caldera Herald", "Halvar Shipping Inc.",
      "Residents of Norland"};
  static const std::vector<std::string> kVerbs = {
      "said",   "announced", "warned",         "confirmed",
      "denied", "argued",    "told reporters", "suggested"};
  static const std::vector<std::string> kObjects = {
      "that the harbor would reopen on Jan. 5",
      "that talks with Caldera had stalled",
      "a 30-day pause in the Norland-Caldera dispute",
      "plans to spend 1,250.5 million crowns on new ferries",
      "that the vote, set for 2025-05-15, would go ahead",
      "the report by the committee\xE2\x80\x99s chair",
      "that they didn't expect a deal before 10:30 p.m.",
      "that No. 4 pier was closed \xE2\x80\x94 for now"};
  static const std::vector<std::string> kQuotes = {
      "\xE2\x80\x9CWe\xE2\x80\x99re ready to talk,\xE2\x80\x9D",
      "\xE2\x80\x9CThis isn\xE2\x80\x99t over. We will rebuild.\xE2\x80\x9D",
      "\"Nobody wants another winter like the last one,\""};
  std::mt19937 rng(7);
  auto pick = [&rng](const std::vector<std::string>& v) -> const std::string& {
    return v[rng() % v.size()];
  };
  std::string out = "Norland and Caldera Resume Harbor Talks\n\n";
  out.reserve(bytes + 1024);
  int paragraph = 0;
  while (out.size() < bytes) {
    if (++paragraph % 12 == 0)
      out += "What the Agreement Means for Estvale\n\n";
    int sentences = 2 + static_cast<int>(rng() % 4);
    for (int s = 0; s < sentences; ++s) {
      if (s > 0) out += ' ';
      if (rng() % 5 == 0) {
        out += pick(kQuotes) + " " + pick(kSubjects) + " said.";
      } else {
        out +=
            pick(kSubjects) + " " + pick(kVerbs) + " " + pick(kObjects) + ".";
      }
    }
    out += "\n\n";
  }
  return out;
}

const std::string& Article() {
  static const std::string* const text = new std::string(MakeArticle(1 << 20));
  return *text;
}

RawArticle Raw() {
  RawArticle raw;
  raw.source = "bench.txt";
  raw.bytes = Article();
  return raw;
}

Document Prepared(int stages) {
  Document doc = NormalizeArticle(Raw(), {}).value();
  if (stages >= 1) (void)LayoutStage().Run(doc);
  if (stages >= 2) (void)SentenceStage().Run(doc);
  return doc;
}

void BM_TextChain(benchmark::State& state) {
  LayoutStage layout;
  SentenceStage sentences;
  TokenStage tokens;
  size_t count = 0;
  for (auto _ : state) {
    StatusOr<Document> doc = NormalizeArticle(Raw(), {});
    if (!doc.ok()) {
      state.SkipWithError(doc.status().message().c_str());
      break;
    }
    (void)layout.Run(*doc);
    (void)sentences.Run(*doc);
    (void)tokens.Run(*doc);
    count = doc->layers().tokens.size();
    benchmark::DoNotOptimize(count);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(Article().size()));
  state.counters["tokens"] = static_cast<double>(count);
}
BENCHMARK(BM_TextChain)->Unit(benchmark::kMillisecond);

void BM_Normalize(benchmark::State& state) {
  for (auto _ : state) {
    StatusOr<Document> doc = NormalizeArticle(Raw(), {});
    benchmark::DoNotOptimize(doc.ok());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(Article().size()));
}
BENCHMARK(BM_Normalize)->Unit(benchmark::kMillisecond);

void BM_NormalizeNfd(benchmark::State& state) {
  // Every "e" followed by a combining acute: the NFC slow path.
  std::string nfd;
  for (char c : Article()) {
    nfd += c;
    if (c == 'e') nfd += "\xCC\x81";
  }
  for (auto _ : state) {
    RawArticle raw;
    raw.bytes = nfd;
    StatusOr<Document> doc = NormalizeArticle(std::move(raw), {});
    benchmark::DoNotOptimize(doc.ok());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(nfd.size()));
}
BENCHMARK(BM_NormalizeNfd)->Unit(benchmark::kMillisecond);

void BM_Layout(benchmark::State& state) {
  Document doc = Prepared(0);
  LayoutStage layout;
  for (auto _ : state) {
    (void)layout.Run(doc);
    benchmark::DoNotOptimize(doc.layers().blocks.size());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(doc.text().size()));
}
BENCHMARK(BM_Layout)->Unit(benchmark::kMillisecond);

void BM_Sentences(benchmark::State& state) {
  Document doc = Prepared(1);
  SentenceStage sentences;
  for (auto _ : state) {
    (void)sentences.Run(doc);
    benchmark::DoNotOptimize(doc.layers().sentences.size());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(doc.text().size()));
}
BENCHMARK(BM_Sentences)->Unit(benchmark::kMillisecond);

void BM_Tokens(benchmark::State& state) {
  Document doc = Prepared(2);
  TokenStage tokens;
  for (auto _ : state) {
    (void)tokens.Run(doc);
    benchmark::DoNotOptimize(doc.layers().tokens.size());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(doc.text().size()));
}
BENCHMARK(BM_Tokens)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace dossier
