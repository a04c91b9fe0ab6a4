#include "report/json_writer.h"

#include <rapidjson/ostreamwrapper.h>
#include <rapidjson/prettywriter.h>
#include <rapidjson/writer.h>

#include <cmath>
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
  void Int(int64_t v) { ok_ &= w_.Int64(v); }
  void Uint(uint64_t v) { ok_ &= w_.Uint64(v); }
  void Num(double v) { ok_ &= w_.Double(std::isfinite(v) && v > 0 ? v : 0.0); }
  void SignedNum(double v) { ok_ &= w_.Double(std::isfinite(v) ? v : 0.0); }
  void Bool(bool v) { ok_ &= w_.Bool(v); }
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
  if (m.published_how == PublishedHow::kNone || m.published.empty()) {
    o.Null();
  } else {
    o.Str(PublishedHowName(m.published_how));
  }
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
      o.KStrOrNull("cue", SafeSlice(text, q.cue));
      o.Key("group");
      if (q.group >= 0) {
        o.Str("g" + std::to_string(static_cast<int64_t>(q.group) + 1));
      } else {
        o.Null();
      }
      o.EndObject();
    }
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
  o.Key("times");
  WriteTimes(corpus, o);
  o.Key("events");
  o.BeginArray();
  o.EndArray();
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
