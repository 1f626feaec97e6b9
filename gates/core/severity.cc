#include "gates/core/severity.h"

#include <cmath>
#include <map>
#include <string>

#include "gates/core/strings.h"

namespace secgate::core {
namespace {

// CVSS v3 "Roundup": smallest number, to one decimal, >= the input. Done in
// integers as the v3.1 specification recommends, to avoid float artefacts.
double Roundup(double x) {
  long long i = std::llround(x * 100000);
  if (i % 10000 == 0) return static_cast<double>(i) / 100000.0;
  return (std::floor(static_cast<double>(i) / 10000.0) + 1) / 10.0;
}

// Splits "K:V/K:V" into a map; false on a malformed or repeated part.
bool SplitVector(std::string_view v, std::map<std::string, std::string>* out) {
  size_t start = 0;
  while (start <= v.size()) {
    size_t end = v.find('/', start);
    if (end == std::string_view::npos) end = v.size();
    std::string_view part = v.substr(start, end - start);
    size_t colon = part.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon + 1 == part.size()) return false;
    std::string key(part.substr(0, colon));
    if (out->count(key)) return false;
    (*out)[key] = std::string(part.substr(colon + 1));
    start = end + 1;
    if (end == v.size()) break;
  }
  return !out->empty();
}

using MetricTable = std::initializer_list<std::pair<const char*, double>>;

// The weight `table` gives the value of metric `key` in `m`; false when the
// metric is missing or its value is not in the table.
bool PickMetric(const std::map<std::string, std::string>& m, const char* key, MetricTable table,
                double* out) {
  auto it = m.find(key);
  if (it == m.end()) return false;
  for (const auto& [k, v] : table)
    if (it->second == k) {
      *out = v;
      return true;
    }
  return false;
}

}  // namespace

std::optional<Severity> ParseSeverityWord(std::string_view word) {
  std::string w = AsciiLower(word);
  if (w == "critical") return Severity::kCritical;
  if (w == "high" || w == "important") return Severity::kHigh;
  if (w == "medium" || w == "moderate") return Severity::kMedium;
  if (w == "low" || w == "info" || w == "informational" || w == "negligible" || w == "none")
    return Severity::kLow;
  if (w == "unknown" || w.empty()) return Severity::kUnknown;
  return std::nullopt;
}

std::optional<Severity> ParseThreshold(std::string_view word) {
  std::string w = AsciiLower(word);
  if (w == "critical") return Severity::kCritical;
  if (w == "high") return Severity::kHigh;
  if (w == "medium" || w == "moderate") return Severity::kMedium;
  if (w == "low") return Severity::kLow;
  return std::nullopt;
}

Severity SeverityFromCvss(double score, int cvss_major) {
  if (!(score > 0.0) || score > 10.0) return Severity::kUnknown;
  if (cvss_major == 2) {
    if (score >= 7.0) return Severity::kHigh;
    if (score >= 4.0) return Severity::kMedium;
    return Severity::kLow;
  }
  if (score >= 9.0) return Severity::kCritical;
  if (score >= 7.0) return Severity::kHigh;
  if (score >= 4.0) return Severity::kMedium;
  return Severity::kLow;
}

std::optional<Severity> SeverityFromTrivyInt(long value) {
  if (value < 0 || value > 4) return std::nullopt;
  return static_cast<Severity>(value);
}

std::string_view SeverityName(Severity s) {
  switch (s) {
    case Severity::kCritical: return "critical";
    case Severity::kHigh: return "high";
    case Severity::kMedium: return "medium";
    case Severity::kLow: return "low";
    case Severity::kUnknown: break;
  }
  return "unknown";
}

std::string_view SeverityUpperName(Severity s) {
  switch (s) {
    case Severity::kCritical: return "CRITICAL";
    case Severity::kHigh: return "HIGH";
    case Severity::kMedium: return "MEDIUM";
    case Severity::kLow: return "LOW";
    case Severity::kUnknown: break;
  }
  return "UNKNOWN";
}

