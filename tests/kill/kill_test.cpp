// Durability: kill -9 the haven server during a stream of writes, start it again, and find every
// acknowledged write, in a database that passes SQLite's integrity check.
#include <gtest/gtest.h>

#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <thread>

#include <boost/json.hpp>

#include "app/accounts.hpp"
#include "app/centre_work.hpp"
#include "security/key_ring.hpp"
#include "security/random.hpp"
#include "storage/sqlite/sqlite_store.hpp"
#include "support/http_client.hpp"
#include "support/test_server.hpp"

extern char** environ;

namespace haven::testing {
namespace {

// A haven serve process whose standard output is read for the port it bound.
class ServerProcess {
 public:
  explicit ServerProcess(const std::filesystem::path& data) {
    int out[2];
    if (::pipe(out) != 0) throw std::runtime_error("pipe");
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
    posix_spawn_file_actions_addclose(&actions, out[0]);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
    std::string data_arg = data.string();
    std::vector<std::string> args{HAVEN_BINARY, "serve", "--data", data_arg, "--listen", "127.0.0.1:0",
                                  "--web-root", "", "--log-level", "warn"};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    if (posix_spawn(&pid_, HAVEN_BINARY, &actions, nullptr, argv.data(), environ) != 0) {
      throw std::runtime_error("cannot start haven");
    }
    posix_spawn_file_actions_destroy(&actions);
    ::close(out[1]);
    FILE* stream = ::fdopen(out[0], "r");
    char line[512];
    while (std::fgets(line, sizeof line, stream)) {
      const std::string text(line);
      const auto at = text.find("http://127.0.0.1:");
      if (at != std::string::npos) {
        port_ = static_cast<unsigned short>(std::stoi(text.substr(at + 17)));
        break;
      }
    }
    stdout_ = stream;  // kept open so the server never writes to a closed pipe
    if (port_ == 0) throw std::runtime_error("haven did not report its port");
  }
  ~ServerProcess() {
    if (pid_ > 0) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
    if (stdout_) std::fclose(stdout_);
  }
  void kill_hard() {
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
    pid_ = -1;
  }
  int terminate_gracefully() {
    ::kill(pid_, SIGTERM);
    int status = 0;
    ::waitpid(pid_, &status, 0);
    pid_ = -1;
    return status;
  }
  unsigned short port() const { return port_; }

 private:
  pid_t pid_ = -1;
  unsigned short port_ = 0;
  FILE* stdout_ = nullptr;
};

// A data folder with its key file beside it (as haven init leaves them), a centre, and worker1,
// screened (III.1.b) so that she may open the cases she registers (I.3.c).
void prepare_data_folder(const std::filesystem::path& data) {
  security::initialise();
  SystemClock clock;
  security::PasswordHasher hasher({.threads = 1});
  std::filesystem::create_directories(data);
  const auto keys = security::KeyRing::generate();
  ASSERT_TRUE(keys.save(security::default_key_file(data)));
  auto store = storage::SqliteStore::open(data / "haven.db", clock, keys);
  ASSERT_TRUE(store);
  ASSERT_TRUE((*store)->migrate());
  app::AppContext ctx{**store, clock, hasher};
  auto centre = app::create_centre(ctx, "Trung tâm");
  ASSERT_TRUE(centre);
  auto head = app::add_staff(ctx, {centre->id, "head", "Giám đốc", domain::Role::centre_head, {}}, kTestPassword);
  auto worker = app::add_staff(ctx, {centre->id, "worker1", "Cán bộ", domain::Role::case_worker, {}}, kTestPassword);
  ASSERT_TRUE(head && worker);
  ASSERT_TRUE(app::record_staff_profile(ctx, centre->id, head->id, worker->id,
                                        {domain::RecruitmentScreening{true, true, true, true, ""}}));
}

TEST(KillTest, EveryAcknowledgedWriteSurvivesKillDashNine) {
  TempDir dir;
  const auto data = dir.path() / "data";  // its key file, data.key, beside it in the temporary folder
  prepare_data_folder(data);
  std::vector<std::string> acknowledged;

  for (int round = 0; round < 3; ++round) {
    ServerProcess server(data);
    HttpClient client(server.port());
    ASSERT_EQ(client.post_json("/api/v1/session", TestServer::credentials("worker1")).result_int(), 200);

    std::atomic<bool> killed{false};
    std::thread killer([&] {
      std::this_thread::sleep_for(std::chrono::milliseconds(400 + 150 * round));
      server.kill_hard();
      killed = true;
    });
    for (int i = 0; !killed; ++i) {
      try {
        auto r = client.post_json("/api/v1/cases", new_case_json("Vòng " + std::to_string(round) + " người " + std::to_string(i)));
        if (r.result_int() == 201) acknowledged.emplace_back(boost::json::parse(r.body()).at("id").as_string());
      } catch (const std::exception&) {
        break;  // the server died under this request: it was never acknowledged
      }
    }
    killer.join();
  }
  ASSERT_GT(acknowledged.size(), 10U) << "the test must have written a stream before the kills";

  ServerProcess server(data);
  HttpClient client(server.port());
  ASSERT_EQ(client.post_json("/api/v1/session", TestServer::credentials("worker1")).result_int(), 200);
  for (const auto& id : acknowledged) {
    EXPECT_EQ(client.get("/api/v1/cases/" + id).result_int(), 200) << "acknowledged case " << id << " was lost";
  }
  EXPECT_EQ(server.terminate_gracefully(), 0);

  SystemClock clock;
  auto keys = security::KeyRing::load(security::default_key_file(data));
  ASSERT_TRUE(keys);
  auto store = storage::SqliteStore::open(data / "haven.db", clock, *keys);
  ASSERT_TRUE(store);
  auto integrity = (*store)->integrity_check();
  ASSERT_TRUE(integrity);
  EXPECT_EQ(*integrity, "ok");
}

}  // namespace
}  // namespace haven::testing
