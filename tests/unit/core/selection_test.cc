#include "gates/core/report/selection.h"

#include <gtest/gtest.h>

#include "tests/unit/core/report_test_util.h"

namespace secgate::core {
namespace {

using testing::MakeVerdict;
using testing::VulnFinding;

TEST(SelectionTest, KeepsTheWorstAndCountsTheRest) {
  std::vector<Finding> f;
  f.push_back(VulnFinding("CVE-L", "a", "1", Severity::kLow));
  f.push_back(VulnFinding("CVE-C", "b", "1", Severity::kCritical));
  f.push_back(VulnFinding("CVE-M", "c", "1", Severity::kMedium));
  f.push_back(VulnFinding("CVE-H", "d", "1", Severity::kHigh));
  Verdict v = MakeVerdict(f);
  ReportSelection s = SelectWorst(v.findings, 2);
  ASSERT_EQ(s.indices.size(), 2u);
  EXPECT_EQ(s.total, 4u);
  EXPECT_EQ(s.omitted, 2u);
  EXPECT_EQ(v.findings[s.indices[0]].finding.id, "CVE-C");
  EXPECT_EQ(v.findings[s.indices[1]].finding.id, "CVE-H");
}

TEST(SelectionTest, SortsEvenWhenTheInputIsNotSorted) {
  Verdict v = MakeVerdict({VulnFinding("CVE-H", "d", "1", Severity::kHigh),
                           VulnFinding("CVE-C", "b", "1", Severity::kCritical)});
  std::swap(v.findings[0], v.findings[1]);  // Now high first.
  ASSERT_EQ(v.findings[0].finding.id, "CVE-H");
  ReportSelection s = SelectWorst(v.findings, 1);
  ASSERT_EQ(s.indices.size(), 1u);
  EXPECT_EQ(v.findings[s.indices[0]].finding.id, "CVE-C");
}

TEST(SelectionTest, FiltersByDisposition) {
  Verdict v = MakeVerdict({VulnFinding("CVE-H", "d", "1", Severity::kHigh),
                           VulnFinding("CVE-M", "c", "1", Severity::kMedium),
                           VulnFinding("CVE-C", "b", "1", Severity::kCritical)});
  ReportSelection s = SelectWorst(v.findings, 10, Disposition::kViolation);
  EXPECT_EQ(s.total, 2u);
  EXPECT_EQ(s.omitted, 0u);
  ReportSelection below = SelectWorst(v.findings, 0, Disposition::kBelowThreshold);
  EXPECT_EQ(below.total, 1u);
  EXPECT_EQ(below.omitted, 1u);
  EXPECT_TRUE(below.indices.empty());
}

}  // namespace
}  // namespace secgate::core
