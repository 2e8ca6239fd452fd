#include "domain/draft.hpp"

#include <algorithm>

namespace haven::domain {

bool is_draft_form(std::string_view form) {
  if (form.empty() || form.size() > 64) return false;
  return std::all_of(form.begin(), form.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-';
  });
}

}  // namespace haven::domain
