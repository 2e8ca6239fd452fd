// `haven init --data DIR [--demo] [--centre NAME]`: creates the data folder (mode 0700) with its
// database, the schema, a centre, and with --demo the demo staff, whose generated passwords are
// printed once and stored only as Argon2id hashes.
#include <filesystem>
#include <iostream>

#include "app/accounts.hpp"
#include "cli/commands.hpp"
#include "storage/open_store.hpp"

namespace haven::cli {
namespace {

// Creates the data folder, refusing one that already holds a database: init never overwrites.
int prepare_data_folder(const SettingsSource& settings) {
  const std::filesystem::path data = settings.get("data");
  if (data.empty() && settings.get("database").empty()) {
    std::cerr << "haven init: give --data DIR (SQLite) or --database URL (PostgreSQL)\n";
    return 2;
  }
  if (data.empty() || !settings.get("database").empty()) return 0;
  std::error_code ec;
  if (std::filesystem::exists(data / storage::kSqliteFileName, ec)) {
    std::cerr << "haven init: " << data.string() << " already holds a Haven database; nothing was changed.\n";
    return 3;
  }
  std::filesystem::create_directories(data, ec);
  if (ec) {
    std::cerr << "haven init: cannot create " << data.string() << ": " << ec.message() << "\n";
    return 1;
  }
  // Case files live here: only the service account may enter the folder.
  std::filesystem::permissions(data, std::filesystem::perms::owner_all, std::filesystem::perm_options::replace, ec);
  return 0;
}

void print_logins(const std::vector<app::DemoLogin>& logins) {
  std::cout << "Created a demo centre with these accounts. The passwords are shown only now; write them down.\n"
            << "Đã tạo trung tâm mẫu với các tài khoản sau. Mật khẩu chỉ hiện một lần; hãy ghi lại.\n\n";
  for (const auto& login : logins) {
    std::string padded = login.username;
    padded.resize(std::max<std::size_t>(padded.size() + 2, 12), ' ');
    std::cout << "  " << padded << login.password << "   (" << domain::kRoleNames.name(login.role) << ")\n";
  }
  std::cout << "\n";
}

}  // namespace

int run_init(const CommonFlags& common, bool demo, const std::string& centre_name) {
  int exit_code = 0;
  bool key_file_existed = true;
  const auto before_store = [&key_file_existed](const SettingsSource& settings) {
    std::filesystem::path key_file = settings.get("key_file");
    if (key_file.empty() && !settings.get("data").empty()) key_file = security::default_key_file(settings.get("data"));
    std::error_code ec;
    key_file_existed = key_file.empty() || std::filesystem::exists(key_file, ec);
    return prepare_data_folder(settings);
  };
  auto env = open_environment(common, exit_code, {{"create_key_file", "yes"}}, before_store);
  if (!env) return exit_code;
  // Run again (the README's block pasted twice), init would make a second centre, after which
  // `haven user add` cannot tell which one is meant: a database that has a centre is left alone.
  auto centres = storage::read_value<std::vector<domain::Centre>>(
      *env->store, [](storage::ReadTransaction& tx) { return tx.centres().list(); });
  if (!centres) return report_failure("cannot read the centres", centres.error());
  if (!centres->empty()) {
    if (!key_file_existed) {
      std::error_code ignored;
      std::filesystem::remove(env->key_file, ignored);  // made by this run, for a database it does not open
    }
    std::cerr << "haven init: this database already has its centre (" << centres->front().name
              << "); nothing was changed. Add staff with `haven user add`. / Cơ sở dữ liệu này đã có trung tâm; "
              << "chưa thay đổi gì. Thêm nhân viên bằng `haven user add`.\n";
    return 3;
  }
  auto ctx = env->app();
  if (demo) {
    auto logins = app::create_demo_centre(ctx);
    if (!logins) return report_failure("cannot create the demo centre", logins.error());
    print_logins(*logins);
  } else {
    auto centre = app::create_centre(ctx, centre_name.empty() ? "Trung tâm" : centre_name);
    if (!centre) return report_failure("cannot create the centre", centre.error());
    std::cout << "Created centre " << centre->name << " (" << centre->id << ").\n"
              << "Add staff with: haven user add --username NAME --display-name \"Full Name\" --role centre_head\n";
  }
  const std::string data = env->settings.get("data");
  std::cout << "Schema version " << env->schema_version << ". Start with: haven serve"
            << (data.empty() ? "" : " --data " + data) << "\n";
  return 0;
}

}  // namespace haven::cli
