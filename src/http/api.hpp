// Haven's HTTP application, independent of the transport: it takes a parsed request and gives the
// response. It negotiates the language, finds the route, checks the session, runs the handler, maps
// errors to problem+json, adds the security headers and writes the access log line.
//
//   Api api(ctx, assets, {.secure_cookies = false});
//   Response response = api.handle(request);   // never throws
#pragma once

#include <string>

#include "app/app_context.hpp"
#include "http/message.hpp"
#include "http/router.hpp"
#include "http/static_assets.hpp"

namespace haven::http {

struct ApiOptions {
  bool secure_cookies = false;  // served over HTTPS (directly or behind a TLS proxy): Secure, __Host- cookie
};

class Api {
 public:
  Api(app::AppContext& ctx, const StaticAssets& assets, ApiOptions options);

  // `client_address`: the peer's IP address, for the sign-in throttle; empty when unknown.
  Response handle(const Request& request, std::string_view client_address = {}) const;
  const Router& router() const { return router_; }
  // The headers every answer carries, the transport's own (400, 413, 431, 503) included: the security
  // headers, and Strict-Transport-Security when browsers reach Haven over HTTPS.
  void add_answer_headers(Response& response) const;

 private:
  Response dispatch(const Request& request, std::string_view client_address, i18n::Language language,
                    std::string& route_name) const;

  app::AppContext& ctx_;
  const StaticAssets& assets_;
  ApiOptions options_;
  Router router_;
};

// Headers every response carries, whatever produced it (also used by the transport's own answers).
void add_security_headers(Response& response);

}  // namespace haven::http
