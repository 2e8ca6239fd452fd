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

// III.1.b: checked at recruitment: ability, qualifications, moral standing, judicial record.
struct RecruitmentScreening {
  bool ability = false;
  bool qualifications = false;
  bool moral_standing = false;
  bool judicial_record_checked = false;
  std::string notes;

  bool complete() const { return ability && qualifications && moral_standing && judicial_record_checked; }
};

// III.1.c: a supervision or stress check-in with a member of the direct support staff.
struct SupervisionCheckIn {
  std::string notes;
  bool support_offered = false;
};

// I.2.b, II.1.b: what matching a staff member to a victim reads: sex and languages, nothing else.
struct StaffMatching {
  Sex sex = Sex::unknown;
  std::vector<std::string> languages;  // BCP 47 primary tags
};

// III.1.a: the centre's facilities, as the self-assessment asks.
struct FacilitiesChecklist {
  bool safe_and_secure = false;
  bool separate_sleeping_areas = false;  // for children, and for women and men
  bool private_counselling_room = false;
  bool health_care_access = false;
  bool accessible = false;  // for people with a physical disadvantage
  std::string notes;
};

// II.6.a: an entry of the service provider directory; stale once not verified for a while.
struct ServiceProviderEntry {
  std::string name;
  std::string services;
  std::string contact;
  std::string address;
  Date last_verified{};
};

using CentreRecordBody = std::variant<StaffQualification, StaffTraining, RecruitmentScreening, SupervisionCheckIn,
                                      StaffMatching, FacilitiesChecklist, ServiceProviderEntry>;

inline constexpr std::string_view kCentreRecordTypeNames[] = {
    "staff_qualification", "staff_training",       "recruitment_screening", "supervision_check_in",
    "staff_matching",      "facilities_checklist", "service_provider",
};
static_assert(std::size(kCentreRecordTypeNames) == std::variant_size_v<CentreRecordBody>);

// Whether a type is about a staff member (and so needs a subject) or about the centre.
inline constexpr bool is_staff_record(std::size_t type_index) { return type_index <= 4; }

struct CentreRecord {
  std::string id;
  std::string subject;  // the staff member's ID, or empty for the centre
  Timestamp occurred_at{};
  Timestamp recorded_at{};
  std::string recorded_by;
  std::int64_t version = 1;
  CentreRecordBody body;

  template <class T>
  bool is() const {
    return std::holds_alternative<T>(body);
  }
  template <class T>
  const T& as() const {
    return std::get<T>(body);
  }
  std::string_view type_name() const { return kCentreRecordTypeNames[body.index()]; }
};

}  // namespace haven::domain
