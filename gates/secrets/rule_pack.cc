// Loading and validating rule files and the allowlist (rule.h).
#include <re2/re2.h>

#include <cstdlib>
#include <map>
#include <set>

#include "gates/core/strings.h"
#include "gates/core/yaml_util.h"
#include "gates/secrets/rule.h"

#include <algorithm>
#include <iterator>

namespace secgate::secrets {

using core::Error;
using core::Result;
using core::Status;

namespace {

bool IsKebab(const std::string& id) {
  if (id.empty() || id.front() == '-' || id.back() == '-') return false;
  for (char c : id)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  return true;
}

Result<std::vector<std::string>> Examples(const YAML::Node& n, const std::string& where,
                                          const std::string& key) {
  if (!n || n.IsNull()) return Error{where, key + ": missing (at least one example is required)"};
  if (!n.IsSequence()) return Error{where, key + ": expected a list of strings"};
  std::vector<std::string> out;
  for (size_t i = 0; i < n.size(); ++i) {
    // Never echo the example: it is shaped like a real secret.
    if (!n[i].IsScalar())
      return Error{where, key + "[" + std::to_string(i) + "]: expected a string"};
    out.push_back(n[i].Scalar());
  }
  if (out.empty()) return Error{where, key + ": empty (at least one example is required)"};
  return out;
}

/// Optional list `key` of RE2 patterns, each compiled to check it.
Status RegexList(const YAML::Node& n, const char* key, const std::string& path,
                 const std::string& label, std::vector<std::string>* out) {
  YAML::Node a = n[key];
  if (!a) return core::Ok{};
  const std::string what = label + "." + key;
  auto v = core::StringList(a, path, what);
  if (!v) return v.error();
  *out = *v;
  for (size_t i = 0; i < out->size(); ++i)
    if (Status s = CheckRegex((*out)[i], core::Where(path, a),
                              what + "[" + std::to_string(i) + "]", nullptr);
        !s)
      return s;
  return core::Ok{};
}

/// `window` (0..kMaxWindow lines) and `requires` (composite parts).
Status ParseContext(const YAML::Node& n, const std::string& path, const std::string& label,
                    Rule* r) {
  if (YAML::Node w = n["window"]) {
    auto v = core::ScalarInt(w, path, label + ".window");
    if (!v) return v.error();
    if (*v < 0 || *v > kMaxWindow)
      return Error{core::Where(path, w), label + ".window: expected 0 to " +
                                             std::to_string(kMaxWindow) + " lines"};
    r->window = static_cast<int>(*v);
  }
  r->precedence = r->window > 0 ? Precedence::kContext : Precedence::kProvider;
  if (YAML::Node p = n["precedence"]) {
    auto v = core::ScalarString(p, path, label + ".precedence");
    if (!v) return v.error();
    const std::pair<const char*, Precedence> words[] = {{"provider", Precedence::kProvider},
                                                        {"context", Precedence::kContext},
                                                        {"generic", Precedence::kGeneric}};
    auto it = std::find_if(std::begin(words), std::end(words),
                           [&](const auto& w) { return *v == w.first; });
    if (it == std::end(words))
      return Error{core::Where(path, p),
                   label + ".precedence: expected provider, context or generic, got '" + *v + "'"};
    r->precedence = it->second;
  }
  YAML::Node req = n["requires"];
  if (!req) return core::Ok{};
  const std::string at = core::Where(path, req);
  if (!req.IsSequence() || req.size() == 0 || req.size() > kMaxParts)
    return Error{at, label + ".requires: expected a list of 1 to " + std::to_string(kMaxParts) +
                         " parts ({name, regex})"};
  for (size_t i = 0; i < req.size(); ++i) {
    const std::string what = label + ".requires[" + std::to_string(i) + "]";
    const YAML::Node part = req[i];
    if (!part.IsMap()) return Error{core::Where(path, part), what + ": expected a mapping"};
    if (Status s = core::CheckKeys(part, {"name", "regex"}, path, what); !s) return s;
    RulePart out;
    for (auto [key, dest] : {std::pair{"name", &out.name}, std::pair{"regex", &out.regex}}) {
      if (!part[key]) return Error{core::Where(path, part), what + ": missing " + key};
      auto v = core::ScalarString(part[key], path, what + "." + key);
      if (!v) return v.error();
      if (v->empty()) return Error{core::Where(path, part[key]), what + "." + key + ": empty"};
      *dest = *v;
    }
    if (Status s = CheckRegex(out.regex, core::Where(path, part["regex"]), what + ".regex"); !s)
      return s;
    r->requires_parts.push_back(std::move(out));
  }
  return core::Ok{};
}

// A rule entry being read: its node, the file, the node's position and the
// label errors name it by ("rule github-pat", or "rules[3]" before its id).
struct RuleSite {
  const YAML::Node& n;
  const std::string& path;
  const std::string at;
  const std::string label;
};

/// The required non-empty string `key` of the rule.
Status RequiredString(const RuleSite& site, const char* key, std::string* out) {
  YAML::Node v = site.n[key];
  if (!v || v.IsNull()) return Error{site.at, site.label + ": missing " + key};
  auto s = core::ScalarString(v, site.path, site.label + "." + key);
  if (!s) return s.error();
  *out = *s;
  if (out->empty()) return Error{core::Where(site.path, v), site.label + "." + key + ": empty"};
  return core::Ok{};
}

/// id (kebab-case), description, provider and severity.
Status ParseIdentity(const RuleSite& site, Rule* r) {
  SECGATE_RETURN_IF_ERROR(RequiredString(site, "id", &r->id));
  if (!IsKebab(r->id))
    return Error{site.at, "rule id '" + r->id + "' is not kebab-case (a-z, 0-9, '-')"};
  SECGATE_RETURN_IF_ERROR(RequiredString(site, "description", &r->description));
  SECGATE_RETURN_IF_ERROR(RequiredString(site, "provider", &r->provider));
  std::string sev;
  SECGATE_RETURN_IF_ERROR(RequiredString(site, "severity", &sev));
  auto parsed = core::ParseThreshold(sev);
  if (!parsed)
    return Error{core::Where(site.path, site.n["severity"]),
                 site.label + ".severity: expected critical, high, medium or low, got '" + sev +
                     "'"};
  r->severity = *parsed;
  return core::Ok{};
}

/// keywords: at least one, each a non-empty single line.
Status ParseKeywords(const RuleSite& site, Rule* r) {
  if (!site.n["keywords"]) return Error{site.at, site.label + ": missing keywords"};
  auto kw = core::StringList(site.n["keywords"], site.path, site.label + ".keywords");
  if (!kw) return kw.error();
  r->keywords = *kw;
  if (r->keywords.empty())
    return Error{site.at, site.label + ".keywords: at least one keyword is required"};
  for (const auto& k : r->keywords)
    if (k.empty() || k.find('\n') != std::string::npos)
      return Error{site.at, site.label + ".keywords: keywords must be non-empty single-line strings"};
  return core::Ok{};
}

/// regex, the secret_group it captures the secret in, and entropy (0 to 8).
Status ParsePattern(const RuleSite& site, Rule* r) {
  const YAML::Node& n = site.n;
  SECGATE_RETURN_IF_ERROR(RequiredString(site, "regex", &r->regex));
  int groups = 0;
  SECGATE_RETURN_IF_ERROR(
      CheckRegex(r->regex, core::Where(site.path, n["regex"]), site.label + ".regex", &groups));
  long long group = r->secret_group;
  if (YAML::Node g = n["secret_group"]) {
    auto v = core::ScalarInt(g, site.path, site.label + ".secret_group");
    if (!v) return v.error();
    group = *v;
  }
  if (group < 0 || group > groups)  // before narrowing: 2^32 - 1 must not become -1
    return Error{site.at, site.label + ".secret_group: " + std::to_string(group) +
                              " but the regex has " + std::to_string(groups) + " capture groups"};
  r->secret_group = static_cast<int>(group);
  if (YAML::Node e = n["entropy"]) {
    char* end = nullptr;
    std::string text = e.IsScalar() ? e.Scalar() : "";
    r->entropy = std::strtod(text.c_str(), &end);
    if (text.empty() || *end != '\0' || r->entropy < 0 || r->entropy > 8)
      return Error{core::Where(site.path, e), site.label + ".entropy: expected a number from 0 to 8"};
  }
  return core::Ok{};
}

/// examples: match and no_match (required), test_key (with test_keys only).
Status ParseExamples(const RuleSite& site, Rule* r) {
  const std::string& label = site.label;
  YAML::Node ex = site.n["examples"];
  if (!ex || ex.IsNull()) return Error{site.at, label + ": missing examples (match and no_match)"};
  SECGATE_RETURN_IF_ERROR(
      core::CheckKeys(ex, {"match", "no_match", "test_key"}, site.path, label + ".examples"));
  std::string ex_at = core::Where(site.path, ex);
  auto m = Examples(ex["match"], ex_at, label + ".examples.match");
  if (!m) return m.error();
  auto nm = Examples(ex["no_match"], ex_at, label + ".examples.no_match");
  if (!nm) return nm.error();
  r->examples_match = std::move(*m);
  r->examples_no_match = std::move(*nm);
  if (ex["test_key"]) {
    auto tk = Examples(ex["test_key"], ex_at, label + ".examples.test_key");
    if (!tk) return tk.error();
    r->examples_test_key = std::move(*tk);
  }
  if (r->test_keys.empty() != r->examples_test_key.empty())
    return Error{site.at, label + ": test_keys and examples.test_key go together (each test-key "
                                  "pattern needs an example, and an example needs a pattern)"};
  return core::Ok{};
}

Status ParseRule(const YAML::Node& n, const std::string& path, size_t index, Rule* r) {
  std::string at = core::Where(path, n);
  if (!n.IsMap()) return Error{at, "rules[" + std::to_string(index) + "]: expected a mapping"};
  if (n["id"] && n["id"].IsScalar()) r->id = n["id"].Scalar();
  const RuleSite site{
      n, path, at, r->id.empty() ? "rules[" + std::to_string(index) + "]" : "rule " + r->id};
  const std::string& label = site.label;
  SECGATE_RETURN_IF_ERROR(core::CheckKeys(
      n, {"id", "description", "provider", "severity", "keywords", "regex", "secret_group",
          "entropy", "allow", "paths", "test_keys", "window", "requires", "precedence", "examples"},
      path, label));
  r->source = at;
  SECGATE_RETURN_IF_ERROR(ParseIdentity(site, r));
  SECGATE_RETURN_IF_ERROR(ParseKeywords(site, r));
  SECGATE_RETURN_IF_ERROR(ParsePattern(site, r));
  SECGATE_RETURN_IF_ERROR(RegexList(n, "allow", path, label, &r->allow));
  SECGATE_RETURN_IF_ERROR(RegexList(n, "test_keys", path, label, &r->test_keys));
  if (YAML::Node p = n["paths"]) {
    auto v = core::StringList(p, path, label + ".paths");
    if (!v) return v.error();
    r->paths = *v;
  }
  SECGATE_RETURN_IF_ERROR(ParseContext(n, path, label, r));
  return ParseExamples(site, r);
}

Status CheckVersion(const YAML::Node& root, const std::string& path) {
  YAML::Node v = root["version"];
  if (!v) return Error{path, "missing version (expected version: 1)"};
  if (!v.IsScalar() || v.Scalar() != "1") return Error{core::Where(path, v), "version: expected 1"};
  return core::Ok{};
}

}  // namespace

// The message names the rule or key, never a value.
Status CheckRegex(const std::string& pattern, const std::string& where, const std::string& what,
                  int* groups) {
  RE2::Options o;
  o.set_log_errors(false);
  RE2 re(pattern, o);
  if (!re.ok()) return Error{where, what + ": invalid RE2 pattern: " + re.error()};
  if (groups) *groups = re.NumberOfCapturingGroups();
  return core::Ok{};
}

Result<std::vector<Rule>> ParseRuleFile(std::string_view yaml_text, const std::string& path) {
  auto root = core::LoadYaml(yaml_text, path);
  if (!root) return root.error();
  if (!root->IsMap()) return Error{path, "expected a mapping with version and rules"};
  if (Status s = core::CheckKeys(*root, {"version", "rules"}, path, ""); !s) return s.error();
  if (Status s = CheckVersion(*root, path); !s) return s.error();
  YAML::Node list = (*root)["rules"];
  if (!list || !list.IsSequence()) return Error{path, "rules: expected a list of rules"};
  std::vector<Rule> rules;
  for (size_t i = 0; i < list.size(); ++i) {
    Rule r;
    if (Status s = ParseRule(list[i], path, i, &r); !s) return s.error();
    rules.push_back(std::move(r));
  }
  if (Status s = CheckUniqueIds(rules); !s) return s.error();
  return rules;
}

Result<Allowlist> ParseAllowlistFile(std::string_view yaml_text, const std::string& path) {
  auto root = core::LoadYaml(yaml_text, path);
  if (!root) return root.error();
  if (!root->IsMap()) return Error{path, "expected a mapping with version and allowlist"};
  if (Status s = core::CheckKeys(*root, {"version", "allowlist"}, path, ""); !s) return s.error();
  if (Status s = CheckVersion(*root, path); !s) return s.error();
  YAML::Node a = (*root)["allowlist"];
  if (!a || !a.IsMap()) return Error{path, "allowlist: expected a mapping"};
  if (Status s = core::CheckKeys(a, {"paths", "stopwords", "placeholders"}, path, "allowlist"); !s)
    return s.error();
  Allowlist out;
  for (const auto& kv : a) {
    const std::string k = kv.first.Scalar();
    auto v = core::StringList(kv.second, path, "allowlist." + k);
    if (!v) return v.error();
    if (k == "paths") out.paths = *v;
    if (k == "stopwords") {
      for (auto w : *v) {
        core::AsciiLowerInPlace(&w);
        if (w.empty()) return Error{core::Where(path, kv.second), "allowlist.stopwords: empty word"};
        out.stopwords.push_back(w);
      }
    }
    if (k == "placeholders") {
      out.placeholders = *v;
      for (size_t i = 0; i < v->size(); ++i)
        if (Status s = CheckRegex((*v)[i], core::Where(path, kv.second),
                                  "allowlist.placeholders[" + std::to_string(i) + "]", nullptr);
            !s)
          return s.error();
    }
  }
  return out;
}

Status CheckUniqueIds(const std::vector<Rule>& rules) {
  std::map<std::string, const Rule*> seen;
  for (const auto& r : rules) {
    auto [it, inserted] = seen.emplace(r.id, &r);
    if (!inserted)
      return Error{r.source, "duplicate rule id '" + r.id + "' (first at " + it->second->source + ")"};
  }
  return core::Ok{};
}

}  // namespace secgate::secrets
