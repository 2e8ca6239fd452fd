// Disclosure packages: what actually leaves the centre when information about a victim is exported,
// printed, sent with a referral or given to the family or an agency (I.3.a, I.3.b, I.3.d, II.6.d,
// II.8.e), and a victim's own file when they ask for it. Every package passes the one disclosure
// gate (standards/disclosure_gate.hpp) and carries only the categories the consent covers: the
// person's identity, the reception and the records of each category (domain/information_categories).
//
//   auto preview = preview_disclosure_package(ctx, worker, case_id, request, awaiting);  // what would leave, why not yet
//   auto sent = release_disclosure_package(ctx, head, case_id, request);       // the head's approval: recorded
//   auto inbox = list_received_referrals(ctx, provider);                        // an external provider's
//   auto package = open_received_referral(ctx, provider, case_id, disclosure_id);
#pragma once

#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "app/actor.hpp"
#include "app/app_context.hpp"
#include "domain/case_file.hpp"
#include "domain/case_record.hpp"
#include "domain/document.hpp"
#include "common/function_ref.hpp"
#include "domain/information_categories.hpp"
#include "standards/case_history.hpp"
#include "standards/guards.hpp"
#include "storage/store.hpp"

namespace haven::app {

struct DisclosurePackage {
  domain::Disclosure request;
  std::optional<domain::CaseRecord> disclosure;  // the record of the release; none for a preview
  std::vector<standards::Refusal> refusals;      // a preview: what must happen before it may leave
  std::string case_code;
  std::optional<domain::Person> person;           // identity
  std::optional<domain::Reception> reception;     // case_history
  std::optional<domain::CaseStage> stage;         // case_history
  bool treated_as_child = false;
  // Of each record, the fields of the requested categories only (I.3.b), in order of occurrence.
  std::vector<domain::DisclosedRecord> records;
  // The case's documents of the requested categories (I.3.b), as attached by the time it was made.
  std::vector<domain::Document> documents;
  Timestamp generated_at{};
};

// Anyone on the case may see exactly what a disclosure would send, and what the gate still asks for
// (the head's approval, I.3.a, is taken as given: it is what the preview is for). Audited as a read.
Result<DisclosurePackage> preview_disclosure_package(AppContext& ctx, const Actor& actor, std::string_view case_id,
                                                     const domain::Disclosure& request, storage::PendingCommits& awaiting);
// The centre head releases it: refused with the clause when the gate refuses (guard_refused), else the
// disclosure record and an audit entry are written in the same transaction as the package is made.
// The package is the file's content: she must be able to open the case (on it, or a break-glass).
Result<DisclosurePackage> release_disclosure_package(AppContext& ctx, const Actor& actor, std::string_view case_id,
                                                     const domain::Disclosure& request);

// What the three ways to a package share (this file's routes and app/disclosure_requests.hpp):
// The checks of a request that need no case: some category asked for, and not a transfer (its own route).
Result<void> check_package_request(const domain::Disclosure& request);
// The package as it would leave now, with what the gate refuses as if the head approved (I.3.a).
DisclosurePackage preview_of(const standards::CaseHistory& history, std::span<const domain::Document> documents,
                             const domain::Disclosure& request, Timestamp now);
// Inside the case's transaction: the gate as the head's approval (guard_refused with its clauses),
// then the package with its disclosure record and the "disclosure.release" audit entry.
Result<DisclosurePackage> release_in(storage::WriteTransaction& tx, const standards::CaseHistory& history,
                                     const Actor& head, std::string_view case_id, const domain::Disclosure& request,
                                     Timestamp now);

// An external provider's referrals: the referral packages released to its organisation (II.6.d)
// whose consent still holds; a withdrawal takes one out at once.
struct ReceivedReferral {
  std::string case_id;
  std::string case_code;
  domain::CaseRecord disclosure;  // the release: kind referral_package, to this organisation
};
Result<std::vector<ReceivedReferral>> list_received_referrals(AppContext& ctx, const Actor& provider);
// The package as the head released it (the records written up to the release), opened again only
// while the consent still covers it (I.3.b, I.3.d: a withdrawal stops it at once). The opening, or
// the refusal, is audited through `awaiting`: nothing is answered before its entry commits.
// not_found for anything not released to the provider's organisation.
Result<DisclosurePackage> open_received_referral(AppContext& ctx, const Actor& provider, std::string_view case_id,
                                                 std::string_view disclosure_id, storage::PendingCommits& awaiting);
// One document of such a package, its bytes handed to `take` a chunk at a time, on the same terms:
// released to the provider's organisation, its category in the package, the consent still holding.
// Audited (referral.document_open) the same way; not_found for any other document.
Result<domain::Document> open_received_document(AppContext& ctx, const Actor& provider, std::string_view case_id,
                                                std::string_view disclosure_id, std::string_view document_id,
                                                storage::PendingCommits& awaiting,
                                                FunctionRef<Result<void>(const domain::Document&, std::string_view chunk)> take);

}  // namespace haven::app
