// Decoding encoded runs (decode.h).
#include "gates/secrets/decode.h"

#include <re2/re2.h>

#include "gates/core/text_codec.h"

namespace secgate::secrets {

namespace {

int Base64Value(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+' || c == '-') return 62;
  if (c == '/' || c == '_') return 63;
  return -1;
}

// One pass finds every candidate run; the group that matched names the kind.
// Escapes and percent runs need their marker; a base64-alphabet run that is
// even-length hex is decoded as hex.
const RE2& Candidates() {
  static const RE2 re(
      R"(((?:[^\s"'\\]*\\(?:u[0-9A-Fa-f]{4}|x[0-9A-Fa-f]{2}))+[^\s"'\\]*))"
      R"(|((?:[^\s"'<>%]*%[0-9A-Fa-f]{2})+[^\s"'<>%]*))"
      R"(|([A-Za-z0-9+/_-]{16,}={0,2}))");
  return re;
}

bool AllHex(std::string_view s) {
  for (char c : s)
    if (core::HexDigitValue(c) < 0) return false;
  return true;
}

}  // namespace

bool DecodeBase64(std::string_view in, std::string* out) {
  out->clear();
  while (!in.empty() && in.back() == '=') in.remove_suffix(1);
  if (in.size() % 4 == 1) return false;
  unsigned acc = 0;
  int bits = 0;
  for (char c : in) {
    int v = Base64Value(c);
    if (v < 0) return false;
    acc = (acc << 6) | static_cast<unsigned>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out->push_back(static_cast<char>((acc >> bits) & 0xFF));
    }
  }
  return true;
}

bool DecodeHex(std::string_view in, std::string* out) {
  out->clear();
  if (in.size() % 2 != 0) return false;
  for (size_t i = 0; i < in.size(); i += 2) {
    int hi = core::HexDigitValue(in[i]), lo = core::HexDigitValue(in[i + 1]);
    if (hi < 0 || lo < 0) return false;
    out->push_back(static_cast<char>(hi * 16 + lo));
  }
  return true;
}

bool DecodePercent(std::string_view in, std::string* out) {
  *out = core::PercentDecode(in);
  return out->size() != in.size();  // at least one %XX
}

bool DecodeEscapes(std::string_view in, std::string* out) {
  out->clear();
  bool any = false;
  for (size_t i = 0; i < in.size(); ++i) {
    const size_t digits = i + 1 < in.size() ? (in[i + 1] == 'u' ? 4 : in[i + 1] == 'x' ? 2 : 0) : 0;
    unsigned cp = 0;
    bool ok = in[i] == '\\' && digits > 0 && i + 2 + digits <= in.size();
    for (size_t k = 0; ok && k < digits; ++k) {
      int v = core::HexDigitValue(in[i + 2 + k]);
      ok = v >= 0;
      cp = cp * 16 + static_cast<unsigned>(v < 0 ? 0 : v);
    }
    if (!ok) {
      out->push_back(in[i]);
      continue;
    }
    core::AppendUtf8(cp, out);
    i += 1 + digits;
    any = true;
  }
  return any;
}

bool MostlyPrintable(std::string_view s) {
  if (s.empty()) return false;
  size_t printable = 0;
  for (unsigned char c : s) printable += (c >= 0x20 && c < 0x7F) || c == '\t' || c == '\n' || c == '\r';
  return printable * 10 >= s.size() * 9;
}

void ForEachDecoded(std::string_view text, DecodeBudget* budget,
                    const std::function<void(const DecodedRun&)>& fn) {
  const RE2& re = Candidates();
  re2::StringPiece input(text.data(), text.size());
  re2::StringPiece groups[4];
  size_t pos = 0;
  DecodedRun run;
  while (pos < text.size() && re.Match(input, pos, text.size(), RE2::UNANCHORED, groups, 4)) {
    const re2::StringPiece whole = groups[0];
    run.begin = static_cast<size_t>(whole.data() - text.data());
    run.end = run.begin + whole.size();
    pos = whole.empty() ? run.begin + 1 : run.end;
    const std::string_view span(whole.data(), whole.size());
    bool ok = false;
    if (groups[1].data()) {
      run.kind = "escape";
      ok = DecodeEscapes(span, &run.text);
    } else if (groups[2].data()) {
      run.kind = "percent";
      ok = DecodePercent(span, &run.text);
    } else if (AllHex(span) && span.size() % 2 == 0) {
      run.kind = "hex";
      ok = DecodeHex(span, &run.text);
    } else {
      run.kind = "base64";
      ok = span.size() >= kMinBase64Run && DecodeBase64(span, &run.text);
    }
    if (!ok || !MostlyPrintable(run.text)) continue;
    if (run.text.size() > budget->left) {
      budget->exhausted = true;
      return;
    }
    budget->left -= run.text.size();
    fn(run);
  }
}

}  // namespace secgate::secrets
