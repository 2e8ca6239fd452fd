// Server-side messages in Vietnamese and English: the `detail` of every problem+json answer and
// every refusal. One table holds both languages side by side, so a message can never exist in one
// language only. Vietnamese is the default.
//
//   Language lang = negotiate_language(request["Accept-Language"]);   // "en-GB,en;q=0.9" -> en
//   std::string text = render_message(lang, "validation.too_long", {{"max", "200"}});
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/error.hpp"

namespace haven::i18n {

enum class Language { vi, en };

std::string_view language_tag(Language language);
Language negotiate_language(std::string_view accept_language);

bool has_message(std::string_view key);
// The message for `key` with {name} placeholders filled; an unknown key renders as the key itself.
std::string render_message(Language language, std::string_view key, const std::vector<MessageArg>& args = {});

// The arguments with each value that is itself a catalog key ("stage.in_care", "guard.missing.health_check")
// rendered in the same language, as refusals carry them.
std::vector<MessageArg> localize_args(Language language, const std::vector<MessageArg>& args);

// The key used when an error carries none of its own: "error.<code>".
std::string default_message_key(ErrorCode code);

std::vector<std::string_view> all_message_keys();

}  // namespace haven::i18n
