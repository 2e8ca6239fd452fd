// `haven keys rotate`: a new data key, taken into use while servers keep serving, then every sealed
// value sealed again under it, with a progress bar (app/key_rotation.hpp has the steps). It waits, up
// to --wait seconds, for every running server to read the new key from its key file: servers on other
// machines need the file copied to them. `haven keys reencrypt` finishes a rotation that stopped, and
// may be run any time (it reseals only what needs it). `haven keys retire` then takes out of the file
// the older keys nothing is sealed under any more, so that backups made before the rotation no longer
// open (an erased case's file in them included); running servers forget them within seconds.
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <iostream>
#include <memory>
#include <optional>

#include "app/key_rotation.hpp"
#include "cli/commands.hpp"

namespace haven::cli {
namespace {

// One `haven keys` command at a time on a key file: each reads the file, works for a while and saves
// it whole, so a rotation finishing during a retirement would otherwise lose the key it added.
class KeyFileLock {
 public:
  explicit KeyFileLock(const std::filesystem::path& key_file)
      : fd_(::open((key_file.string() + ".lock").c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600)) {
    held_ = fd_ >= 0 && ::flock(fd_, LOCK_EX | LOCK_NB) == 0;
  }
  ~KeyFileLock() {
    if (fd_ >= 0) ::close(fd_);  // closing lets go of the lock
  }
  KeyFileLock(const KeyFileLock&) = delete;
  KeyFileLock& operator=(const KeyFileLock&) = delete;
  bool held() const { return held_; }

 private:
  int fd_;
  bool held_ = false;
};

// The environment, with the key file locked for this command and read again under the lock (a
// command that ended just before may have changed it); null (and the exit code) otherwise.
std::unique_ptr<CommandEnvironment> open_locked(const CommonFlags& common, int& exit_code,
                                                std::optional<KeyFileLock>& lock) {
  auto env = open_environment(common, exit_code);
  if (!env) return env;
  lock.emplace(env->key_file);
  if (!lock->held()) {
    std::cerr << "Another `haven keys` command is using " << env->key_file.string()
              << ": wait for it to end. / Một lệnh `haven keys` khác đang dùng tệp khoá này: hãy chờ lệnh đó kết thúc.\n";
    exit_code = 1;
    return nullptr;
  }
  if (auto reread = env->keys->reload(env->key_file); !reread) {
    exit_code = report_failure("cannot read the key file again", reread.error());
    return nullptr;
  }
  return env;
}

void tell_waiting(const std::vector<storage::ServerPresence>& servers, std::uint32_t key_id) {
  std::cerr << "Waiting for " << servers.size() << " running server(s) to read data key " << key_id
            << " from their key file (copy the key file to each machine): / Đang chờ máy chủ đọc khoá mới:";
  for (const auto& s : servers) std::cerr << " " << s.host << " (process " << s.pid << ")";
  std::cerr << "\n";
}

// Every running server holds `key_id`: the database names it the sealing key.
int take_into_use(CommandEnvironment& env, std::uint32_t key_id, std::chrono::seconds wait) {
  auto switched = app::switch_sealing_key(*env.store, env.clock, key_id, wait,
                                          [key_id](const auto& waiting) { tell_waiting(waiting, key_id); });
  if (!switched) {
    return report_failure("data key " + std::to_string(key_id) +
                              " is not in use yet (nothing has changed; run this again once the key file is on every "
                              "server)",
                          switched.error());
  }
  return 0;
}

int reencrypt(CommandEnvironment& env) {
  auto done = app::reseal_all(*env.store, [](const app::ResealProgress& p) { draw_progress(p); });
  std::cerr << "\n";
  if (!done) return report_failure("cannot seal the case files again", done.error());
  std::cout << done->resealed << " of " << done->done << " rows sealed again. / Đã mã hoá lại " << done->resealed
            << " trên " << done->done << " dòng.\n";
  return 0;
}

std::chrono::seconds wait_of(const KeysFlags& flags) { return std::chrono::seconds{flags.wait_seconds}; }

}  // namespace

int run_keys_rotate(const CommonFlags& common, const KeysFlags& flags) {
  int exit_code = 0;
  std::optional<KeyFileLock> lock;
  auto env = open_locked(common, exit_code, lock);
  if (!env) return exit_code;
  auto key_id = app::key_to_rotate_to(*env->store, *env->keys, env->key_file);
  if (!key_id) return report_failure("cannot add a data key", key_id.error());
  std::cout << "Data key " << *key_id << " is in " << env->key_file.string() << "; taking it into use.\n"
            << "If this stops, run `haven keys rotate` again to go on. / Nếu bị dừng, chạy lại `haven keys rotate`.\n";
  if (int r = take_into_use(*env, *key_id, wait_of(flags)); r != 0) return r;
  return reencrypt(*env);
}

int run_keys_reencrypt(const CommonFlags& common, const KeysFlags& flags) {
  int exit_code = 0;
  std::optional<KeyFileLock> lock;
  auto env = open_locked(common, exit_code, lock);
  if (!env) return exit_code;
  // A rotation that stopped before its switch: the file's newest key is taken into use first.
  auto named = app::named_sealing_key(*env->store);
  if (!named) return report_failure("cannot read which key seals", named.error());
  const auto newest = env->keys->current_data_key_id();
  if (!*named || newest > **named) {
    if (int r = take_into_use(*env, newest, wait_of(flags)); r != 0) return r;
  }
  return reencrypt(*env);
}

int run_keys_retire(const CommonFlags& common, const KeysFlags& flags) {
  int exit_code = 0;
  std::optional<KeyFileLock> lock;
  auto env = open_locked(common, exit_code, lock);
  if (!env) return exit_code;
  // Before anything leaves the file, the database names the key every server seals under.
  auto named = app::named_sealing_key(*env->store);
  if (!named) return report_failure("cannot read which key seals", named.error());
  if (!*named) {
    if (int r = take_into_use(*env, env->keys->current_data_key_id(), wait_of(flags)); r != 0) return r;
  }
  auto report = app::retire_unused_data_keys(*env->store, *env->keys);
  if (!report) return report_failure("cannot count what each key sealed", report.error());
  if (!report->retired.empty()) {
    if (auto saved = env->keys->save(env->key_file); !saved) return report_failure("cannot write the key file", saved.error());
  }
  for (const auto id : report->retired) {
    std::cout << "Retired data key " << id << ": backups made while it was current no longer open. / Đã huỷ khoá " << id
              << ": các bản sao lưu tạo khi khoá này đang dùng không còn mở được.\n";
  }
  for (const auto& [id, values] : report->still_used) {
    std::cerr << "Data key " << id << " still seals " << values << " values: run `haven keys reencrypt` first. / Khoá "
              << id << " vẫn đang mã hoá " << values << " giá trị: hãy chạy `haven keys reencrypt` trước.\n";
  }
  if (report->retired.empty() && report->still_used.empty()) {
    std::cout << "No older data key to retire. / Không có khoá cũ nào để huỷ.\n";
  }
  return report->still_used.empty() ? 0 : 1;
}

}  // namespace haven::cli
