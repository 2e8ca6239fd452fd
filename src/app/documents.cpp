#include "app/documents.hpp"

#include <algorithm>

#include "app/case_access.hpp"
#include "app/permissions.hpp"
#include "common/human_size.hpp"
#include "domain/text_rules.hpp"
#include "security/random.hpp"

namespace haven::app {

namespace {

Result<domain::Document> check_new(const NewDocument& in, std::string_view content) {
  if (content.size() > domain::kMaxDocumentBytes) {
    Error e(ErrorCode::payload_too_large);
    e.field = "file";
    e.message_key = "error.document_too_large";
    e.with_arg("max", human_size(domain::kMaxDocumentBytes));
    return tl::unexpected(std::move(e));
  }
  if (content.empty()) return fail(ErrorCode::validation_failed, "file", "validation.document_empty");
  const auto type = domain::sniff_document_type(content.substr(0, 16));
  if (!type) return fail(ErrorCode::unsupported_media_type, "file", "error.document_type");
  // A file's name as scanners and phones make them ("Quyet_dinh_0123-QD (trang 1).pdf"): any text but
  // markup, controls and path separators.
  if (domain::check_short_text(in.name, domain::kMaxDocumentNameCodePoints) != domain::TextProblem::none ||
      in.name.find_first_of("/\\") != std::string::npos) {
    return fail(ErrorCode::validation_failed, "name", "validation.document_name");
  }
  const auto category = domain::kInformationCategoryNames.parse(in.category);
  if (!category) return fail(ErrorCode::validation_failed, "category", "validation.document_category");
  domain::Document d;
  d.name = in.name;
  d.category = *category;
  d.type = *type;
  d.byte_size = static_cast<std::int64_t>(content.size());
  d.record_id = in.record_id;
  return d;
}

}  // namespace

Result<domain::Document> attach_document(AppContext& ctx, const Actor& actor, std::string_view case_id,
                                         const NewDocument& document, std::string_view content) {
  HAVEN_TRY(require(actor, Action::add_record));
  HAVEN_ASSIGN_OR_RETURN(auto d, check_new(document, content));
  d.id = security::new_record_id();
  d.case_id = std::string(case_id);
  d.recorded_by = actor.staff_id;
  HAVEN_TRY(with_case(ctx, actor, case_id, CaseUse::write, [&](storage::WriteTransaction& tx, OpenCase& open) -> Result<void> {
    open.file_unchanged = true;  // a document is no record: no clause counts it
    // Its time is taken under the case's lock: a release that committed first has an earlier time,
    // so a package opened again never carries a document attached after it.
    d.recorded_at = ctx.clock.now();
    if (!d.record_id.empty()) {
      const auto& records = open.history.records;
      if (std::none_of(records.begin(), records.end(), [&](const domain::CaseRecord& r) { return r.id == d.record_id; })) {
        return fail(ErrorCode::validation_failed, "record_id", "validation.document_record");
      }
    }
    HAVEN_TRY(tx.documents().add(d, content));
    return tx.audit().append({d.recorded_at, actor.staff_id, "document.add", d.case_id, "document=" + d.id});
  }));
  return d;
}

Result<domain::Document> open_document(AppContext& ctx, const Actor& actor, std::string_view case_id,
                                       std::string_view document_id, storage::PendingCommits& awaiting,
                                       FunctionRef<Result<void>(const domain::Document&, std::string_view chunk)> take) {
  std::optional<domain::Document> found;
  // A reading of the case (its access checked) whatever is found; an opening, naming the document,
  // only of one that is there: a probe for an ID never reads as an opening.
  CaseReading reading;
  HAVEN_TRY(read_case(
      ctx, actor, case_id, awaiting,
      [&](storage::ReadTransaction& tx, OpenCase&) -> Result<void> {
        if (!security::is_record_id(document_id)) return {};
        HAVEN_ASSIGN_OR_RETURN(found, tx.documents().find(case_id, document_id));
        if (!found) return {};
        reading = {"document.open", "document=" + found->id};
        return tx.documents().read_content(*found, [&](std::string_view chunk) { return take(*found, chunk); });
      },
      reading));
  if (!found) return fail(ErrorCode::not_found, "document_id", "error.document_not_found");
  return std::move(*found);
}

}  // namespace haven::app
