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

// The bundle leaves compressed (issue 18): brotli or gzip as the browser accepts, each its own
// representation (its own ETag), with Vary so that no cache mixes them up; identity for a client
// that accepts neither.
TEST(Transport, SendsTheUiCompressedAsTheBrowserAccepts) {
  TempDir web;
  std::filesystem::create_directories(web.path() / "assets");
  std::ofstream(web.path() / "index.html") << "<!doctype html><title>Haven</title>";
  std::ofstream(web.path() / "assets" / "app-abc123.js") << "console.log('plain')";
  std::ofstream(web.path() / "assets" / "app-abc123.js.gz") << "gzip bytes";
  std::ofstream(web.path() / "assets" / "app-abc123.js.br") << "brotli bytes";
  TestServer server({}, web.path());
  HttpClient client(server.port());
  const auto fetch = [&](const std::string& accept, http::verb method = http::verb::get) {
    return accept.empty() ? client.send(method, "/assets/app-abc123.js", "")
                          : client.send(method, "/assets/app-abc123.js", "", {{"Accept-Encoding", accept}});
  };

  const auto br = fetch("gzip, deflate, br, zstd");
  EXPECT_EQ(br.body(), "brotli bytes");
  EXPECT_EQ(br[http::field::content_encoding], "br");
  EXPECT_EQ(br[http::field::vary], "Accept-Encoding");
  EXPECT_EQ(br[http::field::content_type], "text/javascript; charset=utf-8");
  const auto gzip = fetch("gzip");
  EXPECT_EQ(gzip.body(), "gzip bytes");
  EXPECT_EQ(gzip[http::field::content_encoding], "gzip");
  EXPECT_EQ(fetch("br;q=0, gzip;q=0.5").body(), "gzip bytes");
  EXPECT_EQ(fetch("gzip;q=0.4, br;q=0.8").body(), "brotli bytes");
  const auto plain = fetch("");
  EXPECT_EQ(plain.body(), "console.log('plain')");
  EXPECT_EQ(plain[http::field::content_encoding], "");
  EXPECT_EQ(plain[http::field::vary], "Accept-Encoding");
  EXPECT_EQ(fetch("identity").body(), "console.log('plain')");
  EXPECT_EQ(fetch("gzip;q=0, br;q=0").body(), "console.log('plain')");
  EXPECT_EQ(fetch("*").body(), "brotli bytes");
  EXPECT_EQ(fetch("gzip;q=, br;q=0x1").body(), "console.log('plain')") << "an unreadable weight accepts nothing";

  // Each copy revalidates against its own ETag, never another's.
  EXPECT_NE(br[http::field::etag], gzip[http::field::etag]);
  EXPECT_EQ(client.send(http::verb::get, "/assets/app-abc123.js", "",
                        {{"Accept-Encoding", "br"}, {"If-None-Match", std::string(br[http::field::etag])}})
                .result_int(),
            304);
  EXPECT_EQ(client.send(http::verb::get, "/assets/app-abc123.js", "",
                        {{"Accept-Encoding", "br"},
                         {"If-None-Match", "\"old\", W/" + std::string(br[http::field::etag])}})
                .result_int(),
            304);
  EXPECT_EQ(client.send(http::verb::get, "/assets/app-abc123.js", "",
                        {{"Accept-Encoding", "gzip"}, {"If-None-Match", std::string(br[http::field::etag])}})
                .result_int(),
            200);
  const auto head = fetch("br", http::verb::head);
  EXPECT_EQ(head[http::field::content_length], std::to_string(std::string("brotli bytes").size()));
  // The copies are the file's, not paths of their own; a file without them is sent as it is.
  EXPECT_EQ(client.get("/assets/app-abc123.js.br").result_int(), 404);
  const auto index = client.send(http::verb::get, "/", "", {{"Accept-Encoding", "br"}});
  EXPECT_EQ(index[http::field::content_encoding], "");
  EXPECT_EQ(index[http::field::vary], "");
}

