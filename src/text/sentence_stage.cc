#include "text/sentence_stage.h"

#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

#include <algorithm>
#include <string>
#include <vector>

#include "text/abbreviations.h"
#include "text/char_util.h"

namespace dossier {
namespace {

using text_internal::DecodeAt;
using text_internal::DecodeBefore;
using text_internal::InList;
using text_internal::IsCloser;
using text_internal::IsMonthAbbrev;
using text_internal::IsQuoteMark;
using text_internal::IsSpace;
using text_internal::IsTitleAbbrev;
using text_internal::Trim;

// Capitalized words that usually start a sentence rather than continue a
// name: after "U.S." or an initial they mean a new sentence.
bool IsStarter(std::string_view w) {
  return InList(w,
               {"The",    "A",       "An",      "He",    "She",       "It",
                "They",   "We",      "I",       "You",   "This",      "That",
                "These",  "Those",   "There",   "But",   "And",       "Or",
                "So",     "Yet",     "In",      "On",    "At",        "As",
                "If",     "When",    "While",   "After", "Before",    "His",
                "Her",    "Its",     "Their",   "Our",   "My",        "What",
                "Why",    "How",     "Who",     "Where", "Meanwhile", "However",
                "Still",  "Now",     "Then",    "Some",  "Many",      "Most",
                "For",    "Both",    "Neither", "Since", "Although",  "Despite",
                "During", "Earlier", "Later",   "Last",  "Next"});
}

// A time zone, weekday or month right after "a.m."/"p.m.".
bool IsClockFollower(std::string_view w) {
  return IsMonthAbbrev(w) ||
         InList(w, {"EST",       "EDT",     "CST",      "CDT",      "MST",
                   "MDT",       "PST",     "PDT",      "GMT",      "BST",
                   "CET",       "CEST",    "UTC",      "ET",       "PT",
                   "CT",        "MSK",     "EET",      "EEST",     "IST",
                   "JST",       "Monday",  "Tuesday",  "Wednesday", "Thursday",
                   "Friday",    "Saturday", "Sunday",  "January",  "February",
                   "March",     "April",   "May",      "June",     "July",
                   "August",    "September", "October", "November", "December"});
}

// "U.S.", "U.K.", "E.U.": upper-case letters each followed by a period.
bool IsDottedUpper(std::string_view w) {
  if (w.size() < 4) return false;
  for (size_t i = 0; i < w.size(); i += 2) {
    if (i + 1 >= w.size() || w[i + 1] != '.') return false;
    if (w[i] < 'A' || w[i] > 'Z') return false;
  }
  return true;
}

// A single upper-case letter (an initial such as "J").
bool IsInitial(std::string_view core) {
  if (core.empty()) return false;
  size_t len;
  char32_t c = DecodeAt(core, 0, &len);
  return len == core.size() && u_isupper(static_cast<UChar32>(c));
}

bool IsOpener(char32_t c) {
  return c == '(' || c == '[' || c == '"' || c == '\'' || c == 0x201C ||
         c == 0x2018 || c == 0xAB;
}

// Whether the boundary at `b` (a piece ended at `b`, started at `start`)
// should be dropped.
bool ShouldJoin(std::string_view s, uint32_t start, uint32_t b) {
  Span t = Trim(s, start, b);
  if (t.empty()) return true;
  // The next word.
  size_t n = b, len;
  while (n < s.size() && IsSpace(DecodeAt(s, n, &len))) n += len;
  if (n >= s.size()) return false;
  char32_t n0 = DecodeAt(s, n, &len);
  UChar32 u0 = static_cast<UChar32>(n0);
  // A sentence never starts in lower case ("“Why?” she asked.").
  if (u_islower(u0)) return true;
  if (s[t.end - 1] != '.') return false;
  size_t ne = n;
  while (ne < s.size() && static_cast<uint8_t>(s[ne]) < 0x80 &&
         ((s[ne] >= 'a' && s[ne] <= 'z') || (s[ne] >= 'A' && s[ne] <= 'Z'))) {
    ++ne;
  }
  std::string_view next_word = s.substr(n, ne - n);
  const bool next_digit = u_isdigit(u0);
  const bool next_upper = u_isupper(u0) || u_istitle(u0);
  const bool starter = IsStarter(next_word);
  // The word that ends with the period.
  size_t ws = t.end;
  while (ws > t.start) {
    char32_t c = DecodeBefore(s, ws, &len);
    if (IsSpace(c)) break;
    ws -= len;
  }
  while (ws < t.end && IsOpener(DecodeAt(s, ws, &len))) ws += len;
  std::string_view word = s.substr(ws, t.end - ws);
  std::string_view core = word.substr(0, word.size() - 1);
  if (IsTitleAbbrev(core)) return (next_upper || next_digit) && !starter;
  if (IsDottedUpper(word)) return next_digit || (next_upper && !starter);
  if (IsInitial(core)) return next_upper && !starter;
  if (core == "No" || core == "Nos" || core == "no") return next_digit;
  if (core == "vs" || core == "v") return true;
  if (IsMonthAbbrev(core)) return next_digit;
  // "5 p.m. EST Nov. 9", "10 a.m. Monday": a clock time goes on with its
  // zone, day or date ("at 5 p.m. The talks ..." still ends there).
  if (core == "p.m" || core == "a.m" || core == "P.M" || core == "A.M") {
    return IsClockFollower(next_word);
  }
  return false;
}

// Adds boundaries after [.!?] + closing quote(s) + space when an upper-case
// letter or an opening quote follows (ICU sometimes misses these).
void AddQuoteBreaks(std::string_view s, std::vector<int32_t>& bounds) {
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c != '.' && c != '!' && c != '?') continue;
    size_t j = i + 1, len;
    bool quoted = false;
    while (j < s.size()) {
      char32_t cp = DecodeAt(s, j, &len);
      if (!IsCloser(cp)) break;
      quoted |= IsQuoteMark(cp) || cp == '\'';
      j += len;
    }
    if (!quoted) continue;
    size_t k = j;
    while (k < s.size() && IsSpace(DecodeAt(s, k, &len))) k += len;
    if (k == j || k >= s.size()) continue;
    UChar32 next = static_cast<UChar32>(DecodeAt(s, k, &len));
    if (u_isupper(next) || next == 0x201C || next == '"') {
      bounds.push_back(static_cast<int32_t>(k));
    }
    i = k - 1;
  }
}

}  // namespace

