// ISO 8601 dates ("2009-03-14") and UTC timestamps ("2026-11-27T07:30:00Z") as the API exchanges
// them. g++ 12 has no std::chrono::parse, so the strict subset Haven accepts is parsed here.
//
//   auto d = parse_iso_date("2009-03-14");          // std::optional<std::chrono::year_month_day>
//   auto t = parse_iso_timestamp("2026-11-27T07:30:00Z");
//   std::string s = format_iso_timestamp(clock.now());
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "common/clock.hpp"

namespace haven {

using Date = std::chrono::year_month_day;

std::optional<Date> parse_iso_date(std::string_view text);
std::string format_iso_date(Date date);

// Accepts "YYYY-MM-DDTHH:MM:SSZ", optional fractional seconds, and a "+HH:MM"/"-HH:MM" offset.
std::optional<Timestamp> parse_iso_timestamp(std::string_view text);
std::string format_iso_timestamp(Timestamp at);  // always UTC with "Z"

Date date_of(Timestamp at);  // the UTC calendar date of an instant

// Whole years from `from` to `to` (a birthday on 29 February counts on 1 March in common years).
int whole_years_between(Date from, Date to);

}  // namespace haven
