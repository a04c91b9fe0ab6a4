#include "clean/boilerplate_stage.h"

#include <re2/re2.h>

#include <algorithm>
#include <string>
#include <vector>

#include "clean/normalize.h"

namespace dossier {
namespace {

using clean_internal::ContainsWords;
using clean_internal::CountNormalizedWords;
using clean_internal::NormalizeForCompare;

bool IsBlank(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
         c == '\v';
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsBlank(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsBlank(s.back())) s.remove_suffix(1);
  // NBSP (C2 A0) at either end.
  while (s.size() >= 2 && s[0] == '\xC2' && s[1] == '\xA0') s.remove_prefix(2);
  while (s.size() >= 2 && s[s.size() - 2] == '\xC2' && s.back() == '\xA0') {
    s.remove_suffix(2);
  }
  return s;
}

int CountWords(std::string_view s) {
  int n = 0;
  bool in_word = false;
  for (char c : s) {
    if (IsBlank(c)) {
      in_word = false;
    } else if (!in_word) {
      in_word = true;
      ++n;
    }
  }
  return n;
}

bool Matches(std::string_view text, const RE2& re) {
  return RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), re);
}

// Bylines are looked for among the first blocks only.
constexpr size_t kBylineBlocks = 5;

// "By A B and C D" -> {"A B", "C D"}; false when `text` is no byline.
bool ParseByline(std::string_view text, const RE2& re,
                 std::vector<std::string>* names) {
  std::string first, rest;
  std::string_view t = text;
  while (!t.empty() && (t.back() == ' ' || t.back() == '\n')) t.remove_suffix(1);
  if (!RE2::FullMatch(re2::StringPiece(t.data(), t.size()), re, &first,
                      &rest)) {
    return false;
  }
  names->push_back(first);
  // `rest` is ", C D and E F": split at commas, "and" and "&".
  std::string cur;
  auto flush = [&]() {
    size_t b = cur.find_first_not_of(' ');
    size_t e = cur.find_last_not_of(' ');
    if (b != std::string::npos) {
      std::string name = cur.substr(b, e - b + 1);
      // "Staff Writers" is a role, not a name.
      std::string last = name.substr(name.rfind(' ') + 1);
      for (char& c : last) c = static_cast<char>(c | 0x20);
      if (last.back() == 's') last.pop_back();
      if (last != "writer" && last != "reporter" && last != "correspondent" &&
          last != "editor") {
        names->push_back(std::move(name));
      }
    }
    cur.clear();
  };
  for (size_t i = 0; i < rest.size(); ++i) {
    if (rest[i] == ',' || rest[i] == '&') {
      flush();
    } else if (rest.compare(i, 5, " and ") == 0) {
      flush();
      i += 3;
    } else {
      cur += rest[i];
    }
  }
  flush();
  return true;
}

// An apostrophe as typed or as typeset.
#define APOS "(?:'|’)?"

}  // namespace

