// libFuzzer target: a secrets rule file (policies/secrets/README.md format,
// what secrets.rules in a policy names) as arbitrary bytes. A file that
// parses must survive the pack encoding unchanged in its context fields
// (window, requires, precedence), compile into an Matcher, and scan its own
// examples with every match inside the text and every composite part
// within the rule's window.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "gates/secrets/matcher.h"
#include "gates/secrets/rule.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace secgate::secrets;
  if (size > 64 * 1024) return 0;
  std::string yaml(reinterpret_cast<const char*>(data), size);
  auto rules = ParseRuleFile(yaml, "fuzz.yaml");
  if (!rules) {
    if (rules.error().ToString().empty()) std::abort();  // every error says what
    return 0;
  }
  RulePack pack;
  pack.rules = *rules;
  auto round = DecodePack(EncodePack(pack));
  if (!round || round->rules.size() != pack.rules.size()) std::abort();
  for (size_t i = 0; i < pack.rules.size(); ++i) {
    const Rule& a = pack.rules[i];
    const Rule& b = round->rules[i];
    if (a.window != b.window || a.precedence != b.precedence ||
        a.requires_parts.size() != b.requires_parts.size() || a.window < 0 ||
        a.window > kMaxWindow || a.requires_parts.size() > kMaxParts)
      std::abort();
  }
  Matcher engine(std::move(pack));
  ScanScratch scratch;
  for (size_t i = 0; i < engine.pack().rules.size(); ++i) {
    const Rule& r = engine.rule(static_cast<int>(i));
    for (const auto* list : {&r.examples_match, &r.examples_no_match}) {
      for (const std::string& text : *list) {
        std::vector<SecretMatch> found;
        engine.Scan(text, "", &scratch, &found);
        for (const SecretMatch& m : found) {
          if (m.begin >= m.end || m.end > text.size() || m.line_begin > m.begin) std::abort();
          const Rule& mr = engine.rule(m.rule);
          for (size_t p = 0; p < mr.requires_parts.size(); ++p)
            if (m.part_delta[p] < -mr.window || m.part_delta[p] > mr.window) std::abort();
        }
      }
    }
    (void)CheckExamples(engine, static_cast<int>(i));
  }
  return 0;
}
