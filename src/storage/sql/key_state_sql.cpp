// The repository SQL of key rotation while serving: the sealing key the database names, and the
// servers that say which keys they hold (app/key_rotation.hpp).
#include <charconv>

#include "storage/sql/sql_transaction.hpp"
#include "storage/sql/sql_values.hpp"

namespace haven::storage {

using namespace sql_values;

namespace {

std::string key_list(const std::vector<std::uint32_t>& ids) {
  std::string out;
  for (const auto id : ids) out += (out.empty() ? "" : ",") + std::to_string(id);
  return out;
}

std::vector<std::uint32_t> parse_key_list(std::string_view text) {
  std::vector<std::uint32_t> ids;
  while (!text.empty()) {
    const auto comma = text.find(',');
    const auto item = text.substr(0, comma);
    std::uint32_t id = 0;
    if (std::from_chars(item.data(), item.data() + item.size(), id).ec == std::errc{}) ids.push_back(id);
    text = comma == std::string_view::npos ? std::string_view() : text.substr(comma + 1);
  }
  return ids;
}

}  // namespace

Result<std::optional<std::uint32_t>> SqlTransaction::sealing_key() {
  auto rows = db_.query("SELECT sealing_key FROM key_state WHERE id = 1", {});
  if (!rows) return propagate<std::optional<std::uint32_t>>(rows.error());
  if (rows->empty()) return std::optional<std::uint32_t>{};
  const auto named = rows->front().optional_integer(0);
  return named ? std::optional<std::uint32_t>(static_cast<std::uint32_t>(*named)) : std::nullopt;
}

Result<void> SqlTransaction::set_sealing_key(std::uint32_t data_key_id) {
  HAVEN_ASSIGN_OR_RETURN(auto r, db_.execute("UPDATE key_state SET sealing_key = $1 WHERE id = 1", {SqlValue{std::int64_t{data_key_id}}}));
  if (r == 0) return fail_internal(ErrorCode::internal, "key_state has no row");
  sealing_key_.reset();  // this transaction seals under the new one from here on
  return {};
}

Result<std::vector<ServerPresence>> SqlTransaction::list_servers(Timestamp seen_since) {
  auto rows = db_.query(
      "SELECT id, host, pid, started_at, seen_at, data_keys FROM server_presence WHERE seen_at >= $1 ORDER BY host, pid",
      {seconds(seen_since)});
  if (!rows) return propagate<std::vector<ServerPresence>>(rows.error());
  std::vector<ServerPresence> servers;
  for (const auto& row : *rows) {
    servers.push_back({row.text(0), row.text(1), row.integer(2), timestamp(row.integer(3)), timestamp(row.integer(4)),
                       parse_key_list(row.text(5))});
  }
  return servers;
}

Result<void> SqlTransaction::put_server(const ServerPresence& server) {
  HAVEN_TRY(db_.execute(
      "INSERT INTO server_presence (id, host, pid, started_at, seen_at, data_keys) VALUES ($1, $2, $3, $4, $5, $6) "
      "ON CONFLICT (id) DO UPDATE SET seen_at = excluded.seen_at, data_keys = excluded.data_keys",
      {text(server.id), text(server.host), SqlValue{server.pid}, seconds(server.started_at), seconds(server.seen_at),
       text(key_list(server.data_keys))}));
  // Servers long gone (killed, not stopped) leave their rows: a day on, they go.
  HAVEN_TRY(db_.execute("DELETE FROM server_presence WHERE seen_at < $1",
                           {seconds(server.seen_at - std::chrono::hours{24})}));
  return {};
}

Result<void> SqlTransaction::delete_server(std::string_view server_id) {
  HAVEN_TRY(db_.execute("DELETE FROM server_presence WHERE id = $1", {text(server_id)}));
  return {};
}

}  // namespace haven::storage
