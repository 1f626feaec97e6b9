// secgate-secrets engine features end to end (files, --staged, --range,
// --stdin, mask): the test-key bucket (secrets.test_keys) and the policy
// allowlists by commit, secret regex and line regex (secrets.allowlist).
// Findings these decide are listed with their reason, never dropped.
#include <algorithm>
#include <set>

#include "tests/e2e/secrets/secrets_e2e.h"
#include "tests/testing/encode.h"

namespace secgate::secrets::e2e {
namespace {

// Shaped like the fixture rule's documented test key (test_keys: ^tstk_test).
const std::string kTestKey = "tstk_testQ7mZ2xR9pL4vK8nB3cW6yT1dF5gH";

/// "rule disposition [reason]" of each finding.
std::vector<std::string> Dispositions(const nlohmann::json& v) {
  std::vector<std::string> out;
  for (const auto& f : v.value("findings", nlohmann::json::array()))
    out.push_back(f["id"].get<std::string>() + " " + f["disposition"].get<std::string>() +
                  (f.contains("reason") ? " " + f["reason"].get<std::string>() : "") +
                  (f.value("test_key", false) ? " test_key" : ""));
  return out;
}

TEST(TestKeysE2E, ReportedNotFailingInFilesStagedAndStdin) {
  Repo repo;
  testing::TempDir cfg;
  const std::string policy = PolicyFile(cfg);
  repo.Write("pay.env", "KEY=" + kTestKey + "\n");
  const std::vector<std::string> want = {
      "test-token below_threshold test key (secrets.test_keys: report) test_key"};
  EXPECT_EQ(Dispositions(GateJson({"--policy", policy, "pay.env"}, repo.path(), 0)), want);
  repo.Git({"add", "pay.env"});
  EXPECT_EQ(Dispositions(GateJson({"--policy", policy, "--staged"}, repo.path(), 0)), want);
  EXPECT_EQ(Dispositions(GateJson({"--policy", policy, "--stdin"}, repo.path(), 0,
                                  "KEY=" + kTestKey + "\n")),
            want);
  const std::string base = repo.Commit("test key");
  repo.Write("live.env", "KEY=" + kToken + "\n");
  repo.Git({"add", "live.env"});
  repo.Commit("live key");
  // A live key next to a test key still fails; the range sees the test key
  // commit too when it is in the range.
  auto range = GateJson({"--policy", policy, "--range", base + "~0..HEAD"}, repo.path(), 1);
  EXPECT_EQ(Dispositions(range), std::vector<std::string>{"test-token violation"});
  auto text = Gate({"--policy", policy, "pay.env"}, repo.path());
  EXPECT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("test key"), std::string::npos) << text.out;
  EXPECT_EQ(text.out.find(kTestKey), std::string::npos);
}

TEST(TestKeysE2E, PolicyFailOrIgnore) {
  testing::TempDir d;
  d.Write("pay.env", "KEY=" + kTestKey + "\n");
  const std::string fail = PolicyFile(d, "  test_keys: fail\n");
  EXPECT_EQ(Dispositions(GateJson({"--policy", fail, "pay.env"}, d.path(), 1)),
            std::vector<std::string>{"test-token violation test_key"});
  testing::TempDir d2;
  d2.Write("pay.env", "KEY=" + kTestKey + "\n");
  const std::string ignore = PolicyFile(d2, "  test_keys: ignore\n");
  auto v = GateJson({"--policy", ignore, "pay.env"}, d2.path(), 0);
  EXPECT_EQ(Dispositions(v), std::vector<std::string>{
                                 "test-token ignored test key (secrets.test_keys: ignore) test_key"});
  EXPECT_EQ(v["summary"]["ignored"], 1);
  testing::TempDir d3;
  auto bad = Gate({"--policy", PolicyFile(d3, "  test_keys: sometimes\n"), "."}, d3.path());
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("secrets.test_keys: expected report, fail or ignore"), std::string::npos)
      << bad.err;
}

TEST(TestKeysE2E, SarifAndMarkdownSayTestKey) {
  testing::TempDir d;
  d.Write("pay.env", "KEY=" + kTestKey + "\n");
  // Markdown lists violations only: test_keys: fail makes the test key one.
  const std::string policy = PolicyFile(d, "  test_keys: fail\n");
  auto r = Gate({"--policy", policy, "pay.env", "--report", "sarif=" + d.path() + "/r.sarif",
                 "--report", "markdown=" + d.path() + "/r.md"},
                d.path());
  ASSERT_EQ(r.exit_code, 1) << r.err;
  auto sarif = nlohmann::json::parse(testing::ReadFile(d.path() + "/r.sarif"));
  EXPECT_EQ(sarif["runs"][0]["results"][0]["properties"]["test_key"], true);
  const std::string md = testing::ReadFile(d.path() + "/r.md");
  EXPECT_NE(md.find("test key"), std::string::npos) << md;
  EXPECT_EQ(md.find(kTestKey), std::string::npos);
}

