#include "report/json_writer.h"

#include <rapidjson/ostreamwrapper.h>
#include <rapidjson/prettywriter.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <vector>
#include <string_view>

#include "report/text_util.h"

namespace dossier {
namespace {

using report_internal::ClampSpan;
using report_internal::SafeSlice;

// Wraps a RapidJSON writer (Writer or PrettyWriter) with the few calls the
// dossier format needs. Every call remembers whether the writer accepted it;
// the stream's state is checked at the end.
template <typename W>
class Out {
 public:
  explicit Out(W& w) : w_(w) {}

  bool ok() const { return ok_; }

  void Key(std::string_view k) {
    ok_ &= w_.Key(k.data(), static_cast<rapidjson::SizeType>(k.size()));
  }
  void Str(std::string_view s) {
    ok_ &= w_.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
  }
  void StrOrNull(std::string_view s) {
    if (s.empty()) {
      Null();
    } else {
      Str(s);
    }
  }
  void Null() { ok_ &= w_.Null(); }
  void Bool(bool v) { ok_ &= w_.Bool(v); }
  void Int(int64_t v) { ok_ &= w_.Int64(v); }
  void Uint(uint64_t v) { ok_ &= w_.Uint64(v); }
  void Num(double v) { ok_ &= w_.Double(std::isfinite(v) && v > 0 ? v : 0.0); }
  void SignedNum(double v) { ok_ &= w_.Double(std::isfinite(v) ? v : 0.0); }
  void BeginObject() { ok_ &= w_.StartObject(); }
  void EndObject() { ok_ &= w_.EndObject(); }
  void BeginArray() { ok_ &= w_.StartArray(); }
  void EndArray() { ok_ &= w_.EndArray(); }

  // "key": "value" and friends.
  void KStr(std::string_view k, std::string_view v) {
    Key(k);
    Str(v);
  }
  void KStrOrNull(std::string_view k, std::string_view v) {
    Key(k);
    StrOrNull(v);
  }
  void KUint(std::string_view k, uint64_t v) {
    Key(k);
    Uint(v);
  }
  // "start": s, "end": e of `span` clamped to a text of `size` bytes.
  void Offsets(Span span, size_t size) {
    Span s = ClampSpan(span, size);
    KUint("start", s.start);
    KUint("end", s.end);
  }

