#include "app/duplicates.hpp"

#include <deque>
#include <mutex>
#include <unordered_map>

#include "app/permissions.hpp"
#include "domain/new_case_validation.hpp"

namespace haven::app {
namespace {

std::string joined(const std::vector<std::string>& codes) {
  std::string out;
  for (const auto& code : codes) out.append(out.empty() ? "" : ",").append(code);
  return out;
}

// The checks a member of staff made in the last hour, on this server. A reception needs a few; many
// more is someone looking people up (a name, then each birth year), which the limit slows and the
// audit log shows.
class CheckLimit {
 public:
  bool allow(const std::string& staff_id, Timestamp now) {
    std::lock_guard lock(mutex_);
    auto& times = checks_[staff_id];
    while (!times.empty() && now - times.front() >= std::chrono::hours{1}) times.pop_front();
    if (times.size() >= static_cast<std::size_t>(kDuplicateChecksPerHour)) return false;
    times.push_back(now);
    return true;
  }

 private:
  std::mutex mutex_;
  std::unordered_map<std::string, std::deque<Timestamp>> checks_;
};

CheckLimit& check_limit() {
  static CheckLimit limit;
  return limit;
}

}  // namespace

Result<std::vector<PossibleDuplicate>> possible_duplicates(AppContext& ctx, const Actor& actor, std::string_view name,
                                                           std::optional<Date> birth_date,
                                                           storage::PendingCommits& awaiting) {
  HAVEN_TRY(require(actor, Action::register_case));
  HAVEN_TRY(domain::validate_person_name(name, "name"));
  const Timestamp now = ctx.clock.now();
  if (!check_limit().allow(actor.staff_id, now)) {
    Error e(ErrorCode::rate_limited);
    e.message_key = "error.duplicate_checks_limited";
    e.with_arg("max", std::to_string(kDuplicateChecksPerHour));
    return tl::unexpected(e);
  }
  HAVEN_ASSIGN_OR_RETURN(auto matches, storage::read_value<std::vector<storage::NameMatch>>(
                                           ctx.store, [&](storage::ReadTransaction& tx) {
                                             return tx.cases().named_alike(actor.centre_id, name, birth_date,
                                                                           kMaxPossibleDuplicates);
                                           }));
  // Which cases a name led to is a reading of those cases' existence: each is kept in the case's own
  // trail (and so in an exposure report), never the name. A check that found nothing is kept too.
  std::vector<storage::AuditEntry> entries;
  std::vector<PossibleDuplicate> found;
  for (auto& match : matches) {
    entries.push_back({now, actor.staff_id, "case.duplicate_check", match.case_id, "shown=" + match.code});
    found.push_back({std::move(match.code), match.received_at});
  }
  if (entries.empty()) entries.push_back({now, actor.staff_id, "case.duplicate_check", {}, "shown="});
  awaiting.push_back(ctx.store.write_deferred([entries = std::move(entries)](storage::WriteTransaction& tx) -> Result<void> {
    for (const auto& entry : entries) HAVEN_TRY(tx.audit().append(entry));
    return {};
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
