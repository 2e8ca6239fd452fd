// The case lifecycle as an explicit state machine: which action moves a case from which stage to
// which. Whether an allowed move may happen now is for the standards guards (standards/guards.hpp).
//
//   next_stage(CaseStage::received, LifecycleAction::begin_care) == CaseStage::in_care
//   next_stage(CaseStage::closed, LifecycleAction::begin_planning) == std::nullopt
#pragma once

#include <optional>

#include "common/enum_names.hpp"
#include "domain/case_file.hpp"

namespace haven::domain {

enum class LifecycleAction {
  begin_care,
  begin_identification,
  begin_assessment,
  begin_planning,
  begin_reintegration,
  begin_monitoring,
  close,               // the support has done its work (II.8.c)
  close_lost_contact,  // no contact can be made (II.8.d)
  reopen,
  begin_repatriation,     // a foreign victim who wishes to return home (I.5.a)
  complete_repatriation,  // they have returned, safely (I.5.a); the case closes
  cancel_repatriation,    // they changed their mind, or the return stays unsafe: back to care here
};
inline constexpr EnumNames<LifecycleAction, 12> kLifecycleActionNames{{{
    {LifecycleAction::begin_care, "begin_care"},
    {LifecycleAction::begin_identification, "begin_identification"},
    {LifecycleAction::begin_assessment, "begin_assessment"},
    {LifecycleAction::begin_planning, "begin_planning"},
    {LifecycleAction::begin_reintegration, "begin_reintegration"},
    {LifecycleAction::begin_monitoring, "begin_monitoring"},
    {LifecycleAction::close, "close"},
    {LifecycleAction::close_lost_contact, "close_lost_contact"},
    {LifecycleAction::reopen, "reopen"},
    {LifecycleAction::begin_repatriation, "begin_repatriation"},
    {LifecycleAction::complete_repatriation, "complete_repatriation"},
    {LifecycleAction::cancel_repatriation, "cancel_repatriation"},
}}};

std::optional<CaseStage> next_stage(CaseStage from, LifecycleAction action);

}  // namespace haven::domain
