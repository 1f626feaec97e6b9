#include "gates/core/report/escape.h"

#include <algorithm>
#include <cstdint>

#include "gates/core/text_codec.h"

namespace secgate::core {
namespace {

constexpr char32_t kReplacement = 0xFFFD;

// Decodes one UTF-8 character at s[*i] and advances *i. Invalid sequences
// yield U+FFFD and advance by one byte, so decoding always makes progress.
char32_t NextChar(std::string_view s, size_t* i) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = byte(*i);
  if (c < 0x80) {
    ++*i;
    return c;
  }
  int len = 0;
  char32_t cp = 0, min = 0;
  if ((c & 0xE0) == 0xC0) {
    len = 2, cp = c & 0x1F, min = 0x80;
  } else if ((c & 0xF0) == 0xE0) {
    len = 3, cp = c & 0x0F, min = 0x800;
  } else if ((c & 0xF8) == 0xF0) {
    len = 4, cp = c & 0x07, min = 0x10000;
  } else {
    ++*i;
    return kReplacement;
  }
  if (*i + len > s.size()) {
    ++*i;
    return kReplacement;
  }
  for (int k = 1; k < len; ++k) {
    unsigned char cc = byte(*i + k);
    if ((cc & 0xC0) != 0x80) {
      ++*i;
      return kReplacement;
    }
    cp = (cp << 6) | (cc & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    ++*i;
    return kReplacement;
  }
  *i += len;
  return cp;
}

// C0 controls, DEL and C1 controls: what can drive a terminal or a log
// viewer (ESC sequences, BEL, backspace, CR, the 8-bit CSI U+009B).
bool IsControl(char32_t cp) { return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F); }

// "\x1b": a control character shown as text.
void AppendHexEscape(char32_t cp, std::string* out) {
  static constexpr char kHex[] = "0123456789abcdef";
  *out += "\\x";
  *out += kHex[(cp >> 4) & 15];
  *out += kHex[cp & 15];
}

bool XmlAllowed(char32_t cp) {
  return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) ||
         (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
}

std::string GithubEscape(std::string_view s, bool property) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    char32_t cp = NextChar(s, &i);
    switch (cp) {
      case '%': out += "%25"; break;
      case '\r': out += "%0D"; break;
      case '\n': out += "%0A"; break;
      case ':': out += property ? "%3A" : ":"; break;
      case ',': out += property ? "%2C" : ","; break;
      default:
        if (IsControl(cp)) AppendHexEscape(cp, &out);  // the log renders ANSI sequences
        else AppendUtf8(cp, &out);
    }
  }
  return out;
}

}  // namespace

void AppendUtf8(char32_t cp, std::string* out) {
  if (cp < 0x80) {
    *out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    *out += static_cast<char>(0xC0 | (cp >> 6));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    *out += static_cast<char>(0xE0 | (cp >> 12));
    *out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    *out += static_cast<char>(0xF0 | (cp >> 18));
    *out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    *out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::string ValidUtf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) AppendUtf8(NextChar(s, &i), &out);
  return out;
}

std::string TruncateUtf8(std::string_view s, size_t max_bytes) {
  if (s.size() <= max_bytes) return std::string(s);
  static constexpr std::string_view kEllipsis = "…";
  if (max_bytes < kEllipsis.size()) return "";
  size_t cut = max_bytes - kEllipsis.size();
  // Step back over continuation bytes to a character boundary.
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return std::string(s.substr(0, cut)) + std::string(kEllipsis);
}

std::string XmlEscape(std::string_view s, bool attribute) {
  std::string out;
  out.reserve(s.size() + 16);
  for (size_t i = 0; i < s.size();) {
    char32_t cp = NextChar(s, &i);
    if (!XmlAllowed(cp)) continue;
    switch (cp) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      case '\t': out += attribute ? "&#9;" : "\t"; break;
      case '\n': out += attribute ? "&#10;" : "\n"; break;
      case '\r': out += "&#13;"; break;  // A raw CR would be normalised away.
      default: AppendUtf8(cp, &out);
    }
  }
  return out;
}

std::string SanitizeForTerminal(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    char32_t cp = NextChar(s, &i);
    if (IsControl(cp)) AppendHexEscape(cp, &out);
    else AppendUtf8(cp, &out);
  }
  return out;
}

std::string MarkdownEscape(std::string_view s) {
  // Characters that start emphasis, code, links, tables, strikethrough or
  // math in GFM; the rest of the ASCII punctuation is inert inside a line.
  static constexpr std::string_view kPunct = "\\`*_[]|~$";
  std::string out;
  out.reserve(s.size() + 16);
  for (size_t i = 0; i < s.size();) {
    char32_t cp = NextChar(s, &i);
    if (cp == '<') {
      out += "&lt;";
    } else if (cp == '>') {
      out += "&gt;";
    } else if (cp == '&') {
      out += "&amp;";
    } else if (IsControl(cp)) {
      out += ' ';  // Line breaks would end a table row; other controls are noise.
    } else if (cp < 0x80 && kPunct.find(static_cast<char>(cp)) != std::string_view::npos) {
      out += '\\';
      out += static_cast<char>(cp);
    } else {
      AppendUtf8(cp, &out);
    }
  }
  return out;
}

std::string MarkdownCodeSpan(std::string_view s) {
  std::string body;
  size_t run = 0, longest = 0;
  for (size_t i = 0; i < s.size();) {
    char32_t cp = NextChar(s, &i);
    run = cp == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
    if (IsControl(cp)) {
      body += ' ';
    } else if (cp == '|') {
      body += "\\|";  // GFM tables split on '|' even inside code spans.
    } else {
      AppendUtf8(cp, &body);
    }
  }
  std::string fence(longest + 1, '`');
  bool pad = longest > 0 || body.empty();
  return fence + (pad ? " " : "") + body + (pad ? " " : "") + fence;
}

std::string GithubEscapeData(std::string_view s) { return GithubEscape(s, false); }

std::string GithubEscapeProperty(std::string_view s) { return GithubEscape(s, true); }

std::string PathToUri(std::string_view path) {
  std::string out;
  if (path.empty()) return out;
  if (path.front() == '/') {
    out = "file://";
    while (path.size() > 1 && path[1] == '/') path.remove_prefix(1);  // "//x" -> "/x"
  }
  return out + PercentEncode(path, "-._~!$&'()*+,;=@/");
}

bool IsPlainHttpUrl(std::string_view s) {
  std::string_view rest;
  if (s.starts_with("https://")) {
    rest = s.substr(8);
  } else if (s.starts_with("http://")) {
    rest = s.substr(7);
  } else {
    return false;
  }
  if (rest.empty() || rest.front() == '/') return false;
  static constexpr std::string_view kAllowed = "-._~:/?#[]@!$&'()*+,;=%";
  return std::all_of(rest.begin(), rest.end(), [](char ch) {
    unsigned char c = static_cast<unsigned char>(ch);
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           (c < 0x80 && kAllowed.find(static_cast<char>(c)) != std::string_view::npos);
  });
}

}  // namespace secgate::core
