#include "doc/layers.h"

namespace dossier {

std::string LayerSetToString(LayerSet set) {
  static constexpr struct {
    Layer layer;
    const char* name;
  } kNames[] = {
      {Layer::kText, "text"},         {Layer::kMeta, "meta"},
      {Layer::kBlocks, "blocks"},     {Layer::kDateline, "dateline"},
      {Layer::kRemoved, "removed"},   {Layer::kSentences, "sentences"},
      {Layer::kTokens, "tokens"},     {Layer::kMentions, "mentions"},
      {Layer::kQuotes, "quotes"},     {Layer::kTimes, "times"},
      {Layer::kEntities, "entities"}, {Layer::kQuoteGroups, "quote_groups"},
      {Layer::kFindings, "findings"},
      {Layer::kFraming, "framing"},
  };
  std::string out;
  for (const auto& n : kNames) {
    if (set & Bit(n.layer)) {
      if (!out.empty()) out += ',';
      out += n.name;
    }
  }
  return out;
}

std::string_view BlockKindName(BlockKind kind) {
  switch (kind) {
    case BlockKind::kTitle: return "title";
    case BlockKind::kHeading: return "heading";
    case BlockKind::kParagraph: return "paragraph";
    case BlockKind::kDateline: return "dateline";
  }
  return "paragraph";
}

std::string_view EntityTypeName(EntityType type) {
  switch (type) {
    case EntityType::kPerson: return "PERSON";
    case EntityType::kOrg: return "ORG";
    case EntityType::kLoc: return "LOC";
    case EntityType::kMisc: return "MISC";
  }
  return "MISC";
}

std::string_view MentionFormName(MentionForm form) {
  switch (form) {
    case MentionForm::kName: return "name";
    case MentionForm::kSurname: return "surname";
    case MentionForm::kTitle: return "title";
    case MentionForm::kDescriptor: return "descriptor";
    case MentionForm::kPronoun: return "pronoun";
  }
  return "name";
}

std::string_view QuoteKindName(QuoteKind kind) {
  switch (kind) {
    case QuoteKind::kDirect: return "direct";
    case QuoteKind::kPartial: return "partial";
    case QuoteKind::kIndirect: return "indirect";
  }
  return "direct";
}

std::string_view TimexTypeName(TimexType type) {
  switch (type) {
    case TimexType::kDate: return "DATE";
    case TimexType::kTime: return "TIME";
    case TimexType::kDuration: return "DURATION";
    case TimexType::kSet: return "SET";
  }
  return "DATE";
}

std::string_view FramingWordKindName(FramingWordKind kind) {
  switch (kind) {
    case FramingWordKind::kPositive:
      return "positive";
    case FramingWordKind::kNegative:
      return "negative";
    case FramingWordKind::kIntensifier:
      return "intensifier";
    case FramingWordKind::kHedge:
      return "hedge";
    case FramingWordKind::kNormative:
      return "normative";
    case FramingWordKind::kLoadedVerb:
      return "loaded_verb";
    case FramingWordKind::kNone:
      break;
  }
  return "none";
}

std::string_view ModalityName(Modality m) {
  switch (m) {
    case Modality::kHappened: return "happened";
    case Modality::kWill: return "will";
    case Modality::kPlanned: return "planned";
    case Modality::kPossible: return "possible";
    case Modality::kConditional: return "conditional";
    case Modality::kRefused: return "refused";
    case Modality::kDenied: return "denied";
  }
  return "happened";
}

}  // namespace dossier
