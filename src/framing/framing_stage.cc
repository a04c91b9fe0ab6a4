#include "framing/framing_stage.h"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <string>
#include <vector>

#include "framing/framing_lexicon.h"

namespace dossier {
namespace {

// Headline words that carry no claim.
bool IsStopword(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "about", "after", "again", "ahead", "amid", "and",  "are",   "but",
      "can",   "for",   "from",  "has",   "have", "her",  "his",   "how",
      "into",  "its",   "more",  "new",   "not",  "now",  "off",   "out",
      "over",  "says",  "she",   "than",  "that", "the",  "their", "them",
      "they",  "this",  "was",   "were",  "what", "when", "who",   "why",
      "will",  "with",  "you",
  };
  for (std::string_view k : kWords) {
    if (w == k) return true;
  }
  return false;
}

// Lower-cased ASCII letters, possessive and a plural/verb ending dropped,
// at most 6 letters: "Talks" and "talk", "offers" and "offered" agree.
std::string Stem(std::string_view w) {
  std::string s;
  s.reserve(w.size());
  for (char c : w) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    s += c;
  }
  for (std::string_view poss : {"'s", "\xE2\x80\x99s"}) {
    if (s.size() > poss.size() && s.ends_with(poss)) {
      s.resize(s.size() - poss.size());
    }
  }
  for (std::string_view suf : {"ing", "ed", "es", "s"}) {
    if (s.size() >= suf.size() + 3 && s.ends_with(suf)) {
      s.resize(s.size() - suf.size());
      break;
    }
  }
  if (s.size() > 6) s.resize(6);
  return s;
}

// Merged, sorted byte ranges with an overlap test.
class Ranges {
 public:
  void Add(Span s) {
    if (!s.empty()) r_.push_back(s);
  }
  void Finish() {
    std::sort(r_.begin(), r_.end(),
              [](const Span& a, const Span& b) { return a.start < b.start; });
    std::vector<Span> m;
    for (const Span& s : r_) {
      if (!m.empty() && s.start <= m.back().end) {
        m.back().end = std::max(m.back().end, s.end);
      } else {
        m.push_back(s);
      }
    }
    r_ = std::move(m);
  }
  bool Overlaps(Span s) const {
    auto it =
        std::lower_bound(r_.begin(), r_.end(), s.start,
                         [](const Span& r, uint32_t v) { return r.end <= v; });
    return it != r_.end() && it->start < s.end;
  }

 private:
  std::vector<Span> r_;
};

bool IsWordToken(const Token& t) { return (t.flags & kTokenAlpha) != 0; }

}  // namespace

