// JUnit from the real secgate-vuln: well-formed XML (parsed by python3's
// xml.etree, an independent parser) whose counts match the JSON verdict of
// the same run.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/e2e/reports/reports_e2e.h"

namespace secgate::reports_e2e {
namespace {

using nlohmann::json;
using secgate::testing::ReadFile;
using secgate::testing::RunProcess;

// Parses the JUnit file and prints its counts as JSON; exit 1 when the
// file is not well-formed XML or not <testsuites>.
constexpr char kCountJunit[] = R"(
import json, sys
import xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
if root.tag != 'testsuites':
    sys.exit('root is ' + root.tag)
suites = root.findall('testsuite')
def total(attr):
    return sum(int(s.get(attr)) for s in suites)
print(json.dumps({
    'tests': int(root.get('tests')), 'failures': int(root.get('failures')),
    'skipped': int(root.get('skipped')), 'errors': int(root.get('errors')),
    'suites': len(suites), 'suite_tests': total('tests'), 'suite_failures': total('failures'),
    'suite_skipped': total('skipped'),
    'cases': len(root.findall('testsuite/testcase')),
    'failure_elements': len(root.findall('testsuite/testcase/failure')),
    'skipped_elements': len(root.findall('testsuite/testcase/skipped')),
    'error_elements': len(root.findall('testsuite/testcase/error')),
    'names': [c.get('name') for c in root.iter('testcase')],
}))
)";

json CountJunit(const std::string& path) {
  auto r = RunProcess({"/usr/bin/env", "python3", "-c", kCountJunit, path});
  EXPECT_EQ(r.exit_code, 0) << "not well-formed JUnit XML: " << r.err;
  return r.exit_code == 0 ? json::parse(r.out) : json::object();
}

TEST(JunitE2eTest, CountsMatchTheJsonVerdict) {
  Workspace ws;
  std::vector<std::string> args = {"--quiet", "--report", "junit=out.xml", "--report",
                                   "json=out.json"};
  for (const auto& f : TrivyFixtures()) args.push_back(f);
  auto r = ws.Vuln(args);
  ASSERT_EQ(r.exit_code, 1) << r.err;
  json verdict = json::parse(ReadFile(ws.Path("out.json")));
  json counts = CountJunit(ws.Path("out.xml"));
  ASSERT_FALSE(counts.empty());
  const json& s = verdict["summary"];
  int clean_inputs = 0;
  for (const auto& in : verdict["inputs"]) clean_inputs += in["findings"] == 0;
  ASSERT_GE(clean_inputs, 1);  // alpine-39-skip.json
  EXPECT_EQ(counts["failures"], s["violations"]);
  EXPECT_EQ(counts["skipped"], s["waived"]);
  EXPECT_EQ(counts["tests"], s["findings"].get<int>() + clean_inputs);
  EXPECT_EQ(counts["errors"], 0);
  EXPECT_EQ(counts["suites"], verdict["inputs"].size());
  EXPECT_EQ(counts["suite_tests"], counts["tests"]);
  EXPECT_EQ(counts["suite_failures"], counts["failures"]);
  EXPECT_EQ(counts["suite_skipped"], counts["skipped"]);
  EXPECT_EQ(counts["cases"], counts["tests"]);
  EXPECT_EQ(counts["failure_elements"], s["violations"]);
  EXPECT_EQ(counts["skipped_elements"], s["waived"]);
  EXPECT_GT(s["waived"].get<int>(), 0);
  EXPECT_GT(s["violations"].get<int>(), 0);
}

TEST(JunitE2eTest, ErrorRunIsAnErrorTestCase) {
  Workspace ws;
  ws.Write("broken.json", "{\"SchemaVersion\": 2, \"Results\": [");
  auto r = ws.Vuln({"--quiet", "--report", "junit=out.xml", "broken.json"});
  ASSERT_EQ(r.exit_code, 2) << r.err;
  json counts = CountJunit(ws.Path("out.xml"));
  EXPECT_EQ(counts["errors"], 1);
  EXPECT_EQ(counts["error_elements"], 1);
  EXPECT_EQ(counts["tests"], 1);
}

TEST(JunitE2eTest, HostileNamesStayWellFormed) {
  Workspace ws;
  ws.Write("hostile.json", GenerateTrivy(1, 0, "<x>&\"]]>\x01\x1b"));
  auto r = ws.Vuln({"--quiet", "--report", "junit=out.xml", "hostile.json"});
  ASSERT_EQ(r.exit_code, 1) << r.err;
  json counts = CountJunit(ws.Path("out.xml"));
  ASSERT_EQ(counts["names"].size(), 1u);
  EXPECT_EQ(counts["names"][0], "CVE-2099-10000 pkg-0<x>&\"]]>@1.0.0");
}

}  // namespace
}  // namespace secgate::reports_e2e
