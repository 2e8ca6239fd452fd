// The transport: security headers on every answer, keep-alive, static assets with caching headers,
// graceful shutdown that finishes the request in flight.
#include <gtest/gtest.h>

#include <fstream>

#include <boost/asio/connect.hpp>
#include <boost/asio/write.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/json.hpp>

#include "support/http_client.hpp"
#include "support/test_server.hpp"

namespace haven::testing {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;

void expect_security_headers(const ClientResponse& r) {
  const std::string csp(r["Content-Security-Policy"]);
  EXPECT_NE(csp.find("default-src 'self'"), std::string::npos);
  EXPECT_NE(csp.find("script-src 'self'"), std::string::npos);
  EXPECT_EQ(csp.find("unsafe-inline"), std::string::npos);
  EXPECT_NE(csp.find("frame-ancestors 'none'"), std::string::npos);
  EXPECT_EQ(r["X-Content-Type-Options"], "nosniff");
  EXPECT_EQ(r["Referrer-Policy"], "no-referrer");
}

TEST(Transport, EveryAnswerCarriesTheSecurityHeaders) {
  TestServer server;
  HttpClient client(server.port());
  expect_security_headers(client.get("/api/v1/health"));
  expect_security_headers(client.get("/api/v1/nowhere"));
  expect_security_headers(client.get("/api/v1/cases"));
  expect_security_headers(client.post_json("/api/v1/session", "{"));
  auto huge = client.send_raw(oversized_headers_request());
  EXPECT_EQ(huge.result_int(), 431);
  expect_security_headers(huge);
}

TEST(Transport, KeepsAConnectionAliveAcrossRequests) {
  TestServer server;
  asio::io_context io;
  beast::tcp_stream stream(io);
  stream.connect(asio::ip::tcp::endpoint(asio::ip::make_address("127.0.0.1"), server.port()));
  beast::flat_buffer buffer;
  for (int i = 0; i < 3; ++i) {
    http::request<http::string_body> request{http::verb::get, "/api/v1/version", 11};
    request.set(http::field::host, "127.0.0.1");
    http::write(stream, request);
    http::response<http::string_body> response;
    http::read(stream, buffer, response);
    EXPECT_EQ(response.result_int(), 200);
    EXPECT_TRUE(response.keep_alive());
  }
}

TEST(Transport, ServesTheWebUiWithCachingHeaders) {
  TempDir web;
  std::filesystem::create_directories(web.path() / "assets");
  std::ofstream(web.path() / "index.html") << "<!doctype html><title>Haven</title>";
  std::ofstream(web.path() / "assets" / "app-abc123.js") << "console.log(1)";
  TestServer server({}, web.path());
  HttpClient client(server.port());

  auto index = client.get("/");
  EXPECT_EQ(index.result_int(), 200);
  EXPECT_EQ(index[http::field::cache_control], "no-cache");
  EXPECT_EQ(index[http::field::content_type], "text/html; charset=utf-8");
  auto asset = client.get("/assets/app-abc123.js");
  EXPECT_EQ(asset[http::field::cache_control], "public, max-age=31536000, immutable");
  auto again = client.send(http::verb::get, "/", "", {{"If-None-Match", std::string(index[http::field::etag])}});
  EXPECT_EQ(again.result_int(), 304);
  // A route of the browser's own gets the page; a missing file does not.
  EXPECT_EQ(client.get("/cases/abc").body(), index.body());
  EXPECT_EQ(client.get("/assets/missing.js").result_int(), 404);
}

TEST(Transport, GracefulShutdownFinishesTheRequestInFlight) {
  TestServer server;
  // The whole request is sent and the server has answered one request on this connection, so the
  // sign-in below is in flight, not waiting in the listen queue, when the server is told to stop.
  // (Stopping on a timer alone raced the client thread on a loaded machine.)
  asio::io_context io;
  asio::ip::tcp::socket socket(io);
  socket.connect({asio::ip::make_address("127.0.0.1"), server.port()});
  beast::flat_buffer buffer;
  auto exchange = [&](http::verb method, const std::string& target, const std::string& body) {
    http::request<http::string_body> request{method, target, 11};
    request.set(http::field::host, "127.0.0.1");
    if (!body.empty()) request.set(http::field::content_type, "application/json");
    request.body() = body;
    request.prepare_payload();
    http::write(socket, request);
  };
  exchange(http::verb::get, "/api/v1/health", "");
  http::response<http::string_body> health;
  http::read(socket, buffer, health);
  ASSERT_EQ(health.result_int(), 200);
  // Signing in costs an Argon2id hash: long enough to stop the server while it runs.
  exchange(http::verb::post, "/api/v1/session", TestServer::credentials("worker1"));
  std::jthread stopper([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    server.stop();
  });
  http::response<http::string_body> signed_in;
  http::read(socket, buffer, signed_in);
  stopper.join();
  EXPECT_EQ(signed_in.result_int(), 200);
  HttpClient client(server.port());
  EXPECT_THROW(client.get("/api/v1/health"), beast::system_error);  // and then it is gone
}

// Connections are dealt to the I/O threads in turn: with three of them, six kept-alive connections are
// all served, quick requests and others, and a shutdown closes the idle ones of every thread, then
// returns.
TEST(Transport, EveryIoThreadServesItsConnectionsAndClosesThemAtShutdown) {
  haven::http::ServerOptions options;
  options.io_threads = 3;
  TestServer server(options);
  asio::io_context io;
  std::vector<beast::tcp_stream> streams;
  beast::flat_buffer buffer;
  for (int i = 0; i < 6; ++i) {
    streams.emplace_back(io);
    streams.back().connect(asio::ip::tcp::endpoint(asio::ip::make_address("127.0.0.1"), server.port()));
  }
  for (int round = 0; round < 2; ++round) {
    for (auto& stream : streams) {
      http::request<http::string_body> request{http::verb::get, round == 0 ? "/api/v1/version" : "/api/v1/cases", 11};
      request.set(http::field::host, "127.0.0.1");
      http::write(stream, request);
      http::response<http::string_body> response;
      http::read(stream, buffer, response);
      EXPECT_EQ(response.result_int(), round == 0 ? 200 : 401);  // inline on the I/O thread, then on a worker
      EXPECT_TRUE(response.keep_alive());
    }
  }
  EXPECT_EQ(server.open_connections(), 6u);
  server.stop();  // returns once the server has: every connection was idle
  for (auto& stream : streams) {
    http::response<http::string_body> response;
    beast::error_code ec;
    http::read(stream, buffer, response, ec);
    EXPECT_TRUE(ec == http::error::end_of_stream || ec == asio::error::connection_reset || ec == asio::error::eof)
        << ec.message();
  }
}

TEST(Transport, RefusesConnectionsBeyondTheLimitAndRecovers) {
  haven::http::ServerOptions options;
  options.max_connections = 2;
  TestServer server(options);
  asio::io_context io;
  const asio::ip::tcp::endpoint endpoint(asio::ip::make_address("127.0.0.1"), server.port());
  asio::ip::tcp::socket first(io), second(io);
  first.connect(endpoint);
  second.connect(endpoint);
  std::this_thread::sleep_for(std::chrono::milliseconds(200));  // let the server accept both

  HttpClient client(server.port(), "en");
  auto refused = client.get("/api/v1/health");
  EXPECT_EQ(refused.result_int(), 503);
  EXPECT_EQ(boost::json::parse(refused.body()).at("detail").as_string(),
            "Máy chủ đang quá tải. Hãy thử lại sau ít giây; dữ liệu của bạn chưa bị mất.");

  first.close();
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  EXPECT_EQ(client.get("/api/v1/health").result_int(), 200);
}

TEST(Transport, DropsAClientThatNeverFinishesItsRequest) {
  haven::http::ServerOptions options;
  options.request_timeout = std::chrono::seconds{1};
  options.idle_timeout = std::chrono::seconds{1};
  TestServer server(options);
  asio::io_context io;
  asio::ip::tcp::socket socket(io);
  socket.connect(asio::ip::tcp::endpoint(asio::ip::make_address("127.0.0.1"), server.port()));
  const std::string partial = "POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{";
  asio::write(socket, asio::buffer(partial));
  const auto started = std::chrono::steady_clock::now();
  char byte = 0;
  boost::system::error_code ec;
  socket.read_some(asio::buffer(&byte, 1), ec);  // blocks until the server gives up on us
  EXPECT_TRUE(ec == asio::error::eof || ec == asio::error::connection_reset) << ec.message();
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds{10});
  EXPECT_EQ(HttpClient(server.port()).get("/api/v1/health").result_int(), 200);
}

TEST(Transport, HeadOfAnAssetHasItsLengthButNoBody) {
  TempDir web;
  std::ofstream(web.path() / "index.html") << "<!doctype html><title>Haven</title>";
  TestServer server({}, web.path());
  HttpClient client(server.port());
  auto r = client.send(http::verb::head, "/index.html", "");
  EXPECT_EQ(r.result_int(), 200);
  EXPECT_EQ(r[http::field::content_length], "35");
  EXPECT_TRUE(r.body().empty());
}

}  // namespace
}  // namespace haven::testing
