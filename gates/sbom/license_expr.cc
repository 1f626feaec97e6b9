// SPDX license expression parser: a tokenizer and a recursive-descent parser
// whose recursion is bounded by kMaxLicenseNesting. See license_expr.h.
#include "gates/sbom/license_expr.h"

#include "gates/core/strings.h"
#include "gates/sbom/license_ids.h"

namespace secgate::sbom {

using core::Error;
using core::Result;

namespace {

enum class Tok { kWord, kAnd, kOr, kWith, kOpen, kClose, kEnd };

struct Token {
  Tok kind;
  std::string text;
  size_t column;  // 1-based
};

bool IsWordChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         c == '.' || c == '-' || c == '+' || c == ':';
}

std::string Printable(char c) {
  if (c >= 0x21 && c <= 0x7e) return std::string("'") + c + "'";
  static const char kHex[] = "0123456789abcdef";
  unsigned char u = static_cast<unsigned char>(c);
  return std::string("byte 0x") + kHex[u >> 4] + kHex[u & 15];
}

Result<std::vector<Token>> Tokenize(std::string_view s) {
  std::vector<Token> out;
  size_t i = 0;
  while (i < s.size()) {
    char c = s[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      ++i;
    } else if (c == '(' || c == ')') {
      out.push_back({c == '(' ? Tok::kOpen : Tok::kClose, std::string(1, c), i + 1});
      ++i;
    } else if (IsWordChar(c)) {
      size_t start = i;
      while (i < s.size() && IsWordChar(s[i])) ++i;
      std::string w(s.substr(start, i - start));
      std::string l = core::AsciiLower(w);
      Tok kind = l == "and" ? Tok::kAnd : l == "or" ? Tok::kOr : l == "with" ? Tok::kWith
                                                                             : Tok::kWord;
      out.push_back({kind, std::move(w), start + 1});
    } else {
      return Error{"", "unexpected character " + Printable(c) + " at column " +
                           std::to_string(i + 1)};
    }
  }
  out.push_back({Tok::kEnd, "", s.size() + 1});
  return out;
}

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && core::EqualsIgnoreCase(s.substr(0, prefix.size()), prefix);
}

bool EndsWithNoCase(std::string_view s, std::string_view suffix) {
  return s.size() > suffix.size() &&
         core::EqualsIgnoreCase(s.substr(s.size() - suffix.size()), suffix);
}

bool IsIdString(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!IsWordChar(c) || c == '+' || c == ':') return false;
  return true;
}

// "LicenseRef-x" or "DocumentRef-d:LicenseRef-x" (kind "LicenseRef-"), or
// the same with "AdditionRef-": the canonical spelling of the reference.
Result<std::string> RefId(const std::string& w, std::string_view kind, const char* what) {
  std::string_view rest = w;
  std::string doc;
  if (StartsWithNoCase(rest, "DocumentRef-")) {
    size_t colon = rest.find(':');
    if (colon == std::string_view::npos)
      return Error{"", "'" + w + "' needs ':" + std::string(kind) + "' after the DocumentRef"};
    std::string_view doc_id = rest.substr(12, colon - 12);
    if (!IsIdString(doc_id)) return Error{"", "invalid DocumentRef in '" + w + "'"};
    doc = "DocumentRef-" + std::string(doc_id) + ":";
    rest = rest.substr(colon + 1);
  }
  if (!StartsWithNoCase(rest, kind) || !IsIdString(rest.substr(kind.size())))
    return Error{"", std::string("invalid ") + what + " reference '" + w + "'"};
  return doc + std::string(kind) + std::string(rest.substr(kind.size()));
}

Result<LicenseTerm> RefTerm(const std::string& w) {
  auto id = RefId(w, "LicenseRef-", "license");
  if (!id) return id.error();
  LicenseTerm t;
  t.ref = true;
  t.id = t.base = *id;
  return t;
}