Status FramingStage::Run(Document& doc) const {
  Layers& L = doc.layers();
  Framing f;
  f.computed = true;

  Ranges attributed;  // quotes with their speakers and cues
  Ranges quoted;      // quotation contents: a source's own words
  for (const Quote& q : L.quotes) {
    attributed.Add(q.span);
    attributed.Add(q.content);
    attributed.Add(q.speaker);
    attributed.Add(q.cue);
    quoted.Add(q.content);
    quoted.Add(q.span);
    // A partial quote inside reported speech ("He warned that, if X, "two
    // words" could follow"): the rest of the sentence after the cue is the
    // speaker's too.
    if (q.kind == QuoteKind::kPartial && !q.cue.empty() &&
        q.cue.end <= q.span.start) {
      for (const Sentence& s : L.sentences) {
        if (s.span.Contains(q.cue) && s.span.Contains(q.span)) {
          attributed.Add({q.cue.end, s.span.end});
          break;
        }
      }
    }
  }
  attributed.Finish();
  quoted.Finish();

  // The block kind of each sentence (blocks and sentences are in order).
  auto kind_at = [&](uint32_t pos, size_t& b) {
    while (b < L.blocks.size() && L.blocks[b].span.end <= pos) ++b;
    return b < L.blocks.size() && L.blocks[b].span.start <= pos
               ? L.blocks[b].kind
               : BlockKind::kParagraph;
  };

  // Referent key of a mention: its local id, or a unique negative one.
  auto key_of = [&](size_t m) {
    return L.mentions[m].local >= 0 ? L.mentions[m].local
                                    : -static_cast<int32_t>(m) - 1;
  };
  std::vector<int32_t> tone_keys;   // parallel to f.tone
  std::vector<uint32_t> tone_last;  // last sentence counted, 1-based
  constexpr uint32_t kNoSentence = 0;

  // Headline content words (stems) and names.
  std::vector<std::string> head_stems;
  std::vector<Span> head_spans;
  std::vector<Span> head_names;
  std::vector<uint64_t> body_masks;  // per body sentence: headline stems
  std::vector<Span> body_spans;
  std::vector<Span> body_sentences;

  size_t b = 0, m = 0;
  for (const Sentence& s : L.sentences) {
    const BlockKind kind = kind_at(s.span.start, b);
    if (kind == BlockKind::kTitle) {
      for (uint32_t t = s.first_token; t < s.end_token; ++t) {
        const Token& tok = L.tokens[t];
        if (!IsWordToken(tok) || tok.span.size() < 3) continue;
        std::string st = Stem(doc.Slice(tok.span));
        if (IsStopword(st) || st.size() < 3) continue;
        if (std::find(head_stems.begin(), head_stems.end(), st) !=
                head_stems.end() ||
            head_stems.size() >= 64) {
          continue;
        }
        head_stems.push_back(std::move(st));
        head_spans.push_back(tok.span);
      }
      continue;
    }
    if (kind != BlockKind::kParagraph) continue;
    ++f.sentences;
    body_sentences.push_back(s.span);
    const bool is_attributed = attributed.Overlaps(s.span);
    if (is_attributed) ++f.attributed;
    uint32_t pos = 0, neg = 0, claim = 0;
    for (uint32_t t = s.first_token; t < s.end_token; ++t) {
      const Token& tok = L.tokens[t];
      if (!IsWordToken(tok) || quoted.Overlaps(tok.span)) continue;
      const FramingWordKind k = LookupFramingWord(doc.Slice(tok.span));
      if (k == FramingWordKind::kNone) continue;
      f.words.push_back({tok.span, k});
      pos += k == FramingWordKind::kPositive;
      neg += k == FramingWordKind::kNegative;
      // An evaluation or prediction outside every attributed part (quote,
      // speaker, cue) is the outlet's own: "In what could be a
      // breakthrough, NAME told reporters that ..." is editorial.
      claim +=
          (k == FramingWordKind::kPositive || k == FramingWordKind::kNegative ||
           k == FramingWordKind::kHedge || k == FramingWordKind::kNormative) &&
          !attributed.Overlaps(tok.span);
    }
    if (claim > 0) f.editorial.push_back(s.span);
    // Tone toward the referents this sentence mentions outside quotes.
    while (m < L.mentions.size() && L.mentions[m].span.start < s.span.start) {
      ++m;
    }
    if (!is_attributed) {
      for (size_t k = m;
           k < L.mentions.size() && L.mentions[k].span.start < s.span.end;
           ++k) {
        if (quoted.Overlaps(L.mentions[k].span)) continue;
        const int32_t key = key_of(k);
        auto it = std::find(tone_keys.begin(), tone_keys.end(), key);
        size_t ti;
        if (it == tone_keys.end()) {
          ti = f.tone.size();
          tone_keys.push_back(key);
          tone_last.push_back(kNoSentence);
          f.tone.push_back({});
          f.tone.back().mention = static_cast<int32_t>(k);
        } else {
          ti = static_cast<size_t>(it - tone_keys.begin());
        }
        if (tone_last[ti] == f.sentences) continue;  // once per sentence
        tone_last[ti] = f.sentences;
        EntityTone* et = &f.tone[ti];
        ++et->sentences;
        et->positive += pos;
        et->negative += neg;
      }
    }
    // Which headline words this sentence has.
    uint64_t mask = 0;
    if (!head_stems.empty()) {
      for (uint32_t t = s.first_token; t < s.end_token; ++t) {
        const Token& tok = L.tokens[t];
        if (!IsWordToken(tok) || tok.span.size() < 3) continue;
        const std::string st = Stem(doc.Slice(tok.span));
        for (size_t h = 0; h < head_stems.size(); ++h) {
          if (head_stems[h] == st) mask |= uint64_t{1} << h;
        }
      }
    }
    body_masks.push_back(mask);
    body_spans.push_back(s.span);
  }

  // Headline names: mentions inside the title must appear in the body.
  HeadlineCheck& h = f.headline;
  if (!head_stems.empty() && !body_masks.empty()) {
    h.checked = true;
    uint64_t seen = 0;
    int best = -1;
    size_t best_i = 0, best_j = 0;
    for (size_t i = 0; i < body_masks.size(); ++i) {
      seen |= body_masks[i];
      for (size_t j = i; j < std::min(body_masks.size(), i + 2); ++j) {
        const int n = std::popcount(body_masks[i] | body_masks[j]);
        if (n > best) {
          best = n;
          best_i = i;
          best_j = j;
        }
      }
    }
    h.coverage =
        static_cast<float>(best) / static_cast<float>(head_stems.size());
    h.evidence = Span{body_spans[best_i].start, body_spans[best_j].end};
    for (size_t k = 0; k < head_stems.size(); ++k) {
      if (!(seen & (uint64_t{1} << k))) h.missing.push_back(head_spans[k]);
    }
    // Names: a title mention whose referent or last word is not in the body.
    bool names_found = true;
    const Span title = [&] {
      for (const Block& bl : L.blocks) {
        if (bl.kind == BlockKind::kTitle) return bl.span;
      }
      return Span{};
    }();
    const std::string_view text = doc.text();
    const uint32_t body_from = body_spans.empty()
                                   ? static_cast<uint32_t>(text.size())
                                   : body_spans.front().start;
    for (size_t k = 0; k < L.mentions.size(); ++k) {
      const Mention& mt = L.mentions[k];
      if (!title.Contains(mt.span) || mt.form == MentionForm::kPronoun) {
        continue;
      }
      bool found = false;
      for (size_t j = 0; j < L.mentions.size() && !found; ++j) {
        found = j != k && L.mentions[j].span.start >= body_from &&
                mt.local >= 0 && L.mentions[j].local == mt.local;
      }
      if (!found) {
        const Span nm = mt.name.empty() ? mt.span : mt.name;
        std::string_view name = doc.Slice(nm);
        const size_t sp = name.rfind(' ');
        if (sp != std::string_view::npos) name = name.substr(sp + 1);
        found = !name.empty() &&
                text.find(name, body_from) != std::string_view::npos;
      }
      if (!found) {
        names_found = false;
        h.missing.push_back(mt.name.empty() ? mt.span : mt.name);
      }
    }
    std::sort(h.missing.begin(), h.missing.end(),
              [](const Span& a, const Span& b) { return a.start < b.start; });
    h.missing.erase(std::unique(h.missing.begin(), h.missing.end()),
                    h.missing.end());
    h.supported = names_found && h.coverage >= 0.5f;
  }
  L.framing = std::move(f);
  return Status::Ok();
}

}  // namespace dossier
