// Which address the sign-in throttle counts, with and without trusted reverse proxies.
#include <gtest/gtest.h>

#include "http/client_address.hpp"

namespace haven::http {
namespace {

namespace ip = boost::asio::ip;

TEST(ClientAddress, ParsesAddressesAndNetworksAndNamesABadEntry) {
  auto proxies = TrustedProxies::parse(" 127.0.0.1, 10.0.0.0/8 ,fd00::/8,::1");
  ASSERT_TRUE(proxies);
  EXPECT_TRUE(proxies->contains(ip::make_address("10.20.30.40")));
  EXPECT_TRUE(proxies->contains(ip::make_address("127.0.0.1")));
  EXPECT_TRUE(proxies->contains(ip::make_address("::ffff:127.0.0.1")));  // IPv4 on an IPv6 socket
  EXPECT_TRUE(proxies->contains(ip::make_address("fd12::5")));
  EXPECT_TRUE(proxies->contains(ip::make_address("::1")));
  EXPECT_FALSE(proxies->contains(ip::make_address("11.0.0.1")));
  EXPECT_FALSE(proxies->contains(ip::make_address("127.0.0.2")));
  EXPECT_TRUE(TrustedProxies::parse("")->empty());

  for (const char* bad : {"10.0.0.0/33", "proxy.example", "10.0.0.1/8x", "::1/129"}) {
    auto parsed = TrustedProxies::parse(std::string("127.0.0.1,") + bad);
    ASSERT_FALSE(parsed) << bad;
    EXPECT_NE(parsed.error().log_detail.find(bad), std::string::npos) << parsed.error().log_detail;
  }
}

struct Case {
  const char* peer;
  const char* forwarded_for;
  const char* expected;
};

TEST(ClientAddress, BelievesForwardedForOnlyFromTrustedProxiesAndOnlyUpToTheFirstUntrustedHop) {
  const auto proxies = *TrustedProxies::parse("10.0.0.0/8");
  const Case cases[] = {
      {"203.0.113.9", "", "203.0.113.9"},                           // no proxy
      {"203.0.113.9", "198.51.100.1", "203.0.113.9"},               // an untrusted peer's header is ignored
      {"10.0.0.2", "", "10.0.0.2"},                                 // the proxy itself, no header
      {"10.0.0.2", "198.51.100.1", "198.51.100.1"},                 // one proxy
      {"10.0.0.2", "198.51.100.1, 10.0.0.3", "198.51.100.1"},       // two proxies
      {"10.0.0.2", "6.6.6.6, 198.51.100.1", "198.51.100.1"},        // a forged left-most entry is not used
      {"10.0.0.2", "10.0.0.7,10.0.0.3", "10.0.0.7"},                // a client inside the proxies' network
      {"10.0.0.2", "garbage, 198.51.100.1", "198.51.100.1"},        // junk left of the real hop is never read
      {"10.0.0.2", "198.51.100.1, garbage", "10.0.0.2"},            // junk a proxy would not write: the peer
      {"::ffff:10.0.0.2", "2001:db8::1", "2001:db8::1"},            // IPv6 client through a mapped IPv4 proxy
      {"::ffff:203.0.113.9", "", "203.0.113.9"},                    // shown as the IPv4 address it is
      {"10.0.0.2", "198.51.100.1:53211", "198.51.100.1"},           // a hop written with its port
      {"10.0.0.2", "[2001:db8::7]:443, 10.0.0.3", "2001:db8::7"},   // an IPv6 hop with brackets and port
  };
  for (const auto& c : cases) {
    EXPECT_EQ(client_address_of(ip::make_address(c.peer), c.forwarded_for, proxies), c.expected)
        << c.peer << " / " << c.forwarded_for;
  }
  EXPECT_EQ(client_address_of(ip::make_address("10.0.0.2"), "198.51.100.1", TrustedProxies{}), "10.0.0.2");
}

}  // namespace
}  // namespace haven::http
