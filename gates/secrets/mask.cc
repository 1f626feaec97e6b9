// Streaming log masking (mask.h).
#include "gates/secrets/mask.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <string>

#include "gates/core/fingerprint.h"

namespace secgate::secrets {

namespace {

constexpr size_t kChunk = 64 * 1024;
constexpr size_t kMaxLine = 1 << 20;

core::Status WriteAll(int fd, std::string_view s) {
  while (!s.empty()) {
    ssize_t n = ::write(fd, s.data(), s.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return core::Error{"stdout", std::string("cannot write: ") + std::strerror(errno)};
    s.remove_prefix(static_cast<size_t>(n));
  }
  return core::Ok{};
}

/// `block` (whole lines) with every match replaced; counts into *masked.
std::string MaskBlock(const Engine& engine, std::string_view block, ScanScratch* scratch,
                      std::vector<SecretMatch>* matches, long* masked) {
  matches->clear();
  engine.Scan(block, "", scratch, matches);
  if (matches->empty()) return std::string(block);
  std::sort(matches->begin(), matches->end(), [](const SecretMatch& a, const SecretMatch& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
  });
  std::string out;
  out.reserve(block.size() + 64 * matches->size());
  size_t pos = 0;
  for (const auto& m : *matches) {
    if (m.begin < pos) continue;  // overlaps a span already masked
    out.append(block.substr(pos, m.begin - pos));
    const std::string id = engine.rule(m.rule).id;
    const std::string fp = core::SecretFingerprint(id, block.substr(m.begin, m.end - m.begin));
    out += "[secgate:" + id + ":" + fp.substr(fp.rfind(':') + 1) + "]";
    pos = m.end;
    ++*masked;
  }
  out.append(block.substr(pos));
  return out;
}

}  // namespace

core::Result<long> MaskStream(const Engine& engine, int in_fd, int out_fd) {
  ScanScratch scratch;
  std::vector<SecretMatch> matches;
  std::string buf;
  long masked = 0;
  for (;;) {
    const size_t old = buf.size();
    buf.resize(old + kChunk);
    ssize_t n = ::read(in_fd, buf.data() + old, kChunk);
    if (n < 0 && errno == EINTR) {
      buf.resize(old);
      continue;
    }
    if (n < 0) return core::Error{"stdin", std::string("cannot read: ") + std::strerror(errno)};
    buf.resize(old + static_cast<size_t>(n));
    const bool eof = n == 0;
    // Write every complete line now, before reading again.
    size_t cut = eof ? buf.size() : buf.rfind('\n');
    if (cut != std::string::npos && !eof) ++cut;
    if (cut == std::string::npos && buf.size() >= kMaxLine) cut = buf.size();
    if (cut != std::string::npos && cut > 0) {
      std::string out = MaskBlock(engine, std::string_view(buf.data(), cut), &scratch, &matches,
                                  &masked);
      if (auto s = WriteAll(out_fd, out); !s) return s.error();
      buf.erase(0, cut);
    }
    if (eof) break;
  }
  return masked;
}

}  // namespace secgate::secrets
