#include "gates/core/waiver.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <tuple>
#include <vector>

#include "gates/core/fingerprint.h"
#include "gates/core/purl.h"
#include "gates/core/yaml_util.h"

namespace secgate::core {
namespace {

bool IsPlaceholder(const std::string& s) {
  std::string t;
  for (char c : s) t += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
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

std::string ParseOneWaiver(const YAML::Node& n, const std::string& path,
                           const WaiverPolicy& policy, Waiver* w,
                           std::vector<WaiverProblem>* problems, int index) {
  auto problem = [&](const YAML::Node& at, const std::string& msg) {
    problems->push_back({LineOf(at) ? LineOf(at) : w->line, index,
                         "waiver " + (w->id.empty() ? "#" + std::to_string(index + 1) : w->id) +
                             ": " + msg});
    w->valid = false;
  };
  if (!n.IsMap()) {
    problem(n, "expected a mapping with id, gate, reason, owner, created, expires");
    return "";
  }
  if (n["id"] && n["id"].IsScalar()) w->id = n["id"].Scalar();
  static const std::set<std::string> kKeys = {"id",     "gate",    "package", "path",
                                              "reason", "owner",   "ticket",  "created",
                                              "expires", "renewed"};
  for (const auto& kv : n) {
    if (!kv.first.IsScalar() || !kKeys.count(kv.first.Scalar()))
      problem(kv.first, "unknown key '" + (kv.first.IsScalar() ? kv.first.Scalar() : "?") + "'");
  }
  auto str = [&](const char* key, std::string* out, bool required) {
    YAML::Node v = n[key];
    if (!v || v.IsNull()) {
      if (required) problem(n, std::string("missing ") + key);
      return;
    }
    if (!v.IsScalar()) {
      problem(v, std::string(key) + ": expected a string");
      return;
    }
    *out = v.Scalar();
    if (required && IsPlaceholder(*out)) problem(v, std::string("missing ") + key + " (placeholder '" + *out + "')");
  };
  str("id", &w->id, true);
  std::string gate;
  str("gate", &gate, true);
  str("package", &w->package, false);
  str("path", &w->path, false);
  str("reason", &w->reason, true);
  str("owner", &w->owner, true);
  str("ticket", &w->ticket, policy.require_ticket);
  if (!gate.empty() && !ParseGate(gate, &w->gate))
    problem(n["gate"], "gate: unknown gate '" + gate + "' (expected vuln, secrets or sbom)");

  auto date = [&](const char* key, std::optional<Date>* out) {
    std::string text;
    str(key, &text, true);
    if (text.empty() || IsPlaceholder(text)) return;
    *out = ParseDate(text);
    if (!*out) problem(n[key], std::string(key) + ": '" + text + "' is not a real date (YYYY-MM-DD)");
  };
  date("created", &w->created);
  date("expires", &w->expires);

  Date limit_from = w->created.value_or(Date{});
  if (YAML::Node r = n["renewed"]; r && !r.IsNull()) {
    if (!r.IsSequence()) {
      problem(r, "renewed: expected a list");
    } else {
      for (const auto& item : r) {
        Renewal ren;
        if (!item.IsMap()) { problem(item, "renewed: expected date, from, until, reason"); continue; }
        for (const auto& kv : item) {
          std::string k = kv.first.IsScalar() ? kv.first.Scalar() : "?";
          if (!kv.second.IsScalar()) { problem(kv.second, "renewed." + k + ": expected a string"); continue; }
          if (k == "date") ren.date = kv.second.Scalar();
          else if (k == "from") ren.from = kv.second.Scalar();
          else if (k == "until") ren.until = kv.second.Scalar();
          else if (k == "reason") ren.reason = kv.second.Scalar();
          else if (k == "by") ren.by = kv.second.Scalar();
          else problem(kv.first, "renewed: unknown key '" + k + "'");
        }
        auto d = ParseDate(ren.date);
        if (!d) problem(item, "renewed.date: '" + ren.date + "' is not a real date (YYYY-MM-DD)");
        else if (*d > limit_from) limit_from = *d;
        w->renewed.push_back(ren);
      }
    }
  }
  if (w->created && w->expires) {
    if (*w->expires < *w->created) {
      problem(n["expires"], "expires " + w->expires->ToString() + " is before created " +
                                w->created->ToString());
    } else if (DaysBetween(limit_from, *w->expires) > policy.max_days) {
      problem(n["expires"], "expires " + w->expires->ToString() + " is more than " +
                                std::to_string(policy.max_days) + " days after " +
                                (w->renewed.empty() ? "created " : "the last renewal ") +
                                limit_from.ToString() + " (waivers.max_days)");
    }
  }
  if (!w->id.empty() && !gate.empty()) {
    if (HasWildcard(w->id) && !policy.allow_wildcards) {
      problem(n["id"], "id '" + w->id + "' waives everything (set waivers.allow_wildcards to allow)");
    } else if (!HasWildcard(w->id)) {
      if (w->gate == Gate::kVuln && !WellFormedVulnId(w->id))
        problem(n["id"], "id '" + w->id + "' is not a vulnerability id (CVE-…, GHSA-…, …) or vuln fingerprint");
      if (w->gate == Gate::kSecrets && !WellFormedSecretId(w->id))
        problem(n["id"], "id '" + w->id + "' is not a secret fingerprint (secret:<rule>:<16 hex>)");
      if (w->id.find_first_of(" \t") != std::string::npos)
        problem(n["id"], "id '" + w->id + "' contains white space");
    }
  }
  if (!w->package.empty() && w->package.rfind("pkg:", 0) == 0 && !ParsePurl(w->package))
    problem(n["package"], "package: '" + w->package + "' is not a valid purl");
  else if (w->package.find_first_of(" \t") != std::string::npos)
    problem(n["package"], "package: '" + w->package + "' is not a purl or package name");
  if (!policy.allow_wildcards && (w->path == "**" || w->path == "*" || w->path == "**/*"))
    problem(n["path"], "path '" + w->path + "' matches everything (set waivers.allow_wildcards to allow)");
  return gate;
}

}  // namespace

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  return true;
}

Result<WaiverFile> ParseWaiverFile(std::string_view yaml_text, const std::string& path,
                                   const WaiverPolicy& policy) {
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
  std::set<std::tuple<int, std::string, std::string, std::string>> seen;
  int index = 0;
  for (const auto& item : list) {
    Waiver w;
    w.line = LineOf(item);
    ParseOneWaiver(item, path, policy, &w, &file.problems, index);
    std::string id_key = w.id;
    for (char& c : id_key) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    auto key = std::make_tuple(static_cast<int>(w.gate), id_key, w.package, w.path);
    if (!w.id.empty() && !seen.insert(key).second) {
      file.problems.push_back({w.line, index, "waiver " + w.id +
                                                  ": duplicate of an earlier entry with the same "
                                                  "gate, id and scopes"});
      w.valid = false;
    }
    file.waivers.push_back(std::move(w));
    ++index;
  }
  return file;
}

bool GlobMatch(std::string_view p, std::string_view t) {
  // Dynamic programming over (pattern position, text position): O(|p|*|t|),
  // no recursion, no backtracking blow-up. Tokens: "**/" (zero or more
  // directories), "**" (anything), "*" (anything but '/'), "?" (one char but
  // '/'), anything else literally.
  const size_t n = t.size();
  std::vector<char> next(n + 1, 0), cur(n + 1, 0);
  next[n] = 1;  // Empty pattern matches only the empty rest of text.
  // Walk the pattern backwards, token by token.
  std::vector<std::pair<int, char>> tokens;  // kind: 0 literal, 1 ?, 2 *, 3 **, 4 **/
  for (size_t i = 0; i < p.size();) {
    if (p[i] == '*' && i + 1 < p.size() && p[i + 1] == '*') {
      if (i + 2 < p.size() && p[i + 2] == '/') { tokens.push_back({4, 0}); i += 3; }
      else { tokens.push_back({3, 0}); i += 2; }
    } else if (p[i] == '*') { tokens.push_back({2, 0}); ++i; }
    else if (p[i] == '?') { tokens.push_back({1, 0}); ++i; }
    else { tokens.push_back({0, p[i]}); ++i; }
  }
  for (size_t k = tokens.size(); k-- > 0;) {
    auto [kind, ch] = tokens[k];
    cur.assign(n + 1, 0);
    bool slash_after = false;
    for (size_t j = n + 1; j-- > 0;) {
      switch (kind) {
        case 0: cur[j] = j < n && t[j] == ch && next[j + 1]; break;
        case 1: cur[j] = j < n && t[j] != '/' && next[j + 1]; break;
        case 2: cur[j] = next[j] || (j < n && t[j] != '/' && cur[j + 1]); break;
        case 3: cur[j] = next[j] || (j < n && cur[j + 1]); break;
        case 4:
          // Zero directories, or any run of characters ending in '/':
          // `slash_after` carries "some '/' at or after j is followed by a match".
          slash_after = slash_after || (j < n && t[j] == '/' && next[j + 1]);
          cur[j] = next[j] || slash_after;
          break;
      }
    }
    std::swap(cur, next);
  }
  return next[0];
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
  return true;
}

}  // namespace secgate::core
