// Decoding encoded runs for a rescan: base64 (standard and URL-safe, with
// or without padding), hex, percent-encoding and \uXXXX / \xXX escapes.
//
// Pipeline position: Collector::Scan runs the engine over the text, then
// over the decoded form of every encoded run in it (and, up to the pack's
// decode_depth, over runs inside those), so a Kubernetes Secret's base64
// `data:` value or a percent-encoded password is found. A run is decoded
// only when it is long enough and decodes to mostly printable text; the
// decoded bytes per scanned buffer are capped (DecodeBudget). Decoded text
// lives in memory only; findings point at the encoded run's line.
//
//   DecodeBudget budget;
//   ForEachDecoded(line_text, &budget, [&](const DecodedRun& r) { ... });
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

namespace secgate::secrets {

/// Decoded bytes one scanned buffer (with its nested decodings) may produce.
inline constexpr size_t kMaxDecodedBytes = size_t{1} << 20;
/// Shortest base64 run decoded (shorter runs are ordinary words).
inline constexpr size_t kMinBase64Run = 16;

struct DecodeBudget {
  size_t left = kMaxDecodedBytes;
  bool exhausted = false;  ///< A run was left undecoded for want of budget.
};

struct DecodedRun {
  size_t begin = 0, end = 0;  ///< The encoded run's offsets in the input.
  const char* kind = "";      ///< "base64", "hex", "percent", "escape".
  std::string text;           ///< Its decoded bytes.
};

/// Calls `fn` for each encoded run of `text` that decodes to mostly
/// printable text, left to right, runs not overlapping. Linear in `text`
/// (one RE2 pass) plus the decoded bytes.
void ForEachDecoded(std::string_view text, DecodeBudget* budget,
                    const std::function<void(const DecodedRun&)>& fn);

/// The decoders, exposed for tests: false when `in` is not a valid
/// encoding of its kind.
bool DecodeBase64(std::string_view in, std::string* out);
bool DecodeHex(std::string_view in, std::string* out);
bool DecodePercent(std::string_view in, std::string* out);
bool DecodeEscapes(std::string_view in, std::string* out);

/// At least 90 % of `s` is printable ASCII, tab, CR or LF (and s is not empty).
bool MostlyPrintable(std::string_view s);

}  // namespace secgate::secrets
