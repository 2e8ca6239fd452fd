// Backups as an administrator makes and uses them (issue 20): `haven backup` while a server runs and
// registers cases, `haven backup verify`, `haven restore` refused under a running server and done once
// it is stopped; a damaged, cut-short or foreign backup refused with nothing replaced.
#include <gtest/gtest.h>

#include <atomic>
#include <fstream>
#include <mutex>
#include <thread>

#include <boost/json.hpp>

#include "kill/prepared_store.hpp"
#include "kill/server_process.hpp"
#include "support/http_client.hpp"
#include "support/test_server.hpp"

namespace haven::testing {
namespace {

namespace fs = std::filesystem;

// Registers cases, one after another, until stopped; the IDs of those acknowledged, in order.
class Registrations {
 public:
  explicit Registrations(unsigned short port) : thread_([this, port] { run(port); }) {}
  ~Registrations() { stop(); }
  void stop() {
    stop_ = true;
    if (thread_.joinable()) thread_.join();
  }
  std::vector<std::string> acknowledged() const {
    std::lock_guard lock(mutex_);
    return ids_;
  }

 private:
  void run(unsigned short port) {
    HttpClient client(port);
    if (client.post_json("/api/v1/session", TestServer::credentials("worker1")).result_int() != 200) return;
    for (int i = 0; !stop_; ++i) {
      auto r = client.post_json("/api/v1/cases", new_case_json("Người sao lưu " + std::to_string(i)));
      if (r.result_int() != 201) continue;
      std::lock_guard lock(mutex_);
      ids_.emplace_back(boost::json::parse(r.body()).at("id").as_string());
    }
  }
  std::atomic<bool> stop_{false};
  mutable std::mutex mutex_;
  std::vector<std::string> ids_;
  std::thread thread_;
};

int haven(std::vector<std::string> args, const fs::path& log) { return run_haven(std::move(args), log); }

std::string read_all(const fs::path& file) {
  std::ifstream in(file);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// Whether the server on `port` opens each case of `ids` (200) or finds none of them (404).
void expect_cases(unsigned short port, const std::vector<std::string>& ids, unsigned status) {
  HttpClient client(port);
  ASSERT_EQ(client.post_json("/api/v1/session", TestServer::credentials("worker1")).result_int(), 200);
  for (const auto& id : ids) EXPECT_EQ(client.get("/api/v1/cases/" + id).result_int(), status) << "case " << id;
}

class BackupTest : public ::testing::Test {
 protected:
  void SetUp() override { prepare_data_folder(data_); }
  std::vector<std::string> store_flags() const { return {"--data", data_.string()}; }
  TempDir dir_;
  fs::path data_ = dir_.path() / "data";
  fs::path backup_ = dir_.path() / "nightly.haven-backup";
  fs::path log_ = dir_.path() / "commands.log";
};

TEST_F(BackupTest, AnOnlineBackupHoldsWhatWasAcknowledgedBeforeItAndRestoresOnceTheServerIsStopped) {
  std::vector<std::string> before;
  std::vector<std::string> after;
  {
    ServerProcess server(data_);
    Registrations writes(server.port());
    while (writes.acknowledged().size() < 20) std::this_thread::sleep_for(std::chrono::milliseconds(20));
    before = writes.acknowledged();
    // Taken while the registrations go on.
    ASSERT_EQ(haven({"backup", "--data", data_.string(), "--to", backup_.string()}, log_), 0) << read_all(log_);
    const auto at_end = writes.acknowledged().size();
    while (writes.acknowledged().size() < at_end + 5) std::this_thread::sleep_for(std::chrono::milliseconds(20));
    writes.stop();
    const auto all = writes.acknowledged();
    after.assign(all.begin() + static_cast<std::ptrdiff_t>(at_end), all.end());

    ASSERT_EQ(haven({"backup", "verify", backup_.string(), "--data", data_.string()}, log_), 0) << read_all(log_);
    // Refused while the server uses the folder, which is left as it was.
    EXPECT_EQ(haven({"restore", "--from", backup_.string(), "--data", data_.string()}, log_), 1);
    EXPECT_NE(read_all(log_).find("Stop it first"), std::string::npos) << read_all(log_);
    expect_cases(server.port(), after, 200);
    EXPECT_EQ(server.terminate_gracefully(), 0);
  }
  ASSERT_EQ(haven({"restore", "--from", backup_.string(), "--data", data_.string()}, log_), 0) << read_all(log_);
  EXPECT_FALSE(fs::exists(data_.string() + ".restoring")) << "no working folder is left behind";

  ServerProcess restored(data_);
  expect_cases(restored.port(), before, 200);  // everything acknowledged before the backup began
  expect_cases(restored.port(), after, 404);   // and nothing registered after it ended
  EXPECT_EQ(restored.terminate_gracefully(), 0);
  EXPECT_EQ(haven({"audit", "verify", "--data", data_.string()}, log_), 0) << read_all(log_);
}

TEST_F(BackupTest, ABackupChangedByOneByteIsRefusedAndNothingIsReplaced) {
  ASSERT_EQ(haven({"backup", "--data", data_.string(), "--to", backup_.string()}, log_), 0) << read_all(log_);
  {
    // A byte in the middle of the database copy (past the tar headers and the manifest).
    std::fstream f(backup_, std::ios::in | std::ios::out | std::ios::binary);
    f.seekg(static_cast<std::streamoff>(fs::file_size(backup_) / 2));
    char c = 0;
    f.read(&c, 1);
    f.seekp(static_cast<std::streamoff>(fs::file_size(backup_) / 2));
    c = static_cast<char>(c ^ 0x5a);
    f.write(&c, 1);
  }
  fs::remove(log_);
  EXPECT_EQ(haven({"backup", "verify", backup_.string(), "--data", data_.string()}, log_), 1);
  EXPECT_NE(read_all(log_).find("changed or damaged"), std::string::npos) << read_all(log_);
  const auto size_before = fs::file_size(data_ / "haven.db");
  EXPECT_EQ(haven({"restore", "--from", backup_.string(), "--data", data_.string()}, log_), 1);
  EXPECT_NE(read_all(log_).find("Nothing was replaced"), std::string::npos);
  EXPECT_EQ(fs::file_size(data_ / "haven.db"), size_before);
  ServerProcess server(data_);  // the data folder still serves
  expect_cases(server.port(), {}, 200);
}

TEST_F(BackupTest, ABackupCutShortIsRefused) {
  ASSERT_EQ(haven({"backup", "--data", data_.string(), "--to", backup_.string()}, log_), 0) << read_all(log_);
  fs::resize_file(backup_, fs::file_size(backup_) / 2);
  fs::remove(log_);
  EXPECT_EQ(haven({"backup", "verify", backup_.string(), "--data", data_.string()}, log_), 1);
  EXPECT_NE(read_all(log_).find("cut short"), std::string::npos) << read_all(log_);
  EXPECT_EQ(haven({"restore", "--from", backup_.string(), "--data", data_.string()}, log_), 1);
}

TEST_F(BackupTest, ABackupDoesNotVerifyWithAnotherCentresKeyFile) {
  ASSERT_EQ(haven({"backup", "--data", data_.string(), "--to", backup_.string()}, log_), 0) << read_all(log_);
  const fs::path other = dir_.path() / "other.key";
  ASSERT_TRUE(security::KeyRing::generate().save(other));
  fs::remove(log_);
  EXPECT_EQ(haven({"backup", "verify", backup_.string(), "--key-file", other.string()}, log_), 1);
  EXPECT_NE(read_all(log_).find("does not verify with this key file"), std::string::npos) << read_all(log_);
  EXPECT_EQ(haven({"restore", "--from", backup_.string(), "--data", data_.string(), "--key-file", other.string()}, log_), 1);
}

TEST_F(BackupTest, ABackupNeverOverwritesAFileAndAFileThatIsNoBackupIsNamedSo) {
  { std::ofstream(backup_) << "not a backup"; }
  EXPECT_EQ(haven({"backup", "--data", data_.string(), "--to", backup_.string()}, log_), 2);
  EXPECT_EQ(read_all(backup_), "not a backup");
  fs::remove(log_);
  EXPECT_EQ(haven({"backup", "verify", backup_.string(), "--data", data_.string()}, log_), 1);
  EXPECT_NE(read_all(log_).find("not a whole Haven backup"), std::string::npos) << read_all(log_);
}

// The key file kept offsite: exported under a passphrase, brought back on a new machine (its folder
// made, for its owner only), and the backup verifies with it; a wrong passphrase writes nothing.
TEST_F(BackupTest, AnExportedKeyFileComesBackWithItsPassphraseAndOpensTheBackup) {
  ASSERT_EQ(haven({"backup", "--data", data_.string(), "--to", backup_.string()}, log_), 0) << read_all(log_);
  const fs::path exported = dir_.path() / "offsite.key-export";
  const fs::path right = dir_.path() / "right.txt";
  const fs::path wrong = dir_.path() / "wrong.txt";
  std::ofstream(right) << "một câu dài đủ để làm mật khẩu\n";
  std::ofstream(wrong) << "một câu dài nhưng không đúng\n";
  ASSERT_EQ(run_haven({"keys", "export", "--data", data_.string(), "--to", exported.string(), "--passphrase-stdin"}, log_,
                      right),
            0)
      << read_all(log_);
  const fs::path restored_key = dir_.path() / "etc" / "haven" / "haven.key";
  EXPECT_EQ(run_haven({"keys", "import", "--from", exported.string(), "--key-file", restored_key.string(),
                       "--passphrase-stdin"},
                      log_, wrong),
            1);
  EXPECT_FALSE(fs::exists(restored_key)) << "a wrong passphrase writes nothing";
  ASSERT_EQ(run_haven({"keys", "import", "--from", exported.string(), "--key-file", restored_key.string(),
                       "--passphrase-stdin"},
                      log_, right),
            0)
      << read_all(log_);
  EXPECT_EQ(read_all(restored_key), read_all(security::default_key_file(data_)));
  EXPECT_EQ(fs::status(restored_key.parent_path()).permissions() & fs::perms::all, fs::perms::owner_all);
  EXPECT_EQ(haven({"backup", "verify", backup_.string(), "--key-file", restored_key.string()}, log_), 0) << read_all(log_);
  // Never over a key file that is there.
  EXPECT_EQ(run_haven({"keys", "import", "--from", exported.string(), "--key-file", restored_key.string(),
                       "--passphrase-stdin"},
                      log_, right),
            1);
}

}  // namespace
}  // namespace haven::testing
