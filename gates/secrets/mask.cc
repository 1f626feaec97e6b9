// Masking secret values (mask.h).
#include "gates/secrets/mask.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <map>
#include <string>

#include "gates/core/fingerprint.h"
#include "gates/secrets/collector.h"
#include "gates/secrets/decode.h"

namespace secgate::secrets {

namespace {

constexpr size_t kChunk = 64 * 1024;
static_assert(kMaxMaskLine >= 4 * kMaxMatchBytes, "a window must make progress");

core::Status WriteAll(int fd, std::string_view s) {
  while (!s.empty()) {
    ssize_t n = ::write(fd, s.data(), s.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return core::Error{"stdout", std::string("cannot write: ") + std::strerror(errno)};
    s.remove_prefix(static_cast<size_t>(n));
  }
  return core::Ok{};
}

/// A span of text to replace, and by what.
struct Span {
  size_t begin, end;
  std::string token;
};

/// `text` with every span replaced by its token. Overlapping spans are
/// replaced as one (their tokens in a row), so no part of any span is copied.
std::string ReplaceSpans(std::string_view text, std::vector<Span> spans) {
  std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
  });
  std::string out;
  out.reserve(text.size() + 48 * spans.size());
  size_t pos = 0;
  std::string_view last;
  for (const auto& s : spans) {
    if (s.begin >= pos) {
      out.append(text.substr(pos, s.begin - pos));
      last = {};
    }
    if (s.token != last) out += s.token;
    last = s.token;
    pos = std::max(pos, s.end);
  }
  out.append(text.substr(std::min(pos, text.size())));
  return out;
}

/// The first match whose whole match (keyword context included) crosses
/// `at` (match_begin < at < end), the one starting first; or null. Cutting
/// between a match's context and its secret would leave the next window
/// without the context, and the secret unmatched and unmasked.
const SecretMatch* Straddling(const std::vector<SecretMatch>& ms, size_t at) {
  const SecretMatch* found = nullptr;
  for (const auto& m : ms)
    if (m.match_begin < at && m.end > at && (!found || m.match_begin < found->match_begin))
      found = &m;
  return found;
}

/// How much of a window of a long line can be written now: up to
/// kMaxMatchBytes before its end, pulled back to the start of a match
/// crossing that point (the next window sees it whole). A match longer than
/// kMaxMatchBytes is written masked whole instead, so the window advances.
size_t WritableEnd(const std::vector<SecretMatch>& ms, size_t size) {
  const size_t floor = size - 2 * kMaxMatchBytes;
  size_t end = size - kMaxMatchBytes;
  while (const SecretMatch* m = Straddling(ms, end)) {
    if (m->match_begin >= floor) {
      end = m->match_begin;
      continue;
    }
    for (; (m = Straddling(ms, end)); ) end = m->end;
    break;
  }
  return end;
}

class StreamMasker {
 public:
  explicit StreamMasker(const Matcher& engine) : engine_(engine) {}
  long masked() const { return masked_; }

  /// Masks `block`: all of it when `whole`, else (a window of a line longer
  /// than kMaxMaskLine) its WritableEnd; *used says how many bytes.
  std::string Mask(std::string_view block, bool whole, size_t* used) {
    matches_.clear();
    engine_.Scan(block, "", &scratch_, &matches_);
    *used = whole ? block.size() : WritableEnd(matches_, block.size());
    std::vector<Span> spans;
    for (const auto& m : matches_) {
      if (m.begin >= *used) continue;
      const std::string& id = engine_.rule(m.rule).id;
      spans.push_back({m.begin, m.end, MaskToken(id, block.substr(m.begin, m.end - m.begin))});
    }
    // Secrets found decoded: the encoded run is masked whole.
    DecodeBudget budget;
    ScanEncodedRuns(engine_, block, "", &scratch_, matches_, &budget,
                    [&](const SecretMatch& m, std::string_view text, size_t run_begin,
                        size_t run_end, size_t, const std::string&) {
                      if (run_begin >= *used) return;
                      const std::string& id = engine_.rule(m.rule).id;
                      spans.push_back({run_begin, std::min(run_end, *used),
                                       MaskToken(id, text.substr(m.begin, m.end - m.begin))});
                    });
    masked_ += static_cast<long>(spans.size());
    return ReplaceSpans(block.substr(0, *used), std::move(spans));
  }

 private:
  const Matcher& engine_;
  ScanScratch scratch_;
  std::vector<SecretMatch> matches_;
  long masked_ = 0;
};

}  // namespace

