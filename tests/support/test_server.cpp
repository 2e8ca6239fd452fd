#include "support/test_server.hpp"

#include <cstdlib>
#include <stdexcept>

#include <boost/json.hpp>

#include "app/accounts.hpp"
#include "app/centre_work.hpp"
#include "security/random.hpp"
#include "storage/postgres/pg_connection.hpp"
#include "storage/postgres/postgres_store.hpp"
#include "storage/sqlite/sqlite_store.hpp"

namespace haven::testing {

bool backend_unavailable(const std::string& backend) {
  if (backend != "postgresql") return false;
  const char* conninfo = std::getenv("HAVEN_TEST_POSTGRES");
  if (conninfo && *conninfo) return false;
  if (std::getenv("HAVEN_REQUIRE_POSTGRES")) throw std::runtime_error("HAVEN_TEST_POSTGRES is not set but PostgreSQL is required");
  return true;
}

TestServer::TestServer(http::ServerOptions options, const std::filesystem::path& web_root,
                       http::ApiOptions api_options, std::string backend, security::HasherOptions hashing)
    : backend_(std::move(backend)), hasher_(hashing) {
  security::initialise();
  keys_.emplace(security::KeyRing::generate());
  if (backend_ == "postgresql") {
    const char* conninfo = std::getenv("HAVEN_TEST_POSTGRES");
    if (!conninfo || !*conninfo) throw std::runtime_error("HAVEN_TEST_POSTGRES is not set");
    pg_schema_ = "http_" + security::new_record_id();
    auto admin = storage::PgConnection::open(conninfo);
    if (!admin || !(*admin)->execute_script("CREATE SCHEMA " + pg_schema_)) throw std::runtime_error("cannot make a schema");
    pg_admin_ = std::move(*admin);
    auto store = storage::PostgresStore::open(std::string(conninfo) + " options='-c search_path=" + pg_schema_ + "'",
                                              clock_, *keys_, 8);
    if (!store) throw std::runtime_error("cannot open test store: " + store.error().log_detail);
    store_ = std::move(*store);
  } else {
    auto store = storage::SqliteStore::open(dir_.path() / "haven.db", clock_, *keys_);
    if (!store) throw std::runtime_error("cannot open test store: " + store.error().log_detail);
    store_ = std::move(*store);
  }
  if (!store_->migrate()) throw std::runtime_error("cannot migrate test store");
  ctx_ = std::make_unique<app::AppContext>(app::AppContext{*store_, clock_, hasher_});
  ctx_->keys = &*keys_;
  // Tests sign the head and the administrator in many times a minute, and a TOTP code works once;
  // the tests of two-step sign-in (second_factor_api_test.cpp) put the requirement back.
  ctx_->sessions.second_factor_roles.clear();

  auto centre = app::create_centre(*ctx_, "Trung tâm thử nghiệm");
  auto other = app::create_centre(*ctx_, "Trung tâm khác");
  if (!centre || !other) throw std::runtime_error("cannot create centres");
  centre_id_ = centre->id;
  other_centre_id_ = other->id;
  const struct {
    const char* username;
    std::string centre;
    domain::Role role;
  } staff[] = {{"head", centre_id_, domain::Role::centre_head},
               {"worker1", centre_id_, domain::Role::case_worker},
               {"counsellor", centre_id_, domain::Role::counsellor},
               {"admin", "", domain::Role::administrator},
               {"elsewhere", other_centre_id_, domain::Role::case_worker},
               {"head2", other_centre_id_, domain::Role::centre_head},
               {"worker2", centre_id_, domain::Role::case_worker},
               {"auditor", centre_id_, domain::Role::auditor},
               {"provider", centre_id_, domain::Role::external_provider},
               {"deputy", centre_id_, domain::Role::centre_head}};
  std::vector<domain::StaffAccount> added;
  for (const auto& s : staff) {
    const std::string organisation = s.role == domain::Role::external_provider ? kTestProviderOrganisation : "";
    auto account =
        app::add_staff(*ctx_, {s.centre, s.username, "Cán bộ " + std::string(s.username), s.role, organisation}, kTestPassword);
    if (!account) throw std::runtime_error("cannot add staff");
    staff_ids_.emplace_back(s.username, account->id);
    added.push_back(std::move(*account));
  }
  // Screened and matched staff; worker1 is qualified for counselling and the identification
  // interview (I.2.d), the counsellor for counselling; tests that need an unqualified or unscreened
  // member of staff say so.
  using namespace domain;
  const RecruitmentScreening screened{true, true, true, true, ""};
  const std::vector<CentreRecordBody> profiles[] = {
      {screened, StaffMatching{Sex::female, {"vi"}}},
      {screened, StaffMatching{Sex::female, {"vi"}}, StaffQualification{Qualification::counselling, "Tư vấn", ""},
       StaffQualification{Qualification::identification_interview, "Phỏng vấn xác minh", ""}},
      {screened, StaffMatching{Sex::female, {"vi"}}, StaffQualification{Qualification::counselling, "Tâm lý", ""}},
  };
  for (std::size_t i = 0; i < std::size(profiles); ++i) {
    const auto& recorder = added[i == 0 ? 9 : 0].id;  // the deputy records the head's: nobody their own
    if (!app::record_staff_profile(*ctx_, centre_id_, recorder, added[i].id, profiles[i])) {
      throw std::runtime_error("cannot record staff profiles (" + std::to_string(i) + ")");
    }
  }
  // worker2 and the deputy head.
  if (!app::record_staff_profile(*ctx_, centre_id_, added[0].id, added[6].id, {screened, StaffMatching{Sex::female, {"vi"}}}) ||
      !app::record_staff_profile(*ctx_, centre_id_, added[0].id, added[9].id, {screened, StaffMatching{Sex::female, {"vi"}}})) {
    throw std::runtime_error("cannot record staff profiles");
  }

  // The other centre's head and worker, screened, for tests of a transferred case: the head's by the
  // administrator, since nobody records their own.
  for (const std::size_t i : {std::size_t{4}, std::size_t{5}}) {
    if (!app::record_staff_profile(*ctx_, other_centre_id_, added[i == 5 ? 3 : 5].id, added[i].id,
                                   {screened, StaffMatching{Sex::female, {"vi"}}})) {
      throw std::runtime_error("cannot record staff profiles (" + std::to_string(i) + ")");
    }
  }

  if (!web_root.empty()) {
    auto loaded = http::StaticAssets::load(web_root);
    if (!loaded) throw std::runtime_error("cannot load web root");
    assets_ = std::move(*loaded);
  }
  api_ = std::make_unique<http::Api>(*ctx_, assets_, api_options);
  options.address = "127.0.0.1";
  options.port = 0;
  options.handle_signals = false;
  options.quick_on_io_threads = backend_ == "sqlite";  // as `haven serve` does
  server_ = std::make_unique<http::Server>(*api_, options);
  auto endpoint = server_->listen();
  if (!endpoint) throw std::runtime_error("cannot listen");
  port_ = endpoint->port();
  thread_ = std::thread([this] { server_->run(); });
}

TestServer::~TestServer() {
  stop();
  server_.reset();
  api_.reset();
  ctx_.reset();
  store_.reset();
  if (pg_admin_) (void)pg_admin_->execute_script("DROP SCHEMA " + pg_schema_ + " CASCADE");
}

void TestServer::stop() {
  if (thread_.joinable()) {
    server_->stop();
    thread_.join();
  }
}

std::string TestServer::credentials(const std::string& username, const std::string& password) {
  return boost::json::serialize(boost::json::object{{"username", username}, {"password", password}});
}

std::string TestServer::staff_id(const std::string& username) const {
  for (const auto& [name, id] : staff_ids_) {
    if (name == username) return id;
  }
  throw std::invalid_argument("no test account " + username);
}

std::string assignment_json(const std::string& staff_id, const std::string& occurred_at) {
  return boost::json::serialize(boost::json::object{
      {"type", "staff_assignment"},
      {"occurred_at", occurred_at},
      {"body", {{"staff_id", staff_id}, {"no_conflict_of_interest", true}}}});
}

std::string break_glass_json(int minutes) {
  return boost::json::serialize(boost::json::object{
      {"reason", "Cần xem hồ sơ để phê duyệt việc cung cấp thông tin; cán bộ phụ trách vắng mặt"}, {"minutes", minutes}});
}

std::string new_case_json(const std::string& name, const std::string& birth_date) {
  boost::json::object body{
      {"reception",
       {{"received_at", "2026-01-15T02:30:00Z"},
        {"referral_channel", "border_guard"},
        {"referring_authority", "Đồn Biên phòng cửa khẩu Tịnh Biên"},
        {"legal_basis", "Biên bản tiếp nhận số 12/BB-BP"},
        {"documents", boost::json::array{"Biên bản bàn giao", "Giấy xác nhận"}}}},
      {"person",
       {{"name", name},
        {"name_is_alias", false},
        {"sex", "female"},
        {"birth_date", birth_date},
        {"estimated_age", nullptr},
        {"suspected_child", false},
        {"nationality", "VN"},
        {"languages", boost::json::array{"vi", "km"}},
        {"preferred_staff_gender", "female"}}},
  };
  return boost::json::serialize(body);
}

}  // namespace haven::testing
