// What text Haven accepts in a name and in a short free-text field. Names are letters (any script),
// digits, spaces and the punctuation names really use; markup and statement syntax are refused so
// that a name can never carry a script or a query into a report, an export or a printed page.
//
//   check_name("Đặng Thị Hoa")            -> TextProblem::none
//   check_name("<script>alert(1)</script>") -> TextProblem::forbidden_character
#pragma once

#include <cstddef>
#include <string_view>

namespace haven::domain {

enum class TextProblem { none, empty, too_long, forbidden_character };

TextProblem check_name(std::string_view text, std::size_t max_code_points = 200);
TextProblem check_short_text(std::string_view text, std::size_t max_code_points = 300);
// Observations and findings: several lines allowed, may be empty; still no markup or controls.
inline constexpr std::size_t kMaxNarrativeCodePoints = 10000;
TextProblem check_narrative(std::string_view text, std::size_t max_code_points = kMaxNarrativeCodePoints);

}  // namespace haven::domain
