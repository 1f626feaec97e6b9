// npm audit allowlists: audit-ci (audit-ci.json / .jsonc `allowlist`: ids,
// "ID|a>b>c" paths, module names, and {"ID": {active, notes, expiry}}
// objects) and better-npm-audit's `.nsprc` (a map of id → {active, notes,
// expiry}, or nsp's `exceptions` list of advisory URLs). Inactive entries are
// skipped. An expiry may be a date or a timestamp in milliseconds.
#include <nlohmann/json.hpp>

#include "gates/core/date.h"
#include "gates/core/json_stream.h"
#include "gates/waivers_tool/import.h"

namespace secgate::waivers {

using nlohmann::json;

namespace {

// Duplicate keys are refused (core::ParseJsonStrict): an id listed twice
// with different `active` or `expiry` would be read either way.
core::Result<json> Parse(std::string_view text, const std::string& path) {
  return core::ParseJsonStrict(text, path, /*allow_comments=*/true);
}

std::string ExpiryText(const json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_number()) {
    // Milliseconds since 1970. A number no date in 1970-9999 has (1e300,
    // -5) is kept as its text, which the draft then marks "TODO: expiry";
    // converting it to an integer would be undefined behaviour.
    const double ms = v.get<double>();
    constexpr double kYear10000Ms = 253402300800000.0;
    if (!(ms >= 0 && ms < kYear10000Ms)) return v.dump();
    return core::Date::FromDaysSinceEpoch(static_cast<long>(ms / 86400000)).ToString();
  }
  return "";
}

// An id that names an advisory (GHSA-…, CVE-…, 1234) rather than a module.
bool IsAdvisoryId(const std::string& s) {
  if (s.empty()) return false;
  if (s.find_first_not_of("0123456789") == std::string::npos) return true;
  return s.rfind("GHSA-", 0) == 0 || s.rfind("CVE-", 0) == 0 || s.rfind("GMS-", 0) == 0;
}

core::Status FromRecord(const std::string& id, const json& rec, const std::string& where,
                        core::DraftWaiver d, std::vector<core::DraftWaiver>* out) {
  if (rec.is_string()) {
    d.reason = rec.get<std::string>();
  } else if (rec.is_object()) {
    if (rec.contains("active") && rec["active"].is_boolean() && !rec["active"].get<bool>())
      return core::Ok{};
    if (rec.contains("notes") && rec["notes"].is_string()) d.reason = rec["notes"];
    if (rec.contains("expiry")) SetExpiry(&d, ExpiryText(rec["expiry"]));
  } else {
    return core::Error{where, "expected an object with active, notes, expiry"};
  }
  d.id = id;
  FillPlaceholders(&d);
  out->push_back(std::move(d));
  return core::Ok{};
}

void FromString(const std::string& entry, core::DraftWaiver d, std::vector<core::DraftWaiver>* out) {
  size_t bar = entry.find('|');
  std::string id = entry.substr(0, bar);
  if (bar != std::string::npos) {
    std::string chain = entry.substr(bar + 1);
    d.comments.push_back("audit-ci dependency path: " + chain);
    size_t gt = chain.rfind('>');
    std::string module = gt == std::string::npos ? chain : chain.substr(gt + 1);
    if (module != "*") d.package = module;
  }
  if (!IsAdvisoryId(id) && id != "*") {
    d.package = id;  // a module name: every advisory in it
    id = "*";
    d.comments.push_back("allowlists a whole module: narrow the id");
  }
  d.id = id;
  FillPlaceholders(&d);
  out->push_back(std::move(d));
}

}  // namespace

ImportResult ReadAuditCi(std::string_view text, const ImportContext& ctx) {
  auto doc = Parse(text, ctx.path);
  if (!doc) return doc.error();
  if (!doc->is_object() || !doc->contains("allowlist"))
    return core::Error{ctx.path, "no \"allowlist\" (expected an audit-ci configuration)"};
  const json& list = (*doc)["allowlist"];
  if (!list.is_array()) return core::Error{ctx.path + ":/allowlist", "expected an array"};
  std::vector<core::DraftWaiver> out;
  for (size_t i = 0; i < list.size(); ++i) {
    std::string where = ctx.path + ":/allowlist/" + std::to_string(i);
    core::DraftWaiver d = NewDraft(ctx, 0, "audit-ci");
    d.comments[0] = "imported from " + ctx.path + " allowlist[" + std::to_string(i) + "] (audit-ci)";
    if (list[i].is_string()) {
      FromString(list[i].get<std::string>(), d, &out);
    } else if (list[i].is_object() && list[i].size() == 1) {
      auto it = list[i].begin();
      if (auto s = FromRecord(it.key(), it.value(), where, d, &out); !s) return s.error();
    } else {
      return core::Error{where, "expected a string or {\"ID\": {active, notes, expiry}}"};
    }
  }
  return out;
}

ImportResult ReadNsprc(std::string_view text, const ImportContext& ctx) {
  auto doc = Parse(text, ctx.path);
  if (!doc) return doc.error();
  if (!doc->is_object()) return core::Error{ctx.path, "expected a JSON object of advisory ids"};
  std::vector<core::DraftWaiver> out;
  for (auto it = doc->begin(); it != doc->end(); ++it) {
    std::string where = ctx.path + ":/" + it.key();
    core::DraftWaiver d = NewDraft(ctx, 0, "nsprc");
    d.comments[0] = "imported from " + ctx.path + " \"" + it.key() + "\" (nsprc)";
    if (it.key() == "exceptions" && it.value().is_array()) {
      for (const auto& url : it.value()) {
        if (!url.is_string()) return core::Error{where, "expected advisory URLs"};
        std::string u = url.get<std::string>();
        core::DraftWaiver e = d;
        e.id = u.substr(u.find_last_of('/') + 1);
        FillPlaceholders(&e);
        out.push_back(std::move(e));
      }
      continue;
    }
    if (auto s = FromRecord(it.key(), it.value(), where, d, &out); !s) return s.error();
  }
  return out;
}

namespace {

bool LooksLikeAuditCi(std::string_view text) {
  return FirstNonBlank(text) == '{' && text.find("\"allowlist\"") != std::string_view::npos;
}

// Any other JSON object (asked after audit-ci).
bool LooksLikeNsprc(std::string_view text) { return FirstNonBlank(text) == '{'; }

}  // namespace

extern const ImportSource kAuditCiSource{"audit-ci",
                                         {"audit-ci.json", "audit-ci.jsonc", ".audit-ci.json"}, 10,
                                         LooksLikeAuditCi, ReadAuditCi};
extern const ImportSource kNsprcSource{"nsprc", {".nsprc"}, 20, LooksLikeNsprc, ReadNsprc};

}  // namespace secgate::waivers
