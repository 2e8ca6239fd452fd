// The end of a case file's life (Law 91/2025/QH15 on personal data protection). The centre head
// places a legal hold when an authority needs the file kept, lifts it when the proceedings end, and
// erases a closed case's file by destroying the case's own key (security/case_key.hpp), so that no
// copy of it opens again. Each is the head's decision, taken without reading the file's content, and
// audited in the same transaction; an erased case answers 410 from then on.
//
//   auto hold = place_legal_hold(ctx, head, case_id, "Toà án nhân dân tỉnh An Giang", "Vụ án 12/2026");
//   auto erased = erase_case(ctx, head, case_id, domain::ErasureGround::purpose_ended, "HV-7K3M-Q9PX");
//   if (!erased && erased.error().message_key == "guard.erasure_legal_hold") ...   // 409 while held
#pragma once

#include <string>
#include <string_view>

#include "app/actor.hpp"
#include "app/app_context.hpp"
#include "domain/case_file.hpp"
#include "domain/case_record.hpp"

namespace haven::app {

Result<domain::CaseRecord> place_legal_hold(AppContext& ctx, const Actor& actor, std::string_view case_id,
                                            std::string_view authority, std::string_view reason);
Result<domain::CaseRecord> lift_legal_hold(AppContext& ctx, const Actor& actor, std::string_view case_id,
                                           std::string_view hold_id, std::string_view reason);

struct ErasedCase {
  std::string case_id;
  std::string code;
  domain::Erasure erasure;
};

// `typed_code` is the case code as the head typed it to confirm: erasure cannot be undone.
Result<ErasedCase> erase_case(AppContext& ctx, const Actor& actor, std::string_view case_id,
                              domain::ErasureGround ground, std::string_view typed_code);

}  // namespace haven::app