TEST(AllowlistE2E, SecretAndLineRegexesInFilesStagedAndStdin) {
  Repo repo;
  testing::TempDir cfg;
  const std::string policy = PolicyFile(
      cfg, "  allowlist:\n    secret_regexes: ['^TKIA']\n    line_regexes: ['#\\s*ci fixture$']\n");
  const std::string content = "k = " + kKeyId + "\nt = " + kToken + "  # ci fixture\nu = " +
                              kToken2 + "\n";
  repo.Write("conf.py", content);
  const std::vector<std::string> want = {
      "test-token violation",
      "test-key-id ignored allowlisted by secrets.allowlist.secret_regexes[0]",
      "test-token ignored allowlisted by secrets.allowlist.line_regexes[0]"};
  EXPECT_EQ(Dispositions(GateJson({"--policy", policy, "conf.py"}, repo.path(), 1)), want);
  repo.Git({"add", "conf.py"});
  EXPECT_EQ(Dispositions(GateJson({"--policy", policy, "--staged"}, repo.path(), 1)), want);
  EXPECT_EQ(Dispositions(GateJson({"--policy", policy, "--stdin"}, repo.path(), 1, content)), want);
  testing::TempDir bad;
  auto r = Gate({"--policy", PolicyFile(bad, "  allowlist:\n    secret_regexes: ['(x']\n"), "."},
                bad.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("secrets.allowlist.secret_regexes[0]: invalid RE2 pattern"),
            std::string::npos)
      << r.err;
}

TEST(AllowlistE2E, CommitsByFullIdOrPrefixInRangeAndHistory) {
  Repo repo;
  repo.Write("a.txt", "start\n");
  repo.Git({"add", "."});
  const std::string base = repo.Commit("base");
  repo.Write("a.txt", "start\nt = " + kToken + "\n");
  repo.Git({"add", "."});
  const std::string fixture = repo.Commit("add fixture token");
  repo.Write("b.txt", "k = " + kKeyId + "\n");
  repo.Git({"add", "."});
  repo.Commit("add key");
  testing::TempDir cfg;
  for (const std::string& id : {fixture, fixture.substr(0, 7)}) {
    const std::string policy =
        PolicyFile(cfg, "  allowlist:\n    commits: ['" + id + "']\n");
    auto v = GateJson({"--policy", policy, "--range", base + "..HEAD"}, repo.path(), 1);
    EXPECT_EQ(Dispositions(v), (std::vector<std::string>{
                                   "test-key-id violation",
                                   "test-token ignored allowlisted by secrets.allowlist.commits[0]"}))
        << id;
  }
  const std::string only = PolicyFile(cfg, "  allowlist:\n    commits: ['" + fixture + "']\n");
  repo.Git({"reset", "-q", "--hard", fixture});
  EXPECT_EQ(Dispositions(GateJson({"--policy", only, "--history"}, repo.path(), 0)),
            std::vector<std::string>{
                "test-token ignored allowlisted by secrets.allowlist.commits[0]"});
}

TEST(AllowlistE2E, AmbiguousCommitPrefixIsAnError) {
  Repo repo;
  // Two blobs whose ids share the 7-character prefix 677f460 (found once by
  // hashing "blob filler N\n" for N = 0, 1, ...; git computes the same ids).
  repo.Write("a.txt", "blob filler 6694\n");
  repo.Write("b.txt", "blob filler 25756\n");
  repo.Git({"add", "."});
  repo.Commit("two blobs");
  ASSERT_EQ(repo.Git({"rev-parse", "HEAD:a.txt"}).out.substr(0, 7), "677f460");
  ASSERT_EQ(repo.Git({"rev-parse", "HEAD:b.txt"}).out.substr(0, 7), "677f460");
  testing::TempDir cfg;
  auto r = Gate({"--policy", PolicyFile(cfg, "  allowlist:\n    commits: ['677f460']\n"),
                 "--history"},
                repo.path());
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.err.find("secrets.allowlist.commits[0]: '677f460' is ambiguous"), std::string::npos)
      << r.err;
  // One more character tells them apart: no error.
  auto ok = Gate({"--policy", PolicyFile(cfg, "  allowlist:\n    commits: ['677f460d']\n"),
                  "--history"},
                 repo.path());
  EXPECT_EQ(ok.exit_code, 0) << ok.err;
}

TEST(AllowlistE2E, BadCommitIdIsAnError) {
  testing::TempDir d;
  auto r = Gate({"--policy", PolicyFile(d, "  allowlist:\n    commits: ['abc']\n"), "."}, d.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("secrets.allowlist.commits[0]: expected a commit id"), std::string::npos)
      << r.err;
}

}  // namespace
}  // namespace secgate::secrets::e2e

