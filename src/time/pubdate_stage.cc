#include "time/pubdate_stage.h"

#include <algorithm>
#include <cctype>
#include <climits>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "time/calendar.h"
#include "time/clause_tense.h"
#include "time/recognizer.h"
#include "time/resolver.h"
#include "time/time_context.h"

namespace dossier {
namespace {

// One time expression of a document, with what the inference needs.
struct Item {
  uint32_t timex = 0;  // index into Layers::times
  Span span;
  bool has_parsed = false;
  ParsedTimex parsed;  // offsets made document-relative
  // `parsed` with the tense read without a trailing attribution (", her
  // office said."): used to tie it to another document's day, which it
  // then takes whatever its tense.
  ParsedTimex anchor_form;
  std::vector<std::string> keys;
  std::optional<int64_t> day;  // dated documents: the day its value names
  // Dated documents: the value has a clock time ("...T06:00").
  bool value_has_clock = false;
  // No other date or time in its sentence (so the sentence's words are
  // about it).
  bool alone = true;
};

struct DocInfo {
  std::optional<int64_t> reference;  // the publication day, when known
  std::vector<Item> items;
};

// Where a trailing attribution starts (", officials said." / ", according
// to the ministry."): the offset of its comma, or npos. The attribution's
// past tense says when the words were reported, not when what they
// describe happens.
size_t AttributionStart(std::string_view sentence) {
  const size_t comma = sentence.rfind(',');
  if (comma == std::string_view::npos) return comma;
  std::string_view tail = sentence.substr(comma + 1);
  int words = 0;
  bool cue = false;
  size_t i = 0;
  while (i < tail.size()) {
    const unsigned char c = static_cast<unsigned char>(tail[i]);
    if (!std::isalpha(c)) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < tail.size() &&
           std::isalpha(static_cast<unsigned char>(tail[j]))) {
      ++j;
    }
    std::string w(tail.substr(i, j - i));
    for (char& ch : w) {
      ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    }
    ++words;
    cue |= w == "said" || w == "says" || w == "added" || w == "adds" ||
           w == "told" || w == "reported" || w == "reports" || w == "noted" ||
           w == "wrote" || w == "stated" || w == "according";
    i = j;
  }
  return cue && words <= 6 ? comma : std::string_view::npos;
}

std::string DayString(int64_t day) { return FormatDate(CivilFromDays(day)); }

std::string_view TenseName(Tense t) {
  switch (t) {
    case Tense::kPast:
      return "past";
    case Tense::kPresent:
      return "present";
    case Tense::kFuture:
      return "future";
    case Tense::kUnknown:
      break;
  }
  return "no";
}

// Expressions whose value moves with the reference date and that can name
// the same day as another document.
bool IsRelative(const ParsedTimex& p) {
  switch (p.kind) {
    case TimexKind::kWeekday:
    case TimexKind::kRelativeDay:
      return true;
    case TimexKind::kRelativeUnit:
      return p.unit == TimeUnit::kWeek || p.unit == TimeUnit::kWeekend;
    default:
      return false;
  }
}

// Day-valued relative expressions (the article's own days).
bool IsRelativeDay(const ParsedTimex& p) {
  return p.kind == TimexKind::kWeekday || p.kind == TimexKind::kRelativeDay;
}

// Written dates that do not move with the reference (but a missing year
// comes from it): they bound the writing date by tense.
bool IsWrittenDate(const ParsedTimex& p) {
  return p.kind == TimexKind::kDate || p.kind == TimexKind::kMonth ||
         p.kind == TimexKind::kYear;
}

std::optional<ResolvedTimex> ResolveOn(const ParsedTimex& p, int64_t day) {
  ResolveContext ctx;
  ctx.reference = CivilFromDays(day);
  return Resolve(p, ctx);
}

// The day `p` names when the article is written on `d`, if one.
std::optional<int64_t> DayOn(const ParsedTimex& p, int64_t d) {
  std::optional<ResolvedTimex> r = ResolveOn(p, d);
  if (!r || !r->day) return std::nullopt;
  return DaysFromCivil(*r->day);
}

// Whether `u`, read in an article written on `d`, names (or contains) the
// day `v` that another document names. A weekday without a tense cue may
// lie on either side of `d`.
bool Compatible(const ParsedTimex& u, int64_t d, int64_t v) {
  std::optional<ResolvedTimex> r = ResolveOn(u, d);
  if (!r) return false;
  if (IsRelativeDay(u)) {
    if (r->day && DaysFromCivil(*r->day) == v) return true;
    if (u.kind != TimexKind::kWeekday || u.tense != Tense::kUnknown) {
      return false;
    }
    ParsedTimex future = u;
    future.tense = Tense::kFuture;
    r = ResolveOn(future, d);
    return r && r->day && DaysFromCivil(*r->day) == v;
  }
  std::optional<std::pair<int64_t, int64_t>> b = ValueBounds(r->value);
  return b && v >= b->first && v <= b->second;
}

class Acc : public CorpusStage::Accumulator {
 public:
  explicit Acc(const TimexRecognizer* recognizer) : recognizer_(recognizer) {}

