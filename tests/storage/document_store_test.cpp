// Documents on both backends (domain/document.hpp): a file is kept in sealed 256 KiB chunks and read
// back whole and in order, a chunk at a time; its name and bytes are never in the database in clear;
// its rows go with the case's erasure.
#include <gtest/gtest.h>

#include "storage/store_fixture.hpp"

namespace haven::storage {
namespace {

class DocumentStore : public StoreFixture {
 protected:
  void SetUp() override {
    StoreFixture::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    case_ = case_file("Lù Thị Báo", centre_.id);
    ASSERT_TRUE(insert(case_));
  }
  domain::Document document(std::string id, std::int64_t size) const {
    domain::Document d;
    d.id = std::move(id);
    d.case_id = case_.id;
    d.name = "Giấy khai sinh của Báo.pdf";
    d.category = domain::InformationCategory::identity;
    d.type = domain::DocumentType::pdf;
    d.byte_size = size;
    d.recorded_by = staff_.id;
    d.recorded_at = kNow;
    return d;
  }
  // Bytes that differ at every place, so that a chunk read out of order shows.
  static std::string content(std::size_t size) {
    std::string bytes = "%PDF-1.7 Lù Thị Báo ";
    for (std::size_t i = bytes.size(); i < size; ++i) bytes.push_back(static_cast<char>(i * 31 % 251));
    bytes.resize(size);
    return bytes;
  }
  std::string read_back(const domain::Document& d, int* chunks = nullptr) {
    std::string out;
    EXPECT_TRUE(store_->read([&](ReadTransaction& tx) {
      return tx.documents().read_content(d, [&](std::string_view chunk) -> Result<void> {
        EXPECT_LE(chunk.size(), domain::kDocumentChunkBytes);
        if (chunks) ++*chunks;
        out.append(chunk);
        return {};
      });
    }));
    return out;
  }
  std::int64_t count(const std::string& from) {
    auto rows = raw().query(kCount.select("FROM " + from), {});
    EXPECT_TRUE(rows);
    return rows ? rows->front().integer(kCount.value) : -1;
  }
  CaseFile case_;
};

TEST_P(DocumentStore, KeptInSealedChunksAndReadBackWholeAndInOrder) {
  const auto bytes = content(2 * domain::kDocumentChunkBytes + 17);
  const auto d = document("doc-1", static_cast<std::int64_t>(bytes.size()));
  ASSERT_TRUE(store_->write([&](WriteTransaction& tx) { return tx.documents().add(d, bytes); }));
  int chunks = 0;
  EXPECT_TRUE(read_back(d, &chunks) == bytes);
  EXPECT_EQ(chunks, 3);

  auto listed = read_value<std::vector<domain::Document>>(*store_, [&](ReadTransaction& tx) { return tx.documents().list(case_.id); });
  ASSERT_TRUE(listed);
  ASSERT_EQ(listed->size(), 1U);
  EXPECT_EQ(listed->front().name, d.name);
  EXPECT_EQ(listed->front().byte_size, d.byte_size);
  EXPECT_EQ(listed->front().category, domain::InformationCategory::identity);
  auto other_case = read_value<std::optional<domain::Document>>(
      *store_, [&](ReadTransaction& tx) { return tx.documents().find("another-case", d.id); });
  ASSERT_TRUE(other_case);
  EXPECT_FALSE(*other_case) << "a document is found only under its own case";

  static constexpr OneColumn kName{"name"};
  auto names = raw().query(kName.select("FROM " + table("documents")), {});
  ASSERT_TRUE(names);
  EXPECT_TRUE(names->front().text(kName.value).starts_with("c1:")) << "sealed under the case's key";
  static constexpr OneColumn kBody{"body"};
  auto bodies = raw().query(kBody.select("FROM " + table("document_chunks")), {});
  ASSERT_TRUE(bodies);
  ASSERT_EQ(bodies->size(), 3U);
  for (const auto& row : *bodies) {
    EXPECT_TRUE(row.text(kBody.value).starts_with("c1:"));
    EXPECT_EQ(row.text(kBody.value).find("%PDF"), std::string::npos);
  }
}

TEST_P(DocumentStore, GoneWithTheCasesErasure) {
  const auto bytes = content(1000);
  const auto d = document("doc-1", 1000);
  ASSERT_TRUE(store_->write([&](WriteTransaction& tx) { return tx.documents().add(d, bytes); }));
  ASSERT_TRUE(store_->write([&](WriteTransaction& tx) -> Result<void> {
    HAVEN_TRY(tx.cases().update_stage(centre_.id, case_.id, case_.version, domain::CaseStage::closed, kNow));
    return tx.cases().erase(centre_.id, case_.id, {kNow, staff_.id, domain::ErasureGround::subject_request});
  }));
  EXPECT_EQ(count(table("documents")), 0);
  EXPECT_EQ(count(table("document_chunks")), 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, DocumentStore, kBackends, backend_name);

}  // namespace
}  // namespace haven::storage
