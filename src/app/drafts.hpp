// Drafts (domain/draft.hpp): what a member of staff has typed into a form and not saved, kept sealed
// on the server. Each person reads and writes only their own. A case's drafts need the same access
// to the case as its records (I.3.c; a draft for a case one is not on is refused and the attempt
// audited), and every saving, opening and discarding is audited with the case; the reception form's
// draft (case_id empty) needs the right to register a person.
//
//   HAVEN_ASSIGN_OR_RETURN(auto saved, save_draft(ctx, actor, case_id, "record.counselling_session", json));
//   HAVEN_ASSIGN_OR_RETURN(auto draft, open_draft(ctx, actor, case_id, form, awaiting));  // not_found: none
//   HAVEN_TRY(discard_draft(ctx, actor, case_id, form));
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "app/actor.hpp"
#include "app/app_context.hpp"
#include "domain/draft.hpp"
#include "storage/pending_commit.hpp"

namespace haven::app {

// `content` is the form's JSON object as the browser sent it; payload_too_large on "content" past
// domain::kMaxDraftBytes, validation_failed on "form" for a name domain::is_draft_form refuses.
Result<domain::Draft> save_draft(AppContext& ctx, const Actor& actor, std::string_view case_id, std::string_view form,
                                 std::string content);
Result<domain::Draft> open_draft(AppContext& ctx, const Actor& actor, std::string_view case_id, std::string_view form,
                                 storage::PendingCommits& awaiting);
Result<std::vector<domain::DraftSummary>> list_drafts(AppContext& ctx, const Actor& actor, std::string_view case_id,
                                                      storage::PendingCommits& awaiting);
// Discarding one that is not there is no error: the form is saved or discarded either way.
Result<void> discard_draft(AppContext& ctx, const Actor& actor, std::string_view case_id, std::string_view form);

}  // namespace haven::app
