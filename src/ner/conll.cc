#include "ner/conll.h"

#include <fstream>
#include <sstream>

namespace dossier {

std::string_view NerTypeName(NerType type) {
  switch (type) {
    case NerType::kPer: return "PER";
    case NerType::kOrg: return "ORG";
    case NerType::kLoc: return "LOC";
    case NerType::kMisc: return "MISC";
  }
  return "MISC";
}

bool ParseNerType(std::string_view name, NerType* type) {
  if (name == "PER" || name == "PERSON") {
    *type = NerType::kPer;
  } else if (name == "ORG" || name == "ORGANIZATION") {
    *type = NerType::kOrg;
  } else if (name == "LOC" || name == "LOCATION") {
    *type = NerType::kLoc;
  } else if (name == "MISC") {
    *type = NerType::kMisc;
  } else {
    return false;
  }
  return true;
}

Status TagsToSpans(const std::vector<std::string_view>& tags, uint32_t offset,
                   std::vector<NerSpan>* out) {
  bool open = false;
  NerSpan cur;
  auto close = [&](uint32_t end) {
    if (open) {
      cur.end = end;
      out->push_back(cur);
    }
    open = false;
  };
  for (uint32_t i = 0; i < tags.size(); ++i) {
    std::string_view t = tags[i];
    if (t == "O") {
      close(offset + i);
      continue;
    }
    NerType type;
    if (t.size() < 3 || t[1] != '-' || !ParseNerType(t.substr(2), &type)) {
      return Status(ErrorCode::kEvalData,
                    "unknown NER tag '" + std::string(t) + "'");
    }
    const char p = t[0];
    if (p != 'B' && p != 'I' && p != 'E' && p != 'L' && p != 'S' && p != 'U') {
      return Status(ErrorCode::kEvalData,
                    "unknown NER tag '" + std::string(t) + "'");
    }
    const bool begin = p == 'B' || p == 'S' || p == 'U' || !open ||
                       cur.type != type;
    if (begin) {
      close(offset + i);
      open = true;
      cur.begin = offset + i;
      cur.type = type;
    }
    if (p == 'E' || p == 'L' || p == 'S' || p == 'U') close(offset + i + 1);
  }
  close(offset + static_cast<uint32_t>(tags.size()));
  return Status::Ok();
}

StatusOr<std::vector<ConllDocument>> ParseConll(std::string_view text,
                                                std::string_view source) {
  std::vector<ConllDocument> docs(1);
  std::vector<std::string_view> tags;
  size_t line_no = 0;
  auto error = [&](const std::string& what) {
    return Status(ErrorCode::kEvalData, std::string(source) + ":" +
                                            std::to_string(line_no) + ": " +
                                            what);
  };
  auto flush = [&]() -> Status {
    ConllDocument& d = docs.back();
    const uint32_t first =
        d.sentence_ends.empty() ? 0 : d.sentence_ends.back();
    if (d.words.size() == first) return Status::Ok();
    Status s = TagsToSpans(tags, first, &d.entities);
    tags.clear();
    if (!s.ok()) return error(s.message());
    d.sentence_ends.push_back(static_cast<uint32_t>(d.words.size()));
    return Status::Ok();
  };
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    // Split on spaces and tabs.
    std::string_view first_col, second_col, last_col;
    int cols = 0;
    size_t i = 0;
    while (i < line.size()) {
      while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
      if (i == line.size()) break;
      size_t j = i;
      while (j < line.size() && line[j] != ' ' && line[j] != '\t') ++j;
      if (cols == 0) first_col = line.substr(i, j - i);
      if (cols == 1) second_col = line.substr(i, j - i);
      last_col = line.substr(i, j - i);
      ++cols;
      i = j;
    }
    if (cols == 0) {
      DOSSIER_RETURN_IF_ERROR(flush());
      continue;
    }
    if (first_col == "-DOCSTART-") {
      DOSSIER_RETURN_IF_ERROR(flush());
      if (!docs.back().words.empty()) docs.emplace_back();
      continue;
    }
    if (cols < 2) return error("expected at least 2 columns (word ... NER)");
    docs.back().words.emplace_back(first_col);
    tags.push_back(last_col);
    if (cols >= 3) docs.back().pos.emplace_back(second_col);
  }
  DOSSIER_RETURN_IF_ERROR(flush());
  if (docs.back().words.empty()) docs.pop_back();
  for (ConllDocument& d : docs) {
    if (d.pos.size() != d.words.size()) d.pos.clear();
  }
  if (docs.empty()) {
    return Status(ErrorCode::kEvalData,
                  std::string(source) + " has no sentences");
  }
  return docs;
}

StatusOr<std::vector<ConllDocument>> ReadConllFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status(ErrorCode::kUnreadable, "cannot open " + path);
  std::ostringstream buf;
  buf << in.rdbuf();
  if (in.bad()) return Status(ErrorCode::kUnreadable, "cannot read " + path);
  const std::string text = buf.str();
  return ParseConll(text, path);
}

}  // namespace dossier
