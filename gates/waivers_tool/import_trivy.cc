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

namespace {

// The four lists of a .trivyignore.yaml, in the order they are read.
constexpr const char* kTrivyIgnoreKinds[] = {"vulnerabilities", "misconfigurations", "secrets",
                                             "licenses"};
// One waiver per (path, purl) pair: a file that would explode is refused.
constexpr size_t kMaxCombinations = 1000;

// One entry of a list, as written.
struct TrivyIgnoreEntry {
  std::string id;
  std::vector<std::string> paths{""}, purls{""};  ///< "" = any.
  std::string statement, expired_at;
};

// An optional list `key` of `item`; `out` is left as it is when the list is
// missing or empty.
core::Status OptionalList(const YAML::Node& item, const char* key, const std::string& path,
                          std::vector<std::string>* out) {
  if (!item[key]) return core::Ok{};
  auto p = core::StringList(item[key], path, key);
  if (!p) return p.error();
  if (!p->empty()) *out = *p;
  return core::Ok{};
}

core::Status OptionalString(const YAML::Node& item, const char* key, const std::string& path,
                            std::string* out) {
  if (!item[key]) return core::Ok{};
  auto s = core::ScalarString(item[key], path, key);
  if (!s) return s.error();
  *out = *s;
  return core::Ok{};
}

core::Result<TrivyIgnoreEntry> ReadEntry(const YAML::Node& item, const char* kind,
                                         const std::string& path) {
  if (!item.IsMap())
    return core::Error{core::Where(path, item), std::string(kind) + ": expected a mapping with id"};
  SECGATE_RETURN_IF_ERROR(
      core::CheckKeys(item, {"id", "paths", "purls", "statement", "expired_at"}, path, kind));
  if (!item["id"])
    return core::Error{core::Where(path, item), std::string(kind) + ": entry without an id"};
  TrivyIgnoreEntry e;
  auto id = core::ScalarString(item["id"], path, "id");
  if (!id) return id.error();
  e.id = *id;
  SECGATE_RETURN_IF_ERROR(OptionalList(item, "paths", path, &e.paths));
  SECGATE_RETURN_IF_ERROR(OptionalList(item, "purls", path, &e.purls));
  SECGATE_RETURN_IF_ERROR(OptionalString(item, "statement", path, &e.statement));
  SECGATE_RETURN_IF_ERROR(OptionalString(item, "expired_at", path, &e.expired_at));
  if (e.paths.size() * e.purls.size() > kMaxCombinations)
    return core::Error{core::Where(path, item), "more than " + std::to_string(kMaxCombinations) +
                                                    " path and purl combinations"};
  return e;
}

// Appends the entry's waivers: one per (path, purl) pair.
void AddDrafts(const TrivyIgnoreEntry& e, const char* kind, int line, const ImportContext& ctx,
               std::vector<core::DraftWaiver>* out) {
  for (const auto& path : e.paths) {
    for (const auto& purl : e.purls) {
      core::DraftWaiver d = NewDraft(ctx, line, "trivy");
      SetId(&d, e.id, kind);
      d.path = path;
      d.package = purl;
      d.reason = e.statement;
      SetExpiry(&d, e.expired_at);
      FillPlaceholders(&d);
      out->push_back(std::move(d));
    }
  }
}

}  // namespace

ImportResult ReadTrivyIgnoreYaml(std::string_view text,
                                                       const ImportContext& ctx) {
  auto doc = core::LoadYaml(text, ctx.path);
  if (!doc) return doc.error();
  const YAML::Node& root = *doc;
  if (root.IsNull()) return std::vector<core::DraftWaiver>{};
  if (!root.IsMap())
    return core::Error{core::Where(ctx.path, root), "expected a mapping of vulnerabilities, "
                                                    "misconfigurations, secrets, licenses"};
  SECGATE_RETURN_IF_ERROR(core::CheckKeys(
      root, {std::begin(kTrivyIgnoreKinds), std::end(kTrivyIgnoreKinds)}, ctx.path, ""));
  std::vector<core::DraftWaiver> out;
  for (const char* kind : kTrivyIgnoreKinds) {
    YAML::Node list = root[kind];
    if (!list || list.IsNull()) continue;
    if (!list.IsSequence()) return core::Error{core::Where(ctx.path, list), std::string(kind) + ": expected a list"};
    for (const auto& item : list) {
      auto entry = ReadEntry(item, kind, ctx.path);
      if (!entry) return entry.error();
      AddDrafts(*entry, kind, core::LineOf(item), ctx, &out);
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
