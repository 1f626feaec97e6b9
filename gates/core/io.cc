#include "gates/core/io.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>

namespace secgate::core {
namespace {
constexpr size_t kChunk = 1 << 17;
}  // namespace

InputFile::InputFile(std::FILE* f, std::string path, bool owned)
    : f_(f), path_(std::move(path)), owned_(owned), buf_(kChunk) {}

InputFile::~InputFile() {
  if (owned_ && f_) std::fclose(f_);
}

Result<std::unique_ptr<InputFile>> InputFile::Open(const std::string& path) {
  if (path == "-") return std::unique_ptr<InputFile>(new InputFile(stdin, "<stdin>", false));
  struct stat st;
  if (::stat(path.c_str(), &st) != 0)
    return Error{path, std::string("cannot open: ") + std::strerror(errno)};
  if (S_ISDIR(st.st_mode)) return Error{path, "cannot open: is a directory"};
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return Error{path, std::string("cannot open: ") + std::strerror(errno)};
  return std::unique_ptr<InputFile>(new InputFile(f, path, true));
}

std::unique_ptr<InputFile> InputFile::FromMemory(std::string_view data, std::string name) {
  std::unique_ptr<InputFile> in(new InputFile(nullptr, std::move(name), false));
  in->mem_.assign(data);
  return in;
}

size_t InputFile::ReadSome(char* dst, size_t n) {
  if (f_) return std::fread(dst, 1, n, f_);
  size_t k = std::min(n, mem_.size() - mem_pos_);
  std::copy_n(mem_.data() + mem_pos_, k, dst);
  mem_pos_ += k;
  return k;
}

int InputFile::Refill() {
  if (eof_ || over_limit_ || read_error_) return -1;
  consumed_ += len_;
  pos_ = len_ = 0;
  if (consumed_ >= max_bytes_) {
    // Distinguish "exactly at the limit" from "over it" by peeking one byte.
    char c;
    if (ReadSome(&c, 1) == 0) { eof_ = true; return -1; }
    over_limit_ = true;
    return -1;
  }
  size_t want = std::min(buf_.size(), max_bytes_ - consumed_);
  len_ = ReadSome(buf_.data(), want);
  if (len_ == 0) {
    if (f_ && std::ferror(f_)) read_error_ = true;
    else eof_ = true;
    return -1;
  }
  return static_cast<unsigned char>(buf_[pos_++]);
}

bool InputFile::Fill() {
  if (eof_ || over_limit_ || read_error_) return false;
  const size_t tail = len_ - pos_;
  if (pos_ > 0) {
    std::memmove(buf_.data(), buf_.data() + pos_, tail);
    consumed_ += pos_;
    pos_ = 0;
    len_ = tail;
  }
  const size_t read_so_far = consumed_ + len_;
  if (read_so_far >= max_bytes_) {
    // Distinguish "exactly at the limit" from "over it" by peeking one byte.
    char c;
    if (ReadSome(&c, 1) == 0) eof_ = true;
    else over_limit_ = true;
    return false;
  }
  if (len_ == buf_.size()) buf_.resize(buf_.size() * 2);  // never in practice
  size_t got = ReadSome(buf_.data() + len_, std::min(buf_.size() - len_, max_bytes_ - read_so_far));
  if (got == 0) {
    if (f_ && std::ferror(f_)) read_error_ = true;
    else eof_ = true;
    return false;
  }
  len_ += got;
  return true;
}

std::string_view InputFile::Head(size_t n) {
  if (consumed_ == 0 && pos_ == 0 && len_ == 0 && !eof_ && !read_error_) {
    // The first fill may be larger than a chunk so detection can look ahead.
    size_t want = std::min(std::max(n, buf_.size()), max_bytes_);
    buf_.resize(std::max(want, buf_.size()));
    while (len_ < want) {
      size_t got = ReadSome(buf_.data() + len_, want - len_);
      if (got == 0) {
        if (f_ && std::ferror(f_)) read_error_ = true;
        break;
      }
      len_ += got;
    }
    if (len_ == 0 && !read_error_) eof_ = true;
  }
  if (consumed_ != 0) return {};
  return std::string_view(buf_.data(), std::min(n, len_));
}

Result<std::string> ReadInput(const std::string& path, size_t max_bytes) {
  const auto too_large = [&](const std::string& name) {
    return Error{name, "file is larger than " + std::to_string(max_bytes) + " bytes"};
  };
  // A regular file's size is known: refuse it before reading a byte. Pipes
  // and other streams are cut off at the limit while reading.
  struct stat st;
  if (path != "-" && ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode) &&
      static_cast<unsigned long long>(st.st_size) > max_bytes)
    return too_large(path);
  auto in = InputFile::Open(path);
  if (!in) return in.error();
  (*in)->set_max_bytes(max_bytes);
  std::string out;
  do {
    out.append((*in)->data(), (*in)->available());
    (*in)->Advance((*in)->available());
  } while ((*in)->Fill());
  if ((*in)->over_limit()) return too_large((*in)->path());
  if ((*in)->read_error()) return Error{(*in)->path(), "read error"};
  return out;
}

Result<std::string_view> ProbeHead(InputFile& in, size_t n, std::string_view what) {
  std::string_view head = in.Head(n);
  if (head.empty()) {
    if (in.read_error()) return Error{in.path(), "read error"};
    return Error{in.path(), "file is empty"};
  }
  if (head.find_first_not_of(" \t\r\n") == std::string_view::npos)
    return Error{in.path(), "file is empty (only white space)"};
  if (head.find('\0') != std::string_view::npos)
    return Error{in.path(), "not " + std::string(what) + ": binary data"};
  return head;
}

std::string CheckUtf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (len == 0 || i + len > s.size()) return "invalid UTF-8 at byte " + std::to_string(i);
    uint32_t cp = len == 1 ? c : len == 2 ? (c & 0x1f) : len == 3 ? (c & 0x0f) : (c & 0x07);
    for (size_t k = 1; k < len; ++k) {
      unsigned char cc = static_cast<unsigned char>(s[i + k]);
      if ((cc >> 6) != 2) return "invalid UTF-8 at byte " + std::to_string(i);
      cp = (cp << 6) | (cc & 0x3f);
    }
    static const uint32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kMin[len] || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
      return "invalid UTF-8 at byte " + std::to_string(i);
    i += len;
  }
  return "";
}

Status WriteFileAtomic(const std::string& path, std::string_view content,
                       const std::string& what) {
  std::string tmp = path + ".tmp-" + std::to_string(::getpid());
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    out.close();
    if (!out) {
      std::remove(tmp.c_str());
      return Error{path, "cannot write " + what};
    }
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::remove(tmp.c_str());
    return Error{path, "cannot replace the " + what};
  }
  return Ok{};
}

}  // namespace secgate::core
