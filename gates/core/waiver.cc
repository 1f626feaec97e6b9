#include "gates/core/waiver.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <utility>
#include <vector>

#include "gates/core/fingerprint.h"
#include "gates/core/purl.h"
#include "gates/core/strings.h"
#include "gates/core/yaml_util.h"

namespace secgate::core {
namespace {

// Characters a blank-looking field may be made of: ASCII white space, and
// (UTF-8) the Unicode spaces and invisible characters that render as nothing.
const std::vector<std::string>& BlankSequences() {
  static const std::vector<std::string> kBlanks = [] {
    std::vector<std::string> v = {" ", "\t", "\r", "\n", "\v", "\f",
                                  "\xc2\xa0", "\xe1\x9a\x80", "\xe1\xa0\x8e",
                                  "\xe2\x80\xa8", "\xe2\x80\xa9", "\xe2\x80\xaf",
                                  "\xe2\x81\x9f", "\xe2\x81\xa0", "\xe3\x80\x80",
                                  "\xef\xbb\xbf"};
    for (int c = 0x80; c <= 0x8d; ++c)  // U+2000..U+200D
      v.push_back(std::string("\xe2\x80") + static_cast<char>(c));
    return v;
  }();
  return kBlanks;
}

// `s` without blank characters at either end.
std::string_view TrimBlank(std::string_view s) {
  for (bool cut = true; cut && !s.empty();) {
    cut = false;
    for (const auto& b : BlankSequences()) {
      if (s.starts_with(b)) s.remove_prefix(b.size()), cut = true;
      if (s.ends_with(b)) s.remove_suffix(b.size()), cut = true;
    }
  }
  return s;
}

// Blank, or a placeholder someone meant to replace. Trimmed first, so that
// ' ' or '  TODO' count as what they look like.
bool IsPlaceholder(std::string_view raw) {
  std::string t = AsciiUpper(TrimBlank(raw));
  return t.empty() || t.rfind("TODO", 0) == 0 || t == "FIXME" || t == "TBD";
}

bool IsHex(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
  });
}

// Advisory ids look like PREFIX-rest (CVE-2024-1, GHSA-xxxx-xxxx-xxxx,
// RUSTSEC-2024-0001, PYSEC-…, GO-…, DSA-…); fingerprints are "vuln:<hex16>".
bool WellFormedVulnId(const std::string& id) {
  if (id.rfind("vuln:", 0) == 0) return id.size() == 21 && IsHex(id.substr(5));
  size_t dash = id.find('-');
  if (dash == std::string::npos || dash == 0 || dash + 1 == id.size()) return false;
  if (!std::isalpha(static_cast<unsigned char>(id[0]))) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.' ||
           c == ':';
  });
}

bool WellFormedSecretId(const std::string& id) {
  // secret:<rule>:<16 hex>
  if (id.rfind("secret:", 0) != 0) return false;
  size_t colon = id.rfind(':');
  if (colon <= 7) return false;
  std::string hex = id.substr(colon + 1);
  return hex.size() == 16 && IsHex(hex);
}

bool HasWildcard(const std::string& s) { return s.find_first_of("*?") != std::string::npos; }

// A secret rule id ("aws-access-key-id", "github-pat"): letters, digits and
// . _ - only, starting with a letter or digit.
bool WellFormedRuleId(const std::string& id) {
  if (id.empty() || !std::isalnum(static_cast<unsigned char>(id[0]))) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.';
  });
}

// One entry being validated: where problems go and what they are checked
// against.
struct EntryCheck {
  const YAML::Node& n;
  const WaiverPolicy& policy;
  const Date& today;
  Waiver* w;
  std::vector<WaiverProblem>* problems;
  int index;

  void Problem(const YAML::Node& at, const std::string& msg) const {
    problems->push_back({LineOf(at) ? LineOf(at) : w->line, index,
                         "waiver " + (w->id.empty() ? "#" + std::to_string(index + 1) : w->id) +
                             ": " + msg});
    w->valid = false;
  }

  // Reads a string field; a required one must not be blank or a placeholder.
  void Str(const char* key, std::string* out, bool required) const {
    YAML::Node v = n[key];
    if (!v || v.IsNull()) {
      if (required) Problem(n, std::string("missing ") + key);
      return;
    }
    if (!v.IsScalar()) {
      Problem(v, std::string(key) + ": expected a string");
      return;
    }
    *out = v.Scalar();
    if (required && IsPlaceholder(*out))
      Problem(v, std::string("missing ") + key + " (placeholder '" + *out + "')");
  }

