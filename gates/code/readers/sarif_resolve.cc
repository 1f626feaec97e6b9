// ResolveResult (sarif_model.h): one SARIF result against its run's rules,
// URI bases and artifacts, into a finding.
#include <cctype>
#include <filesystem>

#include "gates/code/readers/sarif_model.h"
#include "gates/core/fingerprint.h"
#include "gates/core/report/escape.h"
#include "gates/core/text_codec.h"

namespace secgate::code {

using core::Error;
using core::Status;

namespace {

constexpr int kMaxBaseDepth = 8;  // originalUriBaseIds chains longer than this are cut

struct Resolved {
  const SarifRule* rule = nullptr;
  std::string problem;  ///< Why no rule was found ("" when found or none to find).
};

const SarifComponent* Component(const PendingResult& r, const SarifRun& run, std::string* problem) {
  if (r.component_index >= 0) {
    if (static_cast<size_t>(r.component_index) < run.extensions.size())
      return &run.extensions[r.component_index];
    *problem = "rule.toolComponent.index " + std::to_string(r.component_index) +
               " is out of range (" + std::to_string(run.extensions.size()) + " extensions)";
    return nullptr;
  }
  if (!r.component_name.empty() && r.component_name != run.driver.name)
    for (const auto& ext : run.extensions)
      if (ext.name == r.component_name) return &ext;
  return &run.driver;
}

const SarifRule* FindById(const SarifComponent& c, const std::string& id) {
  auto it = c.by_id.find(id);
  return it == c.by_id.end() ? nullptr : &c.rules[it->second];
}

// ruleId "a/b/c" names rule "a/b/c", else its parents "a/b", "a" (SARIF 3.27.5).
const SarifRule* FindInRun(const SarifRun& run, std::string id) {
  while (!id.empty()) {
    if (const SarifRule* r = FindById(run.driver, id)) return r;
    for (const auto& ext : run.extensions)
      if (const SarifRule* r = FindById(ext, id)) return r;
    size_t slash = id.rfind('/');
    if (slash == std::string::npos) break;
    id.resize(slash);
  }
  return nullptr;
}

Resolved ResolveRule(const PendingResult& r, const SarifRun& run) {
  Resolved out;
  const SarifComponent* comp = Component(r, run, &out.problem);
  if (!comp) return out;
  if (r.rule_index >= 0) {
    if (static_cast<size_t>(r.rule_index) < comp->rules.size()) {
      out.rule = &comp->rules[r.rule_index];
      if (!r.rule_id.empty() && out.rule->meta->id != r.rule_id &&
          r.rule_id.rfind(out.rule->meta->id + "/", 0) != 0)
        out.problem = "ruleId '" + r.rule_id + "' differs from rule " +
                      std::to_string(r.rule_index) + " ('" + out.rule->meta->id + "')";
      return out;
    }
    out.problem = "ruleIndex " + std::to_string(r.rule_index) + " is out of range (" +
                  std::to_string(comp->rules.size()) + " rules)";
    return out;
  }
  if (!r.rule_id.empty()) out.rule = FindInRun(run, r.rule_id);
  bool has_rules = !run.driver.rules.empty();
  for (const auto& ext : run.extensions) has_rules |= !ext.rules.empty();
  if (!out.rule && has_rules)
    out.problem = r.rule_id.empty() ? "the result names no rule"
                                    : "rule '" + r.rule_id + "' is not among the run's rules";
  return out;
}

bool HasScheme(const std::string& uri) {
  size_t colon = uri.find(':');
  if (colon == std::string::npos || colon < 2) return false;  // "C:" is a drive, not a scheme
  for (size_t i = 0; i < colon; ++i)
    if (!std::isalpha(static_cast<unsigned char>(uri[i])) && uri[i] != '+' && uri[i] != '-' &&
        uri[i] != '.')
      return false;
  return true;
}

// "file:///a/b" or "file://host/a/b" -> "/a/b"; other URIs unchanged.
std::string FilePath(const std::string& uri) {
  if (uri.rfind("file://", 0) != 0) return uri;
  size_t slash = uri.find('/', 7);
  return slash == std::string::npos ? "/" : uri.substr(slash);
}

// The absolute or relative prefix a uriBaseId stands for ("" when unknown
// or when it is the repository root itself).
std::string BasePrefix(const SarifRun& run, const std::string& id, int depth = 0) {
  auto it = run.bases.find(id);
  if (it == run.bases.end() || depth > kMaxBaseDepth) return "";
  const ArtifactUri& b = it->second;
  if (HasScheme(b.uri)) return "";  // an absolute root: paths under it are repository-relative
  std::string prefix = b.base.empty() ? "" : BasePrefix(run, b.base, depth + 1);
  return prefix + b.uri;
}

// Strips the absolute root of any base id from `path`, making it relative.
std::string RelativeToBases(const SarifRun& run, const std::string& path) {
  for (const auto& [id, b] : run.bases) {
    if (!HasScheme(b.uri)) continue;
    std::string root = FilePath(b.uri);
    if (!root.empty() && root.back() != '/') root += '/';
    if (path.rfind(root, 0) == 0 && path.size() > root.size()) return path.substr(root.size());
  }
  return path;
}

std::string ResolvePath(const PendingResult& r, const SarifRun& run) {
  ArtifactUri loc = r.location;
  if (loc.uri.empty() && r.artifact_index >= 0 &&
      static_cast<size_t>(r.artifact_index) < run.artifacts.size())
    loc = run.artifacts[r.artifact_index];
  std::string path;
  if (HasScheme(loc.uri)) {
    if (loc.uri.rfind("file:", 0) != 0) return loc.uri;  // http:, git: … kept as given
    path = RelativeToBases(run, core::PercentDecode(FilePath(loc.uri)));
  } else {
    path = core::PercentDecode(BasePrefix(run, loc.base) + loc.uri);
  }
  // "tests/../src/a.py" is src/a.py: globs (code.paths.exclude, waiver
  // paths) must see where the file is, not a spelling that starts elsewhere.
  if (path.empty()) return path;
  std::string normal = std::filesystem::path(path).lexically_normal().generic_string();
  return normal == "." ? "" : normal;
}

// White space runs folded to one space, ends trimmed: the snippet's identity.
std::string Normalised(const std::string& s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

// message.id names a messageStrings entry; {0}, {1} … are its arguments.
std::string MessageOf(const PendingResult& r, const SarifRule* rule) {
  if (!r.message.empty() || r.message_id.empty() || !rule) return r.message;
  auto it = rule->messages.find(r.message_id);
  if (it == rule->messages.end()) return r.message;
  std::string out;
  const std::string& t = it->second;
  for (size_t i = 0; i < t.size(); ++i) {
    size_t close = t.find('}', i);
    if (t[i] == '{' && close != std::string::npos && close > i + 1 &&
        t.find_first_not_of("0123456789", i + 1) == close) {
      size_t n = std::stoul(t.substr(i + 1, close - i - 1));
      out += n < r.message_args.size() ? r.message_args[n] : t.substr(i, close - i + 1);
      i = close;
    } else {
      out += t[i];
    }
  }
  return core::TruncateUtf8(out, kMaxMessageBytes);
}

// Level as resolved (SARIF 3.27.10): the result's; else "none" for a kind
// other than fail (the rule's default level is a failure's); else the rule's
// default; else warning.
std::string LevelOf(const PendingResult& r, const SarifRule* rule, std::string* from) {
  if (!r.level.empty()) {
    *from = "level";
    return r.level;
  }
  if (r.kind == "fail" && rule && !rule->default_level.empty()) {
    *from = "rule level";
    return rule->default_level;
  }
  *from = "SARIF default";
  return r.kind == "fail" ? "warning" : "none";
}

std::string RuleIdOf(const PendingResult& r, const SarifRule* rule) {
  if (rule) return rule->meta->id;
  if (!r.rule_id.empty()) return r.rule_id;
  if (r.rule_index >= 0) return "rule-index-" + std::to_string(r.rule_index);
  return "(no rule)";
}

}  // namespace

bool LocationResolvable(const PendingResult& r, const SarifRun& run) {
  if (!r.has_location) return true;
  ArtifactUri loc = r.location;
  if (loc.uri.empty() && r.artifact_index >= 0) {
    if (static_cast<size_t>(r.artifact_index) >= run.artifacts.size()) return false;
    loc = run.artifacts[r.artifact_index];
  }
  return run.bases_seen || (loc.base.empty() && loc.uri.rfind("file:", 0) != 0);
}

Status ResolveResult(const PendingResult& r, const SarifRun& run, CodeReaderOutput* out) {
  if (r.kind == "pass" || r.kind == "notApplicable") {
    out->skipped["passed"]++;
    return core::Ok{};
  }
  Resolved found = ResolveRule(r, run);
  auto detail = std::make_shared<core::CodeDetail>();
  detail->kind = r.kind;
  detail->baseline_state = r.baseline_state;
  detail->rule_problem = found.problem;
  std::string level_from;
  detail->level = LevelOf(r, found.rule, &level_from);
  core::Finding f;
  f.gate = core::Gate::kCode;
  f.id = RuleIdOf(r, found.rule);
  f.sources = {run.tool_name};
  if (found.rule) {
    detail->rule = found.rule->meta;
    f.title = found.rule->meta->description.empty() ? found.rule->meta->name
                                                    : found.rule->meta->description;
    f.url = found.rule->meta->help_uri;
  }
  std::optional<core::Severity> security = r.security;
  if (!security && found.rule) security = found.rule->security;
  if (security) {
    f.severity = *security;
    f.severity_source = "security-severity";
    detail->severity_from = "security-severity";
  } else {
    detail->severity_from = level_from;  // the engine maps the level (code.levels)
  }
  f.message = MessageOf(r, found.rule);
  if (r.has_location) f.location.path = ResolvePath(r, run);
  f.location.line = r.line;
  if (r.suppressed) f.upstream_ignore = run.tool_name + ": " + r.suppression;
  const std::string basis = !r.fingerprint_basis.empty()
                                ? r.fingerprint_basis
                                : f.location.path + "\n" +
                                      Normalised(r.snippet.empty() ? f.message : r.snippet);
  f.fingerprint = core::CodeFingerprint(run.tool_name, f.id, basis);
  f.code = std::move(detail);
  out->findings.push_back(std::move(f));
  return core::Ok{};
}

}  // namespace secgate::code
