// Severity: the normalised scale every finding carries, and the mapping of
// each tool's vocabulary onto it (docs/design.md "The finding").
//
// Pipeline position: readers call ParseSeverityWord / SeverityFromCvss to
// normalise what a tool wrote; policy compares severities; reporters print
// SeverityName and RepresentativeScore.
//
//   auto s = ParseSeverityWord("moderate");   // Severity::kMedium
//   auto t = SeverityFromCvss(9.8, 3);        // Severity::kCritical
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace secgate::core {

/// Ordered worst-last so that `a < b` means "a is less severe than b".
enum class Severity { kUnknown = 0, kLow = 1, kMedium = 2, kHigh = 3, kCritical = 4 };

/// Maps a tool's severity word to the scale, case-insensitively:
/// critical, high, medium|moderate, low|info|informational|negligible|none,
/// unknown|"" (kUnknown). Returns nullopt for any other word: callers report
/// that as an input error rather than guessing.
std::optional<Severity> ParseSeverityWord(std::string_view word);

/// Parses a policy threshold: critical, high, medium, low (case-insensitive).
/// "unknown" is not a threshold; returns nullopt for it and anything else.
std::optional<Severity> ParseThreshold(std::string_view word);

/// CVSS base score to band. `cvss_major` 3 or 4 use the v3 bands (0.1-3.9
/// low, 4.0-6.9 medium, 7.0-8.9 high, 9.0-10 critical); 2 has no critical
/// band (7.0-10 high). A score of 0 or outside 0-10 yields kUnknown.
Severity SeverityFromCvss(double score, int cvss_major = 3);

/// Trivy VendorSeverity integer (0 unknown .. 4 critical); nullopt otherwise.
std::optional<Severity> SeverityFromTrivyInt(long value);

/// "critical", "high", "medium", "low", "unknown".
std::string_view SeverityName(Severity s);

/// The SARIF level a severity is written as: critical and high "error",
/// medium "warning", low and unknown "note".
std::string SarifLevel(Severity s);
/// "CRITICAL", ... for human output.
std::string_view SeverityUpperName(Severity s);

/// A score inside the band, for formats that need a number when only a word
/// is known (SARIF security-severity): 9.5, 8.0, 5.5, 2.0, 0.0.
double RepresentativeScore(Severity s);

/// Computes the CVSS v3.0/v3.1 base score from a vector string such as
/// "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H". Returns nullopt when the
/// vector is not a complete, well-formed v3 base vector.
std::optional<double> CvssV3BaseScore(std::string_view vector);

/// Computes the CVSS v2 base score from "AV:N/AC:L/Au:N/C:P/I:P/A:P"
/// (optionally prefixed with "(AV:" forms are not accepted). nullopt if malformed.
std::optional<double> CvssV2BaseScore(std::string_view vector);

}  // namespace secgate::core
