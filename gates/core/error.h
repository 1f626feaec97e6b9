// Error and Result<T>: how every fallible core function reports failure.
//
// Pipeline position: everywhere. Core code never prints and never exits; a
// function that can fail returns Result<T> (a value or an Error). The gate's
// main turns the first Error into one stderr line and exit code 2:
//
//   secgate-vuln: error: report.json:/Results/0/Target: expected string, got number
//
//   Result<Policy> p = LoadPolicyFile("secgate.yaml");
//   if (!p) return Fail(p.error());
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace secgate::core {

/// What went wrong and where. `where` names the file and, when known, the
/// position inside it (":12" for a line, ":/a/0/b" for a JSON pointer).
struct Error {
  std::string where;    ///< "file.json:/Results/0" or "secgate.yaml:4"; may be empty.
  std::string message;  ///< "expected string, got number".

  /// "where: message", or just the message when `where` is empty.
  std::string ToString() const {
    return where.empty() ? message : where + ": " + message;
  }
};

/// A value of type T, or the Error that prevented it.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}        // NOLINT: implicit by design.
  Result(Error error) : v_(std::move(error)) {}    // NOLINT: implicit by design.

  bool ok() const { return std::holds_alternative<T>(v_); }
  explicit operator bool() const { return ok(); }

  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  const Error& error() const { return std::get<Error>(v_); }

 private:
  std::variant<T, Error> v_;
};

/// Result for functions that produce no value.
struct Ok {};
using Status = Result<Ok>;

// The assign-or-return / return-if-error pair. `lhs` may declare:
//   SECGATE_ASSIGN_OR_RETURN(std::string id, ReadId(t));
//   SECGATE_RETURN_IF_ERROR(Check(t));
#define SECGATE_CONCAT_INNER_(a, b) a##b
#define SECGATE_CONCAT_(a, b) SECGATE_CONCAT_INNER_(a, b)
#define SECGATE_ASSIGN_OR_RETURN_IMPL_(tmp, lhs, expr) \
  auto tmp = (expr);                                   \
  if (!tmp) return tmp.error();                        \
  lhs = std::move(*tmp)
#define SECGATE_ASSIGN_OR_RETURN(lhs, expr) \
  SECGATE_ASSIGN_OR_RETURN_IMPL_(SECGATE_CONCAT_(secgate_result_, __LINE__), lhs, expr)
#define SECGATE_RETURN_IF_ERROR(expr)             \
  do {                                            \
    auto secgate_status_ = (expr);                \
    if (!secgate_status_) return secgate_status_.error(); \
  } while (0)

}  // namespace secgate::core
