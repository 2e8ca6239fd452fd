#include "app/notifications.hpp"

#include <algorithm>
#include <map>
#include <tuple>
#include <unordered_set>

#include "app/case_standings.hpp"
#include "app/disclosure_requests.hpp"
#include "app/permissions.hpp"
#include "security/blind_index.hpp"
#include "standards/clause.hpp"

namespace haven::app {
namespace {

constexpr std::string_view kCrisisClause = "II.3.b";
constexpr std::size_t kMaxKeyLength = 200;
// Case codes are asked for this many cases at a time (one SQL parameter each).
constexpr std::size_t kCodesAtOnce = 200;
// The newest notifications weighed at all (read or not, counted as unread): a worker with more has
// more to do than a list can say, and the bell's count says "99+" long before.
constexpr std::size_t kNotificationsConsidered = 500;

std::string seconds_of(Timestamp at) { return std::to_string(at.time_since_epoch().count()); }

// The kind stored with the read mark of a notification derived from what stands now.
constexpr std::string_view kReadMark = "read";

bool noted_when_it_happened(NotificationKind kind) {
  return kind == NotificationKind::assignment || kind == NotificationKind::disclosure_decision;
}

Notification from_row(const storage::StoredNotification& row, NotificationKind kind) {
  Notification n;
  n.key = row.key;
  n.kind = kind;
  n.case_id = row.case_id;
  n.record_id = row.record_id;
  n.at = row.at;
  n.read = row.read_at.has_value();
  if (kind == NotificationKind::disclosure_decision) {
    n.clause = "I.3.a";
    n.verdict = row.detail;
  }
  return n;
}

bool newest_first(const Notification& a, const Notification& b) {
  return std::tie(b.at, a.key) < std::tie(a.at, b.key);  // of two at once, by key
}

// The newest kNotificationsConsidered of everything offered, kept as a heap whose front is the oldest
// kept: a worker on thousands of cases with overdue work costs a reading 500 items, not a copy and a
// sort of every one (bench/RESULTS.md, 2026-12-07).
class Newest {
 public:
  void offer(Notification n) {
    if (kept_.size() < kNotificationsConsidered) {
      kept_.push_back(std::move(n));
      std::push_heap(kept_.begin(), kept_.end(), newest_first);
    } else if (newest_first(n, kept_.front())) {
      std::pop_heap(kept_.begin(), kept_.end(), newest_first);
      kept_.back() = std::move(n);
      std::push_heap(kept_.begin(), kept_.end(), newest_first);
    }
  }
  // What is due before this is not kept: the heap is full of newer ones.
  Timestamp oldest_wanted() const {
    return kept_.size() < kNotificationsConsidered ? Timestamp::min() : kept_.front().at;
  }
  std::vector<Notification> take() && {
    std::sort_heap(kept_.begin(), kept_.end(), newest_first);
    return std::move(kept_);
  }

