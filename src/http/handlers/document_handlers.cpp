// Documents (app/documents.hpp): POST takes the file itself as the body (its name, category and
// record in the query), GET .../content gives it back as it was, typed by what its bytes are.
#include <boost/json.hpp>
#include <boost/url/parse.hpp>
#include <boost/url/pct_string_view.hpp>

#include "app/disclosure_packages.hpp"
#include "app/documents.hpp"
#include "common/iso_time.hpp"
#include "domain/utf8.hpp"
#include "http/document_json.hpp"
#include "http/handlers/handlers.hpp"
#include "http/query_parameters.hpp"
#include "http/responses.hpp"

namespace haven::http {

namespace {

namespace json = boost::json;

constexpr std::string_view kUploadParameters =
    R"json([{"name": "Document-Name", "in": "header", "required": true, "description": "The file's name as the person knows it, UTF-8 percent-encoded (encodeURIComponent): 1 to 200 characters, no markup, no / or \\. A header, not the query: addresses end up in proxies' logs.", "schema": {"type": "string"}},
{"name": "category", "in": "query", "required": true, "description": "What it tells about the person, for the consent gate (I.3.b): it leaves only in a package consented for this category.", "schema": {"$ref": "#/components/schemas/InformationCategory"}},
{"name": "record_id", "in": "query", "required": false, "description": "The record of the case it belongs to; none: the case.", "schema": {"type": "string"}}])json";

constexpr std::string_view kContentParameters =
    R"json([{"name": "download", "in": "query", "required": false, "description": "1: as an attachment to save, rather than to show in the browser.", "schema": {"type": "string", "enum": ["1"]}}])json";

// "%E1%BA%A5" to the UTF-8 text it spells (Boost.URL's percent-decoding); none for a bad escape or
// bytes that are not UTF-8. What text a name may hold is the use case's to say.
std::optional<std::string> percent_decoded(std::string_view text) {
  auto encoded = boost::urls::make_pct_string_view(text);
  if (!encoded) return std::nullopt;
  std::string out = encoded->decode();
  if (!domain::is_valid_utf8(out)) return std::nullopt;
  return out;
}

// The name from the Document-Name header, the category and record from the query.
Result<app::NewDocument> upload_request(const Request& request) {
  app::NewDocument out;
  auto target = boost::urls::parse_origin_form(request.target());
  if (!target) return bad_query("category");
  for (const auto& param : target->params()) {
    if (param.key == "category") out.category = param.value;
    else if (param.key == "record_id") out.record_id = param.value;
  }
  auto name = percent_decoded(request["Document-Name"]);
  if (!name) return fail(ErrorCode::validation_failed, "name", "validation.document_name");
  out.name = std::move(*name);
  return out;
}

bool wants_download(const Request& request) {
  auto target = boost::urls::parse_origin_form(request.target());
  if (!target) return false;
  for (const auto& param : target->params()) {
    if (param.key == "download" && param.value == "1") return true;
  }
  return false;
}

// RFC 6266 with RFC 8187's UTF-8 name, and a plain fallback for clients without it.
std::string content_disposition(const domain::Document& d, bool download) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  // Saved under the extension of what its bytes are, never the one it came with: a PDF named
  // "x.hta" is saved as "x.pdf", so a double click opens it as what it is.
  const std::string_view extension = d.type == domain::DocumentType::pdf    ? ".pdf"
                                     : d.type == domain::DocumentType::jpeg ? ".jpg"
                                                                            : ".png";
  std::string_view stem = d.name;
  if (const auto dot = stem.rfind('.'); dot != std::string_view::npos && dot > 0) stem = stem.substr(0, dot);
  const std::string name = std::string(stem) + std::string(extension);
  std::string encoded;
  for (const char ch : name) {
    const auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) || c == '.' || c == '-' || c == '_') {
      encoded.push_back(ch);
    } else {
      encoded.push_back('%');
      encoded.push_back(kHex[c >> 4]);
      encoded.push_back(kHex[c & 15]);
    }
  }
  return std::string(download ? "attachment" : "inline") + "; filename=\"document" + std::string(extension) +
         "\"; filename*=UTF-8''" + encoded;
}

