// The built-in rule pack: policies/secrets/*.yaml, validated and encoded at
// build time by secgate-rulegen (rulegen.cc) into a generated source file,
// decoded once on first use (no YAML parsing at start-up).
#include <stdexcept>

#include "gates/secrets/rule.h"

namespace secgate::secrets {

extern const char kBuiltinPackData[];
extern const size_t kBuiltinPackSize;

const RulePack& BuiltinPack() {
  static const RulePack pack = [] {
    auto p = DecodePack(std::string_view(kBuiltinPackData, kBuiltinPackSize));
    if (!p) throw std::runtime_error("built-in rule pack: " + p.error().message);
    return std::move(*p);
  }();
  return pack;
}

core::Result<RulePack> BuildRulePack(const core::SecretsPolicy& policy,
                                     const std::string& policy_dir) {
  return BuildRulePack(policy, policy_dir, BuiltinPack());
}

}  // namespace secgate::secrets
