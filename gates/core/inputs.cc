#include "gates/core/inputs.h"

#include <algorithm>

namespace secgate::core {

Result<std::unique_ptr<InputFile>> OpenInput(const InputSet& set, const std::string& name) {
  return set.open ? set.open(name) : InputFile::Open(name);
}

Result<std::vector<InputSummary>> ReadEach(
    const InputSet& set, std::string_view noun,
    const std::function<Result<InputSummary>(InputFile&)>& read) {
  if (set.paths.empty()) return Error{"", "no " + std::string(noun) + " given (see --help)"};
  int stdin_count = 0;
  for (const auto& p : set.paths) stdin_count += p == "-";
  if (stdin_count > 1) return Error{"-", "stdin can be read only once"};
  std::vector<InputSummary> summaries;
  for (const auto& path : set.paths) {
    auto in = OpenInput(set, path);
    if (!in) return in.error();
    (*in)->set_max_bytes(set.max_input_size);
    auto summary = read(**in);
    if (!summary) return summary.error();
    summaries.push_back(std::move(*summary));
  }
  return summaries;
}

std::string FormatKey(std::string_view name) {
  std::string key(name);
  std::replace(key.begin(), key.end(), '_', '-');
  return key;
}

Error UnknownFormat(std::string_view name, std::string_view known) {
  return Error{"--input-format", "unknown format '" + std::string(name) +
                                     "' (expected one of: " + std::string(known) + ")"};
}

void Gathered::MoveNotesTo(Verdict* v) {
  for (auto& n : notes) v->notes.push_back(std::move(n));
  for (const auto& n : not_gated) v->notes.push_back(n);
  v->not_gated = std::move(not_gated);
}

InputOpener MemoryOpener(std::map<std::string, std::string> files) {
  auto shared = std::make_shared<const std::map<std::string, std::string>>(std::move(files));
  return [shared](const std::string& name) -> Result<std::unique_ptr<InputFile>> {
    auto it = shared->find(name);
    if (it == shared->end()) return Error{name, "cannot open: no such input"};
    return InputFile::FromMemory(it->second, name);
  };
}

}  // namespace secgate::core
