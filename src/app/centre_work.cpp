#include "app/centre_work.hpp"

#include <algorithm>
#include <chrono>
#include <utility>

#include "app/case_standings.hpp"
#include "app/permissions.hpp"
#include "app/written_text.hpp"
#include "domain/search_fold.hpp"
#include "domain/text_rules.hpp"
#include "security/random.hpp"
#include "standards/clause.hpp"
#include "standards/staff_guards.hpp"

namespace haven::app {

Result<standards::Team> load_team(storage::ReadTransaction& tx, std::string_view centre_id) {
  HAVEN_ASSIGN_OR_RETURN(auto accounts, tx.staff().list(centre_id));
  HAVEN_ASSIGN_OR_RETURN(auto records, tx.centre_records().list(centre_id, std::nullopt));
  return standards::team_of(accounts, records);
}

Result<domain::CentreRecord> new_centre_record(std::string subject, domain::CentreRecordBody body, Timestamp occurred_at,
                                               std::string_view author, Timestamp now) {
  if (occurred_at > now + std::chrono::minutes{5}) {
    return fail(ErrorCode::validation_failed, "occurred_at", "validation.occurred_at_future");
  }
  domain::CentreRecord record;
  record.id = security::new_record_id();
  record.subject = std::move(subject);
  record.occurred_at = occurred_at;
  record.recorded_at = now;
  record.recorded_by = std::string(author);
  record.body = std::move(body);
  return record;
}

Result<domain::CentreRecord> add_centre_record(AppContext& ctx, const Actor& actor, std::string subject,
                                               domain::CentreRecordBody body, Timestamp occurred_at) {
  HAVEN_TRY(require(actor, Action::manage_centre_records));
  const Timestamp now = ctx.clock.now();
  const bool about_staff = domain::is_staff_record(body.index());
  if (!about_staff && !subject.empty()) return fail(ErrorCode::validation_failed, "subject", "validation.subject_centre");
  auto made = new_centre_record(std::move(subject), std::move(body), occurred_at, actor.staff_id, now);
  if (!made) return made;
  domain::CentreRecord record = std::move(*made);
  if (const auto* assessed = std::get_if<domain::ManualAssessment>(&record.body)) {
    if (!standards::find_clause(assessed->clause)) {
      return fail(ErrorCode::validation_failed, "body.clause", "validation.unknown_clause");
    }
    HAVEN_TRY(require_text(assessed->note, "body.note", domain::kMaxNarrativeCodePoints));  // what it rests on
  }
  if (auto self = standards::guard_record_about_self(record.body, record.subject, actor.staff_id)) {
    Error e = standards::refusal_error(standards::GuardDecision{{*self}});
    e.code = ErrorCode::forbidden;
    e.field = "subject";
    return tl::unexpected(e);
  }
  HAVEN_TRY(ctx.store.write([&](storage::WriteTransaction& tx) -> Result<void> {
    if (about_staff) {
      // A staff record is about a member of this centre's staff: the ID must name one.
      HAVEN_ASSIGN_OR_RETURN(auto staff, security::is_record_id(record.subject) ? tx.staff().find(record.subject)
                                                          : Result<std::optional<domain::StaffAccount>>(std::nullopt));
      if (!staff || staff->centre_id != actor.centre_id) {
        return fail(ErrorCode::validation_failed, "subject", "validation.subject_staff");
      }
    }
    if (auto r = tx.centre_records().insert(actor.centre_id, record); !r) return r;
    return tx.audit().append({now, actor.staff_id, "centre_record.create", "",
                            std::string(record.type_name()) + " " + record.id +
                                (record.subject.empty() ? "" : " about " + record.subject),
                            record.subject});
  }));
  return record;
}

Result<std::vector<domain::CentreRecord>> list_centre_records(AppContext& ctx, const Actor& actor) {
  HAVEN_TRY(require(actor, Action::read_centre_records));
  const bool head = role_may(actor.role, Action::manage_centre_records);
  return storage::read_value<std::vector<domain::CentreRecord>>(
      ctx.store, [&](storage::ReadTransaction& tx) -> Result<std::vector<domain::CentreRecord>> {
        auto records = tx.centre_records().list(actor.centre_id, std::nullopt);
        if (!records) return records;
        // Staff see the centre's own records and those about themselves; the head sees all.
        if (!head) {
          std::erase_if(*records, [&](const domain::CentreRecord& r) {
            return !r.subject.empty() && r.subject != actor.staff_id;
          });
        }
        return records;
      });
}

Result<ProviderDirectory> provider_directory(AppContext& ctx, const Actor& actor) {
  HAVEN_TRY(require(actor, Action::read_centre_records));
  HAVEN_ASSIGN_OR_RETURN(auto records, storage::read_value<std::vector<domain::CentreRecord>>(
      ctx.store, [&](storage::ReadTransaction& tx) { return tx.centre_records().list(actor.centre_id, std::nullopt); }));
  // The same reading of the directory as the self-assessment's (standards/centre_indicators.hpp).
  const auto indicators = standards::centre_indicators(records, ctx.standards, ctx.clock.now());
  ProviderDirectory directory;
  directory.stale_after_days =
      std::chrono::duration_cast<std::chrono::days>(ctx.standards.duration("II.6.a", "provider_stale_days")).count();
  for (const auto* entry : indicators.providers) {
    const bool stale = std::find(indicators.stale_providers.begin(), indicators.stale_providers.end(), entry) !=
                       indicators.stale_providers.end();
    directory.entries.push_back({*entry, stale});
  }
  std::sort(directory.entries.begin(), directory.entries.end(), [](const DirectoryEntry& a, const DirectoryEntry& b) {
    return domain::fold_for_search(a.record.as<domain::ServiceProviderEntry>().name) <
           domain::fold_for_search(b.record.as<domain::ServiceProviderEntry>().name);
  });
  return directory;
}

Result<std::vector<Colleague>> list_colleagues(AppContext& ctx, const Actor& actor) {
  HAVEN_TRY(require(actor, Action::read_centre_records));
  return storage::read_value<std::vector<Colleague>>(ctx.store, [&](storage::ReadTransaction& tx) -> Result<std::vector<Colleague>> {
    HAVEN_ASSIGN_OR_RETURN(auto accounts, tx.staff().list(actor.centre_id));
    std::vector<Colleague> colleagues;
    for (const auto& a : accounts) {
      if (a.role == domain::Role::external_provider) continue;
      colleagues.push_back({a.id, a.display_name, a.role, a.disabled});
    }
    return colleagues;
  });
}

Result<void> record_staff_profile(AppContext& ctx, std::string_view centre_id, std::string_view head_id,
                                  std::string_view staff_id, std::vector<domain::CentreRecordBody> bodies) {
  for (const auto& body : bodies) {
    if (auto self = standards::guard_record_about_self(body, staff_id, head_id)) return fail(standards::refusal_error({{*self}}));
  }
  const Timestamp now = ctx.clock.now();
  return ctx.store.write([&](storage::WriteTransaction& tx) -> Result<void> {
    for (auto& body : bodies) {
      domain::CentreRecord record;
      record.id = security::new_record_id();
      record.subject = std::string(staff_id);
      record.occurred_at = record.recorded_at = now;
      record.recorded_by = std::string(head_id);
      record.body = std::move(body);
      if (auto r = tx.centre_records().insert(centre_id, record); !r) return r;
      if (auto r = tx.audit().append({now, std::string(head_id), "centre_record.create", "",
                                    std::string(record.type_name()) + " " + record.id + " about " + record.subject,
                                    record.subject});
          !r) {
        return r;
      }
    }
    return {};
  });
}

Result<CentreAssessment> centre_self_assessment(AppContext& ctx, const Actor& actor, Date from, Date to) {
  HAVEN_TRY(require(actor, Action::read_self_assessment));
  if (to < from) return fail(ErrorCode::validation_failed, "to", "validation.period_order");
  const Timestamp period_start{std::chrono::sys_days{from}.time_since_epoch()};
  const Timestamp period_end{(std::chrono::sys_days{to} + std::chrono::days{1}).time_since_epoch()};
  const Timestamp now = std::min(ctx.clock.now(), period_end);
  // Every case's standing (case_standings.hpp), as each case last changed, not its history: counted
  // as read.
  standards::CaseTally cases(now);
  HAVEN_TRY(visit_centre_standings(ctx, actor.centre_id, [&](std::string_view, const standards::CaseStanding& standing) {
    if (standing.received_at >= period_end) return;  // not yet received in the period
    // Closed before the period began: its last change was the closure.
    if (standing.stage == domain::CaseStage::closed && standing.updated_at < period_start) return;
    cases.add(standing);
  }));
  return storage::read_value<CentreAssessment>(ctx.store, [&](storage::ReadTransaction& tx) -> Result<CentreAssessment> {
    HAVEN_ASSIGN_OR_RETURN(auto accounts, tx.staff().list(actor.centre_id));
    HAVEN_ASSIGN_OR_RETURN(auto centre_records, tx.centre_records().list(actor.centre_id, std::nullopt));
    const auto team = standards::team_of(accounts, centre_records);

    CentreAssessment out;
    out.from = from;
    out.to = to;
    out.cases = cases.cases();
    out.lines = standards::self_assessment(cases, team, centre_records, ctx.standards, now);
    out.staff = standards::staff_indicators(team, cases, ctx.standards, now);
    const auto centre = standards::centre_indicators(centre_records, ctx.standards, now);
    out.facilities = centre.facilities;
    out.providers = centre.providers.size();
    for (const auto* p : centre.stale_providers) out.stale_providers.push_back(p->as<domain::ServiceProviderEntry>().name);
    for (const auto& r : centre_records) {  // the latest in the period stands; of two at once, the later recorded
      const auto* assessed = std::get_if<domain::ManualAssessment>(&r.body);
      if (!assessed || r.occurred_at < period_start || r.occurred_at >= period_end) continue;
      const auto held = out.manual.find(assessed->clause);
      if (held != out.manual.end() && std::pair{r.occurred_at, r.recorded_at} <
                                          std::pair{held->second.occurred_at, held->second.recorded_at}) {
        continue;
      }
      out.manual.insert_or_assign(assessed->clause, r);
    }
    return out;
  });
}

}  // namespace haven::app
