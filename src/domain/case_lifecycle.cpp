#include "domain/case_lifecycle.hpp"

namespace haven::domain {

std::optional<CaseStage> next_stage(CaseStage from, LifecycleAction action) {
  using S = CaseStage;
  using A = LifecycleAction;
  switch (action) {
    case A::begin_care: return from == S::received ? std::optional{S::in_care} : std::nullopt;
    case A::begin_identification: return from == S::in_care ? std::optional{S::identification} : std::nullopt;
    case A::begin_assessment: return from == S::identification ? std::optional{S::assessment} : std::nullopt;
    case A::begin_planning: return from == S::assessment ? std::optional{S::planning} : std::nullopt;
    case A::begin_reintegration: return from == S::planning ? std::optional{S::reintegration} : std::nullopt;
    case A::begin_monitoring: return from == S::reintegration ? std::optional{S::monitoring} : std::nullopt;
    case A::close: return from == S::monitoring ? std::optional{S::closed} : std::nullopt;
    // Contact can be lost at any point of the service, not only while monitoring.
    case A::close_lost_contact: return from != S::closed ? std::optional{S::closed} : std::nullopt;
    case A::reopen: return from == S::closed ? std::optional{S::in_care} : std::nullopt;
    // Repatriation may begin once the person is in care and before reintegration here has started.
    case A::begin_repatriation:
      return from == S::in_care || from == S::identification || from == S::assessment || from == S::planning
                 ? std::optional{S::repatriation}
                 : std::nullopt;
    case A::complete_repatriation: return from == S::repatriation ? std::optional{S::closed} : std::nullopt;
    case A::cancel_repatriation: return from == S::repatriation ? std::optional{S::in_care} : std::nullopt;
  }
  return std::nullopt;
}

}  // namespace haven::domain
