#include "standards/obligations.hpp"

#include <algorithm>
#include <functional>

#include <boost/container/small_vector.hpp>


namespace haven::standards {
namespace {

// The API name of record type T: the form a task for it opens.
template <class T>
constexpr std::string_view type_name = domain::kRecordTypeNames[domain::kRecordTypeIndex<T>];

// An obligation fulfilled by a record of type T within a parameter's time from the reception.
template <class T>
ObligationOutcome from_reception(const CaseHistory& history, const Parameters& params, std::string_view clause,
                                 std::string_view parameter, std::string_view task_key) {
  ObligationOutcome o;
  o.clause = clause;
  o.task_key = task_key;
  o.record_type = type_name<T>;
  o.due_at = history.received_at() + params.duration(clause, parameter);
  o.fulfilled_by = history.first<T>();
  return o;
}

// Every `interval` after the last record of type T (or after `since` when there is none yet).
// The interval is the parameter `parameter` of clause `parameter_clause` (II.8.a's schedule runs at
// the frequency II.8.b sets).
template <class T>
ObligationOutcome every(const CaseHistory& history, std::chrono::seconds interval, std::string_view clause,
                        std::string_view task_key, Timestamp since) {
  ObligationOutcome o;
  o.clause = clause;
  o.task_key = task_key;
  o.record_type = type_name<T>;
  o.recurring = true;
  o.last = history.latest<T>();
  o.due_at = (o.last ? std::max(o.last->occurred_at, since) : since) + interval;
  return o;
}

// Each record of type Item must be answered, within `window` of it, by a record of type Answer that
// names it (a complaint by its resolution, a referral by the provider's answer).
template <class Item, class Answer, class NameOfItem>
void each_answered_within(const CaseHistory& history, std::string_view clause, std::string_view task_key,
                          std::chrono::seconds window, NameOfItem names, const ObligationVisitor& out) {
  for (const auto& item : history.records) {
    if (!item.is<Item>()) continue;
    ObligationOutcome o;
    o.clause = clause;
    o.task_key = task_key;
    o.record_type = type_name<Answer>;
    o.due_at = item.occurred_at + window;
    o.about = &item;
    o.fulfilled_by = history.first_where<Answer>(
        [&](const domain::CaseRecord& a) { return names(a.template as<Answer>()) == item.id; });
    out(o);
  }
}

bool is_stage(const CaseHistory& history, std::initializer_list<domain::CaseStage> stages) {
  return std::find(stages.begin(), stages.end(), history.file.stage) != stages.end();
}

}  // namespace

void visit_obligations(const CaseHistory& history, const Parameters& params, const ObligationVisitor& out) {
  out(from_reception<domain::IntakeAssessment>(history, params, "I.1.b", "intake_assessment_hours",
                                                        "task.intake_assessment"));
  out(from_reception<domain::Orientation>(history, params, "II.1.c", "orientation_hours", "task.orientation"));
  out(from_reception<domain::CounsellingSession>(history, params, "II.3.a", "first_counselling_hours",
                                                          "task.first_counselling"));
  out(from_reception<domain::ReturnRiskAssessment>(history, params, "II.4.b", "risk_assessment_days",
                                                            "task.return_risk_assessment"));
  // I.4.a, and for a child I.4.b first: the staff decide what to tell and how before telling it.
  if (history.treated_as_child()) {
    // I.4.b has no deadline of its own: the decision is due by the time the information is (I.4.a).
    auto decision = from_reception<domain::ChildInformationDecision>(history, params, "I.4.a", "information_hours",
                                                                     "task.child_information_decision");
    decision.clause = "I.4.b";
    out(decision);
  }
  out(from_reception<domain::InformationProvided>(history, params, "I.4.a", "information_hours",
                                                           "task.information_provided"));

  using domain::CaseStage;
  // I.2.c: while the victim is in the centre's care, a consultation every 14 days.
  // A foreign victim waiting to return home is still in the centre's care.
  if (is_stage(history, {CaseStage::received, CaseStage::in_care, CaseStage::identification, CaseStage::assessment,
                         CaseStage::planning, CaseStage::repatriation})) {
    out(every<domain::Consultation>(history, params.duration("I.2.c", "consultation_interval_days"), "I.2.c",
                                    "task.consultation", history.received_at()));
  }
  // II.2.c: once identification has begun, the essential needs (food, shelter, clothing, medical care)
  // are checked as met: due by the start of identification, which the case's last change marks.
  if (is_stage(history, {CaseStage::identification})) {
    ObligationOutcome needs;
    needs.clause = "II.2.c";
    needs.task_key = "task.essential_needs";
    needs.record_type = type_name<domain::EssentialNeeds>;
    needs.due_at = history.file.updated_at;
    for (const auto* r : history.all<domain::EssentialNeeds>()) {
      const auto& n = r->as<domain::EssentialNeeds>();
      if (n.food && n.shelter && n.clothing && n.medical_care) {
        needs.fulfilled_by = r;
        break;
      }
    }
    // Met on the day identification started is on time: the check is part of it.
    needs.due_at += std::chrono::hours{24};
    out(needs);
  }
  // II.5.d: the plan is checked and updated every 30 days once there is one.
  if (const auto* plan = history.first<domain::ReintegrationPlan>();
      plan && is_stage(history, {CaseStage::planning, CaseStage::reintegration, CaseStage::monitoring})) {
    out(every<domain::ReintegrationPlan>(history, params.duration("II.5.d", "plan_review_days"), "II.5.d",
                                         "task.plan_review", plan->occurred_at));
  }
  // II.8.a, II.8.b: while monitoring, a follow-up contact at the case's interval (its latest schedule,
  // set from the victim's needs, or the deployment's default), counted from the last contact or from
  // the start of monitoring (the case's last change); I.1.a: the place of residence reassessed at its
  // interval.
  if (is_stage(history, {CaseStage::monitoring})) {
    const auto* schedule = history.latest<domain::FollowUpSchedule>();
    const auto follow_up_interval = schedule ? std::chrono::seconds{std::chrono::days{
                                                   schedule->as<domain::FollowUpSchedule>().interval_days}}
                                             : params.duration("II.8.b", "follow_up_interval_days");
    out(every<domain::FollowUpContact>(history, follow_up_interval, "II.8.a", "task.follow_up_contact",
                                       history.file.updated_at));
    out(every<domain::LocationSafetyAssessment>(history, params.duration("I.1.a", "residence_reassessment_days"), "I.1.a",
                                                "task.residence_reassessment", history.file.updated_at));
  }

  // I.1.d: each complaint resolved within 14 days (the indicator counts those resolved in time).
  each_answered_within<domain::Complaint, domain::ComplaintResolution>(
      history, "I.1.d", "task.complaint_resolution", params.duration("I.1.d", "complaint_resolution_days"),
      [](const domain::ComplaintResolution& r) { return r.complaint_id; }, out);
  // II.6.e: each referral's outcome followed up within 14 days of sending it.
  each_answered_within<domain::Referral, domain::ReferralUpdate>(
      history, "II.6.e", "task.referral_follow_up", params.duration("II.6.e", "referral_follow_up_days"),
      [](const domain::ReferralUpdate& u) { return u.referral_id; }, out);

  // II.3.b: each crisis seen in counselling calls for an intervention within hours of the session.
  const auto crisis_window = params.duration("II.3.b", "crisis_intervention_hours");
  for (const auto& session : history.records) {
    if (!session.is<domain::CounsellingSession>() || !session.as<domain::CounsellingSession>().crisis) continue;
    ObligationOutcome o;
    o.clause = "II.3.b";
    o.task_key = "task.crisis_intervention";
    o.record_type = type_name<domain::CrisisIntervention>;
    o.due_at = session.occurred_at + crisis_window;
    o.about = &session;
    o.fulfilled_by = history.first_where<domain::CrisisIntervention>(
        [&session](const domain::CaseRecord& i) { return i.occurred_at >= session.occurred_at; });
    out(o);
  }
}

std::vector<ObligationOutcome> evaluate_obligations(const CaseHistory& history, const Parameters& params) {
  std::vector<ObligationOutcome> out;
  visit_obligations(history, params, [&out](const ObligationOutcome& o) { out.push_back(o); });
  return out;
}

std::vector<Task> open_tasks(const CaseHistory& history, const Parameters& params, Timestamp now) {
  if (history.file.stage == domain::CaseStage::closed) return {};  // a closed case asks nothing more of anyone
  // Gathered on the stack, then copied once into a vector of the exact size: no growth by doubling.
  boost::container::small_vector<Task, 16> tasks;
  visit_obligations(history, params, [&](const ObligationOutcome& o) {
    if (o.fulfilled_by) return;
    if (o.recurring && o.last && now < o.due_at - std::chrono::hours{24 * 3}) return;  // shown 3 days ahead
    tasks.push_back({o.clause, o.task_key, o.record_type, o.due_at, now >= o.due_at, o.about});
  });
  // A total order (std::stable_sort would allocate a buffer): crisis first, then by due date, then by
  // clause and by the record that started the clock (records are in the history's order).
  std::sort(tasks.begin(), tasks.end(), [](const Task& a, const Task& b) {
    const bool a_crisis = a.clause == "II.3.b";
    const bool b_crisis = b.clause == "II.3.b";
    if (a_crisis != b_crisis) return a_crisis;
    if (a.due_at != b.due_at) return a.due_at < b.due_at;
    if (a.clause != b.clause) return a.clause < b.clause;
    return std::less<const domain::CaseRecord*>{}(a.about, b.about);
  });
  return std::vector<Task>(tasks.begin(), tasks.end());
}

}  // namespace haven::standards
