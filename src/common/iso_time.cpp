#include "common/iso_time.hpp"

#include <charconv>
#include <cstdio>

namespace haven {
namespace {

bool read_digits(std::string_view text, std::size_t pos, std::size_t count, int& out) {
  if (pos + count > text.size()) return false;
  int value = 0;
  for (std::size_t i = pos; i < pos + count; ++i) {
    const char c = text[i];
    if (c < '0' || c > '9') return false;
    value = value * 10 + (c - '0');
  }
  out = value;
  return true;
}

}  // namespace

std::optional<Date> parse_iso_date(std::string_view text) {
  int y = 0, m = 0, d = 0;
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  if (!read_digits(text, 0, 4, y) || !read_digits(text, 5, 2, m) || !read_digits(text, 8, 2, d)) {
    return std::nullopt;
  }
  const Date date{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(m)},
                  std::chrono::day{static_cast<unsigned>(d)}};
  if (!date.ok() || y < 1900) return std::nullopt;
  return date;
}

std::string format_iso_date(Date date) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
  return buffer;
}

std::optional<Timestamp> parse_iso_timestamp(std::string_view text) {
  if (text.size() < 20 || text[10] != 'T' || text[13] != ':' || text[16] != ':') return std::nullopt;
  const auto date = parse_iso_date(text.substr(0, 10));
  int hh = 0, mm = 0, ss = 0;
  if (!date || !read_digits(text, 11, 2, hh) || !read_digits(text, 14, 2, mm) ||
      !read_digits(text, 17, 2, ss) || hh > 23 || mm > 59 || ss > 59) {
    return std::nullopt;
  }
  std::size_t pos = 19;
  if (pos < text.size() && text[pos] == '.') {  // fractional seconds are accepted and dropped
    ++pos;
    const std::size_t start = pos;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') ++pos;
    if (pos == start || pos - start > 9) return std::nullopt;
  }
  int offset_minutes = 0;
  if (pos < text.size() && text[pos] == 'Z' && pos + 1 == text.size()) {
    offset_minutes = 0;
  } else if (pos + 6 == text.size() && (text[pos] == '+' || text[pos] == '-') && text[pos + 3] == ':') {
    int oh = 0, om = 0;
    if (!read_digits(text, pos + 1, 2, oh) || !read_digits(text, pos + 4, 2, om) || oh > 14 || om > 59) {
      return std::nullopt;
    }
    offset_minutes = (oh * 60 + om) * (text[pos] == '-' ? -1 : 1);
  } else {
    return std::nullopt;
  }
  const auto local = std::chrono::sys_days{*date} + std::chrono::hours{hh} + std::chrono::minutes{mm} +
                     std::chrono::seconds{ss};
  return std::chrono::time_point_cast<std::chrono::seconds>(local - std::chrono::minutes{offset_minutes});
}

std::string format_iso_timestamp(Timestamp at) {
  const auto day = std::chrono::floor<std::chrono::days>(at);
  const Date date{day};
  const std::chrono::hh_mm_ss time{at - day};
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02uT%02ld:%02ld:%02ldZ", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                static_cast<long>(time.hours().count()), static_cast<long>(time.minutes().count()),
                static_cast<long>(time.seconds().count()));
  return buffer;
}

Date date_of(Timestamp at) { return Date{std::chrono::floor<std::chrono::days>(at)}; }

int whole_years_between(Date from, Date to) {
  int years = static_cast<int>(to.year()) - static_cast<int>(from.year());
  const unsigned from_md = static_cast<unsigned>(from.month()) * 100 + static_cast<unsigned>(from.day());
  const unsigned to_md = static_cast<unsigned>(to.month()) * 100 + static_cast<unsigned>(to.day());
  if (to_md < from_md) --years;
  return years;
}

}  // namespace haven
