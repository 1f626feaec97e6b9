// ASCII case folding, the one copy every gate uses: severity words, purl
// types, advisory ids, license ids, rule keywords. Only the 26 ASCII letters
// change case; every other byte (digits, punctuation, UTF-8 sequences) is
// kept as it is, whatever the C locale says, so "Ä" stays "Ä" and a
// multi-byte character is never split.
//
// Pipeline position: everywhere (readers, policy, waivers, reporters, the
// secrets matcher's keyword tables). Hot loops fold one byte at a time with
// the inline AsciiLowerChar; everything else takes and returns strings.
//
//   if (core::EqualsIgnoreCase(waiver.id, finding.id)) ...
//   std::string type = core::AsciiLower("PyPI");   // "pypi"
#pragma once

#include <string>
#include <string_view>

namespace secgate::core {

/// 'A'-'Z' to 'a'-'z'; any other byte unchanged.
inline char AsciiLowerChar(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}
/// 'a'-'z' to 'A'-'Z'; any other byte unchanged.
inline char AsciiUpperChar(char c) {
  return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
}

/// A copy of `s` with ASCII letters in lower case.
std::string AsciiLower(std::string_view s);
/// A copy of `s` with ASCII letters in upper case.
std::string AsciiUpper(std::string_view s);
/// Lower-cases the ASCII letters of `*s` in place.
void AsciiLowerInPlace(std::string* s);
/// True when `a` and `b` have the same length and differ at most in the
/// case of ASCII letters.
bool EqualsIgnoreCase(std::string_view a, std::string_view b);

}  // namespace secgate::core
