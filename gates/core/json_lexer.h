// Strict streaming JSON lexer (RFC 8259) over an InputFile's chunk buffer or
// an in-memory string. It validates and either decodes or skips one token at
// a time; core::JsonStreamer drives it and decides which values to keep.
//
// Strings are scanned eight bytes at a time for '"', '\\', control bytes and
// non-ASCII bytes; UTF-8 is validated (no overlong forms, surrogates or code
// points past U+10FFFF), \u escapes must pair surrogates. Numbers follow the
// RFC grammar exactly (no leading zeros, "1.", ".5", "+1"); a number too large
// for a double is refused, as nlohmann::json does. Nothing here allocates
// while skipping.
//
//   JsonLexer lx(&input_file);           // or JsonLexer lx(text)
//   int c = lx.PeekNonWs();              // next significant byte, -1 at end
//   if (c == '"') { lx.Consume(); lx.SkipString(); }
//   if (!lx.ok()) ... lx.error_position(), lx.error_what()
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "gates/core/io.h"

namespace secgate::core {

class JsonLexer {
 public:
  /// Streams from `in` (not owned), chunk by chunk.
  explicit JsonLexer(InputFile* in);
  /// Lexes `text` in place (not copied; must outlive the lexer).
  explicit JsonLexer(std::string_view text);
  ~JsonLexer();
  JsonLexer(const JsonLexer&) = delete;
  JsonLexer& operator=(const JsonLexer&) = delete;

  /// Skips whitespace (space, tab, CR, LF) and returns the next byte without
  /// consuming it, or -1 at the end of the input.
  int PeekNonWs() {
    for (;;) {
      while (p_ < end_) {
        unsigned char c = static_cast<unsigned char>(*p_);
        if (c > ' ') return c;
        if (c != ' ' && c != '\n' && c != '\r' && c != '\t') return c;
        ++p_;
        SkipSpaceRun();
      }
      if (!Fill()) return -1;
    }
  }
  /// Consumes the byte PeekNonWs() returned.
  void Consume() { ++p_; }
  /// Skips a UTF-8 byte order mark at the very start, if there is one.
  void SkipBom();

  /// After the opening quote: decodes the string, appending to `*out`.
  bool ReadString(std::string* out);
  /// After the opening quote: validates the string without keeping it.
  bool SkipString();
  /// At the first byte of a number ('-' or a digit): parses it into `*out`
  /// as nlohmann::json::parse would (unsigned, signed or float).
  bool ReadNumber(nlohmann::json* out);
  /// Validates a number without keeping it.
  bool SkipNumber() { return ScanNumber(nullptr); }
  /// At 't', 'f' or 'n': reads true/false/null into `*out` (may be null).
  bool ReadLiteral(nlohmann::json* out);

  /// Records an error at the current byte (first error wins); returns false.
  bool Fail(std::string what);
  bool ok() const { return error_what_.empty(); }
  /// Position of the offending byte, counting from 1 (the end of the input
  /// is size + 1), as nlohmann reported it before.
  size_t error_position() const { return error_pos_; }
  const std::string& error_what() const { return error_what_; }

 private:
  /// Skips runs of eight spaces at once (pretty-printed indentation).
  void SkipSpaceRun();
  /// Reads more input after the unread bytes; false at the end.
  bool Fill();
  /// Makes at least `n` bytes available; false if the input ends first.
  bool Ensure(size_t n);
  /// Bytes consumed before p_.
  size_t Offset() const;
  /// Validates one UTF-8 sequence at p_ (lead byte >= 0x80) and consumes it,
  /// appending it to `out` when not null.
  bool Utf8(std::string* out);
  /// At a backslash: validates one escape, appending its text to `out`.
  bool Escape(std::string* out);
  /// Reads four hex digits at p_ into `*cp`.
  bool Hex4(unsigned* cp);
  bool ScanString(std::string* out);
  bool ScanNumber(std::string* text);

  InputFile* in_ = nullptr;
  const char* p_ = nullptr;
  const char* end_ = nullptr;
  const char* base_ = nullptr;  ///< Start of the memory text (no InputFile).
  size_t error_pos_ = 0;
  std::string error_what_;
  std::string num_;  ///< Scratch for number text.
};

/// The keys of one open JSON object, to refuse a duplicate. While the
/// object is small, a 64-bit filter of (first eight bytes, length) rules out
/// most keys at once and the rest are scanned linearly; past kLinear keys an
/// open-addressing hash table takes over.
/// Key bytes are kept, so equality is exact. Clear() keeps the capacity: a
/// reused set does not allocate.
class JsonKeySet {
 public:
  void Clear();
  /// Adds `key` (decoded); false when the object already has it.
  bool Insert(std::string_view key);

 private:
  static constexpr size_t kLinear = 32;
  struct Entry {
    uint64_t head;  ///< First eight bytes, zero-padded.
    uint32_t offset, size;
  };
  bool Same(const Entry& e, uint64_t head, std::string_view key) const;
  bool InsertHashed(std::string_view key, uint64_t head);
  void Rebuild();
  std::string bytes_;
  uint64_t filter_ = 0;  ///< One bit per (head, size) seen, while linear.
  std::vector<Entry> entries_;
  std::vector<uint64_t> hashes_;  ///< Per entry, once hashed (past kLinear).
  std::vector<uint32_t> table_;   ///< Entry index + 1; 0 = empty slot.
};

/// The message for a duplicate key, shared by every JSON reader:
/// duplicate key "k" (ambiguous: JSON readers disagree on which copy wins).
std::string DuplicateKeyMessage(std::string_view key);

}  // namespace secgate::core
