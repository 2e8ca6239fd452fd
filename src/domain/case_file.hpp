// A case: one person served by one centre, from reception to closure. The case ID is an opaque
// random identifier used in URLs; the case code ("HV-7K3M-Q9PX") is what staff read and say aloud.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "common/clock.hpp"
#include "common/enum_names.hpp"
#include "domain/person.hpp"
#include "domain/reception.hpp"

namespace haven::domain {

// The stages of the service, in order (the lifecycle and its guards come with the standards work).
// `repatriation` is the track of a foreign victim returning to their country (I.5.a).
enum class CaseStage {
  received,
  in_care,
  identification,
  assessment,
  planning,
  reintegration,
  monitoring,
  closed,
  repatriation,
};
inline constexpr EnumNames<CaseStage, 9> kCaseStageNames{{{
    {CaseStage::received, "received"},
    {CaseStage::in_care, "in_care"},
    {CaseStage::identification, "identification"},
    {CaseStage::assessment, "assessment"},
    {CaseStage::planning, "planning"},
    {CaseStage::reintegration, "reintegration"},
    {CaseStage::monitoring, "monitoring"},
    {CaseStage::closed, "closed"},
    {CaseStage::repatriation, "repatriation"},
}}};

// Why a case's file was erased (Law 91/2025/QH15 on personal data protection): the purpose of the
// processing ended, or the person asked.
enum class ErasureGround { purpose_ended, subject_request };
inline constexpr EnumNames<ErasureGround, 2> kErasureGroundNames{{{
    {ErasureGround::purpose_ended, "purpose_ended"},
    {ErasureGround::subject_request, "subject_request"},
}}};

// The case's key was destroyed: what stays is the case code, its stage and dates, so that the audit
// trail still names the case; nothing about the person. An erased case counts in no figure.
struct Erasure {
  Timestamp at{};
  std::string by;  // staff ID of the centre head
  ErasureGround ground = ErasureGround::purpose_ended;
};

struct CaseFile {
  std::string id;
  std::string centre_id;
  std::string code;
  CaseStage stage = CaseStage::received;
  std::int64_t version = 1;  // optimistic concurrency: bumped by every change to the case
  Timestamp created_at{};
  Timestamp updated_at{};
  Person person;
  Reception reception;
  std::optional<Erasure> erasure;  // set once erased: person and reception are then empty
};

// One line of the case list: what a worker needs to pick the right case, and no more.
struct CaseSummary {
  std::string id;
  std::string code;
  bool on_case = false;  // the viewer is on the case; otherwise the name is left empty (I.3.c)
  std::string name;
  bool name_is_alias = false;
  Sex sex = Sex::unknown;
  CaseStage stage = CaseStage::received;
  Timestamp received_at{};
  // Enough of the person to derive the child presumption (II.2.d) at the time of reading.
  std::optional<Date> birth_date;
  std::optional<int> estimated_age;
  bool suspected_child = false;
};

}  // namespace haven::domain
