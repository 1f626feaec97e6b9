// Small text codecs shared by the parsers: hex digits, UTF-8 encoding of a
// code point, percent-decoding. (json_lexer.cc, purl.cc, secrets decode.cc)
#pragma once

#include <string>
#include <string_view>

namespace secgate::core {

/// 0-15 for a hex digit (either case), -1 for anything else.
int HexDigitValue(char c);

/// Appends the UTF-8 encoding of code point `cp` (1 to 4 bytes).
void AppendUtf8(unsigned cp, std::string* out);

/// `s` with every %XX (two hex digits) replaced by its byte; any other
/// '%' is kept as it is.
std::string PercentDecode(std::string_view s);

/// `s` with every byte other than an ASCII letter, a digit or one of `keep`
/// written as %XX (upper-case hex): purl components, file URIs.
std::string PercentEncode(std::string_view s, std::string_view keep);

}  // namespace secgate::core
