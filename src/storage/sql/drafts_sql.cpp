// Drafts (domain/draft.hpp): a row per person, case and form, its content sealed under the case's key
// (or, for the reception form, the data key), bound to the row so that it opens nowhere else.
#include "storage/sql/sql_values.hpp"
#include "storage/sql/sql_views.hpp"

namespace haven::storage {

using namespace sql_values;

namespace {

struct DraftColumns : SqlColumns {
  SqlColumn id = column("id");
  SqlColumn form = column("form");
  SqlColumn content = column("content");
  SqlColumn saved_at = column("saved_at");
};
constexpr DraftColumns kDraft;

// The row's key, and what its sealed content is bound to: who, which case, which form. None of the
// three is personal data (two random IDs and a form's name).
std::string draft_id(std::string_view staff_id, std::string_view case_id, std::string_view form) {
  std::string id;
  id.reserve(staff_id.size() + case_id.size() + form.size() + 2);
  id.append(staff_id).append("/").append(case_id).append("/").append(form);
  return id;
}

}  // namespace

Result<std::optional<domain::Draft>> SqlDrafts::find(std::string_view staff_id, std::string_view case_id,
                                                     std::string_view form) {
  static const std::string kSql = kDraft.select("FROM drafts WHERE id = $1");
  const std::string id = draft_id(staff_id, case_id, form);
  HAVEN_ASSIGN_OR_RETURN(auto rows, db().query(kSql, {text(id)}));
  if (rows.empty()) return std::optional<domain::Draft>{};
  const auto& row = rows.front();
  const security::KeyBytes* key = nullptr;
  if (!case_id.empty()) {
    HAVEN_ASSIGN_OR_RETURN(key, scope_.case_key(case_id));
  }
  HAVEN_ASSIGN_OR_RETURN(auto content, scope_.open("drafts", id, "content", row.text(kDraft.content), key));
  return std::optional<domain::Draft>{domain::Draft{std::string(staff_id), std::string(case_id), std::string(form),
                                                    std::move(content), timestamp(row.integer(kDraft.saved_at))}};
}

Result<std::vector<domain::DraftSummary>> SqlDrafts::list(std::string_view staff_id, std::string_view case_id) {
  static const std::string kSql =
      kDraft.select("FROM drafts WHERE staff_id = $1 AND case_id = $2 ORDER BY saved_at DESC, form");
  HAVEN_ASSIGN_OR_RETURN(auto rows, db().query(kSql, {text(staff_id), text(case_id)}));
  std::vector<domain::DraftSummary> drafts;
  drafts.reserve(rows.size());
  for (const auto& row : rows) drafts.push_back({row.text(kDraft.form), timestamp(row.integer(kDraft.saved_at))});
  return drafts;
}

Result<void> SqlDrafts::put(const domain::Draft& draft) {
  const std::string id = draft_id(draft.staff_id, draft.case_id, draft.form);
  std::string sealed;
  if (draft.case_id.empty()) {
    HAVEN_ASSIGN_OR_RETURN(sealed, scope_.seal("drafts", id, "content", draft.content));
  } else {
    HAVEN_ASSIGN_OR_RETURN(auto key, scope_.case_key_for_writing(draft.case_id));
    sealed = scope_.seal_case(*key, "drafts", id, "content", draft.content);
  }
  HAVEN_TRY(db().execute(
      "INSERT INTO drafts (id, staff_id, case_id, form, content, saved_at) VALUES ($1, $2, $3, $4, $5, $6) "
      "ON CONFLICT (id) DO UPDATE SET content = excluded.content, saved_at = excluded.saved_at",
      {text(id), text(draft.staff_id), text(draft.case_id), text(draft.form), text(sealed), seconds(draft.saved_at)}));
  return {};
}

Result<bool> SqlDrafts::remove(std::string_view staff_id, std::string_view case_id, std::string_view form) {
  HAVEN_ASSIGN_OR_RETURN(auto removed,
                         db().execute("DELETE FROM drafts WHERE id = $1", {text(draft_id(staff_id, case_id, form))}));
  return removed > 0;
}

Result<std::int64_t> SqlDrafts::remove_saved_before(Timestamp before) {
  return db().execute("DELETE FROM drafts WHERE saved_at < $1", {seconds(before)});
}

}  // namespace haven::storage
