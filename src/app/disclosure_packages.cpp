#include "app/disclosure_packages.hpp"

#include <algorithm>
#include <map>

#include "app/case_access.hpp"
#include "app/deferred_audit.hpp"
#include "app/permissions.hpp"
#include "app/server_record.hpp"
#include "domain/information_categories.hpp"
#include "security/random.hpp"
#include "standards/disclosure_gate.hpp"

namespace haven::app {
namespace {

// The package holds what the request's categories cover and nothing else; of the records, those
// written by `as_of` (a package opened again holds what was released, not what came after).
DisclosurePackage assemble(const standards::CaseHistory& history, std::span<const domain::Document> documents,
                           const domain::Disclosure& request, Timestamp now, std::optional<Timestamp> as_of = std::nullopt) {
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
    if (as_of && record.recorded_at > *as_of) continue;
    if (auto part = domain::disclosed_part(record, request.categories)) package.records.push_back(std::move(*part));
  }
  std::stable_sort(package.records.begin(), package.records.end(),
                   [](const auto& a, const auto& b) { return a.record.occurred_at < b.record.occurred_at; });
  // A scan or a photo shows who it is about (a name, a face, an ID number) whatever else it is about:
  // a document leaves only in a package that carries the person's identity too.
  for (const auto& d : documents) {
    if (as_of && d.recorded_at > *as_of) continue;
    if (wants(d.category) && wants(domain::InformationCategory::identity)) package.documents.push_back(d);
  }
  return package;
}

// A release to the provider's organisation, of a referral package.
bool released_to(const domain::CaseRecord& record, const Actor& provider) {
  if (!record.is<domain::Disclosure>()) return false;
  const auto& d = record.as<domain::Disclosure>();
  return d.kind == domain::DisclosureKind::referral_package && !provider.organisation.empty() &&
         standards::same_party(d.recipient, provider.organisation);
}

Result<standards::CaseHistory> history_of(storage::ReadTransaction& tx, std::string_view centre_id, std::string_view case_id) {
  HAVEN_ASSIGN_OR_RETURN(auto file, tx.cases().find(centre_id, case_id));
  if (!file) return fail(ErrorCode::not_found, {}, "error.referral_not_found");
  HAVEN_ASSIGN_OR_RETURN(auto records, tx.records().list(centre_id, case_id));
  return standards::CaseHistory{std::move(*file), std::move(records)};
}

// The head approved it when she released it (I.3.a); what must still hold is the consent.
std::vector<standards::Refusal> still_consented(const standards::CaseHistory& history, const domain::Disclosure& d,
                                                Timestamp now) {
  return standards::check_disclosure(history, d, standards::Author{domain::Role::centre_head, nullptr}, now);
}

}  // namespace

Result<void> check_package_request(const domain::Disclosure& request) {
  if (request.categories.empty()) return fail(ErrorCode::validation_failed, "categories", "validation.categories_empty");
  if (request.kind == domain::DisclosureKind::case_transfer) {
    // A transfer moves the case itself: POST /cases/{id}/transfer, through the same gate.
    return fail(ErrorCode::validation_failed, "kind", "validation.package_kind_transfer");
  }
  return {};
}

DisclosurePackage preview_of(const standards::CaseHistory& history, std::span<const domain::Document> documents,
                             const domain::Disclosure& request, Timestamp now) {
  auto package = assemble(history, documents, request, now);
  // As if the head approved: the preview is what she approves.
  const standards::Author approver{domain::Role::centre_head, nullptr};
  package.refusals = standards::check_disclosure(history, request, approver, now);
  return package;
}

Result<DisclosurePackage> release_in(storage::WriteTransaction& tx, const standards::CaseHistory& history,
                                     const Actor& head, std::string_view case_id, const domain::Disclosure& request,
                                     Timestamp now) {
  const standards::Author author{head.role, nullptr};
  standards::GuardDecision decision;
  decision.refusals = standards::check_disclosure(history, request, author, now);
  if (!decision.allowed()) return fail(standards::refusal_error(decision));
  HAVEN_ASSIGN_OR_RETURN(auto documents, tx.documents().list(case_id));
  auto package = assemble(history, documents, request, now);
  package.disclosure = server_record(head, now, request);
  HAVEN_TRY(tx.records().insert(case_id, *package.disclosure));
  std::string categories;
  for (const auto c : request.categories) {
    categories += std::string(categories.empty() ? "" : ",") + std::string(domain::kInformationCategoryNames.name(c));
  }
  HAVEN_TRY(tx.audit().append({now, head.staff_id, "disclosure.release", std::string(case_id),
                               std::string(domain::kDisclosureKindNames.name(request.kind)) + " " +
                                   package.disclosure->id + " " + categories +
                                   " records=" + std::to_string(package.records.size()) +
                                   " documents=" + std::to_string(package.documents.size())}));
  return package;
}

