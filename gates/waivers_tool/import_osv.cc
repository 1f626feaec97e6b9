// osv-scanner.toml: [[IgnoredVulns]] (id, ignoreUntil, reason) become vuln
// waivers; [[PackageOverrides]] with `ignore = true` become package-wide
// waivers (id "*", which lint refuses unless waivers.allow_wildcards — a
// reviewer must narrow them). The TOML is read by toml++ (full TOML 1.0:
// duplicate keys and redefined tables are errors); a field of the wrong type
// is an error naming its line, never an empty value.
#include <algorithm>
#include <optional>
#include <sstream>

#include <toml++/toml.h>

#include "gates/waivers_tool/import.h"

namespace secgate::waivers {

namespace {

int LineOf(const toml::node& n) { return static_cast<int>(n.source().begin.line); }

core::Error FieldError(const ImportContext& ctx, const toml::node& n, std::string_view table,
                       std::string_view key, std::string_view want) {
  return core::Error{ctx.path + ":" + std::to_string(LineOf(n)),
                     "[[" + std::string(table) + "]] " + std::string(key) + " must be " +
                         std::string(want)};
}

// A string field ("" when absent); any other type is an error.
core::Result<std::string> Text(const toml::table& t, std::string_view table, std::string_view key,
                               const ImportContext& ctx) {
  const toml::node* n = t.get(key);
  if (n == nullptr) return std::string();
  if (auto s = n->value<std::string>(); s && n->is_string()) return *s;
  return FieldError(ctx, *n, table, key, "a string");
}

// A date field as text ("2022-11-09" or "2022-11-09T00:00:00Z"); TOML dates,
// date-times and strings are accepted ("" when absent).
core::Result<std::string> DateText(const toml::table& t, std::string_view table,
                                   std::string_view key, const ImportContext& ctx) {
  const toml::node* n = t.get(key);
  if (n == nullptr) return std::string();
  if (n->is_string()) return *n->value<std::string>();
  if (n->is_date() || n->is_date_time()) {
    std::ostringstream out;
    if (n->is_date()) out << *n->as_date(); else out << *n->as_date_time();
    return out.str();
  }
  return FieldError(ctx, *n, table, key, "a date");
}

// A boolean field (false when absent); `label` names it in errors.
core::Result<bool> Flag(const toml::table& t, std::string_view table, std::string_view key,
                        const ImportContext& ctx, std::string_view label = {}) {
  const toml::node* n = t.get(key);
  if (n == nullptr) return false;
  if (!n->is_boolean())
    return FieldError(ctx, *n, table, label.empty() ? key : label, "true or false");
  return *n->value<bool>();
}

core::Result<core::DraftWaiver> IgnoredVuln(const toml::table& t, const ImportContext& ctx) {
  SECGATE_ASSIGN_OR_RETURN(std::string id, Text(t, "IgnoredVulns", "id", ctx));
  if (id.empty())
    return core::Error{ctx.path + ":" + std::to_string(LineOf(t)), "[[IgnoredVulns]] without an id"};
  core::DraftWaiver d = NewDraft(ctx, LineOf(t), "osv-scanner");
  d.id = id;
  SECGATE_ASSIGN_OR_RETURN(d.reason, Text(t, "IgnoredVulns", "reason", ctx));
  SECGATE_ASSIGN_OR_RETURN(std::string until, DateText(t, "IgnoredVulns", "ignoreUntil", ctx));
  SetExpiry(&d, until);
  FillPlaceholders(&d);
  return d;
}

// nullopt: an override that ignores nothing (not a waiver).
core::Result<std::optional<core::DraftWaiver>> PackageOverride(const toml::table& t,
                                                         const ImportContext& ctx) {
  constexpr std::string_view kTable = "PackageOverrides";
  SECGATE_ASSIGN_OR_RETURN(bool ignore, Flag(t, kTable, "ignore", ctx));
  if (const toml::table* vuln = t["vulnerability"].as_table()) {
    SECGATE_ASSIGN_OR_RETURN(bool vuln_ignore, Flag(*vuln, kTable, "ignore", ctx, "vulnerability.ignore"));
    ignore = ignore || vuln_ignore;
  }
  if (!ignore) return std::optional<core::DraftWaiver>();
  core::DraftWaiver d = NewDraft(ctx, LineOf(t), "osv-scanner");
  d.id = "*";
  SECGATE_ASSIGN_OR_RETURN(std::string name, Text(t, kTable, "name", ctx));
  SECGATE_ASSIGN_OR_RETURN(std::string version, Text(t, kTable, "version", ctx));
  SECGATE_ASSIGN_OR_RETURN(std::string ecosystem, Text(t, kTable, "ecosystem", ctx));
  d.package = name.empty() ? "" : name + (version.empty() ? "" : "@" + version);
  if (!ecosystem.empty()) d.comments.push_back("osv ecosystem: " + ecosystem);
  d.comments.push_back("package override ignores every vulnerability: narrow the id");
  SECGATE_ASSIGN_OR_RETURN(d.reason, Text(t, kTable, "reason", ctx));
  SECGATE_ASSIGN_OR_RETURN(std::string until, DateText(t, kTable, "effectiveUntil", ctx));
  SetExpiry(&d, until);
  FillPlaceholders(&d);
  return std::optional<core::DraftWaiver>(std::move(d));
}

core::Result<toml::table> ParseTomlFile(std::string_view text, const ImportContext& ctx) {
  try {
    return toml::parse(text, ctx.path);
  } catch (const toml::parse_error& e) {
    return core::Error{ctx.path + ":" + std::to_string(e.source().begin.line),
                       std::string(e.description())};
  }
}

// Each entry of the array of tables `name`; a `name` that is not an array of
// tables is an error.
core::Result<const toml::array*> Tables(const toml::table& doc, std::string_view name,
                                        const ImportContext& ctx) {
  const toml::node* n = doc.get(name);
  if (n == nullptr) return static_cast<const toml::array*>(nullptr);
  const toml::array* a = n->as_array();
  if (a == nullptr || !a->is_array_of_tables())
    return core::Error{ctx.path + ":" + std::to_string(LineOf(*n)),
                       std::string(name) + " must be an array of tables ([[" + std::string(name) +
                           "]])"};
  return a;
}

}  // namespace

ImportResult ReadOsvScannerToml(std::string_view text, const ImportContext& ctx) {
  SECGATE_ASSIGN_OR_RETURN(toml::table doc, ParseTomlFile(text, ctx));
  std::vector<core::DraftWaiver> out;
  SECGATE_ASSIGN_OR_RETURN(const toml::array* vulns, Tables(doc, "IgnoredVulns", ctx));
  SECGATE_ASSIGN_OR_RETURN(const toml::array* overrides, Tables(doc, "PackageOverrides", ctx));
  std::vector<std::pair<int, core::DraftWaiver>> by_line;  // Both kinds, in file order.
  if (vulns)
    for (const toml::node& n : *vulns) {
      SECGATE_ASSIGN_OR_RETURN(core::DraftWaiver d, IgnoredVuln(*n.as_table(), ctx));
      by_line.emplace_back(LineOf(n), std::move(d));
    }
  if (overrides)
    for (const toml::node& n : *overrides) {
      SECGATE_ASSIGN_OR_RETURN(std::optional<core::DraftWaiver> d, PackageOverride(*n.as_table(), ctx));
      if (d) by_line.emplace_back(LineOf(n), std::move(*d));
    }
  std::stable_sort(by_line.begin(), by_line.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& [line, d] : by_line) out.push_back(std::move(d));
  return out;
}

namespace {

bool LooksLikeOsvScannerToml(std::string_view text) {
  return text.find("[[IgnoredVulns]]") != std::string_view::npos ||
         text.find("[[PackageOverrides]]") != std::string_view::npos;
}

}  // namespace

extern const ImportSource kOsvScannerSource{
    "osv-scanner", {"osv-scanner.toml"}, 30, LooksLikeOsvScannerToml, ReadOsvScannerToml};

}  // namespace secgate::waivers
