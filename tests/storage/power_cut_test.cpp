// Power loss (issue 20), the way SQLite's own crash tests do it (support/power_cut_vfs.hpp): two
// writers register cases, each with its audit entry, until the power goes at a random write; the
// disk is left as a cut may leave it (unsynced writes dropped, written or torn), and the database
// opened again must pass SQLite's integrity check and the audit chain's verification, and hold every
// case whose write was acknowledged. HAVEN_POWER_CUTS sets the count (the test command runs 200,
// scripts/drill.sh power 10,000); HAVEN_POWER_SEED repeats a run.
#include <gtest/gtest.h>

#include <cstdlib>
#include <iostream>
#include <mutex>
#include <thread>

#include "app/audit_log.hpp"
#include "security/random.hpp"
#include "storage/sqlite/sqlite_store.hpp"
#include "support/power_cut_vfs.hpp"
#include "storage/store_fixture.hpp"

namespace haven::storage {
namespace {

std::int64_t from_environment(const char* name, std::int64_t fallback) {
  const char* text = std::getenv(name);
  return text && *text ? std::strtoll(text, nullptr, 10) : fallback;
}

TEST(PowerCut, EveryAcknowledgedWriteSurvivesAndTheFileAndItsAuditChainAreSound) {
  security::initialise();
  const std::int64_t cuts = from_environment("HAVEN_POWER_CUTS", 200);
  const auto seed = static_cast<std::uint32_t>(from_environment("HAVEN_POWER_SEED", std::random_device{}()));
  std::mt19937 random(seed);
  testing::TempDir dir;
  SystemClock clock;
  const auto keys = security::KeyRing::generate();
  testing::PowerCutVfs vfs;

  const domain::Centre centre{security::new_record_id(), "Trung tâm", clock.now()};
  domain::StaffAccount staff;
  staff.id = security::new_record_id();
  staff.centre_id = centre.id;
  staff.username = "worker1";
  staff.display_name = "Trần Văn Minh";
  staff.role = domain::Role::case_worker;
  staff.password_hash = "$argon2id$v=19$placeholder";
  staff.created_at = clock.now();
  // A new database every 100 cuts, so that checking the whole audit chain after each cut stays
  // quick at the drill's 10,000.
  std::filesystem::path file;
  const auto new_database = [&](std::int64_t round) {
    file = dir.path() / ("db-" + std::to_string(round / 100)) / "haven.db";
    std::filesystem::create_directories(file.parent_path());
    auto store = SqliteStore::open(file, clock, keys, 1);
    ASSERT_TRUE(store);
    ASSERT_TRUE((*store)->migrate());
    ASSERT_TRUE((*store)->write([&](WriteTransaction& tx) -> Result<void> {
      HAVEN_TRY(tx.centres().insert(centre));
      return tx.staff().insert(staff);
    }));
  };

  std::int64_t acknowledged_in_all = 0;
  std::int64_t writes_refused = 0;
  for (std::int64_t round = 0; round < cuts; ++round) {
    if (round % 100 == 0) {
      new_database(round);
      if (HasFatalFailure()) return;
      std::error_code ignored;
      if (round > 0) std::filesystem::remove_all(dir.path() / ("db-" + std::to_string(round / 100 - 1)), ignored);
    }
    std::vector<std::string> acknowledged;
    {
      auto opened = SqliteStore::open(file, clock, keys, 1);
      ASSERT_TRUE(opened) << "round " << round << " seed " << seed << ": " << opened.error().log_detail;
      auto& store = **opened;
      vfs.cut_after(1 + static_cast<std::int64_t>(random() % 2000));
      std::mutex mutex;
      std::vector<std::thread> writers;
      for (int w = 0; w < 2; ++w) {
        writers.emplace_back([&, w] {
          for (int i = 0; !vfs.power_is_cut() && i < 100000; ++i) {
            domain::CaseFile f;
            f.id = security::new_record_id();
            f.centre_id = centre.id;
            f.code = security::new_case_code();
            f.created_at = f.updated_at = clock.now();
            f.person.name = "Người " + std::to_string(round) + "-" + std::to_string(w) + "-" + std::to_string(i);
            f.person.nationality = "VN";
            f.person.languages = {"vi"};
            f.reception.received_at = clock.now();
            f.reception.referring_authority = "Công an";
            f.reception.legal_basis = "Biên bản";
            f.reception.recorded_by = staff.id;
            auto written = store.write([&](WriteTransaction& tx) -> Result<void> {
              HAVEN_TRY(tx.cases().insert(f));
              HAVEN_TRY(tx.cases().set_staff(f.id, {staff.id}));
              return tx.audit().append({clock.now(), staff.id, "case.create", f.id, ""});
            });
            std::lock_guard lock(mutex);
            if (written) {
              acknowledged.push_back(f.id);
            } else {
              ++writes_refused;
            }
          }
        });
      }
      for (auto& t : writers) t.join();
      ASSERT_TRUE(vfs.power_is_cut()) << "round " << round << ": the power never went";
    }
    vfs.settle(random);
    vfs.restore_power();

    auto opened = SqliteStore::open(file, clock, keys, 1);
    ASSERT_TRUE(opened) << "round " << round << " seed " << seed;
    auto integrity = (*opened)->integrity_check();
    ASSERT_TRUE(integrity);
    ASSERT_EQ(*integrity, "ok") << "round " << round << " seed " << seed;
    for (const auto& id : acknowledged) {
      auto found = read_value<std::optional<domain::CaseFile>>(
          **opened, [&](ReadTransaction& tx) { return tx.cases().find(centre.id, id); });
      ASSERT_TRUE(found && *found) << "round " << round << " seed " << seed << ": acknowledged case " << id << " lost";
    }
    auto chain = app::verify_audit_log(**opened, keys, [](std::int64_t) {});
    ASSERT_TRUE(chain);
    ASSERT_EQ(chain->problem, app::AuditProblem::none) << "round " << round << " seed " << seed;
    acknowledged_in_all += static_cast<std::int64_t>(acknowledged.size());
  }
  std::cout << "power cuts: " << cuts << ", writes acknowledged: " << acknowledged_in_all
            << ", refused as the power went: " << writes_refused << ", lost: 0, seed " << seed << "\n";
}

}  // namespace
}  // namespace haven::storage
