// The fixture rule pack (tests/fixtures/secrets/rules/test_pack.yaml) plus
// the built-in allowlist, as an Matcher, for unit tests.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "gates/secrets/matcher.h"
#include "gates/secrets/rule.h"
#include "tests/testing/run_process.h"

namespace secgate::secrets {

inline RulePack TestPack() {
  const std::string path = testing::Fixture("secrets/rules/test_pack.yaml");
  auto rules = ParseRuleFile(testing::ReadFile(path), path);
  if (!rules) throw std::runtime_error(rules.error().ToString());
  RulePack p;
  p.rules = *rules;
  p.allowlist = BuiltinPack().allowlist;
  return p;
}

inline std::unique_ptr<Matcher> TestEngine() { return std::make_unique<Matcher>(TestPack()); }

/// "rule-id@line-index" of every match `m` finds in `text`, in scan order.
inline std::vector<std::string> RulesFound(const Matcher& m, std::string_view text,
                                           std::string_view path = "") {
  ScanScratch s;
  std::vector<SecretMatch> found;
  m.Scan(text, path, &s, &found);
  std::vector<std::string> out;
  for (const auto& x : found) out.push_back(m.rule(x.rule).id + "@" + std::to_string(x.line_index));
  return out;
}

// Synthetic values shaped like the fixture rules (never real credentials).
inline const char kToken[] = "tstk_Q7mZ2xR9pL4vK8nB3cW6yT1dF5gH0jSa";
inline const char kKeyId[] = "TKIAQ3ZR7WX2MN4PL8KD";

}  // namespace secgate::secrets
