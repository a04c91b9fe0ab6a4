#include "time/timex_stage.h"

#include <optional>
#include <vector>

#include "time/calendar.h"
#include "time/recognizer.h"
#include "time/resolver.h"

namespace dossier {
namespace {

// Clock times and anaphoric days depend on the other expressions of their
// sentence, so they are resolved in a second pass.
bool NeedsSentence(TimexKind kind) {
  return kind == TimexKind::kClock || kind == TimexKind::kAnaphoric;
}

}  // namespace

TimexStage::TimexStage() : recognizer_(std::make_unique<TimexRecognizer>()) {}

TimexStage::~TimexStage() = default;

Status TimexStage::Run(Document& doc) const {
  std::vector<Timex> found;
  DOSSIER_RETURN_IF_ERROR(FindTimes(*recognizer_, doc,
                                    ParseIsoDate(doc.meta().published), &found));
  doc.layers().times = std::move(found);
  return Status::Ok();
}

Status FindTimes(const TimexRecognizer& recognizer, const Document& doc,
                 std::optional<CivilDate> reference, std::vector<Timex>* found) {
  if (!recognizer.ok()) {
    return Status(ErrorCode::kInternal, "time patterns failed to compile");
  }
  const std::string_view text = doc.text();
  std::vector<Timex>& out = *found;
  out.clear();

  ResolveContext ctx;
  ctx.reference = reference;
  // The last day and year named in the previous sentence (for "the next
  // day", "two years later").
  std::optional<CivilDate> previous_day;
  std::optional<int> previous_year;
  std::vector<ParsedTimex> parsed;
  std::vector<std::optional<ResolvedTimex>> resolved;
  for (const Sentence& sent : doc.layers().sentences) {
    if (sent.span.end > text.size() || sent.span.empty()) continue;
    recognizer.Recognize(doc.Slice(sent.span), &parsed);
    if (parsed.empty()) {
      previous_day.reset();
      previous_year.reset();
      continue;
    }
    resolved.assign(parsed.size(), std::nullopt);
    // Pass 1: expressions that stand on their own.
    ctx.sentence_day.reset();
    ctx.anchor.reset();
    for (size_t i = 0; i < parsed.size(); ++i) {
      if (NeedsSentence(parsed[i].kind)) continue;
      resolved[i] = Resolve(parsed[i], ctx);
      if (resolved[i] && resolved[i]->day && !ctx.sentence_day) {
        ctx.sentence_day = resolved[i]->day;
      }
    }
    // Pass 2: clock times (on the sentence's day) and anaphoric days (from
    // the last day named before them).
    std::optional<CivilDate> last_day = previous_day;
    std::optional<int> last_year = previous_year;
    for (size_t i = 0; i < parsed.size(); ++i) {
      if (NeedsSentence(parsed[i].kind)) {
        ctx.anchor = last_day;
        ctx.anchor_year = last_year;
        resolved[i] = Resolve(parsed[i], ctx);
      }
      if (!resolved[i]) continue;
      if (resolved[i]->day) last_day = resolved[i]->day;
      if (resolved[i]->year) {
        last_year = resolved[i]->year;
        // A year or month named after a day replaces it as the anchor.
        if (!resolved[i]->day && resolved[i]->type == TimexType::kDate) {
          last_day.reset();
        }
      }
    }
    previous_day = last_day;
    previous_year = last_year;
    for (size_t i = 0; i < parsed.size(); ++i) {
      if (!resolved[i]) continue;
      Timex t;
      t.span = {sent.span.start + parsed[i].start,
                sent.span.start + parsed[i].end};
      t.type = resolved[i]->type;
      t.value = std::move(resolved[i]->value);
      out.push_back(std::move(t));
    }
  }
  return Status::Ok();
}

}  // namespace dossier
