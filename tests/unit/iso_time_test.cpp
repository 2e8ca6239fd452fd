#include <gtest/gtest.h>

#include "common/iso_time.hpp"

namespace haven {
namespace {

TEST(IsoTime, ParsesUtcAndOffsets) {
  const auto utc = parse_iso_timestamp("2026-11-27T07:30:00Z");
  ASSERT_TRUE(utc);
  EXPECT_EQ(format_iso_timestamp(*utc), "2026-11-27T07:30:00Z");
  const auto hanoi = parse_iso_timestamp("2026-11-27T14:30:00+07:00");
  ASSERT_TRUE(hanoi);
  EXPECT_EQ(*hanoi, *utc);
  EXPECT_TRUE(parse_iso_timestamp("2026-11-27T07:30:00.123Z"));
}

TEST(IsoTime, RefusesWhatIsNotATime) {
  for (const char* text : {"", "2026-11-27", "2026-11-27 07:30:00Z", "2026-13-01T00:00:00Z", "2026-02-30T00:00:00Z",
                           "2026-11-27T24:00:00Z", "2026-11-27T07:30:00", "2026-11-27T07:30:00+7"}) {
    EXPECT_FALSE(parse_iso_timestamp(text)) << text;
  }
}

TEST(IsoTime, ParsesDatesStrictly) {
  EXPECT_TRUE(parse_iso_date("2024-02-29"));
  EXPECT_FALSE(parse_iso_date("2023-02-29"));
  EXPECT_FALSE(parse_iso_date("14/03/2009"));
  EXPECT_FALSE(parse_iso_date("1899-12-31"));
  EXPECT_EQ(format_iso_date(*parse_iso_date("2009-03-04")), "2009-03-04");
}

TEST(IsoTime, CountsWholeYears) {
  const auto d = [](const char* t) { return *parse_iso_date(t); };
  EXPECT_EQ(whole_years_between(d("2008-11-27"), d("2026-11-26")), 17);
  EXPECT_EQ(whole_years_between(d("2008-11-27"), d("2026-11-27")), 18);
  EXPECT_EQ(whole_years_between(d("2008-02-29"), d("2026-02-28")), 17);
  EXPECT_EQ(whole_years_between(d("2008-02-29"), d("2026-03-01")), 18);
}

}  // namespace
}  // namespace haven
