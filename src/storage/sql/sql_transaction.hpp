// The transaction both SQL backends hand to Store::read and Store::write: one view per aggregate
// (sql_views.hpp) over a scope they share (sql_scope.hpp). The backend opens and ends the database
// transaction (run_transaction.hpp); this class only reads and writes rows.
//
//   SqlTransaction transaction(connection, key_ring);
//   HAVEN_TRY(work(transaction));  // work(WriteTransaction&) or work(ReadTransaction&)
#pragma once

#include "security/key_ring.hpp"
#include "storage/sql/sql_connection.hpp"
#include "storage/sql/sql_scope.hpp"
#include "storage/sql/sql_views.hpp"
#include "storage/store.hpp"

namespace haven::storage {

class SqlTransaction final : public WriteTransaction {
 public:
  SqlTransaction(SqlConnection& connection, const security::KeyRing& keys) : scope_(connection, keys) {}
  SqlTransaction(const SqlTransaction&) = delete;
  SqlTransaction& operator=(const SqlTransaction&) = delete;

  SqlCentres& centres() override { return centres_; }
  SqlCentreRecords& centre_records() override { return centre_records_; }
  SqlStaff& staff() override { return staff_; }
  SqlSessions& sessions() override { return sessions_; }
  SqlSecondFactors& second_factors() override { return second_factors_; }
  SqlSignIns& sign_ins() override { return sign_ins_; }
  SqlCases& cases() override { return cases_; }
  SqlStandings& standings() override { return standings_; }
  SqlRecords& records() override { return records_; }
  SqlAudit& audit() override { return audit_; }
  SqlKeys& keys() override { return keys_; }
  SqlServers& servers() override { return servers_; }
  SqlDrafts& drafts() override { return drafts_; }
  SqlIdempotency& idempotency() override { return idempotency_; }
  SqlNotifications& notifications() override { return notifications_; }
  SqlDocuments& documents() override { return documents_; }

 private:
  SqlScope scope_;  // first: the views refer to it
  SqlCentres centres_{scope_};
  SqlCentreRecords centre_records_{scope_};
  SqlStaff staff_{scope_};
  SqlSessions sessions_{scope_};
  SqlSecondFactors second_factors_{scope_};
  SqlSignIns sign_ins_{scope_};
  SqlCases cases_{scope_};
  SqlStandings standings_{scope_};
  SqlRecords records_{scope_};
  SqlAudit audit_{scope_};
  SqlKeys keys_{scope_};
  SqlServers servers_{scope_};
  SqlDrafts drafts_{scope_};
  SqlIdempotency idempotency_{scope_};
  SqlNotifications notifications_{scope_};
  SqlDocuments documents_{scope_};
};

}  // namespace haven::storage
