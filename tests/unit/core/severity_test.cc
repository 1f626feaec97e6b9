#include "gates/core/severity.h"

#include <gtest/gtest.h>

namespace secgate::core {
namespace {

TEST(SeverityTest, ToolWordsMapToTheScale) {
  EXPECT_EQ(ParseSeverityWord("CRITICAL"), Severity::kCritical);
  EXPECT_EQ(ParseSeverityWord("High"), Severity::kHigh);
  EXPECT_EQ(ParseSeverityWord("moderate"), Severity::kMedium);  // npm
  EXPECT_EQ(ParseSeverityWord("MODERATE"), Severity::kMedium);  // GHSA in OSV
  EXPECT_EQ(ParseSeverityWord("medium"), Severity::kMedium);
  EXPECT_EQ(ParseSeverityWord("info"), Severity::kLow);         // npm info
  EXPECT_EQ(ParseSeverityWord("Negligible"), Severity::kLow);   // Grype
  EXPECT_EQ(ParseSeverityWord("low"), Severity::kLow);
  EXPECT_EQ(ParseSeverityWord("UNKNOWN"), Severity::kUnknown);
  EXPECT_EQ(ParseSeverityWord(""), Severity::kUnknown);
  EXPECT_EQ(ParseSeverityWord("SUPER"), std::nullopt);
  EXPECT_EQ(ParseSeverityWord("hi"), std::nullopt);
}

TEST(SeverityTest, ThresholdsRejectUnknown) {
  EXPECT_EQ(ParseThreshold("high"), Severity::kHigh);
  EXPECT_EQ(ParseThreshold("unknown"), std::nullopt);
  EXPECT_EQ(ParseThreshold("hgih"), std::nullopt);
}

TEST(SeverityTest, CvssV3Bands) {
  EXPECT_EQ(SeverityFromCvss(0.0), Severity::kUnknown);
  EXPECT_EQ(SeverityFromCvss(0.1), Severity::kLow);
  EXPECT_EQ(SeverityFromCvss(3.9), Severity::kLow);
  EXPECT_EQ(SeverityFromCvss(4.0), Severity::kMedium);
  EXPECT_EQ(SeverityFromCvss(6.9), Severity::kMedium);
  EXPECT_EQ(SeverityFromCvss(7.0), Severity::kHigh);
  EXPECT_EQ(SeverityFromCvss(8.9), Severity::kHigh);
  EXPECT_EQ(SeverityFromCvss(9.0), Severity::kCritical);
  EXPECT_EQ(SeverityFromCvss(10.0), Severity::kCritical);
  EXPECT_EQ(SeverityFromCvss(10.1), Severity::kUnknown);
  EXPECT_EQ(SeverityFromCvss(-1), Severity::kUnknown);
}

TEST(SeverityTest, CvssV2HasNoCriticalBand) {
  EXPECT_EQ(SeverityFromCvss(10.0, 2), Severity::kHigh);
  EXPECT_EQ(SeverityFromCvss(7.0, 2), Severity::kHigh);
  EXPECT_EQ(SeverityFromCvss(6.9, 2), Severity::kMedium);
  EXPECT_EQ(SeverityFromCvss(3.9, 2), Severity::kLow);
}

TEST(SeverityTest, TrivyVendorIntegers) {
  EXPECT_EQ(SeverityFromTrivyInt(0), Severity::kUnknown);
  EXPECT_EQ(SeverityFromTrivyInt(4), Severity::kCritical);
  EXPECT_EQ(SeverityFromTrivyInt(5), std::nullopt);
  EXPECT_EQ(SeverityFromTrivyInt(-1), std::nullopt);
}

// Scores published by NVD for these vectors.
TEST(SeverityTest, CvssV3BaseScoreMatchesPublishedScores) {
  EXPECT_EQ(CvssV3BaseScore("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"), 9.8);
  EXPECT_EQ(CvssV3BaseScore("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H"), 7.5);
  EXPECT_EQ(CvssV3BaseScore("CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N"), 6.1);
  EXPECT_EQ(CvssV3BaseScore("CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H"), 10.0);
  EXPECT_EQ(CvssV3BaseScore("CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N"), 5.5);
  EXPECT_EQ(CvssV3BaseScore("CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:N/A:N"), 0.0);
  EXPECT_EQ(CvssV3BaseScore("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:L/A:N"), 5.3);
}

TEST(SeverityTest, MalformedCvssVectorsAreRejected) {
  EXPECT_EQ(CvssV3BaseScore(""), std::nullopt);
  EXPECT_EQ(CvssV3BaseScore("CVSS:3.1/AV:N"), std::nullopt);
  EXPECT_EQ(CvssV3BaseScore("CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"), std::nullopt);
  EXPECT_EQ(CvssV3BaseScore("CVSS:3.1/AV:N/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"), std::nullopt);
  EXPECT_EQ(CvssV3BaseScore("CVSS:2.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"), std::nullopt);
}

TEST(SeverityTest, CvssV2BaseScore) {
  EXPECT_EQ(CvssV2BaseScore("AV:N/AC:L/Au:N/C:P/I:P/A:P"), 7.5);
  EXPECT_EQ(CvssV2BaseScore("AV:N/AC:M/Au:N/C:N/I:P/A:N"), 4.3);
  EXPECT_EQ(CvssV2BaseScore("(AV:N/AC:L/Au:N/C:C/I:C/A:C)"), 10.0);
  EXPECT_EQ(CvssV2BaseScore("AV:N/AC:L"), std::nullopt);
}

TEST(SeverityTest, NamesAndRepresentativeScores) {
  EXPECT_EQ(SeverityName(Severity::kMedium), "medium");
  EXPECT_EQ(SeverityUpperName(Severity::kCritical), "CRITICAL");
  EXPECT_EQ(SeverityFromCvss(RepresentativeScore(Severity::kCritical)), Severity::kCritical);
  EXPECT_EQ(SeverityFromCvss(RepresentativeScore(Severity::kHigh)), Severity::kHigh);
  EXPECT_EQ(SeverityFromCvss(RepresentativeScore(Severity::kMedium)), Severity::kMedium);
  EXPECT_EQ(SeverityFromCvss(RepresentativeScore(Severity::kLow)), Severity::kLow);
}

}  // namespace
}  // namespace secgate::core
