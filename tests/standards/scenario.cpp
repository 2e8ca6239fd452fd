#include "standards/scenario.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "common/iso_time.hpp"
#include "domain/new_case_validation.hpp"
#include "standards/compliance.hpp"
#include "standards/disclosure_gate.hpp"
#include "standards/centre_indicators.hpp"
#include "standards/guards.hpp"
#include "standards/progress_summary.hpp"
#include "standards/staff_guards.hpp"
#include "standards/obligations.hpp"
#include "standards/scenario_fields.hpp"

namespace haven::standards::testing {
namespace {

std::vector<std::string> split_words(const std::string& line) {
  std::istringstream in(line);
  std::vector<std::string> words;
  for (std::string w; in >> w;) words.push_back(w);
  return words;
}

// The built case, or the reason the setup could not be read.
struct Built {
  CaseHistory history;
  Team team;
  std::vector<domain::CentreRecord> centre_records;
  Parameters params = Parameters::defaults();
  Timestamp now{};
  std::string error;
};

std::string where(const Scenario& s, const ScenarioLine& l) {
  return s.file + ":" + std::to_string(l.number) + " (" + s.name + ")";
}

bool attribute(const std::vector<std::string>& words, const std::string& name, std::string& value) {
  for (const auto& w : words) {
    if (w.rfind(name + "=", 0) == 0) {
      value = w.substr(name.size() + 1);
      return true;
    }
  }
  return false;
}

// A record of `type` as a scenario writes it: a complete, ordinary one (`default_body`), with the
// fields its words name set as they say (scenario_fields.hpp). Unknown types and fields are errors
// that name what exists.
std::optional<domain::RecordBody> default_body(const std::string& type, const CaseHistory& history) {
  using namespace domain;
  if (type == "intake_assessment") return IntakeAssessment{"stable", "anxious", "withdrawn", false};
  if (type == "orientation") return Orientation{true, true, true};
  if (type == "information_provided") return InformationProvided{"vi", InformationFormat::verbal, true, true, false};
  if (type == "child_information_decision") return ChildInformationDecision{"short verbal explanation"};
  if (type == "health_check") return HealthCheck{true, "no acute condition"};
  if (type == "counselling_session") return CounsellingSession{"tired, calm", false};
  if (type == "crisis_intervention") return CrisisIntervention{"safety plan, on-call counsellor"};
  if (type == "identification_interview") return IdentificationInterview{"quiet room", {"counsellor"}, false, "calm"};
  if (type == "return_risk_assessment") return ReturnRiskAssessment{ReturnRiskAssessment::Level::medium, "findings"};
  if (type == "closure_checklist") return ClosureChecklist{true, true, true, true, true, "ready to live with her mother", true};
  if (type == "recovery_assessment") return RecoveryAssessment{"recovering well", false};
  if (type == "location_safety_assessment") return LocationSafetyAssessment{"home village", true, "safe"};
  if (type == "reintegration_decision") return ReintegrationDecision{Destination::own_family, true, "wants to go home", ""};
  if (type == "reintegration_plan") {
    return ReintegrationPlan{true, "return home safely", "debt", "vocational course", "six months",
                             {"provincial women's union"}, "determined", "sewing", "own shop", "family land",
                             record_id(history, "return_risk_assessment", true), true,
                             "agrees, wants to start in spring",
                             {{record_id(history, "identified_need", true), "income", "vocational training"}}, ""};
  }
  if (type == "follow_up_contact") return FollowUpContact{ContactChannel::visit, "visited the family"};
  if (type == "consultation") return Consultation{"calmer", "wants to learn a trade"};
  if (type == "complaint") return Complaint{"meals too small"};
  if (type == "complaint_resolution") return ComplaintResolution{record_id(history, "complaint", true), "portions increased"};
  if (type == "referral") return Referral{"Vocational centre", "sewing course", "wants to learn sewing", true, false};
  if (type == "referral_update") {
    return ReferralUpdate{record_id(history, "referral", true), ReferralStatus::accepted, "place offered"};
  }
  if (type == "safety_guidance") return SafetyGuidance{true, true, false, false, "safe travel, health insurance"};
  if (type == "identified_need") return IdentifiedNeed{"vocational training"};
  if (type == "need_addressed") {
    return NeedAddressed{record_id(history, "identified_need", true), NeedResponse::referred, "sewing course"};
  }
  if (type == "repatriation_wish") return RepatriationWish{true, "Embassy of Cambodia, Hanoi", "wants to go home to Kampot"};
  if (type == "repatriation_safety_assessment") {
    return RepatriationSafetyAssessment{"KH", true, "family ready, recruiter arrested"};
  }
  if (type == "disadvantage_noted") return DisadvantageNoted{false, true, "severe depression"};
  if (type == "expert_and_family_consultation") {
    return ExpertAndFamilyConsultation{"psychiatrist, provincial hospital", "mother and elder sister", "stay near the clinic"};
  }
  if (type == "provider_list_given") return ProviderListGiven{"vi"};
  if (type == "staff_assignment") return StaffAssignment{"staff-1", true, ""};
  if (type == "staff_assignment_ended") return StaffAssignmentEnded{"staff-1", "moved to another centre"};
  if (type == "designated_staff") return DesignatedStaff{"staff-1", true};
  if (type == "follow_up_schedule") return FollowUpSchedule{14, "relapse risk after the father's return"};
  if (type == "break_glass") {
    return BreakGlass{"the victim's mother reported threats at night; the assigned worker is off sick", {}};
  }
  if (type == "guard_override") return GuardOverride{{}, "referral", "urgent surgery at the provincial hospital"};
  if (type == "consent") {
    // A consent to share identity and health with the vocational centre for a referral.
    return Consent{ConsentGiver::victim, {InformationCategory::identity, InformationCategory::health},
                   "Vocational centre", {DisclosurePurpose::referral}, std::nullopt, true};
  }
  if (type == "consent_withdrawal") return ConsentWithdrawal{record_id(history, "consent", true)};
  if (type == "disclosure") {
    // A referral package to the vocational centre with identity and health, for the latest referral.
    return Disclosure{DisclosureKind::referral_package, "vocational centre", DisclosurePurpose::referral,
                      {InformationCategory::identity, InformationCategory::health}, "referral for a sewing course",
                      record_id(history, "referral", true)};
  }
  if (type == "essential_needs") return EssentialNeeds{true, true, true, true};
  if (type == "contact_attempt") return ContactAttempt{};
  return std::nullopt;
}

// The words of a record line that set fields: every `name=value` but the author's `by=`.
tl::expected<domain::RecordBody, std::string> record_body(const std::string& type, const std::vector<std::string>& words,
                                                          const CaseHistory& history) {
  auto body = default_body(type, history);
  if (!body) return tl::unexpected("no record type " + type);
  for (const auto& w : words) {
    const auto eq = w.find('=');
    if (eq == std::string::npos || eq == 0 || w.compare(0, eq, "by") == 0) continue;
    const std::string why = std::visit(
        [&](auto& b) { return set_field(b, w.substr(0, eq), w.substr(eq + 1), history); }, *body);
    if (!why.empty()) return tl::unexpected(why);
  }
  return std::move(*body);
}

// One member of the scenario's team from `staff ID key=value...` (or the defaults when absent).
StaffFacts staff_member(const std::vector<std::string>& words) {
  StaffFacts s;
  s.id = words[1];
  s.screened = true;
  s.qualifications = {domain::Qualification::counselling, domain::Qualification::identification_interview};
  s.sex = domain::Sex::female;
  s.languages = {"vi"};
  std::string v;
  if (attribute(words, "role", v)) s.role = domain::kRoleNames.parse(v).value_or(domain::Role::case_worker);
  if (attribute(words, "screened", v)) s.screened = v == "yes";
  if (attribute(words, "qualified", v)) {
    s.qualifications.clear();
    if (v.find("counselling") != std::string::npos) s.qualifications.push_back(domain::Qualification::counselling);
    if (v.find("identification") != std::string::npos) {
      s.qualifications.push_back(domain::Qualification::identification_interview);
    }
  }
  if (attribute(words, "sex", v)) s.sex = domain::kSexNames.parse(v).value_or(domain::Sex::unknown);
  if (attribute(words, "languages", v)) s.languages = {v};
  if (attribute(words, "supervised", v)) s.last_supervision = parse_iso_timestamp(v);
  if (attribute(words, "trained", v)) {
    if (v.find("recovery") != std::string::npos) s.training.push_back(domain::TrainingTopic::recovery);
    if (v.find("law") != std::string::npos) s.training.push_back(domain::TrainingTopic::law);
  }
  return s;
}

Built build(const Scenario& s) {
  Built b;
  // The team every scenario starts with: staff-1, a screened case worker qualified for counselling
  // and the identification interview, and the centre head. `staff` lines change or add members.
  b.team.staff = {staff_member({"staff", "staff-1"}), staff_member({"staff", "head", "role=centre_head"})};
  b.history.file.id = "case-under-test";
  b.history.file.person.name = "Nguyễn Thị Lan";
  b.history.file.person.birth_date = parse_iso_date("1998-04-02");
  b.history.file.person.nationality = "VN";
  b.history.file.person.languages = {"vi"};
  b.history.file.reception.referral_channel = domain::ReferralChannel::border_guard;
  b.history.file.reception.referring_authority = "Tinh Bien border guard post";
  b.history.file.reception.legal_basis = "Decree 62/2012/ND-CP, article 9";
  b.history.file.reception.documents = {"handover minutes"};
  std::string param_text;
  int record_number = 0;
  for (const auto& line : s.setup) {
    const auto& w = line.words;
    auto bad = [&](const std::string& why) { b.error = where(s, line) + ": " + why; };
    if (w[0] == "received" && w.size() == 2) {
      auto t = parse_iso_timestamp(w[1]);
      if (!t) return bad("not a time: " + w[1]), b;
      b.history.file.reception.received_at = *t;
    } else if (w[0] == "now" && w.size() == 2) {
      auto t = parse_iso_timestamp(w[1]);
      if (!t) return bad("not a time: " + w[1]), b;
      b.now = *t;
    } else if (w[0] == "since" && w.size() == 2) {  // when the case reached its current stage
      auto t = parse_iso_timestamp(w[1]);
      if (!t) return bad("not a time: " + w[1]), b;
      b.history.file.updated_at = *t;
    } else if (w[0] == "stage" && w.size() == 2) {
      auto stage = domain::kCaseStageNames.parse(w[1]);
      if (!stage) return bad("no stage " + w[1]), b;
      b.history.file.stage = *stage;
    } else if (w[0] == "child" && w.size() == 2) {
      auto& p = b.history.file.person;
      if (w[1] == "yes") p.birth_date = parse_iso_date("2012-06-01");
      if (w[1] == "suspected") p.birth_date.reset(), p.suspected_child = true;
      if (w[1] == "no") p.birth_date = parse_iso_date("1998-04-02"), p.suspected_child = false;
    } else if (w[0] == "staff" && w.size() >= 2) {
      std::erase_if(b.team.staff, [&](const StaffFacts& m) { return m.id == w[1]; });
      b.team.staff.push_back(staff_member(w));
    } else if (w[0] == "centre" && w.size() >= 3) {
      // centre facilities complete|partial at TIME; centre provider verified DATE [name=NAME]
      domain::CentreRecord r;
      r.id = "c" + std::to_string(b.centre_records.size() + 1);
      if (w[1] == "facilities" && w.size() == 5 && w[3] == "at") {
        const bool complete = w[2] == "complete";
        r.body = domain::FacilitiesChecklist{true, true, complete, true, true, ""};
        auto at = parse_iso_timestamp(w[4]);
        if (!at) return bad("not a time: " + w[4]), b;
        r.occurred_at = *at;
      } else if (w[1] == "provider" && w.size() >= 4 && w[2] == "verified") {
        auto date = parse_iso_date(w[3]);
        if (!date) return bad("not a date: " + w[3]), b;
        std::string name = "Vocational centre";
        attribute(w, "name", name);
        r.body = domain::ServiceProviderEntry{name, "sewing", "0296 3 874 123", "", *date};
      } else {
        return bad("cannot read this centre line"), b;
      }
      b.centre_records.push_back(std::move(r));
    } else if (w[0] == "prefers" && w.size() == 2) {  // the staff gender the person prefers (I.2.b)
      b.history.file.person.preferred_staff_gender =
          domain::kStaffGenderPreferenceNames.parse(w[1]).value_or(domain::StaffGenderPreference::any);
    } else if (w[0] == "speaks" && w.size() == 2) {
      b.history.file.person.languages = {w[1]};
    } else if (w[0] == "received_by" && w.size() == 2) {  // who received the person (I.3.c)
      b.history.file.reception.recorded_by = w[1];
    } else if (w[0] == "nationality" && w.size() == 2) {
      b.history.file.person.nationality = w[1];
    } else if (w[0] == "param" && w.size() == 4 && w[2] == "=") {
      param_text += w[1] + " = " + w[3] + "\n";
    } else if (w[0] == "record" && w.size() >= 4 && w[2] == "at") {
      auto body = record_body(w[1], w, b.history);
      auto at = parse_iso_timestamp(w[3]);
      if (!body) return bad(body.error()), b;
      if (!at) return bad("not a time: " + w[3]), b;
      domain::CaseRecord r;
      r.id = "r" + std::to_string(++record_number) + "-" + w[1];
      r.occurred_at = r.recorded_at = *at;
      r.recorded_by = "staff-1";
      attribute(w, "by", r.recorded_by);
      r.body = std::move(*body);
      b.history.records.push_back(std::move(r));
    } else {
      return bad("cannot read this line"), b;
    }
  }
  if (b.history.file.updated_at == Timestamp{}) b.history.file.updated_at = b.history.file.reception.received_at;
  if (!param_text.empty()) {
    auto parsed = Parameters::parse(param_text);
    if (!parsed) {
      b.error = s.file + ": " + parsed.error().log_detail;
      return b;
    }
    b.params = std::move(*parsed);
  }
  return b;
}

std::string describe(const GuardDecision& d) {
  if (d.allowed()) return "allowed";
  std::string out = "refused";
  for (const auto& r : d.refusals) out += " " + (r.clause.empty() ? r.message_key : r.clause);
  return out;
}

}  // namespace

std::vector<Scenario> load_scenarios(const std::filesystem::path& directory) {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(directory)) {
    if (entry.path().extension() == ".scenario") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  std::vector<Scenario> scenarios;
  for (const auto& path : files) {
    std::ifstream in(path);
    std::string text;
    int number = 0;
    Scenario* current = nullptr;
    while (std::getline(in, text)) {
      ++number;
      auto words = split_words(text);
      if (words.empty() || words[0].front() == '#') continue;
      if (words[0] == "scenario") {
        scenarios.push_back({path.filename().string(), text.substr(text.find("scenario") + 9), number, {}, {}});
        current = &scenarios.back();
        continue;
      }
      if (!current) {
        scenarios.push_back({path.filename().string(), "(before any scenario)", number, {}, {}});
        current = &scenarios.back();
      }
      (words[0] == "expect" ? current->expectations : current->setup).push_back({number, std::move(words)});
    }
  }
  return scenarios;
}

std::vector<std::string> run_scenario(const Scenario& s, const std::function<void(domain::Person&)>& vary) {
  std::vector<std::string> failures;
  Built b = build(s);
  if (!b.error.empty()) return {b.error};
  if (vary) vary(b.history.file.person);
  if (s.expectations.empty()) return {s.file + ":" + std::to_string(s.line) + ": a scenario must expect something"};
  const auto tasks = open_tasks(b.history, b.params, b.now);
  const auto states = case_compliance(b.history, b.params, b.now);

  // The stored standing must say what the compliance panel says, at the scenario's moment and at
  // others around its deadlines: the self-assessment counts the one, the case file shows the other.
  const auto standing = standing_of(b.history, b.params);
  for (const auto offset : {std::chrono::hours{0}, std::chrono::hours{-24 * 30}, std::chrono::hours{1},
                            std::chrono::hours{24 * 8}, std::chrono::hours{24 * 400}}) {
    const Timestamp at = b.now + offset;
    std::vector<std::pair<std::uint16_t, ClauseState>> expected;
    const auto compliance = case_compliance(b.history, b.params, at);
    for (const auto& status : compliance.clauses()) {
      expected.emplace_back(status.clause_index, status.state);
    }
    if (clause_states_at(standing, at) != expected) {
      failures.push_back(s.file + ":" + std::to_string(s.line) + ": the standing disagrees with the compliance " +
                         std::to_string(offset.count()) + " h from the scenario's moment");
    }
  }

  for (const auto& line : s.expectations) {
    const auto& w = line.words;
    std::string expected;
    std::string actual;
    if (w.size() >= 4 && w[1] == "action") {
      auto action = domain::kLifecycleActionNames.parse(w[2]);
      if (!action) {
        failures.push_back(where(s, line) + ": no action " + w[2]);
        continue;
      }
      actual = describe(check_action(b.history, *action, b.params, b.now));
    } else if (w.size() >= 4 && w[1] == "record") {
      auto body = record_body(w[2], w, b.history);
      if (!body) {
        failures.push_back(where(s, line) + ": " + body.error());
        continue;
      }
      // by=ID: written by that member of the team (staff-1 when not said).
      std::string by = "staff-1";
      attribute(w, "by", by);
      const StaffFacts* writer = b.team.find(by);
      const Author author{writer ? writer->role : domain::Role::case_worker, writer};
      actual = describe(check_new_record(b.history, *body, author, b.team, b.params, b.now));
    } else if (w.size() == 4 && w[1] == "progress") {  // expect progress TYPE shown|hidden
      const auto summary = progress_summary(b.history);
      const auto key = progress_key(w[2]);
      const bool shown = !key.empty() && std::any_of(summary.done.begin(), summary.done.end(),
                                                     [key](const ProgressStep& step) { return step.message_key == key; });
      actual = shown ? "shown" : "hidden";
    } else if (w.size() == 4 && w[1] == "next") {  // expect next progress KEY (what comes next, said to the victim)
      actual = progress_summary(b.history).next_key;
      expected = w[3];
      if (actual != expected) failures.push_back(where(s, line) + ": expected " + expected + ", got " + actual);
      continue;
    } else if (w.size() == 5 && w[1] == "staff") {  // expect staff ID CLAUSE STATE
      const std::vector<CaseStanding> cases{standing_of(b.history, b.params)};
      const auto all = staff_indicators(b.team, cases, b.params, b.now);
      const auto found = std::find_if(all.begin(), all.end(), [&](const StaffIndicators& i) { return i.staff_id == w[2]; });
      if (found == all.end()) {
        failures.push_back(where(s, line) + ": no staff " + w[2]);
        continue;
      }
      const auto& i = *found;
      if (w[3] == "III.1.c") actual = !i.direct_support ? "not_applicable" : i.supervision_overdue ? "overdue" : "met";
      if (w[3] == "III.2.b") actual = !i.direct_support ? "not_applicable" : i.trained_in_recovery && i.trained_in_law ? "met" : "not_met";
      if (w[3] == "III.1.b") actual = i.screened ? "met" : "not_met";
      if (w[3] == "caseload") actual = std::to_string(i.caseload);
      expected = w[4];
      if (actual != expected) failures.push_back(where(s, line) + ": expected " + expected + ", got " + actual);
      continue;
    } else if (w.size() == 4 && w[1] == "centre") {  // expect centre III.1.a STATE | expect centre stale N
      const auto centre = centre_indicators(b.centre_records, b.params, b.now);
      actual = w[2] == "stale" ? std::to_string(centre.stale_providers.size())
                               : std::string(kClauseStateNames.name(centre.facilities));
    } else if (w.size() == 5 && w[1] == "assessment") {  // expect assessment CLAUSE BASIS MET/APPLICABLE
      const std::vector<CaseStanding> cases{standing_of(b.history, b.params)};
      const auto lines = self_assessment(cases, b.team, b.centre_records, b.params, b.now);
      const auto found = std::find_if(lines.begin(), lines.end(), [&](const SelfAssessmentLine& l) { return l.clause == w[2]; });
      if (found == lines.end()) {
        failures.push_back(where(s, line) + ": no clause " + w[2]);
        continue;
      }
      constexpr const char* kBasis[] = {"cases", "staff", "centre", "manual"};
      actual = std::string(kBasis[static_cast<int>(found->basis)]) + " " + std::to_string(found->met) + "/" +
               std::to_string(found->applicable());
    } else if (w.size() >= 4 && w[1] == "transfer") {  // expect transfer CENTRE [by=ID] OUTCOME
      std::string by = "staff-1";
      attribute(w, "by", by);
      const StaffFacts* writer = b.team.find(by);
      const Author author{writer ? writer->role : domain::Role::case_worker, writer};
      actual = describe(check_transfer(b.history, w[2], author, b.now).decision);
    } else if (w.size() >= 4 && w[1] == "access") {
      const StaffFacts* member = b.team.find(w[2]);
      if (!member) {
        failures.push_back(where(s, line) + ": no staff " + w[2]);
        continue;
      }
      actual = describe(check_case_access(b.history, *member, b.now));
    } else if (w.size() >= 3 && w[1] == "reception") {
      // II.1.a: the reception record as the case was opened, with one field left out when asked.
      domain::Reception reception = b.history.file.reception;
      std::string v;
      if (attribute(w, "missing", v)) {
        if (v == "legal_basis") reception.legal_basis.clear();
        if (v == "referring_authority") reception.referring_authority.clear();
      }
      const auto valid = domain::validate_new_case(b.history.file.person, reception, b.now);
      actual = valid ? "allowed" : "refused " + (valid.error().clause.empty() ? valid.error().message_key : valid.error().clause);
      for (std::size_t i = 2; i < w.size(); ++i) {
        if (w[i].find('=') == std::string::npos) expected += (expected.empty() ? "" : " ") + w[i];
      }
      if (actual != expected) failures.push_back(where(s, line) + ": expected " + expected + ", got " + actual);
      continue;
    } else if (w.size() == 4 && w[1] == "task") {
      actual = "none";
      for (const auto& t : tasks) {
        if (t.clause == w[2]) actual = t.overdue ? "overdue" : "due";
      }
    } else if (w.size() == 4 && w[1] == "clause") {
      const auto* status = states.find(w[2]);
      actual = status ? std::string(kClauseStateNames.name(status->state)) : "not evaluated";
    } else {
      failures.push_back(where(s, line) + ": cannot read this expectation");
      continue;
    }
    for (std::size_t i = 3; i < w.size(); ++i) {
      if (w[i].find('=') != std::string::npos) continue;  // record attributes, not part of the outcome
      expected += (expected.empty() ? "" : " ") + w[i];
    }
    if (actual != expected) {
      failures.push_back(where(s, line) + ": expected " + expected + ", got " + actual);
    }
  }
  return failures;
}

}  // namespace haven::standards::testing
