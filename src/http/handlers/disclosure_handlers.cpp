// Disclosure packages (app/disclosure_packages.hpp): POST /cases/{id}/disclosure-packages/preview shows
// anyone on the case exactly what would leave and what the gate still asks for; POST
// /cases/{id}/disclosure-packages is the centre head's release, recorded. Both carry only the
// consented categories, with their headings in the language asked for (the victim's own file in
// theirs). An external provider lists the referral packages released to its organisation with GET
// /received-referrals and opens one, while the consent holds, with GET
// /received-referrals/{case_id}/{disclosure_id}.
#include <boost/json.hpp>

#include "app/disclosure_packages.hpp"
#include "app/disclosure_requests.hpp"
#include "codec/json_input.hpp"
#include "codec/record_json.hpp"
#include "common/iso_time.hpp"
#include "domain/information_categories.hpp"
#include "http/case_json.hpp"
#include "http/document_json.hpp"
#include "http/handlers/handlers.hpp"
#include "http/responses.hpp"

namespace haven::http {
namespace {

namespace json = boost::json;

struct PackageRequest {
  domain::Disclosure disclosure;
  i18n::Language language = i18n::Language::vi;
};

// The language a package is written in: "vi", "en", or none given (the reader's).
Result<i18n::Language> language_named(std::string_view language, i18n::Language fallback) {
  if (language.empty()) return fallback;
  if (language == "vi") return i18n::Language::vi;
  if (language == "en") return i18n::Language::en;
  return fail(ErrorCode::validation_failed, "language", "validation.language_unsupported");
}

// {"disclosure": {kind, recipient, purpose, categories, reason, referral_id}, "language": "vi" | "en"}
Result<PackageRequest> decode_package_request(const Request& request, i18n::Language fallback) {
  HAVEN_ASSIGN_OR_RETURN(auto body, codec::parse_json_body(request.body()));
  codec::ObjectReader in(body, "");
  const std::string language = in.optional_string("language");
  const json::value* disclosure = in.required_object("disclosure");
  if (auto problem = in.finish()) return fail(*problem);
  PackageRequest out;
  HAVEN_ASSIGN_OR_RETURN(out.language, language_named(language, fallback));
  HAVEN_ASSIGN_OR_RETURN(auto decoded, codec::decode_record_body("disclosure", *disclosure, "disclosure"));
  out.disclosure = std::get<domain::Disclosure>(decoded);
  return out;
}

// [{"id": "health", "label": "Sức khỏe"}, ...]
json::array category_labels(const std::vector<domain::InformationCategory>& categories, i18n::Language language) {
  json::array out;
  for (const auto c : categories) {
    const std::string id(domain::kInformationCategoryNames.name(c));
    out.push_back(json::object{{"id", id}, {"label", i18n::render_message(language, "category." + id)}});
  }
  return out;
}

json::object encode_package(const app::DisclosurePackage& p, i18n::Language language) {
  const bool preview = !p.disclosure.has_value();
  json::array categories = category_labels(p.request.categories, language);
  json::array refusals;
  for (const auto& r : p.refusals) {
    refusals.push_back(json::object{
        {"clause", r.clause},
        {"message", i18n::render_message(language, r.message_key, i18n::localize_args(language, r.args))}});
  }
  json::object file{{"code", p.case_code}};
  if (p.person) file["person"] = encode_person(*p.person, p.treated_as_child);
  // Who wrote what is the centre's internal matter: staff IDs do not leave with the package.
  if (p.reception) {
    auto reception = encode_reception(*p.reception, {});
    reception.erase("recorded_by");
    file["reception"] = std::move(reception);
  }
  if (p.stage) file["stage"] = domain::kCaseStageNames.name(*p.stage);
  // The same for documents: no staff ID, and no ID of a record that may not have left with them.
  json::array documents;
  for (const auto& d : p.documents) {
    auto encoded = encode_document(d);
    encoded.erase("recorded_by");
    encoded.erase("record_id");
    documents.push_back(std::move(encoded));
  }
  json::array records;
  for (const auto& part : p.records) {
    auto encoded = encode_record(part.record);
    encoded.erase("recorded_by");
    // A field whose category was not consented does not leave, not even as an empty value.
    auto& body = encoded["body"].as_object();
    for (const auto name : part.withheld) body.erase(name);
    json::array part_categories;
    for (const auto c : part.categories) part_categories.emplace_back(domain::kInformationCategoryNames.name(c));
    encoded["categories"] = std::move(part_categories);
    records.push_back(std::move(encoded));
  }
  return json::object{
      {"preview", preview},
      {"ready", p.refusals.empty()},
      {"refusals", std::move(refusals)},
      {"disclosure_id", preview ? json::value(nullptr) : json::value(p.disclosure->id)},
      {"language", i18n::language_tag(language)},
      {"title", i18n::render_message(language, "disclosure.title", {{"recipient", p.request.recipient}})},
      {"notice", i18n::render_message(language, preview ? "disclosure.preview_notice" : "disclosure.notice")},
      {"kind", domain::kDisclosureKindNames.name(p.request.kind)},
      {"recipient", p.request.recipient},
      {"purpose", domain::kDisclosurePurposeNames.name(p.request.purpose)},
      {"categories", std::move(categories)},
      {"generated_at", format_iso_timestamp(p.generated_at)},
      {"case", std::move(file)},
      {"records", std::move(records)},
      {"documents", std::move(documents)},
  };
}

json::object encode_received(const std::vector<app::ReceivedReferral>& inbox, i18n::Language language) {
  json::array items;
  for (const auto& r : inbox) {
    const auto& d = r.disclosure.as<domain::Disclosure>();
    json::array categories = category_labels(d.categories, language);
    items.push_back(json::object{{"case_id", r.case_id},
                                 {"case_code", r.case_code},
                                 {"disclosure_id", r.disclosure.id},
                                 {"released_at", format_iso_timestamp(r.disclosure.recorded_at)},
                                 {"purpose", domain::kDisclosurePurposeNames.name(d.purpose)},
                                 {"categories", std::move(categories)}});
  }
  return json::object{{"items", std::move(items)}};
}

}  // namespace

std::vector<RouteSpec> disclosure_routes() {
  std::vector<RouteSpec> routes;
  routes.push_back(RouteSpec{
      .method = Verb::get,
      .path = "/api/v1/received-referrals",
      .operation_id = "listReceivedReferrals",
      .access = Access::signed_in,
      .permission = {.action = app::Action::read_received_referrals},
      .doc =
          {.summary = "An external provider's inbox: the referral packages the centre head released to its "
                      "organisation (II.6.d) whose consent still holds (a withdrawal takes one out at once), newest "
                      "first, by case code, with their categories. Nothing of the file itself. Anyone else: 403.",
           .answer = "The packages released to the provider",
           .response =
               R"json({"type": "object", "properties": {"items": {"type": "array", "items": {"type": "object", "properties": {"case_id": {"type": "string"}, "case_code": {"type": "string"}, "disclosure_id": {"type": "string"}, "released_at": {"type": "string", "format": "date-time"}, "purpose": {"type": "string"}, "categories": {"type": "array", "items": {"type": "object"}}}}}}})json"},
      .handler = [](app::AppContext& ctx, RequestContext& rc) -> Result<Response> {
        HAVEN_ASSIGN_OR_RETURN(auto inbox, app::list_received_referrals(ctx, rc.signed_in_actor()));
        return json_response(Status::ok, encode_received(inbox, rc.language), rc.request.version());
      }});

  routes.push_back(RouteSpec{
      .method = Verb::get,
      .path = "/api/v1/received-referrals/{case_id}/{disclosure_id}",
      .operation_id = "getReceivedReferral",
      .access = Access::signed_in,
      .permission = {.action = app::Action::read_received_referrals},
      .doc =
          {.summary =
               "An external provider opens a referral package released to its organisation: the consented categories, "
               "with the records written up to the release. Only while the consent still covers it (I.3.b, I.3.d): "
               "after a withdrawal, 403 with the clause. 404 for anything not released to this organisation. Every "
               "opening, refusal and probe of something not released to it is audited. Anyone else: 403.",
           .answer = "The package",
           .response = "#/components/schemas/DisclosurePackage"},
      .handler = [](app::AppContext& ctx, RequestContext& rc) -> Result<Response> {
        HAVEN_ASSIGN_OR_RETURN(auto package, app::open_received_referral(ctx, rc.signed_in_actor(), rc.param("case_id"),
                                                                         rc.param("disclosure_id"), rc.awaiting));
        return json_response(Status::ok, encode_package(package, rc.language), rc.request.version());
      }});

  routes.push_back(RouteSpec{
      .method = Verb::post,
      .path = "/api/v1/cases/{case_id}/disclosure-packages/preview",
      .operation_id = "previewDisclosurePackage",
      .access = Access::signed_in,
      .permission = {.action = app::Action::read_cases, .scope = CaseScope::case_file},
      .doc =
          {.summary =
               "Exactly what a disclosure (an export, a print, a referral package, information to the family or an "
               "agency) would send: only the requested categories (identity: the person; case_history: the reception "
               "and stage; the records of each category; never the centre's own records of consents, disclosures, "
               "staffing, overrides or break-glass), with headings in the language asked for, and the gate's refusals "
               "still standing (I.3.b, I.3.d, II.6.d; the head's approval, I.3.a, is what the preview is for). Nothing "
               "leaves and no disclosure is recorded; the reading is audited. Anyone on the case (I.3.c).",
           .request = "#/components/schemas/DisclosurePackageRequest",
           .answer = "The package as it would leave",
           .response = "#/components/schemas/DisclosurePackage"},
      .handler = [](app::AppContext& ctx, RequestContext& rc) -> Result<Response> {
        HAVEN_ASSIGN_OR_RETURN(auto request, decode_package_request(rc.request, rc.language));
        HAVEN_ASSIGN_OR_RETURN(auto package,
                               app::preview_disclosure_package(ctx, rc.signed_in_actor(), rc.param("case_id"),
                                                               request.disclosure, rc.awaiting));
        return json_response(Status::ok, encode_package(package, request.language), rc.request.version());
      }});

  routes.push_back(RouteSpec{
      .method = Verb::post,
      .path = "/api/v1/cases/{case_id}/disclosure-packages",
      .operation_id = "releaseDisclosurePackage",
      .access = Access::signed_in,
      .permission = {.action = app::Action::release_disclosure, .scope = CaseScope::case_file},
      .doc = {.summary = "The centre head releases a disclosure package (I.3.a); the package is the file's content, so "
                         "she must be able to open the case (on it, or a break-glass: I.3.c). Through the one gate, "
                         "within a consent in force covering the recipient, the purpose and every category (I.3.b); "
                         "for a child, the child's and a guardian's or legal representative's (I.3.d); a referral "
                         "package only to its referral's provider (II.6.d). A refusal answers 409 guard_refused with "
                         "the clause and writes nothing. Released, it carries only the consented categories; the "
                         "disclosure record and an audit entry are written in the same transaction. A victim's own "
                         "file, in their language, is released the same way, to them. Anyone else: 403.",
              .request = "#/components/schemas/DisclosurePackageRequest",
              .status = Status::created,
              .answer = "Released and recorded",
              .response = "#/components/schemas/DisclosurePackage",
              .refusals = "409"},
      .handler = [](app::AppContext& ctx, RequestContext& rc) -> Result<Response> {
        HAVEN_ASSIGN_OR_RETURN(auto request, decode_package_request(rc.request, rc.language));
        HAVEN_ASSIGN_OR_RETURN(auto package, app::release_disclosure_package(ctx, rc.signed_in_actor(),
                                                                             rc.param("case_id"), request.disclosure));
        return json_response(Status::created, encode_package(package, request.language), rc.request.version());
      }});
  routes.push_back(RouteSpec{
      .method = Verb::post,
      .path = "/api/v1/cases/{case_id}/disclosure-requests",
      .operation_id = "requestDisclosure",
      .access = Access::signed_in,
      .permission = {.action = app::Action::add_record, .scope = CaseScope::case_file},
      .doc = {.summary = "Someone on the case asks the centre head to release a package (I.3.a): the same terms as a "
                         "preview. Refused (409 guard_refused, with the clause) when the gate would refuse it for "
                         "anything but her approval (I.3.b, I.3.d, II.6.d: put that right first). Recorded as a "
                         "disclosure_request record of the case; the head finds it in GET /centre/disclosure-requests.",
              .request = "#/components/schemas/DisclosurePackageRequest",
              .status = Status::created,
              .answer = "The request, recorded",
              .response = "#/components/schemas/CaseRecord",
              .refusals = "409"},
      .handler = [](app::AppContext& ctx, RequestContext& rc) -> Result<Response> {
        HAVEN_ASSIGN_OR_RETURN(auto request, decode_package_request(rc.request, rc.language));
        HAVEN_ASSIGN_OR_RETURN(auto record, app::request_disclosure(ctx, rc.signed_in_actor(), rc.param("case_id"),
                                                                    request.disclosure));
        return json_response(Status::created, encode_record(record), rc.request.version());
      }});

  routes.push_back(RouteSpec{
      .method = Verb::get,
      .path = "/api/v1/centre/disclosure-requests",
      .operation_id = "listDisclosureRequests",
      .access = Access::signed_in,
      .permission = {.action = app::Action::release_disclosure},
      .doc = {.summary = "The centre head's queue of disclosure requests not yet decided, oldest first: the case by "
                         "its code, who asked and when, and the terms (kind, recipient, purpose, categories, reason). "
                         "Not the package: GET .../package reads it, audited. The centre head only.",
              .answer = "The requests waiting for a decision",
              .response = "#/components/schemas/DisclosureRequestList"},
      .handler = [](app::AppContext& ctx, RequestContext& rc) -> Result<Response> {
        HAVEN_ASSIGN_OR_RETURN(auto queue, app::pending_disclosure_requests(ctx, rc.signed_in_actor()));
        json::array items;
        for (const auto& p : queue) {
          items.push_back(json::object{{"case_id", p.case_id}, {"case_code", p.case_code}, {"request", encode_record(p.request)}});
        }
        return json_response(Status::ok, {{"items", std::move(items)}}, rc.request.version());
      }});

  routes.push_back(RouteSpec{
      .method = Verb::get,
      .path = "/api/v1/cases/{case_id}/disclosure-requests/{request_id}/package",
      .operation_id = "getDisclosureRequestPackage",
      .access = Access::signed_in,
      .permission = {.action = app::Action::release_disclosure, .scope = CaseScope::case_manage},
      .doc = {.summary = "Exactly what the request would send now, with what the gate still refuses, as a preview "
                         "answers it, in the reader's language. The centre head reads it without being on the case; the reading is audited (case.read naming the request). "
                         "404 for no such request, 409 once decided.",
              .answer = "The package as it would leave",
              .response = "#/components/schemas/DisclosurePackage"},
      .handler = [](app::AppContext& ctx, RequestContext& rc) -> Result<Response> {
        HAVEN_ASSIGN_OR_RETURN(auto package, app::disclosure_request_package(ctx, rc.signed_in_actor(), rc.param("case_id"),
                                                                             rc.param("request_id")));
        return json_response(Status::ok, encode_package(package, rc.language), rc.request.version());
      }});

  routes.push_back(RouteSpec{
      .method = Verb::post,
      .path = "/api/v1/cases/{case_id}/disclosure-requests/{request_id}/decision",
      .operation_id = "decideDisclosureRequest",
      .access = Access::signed_in,
      .permission = {.action = app::Action::release_disclosure, .scope = CaseScope::case_manage},
      .doc = {.summary = "The centre head approves or declines a request (I.3.a), without being on the case. An "
                         "approval releases the package through the gate, which still applies (409 guard_refused with "
                         "the clause when it refuses now), and records the disclosure; a decline needs a reason. Both "
                         "are recorded as a disclosure_decision record of the case, audited. 409 once decided (by "
                         "anyone), 404 for no such request; anyone but the centre head: 403.",
              .request = "#/components/schemas/DisclosureDecisionRequest",
              .answer = "The decision, and on approval the package released",
              .response = "#/components/schemas/DisclosureDecision",
              .refusals = "409"},
      .handler = [](app::AppContext& ctx, RequestContext& rc) -> Result<Response> {
        HAVEN_ASSIGN_OR_RETURN(auto body, codec::parse_json_body(rc.request.body()));
        codec::ObjectReader in(body, "");
        app::DisclosureDecisionInput input;
        input.verdict = in.required_enum("decision", app::kDisclosureVerdictNames);
        input.reason = in.optional_string("reason");
        const std::string language = in.optional_string("language");
        if (auto problem = in.finish()) return fail(*problem);
        HAVEN_ASSIGN_OR_RETURN(const auto package_lang, language_named(language, rc.language));
        HAVEN_ASSIGN_OR_RETURN(auto decided, app::decide_disclosure_request(ctx, rc.signed_in_actor(), rc.param("case_id"),
                                                                            rc.param("request_id"), input));
        return json_response(Status::ok,
                             {{"decision", encode_record(decided.decision)},
                              {"package", decided.package ? json::value(encode_package(*decided.package, package_lang))
                                                          : json::value(nullptr)}},
                             rc.request.version());
      }});

  return routes;
}

}  // namespace haven::http
