// A document: a scanned paper or a photo attached to a case (an ID paper, an authority's decision, a
// signed consent form, a medical report), kept in the database as sealed chunks under the case's key
// (docs/security.md, "Documents"). Its type is what its first bytes say, never its name or the
// browser's word for it; its category decides, like a record field's, whether it may leave in a
// disclosure (I.3.b).
//
//   auto type = domain::sniff_document_type(first_bytes);   // nullopt: not a PDF, JPEG or PNG -> 415
//   if (size > domain::kMaxDocumentBytes) ...                 // 413
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/clock.hpp"
#include "common/enum_names.hpp"
#include "domain/consent_records.hpp"

namespace haven::domain {

inline constexpr std::size_t kMaxDocumentBytes = 10 * 1024 * 1024;
// A document is stored, sealed and opened this many bytes at a time: neither side ever holds a
// whole file sealed and open together.
inline constexpr std::size_t kDocumentChunkBytes = 256 * 1024;
// The file name a person gave it, shown in the case file: a name, not a path.
inline constexpr std::size_t kMaxDocumentNameCodePoints = 200;

enum class DocumentType { pdf, jpeg, png };
inline constexpr EnumNames<DocumentType, 3> kDocumentTypeNames{{{
    {DocumentType::pdf, "application/pdf"},
    {DocumentType::jpeg, "image/jpeg"},
    {DocumentType::png, "image/png"},
}}};

// The type the file's first bytes announce (its magic number): "%PDF-", JPEG's SOI marker followed
// by a segment marker, PNG's eight-byte signature. Anything else, whatever it is called: none.
std::optional<DocumentType> sniff_document_type(std::string_view first_bytes);

struct Document {
  std::string id;
  std::string case_id;
  std::string record_id;  // the record it belongs to; empty: the case as a whole
  std::string name;       // sealed
  InformationCategory category = InformationCategory::identity;
  DocumentType type = DocumentType::pdf;
  std::int64_t byte_size = 0;
  std::string recorded_by;
  Timestamp recorded_at{};
};

// The number of chunks a file of `byte_size` bytes is kept in.
constexpr std::int64_t document_chunks(std::int64_t byte_size) {
  const auto chunk = static_cast<std::int64_t>(kDocumentChunkBytes);
  return (byte_size + chunk - 1) / chunk;
}

}  // namespace haven::domain
