#include "gates/core/policy.h"

#include <algorithm>
#include <filesystem>
#include <functional>
#include <set>
#include <string_view>

#include "gates/core/policy_presets.h"
#include "gates/core/sha256.h"
#include "gates/core/strings.h"
#include "gates/core/yaml_util.h"

namespace secgate::core {
namespace {

// ---------------------------------------------------------------------------
// Value parsers: Result<T>(node, file, key). Each names the key and line.

Result<Severity> ThresholdAt(const YAML::Node& n, const std::string& path, const std::string& key) {
  auto s = ScalarString(n, path, key);
  if (!s) return s.error();
  auto sev = ParseThreshold(*s);
  if (!sev)
    return Error{Where(path, n), key + ": unknown severity '" + *s +
                                     "' (expected critical, high, medium or low)"};
  return *sev;
}

Result<std::optional<Severity>> UnknownAs(const YAML::Node& n, const std::string& path,
                                          const std::string& key) {
  auto s = ScalarString(n, path, key);
  if (!s) return s.error();
  if (*s == "ignore") return std::optional<Severity>{};
  auto sev = ThresholdAt(n, path, key + " (or ignore)");
  if (!sev) return sev.error();
  return std::optional<Severity>{*sev};
}

// Severity sources vuln.severity_source may name: "reported", "max", and the
// rating sources the readers produce (Trivy vendors, Grype namespaces, OSV
// id prefixes, the tools themselves). A name outside the list would never
// match a rating and silently keep the reported severity, so it is an error
// (docs/policy.md). Compared case-insensitively, as ratings are.
constexpr std::string_view kSeveritySources[] = {
    "reported", "max", "nvd", "ghsa", "github", "redhat", "debian", "ubuntu", "alpine",
    "amazon", "alma", "rocky", "oracle", "oracle-oval", "photon", "suse", "suse-cvrf",
    "sles", "arch-linux", "azure", "cbl-mariner", "mariner", "wolfi", "chainguard",
    "bitnami", "k8s", "go", "go-vulndb", "osv", "rustsec", "pysec", "npm", "npm-audit",
    "pip-audit", "ruby-advisory-db", "php-security-advisories", "nodejs-security-wg",
    "python-safety-db", "glad", "echo", "minimos", "julia", "cvss", "cyclonedx",
    "osv-scanner", "grype", "trivy"};

Result<std::string> SeveritySource(const YAML::Node& v, const std::string& path,
                                   const std::string& key) {
  auto source = ScalarString(v, path, key);
  if (!source) return source;
  for (std::string_view known : kSeveritySources) {
    if (known == AsciiLower(*source)) return source;
  }
  std::string list;
  for (std::string_view known : kSeveritySources) list += (list.empty() ? "" : ", ") + std::string(known);
  return Error{Where(path, v), key + ": unknown severity source '" + *source +
                                   "' (expected one of: " + list + ")"};
}

/// A scalar that must be one of `allowed` (listed strictest first).
Result<std::string> OneOf(const YAML::Node& n, const std::string& path, const std::string& key,
                          const std::vector<std::string>& allowed) {
  auto s = ScalarString(n, path, key);
  if (!s) return s.error();
  if (std::find(allowed.begin(), allowed.end(), *s) != allowed.end()) return *s;
  std::string list;
  for (size_t i = 0; i < allowed.size(); ++i)
    list += (i == 0 ? "" : i + 1 == allowed.size() ? " or " : ", ") + allowed[i];
  return Error{Where(path, n), key + ": expected " + list + ", got '" + *s + "'"};
}

/// A word mapped to a bool: `when_true` or `when_false`.
Result<bool> Word(const YAML::Node& n, const std::string& path, const std::string& key,
                  const std::string& when_true, const std::string& when_false) {
  auto s = ScalarString(n, path, key);
  if (!s) return s.error();
  if (*s != when_true && *s != when_false)
    return Error{Where(path, n), key + ": expected " + when_true + " or " + when_false +
                                     ", got '" + *s + "'"};
  return *s == when_true;
}

Result<std::string> TestKeys(const YAML::Node& n, const std::string& path, const std::string& key) {
  return OneOf(n, path, key, {"report", "fail", "ignore"});
}
Result<std::string> LicensesUnknown(const YAML::Node& n, const std::string& path,
                                    const std::string& key) {
  return OneOf(n, path, key, {"fail", "warn", "pass"});
}
Result<bool> HonourOrDeny(const YAML::Node& n, const std::string& path, const std::string& key) {
  return Word(n, path, key, "honour", "deny");
}
Result<bool> AnyOrNew(const YAML::Node& n, const std::string& path, const std::string& key) {
  return Word(n, path, key, "any", "new");
}
Result<bool> TicketOrReport(const YAML::Node& n, const std::string& path, const std::string& key) {
  return Word(n, path, key, "require_ticket", "report");
}

Result<long long> Days(const YAML::Node& n, const std::string& path, const std::string& key) {
  auto num = ScalarInt(n, path, key);
  if (!num) return num;
  if (*num > 3660) return Error{Where(path, n), key + ": at most 3660 days"};
  if (key == "waivers.max_days" && *num < 1) return Error{Where(path, n), key + ": at least 1 day"};
  return num;
}

Result<long long> DecodeDepth(const YAML::Node& n, const std::string& path, const std::string& key) {
  auto depth = ScalarInt(n, path, key);
  if (depth && *depth > 4) return Error{Where(path, n), key + ": at most 4"};
  return depth;
}

Result<long long> Limit(const YAML::Node& n, const std::string& path, const std::string& key) {
  auto count = ScalarInt(n, path, key);
  if (count) *count = std::min<long long>(*count, 1 << 30);
  return count;
}

// entry[key], when present, parsed by `parse` (named "<at>.<key>") into *out.
template <typename T, typename Parse>
Status Member(const YAML::Node& entry, const char* key, const std::string& path,
              const std::string& at, Parse parse, T* out) {
  if (!entry[key]) return Ok{};
  auto v = parse(entry[key], path, at + "." + key);
  if (!v) return v.error();
  *out = *v;
  return Ok{};
}

// A mapping of names (tools, rule ids) to small mappings with `fields`:
// each entry read by `entry`, keyed by `key_of(name)`; a repeated key is an
// error.
template <typename T>
Result<std::map<std::string, T>> NamedEntries(
    const YAML::Node& n, const std::string& path, const std::string& key, const char* what,
    std::initializer_list<std::string_view> fields, std::string (*key_of)(std::string_view),
    const std::function<Result<T>(const YAML::Node&, const std::string& at)>& entry) {
  if (!n.IsMap()) return Error{Where(path, n), key + ": expected a mapping of " + what + "s"};
  std::map<std::string, T> out;
  for (const auto& kv : n) {
    const std::string name = kv.first.Scalar(), at = key + "." + name;
    if (name.empty()) return Error{Where(path, kv.first), key + ": empty " + what};
    if (Status s = CheckKeys(kv.second, fields, path, at); !s) return s.error();
    auto value = entry(kv.second, at);
    if (!value) return value.error();
    if (!out.emplace(key_of(name), std::move(*value)).second)
      return Error{Where(path, kv.first), key + ": " + what + " '" + name +
                                              "' given twice (compared case-insensitively)"};
  }
  return out;
}

std::string AsIs(std::string_view s) { return std::string(s); }
std::string Folded(std::string_view s) { return AsciiLower(s); }

/// code.tools: {<tool>: {fail_on: <severity>, disable: <bool>}}; tool names
/// are compared case-insensitively, so they are stored lower-cased.
Result<std::map<std::string, CodeToolPolicy>> CodeTools(const YAML::Node& n,
                                                        const std::string& path,
                                                        const std::string& key) {
  return NamedEntries<CodeToolPolicy>(
      n, path, key, "tool name", {"fail_on", "disable"}, Folded,
      [&path](const YAML::Node& e, const std::string& at) -> Result<CodeToolPolicy> {
        CodeToolPolicy t;
        if (Status s = Member(e, "fail_on", path, at, ThresholdAt, &t.fail_on); !s) return s.error();
        if (Status s = Member(e, "disable", path, at, ScalarBool, &t.disable); !s) return s.error();
        return t;
      });
}

/// code.rules: {<rule id>: {severity: <severity>} | {ignore: true, reason: "…"}}.
Result<std::map<std::string, CodeRulePolicy>> CodeRules(const YAML::Node& n,
                                                        const std::string& path,
                                                        const std::string& key) {
  return NamedEntries<CodeRulePolicy>(
      n, path, key, "rule id", {"severity", "ignore", "reason"}, AsIs,
      [&path](const YAML::Node& e, const std::string& at) -> Result<CodeRulePolicy> {
        CodeRulePolicy r;
        r.where = Where(path, e);
        for (Status s : {Member(e, "severity", path, at, ThresholdAt, &r.severity),
                         Member(e, "ignore", path, at, ScalarBool, &r.ignore),
                         Member(e, "reason", path, at, ScalarString, &r.reason)})
          if (!s) return s.error();
        if (r.ignore && r.reason.empty())
          return Error{r.where, at + ": ignore needs a reason (say why the rule does not apply)"};
        if (r.ignore && r.severity) return Error{r.where, at + ": give severity or ignore, not both"};
        if (!r.ignore && !r.severity) return Error{r.where, at + ": expected severity or ignore"};
        return r;
      });
}

/// Commit ids: hex, 7 to 40 characters, stored lower-case.
Result<std::vector<std::string>> CommitIds(const YAML::Node& n, const std::string& path,
                                           const std::string& key) {
  auto list = StringList(n, path, key);
  if (!list) return list;
  for (size_t i = 0; i < list->size(); ++i) {
    std::string id = AsciiLower((*list)[i]);
    bool hex = std::all_of(id.begin(), id.end(), [](char c) {
      return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
    });
    if (!hex || id.size() < 7 || id.size() > 40)
      return Error{Where(path, n), key + "[" + std::to_string(i) + "]: expected a commit id (7 to 40 hex "
                                       "characters), got '" + (*list)[i] + "'"};
    (*list)[i] = id;
  }
  return list;
}

Result<std::vector<std::string>> FieldsFrom(const YAML::Node& n, const std::string& path,
                                            const std::string& key,
                                            const std::vector<std::string>& allowed) {
  auto fields = StringList(n, path, key);
  if (!fields) return fields;
  for (const auto& f : *fields)
    if (std::find(allowed.begin(), allowed.end(), f) == allowed.end())
      return Error{Where(path, n), key + ": unknown field '" + f + "'"};
  return fields;
}
Result<std::vector<std::string>> ComponentFields(const YAML::Node& n, const std::string& path,
                                                 const std::string& key) {
  return FieldsFrom(n, path, key, {"name", "version", "purl", "supplier", "license", "hashes"});
}
Result<std::vector<std::string>> DocumentFields(const YAML::Node& n, const std::string& path,
                                                const std::string& key) {
  return FieldsFrom(n, path, key, {"timestamp", "author"});
}

// ---------------------------------------------------------------------------
// Merging: what a later file's value does to the earlier one. Scalars
// replace; lists union (order kept, duplicates dropped).

template <typename T>
void Merge(T& into, T value) { into = std::move(value); }
void Merge(std::vector<std::string>& into, std::vector<std::string> value) {
  for (auto& v : value)
    if (std::find(into.begin(), into.end(), v) == into.end()) into.push_back(std::move(v));
}
void Merge(int& into, long long value) { into = static_cast<int>(value); }
/// Maps keyed by tool or rule: a later file's entry replaces that key's.
template <typename V>
void Merge(std::map<std::string, V>& into, std::map<std::string, V> value) {
  for (auto& [k, v] : value) into[k] = std::move(v);
}

// ---------------------------------------------------------------------------
// Printing values for --print-policy and lock messages.

std::string Show(Severity s) { return std::string(SeverityName(s)); }
std::string Show(const std::optional<Severity>& s) { return s ? Show(*s) : "ignore"; }
std::string Show(bool b) { return b ? "true" : "false"; }
std::string Show(long long n) { return std::to_string(n); }
std::string Show(int n) { return std::to_string(n); }
std::string Show(const std::string& s) { return s.empty() ? "\"\"" : s; }
std::string Show(const std::vector<std::string>& list) {
  std::string out = "[";
  for (size_t i = 0; i < list.size(); ++i) out += (i ? ", " : "") + list[i];
  return out + "]";
}
std::string Show(const std::map<std::string, CodeToolPolicy>& tools) {
  std::string out = "{";
  for (const auto& [name, t] : tools) {
    out += (out.size() > 1 ? ", " : "") + name + ":";
    if (t.fail_on) out += " fail_on " + Show(*t.fail_on);
    if (t.disable) out += " disabled";
  }
  return out + "}";
}
std::string Show(const std::map<std::string, CodeRulePolicy>& rules) {
  std::string out = "{";
  for (const auto& [id, r] : rules)
    out += (out.size() > 1 ? ", " : "") + id + ": " +
           (r.ignore ? "ignore (" + r.reason + ")" : Show(*r.severity));
  return out + "}";
}
std::string ShowHonour(bool honour) { return honour ? "honour" : "deny"; }
std::string ShowAny(bool any) { return any ? "any" : "new"; }
std::string ShowTicket(bool ticket) { return ticket ? "require_ticket" : "report"; }

// ---------------------------------------------------------------------------
// Loosening: is `now` weaker than `before`? Used for locked keys.

bool Higher(Severity before, Severity now) { return now > before; }  // fail_on: a higher bar
bool Lower(const std::optional<Severity>& before, const std::optional<Severity>& now) {
  auto rank = [](const std::optional<Severity>& s) { return s ? static_cast<int>(*s) : -1; };
  return rank(now) < rank(before);
}
template <typename T>
bool Higher(const T& before, const T& now) { return now > before; }
template <typename T>
bool Lower(const T& before, const T& now) { return now < before; }
bool BecameTrue(bool before, bool now) { return now && !before; }
bool BecameFalse(bool before, bool now) { return before && !now; }
bool Changed(const std::string& before, const std::string& now) { return before != now; }
/// An allow-type list: entries the base did not have loosen it.
bool Added(const std::vector<std::string>& before, const std::vector<std::string>& now) {
  return std::any_of(now.begin(), now.end(), [&](const std::string& v) {
    return std::find(before.begin(), before.end(), v) == before.end();
  });
}
/// A deny-type list: entries the base had and this one lacks loosen it.
bool Removed(const std::vector<std::string>& before, const std::vector<std::string>& now) {
  return Added(now, before);
}
/// A word from a list ordered strictest first.
bool LaterIn(std::initializer_list<std::string_view> order, const std::string& before,
             const std::string& now) {
  auto pos = [&](const std::string& w) {
    return std::find(order.begin(), order.end(), w) - order.begin();
  };
  return pos(now) > pos(before);
}
/// A tool newly disabled or given a higher bar loosens code.tools.
bool ToolsLoosened(const std::map<std::string, CodeToolPolicy>& before,
                   const std::map<std::string, CodeToolPolicy>& now) {
  for (const auto& [name, t] : now) {
    auto it = before.find(name);
    const CodeToolPolicy base = it == before.end() ? CodeToolPolicy{} : it->second;
    if (t.disable && !base.disable) return true;
    if (t.fail_on && (!base.fail_on || *t.fail_on > *base.fail_on)) return true;
  }
  return false;
}
/// A rule newly ignored, or given a lower severity, loosens code.rules.
bool RulesLoosened(const std::map<std::string, CodeRulePolicy>& before,
                   const std::map<std::string, CodeRulePolicy>& now) {
  for (const auto& [id, r] : now) {
    auto it = before.find(id);
    if (it == before.end()) {
      if (r.ignore || r.severity) return true;  // any override may lower what the tool said
      continue;
    }
    if (r.ignore && !it->second.ignore) return true;
    if (r.severity && it->second.severity && *r.severity < *it->second.severity) return true;
  }
  return false;
}
bool LaterTestKeys(const std::string& b, const std::string& n) {
  return LaterIn({"fail", "report", "ignore"}, b, n);
}
bool LaterUnknown(const std::string& b, const std::string& n) {
  return LaterIn({"fail", "warn", "pass"}, b, n);
}

// ---------------------------------------------------------------------------
// The key table. One row per key: adding a policy key is one row here, its
// field in policy.h and its section in docs/policy.md. Section key lists
// ("expected one of: ...") come from the row order.

struct KeyRow {
  std::string_view key;  ///< Dotted: "vuln.fail_on". Sections are the prefixes.
  /// Parses `v` and merges it into the policy; errors name `file` and line.
  Status (*apply)(const YAML::Node& v, const std::string& file, const std::string& key, Policy& p);
  std::string (*show)(const Policy& p);
  /// True when `now` is weaker than `before` (a locked key may not be).
  bool (*loosened)(const Policy& before, const Policy& now);
  bool path_valued = false;  ///< Values are paths relative to the file.
};

#define SG_KEY(name, field, parse, show_fn, loosen_fn)                                      \
  KeyRow {                                                                                \
    name,                                                                                 \
        [](const YAML::Node& v, const std::string& file, const std::string& key,          \
           Policy& p) -> Status {                                                         \
          auto r = parse(v, file, key);                                                   \
          if (!r) return r.error();                                                       \
          Merge(p.field, std::move(*r));                                                  \
          return Ok{};                                                                    \
        },                                                                                \
        [](const Policy& p) { return show_fn(p.field); },                                 \
        [](const Policy& b, const Policy& n) { return loosen_fn(b.field, n.field); }      \
  }

#define SG_LIMIT(section, name, sev)                                                          \
  KeyRow {                                                                                    \
    #section ".limits." name,                                                                 \
        [](const YAML::Node& v, const std::string& file, const std::string& key,              \
           Policy& p) -> Status {                                                             \
          auto r = Limit(v, file, key);                                                       \
          if (!r) return r.error();                                                           \
          p.section.limits[sev] = static_cast<int>(*r);                                       \
          return Ok{};                                                                        \
        },                                                                                    \
        [](const Policy& p) {                                                                 \
          auto it = p.section.limits.find(sev);                                               \
          return it == p.section.limits.end() ? std::string("0") : std::to_string(it->second); \
        },                                                                                    \
        [](const Policy& b, const Policy& n) {                                                \
          auto count = [](const Policy& p) {                                                  \
            auto it = p.section.limits.find(sev);                                             \
            return it == p.section.limits.end() ? 0 : it->second;                             \
          };                                                                                  \
          return count(n) > count(b);                                                         \
        }                                                                                     \
  }

/// `version`, `extends` and `locked`: read by ParseFile itself.
#define SG_META(name)                                                                       \
  KeyRow {                                                                                  \
    name, [](const YAML::Node&, const std::string&, const std::string&, Policy&) -> Status { \
      return Ok{};                                                                          \
    },                                                                                      \
        nullptr, nullptr                                                                    \
  }

Result<bool> Bool(const YAML::Node& n, const std::string& path, const std::string& key) {
  return ScalarBool(n, path, key);
}

std::vector<KeyRow> VulnKeys() {
  return {
      SG_KEY("vuln.fail_on", vuln.fail_on, ThresholdAt, Show, Higher),
      SG_KEY("vuln.unknown_as", vuln.unknown_as, UnknownAs, Show, Lower),
      SG_KEY("vuln.ignore_unfixed", vuln.ignore_unfixed, Bool, Show, BecameTrue),
      SG_KEY("vuln.ignore_dev", vuln.ignore_dev, Bool, Show, BecameTrue),
      SG_KEY("vuln.severity_source", vuln.severity_source, SeveritySource, Show, Changed),
      SG_LIMIT(vuln, "critical", Severity::kCritical),
      SG_LIMIT(vuln, "high", Severity::kHigh),
      SG_LIMIT(vuln, "medium", Severity::kMedium),
      SG_LIMIT(vuln, "low", Severity::kLow),
      SG_LIMIT(vuln, "unknown", Severity::kUnknown),
      SG_KEY("vuln.only_new", vuln.only_new, Bool, Show, BecameTrue),
      SG_KEY("vuln.baseline", vuln.baseline, ScalarString, Show, Changed),
      SG_KEY("vuln.trust_vex", vuln.trust_vex, Bool, Show, BecameTrue),
      SG_KEY("vuln.upstream_ignores", vuln.honour_upstream_ignores, HonourOrDeny, ShowHonour,
             BecameTrue),
  };
}

std::vector<KeyRow> SecretsKeys() {
  return {
      SG_KEY("secrets.fail_on", secrets.fail_on, ThresholdAt, Show, Higher),
      SG_KEY("secrets.rules", secrets.rules, StringList, Show, Removed),
      SG_KEY("secrets.replace_rules", secrets.replace_rules, Bool, Show, BecameTrue),
      SG_KEY("secrets.disable", secrets.disable, StringList, Show, Added),
      SG_KEY("secrets.allow_paths", secrets.allow_paths, StringList, Show, Added),
      SG_KEY("secrets.stopwords", secrets.stopwords, StringList, Show, Added),
      SG_KEY("secrets.max_file_size", secrets.max_file_size, ScalarInt, Show, Lower),
      SG_KEY("secrets.skip_large_files", secrets.skip_large_files, Bool, Show, BecameTrue),
      SG_KEY("secrets.test_keys", secrets.test_keys, TestKeys, Show, LaterTestKeys),
      SG_KEY("secrets.allowlist.commits", secrets.allowlist_commits, CommitIds, Show, Added),
      SG_KEY("secrets.allowlist.secret_regexes", secrets.allowlist_secret_regexes, StringList,
             Show, Added),
      SG_KEY("secrets.allowlist.line_regexes", secrets.allowlist_line_regexes, StringList, Show,
             Added),
      SG_KEY("secrets.decode.depth", secrets.decode_depth, DecodeDepth, Show, Lower),
  };
}

std::vector<KeyRow> SbomKeys() {
  return {
      SG_KEY("sbom.fail_on", sbom.fail_on, ThresholdAt, Show, Higher),
      SG_KEY("sbom.licenses.allow", sbom.licenses_allow, StringList, Show, Added),
      SG_KEY("sbom.licenses.deny", sbom.licenses_deny, StringList, Show, Removed),
      SG_KEY("sbom.licenses.unknown", sbom.licenses_unknown, LicensesUnknown, Show,
             LaterUnknown),
      SG_KEY("sbom.banned", sbom.banned, StringList, Show, Removed),
      SG_KEY("sbom.require.component", sbom.require_component, ComponentFields, Show, Removed),
      SG_KEY("sbom.require.document", sbom.require_document, DocumentFields, Show, Removed),
  };
}

std::vector<KeyRow> CodeKeys() {
  return {
      SG_KEY("code.fail_on", code.fail_on, ThresholdAt, Show, Higher),
      SG_KEY("code.unknown_as", code.unknown_as, UnknownAs, Show, Lower),
      SG_KEY("code.levels.error", code.level_error, UnknownAs, Show, Lower),
      SG_KEY("code.levels.warning", code.level_warning, UnknownAs, Show, Lower),
      SG_KEY("code.levels.note", code.level_note, UnknownAs, Show, Lower),
      SG_KEY("code.levels.none", code.level_none, UnknownAs, Show, Lower),
      SG_KEY("code.tools", code.tools, CodeTools, Show, ToolsLoosened),
      SG_KEY("code.rules", code.rules, CodeRules, Show, RulesLoosened),
      SG_KEY("code.paths.exclude", code.paths_exclude, StringList, Show, Added),
      SG_LIMIT(code, "critical", Severity::kCritical),
      SG_LIMIT(code, "high", Severity::kHigh),
      SG_LIMIT(code, "medium", Severity::kMedium),
      SG_LIMIT(code, "low", Severity::kLow),
      SG_LIMIT(code, "unknown", Severity::kUnknown),
      SG_KEY("code.only_new", code.only_new, Bool, Show, BecameTrue),
      SG_KEY("code.upstream_ignores", code.honour_upstream_ignores, HonourOrDeny, ShowHonour,
             BecameTrue),
  };
}

std::vector<KeyRow> WaiverAndPrKeys() {
  return {
      SG_KEY("waivers.max_days", waivers.max_days, Days, Show, Higher),
      SG_KEY("waivers.expiring_days", waivers.expiring_days, Days, Show, Lower),
      SG_KEY("waivers.allow_wildcards", waivers.allow_wildcards, Bool, Show, BecameTrue),
      SG_KEY("waivers.require_ticket", waivers.require_ticket, Bool, Show, BecameFalse),
      SG_KEY("pr.fail_on", pr.fail_on_any, AnyOrNew, ShowAny, BecameFalse),
      SG_KEY("pr.exemptions", pr.exemptions_need_ticket, TicketOrReport, ShowTicket,
             BecameFalse),
  };
}

// Every key, in the order key lists show them: version, the sections, then
// extends and locked.
const std::vector<KeyRow>& Keys() {
  static const std::vector<KeyRow> rows = [] {
    std::vector<KeyRow> r = {SG_META("version")};
    for (auto section : {VulnKeys, SecretsKeys, SbomKeys, CodeKeys, WaiverAndPrKeys})
      for (KeyRow& row : section()) r.push_back(std::move(row));
    r.push_back(SG_META("extends"));
    r.push_back(SG_META("locked"));
    for (KeyRow& row : r)
      if (row.key == "secrets.rules" || row.key == "vuln.baseline") row.path_valued = true;
    return r;
  }();
  return rows;
}

#undef SG_KEY
#undef SG_LIMIT
#undef SG_META

const KeyRow* FindRow(std::string_view key) {
  for (const KeyRow& row : Keys())
    if (row.key == key) return &row;
  return nullptr;
}

/// Child names of a section ("" = the top level), in table order.
std::vector<std::string> ChildrenOf(std::string_view section) {
  std::vector<std::string> out;
  for (const KeyRow& row : Keys()) {
    std::string_view key = row.key;
    if (!section.empty()) {
      if (key.size() <= section.size() || key.substr(0, section.size()) != section ||
          key[section.size()] != '.')
        continue;
      key.remove_prefix(section.size() + 1);
    }
    std::string child(key.substr(0, key.find('.')));
    if (std::find(out.begin(), out.end(), child) == out.end()) out.push_back(child);
  }
  return out;
}

bool Covers(std::string_view lock, std::string_view key) {
  return key == lock || (key.size() > lock.size() && key.substr(0, lock.size()) == lock &&
                         key[lock.size()] == '.');
}

// ---------------------------------------------------------------------------
// Files and `extends:`.

struct Loader {
  const PolicyFileReader& read;
  std::vector<std::string> chain;  ///< Files being applied, outermost first (cycle check).
  Policy policy = DefaultPolicy();
};

/// Where `value` (relative to `from_dir`) is, relative to `to_dir`.
std::string Rebase(const std::string& value, const std::string& from_dir, const std::string& to_dir) {
  namespace fs = std::filesystem;
  if (value.empty() || value.front() == '/' || from_dir == to_dir) return value;
  fs::path joined = (fs::path(from_dir) / value).lexically_normal();
  if (to_dir.empty() || joined.is_absolute() != fs::path(to_dir).is_absolute())
    return joined.string();
  fs::path rel = joined.lexically_relative(to_dir);
  return rel.empty() ? joined.string() : rel.string();
}

std::string DirOf(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? "" : path.substr(0, slash);
}

Status ApplySection(const YAML::Node& n, const std::string& section, const std::string& file,
                    const std::string& rebase_from, Loader& ld) {
  std::vector<std::string> children = ChildrenOf(section);
  if (Status s = CheckKeys(n, children, file, section); !s) return s;
  if (n.IsNull()) return Ok{};
  for (const auto& kv : n) {
    const std::string key = section.empty() ? kv.first.Scalar() : section + "." + kv.first.Scalar();
    const YAML::Node& v = kv.second;
    const KeyRow* row = FindRow(key);
    if (row == nullptr) {  // A section.
      if (key == "secrets.allowlist") ld.policy.secrets.allowlist_where = Where(file, v);
      if (Status s = ApplySection(v, key, file, rebase_from, ld); !s) return s;
      continue;
    }
    if (!row->show) continue;  // version, extends, locked: ParseFile's.
    if (row->path_valued && !rebase_from.empty() && v.IsDefined()) {
      YAML::Node copy = YAML::Clone(v);
      if (copy.IsScalar()) copy = Rebase(copy.Scalar(), rebase_from, ld.policy.dir);
      if (copy.IsSequence())
        for (YAML::Node item : copy)
          if (item.IsScalar()) item = Rebase(item.Scalar(), rebase_from, ld.policy.dir);
      if (Status s = row->apply(copy, file, key, ld.policy); !s) return s;
    } else if (Status s = row->apply(v, file, key, ld.policy); !s) {
      return s;
    }
    std::string& origin = ld.policy.origins[key];
    bool list = v.IsSequence();
    if (list && !origin.empty() && origin.find(Where(file, v)) == std::string::npos)
      origin += ", " + Where(file, v);
    else
      origin = Where(file, v);
  }
  return Ok{};
}

Result<std::vector<std::string>> Extends(const YAML::Node& n, const std::string& file) {
  if (n.IsScalar()) return std::vector<std::string>{n.Scalar()};
  auto list = StringList(n, file, "extends");
  if (!list) return Error{Where(file, n), "extends: expected a file, a preset or a list of them"};
  return list;
}

Status ParseFile(std::string_view text, const std::string& file, const std::string& rebase_from,
                 int depth, Loader& ld);

/// A preset is a bare name; anything with a '/' or a .yaml/.yml ending is a path.
bool IsPresetName(const std::string& name) {
  auto ends = [&](std::string_view suf) {
    return name.size() >= suf.size() && name.compare(name.size() - suf.size(), suf.size(), suf) == 0;
  };
  return name.find('/') == std::string::npos && !ends(".yaml") && !ends(".yml");
}

Status ApplyBase(const std::string& name, const YAML::Node& at, const std::string& file,
                 int depth, Loader& ld) {
  if (depth >= kMaxExtendsDepth)
    return Error{Where(file, at), "extends: deeper than " + std::to_string(kMaxExtendsDepth) +
                                      " files (a chain of bases that long is a mistake)"};
  std::string source, text;
  if (IsPresetName(name)) {
    for (int i = 0; i < kPolicyPresetCount; ++i)
      if (kPolicyPresets[i].name == name) text = kPolicyPresets[i].text, source = "preset:" + name;
    if (source.empty()) {
      std::string list;
      for (const auto& p : PolicyPresetNames()) list += (list.empty() ? "" : ", ") + p;
      return Error{Where(file, at), "extends: unknown preset '" + name + "' (expected one of: " +
                                        list + ", or a path ending in .yaml)"};
    }
  } else {
    source = name.front() == '/' ? name
                                 : (std::filesystem::path(DirOf(file)) / name).lexically_normal().string();
    if (!ld.read)
      return Error{Where(file, at), "extends: '" + name + "': base files are not readable here"};
    auto bytes = ld.read(source);
    if (!bytes) return Error{Where(file, at), "extends: " + bytes.error().where + ": " + bytes.error().message};
    text = std::move(*bytes);
  }
  if (std::find(ld.chain.begin(), ld.chain.end(),
                std::filesystem::path(source).lexically_normal().string()) != ld.chain.end()) {
    std::string cycle;
    for (const auto& f : ld.chain) cycle += f + " -> ";
    return Error{Where(file, at), "extends: cycle: " + cycle + source};
  }
  // Paths inside a base file are relative to it: "." marks a base in the
  // working directory, "" (presets, the top file) means nothing to rebase.
  std::string from = source.rfind("preset:", 0) == 0 ? "" : DirOf(source);
  if (from.empty() && source.rfind("preset:", 0) != 0) from = ".";
  if (Status s = ParseFile(text, source, from, depth + 1, ld);
      !s)
    return s;
  ld.policy.bases.push_back({source, Sha256Hex(text)});
  return Ok{};
}

/// Locks from earlier files that `key` falls under; the first one found.
const PolicyLock* LockOn(const std::vector<PolicyLock>& locks, std::string_view key) {
  for (const PolicyLock& l : locks)
    if (Covers(l.key, key)) return &l;
  return nullptr;
}

Status ParseFile(std::string_view text, const std::string& file, const std::string& rebase_from,
                 int depth, Loader& ld) {
  auto doc = LoadYaml(text, file);
  if (!doc) return doc.error();
  const YAML::Node& root = *doc;
  if (root.IsNull()) return Ok{};  // An empty policy file means all defaults.
  if (Status s = CheckKeys(root, ChildrenOf(""), file, ""); !s) return s;
  if (const YAML::Node v = root["version"]; v && (!v.IsScalar() || v.Scalar() != "1"))
    return Error{Where(file, v), "version: expected 1"};
  ld.chain.push_back(std::filesystem::path(file).lexically_normal().string());
  if (const YAML::Node ext = root["extends"]) {
    auto names = Extends(ext, file);
    if (!names) return names.error();
    for (const auto& name : *names)
      if (Status s = ApplyBase(name, ext, file, depth, ld); !s) return s;
  }
  ld.chain.pop_back();
  const Policy before = ld.policy;
  if (Status s = ApplySection(root, "", file, rebase_from, ld); !s) return s;
  for (const KeyRow& row : Keys()) {
    if (!row.loosened) continue;
    const PolicyLock* lock = LockOn(before.locks, row.key);
    if (!lock || !row.loosened(before, ld.policy)) continue;
    auto was = before.origins.find(std::string(row.key));
    std::string at = ld.policy.origins[std::string(row.key)];
    if (size_t comma = at.rfind(", "); comma != std::string::npos) at = at.substr(comma + 2);
    return Error{at,
                 std::string(row.key) + ": '" + row.show(ld.policy) + "' loosens '" +
                     row.show(before) + "'" +
                     (was != before.origins.end() ? " (set at " + was->second + ")" : "") +
                     ", which " + lock->where + " locks (a file that extends it may only tighten it)"};
  }
  if (const YAML::Node locked = root["locked"]) {
    auto keys = StringList(locked, file, "locked");
    if (!keys) return keys.error();
    for (const auto& key : *keys) {
      bool known = std::any_of(Keys().begin(), Keys().end(), [&](const KeyRow& row) {
        return row.loosened && Covers(key, row.key);
      });
      if (!known)
        return Error{Where(file, locked), "locked: unknown key '" + key +
                                              "' (expected a policy key such as vuln.fail_on, or a "
                                              "section such as sbom.licenses)"};
      ld.policy.locks.push_back({key, Where(file, locked)});
    }
  }
  return Ok{};
}

}  // namespace

Policy DefaultPolicy() {
  Policy p;
  p.source = "built-in defaults";
  return p;
}

std::vector<std::string> PolicyPresetNames() {
  std::vector<std::string> out;
  for (int i = 0; i < kPolicyPresetCount; ++i) out.emplace_back(kPolicyPresets[i].name);
  return out;
}

Result<Policy> ParsePolicy(std::string_view yaml_text, const std::string& path,
                           const PolicyFileReader& read) {
  Loader ld{read, {}};
  ld.policy.source = path;
  ld.policy.sha256 = Sha256Hex(yaml_text);
  ld.policy.dir = DirOf(path);
  if (Status s = ParseFile(yaml_text, path, "", 0, ld); !s) return s.error();
  Policy& p = ld.policy;
  if (p.vuln.only_new && p.vuln.baseline.empty()) {
    auto at = p.origins.find("vuln.only_new");
    return Error{at != p.origins.end() ? at->second : path,
                 "vuln.only_new: needs vuln.baseline (a waiver file)"};
  }
  return std::move(ld.policy);
}

const PolicyLock* FindLock(const Policy& p, std::string_view key) { return LockOn(p.locks, key); }

Status OverrideFailOn(Policy& p, Severity sev) {
  struct Slot { const char* key; Severity* value; };
  for (Slot s : {Slot{"vuln.fail_on", &p.vuln.fail_on}, Slot{"secrets.fail_on", &p.secrets.fail_on},
                 Slot{"sbom.fail_on", &p.sbom.fail_on}, Slot{"code.fail_on", &p.code.fail_on}}) {
    const PolicyLock* lock = FindLock(p, s.key);
    if (lock && sev > *s.value)
      return Error{"--fail-on", "'" + Show(sev) + "' loosens " + s.key + " '" + Show(*s.value) +
                                    "', which " + lock->where + " locks"};
    *s.value = sev;
    p.origins[s.key] = "--fail-on";
  }
  return Ok{};
}

std::string PrintPolicy(const Policy& p) {
  std::string out = "# effective policy: " + p.source;
  if (!p.sha256.empty()) out += " (sha256 " + p.sha256.substr(0, 12) + ")";
  out += "\n";
  for (const PolicyBase& b : p.bases)
    out += "# extends: " + b.source + " (sha256 " + b.sha256.substr(0, 12) + ")\n";
  for (const KeyRow& row : Keys()) {
    if (!row.show) continue;
    std::string line = std::string(row.key) + ": " + row.show(p);
    auto origin = p.origins.find(std::string(row.key));
    line += "  # " + (origin != p.origins.end() ? origin->second : std::string("default"));
    if (const PolicyLock* lock = LockOn(p.locks, row.key)) line += "; locked by " + lock->where;
    out += line + "\n";
  }
  return out;
}

}  // namespace secgate::core