 private:
  std::vector<Notification> kept_;
};

// The reader's notifications, newest first: at most kNotificationsConsidered, so that a caseload of
// thousands of cases with overdue work costs a reading no more than the newest few hundred items.
Result<std::vector<Notification>> gather(AppContext& ctx, const Actor& actor) {
  HAVEN_TRY(require(actor, Action::read_cases));
  if (!ctx.keys) return fail_internal(ErrorCode::internal, "notifications need the key file's index key");
  const Timestamp now = ctx.clock.now();
  Newest newest;
  // The cases the reader is on now, as the case list counts them (the one who received a person is on
  // her case until someone is assigned, though no staffing record names her), read from her side.
  // A sorted list rather than a set: the cases come in ID order, and a worker may be on 100,000.
  std::vector<std::string> on;
  HAVEN_TRY(visit_staff_standings(ctx, actor.centre_id, actor.staff_id,
                                  [&](std::string_view case_id, const standards::CaseStanding& s) {
                                    on.emplace_back(case_id);
                                    for (auto& n : standing_notifications(case_id, s, now, newest.oldest_wanted())) {
                                      newest.offer(std::move(n));
                                    }
                                  }));
  if (!std::is_sorted(on.begin(), on.end())) std::sort(on.begin(), on.end());
  if (role_may(actor.role, Action::release_disclosure)) {
    HAVEN_ASSIGN_OR_RETURN(auto waiting, pending_disclosure_requests(ctx, actor));
    for (auto& w : waiting) {
      if (w.request.recorded_by == actor.staff_id) continue;  // she releases her own herself, on the case
      Notification n;
      n.key = "request:" + w.request.id;
      n.kind = NotificationKind::disclosure_request;
      n.case_id = std::move(w.case_id);
      n.case_code = std::move(w.case_code);  // a case she need not be on: its code for this request only
      n.clause = "I.3.a";
      n.record_id = w.request.id;
      n.at = w.request.recorded_at;
      newest.offer(std::move(n));
    }
  }
  HAVEN_ASSIGN_OR_RETURN(auto rows, storage::read_value<std::vector<storage::StoredNotification>>(
                                        ctx.store, [&](storage::ReadTransaction& tx) { return tx.notifications().list(actor.staff_id); }));
  // What was noted when it happened, about a case the reader is still on.
  for (const auto& row : rows) {
    const auto kind = kNotificationKindNames.parse(row.kind);
    if (!kind || !noted_when_it_happened(*kind)) continue;
    if (!std::binary_search(on.begin(), on.end(), row.case_id)) continue;
    newest.offer(from_row(row, *kind));
  }
  auto items = std::move(newest).take();
  std::map<std::string_view, const storage::StoredNotification*> by_key;
  for (const auto& row : rows) by_key.emplace(row.key, &row);
  for (auto& n : items) {
    if (!noted_when_it_happened(n.kind) && n.kind != NotificationKind::disclosure_request) {
      // What the key says (a crisis, a clause, a deadline) is the case's own: its read mark is stored,
      // and its key shown, as a keyed token of it, bound to the reader.
      n.key = "t" + security::search_token(ctx.keys->index_key(), "notification|" + actor.staff_id + "|" + n.key);
    }
    const auto row = by_key.find(n.key);
    n.read = row != by_key.end() && row->second->read_at.has_value();
  }
  std::vector<std::string> wanted;
  for (const auto& n : items) {
    if (n.kind != NotificationKind::disclosure_request) wanted.push_back(n.case_id);
  }
  std::sort(wanted.begin(), wanted.end());
  wanted.erase(std::unique(wanted.begin(), wanted.end()), wanted.end());
  std::map<std::string, std::string, std::less<>> codes;  // of the cases the reader is on
  HAVEN_TRY(ctx.store.read([&](storage::ReadTransaction& tx) -> Result<void> {
    for (std::size_t from = 0; from < wanted.size(); from += kCodesAtOnce) {
      const auto to = std::min(wanted.size(), from + kCodesAtOnce);
      storage::CaseQuery query{actor.centre_id, actor.staff_id, true, {}, static_cast<int>(kCodesAtOnce), 0,
                               std::nullopt,
                               std::vector<std::string>(wanted.begin() + static_cast<std::ptrdiff_t>(from),
                                                        wanted.begin() + static_cast<std::ptrdiff_t>(to))};
      HAVEN_ASSIGN_OR_RETURN(auto page, tx.cases().list(query));
      for (auto& summary : page.items) codes.emplace(std::move(summary.id), std::move(summary.code));
    }
    return {};
  }));
  // A case gone from the reader's list since (released, moved, erased) is left out with what it noted.
  std::erase_if(items, [&](const Notification& n) {
    return n.kind != NotificationKind::disclosure_request && !codes.contains(n.case_id);
  });
  for (auto& n : items) {
    if (n.kind != NotificationKind::disclosure_request) n.case_code = codes.find(n.case_id)->second;
  }
  return items;
}

std::int64_t unread_of(const std::vector<Notification>& items) {
  return std::count_if(items.begin(), items.end(), [](const Notification& n) { return !n.read; });
}

Result<std::int64_t> mark(AppContext& ctx, const Actor& actor, const std::vector<Notification>& items,
                          const auto& wanted) {
  std::vector<storage::StoredNotification> rows;
  for (const auto& n : items) {
    if (n.read || !wanted(n)) continue;
    if (noted_when_it_happened(n.kind)) {
      rows.push_back({actor.staff_id, n.key, std::string(kNotificationKindNames.name(n.kind)), n.case_id, n.record_id,
                      {}, n.at, std::nullopt});  // a mark carries no detail: the row noted it
    } else {
      // A derived one's mark: its token, and its case so that an erasure takes it; no kind, no time.
      rows.push_back({actor.staff_id, n.key, std::string(kReadMark), n.case_id, {}, {}, Timestamp{}, std::nullopt});
    }
  }
  if (!rows.empty()) {
    const Timestamp now = ctx.clock.now();
    HAVEN_TRY(ctx.store.write([&](storage::WriteTransaction& tx) { return tx.notifications().mark_read(rows, now); }));
  }
  return unread_of(items) - static_cast<std::int64_t>(rows.size());
}

}  // namespace

std::vector<Notification> standing_notifications(std::string_view case_id, const standards::CaseStanding& standing,
                                                 Timestamp now, Timestamp not_before) {
  const auto catalog = standards::clause_catalog();
  std::vector<Notification> out;
  // A closed case's missed deadline is its history, not anyone's work now (as the dashboard counts).
  if (standing.stage == domain::CaseStage::closed) return out;
  for (const auto& item : standing.items) {
    if (item.due_at == standards::kNoDeadline) continue;  // an indicator: no task
    if (item.due_at < not_before) continue;
    const auto state = item.at(now).first;
    const std::string_view clause = catalog[item.clause_index].id;
    const bool crisis = clause == kCrisisClause;
    if (state != standards::ClauseState::overdue && !(crisis && state == standards::ClauseState::pending)) continue;
    Notification n;
    n.kind = crisis ? NotificationKind::crisis : NotificationKind::overdue;
    // A crisis read while there was time is news again once its deadline passes.
    n.key = crisis ? "crisis:" + std::string(case_id) + ":" + seconds_of(item.due_at) +
                         (state == standards::ClauseState::overdue ? ":overdue" : "")
                   : "overdue:" + std::string(case_id) + ":" + std::string(clause) + ":" + seconds_of(item.due_at);
    // Two tasks of one clause due at the same moment read the same: one notification says it.
    if (std::any_of(out.begin(), out.end(), [&](const Notification& o) { return o.key == n.key; })) continue;
    n.case_id = std::string(case_id);
    n.clause = std::string(clause);
    n.at = item.due_at;
    out.push_back(std::move(n));
  }
  return out;
}

Result<Notifications> list_notifications(AppContext& ctx, const Actor& actor) {
  HAVEN_ASSIGN_OR_RETURN(auto items, gather(ctx, actor));  // newest first
  Notifications out;
  out.unread = unread_of(items);
  if (items.size() > kNotificationsListed) items.resize(kNotificationsListed);
  out.items = std::move(items);
  return out;
}

Result<std::int64_t> mark_notifications_read(AppContext& ctx, const Actor& actor, std::span<const std::string> keys) {
  if (keys.empty() || keys.size() > kNotificationsMarkedAtOnce ||
      std::any_of(keys.begin(), keys.end(), [](const std::string& k) { return k.empty() || k.size() > kMaxKeyLength; })) {
    Error e(ErrorCode::validation_failed);
    e.field = "keys";
    e.message_key = "validation.notification_keys";
    e.with_arg("max", std::to_string(kNotificationsMarkedAtOnce));
    return tl::unexpected(e);
  }
  HAVEN_ASSIGN_OR_RETURN(auto items, gather(ctx, actor));
  const std::unordered_set<std::string_view> wanted(keys.begin(), keys.end());
  return mark(ctx, actor, items, [&](const Notification& n) { return wanted.contains(n.key); });
}

Result<std::int64_t> mark_all_notifications_read(AppContext& ctx, const Actor& actor) {
  HAVEN_ASSIGN_OR_RETURN(auto items, gather(ctx, actor));
  return mark(ctx, actor, items, [](const Notification&) { return true; });
}

Result<void> note_staffing(storage::WriteTransaction& tx, std::string_view case_id, const domain::CaseRecord& record) {
  std::string staff_id;
  if (const auto* a = std::get_if<domain::StaffAssignment>(&record.body)) staff_id = a->staff_id;
  if (const auto* d = std::get_if<domain::DesignatedStaff>(&record.body)) staff_id = d->staff_id;
  if (staff_id.empty() || staff_id == record.recorded_by) return {};
  return tx.notifications().add({staff_id, "assignment:" + record.id,
                                 std::string(kNotificationKindNames.name(NotificationKind::assignment)),
                                 std::string(case_id), record.id, {}, record.recorded_at, std::nullopt});
}

Result<void> note_disclosure_decision(storage::WriteTransaction& tx, std::string_view case_id,
                                      std::string_view requester_id, std::string_view request_id,
                                      const domain::CaseRecord& decision) {
  if (requester_id.empty() || requester_id == decision.recorded_by) return {};
  const bool approved = decision.as<domain::DisclosureDecision>().approved;
  return tx.notifications().add({std::string(requester_id), "decision:" + decision.id,
                                 std::string(kNotificationKindNames.name(NotificationKind::disclosure_decision)),
                                 std::string(case_id), std::string(request_id), approved ? "approve" : "decline",
                                 decision.recorded_at, std::nullopt});
}

}  // namespace haven::app
