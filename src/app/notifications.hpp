// In-app notifications: what a member of staff should look at, as a badge and a list. Some are noted
// when they happen, in the transaction that makes them (an assignment to a case; the head's decision
// on one's disclosure request); the rest are read off what stands now (a crisis-intervention task,
// II.3.b; a task past its deadline on one's cases; for the head, disclosure requests waiting for her,
// I.3.a) and leave the list when the work is done. Each person sees only their own, about the cases
// they are on now (I.3.c): a case code, a clause, a time, never a name. Reading them is not a reading
// of a case file (no content leaves), so it is not audited; marking them read is one's own business.
//
//   HAVEN_ASSIGN_OR_RETURN(auto mine, list_notifications(ctx, actor));   // mine.unread, mine.items
//   HAVEN_ASSIGN_OR_RETURN(auto left, mark_notifications_read(ctx, actor, {key}));
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "app/actor.hpp"
#include "app/app_context.hpp"
#include "common/enum_names.hpp"
#include "domain/case_record.hpp"
#include "standards/case_standing.hpp"

namespace haven::app {

enum class NotificationKind { assignment, crisis, overdue, disclosure_request, disclosure_decision };
inline constexpr EnumNames<NotificationKind, 5> kNotificationKindNames{{{
    {NotificationKind::assignment, "assignment"},
    {NotificationKind::crisis, "crisis"},
    {NotificationKind::overdue, "overdue"},
    {NotificationKind::disclosure_request, "disclosure_request"},
    {NotificationKind::disclosure_decision, "disclosure_decision"},
}}};

struct Notification {
  std::string key;  // stable while the thing noted stands: what marking read names
  NotificationKind kind = NotificationKind::assignment;
  std::string case_id;
  std::string case_code;
  std::string clause;     // the clause it is about, where there is one
  std::string record_id;  // the record it is about (a disclosure request), where there is one
  std::string verdict;    // a decision's: "approve" or "decline"
  Timestamp at{};         // when it happened; for a task, its deadline
  bool read = false;
  bool operator==(const Notification&) const = default;
};

struct Notifications {
  std::int64_t unread = 0;          // of the newest 500, not only those listed
  std::vector<Notification> items;  // newest first, at most kNotificationsListed
};
inline constexpr std::size_t kNotificationsListed = 100;
inline constexpr std::size_t kNotificationsMarkedAtOnce = 200;

// What a case's standing calls for at `now`, for someone on it: its open crisis-intervention tasks
// (II.3.b), overdue or not, and every other task past its deadline; nothing of a closed case. Pure;
// case codes left empty. `not_before`: those due earlier are left out unmade (a reader who keeps only
// the newest already holds enough newer ones).
std::vector<Notification> standing_notifications(std::string_view case_id, const standards::CaseStanding& standing,
                                                 Timestamp now, Timestamp not_before = Timestamp::min());

// The reader's notifications now (read_cases).
Result<Notifications> list_notifications(AppContext& ctx, const Actor& actor);

// Marks the reader's notifications of these keys read (keys not listed now are passed over), or all
// of them; returns how many are left unread. validation_failed on "keys" for none, or more than
// kNotificationsMarkedAtOnce.
Result<std::int64_t> mark_notifications_read(AppContext& ctx, const Actor& actor, std::span<const std::string> keys);
Result<std::int64_t> mark_all_notifications_read(AppContext& ctx, const Actor& actor);

// Noted in the transaction that writes the record: an assignment (or a designation, II.1.d) for the
// member of staff it puts on the case; a decision for the staff member who asked.
Result<void> note_staffing(storage::WriteTransaction& tx, std::string_view case_id, const domain::CaseRecord& record);
Result<void> note_disclosure_decision(storage::WriteTransaction& tx, std::string_view case_id,
                                      std::string_view requester_id, std::string_view request_id,
                                      const domain::CaseRecord& decision);

}  // namespace haven::app
