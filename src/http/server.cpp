#include "http/server.hpp"

#include <algorithm>
#include <array>
#include <csignal>
#include <thread>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/string.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>
#include <openssl/ssl.h>
#include <spdlog/spdlog.h>

#include "common/human_size.hpp"
#include "domain/document.hpp"
#include "http/header_check.hpp"
#include "http/problem.hpp"
#include "storage/pending_commit.hpp"

namespace haven::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
using tcp = asio::ip::tcp;
using asio::as_tuple;
using asio::use_awaitable;

namespace {

// 32 KiB/s (256 kbit/s): a 10 MiB document gets five minutes more than a JSON body to arrive or leave.
constexpr std::size_t kSlowestUploadBytesPerSecond = 32 * 1024;
// Bodies past max_body (documents) read at once, server-wide: each holds up to 10 MiB while it comes.
constexpr int kLargeBodiesAtOnce = 8;

// The time beyond request_timeout a body of `bytes` gets to arrive or leave: none up to max_body.
std::chrono::seconds transfer_allowance(std::size_t bytes, std::size_t max_body) {
  return std::chrono::seconds(bytes > max_body ? bytes / kSlowestUploadBytesPerSecond : 0);
}

// One of the kLargeBodiesAtOnce places, held while the body is read and answered.
class LargeBody {
 public:
  explicit LargeBody(std::atomic<int>& taken) : taken_(taken), admitted_(taken_.fetch_add(1) < kLargeBodiesAtOnce) {}
  ~LargeBody() { taken_.fetch_sub(1); }
  LargeBody(const LargeBody&) = delete;
  LargeBody& operator=(const LargeBody&) = delete;
  bool admitted() const { return admitted_; }

