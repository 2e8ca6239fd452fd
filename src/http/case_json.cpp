#include "http/case_json.hpp"

#include <algorithm>

#include "app/duplicates.hpp"
#include "codec/json_input.hpp"
#include "codec/record_json.hpp"
#include "domain/case_code.hpp"

namespace haven::http {
namespace {

domain::Reception read_reception(codec::ObjectReader& in) {
  domain::Reception r;
  r.received_at = in.required_timestamp("received_at");
  r.referral_channel = in.required_enum("referral_channel", domain::kReferralChannelNames);
  r.referring_authority = in.required_string("referring_authority");
  r.legal_basis = in.required_string("legal_basis");
  r.documents = in.string_array("documents", false);
  return r;
}

domain::Person read_person(codec::ObjectReader& in) {
  domain::Person p;
  p.name = in.required_string("name");
  p.name_is_alias = in.required_bool("name_is_alias");
  p.sex = in.required_enum("sex", domain::kSexNames);
  p.birth_date = in.optional_date("birth_date");
  if (auto age = in.optional_integer("estimated_age")) {
    // Out-of-range values are kept (clamped into int) so that validation names them.
    p.estimated_age = static_cast<int>(std::clamp<std::int64_t>(*age, -1, 1000));
  }
  p.suspected_child = in.required_bool("suspected_child");
  p.nationality = in.required_string("nationality");
  p.languages = in.string_array("languages", true);
  p.preferred_staff_gender = in.required_enum("preferred_staff_gender", domain::kStaffGenderPreferenceNames);
  return p;
}

template <class T, class ReadFn>
std::optional<Error> read_nested(codec::ObjectReader& outer, std::string_view key, T& out, ReadFn read) {
  const auto* value = outer.required_object(key);
  if (!value) return outer.finish();
  codec::ObjectReader inner(*value, std::string(key));
  out = read(inner);
  return inner.finish();
}

boost::json::value optional_json(const std::optional<Date>& date) {
  if (!date) return nullptr;
  return boost::json::string(format_iso_date(*date));
}

boost::json::array string_array(const std::vector<std::string>& items) {
  boost::json::array out;
  for (const auto& item : items) out.emplace_back(item);
  return out;
}

}  // namespace

Result<NewCaseInput> decode_new_case(const boost::json::value& body) {
  NewCaseInput input;
  codec::ObjectReader top(body, "");
  if (auto e = read_nested(top, "reception", input.reception, read_reception)) return fail(*e);
  if (auto e = read_nested(top, "person", input.person, read_person)) return fail(*e);
  input.possible_duplicates_seen = top.string_array("possible_duplicates_seen", false);
  if (auto e = top.finish()) return fail(*e);
  // Case codes only: they go into the audit log, which holds nothing about a person.
  if (input.possible_duplicates_seen.size() > static_cast<std::size_t>(app::kMaxPossibleDuplicates)) {
    auto e = fail(ErrorCode::validation_failed, "possible_duplicates_seen", "validation.too_many");
    e.value().with_arg("max", std::to_string(app::kMaxPossibleDuplicates));
    return e;
  }
  for (std::size_t i = 0; i < input.possible_duplicates_seen.size(); ++i) {
    if (!domain::is_case_code(input.possible_duplicates_seen[i])) {
      return fail(ErrorCode::validation_failed, "possible_duplicates_seen[" + std::to_string(i) + "]",
                  "validation.case_code");
    }
  }
  return input;
}

namespace {

template <class Part, class Read>
Result<CorrectionInput<Part>> decode_correction(const boost::json::value& body, std::string_view name, Read read) {
  CorrectionInput<Part> input;
  codec::ObjectReader top(body, "");
  input.version = top.required_integer("version");
  if (auto e = read_nested(top, name, input.part, read)) return fail(*e);
  input.reason = top.required_string("reason");
  if (auto e = top.finish()) return fail(*e);
  return input;
}

}  // namespace

Result<ReceptionUpdateInput> decode_reception_update(const boost::json::value& body) {
  return decode_correction<domain::Reception>(body, "reception", read_reception);
}

Result<PersonCorrectionInput> decode_person_correction(const boost::json::value& body) {
  return decode_correction<domain::Person>(body, "person", read_person);
}

// Why the reader may open the case (I.3.c), so that a break-glass shows on it until it ends.
boost::json::value encode_access(const std::optional<standards::CaseAccess>& access) {
  if (!access) return nullptr;
  boost::json::object out{{"via", standards::kAccessViaNames.name(access->via)}, {"until", nullptr}};
  if (access->via == standards::AccessVia::break_glass) out["until"] = format_iso_timestamp(access->until);
  return out;
}

boost::json::object encode_person(const domain::Person& p, bool treated_as_child) {
  return boost::json::object{
      {"name", p.name},
      {"name_is_alias", p.name_is_alias},
      {"sex", domain::kSexNames.name(p.sex)},
      {"birth_date", optional_json(p.birth_date)},
      {"estimated_age", p.estimated_age ? boost::json::value(*p.estimated_age) : boost::json::value(nullptr)},
      {"suspected_child", p.suspected_child},
      {"treated_as_child", treated_as_child},
      {"nationality", p.nationality},
      {"languages", string_array(p.languages)},
      {"preferred_staff_gender", domain::kStaffGenderPreferenceNames.name(p.preferred_staff_gender)},
  };
}

boost::json::object encode_reception(const domain::Reception& r, std::string_view recorded_by_name) {
  return boost::json::object{
      {"received_at", format_iso_timestamp(r.received_at)},
      {"referral_channel", domain::kReferralChannelNames.name(r.referral_channel)},
      {"referring_authority", r.referring_authority},
      {"legal_basis", r.legal_basis},
      {"documents", string_array(r.documents)},
      {"recorded_by", boost::json::object{{"id", r.recorded_by}, {"display_name", recorded_by_name}}},
  };
}

boost::json::object encode_record(const domain::CaseRecord& r) {
  return {{"id", r.id},
          {"type", r.type_name()},
          {"occurred_at", format_iso_timestamp(r.occurred_at)},
          {"recorded_at", format_iso_timestamp(r.recorded_at)},
          {"recorded_by", r.recorded_by},
          {"version", r.version},
          {"body", codec::encode_record_body(r.body)}};
}

boost::json::object encode_case(const app::CaseView& view) {
  const auto& f = view.file;
  return boost::json::object{
      {"id", f.id},
      {"code", f.code},
      {"stage", domain::kCaseStageNames.name(f.stage)},
      {"version", f.version},
      {"created_at", format_iso_timestamp(f.created_at)},
      {"updated_at", format_iso_timestamp(f.updated_at)},
      {"person", encode_person(f.person, view.treated_as_child)},
      {"reception", encode_reception(f.reception, view.recorded_by_name)},
      {"access", encode_access(view.access)},
      {"staff_on_case", [&] {
         boost::json::array ids;
         for (const auto& id : view.staffing.on_case) ids.emplace_back(id);
         return ids;
       }()},
      {"designated_staff", view.staffing.designated ? boost::json::value(*view.staffing.designated) : nullptr},
  };
}

boost::json::object encode_case_list(const app::CaseList& list) {
  boost::json::array items;
  items.reserve(list.items.size());
  for (const auto& item : list.items) {
    const auto& s = item.summary;
    // A case the viewer is not on (a head's view of the centre) shows its code, never its person.
    const auto hidden = [&](boost::json::value v) { return s.on_case ? v : boost::json::value(nullptr); };
    items.push_back(boost::json::object{
        {"id", s.id},
        {"code", s.code},
        {"on_case", s.on_case},
        {"name", hidden(boost::json::value(s.name))},
        {"name_is_alias", hidden(s.name_is_alias)},
        {"sex", hidden(boost::json::value(domain::kSexNames.name(s.sex)))},
        {"treated_as_child", item.treated_as_child},
        {"stage", domain::kCaseStageNames.name(s.stage)},
        {"received_at", format_iso_timestamp(s.received_at)},
    });
  }
  return boost::json::object{{"items", std::move(items)}, {"total", list.total}};
}

boost::json::object encode_signed_in(const app::Actor& actor, const domain::Centre& centre, std::string_view csrf_token,
                                     bool second_factor_enabled, std::chrono::seconds idle_timeout) {
  boost::json::value centre_json = nullptr;
  if (!centre.id.empty()) centre_json = boost::json::object{{"id", centre.id}, {"name", centre.name}};
  return boost::json::object{{"user", boost::json::object{
                                          {"id", actor.staff_id},
                                          {"username", actor.username},
                                          {"display_name", actor.display_name},
                                          {"role", domain::kRoleNames.name(actor.role)},
                                          {"centre", std::move(centre_json)},
                                          {"confirmed", actor.confirmed},
                                      }},
                             {"csrf_token", csrf_token},
                             {"second_factor", boost::json::object{{"enabled", second_factor_enabled},
                                                                   {"setup_required", actor.needs_second_factor}}},
                             {"session", boost::json::object{{"idle_timeout_seconds", idle_timeout.count()},
                                                             {"ends_at", format_iso_timestamp(actor.session_ends_at)}}}};
}

}  // namespace haven::http
