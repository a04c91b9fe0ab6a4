#include "meta/outlet_stage.h"

#include <gtest/gtest.h>

#include "meta/dateline_stage.h"
#include "doc/testing_doc.h"

namespace dossier {
namespace {

using testing_doc::MakeDoc;

constexpr std::string_view kBody =
    "President Mara Velden of Norland opened the new bridge on Monday.\n"
    "The bridge links the two halves of the old harbour town.\n";

Document RunOutlet(std::string text, DocMeta meta = {}) {
  Document doc = MakeDoc(std::move(text), std::move(meta));
  DatelineStage dateline;
  OutletStage outlet;
  EXPECT_TRUE(dateline.Run(doc).ok());
  EXPECT_TRUE(outlet.Run(doc).ok());
  return doc;
}

TEST(OutletStageTest, MetadataOutletIsKept) {
  DocMeta meta;
  meta.outlet = "Norland Daily";
  Document doc = RunOutlet(
      "Bridge opens\n" + std::string(kBody) + "© 2024 Caldera Herald\n", meta);
  EXPECT_EQ(doc.meta().outlet, "Norland Daily");
  EXPECT_EQ(doc.meta().outlet_how, "metadata");
}

TEST(OutletStageTest, EmptyMetadataOutletIsIgnored) {
  DocMeta meta;
  meta.outlet = "  ";
  Document doc = RunOutlet("Bridge opens\n" + std::string(kBody), meta);
  EXPECT_FALSE(doc.meta().outlet.has_value());
  EXPECT_EQ(doc.meta().outlet_how, "");
}

TEST(OutletStageTest, SubscribeFooterNamesOutlet) {
  Document doc = RunOutlet("Bridge opens\n" + std::string(kBody) +
                           "Subscribe to The Caldera Herald\n");
  EXPECT_EQ(doc.meta().outlet, "The Caldera Herald");
  EXPECT_EQ(doc.meta().outlet_how, "footer");
}

TEST(OutletStageTest, NewsletterSignUpDropsLowerCaseThe) {
  Document doc = RunOutlet("Bridge opens\n" + std::string(kBody) +
                           "Sign up for the Caldera Herald newsletter\n");
  EXPECT_EQ(doc.meta().outlet, "Caldera Herald");
}

TEST(OutletStageTest, CopyrightSymbolLine) {
  Document doc = RunOutlet("Bridge opens\n" + std::string(kBody) +
                           "© 2024 Caldera Herald\n");
  EXPECT_EQ(doc.meta().outlet, "Caldera Herald");
}

TEST(OutletStageTest, CopyrightWordLineTrimsSentence) {
  Document doc = RunOutlet("Bridge opens\n" + std::string(kBody) +
                           "Copyright 2024 Caldera Herald. All rights "
                           "reserved.\n");
  EXPECT_EQ(doc.meta().outlet, "Caldera Herald");
}

TEST(OutletStageTest, OriginallyAppearedOn) {
  Document doc = RunOutlet("Bridge opens\n" + std::string(kBody) +
                           "This article originally appeared on Norland "
                           "Weekly.\n");
  EXPECT_EQ(doc.meta().outlet, "Norland Weekly");
}

TEST(OutletStageTest, FollowOnSocialNetwork) {
  Document doc = RunOutlet("Bridge opens\n" + std::string(kBody) +
                           "Follow The Caldera Herald on Bluesky\n");
  EXPECT_EQ(doc.meta().outlet, "The Caldera Herald");
}

TEST(OutletStageTest, FollowLineNamingAPersonIsNotAnOutlet) {
  Document doc = RunOutlet("Bridge opens\n" + std::string(kBody) +
                           "Follow Ansel Dahl on Bluesky @ansel\n");
  EXPECT_FALSE(doc.meta().outlet.has_value());
}

TEST(OutletStageTest, GenericFootersNameNoOutlet) {
  Document doc = RunOutlet("Bridge opens\n" + std::string(kBody) +
                           "Subscribe to our newsletter\n"
                           "Follow us on Twitter\n"
                           "Sign up for free\n");
  EXPECT_FALSE(doc.meta().outlet.has_value());
}

TEST(OutletStageTest, DatelineAgencyWhenNoFooter) {
  Document doc = RunOutlet("Bridge opens\nOSLO, March 3, 2024 – Nordpress\n" +
                           std::string(kBody));
  EXPECT_EQ(doc.meta().outlet, "Nordpress");
  EXPECT_EQ(doc.meta().outlet_how, "dateline");
}

TEST(OutletStageTest, FooterBeatsDatelineAgency) {
  Document doc = RunOutlet(
      "Bridge opens\nOSLO (Nordpress) — The bridge "
      "opened.\n" +
      std::string(kBody) + "© 2024 Caldera Herald\n");
  EXPECT_EQ(doc.meta().outlet, "Caldera Herald");
  EXPECT_EQ(doc.meta().outlet_how, "footer");
}

TEST(OutletStageTest, CopyrightBeatsFollowLine) {
  Document doc = RunOutlet("Bridge opens\n" + std::string(kBody) +
                           "© 2024 Caldera Herald\n"
                           "Follow Mara Velden on Bluesky\n");
  EXPECT_EQ(doc.meta().outlet, "Caldera Herald");
}

TEST(OutletStageTest, MediumCitedInBodyIsNeverTheOutlet) {
  Document doc = RunOutlet("Bridge opens\n" + std::string(kBody) +
                           "The Wall Street Journal reported the deal first.\n"
                           "The cost rose sharply, according to Reuters.\n"
                           "Nordpress said the bridge would open on time.\n");
  EXPECT_FALSE(doc.meta().outlet.has_value());
  EXPECT_EQ(doc.meta().outlet_how, "");
}

TEST(OutletStageTest, FooterFarFromTheEndIsIgnored) {
  std::string text = "Bridge opens\n© 2024 Caldera Herald\n";
  for (int i = 0; i < 12; ++i) {
    text += "Body paragraph " + std::to_string(i) + " about the bridge.\n";
  }
  Document doc = RunOutlet(text);
  EXPECT_FALSE(doc.meta().outlet.has_value());
}

TEST(OutletStageTest, LongProseWithSubscribeIsNotAFooter) {
  OutletStage stage;
  EXPECT_FALSE(stage
                   .FooterOutlet("Subscribe to The Caldera Herald was the "
                                 "advice of many readers who wrote to the "
                                 "council over the years, asking for more "
                                 "coverage of the harbour and its long "
                                 "history of floods and storms.")
                   .has_value());
}

TEST(OutletStageTest, BareDomainFooter) {
  OutletStage stage;
  EXPECT_EQ(stage.FooterOutlet("This story first appeared on "
                               "calderaherald.com."),
            "calderaherald.com");
}

}  // namespace
}  // namespace dossier