// The right side of WITH: an SPDX exception id (canonical case) or an
// AdditionRef-. Anything else, a license id in particular, is an error: a
// term must not hide a second license where no policy looks at it.
Result<std::string> ExceptionWord(const std::string& w) {
  if (StartsWithNoCase(w, "AdditionRef-") || StartsWithNoCase(w, "DocumentRef-"))
    return RefId(w, "AdditionRef-", "addition");
  std::string canonical = FindExceptionId(w);
  if (canonical.empty())
    return Error{"", "'" + w + "' after WITH is not an SPDX license exception id (or AdditionRef-…)"};
  return canonical;
}

// Turns one word ("gpl-2.0+", "MIT", "LicenseRef-x") into a term.
Result<LicenseTerm> WordTerm(const std::string& word) {
  std::string w = word;
  bool plus = !w.empty() && w.back() == '+';
  if (plus) w.pop_back();
  if (w.find('+') != std::string::npos) return Error{"", "misplaced '+' in '" + word + "'"};
  if (StartsWithNoCase(w, "LicenseRef-") || StartsWithNoCase(w, "DocumentRef-")) {
    if (plus) return Error{"", "'+' cannot follow a license reference ('" + word + "')"};
    return RefTerm(w);
  }
  if (w.find(':') != std::string::npos || w.empty())
    return Error{"", "invalid license id '" + word + "'"};
  LicenseTerm t;
  bool suffix_later = EndsWithNoCase(w, "-or-later");
  bool suffix_only = EndsWithNoCase(w, "-only");
  std::string stem = w.substr(0, w.size() - (suffix_later ? 9 : suffix_only ? 5 : 0));
  KnownLicense k;
  if ((suffix_later || suffix_only) && IsGnuBase(stem) && FindLicenseId(stem, &k)) {
    t.base = k.id.substr(0, k.id.size() - 5);  // strip "-only"
    t.or_later = suffix_later || plus;
    t.known = true;
  } else if (FindLicenseId(w, &k)) {
    t.known = true;
    t.exception = k.exception;
    bool gnu_only = EndsWithNoCase(k.id, "-only"), gnu_later = EndsWithNoCase(k.id, "-or-later");
    if (gnu_only || gnu_later) {
      t.base = k.id.substr(0, k.id.size() - (gnu_later ? 9 : 5));
      t.or_later = gnu_later || plus;
    } else {
      t.base = k.id;
      t.or_later = plus;
    }
  } else {
    t.base = w;
    t.or_later = plus;
  }
  if (IsGnuBase(t.base)) t.id = t.base + (t.or_later ? "-or-later" : "-only");
  else t.id = t.base + (t.or_later ? "+" : "");
  return t;
}

class Parser {
 public:
  explicit Parser(std::vector<Token> toks) : toks_(std::move(toks)) {}

  Result<LicenseExpression> Run() {
    if (toks_.front().kind == Tok::kEnd) return Error{"", "empty license expression"};
    auto root = ParseBinary(Tok::kOr, 0);
    if (!root) return root.error();
    if (Peek().kind != Tok::kEnd) return Unexpected("an operator");
    expr_.root = *root;
    return std::move(expr_);
  }

 private:
  const Token& Peek() const { return toks_[pos_]; }

  Error Unexpected(const std::string& wanted) const {
    const Token& t = Peek();
    std::string got = t.kind == Tok::kEnd ? "end of expression"
                                          : "'" + t.text + "' at column " + std::to_string(t.column);
    std::string after = pos_ > 0 ? " after '" + toks_[pos_ - 1].text + "'" : "";
    return Error{"", "expected " + wanted + after + ", got " + got};
  }

  // kOr: or-expr over and-exprs; kAnd: and-expr over with-exprs.
  Result<int> ParseBinary(Tok op, int depth) {
    std::vector<int> parts;
    while (true) {
      auto part = op == Tok::kOr ? ParseBinary(Tok::kAnd, depth) : ParsePrimary(depth);
      if (!part) return part.error();
      // Flatten "A AND (B AND C)" into one node.
      LicenseNode::Kind kind = op == Tok::kOr ? LicenseNode::Kind::kOr : LicenseNode::Kind::kAnd;
      if (expr_.nodes[*part].kind == kind) {
        for (int c : expr_.nodes[*part].children) parts.push_back(c);
      } else {
        parts.push_back(*part);
      }
      if (Peek().kind != op) break;
      ++pos_;
    }
    if (parts.size() == 1) return parts[0];
    LicenseNode n;
    n.kind = op == Tok::kOr ? LicenseNode::Kind::kOr : LicenseNode::Kind::kAnd;
    n.children = std::move(parts);
    expr_.nodes.push_back(std::move(n));
    return static_cast<int>(expr_.nodes.size() - 1);
  }