  void Consume(uint32_t index, const Document& doc) override {
    DocInfo info;
    const DocMeta& m = doc.meta();
    if (std::optional<CivilDate> ref = ParseIsoDate(m.published)) {
      info.reference = DaysFromCivil(*ref);
    }
    const Layers& l = doc.layers();
    std::vector<ParsedTimex> parsed;
    int parsed_sentence = -1;
    for (uint32_t i = 0; i < l.times.size(); ++i) {
      const Timex& t = l.times[i];
      const int si = SentenceAt(doc, t.span.start);
      if (si < 0) continue;
      const Span sent = l.sentences[si].span;
      Item item;
      item.timex = i;
      item.span = t.span;
      if (info.reference) {
        item.day = DayOfValue(t.value);
        if (!item.day) continue;
        item.value_has_clock = t.value.size() > 11 && t.value[10] == 'T' &&
                               t.value[11] >= '0' && t.value[11] <= '9';
      } else {
        if (si != parsed_sentence) {
          recognizer_->Recognize(doc.Slice(sent), &parsed);
          RefineTenses(doc.text(), TokensIn(l.tokens, sent), sent, &parsed);
          parsed_sentence = si;
        }
        for (const ParsedTimex& p : parsed) {
          if (sent.start + p.start == t.span.start &&
              sent.start + p.end == t.span.end) {
            item.parsed = p;
            item.parsed.start += sent.start;
            item.parsed.end += sent.start;
            item.has_parsed = true;
            item.anchor_form = item.parsed;
            const std::string_view text = doc.Slice(sent);
            const size_t cut = AttributionStart(text);
            // The tense without a trailing attribution, unless the
            // clause's verb gave one (ClauseTense already prefers the
            // expression's own part of the sentence).
            const Tense ct =
                p.own_tense
                    ? Tense::kUnknown
                    : ClauseTense(doc.text(), TokensIn(l.tokens, sent),
                                  {sent.start + p.start, sent.start + p.end},
                                  p.kind != TimexKind::kWeekday);
            const bool clause = ct == Tense::kPast || ct == Tense::kFuture;
            if (!clause && cut != std::string_view::npos && p.end <= cut) {
              item.anchor_form.tense =
                  TenseAround(text.substr(0, cut), p.start, p.end);
            }
            break;
          }
        }
        if (!item.has_parsed) continue;
        if (!IsRelative(item.parsed) && !IsWrittenDate(item.parsed)) continue;
      }
      item.keys = TimeContextKeys(doc, sent, t.span);
      for (const Timex& o : l.times) {
        if (&o == &t || o.span.start >= sent.end) continue;
        if (o.span.start < sent.start) continue;
        if (o.type == TimexType::kDate || o.type == TimexType::kTime) {
          item.alone = false;
        }
      }
      info.items.push_back(std::move(item));
    }
    docs_.emplace(index, std::move(info));
  }

  void Merge(Accumulator&& other) override {
    auto& o = static_cast<Acc&>(other);
    for (auto& [k, v] : o.docs_) docs_.emplace(k, std::move(v));
    o.docs_.clear();
  }

