#include "app/disclosure_requests.hpp"

#include <algorithm>
#include <set>

#include "app/case_access.hpp"
#include "app/notifications.hpp"
#include "app/permissions.hpp"
#include "app/server_record.hpp"
#include "app/written_text.hpp"
#include "standards/disclosure_gate.hpp"

namespace haven::app {
namespace {

constexpr std::size_t kMaxDecisionReason = 1000;

domain::Disclosure terms_of(const domain::DisclosureRequest& r) {
  return {r.kind, r.recipient, r.purpose, r.categories, r.reason, r.referral_id};
}

// The request `request_id` of the case, not decided yet: not_found, or already_exists once decided.
Result<const domain::CaseRecord*> pending_request(const standards::CaseHistory& history, std::string_view request_id) {
  const auto found = std::find_if(history.records.begin(), history.records.end(), [&](const domain::CaseRecord& r) {
    return r.id == request_id && r.is<domain::DisclosureRequest>();
  });
  if (found == history.records.end()) return fail(ErrorCode::not_found, "request_id", "error.disclosure_request_not_found");
  for (const auto& r : history.records) {
    if (r.is<domain::DisclosureDecision>() && r.as<domain::DisclosureDecision>().request_id == request_id) {
      Error e(ErrorCode::already_exists);
      e.field = "request_id";
      e.message_key = "error.disclosure_request_decided";
      return tl::unexpected(e);
    }
  }
  return &*found;
}

}  // namespace

Result<domain::CaseRecord> request_disclosure(AppContext& ctx, const Actor& actor, std::string_view case_id,
                                              const domain::Disclosure& terms) {
  HAVEN_TRY(require(actor, Action::add_record));
  HAVEN_TRY(check_package_request(terms));
  const Timestamp now = ctx.clock.now();
  std::optional<domain::CaseRecord> asked;
  HAVEN_TRY(with_case(ctx, actor, case_id, CaseUse::write, [&](storage::WriteTransaction& tx, OpenCase& open) -> Result<void> {
    // What only the head's approval can settle is what the request is for; anything else the gate
    // refuses now (no consent for a category, a child's guardian) must be put right before asking.
    const standards::Author approver{domain::Role::centre_head, nullptr};
    standards::GuardDecision decision;
    decision.refusals = standards::check_disclosure(open.history, terms, approver, now);
    if (!decision.allowed()) return fail(standards::refusal_error(decision));
    auto record = server_record(actor, now,
                                domain::DisclosureRequest{terms.kind, terms.recipient, terms.purpose, terms.categories,
                                                          terms.reason, terms.referral_id});
    HAVEN_TRY(tx.records().insert(case_id, record));
    HAVEN_TRY(tx.audit().append({now, actor.staff_id, "disclosure.request", std::string(case_id),
                                 std::string(domain::kDisclosureKindNames.name(terms.kind)) + " " + record.id}));
    asked = std::move(record);
    return {};
  }));
  return std::move(*asked);
}

Result<std::vector<PendingDisclosureRequest>> pending_disclosure_requests(AppContext& ctx, const Actor& head) {
  HAVEN_TRY(require(head, Action::release_disclosure));
  std::vector<PendingDisclosureRequest> queue;
  HAVEN_TRY(ctx.store.read([&](storage::ReadTransaction& tx) -> Result<void> {
    HAVEN_ASSIGN_OR_RETURN(auto decisions, tx.records().list_of_type(head.centre_id, "disclosure_decision"));
    std::set<std::string, std::less<>> decided;
    for (const auto& d : decisions) decided.insert(d.record.as<domain::DisclosureDecision>().request_id);
    HAVEN_ASSIGN_OR_RETURN(auto requests, tx.records().list_of_type(head.centre_id, "disclosure_request"));
    for (auto& r : requests) {
      if (decided.contains(r.record.id)) continue;
      queue.push_back({std::move(r.case_id), std::move(r.case_code), std::move(r.record)});
    }
    return {};
  }));
  std::stable_sort(queue.begin(), queue.end(), [](const auto& a, const auto& b) {
    return a.request.recorded_at < b.request.recorded_at;
  });
  return queue;
}

Result<DisclosurePackage> disclosure_request_package(AppContext& ctx, const Actor& head, std::string_view case_id,
                                                     std::string_view request_id) {
  HAVEN_TRY(require(head, Action::release_disclosure));
  const Timestamp now = ctx.clock.now();
  std::optional<DisclosurePackage> package;
  // A reading of the file's content by a head who need not be on the case: audited as one, in the
  // same transaction, naming the request it was for.
  HAVEN_TRY(with_case(ctx, head, case_id, CaseUse::manage, [&](storage::WriteTransaction& tx, OpenCase& open) -> Result<void> {
    HAVEN_ASSIGN_OR_RETURN(const auto* request, pending_request(open.history, request_id));
    HAVEN_ASSIGN_OR_RETURN(auto documents, tx.documents().list(case_id));
    package = preview_of(open.history, documents, terms_of(request->as<domain::DisclosureRequest>()), now);
    open.file_unchanged = true;
    return tx.audit().append({now, head.staff_id, "case.read", std::string(case_id),
                              "disclosure_request " + std::string(request_id)});
  }));
  return std::move(*package);
}

Result<DecidedDisclosure> decide_disclosure_request(AppContext& ctx, const Actor& head, std::string_view case_id,
                                                    std::string_view request_id,
                                                    const DisclosureDecisionInput& input) {
  HAVEN_TRY(require(head, Action::release_disclosure));
  // A decline says why, to the worker who asked; an approval may.
  const bool approve = input.verdict == DisclosureVerdict::approve;
  HAVEN_TRY(approve ? check_written_text(input.reason, "reason", kMaxDecisionReason)
                          : require_text(input.reason, "reason", kMaxDecisionReason));
  const Timestamp now = ctx.clock.now();
  DecidedDisclosure decided;
  HAVEN_TRY(with_case(ctx, head, case_id, CaseUse::manage, [&](storage::WriteTransaction& tx, OpenCase& open) -> Result<void> {
    HAVEN_ASSIGN_OR_RETURN(const auto* request, pending_request(open.history, request_id));
    if (request->recorded_by == head.staff_id) {
      Error e(ErrorCode::forbidden);
      e.clause = "I.3.a";
      e.message_key = "error.own_disclosure_request";
      return tl::unexpected(e);
    }
    // Kept apart: a release below adds to the history the request is read from.
    const std::string requester = request->recorded_by;
    domain::DisclosureDecision decision{std::string(request_id), approve, input.reason, {}};
    if (approve) {
      HAVEN_ASSIGN_OR_RETURN(auto released, release_in(tx, open.history, head, case_id,
                                                       terms_of(request->as<domain::DisclosureRequest>()), now));
      decision.disclosure_id = released.disclosure->id;
      decided.package = std::move(released);
    }
    decided.decision = server_record(head, now, std::move(decision));
    HAVEN_TRY(tx.records().insert(case_id, decided.decision));
    HAVEN_TRY(note_disclosure_decision(tx, case_id, requester, request_id, decided.decision));
    return tx.audit().append({now, head.staff_id, "disclosure.decision", std::string(case_id),
                              std::string(approve ? "approved " : "declined ") + std::string(request_id)});
  }));
  return decided;
}

}  // namespace haven::app
