// What the standards engine knows about a centre's staff: from their accounts and the centre's
// records, whether each is screened (III.1.b), what they are qualified for (I.2.d), trained in
// (III.2.b), when they last had supervision (III.1.c), and what matching reads (I.2.b, II.1.b).
// Pure: the accounts and records come in.
//
//   Team team = team_of(accounts, centre_records);
//   if (const StaffFacts* s = team.find(id); s && s->qualified(Qualification::counselling)) ...
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/centre_record.hpp"
#include "domain/staff.hpp"

namespace haven::standards {

struct StaffFacts {
  std::string id;
  domain::Role role = domain::Role::case_worker;
  bool screened = false;  // III.1.b: the latest recruitment screening is complete
  std::vector<domain::Qualification> qualifications;
  std::vector<domain::TrainingTopic> training;
  domain::Sex sex = domain::Sex::unknown;
  std::vector<std::string> languages;
  std::optional<Timestamp> last_supervision;

  bool qualified(domain::Qualification q) const;
  bool trained_in(domain::TrainingTopic t) const;
  // III.1.c: the direct support staff, who work with victims day to day.
  bool direct_support() const { return role == domain::Role::case_worker || role == domain::Role::counsellor; }
};

struct Team {
  std::vector<StaffFacts> staff;
  const StaffFacts* find(std::string_view id) const;
};

Team team_of(std::span<const domain::StaffAccount> accounts, std::span<const domain::CentreRecord> records);

}  // namespace haven::standards
