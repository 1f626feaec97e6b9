// --stdin: a unified diff or plain text, streamed (sources.h). Plain text is
// scanned in blocks of whole lines; a diff's added lines are gathered per
// file and scanned when the file (or commit) changes or a block fills up,
// and its lines outside hunks (a CI log around a diff, commit messages,
// headers) are scanned as text. A line longer than kMaxLine is scanned in
// windows overlapping by kMaxMatchBytes (matcher.h).
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <set>
#include <tuple>

#include "gates/secrets/sources/sources.h"
#include "gates/secrets/unified_diff.h"

namespace secgate::secrets {

namespace {

constexpr size_t kBlock = 1 << 20;
constexpr size_t kDetectBytes = 64 * 1024;
constexpr size_t kMaxLine = 16 * kBlock;  // a longer line is scanned in overlapping windows
static_assert(kMaxLine > 2 * kMaxMatchBytes, "a window must make progress");

/// Lines of one kind gathered for one Collector::Scan.
struct Pending {
  std::string text;
  std::vector<int> lines;
  void Add(int line, std::string_view t) {
    text.append(t);
    text.push_back('\n');
    lines.push_back(line);
  }
};

/// Collects a diff's added lines per file, and its other lines, for the collector.
class DiffToCollector : public DiffEvents {
 public:
  DiffToCollector(const std::string& target, Collector* out) : out_(out) { origin_.target = target; }
  void Commit(const std::string& id, const std::string& author, const std::string& date) override {
    FlushAdded();  // pending text is this commit's header: it stays for the new origin
    origin_.commit = id;
    origin_.author = author;
    origin_.date = date;
    ++origin_.order;
  }
  void Added(const std::string& path, int line, std::string_view text) override {
    FlushText();
    if (path != origin_.path || added_.text.size() > kBlock) FlushAdded();
    origin_.path = path;
    added_.Add(line, text);
  }
  void Binary(const std::string& path) override {
    FlushAdded();
    out_->Skip("binary files");
  }
  void Text(int line, std::string_view text) override {
    if (text_.text.size() > kBlock) FlushText();
    text_.Add(line, text);
  }
  void Flush() {
    FlushText();
    FlushAdded();
  }

 private:
  void FlushAdded() {
    if (!added_.text.empty()) {
      if (!origin_.path.empty() && out_->engine().PathAllowlisted(origin_.path))
        out_->Skip("allowlisted paths");
      else
        out_->Scan(origin_, added_.text, &added_.lines);
    }
    added_ = {};
  }
  void FlushText() {
    if (!text_.text.empty()) {
      Origin o = origin_;
      o.path.clear();
      out_->Scan(o, text_.text, &text_.lines);
    }
    text_ = {};
  }

  Collector* out_;
  Origin origin_;
  Pending added_, text_;
};

/// Appends the next chunk of `in` to `buf`; 0 at the end; Error on a read
/// failure.
core::Result<size_t> ReadMore(core::InputFile& in, std::string* buf, const std::string& target) {
  if (in.available() == 0 && !in.Fill()) {
    if (in.read_error()) return core::Error{target, std::string("cannot read: ") + std::strerror(errno)};
    return size_t{0};
  }
  const size_t n = in.available();
  buf->append(in.data(), n);
  in.Advance(n);
  return n;
}

/// Feeds the lines of `block` to the parser; the first one continues the
/// line fed last when `continued`.
void FeedLines(UnifiedDiffParser* parser, std::string_view block, bool continued) {
  size_t pos = 0;
  while (pos < block.size()) {
    size_t nl = block.find('\n', pos);
    if (nl == std::string_view::npos) nl = block.size();
    if (pos == 0 && continued) parser->Continue(block.substr(0, nl));
    else parser->Feed(block.substr(pos, nl - pos));
    pos = nl + 1;
  }
}

/// Overlapping windows find a secret in the overlap twice: keeps the first
/// finding per (fingerprint, path, line, commit).
void DropRepeats(Collector* c) {
  std::set<std::tuple<std::string, std::string, int, std::string>> seen;
  size_t kept = 0;
  auto& f = c->findings();
  for (size_t i = 0; i < f.size(); ++i) {
    const auto& l = f[i].location;
    if (!seen.emplace(f[i].fingerprint, l.path, l.line, l.commit).second) continue;
    if (kept != i) {
      f[kept] = std::move(f[i]);
      c->orders()[kept] = c->orders()[i];
    }
    ++kept;
  }
  f.resize(kept);
  c->orders().resize(kept);
}

}  // namespace

core::Result<std::string> ScanStream(core::InputFile& in, const std::string& target,
                                     Collector* out) {
  std::string buf;
  bool eof = false;
  while (!eof && buf.size() < kDetectBytes) {
    auto n = ReadMore(in, &buf, target);
    if (!n) return n.error();
    eof = *n == 0;
  }
  const bool diff = LooksLikeUnifiedDiff(std::string_view(buf).substr(0, kDetectBytes));
  DiffToCollector sink(target, out);
  UnifiedDiffParser parser(&sink);
  Origin text_origin;
  text_origin.target = target;
  int next_line = 1;
  bool continued = false, windowed = false;  // buf starts inside a line already scanned in part
  for (;;) {
    // Everything up to the last LF (or all of it at the end) is whole lines.
    size_t cut = eof ? buf.size() : buf.rfind('\n');
    if (cut != std::string::npos && !eof) ++cut;
    const bool window = cut == std::string::npos && buf.size() > kMaxLine;  // endless line
    if (window) cut = buf.size();
    if (cut != std::string::npos && cut > 0) {
      std::string_view block(buf.data(), cut);
      if (diff) {
        FeedLines(&parser, block, continued);
      } else {
        out->Scan(text_origin, block, nullptr, next_line);
        next_line += static_cast<int>(std::count(block.begin(), block.end(), '\n'));
      }
      continued = window;
      windowed = windowed || window;
      buf.erase(0, window ? cut - kMaxMatchBytes : cut);  // a window keeps its end
    }
    if (eof) break;
    auto n = ReadMore(in, &buf, target);
    if (!n) return n.error();
    eof = *n == 0;
  }
  sink.Flush();
  if (windowed) DropRepeats(out);
  return std::string(diff ? "diff" : "text");
}

}  // namespace secgate::secrets
