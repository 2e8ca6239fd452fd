#include "app/written_text.hpp"

#include <string>

#include "domain/text_rules.hpp"

namespace haven::app {

Result<void> check_written_text(std::string_view text, std::string_view field, std::size_t max_code_points) {
  switch (domain::check_narrative(text, max_code_points)) {
    case domain::TextProblem::none:
    case domain::TextProblem::empty: return {};
    case domain::TextProblem::too_long: {
      Error e(ErrorCode::validation_failed);
      e.field = std::string(field);
      e.message_key = "validation.too_long";
      e.with_arg("max", std::to_string(max_code_points));
      return tl::unexpected(e);
    }
    case domain::TextProblem::forbidden_character: break;
  }
  return fail(ErrorCode::validation_failed, std::string(field), "validation.forbidden_characters");
}

Result<void> require_text(std::string_view text, std::string_view field, std::size_t max_code_points) {
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    return fail(ErrorCode::validation_failed, std::string(field), "validation.required");
  }
  return check_written_text(text, field, max_code_points);
}

}  // namespace haven::app