 private:
  std::atomic<int>& taken_;
  bool admitted_;
};

// Handlers spend most of their time waiting on the database (a commit's fsync), not computing, so
// there are more of them than cores: the waiting ones join the same group commit (storage/sqlite).
std::size_t worker_count(std::size_t asked) {
  if (asked > 0) return asked;
  const unsigned cores = std::thread::hardware_concurrency();
  // 16 per core measured best on the 2-core machine (docs/performance.md: 8, 32 and 64 tried).
  return std::clamp<std::size_t>(16 * std::size_t{cores == 0 ? 2 : cores}, 8, 64);
}

std::size_t io_thread_count(std::size_t asked) {
  if (asked > 0) return std::min<std::size_t>(asked, 64);
  const unsigned cores = std::thread::hardware_concurrency();
  return std::clamp<std::size_t>(cores == 0 ? 2 : cores, 1, 16);
}

// An answer the transport gives by itself (no request could be handed to the API): the request's
// language is not known, so Vietnamese, the default. The connection is closed after it.
Response transport_problem(const Api& api, ErrorCode code, std::size_t limit, std::string message_key = {}) {
  Error e;
  e.code = code;
  e.message_key = std::move(message_key);
  if (limit > 0) e.with_arg("max", human_size(limit));
  Response response = problem_response(e, i18n::Language::vi);
  response.keep_alive(false);
  api.add_answer_headers(response);
  return response;
}

// After an answer the transport gives by itself (413, 431, 503), the client may still be sending.
// Closing with unread input makes the kernel reset the connection, and the client often never reads
// the answer; so stop sending, then read and discard for a short while before closing.
asio::awaitable<void> drain_and_close(beast::tcp_stream& stream) {
  constexpr std::size_t kMaxDrainBytes = 16 * 1024 * 1024;
  boost::system::error_code ignored;
  stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
  stream.expires_after(std::chrono::seconds{2});
  std::array<char, 16 * 1024> sink{};
  std::size_t drained = 0;
  while (drained < kMaxDrainBytes) {
    auto [ec, n] = co_await stream.async_read_some(asio::buffer(sink), as_tuple(use_awaitable));
    if (ec) break;
    drained += n;
  }
  stream.socket().close(ignored);
}

// Runs on the worker pool: the coroutine is spawned on the pool's executor.
asio::awaitable<Api::Answer> answer_on_worker(const Api* api, Request request, std::string client_address) {
  co_return api->answer(request, client_address);
}

// The outcome of a deferred commit, awaited on the connection's own lane without holding a thread:
// the committing thread posts it back. Not a coroutine itself: written as one, ending in
// `co_return co_await`, GCC 12's build destroyed its parameter twice (AddressSanitizer caught it).
asio::awaitable<Result<void>> committed(std::shared_ptr<storage::PendingCommit> pending) {
  return asio::async_initiate<decltype(use_awaitable), void(Result<void>)>(
      [pending = std::move(pending)](auto handler) {
        // Tracked: the lane's io_context must not run out of work, and return, while a commit is on its way.
        auto lane = asio::prefer(asio::get_associated_executor(handler), asio::execution::outstanding_work.tracked);
        // The awaiting handler can only be moved; the continuation is copied into a std::function.
        auto shared = std::make_shared<decltype(handler)>(std::move(handler));
        pending->then([shared, lane](const Result<void>& outcome) mutable {
          // The tracked executor travels with the posted handler, so that the lane's own thread, not
          // the committer, lets go of the lane's last work.
          const auto target = lane;
          asio::post(target, [shared, outcome, work = std::move(lane)] { std::move(*shared)(outcome); });
        });
      },
      use_awaitable);
}

// Reads until the buffer holds a whole header (the blank line that ends it), or more than `limit`
// bytes without one (header_limit, answered 431 like Beast's own).
template <class Stream>
asio::awaitable<boost::system::error_code> read_until_header_end(Stream& stream, beast::flat_buffer& buffer,
                                                                 std::size_t limit) {
  for (;;) {
    const std::string_view seen(static_cast<const char*>(buffer.data().data()), buffer.size());
    if (seen.find("\r\n\r\n") != std::string_view::npos || seen.find("\n\n") != std::string_view::npos) {
      co_return boost::system::error_code{};
    }
    if (seen.size() > limit) co_return boost::system::error_code{beast_http::error::header_limit};
    auto [ec, n] = co_await stream.async_read_some(buffer.prepare(std::min<std::size_t>(limit + 4 - seen.size(), 4096)),
                                                   as_tuple(use_awaitable));
    if (ec) co_return ec;
    buffer.commit(n);
  }
}

// The header as read so far, up to the blank line that ends it.
std::string_view header_text(const beast::flat_buffer& buffer) {
  const std::string_view seen(static_cast<const char*>(buffer.data().data()), buffer.size());
  const auto crlf = seen.find("\r\n\r\n");
  const auto lf = seen.find("\n\n");
  return seen.substr(0, std::min(crlf, lf));
}

// Every X-Forwarded-For line, in order, as one list: a proxy may add its own line rather than extend
// the client's, and reading only the first line would read the client's forgery.
std::string forwarded_for(const Request& request) {
  std::string joined;
  const auto [first, last] = request.equal_range("X-Forwarded-For");
  for (auto it = first; it != last; ++it) {
    if (!joined.empty()) joined += ',';
    joined.append(it->value().data(), it->value().size());
  }
  return joined;
}

// TLS 1.2 and 1.3 only, with forward-secret AEAD suites for 1.2 (1.3's are all of that kind).
Result<std::unique_ptr<asio::ssl::context>> tls_context(const std::string& certificate_file, const std::string& key_file) {
  auto context = std::make_unique<asio::ssl::context>(asio::ssl::context::tls_server);
  boost::system::error_code ec;
  context->set_options(asio::ssl::context::default_workarounds | asio::ssl::context::no_sslv2 |
                           asio::ssl::context::no_sslv3 | asio::ssl::context::no_tlsv1 | asio::ssl::context::no_tlsv1_1 |
                           asio::ssl::context::single_dh_use | SSL_OP_NO_RENEGOTIATION,
                       ec);
  SSL_CTX_set_min_proto_version(context->native_handle(), TLS1_2_VERSION);
  SSL_CTX_set_cipher_list(context->native_handle(), "ECDHE+AESGCM:ECDHE+CHACHA20");
  if (!ec) context->use_certificate_chain_file(certificate_file, ec);
  if (ec) {
    return fail_internal(ErrorCode::unavailable, "cannot load the TLS certificate " + certificate_file + ": " + ec.message());
  }
  context->use_private_key_file(key_file, asio::ssl::context::pem, ec);
  if (ec) return fail_internal(ErrorCode::unavailable, "cannot load the TLS private key " + key_file + ": " + ec.message());
  if (SSL_CTX_check_private_key(context->native_handle()) != 1) {
    return fail_internal(ErrorCode::unavailable, "the TLS private key " + key_file + " does not match the certificate " +
                                                     certificate_file);
  }
  return context;
}

}  // namespace

