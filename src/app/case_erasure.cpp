#include "app/case_erasure.hpp"

#include <algorithm>
#include <cctype>

#include "app/case_access.hpp"
#include "app/permissions.hpp"
#include "app/server_record.hpp"
#include "app/written_text.hpp"
#include "standards/erasure_rules.hpp"

namespace haven::app {
namespace {

// A record the server writes for the head on a case she need not be on, with its audit entry.
Result<domain::CaseRecord> write_head_record(AppContext& ctx, const Actor& actor, std::string_view case_id,
                                             domain::RecordBody body, std::string_view action,
                                             FunctionRef<std::optional<standards::Refusal>(const standards::CaseHistory&)> guard) {
  const Timestamp now = ctx.clock.now();
  const auto record = server_record(actor, now, std::move(body));
  HAVEN_TRY(with_case(ctx, actor, case_id, CaseUse::manage, [&](storage::WriteTransaction& tx, OpenCase& open) -> Result<void> {
    if (auto refused = guard(open.history)) {
      return tl::unexpected(standards::refusal_error(standards::GuardDecision{{std::move(*refused)}}));
    }
    if (auto r = tx.records().insert(case_id, record); !r) return r;
    return tx.audit().append({now, actor.staff_id, std::string(action), std::string(case_id), record.id});
  }));
  return record;
}

std::string upper_trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  text = text.substr(first, text.find_last_not_of(" \t") - first + 1);
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return out;
}

}  // namespace

Result<domain::CaseRecord> place_legal_hold(AppContext& ctx, const Actor& actor, std::string_view case_id,
                                            std::string_view authority, std::string_view reason) {
  HAVEN_TRY(require(actor, Action::hold_case_file));
  HAVEN_TRY(require_text(authority, "authority", 300));
  HAVEN_TRY(require_text(reason, "reason", 1000));
  return write_head_record(ctx, actor, case_id, domain::LegalHold{std::string(authority), std::string(reason)},
                           "case.legal_hold", [](const standards::CaseHistory&) { return std::optional<standards::Refusal>{}; });
}

Result<domain::CaseRecord> lift_legal_hold(AppContext& ctx, const Actor& actor, std::string_view case_id,
                                           std::string_view hold_id, std::string_view reason) {
  HAVEN_TRY(require(actor, Action::hold_case_file));
  HAVEN_TRY(require_text(reason, "reason", 1000));
  const domain::LegalHoldLifted lift{std::string(hold_id), std::string(reason)};
  return write_head_record(ctx, actor, case_id, lift, "case.legal_hold_lifted",
                           [&](const standards::CaseHistory& history) { return standards::guard_lift_names_a_hold(history, lift); });
}

Result<ErasedCase> erase_case(AppContext& ctx, const Actor& actor, std::string_view case_id,
                              domain::ErasureGround ground, std::string_view typed_code) {
  HAVEN_TRY(require(actor, Action::erase_case));
  const Timestamp now = ctx.clock.now();
  ErasedCase out;
  out.case_id = std::string(case_id);
  out.erasure = domain::Erasure{now, actor.staff_id, ground};
  HAVEN_TRY(with_case(ctx, actor, case_id, CaseUse::manage, [&](storage::WriteTransaction& tx, OpenCase& open) -> Result<void> {
    // with_case held the case's row before reading it: a legal hold, a reopening or a record (each of
    // which takes the row too) committed before this reading or waits until the erasure is done.
    const auto& held = open.history;
    // Typed back, the code shows the head meant this case: nothing brings it back.
    if (upper_trimmed(typed_code) != held.file.code) {
      return fail(ErrorCode::validation_failed, "case_code", "validation.erasure_code_mismatch");
    }
    if (auto decision = standards::check_erasure(held); !decision.allowed()) {
      return tl::unexpected(standards::refusal_error(decision));
    }
    out.code = held.file.code;
    if (auto r = tx.cases().erase(actor.centre_id, case_id, out.erasure); !r) return r;
    return tx.audit().append({now, actor.staff_id, "case.erase", std::string(case_id),
                            std::string(domain::kErasureGroundNames.name(ground))});
  }));
  // Nothing of the case stays in memory either: not even whether the person was a child.
  ctx.standing_cache->forget(case_id);
  return out;
}

}  // namespace haven::app
