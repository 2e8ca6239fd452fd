#include "codec/centre_record_json.hpp"

#include "codec/record_input.hpp"
#include "common/iso_time.hpp"

namespace haven::codec {
namespace {

using namespace domain;
using namespace detail;
namespace json = boost::json;

StaffQualification read(Tag<StaffQualification>, Input& i) {
  StaffQualification r;
  r.qualification = i.in.required_enum("qualification", kQualificationNames);
  r.title = i.required_text("title");
  r.issued_by = i.text("issued_by");
  return r;
}
StaffTraining read(Tag<StaffTraining>, Input& i) {
  StaffTraining r;
  r.topic = i.in.required_enum("topic", kTrainingTopicNames);
  r.course = i.required_text("course");
  r.hours = i.in.optional_integer("hours").value_or(0);
  return r;
}
RecruitmentScreening read(Tag<RecruitmentScreening>, Input& i) {
  return {i.flag("ability"), i.flag("qualifications"), i.flag("moral_standing"), i.flag("judicial_record_checked"),
          i.text("notes")};
}
SupervisionCheckIn read(Tag<SupervisionCheckIn>, Input& i) { return {i.text("notes"), i.flag("support_offered")}; }
StaffMatching read(Tag<StaffMatching>, Input& i) {
  StaffMatching r;
  r.sex = i.in.required_enum("sex", kSexNames);
  r.languages = i.ids("languages", true);
  return r;
}
FacilitiesChecklist read(Tag<FacilitiesChecklist>, Input& i) {
  return {i.flag("safe_and_secure"), i.flag("separate_sleeping_areas"), i.flag("private_counselling_room"),
          i.flag("health_care_access"), i.flag("accessible"), i.text("notes")};
}
ServiceProviderEntry read(Tag<ServiceProviderEntry>, Input& i) {
  ServiceProviderEntry r;
  r.name = i.required_text("name");
  r.services = i.text("services");
  r.contact = i.required_text("contact");
  r.address = i.text("address");
  r.last_verified = i.in.optional_date("last_verified").value_or(Date{});
  if (r.last_verified == Date{} && !i.in.failed() && !i.problem) {
    Error e(ErrorCode::validation_failed);
    e.field = i.prefix + ".last_verified";
    e.message_key = "validation.required";
    i.problem = e;
  }
  return r;
}

struct Encoder {
  json::object operator()(const StaffQualification& r) const {
    return {{"qualification", kQualificationNames.name(r.qualification)}, {"title", r.title}, {"issued_by", r.issued_by}};
  }
  json::object operator()(const StaffTraining& r) const {
    return {{"topic", kTrainingTopicNames.name(r.topic)}, {"course", r.course}, {"hours", r.hours}};
  }
  json::object operator()(const RecruitmentScreening& r) const {
    return {{"ability", r.ability}, {"qualifications", r.qualifications}, {"moral_standing", r.moral_standing},
            {"judicial_record_checked", r.judicial_record_checked}, {"notes", r.notes}};
  }
  json::object operator()(const SupervisionCheckIn& r) const {
    return {{"notes", r.notes}, {"support_offered", r.support_offered}};
  }
  json::object operator()(const StaffMatching& r) const {
    return {{"sex", kSexNames.name(r.sex)}, {"languages", strings(r.languages)}};
  }
  json::object operator()(const FacilitiesChecklist& r) const {
    return {{"safe_and_secure", r.safe_and_secure},
            {"separate_sleeping_areas", r.separate_sleeping_areas},
            {"private_counselling_room", r.private_counselling_room},
            {"health_care_access", r.health_care_access},
            {"accessible", r.accessible},
            {"notes", r.notes}};
  }
  json::object operator()(const ServiceProviderEntry& r) const {
    return {{"name", r.name},       {"services", r.services}, {"contact", r.contact},
            {"address", r.address}, {"last_verified", format_iso_date(r.last_verified)}};
  }
};

}  // namespace

std::optional<std::size_t> centre_record_type_index(std::string_view type_name) {
  for (std::size_t i = 0; i < std::size(kCentreRecordTypeNames); ++i) {
    if (kCentreRecordTypeNames[i] == type_name) return i;
  }
  return std::nullopt;
}

Result<CentreRecordBody> decode_centre_record_body(std::string_view type_name, const json::value& value,
                                                   const std::string& prefix) {
  const auto index = centre_record_type_index(type_name);
  if (!index) return fail(ErrorCode::not_found, {}, "error.record_type_not_found");
  ObjectReader in(value, prefix);
  Input input{in, prefix, std::nullopt};
  auto body = read_alternative<CentreRecordBody>(*index, input, [](auto tag, Input& i) { return read(tag, i); });
  if (auto reader_problem = in.finish()) return fail(*reader_problem);
  if (input.problem) return fail(*input.problem);
  return body;
}

json::object encode_centre_record_body(const CentreRecordBody& body) { return std::visit(Encoder{}, body); }

}  // namespace haven::codec