  // Reads a required date that must not lie after today.
  void PastDate(const char* key, std::optional<Date>* out) const {
    std::string text;
    Str(key, &text, true);
    if (IsPlaceholder(text)) return;
    *out = ParseDate(text);
    if (!*out) Problem(n[key], std::string(key) + ": " + NotARealDate(text));
  }

  void CheckNotFuture(const YAML::Node& at, const std::string& what, const Date& d) const {
    if (d > today)
      Problem(at, what + " " + d.ToString() + " is in the future (today is " + today.ToString() + ")");
  }
};

void CheckKnownKeys(const EntryCheck& c) {
  static const std::set<std::string> kKeys = {"id",      "gate",    "package", "path",
                                              "tool",    "reason",  "owner",   "ticket",
                                              "created", "expires", "renewed"};
  for (const auto& kv : c.n) {
    if (!kv.first.IsScalar() || !kKeys.count(kv.first.Scalar()))
      c.Problem(kv.first, "unknown key '" + (kv.first.IsScalar() ? kv.first.Scalar() : "?") + "'");
  }
}

Renewal ReadRenewal(const EntryCheck& c, const YAML::Node& item) {
  Renewal ren;
  for (const auto& kv : item) {
    std::string k = kv.first.IsScalar() ? kv.first.Scalar() : "?";
    if (!kv.second.IsScalar()) { c.Problem(kv.second, "renewed." + k + ": expected a string"); continue; }
    if (k == "date") ren.date = kv.second.Scalar();
    else if (k == "from") ren.from = kv.second.Scalar();
    else if (k == "until") ren.until = kv.second.Scalar();
    else if (k == "reason") ren.reason = kv.second.Scalar();
    else if (k == "by") ren.by = kv.second.Scalar();
    else c.Problem(kv.first, "renewed: unknown key '" + k + "'");
  }
  return ren;
}

// Reads `renewed:`; returns the day max_days counts from (the last renewal,
// else created). A renewal dated after today is a problem and never counts.
Date ReadRenewals(const EntryCheck& c) {
  Date from = c.w->created.value_or(Date{});
  YAML::Node r = c.n["renewed"];
  if (!r || r.IsNull()) return from;
  if (!r.IsSequence()) {
    c.Problem(r, "renewed: expected a list");
    return from;
  }
  for (const auto& item : r) {
    if (!item.IsMap()) { c.Problem(item, "renewed: expected date, from, until, reason"); continue; }
    Renewal ren = ReadRenewal(c, item);
    auto d = ParseDate(ren.date);
    if (!d) c.Problem(item, "renewed.date: " + NotARealDate(ren.date));
    else if (*d > c.today) c.CheckNotFuture(item, "renewed.date", *d);
    else if (*d > from) from = *d;
    c.w->renewed.push_back(ren);
  }
  return from;
}

void CheckSpan(const EntryCheck& c, const Date& limit_from) {
  const Waiver& w = *c.w;
  if (!w.created || !w.expires) return;
  if (*w.expires < *w.created) {
    c.Problem(c.n["expires"], "expires " + w.expires->ToString() + " is before created " +
                                  w.created->ToString());
  } else if (DaysBetween(limit_from, *w.expires) > c.policy.max_days) {
    c.Problem(c.n["expires"], "expires " + w.expires->ToString() + " is more than " +
                                  std::to_string(c.policy.max_days) + " days after " +
                                  (limit_from == *w.created ? "created " : "the last renewal ") +
                                  limit_from.ToString() + " (waivers.max_days)");
  }
}

void CheckId(const EntryCheck& c) {
  const std::string& id = c.w->id;
  if (HasWildcard(id)) {
    if (!c.policy.allow_wildcards)
      c.Problem(c.n["id"], "id '" + id + "' waives everything (set waivers.allow_wildcards to allow)");
    return;
  }
  if (c.w->gate == Gate::kVuln && !WellFormedVulnId(id))
    c.Problem(c.n["id"], "id '" + id + "' is not a vulnerability id (CVE-…, GHSA-…, …) or vuln fingerprint");
  // A secrets waiver names one secret by fingerprint, or a rule within a
  // path scope (a rule id alone would waive that rule everywhere).
  if (c.w->gate == Gate::kSecrets && !WellFormedSecretId(id)) {
    if (!WellFormedRuleId(id))
      c.Problem(c.n["id"], "id '" + id +
                               "' is not a secret fingerprint (secret:<rule>:<16 hex>) or rule id");
    else if (c.w->path.empty())
      c.Problem(c.n["id"], "id '" + id + "' is a rule id: give a path scope, or use the fingerprint");
  }
  if (id.find_first_of(" \t") != std::string::npos)
    c.Problem(c.n["id"], "id '" + id + "' contains white space");
}

