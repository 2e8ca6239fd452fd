#include "domain/document.hpp"

namespace haven::domain {

std::optional<DocumentType> sniff_document_type(std::string_view first_bytes) {
  using namespace std::string_view_literals;
  if (first_bytes.starts_with("%PDF-"sv)) return DocumentType::pdf;
  // SOI (FF D8) and the first segment's marker (FF, then APPn, DQT, SOF... never 00 or FF again).
  if (first_bytes.size() >= 4 && first_bytes.starts_with("\xFF\xD8\xFF"sv) && first_bytes[3] != '\0' &&
      first_bytes[3] != '\xFF') {
    return DocumentType::jpeg;
  }
  if (first_bytes.starts_with("\x89PNG\r\n\x1A\n"sv)) return DocumentType::png;
  return std::nullopt;
}

}  // namespace haven::domain
