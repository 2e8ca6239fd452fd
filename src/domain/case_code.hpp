// Case codes: short, readable, unguessable. Forty random bits in Crockford's base-32 alphabet (no I,
// L, O or U, so nothing is misread aloud or on paper), grouped as "HV-XXXX-XXXX". Never a sequence
// number: a code reveals nothing about how many people a centre has received.
//
//   std::string code = format_case_code(random_bytes);   // 5 bytes from a CSPRNG
//   is_case_code("HV-7K3M-Q9PX") == true
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace haven::domain {

inline constexpr std::size_t kCaseCodeRandomBytes = 5;

std::string format_case_code(const std::array<std::uint8_t, kCaseCodeRandomBytes>& random);
bool is_case_code(std::string_view text);

}  // namespace haven::domain
