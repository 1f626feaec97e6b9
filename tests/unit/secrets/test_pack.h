// The fixture rule pack (tests/fixtures/secrets/rules/test_pack.yaml) plus
// the built-in allowlist, as an Matcher, for unit tests.
#pragma once

#include <memory>

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

// Synthetic values shaped like the fixture rules (never real credentials).
inline const char kToken[] = "tstk_Q7mZ2xR9pL4vK8nB3cW6yT1dF5gH0jSa";
inline const char kKeyId[] = "TKIAQ3ZR7WX2MN4PL8KD";

}  // namespace secgate::secrets
