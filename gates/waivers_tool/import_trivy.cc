// Trivy ignore files: `.trivyignore` (one id per line, "exp:YYYY-MM-DD",
// comments above an id become its reason) and `.trivyignore.yaml`
// (vulnerabilities, misconfigurations, secrets, licenses with id, paths,
// purls, statement, expired_at).
#include <cctype>
#include <sstream>

#include "gates/core/yaml_util.h"
#include "gates/waivers_tool/entry_lines.h"
#include "gates/waivers_tool/import.h"

namespace secgate::waivers {

namespace {

// Trivy secret rules are lower-case kebab ids ("aws-access-key-id"); a
// secgate secret waiver needs the secret's fingerprint instead.
// Advisory ids written in lower case ("cve-2019-1549", "ghsa-…") are not:
// they have an all-digit part or a known advisory prefix.
bool IsSecretRuleId(const std::string& id) {
  if (id.empty() || !std::islower(static_cast<unsigned char>(id[0]))) return false;
  for (char c : id)
    if (!std::islower(static_cast<unsigned char>(c)) && !std::isdigit(static_cast<unsigned char>(c)) && c != '-')
      return false;
  if (id.rfind("ghsa-", 0) == 0 || id.rfind("avd-", 0) == 0) return false;
  size_t start = 0;
  while (start <= id.size()) {
    size_t dash = id.find('-', start);
    std::string part = id.substr(start, dash == std::string::npos ? std::string::npos : dash - start);
    if (!part.empty() && part.find_first_not_of("0123456789") == std::string::npos) return false;
    if (dash == std::string::npos) break;
    start = dash + 1;
  }
  return true;
}

void SetId(core::DraftWaiver* d, const std::string& id, const std::string& kind) {
  if (kind == "secrets" || (kind.empty() && IsSecretRuleId(id))) {
    d->gate = "secrets";
    d->id = "TODO: fingerprint of the " + id + " secret (from secgate-secrets output)";
  } else if (kind == "licenses") {
    d->gate = "sbom";
    d->id = id;
  } else {
    d->gate = "vuln";
    d->id = id;
    if (kind == "misconfigurations")
      d->comments.push_back("trivy misconfiguration " + id + ": secgate has no misconfiguration gate");
  }
}

}  // namespace

ImportResult ReadTrivyIgnore(std::string_view text,
                                                         const ImportContext& ctx) {
  std::vector<core::DraftWaiver> out;
  std::string pending;  // comment lines just above the current id
  std::vector<std::string> lines = SplitLines(text);
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string line = lines[i];
    size_t start = line.find_first_not_of(" \t");
    if (start == std::string::npos) {
      pending.clear();
      continue;
    }
    if (line[start] == '#') {
      std::string c = line.substr(start + 1);
      size_t cs = c.find_first_not_of(" \t");
      if (cs != std::string::npos) pending += (pending.empty() ? "" : " ") + c.substr(cs);
      continue;
    }
    std::istringstream fields(line);
    std::string id, field;
    fields >> id;
    core::DraftWaiver d = NewDraft(ctx, static_cast<int>(i + 1), "trivy");
    SetId(&d, id, "");
    while (fields >> field) {
      if (field[0] == '#') break;
      if (field.rfind("exp:", 0) == 0) SetExpiry(&d, field.substr(4));
      else d.comments.push_back("unsupported field '" + field + "' dropped");
    }
    d.reason = pending;
    pending.clear();
    FillPlaceholders(&d);
    out.push_back(std::move(d));
  }
  return out;
}

