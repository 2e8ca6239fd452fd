// `haven migrate`: apply the schema migrations the database lacks (serve does it at every start too).
#include <iostream>

#include "cli/commands.hpp"

namespace haven::cli {

int run_migrate(const CommonFlags& common) {
  int exit_code = 0;
  // A database from before the key file gets one: it holds nothing encrypted yet.
  auto env = open_environment(common, exit_code, {{"create_key_file", "yes"}});
  if (!env) return exit_code;
  std::cout << "Schema is at version " << env->schema_version << " (" << env->store->backend() << ").\n";
  return 0;
}

}  // namespace haven::cli
