#include "standards/obligations.hpp"

#include <algorithm>

#include "domain/person.hpp"

namespace haven::standards {
namespace {

// An obligation fulfilled by a record of type T within a parameter's time from the reception.
template <class T>
ObligationOutcome from_reception(const CaseHistory& history, const Parameters& params, std::string_view clause,
                                 std::string_view parameter, std::string_view task_key) {
  ObligationOutcome o;
  o.clause = clause;
  o.task_key = task_key;
  o.due_at = history.received_at() + params.duration(clause, parameter);
  o.fulfilled_by = history.first<T>();
  return o;
}

bool treated_as_child(const CaseHistory& history) {
  // The engine judges a case as it stood at reception; the presumption can only end with a recorded
  // birth date (II.2.d), which treated_as_child reads.
  const auto received = date_of(history.received_at());
  return domain::treated_as_child(history.file.person, received, received);
}

}  // namespace

std::vector<ObligationOutcome> evaluate_obligations(const CaseHistory& history, const Parameters& params) {
  std::vector<ObligationOutcome> out;
  out.push_back(from_reception<domain::IntakeAssessment>(history, params, "I.1.b", "intake_assessment_hours",
                                                        "task.intake_assessment"));
  out.push_back(from_reception<domain::Orientation>(history, params, "II.1.c", "orientation_hours", "task.orientation"));
  out.push_back(from_reception<domain::CounsellingSession>(history, params, "II.3.a", "first_counselling_hours",
                                                          "task.first_counselling"));
  out.push_back(from_reception<domain::ReturnRiskAssessment>(history, params, "II.4.b", "risk_assessment_days",
                                                            "task.return_risk_assessment"));
  // I.4.a, and for a child I.4.b first: the staff decide what to tell and how before telling it.
  if (treated_as_child(history)) {
    // I.4.b has no deadline of its own: the decision is due by the time the information is (I.4.a).
    auto decision = from_reception<domain::ChildInformationDecision>(history, params, "I.4.a", "information_hours",
                                                                     "task.child_information_decision");
    decision.clause = "I.4.b";
    out.push_back(std::move(decision));
  }
  out.push_back(from_reception<domain::InformationProvided>(history, params, "I.4.a", "information_hours",
                                                           "task.information_provided"));

  // II.3.b: each crisis seen in counselling calls for an intervention within hours of the session.
  const auto crisis_window = params.duration("II.3.b", "crisis_intervention_hours");
  const auto interventions = history.all<domain::CrisisIntervention>();
  for (const auto* session : history.all<domain::CounsellingSession>()) {
    if (!session->as<domain::CounsellingSession>().crisis) continue;
    ObligationOutcome o;
    o.clause = "II.3.b";
    o.task_key = "task.crisis_intervention";
    o.due_at = session->occurred_at + crisis_window;
    o.about_record_id = session->id;
    const auto after = std::find_if(interventions.begin(), interventions.end(),
                                    [&](const auto* i) { return i->occurred_at >= session->occurred_at; });
    o.fulfilled_by = after == interventions.end() ? nullptr : *after;
    out.push_back(std::move(o));
  }
  return out;
}

std::vector<Task> open_tasks(const CaseHistory& history, const Parameters& params, Timestamp now) {
  std::vector<Task> tasks;
  if (history.file.stage == domain::CaseStage::closed) return tasks;  // a closed case asks nothing more of anyone
  for (const auto& o : evaluate_obligations(history, params)) {
    if (o.fulfilled_by) continue;
    tasks.push_back({o.clause, o.task_key, o.due_at, now >= o.due_at, o.about_record_id});
  }
  std::stable_sort(tasks.begin(), tasks.end(), [](const Task& a, const Task& b) {
    const bool a_crisis = a.clause == "II.3.b";
    const bool b_crisis = b.clause == "II.3.b";
    if (a_crisis != b_crisis) return a_crisis;
    return a.due_at < b.due_at;
  });
  return tasks;
}

}  // namespace haven::standards
