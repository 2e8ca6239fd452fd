#include "app/accounts.hpp"

#include "app/centre_work.hpp"
#include "app/permissions.hpp"
#include "domain/text_rules.hpp"
#include "security/password_policy.hpp"
#include "security/random.hpp"

namespace haven::app {
namespace {

bool is_username(std::string_view name) {
  if (name.size() < 2 || name.size() > 64) return false;
  for (const char c : name) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
    if (!ok) return false;
  }
  return true;
}

}  // namespace

Result<void> check_password(std::string_view password, std::string_view username) {
  const auto problem = security::password_problem(password, username);
  if (!problem) return {};
  Error e(ErrorCode::validation_failed);
  e.field = "password";
  switch (*problem) {
    case security::PasswordProblem::length:
      e.message_key = "validation.password_length";
      e.with_arg("min", std::to_string(security::kMinPasswordCharacters))
          .with_arg("max", std::to_string(security::kMaxPasswordCharacters));
      break;
    case security::PasswordProblem::common: e.message_key = "validation.password_common"; break;
    case security::PasswordProblem::pattern: e.message_key = "validation.password_pattern"; break;
    case security::PasswordProblem::contains_username: e.message_key = "validation.password_contains_username"; break;
  }
  return tl::unexpected(e);
}

Result<domain::Centre> create_centre(AppContext& ctx, std::string name) {
  if (domain::check_short_text(name, 200) != domain::TextProblem::none) {
    return fail(ErrorCode::validation_failed, "centre.name", "validation.required");
  }
  domain::Centre centre{security::new_record_id(), std::move(name), ctx.clock.now()};
  HAVEN_TRY(ctx.store.write([&](storage::WriteTransaction& tx) -> Result<void> {
    if (auto r = tx.centres().insert(centre); !r) return r;
    return tx.audit().append({centre.created_at, {}, "centre.create", {}, "centre=" + centre.id});
  }));
  return centre;
}

Result<void> check_new_staff(const NewStaff& staff) {
  if (!is_username(staff.username)) return fail(ErrorCode::validation_failed, "username", "validation.username");
  if (domain::check_name(staff.display_name, 200) != domain::TextProblem::none) {
    return fail(ErrorCode::validation_failed, "display_name", "validation.forbidden_characters");
  }
  if (staff.role != domain::Role::administrator && staff.centre_id.empty()) {
    return fail(ErrorCode::validation_failed, "centre", "validation.required");
  }
  const bool provider = staff.role == domain::Role::external_provider;
  const bool named = domain::check_name(staff.organisation, 200) == domain::TextProblem::none && !staff.organisation.empty();
  if (provider && !named) return fail(ErrorCode::validation_failed, "organisation", "validation.organisation_required");
  if (!provider && !staff.organisation.empty()) {
    return fail(ErrorCode::validation_failed, "organisation", "validation.organisation_only_for_providers");
  }
  return {};
}

domain::StaffAccount new_account(AppContext& ctx, const NewStaff& staff) {
  domain::StaffAccount account;
  account.id = security::new_record_id();
  account.centre_id = staff.centre_id;
  account.username = staff.username;
  account.display_name = staff.display_name;
  account.role = staff.role;
  account.organisation = staff.organisation;
  account.created_at = ctx.clock.now();
  return account;
}

Result<void> insert_new_account(storage::WriteTransaction& tx, const domain::StaffAccount& account) {
  if (!account.centre_id.empty()) {
    HAVEN_ASSIGN_OR_RETURN(auto centre, tx.centres().find(account.centre_id));
    if (!centre) return fail(ErrorCode::validation_failed, "centre", "error.centre_not_found");
  }
  if (auto r = tx.staff().insert(account); !r) return r;
  return tx.audit().append({account.created_at, account.created_by, "staff.create", {}, "staff=" + account.id, account.id});
}

Result<domain::StaffAccount> add_staff(AppContext& ctx, const NewStaff& staff, std::string_view password) {
  HAVEN_TRY(check_new_staff(staff));
  HAVEN_TRY(check_password(password, staff.username));
  auto account = new_account(ctx, staff);
  account.password_hash = ctx.hasher.hash(password);
  HAVEN_TRY(ctx.store.write([&](storage::WriteTransaction& tx) { return insert_new_account(tx, account); }));
  return account;
}

Result<void> set_password(AppContext& ctx, std::string_view username, std::string_view password) {
  if (auto ok = check_password(password, username); !ok) return ok;
  const std::string hash = ctx.hasher.hash(password);
  const Timestamp now = ctx.clock.now();
  return ctx.store.write([&](storage::WriteTransaction& tx) -> Result<void> {
    HAVEN_ASSIGN_OR_RETURN(auto staff, tx.staff().find_by_username(username));
    if (!staff) return fail(ErrorCode::not_found, "username", "error.staff_not_found");
    HAVEN_TRY(tx.staff().update_password(staff->id, staff->version, hash));
    // A new password is what one sets after a compromise: every session of the account ends with it.
    HAVEN_TRY(tx.sessions().remove_of_staff(staff->id));
    return tx.audit().append({now, {}, "staff.password", {}, "staff=" + staff->id, staff->id});
  });
}

