// `dossier eval claims`: comparing claims across outlets, on ClaimDiff.
//
// Data: ClaimDiff's JSON files ({"data": [{pair_id, claim_a, claim_b,
// relation, ...}]}). The strength file labels relation 1 when claim_b
// strengthens claim_a, the weak file when it weakens it; both label the
// same pairs. PATH is a folder with both files (each pair's gold is then
// agreement when it strengthens, contradiction when it weakens, none when
// neither) or one file (its relation 1 is agreement for a "strength" file,
// contradiction for a "weak" file; 0 is none).
// Prediction: CompareClaims(claim_a, claim_b) (claims/claim_compare.h).
// Scores: per relation (agreement, contradiction, none) P/R/F1, their
// macro average, accuracy, counts, pairs/s.
#include <rapidjson/document.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "claims/claim_compare.h"
#include "eval/eval.h"

namespace dossier {
namespace {

struct Pair {
  std::string a, b;
  ClaimRelation gold = ClaimRelation::kNone;
};

// Reads one ClaimDiff file into `pairs` (by pair_id), setting the relation
// its label stands for when the label is 1.
Status ReadClaimDiff(const std::filesystem::path& file, ClaimRelation label,
                     std::map<std::string, Pair>& pairs) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    return Status(ErrorCode::kEvalData, "cannot read " + file.string());
  }
  std::stringstream buf;
  buf << in.rdbuf();
  const std::string text = buf.str();
  rapidjson::Document d;
  d.Parse(text.data(), text.size());
  if (d.HasParseError() || !d.IsObject() || !d.HasMember("data") ||
      !d["data"].IsArray()) {
    return Status(ErrorCode::kEvalData,
                  file.string() + ": not a ClaimDiff file ({\"data\": [...]})");
  }
  for (const auto& x : d["data"].GetArray()) {
    if (!x.IsObject() || !x.HasMember("pair_id") || !x["pair_id"].IsString() ||
        !x.HasMember("claim_a") || !x["claim_a"].IsString() ||
        !x.HasMember("claim_b") || !x["claim_b"].IsString() ||
        !x.HasMember("relation") || !x["relation"].IsInt()) {
      return Status(
          ErrorCode::kEvalData,
          file.string() + ": a pair lacks pair_id, claims or relation");
    }
    Pair& p = pairs[x["pair_id"].GetString()];
    p.a = x["claim_a"].GetString();
    p.b = x["claim_b"].GetString();
    if (x["relation"].GetInt() == 1) {
      // A pair labelled both ways counts as a contradiction (never seen in
      // the training files).
      if (p.gold != ClaimRelation::kContradiction) p.gold = label;
    }
  }
  return Status::Ok();
}

ClaimRelation LabelOf(const std::filesystem::path& f) {
  const std::string n = f.filename().string();
  return n.find("weak") != std::string::npos ? ClaimRelation::kContradiction
                                             : ClaimRelation::kAgreement;
}

class ClaimsEvalTask : public EvalTask {
 public:
  std::string_view name() const override { return "claims"; }
  std::string_view summary() const override {
    return "claims across outlets, ClaimDiff: agreement / contradiction / "
           "none P/R/F1";
  }
  std::string_view default_data() const override { return "data/claimdiff"; }

  StatusOr<EvalReport> Run(const std::string& path,
                           const EvalOptions& opts) const override {
    namespace fs = std::filesystem;
    std::map<std::string, Pair> pairs;
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
      std::vector<fs::path> files;
      for (const auto& e : fs::directory_iterator(path, ec)) {
        const std::string n = e.path().filename().string();
        if (e.path().extension() == ".json" &&
            n.find("ClaimDiff") != std::string::npos) {
          files.push_back(e.path());
        }
      }
      std::sort(files.begin(), files.end());
      if (files.empty()) {
        return Status(ErrorCode::kEvalData,
                      path + ": no ClaimDiff-*.json files");
      }
      for (const fs::path& f : files) {
        DOSSIER_RETURN_IF_ERROR(ReadClaimDiff(f, LabelOf(f), pairs));
      }
    } else {
      DOSSIER_RETURN_IF_ERROR(ReadClaimDiff(path, LabelOf(path), pairs));
    }
    std::vector<const Pair*> items;
    for (const auto& [id, p] : pairs) items.push_back(&p);
    if (opts.limit > 0 && items.size() > opts.limit) items.resize(opts.limit);

    std::map<std::string, Prf> per;
    for (ClaimRelation r :
         {ClaimRelation::kAgreement, ClaimRelation::kContradiction,
          ClaimRelation::kNone}) {
      per[std::string(ClaimRelationName(r))];
    }
    size_t correct = 0;
    auto t0 = std::chrono::steady_clock::now();
    for (const Pair* p : items) {
      const ClaimRelation pred = CompareClaims(p->a, p->b).relation;
      const std::string g(ClaimRelationName(p->gold));
      const std::string y(ClaimRelationName(pred));
      if (g == y) {
        per[g].tp++;
        ++correct;
      } else {
        per[g].fn++;
        per[y].fp++;
      }
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0)
            .count();
    EvalReport report;
    report.task = "claims";
    report.data = path;
    double macro = 0;
    for (const auto& [rel, prf] : per) {
      prf.AddTo(report, rel + ".");
      report.Add(rel + ".gold", prf.tp + prf.fn);
      macro += prf.F1();
    }
    report.Add("macro_f1", macro / static_cast<double>(per.size()));
    report.Add("accuracy", items.empty()
                               ? 0
                               : static_cast<double>(correct) /
                                     static_cast<double>(items.size()));
    report.Add("pairs", static_cast<double>(items.size()));
    report.Add("pairs_per_second", seconds > 0 ? items.size() / seconds : 0);
    report.notes.push_back(
        "gold: strengthens -> agreement, weakens -> contradiction, neither -> "
        "none (ClaimDiff's strength and weak labels of the same pairs)");
    report.notes.push_back(
        "the comparator is lexical (claims/claim_compare.h); ClaimDiff's "
        "relations often need world knowledge");
    return report;
  }
};

}  // namespace

std::unique_ptr<EvalTask> MakeClaimsEvalTask() {
  return std::make_unique<ClaimsEvalTask>();
}

}  // namespace dossier
