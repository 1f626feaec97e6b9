// Grype ignore rules (.grype.yaml `ignore:`): vulnerability, fix-state,
// package {name, version, type, location}, reason. Other configuration keys
// of the file are not waivers and are left alone. A rule secgate cannot
// express exactly (fix-state, vex-status, package type) keeps it as a comment.
#include "gates/core/yaml_util.h"
#include "gates/waivers_tool/import.h"

namespace secgate::waivers {

namespace {

core::Result<std::string> OptionalString(const YAML::Node& map, const char* key,
                                         const std::string& path) {
  if (!map[key] || map[key].IsNull()) return std::string();
  return core::ScalarString(map[key], path, key);
}

}  // namespace

ImportResult ReadGrypeIgnore(std::string_view text, const ImportContext& ctx) {
  auto doc = core::LoadYaml(text, ctx.path);
  if (!doc) return doc.error();
  const YAML::Node& root = *doc;
  if (!root.IsMap() || !root["ignore"])
    return core::Error{ctx.path, "no 'ignore:' list (expected grype ignore rules)"};
  YAML::Node list = root["ignore"];
  std::vector<core::DraftWaiver> out;
  if (list.IsNull()) return out;
  if (!list.IsSequence()) return core::Error{core::Where(ctx.path, list), "ignore: expected a list"};
  for (const auto& rule : list) {
    if (!rule.IsMap()) return core::Error{core::Where(ctx.path, rule), "ignore: expected a mapping"};
    core::DraftWaiver d = NewDraft(ctx, core::LineOf(rule), "grype");
    auto vuln = OptionalString(rule, "vulnerability", ctx.path);
    if (!vuln) return vuln.error();
    d.id = vuln->empty() ? "*" : *vuln;
    auto reason = OptionalString(rule, "reason", ctx.path);
    if (!reason) return reason.error();
    d.reason = *reason;
    for (const auto& kv : rule) {
      std::string key = kv.first.IsScalar() ? kv.first.Scalar() : "?";
      if (key == "vulnerability" || key == "reason" || key == "package") continue;
      std::string value = kv.second.IsScalar() ? kv.second.Scalar() : "(structured value)";
      d.comments.push_back("grype " + key + ": " + value + " (not expressible in secgate; review)");
    }
    if (YAML::Node pkg = rule["package"]; pkg && !pkg.IsNull()) {
      if (!pkg.IsMap()) return core::Error{core::Where(ctx.path, pkg), "package: expected a mapping"};
      auto name = OptionalString(pkg, "name", ctx.path);
      auto version = OptionalString(pkg, "version", ctx.path);
      auto type = OptionalString(pkg, "type", ctx.path);
      auto location = OptionalString(pkg, "location", ctx.path);
      for (auto* r : {&name, &version, &type, &location})
        if (!*r) return r->error();
      // Scope by name[@version]: grype's package types do not map one to one
      // onto purl types (java-archive, go-module), and core matches names.
      if (!name->empty()) d.package = *name + (version->empty() ? "" : "@" + *version);
      if (!type->empty()) d.comments.push_back("grype package type: " + *type);
      d.path = *location;
    }
    FillPlaceholders(&d);
    out.push_back(std::move(d));
  }
  return out;
}

namespace {

bool LooksLikeGrypeIgnore(std::string_view text) { return YamlIgnoreFileKey(text) == "ignore:"; }

}  // namespace

extern const ImportSource kGrypeIgnoreSource{"grype",
                                             {".grype.yaml", ".grype.yml", "grype.yaml"}, 40,
                                             LooksLikeGrypeIgnore, ReadGrypeIgnore};

}  // namespace secgate::waivers
