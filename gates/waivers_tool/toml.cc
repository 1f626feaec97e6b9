#include "gates/waivers_tool/toml.h"

#include <cctype>

namespace secgate::waivers {

namespace {

class Parser {
 public:
  Parser(std::string_view text, const std::string& path) : t_(text), path_(path) {}

  core::Result<TomlDocument> Run() {
    TomlDocument doc;
    doc.tables.push_back({});
    while (true) {
      SkipSpaceAndComments(true);
      if (pos_ >= t_.size()) break;
      if (t_[pos_] == '[') {
        bool array = pos_ + 1 < t_.size() && t_[pos_ + 1] == '[';
        pos_ += array ? 2 : 1;
        TomlTable table;
        table.array = array;
        table.line = line_;
        std::string name;
        if (!Key(&name)) return Fail("expected a table name");
        table.name = name;
        SkipInline();
        if (!Eat(']') || (array && !Eat(']'))) return Fail(array ? "expected ']]'" : "expected ']'");
        if (!EndOfLine()) return Fail("unexpected text after the table header");
        doc.tables.push_back(std::move(table));
        continue;
      }
      std::string key;
      if (!Key(&key)) return Fail("expected a key");
      SkipInline();
      if (!Eat('=')) return Fail("expected '=' after key '" + key + "'");
      if (doc.tables.back().values.count(key)) return Fail("duplicate key '" + key + "'");
      SkipInline();
      TomlValue v;
      v.line = line_;
      if (!Value(&v, true)) return Fail(error_.empty() ? "expected a value for '" + key + "'" : error_);
      if (!EndOfLine()) return Fail("unexpected text after the value of '" + key + "'");
      doc.tables.back().values[key] = std::move(v);
    }
    return doc;
  }

 private:
  core::Error Fail(const std::string& msg) {
    return core::Error{path_ + ":" + std::to_string(line_), msg};
  }
  bool Eat(char c) {
    if (pos_ < t_.size() && t_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }
  void SkipInline() {
    while (pos_ < t_.size() && (t_[pos_] == ' ' || t_[pos_] == '\t')) ++pos_;
  }
  void SkipSpaceAndComments(bool newlines) {
    while (pos_ < t_.size()) {
      char c = t_[pos_];
      if (c == ' ' || c == '\t' || c == '\r') ++pos_;
      else if (c == '\n' && newlines) { ++pos_; ++line_; }
      else if (c == '#') { while (pos_ < t_.size() && t_[pos_] != '\n') ++pos_; }
      else break;
    }
  }
  bool EndOfLine() {
    SkipSpaceAndComments(false);
    if (pos_ >= t_.size()) return true;
    if (t_[pos_] == '\n') {
      ++pos_;
      ++line_;
      return true;
    }
    return false;
  }
  bool Key(std::string* out) {
    out->clear();
    while (true) {
      SkipInline();
      std::string part;
      if (pos_ < t_.size() && (t_[pos_] == '"' || t_[pos_] == '\'')) {
        if (!String(&part, false)) return false;
      } else {
        size_t s = pos_;
        while (pos_ < t_.size() && (std::isalnum(static_cast<unsigned char>(t_[pos_])) ||
                                    t_[pos_] == '_' || t_[pos_] == '-'))
          ++pos_;
        if (s == pos_) return false;
        part = std::string(t_.substr(s, pos_ - s));
      }
      *out += (out->empty() ? "" : ".") + part;
      SkipInline();
      if (!Eat('.')) return true;
    }
  }
  bool String(std::string* out, bool multiline_ok) {
    char q = t_[pos_];
    bool multi = t_.substr(pos_, 3) == std::string(3, q);
    if (multi && !multiline_ok) return false;
    pos_ += multi ? 3 : 1;
    if (multi && pos_ < t_.size() && t_[pos_] == '\n') { ++pos_; ++line_; }
    while (pos_ < t_.size()) {
      char c = t_[pos_];
      if (multi ? t_.substr(pos_, 3) == std::string(3, q) : c == q) {
        pos_ += multi ? 3 : 1;
        return true;
      }
      if (c == '\n') {
        if (!multi) { error_ = "newline inside a string"; return false; }
        ++line_;
      }
      if (c == '\\' && q == '"') {
        if (++pos_ >= t_.size()) break;
        char e = t_[pos_++];
        switch (e) {
          case 'n': *out += '\n'; break;
          case 't': *out += '\t'; break;
          case 'r': *out += '\r'; break;
          case '"': *out += '"'; break;
          case '\\': *out += '\\'; break;
          case '\n':  // line-ending backslash: drop the newline and leading white space
            ++line_;
            while (pos_ < t_.size() && std::isspace(static_cast<unsigned char>(t_[pos_])))
              line_ += t_[pos_++] == '\n';
            break;
          default: error_ = std::string("unsupported escape '\\") + e + "'"; return false;
        }
        continue;
      }
      *out += c;
      ++pos_;
    }
    error_ = "unterminated string";
    return false;
  }
  bool Value(TomlValue* v, bool allow_array) {
    if (pos_ >= t_.size()) return false;
    char c = t_[pos_];
    if (c == '"' || c == '\'') {
      v->kind = TomlValue::Kind::kString;
      return String(&v->text, true);
    }
    if (c == '[') {
      if (!allow_array) { error_ = "nested arrays are not supported"; return false; }
      ++pos_;
      v->kind = TomlValue::Kind::kArray;
      while (true) {
        SkipSpaceAndComments(true);
        if (Eat(']')) return true;
        TomlValue item;
        item.line = line_;
        if (!Value(&item, false)) return false;
        v->items.push_back(std::move(item));
        SkipSpaceAndComments(true);
        if (Eat(']')) return true;
        if (!Eat(',')) { error_ = "expected ',' or ']' in an array"; return false; }
      }
    }
    if (c == '{') { error_ = "inline tables are not supported"; return false; }
    size_t s = pos_;
    while (pos_ < t_.size() && t_[pos_] != '\n' && t_[pos_] != '#' && t_[pos_] != ',' &&
           t_[pos_] != ']' && t_[pos_] != '\r')
      ++pos_;
    std::string word(t_.substr(s, pos_ - s));
    while (!word.empty() && (word.back() == ' ' || word.back() == '\t')) word.pop_back();
    v->text = word;
    if (word == "true" || word == "false") { v->kind = TomlValue::Kind::kBool; return true; }
    if (word.size() >= 10 && word[4] == '-' && word[7] == '-') { v->kind = TomlValue::Kind::kDate; return true; }
    bool num = !word.empty();
    bool flt = false;
    for (size_t i = 0; i < word.size(); ++i) {
      char ch = word[i];
      if (std::isdigit(static_cast<unsigned char>(ch)) || ch == '_' || ((ch == '+' || ch == '-') && i == 0)) continue;
      if (ch == '.' || ch == 'e' || ch == 'E') { flt = true; continue; }
      num = false;
    }
    if (!num) { error_ = "unsupported value '" + word + "'"; return false; }
    v->kind = flt ? TomlValue::Kind::kFloat : TomlValue::Kind::kInteger;
    return true;
  }

  std::string_view t_;
  const std::string& path_;
  size_t pos_ = 0;
  int line_ = 1;
  std::string error_;
};

}  // namespace

core::Result<TomlDocument> ParseToml(std::string_view text, const std::string& path) {
  return Parser(text, path).Run();
}

}  // namespace secgate::waivers
