// The `time` eval task on tiny invented TimeML files.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "eval/eval.h"

namespace dossier {
namespace {

namespace fs = std::filesystem;

class TimeEvalTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // One folder per test and process: ctest may run tests in parallel.
    dir_ = fs::temp_directory_path() /
           ("time_eval_test_" +
            std::string(::testing::UnitTest::GetInstance()
                            ->current_test_info()
                            ->name()) +
            "_" + std::to_string(::getpid()));
    fs::create_directories(dir_ / "sub");
  }
  void TearDown() override { fs::remove_all(dir_); }

  void Write(const fs::path& p, const std::string& s) {
    std::ofstream(p, std::ios::binary) << s;
  }

  EvalReport Run(const std::string& path) {
    const EvalTask* task = FindEvalTask("time");
    EXPECT_NE(task, nullptr);
    StatusOr<EvalReport> r = task->Run(path, EvalOptions{});
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? *r : EvalReport{};
  }

  double Get(const EvalReport& r, const std::string& key) {
    const double* v = r.Find(key);
    EXPECT_NE(v, nullptr) << key;
    return v ? *v : -1;
  }

  fs::path dir_;
};

// The creation time is a Friday, 2021-03-05. Entities and tags before the
// expressions make byte offsets in the file and in the text differ.
const char kTessby[] = R"(<?xml version="1.0" ?>
<TimeML>
<DOCID>TESSBY0001</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2021-03-05" temporalFunction="false" functionInDocument="CREATION_TIME">20210305</TIMEX3></DCT>
<TITLE>HARBOUR &amp; DOCK BOARD MEETS</TITLE>
<TEXT>
The Tessby harbour &amp; dock board <EVENT eid="e1" class="OCCURRENCE">met</EVENT> in the old town hall on <TIMEX3 tid="t1" type="DATE" value="2021-03-03" temporalFunction="false" functionInDocument="NONE">March 3, 2021</TIMEX3>, its chair said.

The &quot;fishing families&quot; group had <EVENT eid="e2" class="OCCURRENCE">voted</EVENT> against the plan <TIMEX3 tid="t2" type="DATE" value="1999-01-01" temporalFunction="true" functionInDocument="NONE">yesterday</TIMEX3>, the chair said.

The <TIMEX3 tid="t3" type="DATE" value="2021" temporalFunction="false" functionInDocument="NONE">harbour</TIMEX3> fee for small boats rose on Friday, the board said.

The new tide tables for <TIMEX3 tid="t4" type="DATE" value="2021-04" temporalFunction="false" functionInDocument="NONE">April</TIMEX3> 2021 were printed by the board.
</TEXT>
<TLINK lid="l1" relType="BEFORE" timeID="t1" relatedToTime="t0"/>
</TimeML>
)";

TEST_F(TimeEvalTest, ScoresInventedDocument) {
  Write(dir_ / "sub" / "TESSBY0001.tml", kTessby);
  Write(dir_ / "notes.txt", "not TimeML");
  EvalReport r = Run(dir_.string());
  // Gold: t1 (found exactly), t2 (found exactly, wrong gold value on
  // purpose), t3 (a word no recognizer takes: missed) and t4 ("April",
  // inside the predicted "April 2021": relaxed only). The DCT is not
  // scored. Predicted: "March 3, 2021", "yesterday", "Friday" (no gold)
  // and "April 2021".
  EXPECT_EQ(Get(r, "documents"), 1);
  EXPECT_EQ(Get(r, "gold"), 4);
  EXPECT_EQ(Get(r, "predicted"), 4);
  EXPECT_DOUBLE_EQ(Get(r, "strict.precision"), 0.5);
  EXPECT_DOUBLE_EQ(Get(r, "strict.recall"), 0.5);
  EXPECT_DOUBLE_EQ(Get(r, "relaxed.precision"), 0.75);
  EXPECT_DOUBLE_EQ(Get(r, "relaxed.recall"), 0.75);
  EXPECT_DOUBLE_EQ(Get(r, "relaxed.f1"), 0.75);
  EXPECT_DOUBLE_EQ(Get(r, "type.accuracy"), 1.0);
  EXPECT_DOUBLE_EQ(Get(r, "value.accuracy"), 2.0 / 3);
  EXPECT_DOUBLE_EQ(Get(r, "value.f1"), 0.75 * 2.0 / 3);
  EXPECT_EQ(Get(r, "per_type.DATE.gold"), 4);
  EXPECT_GE(Get(r, "per_second"), 0);

  std::string json = FormatEvalJson(r);
  for (const char* key : {"\"strict\"", "\"relaxed\"", "\"value\"",
                          "\"type\"", "\"accuracy\"", "\"per_second\""}) {
    EXPECT_NE(json.find(key), std::string::npos) << key;
  }
}

TEST_F(TimeEvalTest, CreationTimeInsideTextIsNotScored) {
  const std::string tml = R"(<TimeML>
<TEXT>
VELDEN, <TIMEX3 tid="t0" type="DATE" value="2021-03-05T10:30" functionInDocument="CREATION_TIME">March 5, 2021</TIMEX3> --
The Velden ferry company <EVENT eid="e1">cut</EVENT> its winter timetable <TIMEX3 tid="t1" type="DATE" value="2021-03-04" functionInDocument="NONE">yesterday</TIMEX3>, a spokeswoman said.<TIMEX3 tid="t9" type="DATE" value="PRESENT_REF"/>
</TEXT>
</TimeML>
)";
  Write(dir_ / "VELDEN0002.tml", tml);
  EvalReport r = Run((dir_ / "VELDEN0002.tml").string());
  EXPECT_EQ(Get(r, "gold"), 1);  // not t0, not the empty t9
  EXPECT_DOUBLE_EQ(Get(r, "relaxed.recall"), 1.0);
  // "yesterday" resolved against the creation time's date.
  EXPECT_DOUBLE_EQ(Get(r, "value.accuracy"), 1.0);
}

TEST_F(TimeEvalTest, MissingDataIsAnError) {
  const EvalTask* task = FindEvalTask("time");
  ASSERT_NE(task, nullptr);
  EXPECT_FALSE(task->Run((dir_ / "absent").string(), EvalOptions{}).ok());
  EXPECT_FALSE(task->Run(dir_.string(), EvalOptions{}).ok());  // no .tml
}

}  // namespace
}  // namespace dossier
