#include "gates/core/report/junit_reporter.h"

#include <gtest/gtest.h>

#include <sstream>

#include "tests/unit/core/report_test_util.h"

namespace secgate::core {
namespace {

using testing::MakeVerdict;
using testing::MakeWaiver;
using testing::SecretFinding;
using testing::VulnFinding;

std::string Render(const Verdict& v) {
  std::ostringstream out;
  JunitReporter().Write(v, out);
  return out.str();
}

size_t Count(const std::string& text, const std::string& needle) {
  size_t n = 0;
  for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

TEST(JunitReporterTest, OneCasePerFindingWithFailuresAndSkips) {
  Verdict v = MakeVerdict({VulnFinding("CVE-C", "a", "1", Severity::kCritical),
                           VulnFinding("CVE-W", "b", "1", Severity::kHigh),
                           VulnFinding("CVE-M", "c", "1", Severity::kMedium)},
                          {MakeWaiver("CVE-W", "accepted risk", "2026-06-01")});
  v.inputs.push_back({"trivy.json", "trivy", 3, {}});
  std::string xml = Render(v);
  EXPECT_TRUE(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"));
  EXPECT_NE(xml.find("<testsuites name=\"secgate-vuln\" tests=\"3\" failures=\"1\" errors=\"0\" "
                     "skipped=\"1\">"),
            std::string::npos)
      << xml;
  EXPECT_NE(xml.find("<testsuite name=\"secgate-vuln: trivy.json\" tests=\"3\" failures=\"1\" "
                     "errors=\"0\" skipped=\"1\">"),
            std::string::npos)
      << xml;
  EXPECT_EQ(Count(xml, "<testcase "), 3u);
  EXPECT_EQ(Count(xml, "<failure "), 1u);
  EXPECT_EQ(Count(xml, "<skipped "), 1u);
  EXPECT_NE(xml.find("type=\"critical\""), std::string::npos);
  EXPECT_NE(xml.find("accepted risk"), std::string::npos);
  EXPECT_NE(xml.find("name=\"CVE-M c@1\"/>"), std::string::npos);  // Passing case.
}

TEST(JunitReporterTest, CleanInputStillHasAPassingCase) {
  Verdict v = MakeVerdict({});
  v.inputs.push_back({"clean.json", "trivy", 0, {}});
  std::string xml = Render(v);
  EXPECT_NE(xml.find("tests=\"1\" failures=\"0\""), std::string::npos) << xml;
  EXPECT_EQ(Count(xml, "<testcase "), 1u);
  EXPECT_NE(xml.find("no findings"), std::string::npos);
  // No inputs at all (a gate that records none): still one suite and case.
  EXPECT_EQ(Count(Render(MakeVerdict({})), "<testcase "), 1u);
}

TEST(JunitReporterTest, OneSuitePerInput) {
  Finding a = VulnFinding("CVE-1", "a", "1", Severity::kHigh);
  Finding b = VulnFinding("CVE-2", "b", "1", Severity::kHigh);
  b.input = "grype.json";
  Verdict v = MakeVerdict({a, b});
  v.inputs = {{"trivy.json", "trivy", 1, {}}, {"grype.json", "grype", 1, {}},
              {"empty.json", "trivy", 0, {}}};
  std::string xml = Render(v);
  EXPECT_EQ(Count(xml, "<testsuite "), 3u);
  EXPECT_NE(xml.find("<testsuites name=\"secgate-vuln\" tests=\"3\" failures=\"2\""),
            std::string::npos)
      << xml;
}

TEST(JunitReporterTest, EscapesMarkupAndDropsForbiddenCharacters) {
  Finding f = VulnFinding("CVE-1", "a<b>&\"c\x01\x1b", "1", Severity::kHigh);
  std::string xml = Render(MakeVerdict({f}));
  EXPECT_NE(xml.find("a&lt;b&gt;&amp;&quot;c"), std::string::npos) << xml;
  EXPECT_EQ(xml.find('\x01'), std::string::npos);
  EXPECT_EQ(xml.find('\x1b'), std::string::npos);
  EXPECT_EQ(xml.find("a<b>"), std::string::npos);
}

TEST(JunitReporterTest, SecretsShowOnlyTheRedactedForm) {
  std::string xml = Render(MakeVerdict({SecretFinding("github-pat", "app.py", 7)}, {},
                                       Gate::kSecrets));
  EXPECT_NE(xml.find("ghp_… (40 chars, fingerprint secret:github-pat:0123456789abcdef)"),
            std::string::npos)
      << xml;
  EXPECT_NE(xml.find("classname=\"app.py\" name=\"github-pat line 7\""), std::string::npos);
}

TEST(JunitReporterTest, ErrorVerdictIsAnError) {
  Verdict v;
  v.tool = "secgate-vuln";
  v.exit_code = ExitCode::kError;
  v.error = "x.json: expected <object>";
  std::string xml = Render(v);
  EXPECT_NE(xml.find("<testsuites name=\"secgate-vuln\" tests=\"1\" failures=\"0\" errors=\"1\""),
            std::string::npos);
  EXPECT_NE(xml.find("<error message=\"x.json: expected &lt;object&gt;\" type=\"error\">"),
            std::string::npos)
      << xml;
}

}  // namespace
}  // namespace secgate::core
