// End-to-end: secgate-code on every real fixture under tests/fixtures/code/
// (SARIF logs of 20-odd producers, Trivy reports), compared with the
// independent counter tests/tools/sarif_counts.py (written from the SARIF
// 2.1.0 specification, not from the C++). No expected number is written
// here: the counter gives findings, severities, suppressions and the
// violations at each threshold, and the gate must agree at every
// `--fail-on`, exit code included.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <tuple>

#include "tests/e2e/code/code_e2e.h"

namespace secgate::code_e2e {
namespace {

using secgate::testing::Fixture;

constexpr const char* kThresholds[] = {"critical", "high", "medium", "low"};
const char kCheckov[] = "checkov-openapi-runner-results.sarif";

// Every file of tests/fixtures/code/<dir> with this extension, sorted.
std::vector<std::string> FixturesIn(const std::string& dir, const std::string& ext) {
  std::vector<std::string> out;
  for (const auto& e : std::filesystem::directory_iterator(Fixture("code/" + dir)))
    if (e.path().extension() == ext) out.push_back(e.path().string());
  std::sort(out.begin(), out.end());
  return out;
}

// Every SARIF fixture but checkov's (refused: no run.tool, below).
std::vector<std::string> SarifFixtures() {
  std::vector<std::string> files = FixturesIn("sarif", ".sarif");
  std::erase_if(files, [](const std::string& f) { return f.ends_with(kCheckov); });
  return files;
}

int IgnoredUpstream(const json& verdict) {
  int n = 0;
  for (const auto& f : verdict["findings"])
    n += f["disposition"] == "ignored" &&
         f.value("reason", "").rfind("ignored upstream: ", 0) == 0;
  return n;
}

int Passed(const json& verdict) {
  int n = 0;
  for (const auto& in : verdict["inputs"])
    if (in.contains("skipped")) n += in["skipped"].value("passed", 0);
  return n;
}

// The gate at each threshold against the counter's violations_at; `check`
// compares the counts of the verdict (the same at every threshold).
void CompareAtEveryThreshold(const std::vector<std::string>& files, const json& counts,
                             const std::function<void(const CodeRun&)>& check) {
  Workspace ws;
  for (const char* t : kThresholds) {
    SCOPED_TRACE(std::string("--fail-on ") + t);
    std::vector<std::string> args = {"--fail-on", t};
    args.insert(args.end(), files.begin(), files.end());
    CodeRun r = ws.Gate(args);
    const int expected = counts["violations_at"][t].get<int>();
    ASSERT_TRUE(r.verdict.is_object()) << r.p.err;
    EXPECT_EQ(r.p.exit_code, expected > 0 ? 1 : 0) << r.p.err;
    EXPECT_EQ(r.Summary("violations"), expected);
    check(r);
  }
}

void CheckSarifCounts(const CodeRun& r, const json& c) {
  // Level-none results are listed (ignored, severity unknown), not findings.
  EXPECT_EQ(r.Summary("findings"), c["findings"].get<int>() + c["not_findings"].get<int>());
  for (const char* sev : kThresholds)
    EXPECT_EQ(r.verdict["summary"]["by_severity"][sev], c["by_severity"][sev]) << sev;
  EXPECT_EQ(r.verdict["summary"]["by_severity"]["unknown"], c["not_findings"]);
  EXPECT_EQ(IgnoredUpstream(r.verdict), c["suppressed"].get<int>());
  EXPECT_EQ(r.Summary("ignored"), c["suppressed"].get<int>() + c["not_findings"].get<int>() +
                                      c["absent"].get<int>());
  EXPECT_EQ(Passed(r.verdict), c["passed"].get<int>());
}

TEST(CodeFixtures, EverySarifFixtureAgreesWithTheCounterAtEveryThreshold) {
  const std::vector<std::string> files = SarifFixtures();
  ASSERT_GE(files.size(), 30u);
  const std::vector<json> counts = Counts(files);
  for (size_t i = 0; i < files.size(); ++i) {
    SCOPED_TRACE(files[i]);
    const json& c = counts[i];
    ASSERT_TRUE(c.is_object());
    CompareAtEveryThreshold({files[i]}, c, [&](const CodeRun& r) { CheckSarifCounts(r, c); });
  }
}

// Every fixture at once: one verdict over all inputs, the counter's sums.
TEST(CodeFixtures, AllSarifFixturesAtOnceSumUp) {
  const std::vector<std::string> files = SarifFixtures();
  json sum = {{"findings", 0}, {"not_findings", 0}, {"suppressed", 0}, {"absent", 0},
              {"passed", 0}, {"by_severity", json::object()}, {"violations_at", json::object()}};
  for (const json& c : Counts(files)) {
    for (const char* key : {"findings", "not_findings", "suppressed", "absent", "passed"})
      sum[key] = sum[key].get<int>() + c[key].get<int>();
    for (const char* t : kThresholds) {
      sum["by_severity"][t] = sum["by_severity"].value(t, 0) + c["by_severity"][t].get<int>();
      sum["violations_at"][t] = sum["violations_at"].value(t, 0) + c["violations_at"][t].get<int>();
    }
  }
  ASSERT_GT(sum["findings"].get<int>(), 1000);
  CompareAtEveryThreshold(files, sum, [&](const CodeRun& r) {
    CheckSarifCounts(r, sum);
    EXPECT_EQ(r.verdict["inputs"].size(), files.size());
  });
}

// checkov's test kept only `results` (ruleIndex into a missing rules array):
// no producer to attribute them to.
TEST(CodeFixtures, CheckovWithoutRunToolExits2) {
  Workspace ws;
  const std::string file = Fixture(std::string("code/sarif/") + kCheckov);
  CodeRun r = ws.Gate({file});
  EXPECT_EQ(r.p.exit_code, 2);
  EXPECT_EQ(r.p.err, ErrorLine(file + ":/runs/0: run without \"tool\" (SARIF requires "
                                      "tool.driver; results cannot be attributed to a producer)"));
}

// "3 vulnerabilities" / "1 secret": the counter's number with its noun.
std::string Counted(int n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

bool HasNote(const json& verdict, const std::string& text) {
  for (const auto& n : verdict["notes"])
    if (n.get<std::string>().find(text) != std::string::npos) return true;
  return false;
}

// The gate's verdict on Trivy report `file` against the counter's `c`;
// returns how many other classes (vulnerabilities, …) were named.
int CheckTrivyCounts(const CodeRun& r, const json& c, const std::string& file) {
  EXPECT_EQ(r.Summary("findings"), c["findings"].get<int>());
  for (const char* sev : {"critical", "high", "medium", "low", "unknown"})
    EXPECT_EQ(r.verdict["summary"]["by_severity"][sev], c["by_severity"][sev]) << sev;
  EXPECT_EQ(IgnoredUpstream(r.verdict), c["suppressed"].get<int>());
  EXPECT_EQ(Passed(r.verdict), c["passed"].get<int>());
  // The classes secgate-vuln gates are named, never silently dropped.
  int other_classes = 0;
  for (auto [key, one, many] : {std::tuple{"vulnerabilities", "vulnerability", "vulnerabilities"},
                                std::tuple{"secrets", "secret", "secrets"},
                                std::tuple{"licenses", "license", "licenses"}}) {
    const int n = c[key].get<int>();
    if (n == 0) continue;
    EXPECT_TRUE(HasNote(r.verdict, Counted(n, one, many))) << key;
    EXPECT_TRUE(HasNote(r.verdict, file + ": ")) << key;
    EXPECT_TRUE(HasNote(r.verdict, "not gated here: run secgate-vuln")) << key;
    ++other_classes;
  }
  const int unlisted = c["summary_failures"].get<int>() - c["by_status"].value("FAIL", 0);
  EXPECT_EQ(HasNote(r.verdict, "MisconfSummary counts"), unlisted > 0);
  if (unlisted > 0) {
    EXPECT_TRUE(HasNote(r.verdict, file + ": MisconfSummary counts " + std::to_string(unlisted) +
                                       " more failures than the report lists"));
  }
  return other_classes;
}

TEST(CodeFixtures, EveryTrivyFixtureAgreesWithTheCounterAtEveryThreshold) {
  const std::vector<std::string> files = FixturesIn("trivy", ".json");
  ASSERT_GE(files.size(), 8u);
  const std::vector<json> counts = Counts(files, true);
  int misconfigurations = 0, other_classes = 0;
  for (size_t i = 0; i < files.size(); ++i) {
    SCOPED_TRACE(files[i]);
    const json& c = counts[i];
    ASSERT_TRUE(c.is_object());
    misconfigurations += c["findings"].get<int>();
    CompareAtEveryThreshold({files[i]}, c, [&](const CodeRun& r) {
      other_classes += CheckTrivyCounts(r, c, files[i]);
    });
  }
  EXPECT_GT(misconfigurations, 0);
  EXPECT_GT(other_classes, 0);
}

// The layouts no fixture has: `trivy k8s` Resources[].Results (current) and
// the legacy top-level array of results, with FAIL, EXCEPTION and PASS.
TEST(CodeFixtures, TrivyLayoutsWrittenHereAgreeWithTheCounter) {
  json misconf = json::array();
  const std::tuple<const char*, const char*, const char*> checks[] = {
      {"KSV001", "HIGH", "FAIL"}, {"KSV011", "LOW", "FAIL"}, {"KSV017", "CRITICAL", "EXCEPTION"},
      {"KSV020", "MEDIUM", "PASS"}, {"KSV030", "MEDIUM", "FAIL"}};
  for (auto [id, severity, status] : checks)
    misconf.push_back({{"Type", "Kubernetes Security Check"}, {"ID", id},
                       {"Title", std::string("check ") + id}, {"Message", "m"},
                       {"Severity", severity}, {"Status", status}});
  const json results = json::array(
      {{{"Target", "Deployment/web"}, {"Class", "config"}, {"Type", "kubernetes"},
        {"MisconfSummary", {{"Successes", 1}, {"Failures", 3}}},
        {"Misconfigurations", misconf}}});
  Workspace ws;
  const std::vector<std::string> files = {
      ws.Write("k8s.json", json({{"ClusterName", "kind"},
                                 {"Resources", json::array({{{"Namespace", "default"},
                                                             {"Kind", "Deployment"},
                                                             {"Name", "web"},
                                                             {"Results", results}}})}})
                               .dump()),
      ws.Write("legacy.json", results.dump())};
  const std::vector<json> counts = Counts(files, true);
  for (size_t i = 0; i < files.size(); ++i) {
    SCOPED_TRACE(files[i]);
    ASSERT_EQ(counts[i]["findings"], 4);
    CompareAtEveryThreshold({files[i]}, counts[i],
                            [&](const CodeRun& r) { CheckTrivyCounts(r, counts[i], files[i]); });
  }
}

// The old `trivy k8s` layout (DefectDojo trimmed it: 8 failures summarised
// per Deployment, 5 listed) gets the MisconfSummary note.
TEST(CodeFixtures, KubernetesReportNotesItsMisconfSummary) {
  Workspace ws;
  const std::string file = Fixture("code/trivy/dd-trivy-k8s-kubernetes.json");
  const json c = Counts(file, true);
  CodeRun r = ws.Gate({file});
  ASSERT_TRUE(r.verdict.is_object()) << r.p.err;
  const int listed = c["by_status"]["FAIL"].get<int>();
  const int unlisted = c["summary_failures"].get<int>() - listed;
  ASSERT_GT(unlisted, 0);
  EXPECT_TRUE(HasNote(r.verdict, file + ": MisconfSummary counts " + std::to_string(unlisted) +
                                     " more failures than the report lists; the " +
                                     std::to_string(listed) + " listed are gated"))
      << r.verdict["notes"].dump();
}

// A secrets-only report passes here, and says where its secrets are gated,
// on stdout too (not only in the JSON verdict).
TEST(CodeFixtures, TrivySecretsSayRunSecgateVuln) {
  Workspace ws;
  const std::string file = Fixture("code/trivy/trivy-secrets.json");
  const json c = Counts(file, true);
  ASSERT_GT(c["secrets"].get<int>(), 0);
  ASSERT_EQ(c["findings"], 0);
  ProcessOptions o;
  o.cwd = ws.Path(".");
  o.unset_env = {"GITHUB_ACTIONS"};
  auto p = secgate::testing::RunProcess(
      {secgate::testing::GateBinary("secgate-code"), "--today", kToday, file}, o);
  EXPECT_EQ(p.exit_code, 0) << p.err;
  const std::string note =
      file + ": " + Counted(c["secrets"].get<int>(), "secret", "secrets") +
      " not gated here: run secgate-vuln";
  EXPECT_NE(p.out.find(note), std::string::npos) << p.out;
}

TEST(CodeFixtures, SelftestPassesUnderTheDefaultPolicy) {
  auto p = secgate::testing::RunProcess(
      {secgate::testing::GateBinary("secgate-code"), "selftest", "--policy",
       secgate::testing::SourceRoot() + "/policies/default.yaml"});
  EXPECT_EQ(p.exit_code, 0) << p.out << p.err;
  EXPECT_NE(p.out.find("ARMED"), std::string::npos) << p.out;
}

}  // namespace
}  // namespace secgate::code_e2e