 private:
  W& w_;
  bool ok_ = true;
};

// published_range and published_evidence (time/pubdate_stage.h).
template <typename W>
void WritePublishedInference(const DocMeta& m, Out<W>& o) {
  const bool inferred = m.published_how == PublishedHow::kInferred &&
                        !m.published_earliest.empty() &&
                        !m.published_latest.empty();
  o.Key("published_range");
  if (inferred) {
    o.BeginObject();
    o.KStr("earliest", m.published_earliest);
    o.KStr("latest", m.published_latest);
    o.EndObject();
  } else {
    o.Null();
  }
  o.Key("published_evidence");
  o.BeginArray();
  if (inferred) {
    for (const PublishedEvidence& e : m.published_evidence) {
      o.BeginObject();
      o.KStr("doc", e.doc);
      o.KUint("start", e.span.start);
      o.KUint("end", e.span.end);
      o.KStr("text", e.text);
      o.KStr("why", e.why);
      o.KStrOrNull("value", e.value);
      o.EndObject();
    }
  }
  o.EndArray();
}

// documents[].framing (framing/FramingStage); `corpus`, when given, maps
// mentions to entity ids.
template <typename W>
void WriteFraming(const Document& doc, const Corpus* corpus, Out<W>& o) {
  const Framing& f = doc.layers().framing;
  const std::string_view text = doc.text();
  o.BeginObject();
  if (!f.computed) {
    o.EndObject();
    return;
  }
  const double n = f.sentences > 0 ? f.sentences : 1;
  o.KUint("sentences", f.sentences);
  o.KUint("attributed_sentences", f.attributed);
  o.Key("attributed");
  o.Num(f.attributed / n);
  o.Key("editorial");
  o.Num(f.editorial.size() / n);
  o.Key("editorial_sentences");
  o.BeginArray();
  for (const Span& s : f.editorial) {
    o.BeginObject();
    o.Offsets(s, text.size());
    o.EndObject();
  }
  o.EndArray();
  o.Key("words");
  o.BeginArray();
  for (const FramingWord& w : f.words) {
    o.BeginObject();
    o.Offsets(w.span, text.size());
    o.KStr("text", doc.Slice(ClampSpan(w.span, text.size())));
    o.KStr("kind", FramingWordKindName(w.kind));
    o.EndObject();
  }
  o.EndArray();
  o.Key("tone");
  o.BeginArray();
  const std::vector<Mention>& ms = doc.layers().mentions;
  for (const EntityTone& t : f.tone) {
    if (t.mention < 0 || static_cast<size_t>(t.mention) >= ms.size()) continue;
    const Mention& m = ms[static_cast<size_t>(t.mention)];
    if (m.form == MentionForm::kPronoun) continue;
    o.BeginObject();
    o.Key("entity");
    if (corpus != nullptr && m.entity >= 0 &&
        static_cast<size_t>(m.entity) < corpus->entities.size()) {
      o.Str(corpus->entities[static_cast<size_t>(m.entity)].id);
    } else {
      o.Null();
    }
    o.KStr("name", doc.Slice(ClampSpan(m.name.empty() ? m.span : m.name,
                                       text.size())));
    o.KUint("sentences", t.sentences);
    o.KUint("positive", t.positive);
    o.KUint("negative", t.negative);
    o.Key("score");
    const double pn = static_cast<double>(t.positive) + t.negative;
    o.SignedNum(pn > 0 ? (static_cast<double>(t.positive) - t.negative) / pn
                       : 0.0);
    o.EndObject();
  }
  o.EndArray();
  const HeadlineCheck& h = f.headline;
  o.Key("headline");
  o.BeginObject();
  o.Key("supported");
  if (h.checked) {
    o.Bool(h.supported);
  } else {
    o.Null();
  }
  o.Key("coverage");
  o.Num(h.coverage);
  o.Key("evidence");
  if (h.checked) {
    o.BeginObject();
    o.Offsets(h.evidence, text.size());
    o.EndObject();
  } else {
    o.Null();
  }
  o.Key("missing");
  o.BeginArray();
  for (const Span& s : h.missing) o.Str(doc.Slice(ClampSpan(s, text.size())));
  o.EndArray();
  o.EndObject();
  o.EndObject();
}

template <typename W>
void WriteDocument(const Document& doc, Out<W>& o,
                   const Corpus* corpus = nullptr) {
  const DocMeta& m = doc.meta();
  const Layers& l = doc.layers();
  std::string_view text = doc.text();
  o.BeginObject();
  o.KStr("id", m.id);
  o.KStr("source", m.source);
  o.KStr("title", m.title);
  o.Key("outlet");
  if (m.outlet.has_value()) {
    o.Str(*m.outlet);
  } else {
    o.Null();
  }
  o.KStrOrNull("outlet_how", m.outlet_how);
  o.KStrOrNull("published", m.published);
  o.Key("published_how");
  if (m.published_how == PublishedHow::kNone ||
      (m.published.empty() && m.published_how != PublishedHow::kInferred)) {
    o.Null();
  } else {
    o.Str(PublishedHowName(m.published_how));
  }
  WritePublishedInference(m, o);
  o.Key("dateline");
  if (l.dateline.has_value()) {
    const Dateline& d = *l.dateline;
    o.BeginObject();
    o.KStr("place", d.place);
    o.KStrOrNull("date", d.date);
    o.KStrOrNull("agency", d.agency);
    o.Offsets(d.span, text.size());
    o.EndObject();
  } else {
    o.Null();
  }
  o.KStr("language", m.language);
  o.KStrOrNull("url", m.url);
  o.Key("authors");
  o.BeginArray();
  for (const std::string& a : m.authors) o.Str(a);
  o.EndArray();
  o.KStr("text", text);

  o.Key("duplicates");
  o.BeginArray();
  for (const DuplicateRef& d : m.duplicates) {
    o.BeginObject();
    o.KStr("id", d.id);
    o.KStr("source", d.source);
    o.Key("outlet");
    if (d.outlet.has_value()) {
      o.Str(*d.outlet);
    } else {
      o.Null();
    }
    o.Key("similarity");
    o.Num(d.similarity);
    o.EndObject();
  }
  o.EndArray();

  o.Key("removed");
  o.BeginArray();
  for (const Removed& r : l.removed) {
    o.BeginObject();
    o.KStr("text", r.text);
    o.KStr("why", r.why);
    o.KUint("at", std::min<size_t>(r.at, text.size()));
    o.KUint("raw_start", r.raw_start);
    o.KUint("raw_end", r.raw_end);
    o.EndObject();
  }
  o.EndArray();

  o.Key("headings");
  o.BeginArray();
  for (const Block& b : l.blocks) {
    if (b.kind != BlockKind::kHeading) continue;
    o.BeginObject();
    o.Offsets(b.span, text.size());
    o.EndObject();
  }
  o.EndArray();

  o.Key("blocks");
  o.BeginArray();
  for (const Block& b : l.blocks) {
    o.BeginObject();
    o.KStr("kind", BlockKindName(b.kind));
    o.Offsets(b.span, text.size());
    o.EndObject();
  }
  o.EndArray();

  o.KUint("sentences", l.sentences.size());
  o.KStrOrNull("story", m.story);
  o.Key("framing");
  WriteFraming(doc, corpus, o);
  o.EndObject();
}

template <typename W>
void WriteEntities(const Corpus& corpus, Out<W>& o) {
  o.BeginArray();
  for (const Entity& e : corpus.entities) {
    o.BeginObject();
    o.KStr("id", e.id);
    o.KStr("name", e.name);
    o.KStr("type", EntityTypeName(e.type));
    o.Key("aliases");
    o.BeginArray();
    for (const std::string& a : e.aliases) o.Str(a);
    o.EndArray();
    o.Key("roles");
    o.BeginArray();
    for (const std::string& r : e.roles) o.Str(r);
    o.EndArray();
    o.KStrOrNull("kb", e.kb);
    o.KStrOrNull("kb_name", e.kb_name);
    o.Key("mentions");
    o.BeginArray();
    for (const MentionRef& ref : e.mentions) {
      if (ref.doc >= corpus.documents.size()) continue;
      const Document& doc = corpus.documents[ref.doc];
      if (ref.mention >= doc.layers().mentions.size()) continue;
      const Mention& m = doc.layers().mentions[ref.mention];
      o.BeginObject();
      o.KStr("doc", doc.meta().id);
      o.Offsets(m.span, doc.text().size());
      o.KStr("text", SafeSlice(doc.text(), m.span));
      o.KStr("form", MentionFormName(m.form));
      o.EndObject();
    }
    o.EndArray();
    o.EndObject();
  }
  o.EndArray();
}

// The entity id of the quote's speaker, or "" when not linked.
std::string_view SpeakerEntityId(const Corpus& corpus, const Document& doc,
                                 const Quote& q) {
  const auto& mentions = doc.layers().mentions;
  if (q.speaker_mention < 0 ||
      static_cast<size_t>(q.speaker_mention) >= mentions.size()) {
    return {};
  }
  int32_t entity = mentions[q.speaker_mention].entity;
  if (entity < 0 || static_cast<size_t>(entity) >= corpus.entities.size()) {
    return {};
  }
  return corpus.entities[entity].id;
}

// The entity id of a mention, or "" when not linked.
std::string_view MentionEntityId(const Corpus& corpus, const Document& doc,
                                 int32_t mention) {
  const auto& mentions = doc.layers().mentions;
  if (mention < 0 || static_cast<size_t>(mention) >= mentions.size()) {
    return {};
  }
  const int32_t entity = mentions[mention].entity;
  if (entity < 0 || static_cast<size_t>(entity) >= corpus.entities.size()) {
    return {};
  }
  return corpus.entities[entity].id;
}

// Relay, anonymous source, wording variant and misquote of a quote.
template <typename W>
void WriteQuoteExtras(const Corpus& corpus, const Document& doc,
                      const Quote& q, Out<W>& o) {
  const std::string_view text = doc.text();
  o.KStrOrNull("relay", MentionEntityId(corpus, doc, q.relay_mention));
  o.KStrOrNull("relay_text", SafeSlice(text, q.relay));
  o.Key("anonymous_source");
  if (q.anonymous >= 0) {
    o.Str(doc.meta().id + ".a" + std::to_string(q.anonymous + 1));
  } else {
    o.Null();
  }
  o.Key("variant");
  if (q.variant >= 0) {
    o.Int(q.variant + 1);
  } else {
    o.Null();
  }
  o.KStrOrNull("misquote", q.misquote);
}

template <typename W>
void WriteQuotes(const Corpus& corpus, Out<W>& o) {
  o.BeginArray();
  uint64_t n = 0;
  for (const Document& doc : corpus.documents) {
    std::string_view text = doc.text();
    for (const Quote& q : doc.layers().quotes) {
      Span content = q.content.empty() ? q.span : q.content;
      Span cs = ClampSpan(content, text.size());
      o.BeginObject();
      o.KStr("id", "q" + std::to_string(++n));
      o.KStr("doc", doc.meta().id);
      o.Offsets(q.span, text.size());
      o.KUint("content_start", cs.start);
      o.KUint("content_end", cs.end);
      // Where the quote is in the input file (for HTML: the page's bytes).
      Span qs = ClampSpan(q.span, text.size());
      o.KUint("raw_start", doc.offsets().ToRaw(qs.start));
      o.KUint("raw_end", doc.offsets().ToRawEnd(qs.end));
      o.KStr("text", SafeSlice(text, cs));
      o.KStr("kind", QuoteKindName(q.kind));
      o.KStrOrNull("speaker", SpeakerEntityId(corpus, doc, q));
      o.KStrOrNull("speaker_text", SafeSlice(text, q.speaker));
      // Every entity of a joint speaker ("X and Y said"); else the speaker.
      o.Key("speakers");
      o.BeginArray();
      {
        std::vector<std::string_view> ids;
        if (q.joint_mentions.empty()) {
          if (std::string_view id = SpeakerEntityId(corpus, doc, q);
              !id.empty()) {
            ids.push_back(id);
          }
        }
        for (int32_t m : q.joint_mentions) {
          std::string_view id = MentionEntityId(corpus, doc, m);
          if (!id.empty() &&
              std::find(ids.begin(), ids.end(), id) == ids.end()) {
            ids.push_back(id);
          }
        }
        for (std::string_view id : ids) o.Str(id);
      }
      o.EndArray();
      o.KStrOrNull("cue", SafeSlice(text, q.cue));
      o.Key("group");
      if (q.group >= 0) {
        o.Str("g" + std::to_string(static_cast<int64_t>(q.group) + 1));
      } else {
        o.Null();
      }
      WriteQuoteExtras(corpus, doc, q, o);
      o.EndObject();
    }
  }
  o.EndArray();
}

// One entry per quote group: its wordings (variants), which quotes and
// outlets carry each, and whether a wording is a possible misquote.
template <typename W>
void WriteQuoteGroups(const Corpus& corpus, Out<W>& o) {
  struct Variant {
    std::string text, misquote;
    std::vector<std::string> quotes, outlets;
  };
  std::map<int32_t, std::map<int32_t, Variant>> groups;
  std::map<int32_t, std::string> speakers;
  uint64_t n = 0;
  for (const Document& doc : corpus.documents) {
    for (const Quote& q : doc.layers().quotes) {
      ++n;
      if (q.group < 0) continue;
      Variant& v = groups[q.group][std::max<int32_t>(q.variant, 0)];
      if (v.quotes.empty()) {
        const Span c = q.content.empty() ? q.span : q.content;
        v.text = std::string(SafeSlice(doc.text(), c));
        v.misquote = q.misquote;
      }
      v.quotes.push_back("q" + std::to_string(n));
      const std::string outlet =
          doc.meta().outlet ? *doc.meta().outlet : doc.meta().id;
      if (std::find(v.outlets.begin(), v.outlets.end(), outlet) ==
          v.outlets.end()) {
        v.outlets.push_back(outlet);
      }
      std::string_view sp = SpeakerEntityId(corpus, doc, q);
      if (!sp.empty() && speakers[q.group].empty()) {
        speakers[q.group] = std::string(sp);
      }
    }
  }
  o.BeginArray();
  for (const auto& [g, variants] : groups) {
    o.BeginObject();
    o.KStr("id", "g" + std::to_string(static_cast<int64_t>(g) + 1));
    o.KStrOrNull("speaker", speakers[g]);
    o.Key("variants");
    o.BeginArray();
    for (const auto& [vi, v] : variants) {
      o.BeginObject();
      o.Key("variant");
      o.Int(vi + 1);
      o.KStr("text", v.text);
      o.Key("quotes");
      o.BeginArray();
      for (const std::string& id : v.quotes) o.Str(id);
      o.EndArray();
      o.Key("outlets");
      o.BeginArray();
      for (const std::string& out : v.outlets) o.Str(out);
      o.EndArray();
      o.KStrOrNull("misquote", v.misquote);
      o.EndObject();
    }
    o.EndArray();
    o.EndObject();
  }
  o.EndArray();
}

template <typename W>
void WriteTimes(const Corpus& corpus, Out<W>& o) {
  o.BeginArray();
  for (const Document& doc : corpus.documents) {
    for (const Timex& t : doc.layers().times) {
      o.BeginObject();
      o.KStr("doc", doc.meta().id);
      o.Offsets(t.span, doc.text().size());
      o.KStr("text", SafeSlice(doc.text(), t.span));
      o.KStr("type", TimexTypeName(t.type));
      o.KStr("value", t.value);
      o.EndObject();
    }
  }
  o.EndArray();
}

// Corpus::timeline (time/timeline_stage.h).
template <typename W>
void WriteTimeline(const Corpus& corpus, Out<W>& o) {
  // Quote ids are numbered across documents as in WriteQuotes.
  std::vector<uint64_t> first_quote(corpus.documents.size(), 1);
  for (size_t d = 1; d < corpus.documents.size(); ++d) {
    first_quote[d] =
        first_quote[d - 1] + corpus.documents[d - 1].layers().quotes.size();
  }
  o.BeginArray();
  uint64_t n = 0;
  for (const TimelineItem& item : corpus.timeline) {
    o.BeginObject();
    o.KStr("id", "t" + std::to_string(++n));
    o.KStr("date", item.date);
    o.KStr("earliest", item.earliest);
    o.KStr("latest", item.latest);
    o.Key("documents");
    o.BeginArray();
    std::vector<uint32_t> seen;
    for (const TimelineSpan& s : item.spans) {
      if (s.doc >= corpus.documents.size()) continue;
      if (std::find(seen.begin(), seen.end(), s.doc) != seen.end()) continue;
      seen.push_back(s.doc);
      o.Str(corpus.documents[s.doc].meta().id);
    }
    o.EndArray();
    o.Key("entities");
    o.BeginArray();
    for (int32_t e : item.entities) {
      if (e >= 0 && static_cast<size_t>(e) < corpus.entities.size()) {
        o.Str(corpus.entities[e].id);
      }
    }
    o.EndArray();
    o.Key("keywords");
    o.BeginArray();
    for (const std::string& k : item.keywords) o.Str(k);
    o.EndArray();
    o.Key("spans");
    o.BeginArray();
    for (const TimelineSpan& s : item.spans) {
      if (s.doc >= corpus.documents.size()) continue;
      const Document& doc = corpus.documents[s.doc];
      const std::string_view text = doc.text();
      o.BeginObject();
      o.KStr("doc", doc.meta().id);
      o.Offsets(s.sentence, text.size());
      o.KStr("text", SafeSlice(text, s.sentence));
      const Span ts = ClampSpan(s.time, text.size());
      o.KUint("time_start", ts.start);
      o.KUint("time_end", ts.end);
      o.KStr("time_text", SafeSlice(text, ts));
      o.KStr("value", s.value);
      o.Key("quote");
      if (s.quote >= 0 &&
          static_cast<size_t>(s.quote) < doc.layers().quotes.size()) {
        o.Str("q" + std::to_string(first_quote[s.doc] +
                                   static_cast<uint64_t>(s.quote)));
      } else {
        o.Null();
      }
      o.EndObject();
    }
    o.EndArray();
    o.EndObject();
  }
  o.EndArray();
}

template <typename W>
void WriteEvents(const Corpus& corpus, Out<W>& o) {
  o.BeginArray();
  uint64_t n = 0, quotes_before = 0;
  for (const Document& doc : corpus.documents) {
    std::string_view text = doc.text();
    const Layers& l = doc.layers();
    auto arg = [&](std::string_view key, Span span, int32_t mention) {
      o.Key(key);
      if (span.empty()) {
        o.Null();
        return;
      }
      o.BeginObject();
      o.KStrOrNull("entity", MentionEntityId(corpus, doc, mention));
      o.KStr("text", SafeSlice(text, span));
      o.Offsets(span, text.size());
      o.EndObject();
    };
    for (const EventFrame& e : l.events) {
      o.BeginObject();
      o.KStr("id", "v" + std::to_string(++n));
      o.KStr("doc", doc.meta().id);
      o.Offsets(e.span, text.size());
      o.KStr("text", SafeSlice(text, e.span));
      arg("actor", e.actor, e.actor_mention);
      o.Key("action");
      o.BeginObject();
      o.KStr("lemma", e.lemma);
      o.KStrOrNull("category", e.category);
      o.KStr("text", SafeSlice(text, e.trigger));
      o.Offsets(e.trigger, text.size());
      o.EndObject();
      arg("target", e.target, e.target_mention);
      o.Key("target_inferred");
      o.Bool(e.target_inferred);
      arg("place", e.place, e.place_mention);
      o.Key("time");
      if (e.time >= 0 && static_cast<size_t>(e.time) < l.times.size()) {
        const Timex& t = l.times[e.time];
        o.BeginObject();
        o.KStr("value", t.value);
        o.KStr("text", SafeSlice(text, t.span));
        o.EndObject();
      } else {
        o.Null();
      }
      o.KStr("polarity", e.negated ? "negative" : "positive");
      o.KStr("modality", ModalityName(e.modality));
      o.KStrOrNull("condition", SafeSlice(text, e.condition));
      o.Key("source");
      o.BeginObject();
      if (e.quote >= 0 && static_cast<size_t>(e.quote) < l.quotes.size()) {
        const Quote& q = l.quotes[e.quote];
        o.KStr("kind", "speaker");
        o.KStrOrNull("entity", SpeakerEntityId(corpus, doc, q));
        o.KStrOrNull("text", SafeSlice(text, q.speaker));
        o.KStr("quote", "q" + std::to_string(quotes_before + e.quote + 1));
      } else {
        o.KStr("kind", "outlet");
        o.Key("entity");
        o.Null();
        o.KStrOrNull("text", doc.meta().outlet.value_or(""));
        o.Key("quote");
        o.Null();
      }
      o.EndObject();
      o.EndObject();
    }
    quotes_before += l.quotes.size();
  }
  o.EndArray();
}

template <typename W>
void WriteStories(const Corpus& corpus, Out<W>& o) {
  o.BeginArray();
  for (const Story& s : corpus.stories) {
    o.BeginObject();
    o.KStr("id", s.id);
    o.KStr("label", s.label);
    o.Key("documents");
    o.BeginArray();
    for (uint32_t d : s.documents) {
      if (d < corpus.documents.size()) o.Str(corpus.documents[d].meta().id);
    }
    o.EndArray();
    o.Key("keywords");
    o.BeginArray();
    for (const std::string& k : s.keywords) o.Str(k);
    o.EndArray();
    o.Key("entities");
    o.BeginArray();
    for (int32_t e : s.entities) {
      if (e >= 0 && static_cast<size_t>(e) < corpus.entities.size()) {
        o.Str(corpus.entities[e].id);
      }
    }
    o.EndArray();
    o.KStrOrNull("first_published", s.first_published);
    o.KStrOrNull("last_published", s.last_published);
    o.EndObject();
  }
  o.EndArray();
}

template <typename W>
bool WriteAll(const Corpus& corpus, const JsonOptions& opts, W& w) {
  Out<W> o(w);
  o.BeginObject();
  o.KStr("schema", "dossier");
  o.Key("version");
  o.Int(kDossierSchemaVersion);
  o.KStr("generated", opts.generated.empty() ? FormatIsoUtc(std::time(nullptr))
                                             : opts.generated);
  o.Key("tool");
  o.BeginObject();
  o.KStr("name", "dossier");
  o.KStr("version", opts.tool_version);
  o.EndObject();

  o.Key("timings");
  o.BeginObject();
  o.Key("stages");
  o.BeginArray();
  for (const StageTiming& t : corpus.timings) {
    o.BeginObject();
    o.KStr("name", t.name);
    o.Key("seconds");
    o.Num(t.seconds);
    o.KUint("documents", t.documents);
    o.EndObject();
  }
  o.EndArray();
  o.Key("wall_seconds");
  o.Num(corpus.wall_seconds);
  o.EndObject();

  o.Key("documents");
  o.BeginArray();
  for (const Document& doc : corpus.documents) WriteDocument(doc, o, &corpus);
  o.EndArray();

  o.Key("entities");
  WriteEntities(corpus, o);
  o.Key("quotes");
  WriteQuotes(corpus, o);
  o.Key("quote_groups");
  WriteQuoteGroups(corpus, o);
  o.Key("times");
  WriteTimes(corpus, o);
  o.Key("events");
  WriteEvents(corpus, o);
  o.Key("stories");
  WriteStories(corpus, o);
  o.Key("findings");
  o.BeginArray();
  for (const Finding& f : corpus.findings) {
    if (f.doc >= corpus.documents.size()) continue;
    const Document& doc = corpus.documents[f.doc];
    o.BeginObject();
    o.KStr("kind", f.kind);
    o.KStr("doc", doc.meta().id);
    o.Offsets(f.span, doc.text().size());
    o.KStr("text", SafeSlice(doc.text(), f.span));
    o.Key("entity");
    if (f.entity >= 0 && static_cast<size_t>(f.entity) < corpus.entities.size()) {
      o.Str(corpus.entities[f.entity].id);
    } else {
      o.Null();
    }
    o.KStr("claim", f.claim);
    o.KStr("fact", f.fact);
    o.KStrOrNull("kb", f.kb);
    o.KStrOrNull("date", f.date);
    o.KStrOrNull("date_how", f.date_how);
    o.KStr("summary", f.summary);
    o.Key("score");
    o.Num(f.score);
    o.Key("statements");
    o.BeginArray();
    for (const FindingStatement& st : f.statements) {
      if (st.doc >= corpus.documents.size()) continue;
      const Document& sd = corpus.documents[st.doc];
      o.BeginObject();
      o.KStr("doc", sd.meta().id);
      o.Offsets(st.span, sd.text().size());
      o.KStr("text", SafeSlice(sd.text(), st.span));
      o.Key("outlet");
      if (sd.meta().outlet.has_value()) {
        o.Str(*sd.meta().outlet);
      } else {
        o.Null();
      }
      o.KStrOrNull("published", sd.meta().published);
      o.KStr("stance", st.stance);
      o.EndObject();
    }
    o.EndArray();
    o.EndObject();
  }
  o.EndArray();

  o.Key("timeline");
  WriteTimeline(corpus, o);

  o.Key("errors");
  o.BeginArray();
  for (const DocError& e : corpus.errors) {
    o.BeginObject();
    o.KStr("source", e.source);
    o.KStr("code", ErrorCodeId(e.status.code()));
    o.Key("number");
    o.Int(ErrorCodeNumber(e.status.code()));
    o.KStr("message", e.status.message());
    o.EndObject();
  }
  o.EndArray();
  o.EndObject();
  return o.ok();
}

}  // namespace

std::string FormatIsoUtc(std::time_t t) {
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  size_t n = std::strftime(buf, sizeof(buf), "%Y-%m-%dT%H:%M:%SZ", &tm);
  return std::string(buf, n);
}

Status WriteDocumentJson(const Document& doc, std::ostream& out) {
  if (!out) return Status(ErrorCode::kWriteFailed, "output stream not good");
  rapidjson::OStreamWrapper os(out);
  rapidjson::PrettyWriter<rapidjson::OStreamWrapper> w(os);
  w.SetIndent(' ', 2);
  w.SetMaxDecimalPlaces(6);
  Out<rapidjson::PrettyWriter<rapidjson::OStreamWrapper>> o(w);
  WriteDocument(doc, o);
  out << '\n';
  out.flush();
  if (!out) return Status(ErrorCode::kWriteFailed, "writing JSON failed");
  if (!o.ok()) return Status(ErrorCode::kInternal, "JSON writer rejected a value");
  return Status::Ok();
}

Status WriteDossierJson(const Corpus& corpus, const JsonOptions& opts,
                        std::ostream& out) {
  if (!out) return Status(ErrorCode::kWriteFailed, "output stream not good");
  rapidjson::OStreamWrapper os(out);
  bool ok;
  if (opts.pretty) {
    rapidjson::PrettyWriter<rapidjson::OStreamWrapper> w(os);
    w.SetIndent(' ', 2);
    w.SetMaxDecimalPlaces(6);
    ok = WriteAll(corpus, opts, w);
  } else {
    rapidjson::Writer<rapidjson::OStreamWrapper> w(os);
    w.SetMaxDecimalPlaces(6);
    ok = WriteAll(corpus, opts, w);
  }
  out << '\n';
  out.flush();
  if (!out) {
    return Status(ErrorCode::kWriteFailed,
                  "writing dossier.json failed (disk full or stream closed?)");
  }
  if (!ok) {
    return Status(ErrorCode::kInternal, "JSON writer rejected a value");
  }
  return Status::Ok();
}

}  // namespace dossier
