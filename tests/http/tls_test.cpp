// `haven serve` over TLS from a certificate file, and the client address behind a trusted proxy.
#include <gtest/gtest.h>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/json.hpp>

#include "support/http_client.hpp"
#include "support/self_signed_certificate.hpp"
#include "support/temp_dir.hpp"
#include "support/test_server.hpp"

namespace haven::testing {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;

struct TlsAnswer {
  bhttp::response<bhttp::string_body> response;
  std::string protocol;
};

// One request over TLS, trusting only the test's own certificate.
TlsAnswer tls_request(unsigned short port, const std::string& certificate_file, bhttp::verb method,
                      const std::string& target, const std::string& body = {}) {
  asio::io_context io;
  asio::ssl::context context(asio::ssl::context::tls_client);
  context.load_verify_file(certificate_file);
  context.set_verify_mode(asio::ssl::verify_peer);
  beast::ssl_stream<beast::tcp_stream> stream(io, context);
  stream.set_verify_callback(asio::ssl::host_name_verification("localhost"));
  beast::get_lowest_layer(stream).connect(asio::ip::tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
  stream.handshake(asio::ssl::stream_base::client);
  bhttp::request<bhttp::string_body> request{method, target, 11};
  request.set(bhttp::field::host, "localhost");
  if (!body.empty()) {
    request.set(bhttp::field::content_type, "application/json");
    request.body() = body;
    request.prepare_payload();
  }
  bhttp::write(stream, request);
  beast::flat_buffer buffer;
  TlsAnswer answer;
  bhttp::read(stream, buffer, answer.response);
  answer.protocol = SSL_get_version(stream.native_handle());
  return answer;
}

class TlsServe : public ::testing::Test {
 protected:
  TempDir certificates_;
  CertificateFiles files_ = write_self_signed_certificate(certificates_.path());
};

TEST_F(TlsServe, AnswersOverTlsWithASecureHostCookie) {
  http::ServerOptions options;
  options.tls_certificate_file = files_.certificate;
  options.tls_private_key_file = files_.private_key;
  TestServer server(options, {}, {.secure_cookies = true});

  const auto health = tls_request(server.port(), files_.certificate, bhttp::verb::get, "/api/v1/health");
  EXPECT_EQ(health.response.result_int(), 200);
  EXPECT_TRUE(health.protocol == "TLSv1.3" || health.protocol == "TLSv1.2") << health.protocol;
  EXPECT_EQ(health.response["Strict-Transport-Security"], "max-age=31536000");

  const auto signed_in =
      tls_request(server.port(), files_.certificate, bhttp::verb::post, "/api/v1/session", TestServer::credentials("worker1"));
  EXPECT_EQ(signed_in.response.result_int(), 200);
  const std::string cookie(signed_in.response[bhttp::field::set_cookie]);
  EXPECT_EQ(cookie.rfind("__Host-haven_session=", 0), 0u) << cookie;
  EXPECT_NE(cookie.find("; Secure"), std::string::npos) << cookie;
}

TEST_F(TlsServe, TheTransportsOwnAnswersCarryStrictTransportSecurityToo) {
  http::ServerOptions options;
  options.tls_certificate_file = files_.certificate;
  options.tls_private_key_file = files_.private_key;
  options.max_body_bytes = 1024;
  TestServer server(options, {}, {.secure_cookies = true});
  // Answered by the transport before any handler: the body is over the limit.
  const auto too_large = tls_request(server.port(), files_.certificate, bhttp::verb::post, "/api/v1/session",
                                     "{\"username\": \"" + std::string(4096, 'x') + "\"}");
  EXPECT_EQ(too_large.response.result_int(), 413);
  EXPECT_EQ(too_large.response["Strict-Transport-Security"], "max-age=31536000");
  EXPECT_EQ(too_large.response["X-Content-Type-Options"], "nosniff");
}

TEST_F(TlsServe, APlainHttpClientGetsNoAnswerAndTheServerCarriesOn) {
  http::ServerOptions options;
  options.tls_certificate_file = files_.certificate;
  options.tls_private_key_file = files_.private_key;
  TestServer server(options, {}, {.secure_cookies = true});
  HttpClient plain(server.port());
  EXPECT_ANY_THROW(plain.get("/api/v1/health"));
  EXPECT_EQ(tls_request(server.port(), files_.certificate, bhttp::verb::get, "/api/v1/health").response.result_int(), 200);
}

TEST_F(TlsServe, RefusesToStartWithAMissingOrMismatchedKey) {
  TestServer plain;  // only for an Api to hand to the servers below
  for (const auto& [certificate, key, expected] :
       {std::tuple{files_.certificate, std::string("/nonexistent/key.pem"), "cannot load the TLS private key"},
        std::tuple{std::string("/nonexistent/cert.pem"), files_.private_key, "cannot load the TLS certificate"},
        std::tuple{files_.certificate, std::string(), "needs both"}}) {
    http::ServerOptions options;
    options.port = 0;
    options.handle_signals = false;
    options.tls_certificate_file = certificate;
    options.tls_private_key_file = key;
    http::Server server(plain.api(), options);
    auto listening = server.listen();
    ASSERT_FALSE(listening);
    EXPECT_NE(listening.error().log_detail.find(expected), std::string::npos) << listening.error().log_detail;
  }
  // A key that is not the certificate's.
  TempDir other;
  const auto stranger = write_self_signed_certificate(other.path());
  http::ServerOptions options;
  options.port = 0;
  options.handle_signals = false;
  options.tls_certificate_file = files_.certificate;
  options.tls_private_key_file = stranger.private_key;
  http::Server server(plain.api(), options);
  auto listening = server.listen();
  ASSERT_FALSE(listening);
  EXPECT_NE(listening.error().log_detail.find("mismatch"), std::string::npos) << listening.error().log_detail;
}

// Behind a proxy every request comes from the proxy's address: the throttle must count the client
// the proxy names, or one guesser would lock out a whole shelter.
TEST(TrustedProxy, TheAddressThrottleCountsTheClientTheProxyNames) {
  http::ServerOptions options;
  options.trusted_proxies = *http::TrustedProxies::parse("127.0.0.1");
  TestServer server(options);
  server.context().sessions.max_failures_per_address = 3;
  HttpClient client(server.port());
  const auto attempt = [&](const std::string& forwarded_for, const std::string& name, const std::string& password) {
    return client
        .send(bhttp::verb::post, "/api/v1/session", TestServer::credentials(name, password),
              {{"Content-Type", "application/json"}, {"X-Forwarded-For", forwarded_for}})
        .result_int();
  };
  for (const char* name : {"root", "test", "guest"}) {
    EXPECT_EQ(attempt("203.0.113.5", name, "a guessed password"), 401);
  }
  EXPECT_EQ(attempt("203.0.113.5", "worker1", kTestPassword), 429);
  // Another client behind the same proxy signs in.
  EXPECT_EQ(attempt("203.0.113.6", "worker1", kTestPassword), 200);
  // A forged left-most entry does not help the guesser: the proxy appended the real address.
  EXPECT_EQ(attempt("198.51.100.1, 203.0.113.5", "worker1", kTestPassword), 429);
}

// HAProxy's `option forwardfor` adds a line of its own instead of extending the client's: every line
// is read, in order, so that the proxy's line is the right-most.
TEST(TrustedProxy, ForwardedForOnSeveralLinesIsReadAsOneList) {
  http::ServerOptions options;
  options.trusted_proxies = *http::TrustedProxies::parse("127.0.0.1");
  TestServer server(options);
  server.context().sessions.max_failures_per_address = 2;
  HttpClient client(server.port());
  const auto attempt = [&](const std::string& forged, const std::string& name, const std::string& password) {
    const std::string body = TestServer::credentials(name, password);
    const std::string request = "POST /api/v1/session HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                                "X-Forwarded-For: " + forged + "\r\nX-Forwarded-For: 203.0.113.50\r\nContent-Length: " +
                                std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
    return client.send_raw(request).result_int();
  };
  // The guesser changes the forged line each time; the proxy's line names the same client.
  EXPECT_EQ(attempt("198.51.100.1", "root", "a guessed password"), 401);
  EXPECT_EQ(attempt("198.51.100.2", "test", "a guessed password"), 401);
  EXPECT_EQ(attempt("198.51.100.3", "worker1", kTestPassword), 429);
}

TEST(TrustedProxy, AnUntrustedPeersForwardedForIsIgnored) {
  TestServer server;  // trusts no proxy
  server.context().sessions.max_failures_per_address = 2;
  HttpClient client(server.port());
  for (const char* forged : {"203.0.113.10", "203.0.113.11"}) {
    EXPECT_EQ(client
                  .send(bhttp::verb::post, "/api/v1/session", TestServer::credentials("root", "a guessed password"),
                        {{"Content-Type", "application/json"}, {"X-Forwarded-For", forged}})
                  .result_int(),
              401);
  }
  EXPECT_EQ(client
                .send(bhttp::verb::post, "/api/v1/session", TestServer::credentials("worker1"),
                      {{"Content-Type", "application/json"}, {"X-Forwarded-For", "203.0.113.12"}})
                .result_int(),
            429);
}

}  // namespace
}  // namespace haven::testing
