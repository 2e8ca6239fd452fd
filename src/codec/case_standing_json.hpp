// The stored form of a case's standing (standards/case_standing.hpp): compact JSON, since a centre
// stores one per case. Clauses, states and reasons are stored by position: a standing is used only
// under the engine digest it was computed with (app/case_standings.cpp), so positions cannot shift
// under it; a value out of range or a form that does not read back whole is not used (the case is
// evaluated again instead).
//
//   std::string text = encode_case_standing(standing);
//   if (auto back = decode_case_standing(text)) use(*back);
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "standards/case_standing.hpp"

namespace haven::codec {

std::string encode_case_standing(const standards::CaseStanding& standing);
std::optional<standards::CaseStanding> decode_case_standing(std::string_view text);

}  // namespace haven::codec
