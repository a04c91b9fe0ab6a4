#include "time/timex_stage.h"

#include <algorithm>
#include <optional>
#include <span>
#include <utility>
#include <vector>

#include "time/calendar.h"
#include "time/clause_tense.h"
#include "time/recognizer.h"
#include "time/resolver.h"

namespace dossier {
namespace {

// Clock times, anaphoric days and periods depend on the other expressions
// of their text, so they are resolved in a second pass.
bool NeedsSentence(const ParsedTimex& p) {
  switch (p.kind) {
    case TimexKind::kClock:
    case TimexKind::kAnaphoric:
    case TimexKind::kPeriodRef:
    case TimexKind::kTheYear:
      return true;
    case TimexKind::kWeekday:  // "the previous Friday"
      return p.ref_mode == 1;
    case TimexKind::kAgo:  // "a year ago" said of a quarter
      return p.unit == TimeUnit::kYear && p.quantity == 1;
    default:
      return false;
  }
}

// "the year-ago quarter", "a year ago": quarters named relative to another
// one; they do not become the quarter the text is about.
bool ShiftedQuarter(const ParsedTimex& p) {
  return p.kind == TimexKind::kAgo || p.kind == TimexKind::kAnaphoric ||
         (p.kind == TimexKind::kPeriodRef && (p.shift != 0 || p.year > 0));
}

// Whether `p` may take the quarter named before it as its anchor: periods
// refer back to the document's last quarter, "a year ago/earlier" only to
// one named in the same or the previous sentence.
bool UsesDocumentQuarter(const ParsedTimex& p) {
  return p.kind == TimexKind::kPeriodRef;
}

// Whether the text between a clock time and a day joins them: spaces, a
// comma, a time zone ("EST", "GMT").
bool IsClockDayGap(std::string_view gap) {
  size_t i = 0;
  int words = 0;
  while (i < gap.size()) {
    const char c = gap[i];
    if (c == ' ' || c == ',') {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < gap.size() && gap[j] >= 'A' && gap[j] <= 'Z') ++j;
    const std::string_view w = gap.substr(i, j - i);
    if (w.size() < 2 || w.size() > 4 || ++words > 1) return false;
    static constexpr const char* kZones[] = {"EST", "EDT", "CST",  "CDT", "MST",
                                             "MDT", "PST", "PDT",  "GMT", "UTC",
                                             "BST", "CET", "CEST", "ET",  "PT"};
    bool zone = false;
    for (const char* z : kZones) zone = zone || w == z;
    if (!zone) return false;
    i = j;
  }
  return !gap.empty() && gap.size() <= 8;
}

// year * 4 + quarter - 1, as ResolvedTimex::quarter.
int QuarterOf(CivilDate d) { return d.year * 4 + (d.month - 1) / 3; }

// Whether the text between a period and a date makes the date its end:
// "the quarter ended July 31", "the quarter that ended Sept. 30".
bool IsEndedGap(std::string_view gap) {
  for (std::string_view g : {" ended ", " ending ", " that ended ",
                             " which ended ", ", which ended "}) {
    if (gap == g) return true;
  }
  return false;
}

// The quarter of the three months ending on `end`: the calendar quarter
// holding most of them, the quarter of the middle month ("ended July 31"
// -> May..July -> the second). A date early in a month ends the month
// before ("ended Oct. 1").
int QuarterEndingOn(CivilDate end) {
  int months = end.year * 12 + end.month - 1;  // the last month, from 0
  if (end.day < 15) --months;
  const int middle = months - 1;
  return (middle / 12) * 4 + (middle % 12) / 3;
}

bool Inside(Span inner, Span outer) {
  return inner.start >= outer.start && inner.end <= outer.end;
}

// The day a quotation was said: a day-valued expression by its attribution
// (within 32 bytes of its cue or speaker, outside any quoted words: "...,"
// Orsolya said Thursday.", "late Sunday, Orsolya said"), nearest the cue.
// Without one, the day of the nearest earlier quotation by the same
// speaker (Mention::local, coreference in the document) that has one: a later
// quote of a speaker is taken to be from the same statement unless its
// attribution says otherwise.
std::vector<std::optional<CivilDate>> SpeechDays(
    const Document& doc, const std::vector<Timex>& times,
    const std::vector<std::optional<CivilDate>>& days) {
  const std::vector<Quote>& quotes = doc.layers().quotes;
  const std::vector<Mention>& mentions = doc.layers().mentions;
  std::vector<std::optional<CivilDate>> said(quotes.size());
  auto speaker_of = [&](const Quote& q) -> int32_t {
    if (q.speaker_mention < 0 ||
        static_cast<size_t>(q.speaker_mention) >= mentions.size()) {
      return -1;
    }
    return mentions[q.speaker_mention].local;
  };
  for (size_t qi = 0; qi < quotes.size(); ++qi) {
    const Quote& q = quotes[qi];
    Span attr = !q.cue.empty() ? q.cue : q.speaker;
    if (!attr.empty()) {
      if (!q.speaker.empty()) {
        attr.start = std::min(attr.start, q.speaker.start);
        attr.end = std::max(attr.end, q.speaker.end);
      }
      const Span window{attr.start > 32 ? attr.start - 32 : 0, attr.end + 32};
      uint32_t best = UINT32_MAX;
      for (size_t i = 0; i < times.size(); ++i) {
        const Span t = times[i].span;
        if (!days[i] || !Inside(t, window)) continue;
        bool quoted = false;
        for (const Quote& o : quotes) {
          quoted =
              quoted || (t.start < o.content.end && o.content.start < t.end);
        }
        if (quoted) continue;
        const uint32_t d = t.end <= attr.start   ? attr.start - t.end
                           : t.start >= attr.end ? t.start - attr.end
                                                 : 0;
        if (d < best) {
          best = d;
          said[qi] = days[i];
        }
      }
    }
    const int32_t speaker = speaker_of(q);
    for (size_t pj = qi; !said[qi] && speaker >= 0 && pj-- > 0;) {
      if (said[pj] && speaker_of(quotes[pj]) == speaker) said[qi] = said[pj];
    }
  }
  return said;
}
// "until 5 p.m. EST Nov. 9": the sentence splitter may end a sentence
// after "a.m."/"p.m."; when the next one starts with a time zone, a
// weekday or a month and day, the two are read as one, so that the clock
// time joins its day and shares its clause's tense.
bool ContinuesClock(std::string_view text, Span first, Span next) {
  const std::string_view a = text.substr(first.start, first.size());
  if (a.size() < 4) return false;
  const std::string_view end = a.substr(a.size() - 4);
  if (end != "a.m." && end != "p.m." && end != "A.M." && end != "P.M.") {
    return false;
  }
  std::string_view b = text.substr(next.start, next.size());
  // "10:35 a.m. (0735 GMT) Friday": a parenthesized clock in another zone
  // stands between the time and its day.
  if (b.size() > 2 && b[0] == '(') {
    const size_t close = b.find(')');
    if (close == std::string_view::npos || close > 16) return false;
    b.remove_prefix(close + 1);
    while (!b.empty() && b[0] == ' ') b.remove_prefix(1);
  }
  size_t n = 0;
  while (n < b.size() && b[n] >= 'A' && b[n] <= 'Z') ++n;
  const std::string_view head = b.substr(0, n);
  static constexpr const char* kZones[] = {"EST", "EDT", "CST",  "CDT", "MST",
                                           "MDT", "PST", "PDT",  "GMT", "UTC",
                                           "BST", "CET", "CEST", "ET",  "PT"};
  for (const char* z : kZones) {
    if (head == z && (n == b.size() || b[n] == ' ' || b[n] == ',')) {
      return true;
    }
  }
  static constexpr const char* kDayWords[] = {
      "Monday",   "Tuesday",   "Wednesday", "Thursday", "Friday",
      "Saturday", "Sunday",    "Jan.",      "Feb.",     "Aug.",
      "Sept.",    "Oct.",      "Nov.",      "Dec.",     "January",
      "February", "March",     "April",     "June",     "July",
      "August",   "September", "October",   "November", "December"};
  for (const char* w : kDayWords) {
    const std::string_view wv(w);
    if (b.substr(0, wv.size()) == wv &&
        (b.size() == wv.size() || b[wv.size()] == ' ' || b[wv.size()] == ',' ||
         b[wv.size()] == '.')) {
      return true;
    }
  }
  return false;
}

// Resolves the relative days of direct quotations again from the day
// each was said (SpeechDays), where one is known.
void ReanchorQuotedDays(
    const Document& doc,
    const std::vector<std::pair<size_t, ParsedTimex>>& relative_days,
    const std::vector<std::optional<CivilDate>>& days,
    std::vector<Timex>& out) {
  const std::vector<std::optional<CivilDate>> said = SpeechDays(doc, out, days);
  const std::vector<Quote>& quotes = doc.layers().quotes;
  for (const auto& [i, p] : relative_days) {
    for (size_t qi = 0; qi < quotes.size(); ++qi) {
      if (quotes[qi].kind != QuoteKind::kDirect || !said[qi] ||
          !Inside(out[i].span, quotes[qi].content)) {
        continue;
      }
      ResolveContext at;
      at.reference = said[qi];
      std::optional<ResolvedTimex> r = Resolve(p, at);
      if (r) {
        out[i].type = r->type;
        out[i].value = std::move(r->value);
      }
      break;
    }
  }
}

}  // namespace

TimexStage::TimexStage() : recognizer_(std::make_unique<TimexRecognizer>()) {}

TimexStage::~TimexStage() = default;

Status TimexStage::Run(Document& doc) const {
  std::vector<Timex> found;
  DOSSIER_RETURN_IF_ERROR(
      FindTimes(*recognizer_, doc, ParseIsoDate(doc.meta().published), &found));
  doc.layers().times = std::move(found);
  return Status::Ok();
}

Status FindTimes(const TimexRecognizer& recognizer, const Document& doc,
                 std::optional<CivilDate> reference,
                 std::vector<Timex>* found) {
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
  // The last day named anywhere before: what "the previous Friday" counts
  // from when the sentence before names none.
  std::optional<CivilDate> document_day;
  std::optional<int> previous_year;
  std::optional<int> previous_month;
  int month_idle = 0;  // sentences without expressions since the last one
  // The last quarter named in the document, and in the previous sentence.
  std::optional<int> document_quarter;
  // The last quarter named, until a year is named after it ("in 2019"):
  // what "a year ago" is said of, however many sentences later.
  std::optional<int> topic_quarter;
  std::optional<int> previous_quarter;
  std::vector<ParsedTimex> parsed;
  std::vector<std::optional<ResolvedTimex>> resolved;
  // Per expression of `out`: the day it names; and the relative days
  // ("tomorrow") with their parse, resolved again inside quotations.
  std::vector<std::optional<CivilDate>> days;
  std::vector<std::pair<size_t, ParsedTimex>> relative_days;
  // The spans read: the sentences, and dateline lines ("OSLO, May 3 --"),
  // which the sentence splitter leaves out, in text order.
  std::vector<Span> spans;
  spans.reserve(doc.layers().sentences.size() + 1);
  for (const Block& b : doc.layers().blocks) {
    if (b.kind == BlockKind::kDateline && b.removed_why.empty()) {
      spans.push_back(b.span);
    }
  }
  const bool extra = !spans.empty();
  for (const Sentence& sent : doc.layers().sentences) {
    spans.push_back(sent.span);
  }
  if (extra) {
    std::stable_sort(
        spans.begin(), spans.end(),
        [](const Span& a, const Span& b) { return a.start < b.start; });
    // A dateline already inside a sentence is read once.
    size_t kept = 0;
    uint32_t covered = 0;
    for (const Span& s : spans) {
      if (kept > 0 && s.start < covered) continue;
      spans[kept++] = s;
      covered = s.end;
    }
    spans.resize(kept);
  }
  {
    size_t kept = 0;
    for (size_t i = 0; i < spans.size(); ++i) {
      if (kept > 0 && spans[i].end <= text.size() &&
          spans[kept - 1].end <= spans[i].start &&
          ContinuesClock(text, spans[kept - 1], spans[i])) {
        spans[kept - 1].end = spans[i].end;
        continue;
      }
      spans[kept++] = spans[i];
    }
    spans.resize(kept);
  }
  for (const Span& span : spans) {
    if (span.end > text.size() || span.empty()) continue;
    const Sentence sent{span, 0, 0};
    recognizer.Recognize(doc.Slice(sent.span), &parsed);
    // The clause's verb, where tagged, decides the tense over the nearest
    // tense word ("this summer, an aide said" is not past).
    if (!parsed.empty()) {
      RefineTenses(text, TokensIn(doc.layers().tokens, sent.span), sent.span,
                   &parsed);
    }
    if (parsed.empty()) {
      previous_day.reset();
      previous_year.reset();
      previous_quarter.reset();
      // A month stays the anchor over a sentence or two that name no time
      // ("In March, ... . ... . The following month, ...").
      if (++month_idle > 2) previous_month.reset();
      continue;
    }
    month_idle = 0;
    resolved.assign(parsed.size(), std::nullopt);
    // Pass 1: expressions that stand on their own.
    ctx.sentence_day.reset();
    ctx.anchor.reset();
    ctx.anchor_year.reset();
    ctx.anchor_month.reset();
    ctx.anchor_quarter.reset();
    for (size_t i = 0; i < parsed.size(); ++i) {
      if (NeedsSentence(parsed[i])) continue;
      resolved[i] = Resolve(parsed[i], ctx);
      if (resolved[i] && resolved[i]->day && !ctx.sentence_day) {
        ctx.sentence_day = resolved[i]->day;
      }
    }
    // Pass 2: clock times (on the sentence's day) and anaphoric days (from
    // the last day named before them).
    std::optional<CivilDate> last_day = previous_day;
    std::optional<int> last_year = previous_year;
    std::optional<int> last_month = previous_month;
    std::optional<int> last_quarter = previous_quarter;
    for (size_t i = 0; i < parsed.size(); ++i) {
      if (NeedsSentence(parsed[i])) {
        ctx.anchor = last_day;
        if (!ctx.anchor && parsed[i].kind == TimexKind::kWeekday) {
          ctx.anchor = document_day;
        }
        ctx.anchor_year = last_year;
        ctx.anchor_month = last_month;
        ctx.anchor_quarter = UsesDocumentQuarter(parsed[i]) ? document_quarter
                             : parsed[i].kind == TimexKind::kAgo ? topic_quarter
                                                                 : last_quarter;
        resolved[i] = Resolve(parsed[i], ctx);
        // "the quarter ended July 31", with no quarter named before: the
        // quarter those three months make up. (After a named quarter the
        // name stands: fiscal quarters do not follow the calendar.)
        if (resolved[i] && !ctx.anchor_quarter &&
            parsed[i].kind == TimexKind::kPeriodRef &&
            parsed[i].unit == TimeUnit::kQuarter && parsed[i].shift == 0 &&
            parsed[i].year == 0 && i + 1 < parsed.size() &&
            resolved[i + 1] && resolved[i + 1]->day &&
            parsed[i + 1].kind == TimexKind::kDate &&
            IsEndedGap(doc.Slice(sent.span).substr(
                parsed[i].end,
                                       parsed[i + 1].start - parsed[i].end))) {
          ctx.anchor_quarter = QuarterEndingOn(*resolved[i + 1]->day);
          resolved[i] = Resolve(parsed[i], ctx);
        }
      }
      if (!resolved[i]) continue;
      if (resolved[i]->quarter && !ShiftedQuarter(parsed[i])) {
        last_quarter = resolved[i]->quarter;
        // A quarter not yet over, spoken of in other than the past tense
        // ("will report losses through the third quarter of next year"),
        // is a forecast, not the period the text reports on. (A past
        // tense keeps it: fiscal quarters run ahead of the calendar,
        // "reported a decline in fourth-quarter earnings" in November.)
        if (!reference || parsed[i].tense == Tense::kPast ||
            *resolved[i]->quarter < QuarterOf(*reference)) {
          document_quarter = resolved[i]->quarter;
          topic_quarter = resolved[i]->quarter;
        }
      } else if (resolved[i]->day ||
                 (resolved[i]->year && parsed[i].kind == TimexKind::kYear)) {
        last_quarter.reset();
        if (parsed[i].kind == TimexKind::kYear) topic_quarter.reset();
      }
      if (resolved[i]->day) {
        last_day = resolved[i]->day;
        document_day = resolved[i]->day;
      }
      if (resolved[i]->month) {
        last_month = resolved[i]->month;
      } else if (resolved[i]->year) {
        last_month.reset();
      }
      if (resolved[i]->year) {
        last_year = resolved[i]->year;
        // A year or month named after a day replaces it as the anchor.
        if (!resolved[i]->day && resolved[i]->type == TimexType::kDate) {
          last_day.reset();
        }
      }
    }
    previous_day = last_day;
    // A year still to come ("aims to double sales by 2030") is a target,
    // not the year the next sentence speaks of.
    previous_year = last_year;
    if (previous_year && reference && *previous_year > reference->year) {
      previous_year.reset();
    }
    previous_quarter = last_quarter;
    previous_month = last_month;
    const std::string_view sentence = doc.Slice(sent.span);
    for (size_t i = 0; i < parsed.size(); ++i) {
      if (!resolved[i]) continue;
      Timex t;
      t.span = {sent.span.start + parsed[i].start,
                sent.span.start + parsed[i].end};
      t.type = resolved[i]->type;
      t.value = std::move(resolved[i]->value);
      // "noon Thursday", "9 p.m. EST Nov. 9": a clock time followed by its
      // day is one TIME on that day.
      if (i + 1 < parsed.size() && resolved[i + 1] &&
          parsed[i].kind == TimexKind::kClock &&
          resolved[i + 1]->type == TimexType::kDate &&
          (parsed[i + 1].kind == TimexKind::kWeekday ||
           parsed[i + 1].kind == TimexKind::kRelativeDay ||
           parsed[i + 1].kind == TimexKind::kDate) &&
          IsClockDayGap(sentence.substr(parsed[i].end,
                                        parsed[i + 1].start - parsed[i].end))) {
        const size_t tpos = t.value.find('T');
        if (tpos != std::string::npos) {
          t.value = resolved[i + 1]->value + t.value.substr(tpos);
          t.span.end = sent.span.start + parsed[i + 1].end;
          resolved[i + 1].reset();
        }
      }
      if (parsed[i].kind == TimexKind::kRelativeDay) {
        relative_days.emplace_back(out.size(), parsed[i]);
      }
      days.push_back(resolved[i]->day);
      out.push_back(std::move(t));
    }
  }
  // "tomorrow", "today", "yesterday" in a direct quotation count from the
  // day it was said, where the attribution tells it ("..., she said
  // Thursday").
  if (!relative_days.empty() && !doc.layers().quotes.empty()) {
    ReanchorQuotedDays(doc, relative_days, days, out);
  }
  return Status::Ok();
}

}  // namespace dossier
