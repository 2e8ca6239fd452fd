// The fixture of the storage suites: a Store of the backend the test is instantiated with, migrated,
// with two centres and a member of staff. PostgreSQL is reached through HAVEN_TEST_POSTGRES (a libpq
// connection string); each test gets a schema of its own. The test command (scripts/test.sh) starts a
// throwaway cluster and sets HAVEN_REQUIRE_POSTGRES=1, so a missing server fails the run instead of
// skipping.
//
//   class MySuite : public StoreFixture {};
//   TEST_P(MySuite, Something) { store_->write(...); }
//   INSTANTIATE_TEST_SUITE_P(Backends, MySuite, kBackends, backend_name);
#pragma once

#include <gtest/gtest.h>

#include <cstdlib>
#include <memory>
#include <string>

#include "security/key_ring.hpp"
#include "security/random.hpp"
#include "storage/postgres/pg_connection.hpp"
#include "storage/postgres/postgres_store.hpp"
#include "storage/sql/migrations.hpp"
#include "storage/sqlite/sqlite_connection.hpp"
#include "storage/sqlite/sqlite_store.hpp"
#include "support/temp_dir.hpp"

namespace haven::storage {

using domain::CaseFile;

inline const Timestamp kNow = *parse_iso_timestamp("2026-11-27T12:00:00Z");

// The columns of a raw query (raw() below) in the order it selects them: storage reads rows by
// named columns only (storage/sql/sql_columns.hpp), and these tests read what they selected by hand.
struct RawColumns : SqlColumns {
  SqlColumn first = column("");
  SqlColumn second = column("");
};
inline constexpr RawColumns kRaw;

class StoreFixture : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    security::initialise();
    if (GetParam() == "sqlite") {
      auto opened = SqliteStore::open(dir_.path() / "haven.db", clock_, keys_);
      ASSERT_TRUE(opened) << opened.error().log_detail;
      store_ = std::move(*opened);
    } else {
      const char* conninfo = std::getenv("HAVEN_TEST_POSTGRES");
      if (!conninfo || !*conninfo) {
        if (std::getenv("HAVEN_REQUIRE_POSTGRES")) FAIL() << "HAVEN_TEST_POSTGRES is not set but PostgreSQL is required";
        GTEST_SKIP() << "set HAVEN_TEST_POSTGRES to run the contract on PostgreSQL";
      }
      schema_ = "contract_" + security::new_record_id();
      auto admin = PgConnection::open(conninfo);
      ASSERT_TRUE(admin) << admin.error().log_detail;
      ASSERT_TRUE((*admin)->execute_script("CREATE SCHEMA " + schema_));
      admin_ = std::move(*admin);
      auto opened = PostgresStore::open(std::string(conninfo) + " options='-c search_path=" + schema_ + "'", clock_, keys_, 4);
      ASSERT_TRUE(opened) << opened.error().log_detail;
      store_ = std::move(*opened);
    }
    auto version = store_->migrate();
    ASSERT_TRUE(version) << version.error().log_detail;
    centre_ = {security::new_record_id(), "Trung tâm A", kNow};
    other_centre_ = {security::new_record_id(), "Trung tâm B", kNow};
    staff_ = staff_member(centre_.id, "worker1");
    ASSERT_TRUE(store_->write([&](WriteTransaction& tx) -> Result<void> {
      if (auto r = tx.centres().insert(centre_); !r) return r;
      if (auto r = tx.centres().insert(other_centre_); !r) return r;
      return tx.staff().insert(staff_);
    }));
  }

  void TearDown() override {
    store_.reset();
    if (admin_) (void)admin_->execute_script("DROP SCHEMA " + schema_ + " CASCADE");
  }

  static domain::StaffAccount staff_member(const std::string& centre_id, const std::string& username) {
    domain::StaffAccount s;
    s.id = security::new_record_id();
    s.centre_id = centre_id;
    s.username = username;
    s.display_name = "Trần Văn Minh";
    s.role = domain::Role::case_worker;
    s.password_hash = "$argon2id$v=19$placeholder";
    s.created_at = kNow;
    return s;
  }

  CaseFile case_file(const std::string& name, const std::string& centre_id, Timestamp received_at = kNow) {
    CaseFile f;
    f.id = security::new_record_id();
    f.centre_id = centre_id;
    f.code = security::new_case_code();
    f.created_at = f.updated_at = kNow;
    f.person.name = name;
    f.person.sex = domain::Sex::female;
    f.person.birth_date = parse_iso_date("2009-03-14");
    f.person.suspected_child = true;
    f.person.nationality = "VN";
    f.person.languages = {"vi", "km"};
    f.person.preferred_staff_gender = domain::StaffGenderPreference::female;
    f.reception.received_at = received_at;
    f.reception.referral_channel = domain::ReferralChannel::border_guard;
    f.reception.referring_authority = "Đồn Biên phòng Tịnh Biên";
    f.reception.legal_basis = "Biên bản 12/BB";
    f.reception.documents = {"Biên bản bàn giao", "Ảnh \"giấy tờ\""};
    f.reception.recorded_by = staff_.id;
    return f;
  }

  // A case with staff_ on it, as a registration leaves it (I.3.c).
  Result<void> insert(const CaseFile& f) {
    return store_->write([&](WriteTransaction& tx) -> Result<void> {
      if (auto r = tx.cases().insert(f); !r) return r;
      return tx.cases().set_staff(f.id, {staff_.id});
    });
  }

  std::optional<CaseFile> find(const std::string& centre_id, const std::string& case_id) {
    auto found = read_value<std::optional<CaseFile>>(
        *store_, [&](ReadTransaction& tx) { return tx.cases().find(centre_id, case_id); });
    EXPECT_TRUE(found);
    return found ? *found : std::nullopt;
  }

  CasePage search(const std::string& text, int limit = 50, int offset = 0) {
    auto page = read_value<CasePage>(*store_, [&](ReadTransaction& tx) {
      return tx.cases().list({centre_.id, staff_.id, true, text, limit, offset, std::nullopt, std::nullopt});
    });
    EXPECT_TRUE(page);
    return page ? *page : CasePage{};
  }

  // A second connection to the same database, outside the store, as someone with access to the
  // database files would have; `table` names a table in this test's schema.
  SqlConnection& raw() {
    if (GetParam() == "sqlite") {
      if (!raw_sqlite_) raw_sqlite_ = std::move(*SqliteConnection::open(dir_.path() / "haven.db", SqliteConnection::Mode::writer));
      return *raw_sqlite_;
    }
    return *admin_;
  }
  std::string table(const std::string& name) const { return schema_.empty() ? name : schema_ + "." + name; }

  testing::TempDir dir_;
  FixedClock clock_{kNow};
  security::KeyRing keys_ = (security::initialise(), security::KeyRing::generate());
  std::unique_ptr<Store> store_;
  std::unique_ptr<PgConnection> admin_;
  std::unique_ptr<SqliteConnection> raw_sqlite_;
  std::string schema_;
  domain::Centre centre_;
  domain::Centre other_centre_;
  domain::StaffAccount staff_;
};

inline const auto kBackends = ::testing::Values("sqlite", "postgresql");
inline std::string backend_name(const ::testing::TestParamInfo<std::string>& info) { return info.param; }

}  // namespace haven::storage
