// Documents attached to a case (domain/document.hpp): a scanned paper or a photo, added by someone on
// the case who records its work, opened only by those on it, each opening audited (document.open)
// before a byte leaves, erased with the case. Nobody else's way to a document exists: an external
// provider reaches one only through a package released to it (app/disclosure_packages.hpp), which
// carries a document only under a consent for its category (I.3.b).
//
//   auto doc = attach_document(ctx, worker, case_id, {.name = "CCCD.jpg", .category = identity}, bytes);
//   auto opened = open_document(ctx, worker, case_id, doc->id, awaiting,
//                               [&](const auto& d, std::string_view chunk) { body.append(chunk); ... });
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "app/actor.hpp"
#include "app/app_context.hpp"
#include "common/function_ref.hpp"
#include "domain/document.hpp"
#include "storage/pending_commit.hpp"

namespace haven::app {

struct NewDocument {
  std::string name;      // the file's name as the person knows it
  std::string category;  // an information category's name (domain/consent_records.hpp)
  std::string record_id;  // the record it belongs to; empty: the case
};

// Refused, with nothing stored: over kMaxDocumentBytes (payload_too_large on "file"), empty
// (validation_failed), not a PDF, JPEG or PNG by its first bytes whatever its name
// (unsupported_media_type on "file"), a bad name, category or record (validation_failed naming it).
Result<domain::Document> attach_document(AppContext& ctx, const Actor& actor, std::string_view case_id,
                                         const NewDocument& document, std::string_view content);

// The document's description, and its bytes handed to `take` a chunk at a time; audited as
// document.open (its ID, never its name) before the answer leaves, like a reading of the case.
Result<domain::Document> open_document(AppContext& ctx, const Actor& actor, std::string_view case_id,
                                       std::string_view document_id, storage::PendingCommits& awaiting,
                                       FunctionRef<Result<void>(const domain::Document&, std::string_view chunk)> take);

}  // namespace haven::app