ImportResult ReadTrivyIgnoreYaml(std::string_view text,
                                                       const ImportContext& ctx) {
  auto doc = core::LoadYaml(text, ctx.path);
  if (!doc) return doc.error();
  const YAML::Node& root = *doc;
  if (root.IsNull()) return std::vector<core::DraftWaiver>{};
  if (!root.IsMap())
    return core::Error{core::Where(ctx.path, root), "expected a mapping of vulnerabilities, "
                                                    "misconfigurations, secrets, licenses"};
  if (auto s = core::CheckKeys(root, {"vulnerabilities", "misconfigurations", "secrets", "licenses"},
                               ctx.path, "");
      !s)
    return s.error();
  std::vector<core::DraftWaiver> out;
  for (const char* kind : {"vulnerabilities", "misconfigurations", "secrets", "licenses"}) {
    YAML::Node list = root[kind];
    if (!list || list.IsNull()) continue;
    if (!list.IsSequence()) return core::Error{core::Where(ctx.path, list), std::string(kind) + ": expected a list"};
    for (const auto& item : list) {
      if (!item.IsMap()) return core::Error{core::Where(ctx.path, item), std::string(kind) + ": expected a mapping with id"};
      if (auto s = core::CheckKeys(item, {"id", "paths", "purls", "statement", "expired_at"}, ctx.path, kind); !s)
        return s.error();
      if (!item["id"]) return core::Error{core::Where(ctx.path, item), std::string(kind) + ": entry without an id"};
      auto id = core::ScalarString(item["id"], ctx.path, "id");
      if (!id) return id.error();
      std::vector<std::string> paths{""}, purls{""};
      if (item["paths"]) {
        auto p = core::StringList(item["paths"], ctx.path, "paths");
        if (!p) return p.error();
        if (!p->empty()) paths = *p;
      }
      if (item["purls"]) {
        auto p = core::StringList(item["purls"], ctx.path, "purls");
        if (!p) return p.error();
        if (!p->empty()) purls = *p;
      }
      std::string statement, expired;
      if (item["statement"]) {
        auto s = core::ScalarString(item["statement"], ctx.path, "statement");
        if (!s) return s.error();
        statement = *s;
      }
      if (item["expired_at"]) {
        auto s = core::ScalarString(item["expired_at"], ctx.path, "expired_at");
        if (!s) return s.error();
        expired = *s;
      }
      // One waiver per (path, purl) pair: refuse a file that would explode.
      if (paths.size() * purls.size() > 1000)
        return core::Error{core::Where(ctx.path, item), "more than 1000 path and purl combinations"};
      for (const auto& path : paths) {
        for (const auto& purl : purls) {
          core::DraftWaiver d = NewDraft(ctx, core::LineOf(item), "trivy");
          SetId(&d, *id, kind);
          d.path = path;
          d.package = purl;
          d.reason = statement;
          SetExpiry(&d, expired);
          FillPlaceholders(&d);
          out.push_back(std::move(d));
        }
      }
    }
  }
  return out;
}

namespace {

// Every content line starts with an advisory-looking id (alphanumeric, with
// a '-' somewhere in the line).
bool LooksLikeTrivyIgnore(std::string_view text) {
  if (FirstNonBlank(text) == '\0') return false;
  for (const auto& line : SplitLines(text)) {
    if (IsBlankOrComment(line)) continue;
    size_t start = line.find_first_not_of(" \t");
    if (!std::isalnum(static_cast<unsigned char>(line[start])) || line.find('-') == std::string::npos)
      return false;
  }
  return true;
}

bool LooksLikeTrivyIgnoreYaml(std::string_view text) {
  std::string_view key = YamlIgnoreFileKey(text);
  return !key.empty() && key != "ignore:";
}

}  // namespace

extern const ImportSource kTrivyIgnoreSource{
    "trivyignore", {".trivyignore"}, 60, LooksLikeTrivyIgnore, ReadTrivyIgnore};
extern const ImportSource kTrivyIgnoreYamlSource{"trivyignore-yaml",
                                                 {".trivyignore.yaml", ".trivyignore.yml"}, 40,
                                                 LooksLikeTrivyIgnoreYaml, ReadTrivyIgnoreYaml};

}  // namespace secgate::waivers