Result<DisclosurePackage> preview_disclosure_package(AppContext& ctx, const Actor& actor, std::string_view case_id,
                                                     const domain::Disclosure& request, storage::PendingCommits& awaiting) {
  HAVEN_TRY(require(actor, Action::read_cases));
  HAVEN_TRY(check_package_request(request));
  const Timestamp now = ctx.clock.now();
  std::optional<DisclosurePackage> package;
  HAVEN_TRY(read_case(ctx, actor, case_id, awaiting, [&](storage::ReadTransaction& tx, OpenCase& open) -> Result<void> {
    HAVEN_ASSIGN_OR_RETURN(auto documents, tx.documents().list(case_id));
    package = preview_of(open.history, documents, request, now);
    return {};
  }));
  return std::move(*package);
}

Result<DisclosurePackage> release_disclosure_package(AppContext& ctx, const Actor& actor, std::string_view case_id,
                                                     const domain::Disclosure& request) {
  HAVEN_TRY(require(actor, Action::release_disclosure));
  HAVEN_TRY(check_package_request(request));
  const Timestamp now = ctx.clock.now();
  std::optional<DisclosurePackage> package;
  // The package holds the file's content, so making it is a reading (I.3.c): the head must be on the
  // case or have broken the glass, and the reading is audited with the release.
  HAVEN_TRY(with_case(ctx, actor, case_id, CaseUse::read, [&](storage::WriteTransaction& tx, OpenCase& open) -> Result<void> {
    HAVEN_ASSIGN_OR_RETURN(package, release_in(tx, open.history, actor, case_id, request, now));
    return {};
  }));
  return std::move(*package);
}

Result<std::vector<ReceivedReferral>> list_received_referrals(AppContext& ctx, const Actor& provider) {
  HAVEN_TRY(require(provider, Action::read_received_referrals));
  const Timestamp now = ctx.clock.now();
  std::vector<ReceivedReferral> inbox;
  HAVEN_TRY(ctx.store.read([&](storage::ReadTransaction& tx) -> Result<void> {
    HAVEN_ASSIGN_OR_RETURN(auto disclosures, tx.records().list_of_type(provider.centre_id, "disclosure"));
    // One load per case, however many of its referrals went to this organisation.
    std::map<std::string, standards::CaseHistory, std::less<>> histories;
    for (auto& ref : disclosures) {
      if (!released_to(ref.record, provider)) continue;
      auto known = histories.find(ref.case_id);
      if (known == histories.end()) {
        HAVEN_ASSIGN_OR_RETURN(auto history, history_of(tx, provider.centre_id, ref.case_id));
        known = histories.emplace(ref.case_id, std::move(history)).first;
      }
      // A withdrawn consent stops the sharing at once: the package leaves the inbox, case code and all.
      if (!still_consented(known->second, ref.record.as<domain::Disclosure>(), now).empty()) continue;
      inbox.push_back({ref.case_id, ref.case_code, std::move(ref.record)});
    }
    return {};
  }));
  std::reverse(inbox.begin(), inbox.end());  // newest first
  return inbox;
}

