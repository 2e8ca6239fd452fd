#include "storage/sql/sql_scope.hpp"

#include "domain/search_fold.hpp"
#include "security/blind_index.hpp"
#include "security/field_cipher.hpp"
#include "storage/sql/sql_values.hpp"

namespace haven::storage {

using namespace sql_values;

namespace {

constexpr OneColumn kSealingKey{"sealing_key"};
constexpr OneColumn kVersion{"version"};

}  // namespace

Result<std::optional<std::uint32_t>> SqlScope::named_sealing_key(bool hold) {
  static const std::string kRead = kSealingKey.select("FROM key_state WHERE id = 1");
  static const std::string kReadAndHold = kRead + " FOR SHARE";
  HAVEN_ASSIGN_OR_RETURN(auto rows,
                         db_.query(hold && db_.dialect() == SqlDialect::postgresql ? kReadAndHold : kRead, {}));
  if (rows.empty()) return std::optional<std::uint32_t>{};
  const auto named = rows.front().optional_integer(kSealingKey.value);
  return named ? std::optional<std::uint32_t>(static_cast<std::uint32_t>(*named)) : std::nullopt;
}

Result<std::uint32_t> SqlScope::sealing_key_id() {
  if (sealing_key_) return *sealing_key_;
  HAVEN_ASSIGN_OR_RETURN(auto named, named_sealing_key(true));
  const auto id = named ? *named : keys_.current_data_key_id();
  if (!keys_.data_key(id)) {
    return fail_internal(ErrorCode::unavailable,
                         "the database seals under data key " + std::to_string(id) +
                             ", which this process's key file does not hold: copy the key file from where `haven keys "
                             "rotate` ran (a running server reads it again within seconds)");
  }
  sealing_key_ = id;
  return id;
}

Result<std::string> SqlScope::seal(std::string_view table, std::string_view row_id, std::string_view field,
                                   std::string_view plain) {
  HAVEN_ASSIGN_OR_RETURN(auto key_id, sealing_key_id());
  return security::seal_field(keys_, key_id, {table, row_id, field}, plain);
}

std::string SqlScope::seal_case(const security::KeyBytes& case_key, std::string_view table, std::string_view row_id,
                                std::string_view field, std::string_view plain) const {
  return security::seal_case_field(case_key, {table, row_id, field}, plain);
}

Result<std::string> SqlScope::open(std::string_view table, std::string_view row_id, std::string_view field,
                                   std::string_view stored, const security::KeyBytes* case_key) const {
  return security::open_field(keys_, {table, row_id, field}, stored, case_key);
}

Result<void> SqlScope::write_name_index(std::string_view case_id, std::string_view name,
                                       std::optional<Date> birth_date) {
  HAVEN_TRY(db_.execute("DELETE FROM name_index WHERE case_id = $1", {text(case_id)}));
  const std::string folded = domain::fold_for_search(name);
  std::optional<int> birth_year;
  if (birth_date) birth_year = static_cast<int>(birth_date->year());
  auto tokens = security::name_tokens(keys_.index_key(), folded);
  for (auto& token : security::whole_name_tokens(keys_.index_key(), folded, birth_year)) tokens.push_back(std::move(token));
  for (const auto& token : tokens) {
    HAVEN_TRY(db_.execute("INSERT INTO name_index (token, case_id) VALUES ($1, $2)", {text(token), text(case_id)}));
  }
  return {};
}

Result<std::int64_t> SqlScope::conflict_with_current_version(std::string_view from_where, const SqlParams& key) {
  HAVEN_ASSIGN_OR_RETURN(auto rows, db_.query(kVersion.select(from_where), key));
  if (rows.empty()) return fail(ErrorCode::not_found);
  Error e(ErrorCode::version_conflict);
  e.field = "version";
  e.current_version = rows.front().integer(kVersion.value);
  return tl::unexpected(e);
}

}  // namespace haven::storage