// An API answer is never compressed: sign-in, session and second-factor answers carry secrets next
// to text a client chose (BREACH).
TEST(Transport, ApiAnswersAreNotCompressed) {
  TestServer server;
  HttpClient client(server.port());
  const auto r = client.send(http::verb::post, "/api/v1/session", TestServer::credentials("worker1"),
                             {{"Accept-Encoding", "gzip, br"}, {"Content-Type", "application/json"}});
  EXPECT_EQ(r.result_int(), 200) << r.body();
  EXPECT_EQ(r[http::field::content_encoding], "");
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

// A connection from a given loopback address (127.0.0.x), so that one machine can be many clients.
asio::ip::tcp::socket connect_from(asio::io_context& io, const std::string& from, unsigned short port) {
  asio::ip::tcp::socket socket(io);
  socket.open(asio::ip::tcp::v4());
  socket.bind(asio::ip::tcp::endpoint(asio::ip::make_address(from), 0));
  socket.connect(asio::ip::tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
  return socket;
}

// GET `path` from `from`, on a connection of its own: the status and the body.
std::pair<int, std::string> get_from(const std::string& from, unsigned short port, const std::string& path) {
  asio::io_context io;
  auto socket = connect_from(io, from, port);
  const std::string request = "GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
  asio::write(socket, asio::buffer(request));
  boost::beast::flat_buffer buffer;
  boost::beast::http::response<boost::beast::http::string_body> response;
  boost::system::error_code ec;
  boost::beast::http::read(socket, buffer, response, ec);
  if (ec) return {0, ec.message()};
  return {static_cast<int>(response.result_int()), response.body()};
}

// The attack that once shut everyone out: one client opens far more idle connections than the
// server's limit and keeps them open. It holds at most its share; everyone else gets in at once.
TEST(Transport, OneClientsIdleConnectionsDoNotShutOthersOut) {
  haven::http::ServerOptions options;
  options.max_connections = 64;
  options.max_connections_per_address = 8;
  TestServer server(options);
  asio::io_context io;
  std::vector<asio::ip::tcp::socket> flood;
  for (int i = 0; i < 200; ++i) flood.push_back(connect_from(io, "127.0.0.1", server.port()));
  std::this_thread::sleep_for(std::chrono::milliseconds(300));  // accepted or refused
  EXPECT_LE(server.open_connections(), 8U) << "one address holds at most its share";
  // After the grace a just-connected client has, the flood's new connections replace its own oldest.
  std::this_thread::sleep_for(std::chrono::milliseconds(2100));
  for (int i = 0; i < 20; ++i) flood.push_back(connect_from(io, "127.0.0.1", server.port()));
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  EXPECT_LE(server.open_connections(), 8U);
  const auto [status, body] = get_from("127.0.0.2", server.port(), "/api/v1/health");
  EXPECT_EQ(status, 200) << body;
}

// Many addresses near the limit: idle connections make room for newcomers.
TEST(Transport, NearTheLimitIdleConnectionsMakeRoomForNewClients) {
  haven::http::ServerOptions options;
  options.max_connections = 64;
  options.max_connections_per_address = 8;
  TestServer server(options);
  asio::io_context io;
  std::vector<asio::ip::tcp::socket> held;
  for (int a = 10; a < 30; ++a) {
    for (int i = 0; i < 8; ++i) held.push_back(connect_from(io, "127.0.0." + std::to_string(a), server.port()));
  }
  // Past the grace a just-connected client has: idle connections may then make room.
  std::this_thread::sleep_for(std::chrono::milliseconds(2300));
  EXPECT_LE(server.open_connections(), 64U);
  for (int newcomer = 0; newcomer < 5; ++newcomer) {
    const auto [status, body] = get_from("127.0.0." + std::to_string(100 + newcomer), server.port(), "/api/v1/health");
    EXPECT_EQ(status, 200) << body;
  }
}

// Only when every connection is busy with a request is a newcomer refused: 503, saying the server is
// busy (not blaming the database), and served again as soon as one finishes.
TEST(Transport, WhenEveryConnectionIsBusyANewcomerIsToldTheServerIsBusy) {
  haven::http::ServerOptions options;
  options.max_connections = 4;
  options.max_connections_per_address = 4;
  TestServer server(options);
  asio::io_context io;
  std::vector<asio::ip::tcp::socket> busy;
  for (int i = 0; i < 4; ++i) {
    busy.push_back(connect_from(io, "127.0.0." + std::to_string(20 + i), server.port()));
    // A whole header, and a body still to come: a request in progress.
    asio::write(busy.back(), asio::buffer(std::string("POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                                                       "Content-Length: 100\r\n\r\n{")));
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  ASSERT_EQ(server.open_connections(), 4U);
  const auto [status, body] = get_from("127.0.0.9", server.port(), "/api/v1/health");
  EXPECT_EQ(status, 503) << body;
  const auto problem = boost::json::parse(body);
  EXPECT_EQ(problem.at("code").as_string(), "busy");
  EXPECT_EQ(problem.at("title").as_string(), "Máy chủ đang bận. Hãy thử lại sau ít giây; dữ liệu của bạn chưa bị mất.");
  busy.front().close();
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  EXPECT_EQ(get_from("127.0.0.9", server.port(), "/api/v1/health").first, 200);
}

// What a proxy in front might read differently is refused with 400 before anything runs: a folded
// header, Content-Length twice, Transfer-Encoding with Content-Length or other than "chunked". The
// server goes on serving.
TEST(Transport, RefusesAmbiguousHeadersThatCouldSmuggleARequest) {
  TestServer server;
  HttpClient client(server.port(), "en");
  const std::string session = "POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n";
  const std::string body = R"({"username":"worker1","password":"x"})";
  const std::string length = "Content-Length: " + std::to_string(body.size()) + "\r\n";
  for (const std::string& request : std::vector<std::string>{
           "GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-Note: a\r\n folded\r\n\r\n",
           session + length + length + "\r\n" + body,
           session + "Transfer-Encoding: chunked\r\n" + length + "\r\n" + body,
           session + "Transfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n",
       }) {
    const auto answer = client.send_raw(request);
    EXPECT_EQ(answer.result_int(), 400) << request;
    EXPECT_EQ(boost::json::parse(answer.body()).at("code").as_string(), "malformed_request");
  }
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
