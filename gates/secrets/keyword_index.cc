// Aho-Corasick construction for KeywordIndex (keyword_index.h).
#include "gates/secrets/keyword_index.h"

#include <algorithm>
#include <deque>

#include "gates/core/strings.h"

namespace secgate::secrets {

namespace {
// The byte-class slot of `c`: a keyword matches in any ASCII case, so an
// upper-case letter shares its lower-case letter's class.
uint8_t Slot(char c) { return static_cast<uint8_t>(core::AsciiLowerChar(c)); }
}  // namespace

KeywordIndex::KeywordIndex(const std::vector<std::string>& keywords) {
  // Byte classes: one per distinct (lower-cased) byte used by a keyword.
  int classes = 1;
  for (const auto& k : keywords)
    for (char c : k)
      if (class_[Slot(c)] == 0) class_[Slot(c)] = static_cast<uint8_t>(classes++);
  for (char c = 'A'; c <= 'Z'; ++c) class_[static_cast<uint8_t>(c)] = class_[Slot(c)];
  stride_ = static_cast<uint32_t>(classes);

  // Trie with goto[state][class]; 0 = absent (the root is never a target).
  std::vector<std::vector<uint32_t>> go(1, std::vector<uint32_t>(stride_, 0));
  outputs_.assign(1, {});
  for (size_t id = 0; id < keywords.size(); ++id) {
    uint32_t s = 0;
    for (char c : keywords[id]) {
      uint8_t k = class_[Slot(c)];
      if (go[s][k] == 0) {
        go[s][k] = static_cast<uint32_t>(go.size());
        go.emplace_back(stride_, 0);
        outputs_.emplace_back();
      }
      s = go[s][k];
    }
    if (!keywords[id].empty()) outputs_[s].push_back(static_cast<int>(id));
  }
  // Breadth-first failure links, completing the transitions into a DFA.
  std::vector<uint32_t> fail(go.size(), 0);
  std::deque<uint32_t> queue;
  for (uint32_t k = 0; k < stride_; ++k)
    if (go[0][k]) queue.push_back(go[0][k]);
  while (!queue.empty()) {
    uint32_t s = queue.front();
    queue.pop_front();
    const auto& inherited = outputs_[fail[s]];
    outputs_[s].insert(outputs_[s].end(), inherited.begin(), inherited.end());
    for (uint32_t k = 0; k < stride_; ++k) {
      uint32_t t = go[s][k];
      if (t) {
        fail[t] = go[fail[s]][k];
        queue.push_back(t);
      } else {
        go[s][k] = go[fail[s]][k];
      }
    }
  }
  next_.resize(go.size() * stride_);
  has_output_.assign(go.size() * stride_, 0);
  for (size_t s = 0; s < go.size(); ++s) {
    for (uint32_t k = 0; k < stride_; ++k) next_[s * stride_ + k] = go[s][k] * stride_;
    auto& o = outputs_[s];
    std::sort(o.begin(), o.end());
    o.erase(std::unique(o.begin(), o.end()), o.end());
    has_output_[s * stride_] = !o.empty();
  }
}

}  // namespace secgate::secrets