  std::map<uint32_t, DocInfo>& docs() { return docs_; }

 private:
  const TimexRecognizer* recognizer_;
  std::map<uint32_t, DocInfo> docs_;
};

struct Anchor {
  uint32_t doc = 0;
  const Item* item = nullptr;
  int64_t day = 0;
};

// One relative expression of the undated document matched to a day another
// document names.
struct Constraint {
  const Item* item = nullptr;
  const Anchor* anchor = nullptr;
  int score = 0;
  std::vector<std::string> shared;
  // Set when tied through another mention of the same weekday in the
  // same article, not through another document directly.
  const Item* same_as = nullptr;
};

struct Inferred {
  std::vector<int64_t> days;  // sorted candidate publication days
  std::vector<PublishedEvidence> evidence;
};

// The keys as words: entity names, words as written in `doc`'s sentence
// around `span`.
std::string KeysInWords(const std::vector<std::string>& keys,
                        const Corpus& corpus, const Document& doc, Span span) {
  const int si = SentenceAt(doc, span.start);
  const Span sent = si >= 0 ? doc.layers().sentences[si].span : span;
  std::string out;
  for (const std::string& k : keys) {
    std::string w;
    if (k[0] == '#') {
      const size_t e = std::stoul(k.substr(1));
      w = e < corpus.entities.size() ? corpus.entities[e].name : k;
    } else {
      w = KeySurface(doc, sent, k);
    }
    if (!out.empty()) out += ", ";
    out += w;
  }
  return out;
}

std::string Quote(const Document& doc, Span s) {
  return "\"" + std::string(doc.Slice(s)) + "\"";
}

class Inference {
 public:
  Inference(const Corpus& corpus, std::map<uint32_t, DocInfo>& docs)
      : corpus_(corpus), docs_(docs) {}

  // Builds the anchors from the documents whose date is known (`known`:
  // candidate days per document; one day for dated ones).
  void SetAnchors(const std::map<uint32_t, std::vector<int64_t>>& known) {
    anchors_.clear();
    index_.clear();
    // Copies of one article (wire stories) give one anchor per day and
    // context.
    std::unordered_set<std::string> seen;
    for (const auto& [di, days] : known) {
      DocInfo& info = docs_[di];
      for (const Item& it : info.items) {
        std::optional<int64_t> day = it.day;
        if (!day && it.has_parsed) {
          // An inferred document: the day must not depend on which of the
          // candidate dates it was written.
          for (int64_t d : days) {
            std::optional<int64_t> x = DayOn(it.parsed, d);
            if (!x || (day && *day != *x)) {
              day.reset();
              break;
            }
            day = x;
          }
        }
        if (!day) continue;
        // A clock time ("6 a.m." on the reference day) names no event day.
        if (it.day && (it.value_has_clock)) continue;
        std::string sig = std::to_string(*day);
        for (const std::string& k : it.keys) sig += "|" + k;
        if (!seen.insert(std::move(sig)).second) continue;
        anchors_.push_back({di, &it, *day});
      }
    }
    for (uint32_t a = 0; a < anchors_.size(); ++a) {
      for (const std::string& k : anchors_[a].item->keys) {
        index_[k].push_back(a);
      }
    }
    key_days_.clear();
    for (const auto& [k, as] : index_) {
      std::vector<int64_t>& days = key_days_[k];
      for (uint32_t a : as) days.push_back(anchors_[a].day);
      std::sort(days.begin(), days.end());
    }
  }

  // Whether key `k` points at the time of `day`: at least half of the days
  // it goes with lie within a week of it. A key found around many dates
  // ("United States", "stocks", a story's main actor over months) does not
  // tell which of them is meant.
  bool Specific(const std::string& k, int64_t day) const {
    auto it = key_days_.find(k);
    if (it == key_days_.end()) return false;
    const std::vector<int64_t>& days = it->second;
    const auto lo = std::lower_bound(days.begin(), days.end(), day - 7);
    const auto hi = std::upper_bound(days.begin(), days.end(), day + 7);
    return 2 * static_cast<size_t>(hi - lo) >= days.size();
  }

