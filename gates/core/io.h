// Input: reading files and stdin with a size limit, read in fixed-size chunks
// (memory flat in file size; no mmap). Parsers take whole chunks through
// data()/available()/Advance()/Fill(); Next() is a byte-at-a-time view.
//
//   Result<std::string> text = ReadInput("secgate.yaml", 1 << 20);
//   Result<InputFile> in = InputFile::Open("report.json");   // "-" is stdin
//   auto mem = InputFile::FromMemory(bytes, "fuzz-input");     // tests, fuzzers
#pragma once

#include <cstdio>
#include <iterator>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "gates/core/error.h"

namespace secgate::core {

/// Reads a whole file ("-" = stdin). Fails with "cannot open: <reason>" or
/// "file is larger than N bytes" when `max_bytes` is exceeded.
Result<std::string> ReadInput(const std::string& path, size_t max_bytes);

/// Writes `content` to `path` through a sibling temporary file renamed over
/// it, so a failed write never leaves a half-written file. `what` names the
/// file in the Error ("cannot write baseline").
Status WriteFileAtomic(const std::string& path, std::string_view content,
                       const std::string& what = "file");

/// Returns "" when `text` is valid UTF-8, else a description of the first bad
/// byte ("invalid UTF-8 at byte 17").
std::string CheckUtf8(std::string_view text);

/// A readable input with a chunk buffer. Owns the FILE*.
class InputFile {
 public:
  static Result<std::unique_ptr<InputFile>> Open(const std::string& path);
  /// An input over a copy of `data`, read through the same chunked path as a
  /// file (Head, limits and offsets behave alike). `name` is used in messages.
  /// For tests and fuzz targets; never fails.
  static std::unique_ptr<InputFile> FromMemory(std::string_view data, std::string name);
  ~InputFile();
  InputFile(const InputFile&) = delete;
  InputFile& operator=(const InputFile&) = delete;

  const std::string& path() const { return path_; }
  /// Bytes consumed so far.
  size_t offset() const { return consumed_ + pos_; }
  /// Stops reading after this many bytes: Next() then reports the limit.
  void set_max_bytes(size_t n) { max_bytes_ = n; }
  bool over_limit() const { return over_limit_; }
  bool read_error() const { return read_error_; }

  /// Next byte, or -1 at end of input (or on error / over the limit).
  int Next() {
    if (pos_ < len_) return static_cast<unsigned char>(buf_[pos_++]);
    return Refill();
  }
  /// Unread bytes of the current chunk: [data(), data() + available()).
  const char* data() const { return buf_.data() + pos_; }
  size_t available() const { return len_ - pos_; }
  /// Consumes `n` <= available() bytes.
  void Advance(size_t n) { pos_ += n; }
  /// Moves the unread bytes to the front of the buffer and reads more after
  /// them. False when nothing more could be read (end of input, a read
  /// error, or the size limit: see over_limit()/read_error()).
  bool Fill();
  /// Peeks at up to `n` bytes from the start without consuming them. Only
  /// before the first Next() past the first chunk; returns "" after that.
  std::string_view Head(size_t n);

 private:
  InputFile(std::FILE* f, std::string path, bool owned);
  int Refill();
  /// fread() from the file, or a copy from `mem_` for FromMemory inputs.
  size_t ReadSome(char* dst, size_t n);
  std::FILE* f_;
  std::string path_;
  bool owned_;
  std::vector<char> buf_;
  size_t pos_ = 0, len_ = 0, consumed_ = 0;
  size_t max_bytes_ = static_cast<size_t>(-1);
  bool over_limit_ = false, read_error_ = false, eof_ = false;
  std::string mem_;      ///< Contents of a FromMemory input (f_ is null).
  size_t mem_pos_ = 0;
};

/// The first `n` bytes of `in` for format detection, after the checks every
/// reader front needs: "<file>: read error", "<file>: file is empty",
/// "<file>: file is empty (only white space)", and "<file>: not <what>:
/// binary data" when a NUL byte occurs in the head. Consumes nothing.
Result<std::string_view> ProbeHead(InputFile& in, size_t n, std::string_view what);

/// Input iterator over an InputFile, for nlohmann::json::sax_parse(begin, end).
class ByteIterator {
 public:
  using iterator_category = std::input_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = const char&;

  ByteIterator() = default;  ///< End sentinel.
  explicit ByteIterator(InputFile* in) : in_(in) { Advance(); }
  const char& operator*() const { return c_; }
  ByteIterator& operator++() { Advance(); return *this; }
  void operator++(int) { Advance(); }
  friend bool operator==(const ByteIterator& a, const ByteIterator& b) {
    return a.in_ == b.in_;
  }
  friend bool operator!=(const ByteIterator& a, const ByteIterator& b) { return !(a == b); }

 private:
  void Advance() {
    int c = in_ ? in_->Next() : -1;
    if (c < 0) in_ = nullptr; else c_ = static_cast<char>(c);
  }
  InputFile* in_ = nullptr;
  char c_ = 0;
};

}  // namespace secgate::core
