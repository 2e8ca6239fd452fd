// RFC 9457 problem+json answers, and the one table that maps Haven's error codes to HTTP status.
// A handler never picks a status for an error by hand: it returns the Error and this file decides.
//
//   return problem_response(error, lang);   // 422 {"type":..., "code":"validation_failed", "field":...}
#pragma once

#include "common/error.hpp"
#include "http/message.hpp"
#include "i18n/messages.hpp"

namespace haven::http {

Status status_for(ErrorCode code);

Response problem_response(const Error& error, i18n::Language language, unsigned http_version = 11);

}  // namespace haven::http
