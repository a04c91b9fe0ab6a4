#include "meta/outlet_stage.h"

#include <re2/re2.h>

#include <utility>

#include "meta/scan_util.h"

namespace dossier {
namespace {

using meta_internal::CountWords;
using meta_internal::EqualsIgnoreCase;
using meta_internal::ScanWord;
using meta_internal::SkipSpaces;
using meta_internal::SpaceLen;
using meta_internal::TrimSpaces;
using meta_internal::WordShape;

// Words that can sit inside an outlet name ("Herald of the North").
bool IsNameConnector(std::string_view w) {
  return w == "of" || w == "and" || w == "the" || w == "for" || w == "de" ||
         w == "on" || w == "in";
}

// First words that show the "name" is not a publication ("Subscribe to our
// newsletter", "Follow Us on ...", a social network).
bool IsRejectedName(std::string_view first_word, std::string_view name) {
  static constexpr std::string_view kFirst[] = {
      "our",     "your",  "this", "my",    "us",     "free",
      "now",     "today", "here", "email", "e-mail", "newsletter",
      "updates", "more",  "all",  "get"};
  for (std::string_view w : kFirst) {
    if (EqualsIgnoreCase(first_word, w)) return true;
  }
  static constexpr std::string_view kNetworks[] = {
      "twitter",  "facebook", "instagram",   "x",         "youtube",
      "tiktok",   "linkedin", "telegram",    "threads",   "bluesky",
      "whatsapp", "mastodon", "google news", "apple news"};
  for (std::string_view w : kNetworks) {
    if (EqualsIgnoreCase(name, w)) return true;
  }
  return false;
}

bool IsTrimPunct(char c) {
  return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' ||
         c == '"' || c == '\'' || c == ')' || c == '(';
}

// "calderaherald.com": a bare domain.
bool LooksLikeDomain(std::string_view tok) {
  size_t dot = tok.rfind('.');
  if (dot == std::string_view::npos || dot == 0 || tok.size() - dot < 3 ||
      tok.size() - dot > 7) {
    return false;
  }
  for (size_t i = 0; i < tok.size(); ++i) {
    char c = tok[i];
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              (c >= '0' && c <= '9') || c == '-' || c == '.';
    if (!ok) return false;
    if (i > dot && !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
      return false;
    }
  }
  return true;
}

// Reads the publication name at the start of `rest`: capitalized words
// (with "of", "and", "&" between them), a lower-case "the" skipped, or a
// bare domain. Trailing punctuation is trimmed.
std::optional<std::string> ExtractName(std::string_view rest) {
  rest = TrimSpaces(rest);
  if (rest.substr(0, 4) == "the ") rest = TrimSpaces(rest.substr(4));
  if (rest.empty()) return std::nullopt;
  {
    size_t e = 0;
    while (e < rest.size() && SpaceLen(rest, e) == 0) ++e;
    std::string_view tok = rest.substr(0, e);
    while (!tok.empty() && IsTrimPunct(tok.back())) tok.remove_suffix(1);
    if (LooksLikeDomain(tok)) return std::string(tok);
  }
  size_t pos = 0;
  size_t name_end = 0;
  int words = 0;
  std::string_view first_word;
  while (pos < rest.size()) {
    WordShape w;
    if (rest[pos] == '&') {
      w.start = pos;
      w.end = pos + 1;
      w.capitalized = false;
    } else if (!ScanWord(rest, pos, &w)) {
      break;
    }
    std::string_view text = rest.substr(w.start, w.end - w.start);
    if (w.capitalized) {
      if (words == 0) first_word = text;
      ++words;
      name_end = w.end;
      // "Herald." ends a sentence; "St." does not.
      if (text.back() == '.' && w.letters >= 3 &&
          text.find('.') == text.size() - 1) {
        break;
      }
    } else if (words == 0 || !(text == "&" || IsNameConnector(text))) {
      break;
    }
    size_t sp = SpaceLen(rest, w.end);
    if (sp == 0) break;
    pos = w.end + sp;
  }
  if (words == 0 || words > 6) return std::nullopt;
  std::string_view name = rest.substr(0, name_end);
  while (!name.empty() && IsTrimPunct(name.back())) name.remove_suffix(1);
  name = TrimSpaces(name);
  if (name.empty() || IsRejectedName(first_word, name)) return std::nullopt;
  return std::string(name);
}

// "Follow X on ..." names authors far more often than outlets ("Follow Mara
// Velden on Bluesky"), so a name from that line must look like a
// publication: one word, "The ...", or a word that publications use.
bool LooksLikePublication(std::string_view name) {
  if (CountWords(name) == 1 || name.substr(0, 4) == "The ") return true;
  static constexpr std::string_view kWords[] = {
      "news",     "times",     "herald",    "post",         "daily",
      "journal",  "press",     "tribune",   "gazette",      "courier",
      "review",   "magazine",  "media",     "tv",           "radio",
      "network",  "report",    "observer",  "chronicle",    "star",
      "wire",     "today",     "weekly",    "monitor",      "insider",
      "guardian", "telegraph", "express",   "mail",         "standard",
      "record",   "sun",       "bulletin",  "dispatch",     "inquirer",
      "examiner", "register",  "sentinel",  "globe",        "independent",
      "mirror",   "voice",     "leader",    "agency",       "newsroom",
      "online",   "digest",    "quarterly", "broadcasting", "channel"};
  size_t pos = 0;
  while (pos < name.size()) {
    size_t e = name.find(' ', pos);
    if (e == std::string_view::npos) e = name.size();
    std::string_view w = name.substr(pos, e - pos);
    for (std::string_view k : kWords) {
      if (EqualsIgnoreCase(w, k)) return true;
    }
    pos = e + 1;
  }
  return false;
}

}  // namespace

struct OutletStage::Pattern {
  std::unique_ptr<RE2> re;  // one capture group: the text holding the name
  int rank = 0;             // lower wins
  bool anchored = true;     // must match at the start of the block
  bool publication_only = false;  // see LooksLikePublication
};

OutletStage::OutletStage(OutletOptions opts) : opts_(opts) {
  RE2::Options o;
  o.set_log_errors(false);
  auto add = [&](const char* re, int rank, bool anchored,
                 bool publication_only = false) {
    Pattern p;
    p.re = std::make_unique<RE2>(re, o);
    p.rank = rank;
    p.anchored = anchored;
    p.publication_only = publication_only;
    if (p.re->ok()) patterns_.push_back(std::move(p));
  };
  // Copyright lines, anywhere in a short block.
  add(R"((?:©|\([cC]\)|\b(?i:copyright)\b)\s*(?:©|\([cC]\))?\s*)"
      R"((?:(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?)?\s*,?\s*(.*))",
      0, false);
  // "This article originally appeared on X", "Originally published in X".
  add(R"((?i:(?:this|the) (?:article|story|piece|post|report|column) )"
      R"((?:was |is )?(?:originally |first )?)"
      R"((?:appeared|published|ran|republished)(?: (?:on|in|by|at))?)\s+(.*))",
      1, true);
  add(R"((?i:(?:originally|first) (?:published|appeared) (?:on|in|by|at))\s+(.*))",
      1, true);
  add(R"((?i:republished (?:with permission )?(?:from|by))\s+(.*))", 1, true);
  // "Subscribe to The Caldera Herald", "Sign up for the X newsletter".
  add(R"((?i:subscribe(?: now)? to)\s+(.*))", 2, true);
  add(R"((?i:sign[ -]?up (?:now )?(?:for|to))\s+(.*))", 2, true);
  // "Follow The Caldera Herald on Bluesky".
  add(R"((?i:follow)\s+(.*?)\s+(?i:on)\s+\S.*)", 3, true, true);
}

OutletStage::~OutletStage() = default;

std::optional<std::string> OutletStage::Match(std::string_view block,
                                              int below_rank, int* rank) const {
  std::string_view text = TrimSpaces(block);
  if (text.empty() || CountWords(text) > opts_.max_footer_words) {
    return std::nullopt;
  }
  for (const Pattern& p : patterns_) {
    if (p.rank >= below_rank) break;
    re2::StringPiece group;
    re2::StringPiece input(text);
    bool m = p.anchored ? RE2::Consume(&input, *p.re, &group)
                        : RE2::PartialMatch(input, *p.re, &group);
    if (!m) continue;
    std::optional<std::string> name =
        ExtractName(std::string_view(group.data(), group.size()));
    if (name && p.publication_only && !LooksLikePublication(*name)) {
      name.reset();
    }
    if (name) {
      *rank = p.rank;
      return name;
    }
  }
  return std::nullopt;
}

std::optional<std::string> OutletStage::FooterOutlet(
    std::string_view block) const {
  int rank;
  return Match(block, 1 << 30, &rank);
}

Status OutletStage::Run(Document& doc) const {
  DocMeta& meta = doc.meta();
  if (meta.outlet.has_value()) {
    std::string_view given = TrimSpaces(*meta.outlet);
    if (!given.empty()) {
      if (meta.outlet_how.empty()) meta.outlet_how = "metadata";
      return Status::Ok();
    }
    meta.outlet.reset();
    meta.outlet_how.clear();
  }

  // A signed footer in the last blocks; the strongest pattern wins, then the
  // block nearest the end.
  const std::vector<Block>& blocks = doc.layers().blocks;
  int seen = 0;
  int best_rank = 1 << 30;
  std::optional<std::string> best;
  for (size_t i = blocks.size(); i-- > 0 && seen < opts_.footer_blocks;) {
    const Block& b = blocks[i];
    if (b.kind == BlockKind::kTitle) continue;
    if (b.span.end > doc.text().size() || b.span.start > b.span.end) {
      return Status(ErrorCode::kInternal, "outlet: block outside the text");
    }
    ++seen;
    int rank;
    if (std::optional<std::string> name =
            Match(doc.Slice(b.span), best_rank, &rank)) {
      best = std::move(name);
      best_rank = rank;
    }
  }
  if (best) {
    meta.outlet = std::move(best);
    meta.outlet_how = "footer";
    return Status::Ok();
  }

  const std::optional<Dateline>& dl = doc.layers().dateline;
  if (dl && !dl->agency.empty()) {
    std::string_view agency = TrimSpaces(dl->agency);
    while (!agency.empty() && IsTrimPunct(agency.back())) {
      agency.remove_suffix(1);
    }
    if (!agency.empty()) {
      meta.outlet = std::string(agency);
      meta.outlet_how = "dateline";
    }
  }
  return Status::Ok();
}

}  // namespace dossier
