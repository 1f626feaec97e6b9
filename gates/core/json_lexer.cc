// Strict streaming JSON lexer: see json_lexer.h. Hot paths: PeekNonWs (in
// the header), SkipSpaceRun and ScanString's eight-bytes-at-a-time loop.
#include "gates/core/json_lexer.h"

#include "gates/core/text_codec.h"

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>

namespace secgate::core {
namespace {

constexpr uint64_t kOnes = 0x0101010101010101ULL;
constexpr uint64_t kHigh = 0x8080808080808080ULL;

uint64_t Load8(const char* p) {
  uint64_t w;
  std::memcpy(&w, p, 8);
  return w;
}

// High bit set in each byte of `w` that is '"', '\\', < 0x20 or >= 0x80.
// A borrow only starts at a byte that really matches, so on little-endian
// machines the lowest set bit marks the first such byte exactly.
uint64_t SpecialBytes(uint64_t w) {
  uint64_t q = w ^ (kOnes * '"');
  uint64_t b = w ^ (kOnes * '\\');
  return (((q - kOnes) & ~q) | ((b - kOnes) & ~b) | ((w - kOnes * 0x20) & ~w) | w) & kHigh;
}

bool IsSpecial(unsigned char c) { return c == '"' || c == '\\' || c < 0x20 || c >= 0x80; }

}  // namespace

JsonLexer::JsonLexer(InputFile* in) : in_(in), p_(in->data()), end_(in->data() + in->available()) {}

JsonLexer::JsonLexer(std::string_view text)
    : p_(text.data()), end_(text.data() + text.size()), base_(text.data()) {}

JsonLexer::~JsonLexer() {
  if (in_) in_->Advance(p_ - in_->data());
}

bool JsonLexer::Fill() {
  if (!in_) return false;
  in_->Advance(p_ - in_->data());
  bool more = in_->Fill();
  p_ = in_->data();
  end_ = p_ + in_->available();
  return more;
}

bool JsonLexer::Ensure(size_t n) {
  while (static_cast<size_t>(end_ - p_) < n)
    if (!Fill()) return false;
  return true;
}

size_t JsonLexer::Offset() const {
  if (in_) return in_->offset() + (p_ - in_->data());
  return p_ - base_;
}

bool JsonLexer::Fail(std::string what) {
  if (error_what_.empty()) {
    error_pos_ = Offset() + 1;
    error_what_ = std::move(what);
  }
  return false;
}

void JsonLexer::SkipSpaceRun() {
  while (end_ - p_ >= 8 && Load8(p_) == kOnes * ' ') p_ += 8;
}

void JsonLexer::SkipBom() {
  if (Ensure(3) && std::memcmp(p_, "\xef\xbb\xbf", 3) == 0) p_ += 3;
}

bool JsonLexer::ReadString(std::string* out) { return ScanString(out); }
bool JsonLexer::SkipString() { return ScanString(nullptr); }

// One loop for both modes: `out` null means validate only. Plain runs are
// appended in bulk when the run ends (a special byte or the chunk's end).
bool JsonLexer::ScanString(std::string* out) {
  for (;;) {
    const char* run = p_;
    while (end_ - p_ >= 8) {
      uint64_t m = SpecialBytes(Load8(p_));
      if (m) {
        p_ += __builtin_ctzll(m) >> 3;
        goto special;
      }
      p_ += 8;
    }
    while (p_ < end_ && !IsSpecial(static_cast<unsigned char>(*p_))) ++p_;
    if (p_ < end_) goto special;
    if (out) out->append(run, p_);
    if (!Fill()) return Fail("unexpected end of input in string");
    continue;
  special:
    if (out) out->append(run, p_);
    unsigned char c = static_cast<unsigned char>(*p_);
    if (c == '"') {
      ++p_;
      return true;
    }
    if (c == '\\') {
      if (!Escape(out)) return false;
    } else if (c < 0x20) {
      return Fail("control character in string (must be escaped)");
    } else if (!Utf8(out)) {
      return false;
    }
  }
}

bool JsonLexer::Utf8(std::string* out) {
  unsigned char c = static_cast<unsigned char>(*p_);
  size_t n;
  unsigned char lo = 0x80, hi = 0xbf;
  if (c < 0xc2) return Fail("ill-formed UTF-8 byte in string");
  if (c < 0xe0) {
    n = 2;
  } else if (c < 0xf0) {
    n = 3;
    if (c == 0xe0) lo = 0xa0;   // overlong
    if (c == 0xed) hi = 0x9f;   // UTF-16 surrogates
  } else if (c < 0xf5) {
    n = 4;
    if (c == 0xf0) lo = 0x90;   // overlong
    if (c == 0xf4) hi = 0x8f;   // past U+10FFFF
  } else {
    return Fail("ill-formed UTF-8 byte in string");
  }
  Ensure(n);
  for (size_t k = 1; k < n; ++k) {
    if (p_ + k >= end_) {
      p_ += k;
      return Fail("unexpected end of input in string");
    }
    unsigned char cc = static_cast<unsigned char>(p_[k]);
    if (cc < (k == 1 ? lo : 0x80) || cc > (k == 1 ? hi : 0xbf)) {
      p_ += k;
      return Fail("ill-formed UTF-8 byte in string");
    }
  }
  if (out) out->append(p_, n);
  p_ += n;
  return true;
}

bool JsonLexer::Hex4(unsigned* cp) {
  Ensure(4);
  unsigned v = 0;
  for (int k = 0; k < 4; ++k) {
    if (p_ >= end_) return Fail("unexpected end of input in string");
    int h = HexDigitValue(*p_);
    if (h < 0) return Fail("expected four hex digits after \\u");
    v = v * 16 + h;
    ++p_;
  }
  *cp = v;
  return true;
}

bool JsonLexer::Escape(std::string* out) {
  ++p_;  // the backslash
  if (p_ >= end_ && !Ensure(1)) return Fail("unexpected end of input in string");
  char e = *p_;
  char plain;
  switch (e) {
    case '"': plain = '"'; break;
    case '\\': plain = '\\'; break;
    case '/': plain = '/'; break;
    case 'b': plain = '\b'; break;
    case 'f': plain = '\f'; break;
    case 'n': plain = '\n'; break;
    case 'r': plain = '\r'; break;
    case 't': plain = '\t'; break;
    case 'u': {
      ++p_;
      unsigned cp;
      if (!Hex4(&cp)) return false;
      if (cp >= 0xdc00 && cp <= 0xdfff) {
        p_ -= 4;
        return Fail("lone low surrogate in \\u escape");
      }
      if (cp >= 0xd800 && cp <= 0xdbff) {
        Ensure(2);
        if (p_ >= end_) return Fail("unexpected end of input in string");
        if (*p_ != '\\' || p_ + 1 >= end_ || p_[1] != 'u')
          return Fail("high surrogate not followed by a low surrogate \\u escape");
        p_ += 2;
        unsigned lo;
        if (!Hex4(&lo)) return false;
        if (lo < 0xdc00 || lo > 0xdfff) {
          p_ -= 4;
          return Fail("high surrogate not followed by a low surrogate \\u escape");
        }
        cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
      }
      if (out) AppendUtf8(cp, out);
      return true;
    }
    default:
      return Fail("invalid escape in string");
  }
  if (out) out->push_back(plain);
  ++p_;
  return true;
}

// Grammar: -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?. The text
// goes to num_ only when a value is wanted or the number could overflow.
bool JsonLexer::ScanNumber(std::string* text) {
  num_.clear();
  bool keep = text != nullptr, exp = false;
  auto peek = [this]() -> int {
    if (p_ >= end_ && !Fill()) return -1;
    return static_cast<unsigned char>(*p_);
  };
  auto take = [&]() {
    num_.push_back(*p_);
    ++p_;
  };
  auto digits = [&](const char* what) {
    int c = peek();
    if (c < '0' || c > '9')
      return Fail(c < 0 ? std::string("unexpected end of input in number") : what);
    while (c >= '0' && c <= '9') {
      take();
      c = peek();
    }
    return true;
  };
  if (peek() == '-') take();
  int c = peek();
  if (c == '0') {
    take();
    c = peek();
    if (c >= '0' && c <= '9') return Fail("leading zeros are not allowed in numbers");
  } else if (!digits("expected a digit")) {
    return false;
  }
  c = peek();
  if (c == '.') {
    take();
    if (!digits("expected a digit after '.'")) return false;
    c = peek();
  }
  if (c == 'e' || c == 'E') {
    exp = true;
    take();
    c = peek();
    if (c == '+' || c == '-') take();
    if (!digits("expected a digit in the exponent")) return false;
  }
  // Only an exponent or a very long mantissa can overflow a double.
  if (exp || num_.size() > 300 || keep) {
    if (keep) *text = num_;
    if (exp || num_.size() > 300) {
      double d = std::strtod(num_.c_str(), nullptr);
      if (!std::isfinite(d)) return Fail("number out of range: " + num_.substr(0, 40));
    }
  }
  return true;
}

bool JsonLexer::ReadNumber(nlohmann::json* out) {
  std::string text;
  if (!ScanNumber(&text)) return false;
  bool integral = text.find_first_of(".eE") == std::string::npos;
  if (integral) {
    bool neg = text[0] == '-';
    uint64_t v = 0;
    bool overflow = false;
    for (size_t i = neg; i < text.size(); ++i) {
      uint64_t d = text[i] - '0';
      if (v > (UINT64_MAX - d) / 10) {
        overflow = true;
        break;
      }
      v = v * 10 + d;
    }
    if (!overflow && !neg) {
      *out = static_cast<nlohmann::json::number_unsigned_t>(v);
      return true;
    }
    if (!overflow && v <= static_cast<uint64_t>(INT64_MAX) + 1) {
      *out = static_cast<nlohmann::json::number_integer_t>(0 - v);
      return true;
    }
  }
  double d = std::strtod(text.c_str(), nullptr);
  if (!std::isfinite(d)) return Fail("number out of range: " + text.substr(0, 40));
  *out = d;
  return true;
}

bool JsonLexer::ReadLiteral(nlohmann::json* out) {
  const char* word = *p_ == 't' ? "true" : *p_ == 'f' ? "false" : "null";
  size_t n = std::strlen(word);
  Ensure(n);
  for (size_t k = 0; k < n; ++k) {
    if (p_ >= end_) return Fail("unexpected end of input in literal");
    if (*p_ != word[k]) return Fail(std::string("invalid literal; expected '") + word + "'");
    ++p_;
  }
  if (out) {
    if (word[0] == 'n') *out = nullptr;
    else *out = word[0] == 't';
  }
  return true;
}

void JsonKeySet::Clear() {
  filter_ = 0;
  bytes_.clear();
  entries_.clear();
  hashes_.clear();
  table_.clear();
}

bool JsonKeySet::Same(const Entry& e, uint64_t head, std::string_view key) const {
  return e.head == head && e.size == key.size() &&
         (key.size() <= 8 || std::memcmp(bytes_.data() + e.offset + 8, key.data() + 8, key.size() - 8) == 0);
}

// Re-sizes the table to at least four slots per entry and re-inserts all.
void JsonKeySet::Rebuild() {
  size_t n = 64;
  while (n < 4 * (entries_.size() + 1)) n *= 2;
  table_.assign(n, 0);
  while (hashes_.size() < entries_.size()) {
    const Entry& e = entries_[hashes_.size()];
    hashes_.push_back(std::hash<std::string_view>{}(std::string_view(bytes_).substr(e.offset, e.size)));
  }
  for (uint32_t i = 0; i < entries_.size(); ++i) {
    size_t slot = hashes_[i] & (n - 1);
    while (table_[slot]) slot = (slot + 1) & (n - 1);
    table_[slot] = i + 1;
  }
}

bool JsonKeySet::InsertHashed(std::string_view key, uint64_t head) {
  if (table_.size() < 2 * (entries_.size() + 1)) Rebuild();
  const uint64_t h = std::hash<std::string_view>{}(key);
  const size_t mask = table_.size() - 1;
  size_t slot = h & mask;
  for (; table_[slot]; slot = (slot + 1) & mask) {
    uint32_t i = table_[slot] - 1;
    if (hashes_[i] == h && Same(entries_[i], head, key)) return false;
  }
  table_[slot] = static_cast<uint32_t>(entries_.size()) + 1;
  hashes_.push_back(h);
  return true;
}

bool JsonKeySet::Insert(std::string_view key) {
  uint64_t head = 0;
  std::memcpy(&head, key.data(), key.size() < 8 ? key.size() : 8);
  if (entries_.size() < kLinear) {
    const uint64_t bit = 1ULL << (((head + key.size()) * 0x9e3779b97f4a7c15ULL) >> 58);
    if (filter_ & bit) {
      for (const Entry& e : entries_)
        if (Same(e, head, key)) return false;
    }
    filter_ |= bit;
  } else if (!InsertHashed(key, head)) {
    return false;
  }
  entries_.push_back({head, static_cast<uint32_t>(bytes_.size()), static_cast<uint32_t>(key.size())});
  bytes_.append(key);
  return true;
}

std::string DuplicateKeyMessage(std::string_view key) {
  return "duplicate key " + nlohmann::json(std::string(key)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) +
         " (ambiguous: JSON readers disagree on which copy wins)";
}

}  // namespace secgate::core