// A document's bytes as the answer's body, gathered a chunk at a time into one string of its size.
class FileAnswer {
 public:
  explicit FileAnswer(const RequestContext& rc) : rc_(rc), response_(Status::ok, rc.request.version()) {}
  auto taker() {
    return [this](const domain::Document& d, std::string_view chunk) -> Result<void> {
      if (response_.body().empty()) response_.body().reserve(static_cast<std::size_t>(d.byte_size));
      response_.body().append(chunk);
      return {};
    };
  }
  Response finish(const domain::Document& d) {
    response_.set(beast_http::field::content_type, domain::kDocumentTypeNames.name(d.type));
    response_.set(beast_http::field::content_disposition, content_disposition(d, wants_download(rc_.request)));
    response_.prepare_payload();
    return std::move(response_);
  }

 private:
  const RequestContext& rc_;
  Response response_;
};

}  // namespace

std::vector<RouteSpec> document_routes() {
  std::vector<RouteSpec> routes;
  routes.push_back(RouteSpec{
      .method = Verb::post,
      .path = "/api/v1/cases/{case_id}/documents",
      .operation_id = "attachDocument",
      .access = Access::signed_in,
      .permission = {.action = app::Action::add_record, .scope = CaseScope::case_file},
      .body = BodyKind::document,
      .doc = {.summary = "Attach a scanned paper or a photo to the case (or to one of its records): the file itself "
                         "is the body, at most 10 MiB (413), a PDF, JPEG or PNG by its first bytes whatever its name or "
                         "Content-Type (415). Sealed under the case's key in 256 KiB chunks; audited (document.add); "
                         "someone not on the case: 403 (I.3.c). Nothing is stored from a refused or cut-off upload.",
              .request = R"json({"type": "string", "format": "binary"})json",
              .request_media = "application/pdf image/jpeg image/png application/octet-stream",
              .parameters = kUploadParameters,
              .status = Status::created,
              .answer = "Attached",
              .response = "#/components/schemas/Document",
              .refusals = "415"},
      .handler = [](app::AppContext& ctx, RequestContext& rc) -> Result<Response> {
        HAVEN_ASSIGN_OR_RETURN(auto wanted, upload_request(rc.request));
        HAVEN_ASSIGN_OR_RETURN(auto d, app::attach_document(ctx, rc.signed_in_actor(), rc.param("case_id"), wanted,
                                                            rc.request.body()));
        return json_response(Status::created, encode_document(d), rc.request.version());
      }});
  routes.push_back(RouteSpec{
      .method = Verb::get,
      .path = "/api/v1/cases/{case_id}/documents/{document_id}/content",
      .operation_id = "openDocument",
      .access = Access::signed_in,
      .permission = {.action = app::Action::read_cases, .scope = CaseScope::case_file},
      .doc = {.summary = "The document's bytes as they were attached, typed by their content, never cached. Every "
                         "opening is audited (document.open, before a byte leaves); someone not on the case: 403 "
                         "(I.3.c).",
              .parameters = kContentParameters,
              .answer = "The file",
              .response = R"json({"type": "string", "format": "binary"})json",
              .response_media = "application/pdf image/jpeg image/png"},
      .handler = [](app::AppContext& ctx, RequestContext& rc) -> Result<Response> {
        FileAnswer answer(rc);
        HAVEN_ASSIGN_OR_RETURN(auto d, app::open_document(ctx, rc.signed_in_actor(), rc.param("case_id"),
                                                          rc.param("document_id"), rc.awaiting, answer.taker()));
        return answer.finish(d);
      }});
  routes.push_back(RouteSpec{
      .method = Verb::get,
      .path = "/api/v1/received-referrals/{case_id}/{disclosure_id}/documents/{document_id}",
      .operation_id = "openReceivedDocument",
      .access = Access::signed_in,
      .permission = {.action = app::Action::read_received_referrals},
      .doc = {.summary = "An external provider opens a document of a referral package released to its organisation: "
                         "only one the package carries (its category consented, attached by the release) and only "
                         "while the consent still holds (I.3.b, I.3.d: after a withdrawal, 403 with the clause). 404 for "
                         "any other. Every opening and refusal is audited. Anyone else: 403.",
              .parameters = kContentParameters,
              .answer = "The file",
              .response = R"json({"type": "string", "format": "binary"})json",
              .response_media = "application/pdf image/jpeg image/png"},
      .handler = [](app::AppContext& ctx, RequestContext& rc) -> Result<Response> {
        FileAnswer answer(rc);
        HAVEN_ASSIGN_OR_RETURN(auto d, app::open_received_document(ctx, rc.signed_in_actor(), rc.param("case_id"),
                                                                   rc.param("disclosure_id"), rc.param("document_id"),
                                                                   rc.awaiting, answer.taker()));
        return answer.finish(d);
      }});
  return routes;
}

}  // namespace haven::http
