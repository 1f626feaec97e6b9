// Baseline waiver file (baseline.h).
#include "gates/secrets/baseline.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <set>

namespace secgate::secrets {

namespace {

bool IsControl(char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; }

/// A YAML scalar that reads back as exactly `s`: single-quoted, or
/// double-quoted with \xNN escapes when `s` holds a control character (a
/// newline in a file name must not turn into another path).
std::string Quote(const std::string& s) {
  if (std::none_of(s.begin(), s.end(), IsControl)) {
    std::string out = "'";
    for (char c : s) out += c == '\'' ? std::string("''") : std::string(1, c);
    return out + "'";
  }
  std::string out = "\"";
  for (char c : s) {
    if (IsControl(c)) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned char>(c));
      out += buf;
    } else {
      if (c == '"' || c == '\\') out.push_back('\\');
      out.push_back(c);
    }
  }
  return out + "\"";
}

/// A waiver path is a glob without an escape: a file name holding '*' or
/// '?' cannot be scoped to exactly that file, so its entry is refused.
bool HasGlobChars(const std::string& s) { return s.find_first_of("*?") != std::string::npos; }

}  // namespace

std::string BaselineYaml(const std::vector<core::Finding>& findings, const core::Date& today,
                         int max_days, int* refused) {
  std::string out =
      "# Baseline of pre-existing secrets, written by secgate-secrets --baseline-out on " +
      today.ToString() +
      ".\n# Rotate each secret, then delete its entry; give every entry a real owner.\n"
      "version: 1\nwaivers:\n";
  std::set<std::pair<std::string, std::string>> seen;
  const std::string expires = today.AddDays(max_days).ToString();
  if (refused) *refused = 0;
  for (const auto& f : findings) {
    const std::string& path = f.location.path;
    if (HasGlobChars(path)) {
      if (refused) ++*refused;
      continue;
    }
    if (!seen.insert({f.fingerprint, path}).second) continue;
    out += "  - id: " + Quote(f.fingerprint) + "\n    gate: secrets\n";
    if (!path.empty()) out += "    path: " + Quote(path) + "\n";
    out += "    reason: 'baseline: pre-existing at adoption'\n"
           "    owner: unassigned\n"
           "    created: " + today.ToString() + "\n    expires: " + expires + "\n";
  }
  if (seen.empty()) out = out.substr(0, out.size() - 9) + "waivers: []\n";
  return out;
}

core::Result<int> WriteBaseline(const std::string& path, const std::vector<core::Finding>& findings,
                                const core::Date& today, int max_days, int* refused) {
  std::string text = BaselineYaml(findings, today, max_days, refused);
  int count = 0;
  for (size_t p = text.find("\n  - id: "); p != std::string::npos; p = text.find("\n  - id: ", p + 1))
    ++count;
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (out) out << text;
  out.close();
  if (!out) return core::Error{path, "cannot write baseline"};
  return count;
}

}  // namespace secgate::secrets
