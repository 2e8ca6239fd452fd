#include "domain/case_code.hpp"

namespace haven::domain {
namespace {
constexpr std::string_view kCrockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
}

std::string format_case_code(const std::array<std::uint8_t, kCaseCodeRandomBytes>& random) {
  std::uint64_t bits = 0;
  for (const std::uint8_t b : random) bits = (bits << 8U) | b;
  std::string symbols(8, '0');
  for (std::size_t i = 0; i < 8; ++i) {
    symbols[7 - i] = kCrockford[bits & 0x1FU];
    bits >>= 5U;
  }
  return "HV-" + symbols.substr(0, 4) + "-" + symbols.substr(4);
}

bool is_case_code(std::string_view text) {
  if (text.size() != 12 || text.substr(0, 3) != "HV-" || text[7] != '-') return false;
  for (std::size_t i = 3; i < text.size(); ++i) {
    if (i == 7) continue;
    if (kCrockford.find(text[i]) == std::string_view::npos) return false;
  }
  return true;
}

}  // namespace haven::domain
