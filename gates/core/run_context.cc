#include "gates/core/run_context.h"

#include <sys/stat.h>

#include "gates/core/io.h"

namespace secgate::core {

namespace {

bool FileExists(const char* p) {
  struct stat st;
  return ::stat(p, &st) == 0;
}

}  // namespace

Result<std::string> ReadConfigFile(const std::string& path) {
  return ReadInput(path, kMaxConfigBytes);
}

Result<Policy> LoadPolicyOrDefault(const std::string& path, std::string* note) {
  std::string p = path;
  if (p.empty() && FileExists(kDefaultPolicyFile)) p = kDefaultPolicyFile;
  if (p.empty()) {
    if (note) *note = "no secgate.yaml: using built-in policy defaults";
    return DefaultPolicy();
  }
  auto text = ReadConfigFile(p);
  if (!text) return text.error();
  return ParsePolicy(*text, p, ReadConfigFile);
}

Result<Date> ResolveToday(std::string_view text, const std::string& where) {
  if (text.empty()) return TodayUtc();
  return ParseDateAt(text, where);
}

Result<WaiverFile> LoadWaiversOrNone(const std::string& path, const WaiverPolicy& policy,
                                     const Date& today) {
  std::string p = path;
  if (p.empty() && FileExists(kDefaultWaiverFile)) p = kDefaultWaiverFile;
  if (p.empty()) {
    WaiverFile none;
    none.source = "none";
    return none;
  }
  auto text = ReadConfigFile(p);
  if (!text) return text.error();
  return ParseWaiverFile(*text, p, policy, today);
}

}  // namespace secgate::core
