// Staff accounts and centres. What each role may do is the permission table's
// (app/permissions.cpp, docs/security.md).
#pragma once

#include <cstdint>
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

struct StaffAccount {
  std::string id;
  std::string centre_id;
  std::string username;
  std::string display_name;
  Role role = Role::case_worker;
  std::string password_hash;  // Argon2id, libsodium's encoded string
  bool disabled = false;
  Timestamp created_at{};
  std::int64_t version = 1;
  // An external provider's organisation, as a referral names it (II.6.d); empty for the centre's staff.
  std::string organisation;
};

}  // namespace haven::domain
