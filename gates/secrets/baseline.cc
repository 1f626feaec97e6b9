// Baseline waiver file (baseline.h).
#include "gates/secrets/baseline.h"

#include <fstream>
#include <set>

namespace secgate::secrets {

namespace {

/// A YAML single-quoted scalar.
std::string Quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') out += "''";
    else if (static_cast<unsigned char>(c) < 0x20) out += ' ';
    else out.push_back(c);
  }
  return out + "'";
}

/// Escapes glob characters so the path scope matches only this file.
bool HasGlobChars(const std::string& s) { return s.find_first_of("*?") != std::string::npos; }

}  // namespace

std::string BaselineYaml(const std::vector<core::Finding>& findings, const core::Date& today,
                         int max_days) {
  std::string out =
      "# Baseline of pre-existing secrets, written by secgate-secrets --baseline-out on " +
      today.ToString() +
      ".\n# Rotate each secret, then delete its entry; give every entry a real owner.\n"
      "version: 1\nwaivers:\n";
  std::set<std::pair<std::string, std::string>> seen;
  const std::string expires = today.AddDays(max_days).ToString();
  for (const auto& f : findings) {
    std::string path = HasGlobChars(f.location.path) ? "" : f.location.path;
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
                                const core::Date& today, int max_days) {
  std::string text = BaselineYaml(findings, today, max_days);
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
