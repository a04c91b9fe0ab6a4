#include "pipeline/driver.h"

#include <gtest/gtest.h>

#include <atomic>

namespace dossier {
namespace {

// Writes one block over the whole text; fails on documents saying "FAIL".
class WholeBlockStage : public DocumentStage {
 public:
  std::string_view name() const override { return "whole"; }
  LayerSet reads() const override { return Bit(Layer::kText); }
  LayerSet writes() const override { return Bit(Layer::kBlocks); }
  Status Run(Document& doc) const override {
    if (doc.text() == "FAIL") return Status(ErrorCode::kStageFailed, "boom");
    uint32_t n = static_cast<uint32_t>(doc.text().size());
    doc.layers().blocks.push_back({{0, n}, BlockKind::kParagraph, ""});
    return Status::Ok();
  }
};

class NeedsMentionsStage : public DocumentStage {
 public:
  std::string_view name() const override { return "needs"; }
  LayerSet reads() const override { return Bit(Layer::kMentions); }
  LayerSet writes() const override { return 0; }
  Status Run(Document&) const override { return Status::Ok(); }
};

// Counts the bytes of all documents and stores the total as the title of
// the first document.
class CountStage : public CorpusStage {
 public:
  struct Acc : Accumulator {
    size_t bytes = 0;
    void Consume(uint32_t, const Document& d) override {
      bytes += d.text().size();
    }
    void Merge(Accumulator&& o) override { bytes += static_cast<Acc&>(o).bytes; }
  };
  std::string_view name() const override { return "count"; }
  LayerSet reads() const override { return Bit(Layer::kText); }
  LayerSet writes() const override { return Bit(Layer::kMeta); }
  std::unique_ptr<Accumulator> NewAccumulator() const override {
    return std::make_unique<Acc>();
  }
  Status Finalize(Accumulator& acc, Corpus& corpus) const override {
    corpus.documents[0].meta().title =
        std::to_string(static_cast<Acc&>(acc).bytes);
    return Status::Ok();
  }
};

DocumentFactory FromStrings(const std::vector<std::string>& texts) {
  return [texts](size_t i) -> StatusOr<Document> {
    if (texts[i].empty()) return Status(ErrorCode::kEmptyInput, "empty");
    DocMeta m;
    m.id = "d" + std::to_string(i + 1);
    return Document(m, texts[i],
                    OffsetMap::Identity(static_cast<uint32_t>(texts[i].size())));
  };
}

TEST(PipelineTest, ValidateRejectsReadingUnwrittenLayer) {
  Pipeline p;
  p.Add(std::make_unique<NeedsMentionsStage>());
  Status s = p.Validate();
  EXPECT_EQ(s.code(), ErrorCode::kPipelineInvalid);
  EXPECT_NE(s.message().find("mentions"), std::string::npos);
}

TEST(PipelineTest, FailedDocumentsAreRecordedAndOthersContinue) {
  std::vector<std::string> texts = {"one", "", "FAIL", "four"};
  Pipeline p;
  p.Add(std::make_unique<WholeBlockStage>());
  Corpus c;
  RunOptions opts;
  opts.threads = 2;
  ASSERT_TRUE(p.Run(texts.size(), FromStrings(texts),
                    {"a", "b", "c", "d"}, opts, c)
                  .ok());
  ASSERT_EQ(c.documents.size(), 2u);
  EXPECT_EQ(c.documents[0].meta().id, "d1");
  EXPECT_EQ(c.documents[1].meta().id, "d4");
  ASSERT_EQ(c.errors.size(), 2u);
  EXPECT_EQ(c.errors[0].source, "b");
  EXPECT_EQ(c.errors[0].status.code(), ErrorCode::kEmptyInput);
  EXPECT_EQ(c.errors[1].source, "c");
  EXPECT_NE(c.errors[1].status.message().find("whole"), std::string::npos);
}

TEST(PipelineTest, CorpusStageSeesAllDocumentsFromAllThreads) {
  std::vector<std::string> texts(50, "abcd");
  Pipeline p;
  p.Add(std::make_unique<WholeBlockStage>());
  p.Add(std::make_unique<CountStage>());
  Corpus c;
  RunOptions opts;
  opts.threads = 4;
  ASSERT_TRUE(p.Run(texts.size(), FromStrings(texts), {}, opts, c).ok());
  EXPECT_EQ(c.documents.size(), 50u);
  EXPECT_EQ(c.documents[0].meta().title, "200");
}

TEST(PipelineTest, CompactStepAppliesRemovals) {
  class MarkStage : public DocumentStage {
   public:
    std::string_view name() const override { return "mark"; }
    LayerSet reads() const override { return Bit(Layer::kBlocks); }
    LayerSet writes() const override { return Bit(Layer::kBlocks); }
    Status Run(Document& doc) const override {
      doc.layers().blocks[0].removed_why = "test";
      return Status::Ok();
    }
  };
  Pipeline p;
  p.Add(std::make_unique<WholeBlockStage>());
  p.Add(std::make_unique<MarkStage>());
  p.Compact();
  Corpus c;
  ASSERT_TRUE(p.Run(1, FromStrings({"gone"}), {}, {}, c).ok());
  ASSERT_EQ(c.documents.size(), 1u);
  EXPECT_EQ(c.documents[0].text(), "");
  ASSERT_EQ(c.documents[0].layers().removed.size(), 1u);
  EXPECT_EQ(c.documents[0].layers().removed[0].text, "gone");
}

TEST(PipelineTest, TimingsNameEveryStep) {
  Pipeline p;
  p.Add(std::make_unique<WholeBlockStage>());
  p.Compact();
  Corpus c;
  std::atomic<size_t> calls{0};
  RunOptions opts;
  opts.progress = [&](size_t, size_t) { ++calls; };
  ASSERT_TRUE(p.Run(3, FromStrings({"a", "b", "c"}), {}, opts, c).ok());
  ASSERT_EQ(c.timings.size(), 3u);
  EXPECT_EQ(c.timings[0].name, "read");
  EXPECT_EQ(c.timings[1].name, "whole");
  EXPECT_EQ(c.timings[2].name, "compact");
  EXPECT_EQ(c.timings[1].documents, 3u);
  EXPECT_EQ(calls.load(), 3u);
}

}  // namespace
}  // namespace dossier
