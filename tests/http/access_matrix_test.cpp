// The access matrix: every signed-in route, driven by every role, on a case the user is on and on one
// they are not, with the outcome the permission table (app/permissions.hpp) and each route's
// permission (its RouteSpec, http/route_spec.hpp) predict. An unexpected allow or an unexpected deny
// fails.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <tuple>

#include <boost/json.hpp>

#include "app/permissions.hpp"
#include "common/iso_time.hpp"
#include "http/route_spec.hpp"
#include "security/random.hpp"
#include "support/http_client.hpp"
#include "support/test_server.hpp"

namespace haven::testing {
namespace {

namespace json = boost::json;
namespace beast_http = boost::beast::http;
using http::CaseScope;

enum class Centre { this_one, other, none };  // the centre that holds the cases, another, or none (admin)

struct User {
  std::string username;
  domain::Role role;
  Centre centre;
};

// A request each route understands; where it would change something for good, one that a permitted
// user gets past the access checks with and then fails for an ordinary reason (a stale version, a
// value out of range), so that the same matrix can run every row.
std::string body_for(const std::string& operation_id) {
  if (operation_id == "registerCase") return new_case_json("Ma Thị Trận");
  if (operation_id == "findPossibleDuplicates") return R"({"name": "Lò Thị Phận"})";
  if (operation_id == "updateReception") {
    const auto reception = json::parse(new_case_json("x")).at("reception");
    return json::serialize(json::object{{"version", 0}, {"reception", reception}, {"reason", "ma trận"}});
  }
  if (operation_id == "correctPerson") {  // the version is stale: 409, after the access checks
    auto person = json::parse(new_case_json("Ma Thị Sửa")).at("person");
    return json::serialize(json::object{{"version", 0}, {"person", person}, {"reason", "ma trận"}});
  }
  if (operation_id == "addRecord") {
    return R"({"type": "health_check", "occurred_at": "2026-01-15T05:00:00Z", "body": {"by_medical_staff": true, "findings": "ổn định"}})";
  }
  // Saved before it is read and discarded (the routes are tried in the order they are declared).
  if (operation_id == "saveCaseDraft" || operation_id == "saveReceptionDraft") return R"({"content": {"note": "ma trận"}})";
  if (operation_id == "markNotificationsRead") return R"({"all": true})";
  if (operation_id == "attachDocument") return "%PDF-1.4\n% ma trận\n";
  if (operation_id == "takeAction") return R"({"action": "begin_care", "version": 0})";
  if (operation_id == "transferCase") return R"({"centre_id": "x", "version": 0})";
  if (operation_id == "breakGlass") return R"({"reason": "kiểm tra ma trận", "minutes": 0})";
  if (operation_id == "addCentreRecord" || operation_id == "recordHeadScreening") return "{}";  // 422
  if (operation_id == "placeLegalHold") return R"({"authority": "Toà án", "reason": " "})";  // 422: no reason
  if (operation_id == "liftLegalHold") return R"({"reason": "xong vụ án"})";  // 409: no such hold in force
  if (operation_id == "eraseCase") return R"({"ground": "purpose_ended", "case_code": "HV-0000-0000"})";  // 422: not its code
  if (operation_id == "decideDisclosureRequest") return R"({"decision": "decline"})";  // 422: no reason
  if (operation_id == "previewDisclosurePackage" || operation_id == "releaseDisclosurePackage" ||
      operation_id == "requestDisclosure") {
    // No consent on the matrix's cases: the release is refused by the gate (409), after the access checks.
    return R"({"disclosure": {"kind": "print", "recipient": "Toà án", "purpose": "legal_proceedings", "categories": ["identity"], "reason": "ma trận"}})";
  }
  // Without the password or the code: past the access checks, then 422.
  if (operation_id == "startSecondFactor" || operation_id == "confirmSecondFactor") return "{}";
  return {};
}

class AccessMatrix : public ::testing::Test {
 protected:
  void SetUp() override {
    clients_.reserve(users_.size());
    for (const auto& user : users_) {
      auto& client = clients_.emplace_back(server_.port());
      ASSERT_EQ(client.post_json("/api/v1/session", TestServer::credentials(user.username)).result_int(), 200);
    }
    HttpClient& head = clients_.at(0);
    HttpClient& worker1 = clients_.at(1);
    // On `assigned_`: the head (whom the deputy head assigned: nobody assigns themselves), worker1
    // and the counsellor. On `unassigned_`: only worker2.
    assigned_ = register_case(worker1);
    HttpClient deputy(server_.port());
    ASSERT_EQ(deputy.post_json("/api/v1/session", TestServer::credentials("deputy")).result_int(), 200);
    ASSERT_EQ(deputy.post_json(assigned_ + "/records", assignment_json(server_.staff_id("head"))).result_int(), 201);
    for (const char* who : {"worker1", "counsellor"}) {
      ASSERT_EQ(head.post_json(assigned_ + "/records", assignment_json(server_.staff_id(who))).result_int(), 201);
    }
    HttpClient worker2(server_.port());
    ASSERT_EQ(worker2.post_json("/api/v1/session", TestServer::credentials("worker2")).result_int(), 200);
    unassigned_ = register_case(worker2);
    ASSERT_EQ(head.post_json(unassigned_ + "/records", assignment_json(server_.staff_id("worker2"))).result_int(), 201);
    // A document on each case, of a category the provider's package below carries.
    for (auto& [path, client] : {std::pair{&assigned_, &worker1}, std::pair{&unassigned_, &worker2}}) {
      auto attached = client->send(boost::beast::http::verb::post, *path + "/documents?category=health", "%PDF-1.4\n",
                                   {{"Content-Type", "application/pdf"}, {"Document-Name", "kham.pdf"}});
      ASSERT_EQ(attached.result_int(), 201) << attached.body();
      document_of_[*path] = std::string(json::parse(attached.body()).at("id").as_string());
    }
    // A referral package released to the provider's organisation, for the provider's own routes.
    const std::string at = format_iso_timestamp(server_.now() - std::chrono::hours{1});
    const auto record = [&](const std::string& type, json::object body) {
      return worker1.post_json(assigned_ + "/records", json::serialize(json::object{
                                                           {"type", type}, {"occurred_at", at}, {"body", std::move(body)}}));
    };
    ASSERT_EQ(record("provider_list_given", {{"language", "vi"}}).result_int(), 201);
    ASSERT_EQ(record("recovery_assessment", {{"findings", "ổn định"}}).result_int(), 201);
    auto referral = record("referral", {{"provider", kTestProviderOrganisation}, {"services", "khám phụ khoa"},
                                        {"victim_opinion", "đồng ý"}, {"victim_agreed", true}});
    ASSERT_EQ(referral.result_int(), 201) << referral.body();
    // Health and identity: a document leaves only with the person's identity.
    ASSERT_EQ(record("consent", {{"given_by", "victim"}, {"categories", json::array{"health", "identity"}},
                                 {"recipient", kTestProviderOrganisation}, {"purposes", json::array{"referral"}},
                                 {"informed", true}}).result_int(), 201);
    auto released = head.post_json(assigned_ + "/disclosure-packages", json::serialize(json::object{
        {"disclosure", {{"kind", "referral_package"}, {"recipient", kTestProviderOrganisation}, {"purpose", "referral"},
                        {"categories", json::array{"health", "identity"}}, {"reason", "chuyển gửi"},
                        {"referral_id", json::parse(referral.body()).at("id")}}}}));
    ASSERT_EQ(released.result_int(), 201) << released.body();
    released_referral_ = assigned_.substr(std::string("/api/v1/cases/").size()) + "/" +
                         std::string(json::parse(released.body()).at("disclosure_id").as_string());
    // A disclosure request on each case, as a worker's request writes it, for the head's routes.
    for (auto* path : {&assigned_, &unassigned_}) {
      domain::CaseRecord request;
      request.id = security::new_record_id();
      request.occurred_at = request.recorded_at = server_.now();
      request.recorded_by = server_.staff_id("worker2");
      request.body = domain::DisclosureRequest{domain::DisclosureKind::print, "Toà án", domain::DisclosurePurpose::legal_proceedings,
                                               {domain::InformationCategory::identity}, "ma trận", ""};
      const auto case_id = path->substr(std::string("/api/v1/cases/").size());
      ASSERT_TRUE(server_.store().write([&](storage::WriteTransaction& tx) { return tx.records().insert(case_id, request); }));
      request_of_[*path] = request.id;
    }
    // An account the administrator made, not yet activated: the one whose code he may issue again.
    auto made = clients_.at(4).post_json("/api/v1/accounts", json::serialize(json::object{
        {"centre_id", server_.centre_id()}, {"username", "pending"}, {"display_name", "Cán bộ mới"}, {"role", "case_worker"}}));
    ASSERT_EQ(made.result_int(), 201) << made.body();
    pending_ = std::string(json::parse(made.body()).at("id").as_string());
    // worker2 has begun setting up two-step sign-in (so still signs in without a code): something for
    // the administrator's reset to remove.
    ASSERT_TRUE(server_.store().write([&](storage::WriteTransaction& tx) {
      return tx.second_factors().put({server_.staff_id("worker2"), "12345678901234567890", false, 0, server_.now()});
    }));
  }

