// secgate-waivers report, end to end: statuses (expired, expiring in 3 days,
// unused, invalid, active), --fail-on, matches from results (handwritten and
// from the real secgate-vuln), and history from a real git repository with
// two authors.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/e2e/waivers/e2e_util.h"

namespace secgate::testing {
namespace {

using nlohmann::json;

std::string MixedFile() {
  return "version: 1\nwaivers:\n" +
         Entry("CVE-2024-0001", "alice@example.com", "2026-01-01", "2026-03-01", "was needed") +
         Entry("CVE-2024-0002", "bob@example.com", "2026-03-01", "2026-04-04", "expiring soon") +
         Entry("CVE-2024-0003", "bob@example.com", "2026-03-01", "2026-05-30", "nothing matches") +
         Entry("CVE-2024-0004", "TODO", "2026-03-01", "2026-05-30", "no owner") +
         Entry("CVE-2024-0005", "carol@example.com", "2026-03-01", "2026-05-30", "in use",
               "    package: pkg:npm/lodash\n");
}

std::string MixedResults() {
  return VerdictJson("vuln", {{"CVE-2024-0001", "pkg:npm/a@1", "", ""},
                              {"CVE-2024-0002", "pkg:npm/b@1", "", ""},
                              {"CVE-2024-0005", "pkg:npm/lodash@4.17.20", "", ""},
                              {"CVE-2024-0005", "pkg:npm/underscore@1.0.0", "", ""}});
}

TEST(ReportE2e, StatusesAndExitCodes) {
  TempDir dir;
  dir.Write("secgate-waivers.yaml", MixedFile());
  dir.Write("r.json", MixedResults());
  ProcessResult r = Waivers({"report", "--results", "r.json", "--format", "json", "--today", kToday},
                            dir.path());
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_EQ(r.err, "secgate-waivers: 2 waivers failing --fail-on expired\n");
  json j = json::parse(r.out);
  EXPECT_EQ(j["schema"], "secgate.waiver-report/v1");
  EXPECT_EQ(j["totals"]["by_status"],
            json({{"expired", 1}, {"invalid", 1}, {"expiring", 1}, {"unused", 1}, {"active", 1}}));
  std::vector<std::string> order;
  for (const auto& w : j["waivers"]) order.push_back(w["status"].get<std::string>() + " " + w["id"].get<std::string>());
  EXPECT_EQ(order, (std::vector<std::string>{"expired CVE-2024-0001", "invalid CVE-2024-0004",
                                             "expiring CVE-2024-0002", "unused CVE-2024-0003",
                                             "active CVE-2024-0005"}));
  EXPECT_EQ(j["waivers"][2]["days_left"], 3);
  ASSERT_EQ(j["waivers"][4]["matches"].size(), 1u) << "scoped to lodash only";
  EXPECT_EQ(j["waivers"][4]["matches"][0]["purl"], "pkg:npm/lodash@4.17.20");
  EXPECT_EQ(j["waivers"][1]["problems"][0], "waiver CVE-2024-0004: missing owner (placeholder 'TODO')");
  EXPECT_EQ(j["totals"]["next_expiries"][0]["id"], "CVE-2024-0002");
  EXPECT_EQ(j["waivers"][0]["history"]["committed"], false);
  EXPECT_EQ(j["history_note"], "not committed (not in a git repository)");

  ProcessResult never = Waivers({"report", "--fail-on", "never", "--today", kToday}, dir.path());
  EXPECT_EQ(never.exit_code, 0) << never.err;
  EXPECT_NE(never.out.find("    [EXPIRING] CVE-2024-0002 (vuln, line 9): expires 2026-04-04 (in 3 days)\n"),
            std::string::npos)
      << never.out;
  EXPECT_NE(never.out.find("    [EXPIRED] CVE-2024-0001 (vuln, line 3): expired 2026-03-01 (31 days ago)\n"),
            std::string::npos);
  EXPECT_NE(never.out.find("Results: none given (--results), so no waiver is reported unused\n"),
            std::string::npos);
}

TEST(ReportE2e, FailOnExpiringAndExpired) {
  TempDir dir;
  dir.Write("secgate-waivers.yaml",
            "version: 1\nwaivers:\n" +
                Entry("CVE-2024-0002", "bob@example.com", "2026-03-01", "2026-04-04", "soon"));
  EXPECT_EQ(Waivers({"report", "--today", kToday}, dir.path()).exit_code, 0);
  ProcessResult expiring = Waivers({"report", "--fail-on", "expiring", "--today", kToday}, dir.path());
  EXPECT_EQ(expiring.exit_code, 1);
  EXPECT_EQ(expiring.err, "secgate-waivers: 1 waiver failing --fail-on expiring\n");
  // Five days later the same waiver has expired.
  EXPECT_EQ(Waivers({"report", "--today", "2026-04-06"}, dir.path()).exit_code, 1);
  EXPECT_EQ(Waivers({"report", "--today", "2026-04-06", "--fail-on", "never"}, dir.path()).exit_code, 0);
}

TEST(ReportE2e, ErrorsAreExit2) {
  TempDir dir;
  dir.Write("secgate-waivers.yaml", MixedFile());
  dir.Write("notverdict.json", "{\"schema\": \"other/v1\"}");
  ProcessResult r = Waivers({"report", "--results", "notverdict.json", "--today", kToday}, dir.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "secgate-waivers: error: notverdict.json:/schema: expected \"secgate.verdict/v1\", got \"other/v1\"\n");
  EXPECT_EQ(r.out, "");
  dir.Write("broken.json", "{\"schema\": ");
  EXPECT_EQ(Waivers({"report", "--results", "broken.json"}, dir.path()).exit_code, 2);
  dir.Write("failed.json", "{\"schema\": \"secgate.verdict/v1\", \"gate\": \"vuln\", \"verdict\": \"error\", "
                           "\"error\": \"x.json: not JSON\", \"findings\": []}");
  ProcessResult failed = Waivers({"report", "--results", "failed.json"}, dir.path());
  EXPECT_EQ(failed.exit_code, 2);
  EXPECT_EQ(failed.err, "secgate-waivers: error: failed.json:/verdict: is the verdict of a failed run (x.json: not JSON)\n");
  // Results are streamed, yet the head is still judged before the findings:
  // a bad finding written before a wrong schema reports the schema.
  dir.Write("order.json", "{\"findings\": [{\"id\": 7}], \"schema\": \"other/v1\"}");
  ProcessResult order = Waivers({"report", "--results", "order.json"}, dir.path());
  EXPECT_EQ(order.exit_code, 2);
  EXPECT_EQ(order.err, "secgate-waivers: error: order.json:/schema: expected \"secgate.verdict/v1\", got \"other/v1\"\n");
  dir.Write("badfinding.json", "{\"schema\": \"secgate.verdict/v1\", \"gate\": \"vuln\", "
                               "\"findings\": [{\"id\": \"CVE-1\"}, {\"id\": 7}]}");
  ProcessResult bad = Waivers({"report", "--results", "badfinding.json"}, dir.path());
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_EQ(bad.err, "secgate-waivers: error: badfinding.json:/findings/1/id: expected string, got number\n");
  dir.Write("nofindings.json", "{\"schema\": \"secgate.verdict/v1\", \"gate\": \"vuln\"}");
  ProcessResult none = Waivers({"report", "--results", "nofindings.json"}, dir.path());
  EXPECT_EQ(none.exit_code, 2);
  EXPECT_EQ(none.err, "secgate-waivers: error: nofindings.json:/findings: expected an array of findings\n");
  dir.Write("objfindings.json", "{\"schema\": \"secgate.verdict/v1\", \"gate\": \"vuln\", \"findings\": {}}");
  EXPECT_EQ(Waivers({"report", "--results", "objfindings.json"}, dir.path()).exit_code, 2);
  ProcessResult fmt = Waivers({"report", "--format", "pdf"}, dir.path());
  EXPECT_EQ(fmt.exit_code, 2);
  EXPECT_EQ(fmt.err, "secgate-waivers: error: --format: expected text, markdown, html or json, got 'pdf'\n");
  ProcessResult fail_on = Waivers({"report", "--fail-on", "sometimes"}, dir.path());
  EXPECT_EQ(fail_on.exit_code, 2);
  ProcessResult missing = Waivers({"report", "--waivers", "missing.yaml"}, dir.path());
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_EQ(missing.err.rfind("secgate-waivers: error: missing.yaml", 0), 0u) << missing.err;
}

TEST(ReportE2e, HistoryNamesBothAuthorsWithDates) {
  TempDir dir;
  Git(dir.path(), {"init", "-q", "."});
  std::string first = "version: 1\nwaivers:\n" +
                      Entry("CVE-2024-0010", "team-a@example.com", "2026-03-01", "2026-05-01", "first");
  dir.Write("secgate-waivers.yaml", first);
  Git(dir.path(), {"add", "secgate-waivers.yaml"});
  Git(dir.path(), {"commit", "-q", "-m", "first waiver"}, "Alice Adams", "alice@example.com",
      "2026-01-05T09:30:00+00:00");
  dir.Write("secgate-waivers.yaml",
            first + Entry("CVE-2024-0011", "team-b@example.com", "2026-03-01", "2026-05-01", "second"));
  Git(dir.path(), {"commit", "-q", "-am", "second waiver"}, "Bob Brown", "bob@example.com",
      "2026-02-10T23:30:00-05:00");

  ProcessResult r = Waivers({"report", "--format", "json", "--today", kToday}, dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  json j = json::parse(r.out);
  EXPECT_FALSE(j.contains("history_note"));
  std::map<std::string, json> by_id;
  for (const auto& w : j["waivers"]) by_id[w["id"]] = w["history"];
  EXPECT_EQ(by_id["CVE-2024-0010"]["added"]["author"], "Alice Adams");
  EXPECT_EQ(by_id["CVE-2024-0010"]["added"]["email"], "alice@example.com");
  EXPECT_EQ(by_id["CVE-2024-0010"]["added"]["date"], "2026-01-05");
  EXPECT_EQ(by_id["CVE-2024-0011"]["added"]["author"], "Bob Brown");
  // The author's own time zone: 23:30 at -05:00 is still the 10th there.
  EXPECT_EQ(by_id["CVE-2024-0011"]["added"]["date"], "2026-02-10");
  EXPECT_EQ(by_id["CVE-2024-0011"]["changed"]["author"], "Bob Brown");

  ProcessResult text = Waivers({"report", "--today", kToday}, dir.path());
  EXPECT_NE(text.out.find("      added: Alice Adams <alice@example.com> on 2026-01-05 ("), std::string::npos)
      << text.out;
  EXPECT_NE(text.out.find("      added: Bob Brown <bob@example.com> on 2026-02-10 ("), std::string::npos);

  // Alice's entry edited by a third author: added stays Alice, changed is Carol.
  std::string edited = ReadFile(dir.path() + "/secgate-waivers.yaml");
  size_t at = edited.find("reason: \"first\"");
  ASSERT_NE(at, std::string::npos);
  edited.replace(at, 15, "reason: \"first, reviewed\"");
  dir.Write("secgate-waivers.yaml", edited);
  ProcessResult dirty = Waivers({"report", "--format", "json", "--today", kToday}, dir.path());
  json d = json::parse(dirty.out);
  for (const auto& w : d["waivers"]) {
    if (w["id"] == "CVE-2024-0010") {
      EXPECT_EQ(w["history"]["uncommitted_changes"], true);
    }
  }
  Git(dir.path(), {"commit", "-q", "-am", "review"}, "Carol Chen", "carol@example.com",
      "2026-03-15T10:00:00+00:00");
  json c = json::parse(Waivers({"report", "--format", "json", "--today", kToday}, dir.path()).out);
  for (const auto& w : c["waivers"]) {
    if (w["id"] != "CVE-2024-0010") continue;
    EXPECT_EQ(w["history"]["added"]["author"], "Alice Adams");
    EXPECT_EQ(w["history"]["changed"]["author"], "Carol Chen");
    EXPECT_EQ(w["history"]["changed"]["date"], "2026-03-15");
    EXPECT_EQ(w["history"]["uncommitted_changes"], false);
  }
}

TEST(ReportE2e, UntrackedFileInARepositoryIsNotCommitted) {
  TempDir dir;
  Git(dir.path(), {"init", "-q", "."});
  dir.Write("secgate-waivers.yaml", "version: 1\nwaivers:\n" +
                                        Entry("CVE-2024-0010", "a@example.com", "2026-03-01", "2026-05-01"));
  ProcessResult unborn = Waivers({"report", "--today", kToday}, dir.path());
  EXPECT_EQ(unborn.exit_code, 0) << unborn.err;
  EXPECT_NE(unborn.out.find("History: not committed (the repository has no commits yet)\n"),
            std::string::npos)
      << unborn.out;
  dir.Write("README", "x\n");
  Git(dir.path(), {"add", "README"});
  Git(dir.path(), {"commit", "-q", "-m", "readme"});
  ProcessResult r = Waivers({"report", "--today", kToday}, dir.path());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("History: not committed (the file is not in the repository's history)\n"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("      last changed: not committed\n"), std::string::npos);
}

TEST(ReportE2e, MatchesFindingsFromTheRealVulnGate) {
  TempDir dir;
  std::string results = dir.path() + "/vuln.json";
  ProcessResult vuln = RunProcess({GateBinary("secgate-vuln"), Fixture("vuln/trivy/alpine-39.json"),
                                   "--report", "json=" + results, "--today", kToday, "--quiet"});
  ASSERT_NE(vuln.exit_code, 2) << vuln.err;
  json v = json::parse(ReadFile(results));
  ASSERT_GT(v["findings"].size(), 1u);
  std::string id = v["findings"][0]["id"];
  dir.Write("secgate-waivers.yaml",
            "version: 1\nwaivers:\n" + Entry(id, "a@example.com", "2026-03-01", "2026-05-30") +
                Entry("CVE-1999-0001", "a@example.com", "2026-03-01", "2026-05-30"));
  ProcessResult r = Waivers({"report", "--results", results, "--format", "json", "--today", kToday},
                            dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  json j = json::parse(r.out);
  EXPECT_EQ(j["totals"]["by_status"]["active"], 1);
  EXPECT_EQ(j["totals"]["by_status"]["unused"], 1);
  for (const auto& w : j["waivers"]) {
    if (w["id"] == id) {
      EXPECT_GE(w["matches"].size(), 1u);
      EXPECT_EQ(w["matches"][0]["id"], id);
    }
  }
}

}  // namespace
}  // namespace secgate::testing