void CheckScopes(const EntryCheck& c) {
  const Waiver& w = *c.w;
  if (!w.package.empty() && w.package.rfind("pkg:", 0) == 0 && !ParsePurl(w.package))
    c.Problem(c.n["package"], "package: '" + w.package + "' is not a valid purl");
  else if (w.package.find_first_of(" \t") != std::string::npos)
    c.Problem(c.n["package"], "package: '" + w.package + "' is not a purl or package name");
  if (!c.policy.allow_wildcards && !w.path.empty() && GlobMatchesEverything(w.path))
    c.Problem(c.n["path"], "path '" + w.path + "' matches everything (set waivers.allow_wildcards to allow)");
}

void ParseOneWaiver(const EntryCheck& c) {
  Waiver* w = c.w;
  if (!c.n.IsMap()) {
    c.Problem(c.n, "expected a mapping with id, gate, reason, owner, created, expires");
    return;
  }
  if (c.n["id"] && c.n["id"].IsScalar()) w->id = c.n["id"].Scalar();
  CheckKnownKeys(c);
  c.Str("id", &w->id, true);
  std::string gate;
  c.Str("gate", &gate, true);
  c.Str("package", &w->package, false);
  c.Str("path", &w->path, false);
  c.Str("tool", &w->tool, false);
  c.Str("reason", &w->reason, true);
  c.Str("owner", &w->owner, true);
  c.Str("ticket", &w->ticket, c.policy.require_ticket);
  bool gate_ok = !gate.empty() && ParseGate(gate, &w->gate);
  if (!gate.empty() && !gate_ok)
    c.Problem(c.n["gate"], "gate: unknown gate '" + gate + "' (expected " + GateNames() + ")");
  c.PastDate("created", &w->created);
  c.PastDate("expires", &w->expires);
  CheckSpan(c, ReadRenewals(c));
  if (!w->id.empty() && !gate.empty()) CheckId(c);
  if (!w->tool.empty() && gate_ok && w->gate != Gate::kCode)
    c.Problem(c.n["tool"], "tool: only gate code waivers name a tool");
  CheckScopes(c);
  if (w->created) c.CheckNotFuture(c.n, "created", *w->created);
}

// Entry j against an earlier entry i of the same gate and id: equal scopes,
// or one covering the other, so which one applies would depend on order.
// Returns the problem, or "" when they are independent.
bool ToolScopeContains(const std::string& outer, const std::string& inner) {
  return outer.empty() || EqualsIgnoreCase(outer, inner);
}

std::string OverlapOf(const Waiver& a, const Waiver& b) {
  if (a.package == b.package && a.path == b.path && EqualsIgnoreCase(a.tool, b.tool))
    return "duplicate of an earlier entry with the same gate, id and scopes";
  bool a_covers = PackageScopeContains(a.package, b.package) && PathScopeContains(a.path, b.path) &&
                  ToolScopeContains(a.tool, b.tool);
  bool b_covers = PackageScopeContains(b.package, a.package) && PathScopeContains(b.path, a.path) &&
                  ToolScopeContains(b.tool, a.tool);
  if (!a_covers && !b_covers) return "";
  return "overlaps the entry on line " + std::to_string(a.line) +
         (a_covers ? " (its scope already covers this one)" : " (this scope covers that one)");
}

void AddOverlapProblems(WaiverFile* file) {
  std::map<std::pair<Gate, std::string>, std::vector<size_t>> by_id;
  auto& ws = file->waivers;
  for (size_t j = 0; j < ws.size(); ++j) {
    if (ws[j].id.empty()) continue;
    auto& earlier = by_id[{ws[j].gate, AsciiUpper(ws[j].id)}];
    for (size_t i : earlier) {
      std::string what = OverlapOf(ws[i], ws[j]);
      if (what.empty()) continue;
      file->problems.push_back({ws[j].line, static_cast<int>(j), "waiver " + ws[j].id + ": " + what});
      ws[j].valid = false;
      break;
    }
    earlier.push_back(j);
  }
}

}  // namespace

