#include "app/duplicates.hpp"

#include "app/permissions.hpp"
#include "domain/new_case_validation.hpp"

namespace haven::app {
namespace {

std::string joined(const std::vector<std::string>& codes) {
  std::string out;
  for (const auto& code : codes) out.append(out.empty() ? "" : ",").append(code);
  return out;
}

}  // namespace

Result<std::vector<PossibleDuplicate>> possible_duplicates(AppContext& ctx, const Actor& actor, std::string_view name,
                                                           std::optional<Date> birth_date,
                                                           storage::PendingCommits& awaiting) {
  HAVEN_TRY(require(actor, Action::register_case));
  HAVEN_TRY(domain::validate_person_name(name, "name"));
  HAVEN_ASSIGN_OR_RETURN(auto matches, storage::read_value<std::vector<storage::NameMatch>>(
                                           ctx.store, [&](storage::ReadTransaction& tx) {
                                             return tx.cases().named_alike(actor.centre_id, name, birth_date,
                                                                           kMaxPossibleDuplicates);
                                           }));
  std::vector<PossibleDuplicate> found;
  std::vector<std::string> codes;
  for (auto& match : matches) {
    codes.push_back(match.code);
    found.push_back({std::move(match.code), match.received_at});
  }
  // Which cases a name led to is itself a reading of the centre's files: kept, without the name.
  storage::AuditEntry entry{ctx.clock.now(), actor.staff_id, "case.duplicate_check", {}, "found=" + joined(codes)};
  awaiting.push_back(ctx.store.write_deferred([entry = std::move(entry)](storage::WriteTransaction& tx) {
    return tx.audit().append(entry);
  }));
  return found;
}

Result<std::string> duplicates_detail(storage::WriteTransaction& tx, std::string_view centre_id,
                                      const domain::Person& person, const std::vector<std::string>& seen) {
  HAVEN_ASSIGN_OR_RETURN(auto matches,
                         tx.cases().named_alike(centre_id, person.name, person.birth_date, kMaxPossibleDuplicates));
  if (matches.empty() && seen.empty()) return std::string();
  std::vector<std::string> codes;
  for (const auto& match : matches) codes.push_back(match.code);
  return " possible_duplicates=" + joined(codes) + " seen=" + joined(seen);
}

}  // namespace haven::app
