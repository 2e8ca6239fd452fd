// Notifications (app/notifications.hpp): GET the reader's list and how many are unread; POST which
// were read (or all). Each person's own, about the cases they are on.
#include <boost/json.hpp>

#include "app/notifications.hpp"
#include "codec/json_input.hpp"
#include "common/iso_time.hpp"
#include "http/handlers/handlers.hpp"
#include "http/responses.hpp"

namespace haven::http {

namespace {

namespace json = boost::json;

json::value or_null(const std::string& text) { return text.empty() ? json::value(nullptr) : json::value(text); }

json::object encode(const app::Notification& n) {
  json::object out{{"key", n.key},
                   {"kind", app::kNotificationKindNames.name(n.kind)},
                   {"case_id", n.case_id},
                   {"case_code", n.case_code},
                   {"clause", or_null(n.clause)},
                   {"record_id", or_null(n.record_id)},
                   {"at", format_iso_timestamp(n.at)},
                   {"read", n.read}};
  if (n.kind == app::NotificationKind::disclosure_decision) out["verdict"] = n.verdict;
  return out;
}

constexpr std::string_view kReadRequest =
    R"json({"type": "object", "additionalProperties": false, "properties": {"keys": {"type": "array", "minItems": 1, "maxItems": 200, "items": {"type": "string", "minLength": 1, "maxLength": 200}}, "all": {"type": "boolean", "description": "true: every notification of the reader, instead of keys."}}})json";

}  // namespace

std::vector<RouteSpec> notification_routes() {
  std::vector<RouteSpec> routes;
  routes.push_back(RouteSpec{
      .method = Verb::get,
      .path = "/api/v1/notifications",
      .operation_id = "listNotifications",
      .access = Access::signed_in,
      .permission = {.action = app::Action::read_cases},
      .doc = {.summary = "The reader's notifications, newest first (at most 100), and how many of the newest 500 are unread: "
                         "an assignment to a case, an open crisis-intervention task (II.3.b), a task past its "
                         "deadline on a case the reader is on, for the head a disclosure request waiting for her "
                         "decision (I.3.a), and the head's decision on the reader's own request. Only cases the reader "
                         "is on now (the head's waiting requests excepted), by case code, never a name: not a "
                         "reading of a case file, so not audited. A task's notification leaves when the task is done.",
              .answer = "The reader's notifications",
              .response = "#/components/schemas/Notifications"},
      .handler = [](app::AppContext& ctx, RequestContext& rc) -> Result<Response> {
        HAVEN_ASSIGN_OR_RETURN(auto mine, app::list_notifications(ctx, rc.signed_in_actor()));
        json::array items;
        for (const auto& n : mine.items) items.push_back(encode(n));
        return json_response(Status::ok, {{"unread", mine.unread}, {"items", std::move(items)}}, rc.request.version());
      }});
  routes.push_back(RouteSpec{
      .method = Verb::post,
      .path = "/api/v1/notifications/read",
      .operation_id = "markNotificationsRead",
      .access = Access::signed_in,
      .permission = {.action = app::Action::read_cases},
      .doc = {.summary = "Mark the reader's notifications read: those of `keys` (1 to 200; keys not listed now are "
                         "passed over) or, with `all: true`, every one. Answers how many are left unread. 422 naming "
                         "`keys` for none, too many, or both `keys` and `all`.",
              .request = kReadRequest,
              .answer = "How many are left unread",
              .response = R"json({"type": "object", "required": ["unread"], "properties": {"unread": {"type": "integer", "minimum": 0}}})json"},
      .handler = [](app::AppContext& ctx, RequestContext& rc) -> Result<Response> {
        HAVEN_ASSIGN_OR_RETURN(auto body, codec::parse_json_body(rc.request.body()));
        codec::ObjectReader in(body, "");
        const bool all = in.optional_bool("all");
        const auto keys = in.string_array("keys", !all);
        if (auto problem = in.finish()) return fail(*problem);
        if (all && !keys.empty()) return fail(ErrorCode::validation_failed, "keys", "validation.notification_keys_or_all");
        HAVEN_ASSIGN_OR_RETURN(auto unread, all ? app::mark_all_notifications_read(ctx, rc.signed_in_actor())
                                                : app::mark_notifications_read(ctx, rc.signed_in_actor(), keys));
        return json_response(Status::ok, {{"unread", unread}}, rc.request.version());
      }});
  return routes;
}

}  // namespace haven::http
