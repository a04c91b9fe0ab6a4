#include "pos/pos_stage.h"

#include <string_view>
#include <vector>

#include "pos/default_model.h"

namespace dossier {

PosStage::PosStage(std::shared_ptr<const PosModel> model)
    : model_(std::move(model)) {
  if (model_ == nullptr) {
    StatusOr<std::shared_ptr<const PosModel>> m = DefaultPosModel();
    if (m.ok()) {
      model_ = *m;
    } else {
      error_ = m.status();
    }
  }
}

Status PosStage::Run(Document& doc) const {
  if (model_ == nullptr) return error_;
  thread_local PosScratch scratch;
  thread_local std::vector<std::string_view> words;
  thread_local std::vector<uint8_t> tags;
  std::vector<Token>& tokens = doc.layers().tokens;
  auto tag_range = [&](uint32_t begin, uint32_t end) {
    words.clear();
    for (uint32_t i = begin; i < end; ++i) {
      words.push_back(doc.Slice(tokens[i].span));
    }
    model_->Tag(words, &scratch, &tags);
    for (uint32_t i = begin; i < end; ++i) tokens[i].pos = tags[i - begin];
  };
  uint32_t covered = 0;
  auto tag_gap = [&](uint32_t until) {
    // Untagged tokens before a sentence (titles, headings): one sequence.
    if (covered < until) tag_range(covered, until);
  };
  for (const Sentence& s : doc.layers().sentences) {
    if (s.end_token <= s.first_token || s.end_token > tokens.size()) continue;
    if (s.first_token < covered) continue;
    tag_gap(s.first_token);
    tag_range(s.first_token, s.end_token);
    covered = s.end_token;
  }
  tag_gap(static_cast<uint32_t>(tokens.size()));
  return Status::Ok();
}

}  // namespace dossier
