// `haven init` as the README's steps run it on a new server (issue 20): the key file's folder made
// when missing, for its owner only; run a second time on a database that has its centre, it changes
// nothing (no second centre, no stray key file) and says so.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

#include "kill/prepared_store.hpp"
#include "kill/server_process.hpp"
#include "support/temp_dir.hpp"

namespace haven::testing {
namespace {

namespace fs = std::filesystem;

std::string read_all(const fs::path& file) {
  std::ifstream in(file);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

TEST(InitCommand, MakesTheKeyFilesFolderForItsOwnerOnly) {
  TempDir dir;
  const fs::path key_file = dir.path() / "etc" / "haven" / "haven.key";
  const fs::path log = dir.path() / "init.log";
  ASSERT_EQ(run_haven({"init", "--data", (dir.path() / "data").string(), "--key-file", key_file.string(), "--centre",
                       "Trung tâm"},
                      log),
            0)
      << read_all(log);
  EXPECT_TRUE(fs::exists(key_file));
  EXPECT_EQ(fs::status(key_file.parent_path()).permissions() & fs::perms::all, fs::perms::owner_all);
}

TEST(InitCommand, RunAgainOnADatabaseWithItsCentreChangesNothing) {
  if (const char* pg = std::getenv("HAVEN_TEST_POSTGRES"); !pg || !*pg) GTEST_SKIP() << "set HAVEN_TEST_POSTGRES";
  TempDir dir;
  PostgresSchema schema(dir.path() / "haven.key");  // a centre, its head and a worker
  const fs::path log = dir.path() / "init.log";
  auto flags = schema.flags();
  // As the README's block pasted a second time, but with the key file named anew.
  const fs::path other_key = dir.path() / "again" / "haven.key";
  std::vector<std::string> again{"init", flags[0], flags[1], "--key-file", other_key.string(), "--centre", "Lần hai"};
  EXPECT_EQ(run_haven(again, log), 3);
  EXPECT_NE(read_all(log).find("already has its centre"), std::string::npos) << read_all(log);
  EXPECT_FALSE(fs::exists(other_key)) << "a key file made for a database it does not open is not left behind";
  // Still one centre: a staff account is added without naming it.
  std::ofstream(dir.path() / "password.txt") << kTestPassword << "\n";
  auto add = flags;
  add.insert(add.begin(), {"user", "add"});
  for (const char* a : {"--username", "newworker", "--display-name", "Người mới", "--password-stdin"}) add.emplace_back(a);
  EXPECT_EQ(run_haven(add, log, dir.path() / "password.txt"), 0) << read_all(log);
}

}  // namespace
}  // namespace haven::testing