struct Server::Lane {
  asio::io_context io{1};  // run by one thread: no locking inside Asio, nor around `connections`
  // Keeps run() going while the lane has no connection; released at shutdown.
  asio::executor_work_guard<asio::io_context::executor_type> keep_running{io.get_executor()};
  std::map<std::uint64_t, Connection> connections;  // by the connection table's ID: for shutdown and eviction
  asio::steady_timer grace{io};
};

// Keeps the count of open connections and the lane's registry used by graceful shutdown.
class Server::ConnectionRegistration {
 public:
  ConnectionRegistration(Server& server, Lane& lane, beast::tcp_stream& stream, std::uint64_t id)
      : server_(server), lane_(lane), id_(id) {
    lane_.connections[id_] = Connection{&stream, false};
  }
  ~ConnectionRegistration() {
    lane_.connections.erase(id_);
    server_.table_.remove(id_);
    if (server_.stopping_ && lane_.connections.empty()) lane_.grace.cancel();
  }
  ConnectionRegistration(const ConnectionRegistration&) = delete;
  ConnectionRegistration& operator=(const ConnectionRegistration&) = delete;
  void set_busy(bool busy) {
    lane_.connections[id_].busy = busy;
    server_.table_.set_busy(id_, busy, std::chrono::steady_clock::now());
  }

 private:
  Server& server_;
  Lane& lane_;
  std::uint64_t id_;
};

Server::Server(const Api& api, ServerOptions options)
    : api_(api),
      options_(std::move(options)),
      lanes_([count = io_thread_count(options_.io_threads)] {
        std::vector<std::unique_ptr<Lane>> lanes;
        for (std::size_t i = 0; i < count; ++i) lanes.push_back(std::make_unique<Lane>());
        return lanes;
      }()),
      workers_(worker_count(options_.workers)),
      acceptor_(lanes_.front()->io),
      signals_(lanes_.front()->io),
      table_(ConnectionLimits{options_.max_connections, options_.max_connections_per_address,
                              std::max<std::size_t>(1, options_.max_connections / 8)}) {}

Server::~Server() {
  workers_.join();
}

Result<tcp::endpoint> Server::listen() {
  if (!options_.tls_certificate_file.empty() || !options_.tls_private_key_file.empty()) {
    if (options_.tls_certificate_file.empty() || options_.tls_private_key_file.empty()) {
      return fail_internal(ErrorCode::unavailable, "TLS needs both a certificate file and its private key file");
    }
    HAVEN_ASSIGN_OR_RETURN(auto context, tls_context(options_.tls_certificate_file, options_.tls_private_key_file));
    tls_ = std::move(context);
  }
  boost::system::error_code ec;
  const auto address = asio::ip::make_address(options_.address, ec);
  if (ec) return fail_internal(ErrorCode::unavailable, "not an IP address: " + options_.address);
  const tcp::endpoint endpoint{address, options_.port};
  acceptor_.open(endpoint.protocol(), ec);
  if (!ec) acceptor_.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) acceptor_.bind(endpoint, ec);
  if (!ec) acceptor_.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) {
    return fail_internal(ErrorCode::unavailable,
                         "cannot listen on " + options_.address + ":" + std::to_string(options_.port) + ": " + ec.message());
  }
  return acceptor_.local_endpoint();
}

void Server::run() {
  if (options_.handle_signals) {
    signals_.add(SIGINT);
    signals_.add(SIGTERM);
    signals_.async_wait([this](const boost::system::error_code& ec, int signal) {
      if (ec) return;
      spdlog::info(R"({{"event":"shutdown","signal":{}}})", signal);
      begin_shutdown();
    });
  }
  asio::co_spawn(lanes_.front()->io, accept_loop(), asio::detached);
  std::vector<std::thread> threads;
  for (std::size_t i = 1; i < lanes_.size(); ++i) threads.emplace_back([lane = lanes_[i].get()] { lane->io.run(); });
  lanes_.front()->io.run();
  for (auto& thread : threads) thread.join();
  workers_.join();
}

