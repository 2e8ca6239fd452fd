// `haven keys rotate`: adds a new data key to the key file, then seals every sensitive field again
// under it, with a progress bar. The old keys stay in the file, so an interruption loses nothing:
// `haven keys reencrypt` finishes the work (and may be run any time; it reseals only what needs it).
// `haven keys retire` then takes the older keys nothing uses any more out of the file, so that backups
// made before the rotation no longer open (an erased case's file in them included).
#include <iostream>

#include "app/key_rotation.hpp"
#include "cli/commands.hpp"

namespace haven::cli {
namespace {

int reencrypt(CommandEnvironment& env) {
  auto done = app::reseal_all(*env.store, [](const app::ResealProgress& p) { draw_progress(p); });
  std::cerr << "\n";
  if (!done) return report_failure("cannot seal the case files again", done.error());
  std::cout << done->resealed << " of " << done->done << " rows sealed again under key "
            << env.keys->current_data_key_id() << ". / Đã mã hoá lại " << done->resealed << " trên " << done->done
            << " dòng.\n";
  return 0;
}

}  // namespace

int run_keys_rotate(const CommonFlags& common) {
  int exit_code = 0;
  auto env = open_environment(common, exit_code);
  if (!env) return exit_code;
  // The new key is in the file before any row uses it: a crash after this leaves a usable file.
  const auto id = env->keys->add_data_key();
  if (auto saved = env->keys->save(env->key_file); !saved) return report_failure("cannot write the key file", saved.error());
  std::cout << "Added data key " << id << " to " << env->key_file.string() << "; sealing every case file again.\n"
            << "If this stops, run `haven keys reencrypt` to finish. / Nếu bị dừng, chạy `haven keys reencrypt`.\n";
  return reencrypt(*env);
}

int run_keys_retire(const CommonFlags& common) {
  int exit_code = 0;
  auto env = open_environment(common, exit_code);
  if (!env) return exit_code;
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
    std::cout << "Only the current data key is in the file: nothing to retire. / Chỉ còn khoá hiện tại: không có gì để huỷ.\n";
  }
  return report->still_used.empty() ? 0 : 1;
}

int run_keys_reencrypt(const CommonFlags& common) {
  int exit_code = 0;
  auto env = open_environment(common, exit_code);
  if (!env) return exit_code;
  return reencrypt(*env);
}

}  // namespace haven::cli