  std::string register_case(HttpClient& client) {
    auto r = client.post_json("/api/v1/cases", new_case_json("Lò Thị Phận"));
    EXPECT_EQ(r.result_int(), 201) << r.body();
    return "/api/v1/cases/" + std::string(json::parse(r.body()).at("id").as_string());
  }

  TestServer server_;
  const std::vector<User> users_{{"head", domain::Role::centre_head, Centre::this_one},
                                 {"worker1", domain::Role::case_worker, Centre::this_one},
                                 {"counsellor", domain::Role::counsellor, Centre::this_one},
                                 {"auditor", domain::Role::auditor, Centre::this_one},
                                 {"admin", domain::Role::administrator, Centre::none},
                                 {"elsewhere", domain::Role::case_worker, Centre::other},
                                 {"provider", domain::Role::external_provider, Centre::this_one}};
  std::vector<HttpClient> clients_;
  std::string assigned_;
  std::string unassigned_;
  std::string released_referral_;  // "{case_id}/{disclosure_id}" of a package released to the provider
  std::string pending_;            // an account the administrator made, waiting for its owner
  std::map<std::string, std::string> request_of_;  // case path -> a disclosure request on it
  std::map<std::string, std::string> document_of_;  // case path -> a document attached to it
};

TEST_F(AccessMatrix, EveryRouteAnswersEveryRoleAsThePermissionTableSays) {
  int cells = 0;
  for (const auto& route : server_.api().router().routes()) {
    if (route.access != http::Access::signed_in) continue;
    const http::Permission* needed = &route.permission;
    if (route.operation_id == "deleteSession") continue;  // ends the caller's own session: session tests
    const bool on_one_case = needed->scope != CaseScope::none;
    for (std::size_t u = 0; u < users_.size(); ++u) {
      const User& user = users_[u];
      for (const bool on_case : {true, false}) {
        if (!on_one_case && !on_case) continue;  // not about a case: one cell per role
        std::string target(route.path);
        if (on_one_case) target.replace(target.find("/api/v1/cases/{case_id}"), 23, on_case ? assigned_ : unassigned_);
        if (const auto at = target.find("{case_id}/{disclosure_id}"); at != std::string::npos) {
          target.replace(at, 25, released_referral_);
        }
        if (const auto at = target.find("{hold_id}"); at != std::string::npos) target.replace(at, 9, "no-such-hold");
        if (const auto at = target.find("{request_id}"); at != std::string::npos) {
          target.replace(at, 12, request_of_.at(on_case ? assigned_ : unassigned_));
        }
        if (const auto at = target.find("{form}"); at != std::string::npos) target.replace(at, 6, "record.health_check");
        if (const auto at = target.find("{document_id}"); at != std::string::npos) {
          // The provider's is in the package released to it, from the case worker1 is on.
          target.replace(at, 13, document_of_.at(on_case || !on_one_case ? assigned_ : unassigned_));
        }
        if (route.operation_id == "attachDocument") target += "?category=health";
        if (const auto at = target.find("{staff_id}"); at != std::string::npos) {
          target.replace(at, 10, route.operation_id == "issueActivation" ? pending_ : server_.staff_id("worker2"));
        }

        // What the tables predict.
        // As app::require: some actions happen only inside a centre.
        const bool role_permits =
            !needed->action || (app::role_may(user.role, *needed->action) &&
                                (user.centre != Centre::none || !app::needs_centre(*needed->action)));
        int expected_denial = 0;  // 0: allowed
        std::string expected_clause;
        if (!role_permits) {
          expected_denial = 403;
        } else if (on_one_case && user.centre != Centre::this_one) {
          expected_denial = 404;  // another centre's case does not exist for them
        } else if (needed->scope == CaseScope::case_file && !on_case) {
          expected_denial = 403;
          expected_clause = "I.3.c";
        } else if (route.operation_id == "issueActivation" && user.role != domain::Role::administrator) {
          expected_denial = 403;  // the administrator made it: only its maker issues its code (separation of duties)
        }

        std::map<std::string, std::string> headers;
        if (route.operation_id == "attachDocument") headers = {{"Content-Type", "application/pdf"}, {"Document-Name", "ma-tran.pdf"}};
        auto r = clients_[u].send(route.method, target, body_for(std::string(route.operation_id)), headers);
        const int status = static_cast<int>(r.result_int());
        const std::string cell = std::string(route.operation_id) + " by " + user.username + (on_one_case ? (on_case ? " on their case" : " on a case they are not on") : "");
        ++cells;
        if (expected_denial == 0) {
          EXPECT_TRUE(status != 401 && status != 403 && status != 404) << "unexpected deny: " << cell << " -> " << status << " " << r.body();
        } else {
          EXPECT_EQ(status, expected_denial) << "unexpected answer: " << cell << " " << r.body();
          if (!expected_clause.empty() && status == 403) {
            EXPECT_EQ(json::parse(r.body()).at("clause").as_string(), expected_clause) << cell;
          }
        }
      }
    }
  }
  EXPECT_GT(cells, 100);
}

// Who is on a case is the head's decision (I.3.c, II.1.d), and never about herself: every role tries
// to designate a colleague, to assign itself and to designate itself on the case it is on (or would
// reach); only the head's designation of someone else goes through.
TEST_F(AccessMatrix, StaffingIsTheHeadsDecisionAndNobodyPutsThemselvesOnACase) {
  const std::string worker2 = server_.staff_id("worker2");
  const auto staffing = [&](const std::string& type, const std::string& staff_id) {
    return json::serialize(json::object{{"type", type},
                                        {"occurred_at", format_iso_timestamp(server_.now() - std::chrono::minutes{5})},
                                        {"body", {{"staff_id", staff_id}, {"no_conflict_of_interest", true}}}});
  };
  for (std::size_t u = 0; u < users_.size(); ++u) {
    const User& user = users_[u];
    const std::string self = server_.staff_id(user.username);
    const bool head = user.role == domain::Role::centre_head;
    for (const auto& [type, named] : {std::pair{std::string("staff_assignment"), self}, std::pair{std::string("designated_staff"), self},
                                      std::pair{std::string("designated_staff"), worker2}}) {
      auto r = clients_[u].post_json(assigned_ + "/records", staffing(type, named));
      const std::string cell = type + " naming " + (named == self ? "themselves" : "worker2") + " by " + user.username;
      if (head && named != self) {
        EXPECT_EQ(r.result_int(), 201) << cell << " " << r.body();
      } else {
        ASSERT_EQ(r.result_int(), 403) << cell << " " << r.body();
        if (head) {
          EXPECT_EQ(json::parse(r.body()).at("clause").as_string(), "I.3.c") << cell;
        }
      }
    }
  }
  // Nobody but the head's designee joined: the case says so, and the one she designated reads it.
  const auto seen = json::parse(clients_.at(1).get(assigned_).body());
  EXPECT_EQ(seen.at("designated_staff").as_string(), worker2);
  EXPECT_EQ(seen.at("staff_on_case").as_array().size(), 4U);  // head, worker1, counsellor, worker2
}

// The attack that found this: a worker on a case lets colleagues in by designating them. Refused, and
// they still cannot read it.
TEST_F(AccessMatrix, AWorkerCannotLetColleaguesIntoACaseByDesignatingThem) {
  HttpClient& worker1 = clients_.at(1);
  HttpClient worker2(server_.port());
  ASSERT_EQ(worker2.post_json("/api/v1/session", TestServer::credentials("worker2")).result_int(), 200);
  for (const char* who : {"worker1", "worker2", "counsellor"}) {
    auto r = worker1.post_json(assigned_ + "/records",
                               json::serialize(json::object{{"type", "designated_staff"},
                                                            {"occurred_at", format_iso_timestamp(server_.now())},
                                                            {"body", {{"staff_id", server_.staff_id(who)},
                                                                      {"no_conflict_of_interest", true}}}}));
    EXPECT_EQ(r.result_int(), 403) << who << " " << r.body();
  }
  EXPECT_EQ(worker2.get(assigned_).result_int(), 403);
  const auto seen = json::parse(worker1.get(assigned_).body());
  EXPECT_TRUE(seen.at("designated_staff").is_null());
  EXPECT_EQ(seen.at("staff_on_case").as_array().size(), 3U);
}

// A new designation replaces the one before (II.1.d): whom the victim no longer chooses leaves the
// case, unless the head assigned them as well.
TEST_F(AccessMatrix, ANewDesignationReplacesTheOneBefore) {
  HttpClient& head = clients_.at(0);
  HttpClient worker2(server_.port());
  ASSERT_EQ(worker2.post_json("/api/v1/session", TestServer::credentials("worker2")).result_int(), 200);
  const auto designate = [&](const std::string& who, int minutes_ago) {
    return head.post_json(unassigned_ + "/records",
                          json::serialize(json::object{
                              {"type", "designated_staff"},
                              {"occurred_at", format_iso_timestamp(server_.now() - std::chrono::minutes{minutes_ago})},
                              {"body", {{"staff_id", server_.staff_id(who)}, {"no_conflict_of_interest", true}}}}));
  };
  HttpClient& counsellor = clients_.at(2);
  ASSERT_EQ(designate("counsellor", 10).result_int(), 201);
  EXPECT_EQ(counsellor.get(unassigned_).result_int(), 200);
  ASSERT_EQ(designate("worker1", 5).result_int(), 201);
  EXPECT_EQ(counsellor.get(unassigned_).result_int(), 403) << "replaced by a later designation";
  const auto seen = json::parse(worker2.get(unassigned_).body());
  EXPECT_EQ(seen.at("designated_staff").as_string(), server_.staff_id("worker1"));
  EXPECT_EQ(seen.at("staff_on_case"),
            (json::array{json::string(server_.staff_id("worker2")), json::string(server_.staff_id("worker1"))}));
  // Without the declaration of no conflict of interest (III.2.c), refused.
  auto undeclared = head.post_json(unassigned_ + "/records",
                                   json::serialize(json::object{{"type", "designated_staff"},
                                                                {"occurred_at", format_iso_timestamp(server_.now())},
                                                                {"body", {{"staff_id", server_.staff_id("counsellor")}}}}));
  EXPECT_EQ(undeclared.result_int(), 409);
  EXPECT_EQ(json::parse(undeclared.body()).at("clause").as_string(), "III.2.c");
}

// The insider's path that once reached a victim's name: an administrator makes a centre head with a
// password he chose, signs in as it, breaks the glass, records its screening and reads the file. Now
// it fails at every step, and every step shows in the real head's audit view.
TEST_F(AccessMatrix, AnAdministratorAloneCannotReachAVictimsFile) {
  HttpClient& admin = clients_.at(4);
  HttpClient& head = clients_.at(0);
  const auto account = [&](const std::string& username, const std::string& role) {
    json::object body{{"username", username}, {"display_name", "Người thăm dò"}, {"role", role}};
    if (role != "administrator") body["centre_id"] = server_.centre_id();
    return body;
  };
  // 1. He cannot choose its password...
  auto chosen = account("probe.head", "centre_head");
  chosen["password"] = "mật khẩu do quản trị chọn 2026";
  ASSERT_EQ(admin.post_json("/api/v1/accounts", json::serialize(chosen)).result_int(), 422);
  // ...but is shown its activation code, and uses it himself.
  auto made = admin.post_json("/api/v1/accounts", json::serialize(account("probe.head", "centre_head")));
  ASSERT_EQ(made.result_int(), 201) << made.body();
  const std::string probe_id(json::parse(made.body()).at("id").as_string());
  const std::string code(json::parse(made.body()).at("activation").at("code").as_string());
  const std::string password = "mật khẩu của kẻ thăm dò 2026";
  HttpClient probe(server_.port());
  ASSERT_EQ(probe.post_json("/api/v1/account-activation",
                            json::serialize(json::object{{"username", "probe.head"}, {"code", code}, {"password", password}}))
                .result_int(),
            200);
  // 2. Signed in as it: a session that reaches nothing but its own sign-in set-up.
  ASSERT_EQ(probe.post_json("/api/v1/session", TestServer::credentials("probe.head", password)).result_int(), 200);
  EXPECT_FALSE(json::parse(probe.get("/api/v1/session").body()).at("user").at("confirmed").as_bool());
  for (const auto& [verb, path, body] : {std::tuple{beast_http::verb::post, unassigned_ + "/break-glass", break_glass_json()},
                                         std::tuple{beast_http::verb::get, assigned_, std::string()},
                                         std::tuple{beast_http::verb::get, std::string("/api/v1/cases"), std::string()},
                                         std::tuple{beast_http::verb::post, std::string("/api/v1/centre/records"),
                                                    json::serialize(json::object{
                                                        {"type", "recruitment_screening"}, {"subject", probe_id},
                                                        {"occurred_at", format_iso_timestamp(server_.now())},
                                                        {"body", {{"ability", true}, {"qualifications", true}, {"moral_standing", true},
                                                                  {"judicial_record_checked", true}}}})}}) {
    auto r = probe.send(verb, path, body);
    EXPECT_EQ(r.result_int(), 403) << path << " " << r.body();
    EXPECT_EQ(json::parse(r.body()).at("detail").as_string().find("xác nhận") != std::string::npos, true) << r.body();
  }
  // 3. He can neither record its screening nor confirm it: he made it.
  const json::object screening{{"occurred_at", format_iso_timestamp(server_.now())},
                               {"body", {{"ability", true}, {"qualifications", true}, {"moral_standing", true},
                                         {"judicial_record_checked", true}}}};
  EXPECT_EQ(admin.post_json("/api/v1/accounts/" + probe_id + "/screening", json::serialize(screening)).result_int(), 403);
  EXPECT_EQ(admin.post_json("/api/v1/accounts/" + probe_id + "/confirm", "{}").result_int(), 403);
  // 4. Nor can a second administrator he makes and activates himself: it is unconfirmed too, and made
  // by the same person.
  auto second = admin.post_json("/api/v1/accounts", json::serialize(account("probe.admin", "administrator")));
  ASSERT_EQ(second.result_int(), 201);
  HttpClient accomplice(server_.port());
  ASSERT_EQ(accomplice.post_json("/api/v1/account-activation",
                                 json::serialize(json::object{{"username", "probe.admin"},
                                                              {"code", json::parse(second.body()).at("activation").at("code")},
                                                              {"password", password}}))
                .result_int(),
            200);
  ASSERT_EQ(accomplice.post_json("/api/v1/session", TestServer::credentials("probe.admin", password)).result_int(), 200);
  EXPECT_EQ(accomplice.post_json("/api/v1/accounts/" + probe_id + "/confirm", "{}").result_int(), 403);
  EXPECT_EQ(probe.get(assigned_).result_int(), 403) << "still nothing";
  // 5. Every step is in the real head's audit view of her centre.
  auto view = head.get("/api/v1/centre/audit?limit=200");
  ASSERT_EQ(view.result_int(), 200) << view.body();
  std::multiset<std::string> seen;
  const auto entries = json::parse(view.body());
  for (const auto& e : entries.at("items").as_array()) {
    const bool about = e.at("subject_id") == json::value(probe_id) || e.at("actor_id") == json::value(probe_id);
    if (about) seen.insert(std::string(e.at("action").as_string()));
  }
  for (const char* step : {"staff.create", "account.activate", "session.create", "account.unconfirmed_refused",
                           "centre_record.refused", "account.confirm_refused"}) {
    EXPECT_TRUE(seen.contains(step)) << step;
  }
  EXPECT_EQ(seen.count("account.unconfirmed_refused"), 5U) << "break-glass, the case, the list, its own screening, the case again";
  // By its maker; his second administrator's try was refused before it (an unconfirmed account), and
  // is on the record under that account.
  EXPECT_EQ(seen.count("account.confirm_refused"), 1U);
  // The real head, whom the administrator did not make, confirms it once its owner says so; then it
  // works as any head's account, and its own screening is still someone else's to record.
  EXPECT_EQ(head.post_json("/api/v1/accounts/" + probe_id + "/confirm", "{}").result_int(), 200);
  EXPECT_EQ(probe.get("/api/v1/cases").result_int(), 200);
  EXPECT_EQ(probe.send(beast_http::verb::post, "/api/v1/centre/records",
                       json::serialize(json::object{{"type", "recruitment_screening"}, {"subject", probe_id},
                                                    {"occurred_at", format_iso_timestamp(server_.now())},
                                                    {"body", {{"ability", true}}}}))
                .result_int(),
            403);
}

TEST_F(AccessMatrix, ARefusedOpeningIsAuditedAndAnAllowedOneToo) {
  HttpClient& worker1 = clients_.at(1);
  ASSERT_EQ(worker1.get(unassigned_).result_int(), 403);
  ASSERT_EQ(worker1.get(assigned_).result_int(), 200);
  auto audit_of = [&](const std::string& path) {
    const std::string case_id = path.substr(path.rfind('/') + 1);
    return storage::read_value<std::vector<storage::AuditEntry>>(
        server_.store(), [&](storage::ReadTransaction& tx) { return tx.audit().list_for_case(case_id); });
  };
  const auto worker_id = server_.staff_id("worker1");
  auto denied = audit_of(unassigned_);
  ASSERT_TRUE(denied);
  ASSERT_FALSE(denied->empty());
  EXPECT_EQ(denied->back().action, "case.access_denied");
  EXPECT_EQ(denied->back().actor_id, worker_id);
  EXPECT_EQ(denied->back().detail, "I.3.c");
  auto read = audit_of(assigned_);
  ASSERT_TRUE(read);
  EXPECT_EQ(read->back().action, "case.read");
  EXPECT_EQ(read->back().actor_id, worker_id);
}

TEST_F(AccessMatrix, TheHeadsBreakGlassOpensTheCaseForAWhileAndShowsOnIt) {
  HttpClient& head = clients_.at(0);
  auto refused = head.get(unassigned_);
  ASSERT_EQ(refused.result_int(), 403);
  EXPECT_EQ(json::parse(refused.body()).at("clause").as_string(), "I.3.c");
  // A worker cannot break the glass; the head must give a reason and a time limit.
  auto by_worker = clients_.at(1).post_json(unassigned_ + "/break-glass", R"({"reason": "gấp", "minutes": 30})");
  EXPECT_EQ(by_worker.result_int(), 403);
  auto no_reason = head.post_json(unassigned_ + "/break-glass", R"({"reason": "  ", "minutes": 30})");
  EXPECT_EQ(no_reason.result_int(), 422);
  EXPECT_EQ(json::parse(no_reason.body()).at("field").as_string(), "reason");
  auto too_long = head.post_json(unassigned_ + "/break-glass", R"({"reason": "gấp", "minutes": 241})");
  EXPECT_EQ(too_long.result_int(), 422);
  EXPECT_EQ(json::parse(too_long.body()).at("field").as_string(), "minutes");
  EXPECT_EQ(head.get(unassigned_).result_int(), 403) << "a refused break-glass opens nothing";

  auto opened = head.post_json(unassigned_ + "/break-glass",
                               R"({"reason": "Mẹ nạn nhân báo bị đe doạ lúc 21 giờ; cán bộ phụ trách nghỉ ốm", "minutes": 60})");
  ASSERT_EQ(opened.result_int(), 201) << opened.body();
  EXPECT_EQ(json::parse(opened.body()).at("type").as_string(), "break_glass");
  auto read = head.get(unassigned_);
  ASSERT_EQ(read.result_int(), 200);
  const auto access = json::parse(read.body()).at("access");
  EXPECT_EQ(access.at("via").as_string(), "break_glass");
  EXPECT_FALSE(access.at("until").is_null());
  // Everyone on the case sees who broke the glass and why.
  HttpClient worker2(server_.port());
  ASSERT_EQ(worker2.post_json("/api/v1/session", TestServer::credentials("worker2")).result_int(), 200);
  bool shown = false;
  const auto records = json::parse(worker2.get(unassigned_ + "/records").body());
  for (const auto& r : records.at("items").as_array()) {
    shown = shown || (r.at("type").as_string() == "break_glass" &&
                      r.at("body").at("reason").as_string().find("đe doạ") != json::string::npos);
  }
  EXPECT_TRUE(shown);
}

}  // namespace
}  // namespace haven::testing