Result<WaiverFile> ParseWaiverFile(std::string_view yaml_text, const std::string& path,
                                   const WaiverPolicy& policy, const Date& today) {
  auto doc = LoadYaml(yaml_text, path);
  if (!doc) return doc.error();
  WaiverFile file;
  file.source = path;
  file.sha256 = Sha256Hex(yaml_text);
  const YAML::Node& root = *doc;
  if (!root.IsMap())
    return Error{Where(path, root), "expected a mapping with 'version: 1' and 'waivers:'"};
  if (Status s = CheckKeys(root, {"version", "waivers"}, path, ""); !s) return s.error();
  if (!root["version"] || !root["version"].IsScalar() || root["version"].Scalar() != "1")
    return Error{Where(path, root["version"] ? root["version"] : root),
                 "version: expected 1"};
  YAML::Node list = root["waivers"];
  if (!list || list.IsNull()) return file;
  if (!list.IsSequence()) return Error{Where(path, list), "waivers: expected a list"};
  int index = 0;
  for (const auto& item : list) {
    Waiver w;
    w.line = LineOf(item);
    ParseOneWaiver({item, policy, today, &w, &file.problems, index++});
    file.waivers.push_back(std::move(w));
  }
  AddOverlapProblems(&file);
  std::stable_sort(file.problems.begin(), file.problems.end(),
                   [](const WaiverProblem& x, const WaiverProblem& y) { return x.line < y.line; });
  return file;
}

bool PackageScopeContains(const std::string& outer, const std::string& inner) {
  if (outer.empty() || outer == inner) return true;
  if (inner.empty()) return false;
  auto o = ParsePurl(outer), i = ParsePurl(inner);
  if (o && i) {
    if (o->Base() != i->Base()) return false;
    return o->version.empty() || o->version == i->version;
  }
  if (!o && !i) {
    // "name" covers "name@version".
    size_t at = inner.rfind('@');
    return at != std::string::npos && at > 0 && EqualsIgnoreCase(inner.substr(0, at), outer);
  }
  return false;
}

bool PathScopeContains(const std::string& outer, const std::string& inner) {
  if (outer.empty() || outer == inner) return true;
  if (inner.empty()) return false;
  if (!HasWildcard(inner)) return GlobMatch(outer, inner);
  // Both are patterns: only the clear case "dir/**" covers "dir/<anything>".
  if (outer == "**") return true;
  if (outer.size() > 3 && outer.compare(outer.size() - 3, 3, "/**") == 0) {
    std::string prefix = outer.substr(0, outer.size() - 2);  // keeps the '/'
    return !HasWildcard(prefix) && inner.rfind(prefix, 0) == 0;
  }
  return false;
}

bool WaiverMatches(const Waiver& w, const Finding& f) {
  if (w.gate != f.gate) return false;
  bool id_match = w.id == "*" || EqualsIgnoreCase(w.id, f.id) || w.id == f.fingerprint;
  for (size_t i = 0; !id_match && i < f.aliases.size(); ++i)
    id_match = EqualsIgnoreCase(w.id, f.aliases[i]);
  for (size_t i = 0; !id_match && i < f.related.size(); ++i)
    id_match = EqualsIgnoreCase(w.id, f.related[i]);
  if (!id_match && HasWildcard(w.id)) id_match = GlobMatch(w.id, f.id);
  if (!id_match) return false;

  if (!w.package.empty()) {
    if (auto wp = ParsePurl(w.package)) {
      auto fp = ParsePurl(f.package.purl);
      std::string fversion = fp && !fp->version.empty() ? fp->version : f.package.version;
      if (fp) {
        if (wp->Base() != fp->Base()) return false;
      } else {
        std::string wname = wp->namespace_.empty() ? wp->name : wp->namespace_ + "/" + wp->name;
        if (!EqualsIgnoreCase(wname, f.package.name) && !EqualsIgnoreCase(wp->name, f.package.name))
          return false;
      }
      if (!wp->version.empty() && wp->version != fversion) return false;
    } else {
      std::string name = w.package, version;
      size_t at = name.rfind('@');
      if (at != std::string::npos && at > 0) {
        version = name.substr(at + 1);
        name = name.substr(0, at);
      }
      if (!EqualsIgnoreCase(name, f.package.name)) return false;
      if (!version.empty() && version != f.package.version) return false;
    }
  }
  if (!w.path.empty() && !GlobMatch(w.path, f.location.path) &&
      !GlobMatch(w.path, f.location.target))
    return false;
  if (!w.tool.empty() && (f.sources.empty() || !EqualsIgnoreCase(w.tool, f.sources.front())))
    return false;
  return true;
}

}  // namespace secgate::core
