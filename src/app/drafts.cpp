#include "app/drafts.hpp"

#include "app/case_access.hpp"
#include "app/deferred_audit.hpp"
#include "app/permissions.hpp"
#include "codec/record_json.hpp"
#include "common/human_size.hpp"

namespace haven::app {

namespace {

// Only the forms the UI has: "reception" before there is a case, "record.<type>" of a type staff
// post on one. A form's name lands unsealed in the row's key and the audit log, so it may carry no
// text of anyone's choosing.
Result<void> check_form(std::string_view case_id, std::string_view form) {
  constexpr std::string_view kRecord = "record.";
  const auto type = form.starts_with(kRecord) ? codec::record_type_index(form.substr(kRecord.size())) : std::nullopt;
  const bool posted = type && domain::RecordTypes<domain::RecordBody>::origins[*type] == domain::Origin::posted;
  const bool known = case_id.empty() ? form == "reception" : posted;
  if (known && domain::is_draft_form(form)) return {};
  return fail(ErrorCode::validation_failed, "form", "validation.draft_form");
}

// A draft of the reception form is the registering worker's own, before any case exists.
Result<void> check_caseless(const Actor& actor) { return require(actor, Action::register_case); }

// Work on the actor's own draft of a case, inside the transaction that checked their access to it
// (I.3.c). When the work changed something, the audit entry `action` names the form (never its content).
Result<void> with_case_draft(AppContext& ctx, const Actor& actor, std::string_view case_id, std::string_view form,
                             std::string_view action, FunctionRef<Result<bool>(storage::WriteTransaction&)> work) {
  return with_case(ctx, actor, case_id, CaseUse::write, [&](storage::WriteTransaction& tx, OpenCase& open) -> Result<void> {
    open.file_unchanged = true;  // a draft is no record: the standing stays as stored
    // with_case locked the case's row first: an erasure (which deletes the case's drafts) committed
    // before this is refused as gone, and none can commit during it.
    HAVEN_ASSIGN_OR_RETURN(auto changed, work(tx));
    if (!changed) return {};
    return tx.audit().append({ctx.clock.now(), actor.staff_id, std::string(action), std::string(case_id),
                              "form=" + std::string(form)});
  });
}

}  // namespace

Result<domain::Draft> save_draft(AppContext& ctx, const Actor& actor, std::string_view case_id, std::string_view form,
                                 std::string content) {
  HAVEN_TRY(check_form(case_id, form));
  if (content.size() > domain::kMaxDraftBytes) {
    Error e(ErrorCode::payload_too_large);
    e.field = "content";
    e.message_key = "error.draft_too_large";
    e.with_arg("max", human_size(domain::kMaxDraftBytes));
    return tl::unexpected(std::move(e));
  }
  domain::Draft draft{actor.staff_id, std::string(case_id), std::string(form), std::move(content), ctx.clock.now()};
  if (case_id.empty()) {
    HAVEN_TRY(check_caseless(actor));
    HAVEN_TRY(ctx.store.write([&](storage::WriteTransaction& tx) -> Result<void> {
      HAVEN_TRY(tx.drafts().put(draft));
      return tx.audit().append({draft.saved_at, actor.staff_id, "draft.save", {}, "form=" + draft.form});
    }));
    return draft;
  }
  HAVEN_TRY(with_case_draft(ctx, actor, case_id, form, "draft.save", [&](storage::WriteTransaction& tx) -> Result<bool> {
    HAVEN_TRY(tx.drafts().put(draft));
    return true;
  }));
  return draft;
}

Result<domain::Draft> open_draft(AppContext& ctx, const Actor& actor, std::string_view case_id, std::string_view form,
                                 storage::PendingCommits& awaiting) {
  HAVEN_TRY(check_form(case_id, form));
  std::optional<domain::Draft> draft;
  const auto find = [&](storage::ReadTransaction& tx) -> Result<void> {
    HAVEN_ASSIGN_OR_RETURN(draft, tx.drafts().find(actor.staff_id, case_id, form));
    return {};
  };
  if (case_id.empty()) {
    HAVEN_TRY(check_caseless(actor));
    HAVEN_TRY(ctx.store.read(find));
    // What reception typed is a victim's file before it is one: its opening is on the record too,
    // committed before the answer leaves, as a case's reading is.
    if (draft) {
      audit_deferred(ctx, awaiting, {ctx.clock.now(), actor.staff_id, "draft.open", {}, "form=" + std::string(form)});
    }
  } else {
    // Audited as a reading of the case: a draft holds what will be part of its file.
    HAVEN_TRY(read_case(ctx, actor, case_id, awaiting,
                        [&](storage::ReadTransaction& tx, OpenCase&) -> Result<void> { return find(tx); }));
  }
  if (!draft) return fail(ErrorCode::not_found, "form", "error.draft_not_found");
  return std::move(*draft);
}

Result<std::vector<domain::DraftSummary>> list_drafts(AppContext& ctx, const Actor& actor, std::string_view case_id,
                                                      storage::PendingCommits& awaiting) {
  std::vector<domain::DraftSummary> drafts;
  HAVEN_TRY(read_case(ctx, actor, case_id, awaiting, [&](storage::ReadTransaction& tx, OpenCase&) -> Result<void> {
    HAVEN_ASSIGN_OR_RETURN(drafts, tx.drafts().list(actor.staff_id, case_id));
    return {};
  }));
  return drafts;
}

Result<void> discard_draft(AppContext& ctx, const Actor& actor, std::string_view case_id, std::string_view form) {
  HAVEN_TRY(check_form(case_id, form));
  if (case_id.empty()) {
    HAVEN_TRY(check_caseless(actor));
    return ctx.store.write([&](storage::WriteTransaction& tx) -> Result<void> {
      HAVEN_ASSIGN_OR_RETURN(auto removed, tx.drafts().remove(actor.staff_id, {}, form));
      if (!removed) return {};
      return tx.audit().append({ctx.clock.now(), actor.staff_id, "draft.discard", {}, "form=" + std::string(form)});
    });
  }
  return with_case_draft(ctx, actor, case_id, form, "draft.discard", [&](storage::WriteTransaction& tx) {
    return tx.drafts().remove(actor.staff_id, case_id, form);
  });
}

}  // namespace haven::app
