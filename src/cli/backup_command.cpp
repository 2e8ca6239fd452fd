// `haven backup --to FILE`: an online copy of the SQLite database while servers run and write, in a
// tar with its manifest (app/backup.hpp), a progress bar on a terminal. `haven backup verify FILE`:
// the checks a restore makes, without restoring. `haven restore --from FILE`: refuses while a server
// uses the folder, checks everything before replacing anything, and keeps the replaced data aside
// until the restored database is in place.
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <chrono>
#include <iostream>
#include <optional>

#include "app/backup.hpp"
#include "app/backup_archive.hpp"
#include "cli/commands.hpp"
#include "cli/file_lock.hpp"
#include "common/iso_time.hpp"
#include "storage/open_store.hpp"
#include "storage/sqlite/sqlite_backup.hpp"
#include "storage/sqlite/sqlite_store.hpp"
#include "version.hpp"

namespace haven::cli {
namespace {

namespace fs = std::filesystem;

// "[#####.....] 45% copying" on a terminal, redrawn in place; nothing when standard error is a file.
class ProgressBar {
 public:
  explicit ProgressBar(std::string what) : what_(std::move(what)), terminal_(::isatty(2) != 0) {}
  ~ProgressBar() {
    if (terminal_ && drawn_ >= 0) std::cerr << "\n";
  }
  void operator()(std::int64_t done, std::int64_t total) {
    if (!terminal_) return;
    const int percent = total > 0 ? static_cast<int>(std::min<std::int64_t>(done * 100 / total, 100)) : 100;
    if (percent == drawn_) return;
    drawn_ = percent;
    constexpr int kWidth = 30;
    const int filled = percent * kWidth / 100;
    std::cerr << "\r[" << std::string(static_cast<std::size_t>(filled), '#')
              << std::string(static_cast<std::size_t>(kWidth - filled), '.') << "] " << percent << "% " << what_
              << std::flush;
  }

 private:
  std::string what_;
  bool terminal_;
  int drawn_ = -1;
};

int refuse_postgres() {
  std::cerr << "haven: this command works on a SQLite data folder (--data). A PostgreSQL database is backed up "
               "with pg_dump: see docs/operations.md. / Lệnh này dùng cho thư mục dữ liệu SQLite; cơ sở dữ liệu "
               "PostgreSQL sao lưu bằng pg_dump (xem docs/operations.md).\n";
  return 2;
}

// A folder of its own beside `near` (same file system, so a rename moves it), removed when done.
class WorkFolder {
 public:
  explicit WorkFolder(const fs::path& near, std::string_view kind) {
    std::string pattern = near.string() + "." + std::string(kind) + "-XXXXXX";
    if (::mkdtemp(pattern.data()) != nullptr) path_ = pattern;
  }
  ~WorkFolder() {
    std::error_code ignored;
    if (!path_.empty()) fs::remove_all(path_, ignored);
  }
  WorkFolder(const WorkFolder&) = delete;
  WorkFolder& operator=(const WorkFolder&) = delete;
  const fs::path& path() const { return path_; }
  void release() { path_.clear(); }  // it became something else: not removed

