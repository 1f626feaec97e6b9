// The input-gate skeleton's engine half: what every gate that reads input
// files (secgate-vuln, secgate-sbom, and the gates after them) does between
// "a list of paths" and "a reader for each input". One place says that the
// list may not be empty, that stdin ("-") is read at most once, that each
// input is read under a byte limit, and how an input is opened.
//
// Opening is injected (bloaty's file factory): the CLI opens files and
// stdin; tests, fuzz targets and `selftest` hand the same engine bytes from
// memory through MemoryOpener, so every caller takes the one code path.
//
//   InputSet set{{"a.json", "-"}, "", kDefaultMaxInputSize};
//   auto summaries = ReadEach(set, "report", [&](InputFile& in) { ... });
//   const Row* row = FindRow(Formats(), "trivy");   // a format table's row
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "gates/core/error.h"
#include "gates/core/io.h"
#include "gates/core/verdict.h"

namespace secgate::core {

/// Default --max-input-size: the largest input a gate reads (1 GiB).
inline constexpr size_t kDefaultMaxInputSize = size_t{1} << 30;

/// Opens one input by the name the user gave ("-" is stdin).
using InputOpener = std::function<Result<std::unique_ptr<InputFile>>(const std::string& name)>;

/// What a gate reads: the inputs in order, an optional forced format and
/// the byte limit per input.
struct InputSet {
  std::vector<std::string> paths;  ///< Files; "-" is stdin.
  std::string format;              ///< --input-format's row name; "" = detect.
  size_t max_input_size = kDefaultMaxInputSize;
  InputOpener open;                ///< Empty = files and stdin (InputFile::Open).
};

/// Opens `name` with `set.open`, or from the file system when that is empty.
Result<std::unique_ptr<InputFile>> OpenInput(const InputSet& set, const std::string& name);

/// Refuses an empty list (Error "no <noun> given (see --help)") and a second
/// "-" ("stdin can be read only once"); then opens each input in order, sets
/// its byte limit and hands it to `read`, stopping at the first Error.
Result<std::vector<InputSummary>> ReadEach(
    const InputSet& set, std::string_view noun,
    const std::function<Result<InputSummary>(InputFile&)>& read);

/// An opener that serves `files` (name -> bytes) from memory, read through
/// the same chunked path as a file; any other name is "cannot open".
InputOpener MemoryOpener(std::map<std::string, std::string> files);

/// What a run's inputs held, gathered over all of them: findings, notes,
/// and sentences naming classes another gate gates.
struct Gathered {
  std::vector<Finding> findings;
  std::vector<std::string> notes, not_gated;

  /// Takes one reader's output (any struct with findings, notes and
  /// not_gated), naming `input` on findings that name none.
  template <class Output>
  void Take(Output& out, const std::string& input) {
    for (auto& f : out.findings)
      if (f.input.empty()) f.input = input;
    AppendFindings(std::move(out.findings), &findings);
    for (auto& n : out.notes) notes.push_back(std::move(n));
    for (auto& n : out.not_gated) not_gated.push_back(std::move(n));
  }
  /// Hands notes and not_gated over to `v` (not_gated sentences are notes too).
  void MoveNotesTo(Verdict* v);
};

/// One input read with a format table's row: `format`, or the row `detect`
/// finds when it is null; its reader fills an `Output` that `all` takes.
/// The summary names the row and counts the findings read.
template <class Output, class Format>
Result<InputSummary> ReadWithRow(InputFile& file, const Format* format,
                                 Result<const Format*> (*detect)(InputFile&), Gathered* all) {
  if (!format) {
    auto detected = detect(file);
    if (!detected) return detected.error();
    format = *detected;
  }
  Output out;
  if (Status s = format->read(file, &out); !s) return s.error();
  InputSummary summary{file.path(), std::string(format->name),
                       static_cast<int>(out.findings.size()), out.skipped};
  all->Take(out, file.path());
  return summary;
}

/// A format name as a table spells it: "npm_audit_v2" -> "npm-audit-v2".
std::string FormatKey(std::string_view name);

/// Error at "--input-format": "unknown format 'x' (expected one of: a, b)".
Error UnknownFormat(std::string_view name, std::string_view known);

/// Format tables are arrays of rows with a `name` (string_view). The row
/// named `name` (FormatKey), or nullptr.
template <class Rows>
auto FindRow(const Rows& rows, std::string_view name) -> decltype(&*std::begin(rows)) {
  const std::string wanted = FormatKey(name);
  for (const auto& r : rows)
    if (r.name == wanted) return &r;
  return nullptr;
}

/// "a, b, c": the rows' names in table order, for help texts and errors.
template <class Rows>
std::string RowNames(const Rows& rows) {
  std::string out;
  for (const auto& r : rows) out += (out.empty() ? "" : ", ") + std::string(r.name);
  return out;
}

}  // namespace secgate::core
