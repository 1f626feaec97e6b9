// Every error path of secgate-secrets exits 2 with one exact message line.
#include "tests/e2e/secrets/secrets_e2e.h"

namespace secgate::secrets::e2e {
namespace {

void ExpectError(const testing::ProcessResult& r, const std::string& message) {
  EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
  EXPECT_EQ(r.err, "secgate-secrets: error: " + message + "\n");
}

TEST(SecretsErrorsTest, NotAGitRepositoryForStaged) {
  testing::TempDir d;
  ExpectError(Gate({"--staged"}, d.path()),
              "--staged: not a git repository (or any parent directory): .");
  ExpectError(Gate({"--history"}, d.path()),
              "--history: not a git repository (or any parent directory): .");
}

TEST(SecretsErrorsTest, UnreadablePath) {
  testing::TempDir d;
  ExpectError(Gate({"missing.txt"}, d.path()), "missing.txt: cannot open: No such file or directory");
}

TEST(SecretsErrorsTest, InvalidRuleYaml) {
  testing::TempDir d;
  d.Write("rules.yaml", "version: 1\nrules: [\n");
  d.Write("secgate.yaml", "version: 1\nsecrets:\n  rules: [rules.yaml]\n");
  auto r = Gate({"."}, d.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err.rfind("secgate-secrets: error: rules.yaml:", 0), 0u) << r.err;
  EXPECT_NE(r.err.find("invalid YAML"), std::string::npos) << r.err;
}

TEST(SecretsErrorsTest, BadRegexNamesTheRule) {
  testing::TempDir d;
  d.Write("rules.yaml",
          "version: 1\nrules:\n  - id: broken\n    description: d\n    provider: P\n"
          "    severity: low\n    keywords: [x]\n    regex: '(x['\n"
          "    examples: {match: [xx], no_match: [y]}\n");
  d.Write("secgate.yaml", "version: 1\nsecrets:\n  rules: [rules.yaml]\n");
  ExpectError(Gate({"."}, d.path()),
              "rules.yaml:8: rule broken.regex: invalid RE2 pattern: missing ]: [");
}

TEST(SecretsErrorsTest, UnknownDisabledRule) {
  testing::TempDir d;
  d.Write("secgate.yaml", "version: 1\nsecrets:\n  disable: [no-such-rule]\n");
  ExpectError(Gate({"."}, d.path()), "secrets.disable: unknown rule id 'no-such-rule'");
}

TEST(SecretsErrorsTest, UsageErrors) {
  testing::TempDir d;
  ExpectError(Gate({}, d.path()),
              "nothing to scan: give --staged, --range BASE..HEAD, --since REF, --history, "
              "--stdin or PATH... (see --help)");
  ExpectError(Gate({"--staged", "--history"}, d.path()),
              "choose one of --staged, --range, --since, --history, --stdin or PATH...");
  ExpectError(Gate({"--all", "."}, d.path()), "--all: only valid with --history");
  Repo repo;
  repo.Commit("empty");
  ExpectError(Gate({"--range", "main"}, repo.path()), "--range: expected BASE..HEAD, got 'main'");
  auto r = Gate({"--range", "nope..HEAD"}, repo.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err.rfind("secgate-secrets: error: --range: cannot resolve 'nope..HEAD': ", 0), 0u)
      << r.err;
}

TEST(SecretsErrorsTest, ForeignHookIsKeptWithoutForce) {
  Repo repo;
  repo.Write(".git/hooks/pre-commit", "#!/bin/sh\necho mine\n");
  auto r = Gate({"install-hook"}, repo.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("a pre-commit hook not written by secgate-secrets exists; use --force "
                       "to replace it"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(testing::ReadFile(repo.path() + "/.git/hooks/pre-commit"), "#!/bin/sh\necho mine\n");
}

}  // namespace
}  // namespace secgate::secrets::e2e