struct BoilerplateStage::Patterns {
  explicit Patterns(const RE2::Options& o)
      : email(R"(^[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+$)", o),
        image_marker(
            R"((?i)^[\[(<]?\s*(?:image|images|postimage|post image|photo|)"
            R"(photos|picture|illustration|graphic|video|gallery|img|)"
            R"(embedded image|image placeholder|photo gallery)\s*[\])>]?$)",
            o),
        image_file(
            R"((?i)^[\w\-. ]{1,80}\.(?:jpe?g|png|gif|webp|svg|bmp|tiff?|heic|avif)$)",
            o),
        caption_lead(
            R"((?i)^(?:photo|photograph|image|picture|illustration|credit|)"
            R"(photo credit|image credit|file photo|file image|pictured)\s*)"
            R"((?::|\||by\b|credit\b|courtesy\b))",
            o),
        caption_file_photo(R"((?i)^file (?:photo|image)\b)", o),
        caption_trailing_credit(
            R"((?:^|[.!?]\s+)(?i:photo|photograph|picture|image|credit|)"
            R"(photo credit|image credit)s?\s*:\s*[^.!?:]{2,60}\.?$)",
            o),
        byline(
            R"(^(?i:by)\s+(\p{Lu}[\p{L}'.\-]+(?:\s+\p{Lu}[\p{L}'.\-]+){1,3}))"
            R"(((?:\s*(?:,|\band\b|&)\s*\p{Lu}[\p{L}'.\-]+)"
            R"((?:\s+\p{Lu}[\p{L}'.\-]+){1,3})*))"
            R"((?:\s*[,|\x{2013}\x{2014}-]\s*(?i:(?:senior |chief |staff |)"
            R"((?:[a-z]+ )?(?:writer|reporter|correspondent|editor)s?)))?$)",
            o),
        caption_paren(
            R"((?i)\((?:photo|photograph|image|picture|illustration|credit|)"
            R"(file photo|pictured)s?\b[^)]*\)\s*\.?$)",
            o),
        caption_agency(
            R"((?i)(?:^|[\s/|(])(?:via )?(?:getty images|shutterstock|alamy|)"
            R"(ap photo|afp photo|file photo)(?: for [\w ]{1,30})?\)?\.?$)",
            o),
        caption_slash_credit(
            R"((?:^|\(|\. )[A-Z][\w.\-]*(?: [A-Z][\w.\-]*){0,3}/[A-Z][\w\-]+)"
            R"((?: [A-Z][\w\-]+){0,3}\)?\.?$)",
            o),
        related(
            R"((?i)^(?:read more|read also|also read|read next|related|)"
            R"(related articles?|related stories|related coverage|see also|)"
            R"(recommended|recommended for you|more on this(?: story)?|)"
            R"(you may also like|you might also like|further reading|)"
            R"(more stories|more coverage|most read|trending)\s*)"
            R"((?::|»|›|>|–|—|-|\||$))",
            o),
        more_from(R"(^(?i:more from|also on)\s+(?:the\s+)?[A-Z][^.!?]*$)", o),
        copyright(
            R"((?i)^(?:©|\(c\)|copyright\b)\s*(?:©|\(c\))?\s*(?:\d{4}\b)?)"),
        social_line(R"((?i)^(?:share|tweet|email|print|copy link|share this|)"
                    R"(share this (?:article|story|post|page)|follow us|)"
                    R"(comments?|leave a comment)\W*$)",
                    o),
        social_lead(
            R"((?i)^(?:share this (?:article|story|post|page)|share on |)"
            R"(share via |follow us\b|like us on |click here\b|tap here\b|)"
            R"(join us on |find us on |connect with us\b|join the conversation))",
            o),
        promo_line(
            R"((?i)^(?:subscribe|subscribe now|subscribe today|sign up|)"
            R"(sign up now|sign in|log in|login|register|join now|join today|)"
            R"(become a member|support us|donate|donate now|unsubscribe)\W*$)",
            o),
        promo_lead(
            R"((?i)^(?:subscribe (?:now|today|to|for)|sign[ -]?up (?:now|today|)"
            R"(for|to|here)|support (?:our|independent|quality) journalism|)"
            R"(don)" APOS
            R"(t miss out|become a (?:member|subscriber|supporter)|)"
            R"(already (?:a member|a subscriber|have an account)|)"
            R"(get (?:our|the) (?:\w+ )?newsletter|join our (?:\w+ )?newsletter|)"
            R"(get unlimited access|unlock (?:this|full|unlimited)|)"
            R"(start your free trial|enter your e-?mail))",
            o),
        promo_phrase(
            R"((?i)(?:members[- ]only|subscribers?[- ]only|don)" APOS
            R"(t miss out|support (?:our|independent|quality) journalism|)"
            R"(sign up now|subscribe now|subscribe today|our newsletter|)"
            R"(free newsletter|(?:daily|weekly) newsletter|to your inbox|)"
            R"(in your inbox|become a member|already a subscriber|)"
            R"(already have an account|paid subscriber|premium subscriber|)"
            R"(free trial|subscribe for|subscription to continue))",
            o) {}

  RE2 email;
  RE2 image_marker;
  RE2 image_file;
  RE2 caption_lead;
  RE2 caption_file_photo;
  RE2 caption_trailing_credit;
  RE2 byline;
  RE2 caption_paren;
  RE2 caption_agency;
  RE2 caption_slash_credit;
  RE2 related;
  RE2 more_from;
  RE2 copyright;
  RE2 social_line;
  RE2 social_lead;
  RE2 promo_line;
  RE2 promo_lead;
  RE2 promo_phrase;
};

#undef APOS

namespace {
RE2::Options PatternOptions() {
  RE2::Options o;
  o.set_log_errors(false);
  return o;
}
}  // namespace

BoilerplateStage::BoilerplateStage(BoilerplateOptions opts)
    : opts_(opts), re_(std::make_unique<Patterns>(PatternOptions())) {}

