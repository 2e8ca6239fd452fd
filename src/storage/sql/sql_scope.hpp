// What the views of one SQL transaction share (sql_views.hpp): the connection, and the keys the
// transaction seals and opens values with. Sensitive fields are sealed here on their way to the
// database and opened on their way back: the centre's under the current data key, a case's under the
// case's own key (case_keys_sql.cpp), so nothing above storage sees a sealed value.
//
//   SqlScope scope(connection, key_ring);
//   HAVEN_ASSIGN_OR_RETURN(auto key, scope.case_key_for_writing(case_id));
//   scope.db().execute("UPDATE persons SET name = $1 WHERE case_id = $2",
//                      {text(scope.seal_case(*key, "persons", case_id, "name", name)), text(case_id)});
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "common/error.hpp"
#include "common/iso_time.hpp"
#include "security/key_ring.hpp"
#include "storage/sql/sql_connection.hpp"

namespace haven::storage {

class SqlScope {
 public:
  SqlScope(SqlConnection& connection, const security::KeyRing& keys) : db_(connection), keys_(keys) {}
  SqlScope(const SqlScope&) = delete;
  SqlScope& operator=(const SqlScope&) = delete;
  ~SqlScope();  // forgets the case keys it opened

  SqlConnection& db() { return db_; }
  const security::KeyRing& keys() const { return keys_; }

  // Sealed under the data key this transaction seals under (sealing_key_id).
  Result<std::string> seal(std::string_view table, std::string_view row_id, std::string_view field,
                           std::string_view plain);
  std::string seal_case(const security::KeyBytes& case_key, std::string_view table, std::string_view row_id,
                        std::string_view field, std::string_view plain) const;
  Result<std::string> open(std::string_view table, std::string_view row_id, std::string_view field,
                           std::string_view stored, const security::KeyBytes* case_key = nullptr) const;

  // The data key this transaction seals under: the one the database names (key_state, set by a
  // rotation once every server holds it), read once per transaction, on PostgreSQL with a share
  // lock, so that a rotation's switch waits for the transactions sealing under the key before it.
  // Where none is named yet, the key file's newest. unavailable when this process's key file does
  // not hold it (a server whose key file was not updated: it writes nothing it could not read).
  Result<std::uint32_t> sealing_key_id();
  // The data key key_state names, none before the first rotation; `hold` keeps the row shared until
  // the transaction ends (PostgreSQL; SQLite has one writer).
  Result<std::optional<std::uint32_t>> named_sealing_key(bool hold);
  // After the database names another key: this transaction seals under it from here on.
  void forget_sealing_key() { sealing_key_.reset(); }

  // The case's own key (security/case_key.hpp), unwrapped once per transaction; null when it has
  // none: erased, or sealed before case keys until `haven keys reencrypt`. `wrapped` is the stored
  // key when a query already joined it (nullopt: the case has none).
  Result<const security::KeyBytes*> case_key(std::string_view case_id);
  Result<const security::KeyBytes*> case_key_from(std::string_view case_id, std::optional<std::string_view> wrapped);
  // The key to open `stored` with: `known`, unless the value is under a case key and `known` is
  // none. Then the key is read again: on PostgreSQL a statement sees what committed since the last
  // one, and `haven keys reencrypt` may just have given an older case its key.
  Result<const security::KeyBytes*> key_for(std::string_view case_id, const security::KeyBytes* known,
                                            std::string_view stored);
  // The key a case's new or changed fields are sealed under, made and stored first if it has none;
  // not_found for an erased case, whose fields are never written again.
  Result<const security::KeyBytes*> case_key_for_writing(std::string_view case_id);
  // The case's key is destroyed (an erasure): wiped here, and never used again in this transaction.
  void forget_case_key(std::string_view case_id);

  // The keyed tokens a name is found by, and a person registered again (security/blind_index.hpp),
  // replacing the case's.
  Result<void> write_name_index(std::string_view case_id, std::string_view name, std::optional<Date> birth_date);
  // The version a row has now, for a version_conflict answer; not_found if it is gone. `from_where`
  // names the row ("FROM staff WHERE id = $1"), `key` its parameters.
  Result<std::int64_t> conflict_with_current_version(std::string_view from_where, const SqlParams& key);

 private:
  SqlConnection& db_;
  const security::KeyRing& keys_;
  std::optional<std::uint32_t> sealing_key_;
  // By case ID; nullopt: the case has no key. Per transaction, so that a rolled-back key is never used.
  std::map<std::string, std::optional<security::KeyBytes>, std::less<>> case_keys_;
};

}  // namespace haven::storage