namespace secgate::secrets::e2e {
namespace {

using testing::Base64;

// A real-shaped Kubernetes Secret: base64 `data:` values of a token and a
// password, and a percent-encoded password in a URL-ish annotation.
std::string Manifest() {
  return "apiVersion: v1\nkind: Secret\nmetadata:\n  name: app-credentials\n"
         "  namespace: prod\ntype: Opaque\ndata:\n  api-token: " +
         Base64("TOKEN=" + kToken) + "\n  password: " + Base64(kPassword) + "\n";
}

std::vector<std::string> Decoded(const nlohmann::json& v) {
  std::vector<std::string> out;
  for (const auto& f : v.value("findings", nlohmann::json::array()))
    out.push_back(f["id"].get<std::string>() + " :" + std::to_string(f["location"].value("line", 0)) +
                  " " + f.value("decoded", "-"));
  return out;
}

TEST(DecodeE2E, KubernetesSecretInFilesStagedRangeAndStdin) {
  Repo repo;
  testing::TempDir cfg;
  const std::string policy = PolicyFile(cfg);
  repo.Write("k8s/secret.yaml", Manifest());
  const std::vector<std::string> want = {"generic-test-password :9 base64",
                                         "test-token :8 base64"};
  auto files = GateJson({"--policy", policy, "k8s"}, repo.path(), 1);
  std::vector<std::string> got = Decoded(files);
  std::sort(got.begin(), got.end());
  EXPECT_EQ(got, want);
  repo.Git({"add", "."});
  got = Decoded(GateJson({"--policy", policy, "--staged"}, repo.path(), 1));
  std::sort(got.begin(), got.end());
  EXPECT_EQ(got, want);
  got = Decoded(GateJson({"--policy", policy, "--stdin"}, repo.path(), 1, Manifest()));
  std::sort(got.begin(), got.end());
  EXPECT_EQ(got, want);
  const std::string base = repo.Commit("manifest");
  repo.Write("k8s/other.yaml", "data:\n  t: " + Base64("TOKEN=" + kToken2) + "\n");
  repo.Git({"add", "."});
  repo.Commit("another");
  EXPECT_EQ(Decoded(GateJson({"--policy", policy, "--range", base + "..HEAD"}, repo.path(), 1)),
            std::vector<std::string>{"test-token :2 base64"});
  // The fingerprint is the decoded secret's, like the same token written plainly.
  std::set<std::string> prints;
  for (const auto& f : files["findings"]) prints.insert(f["fingerprint"].get<std::string>());
  EXPECT_TRUE(prints.count(core::SecretFingerprint("test-token", kToken)));
  EXPECT_TRUE(prints.count(core::SecretFingerprint("generic-test-password", kPassword)));
}

TEST(DecodeE2E, DepthZeroDisablesAndBadDepthIsAnError) {
  testing::TempDir d;
  d.Write("s.yaml", Manifest());
  EXPECT_TRUE(Decoded(GateJson({"--policy", PolicyFile(d, "  decode:\n    depth: 0\n"), "s.yaml"},
                               d.path(), 0))
                  .empty());
  auto r = Gate({"--policy", PolicyFile(d, "  decode:\n    depth: 9\n"), "s.yaml"}, d.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("secrets.decode.depth: at most 4"), std::string::npos) << r.err;
}

TEST(DecodeE2E, NoEncodedOrDecodedValueInAnyOutputOrMask) {
  testing::TempDir d;
  d.Write("s.yaml", Manifest());
  const std::string policy = PolicyFile(d);
  auto r = Gate({"--policy", policy, "s.yaml", "--report", "json=" + d.path() + "/r.json",
                 "--report", "sarif=" + d.path() + "/r.sarif", "--report",
                 "markdown=" + d.path() + "/r.md", "--report", "junit=" + d.path() + "/r.xml"},
                d.path());
  EXPECT_EQ(r.exit_code, 1) << r.err;
  std::string all = r.out + r.err;
  for (const char* f : {"r.json", "r.sarif", "r.md", "r.xml"}) all += testing::ReadFile(d.path() + "/" + f);
  auto m = Gate({"mask", "--policy", policy}, d.path(), Manifest());
  EXPECT_EQ(m.exit_code, 1) << m.err;
  all += m.out + m.err;
  for (const std::string& v : {kToken, kPassword, Base64("TOKEN=" + kToken), Base64(kPassword)})
    EXPECT_EQ(all.find(v), std::string::npos) << "leaked a value";
  EXPECT_NE(m.out.find("[secgate:test-token:"), std::string::npos) << m.out;
}

}  // namespace
}  // namespace secgate::secrets::e2e