  std::optional<Inferred> Infer(uint32_t self) {
    const DocInfo& info = docs_[self];
    const Document& doc = corpus_.documents[self];
    std::vector<Constraint> cons;
    for (const Item& u : info.items) {
      if (!u.has_parsed || !IsRelative(u.parsed)) continue;
      std::unordered_map<uint32_t, int> count;
      for (const std::string& k : u.keys) {
        auto it = index_.find(k);
        // A key most anchors share tells nothing apart (and would make the
        // search quadratic on large corpora).
        if (it == index_.end() || it->second.size() > kMaxPostings) continue;
        for (uint32_t a : it->second) {
          if (anchors_[a].doc != self && Specific(k, anchors_[a].day)) {
            ++count[a];
          }
        }
      }
      // The best-matching anchor per day it names. A weekday must be the
      // anchor's weekday; other expressions ("yesterday", "this week") have
      // no such check, so they need more shared words and a sentence of
      // their own.
      const bool weekday = u.parsed.kind == TimexKind::kWeekday;
      if (!weekday && !u.alone) continue;
      // "yesterday", "today": any day fits, and on TempEval-3 they were
      // wrong ten times out of twelve; they only follow.
      if (u.parsed.kind == TimexKind::kRelativeDay) continue;
      const int need = weekday ? kMinShared : kMinShared + 1;
      std::map<int64_t, std::pair<int, uint32_t>> by_day;
      for (const auto& [a, c] : count) {
        if (c < need) continue;
        const int64_t v = anchors_[a].day;
        if (u.parsed.kind == TimexKind::kWeekday &&
            IsoWeekday(CivilFromDays(v)) != u.parsed.weekday) {
          continue;
        }
        auto& best = by_day[v];
        if (c > best.first || (c == best.first && a < best.second)) {
          best = {c, a};
        }
      }
      if (by_day.empty()) continue;
      std::vector<std::pair<int, int64_t>> ranked;
      for (const auto& [v, b] : by_day) ranked.push_back({b.first, v});
      std::sort(ranked.rbegin(), ranked.rend());
      // Two days that fit equally well: no anchor.
      if (ranked.size() > 1 && ranked[0].first == ranked[1].first) continue;
      const Anchor& a = anchors_[by_day[ranked[0].second].second];
      cons.push_back(
          {&u, &a, ranked[0].first, SharedKeys(u.keys, a.item->keys)});
    }
    if (cons.empty()) return std::nullopt;
    // A bare weekday names one day throughout an article: other mentions
    // of an anchored weekday name the same day (and their tense counts).
    const size_t tied = cons.size();
    for (const Item& u : info.items) {
      if (!u.has_parsed || u.parsed.kind != TimexKind::kWeekday ||
          u.parsed.shift != 0) {
        continue;
      }
      bool seen = false;
      const Constraint* same = nullptr;
      for (size_t i = 0; i < tied; ++i) {
        seen |= cons[i].item == &u;
        const ParsedTimex& o = cons[i].item->parsed;
        if (!same && o.kind == TimexKind::kWeekday && o.shift == 0 &&
            o.weekday == u.parsed.weekday) {
          same = &cons[i];
        }
      }
      if (seen || same == nullptr) continue;
      Constraint c;
      c.item = &u;
      c.anchor = same->anchor;
      c.score = 1;
      c.same_as = same->item;
      cons.push_back(std::move(c));
    }

    // Score every candidate day near the anchored days.
    int64_t lo = cons[0].anchor->day, hi = lo;
    for (const Constraint& c : cons) {
      lo = std::min(lo, c.anchor->day);
      hi = std::max(hi, c.anchor->day);
    }
    lo -= 14;
    hi += 14;
    int best = 0;
    std::vector<int64_t> days;
    for (int64_t d = lo; d <= hi; ++d) {
      int s = 0;
      for (const Constraint& c : cons) {
        if (Compatible(c.item->anchor_form, d, c.anchor->day)) s += c.score;
      }
      if (s > best) {
        best = s;
        days.clear();
      }
      if (s == best && s > 0) days.push_back(d);
    }
    if (days.empty()) return std::nullopt;

    Inferred out;
    // Expressions tied to another document's day: they name that day.
    std::map<const Item*, int64_t> anchored;
    for (const Constraint& c : cons) {
      bool all = true;
      for (int64_t d : days) {
        all &= Compatible(c.item->anchor_form, d, c.anchor->day);
      }
      if (!all && c.same_as == nullptr) continue;
      const Document& other = corpus_.documents[c.anchor->doc];
      const DocMeta& om = other.meta();
      anchored[c.item] = c.anchor->day;
      if (c.same_as != nullptr) {
        out.evidence.push_back(
            {doc.meta().id, c.item->span, std::string(doc.Slice(c.item->span)),
             Quote(doc, c.item->span) + " is the same day as " +
                 Quote(doc, c.same_as->span) + " in this article, " +
                 DayString(c.anchor->day),
             DayString(c.anchor->day)});
        continue;
      }
      out.evidence.push_back(
          {doc.meta().id, c.item->span, std::string(doc.Slice(c.item->span)),
           Quote(doc, c.item->span) + " (" +
               std::string(TenseName(c.item->anchor_form.tense)) +
               " tense) names the day " + om.id + " names, " +
               DayString(c.anchor->day) +
               "; shared: " + KeysInWords(c.shared, corpus_, doc, c.item->span),
           IsRelativeDay(c.item->parsed) ? DayString(c.anchor->day) : ""});
      std::string dated =
          om.published.empty()
              ? "inferred " + om.published_earliest + ".." + om.published_latest
              : om.published + " (" +
                    std::string(PublishedHowName(om.published_how)) + ")";
      out.evidence.push_back({om.id, c.anchor->item->span,
                              std::string(other.Slice(c.anchor->item->span)),
                              Quote(other, c.anchor->item->span) + " = " +
                                  DayString(c.anchor->day) + " in " + om.id +
                                  ", published " + dated,
                              ""});
    }

    // Dates written in the text bound the writing date by their tense.
    for (const Item& u : info.items) {
      if (!u.has_parsed || !IsWrittenDate(u.parsed)) continue;
      const Tense t = u.parsed.tense;
      if (t != Tense::kPast && t != Tense::kFuture) continue;
      std::vector<int64_t> kept;
      for (int64_t d : days) {
        std::optional<ResolvedTimex> r = ResolveOn(u.parsed, d);
        std::optional<std::pair<int64_t, int64_t>> b;
        if (r) b = ValueBounds(r->value);
        if (!b) {
          kept.push_back(d);
          continue;
        }
        if (t == Tense::kPast ? d >= b->first : d <= b->second) {
          kept.push_back(d);
        }
      }
      if (kept.empty() || kept.size() == days.size()) continue;
      days = std::move(kept);
      out.evidence.push_back(
          {doc.meta().id, u.span, std::string(doc.Slice(u.span)),
           Quote(doc, u.span) + " (" + std::string(TenseName(t)) +
               " tense): written " +
               (t == Tense::kPast ? "on or after " : "on or before ") +
               (t == Tense::kPast ? DayString(days.front())
                                  : DayString(days.back())),
           ""});
    }

    // The article's own days lie close to its writing: keep the dates where
    // they span the fewest days.
    if (days.size() > 1) {
      std::vector<int64_t> spread(days.size());
      for (size_t i = 0; i < days.size(); ++i) {
        int64_t mn = INT64_MAX, mx = INT64_MIN;
        for (const Item& u : info.items) {
          if (!u.has_parsed || u.parsed.kind != TimexKind::kWeekday) continue;
          auto a = anchored.find(&u);
          if (a != anchored.end()) {
            mn = std::min(mn, a->second);
            mx = std::max(mx, a->second);
          } else if (std::optional<int64_t> x = DayOn(u.parsed, days[i])) {
            mn = std::min(mn, *x);
            mx = std::max(mx, *x);
          }
        }
        spread[i] = mx >= mn ? mx - mn : 0;
      }
      const int64_t least = *std::min_element(spread.begin(), spread.end());
      std::vector<int64_t> kept;
      for (size_t i = 0; i < days.size(); ++i) {
        if (spread[i] == least) kept.push_back(days[i]);
      }
      if (kept.size() < days.size()) {
        // Name the expressions this settles.
        for (const Item& u : info.items) {
          if (!u.has_parsed || u.parsed.kind != TimexKind::kWeekday) continue;
          if (anchored.count(&u) != 0) continue;
          std::optional<int64_t> before, after;
          bool varied = false, agree = true;
          for (int64_t d : days) {
            std::optional<int64_t> x = DayOn(u.parsed, d);
            if (before && x != before) varied = true;
            before = x;
          }
          for (int64_t d : kept) {
            std::optional<int64_t> x = DayOn(u.parsed, d);
            if (after && x != after) agree = false;
            after = x;
          }
          if (!varied || !agree || !after) continue;
          out.evidence.push_back(
              {doc.meta().id, u.span, std::string(doc.Slice(u.span)),
               Quote(doc, u.span) + " read as " + DayString(*after) +
                   ": then the article's days lie within " +
                   std::to_string(least + 1) + " days",
               ""});
        }
        days = std::move(kept);
      }
    }
    if (days.back() - days.front() + 1 > PubDateStage::kMaxRangeDays) {
      return std::nullopt;
    }
    out.days = std::move(days);
    return out;
  }

