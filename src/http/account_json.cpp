#include "http/account_json.hpp"

#include "codec/centre_record_json.hpp"
#include "common/iso_time.hpp"

namespace haven::http {
namespace {

namespace json = boost::json;

json::value optional_time(const std::optional<Timestamp>& at) {
  return at ? json::value(format_iso_timestamp(*at)) : json::value(nullptr);
}

json::value optional_id(const std::string& id) { return id.empty() ? json::value(nullptr) : json::value(id); }

}  // namespace

json::object encode_account(const app::AccountState& state) {
  const auto& a = state.account;
  return {{"id", a.id},
          {"username", a.username},
          {"display_name", a.display_name},
          {"role", domain::kRoleNames.name(a.role)},
          {"centre_id", optional_id(a.centre_id)},
          {"organisation", a.organisation},
          {"disabled", a.disabled},
          {"second_factor", state.second_factor},
          {"created_at", format_iso_timestamp(a.created_at)},
          {"created_by", optional_id(a.created_by)},
          {"activated", state.activated},
          {"activation_expires_at", state.activated ? json::value(nullptr) : optional_time(a.activation_expires_at)},
          {"confirmed", state.confirmed},
          {"confirmed_by", optional_id(a.confirmed_by)},
          {"confirmed_at", optional_time(a.confirmed_at)}};
}

json::object encode_centre_record(const domain::CentreRecord& r) {
  return {{"id", r.id},
          {"type", r.type_name()},
          {"subject", r.subject},
          {"occurred_at", format_iso_timestamp(r.occurred_at)},
          {"recorded_at", format_iso_timestamp(r.recorded_at)},
          {"recorded_by", r.recorded_by},
          {"version", r.version},
          {"body", codec::encode_centre_record_body(r.body)}};
}

json::object encode_centre_audit_entry(const storage::CentreAuditEntry& e) {
  return {{"id", e.id},
          {"at", format_iso_timestamp(e.entry.at)},
          {"actor_id", optional_id(e.entry.actor_id)},
          {"action", e.entry.action},
          {"case_id", optional_id(e.entry.case_id)},
          {"case_code", optional_id(e.case_code)},
          {"subject_id", optional_id(e.entry.subject_id)},
          {"detail", e.entry.detail}};
}

}  // namespace haven::http
