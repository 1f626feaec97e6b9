// Matches to redacted findings (collector.h).
#include "gates/secrets/collector.h"

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
                     const std::vector<int>* line_numbers, int first_line) {
  scanned_bytes_ += static_cast<long>(text.size());
  matches_.clear();
  engine_.Scan(text, origin.path, &scratch_, &matches_);
  for (const auto& m : matches_) {
    int line = line_numbers && m.line_index < line_numbers->size()
                   ? (*line_numbers)[m.line_index]
                   : first_line + static_cast<int>(m.line_index);
    findings_.push_back(ToFinding(engine_, m, text, origin, line));
    values_.emplace_back(engine_.rule(m.rule).id, text.substr(m.begin, m.end - m.begin));
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

}  // namespace secgate::secrets
