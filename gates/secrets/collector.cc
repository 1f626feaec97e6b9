// Matches to redacted findings (collector.h).
#include "gates/secrets/collector.h"

#include <algorithm>
#include <cctype>

#include "gates/core/fingerprint.h"
#include "gates/secrets/decode.h"

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

core::Finding ToFinding(const Matcher& engine, const SecretMatch& m, std::string_view text,
                        const Origin& origin, int line, const std::vector<int>& part_lines) {
  const Rule& rule = engine.rule(m.rule);
  const std::string_view secret = text.substr(m.begin, m.end - m.begin);
  core::Finding f;
  f.gate = core::Gate::kSecrets;
  f.id = rule.id;
  f.severity = rule.severity;
  f.severity_source = "rule";
  f.title = rule.description;
  for (size_t p = 0; p < rule.requires_parts.size(); ++p) {
    const int at = p < part_lines.size() ? part_lines[p] : line + m.part_delta[p];
    f.title += std::string(p ? ", " : " (with ") + rule.requires_parts[p].name +
               (at == line ? " on the same line" : " on line " + std::to_string(at));
    if (p + 1 == rule.requires_parts.size()) f.title += ")";
  }
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
  f.test_key = m.test_key;
  if (m.allowlisted >= 0) f.allowlisted = engine.AllowlistLabel(m.allowlisted);
  f.input = origin.target;
  return f;
}

// How a scanned buffer's line indexes become reported line numbers.
struct Collector::Place {
  const std::vector<int>* line_numbers = nullptr;
  int first_line = 1;
  int Line(size_t index) const {
    return line_numbers && index < line_numbers->size() ? (*line_numbers)[index]
                                                        : first_line + static_cast<int>(index);
  }
};

void Collector::Take(const SecretMatch& m, std::string_view text, const Origin& origin, int line,
                     const std::vector<int>& part_lines, const std::string& decoded) {
  findings_.push_back(ToFinding(engine_, m, text, origin, line, part_lines));
  findings_.back().decoded = decoded;
  values_.emplace_back(engine_.rule(m.rule).id, text.substr(m.begin, m.end - m.begin));
  orders_.push_back(origin.order);
}

namespace {

// A decoded match as the keep predicate sees it: on the line of `text` that
// holds its encoded run (the predicate judges lines of the scanned text).
SecretMatch AtEncodedRun(SecretMatch m, std::string_view text, size_t run_begin) {
  size_t nl = run_begin == 0 ? std::string_view::npos : text.rfind('\n', run_begin - 1);
  m.line_begin = nl == std::string_view::npos ? 0 : nl + 1;
  m.begin = m.match_begin = run_begin;
  return m;
}

}  // namespace

void Collector::Scan(const Origin& origin, std::string_view text,
                     const std::vector<int>* line_numbers, int first_line, size_t accept_before) {
  ScanWith(origin, text, line_numbers, first_line, accept_before, nullptr);
}

void Collector::ScanKeeping(const Origin& origin, std::string_view text, int first_line,
                            const std::function<bool(const SecretMatch&)>& keep) {
  ScanWith(origin, text, nullptr, first_line, std::string_view::npos, &keep);
}

void Collector::ScanWith(const Origin& origin, std::string_view text,
                         const std::vector<int>* line_numbers, int first_line,
                         size_t accept_before,
                         const std::function<bool(const SecretMatch&)>* keep) {
  scanned_bytes_ += static_cast<long>(text.size());
  std::vector<SecretMatch> plain;
  const bool message = origin.path == kCommitMessage;
  engine_.Scan(text, message ? std::string_view() : origin.path, &scratch_, &plain);
  const Place place{line_numbers, first_line};
  for (const auto& m : plain) {
    if (m.match_begin >= accept_before) continue;
    if (keep && !(*keep)(m)) {  // not new here: masked, not reported
      values_.emplace_back(engine_.rule(m.rule).id, text.substr(m.begin, m.end - m.begin));
      continue;
    }
    std::vector<int> part_lines;
    for (size_t p = 0; p < engine_.rule(m.rule).requires_parts.size(); ++p)
      part_lines.push_back(place.Line(m.line_index + static_cast<size_t>(
                                                         static_cast<long>(m.part_delta[p]))));
    Take(m, text, origin, place.Line(m.line_index), part_lines, "");
  }
  DecodeBudget budget;
  ScanEncodedRuns(engine_, text, message ? std::string_view() : origin.path, &scratch_, plain,
                  &budget,
                  [&](const SecretMatch& m, std::string_view mtext, size_t run_begin,
                      size_t run_end, size_t line_index, const std::string& chain) {
                    if (run_begin >= accept_before) return;
                    values_.emplace_back(engine_.rule(m.rule).id,
                                         text.substr(run_begin, run_end - run_begin));
                    if (keep && !(*keep)(AtEncodedRun(m, text, run_begin))) {
                      values_.emplace_back(engine_.rule(m.rule).id,
                                           mtext.substr(m.begin, m.end - m.begin));
                      return;
                    }
                    Take(m, mtext, origin, place.Line(line_index), {}, chain);
                  });
  if (budget.exhausted)
    Skip("encoded runs left undecoded (decoded bytes per buffer capped at " +
         std::to_string(kMaxDecodedBytes >> 20) + " MiB)");
}

