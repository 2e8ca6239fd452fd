#include "common/error.hpp"

namespace haven {

std::string_view to_string(ErrorCode code) {
  switch (code) {
    case ErrorCode::malformed_request: return "malformed_request";
    case ErrorCode::malformed_json: return "malformed_json";
    case ErrorCode::invalid_utf8: return "invalid_utf8";
    case ErrorCode::wrong_type: return "wrong_type";
    case ErrorCode::unknown_field: return "unknown_field";
    case ErrorCode::missing_field: return "missing_field";
    case ErrorCode::validation_failed: return "validation_failed";
    case ErrorCode::payload_too_large: return "payload_too_large";
    case ErrorCode::unsupported_media_type: return "unsupported_media_type";
    case ErrorCode::headers_too_large: return "headers_too_large";
    case ErrorCode::unauthenticated: return "unauthenticated";
    case ErrorCode::invalid_credentials: return "invalid_credentials";
    case ErrorCode::second_factor_required: return "second_factor_required";
    case ErrorCode::forbidden: return "forbidden";
    case ErrorCode::not_found: return "not_found";
    case ErrorCode::gone: return "gone";
    case ErrorCode::method_not_allowed: return "method_not_allowed";
    case ErrorCode::version_conflict: return "version_conflict";
    case ErrorCode::guard_refused: return "guard_refused";
    case ErrorCode::already_exists: return "already_exists";
    case ErrorCode::unavailable: return "unavailable";
    case ErrorCode::rate_limited: return "rate_limited";
    case ErrorCode::busy: return "busy";
    case ErrorCode::internal: return "internal";
  }
  return "internal";
}

}  // namespace haven