std::string MaskToken(std::string_view rule_id, std::string_view secret) {
  const std::string fp = core::SecretFingerprint(std::string(rule_id), secret);
  return "[secgate:" + std::string(rule_id) + ":" + fp.substr(fp.rfind(':') + 1) + "]";
}

core::Result<long> MaskStream(const Matcher& engine, int in_fd, int out_fd) {
  StreamMasker masker(engine);
  std::string buf;
  for (;;) {
    const size_t old = buf.size();
    buf.resize(old + kChunk);
    ssize_t n = ::read(in_fd, buf.data() + old, kChunk);
    buf.resize(old + static_cast<size_t>(std::max<ssize_t>(n, 0)));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return core::Error{"stdin", std::string("cannot read: ") + std::strerror(errno)};
    const bool eof = n == 0;
    // Write every complete line now, before reading again; of a line too
    // long to hold, what no later byte can turn into a secret.
    size_t cut = eof ? buf.size() : buf.rfind('\n');
    if (cut != std::string::npos && !eof) ++cut;
    const bool window = cut == std::string::npos && buf.size() >= kMaxMaskLine;
    if (window) cut = buf.size();
    if (cut != std::string::npos && cut > 0) {
      size_t used = 0;
      std::string out = masker.Mask(std::string_view(buf.data(), cut), !window, &used);
      if (auto s = WriteAll(out_fd, out); !s) return s.error();
      buf.erase(0, used);
    }
    if (eof) break;
  }
  return masker.masked();
}

ValueMasker::ValueMasker(const std::vector<std::pair<std::string, std::string>>& values) {
  std::map<std::string, std::string> unique;  // value -> rule id (the first)
  for (const auto& [rule, value] : values)
    if (!value.empty()) unique.emplace(value, rule);
  if (unique.empty()) return;
  for (const auto& [value, rule] : unique) {
    values_.push_back(value);
    tokens_.push_back(MaskToken(rule, value));
  }
  index_ = std::make_unique<KeywordIndex>(values_);
}

ValueMasker::~ValueMasker() = default;

std::string ValueMasker::Apply(std::string_view text) const {
  std::vector<Span> spans;
  if (index_)
    index_->Scan(text, [&](size_t end, int state) {
      for (int id : index_->KeywordsAt(state)) {
        const std::string& value = values_[static_cast<size_t>(id)];
        const size_t begin = end - value.size();
        if (text.compare(begin, value.size(), value) == 0)  // the index ignores case
          spans.push_back({begin, end, tokens_[static_cast<size_t>(id)]});
      }
    });
  if (spans.empty()) return std::string(text);
  return ReplaceSpans(text, std::move(spans));
}

void ValueMasker::Apply(core::Finding* f) const {
  if (!index_) return;
  for (std::string* s : {&f->id, &f->severity_source, &f->package.name, &f->package.version,
                         &f->package.ecosystem, &f->package.purl, &f->location.target,
                         &f->location.path, &f->location.commit, &f->location.author,
                         &f->location.date, &f->title, &f->url, &f->message, &f->fingerprint,
                         &f->secret.prefix, &f->vex_state, &f->vex_justification, &f->input})
    Apply(s);
  for (auto* list : {&f->aliases, &f->related, &f->fixed_versions, &f->sources})
    for (auto& s : *list) Apply(&s);
  for (auto& r : f->ratings) Apply(&r.source);
}

void ValueMasker::Apply(core::Verdict* v) const {
  if (!index_) return;
  for (auto& e : v->findings) {
    Apply(&e.finding);
    Apply(&e.reason);
  }
  for (auto& d : v->waivers) {
    core::Waiver& w = d.waiver;
    for (std::string* s : {&w.id, &w.package, &w.path, &w.reason, &w.owner, &w.ticket}) Apply(s);
    for (auto& r : w.renewed)
      for (std::string* s : {&r.date, &r.from, &r.until, &r.reason, &r.by}) Apply(s);
  }
  for (auto& in : v->inputs) {
    Apply(&in.path);
    Apply(&in.format);
    std::map<std::string, int> skipped;
    for (const auto& [what, n] : in.skipped) skipped[Apply(what)] += n;
    in.skipped = std::move(skipped);
  }
  for (auto& n : v->notes) Apply(&n);
  for (std::string* s : {&v->policy_source, &v->waivers_source, &v->error}) Apply(s);
}

void ValueMasker::Apply(core::Error* e) const {
  Apply(&e->where);
  Apply(&e->message);
}

}  // namespace secgate::secrets
