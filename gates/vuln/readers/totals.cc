#include "gates/vuln/readers/totals.h"

#include "gates/core/json_stream.h"
#include "gates/core/strings.h"

namespace secgate::vuln {

using core::Error;
using core::Result;
using core::Status;
using nlohmann::json;

namespace {
constexpr unsigned long long kMaxCount = 1ULL << 40;  // far above any real report
}  // namespace

Result<Tally> ReadTally(const json& obj, const std::string& where) {
  SECGATE_RETURN_IF_ERROR(core::ExpectObject(obj, where));
  Tally t;
  for (auto it = obj.begin(); it != obj.end(); ++it) {
    const json& v = it.value();
    if (!v.is_number_unsigned() && !(v.is_number_integer() && v.get<long long>() >= 0))
      return Error{where + "/" + it.key(),
                   "expected a non-negative integer, got " + core::JsonTypeName(v)};
    const unsigned long long n = v.get<unsigned long long>();
    if (n > kMaxCount)
      return Error{where + "/" + it.key(), "count " + std::to_string(n) + " is not plausible"};
    t[core::AsciiLower(it.key())] += static_cast<long>(n);
  }
  return t;
}

std::string FormatTally(const Tally& t) {
  std::string out;
  for (const auto& [key, n] : t) {
    if (n == 0) continue;
    out += (out.empty() ? "" : ", ") + key + " " + std::to_string(n);
  }
  return out.empty() ? "none" : out;
}

long TallySum(const Tally& t) {
  long sum = 0;
  for (const auto& [key, n] : t)
    if (key != "total") sum += n;
  return sum;
}

Status CompareTally(const std::string& file, const std::string& what, const Tally& stated,
                    const Tally& read, const std::string& unit) {
  auto count = [](const Tally& t, const std::string& key) {
    auto it = t.find(key);
    return it == t.end() ? 0L : it->second;
  };
  bool same = true;
  for (const auto& [key, n] : stated) same = same && count(read, key) == n;
  for (const auto& [key, n] : read) same = same && count(stated, key) == n;
  if (same) return core::Ok{};
  return Error{file, what + " says " + FormatTally(stated) + " but the report lists " +
                         FormatTally(read) + " (" + unit + ")"};
}

long NpmAdvisoryPaths(const json& adv) {
  long n = 0;
  auto findings = adv.find("findings");
  if (findings == adv.end() || !findings->is_array()) return 0;
  for (const json& f : *findings) {
    auto paths = f.is_object() ? f.find("paths") : f.end();
    if (f.is_object() && paths != f.end() && paths->is_array())
      n += static_cast<long>(paths->size());
  }
  return n;
}

}  // namespace secgate::vuln
