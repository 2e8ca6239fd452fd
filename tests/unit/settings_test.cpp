// Settings come from the flag, then the environment, then the config file.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

#include "cli/settings.hpp"
#include "support/temp_dir.hpp"

namespace haven::cli {
namespace {

TEST(Settings, FlagThenEnvironmentThenFile) {
  testing::TempDir dir;
  const auto file = dir.path() / "haven.conf";
  std::ofstream(file) << "# comment\nlisten = 10.0.0.1:1\nweb-root = \"/srv/web\"\nworkers = 3\n";
  ::setenv("HAVEN_LISTEN", "127.0.0.2:2", 1);
  ::setenv("HAVEN_WORKERS", "5", 1);
  auto source = SettingsSource::load({{"listen", "127.0.0.3:3"}}, file.string());
  ASSERT_TRUE(source);
  EXPECT_EQ(source->get("listen"), "127.0.0.3:3");  // flag
  EXPECT_EQ(source->get("workers"), "5");           // environment
  EXPECT_EQ(source->get("web_root"), "/srv/web");   // file
  EXPECT_EQ(source->get("absent", "fallback"), "fallback");
  ::unsetenv("HAVEN_LISTEN");
  ::unsetenv("HAVEN_WORKERS");
}

TEST(Settings, ABrokenConfigLineIsReportedWithItsNumber) {
  testing::TempDir dir;
  const auto file = dir.path() / "haven.conf";
  std::ofstream(file) << "listen = 1.2.3.4:5\nthis is not a setting\n";
  auto source = SettingsSource::load({}, file.string());
  ASSERT_FALSE(source);
  EXPECT_NE(source.error().log_detail.find(":2:"), std::string::npos);
}

TEST(Settings, ParsesListenAddresses) {
  EXPECT_EQ(parse_listen_address("127.0.0.1:8080")->port, 8080);
  EXPECT_EQ(parse_listen_address("[::1]:0")->host, "::1");
  EXPECT_FALSE(parse_listen_address("8080"));
  EXPECT_FALSE(parse_listen_address("host:99999"));
}

}  // namespace
}  // namespace haven::cli
