#include "app/disclosure_packages.hpp"

#include <algorithm>

#include "app/case_access.hpp"
#include "app/permissions.hpp"
#include "domain/information_categories.hpp"
#include "security/random.hpp"
#include "standards/disclosure_gate.hpp"

namespace haven::app {
namespace {

// The package holds what the request's categories cover and nothing else.
DisclosurePackage assemble(const standards::CaseHistory& history, const domain::Disclosure& request, Timestamp now) {
  const auto wants = [&](domain::InformationCategory c) {
    return std::find(request.categories.begin(), request.categories.end(), c) != request.categories.end();
  };
  DisclosurePackage package;
  package.request = request;
  package.generated_at = now;
  package.case_code = history.file.code;
  package.treated_as_child = history.treated_as_child();
  if (wants(domain::InformationCategory::identity)) package.person = history.file.person;
  if (wants(domain::InformationCategory::case_history)) {
    package.reception = history.file.reception;
    package.stage = history.file.stage;
  }
  for (const auto& record : history.records) {
    const auto category = domain::category_of(record.body);
    if (category && wants(*category)) package.records.push_back(record);
  }
  std::stable_sort(package.records.begin(), package.records.end(),
                   [](const auto& a, const auto& b) { return a.occurred_at < b.occurred_at; });
  return package;
}

Result<void> check_request(const domain::Disclosure& request) {
  if (request.categories.empty()) return fail(ErrorCode::validation_failed, "categories", "validation.categories_empty");
  if (request.kind == domain::DisclosureKind::case_transfer) {
    // A transfer moves the case itself: POST /cases/{id}/transfer, through the same gate.
    return fail(ErrorCode::validation_failed, "kind", "validation.package_kind_transfer");
  }
  return {};
}

}  // namespace

Result<DisclosurePackage> preview_disclosure_package(AppContext& ctx, const Actor& actor, std::string_view case_id,
                                                     const domain::Disclosure& request) {
  if (auto allowed = require(actor, Action::read_cases); !allowed) return tl::unexpected(allowed.error());
  if (auto valid = check_request(request); !valid) return tl::unexpected(valid.error());
  const Timestamp now = ctx.clock.now();
  std::optional<DisclosurePackage> package;
  auto done = with_case(ctx, actor, case_id, CaseUse::read, [&](storage::WriteTransaction&, OpenCase& open) -> Result<void> {
    package = assemble(open.history, request, now);
    // As if the head approved: the preview is what she approves.
    const standards::Author approver{domain::Role::centre_head, nullptr};
    package->refusals = standards::check_disclosure(open.history, request, approver, now);
    return {};
  });
  if (!done) return tl::unexpected(done.error());
  return std::move(*package);
}

Result<DisclosurePackage> release_disclosure_package(AppContext& ctx, const Actor& actor, std::string_view case_id,
                                                     const domain::Disclosure& request) {
  if (auto allowed = require(actor, Action::release_disclosure); !allowed) return tl::unexpected(allowed.error());
  if (auto valid = check_request(request); !valid) return tl::unexpected(valid.error());
  const Timestamp now = ctx.clock.now();
  std::optional<DisclosurePackage> package;
  auto done = with_case(ctx, actor, case_id, CaseUse::manage, [&](storage::WriteTransaction& tx, OpenCase& open) -> Result<void> {
    const standards::Author author{actor.role, nullptr};
    standards::GuardDecision decision;
    decision.refusals = standards::check_disclosure(open.history, request, author, now);
    if (!decision.allowed()) return fail(standards::refusal_error(decision));
    package = assemble(open.history, request, now);
    domain::CaseRecord record;
    record.id = security::new_record_id();
    record.occurred_at = record.recorded_at = now;
    record.recorded_by = actor.staff_id;
    record.body = request;
    if (auto r = tx.insert_record(case_id, record); !r) return r;
    package->disclosure = std::move(record);
    std::string categories;
    for (const auto c : request.categories) categories += std::string(categories.empty() ? "" : ",") + std::string(domain::kInformationCategoryNames.name(c));
    return tx.append_audit({now, actor.staff_id, "disclosure.release", std::string(case_id),
                            std::string(domain::kDisclosureKindNames.name(request.kind)) + " " + package->disclosure->id +
                                " " + categories + " records=" + std::to_string(package->records.size())});
  });
  if (!done) return tl::unexpected(done.error());
  return std::move(*package);
}

}  // namespace haven::app
