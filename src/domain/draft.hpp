// A draft: what a member of staff has typed into a form and not saved yet, kept on the server so that
// a session that ends, a closed tab or a crashed browser loses nothing (docs/security.md, "Drafts").
// One per person, case and form; sealed like the record it will become (under the case's key, or for
// the reception form, which has no case yet, under the data key). A draft is not a record: no clause
// counts it, nobody else reads it, and it goes when its form is saved or discarded, with its case's
// erasure, or after kDraftRetention untouched.
//
//   if (!domain::is_draft_form(form)) ...            // "record.counselling_session", "reception", ...
//   Draft d{.staff_id = me, .case_id = id, .form = form, .content = json, .saved_at = now};
#pragma once

#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>

#include "common/clock.hpp"

namespace haven::domain {

// The form's name, chosen by the browser: 1 to 64 of a-z, 0-9, '_', '.' and '-'. It names a form,
// never a person, so it may appear in the audit log.
bool is_draft_form(std::string_view form);

// The plain JSON a draft may hold: a long counselling note with every field of its form, well under
// the request body limit, so that a too-long draft is named as such rather than as a too-big request.
inline constexpr std::size_t kMaxDraftBytes = 256 * 1024;

// A draft nobody has touched for this long is deleted (at the next sign-in of anyone).
inline constexpr std::chrono::days kDraftRetention{30};

struct Draft {
  std::string staff_id;
  std::string case_id;  // empty: the reception form, before there is a case
  std::string form;
  std::string content;  // a JSON object, as the browser sent it
  Timestamp saved_at{};
};

struct DraftSummary {
  std::string form;
  Timestamp saved_at{};
};

}  // namespace haven::domain
