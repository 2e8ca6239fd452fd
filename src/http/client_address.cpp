#include "http/client_address.hpp"

#include <boost/asio/ip/address_v6.hpp>

namespace haven::http {
namespace {

namespace ip = boost::asio::ip;

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

// "1.2.3.4:5678" and "[2001:db8::1]:443", as some proxies write a hop, without the port.
std::string_view without_port(std::string_view hop) {
  if (!hop.empty() && hop.front() == '[') {
    const auto close = hop.find(']');
    return close == std::string_view::npos ? hop : hop.substr(1, close - 1);
  }
  const auto colon = hop.find(':');
  if (colon != std::string_view::npos && hop.find(':', colon + 1) == std::string_view::npos) return hop.substr(0, colon);
  return hop;  // IPv6 without brackets, or no port
}

// An IPv4 peer may reach an IPv6 socket as ::ffff:a.b.c.d; compare it as the IPv4 address it is.
ip::address unmapped(const ip::address& address) {
  if (address.is_v6() && address.to_v6().is_v4_mapped()) {
    return ip::make_address_v4(ip::v4_mapped, address.to_v6());
  }
  return address;
}

}  // namespace

Result<TrustedProxies> TrustedProxies::parse(std::string_view list) {
  TrustedProxies proxies;
  while (!list.empty()) {
    const auto comma = list.find(',');
    const std::string entry(trim(list.substr(0, comma)));
    list = comma == std::string_view::npos ? std::string_view{} : list.substr(comma + 1);
    if (entry.empty()) continue;
    boost::system::error_code ec;
    const bool is_network = entry.find('/') != std::string::npos;
    const bool is_v6 = entry.find(':') != std::string::npos;
    if (is_v6) {
      const auto network = is_network ? ip::make_network_v6(entry, ec) : ip::network_v6(ip::make_address_v6(entry, ec), 128);
      if (!ec) proxies.v6_.push_back(network.canonical());
    } else {
      const auto network = is_network ? ip::make_network_v4(entry, ec) : ip::network_v4(ip::make_address_v4(entry, ec), 32);
      if (!ec) proxies.v4_.push_back(network.canonical());
    }
    if (ec) return fail_internal(ErrorCode::validation_failed, "not an address or a network (CIDR): " + entry);
  }
  return proxies;
}

bool TrustedProxies::contains(const ip::address& address) const {
  const ip::address plain = unmapped(address);
  if (plain.is_v4()) {
    const ip::network_v4 host(plain.to_v4(), 32);
    for (const auto& network : v4_) {
      if (host == network || host.is_subnet_of(network)) return true;
    }
    return false;
  }
  const ip::network_v6 host(plain.to_v6(), 128);
  for (const auto& network : v6_) {
    if (host == network || host.is_subnet_of(network)) return true;
  }
  return false;
}

std::string client_address_of(const ip::address& peer, std::string_view forwarded_for, const TrustedProxies& proxies) {
  const std::string peer_text = unmapped(peer).to_string();
  if (forwarded_for.empty() || !proxies.contains(peer)) return peer_text;
  // Walk from the right: each hop appended the address it received the request from.
  std::string_view rest = forwarded_for;
  std::string closest = peer_text;
  while (!rest.empty()) {
    const auto comma = rest.rfind(',');
    const std::string hop(without_port(trim(comma == std::string_view::npos ? rest : rest.substr(comma + 1))));
    rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(0, comma);
    boost::system::error_code ec;
    const auto address = ip::make_address(hop, ec);
    if (ec) return peer_text;
    closest = unmapped(address).to_string();
    if (!proxies.contains(address)) return closest;
  }
  // Every hop was a trusted proxy (a client inside the proxies' own network): the left-most one.
  return closest;
}

}  // namespace haven::http