 private:
  static constexpr int kMinShared = 2;
  static constexpr size_t kMaxPostings = 2000;
  const Corpus& corpus_;
  std::map<uint32_t, DocInfo>& docs_;
  std::vector<Anchor> anchors_;
  std::unordered_map<std::string, std::vector<uint32_t>> index_;
  std::unordered_map<std::string, std::vector<int64_t>> key_days_;
};

}  // namespace

PubDateStage::PubDateStage()
    : recognizer_(std::make_unique<TimexRecognizer>()) {}

PubDateStage::~PubDateStage() = default;

std::unique_ptr<CorpusStage::Accumulator> PubDateStage::NewAccumulator() const {
  return std::make_unique<Acc>(recognizer_.get());
}

Status PubDateStage::Finalize(Accumulator& merged, Corpus& corpus) const {
  if (!recognizer_->ok()) {
    return Status(ErrorCode::kInternal, "time patterns failed to compile");
  }
  std::map<uint32_t, DocInfo>& docs = static_cast<Acc&>(merged).docs();
  std::map<uint32_t, std::vector<int64_t>> known;
  std::vector<uint32_t> undated;
  for (auto& [di, info] : docs) {
    if (di >= corpus.documents.size()) continue;
    if (info.reference) {
      known[di] = {*info.reference};
    } else {
      undated.push_back(di);
    }
  }
  if (known.empty() || undated.empty()) return Status::Ok();
  Inference inference(corpus, docs);
  for (int round = 0; round < 4 && !undated.empty(); ++round) {
    inference.SetAnchors(known);
    std::vector<uint32_t> still;
    std::vector<std::pair<uint32_t, Inferred>> found;
    for (uint32_t di : undated) {
      std::optional<Inferred> r = inference.Infer(di);
      if (r) {
        found.emplace_back(di, std::move(*r));
      } else {
        still.push_back(di);
      }
    }
    if (found.empty()) break;
    for (auto& [di, r] : found) {
      DocMeta& m = corpus.documents[di].meta();
      m.published_how = PublishedHow::kInferred;
      m.published_earliest = DayString(r.days.front());
      m.published_latest = DayString(r.days.back());
      m.published = r.days.size() == 1 ? m.published_earliest : "";
      m.published_evidence = std::move(r.evidence);
      // Later rounds (and ReresolveStage) read the range as a whole.
      std::vector<int64_t> range;
      for (int64_t d = r.days.front(); d <= r.days.back(); ++d) {
        range.push_back(d);
      }
      known[di] = std::move(range);
    }
    undated = std::move(still);
  }
  return Status::Ok();
}

}  // namespace dossier
