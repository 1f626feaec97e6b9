// libFuzzer target: `secgate-waivers diff --base --head`. The input is two
// verdicts (secgate.verdict/v1 JSON) separated by a line "---"; both are CI
// artifacts a pull request can tamper with. Never crash; when both read,
// the comparison is deterministic, every head finding is classified once,
// and every rendering is within its limits (the Markdown comment under
// GitHub's 65,536 characters and starting with its marker; the JSON valid).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "gates/core/io.h"
#include "gates/waivers_tool/diff.h"

namespace {

[[noreturn]] void Fail(const char* what) {
  std::fprintf(stderr, "pr_diff_fuzz: %s\n", what);
  std::abort();
}

secgate::core::Result<secgate::waivers::ResultFile> Read(std::string_view text, const char* name) {
  auto in = secgate::core::InputFile::FromMemory(text, name);
  in->set_max_bytes(secgate::waivers::kMaxResultsBytes);
  return secgate::waivers::ReadResultFile(*in);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace secgate::waivers;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  size_t cut = text.find("\n---\n");
  std::string_view base_text = cut == std::string_view::npos ? text : text.substr(0, cut);
  std::string_view head_text = cut == std::string_view::npos ? text : text.substr(cut + 5);
  auto base = Read(base_text, "base.json");
  auto head = Read(head_text, "head.json");
  if (!base || !head) return 0;
  auto a = CompareVerdicts({*base}, {*head});
  auto b = CompareVerdicts({*base}, {*head});
  if (a.ok() != b.ok()) Fail("not deterministic");
  if (!a) {
    if (a.error().message.empty()) Fail("error without a message");
    return 0;
  }
  const VerdictDiff& d = *a;
  size_t head_keys = d.new_violations.size() + d.new_other.size() + d.changed.size() +
                     d.still_present.size();
  if (head_keys > head->findings.size()) Fail("more head entries than head findings");
  if (d.fixed.size() > base->findings.size()) Fail("more fixed than base findings");
  DiffReport r;
  r.verdicts = d;
  for (size_t budget : {size_t{700}, size_t{5000}, kCommentBudget}) {
    std::string md = RenderDiffMarkdown(r, {.summary_url = "https://example.invalid/run", .budget = budget});
    if (md.size() > kCommentLimit) Fail("comment over GitHub's limit");
    if (md.rfind(kCommentMarker, 0) != 0) Fail("comment without its marker");
  }
  std::string js = RenderDiffJson(r);
  if (!nlohmann::json::accept(js)) Fail("JSON rendering is not JSON");
  if (RenderDiffText(r).empty()) Fail("empty text rendering");
  return 0;
}
