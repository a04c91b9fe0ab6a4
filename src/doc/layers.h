// Annotation layers: the plain structs that stages add to a Document.
//
// Every layer is stand-off: it stores UTF-8 byte offsets into the document's
// immutable text (Document::text()), never copies of it. A layer is a
// std::vector kept in text order (by start, then by longer span first) unless
// its comment says otherwise. `Layer` names the layers so that stages can
// declare what they read and write (pipeline/stage.h).
#ifndef DOSSIER_DOC_LAYERS_H_
#define DOSSIER_DOC_LAYERS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dossier {

// A half-open byte range [start, end) of a document's text.
struct Span {
  uint32_t start = 0;
  uint32_t end = 0;
  uint32_t size() const { return end - start; }
  bool empty() const { return end <= start; }
  bool Contains(const Span& o) const {
    return start <= o.start && o.end <= end;
  }
  friend bool operator==(const Span&, const Span&) = default;
};

// The layers a stage can read or write, as bits of a LayerSet.
enum class Layer : uint32_t {
  kText = 1u << 0,       // Document::text() and its offset map
  kMeta = 1u << 1,       // DocMeta: title, outlet, published, ...
  kBlocks = 1u << 2,     // Layers::blocks
  kDateline = 1u << 3,   // Layers::dateline
  kRemoved = 1u << 4,    // Layers::removed (after compaction)
  kSentences = 1u << 5,  // Layers::sentences
  kTokens = 1u << 6,     // Layers::tokens
  kMentions = 1u << 7,   // Layers::mentions
  kQuotes = 1u << 8,     // Layers::quotes
  kTimes = 1u << 9,      // Layers::times
  kEntities = 1u << 10,  // Corpus::entities, Mention::entity
  kQuoteGroups = 1u << 11,  // Quote::group
  kFindings = 1u << 12,     // Corpus::findings
  kStories = 1u << 14,      // Corpus::stories, DocMeta::story
};
using LayerSet = uint32_t;
constexpr LayerSet operator|(Layer a, Layer b) {
  return static_cast<LayerSet>(a) | static_cast<LayerSet>(b);
}
constexpr LayerSet operator|(LayerSet a, Layer b) {
  return a | static_cast<LayerSet>(b);
}
constexpr LayerSet Bit(Layer l) { return static_cast<LayerSet>(l); }
// "blocks,sentences" for messages.
std::string LayerSetToString(LayerSet set);

// A paragraph-level unit of the text: what layout analysis found.
enum class BlockKind : uint8_t {
  kTitle,      // the headline (first line when the input has no title)
  kHeading,    // an inline section heading: not sentences
  kParagraph,  // body prose
  kDateline,   // a dateline line such as "CITY, May 1, 2025 - Agency"
};
std::string_view BlockKindName(BlockKind kind);

struct Block {
  Span span;
  BlockKind kind = BlockKind::kParagraph;
  // Non-empty when a cleaning stage decided the block is boilerplate; the
  // reason, e.g. "subscription_footer". Compaction drops such blocks from the
  // text and lists them in Layers::removed.
  std::string removed_why;
};

// Text that compaction took out of the document, with the reason.
struct Removed {
  std::string text;
  std::string why;
  uint32_t at = 0;  // clean-text offset just after the kept text before it
  uint32_t raw_start = 0;   // its bytes in the raw input
  uint32_t raw_end = 0;
};

// "ISTANBUL, May 15, 2025 - Reuters" read as place, date and agency.
struct Dateline {
  Span span;
  std::string place;   // as written, e.g. "Istanbul"
  std::string date;    // ISO 8601 (YYYY-MM-DD, or YYYY-MM) or empty
  std::string agency;  // e.g. "Reuters", or empty
};

struct Sentence {
  Span span;
  uint32_t first_token = 0;  // index into Layers::tokens
  uint32_t end_token = 0;    // one past the last token
};

// Bits of Token::flags.
enum TokenFlag : uint16_t {
  kTokenAlpha = 1 << 0,        // starts with a letter
  kTokenUpperInitial = 1 << 1, // first letter is upper case
  kTokenAllUpper = 1 << 2,     // every letter is upper case (and >= 2)
  kTokenDigit = 1 << 3,        // starts with a digit
  kTokenPunct = 1 << 4,        // punctuation or symbol only
  kTokenQuoteMark = 1 << 5,    // a quotation mark (straight or curly)
  kTokenSentenceStart = 1 << 6,// first token of a sentence
  kTokenAbbrev = 1 << 7,       // an abbreviation ending in '.', e.g. "Gen."
};

struct Token {
  Span span;
  uint16_t flags = 0;
};

enum class EntityType : uint8_t { kPerson, kOrg, kLoc, kMisc };
std::string_view EntityTypeName(EntityType type);  // "PERSON", ...

// How a mention refers to its entity.
enum class MentionForm : uint8_t {
  kName,        // "Vladimir Putin"
  kSurname,     // "Putin"
  kTitle,       // "President Putin" (span covers the title)
  kDescriptor,  // "the Russian leader"
  kPronoun,     // "he"
};
std::string_view MentionFormName(MentionForm form);  // "name", ...

struct Mention {
  Span span;
  EntityType type = EntityType::kMisc;
  MentionForm form = MentionForm::kName;
  // The part of `span` that is the name proper ("Putin" in "President
  // Putin"); equals `span` when there is no title.
  Span name;
  // Mentions of one document that refer to the same thing share `local`.
  int32_t local = -1;
  // Index into Corpus::entities, set by corpus-level linking; -1 before.
  int32_t entity = -1;
};

enum class QuoteKind : uint8_t { kDirect, kPartial, kIndirect };
std::string_view QuoteKindName(QuoteKind kind);  // "direct", ...

struct Quote {
  Span span;     // the quotation including its marks
  Span content;  // the quoted words without the marks
  QuoteKind kind = QuoteKind::kDirect;
  Span cue;      // reporting verb or phrase ("said", "told reporters"); may
                 // be empty
  Span speaker;  // span naming the source; empty when none was found
  int32_t speaker_mention = -1;  // index into Layers::mentions, or -1
  int32_t group = -1;  // same quote across documents (corpus stage), or -1
};

enum class TimexType : uint8_t { kDate, kTime, kDuration, kSet };
std::string_view TimexTypeName(TimexType type);  // "DATE", ...

struct Timex {
  Span span;
  TimexType type = TimexType::kDate;
  std::string value;  // TIMEX3 value: "2025-05-15", "2025-W20", "P3D", ...
};

// All layers of one document.
struct Layers {
  std::vector<Block> blocks;
  std::optional<Dateline> dateline;
  std::vector<Removed> removed;
  std::vector<Sentence> sentences;
  std::vector<Token> tokens;
  std::vector<Mention> mentions;
  std::vector<Quote> quotes;
  std::vector<Timex> times;
};

}  // namespace dossier

#endif  // DOSSIER_DOC_LAYERS_H_
