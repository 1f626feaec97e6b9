// Masking secret values in what the gate prints.
//
// `secgate-secrets mask` (MaskStream) copies a stream (a CI log) with every
// detected secret replaced by its MaskToken, "[secgate:<rule>:<16 hex of its
// fingerprint>]". Whole lines are written and flushed as soon as they have
// been read, so a masked log follows the build live; memory is bounded by
// kMaxMaskLine: a longer line is masked in windows that overlap by
// kMaxMatchBytes (matcher.h), and no byte within that distance of a
// window's end is written before the next window has been scanned, so a
// secret straddling a cut is masked whole, never in part.
//
// ValueMasker does the same for a scan's output: every value the scan
// detected is replaced by its MaskToken wherever it occurs in any string of
// the verdict (paths, commit data, notes, waivers, errors) and of the
// baseline, so a secret that is also part of a file name is not printed in
// the path. RunSecrets applies it once, to everything it returns.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "gates/core/error.h"
#include "gates/core/finding.h"
#include "gates/core/verdict.h"
#include "gates/secrets/keyword_index.h"
#include "gates/secrets/matcher.h"

namespace secgate::secrets {

/// Lines up to this long are masked whole; a longer one in overlapping windows.
inline constexpr size_t kMaxMaskLine = size_t{1} << 20;

/// "[secgate:<rule_id>:<16 hex of SecretFingerprint(rule_id, secret)>]".
std::string MaskToken(std::string_view rule_id, std::string_view secret);

/// Masks `in_fd` to its end into `out_fd`. Returns the number of secrets
/// masked; an Error when reading or writing fails.
core::Result<long> MaskStream(const Matcher& engine, int in_fd, int out_fd);

/// Replaces detected secret values in output strings by their MaskToken.
class ValueMasker {
 public:
  /// `values`: (rule id, secret value) of every match of the scan.
  explicit ValueMasker(const std::vector<std::pair<std::string, std::string>>& values);
  ~ValueMasker();

  /// `text` with every occurrence of a value replaced; overlapping
  /// occurrences are replaced as one span.
  std::string Apply(std::string_view text) const;
  void Apply(std::string* text) const { *text = Apply(*text); }
  void Apply(core::Finding* f) const;
  void Apply(core::Verdict* v) const;
  void Apply(core::Error* e) const;

 private:
  std::vector<std::string> values_;  // by value id
  std::vector<std::string> tokens_;  // by value id
  std::unique_ptr<KeywordIndex> index_;
};

}  // namespace secgate::secrets
