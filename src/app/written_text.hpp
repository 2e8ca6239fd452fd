// Text a person writes for a decision (a legal hold's reason, a declined request's): checked the same
// way everywhere, each problem naming its field.
//
//   HAVEN_TRY(require_text(reason, "reason", 1000));        // must be written
//   HAVEN_TRY(check_written_text(note, "reason", 1000));    // may be left empty
#pragma once

#include <cstddef>
#include <string_view>

#include "common/error.hpp"

namespace haven::app {

// Present (not only spaces), within `max_code_points`, no characters that could become markup.
Result<void> require_text(std::string_view text, std::string_view field, std::size_t max_code_points);
// The same, but empty is accepted.
Result<void> check_written_text(std::string_view text, std::string_view field, std::size_t max_code_points);

}  // namespace haven::app
