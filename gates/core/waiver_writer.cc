#include "gates/core/waiver_writer.h"

#include <cctype>
#include <cstdio>

#include "gates/core/finding.h"
#include "gates/core/purl.h"
#include "gates/core/strings.h"

namespace secgate::core {

namespace {

bool IsPlainChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == '/' ||
         c == '@' || c == '+' || c == '-' || c == ':' || c == '=' || c == '%' || c == '~' ||
         c == '^' || c == '<' || c == '>' || c == '(' || c == ')' || c == ';';
}

bool IsSpecialWord(std::string_view s) {
  static const char* kWords[] = {"true", "false", "yes", "no", "on", "off", "null", "y", "n"};
  for (const char* w : kWords)
    if (EqualsIgnoreCase(s, w)) return true;
  return false;
}

void Comments(const std::vector<std::string>& comments, const std::string& pad, std::string* out) {
  for (const auto& c : comments) {
    // A comment never spans lines (a newline would start YAML content), and
    // control characters are shown escaped (YAML rejects most of them).
    std::string line;
    for (char ch : c) {
      unsigned char u = static_cast<unsigned char>(ch);
      if (u < 0x20 || u == 0x7f) {
        char buf[8];
        std::snprintf(buf, sizeof buf, "\\x%02x", u);
        line += buf;
      } else {
        line += ch;
      }
    }
    *out += pad + "# " + line + "\n";
  }
}

std::string VersionedPackage(const Package& p) {
  if (auto purl = ParsePurl(p.purl)) {
    if (!purl->version.empty()) return purl->BaseWithVersion();
    if (!p.version.empty()) return purl->Base() + "@" + p.version;
    return purl->Base();
  }
  if (p.name.empty()) return "";
  return p.version.empty() ? p.name : p.name + "@" + p.version;
}

bool HasGlobChars(const std::string& s) { return s.find_first_of("*?") != std::string::npos; }

}  // namespace

std::optional<DraftWaiver> BaselineDraft(const Finding& f, const std::string& owner,
                                         const Date& created, const Date& expires) {
  DraftWaiver d;
  d.gate = std::string(GateName(f.gate));
  d.id = f.id;
  switch (f.gate) {
    case Gate::kVuln:
      d.package = VersionedPackage(f.package);
      break;
    case Gate::kSecrets:
      if (HasGlobChars(f.location.path)) return std::nullopt;
      if (!f.fingerprint.empty()) d.id = f.fingerprint;
      d.path = f.location.path;
      break;
    case Gate::kSbom:
      if (auto purl = ParsePurl(f.package.purl)) d.package = purl->BaseWithVersion();
      else d.package = VersionedPackage(f.package);
      break;
    case Gate::kCode:
      // The rule at this place: by fingerprint, so an edit elsewhere in the
      // file keeps it and another finding of the rule is not waived.
      if (HasGlobChars(f.location.path)) return std::nullopt;
      if (!f.fingerprint.empty()) d.id = f.fingerprint;
      d.path = f.location.path;
      break;
  }
  d.reason = kBaselineReason;
  d.owner = owner;
  d.created = created.ToString();
  d.expires = expires.ToString();
  return d;
}

std::string YamlScalar(std::string_view s) {
  bool plain = !s.empty() && std::isalnum(static_cast<unsigned char>(s[0])) && !IsSpecialWord(s);
  for (size_t i = 0; plain && i < s.size(); ++i) plain = IsPlainChar(s[i]);
  // A trailing ':' would make the scalar a key.
  if (plain && s.back() == ':') plain = false;
  if (plain) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default:
        if (u < 0x20 || u == 0x7f) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\x%02x", u);
          out += buf;
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

DraftWaiver DraftFromWaiver(const Waiver& w) {
  DraftWaiver d;
  d.id = w.id;
  d.gate = std::string(GateName(w.gate));
  d.package = w.package;
  d.path = w.path;
  d.reason = w.reason;
  d.owner = w.owner;
  d.ticket = w.ticket;
  d.created = w.created ? w.created->ToString() : "";
  d.expires = w.expires ? w.expires->ToString() : "";
  d.renewed = w.renewed;
  return d;
}

std::string EntryYaml(const DraftWaiver& d, int indent) {
  std::string pad(indent, ' ');
  std::string key_pad(indent + 2, ' ');
  std::string out;
  Comments(d.comments, pad, &out);
  out += pad + "- id: " + YamlScalar(d.id) + "\n";
  auto field = [&](const char* key, const std::string& value, bool always) {
    if (value.empty() && !always) return;
    out += key_pad + key + ": " + YamlScalar(value) + "\n";
  };
  field("gate", d.gate, true);
  field("package", d.package, false);
  field("path", d.path, false);
  field("reason", d.reason, true);
  field("owner", d.owner, true);
  field("ticket", d.ticket, false);
  field("created", d.created, true);
  field("expires", d.expires, true);
  if (!d.renewed.empty()) {
    out += key_pad + "renewed:\n";
    std::string item_pad = key_pad + "  ";
    for (const auto& r : d.renewed) {
      out += item_pad + "- date: " + YamlScalar(r.date) + "\n";
      out += item_pad + "  from: " + YamlScalar(r.from) + "\n";
      out += item_pad + "  until: " + YamlScalar(r.until) + "\n";
      out += item_pad + "  reason: " + YamlScalar(r.reason) + "\n";
      if (!r.by.empty()) out += item_pad + "  by: " + YamlScalar(r.by) + "\n";
    }
  }
  return out;
}

std::string WaiverFileYaml(const std::vector<DraftWaiver>& drafts,
                           const std::vector<std::string>& header) {
  std::string out;
  Comments(header, "", &out);
  out += "version: 1\n";
  if (drafts.empty()) return out + "waivers: []\n";
  out += "waivers:\n";
  for (size_t i = 0; i < drafts.size(); ++i) {
    if (i) out += "\n";
    out += EntryYaml(drafts[i], 2);
  }
  return out;
}

std::string DraftKey(const DraftWaiver& d) {
  return d.gate + "\n" + AsciiUpper(d.id) + "\n" + d.package + "\n" + d.path;
}

}  // namespace secgate::core
