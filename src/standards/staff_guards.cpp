#include "standards/staff_guards.hpp"

#include <algorithm>
#include <cctype>
#include <string>
#include <type_traits>
#include <variant>

namespace haven::standards {
namespace {

bool filled(std::string_view text) { return text.find_first_not_of(" \t\r\n") != std::string_view::npos; }

bool sex_matches(domain::StaffGenderPreference preference, domain::Sex sex) {
  switch (preference) {
    case domain::StaffGenderPreference::any: return true;
    case domain::StaffGenderPreference::female: return sex == domain::Sex::female;
    case domain::StaffGenderPreference::male: return sex == domain::Sex::male;
  }
  return true;
}

// "zh-CN" and "ZH" are the same language for matching: the primary subtag, whatever its case.
std::string primary_language(std::string_view tag) {
  std::string primary(tag.substr(0, tag.find('-')));
  for (auto& c : primary) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return primary;
}

bool shares_a_language(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  return std::any_of(a.begin(), a.end(), [&b](const std::string& l) {
    return std::any_of(b.begin(), b.end(), [&](const std::string& m) { return primary_language(l) == primary_language(m); });
  });
}

}  // namespace

std::vector<Refusal> guard_assignment(const CaseHistory& history, const domain::StaffAssignment& assignment,
                                      const Team& team) {
  std::vector<Refusal> refusals;
  const StaffFacts* staff = team.find(assignment.staff_id);
  // III.1.b: only staff of this centre whose recruitment screening is on record work on cases.
  if (!staff || !staff->screened) {
    refusals.push_back({"III.1.b", staff ? "guard.staff_not_screened" : "guard.unknown_staff", {}, false});
    return refusals;
  }
  // III.2.c: on assignment, the staff member declares no conflict of interest with the victim.
  if (!assignment.no_conflict_of_interest) refusals.push_back({"III.2.c", "guard.conflict_of_interest_undeclared", {}, false});
  // I.2.b, II.1.b: matched to the victim where possible; otherwise the reason is written down. Only
  // sex and language are read: nothing about nationality, ethnicity, religion or status.
  const auto& person = history.file.person;
  if (!filled(assignment.matching_reason)) {
    if (!sex_matches(person.preferred_staff_gender, staff->sex)) {
      refusals.push_back({"I.2.b",
                          staff->sex == domain::Sex::unknown ? "guard.staff_gender_unknown" : "guard.staff_gender_mismatch",
                          {}, true});
    } else if (!person.languages.empty() && !shares_a_language(person.languages, staff->languages)) {
      refusals.push_back({"II.1.b", "guard.staff_language_mismatch", {}, true});
    }
  }
  return refusals;
}

std::optional<Refusal> guard_release(const CaseHistory& history, const domain::StaffAssignmentEnded& release) {
  // I.3.c: a release names someone on the case; releasing the staff member the victim designated
  // is the victim's choice to change (II.1.d), recorded as a new designation, not a release.
  const auto on_case = history.case_staff();
  if (std::find(on_case.begin(), on_case.end(), release.staff_id) == on_case.end()) {
    return Refusal{"I.3.c", "guard.release_not_on_case", {}, false};
  }
  if (history.staffing().designated == release.staff_id) return Refusal{"II.1.d", "guard.release_designated", {}, false};
  return std::nullopt;
}

std::optional<Refusal> guard_designation(const domain::DesignatedStaff& designation, const Team& team) {
  // II.1.d: the victim may turn to any screened member of the centre's staff.
  const StaffFacts* staff = team.find(designation.staff_id);
  if (!staff || !staff->screened) return Refusal{"II.1.d", "guard.designated_not_available", {}, false};
  // III.2.c: joining the case's staff, they declare no conflict of interest with the victim, as on assignment.
  if (!designation.no_conflict_of_interest) return Refusal{"III.2.c", "guard.conflict_of_interest_undeclared", {}, false};
  return std::nullopt;
}

std::optional<Refusal> guard_self_staffing(const domain::RecordBody& body, std::string_view author_id) {
  const std::string* named = nullptr;
  if (const auto* assignment = std::get_if<domain::StaffAssignment>(&body)) named = &assignment->staff_id;
  if (const auto* designation = std::get_if<domain::DesignatedStaff>(&body)) named = &designation->staff_id;
  if (!named || author_id.empty() || *named != author_id) return std::nullopt;
  return Refusal{"I.3.c", "guard.staff_self_assignment", {}, false};
}

std::optional<Refusal> guard_record_about_self(const domain::CentreRecordBody& body, std::string_view subject,
                                               std::string_view author_id) {
  if (author_id.empty() || subject != author_id) return std::nullopt;
  const char* clause = std::visit(
      [](const auto& r) -> const char* {
        using T = std::decay_t<decltype(r)>;
        if constexpr (std::is_same_v<T, domain::RecruitmentScreening>) return "III.1.b";
        if constexpr (std::is_same_v<T, domain::StaffQualification>) return "I.2.d";
        if constexpr (std::is_same_v<T, domain::StaffTraining>) return "III.2.b";
        if constexpr (std::is_same_v<T, domain::SupervisionCheckIn>) return "III.1.c";
        if constexpr (std::is_same_v<T, domain::StaffMatching>) return "I.2.b";
        return nullptr;  // about the centre: no subject to be
      },
      body);
  if (!clause) return std::nullopt;
  return Refusal{clause, "guard.record_about_self", {{"clause", clause}}, false};
}

std::optional<Refusal> guard_qualified_author(std::size_t type, const Author& author) {
  // I.2.d (and II.3.a, II.2.b): counselling and the identification interview by qualified staff only.
  std::optional<domain::Qualification> needed;
  if (type == domain::kRecordTypeIndex<domain::CounsellingSession>) needed = domain::Qualification::counselling;
  if (type == domain::kRecordTypeIndex<domain::IdentificationInterview>) {
    needed = domain::Qualification::identification_interview;
  }
  if (!needed || (author.facts && author.facts->qualified(*needed))) return std::nullopt;
  Refusal r{"I.2.d", "guard.needs_qualification", {}, false};
  r.args.push_back({"qualification", "qualification." + std::string(domain::kQualificationNames.name(*needed))});
  return r;
}

std::optional<CaseAccess> case_access_of(const CaseHistory& history, std::string_view staff_id, Timestamp now) {
  const auto on_case = history.case_staff();
  if (std::find(on_case.begin(), on_case.end(), staff_id) != on_case.end()) return CaseAccess{AccessVia::on_case, {}};
  const bool ever_staffed = std::any_of(history.records.begin(), history.records.end(), [](const domain::CaseRecord& r) {
    return r.is<domain::StaffAssignment>() || r.is<domain::DesignatedStaff>();
  });
  if (!ever_staffed && !staff_id.empty() && history.file.reception.recorded_by == staff_id) {
    return CaseAccess{AccessVia::received, {}};
  }
  std::optional<CaseAccess> glass;
  for (const auto& r : history.records) {
    if (!r.is<domain::BreakGlass>() || r.recorded_by != staff_id) continue;
    const Timestamp until = r.as<domain::BreakGlass>().until;
    if (r.recorded_at <= now && now < until && (!glass || until > glass->until)) glass = CaseAccess{AccessVia::break_glass, until};
  }
  return glass;
}

GuardDecision check_case_access(const CaseHistory& history, const StaffFacts& staff, Timestamp now) {
  GuardDecision decision;
  if (!staff.screened) decision.refusals.push_back({"III.1.b", "guard.staff_not_screened", {}, false});
  if (!case_access_of(history, staff.id, now)) {
    decision.refusals.push_back({"I.3.c", "guard.case_not_assigned", {}, false});
  }
  return decision;
}

}  // namespace haven::standards
