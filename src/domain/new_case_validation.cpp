#include "domain/new_case_validation.hpp"

#include <chrono>

#include "domain/text_rules.hpp"

namespace haven::domain {
namespace {

// A clock on a shelter PC may run a little ahead of the server's; a reception a few minutes "in
// the future" is a clock difference, not a mistake.
constexpr std::chrono::minutes kClockTolerance{5};
constexpr std::size_t kMaxDocuments = 50;
constexpr std::size_t kMaxLanguages = 10;

tl::unexpected<Error> field_error(std::string field, std::string key, std::string clause = {}) {
  Error e;
  e.code = ErrorCode::validation_failed;
  e.field = std::move(field);
  e.message_key = std::move(key);
  e.clause = std::move(clause);
  return tl::unexpected<Error>(std::move(e));
}

Result<void> check_text(TextProblem problem, const std::string& field, const std::string& clause,
                        std::size_t max) {
  switch (problem) {
    case TextProblem::none: return {};
    case TextProblem::empty: return field_error(field, "validation.required", clause);
    case TextProblem::too_long: {
      auto e = field_error(field, "validation.too_long", clause);
      e.value().with_arg("max", std::to_string(max));
      return e;
    }
    case TextProblem::forbidden_character: return field_error(field, "validation.forbidden_characters", clause);
  }
  return {};
}

bool is_ascii_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_ascii_lower(char c) { return c >= 'a' && c <= 'z'; }

bool is_language_tag(const std::string& tag) {
  // A primary language subtag ("vi", "km", "hmn"), optionally followed by a region ("zh-CN").
  std::size_t i = 0;
  while (i < tag.size() && is_ascii_lower(tag[i])) ++i;
  if (i < 2 || i > 3) return false;
  if (i == tag.size()) return true;
  if (tag[i] != '-' || tag.size() - i - 1 < 2 || tag.size() - i - 1 > 8) return false;
  for (std::size_t j = i + 1; j < tag.size(); ++j) {
    const char c = tag[j];
    if (!(is_ascii_upper(c) || is_ascii_lower(c) || (c >= '0' && c <= '9'))) return false;
  }
  return true;
}

}  // namespace

Result<void> validate_person_name(std::string_view name, const std::string& field) {
  constexpr std::size_t kMaxName = 200;
  return check_text(check_name(name, kMaxName), field, "II.1.a", kMaxName);
}

Result<void> validate_person(const Person& person, Timestamp now) {
  HAVEN_TRY(validate_person_name(person.name, "person.name"));
  if (person.birth_date && std::chrono::sys_days{*person.birth_date} > std::chrono::floor<std::chrono::days>(now)) {
    return field_error("person.birth_date", "validation.birth_date_future");
  }
  if (person.estimated_age && (*person.estimated_age < 0 || *person.estimated_age > 120)) {
    return field_error("person.estimated_age", "validation.age_range");
  }
  if (person.nationality.size() != 2 || !is_ascii_upper(person.nationality[0]) ||
      !is_ascii_upper(person.nationality[1])) {
    return field_error("person.nationality", "validation.nationality");
  }
  if (person.languages.empty()) return field_error("person.languages", "validation.languages_required");
  if (person.languages.size() > kMaxLanguages) {
    auto e = field_error("person.languages", "validation.too_many");
    e.value().with_arg("max", std::to_string(kMaxLanguages));
    return e;
  }
  for (const auto& language : person.languages) {
    if (!is_language_tag(language)) return field_error("person.languages", "validation.language_tag");
  }
  return {};
}

Result<void> validate_reception(const Reception& reception, Timestamp now) {
  if (reception.received_at > now + kClockTolerance) {
    return field_error("reception.received_at", "validation.received_at_future", "II.1.a");
  }
  constexpr std::size_t kMaxText = 300;
  if (auto r = check_text(check_short_text(reception.referring_authority, kMaxText), "reception.referring_authority",
                          "II.1.a", kMaxText);
      !r) {
    return r;
  }
  if (auto r = check_text(check_short_text(reception.legal_basis, kMaxText), "reception.legal_basis", "II.1.a",
                          kMaxText);
      !r) {
    return r;
  }
  if (reception.documents.size() > kMaxDocuments) {
    auto e = field_error("reception.documents", "validation.too_many", "II.1.a");
    e.value().with_arg("max", std::to_string(kMaxDocuments));
    return e;
  }
  for (std::size_t i = 0; i < reception.documents.size(); ++i) {
    const std::string field = "reception.documents[" + std::to_string(i) + "]";
    if (auto r = check_text(check_short_text(reception.documents[i], kMaxText), field, "II.1.a", kMaxText); !r) {
      return r;
    }
  }
  return {};
}

Result<void> validate_new_case(const Person& person, const Reception& reception, Timestamp now) {
  if (auto r = validate_reception(reception, now); !r) return r;
  return validate_person(person, now);
}

}  // namespace haven::domain
