// `haven keys rotate`: adds a new data key to the key file, then seals every sensitive field again
// under it, with a progress bar. The old keys stay in the file, so an interruption loses nothing:
// `haven keys reencrypt` finishes the work (and may be run any time; it reseals only what needs it).
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

int run_keys_reencrypt(const CommonFlags& common) {
  int exit_code = 0;
  auto env = open_environment(common, exit_code);
  if (!env) return exit_code;
  return reencrypt(*env);
}

}  // namespace haven::cli
