// Haven's HTTP application, independent of the transport: it takes a parsed request and gives the
// response. It negotiates the language, finds the route, checks the session, runs the handler, maps
// errors to problem+json, adds the security headers and writes the access log line. A reading's
// answer leaves only once its audit entry is committed: answer() prepares it, and the transport
// calls finish() when the commits it awaits are known (http/server.cpp does so without a thread).
//
//   Api api(ctx, assets, {.secure_cookies = false});
//   Api::Answer answer = api.answer(request, client_address);   // never throws
//   Result<void> committed;                                       // the first failure of answer.awaiting
//   Response response = api.finish(std::move(answer), committed);
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include "app/app_context.hpp"
#include "http/message.hpp"
#include "http/router.hpp"
#include "http/static_assets.hpp"
#include "storage/pending_commit.hpp"

namespace haven::http {

struct ApiOptions {
  bool secure_cookies = false;  // served over HTTPS (directly or behind a TLS proxy): Secure, __Host- cookie
};

class Api {
 public:
  Api(app::AppContext& ctx, const StaticAssets& assets, ApiOptions options);

  // A response prepared, and the deferred commits it must wait for before it leaves (the audit entry
  // of a reading: storage/pending_commit.hpp); the rest is what finish() needs.
  struct Answer {
    Response response;
    storage::PendingCommits awaiting;
    i18n::Language language = i18n::Language::vi;
    std::string route_name = "-";
    std::string method;
    unsigned version = 11;
    bool keep_alive = true;
    bool head = false;
    std::chrono::steady_clock::time_point started;
  };

  // Handles the request up to the response; never throws. `client_address`: the peer's IP address,
  // for the sign-in throttle; empty when unknown.
  Answer answer(const Request& request, std::string_view client_address) const;
  // The response that may leave once the answer's commits are known (`committed`: the first failure,
  // if any): a failed commit turns it into an error. Adds the headers and writes the access log line.
  Response finish(Answer answer, const Result<void>& committed) const;

  // Whether the request's handler is quick (Pace::quick, and the web UI's files): the transport may run
  // it on the thread that read the request. A reading of a case holding more than
  // kQuickCaseBytes of records is not: opening it would hold up every connection of that thread.
  bool is_quick(const Request& request) const;
  // What body a request may send, decided from its header alone, before a byte of the body is read:
  // `default_limit` (the server's max_body) for every route but a document upload, which takes up to
  // 10 MiB from a sender whose session, anti-forgery token and role allow it, and is refused at once
  // (`refusal`: 401, 403) otherwise, so that nobody unknown makes the server hold 10 MiB.
  struct BodyAllowance {
    std::size_t limit = 0;
    std::optional<Response> refusal;
  };
  BodyAllowance body_allowance(const Request& header, std::size_t default_limit) const;
  static constexpr std::int64_t kQuickCaseBytes = 256 * 1024;

  const Router& router() const { return router_; }
  // The headers every answer carries, the transport's own (400, 413, 431, 503) included: the security
  // headers, and Strict-Transport-Security when browsers reach Haven over HTTPS.
  void add_answer_headers(Response& response) const;

 private:
  Response dispatch(const Request& request, std::string_view client_address, i18n::Language language,
                    std::string& route_name, storage::PendingCommits& awaiting) const;

  app::AppContext& ctx_;
  const StaticAssets& assets_;
  ApiOptions options_;
  Router router_;
};

// Headers every response carries, whatever produced it (also used by the transport's own answers).
void add_security_headers(Response& response);

}  // namespace haven::http
