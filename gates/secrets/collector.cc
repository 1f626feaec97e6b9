// Matches to redacted findings (collector.h).
#include "gates/secrets/collector.h"

#include <algorithm>
#include <cctype>

#include "gates/core/fingerprint.h"

namespace secgate::secrets {

core::RedactedSecret Redact(std::string_view secret) {
  // A short secret shows less of itself: a 4-character prefix of an
  // 8-character password would be half of it.
  size_t shown = secret.size() >= 16 ? 4 : secret.size() >= 10 ? 2 : 0;
  core::RedactedSecret r;
  r.prefix = std::string(secret.substr(0, shown));
  r.length = secret.size();
  return r;
}

core::Finding ToFinding(const Engine& engine, const SecretMatch& m, std::string_view text,
                        const Origin& origin, int line) {
  const Rule& rule = engine.rule(m.rule);
  const std::string_view secret = text.substr(m.begin, m.end - m.begin);
  core::Finding f;
  f.gate = core::Gate::kSecrets;
  f.id = rule.id;
  f.severity = rule.severity;
  f.severity_source = "rule";
  f.title = rule.description;
  f.message = rule.provider;
  f.location.target = origin.target;
  f.location.path = origin.path;
  f.location.line = line;
  f.location.commit = origin.commit;
  f.location.author = origin.author;
  f.location.date = origin.date;
  f.sources = {"secgate-secrets"};
  f.fingerprint = core::SecretFingerprint(rule.id, secret);
  f.secret = Redact(secret);
  f.input = origin.target;
  return f;
}

void Collector::Scan(const Origin& origin, std::string_view text,
                     const std::vector<int>* line_numbers, int first_line, size_t accept_before) {
  Take(origin, text, line_numbers, first_line, accept_before, nullptr);
}

void Collector::ScanKeeping(const Origin& origin, std::string_view text, int first_line,
                            const std::function<bool(const SecretMatch&)>& keep) {
  Take(origin, text, nullptr, first_line, std::string_view::npos, &keep);
}

void Collector::Take(const Origin& origin, std::string_view text,
                     const std::vector<int>* line_numbers, int first_line, size_t accept_before,
                     const std::function<bool(const SecretMatch&)>* keep) {
  scanned_bytes_ += static_cast<long>(text.size());
  matches_.clear();
  const bool message = origin.path == kCommitMessage;
  engine_.Scan(text, message ? std::string_view() : origin.path, &scratch_, &matches_);
  for (const auto& m : matches_) {
    if (m.match_begin >= accept_before) continue;
    values_.emplace_back(engine_.rule(m.rule).id, text.substr(m.begin, m.end - m.begin));
    if (keep && !(*keep)(m)) continue;
    int line = line_numbers && m.line_index < line_numbers->size()
                   ? (*line_numbers)[m.line_index]
                   : first_line + static_cast<int>(m.line_index);
    findings_.push_back(ToFinding(engine_, m, text, origin, line));
    orders_.push_back(origin.order);
  }
}

void Collector::Absorb(Collector& other) {
  for (auto& f : other.findings_) findings_.push_back(std::move(f));
  for (long o : other.orders_) orders_.push_back(o);
  for (const auto& [k, v] : other.skipped_) skipped_[k] += v;
  for (auto& n : other.notes_) notes_.push_back(std::move(n));
  for (auto& v : other.values_) values_.push_back(std::move(v));
  other.values_.clear();
  scanned_bytes_ += other.scanned_bytes_;
  other.findings_.clear();
  other.orders_.clear();
  other.skipped_.clear();
  other.notes_.clear();
}

namespace {

/// Where the kept tail of an over-long line starts: at a byte that cannot
/// be inside a token ([A-Za-z0-9] can) in the first half of the overlap, so
/// the next scan does not start mid-token and report a token's tail; the
/// start of the overlap if there is none.
size_t TailStart(std::string_view line, size_t overlap) {
  const size_t from = line.size() - overlap;
  for (size_t i = from + overlap / 2; i > from; --i) {
    const unsigned char c = static_cast<unsigned char>(line[i]);
    if (!std::isalnum(c)) return i;
  }
  return from;
}

}  // namespace

void ChunkedScan::Add(std::string_view text) {
  while (!text.empty()) {
    const size_t take = std::min(text.size(), kScanChunk);
    buf_.append(text.substr(0, take));
    text.remove_prefix(take);
    while (buf_.size() >= kScanChunk) ScanFullChunk();
  }
}

void ChunkedScan::ScanFullChunk() {
  const size_t nl = buf_.rfind('\n');
  if (nl != std::string::npos) {  // whole lines
    std::string_view lines(buf_.data(), nl + 1);
    out_->Scan(origin_, lines, nullptr, line_);
    line_ += static_cast<int>(std::count(lines.begin(), lines.end(), '\n'));
    buf_.erase(0, nl + 1);
    return;
  }
  // One line longer than a chunk: scan it, keep its tail to scan again with
  // what follows; a match starting in that tail is taken from the next scan.
  const size_t keep_from = TailStart(buf_, kScanOverlap);
  out_->Scan(origin_, buf_, nullptr, line_, keep_from);
  buf_.erase(0, keep_from);
}

void ChunkedScan::Finish() {
  if (!buf_.empty()) out_->Scan(origin_, buf_, nullptr, line_);
  line_ += static_cast<int>(std::count(buf_.begin(), buf_.end(), '\n'));
  buf_.clear();
}

}  // namespace secgate::secrets