double RepresentativeScore(Severity s) {
  switch (s) {
    case Severity::kCritical: return 9.5;
    case Severity::kHigh: return 8.0;
    case Severity::kMedium: return 5.5;
    case Severity::kLow: return 2.0;
    case Severity::kUnknown: break;
  }
  return 0.0;
}

std::optional<double> CvssV3BaseScore(std::string_view vector) {
  if (vector.rfind("CVSS:3.0/", 0) != 0 && vector.rfind("CVSS:3.1/", 0) != 0) return std::nullopt;
  std::map<std::string, std::string> m;
  if (!SplitVector(vector.substr(9), &m)) return std::nullopt;
  auto pick = [&m](const char* key, MetricTable table, double* out) {
    return PickMetric(m, key, table, out);
  };
  double av, ac, ui, c, i, a, pr;
  auto s_it = m.find("S");
  if (s_it == m.end() || (s_it->second != "U" && s_it->second != "C")) return std::nullopt;
  bool changed = s_it->second == "C";
  if (!pick("AV", {{"N", 0.85}, {"A", 0.62}, {"L", 0.55}, {"P", 0.2}}, &av) ||
      !pick("AC", {{"L", 0.77}, {"H", 0.44}}, &ac) ||
      !pick("UI", {{"N", 0.85}, {"R", 0.62}}, &ui) ||
      !pick("C", {{"H", 0.56}, {"L", 0.22}, {"N", 0}}, &c) ||
      !pick("I", {{"H", 0.56}, {"L", 0.22}, {"N", 0}}, &i) ||
      !pick("A", {{"H", 0.56}, {"L", 0.22}, {"N", 0}}, &a) ||
      !pick("PR", {{"N", 0.85}, {"L", changed ? 0.68 : 0.62}, {"H", changed ? 0.5 : 0.27}}, &pr))
    return std::nullopt;
  double iss = 1 - ((1 - c) * (1 - i) * (1 - a));
  double impact = changed ? 7.52 * (iss - 0.029) - 3.25 * std::pow(iss - 0.02, 15) : 6.42 * iss;
  double exploitability = 8.22 * av * ac * pr * ui;
  if (impact <= 0) return 0.0;
  if (changed) return Roundup(std::min(1.08 * (impact + exploitability), 10.0));
  return Roundup(std::min(impact + exploitability, 10.0));
}

std::optional<double> CvssV2BaseScore(std::string_view vector) {
  if (vector.rfind("(", 0) == 0 && vector.size() > 2 && vector.back() == ')')
    vector = vector.substr(1, vector.size() - 2);
  std::map<std::string, std::string> m;
  if (!SplitVector(vector, &m)) return std::nullopt;
  auto pick = [&m](const char* key, MetricTable table, double* out) {
    return PickMetric(m, key, table, out);
  };
  double av, ac, au, c, i, a;
  if (!pick("AV", {{"L", 0.395}, {"A", 0.646}, {"N", 1.0}}, &av) ||
      !pick("AC", {{"H", 0.35}, {"M", 0.61}, {"L", 0.71}}, &ac) ||
      !pick("Au", {{"M", 0.45}, {"S", 0.56}, {"N", 0.704}}, &au) ||
      !pick("C", {{"N", 0}, {"P", 0.275}, {"C", 0.660}}, &c) ||
      !pick("I", {{"N", 0}, {"P", 0.275}, {"C", 0.660}}, &i) ||
      !pick("A", {{"N", 0}, {"P", 0.275}, {"C", 0.660}}, &a))
    return std::nullopt;
  double impact = 10.41 * (1 - (1 - c) * (1 - i) * (1 - a));
  double exploitability = 20 * av * ac * au;
  double f = impact == 0 ? 0 : 1.176;
  double score = ((0.6 * impact) + (0.4 * exploitability) - 1.5) * f;
  return std::round(score * 10) / 10;
}

std::string SarifLevel(Severity s) {
  if (s >= Severity::kHigh) return "error";
  return s == Severity::kMedium ? "warning" : "note";
}

}  // namespace secgate::core
