// JSON shapes of staff accounts and the centre's own records, as the OpenAPI document describes them:
// never a password hash or an activation code's digest.
#pragma once

#include <boost/json/object.hpp>

#include "app/account_lifecycle.hpp"
#include "domain/centre_record.hpp"
#include "storage/store.hpp"

namespace haven::http {

boost::json::object encode_account(const app::AccountState& state);
boost::json::object encode_centre_record(const domain::CentreRecord& record);
boost::json::object encode_centre_audit_entry(const storage::CentreAuditEntry& entry);

}  // namespace haven::http
