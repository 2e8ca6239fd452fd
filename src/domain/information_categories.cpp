#include "domain/information_categories.hpp"

namespace haven::domain {
// Each record type's table (domain/case_record.hpp) decides its category, or none for what is internal.
std::optional<InformationCategory> category_of(const RecordBody& body) {
  return RecordTypes<RecordBody>::categories[body.index()];
}

}  // namespace haven::domain
