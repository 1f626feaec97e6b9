#include "gates/core/purl.h"

#include <cctype>

#include "gates/core/strings.h"
#include "gates/core/text_codec.h"

namespace secgate::core {
namespace {

std::string Encode(std::string_view s) { return PercentEncode(s, ".-_~+"); }

}  // namespace

std::string NormalizePythonName(std::string_view name) {
  std::string out;
  bool sep = false;
  for (char c : name) {
    if (c == '-' || c == '_' || c == '.') {
      sep = true;
      continue;
    }
    if (sep && !out.empty()) out += '-';
    sep = false;
    out += AsciiLowerChar(c);
  }
  return out;
}

std::string Purl::Base() const {
  std::string out = "pkg:" + type + "/";
  if (!namespace_.empty()) {
    // Each namespace segment is encoded on its own; '/' separates them.
    size_t start = 0;
    while (true) {
      size_t slash = namespace_.find('/', start);
      out += Encode(namespace_.substr(start, slash - start));
      if (slash == std::string::npos) break;
      out += '/';
      start = slash + 1;
    }
    out += '/';
  }
  return out + Encode(name);
}

std::string Purl::BaseWithVersion() const {
  return version.empty() ? Base() : Base() + "@" + Encode(version);
}

std::optional<Purl> ParsePurl(std::string_view text) {
  if (text.size() < 6 || AsciiLower(text.substr(0, 4)) != "pkg:") return std::nullopt;
  std::string_view rest = text.substr(4);
  while (!rest.empty() && rest.front() == '/') rest.remove_prefix(1);
  if (size_t hash = rest.find('#'); hash != std::string_view::npos) rest = rest.substr(0, hash);
  Purl p;
  if (size_t q = rest.find('?'); q != std::string_view::npos) {
    p.qualifiers = std::string(rest.substr(q + 1));
    rest = rest.substr(0, q);
  }
  size_t slash = rest.find('/');
  if (slash == std::string_view::npos || slash == 0) return std::nullopt;
  p.type = AsciiLower(rest.substr(0, slash));
  for (char c : p.type)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '-' && c != '+')
      return std::nullopt;
  rest = rest.substr(slash + 1);
  // The version follows the last '@' that comes after the last '/'.
  size_t last_slash = rest.rfind('/');
  size_t at = rest.rfind('@');
  if (at != std::string_view::npos && (last_slash == std::string_view::npos || at > last_slash)) {
    p.version = PercentDecode(rest.substr(at + 1));
    rest = rest.substr(0, at);
  }
  while (!rest.empty() && rest.back() == '/') rest.remove_suffix(1);
  last_slash = rest.rfind('/');
  if (last_slash == std::string_view::npos) {
    p.name = PercentDecode(rest);
  } else {
    p.namespace_ = PercentDecode(rest.substr(0, last_slash));
    p.name = PercentDecode(rest.substr(last_slash + 1));
  }
  if (p.type == "pypi") p.name = NormalizePythonName(p.name);
  // After normalisation: "pkg:pypi/-" has no name, and must not compare
  // equal to every other such purl (a waiver scope would match them all).
  if (p.name.empty()) return std::nullopt;
  if (p.type == "npm" || p.type == "pypi" || p.type == "deb" || p.type == "apk" ||
      p.type == "github" || p.type == "golang" || p.type == "cargo" || p.type == "gem")
    AsciiLowerInPlace(&p.namespace_);
  if (p.type == "npm" || p.type == "deb" || p.type == "apk" || p.type == "github")
    AsciiLowerInPlace(&p.name);
  return p;
}

}  // namespace secgate::core
