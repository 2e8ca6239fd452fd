// Records about the centre and its staff rather than about a case: qualifications and training
// (I.2.d, III.2.b), recruitment screening (III.1.b), supervision check-ins (III.1.c), what the
// matching of staff to a victim reads (I.2.b, II.1.b), the facilities checklist (III.1.a) and the
// service provider directory (II.6.a). Same envelope as a case record; `subject` is the staff
// member a record is about, empty for the centre itself.
#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "common/clock.hpp"
#include "common/enum_names.hpp"
#include "common/iso_time.hpp"
#include "domain/person.hpp"
#include "domain/record_type.hpp"

namespace haven::domain {

// I.2.d: the work only qualified staff may do.
enum class Qualification { counselling, identification_interview, social_work, medical, legal };
inline constexpr EnumNames<Qualification, 5> kQualificationNames{{{
    {Qualification::counselling, "counselling"},
    {Qualification::identification_interview, "identification_interview"},
    {Qualification::social_work, "social_work"},
    {Qualification::medical, "medical"},
    {Qualification::legal, "legal"},
}}};

struct StaffQualification {
  Qualification qualification = Qualification::social_work;
  std::string title;      // the certificate or degree
  std::string issued_by;
};
constexpr auto describe(Type<StaffQualification>) {
  return centre_record_type("staff_qualification", "I.2.d", true,
                            choice("qualification", &StaffQualification::qualification, kQualificationNames),
                            required_text("title", &StaffQualification::title),
                            text("issued_by", &StaffQualification::issued_by));
}

// III.2.b: training on recovery and on the law, among others.
enum class TrainingTopic { recovery, law, child_protection, trauma_care, other };
inline constexpr EnumNames<TrainingTopic, 5> kTrainingTopicNames{{{
    {TrainingTopic::recovery, "recovery"},
    {TrainingTopic::law, "law"},
    {TrainingTopic::child_protection, "child_protection"},
    {TrainingTopic::trauma_care, "trauma_care"},
    {TrainingTopic::other, "other"},
}}};

struct StaffTraining {
  TrainingTopic topic = TrainingTopic::other;
  std::string course;
  std::int64_t hours = 0;
};
constexpr auto describe(Type<StaffTraining>) {
  return centre_record_type("staff_training", "III.2.b", true,
                            choice("topic", &StaffTraining::topic, kTrainingTopicNames),
                            required_text("course", &StaffTraining::course),
                            integer("hours", &StaffTraining::hours));
}

// III.1.b: checked at recruitment: ability, qualifications, moral standing, judicial record.
struct RecruitmentScreening {
  bool ability = false;
  bool qualifications = false;
  bool moral_standing = false;
  bool judicial_record_checked = false;
  std::string notes;

  bool complete() const { return ability && qualifications && moral_standing && judicial_record_checked; }
};
constexpr auto describe(Type<RecruitmentScreening>) {
  return centre_record_type("recruitment_screening", "III.1.b", true,
                            flag("ability", &RecruitmentScreening::ability),
                            flag("qualifications", &RecruitmentScreening::qualifications),
                            flag("moral_standing", &RecruitmentScreening::moral_standing),
                            flag("judicial_record_checked", &RecruitmentScreening::judicial_record_checked),
                            text("notes", &RecruitmentScreening::notes));
}

// III.1.c: a supervision or stress check-in with a member of the direct support staff.
struct SupervisionCheckIn {
  std::string notes;
  bool support_offered = false;
};
constexpr auto describe(Type<SupervisionCheckIn>) {
  return centre_record_type("supervision_check_in", "III.1.c", true,
                            text("notes", &SupervisionCheckIn::notes),
                            flag("support_offered", &SupervisionCheckIn::support_offered));
}

// I.2.b, II.1.b: what matching a staff member to a victim reads: sex and languages, nothing else.
struct StaffMatching {
  Sex sex = Sex::unknown;
  std::vector<std::string> languages;  // BCP 47 primary tags
};
constexpr auto describe(Type<StaffMatching>) {
  return centre_record_type("staff_matching", "I.2.b II.1.b", true,
                            choice("sex", &StaffMatching::sex, kSexNames),
                            ids("languages", &StaffMatching::languages, true));
}

// III.1.a: the centre's facilities, as the self-assessment asks.
struct FacilitiesChecklist {
  bool safe_and_secure = false;
  bool separate_sleeping_areas = false;  // for children, and for women and men
  bool private_counselling_room = false;
  bool health_care_access = false;
  bool accessible = false;  // for people with a physical disadvantage
  std::string notes;
};
constexpr auto describe(Type<FacilitiesChecklist>) {
  return centre_record_type("facilities_checklist", "III.1.a", false,
                            flag("safe_and_secure", &FacilitiesChecklist::safe_and_secure),
                            flag("separate_sleeping_areas", &FacilitiesChecklist::separate_sleeping_areas),
                            flag("private_counselling_room", &FacilitiesChecklist::private_counselling_room),
                            flag("health_care_access", &FacilitiesChecklist::health_care_access),
                            flag("accessible", &FacilitiesChecklist::accessible),
                            text("notes", &FacilitiesChecklist::notes));
}

// II.6.a: an entry of the service provider directory; stale once not verified for a while.
struct ServiceProviderEntry {
  std::string name;
  std::string services;
  std::string contact;
  std::string address;
  Date last_verified{};
};
constexpr auto describe(Type<ServiceProviderEntry>) {
  return centre_record_type("service_provider", "II.6.a", false,
                            required_text("name", &ServiceProviderEntry::name),
                            text("services", &ServiceProviderEntry::services),
                            required_text("contact", &ServiceProviderEntry::contact),
                            text("address", &ServiceProviderEntry::address),
                            required_date("last_verified", &ServiceProviderEntry::last_verified));
}

// II.4.a: the head's own assessment of a clause the data cannot show (a manual item of the
// self-assessment), with what she based it on.
enum class AssessmentVerdict { met, not_met };
inline constexpr EnumNames<AssessmentVerdict, 2> kAssessmentVerdictNames{{{
    {AssessmentVerdict::met, "met"},
    {AssessmentVerdict::not_met, "not_met"},
}}};
struct ManualAssessment {
  std::string clause;  // a clause ID of the catalog, e.g. "I.2.a"
  AssessmentVerdict verdict = AssessmentVerdict::met;
  std::string note;
};
constexpr auto describe(Type<ManualAssessment>) {
  return centre_record_type("manual_assessment", "II.4.a", false,
                            required_text("clause", &ManualAssessment::clause),
                            choice("verdict", &ManualAssessment::verdict, kAssessmentVerdictNames),
                            required_text("note", &ManualAssessment::note));
}

using CentreRecordBody = std::variant<StaffQualification, StaffTraining, RecruitmentScreening, SupervisionCheckIn,
                                      StaffMatching, FacilitiesChecklist, ServiceProviderEntry, ManualAssessment>;

inline constexpr const auto& kCentreRecordTypeNames = RecordTypes<CentreRecordBody>::names;

// Whether a type is about a staff member (and so needs a subject) or about the centre.
inline constexpr bool is_staff_record(std::size_t type_index) {
  return RecordTypes<CentreRecordBody>::about_staff[type_index];
}

using CentreRecord = Record<CentreRecordBody>;

}  // namespace haven::domain