namespace {

// The package released to the provider's organisation as it left, read in `tx`; none when it may not
// be opened, with why in `stopped` and the attempt's audit entry in `audit` (referral.denied,
// referral.refused).
Result<std::optional<DisclosurePackage>> released_package(storage::ReadTransaction& tx, const Actor& provider,
                                                          std::string_view case_id, std::string_view disclosure_id,
                                                          Timestamp now, std::optional<Error>& stopped,
                                                          storage::AuditEntry& audit) {
  using Package = std::optional<DisclosurePackage>;
  auto history = history_of(tx, provider.centre_id, case_id);
  if (!history && history.error().code != ErrorCode::not_found) return tl::unexpected(history.error());
  const auto release = !history ? std::vector<domain::CaseRecord>::const_iterator{}
                                : std::find_if(history->records.cbegin(), history->records.cend(),
                                               [&](const domain::CaseRecord& r) { return r.id == disclosure_id; });
  // Anything not released to this organisation does not exist for it; the probe is on the record.
  if (!history || release == history->records.cend() || !released_to(*release, provider)) {
    stopped.emplace(ErrorCode::not_found);
    stopped->message_key = "error.referral_not_found";
    audit = {now, provider.staff_id, "referral.denied", {}, std::string(case_id) + " " + std::string(disclosure_id)};
    return Package{};
  }
  const auto& request = release->as<domain::Disclosure>();
  if (auto refusals = still_consented(*history, request, now); !refusals.empty()) {
    stopped.emplace(ErrorCode::forbidden);
    stopped->clause = refusals.front().clause;
    stopped->message_key = "error.referral_no_longer_shared";
    audit = {now, provider.staff_id, "referral.refused", std::string(case_id), release->id};
    return Package{};
  }
  HAVEN_ASSIGN_OR_RETURN(auto documents, tx.documents().list(case_id));
  auto package = assemble(*history, documents, request, now, release->recorded_at);
  package.disclosure = *release;
  return Package{std::move(package)};
}

// A provider's opening read in a read transaction, its entry (the opening or the refusal) deferred
// as a case reading's: the writer is never held while a package or a 10 MiB document is read.
Result<void> audited_provider_reading(AppContext& ctx, storage::PendingCommits& awaiting,
                                      FunctionRef<Result<void>(storage::ReadTransaction&, storage::AuditEntry&)> read) {
  storage::AuditEntry entry;
  HAVEN_TRY(ctx.store.read([&](storage::ReadTransaction& tx) { return read(tx, entry); }));
  audit_deferred(ctx, awaiting, std::move(entry));
  return {};
}

Result<void> check_referral_ids(std::string_view case_id, std::string_view disclosure_id) {
  if (!security::is_record_id(case_id) || !security::is_record_id(disclosure_id)) {
    return fail(ErrorCode::not_found, {}, "error.referral_not_found");
  }
  return {};
}

}  // namespace

Result<DisclosurePackage> open_received_referral(AppContext& ctx, const Actor& provider, std::string_view case_id,
                                                 std::string_view disclosure_id, storage::PendingCommits& awaiting) {
  HAVEN_TRY(require(provider, Action::read_received_referrals));
  HAVEN_TRY(check_referral_ids(case_id, disclosure_id));
  const Timestamp now = ctx.clock.now();
  std::optional<DisclosurePackage> package;
  std::optional<Error> stopped;  // refused, and the refusal audited: committed, then answered
  HAVEN_TRY(audited_provider_reading(ctx, awaiting, [&](storage::ReadTransaction& tx, storage::AuditEntry& audit) -> Result<void> {
    HAVEN_ASSIGN_OR_RETURN(package, released_package(tx, provider, case_id, disclosure_id, now, stopped, audit));
    if (package) audit = {now, provider.staff_id, "referral.read", std::string(case_id), package->disclosure->id};
    return {};
  }));
  if (stopped) return fail(std::move(*stopped));
  return std::move(*package);
}

Result<domain::Document> open_received_document(AppContext& ctx, const Actor& provider, std::string_view case_id,
                                                std::string_view disclosure_id, std::string_view document_id,
                                                storage::PendingCommits& awaiting,
                                                FunctionRef<Result<void>(const domain::Document&, std::string_view chunk)> take) {
  HAVEN_TRY(require(provider, Action::read_received_referrals));
  HAVEN_TRY(check_referral_ids(case_id, disclosure_id));
  const Timestamp now = ctx.clock.now();
  std::optional<domain::Document> opened;
  std::optional<Error> stopped;
  HAVEN_TRY(audited_provider_reading(ctx, awaiting, [&](storage::ReadTransaction& tx, storage::AuditEntry& audit) -> Result<void> {
    HAVEN_ASSIGN_OR_RETURN(auto package, released_package(tx, provider, case_id, disclosure_id, now, stopped, audit));
    if (!package) return {};
    const auto found = std::find_if(package->documents.begin(), package->documents.end(),
                                    [&](const domain::Document& d) { return d.id == document_id; });
    if (found == package->documents.end()) {
      // Not in what was released to it (another category, attached later, no such document).
      stopped.emplace(ErrorCode::not_found);
      stopped->message_key = "error.document_not_found";
      const std::string named = security::is_record_id(document_id) ? " document=" + std::string(document_id) : "";
      audit = {now, provider.staff_id, "referral.denied", std::string(case_id), std::string(disclosure_id) + named};
      return {};
    }
    opened = *found;
    audit = {now, provider.staff_id, "referral.document_open", std::string(case_id),
             std::string(disclosure_id) + " document=" + opened->id};
    return tx.documents().read_content(*opened, [&](std::string_view chunk) { return take(*opened, chunk); });
  }));
  if (stopped) return fail(std::move(*stopped));
  return std::move(*opened);
}

}  // namespace haven::app
