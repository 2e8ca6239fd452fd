// The backup file (app/backup_archive.hpp, app/backup.hpp): a tar that `tar` itself lists, read back
// member by member; a header changed or a file cut short is named, never read as a backup; the
// manifest round-trips and a manifest of another format or missing a field is refused.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

#include "app/backup.hpp"
#include "app/backup_archive.hpp"
#include "support/temp_dir.hpp"

namespace haven::app {
namespace {

namespace fs = std::filesystem;
using testing::TempDir;

const auto none = [](std::int64_t, std::int64_t) {};

fs::path write_archive(const fs::path& folder, const std::string& payload) {
  const fs::path source = folder / "payload.bin";
  std::ofstream(source, std::ios::binary) << payload;
  const fs::path file = folder / "backup.tar";
  auto out = ArchiveWriter::create(file);
  EXPECT_TRUE(out);
  EXPECT_TRUE(out->add_text(kManifestMember, R"({"format":1})"));
  EXPECT_TRUE(out->add_file(kSqliteMember, source, none));
  EXPECT_TRUE(out->finish());
  return file;
}

TEST(BackupArchive, MembersAreReadBackInOrderWithTheirDigest) {
  TempDir dir;
  const std::string payload(1'500'000, 'x');  // more than one copying chunk, not a whole block
  const auto file = write_archive(dir.path(), payload);
  auto in = ArchiveReader::open(file);
  ASSERT_TRUE(in);
  auto first = in->next();
  ASSERT_TRUE(first && *first);
  EXPECT_EQ((*first)->name, kManifestMember);
  EXPECT_EQ(*in->read_text(kLargestManifest), R"({"format":1})");
  auto second = in->next();
  ASSERT_TRUE(second && *second);
  EXPECT_EQ((*second)->size, static_cast<std::int64_t>(payload.size()));
  auto digest = in->extract(dir.path() / "out.bin", none);
  ASSERT_TRUE(digest);
  EXPECT_EQ(*digest, *blake2b_of_file(dir.path() / "payload.bin", none));
  EXPECT_EQ(fs::file_size(dir.path() / "out.bin"), payload.size());
  auto end = in->next();
  ASSERT_TRUE(end);
  EXPECT_FALSE(*end);
}

TEST(BackupArchive, TarListsIt) {
  TempDir dir;
  const auto file = write_archive(dir.path(), "database bytes");
  const std::string command = "tar tf '" + file.string() + "'";
  FILE* pipe = ::popen(command.c_str(), "r");
  ASSERT_NE(pipe, nullptr);
  std::string listed;
  char line[256];
  while (std::fgets(line, sizeof line, pipe)) listed += line;
  EXPECT_EQ(::pclose(pipe), 0);
  EXPECT_EQ(listed, "manifest.json\nhaven.db\n");
}

TEST(BackupArchive, AChangedHeaderOrAFileCutShortIsNamed) {
  TempDir dir;
  const auto file = write_archive(dir.path(), std::string(10'000, 'y'));
  {
    std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(2);  // inside the first member's name
    f.put('Z');
  }
  auto in = ArchiveReader::open(file);
  ASSERT_TRUE(in);
  auto first = in->next();
  ASSERT_FALSE(first);
  EXPECT_NE(first.error().log_detail.find("checksum"), std::string::npos);
}

TEST(BackupArchive, ACutShortMemberIsNotExtracted) {
  TempDir dir;
  const auto file = write_archive(dir.path(), std::string(10'000, 'z'));
  fs::resize_file(file, 512 + 512 + 512 + 4000);  // the manifest, the database's header, part of it
  auto in = ArchiveReader::open(file);
  ASSERT_TRUE(in);
  ASSERT_TRUE(in->next());
  auto second = in->next();
  ASSERT_TRUE(second && *second);
  auto extracted = in->extract(dir.path() / "out.bin", none);
  ASSERT_FALSE(extracted);
  EXPECT_NE(extracted.error().log_detail.find("cut short"), std::string::npos);
  EXPECT_FALSE(fs::exists(dir.path() / "out.bin")) << "a part of a database is not left behind";
}

TEST(BackupArchive, AnExistingFileIsNeverOverwritten) {
  TempDir dir;
  std::ofstream(dir.path() / "taken") << "mine";
  EXPECT_FALSE(ArchiveWriter::create(dir.path() / "taken"));
  std::ifstream in(dir.path() / "taken");
  std::string kept;
  in >> kept;
  EXPECT_EQ(kept, "mine");
}

BackupManifest sample() {
  BackupManifest m;
  m.haven_version = "0.1.0";
  m.backend = "sqlite";
  m.created_at = Timestamp{std::chrono::seconds{1'796'000'000}};
  m.facts = {21, std::string(64, 'a'), 100000, 250000};
  m.payload = kSqliteMember;
  m.payload_bytes = 415'000'000;
  m.payload_blake2b = std::string(64, 'b');
  return m;
}

TEST(BackupManifestCodec, RoundTrips) {
  auto decoded = decode_manifest(encode_manifest(sample()));
  ASSERT_TRUE(decoded);
  EXPECT_EQ(decoded->facts.cases, 100000);
  EXPECT_EQ(decoded->facts.records, 250000);
  EXPECT_EQ(decoded->facts.audit_head, std::string(64, 'a'));
  EXPECT_EQ(decoded->created_at, sample().created_at);
  EXPECT_EQ(decoded->payload_bytes, 415'000'000);
}

TEST(BackupManifestCodec, AnotherFormatOrAMissingFieldIsRefused) {
  auto later = sample();
  later.format = 2;
  auto refused = decode_manifest(encode_manifest(later));
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().field, "format");
  auto missing = decode_manifest(R"({"format":1,"haven_version":"0.1.0"})");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, ErrorCode::missing_field);
  EXPECT_FALSE(decode_manifest("not json"));
}

}  // namespace
}  // namespace haven::app
