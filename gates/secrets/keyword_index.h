// KeywordIndex: finds every occurrence of many literal keywords in one pass
// over a buffer, ASCII case-insensitively (an Aho-Corasick automaton turned
// into a dense DFA over byte classes). This is the prefilter in front of the
// rules' regexes: a line is only matched against a rule's regex when one of
// the rule's keywords occurs in it.
//
//   KeywordIndex idx({"ghp_", "AKIA"});
//   idx.Scan(text, [](size_t end, int state) { ... idx.KeywordsAt(state) ... });
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace secgate::secrets {

class KeywordIndex {
 public:
  /// Keywords in any case; ids are their positions in `keywords`.
  explicit KeywordIndex(const std::vector<std::string>& keywords);

  /// Calls hit(end_offset, state) for every position where at least one
  /// keyword ends (end_offset is one past its last byte). Linear in text.
  template <typename Hit>
  void Scan(std::string_view text, Hit&& hit) const {
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    const size_t n = text.size();
    const uint32_t* next = next_.data();
    const uint8_t* cls = class_;
    const uint8_t* out = has_output_.data();
    uint32_t s = 0;  // state * stride
    for (size_t i = 0; i < n; ++i) {
      s = next[s + cls[p[i]]];
      if (out[s]) hit(i + 1, static_cast<int>(s / stride_));
    }
  }

  /// Keyword ids ending at a state reported by Scan().
  const std::vector<int>& KeywordsAt(int state) const { return outputs_[state]; }
  size_t num_states() const { return outputs_.size(); }

 private:
  uint8_t class_[256] = {};          // byte -> class (0 = no keyword uses it)
  uint32_t stride_ = 1;              // number of classes
  std::vector<uint32_t> next_;       // [state * stride + class] -> next state * stride
  std::vector<uint8_t> has_output_;  // [state * stride]: a keyword ends here
  std::vector<std::vector<int>> outputs_;
};

}  // namespace secgate::secrets
