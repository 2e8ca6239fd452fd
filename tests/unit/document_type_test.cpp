// A document's type is what its first bytes say (domain/document.hpp), never its name: PDF, JPEG and
// PNG by their magic numbers, and everything else, however named, is none of them.
#include <gtest/gtest.h>

#include <string>

#include "domain/document.hpp"

namespace haven::domain {
namespace {

using namespace std::string_literals;

TEST(DocumentType, IsWhatTheFirstBytesSay) {
  const std::pair<std::string, std::optional<DocumentType>> cases[] = {
      {"%PDF-1.7\n%\xE2\xE3\xCF\xD3"s, DocumentType::pdf},
      {"\xFF\xD8\xFF\xE0\x00\x10JFIF"s, DocumentType::jpeg},
      {"\xFF\xD8\xFF\xE1\x00\x10" "Exif"s, DocumentType::jpeg},
      {"\xFF\xD8\xFF\xDB\x00\x43"s, DocumentType::jpeg},
      {"\x89PNG\r\n\x1A\n\x00\x00\x00\rIHDR"s, DocumentType::png},
      // Refused whatever they are called:
      {"<script>alert(1)</script>"s, std::nullopt},
      {"<!DOCTYPE html><html>"s, std::nullopt},
      {"PK\x03\x04 a .docx is a zip"s, std::nullopt},
      {"GIF89a"s, std::nullopt},
      {"%PD"s, std::nullopt},                 // a PDF cut before its signature ends
      {"\xFF\xD8\xFF"s, std::nullopt},        // a JPEG's start and nothing after
      {"\xFF\xD8\xFF\xFF"s, std::nullopt},    // not a segment marker
      {"\x89PNG\r\n"s, std::nullopt},         // a PNG signature cut short
      {" %PDF-1.7"s, std::nullopt},           // a PDF must begin with its signature
      {""s, std::nullopt},
  };
  for (const auto& [bytes, expected] : cases) {
    EXPECT_EQ(sniff_document_type(bytes), expected) << bytes;
  }
}

TEST(DocumentType, ChunksCoverTheFileExactly) {
  EXPECT_EQ(document_chunks(1), 1);
  EXPECT_EQ(document_chunks(static_cast<std::int64_t>(kDocumentChunkBytes)), 1);
  EXPECT_EQ(document_chunks(static_cast<std::int64_t>(kDocumentChunkBytes) + 1), 2);
  EXPECT_EQ(document_chunks(static_cast<std::int64_t>(kMaxDocumentBytes)), 40);
}

}  // namespace
}  // namespace haven::domain