  Result<int> ParsePrimary(int depth) {
    const Token& t = Peek();
    if (t.kind == Tok::kOpen) {
      if (depth >= kMaxLicenseNesting)
        return Error{"", "parentheses nested deeper than " + std::to_string(kMaxLicenseNesting)};
      size_t open_col = t.column;
      ++pos_;
      auto inner = ParseBinary(Tok::kOr, depth + 1);
      if (!inner) return inner.error();
      if (Peek().kind != Tok::kClose) {
        if (Peek().kind == Tok::kEnd)
          return Error{"", "missing ')' for '(' at column " + std::to_string(open_col)};
        return Unexpected("')' or an operator");
      }
      ++pos_;
      return inner;
    }
    if (t.kind != Tok::kWord) return Unexpected("a license id");
    auto term = WordTerm(t.text);
    if (!term) return term.error();
    ++pos_;
    if (Peek().kind == Tok::kWith) {
      ++pos_;
      if (Peek().kind != Tok::kWord) return Unexpected("an exception id");
      if (!term->exception.empty())
        return Error{"", "'" + toks_[pos_ - 2].text + "' already names an exception"};
      auto ex = ExceptionWord(Peek().text);
      if (!ex) return ex.error();
      term->exception = std::move(*ex);
      ++pos_;
    }
    LicenseNode n;
    n.term = std::move(*term);
    expr_.nodes.push_back(std::move(n));
    return static_cast<int>(expr_.nodes.size() - 1);
  }

  std::vector<Token> toks_;
  size_t pos_ = 0;
  LicenseExpression expr_;
};

}  // namespace

std::string LicenseTerm::ToString() const {
  return exception.empty() ? id : id + " WITH " + exception;
}

std::string LicenseExpression::ToString() const { return root < 0 ? "" : ToString(root); }

std::string LicenseExpression::ToString(int node) const {
  const LicenseNode& n = nodes[node];
  if (n.kind == LicenseNode::Kind::kTerm) return n.term.ToString();
  bool is_and = n.kind == LicenseNode::Kind::kAnd;
  std::string out;
  for (int c : n.children) {
    if (!out.empty()) out += is_and ? " AND " : " OR ";
    bool parens = is_and && nodes[c].kind == LicenseNode::Kind::kOr;
    out += parens ? "(" + ToString(c) + ")" : ToString(c);
  }
  return out;
}

std::vector<const LicenseTerm*> LicenseExpression::Terms() const {
  std::vector<const LicenseTerm*> out;
  if (root < 0) return out;
  std::vector<int> stack{root};  // depth-first, left to right
  while (!stack.empty()) {
    int i = stack.back();
    stack.pop_back();
    const LicenseNode& n = nodes[i];
    if (n.kind == LicenseNode::Kind::kTerm) out.push_back(&n.term);
    for (auto it = n.children.rbegin(); it != n.children.rend(); ++it) stack.push_back(*it);
  }
  return out;
}

Result<LicenseExpression> ParseLicenseExpression(std::string_view text) {
  auto toks = Tokenize(text);
  if (!toks) return toks.error();
  return Parser(std::move(*toks)).Run();
}

Result<LicenseTerm> ParseLicenseTerm(std::string_view text) {
  auto e = ParseLicenseExpression(text);
  if (!e) return e.error();
  const LicenseNode& root = e->nodes[e->root];
  if (root.kind != LicenseNode::Kind::kTerm)
    return Error{"", "expected one license id, got the expression '" + e->ToString() + "'"};
  return root.term;
}

}  // namespace secgate::sbom
