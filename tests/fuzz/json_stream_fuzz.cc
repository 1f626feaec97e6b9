// libFuzzer target: core::JsonStreamer over arbitrary bytes, through both
// entry points (streamed from an InputFile in chunks, and ParseString). The
// two must agree on success and on every record delivered; a document the
// streamer accepts must be JSON nlohmann also accepts; nesting stays bounded.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "gates/core/json_stream.h"
#include "tests/fuzz/fuzz_util.h"

namespace {

struct Seen {
  std::vector<std::string> records;  // pointer + compact value
  bool ok = false;
  secgate::core::JsonTopLevel top = secgate::core::JsonTopLevel::kNone;
  std::vector<std::string> keys;
};

void Configure(secgate::core::JsonStreamer& s, Seen* seen) {
  auto record = [seen](const std::string& ptr, nlohmann::json& v) -> secgate::core::Status {
    seen->records.push_back(ptr + "=" + v.dump(-1, ' ', false,
                                               nlohmann::json::error_handler_t::replace));
    return secgate::core::Ok{};
  };
  s.set_max_depth(32);
  s.OnRecord("/Results/*/Vulnerabilities/*", record);
  s.OnRecord("/matches/*", record);
  s.OnRecord("/0/*", record);
  s.OnRecord("/SchemaVersion", record);
  s.Expect("/Results", {secgate::core::JsonType::kArray});
  s.Expect("/name", {secgate::core::JsonType::kString});
  s.Expect("/count", {secgate::core::JsonType::kNumber});
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace secgate;
  std::string_view text = fuzz::AsText(data, size);
  Seen streamed, whole;
  {
    core::JsonStreamer s;
    Configure(s, &streamed);
    auto in = core::InputFile::FromMemory(text, "fuzz.json");
    streamed.ok = s.Parse(*in).ok();
    streamed.top = s.top_level_type();
    streamed.keys = s.top_level_keys();
  }
  {
    core::JsonStreamer s;
    Configure(s, &whole);
    whole.ok = s.ParseString(text, "fuzz.json").ok();
    whole.top = s.top_level_type();
    whole.keys = s.top_level_keys();
  }
  if (streamed.ok != whole.ok) fuzz::Fail("Parse and ParseString disagree on success");
  if (streamed.records != whole.records) fuzz::Fail("Parse and ParseString delivered different records");
  if (streamed.ok && (streamed.top != whole.top || streamed.keys != whole.keys))
    fuzz::Fail("Parse and ParseString disagree on the top level");
  if (whole.ok && !nlohmann::json::accept(text)) fuzz::Fail("streamer accepted invalid JSON");
  return 0;
}
