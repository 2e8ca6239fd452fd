// `haven migrate`: apply the schema migrations the database lacks (also done at every start).
#include <iostream>

#include "cli/commands.hpp"

namespace haven::cli {

int run_migrate(const CommonFlags& common) {
  auto settings = settings_for(common);
  if (!settings) return report_failure("cannot read settings", settings.error());
  configure_logging(*settings);
  SystemClock clock;
  auto store = open_configured_store(*settings, clock);
  if (!store) return report_failure("cannot open the store", store.error());
  auto version = (*store)->migrate();
  if (!version) return report_failure("migration failed", version.error());
  std::cout << "Schema is at version " << *version << " (" << (*store)->backend() << ").\n";
  return 0;
}

}  // namespace haven::cli