 private:
  fs::path path_;
};

struct Settings {
  std::unique_ptr<SettingsSource> source;
  int exit_code = 0;
};

Settings read_settings(const CommonFlags& common) {
  Settings out;
  auto settings = SettingsSource::load(
      {{"data", common.data}, {"database", common.database}, {"key_file", common.key_file}, {"log_level", common.log_level}},
      common.config);
  if (!settings) {
    out.exit_code = report_failure("cannot read settings", settings.error());
    return out;
  }
  configure_logging(*settings);
  out.source = std::make_unique<SettingsSource>(std::move(*settings));
  return out;
}

// The archive's manifest, and its database extracted into `folder` as kSqliteMember and checked
// there: everything verify and restore require. Prints what it finds; 0 when the copy may be relied on.
int extract_and_check(const fs::path& archive, const fs::path& folder, const security::KeyRing& keys) {
  auto reader = app::ArchiveReader::open(archive);
  if (!reader) return report_failure("cannot open the backup", reader.error());
  auto first = reader->next();
  if (!first) return report_failure("cannot read the backup", first.error());
  if (!*first || (*first)->name != app::kManifestMember) {
    std::cerr << "haven: " << archive.string() << " is not a Haven backup: it does not begin with its manifest. / "
              << "Tệp này không phải bản sao lưu Haven.\n";
    return 1;
  }
  auto text = reader->read_text(app::kLargestManifest);
  if (!text) return report_failure("cannot read the backup's manifest", text.error());
  auto manifest = app::decode_manifest(*text);
  if (!manifest) return report_failure("cannot read the backup's manifest", manifest.error());
  std::cout << "Backup made " << format_iso_timestamp(manifest->created_at) << " by Haven " << manifest->haven_version
            << ": schema " << manifest->facts.schema_version << ", " << manifest->facts.cases << " cases, "
            << manifest->facts.records << " records. / Bản sao lưu tạo lúc " << format_iso_timestamp(manifest->created_at)
            << ": " << manifest->facts.cases << " hồ sơ, " << manifest->facts.records << " bản ghi.\n";
  auto second = reader->next();
  if (!second) return report_failure("cannot read the backup", second.error());
  if (!*second || (*second)->name != manifest->payload || (*second)->size != manifest->payload_bytes) {
    std::cerr << "haven: the backup's database is missing or not the size its manifest gives (cut short?). / "
              << "Bản sao lưu thiếu cơ sở dữ liệu hoặc không đủ kích thước.\n";
    return 1;
  }
  const fs::path database = folder / app::kSqliteMember;
  std::string digest;
  {
    ProgressBar bar("reading the backup / đang đọc bản sao lưu");
    auto extracted = reader->extract(database, [&](std::int64_t done, std::int64_t total) { bar(done, total); });
    if (!extracted) return report_failure("cannot read the backup's database", extracted.error());
    digest = std::move(*extracted);
  }
  if (digest != manifest->payload_blake2b) {
    std::cerr << "haven: the backup's database is not the one its manifest describes (its digest differs): the file "
              << "was changed or damaged. / Cơ sở dữ liệu trong bản sao lưu đã bị thay đổi hoặc hỏng.\n";
    return 1;
  }
  auto integrity = storage::sqlite_integrity_check(database);
  if (!integrity) return report_failure("cannot check the backup's database", integrity.error());
  SystemClock clock;
  auto store = storage::SqliteStore::open(database, clock, keys, 1);
  if (!store) return report_failure("cannot open the backup's database", store.error());
  ProgressBar bar("checking the audit chain / đang kiểm tra nhật ký");
  auto check = app::check_copy(**store, keys, *manifest, *integrity,
                               [&](std::int64_t n) { bar(n, std::max<std::int64_t>(n, 1)); });
  if (!check) return report_failure("cannot check the backup's database", check.error());
  if (!check->problems.empty()) {
    for (const auto& p : check->problems) std::cerr << "haven: " << p << "\n";
    return 1;
  }
  std::cout << "The backup is sound: integrity ok, " << check->audit.chained
            << " audit entries verified with this key file, counts as in its manifest. / Bản sao lưu nguyên vẹn.\n";
  return 0;
}

}  // namespace

// The backup takes what the server leaves: the people at work come first. A lower CPU priority and
// the lowest best-effort I/O priority (bench/backup.sh measures the readers beside it).
void step_aside() {
  (void)::setpriority(PRIO_PROCESS, 0, 10);
  constexpr int kBestEffort = 2;
  constexpr int kLowest = 7;
  constexpr int kClassShift = 13;
  (void)::syscall(SYS_ioprio_set, 1 /* IOPRIO_WHO_PROCESS */, 0, (kBestEffort << kClassShift) | kLowest);
}

int run_backup(const CommonFlags& common, const BackupFlags& flags) {
  if (flags.to.empty()) {
    std::cerr << "haven backup: give --to FILE / hãy cho --to TỆP\n";
    return 2;
  }
  step_aside();
  int exit_code = 0;
  auto env = open_environment(common, exit_code, {{"leave_schema", "yes"}});
  if (!env) return exit_code;
  if (env->store->backend() != "sqlite") return refuse_postgres();
  const fs::path to = fs::absolute(flags.to);
  std::error_code ec;
  if (fs::exists(to, ec)) {
    std::cerr << "haven backup: " << to.string() << " exists; give a new file name. / Tệp đã tồn tại.\n";
    return 2;
  }
  const fs::path database = fs::path(env->settings.get("data")) / storage::kSqliteFileName;
  WorkFolder work(to, "partial");
  if (work.path().empty()) {
    std::cerr << "haven backup: cannot write in " << to.parent_path().string() << " / không ghi được vào thư mục\n";
    return 1;
  }
  const fs::path copy = work.path() / app::kSqliteMember;
  {
    ProgressBar bar("copying the database / đang sao chép");
    auto copied = storage::copy_sqlite_database(database, copy, [&](std::int64_t done, std::int64_t total) { bar(done, total); });
    if (!copied) return report_failure("cannot copy the database", copied.error());
  }
  app::BackupManifest manifest;
  manifest.haven_version = kHavenVersion;
  manifest.backend = "sqlite";
  manifest.created_at = env->clock.now();
  manifest.payload = app::kSqliteMember;
  {
    // Read from the copy, not the live database: the manifest describes what the file holds.
    auto copy_store = storage::SqliteStore::open(copy, env->clock, *env->keys, 1);
    if (!copy_store) return report_failure("cannot open the copy", copy_store.error());
    auto facts = app::facts_of(**copy_store);
    if (!facts) return report_failure("cannot read the copy", facts.error());
    manifest.facts = std::move(*facts);
  }
  manifest.payload_bytes = static_cast<std::int64_t>(fs::file_size(copy, ec));
  {
    ProgressBar bar("digesting / đang tính mã băm");
    auto digest = app::blake2b_of_file(copy, [&](std::int64_t done, std::int64_t total) { bar(done, total); });
    if (!digest) return report_failure("cannot read the copy", digest.error());
    manifest.payload_blake2b = std::move(*digest);
  }
  auto archive = app::ArchiveWriter::create(to);
  if (!archive) return report_failure("cannot create the backup file", archive.error());
  if (auto r = archive->add_text(app::kManifestMember, app::encode_manifest(manifest)); !r) {
    return report_failure("cannot write the backup file", r.error());
  }
  {
    ProgressBar bar("writing the backup / đang ghi bản sao lưu");
    if (auto r = archive->add_file(app::kSqliteMember, copy, [&](std::int64_t done, std::int64_t total) { bar(done, total); }); !r) {
      return report_failure("cannot write the backup file", r.error());
    }
  }
  if (auto r = archive->finish(); !r) return report_failure("cannot write the backup file", r.error());
  std::cout << "Backed up " << manifest.facts.cases << " cases and " << manifest.facts.records << " records to "
            << to.string() << " (" << fs::file_size(to, ec) << " bytes). It opens only with the key file "
            << env->key_file.string() << ": keep a copy of that apart (haven keys export). / Đã sao lưu "
            << manifest.facts.cases << " hồ sơ. Bản sao lưu chỉ mở được bằng tệp khoá: hãy giữ một bản riêng.\n";
  return 0;
}

int run_backup_verify(const CommonFlags& common, const BackupFlags& flags) {
  auto settings = read_settings(common);
  if (!settings.source) return settings.exit_code;
  fs::path key_file;
  auto keys = load_keys(*settings.source, key_file);
  if (!keys) return report_failure("cannot load the key file (give --key-file)", keys.error());
  const fs::path archive = fs::absolute(flags.from);
  WorkFolder work(fs::temp_directory_path() / "haven-verify", "work");
  if (work.path().empty()) {
    std::cerr << "haven backup verify: cannot make a working folder in " << fs::temp_directory_path().string() << "\n";
    return 1;
  }
  return extract_and_check(archive, work.path(), *keys);
}

int run_restore(const CommonFlags& common, const BackupFlags& flags) {
  auto settings = read_settings(common);
  if (!settings.source) return settings.exit_code;
  if (!settings.source->get("database").empty()) return refuse_postgres();
  const std::string data_setting = settings.source->get("data");
  if (data_setting.empty() || flags.from.empty()) {
    std::cerr << "haven restore: give --from FILE and --data FOLDER / hãy cho --from TỆP và --data THƯ_MỤC\n";
    return 2;
  }
  fs::path key_file;
  auto keys = load_keys(*settings.source, key_file);
  if (!keys) return report_failure("cannot load the key file (give --key-file)", keys.error());
  const fs::path data = fs::absolute(data_setting).lexically_normal();
  std::error_code ec;
  fs::create_directories(data.parent_path(), ec);
  const bool existed = fs::exists(data, ec);
  std::optional<FileLock> lock;  // held to the end: no server starts on the folder meanwhile
  if (existed) {
    lock.emplace(data_folder_lock(data), FileLock::Share::alone);
    if (!lock->held()) {
      std::cerr << "haven restore: a server is using " << data.string() << ". Stop it first (systemctl stop haven): "
                << "a restore under a running server would let it reuse revision numbers and serve what it "
                << "remembers of the replaced database. Nothing was changed. / Máy chủ đang dùng thư mục dữ liệu: "
                << "hãy dừng máy chủ trước. Chưa có gì thay đổi.\n";
      return 1;
    }
  }
  WorkFolder incoming(data, "restoring");
  if (incoming.path().empty()) {
    std::cerr << "haven restore: cannot write beside " << data.string() << "\n";
    return 1;
  }
  ::chmod(incoming.path().c_str(), 0700);
  if (int r = extract_and_check(fs::absolute(flags.from), incoming.path(), *keys); r != 0) {
    std::cerr << "Nothing was replaced. / Chưa thay thế gì.\n";
    return r;
  }
  const auto stamp = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
  const fs::path replaced = data.string() + ".replaced-" + std::to_string(stamp);
  if (existed) {
    fs::rename(data, replaced, ec);
    if (ec) {
      std::cerr << "haven restore: cannot move " << data.string() << " aside: " << ec.message() << ". Nothing was replaced.\n";
      return 1;
    }
  }
  fs::rename(incoming.path(), data, ec);
  if (ec) {
    if (existed) fs::rename(replaced, data, ec);
    std::cerr << "haven restore: cannot put the restored database in place; the data is as it was. / "
              << "Không đặt được dữ liệu khôi phục; dữ liệu giữ nguyên.\n";
    return 1;
  }
  incoming.release();
  if (const int dir = ::open(data.parent_path().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dir >= 0) {
    ::fsync(dir);
    ::close(dir);
  }
  if (existed && !flags.keep_replaced) {
    fs::remove_all(replaced, ec);
  }
  std::cout << "Restored into " << data.string() << ". Start the server: it brings the schema up to date. / "
            << "Đã khôi phục; hãy khởi động máy chủ.\n";
  if (existed && flags.keep_replaced) {
    std::cout << "The replaced data is kept in " << replaced.string() << " / Dữ liệu cũ được giữ tại đây.\n";
  }
  return 0;
}

}  // namespace haven::cli
