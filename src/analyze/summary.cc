#include "analyze/summary.h"

#include <cstdio>
#include <map>

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
           " raw=" + std::to_string(d.offsets().ToRaw(q.span.start)) + "-" +
           std::to_string(d.offsets().ToRawEnd(q.span.end)));
    }
    for (const Timex& t : l.times) {
      line("time " + std::string(TimexTypeName(t.type)) + " " +
           Quoted(d.Slice(t.span)) + " = " + t.value);
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
      line(f.kind + " " + d.meta().id + " " + Quoted(d.Slice(f.span)) +
           " claim=" + Quoted(f.claim) + " date=" + f.date + " (" + f.date_how +
           ")");
      line("   fact: " + f.fact);
    }
  }
  return out;
}

}  // namespace dossier
