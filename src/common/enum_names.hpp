// A two-way table between an enum and the stable names it has in JSON and in the database.
//
//   constexpr EnumNames<Sex, 4> kSexNames{{{{Sex::female, "female"}, {Sex::male, "male"}, ...}}};
//   kSexNames.name(Sex::male) == "male";  kSexNames.parse("male") == Sex::male;
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace haven {

template <class E, std::size_t N>
struct EnumNames {
  std::array<std::pair<E, std::string_view>, N> entries;

  constexpr std::string_view name(E value) const {
    for (const auto& [e, n] : entries) {
      if (e == value) return n;
    }
    return {};
  }

  constexpr std::optional<E> parse(std::string_view text) const {
    for (const auto& [e, n] : entries) {
      if (n == text) return e;
    }
    return std::nullopt;
  }

  // "female, male, other, unknown": for messages that list the accepted values.
  std::string joined() const {
    std::string out;
    for (const auto& [e, n] : entries) {
      if (!out.empty()) out += ", ";
      out += n;
    }
    return out;
  }
};

}  // namespace haven
