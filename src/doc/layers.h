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
  kFraming = 1u << 13,      // Layers::framing
  kPos = 1u << 20,          // Token::pos (part-of-speech tags)
  kEvents = 1u << 21,       // Layers::events
  kTimeline = 1u << 22,     // Corpus::timeline
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
  uint8_t pos = 0;  // Penn Treebank tag (pos/tags.h PosTag), 0 = not tagged
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
  // A joint speaker ("Ada Roe and Tom Eke said"): the mention of each
  // coordinated person or organisation, in order (speaker_mention is the
  // first); empty for a single speaker.
  std::vector<int32_t> joint_mentions;
  int32_t group = -1;  // same quote across documents (corpus stage), or -1
  // The report the article has the quote from ("..., the Daily Courier
  // reported", "according to a pool report"); empty when none.
  Span relay;
  int32_t relay_mention = -1;  // index into Layers::mentions, or -1
  // An unnamed source ("a diplomat speaking on condition of anonymity"):
  // 0, 1, ... per document, the same for later references to it ("the
  // official"); -1 for named or no speakers.
  int32_t anonymous = -1;
  // Within `group`: 0, 1, ... one per distinct wording (corpus stage), -1
  // when not grouped; `misquote` describes how this wording changes the
  // meaning of the group's main wording (empty when it does not).
  int32_t variant = -1;
  std::string misquote;
};

enum class TimexType : uint8_t { kDate, kTime, kDuration, kSet };
std::string_view TimexTypeName(TimexType type);  // "DATE", ...

struct Timex {
  Span span;
  TimexType type = TimexType::kDate;
  std::string value;  // TIMEX3 value: "2025-05-15", "2025-W20", "P3D", ...
};

// How the document's own voice colours the story (framing/FramingStage).
enum class FramingWordKind : uint8_t {
  kNone,
  kPositive,     // an approving evaluation: "effective", "bold", "historic"
  kNegative,     // a disapproving evaluation: "failed", "reckless", "chaos"
  kIntensifier,  // emphasis: "very", "utterly", "massive"
  kHedge,        // prediction, speculation, stance: "may", "likely", "clearly"
  kNormative,    // what ought to be: "should", "must"
  kLoadedVerb,   // a charged verb: "slammed", "boasted"
};

// "positive", "negative", "intensifier", "hedge", "normative", "loaded_verb".
std::string_view FramingWordKindName(FramingWordKind kind);

// A framing word outside quotations: the outlet's wording, not a source's.
struct FramingWord {
  Span span;
  FramingWordKind kind = FramingWordKind::kNone;
};

// Evaluative words in the unattributed sentences that mention a referent.
struct EntityTone {
  int32_t mention = -1;  // the referent's first mention (Layers::mentions)
  uint32_t sentences = 0;
  uint32_t positive = 0;
  uint32_t negative = 0;
};

// Whether the body backs the headline's words and names.
struct HeadlineCheck {
  bool checked = false;    // there is a headline with content words
  bool supported = false;  // coverage >= 0.5 and every headline name found
  float coverage = 0;      // share of headline content words in `evidence`
  Span evidence;           // the best body passage (one or two sentences)
  std::vector<Span> missing;  // headline words and names the body lacks
};

struct Framing {
  bool computed = false;
  uint32_t sentences = 0;         // body sentences considered
  uint32_t attributed = 0;        // of those, reporting a source's words
  std::vector<Span> editorial;    // unattributed evaluations / predictions
  std::vector<FramingWord> words;  // charged and hedging words, text order
  std::vector<EntityTone> tone;    // by first mention, text order
  HeadlineCheck headline;
};

// What an event statement says about its event happening.
enum class Modality : uint8_t {
  kHappened,     // reported as fact (past or present)
  kWill,         // future: will, would, 'll, going to, expected to
  kPlanned,      // plan, scheduled, intend, set to
  kPossible,     // may, might, could, possibly
  kConditional,  // under a condition (if / unless): Event::condition
  kRefused,      // declined, refused
  kDenied,       // denied
};
std::string_view ModalityName(Modality m);  // "happened", "will", ...

// An event frame: who does what to whom, where and when, as one sentence
// (or one quote's content) states it.
struct EventFrame {
  Span span;       // the clause: actor .. last argument (or trigger)
  Span trigger;    // the predicate word ("attend", "talks")
  std::string lemma;     // "attend"
  std::string category;  // PLOVER category ("CONSULT"), empty when none
  Span actor;      // subject phrase; empty when none found
  int32_t actor_mention = -1;   // index into Layers::mentions, or -1
  Span target;     // object phrase; may be empty
  int32_t target_mention = -1;
  bool target_inferred = false;  // implicit ("will not attend"): taken from
                                 // the meeting named last before it
  Span place;      // "Istanbul" of "in Istanbul"; may be empty
  int32_t place_mention = -1;
  int32_t time = -1;            // index into Layers::times, or -1
  bool negated = false;
  Modality modality = Modality::kHappened;
  Span condition;  // the if/unless clause when conditional
  int32_t quote = -1;  // index into Layers::quotes when inside its content
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
  Framing framing;
  std::vector<EventFrame> events;
};

}  // namespace dossier

#endif  // DOSSIER_DOC_LAYERS_H_