BoilerplateStage::~BoilerplateStage() = default;

std::string_view BoilerplateStage::Classify(std::string_view block,
                                            bool in_tail) const {
  const std::string_view text = Trim(block);
  if (text.empty()) return "";
  const Patterns& re = *re_;
  const int words = CountWords(text);

  if (words == 1 && Matches(text, re.email)) return "email";
  if (words <= 3 && Matches(text, re.image_marker)) return "image_placeholder";
  if (words <= 12 && Matches(text, re.image_file)) return "image_placeholder";

  if (words <= opts_.short_promo_words &&
      (Matches(text, re.promo_line) || Matches(text, re.promo_lead))) {
    return "subscription_footer";
  }
  if (in_tail && words <= opts_.max_promo_words &&
      (Matches(text, re.promo_lead) || Matches(text, re.promo_phrase))) {
    return "subscription_footer";
  }

  if (words <= opts_.max_link_words &&
      (Matches(text, re.related) ||
       (words <= 8 && Matches(text, re.more_from)))) {
    return "related_link";
  }
  if (words <= 25 && Matches(text, re.copyright)) return "copyright";
  if (words <= opts_.max_social_words &&
      (Matches(text, re.social_line) || Matches(text, re.social_lead))) {
    return "social";
  }
  if (words <= opts_.max_caption_words &&
      (Matches(text, re.caption_lead) || Matches(text, re.caption_file_photo) ||
       Matches(text, re.caption_paren) || Matches(text, re.caption_agency) ||
       Matches(text, re.caption_slash_credit) ||
       Matches(text, re.caption_trailing_credit))) {
    return "caption";
  }
  return "";
}

Status BoilerplateStage::Run(Document& doc) const {
  std::vector<Block>& blocks = doc.layers().blocks;
  const size_t n = blocks.size();
  for (const Block& b : blocks) {
    if (b.span.end > doc.text().size() || b.span.start > b.span.end) {
      return Status(ErrorCode::kInternal,
                    "boilerplate: block outside the text");
    }
  }
  auto eligible = [](const Block& b) {
    return b.removed_why.empty() && b.kind != BlockKind::kTitle &&
           b.kind != BlockKind::kDateline;
  };

  // The headline, to spot it repeated in the body.
  std::string title;
  if (!doc.meta().title.empty()) {
    title = NormalizeForCompare(doc.meta().title);
  } else {
    for (const Block& b : blocks) {
      if (b.kind == BlockKind::kTitle) {
        title = NormalizeForCompare(doc.Slice(b.span));
        break;
      }
    }
  }

  const size_t tail_len = std::max<size_t>(
      static_cast<size_t>(std::max(opts_.tail_blocks, 0)), n / 3);
  const size_t tail_start = n > tail_len ? n - tail_len : 0;

  std::vector<std::string> norm(n);
  for (size_t i = 0; i < n; ++i) {
    Block& b = blocks[i];
    if (!eligible(b)) continue;
    std::string_view text = doc.Slice(b.span);
    if (i < kBylineBlocks && CountWords(text) <= 16) {
      std::vector<std::string> names;
      if (ParseByline(text, re_->byline, &names)) {
        b.removed_why = "byline";
        if (doc.meta().authors.empty()) doc.meta().authors = std::move(names);
        continue;
      }
    }
    std::string_view why = Classify(text, i >= tail_start);
    if (!why.empty()) {
      b.removed_why = std::string(why);
      continue;
    }
    norm[i] = NormalizeForCompare(text);
    if (!title.empty() && norm[i] == title) {
      b.removed_why = "repeated_title";
      norm[i].clear();
    }
  }

  // A truncated lead repeated before its full paragraph.
  const size_t window = static_cast<size_t>(std::max(opts_.teaser_window, 0));
  for (size_t i = 0; i < n; ++i) {
    if (!eligible(blocks[i]) || norm[i].empty() ||
        CountNormalizedWords(norm[i]) < opts_.min_teaser_words) {
      continue;
    }
    for (size_t j = i + 1; j < n && j <= i + window; ++j) {
      if (!blocks[j].removed_why.empty() || norm[j].size() <= norm[i].size()) {
        continue;
      }
      if (ContainsWords(norm[j], norm[i])) {
        blocks[i].removed_why = "duplicate_teaser";
        break;
      }
    }
  }
  return Status::Ok();
}

}  // namespace dossier
