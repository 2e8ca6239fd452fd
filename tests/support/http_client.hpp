// A small synchronous HTTP/1.1 client for the tests, with a cookie jar for the session cookie.
//
//   HttpClient client(port);
//   auto r = client.post_json("/api/v1/session", R"({"username":"worker1","password":"..."})");
//   EXPECT_EQ(r.result_int(), 200);      // the session cookie is kept for the next calls
#pragma once

#include <map>
#include <string>

#include <boost/beast/http.hpp>

namespace haven::testing {

using ClientResponse = boost::beast::http::response<boost::beast::http::string_body>;

class HttpClient {
 public:
  explicit HttpClient(unsigned short port, std::string language = "vi") : port_(port), language_(std::move(language)) {}

  ClientResponse get(const std::string& target);
  ClientResponse post_json(const std::string& target, const std::string& body);
  ClientResponse put_json(const std::string& target, const std::string& body);
  ClientResponse send(boost::beast::http::verb method, const std::string& target, const std::string& body,
                      const std::map<std::string, std::string>& headers = {});
  // Writes bytes as they are and reads one response: for requests no well-behaved client would send.
  ClientResponse send_raw(const std::string& bytes);

  void set_language(std::string language) { language_ = std::move(language); }
  void forget_cookies() {
    cookie_.clear();
    csrf_token_.clear();
  }
  void forget_csrf_token() { csrf_token_.clear(); }
  const std::string& csrf_token() const { return csrf_token_; }
  const std::string& cookie() const { return cookie_; }

 private:
  unsigned short port_;
  std::string language_;
  std::string cookie_;
  std::string csrf_token_;
};

// A GET whose headers exceed the server's 16 KiB limit (Beast's own client refuses to build one).
inline std::string oversized_headers_request() {
  std::string request = "GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n";
  for (int i = 0; i < 40; ++i) request += "X-Padding-" + std::to_string(i) + ": " + std::string(1000, 'x') + "\r\n";
  return request + "\r\n";
}

}  // namespace haven::testing