namespace {

/// Bytes of a run's line kept on each side of its decoded text.
constexpr size_t kDecodeContext = 256;

/// The part of `at`'s line before it (dir < 0) or after it (dir > 0), at
/// most kDecodeContext bytes.
std::string_view LineContext(std::string_view text, size_t at, int dir) {
  if (dir < 0) {
    size_t from = at > kDecodeContext ? at - kDecodeContext : 0;
    size_t nl = text.rfind('\n', at == 0 ? 0 : at - 1);
    if (at > 0 && nl != std::string_view::npos && nl >= from) from = nl + 1;
    return text.substr(from, at - from);
  }
  size_t to = std::min(text.size(), at + kDecodeContext);
  size_t nl = text.find('\n', at);
  if (nl != std::string_view::npos && nl < to) to = nl;
  return text.substr(at, to - at);
}

}  // namespace

void ScanEncodedRuns(const Matcher& engine, std::string_view text, std::string_view path,
                     ScanScratch* scratch, const std::vector<SecretMatch>& plain,
                     DecodeBudget* budget, const DecodedMatchFn& fn) {
  struct Level {
    const Matcher& engine;
    std::string_view path;
    ScanScratch* scratch;
    DecodeBudget* budget;
    const DecodedMatchFn& fn;
    // Rescans the decoded form of each run of `t` (depth `depth`); at depth
    // 1 the runs are `t`'s own, deeper every report uses the outer run.
    void Run(std::string_view t, const std::vector<SecretMatch>& plain, int depth,
             const std::string& chain, const DecodedRun* outer, size_t outer_line) const {
      size_t counted_to = 0, line_index = 0;
      ForEachDecoded(t, budget, [&](const DecodedRun& run) {
        line_index += static_cast<size_t>(std::count(t.begin() + static_cast<long>(counted_to),
                                                     t.begin() + static_cast<long>(run.begin), '\n'));
        counted_to = run.begin;
        const DecodedRun& top = outer ? *outer : run;
        const size_t line = outer ? outer_line : line_index;
        const std::string kinds = chain.empty() ? run.kind : chain + ">" + run.kind;
        // The decoded text in place of the run, with up to kDecodeContext
        // bytes of its line either side (`password: <base64>` keeps its
        // keyword); an unquoted run (a YAML `data:` value) is rescanned
        // quoted, as the string value it is.
        const std::string_view before = LineContext(t, run.begin, -1);
        const std::string_view after = LineContext(t, run.end, +1);
        const bool quoted = !before.empty() && (before.back() == '"' || before.back() == '\'');
        const std::string q = quoted ? "" : "\"";
        const std::string line_text = std::string(before) + q + run.text + q + std::string(after);
        const size_t from = before.size() + q.size(), to = from + run.text.size();
        std::vector<SecretMatch> found;
        engine.Scan(line_text, path, scratch, &found);
        for (const auto& m : found) {
          if (m.end <= from || m.begin >= to) continue;  // outside the decoded text
          bool seen = std::any_of(plain.begin(), plain.end(), [&](const SecretMatch& p) {
            return p.rule == m.rule && p.begin < run.end && run.begin < p.end;
          });
          if (!seen) fn(m, line_text, top.begin, top.end, line, kinds);
        }
        if (depth < engine.pack().decode_depth) Run(run.text, {}, depth + 1, kinds, &top, line);
      });
    }
  };
  if (engine.pack().decode_depth <= 0) return;
  const Level level{engine, path, scratch, budget, fn};
  level.Run(text, plain, 1, "", nullptr, 0);
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
