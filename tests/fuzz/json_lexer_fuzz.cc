// libFuzzer target: the strict JSON lexer under core::JsonStreamer, checked
// differentially against nlohmann::json. For any bytes: the streamer accepts
// exactly when core::ParseJsonStrict does (nlohmann's parser, comments off,
// with our duplicate-key rule over its parse events), streamed from an
// InputFile and parsed in memory agree, and with a capture-everything route
// each top-level member/element equals nlohmann's parsed value. A projected
// capture must equal the full capture restricted to the projected keys.
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "gates/core/json_stream.h"
#include "tests/fuzz/fuzz_util.h"

namespace {

using nlohmann::json;

struct Run {
  bool ok = false;
  std::vector<std::pair<std::string, json>> records;
};

Run Stream(std::string_view text, bool from_file, std::vector<std::string> fields = {}) {
  using namespace secgate;
  Run r;
  core::JsonStreamer s;
  s.set_max_depth(1 << 20);  // nlohmann has no nesting limit; ours is tested elsewhere
  s.OnRecord("/*", [&r](const std::string& p, json& v) -> core::Status {
    r.records.emplace_back(p, std::move(v));
    return core::Ok{};
  }, std::move(fields));
  if (from_file) {
    auto in = core::InputFile::FromMemory(text, "fuzz.json");
    r.ok = s.Parse(*in).ok();
  } else {
    r.ok = s.ParseString(text, "fuzz.json").ok();
  }
  return r;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace secgate;
  std::string_view text = fuzz::AsText(data, size);
  // nlohmann's lexer takes a NUL byte for the end of input ("[1]\0x" is
  // accepted); RFC 8259 and the streamer reject data after the value.
  auto strict = core::ParseJsonStrict(text, "fuzz.json");
  const bool ref_ok = strict.ok() && text.find('\0') == std::string_view::npos;
  Run file = Stream(text, true);
  Run mem = Stream(text, false);
  if (file.ok != ref_ok) fuzz::Fail("lexer and ParseJsonStrict disagree");
  if (mem.ok != file.ok) fuzz::Fail("Parse and ParseString disagree on success");
  if (!ref_ok) return 0;
  const json& ref = *strict;
  if (file.records.size() != mem.records.size()) fuzz::Fail("record counts differ");
  for (size_t i = 0; i < file.records.size(); ++i) {
    const auto& [ptr, v] = file.records[i];
    if (mem.records[i].first != ptr || !(mem.records[i].second == v))
      fuzz::Fail("Parse and ParseString delivered different records");
    if (ref.is_array()) {
      if (ptr != "/" + std::to_string(i) || !(ref[i] == v)) fuzz::Fail("array element differs");
    } else if (ref.is_object()) {
      auto it = ref.find(ptr.substr(1));
      if (it == ref.end()) fuzz::Fail("record for a key nlohmann did not see");
      if (!(*it == v)) fuzz::Fail("object member differs");  // no duplicates here
    }
  }
  // Projection: only "a" and "b" of object records; other members skipped.
  Run proj = Stream(text, true, {"a", "b"});
  if (!proj.ok || proj.records.size() != file.records.size()) fuzz::Fail("projection changed the parse");
  for (size_t i = 0; i < proj.records.size(); ++i) {
    json want = file.records[i].second;
    if (want.is_object()) {
      json kept = json::object();
      for (const char* k : {"a", "b"})
        if (want.contains(k)) kept[k] = want[k];
      want = kept;
    }
    if (!(proj.records[i].second == want)) fuzz::Fail("projected record differs");
  }
  return 0;
}
