// --stdin: a unified diff or plain text, streamed (sources.h). Plain text is
// scanned in blocks of whole lines; a diff's added lines are gathered per
// file and scanned when the file (or commit) changes or a block fills up.
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "gates/secrets/sources/sources.h"
#include "gates/secrets/unified_diff.h"

namespace secgate::secrets {

namespace {

constexpr size_t kBlock = 1 << 20;
constexpr size_t kDetectBytes = 64 * 1024;
constexpr size_t kMaxLine = 16 * kBlock;  // a longer line is cut

/// Collects a diff's added lines per file for the collector.
class DiffToCollector : public DiffEvents {
 public:
  DiffToCollector(const std::string& target, Collector* out) : out_(out) { origin_.target = target; }
  void Commit(const std::string& id, const std::string& author, const std::string& date) override {
    Flush();
    origin_.commit = id;
    origin_.author = author;
    origin_.date = date;
    ++origin_.order;
  }
  void Added(const std::string& path, int line, std::string_view text) override {
    if (path != origin_.path || text_.size() > kBlock) Flush();
    origin_.path = path;
    text_.append(text);
    text_.push_back('\n');
    lines_.push_back(line);
  }
  void Binary(const std::string& path) override {
    Flush();
    out_->Skip("binary files");
  }
  void Flush() {
    if (!text_.empty()) {
      if (!origin_.path.empty() && out_->engine().PathAllowlisted(origin_.path))
        out_->Skip("allowlisted paths");
      else
        out_->Scan(origin_, text_, &lines_);
    }
    text_.clear();
    lines_.clear();
  }

 private:
  Collector* out_;
  Origin origin_;
  std::string text_;
  std::vector<int> lines_;
};

/// Reads more of `fd` into `buf`; 0 at the end; Error on a read failure.
core::Result<size_t> ReadMore(int fd, std::string* buf, const std::string& target) {
  const size_t old = buf->size();
  buf->resize(old + kBlock);
  for (;;) {
    ssize_t n = ::read(fd, buf->data() + old, kBlock);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      buf->resize(old);
      return core::Error{target, std::string("cannot read: ") + std::strerror(errno)};
    }
    buf->resize(old + static_cast<size_t>(n));
    return static_cast<size_t>(n);
  }
}

}  // namespace

core::Result<std::string> ScanStream(int fd, const std::string& target, Collector* out) {
  std::string buf;
  bool eof = false;
  while (!eof && buf.size() < kDetectBytes) {
    auto n = ReadMore(fd, &buf, target);
    if (!n) return n.error();
    eof = *n == 0;
  }
  const bool diff = LooksLikeUnifiedDiff(std::string_view(buf).substr(0, kDetectBytes));
  DiffToCollector sink(target, out);
  UnifiedDiffParser parser(&sink);
  Origin text_origin;
  text_origin.target = target;
  int next_line = 1;
  for (;;) {
    // Everything up to the last LF (or all of it at the end) is whole lines.
    size_t cut = eof ? buf.size() : buf.rfind('\n');
    if (cut != std::string::npos && !eof) ++cut;
    if (cut == std::string::npos && buf.size() > kMaxLine) cut = buf.size();  // endless line
    if (cut != std::string::npos && cut > 0) {
      std::string_view block(buf.data(), cut);
      if (diff) {
        size_t pos = 0;
        while (pos < block.size()) {
          size_t nl = block.find('\n', pos);
          if (nl == std::string_view::npos) nl = block.size();
          parser.Feed(block.substr(pos, nl - pos));
          pos = nl + 1;
        }
      } else {
        out->Scan(text_origin, block, nullptr, next_line);
        next_line += static_cast<int>(std::count(block.begin(), block.end(), '\n'));
      }
      buf.erase(0, cut);
    }
    if (eof) break;
    auto n = ReadMore(fd, &buf, target);
    if (!n) return n.error();
    eof = *n == 0;
  }
  sink.Flush();
  return std::string(diff ? "diff" : "text");
}

}  // namespace secgate::secrets
