// .gitleaksignore: one gitleaks fingerprint per line, "commit:file:rule:line"
// (history scans) or "file:rule:line" (file scans). A gitleaks fingerprint
// names a location, not the secret, and secgate waives a secret by the hash of
// its value — which the ignore file does not contain. Each line becomes a
// secrets waiver scoped to the file, with a TODO id naming the rule: run
// secgate-secrets on the path and paste the fingerprint it prints.
#include <cctype>

#include "gates/waivers_tool/entry_lines.h"
#include "gates/waivers_tool/import.h"

namespace secgate::waivers {

namespace {

bool IsHexId(const std::string& s) {
  if (s.size() != 40 && s.size() != 64) return false;
  for (char c : s)
    if (!std::isxdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

// Every content line is "…:rule:<digits>" with at least two colons and no
// spaces.
bool LooksLikeGitleaks(std::string_view text) {
  int entries = 0;
  for (const auto& line : SplitLines(text)) {
    if (IsBlankOrComment(line)) continue;
    size_t colon = line.rfind(':');
    if (colon == std::string::npos || colon + 1 == line.size()) return false;
    for (size_t i = colon + 1; i < line.size(); ++i)
      if (!std::isdigit(static_cast<unsigned char>(line[i]))) return false;
    if (line.find(':') == colon || line.find(' ') != std::string::npos) return false;
    ++entries;
  }
  return entries > 0;
}

}  // namespace

ImportResult ReadGitleaksIgnore(std::string_view text, const ImportContext& ctx) {
  std::vector<core::DraftWaiver> out;
  std::vector<std::string> lines = SplitLines(text);
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string line = lines[i];
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.pop_back();
    if (IsBlankOrComment(line)) continue;
    std::string where = ctx.path + ":" + std::to_string(i + 1);
    size_t last = line.rfind(':');
    size_t rule_colon = last == std::string::npos || last == 0 ? std::string::npos : line.rfind(':', last - 1);
    bool digits = last != std::string::npos && last + 1 < line.size();
    for (size_t k = last + 1; digits && k < line.size(); ++k)
      digits = std::isdigit(static_cast<unsigned char>(line[k]));
    if (!digits || rule_colon == std::string::npos || rule_colon == 0)
      return core::Error{where, "expected a gitleaks fingerprint [commit:]file:rule:line, got '" + line + "'"};
    std::string rule = line.substr(rule_colon + 1, last - rule_colon - 1);
    std::string file = line.substr(0, rule_colon);
    std::string commit;
    size_t first = file.find(':');
    if (first != std::string::npos && IsHexId(file.substr(0, first))) {
      commit = file.substr(0, first);
      file = file.substr(first + 1);
    }
    if (rule.empty() || file.empty())
      return core::Error{where, "expected a gitleaks fingerprint [commit:]file:rule:line, got '" + line + "'"};
    core::DraftWaiver d = NewDraft(ctx, static_cast<int>(i + 1), "gitleaks");
    d.gate = "secrets";
    d.id = "TODO: fingerprint of the " + rule + " secret (run secgate-secrets on " + file + ")";
    d.path = file;
    d.comments.push_back("gitleaks fingerprint: " + line);
    if (!commit.empty()) d.comments.push_back("found in commit " + commit);
    FillPlaceholders(&d);
    out.push_back(std::move(d));
  }
  return out;
}

extern const ImportSource kGitleaksIgnoreSource{
    "gitleaksignore", {".gitleaksignore"}, 50, LooksLikeGitleaks, ReadGitleaksIgnore};

}  // namespace secgate::waivers
