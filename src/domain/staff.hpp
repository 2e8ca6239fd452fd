// Staff accounts and centres. What each role may do is the permission table's
// (app/permissions.cpp, docs/security.md).
#pragma once

#include <cstdint>
#include <string>

#include "common/clock.hpp"
#include "common/enum_names.hpp"

namespace haven::domain {

// An auditor (or inspector) reads the centre's figures and its self-assessment, never a name.
enum class Role { administrator, centre_head, case_worker, counsellor, auditor };
inline constexpr EnumNames<Role, 5> kRoleNames{{{
    {Role::administrator, "administrator"},
    {Role::centre_head, "centre_head"},
    {Role::case_worker, "case_worker"},
    {Role::counsellor, "counsellor"},
    {Role::auditor, "auditor"},
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
};

}  // namespace haven::domain
