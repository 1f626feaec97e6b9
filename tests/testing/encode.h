// Encoders for tests that feed the secrets gate encoded values (base64 and
// percent-encoding), written from RFC 4648 and RFC 3986.
#pragma once

#include <cstdio>
#include <string>
#include <string_view>

namespace secgate::testing {

/// RFC 4648 base64 (`url`: the URL-safe alphabet), padded unless !pad.
inline std::string Base64(std::string_view s, bool url = false, bool pad = true) {
  const char* abc = url ? "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
                        : "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  for (size_t i = 0; i < s.size(); i += 3) {
    unsigned v = static_cast<unsigned char>(s[i]) << 16;
    if (i + 1 < s.size()) v |= static_cast<unsigned char>(s[i + 1]) << 8;
    if (i + 2 < s.size()) v |= static_cast<unsigned char>(s[i + 2]);
    out.push_back(abc[(v >> 18) & 63]);
    out.push_back(abc[(v >> 12) & 63]);
    if (i + 1 < s.size()) out.push_back(abc[(v >> 6) & 63]);
    else if (pad) out.push_back('=');
    if (i + 2 < s.size()) out.push_back(abc[v & 63]);
    else if (pad) out.push_back('=');
  }
  return out;
}

/// Every byte of `s` as %XX.
inline std::string Percent(std::string_view s) {
  std::string out;
  char buf[4];
  for (unsigned char c : s) {
    std::snprintf(buf, sizeof buf, "%%%02X", c);
    out += buf;
  }
  return out;
}

}  // namespace secgate::testing
