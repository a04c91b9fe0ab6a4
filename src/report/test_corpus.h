// Test-only: a small hand-built Corpus with invented articles for the report
// tests (every layer filled, nulls, an error, hostile markup in the text).
// Not part of the library. Offsets are found with Find() so the text can be
// edited without recounting bytes.
#ifndef DOSSIER_REPORT_TEST_CORPUS_H_
#define DOSSIER_REPORT_TEST_CORPUS_H_

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

#include "doc/corpus.h"
#include "doc/document.h"
#include "doc/offset_map.h"

namespace dossier::testing_corpus {

// The span of the first `needle` at or after `from` (throws if missing: a
// broken test fixture).
inline Span Find(std::string_view text, std::string_view needle,
                 size_t from = 0) {
  size_t at = text.find(needle, from);
  if (at == std::string_view::npos) {
    throw std::logic_error("fixture: missing " + std::string(needle));
  }
  return Span{static_cast<uint32_t>(at),
              static_cast<uint32_t>(at + needle.size())};
}

inline Document MakeDoc(DocMeta meta, std::string text) {
  size_t n = text.size();
  return Document(std::move(meta), std::move(text), OffsetMap::Identity(n));
}

// Adds a block for every "\n\n"-separated paragraph; the first gets `first`.
inline void AddBlocks(Document& doc, BlockKind first) {
  std::string_view t = doc.text();
  uint32_t start = 0;
  bool is_first = true;
  while (start <= t.size()) {
    size_t br = t.find("\n\n", start);
    uint32_t end = br == std::string_view::npos
                       ? static_cast<uint32_t>(t.size())
                       : static_cast<uint32_t>(br);
    Block b;
    b.span = Span{start, end};
    b.kind = is_first ? first : BlockKind::kParagraph;
    doc.layers().blocks.push_back(b);
    is_first = false;
    if (br == std::string_view::npos) break;
    start = end + 2;
  }
}

inline Mention MakeMention(Span span, EntityType type, MentionForm form,
                           int32_t entity) {
  Mention m;
  m.span = span;
  m.name = span;
  m.type = type;
  m.form = form;
  m.entity = entity;
  return m;
}

constexpr std::string_view kDoc1Text =
    "Velden Pledges Harbour Fund\n\n"
    "PORT ALDER, May 14, 2025 - Caldera Wire\n\n"
    "Funding\n\n"
    "President Mara Velden of Norland said on Tuesday that the fund would "
    "open \"within three weeks\".\n\n"
    "\"We will rebuild the harbour,\" Velden told reporters.";

constexpr std::string_view kDoc2Text =
    "Markup In The Caption\n\n"
    "The Caldera Herald printed <script>alert(1)</script> in a caption.\n\n"
    "Critics wrote \"quotes\" & ampersands everywhere, Velden noted.";

// Two documents, two entities, three quotes, three time expressions, one
// removed footer and one input error.
inline Corpus MakeCorpus() {
  Corpus c;
  {
    DocMeta m;
    m.id = "d1";
    m.source = "in/velden.txt";
    m.title = "Velden Pledges Harbour Fund";
    m.outlet = "Caldera Wire";
    m.outlet_how = "dateline";
    m.published = "2025-05-14";
    m.published_how = PublishedHow::kDateline;
    m.url = "https://caldera.example/velden";
    Document d = MakeDoc(m, std::string(kDoc1Text));
    AddBlocks(d, BlockKind::kTitle);
    std::string_view t = d.text();
    d.layers().blocks[1].kind = BlockKind::kDateline;
    d.layers().blocks[2].kind = BlockKind::kHeading;
    Dateline dl;
    dl.span = Find(t, "PORT ALDER, May 14, 2025 - Caldera Wire");
    dl.place = "PORT ALDER";
    dl.date = "2025-05-14";
    dl.agency = "Caldera Wire";
    d.layers().dateline = dl;
    Removed r;
    r.text = "Subscribe to the Caldera Wire for more.";
    r.why = "subscription_footer";
    r.at = static_cast<uint32_t>(t.size());
    r.raw_start = static_cast<uint32_t>(t.size()) + 2;
    r.raw_end = r.raw_start + static_cast<uint32_t>(r.text.size());
    d.layers().removed.push_back(r);
    d.layers().sentences.resize(4);
    auto& ms = d.layers().mentions;
    ms.push_back(MakeMention(Find(t, "President Mara Velden"),
                             EntityType::kPerson, MentionForm::kTitle, 0));
    ms.back().name = Find(t, "Mara Velden");
    ms.push_back(MakeMention(Find(t, "Norland"), EntityType::kLoc,
                             MentionForm::kName, 1));
    ms.push_back(MakeMention(Find(t, "Velden told"), EntityType::kPerson,
                             MentionForm::kSurname, 0));
    ms.back().span.end = ms.back().span.start + 6;
    ms.back().name = ms.back().span;
    Quote q1;
    q1.span = Find(t, "\"within three weeks\"");
    q1.content = Find(t, "within three weeks");
    q1.kind = QuoteKind::kPartial;
    q1.cue = Find(t, "said");
    q1.speaker = Find(t, "President Mara Velden");
    q1.speaker_mention = 0;
    q1.group = 0;
    Quote q2;
    q2.span = Find(t, "\"We will rebuild the harbour,\"");
    q2.content = Find(t, "We will rebuild the harbour,");
    q2.kind = QuoteKind::kDirect;
    q2.cue = Find(t, "told reporters");
    q2.speaker = ms[2].span;
    q2.speaker_mention = 2;
    d.layers().quotes = {q1, q2};
    Timex x1{Find(t, "May 14, 2025"), TimexType::kDate, "2025-05-14"};
    Timex x2{Find(t, "Tuesday"), TimexType::kDate, "2025-05-13"};
    Timex x3{Find(t, "three weeks"), TimexType::kDuration, "P3W"};
    d.layers().times = {x1, x2, x3};
    c.documents.push_back(std::move(d));
  }
  {
    DocMeta m;
    m.id = "d2";
    m.source = "in/feed.jsonl:2";
    m.title = "Markup <b>In</b> The Caption";
    Document d = MakeDoc(m, std::string(kDoc2Text));
    AddBlocks(d, BlockKind::kTitle);
    std::string_view t = d.text();
    d.layers().sentences.resize(3);
    d.layers().mentions.push_back(MakeMention(
        Find(t, "Velden"), EntityType::kPerson, MentionForm::kSurname, 0));
    d.layers().mentions.push_back(MakeMention(
        Find(t, "Caldera Herald"), EntityType::kOrg, MentionForm::kName, -1));
    Quote q;
    q.span = Find(t, "\"quotes\"");
    q.content = Find(t, "quotes");
    q.kind = QuoteKind::kPartial;
    d.layers().quotes.push_back(q);
    c.documents.push_back(std::move(d));
  }
  Entity velden;
  velden.id = "e1";
  velden.name = "Mara Velden";
  velden.type = EntityType::kPerson;
  velden.aliases = {"President Mara Velden", "Velden"};
  velden.mentions = {{0, 0}, {0, 2}, {1, 0}};
  Entity norland;
  norland.id = "e2";
  norland.name = "Norland";
  norland.type = EntityType::kLoc;
  norland.mentions = {{0, 1}};
  c.entities = {velden, norland};
  c.errors.push_back(DocError{
      "in/broken.txt",
      Status(ErrorCode::kInvalidUtf8, "invalid byte 0xff at offset 12")});
  c.timings = {{"layout", 0.0125, 2}, {"quotes", 0.5, 2}};
  c.wall_seconds = 0.75;
  return c;
}

}  // namespace dossier::testing_corpus

#endif  // DOSSIER_REPORT_TEST_CORPUS_H_
