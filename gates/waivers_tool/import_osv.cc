// osv-scanner.toml: [[IgnoredVulns]] (id, ignoreUntil, reason) become vuln
// waivers; [[PackageOverrides]] with `ignore = true` become package-wide
// waivers (id "*", which lint refuses unless waivers.allow_wildcards — a
// reviewer must narrow them).
#include "gates/waivers_tool/import.h"
#include "gates/waivers_tool/toml.h"

namespace secgate::waivers {

namespace {

std::string Get(const TomlTable& t, const std::string& key) {
  auto it = t.values.find(key);
  return it == t.values.end() || it->second.kind == TomlValue::Kind::kArray ? "" : it->second.text;
}

}  // namespace

core::Result<std::vector<DraftWaiver>> ImportOsvScanner(std::string_view text,
                                                        const ImportContext& ctx) {
  auto doc = ParseToml(text, ctx.path);
  if (!doc) return doc.error();
  std::vector<DraftWaiver> out;
  for (const auto& t : doc->tables) {
    if (t.name == "IgnoredVulns") {
      std::string id = Get(t, "id");
      if (id.empty())
        return core::Error{ctx.path + ":" + std::to_string(t.line), "[[IgnoredVulns]] without an id"};
      DraftWaiver d = NewDraft(ctx, t.line, "osv-scanner");
      d.id = id;
      d.reason = Get(t, "reason");
      SetExpiry(&d, Get(t, "ignoreUntil"));
      FillPlaceholders(&d);
      out.push_back(std::move(d));
    } else if (t.name == "PackageOverrides") {
      if (Get(t, "ignore") != "true" && Get(t, "vulnerability.ignore") != "true") continue;
      DraftWaiver d = NewDraft(ctx, t.line, "osv-scanner");
      d.id = "*";
      std::string name = Get(t, "name"), version = Get(t, "version");
      d.package = name.empty() ? "" : name + (version.empty() ? "" : "@" + version);
      if (!Get(t, "ecosystem").empty()) d.comments.push_back("osv ecosystem: " + Get(t, "ecosystem"));
      d.comments.push_back("package override ignores every vulnerability: narrow the id");
      d.reason = Get(t, "reason");
      SetExpiry(&d, Get(t, "effectiveUntil"));
      FillPlaceholders(&d);
      out.push_back(std::move(d));
    }
  }
  return out;
}

}  // namespace secgate::waivers
