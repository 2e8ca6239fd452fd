#include "support/http_client.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/json.hpp>

namespace haven::testing {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;

namespace {

ClientResponse exchange(unsigned short port, const std::function<void(beast::tcp_stream&)>& write_request,
                        bool head = false) {
  asio::io_context io;
  beast::tcp_stream stream(io);
  stream.connect(asio::ip::tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
  stream.expires_after(std::chrono::seconds(60));
  write_request(stream);
  beast::flat_buffer buffer;
  http::response_parser<http::string_body> parser;
  parser.body_limit(64 * 1024 * 1024);
  parser.skip(head);  // the answer to HEAD announces a length but carries no body
  beast::error_code ec;
  http::read(stream, buffer, parser, ec);
  if (ec) throw beast::system_error(ec);
  return parser.release();
}

}  // namespace

ClientResponse HttpClient::send(http::verb method, const std::string& target, const std::string& body,
                                const std::map<std::string, std::string>& headers) {
  http::request<http::string_body> request{method, target, 11};
  request.set(http::field::host, "127.0.0.1");
  request.set(http::field::accept_language, language_);
  if (!cookie_.empty()) request.set(http::field::cookie, cookie_);
  // As the web UI does: the session's anti-forgery token with every change (tests of its absence
  // call forget_csrf_token()).
  if (!csrf_token_.empty() && method != http::verb::get && method != http::verb::head) {
    request.set("X-CSRF-Token", csrf_token_);
  }
  if (!body.empty()) request.set(http::field::content_type, "application/json");
  for (const auto& [name, value] : headers) request.set(name, value);
  request.body() = body;
  request.prepare_payload();
  request.keep_alive(false);
  auto response =
      exchange(port_, [&](beast::tcp_stream& stream) { http::write(stream, request); }, method == http::verb::head);
  const auto set_cookie = response[http::field::set_cookie];
  if (!set_cookie.empty()) {
    const std::string value(set_cookie.substr(0, set_cookie.find(';')));
    cookie_ = value.ends_with("=") ? std::string() : value;
    if (cookie_.empty()) csrf_token_.clear();
  }
  if (target == "/api/v1/session" && response.result() == http::status::ok) {
    boost::system::error_code ec;
    const auto json = boost::json::parse(response.body(), ec);
    if (!ec && json.is_object() && json.as_object().contains("csrf_token")) {
      csrf_token_ = std::string(json.at("csrf_token").as_string());
    }
  }
  return response;
}

ClientResponse HttpClient::get(const std::string& target) { return send(http::verb::get, target, ""); }
ClientResponse HttpClient::post_json(const std::string& target, const std::string& body) {
  return send(http::verb::post, target, body);
}
ClientResponse HttpClient::put_json(const std::string& target, const std::string& body) {
  return send(http::verb::put, target, body);
}

ClientResponse HttpClient::send_raw(const std::string& bytes) {
  return exchange(port_, [&](beast::tcp_stream& stream) { asio::write(stream.socket(), asio::buffer(bytes)); });
}

}  // namespace haven::testing
