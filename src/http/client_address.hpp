// Which address a request came from, for the per-address sign-in throttle. Behind a reverse proxy
// every request arrives from the proxy; the proxy names the real client in X-Forwarded-For. That
// header is believed only when the connection comes from a proxy the deployment trusts, and only up
// to the first address (from the right) that is not one of them: anything further left was written
// by the client and may be forged.
//
//   auto proxies = TrustedProxies::parse("127.0.0.1, 10.0.0.0/8");   // from --trusted-proxies
//   std::string who = client_address_of(peer, request["X-Forwarded-For"], *proxies);
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <boost/asio/ip/address.hpp>
#include <boost/asio/ip/network_v4.hpp>
#include <boost/asio/ip/network_v6.hpp>

#include "common/error.hpp"

namespace haven::http {

class TrustedProxies {
 public:
  TrustedProxies() = default;  // trusts nobody: the peer's own address is used
  // A comma-separated list of addresses and networks (CIDR), IPv4 or IPv6. The error's detail names
  // the entry that is not one.
  static Result<TrustedProxies> parse(std::string_view list);

  bool contains(const boost::asio::ip::address& address) const;
  bool empty() const { return v4_.empty() && v6_.empty(); }

 private:
  std::vector<boost::asio::ip::network_v4> v4_;
  std::vector<boost::asio::ip::network_v6> v6_;
};

// The client's address as text: the peer's, or, when the peer is a trusted proxy, the right-most
// address of X-Forwarded-For that is not a trusted proxy (the one the proxies saw). A malformed
// header falls back to the peer, so that a forged header cannot escape the throttle.
std::string client_address_of(const boost::asio::ip::address& peer, std::string_view forwarded_for,
                              const TrustedProxies& proxies);

}  // namespace haven::http
