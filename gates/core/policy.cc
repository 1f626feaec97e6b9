#include "gates/core/policy.h"

#include <algorithm>
#include <cctype>
#include <string_view>

#include "gates/core/fingerprint.h"
#include "gates/core/yaml_util.h"

namespace secgate::core {
namespace {

Result<Severity> ThresholdAt(const YAML::Node& n, const std::string& path, const std::string& key) {
  auto s = ScalarString(n, path, key);
  if (!s) return s.error();
  auto sev = ParseThreshold(*s);
  if (!sev)
    return Error{Where(path, n), key + ": unknown severity '" + *s +
                                     "' (expected critical, high, medium or low)"};
  return *sev;
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

Status CheckSeveritySource(const YAML::Node& v, const std::string& path, const std::string& key,
                           const std::string& source) {
  for (std::string_view known : kSeveritySources) {
    bool same = known.size() == source.size() &&
                std::equal(known.begin(), known.end(), source.begin(), [](char a, char b) {
                  return a == std::tolower(static_cast<unsigned char>(b));
                });
    if (same) return Ok{};
  }
  std::string list;
  for (std::string_view known : kSeveritySources) list += (list.empty() ? "" : ", ") + std::string(known);
  return Error{Where(path, v), key + ": unknown severity source '" + source +
                                   "' (expected one of: " + list + ")"};
}

/// A scalar that must be one of `allowed`.
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

// Assigns a parsed value or returns its error from the enclosing function.
#define SECGATE_ASSIGN(dst, expr)          \
  do {                                     \
    auto secgate_r = (expr);               \
    if (!secgate_r) return secgate_r.error(); \
    dst = std::move(*secgate_r);           \
  } while (0)

Status ParseVuln(const YAML::Node& n, const std::string& path, VulnPolicy* out) {
  if (Status s = CheckKeys(n, {"fail_on", "unknown_as", "ignore_unfixed", "ignore_dev",
                               "severity_source", "limits", "only_new", "baseline", "trust_vex",
                               "upstream_ignores"},
                           path, "vuln");
      !s)
    return s;
  for (const auto& kv : n) {
    const std::string key = "vuln." + kv.first.Scalar();
    const YAML::Node& v = kv.second;
    const std::string k = kv.first.Scalar();
    if (k == "fail_on") {
      SECGATE_ASSIGN(out->fail_on, ThresholdAt(v, path, key));
    } else if (k == "unknown_as") {
      auto s = ScalarString(v, path, key);
      if (!s) return s.error();
      if (*s == "ignore") {
        out->unknown_as = std::nullopt;
      } else {
        SECGATE_ASSIGN(out->unknown_as, ThresholdAt(v, path, key + " (or ignore)"));
      }
    } else if (k == "ignore_unfixed") {
      SECGATE_ASSIGN(out->ignore_unfixed, ScalarBool(v, path, key));
    } else if (k == "ignore_dev") {
      SECGATE_ASSIGN(out->ignore_dev, ScalarBool(v, path, key));
    } else if (k == "only_new") {
      SECGATE_ASSIGN(out->only_new, ScalarBool(v, path, key));
    } else if (k == "trust_vex") {
      SECGATE_ASSIGN(out->trust_vex, ScalarBool(v, path, key));
    } else if (k == "upstream_ignores") {
      std::string word;
      SECGATE_ASSIGN(word, ScalarString(v, path, key));
      if (word != "honour" && word != "deny")
        return Error{Where(path, v), key + ": expected honour or deny, got '" + word + "'"};
      out->honour_upstream_ignores = word == "honour";
    } else if (k == "baseline") {
      SECGATE_ASSIGN(out->baseline, ScalarString(v, path, key));
    } else if (k == "severity_source") {
      SECGATE_ASSIGN(out->severity_source, ScalarString(v, path, key));
      if (Status s = CheckSeveritySource(v, path, key, out->severity_source); !s) return s;
    } else if (k == "limits") {
      if (Status s = CheckKeys(v, {"critical", "high", "medium", "low", "unknown"}, path,
                               "vuln.limits");
          !s)
        return s;
      for (const auto& lim : v) {
        long long count;
        SECGATE_ASSIGN(count, ScalarInt(lim.second, path, key + "." + lim.first.Scalar()));
        Severity sev = lim.first.Scalar() == "unknown" ? Severity::kUnknown
                                                       : *ParseThreshold(lim.first.Scalar());
        out->limits[sev] = static_cast<int>(std::min<long long>(count, 1 << 30));
      }
    }
  }
  if (out->only_new && out->baseline.empty())
    return Error{Where(path, n), "vuln.only_new: needs vuln.baseline (a waiver file)"};
  return Ok{};
}

/// secrets.allowlist: commits (hex ids or >= 7-character prefixes, stored
/// lower-case), secret_regexes and line_regexes (RE2, checked when the
/// secrets gate builds its pack: core does not link RE2).
Status ParseSecretsAllowlist(const YAML::Node& n, const std::string& path, SecretsPolicy* out) {
  if (Status s = CheckKeys(n, {"commits", "secret_regexes", "line_regexes"}, path,
                           "secrets.allowlist");
      !s)
    return s;
  out->allowlist_where = Where(path, n);
  for (const auto& kv : n) {
    const std::string k = kv.first.Scalar();
    const std::string key = "secrets.allowlist." + k;
    std::vector<std::string> list;
    SECGATE_ASSIGN(list, StringList(kv.second, path, key));
    if (k == "secret_regexes") out->allowlist_secret_regexes = list;
    if (k == "line_regexes") out->allowlist_line_regexes = list;
    if (k != "commits") continue;
    for (size_t i = 0; i < list.size(); ++i) {
      std::string id = list[i];
      for (char& c : id) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      bool hex = std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
      });
      if (!hex || id.size() < 7 || id.size() > 40)
        return Error{Where(path, kv.second),
                     key + "[" + std::to_string(i) + "]: expected a commit id (7 to 40 hex "
                     "characters), got '" + list[i] + "'"};
      out->allowlist_commits.push_back(id);
    }
  }
  return Ok{};
}

Status ParseSecrets(const YAML::Node& n, const std::string& path, SecretsPolicy* out) {
  if (Status s = CheckKeys(n, {"fail_on", "rules", "replace_rules", "disable", "allow_paths",
                               "stopwords", "max_file_size", "skip_large_files", "test_keys",
                               "allowlist", "decode"},
                           path, "secrets");
      !s)
    return s;
  for (const auto& kv : n) {
    const std::string k = kv.first.Scalar();
    const std::string key = "secrets." + k;
    const YAML::Node& v = kv.second;
    if (k == "fail_on") SECGATE_ASSIGN(out->fail_on, ThresholdAt(v, path, key));
    else if (k == "rules") SECGATE_ASSIGN(out->rules, StringList(v, path, key));
    else if (k == "replace_rules") SECGATE_ASSIGN(out->replace_rules, ScalarBool(v, path, key));
    else if (k == "disable") SECGATE_ASSIGN(out->disable, StringList(v, path, key));
    else if (k == "allow_paths") SECGATE_ASSIGN(out->allow_paths, StringList(v, path, key));
    else if (k == "stopwords") SECGATE_ASSIGN(out->stopwords, StringList(v, path, key));
    else if (k == "max_file_size") SECGATE_ASSIGN(out->max_file_size, ScalarInt(v, path, key));
    else if (k == "skip_large_files") SECGATE_ASSIGN(out->skip_large_files, ScalarBool(v, path, key));
    else if (k == "test_keys") SECGATE_ASSIGN(out->test_keys, OneOf(v, path, key, {"report", "fail", "ignore"}));
    else if (k == "allowlist") {
      if (Status s = ParseSecretsAllowlist(v, path, out); !s) return s;
    } else if (k == "decode") {
      if (Status s = CheckKeys(v, {"depth"}, path, key); !s) return s;
      if (!v["depth"]) continue;
      long long depth = 0;
      SECGATE_ASSIGN(depth, ScalarInt(v["depth"], path, key + ".depth"));
      if (depth > 4) return Error{Where(path, v["depth"]), key + ".depth: at most 4"};
      out->decode_depth = static_cast<int>(depth);
    }
  }
  return Ok{};
}

Status ParseSbom(const YAML::Node& n, const std::string& path, SbomPolicy* out) {
  if (Status s = CheckKeys(n, {"fail_on", "licenses", "banned", "require"}, path, "sbom"); !s)
    return s;
  for (const auto& kv : n) {
    const std::string k = kv.first.Scalar();
    const std::string key = "sbom." + k;
    const YAML::Node& v = kv.second;
    if (k == "fail_on") {
      SECGATE_ASSIGN(out->fail_on, ThresholdAt(v, path, key));
    } else if (k == "banned") {
      SECGATE_ASSIGN(out->banned, StringList(v, path, key));
    } else if (k == "licenses") {
      if (Status s = CheckKeys(v, {"allow", "deny", "unknown"}, path, key); !s) return s;
      for (const auto& l : v) {
        const std::string lk = l.first.Scalar();
        if (lk == "allow") SECGATE_ASSIGN(out->licenses_allow, StringList(l.second, path, key + ".allow"));
        if (lk == "deny") SECGATE_ASSIGN(out->licenses_deny, StringList(l.second, path, key + ".deny"));
        if (lk == "unknown") {
          SECGATE_ASSIGN(out->licenses_unknown,
                         OneOf(l.second, path, key + ".unknown", {"fail", "warn", "pass"}));
        }
      }
    } else if (k == "require") {
      if (Status s = CheckKeys(v, {"component", "document"}, path, key); !s) return s;
      for (const auto& r : v) {
        const std::string rk = r.first.Scalar();
        std::vector<std::string> fields;
        SECGATE_ASSIGN(fields, StringList(r.second, path, key + "." + rk));
        const std::vector<std::string> allowed =
            rk == "component"
                ? std::vector<std::string>{"name", "version", "purl", "supplier", "license", "hashes"}
                : std::vector<std::string>{"timestamp", "author"};
        for (const auto& f : fields) {
          if (std::find(allowed.begin(), allowed.end(), f) == allowed.end())
            return Error{Where(path, r.second),
                         key + "." + rk + ": unknown field '" + f + "'"};
        }
        (rk == "component" ? out->require_component : out->require_document) = fields;
      }
    }
  }
  return Ok{};
}

Status ParseWaiverPolicy(const YAML::Node& n, const std::string& path, WaiverPolicy* out) {
  if (Status s = CheckKeys(n, {"max_days", "expiring_days", "allow_wildcards", "require_ticket"},
                           path, "waivers");
      !s)
    return s;
  for (const auto& kv : n) {
    const std::string k = kv.first.Scalar();
    const std::string key = "waivers." + k;
    const YAML::Node& v = kv.second;
    long long num = 0;
    if (k == "max_days" || k == "expiring_days") {
      SECGATE_ASSIGN(num, ScalarInt(v, path, key));
      if (num > 3660) return Error{Where(path, v), key + ": at most 3660 days"};
      if (k == "max_days" && num < 1) return Error{Where(path, v), key + ": at least 1 day"};
      (k == "max_days" ? out->max_days : out->expiring_days) = static_cast<int>(num);
    } else if (k == "allow_wildcards") {
      SECGATE_ASSIGN(out->allow_wildcards, ScalarBool(v, path, key));
    } else if (k == "require_ticket") {
      SECGATE_ASSIGN(out->require_ticket, ScalarBool(v, path, key));
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

Result<Policy> ParsePolicy(std::string_view yaml_text, const std::string& path) {
  auto doc = LoadYaml(yaml_text, path);
  if (!doc) return doc.error();
  Policy p = DefaultPolicy();
  p.source = path;
  p.sha256 = Sha256Hex(yaml_text);
  if (size_t slash = path.rfind('/'); slash != std::string::npos) p.dir = path.substr(0, slash);
  const YAML::Node& root = *doc;
  if (root.IsNull()) return p;  // An empty policy file means all defaults.
  if (Status s = CheckKeys(root, {"version", "vuln", "secrets", "sbom", "waivers"}, path, ""); !s)
    return s.error();
  for (const auto& kv : root) {
    const std::string k = kv.first.Scalar();
    const YAML::Node& v = kv.second;
    Status s = Ok{};
    if (k == "version") {
      if (!v.IsScalar() || v.Scalar() != "1")
        return Error{Where(path, v), "version: expected 1"};
    } else if (k == "vuln") {
      s = ParseVuln(v, path, &p.vuln);
    } else if (k == "secrets") {
      s = ParseSecrets(v, path, &p.secrets);
    } else if (k == "sbom") {
      s = ParseSbom(v, path, &p.sbom);
    } else if (k == "waivers") {
      s = ParseWaiverPolicy(v, path, &p.waivers);
    }
    if (!s) return s.error();
  }
  return p;
}

}  // namespace secgate::core