void Server::stop() {
  asio::post(lanes_.front()->io, [this] { begin_shutdown(); });
}

void Server::begin_shutdown() {
  if (stopping_.exchange(true)) return;
  boost::system::error_code ignored;
  acceptor_.close(ignored);
  signals_.cancel(ignored);
  for (auto& lane : lanes_) asio::post(lane->io, [this, lane = lane.get()] { shut_down(*lane); });
}

void Server::shut_down(Lane& lane) {
  boost::system::error_code ignored;
  // Idle connections are closed now; busy ones finish their request and close after the response.
  for (auto& [id, connection] : lane.connections) {
    if (!connection.busy) connection.stream->socket().shutdown(tcp::socket::shutdown_both, ignored);
  }
  lane.grace.expires_after(options_.shutdown_grace);
  lane.grace.async_wait([&lane](const boost::system::error_code& ec) {
    if (ec) return;
    boost::system::error_code ignore;
    for (auto& [id, connection] : lane.connections) connection.stream->socket().close(ignore);
  });
  if (lane.connections.empty()) lane.grace.cancel();
  lane.keep_running.reset();  // run() returns once the lane's last connection has closed
}

asio::awaitable<void> Server::accept_loop() {
  while (!stopping_) {
    // Connections are dealt to the lanes in turn; each lane's thread then serves its own.
    Lane& lane = *lanes_[next_lane_];
    next_lane_ = (next_lane_ + 1) % lanes_.size();
    auto [ec, socket] = co_await acceptor_.async_accept(lane.io, as_tuple(use_awaitable));
    if (!ec && stopping_) {
      // Accepted as the shutdown began: the lane may already have stopped, and would never serve it.
      boost::system::error_code ignored;
      socket.close(ignored);
      break;
    }
    if (ec) {
      if (stopping_ || ec == asio::error::operation_aborted) break;
      // Out of file descriptors (EMFILE) leaves the connection in the backlog: retrying at once would
      // spin the accepting thread. Pause, so the connections in flight can finish and free some.
      spdlog::warn(R"({{"event":"accept_failed","error":"{}"}})", ec.message());
      asio::steady_timer pause(lanes_.front()->io, std::chrono::milliseconds(100));
      co_await pause.async_wait(as_tuple(use_awaitable));
      continue;
    }
    boost::system::error_code peer_ec;
    const auto peer = socket.remote_endpoint(peer_ec);
    const std::string address = peer_ec ? std::string() : peer.address().to_string();
    const bool capped = !peer_ec && !options_.trusted_proxies.contains(peer.address());
    const auto admitted = table_.admit(address, capped, std::chrono::steady_clock::now());
    if (!admitted.accepted) {
      asio::co_spawn(lane.io, refuse(std::move(socket)), asio::detached);
      continue;
    }
    if (admitted.evict) {
      // The lane that holds it closes it, on its own thread; each lane looks for it.
      for (auto& each : lanes_) asio::post(each->io, [this, target = each.get(), id = *admitted.evict] { evict(*target, id); });
    }
    asio::co_spawn(lane.io, serve(lane, std::move(socket), admitted.id), asio::detached);
  }
}

asio::awaitable<Response> Server::respond(Request request, std::string client_address) {
  Api::Answer answer;
  if (options_.quick_on_io_threads && api_.is_quick(request)) {
    answer = api_.answer(request, client_address);
  } else {
    answer = co_await asio::co_spawn(workers_.get_executor(),
                                     answer_on_worker(&api_, std::move(request), std::move(client_address)), use_awaitable);
  }
  Result<void> all_committed;
  for (auto& pending : answer.awaiting) {
    auto outcome = co_await committed(std::move(pending));
    if (!outcome && all_committed) all_committed = std::move(outcome);
  }
  co_return api_.finish(std::move(answer), all_committed);
}

