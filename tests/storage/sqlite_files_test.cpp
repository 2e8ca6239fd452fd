// The SQLite files (the database, its write-ahead log and shared memory) are the service account's
// alone, 0600: copied with their modes, they would otherwise show the columns that are not sealed to
// anyone. Files an older version made 0644 are narrowed when the store opens.
#include <gtest/gtest.h>

#include <sys/stat.h>

#include "security/key_ring.hpp"
#include "security/random.hpp"
#include "storage/sqlite/sqlite_store.hpp"
#include "support/temp_dir.hpp"

namespace haven::storage {
namespace {

unsigned mode_of(const std::filesystem::path& file) {
  struct stat info {};
  EXPECT_EQ(::stat(file.c_str(), &info), 0) << file;
  return info.st_mode & 0777U;
}

TEST(SqliteFiles, AreReadableByTheServiceAccountAlone) {
  security::initialise();
  testing::TempDir dir;
  const auto db = dir.path() / "haven.db";
  SystemClock clock;
  const auto keys = security::KeyRing::generate();
  const mode_t previous = ::umask(022);  // a service's usual umask: files would be 0644
  {
    auto store = SqliteStore::open(db, clock, keys);
    ASSERT_TRUE(store);
    ASSERT_TRUE((*store)->migrate());
    for (const char* suffix : {"", "-wal", "-shm"}) EXPECT_EQ(mode_of(db.string() + suffix), 0600U) << suffix;
  }
  // An older version's files, 0644: narrowed at the next opening.
  for (const char* suffix : {"", "-wal", "-shm"}) (void)::chmod((db.string() + suffix).c_str(), 0644);
  {
    auto store = SqliteStore::open(db, clock, keys);
    ASSERT_TRUE(store);
    for (const char* suffix : {"", "-wal", "-shm"}) {
      if (std::filesystem::exists(db.string() + suffix)) {
        EXPECT_EQ(mode_of(db.string() + suffix), 0600U) << suffix;
      }
    }
  }
  ::umask(previous);
}

}  // namespace
}  // namespace haven::storage
