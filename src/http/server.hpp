// The HTTP transport: Boost.Beast over Asio. I/O threads, one per core, each run the coroutines of
// their share of the connections (a lane: its own io_context, so a connection and its lane's registry
// are only ever touched by one thread). A request's handler runs on a worker pool, so a slow database
// write never stalls the other connections; a quick one (Pace::quick: one case or session read, its
// audit entry deferred) runs on the I/O thread itself when the store reads locally (SQLite), which
// saves two thread hand-offs. Either way an answer waits for its deferred commits without holding a
// thread, and leaves only once they are durable. Limits on header and body size, request and idle
// time, and open connections; graceful shutdown on SIGTERM/SIGINT: stop accepting, finish the requests
// in flight, close idle connections, then return so the caller can close the store. With a
// certificate file the same loop runs over TLS (OpenSSL, TLS 1.2 and later:
// docs/adr/0001-openssl-for-tls-and-totp.md).
//
//   Server server(api, {.address = "127.0.0.1", .port = 0});
//   auto endpoint = server.listen();        // the bound port, when 0 was asked for
//   server.run();                           // until stop() or a signal
#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <boost/asio/awaitable.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/beast/core/tcp_stream.hpp>

#include "common/error.hpp"
#include "http/api.hpp"
#include "http/client_address.hpp"
#include "http/connection_table.hpp"

namespace boost::asio::ssl {
class context;
}

namespace haven::http {

struct ServerOptions {
  std::string address = "127.0.0.1";
  unsigned short port = 8080;
  std::size_t workers = 0;     // 0: 16 per core, 8 to 64 (the handlers that write wait on the commit)
  std::size_t io_threads = 0;  // 0: one per core, at most 16; at most 64 whatever is asked
  // Run quick handlers on the I/O threads: for a store whose reads take no network round trip (SQLite).
  bool quick_on_io_threads = false;
  std::size_t max_body_bytes = 1024 * 1024;
  std::size_t max_header_bytes = 16 * 1024;
  std::chrono::seconds request_timeout{30};  // to receive a request's body and send its response
  std::chrono::seconds idle_timeout{60};     // a kept-alive connection with no new request
  std::size_t max_connections = 1024;
  // One client address holds at most this many (a trusted proxy, carrying many clients, is not
  // capped); near max_connections, idle connections are closed first (http/connection_table.hpp).
  std::size_t max_connections_per_address = 64;
  // After this, the sockets of requests still running are closed; their handlers still finish (the
  // store must outlive them) before run() returns.
  std::chrono::seconds shutdown_grace{10};
  bool handle_signals = true;
  // TLS from PEM files: the certificate chain (the server's certificate first) and its private key.
  // Empty: plain HTTP, for a TLS proxy in front or for a machine's own loopback.
  std::string tls_certificate_file;
  std::string tls_private_key_file;
  // The reverse proxies whose X-Forwarded-For is believed (http/client_address.hpp).
  TrustedProxies trusted_proxies;
};

class Server {
 public:
  Server(const Api& api, ServerOptions options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  Result<boost::asio::ip::tcp::endpoint> listen();
  void run();
  void stop();  // thread-safe; graceful

  std::size_t open_connections() const { return table_.open(); }

 private:
  struct Connection {
    boost::beast::tcp_stream* stream = nullptr;
    bool busy = false;
  };
  struct Lane;
  class ConnectionRegistration;

  boost::asio::awaitable<void> accept_loop();
  boost::asio::awaitable<void> serve(Lane& lane, boost::asio::ip::tcp::socket socket, std::uint64_t id);
  void evict(Lane& lane, std::uint64_t id);  // on the lane's thread
  template <class Stream>
  boost::asio::awaitable<void> serve_requests(Stream& stream, ConnectionRegistration& registration,
                                              boost::asio::ip::address peer);
  boost::asio::awaitable<Response> respond(Request request, std::string client_address);
  boost::asio::awaitable<void> refuse(boost::asio::ip::tcp::socket socket);
  void begin_shutdown();              // on the first lane's thread
  void shut_down(Lane& lane);  // on the lane's thread

  const Api& api_;
  ServerOptions options_;
  std::unique_ptr<boost::asio::ssl::context> tls_;  // set by listen() when TLS files were given
  std::vector<std::unique_ptr<Lane>> lanes_;        // the first also accepts and takes the signals
  boost::asio::thread_pool workers_;
  boost::asio::ip::tcp::acceptor acceptor_;
  boost::asio::signal_set signals_;
  std::size_t next_lane_ = 0;
  ConnectionTable table_;
  std::atomic<bool> stopping_{false};
  std::atomic<int> large_bodies_{0};  // document bodies being read (server.cpp, kLargeBodiesAtOnce)
};

}  // namespace haven::http