void Server::evict(Lane& lane, std::uint64_t id) {
  const auto found = lane.connections.find(id);
  if (found == lane.connections.end() || !table_.confirm_eviction(id)) return;
  // Idle: waiting for a request that has not come, or for the rest of a header. Closing it ends its
  // coroutine, whose registration then frees the place.
  boost::system::error_code ignored;
  found->second.stream->socket().shutdown(tcp::socket::shutdown_both, ignored);
  found->second.stream->socket().close(ignored);
}

asio::awaitable<void> Server::refuse(tcp::socket socket) {
  beast::tcp_stream stream(std::move(socket));
  stream.expires_after(std::chrono::seconds{5});
  auto response = transport_problem(api_, ErrorCode::busy, 0, "error.too_many_connections");
  co_await beast_http::async_write(stream, response, as_tuple(use_awaitable));
  co_await drain_and_close(stream);
}

asio::awaitable<void> Server::serve(Lane& lane, tcp::socket socket, std::uint64_t id) {
  boost::system::error_code peer_ec;
  const auto peer = socket.remote_endpoint(peer_ec);
  const auto peer_address = peer_ec ? asio::ip::address{} : peer.address();
  if (!tls_) {
    beast::tcp_stream stream(std::move(socket));
    ConnectionRegistration registration(*this, lane, stream, id);
    co_await serve_requests(stream, registration, peer_address);
    boost::system::error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
    co_return;
  }
  beast::ssl_stream<beast::tcp_stream> stream(std::move(socket), *tls_);
  ConnectionRegistration registration(*this, lane, beast::get_lowest_layer(stream), id);
  beast::get_lowest_layer(stream).expires_after(options_.request_timeout);
  auto [handshake_ec] = co_await stream.async_handshake(asio::ssl::stream_base::server, as_tuple(use_awaitable));
  if (handshake_ec) {
    // A plain-HTTP client, a scanner, or a client that distrusts the certificate: nothing to answer.
    spdlog::debug(R"({{"event":"tls_handshake_failed","error":"{}"}})", handshake_ec.message());
    co_return;
  }
  co_await serve_requests(stream, registration, peer_address);
  beast::get_lowest_layer(stream).expires_after(std::chrono::seconds{5});
  co_await stream.async_shutdown(as_tuple(use_awaitable));
}