SentenceStage::SentenceStage() {
  UErrorCode ec = U_ZERO_ERROR;
  prototype_.reset(icu::BreakIterator::createSentenceInstance(
      icu::Locale("en@ss=standard"), ec));
  if (U_FAILURE(ec) || prototype_ == nullptr) {
    ec = U_ZERO_ERROR;
    prototype_.reset(
        icu::BreakIterator::createSentenceInstance(icu::Locale("en"), ec));
  }
  if (U_FAILURE(ec) || prototype_ == nullptr) {
    prototype_.reset();
    init_ = Status(ErrorCode::kInternal,
                   std::string("ICU sentence break iterator unavailable: ") +
                       u_errorName(ec));
  }
}

SentenceStage::~SentenceStage() = default;

Status SentenceStage::Run(Document& doc) const {
  if (!init_.ok()) return init_;
  std::unique_ptr<icu::BreakIterator> bi;
  {
    std::lock_guard<std::mutex> lock(clone_mu_);
    bi.reset(prototype_->clone());
  }
  if (bi == nullptr) {
    return Status(ErrorCode::kInternal, "cannot clone the break iterator");
  }
  const std::string_view text = doc.text();
  std::vector<Sentence>& out = doc.layers().sentences;
  out.clear();
  std::string buf;
  std::vector<int32_t> bounds;
  for (const Block& block : doc.layers().blocks) {
    if (!block.removed_why.empty()) continue;
    if (block.kind != BlockKind::kTitle &&
        block.kind != BlockKind::kParagraph) {
      continue;
    }
    if (block.span.end > text.size() || block.span.empty()) continue;
    std::string_view s = text.substr(block.span.start, block.span.size());
    const char* data = s.data();
    if (s.find('\n') != std::string_view::npos) {
      buf.assign(s);
      std::replace(buf.begin(), buf.end(), '\n', ' ');
      data = buf.data();
    }
    UErrorCode ec = U_ZERO_ERROR;
    UText ut = UTEXT_INITIALIZER;
    utext_openUTF8(&ut, data, static_cast<int64_t>(s.size()), &ec);
    bi->setText(&ut, ec);
    if (U_FAILURE(ec)) {
      utext_close(&ut);
      return Status(
          ErrorCode::kStageFailed,
          std::string("sentence breaking failed: ") + u_errorName(ec));
    }
    bounds.clear();
    for (int32_t p = bi->first(); p != icu::BreakIterator::DONE;
         p = bi->next()) {
      bounds.push_back(p);
    }
    utext_close(&ut);
    AddQuoteBreaks(s, bounds);
    std::sort(bounds.begin(), bounds.end());
    bounds.erase(std::unique(bounds.begin(), bounds.end()), bounds.end());
    uint32_t start = 0;
    auto emit = [&](uint32_t end) {
      Span t = Trim(s, start, end);
      if (!t.empty()) {
        Sentence sent;
        sent.span = {block.span.start + t.start, block.span.start + t.end};
        out.push_back(sent);
      }
      start = end;
    };
    const uint32_t size = static_cast<uint32_t>(s.size());
    for (int32_t b : bounds) {
      uint32_t ub = static_cast<uint32_t>(b);
      if (b <= 0 || ub <= start || ub >= size) continue;
      if (ShouldJoin(s, start, ub)) continue;
      emit(ub);
    }
    emit(size);
  }
  return Status::Ok();
}

}  // namespace dossier
