// What the process tests serve: a store with a centre, its head, and worker1, screened (III.1.b) so
// that she may open the cases she registers (I.3.c). SQLite in a data folder with its key file beside
// it (as `haven init` leaves them), or PostgreSQL in a schema of its own with a key file in a folder.
#pragma once

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "app/accounts.hpp"
#include "app/centre_work.hpp"
#include "security/key_ring.hpp"
#include "security/random.hpp"
#include "storage/postgres/pg_connection.hpp"
#include "storage/postgres/postgres_store.hpp"
#include "storage/sqlite/sqlite_store.hpp"
#include "support/test_server.hpp"

namespace haven::testing {

inline void add_centre_head_and_worker(storage::Store& store) {
  SystemClock clock;
  security::PasswordHasher hasher({.threads = 1});
  app::AppContext ctx{store, clock, hasher};
  auto centre = app::create_centre(ctx, "Trung tâm");
  ASSERT_TRUE(centre);
  auto head = app::add_staff(ctx, {centre->id, "head", "Giám đốc", domain::Role::centre_head, {}}, kTestPassword);
  auto worker = app::add_staff(ctx, {centre->id, "worker1", "Cán bộ", domain::Role::case_worker, {}}, kTestPassword);
  ASSERT_TRUE(head && worker);
  ASSERT_TRUE(app::record_staff_profile(ctx, centre->id, head->id, worker->id,
                                        {domain::RecruitmentScreening{true, true, true, true, ""}}));
}

inline void prepare_data_folder(const std::filesystem::path& data) {
  security::initialise();
  SystemClock clock;
  std::filesystem::create_directories(data);
  const auto keys = security::KeyRing::generate();
  ASSERT_TRUE(keys.save(security::default_key_file(data)));
  auto store = storage::SqliteStore::open(data / "haven.db", clock, keys);
  ASSERT_TRUE(store);
  ASSERT_TRUE((*store)->migrate());
  add_centre_head_and_worker(**store);
}

// A PostgreSQL schema of its own (HAVEN_TEST_POSTGRES), dropped at the end, and the flags that make
// a haven command use it.
class PostgresSchema {
 public:
  PostgresSchema(const std::filesystem::path& key_file) : key_file_(key_file) {
    security::initialise();
    const char* conninfo = std::getenv("HAVEN_TEST_POSTGRES");
    if (!conninfo || !*conninfo) throw std::runtime_error("HAVEN_TEST_POSTGRES is not set");
    schema_ = "process_" + security::new_record_id();
    auto admin = storage::PgConnection::open(conninfo);
    if (!admin || !(*admin)->execute_script("CREATE SCHEMA " + schema_)) throw std::runtime_error("cannot make a schema");
    admin_ = std::move(*admin);
    conninfo_ = std::string(conninfo) + " options='-c search_path=" + schema_ + "'";
    const auto keys = security::KeyRing::generate();
    if (!keys.save(key_file_)) throw std::runtime_error("cannot write the key file");
    SystemClock clock;
    auto store = storage::PostgresStore::open(conninfo_, clock, keys, 2);
    if (!store || !(*store)->migrate()) throw std::runtime_error("cannot open the store");
    add_centre_head_and_worker(**store);
  }
  ~PostgresSchema() { (void)admin_->execute_script("DROP SCHEMA " + schema_ + " CASCADE"); }
  PostgresSchema(const PostgresSchema&) = delete;
  PostgresSchema& operator=(const PostgresSchema&) = delete;
  std::vector<std::string> flags() const { return {"--database", conninfo_, "--key-file", key_file_.string()}; }

 private:
  std::filesystem::path key_file_;
  std::unique_ptr<storage::SqlConnection> admin_;
  std::string schema_;
  std::string conninfo_;
};

}  // namespace haven::testing
