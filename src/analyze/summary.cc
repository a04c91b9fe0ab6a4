#include "analyze/summary.h"

#include <cstdio>
#include <algorithm>
#include <map>
#include <utility>
#include <vector>

namespace dossier {
namespace {

// Text on one line, shortened to at most `max` bytes (on a UTF-8 boundary).
std::string OneLine(std::string_view s, size_t max = 100) {
  std::string out;
  out.reserve(std::min(s.size(), max) + 4);
  bool space = false;
  for (char c : s) {
    if (c == '\n' || c == '\t' || c == ' ') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  if (out.size() > max) {
    size_t cut = max;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
    out.resize(cut);
    out += "...";
  }
  return out;
}

std::string Quoted(std::string_view s, size_t max = 100) {
  return "\"" + OneLine(s, max) + "\"";
}

std::string Source(const std::string& src, const SummaryOptions& opts) {
  if (!opts.strip_source_prefix.empty() &&
      src.compare(0, opts.strip_source_prefix.size(),
                  opts.strip_source_prefix) == 0) {
    return src.substr(opts.strip_source_prefix.size());
  }
  return src;
}

std::string Fixed2(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

// "framing: editorial 0.25 (3/12), attributed 0.50; words: ...; headline
// supported 0.80".
std::string FramingLine(const Document& d) {
  const Framing& f = d.layers().framing;
  const double n = f.sentences > 0 ? f.sentences : 1;
  std::string s = "framing: editorial " + Fixed2(f.editorial.size() / n) +
                  " (" + std::to_string(f.editorial.size()) + "/" +
                  std::to_string(f.sentences) + "), attributed " +
                  Fixed2(f.attributed / n);
  std::string words;
  size_t shown = 0;
  for (const FramingWord& w : f.words) {
    if (w.kind == FramingWordKind::kHedge) continue;
    if (shown++ == 8) {
      words += ", ...";
      break;
    }
    words += (words.empty() ? "" : ", ") + std::string(d.Slice(w.span));
  }
  if (!words.empty()) s += "; charged: " + words;
  const HeadlineCheck& h = f.headline;
  if (h.checked) {
    s += std::string("; headline ") +
         (h.supported ? "supported " : "not supported ") + Fixed2(h.coverage);
  }
  return s;
}

// One line per outlet, most editorial first: mean editorial and attributed
// shares over its documents. Documents without an outlet count as "(none)".
std::string OutletComparison(const Corpus& corpus) {
  struct Agg {
    double editorial = 0, attributed = 0;
    int docs = 0;
  };
  std::map<std::string, Agg> by;
  for (const Document& d : corpus.documents) {
    const Framing& f = d.layers().framing;
    if (!f.computed || f.sentences == 0) continue;
    Agg& a = by[d.meta().outlet ? *d.meta().outlet : std::string("(none)")];
    a.editorial += static_cast<double>(f.editorial.size()) / f.sentences;
    a.attributed += static_cast<double>(f.attributed) / f.sentences;
    ++a.docs;
  }
  std::vector<std::pair<std::string, Agg>> v(by.begin(), by.end());
  std::stable_sort(v.begin(), v.end(), [](const auto& a, const auto& b) {
    return a.second.editorial / a.second.docs >
           b.second.editorial / b.second.docs;
  });
  std::string out;
  for (const auto& [name, a] : v) {
    out += Quoted(name) + " documents=" + std::to_string(a.docs) +
           " editorial=" + Fixed2(a.editorial / a.docs) +
           " attributed=" + Fixed2(a.attributed / a.docs) + "\n";
  }
  return out;
}

}  // namespace

std::string SummarizeCorpus(const Corpus& corpus, const SummaryOptions& opts) {
  std::string out;
  auto line = [&out](const std::string& s) {
    out += s;
    out += '\n';
  };
  line("documents: " + std::to_string(corpus.documents.size()) +
       ", duplicates folded: " + std::to_string(corpus.duplicates_dropped) +
       ", entities: " + std::to_string(corpus.entities.size()) +
       ", errors: " + std::to_string(corpus.errors.size()));
  for (const Document& d : corpus.documents) {
    const DocMeta& m = d.meta();
    const Layers& l = d.layers();
    line("");
    line("== " + m.id + " " + Source(m.source, opts));
    line("title: " + Quoted(m.title, 200));
    line("outlet: " + (m.outlet ? Quoted(*m.outlet) + " (" + m.outlet_how + ")"
                                : std::string("null")));
    line("published: " +
         (m.published.empty()
              ? std::string("null")
              : m.published + " (" +
                    std::string(PublishedHowName(m.published_how)) + ")"));
    if (m.published_how == PublishedHow::kInferred &&
        !m.published_earliest.empty()) {
      line("published range: " + m.published_earliest + ".." +
           m.published_latest + " (inferred)");
      for (const PublishedEvidence& e : m.published_evidence) {
        line("   evidence " + e.doc + " " + std::to_string(e.span.start) + "-" +
             std::to_string(e.span.end) + ": " + OneLine(e.why, 200));
      }
    }
    if (!m.url.empty()) line("url: " + Quoted(m.url, 200));
    if (!m.authors.empty()) {
      std::string authors;
      for (const std::string& a : m.authors) {
        authors += (authors.empty() ? "" : ", ") + Quoted(a);
      }
      line("authors: " + authors);
    }
    if (m.language != "en") line("language: " + m.language);
    if (l.dateline) {
      line("dateline: place=" + Quoted(l.dateline->place) + " date=" +
           (l.dateline->date.empty() ? "null" : l.dateline->date) +
           " agency=" +
           (l.dateline->agency.empty() ? "null" : Quoted(l.dateline->agency)));
    } else {
      line("dateline: null");
    }
    size_t paragraphs = 0;
    for (const Block& b : l.blocks) {
      if (b.kind == BlockKind::kHeading) line("heading: " + Quoted(d.Slice(b.span)));
      if (b.kind == BlockKind::kParagraph) ++paragraphs;
    }
    line("paragraphs: " + std::to_string(paragraphs) +
         ", sentences: " + std::to_string(l.sentences.size()) +
         ", tokens: " + std::to_string(l.tokens.size()));
    for (const DuplicateRef& dup : m.duplicates) {
      char sim[16];
      std::snprintf(sim, sizeof sim, "%.2f", dup.similarity);
      line("duplicate: " + dup.id + " " + Source(dup.source, opts) +
           " similarity=" + sim);
    }
    for (const Removed& r : l.removed) {
      line("removed " + r.why + ": " + Quoted(r.text, 80));
    }
    if (opts.mentions) {
      for (const Mention& mn : l.mentions) {
        std::string ent = mn.entity >= 0 && static_cast<size_t>(mn.entity) <
                                                corpus.entities.size()
                              ? corpus.entities[mn.entity].id
                              : std::string("-");
        line("mention " + std::string(EntityTypeName(mn.type)) + " " +
             std::string(MentionFormName(mn.form)) + " " +
             Quoted(d.Slice(mn.span)) + " -> " + ent);
      }
    }
    for (const Quote& q : l.quotes) {
      std::string speaker = q.speaker.empty() ? "null" : Quoted(d.Slice(q.speaker));
      if (q.speaker_mention >= 0) {
        const Mention& sm = l.mentions[q.speaker_mention];
        if (sm.entity >= 0 &&
            static_cast<size_t>(sm.entity) < corpus.entities.size()) {
          speaker += " = " + corpus.entities[sm.entity].id + " " +
                     Quoted(corpus.entities[sm.entity].name);
        }
      }
      line("quote " + std::string(QuoteKindName(q.kind)) + " " +
           Quoted(d.Slice(q.content), 70) + " speaker=" + speaker +
           " cue=" + (q.cue.empty() ? "null" : Quoted(d.Slice(q.cue))) +
           (q.group >= 0 ? " group=g" + std::to_string(q.group + 1) : "") +
           (q.variant >= 0 ? " variant=" + std::to_string(q.variant + 1)
                           : "") +
           (q.relay.empty() ? "" : " relay=" + Quoted(d.Slice(q.relay))) +
           (q.anonymous >= 0 ? " anonymous=a" + std::to_string(q.anonymous + 1)
                             : "") +
           (q.misquote.empty() ? "" : " misquote=" + Quoted(q.misquote)) +
           " raw=" + std::to_string(d.offsets().ToRaw(q.span.start)) + "-" +
           std::to_string(d.offsets().ToRawEnd(q.span.end)));
    }
    for (const Timex& t : l.times) {
      line("time " + std::string(TimexTypeName(t.type)) + " " +
           Quoted(d.Slice(t.span)) + " = " + t.value);
    }
    if (l.framing.computed) line(FramingLine(d));
    // Events with a PLOVER category, a negation or a modality other than
    // "happened" (the rest are in dossier.json).
    for (const EventFrame& e : l.events) {
      if (e.category.empty() && !e.negated &&
          e.modality == Modality::kHappened) {
        continue;
      }
      std::string s = "event " + (e.category.empty() ? "-" : e.category) +
                      " " + Quoted(e.lemma) + " " +
                      std::string(ModalityName(e.modality)) +
                      (e.negated ? " negated" : "");
      if (!e.actor.empty()) s += " actor=" + Quoted(d.Slice(e.actor), 40);
      if (!e.target.empty()) {
        s += std::string(" target") + (e.target_inferred ? "~" : "") + "=" +
             Quoted(d.Slice(e.target), 40);
      }
      if (!e.place.empty()) s += " place=" + Quoted(d.Slice(e.place));
      if (e.time >= 0 && static_cast<size_t>(e.time) < l.times.size()) {
        s += " time=" + l.times[e.time].value;
      }
      if (!e.condition.empty()) s += " if=" + Quoted(d.Slice(e.condition), 50);
      if (e.quote >= 0 && static_cast<size_t>(e.quote) < l.quotes.size() &&
          !l.quotes[e.quote].speaker.empty()) {
        s += " by=" + Quoted(d.Slice(l.quotes[e.quote].speaker), 40);
      }
      line(s);
    }
  }
  if (!corpus.entities.empty()) {
    line("");
    line("== entities");
    for (const Entity& e : corpus.entities) {
      std::string aliases;
      for (const std::string& a : e.aliases) {
        aliases += aliases.empty() ? "" : ", ";
        aliases += a;
      }
      std::map<uint32_t, int> docs;
      for (const MentionRef& r : e.mentions) docs[r.doc]++;
      line(e.id + " " + std::string(EntityTypeName(e.type)) + " " +
           Quoted(e.name) + " mentions=" + std::to_string(e.mentions.size()) +
           " docs=" + std::to_string(docs.size()) +
           (aliases.empty() ? "" : " aliases=[" + aliases + "]") +
           (e.kb.empty() ? "" : " kb=" + e.kb));
      if (!e.roles.empty()) {
        std::string roles;
        for (const std::string& r : e.roles) {
          roles += (roles.empty() ? "" : "; ") + r;
        }
        line("   roles: " + roles);
      }
    }
  }
  if (!corpus.stories.empty()) {
    line("");
    line("== stories");
    for (const Story& s : corpus.stories) {
      std::string docs, keywords;
      for (uint32_t d : s.documents) {
        if (d >= corpus.documents.size()) continue;
        docs += (docs.empty() ? "" : ",") + corpus.documents[d].meta().id;
      }
      for (const std::string& k : s.keywords) {
        keywords += (keywords.empty() ? "" : ",") + k;
      }
      std::string dates =
          s.first_published.empty()
              ? std::string("null")
              : s.first_published + ".." + s.last_published;
      line(s.id + " " + Quoted(s.label) + " docs=" + docs +
           " published=" + dates + " keywords=" + keywords);
    }
  }
  if (!corpus.errors.empty()) {
    line("");
    line("== errors");
    for (const DocError& e : corpus.errors) {
      line(Source(e.source, opts) + ": " + e.status.ToString());
    }
  }
  if (!corpus.findings.empty()) {
    line("");
    line("== findings");
    for (const Finding& f : corpus.findings) {
      if (f.doc >= corpus.documents.size()) continue;
      const Document& d = corpus.documents[f.doc];
      if (f.kind != "role_conflict") {
        line(f.kind + ": " + f.summary);
        for (const FindingStatement& st : f.statements) {
          if (st.doc >= corpus.documents.size()) continue;
          const Document& sd = corpus.documents[st.doc];
          line("   " + sd.meta().id + " " +
               (sd.meta().published.empty() ? "undated" : sd.meta().published) +
               " " + st.stance + ": " + Quoted(sd.Slice(st.span), 90));
        }
        continue;
      }
      line(f.kind + " " + d.meta().id + " " + Quoted(d.Slice(f.span)) +
           " claim=" + Quoted(f.claim) + " date=" + f.date + " (" + f.date_how +
           ")");
      line("   fact: " + f.fact);
    }
  }
  const std::string outlets = OutletComparison(corpus);
  if (!outlets.empty()) {
    line("");
    line("== outlets (editorial share: unattributed evaluations and predictions)");
    out += outlets;
  }
  if (!corpus.timeline.empty()) {
    line("");
    line("== timeline");
    for (const TimelineItem& item : corpus.timeline) {
      std::string who;
      for (int32_t e : item.entities) {
        if (e < 0 || static_cast<size_t>(e) >= corpus.entities.size()) continue;
        who += (who.empty() ? "" : ",") + corpus.entities[e].id;
      }
      std::string what;
      for (const std::string& k : item.keywords) {
        what += (what.empty() ? "" : ",") + k;
      }
      line(item.date + " entities=[" + who + "] keywords=[" + what + "]");
      for (const TimelineSpan& s : item.spans) {
        if (s.doc >= corpus.documents.size()) continue;
        const Document& d = corpus.documents[s.doc];
        line("   " + d.meta().id + " " + Quoted(d.Slice(s.time)) + " = " +
             s.value + (s.quote >= 0 ? " (quote)" : "") + ": " +
             Quoted(d.Slice(s.sentence), 90));
      }
    }
  }
  return out;
}

}  // namespace dossier