template <class Stream>
asio::awaitable<void> Server::serve_requests(Stream& stream, ConnectionRegistration& registration, asio::ip::address peer) {
  beast::tcp_stream& transport = beast::get_lowest_layer(stream);
  beast::flat_buffer buffer;
  while (!stopping_) {
    beast_http::request_parser<beast_http::string_body> parser;
    parser.header_limit(static_cast<std::uint32_t>(options_.max_header_bytes));
    // Beast checks a Content-Length against the limit as the header ends: until the route is known,
    // the largest body any route takes; the route's own once it is (below).
    parser.body_limit(std::max(options_.max_body_bytes, domain::kMaxDocumentBytes));

    transport.expires_after(options_.idle_timeout);
    // The header's bytes first, as they came: what a proxy in front might read differently is refused
    // before Beast, which accepts it, reads them (http/header_check.hpp).
    boost::system::error_code ec = co_await read_until_header_end(stream, buffer, options_.max_header_bytes);
    if (!ec && !header_is_unambiguous(header_text(buffer))) {
      transport.expires_after(std::chrono::seconds{5});
      auto answer = transport_problem(api_, ErrorCode::malformed_request, 0);
      co_await beast_http::async_write(stream, answer, as_tuple(use_awaitable));
      co_await drain_and_close(transport);
      co_return;
    }
    if (!ec) {
      auto [header_ec, header_bytes] = co_await beast_http::async_read_header(stream, buffer, parser, as_tuple(use_awaitable));
      ec = header_ec;
    }
    // What body the request's route takes (a document's up to 10 MiB, from a sender allowed to send
    // it), decided from the header before a byte of the body is read: a sender it is not for is
    // answered at once, and never sends 10 MiB for nothing. Asked only of a body that may be past
    // max_body (declared so, or chunked): every other request goes on as it came.
    const bool may_be_large = ec == beast_http::error::body_limit ||
                              (!ec && !parser.is_done() &&
                               parser.content_length().value_or(options_.max_body_bytes + 1) > options_.max_body_bytes);
    std::optional<Api::BodyAllowance> allowance;
    if (may_be_large) allowance = api_.body_allowance(parser.get(), options_.max_body_bytes);
    if (allowance && allowance->refusal) {
      transport.expires_after(std::chrono::seconds{5});
      co_await beast_http::async_write(stream, *allowance->refusal, as_tuple(use_awaitable));
      co_await drain_and_close(transport);
      co_return;
    }
    const std::size_t body_limit = allowance ? allowance->limit : options_.max_body_bytes;
    const auto length = !ec && parser.is_header_done() ? parser.content_length().value_or(0) : 0;
    if (!ec && !parser.is_done() && length > body_limit) ec = beast_http::error::body_limit;
    // At most kLargeBodiesAtOnce bodies past max_body are read at once, server-wide.
    std::optional<LargeBody> large;
    if (!ec && !parser.is_done() && length > options_.max_body_bytes) {
      large.emplace(large_bodies_);
      if (!large->admitted()) {
        auto answer = transport_problem(api_, ErrorCode::busy, 0, "error.too_many_connections");
        transport.expires_after(std::chrono::seconds{5});
        co_await beast_http::async_write(stream, answer, as_tuple(use_awaitable));
        co_await drain_and_close(transport);
        co_return;
      }
    }
    if (!ec && !parser.is_done()) {
      parser.body_limit(body_limit);  // a chunked body is counted as it comes
      registration.set_busy(true);
      // A document may come over a slow line: its time to arrive grows with its size, at the slowest
      // a shelter's mobile connection is expected to send (kSlowestUploadBytesPerSecond).
      transport.expires_after(options_.request_timeout + transfer_allowance(length, options_.max_body_bytes));
      // A client that waits to be told to send its body (curl does past 1 MiB) is told at once,
      // rather than after its own wait (RFC 9110 10.1.1: an HTTP/1.0 one is not).
      if (parser.get().version() >= 11 && beast::iequals(parser.get()[beast_http::field::expect], "100-continue")) {
        beast_http::response<beast_http::empty_body> go_on{beast_http::status::continue_, parser.get().version()};
        auto [continue_ec, continue_bytes] = co_await beast_http::async_write(stream, go_on, as_tuple(use_awaitable));
        ec = continue_ec;
      }
    }
    if (!ec && !parser.is_done()) {
      auto [body_ec, body_bytes] = co_await beast_http::async_read(stream, buffer, parser, as_tuple(use_awaitable));
      ec = body_ec;
    }
    if (ec) {
      std::optional<Response> answer;
      if (ec == beast_http::error::header_limit) {
        answer = transport_problem(api_, ErrorCode::headers_too_large, options_.max_header_bytes);
      } else if (ec == beast_http::error::body_limit) {
        answer = transport_problem(api_, ErrorCode::payload_too_large, body_limit);
      } else if (ec != beast_http::error::end_of_stream && ec != asio::error::eof && ec != beast::error::timeout &&
                 ec != asio::error::operation_aborted && ec != asio::error::connection_reset &&
                 ec != asio::error::not_connected && ec != asio::error::bad_descriptor &&
                 ec != asio::ssl::error::stream_truncated) {
        answer = transport_problem(api_, ErrorCode::malformed_request, 0);
      }
      if (answer) {
        transport.expires_after(std::chrono::seconds{5});
        co_await beast_http::async_write(stream, *answer, as_tuple(use_awaitable));
        co_await drain_and_close(transport);
      }
      co_return;
    }

    registration.set_busy(true);
    // Per request: a proxy's connection carries requests of many clients.
    std::string client_address =
        peer.is_unspecified() ? std::string() : client_address_of(peer, forwarded_for(parser.get()), options_.trusted_proxies);
    Response response = co_await respond(parser.release(), std::move(client_address));
    if (stopping_) response.keep_alive(false);
    // A document's answer may go over a slow line too.
    transport.expires_after(options_.request_timeout + transfer_allowance(response.body().size(), options_.max_body_bytes));
    auto [write_ec, written] = co_await beast_http::async_write(stream, response, as_tuple(use_awaitable));
    registration.set_busy(false);
    if (write_ec || !response.keep_alive()) co_return;
  }
}

}  // namespace haven::http
