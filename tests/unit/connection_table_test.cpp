// Which connection the server lets go when a new one arrives (http/connection_table.hpp): one client
// never holds more than its share, idle connections go first near the limit, and only when every
// connection is busy is a newcomer refused.
#include <gtest/gtest.h>

#include "http/connection_table.hpp"

namespace haven::http {
namespace {

using Clock = std::chrono::steady_clock;
const Clock::time_point t0{};
Clock::time_point at(int seconds) { return t0 + std::chrono::seconds{seconds}; }

TEST(ConnectionTable, AClientOverItsShareLosesItsOwnLongestIdleConnection) {
  ConnectionTable table({.total = 100, .per_address = 3, .headroom = 10});
  std::vector<std::uint64_t> ids;
  for (int i = 0; i < 3; ++i) ids.push_back(table.admit("10.0.0.1", true, at(i)).id);
  auto fourth = table.admit("10.0.0.1", true, at(10));
  ASSERT_TRUE(fourth.accepted);
  EXPECT_EQ(fourth.evict, ids[0]) << "the one idle the longest";
  ASSERT_TRUE(table.confirm_eviction(ids[0]));
  table.remove(ids[0]);
  EXPECT_EQ(table.open_from("10.0.0.1"), 3U);
  // All three busy: the client waits (refused), and nobody else's connection is touched.
  for (const auto id : {ids[1], ids[2], fourth.id}) table.set_busy(id, true, at(11));
  const auto other = table.admit("10.0.0.2", true, at(12));
  EXPECT_TRUE(other.accepted);
  EXPECT_FALSE(other.evict);
  EXPECT_FALSE(table.admit("10.0.0.1", true, at(12)).accepted);
  // A trusted proxy carries many clients: no per-address share.
  for (int i = 0; i < 20; ++i) EXPECT_TRUE(table.admit("10.0.0.9", false, at(13)).accepted);
}

TEST(ConnectionTable, NearTheLimitTheBiggestHoldersIdleConnectionsGoFirst) {
  ConnectionTable table({.total = 10, .per_address = 10, .headroom = 2});
  std::vector<std::uint64_t> flood;
  for (int i = 0; i < 6; ++i) flood.push_back(table.admit("192.0.2.66", true, at(i)).id);
  const auto staff = table.admit("10.0.0.5", true, at(6)).id;
  const auto staff2 = table.admit("10.0.0.6", true, at(1)).id;  // idle as long as the flood's second
  (void)staff2;
  // 8 open: within the headroom of 10, a newcomer takes the longest-idle of the biggest holder.
  const auto newcomer = table.admit("10.0.0.7", true, at(20));
  ASSERT_TRUE(newcomer.accepted);
  EXPECT_EQ(newcomer.evict, flood[0]);
  EXPECT_NE(newcomer.evict, staff);
  // A connection that began a request meanwhile is spared, and counts again.
  table.set_busy(flood[0], true, at(21));
  EXPECT_FALSE(table.confirm_eviction(flood[0]));
}

TEST(ConnectionTable, AJustConnectedClientHasTimeToSendItsRequest) {
  ConnectionTable table({.total = 4, .per_address = 2, .headroom = 1});
  const auto first = table.admit("10.0.0.1", true, at(0)).id;
  table.admit("10.0.0.1", true, at(0));
  // A third from the same client a second later: both of its connections are still in their grace.
  EXPECT_FALSE(table.admit("10.0.0.1", true, at(1)).accepted);
  const auto later = table.admit("10.0.0.1", true, at(3));
  EXPECT_TRUE(later.accepted);
  EXPECT_EQ(later.evict, first);
}

TEST(ConnectionTable, WhenEveryConnectionIsBusyANewcomerIsRefused) {
  ConnectionTable table({.total = 4, .per_address = 4, .headroom = 1});
  for (int i = 0; i < 4; ++i) {
    const auto a = table.admit("10.0.0." + std::to_string(i), true, at(i));
    ASSERT_TRUE(a.accepted);
    table.set_busy(a.id, true, at(i));
  }
  EXPECT_FALSE(table.admit("10.0.0.9", true, at(9)).accepted);
  EXPECT_EQ(table.open(), 4U);
}

}  // namespace
}  // namespace haven::http
