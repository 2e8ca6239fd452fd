// `haven keys rotate`: a new data key, taken into use while servers keep serving, then every sealed
// value sealed again under it, with a progress bar (app/key_rotation.hpp has the steps). It waits, up
// to --wait seconds, for every running server to read the new key from its key file: servers on other
// machines need the file copied to them. `haven keys reencrypt` finishes a rotation that stopped, and
// may be run any time (it reseals only what needs it). `haven keys retire` then takes out of the file
// the older keys nothing is sealed under any more, so that backups made before the rotation no longer
// open (an erased case's file in them included); running servers forget them within seconds.
// `haven keys export --to FILE` wraps the key file under a passphrase (security/key_export.hpp) to be
// kept offsite, apart from the backups; `haven keys import --from FILE` writes it back as the key file.
#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>

#include <sodium.h>

#include "app/key_rotation.hpp"
#include "cli/commands.hpp"
#include "cli/file_lock.hpp"
#include "security/key_export.hpp"
#include "security/password_policy.hpp"

namespace haven::cli {
namespace {

// The environment, with the key file locked for this command and read again under the lock (a
// command that ended just before may have changed it); null (and the exit code) otherwise.
std::unique_ptr<CommandEnvironment> open_locked(const CommonFlags& common, int& exit_code,
                                                std::optional<FileLock>& lock) {
  auto env = open_environment(common, exit_code);
  if (!env) return env;
  // One `haven keys` command at a time on a key file: each reads the file, works for a while and
  // saves it whole, so a rotation finishing during a retirement would otherwise lose the key it added.
  lock.emplace(env->key_file.string() + ".lock", FileLock::Share::alone);
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
  std::optional<FileLock> lock;
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
  std::optional<FileLock> lock;
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
  std::optional<FileLock> lock;
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

namespace {

// A line typed without echo on a terminal.
std::string read_hidden(const char* prompt) {
  std::cerr << prompt << std::flush;
  termios before{};
  const bool terminal = ::tcgetattr(STDIN_FILENO, &before) == 0;
  if (terminal) {
    termios hidden = before;
    hidden.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &hidden);
  }
  std::string line;
  std::getline(std::cin, line);
  if (terminal) {
    ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &before);
    std::cerr << "\n";
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

// The passphrase: a line of standard input with --passphrase-stdin, else typed (twice when it is new).
std::optional<std::string> passphrase_of(const KeysFlags& flags, bool new_one) {
  if (flags.passphrase_stdin) {
    std::string line;
    std::getline(std::cin, line);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return line;
  }
  if (::isatty(STDIN_FILENO) == 0) {
    std::cerr << "haven keys: type the passphrase on a terminal, or give --passphrase-stdin / hãy nhập mật khẩu\n";
    return std::nullopt;
  }
  auto first = read_hidden("Passphrase / Mật khẩu: ");
  if (!new_one) return first;
  if (read_hidden("Again / Nhập lại: ") != first) {
    std::cerr << "haven keys: the two passphrases differ / hai lần nhập không giống nhau\n";
    return std::nullopt;
  }
  return first;
}

std::optional<std::string> read_file(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::nullopt;
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// Written whole under a temporary name, synced, then renamed: never half a file, never another's.
bool write_new_file(const std::filesystem::path& file, std::string_view bytes) {
  const std::string partial = file.string() + ".partial";
  const int fd = ::open(partial.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) return false;
  bool ok = ::write(fd, bytes.data(), bytes.size()) == static_cast<ssize_t>(bytes.size()) && ::fsync(fd) == 0;
  ::close(fd);
  // link() rather than rename(): it refuses an existing file instead of replacing it.
  ok = ok && ::link(partial.c_str(), file.c_str()) == 0;
  ::unlink(partial.c_str());
  return ok;
}

// The key file's path the settings name, without needing it to exist (import makes it).
std::optional<std::filesystem::path> key_file_path(const CommonFlags& common) {
  auto settings = SettingsSource::load({{"data", common.data}, {"database", common.database},
                                        {"key_file", common.key_file}, {"log_level", common.log_level}},
                                       common.config);
  if (!settings) return std::nullopt;
  if (const auto named = settings->get("key_file"); !named.empty()) return std::filesystem::path(named);
  if (const auto data = settings->get("data"); !data.empty()) return security::default_key_file(data);
  return std::nullopt;
}

}  // namespace

int run_keys_export(const CommonFlags& common, const KeysFlags& flags) {
  const auto key_file = key_file_path(common);
  if (!key_file || flags.file.empty()) {
    std::cerr << "haven keys export: give --to FILE and the key file (--key-file, or --data) / hãy cho --to TỆP\n";
    return 2;
  }
  // Loaded first: only a key file Haven can use is exported.
  if (auto keys = security::KeyRing::load(*key_file); !keys) return report_failure("cannot load the key file", keys.error());
  auto bytes = read_file(*key_file);
  if (!bytes) {
    std::cerr << "haven keys export: cannot read " << key_file->string() << "\n";
    return 1;
  }
  auto passphrase = passphrase_of(flags, true);
  if (!passphrase) return 2;
  if (security::password_problem(*passphrase, "")) {
    std::cerr << "haven keys export: the passphrase must be 12 to 128 characters and not a common one / mật khẩu "
                 "phải dài 12 đến 128 ký tự và không phải mật khẩu phổ biến\n";
    return 2;
  }
  std::cerr << "Stretching the passphrase (Argon2id, 256 MiB)... / Đang xử lý mật khẩu...\n";
  const auto wrapped = security::wrap_key_file(*bytes, *passphrase);
  sodium_memzero(bytes->data(), bytes->size());
  sodium_memzero(passphrase->data(), passphrase->size());
  if (!write_new_file(flags.file, wrapped)) {
    std::cerr << "haven keys export: cannot write " << flags.file << " (it may exist already) / không ghi được tệp\n";
    return 1;
  }
  std::cout << "The key file is exported to " << flags.file << ", sealed under the passphrase. Keep it offsite, apart "
            << "from the backups, and the passphrase apart from both. / Đã xuất tệp khoá; hãy cất riêng với bản sao "
               "lưu, và cất mật khẩu riêng nữa.\n";
  return 0;
}

int run_keys_import(const CommonFlags& common, const KeysFlags& flags) {
  const auto key_file = key_file_path(common);
  if (!key_file || flags.file.empty()) {
    std::cerr << "haven keys import: give --from FILE and where the key file goes (--key-file, or --data) / hãy cho "
                 "--from TỆP\n";
    return 2;
  }
  std::error_code ec;
  if (std::filesystem::exists(*key_file, ec)) {
    std::cerr << "haven keys import: " << key_file->string() << " exists; move it away first, nothing was changed. / "
              << "Tệp khoá đã tồn tại; chưa thay đổi gì.\n";
    return 1;
  }
  auto wrapped = read_file(flags.file);
  if (!wrapped) {
    std::cerr << "haven keys import: cannot read " << flags.file << "\n";
    return 1;
  }
  auto passphrase = passphrase_of(flags, false);
  if (!passphrase) return 2;
  auto bytes = security::unwrap_key_file(*wrapped, *passphrase);
  sodium_memzero(passphrase->data(), passphrase->size());
  if (!bytes) return report_failure("cannot open the exported key file", bytes.error());
  // The folder a new server has not made yet (/etc/haven), for its owner only.
  if (key_file->has_parent_path() && !std::filesystem::exists(key_file->parent_path(), ec)) {
    std::filesystem::create_directories(key_file->parent_path(), ec);
    std::filesystem::permissions(key_file->parent_path(), std::filesystem::perms::owner_all, ec);
  }
  const bool written = write_new_file(*key_file, *bytes);
  sodium_memzero(bytes->data(), bytes->size());
  if (!written) {
    std::cerr << "haven keys import: cannot write " << key_file->string() << "\n";
    return 1;
  }
  if (auto keys = security::KeyRing::load(*key_file); !keys) {
    std::filesystem::remove(*key_file, ec);
    return report_failure("the imported key file cannot be used", keys.error());
  }
  std::cout << "The key file is back at " << key_file->string() << ". / Đã khôi phục tệp khoá.\n";
  return 0;
}

}  // namespace haven::cli
