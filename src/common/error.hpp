// The one error taxonomy of Haven. Expected failures travel as values (`Result<T>`), never as
// exceptions; the HTTP layer maps an ErrorCode to a status in exactly one table
// (http/problem.cpp) and renders the message key in the request's language.
//
//   HAVEN_ASSIGN_OR_RETURN(Person p, validate_person(input, today));  // an error goes up as it is
//   HAVEN_TRY(tx.audit().append(entry));                                 // the same, for Result<void>
//   return fail(ErrorCode::validation_failed, "person.birth_date", "validation.birth_date_future");
//
// A Result is [[nodiscard]]: an error cannot be dropped by forgetting to look at it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <tl/expected.hpp>

namespace haven {

enum class ErrorCode {
  malformed_request,       // the HTTP request itself could not be read
  malformed_json,          // the body is not JSON, or too deeply nested
  invalid_utf8,            // the body or a header is not valid UTF-8
  wrong_type,              // a field has the wrong JSON type
  unknown_field,           // a field the endpoint does not accept
  missing_field,           // a required field is absent
  validation_failed,       // a value is well-formed but not acceptable (future birth date, bad name)
  payload_too_large,       // body over the limit
  unsupported_media_type,  // a body that is not JSON where JSON is expected
  headers_too_large,       // request headers over the limit
  unauthenticated,         // no valid session
  invalid_credentials,     // sign-in refused
  second_factor_required,  // the password was right; the two-step sign-in code is needed too
  forbidden,               // signed in, but not allowed
  not_found,               // no such resource, or not visible to this user
  gone,                    // it was there and is no more: a case whose file was erased
  method_not_allowed,      // the path exists, the method does not
  version_conflict,        // optimistic concurrency: the record changed since it was read
  guard_refused,           // the Minimum Standards do not allow this yet; the error names the clause
  already_exists,          // a unique value is taken (username, case code)
  rate_limited,            // too many failed attempts: wait, then try again
  busy,                    // the server is at a limit of its own (connections, sign-ins waiting): try again soon
  unavailable,             // storage or a dependency cannot answer now
  internal,                // a bug; details go to the log, never to the client
};

// A name/value pair substituted into a message ("{max}" -> "1 MiB").
struct MessageArg {
  std::string name;
  std::string value;
};

// One rule of the standards that refuses, when a refusal has more than one: each is shown at once,
// so that a plan missing three things is not refused one clause at a time.
struct RefusalDetail {
  std::string clause;
  std::string message_key;
  std::vector<MessageArg> args;
};

struct Error {
  Error() = default;
  explicit Error(ErrorCode error_code) : code(error_code) {}

  ErrorCode code = ErrorCode::internal;
  std::string field;        // dotted JSON path of the offending field, e.g. "person.birth_date"
  std::string message_key;  // catalog key (i18n/messages.cpp); empty means the code's default
  std::string clause;       // the standard's clause the refusal enforces, e.g. "II.1.a"
  std::vector<MessageArg> args;
  std::optional<std::int64_t> current_version;  // for version_conflict
  std::vector<RefusalDetail> refusals;          // guard_refused: every refusing rule, the first as `clause`
  std::string log_detail;                       // for the server log only; never sent to a client

  Error& with_arg(std::string name, std::string value) {
    args.push_back({std::move(name), std::move(value)});
    return *this;
  }
};

// tl::expected with [[nodiscard]]; it converts from and to tl::expected, so its monadic
// operations (map, and_then) still work.
template <class T>
class [[nodiscard]] Result : public tl::expected<T, Error> {
 public:
  using Base = tl::expected<T, Error>;
  using Base::Base;
  Result(const Base& other) : Base(other) {}        // NOLINT(google-explicit-constructor)
  Result(Base&& other) : Base(std::move(other)) {}  // NOLINT(google-explicit-constructor)
};

inline tl::unexpected<Error> fail(ErrorCode code, std::string field = {}, std::string message_key = {}) {
  Error e;
  e.code = code;
  e.field = std::move(field);
  e.message_key = std::move(message_key);
  return tl::unexpected<Error>(std::move(e));
}

inline tl::unexpected<Error> fail(Error e) {
  return tl::unexpected<Error>(std::move(e));
}

// For storage and library failures: the detail is logged, the client sees a generic message.
inline tl::unexpected<Error> fail_internal(ErrorCode code, std::string log_detail) {
  Error e;
  e.code = code;
  e.log_detail = std::move(log_detail);
  return tl::unexpected<Error>(std::move(e));
}

std::string_view to_string(ErrorCode code);

}  // namespace haven

#define HAVEN_CONCAT_INNER(a, b) a##b
#define HAVEN_CONCAT(a, b) HAVEN_CONCAT_INNER(a, b)

// Evaluates a Result; on an error, returns it from the enclosing function (which returns a Result).
// The temporaries are named by __COUNTER__: one HAVEN_TRY may hold a lambda that uses another.
#define HAVEN_TRY(...) HAVEN_TRY_IMPL(HAVEN_CONCAT(haven_try_, __COUNTER__), __VA_ARGS__)
#define HAVEN_TRY_IMPL(result, ...)                                          \
  do {                                                                       \
    if (auto&& result = (__VA_ARGS__); !result) [[unlikely]]                 \
      return ::tl::unexpected<::haven::Error>(std::move(result).error());     \
  } while (false)

// Declares or assigns `lhs` from the value of a Result; on an error, returns it from the enclosing
// function. `lhs` may be a declaration (`auto x`, `const auto& x`) or an existing variable.
#define HAVEN_ASSIGN_OR_RETURN(lhs, ...) \
  HAVEN_ASSIGN_OR_RETURN_IMPL(HAVEN_CONCAT(haven_result_, __COUNTER__), lhs, __VA_ARGS__)
#define HAVEN_ASSIGN_OR_RETURN_IMPL(result, lhs, ...)                     \
  auto result = (__VA_ARGS__);                                            \
  if (!result) [[unlikely]]                                               \
    return ::tl::unexpected<::haven::Error>(std::move(result).error());   \
  lhs = std::move(*result)
