// Staff accounts and centres. What each role may do is the permission table's
// (app/permissions.cpp, docs/security.md).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "common/clock.hpp"
#include "common/enum_names.hpp"

namespace haven::domain {

// An auditor (or inspector) reads the centre's figures and its self-assessment, never a name. An
// external provider (a hospital, a legal aid office, a vocational school: II.6) reads only the
// referral packages the centre released to its organisation, and only while the consent holds.
enum class Role { administrator, centre_head, case_worker, counsellor, auditor, external_provider };
inline constexpr EnumNames<Role, 6> kRoleNames{{{
    {Role::administrator, "administrator"},
    {Role::centre_head, "centre_head"},
    {Role::case_worker, "case_worker"},
    {Role::counsellor, "counsellor"},
    {Role::auditor, "auditor"},
    {Role::external_provider, "external_provider"},
}}};

struct Centre {
  std::string id;
  std::string name;
  Timestamp created_at{};
};

// Separation of duties (docs/security.md): an account made through the API by an administrator is
// activated by its owner with a one-time code (the administrator never knows its password), and
// reaches nothing but its own sign-in set-up until someone else confirms it: a head of its centre or
// another administrator, neither its maker nor made by the same person. Accounts made at the command
// line, by whoever runs the server and holds its key file, need neither.
struct StaffAccount {
  std::string id;
  std::string centre_id;
  std::string username;
  std::string display_name;
  Role role = Role::case_worker;
  std::string password_hash;  // Argon2id, libsodium's encoded string; empty until its owner activates it
  bool disabled = false;
  Timestamp created_at{};
  std::int64_t version = 1;
  // An external provider's organisation, as a referral names it (II.6.d); empty for the centre's staff.
  std::string organisation;
  std::string created_by;    // who made it through the API; empty: the command line
  std::string confirmed_by;  // who confirmed it; empty: not yet (or made at the command line)
  std::optional<Timestamp> confirmed_at;
  std::string activation_digest;  // BLAKE2b of the one-time activation code; empty once used
  std::optional<Timestamp> activation_expires_at;

  bool activated() const { return !password_hash.empty(); }
  bool confirmed() const { return created_by.empty() || !confirmed_by.empty(); }
};

}  // namespace haven::domain
