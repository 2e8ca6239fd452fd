#include "standards/team.hpp"

#include <algorithm>

namespace haven::standards {

bool StaffFacts::qualified(domain::Qualification q) const {
  return std::find(qualifications.begin(), qualifications.end(), q) != qualifications.end();
}

bool StaffFacts::trained_in(domain::TrainingTopic t) const {
  return std::find(training.begin(), training.end(), t) != training.end();
}

const StaffFacts* Team::find(std::string_view id) const {
  const auto it = std::find_if(staff.begin(), staff.end(), [id](const StaffFacts& s) { return s.id == id; });
  return it == staff.end() ? nullptr : &*it;
}

Team team_of(std::span<const domain::StaffAccount> accounts, std::span<const domain::CentreRecord> records) {
  Team team;
  for (const auto& account : accounts) {
    if (account.disabled) continue;
    StaffFacts facts;
    facts.id = account.id;
    facts.role = account.role;
    team.staff.push_back(std::move(facts));
  }
  // Records in the order they happened: a later screening or matching profile replaces an earlier one.
  std::vector<const domain::CentreRecord*> ordered;
  for (const auto& r : records) ordered.push_back(&r);
  std::stable_sort(ordered.begin(), ordered.end(), [](auto* a, auto* b) { return a->occurred_at < b->occurred_at; });
  for (const auto* r : ordered) {
    auto it = std::find_if(team.staff.begin(), team.staff.end(), [r](const StaffFacts& s) { return s.id == r->subject; });
    if (it == team.staff.end()) continue;
    StaffFacts& s = *it;
    if (r->is<domain::RecruitmentScreening>()) s.screened = r->as<domain::RecruitmentScreening>().complete();
    if (r->is<domain::StaffQualification>()) s.qualifications.push_back(r->as<domain::StaffQualification>().qualification);
    if (r->is<domain::StaffTraining>()) s.training.push_back(r->as<domain::StaffTraining>().topic);
    if (r->is<domain::SupervisionCheckIn>()) s.last_supervision = r->occurred_at;
    if (r->is<domain::StaffMatching>()) {
      s.sex = r->as<domain::StaffMatching>().sex;
      s.languages = r->as<domain::StaffMatching>().languages;
    }
  }
  return team;
}

}  // namespace haven::standards
