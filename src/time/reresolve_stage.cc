#include "time/reresolve_stage.h"

#include <optional>
#include <utility>
#include <vector>

#include "time/calendar.h"
#include "time/recognizer.h"
#include "time/timex_stage.h"

namespace dossier {
namespace {

// Longer ranges are not re-resolved (PubDateStage reports at most 14 days).
constexpr int64_t kMaxDays = 31;

const Timex* FindSpan(const std::vector<Timex>& times, Span span) {
  for (const Timex& t : times) {
    if (t.span == span) return &t;
    if (t.span.start > span.start) break;
  }
  return nullptr;
}

}  // namespace

ReresolveStage::ReresolveStage()
    : recognizer_(std::make_unique<TimexRecognizer>()) {}

ReresolveStage::~ReresolveStage() = default;

Status ReresolveStage::Run(Document& doc) const {
  const DocMeta& m = doc.meta();
  // (kInferred with no range: a dateline whose year was inferred.)
  if (m.published_how != PublishedHow::kInferred ||
      m.published_earliest.empty()) {
    return Status::Ok();
  }
  std::optional<CivilDate> first = ParseIsoDate(m.published_earliest);
  std::optional<CivilDate> last = ParseIsoDate(m.published_latest);
  if (std::optional<CivilDate> one = ParseIsoDate(m.published)) {
    first = last = one;
  }
  if (!first || !last) return Status::Ok();
  const int64_t lo = DaysFromCivil(*first), hi = DaysFromCivil(*last);
  if (hi < lo || hi - lo + 1 > kMaxDays) return Status::Ok();

  std::vector<std::vector<Timex>> runs(static_cast<size_t>(hi - lo + 1));
  for (int64_t d = lo; d <= hi; ++d) {
    DOSSIER_RETURN_IF_ERROR(FindTimes(*recognizer_, doc, CivilFromDays(d),
                                      &runs[static_cast<size_t>(d - lo)]));
  }
  // Keep a value where every candidate day gives it; else the value found
  // without a reference.
  const std::vector<Timex>& before = doc.layers().times;
  std::vector<Timex> out;
  for (const Timex& t : runs[0]) {
    bool agree = true;
    for (size_t r = 1; r < runs.size() && agree; ++r) {
      const Timex* o = FindSpan(runs[r], t.span);
      agree = o != nullptr && o->type == t.type && o->value == t.value;
    }
    if (agree) {
      out.push_back(t);
    } else if (const Timex* b = FindSpan(before, t.span)) {
      out.push_back(*b);
    }
  }
  // Expressions the inference tied to another document's day take it,
  // with their time of day ("Thursday morning" -> 2025-05-15TMO).
  for (const PublishedEvidence& e : m.published_evidence) {
    if (e.doc != m.id || e.value.empty()) continue;
    for (Timex& t : out) {
      if (t.span != e.span) continue;
      const size_t tpos = t.value.find('T');
      t.value = e.value + (tpos == std::string::npos || tpos < 8
                               ? std::string()
                               : t.value.substr(tpos));
    }
  }
  doc.layers().times = std::move(out);
  return Status::Ok();
}

}  // namespace dossier
