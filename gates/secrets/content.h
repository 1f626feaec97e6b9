// Content: what the secret scan reads out of a file's bytes. Every source
// (PATH..., --staged, --range, --history) classifies content here and scans
// the text this module gives, so "binary" is decided from the bytes alone,
// never from .gitattributes or anything else the scanned change controls.
//
//   kText     no NUL in the first kClassifyBytes bytes: scanned as it is
//   kUtf16Le  a UTF-16 byte order mark (FF FE / FE FF), or a head with NULs
//   kUtf16Be  shaped like UTF-16 (9 in 10 code units one ASCII byte and one
//             NUL): decoded to UTF-8 (line numbers count decoded lines),
//             then the raw bytes' printable runs (genuine UTF-16 has none;
//             they catch 8-bit text behind a byte order mark)
//   kBinary   any other head with a NUL: its printable runs, as strings(1)
//             prints them: every run of at least kMinRun printable ASCII
//             bytes (or tabs), one line each
//
//   ContentKind kind = Classify(bytes);
//   std::string storage;
//   std::string_view text = Scannable(bytes, kind, &storage);
//
// Streaming (a large file): for each pass in Passes(kind), feed the bytes
// in blocks through one ContentDecoder(pass); Finish() ends its last line.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace secgate::secrets {

enum class ContentKind { kText, kUtf16Le, kUtf16Be, kBinary };

/// How many leading bytes decide the kind (git's binary heuristic).
inline constexpr size_t kClassifyBytes = 8000;
/// Shortest printable run scanned in binary content.
inline constexpr size_t kMinRun = 8;

/// The kind of content starting with `bytes` (only the first
/// kClassifyBytes are looked at).
ContentKind Classify(std::string_view bytes);

/// "text", "UTF-16", "binary".
const char* ContentKindName(ContentKind kind);

/// The decoding passes over the raw bytes whose outputs, one after the
/// other, are the text to scan: {kind} or, for UTF-16, {kind, kBinary}.
std::vector<ContentKind> Passes(ContentKind kind);

/// One pass over raw bytes fed in blocks of any size (a code unit or a
/// run may straddle two blocks). Appends UTF-8 lines to `out`.
class ContentDecoder {
 public:
  explicit ContentDecoder(ContentKind pass) : pass_(pass) {}
  void Feed(std::string_view bytes, std::string* out);
  /// Flushes what is pending and ends the last line with an LF.
  void Finish(std::string* out);

 private:
  void FeedUtf16(std::string_view bytes, std::string* out);
  void FeedRuns(std::string_view bytes, std::string* out);
  void Unit(unsigned unit, std::string* out);
  void EndRun(std::string* out);

  ContentKind pass_;
  bool started_ = false;   // UTF-16: the first code unit (a BOM) is behind us
  bool line_open_ = false; // output since the last LF
  int odd_byte_ = -1;      // UTF-16: first byte of a split code unit
  unsigned high_ = 0;      // UTF-16: pending high surrogate, 0 = none
  std::string run_;        // runs: a run shorter than kMinRun so far
  bool in_run_ = false;    // runs: the current run is being written out
};

/// The text to scan in `bytes` of `kind`: `bytes` itself for kText,
/// otherwise the passes' output, kept in `*storage`.
std::string_view Scannable(std::string_view bytes, ContentKind kind, std::string* storage);

}  // namespace secgate::secrets