Result<std::int64_t> end_sessions(AppContext& ctx, const Actor& admin, std::string_view staff_id) {
  HAVEN_TRY(require(admin, Action::manage_accounts));
  if (!security::is_record_id(staff_id)) return fail(ErrorCode::not_found, {}, "error.staff_not_found");
  const Timestamp now = ctx.clock.now();
  std::int64_t ended = 0;
  HAVEN_TRY(ctx.store.write([&](storage::WriteTransaction& tx) -> Result<void> {
    HAVEN_ASSIGN_OR_RETURN(auto staff, tx.staff().find(staff_id));
    if (!staff) return fail(ErrorCode::not_found, {}, "error.staff_not_found");
    HAVEN_ASSIGN_OR_RETURN(auto n, tx.sessions().remove_of_staff(staff_id));
    ended = n;
    return tx.audit().append(
        {now, admin.staff_id, "session.ended_by_admin", {}, "staff=" + std::string(staff_id), std::string(staff_id)});
  }));
  return ended;
}

Result<void> set_disabled(AppContext& ctx, std::string_view username, bool disabled) {
  const Timestamp now = ctx.clock.now();
  return ctx.store.write([&](storage::WriteTransaction& tx) -> Result<void> {
    HAVEN_ASSIGN_OR_RETURN(auto staff, tx.staff().find_by_username(username));
    if (!staff) return fail(ErrorCode::not_found, "username", "error.staff_not_found");
    return set_disabled_in(tx, *staff, disabled, {}, now);
  });
}

Result<void> set_disabled_in(storage::WriteTransaction& tx, const domain::StaffAccount& staff, bool disabled,
                             std::string_view by, Timestamp now) {
  if (auto r = tx.staff().update_disabled(staff.id, disabled); !r) return r;
  if (disabled) {
    HAVEN_TRY(tx.sessions().remove_of_staff(staff.id));
  }
  return tx.audit().append({now, std::string(by), disabled ? "staff.disable" : "staff.enable", {}, "staff=" + staff.id, staff.id});
}

Result<std::vector<DemoLogin>> create_demo_centre(AppContext& ctx) {
  HAVEN_ASSIGN_OR_RETURN(auto centre, create_centre(ctx, "Trung tâm Công tác xã hội Haven (demo)"));
  const struct {
    const char* username;
    const char* display_name;
    domain::Role role;
  } people[] = {
      {"head", "Nguyễn Thị Lan", domain::Role::centre_head},
      {"worker1", "Trần Văn Minh", domain::Role::case_worker},
      {"worker2", "Lê Thị Thu", domain::Role::case_worker},
      {"counsellor", "Phạm Thị Hương", domain::Role::counsellor},
      {"admin", "Quản trị viên", domain::Role::administrator},
  };
  std::vector<DemoLogin> logins;
  std::vector<domain::StaffAccount> accounts;
  for (const auto& person : people) {
    DemoLogin login{person.username, security::new_password(), person.role};
    const std::string centre_id = person.role == domain::Role::administrator ? std::string() : centre.id;
    HAVEN_ASSIGN_OR_RETURN(auto added, add_staff(ctx, {centre_id, person.username, person.display_name, person.role, {}}, login.password));
    logins.push_back(std::move(login));
    accounts.push_back(std::move(added));
  }
  // The demo staff as the head would have recorded them: screened (III.1.b), qualified for their
  // work (I.2.d), trained (III.2.b), and what matching reads (I.2.b, II.1.b). The head's own by the
  // administrator: nobody records their own.
  using namespace domain;
  const RecruitmentScreening screened{true, true, true, true, "hồ sơ tuyển dụng đầy đủ"};
  const auto& head_id = accounts[0].id;
  const auto& admin_id = accounts[4].id;
  const std::vector<CentreRecordBody> profiles[] = {
      {screened, StaffMatching{Sex::female, {"vi"}}, StaffQualification{Qualification::social_work, "Cử nhân Công tác xã hội", ""}},
      {screened, StaffMatching{Sex::male, {"vi"}},
       StaffQualification{Qualification::identification_interview, "Chứng chỉ phỏng vấn xác minh nạn nhân", ""},
       StaffTraining{TrainingTopic::law, "Luật Phòng, chống mua bán người 2024", 16}},
      {screened, StaffMatching{Sex::female, {"vi", "km"}},
       StaffQualification{Qualification::social_work, "Cử nhân Công tác xã hội", ""},
       StaffTraining{TrainingTopic::recovery, "Hỗ trợ phục hồi cho nạn nhân", 24}},
      {screened, StaffMatching{Sex::female, {"vi"}},
       StaffQualification{Qualification::counselling, "Thạc sĩ Tâm lý học lâm sàng", ""},
       StaffTraining{TrainingTopic::trauma_care, "Chăm sóc sang chấn", 24}},
  };
  for (std::size_t i = 0; i < std::size(profiles); ++i) {
    const auto& recorder = accounts[i].id == head_id ? admin_id : head_id;
    if (auto r = record_staff_profile(ctx, centre.id, recorder, accounts[i].id, profiles[i]); !r) {
      return tl::unexpected(r.error());
    }
  }
  return logins;
}

}  // namespace haven::app
