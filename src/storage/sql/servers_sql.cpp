// The running servers, each saying which data keys its key file holds, so that a key rotation
// switches only once every server can open what is sealed under the new key (app/key_rotation.hpp).
#include <charconv>

#include "storage/sql/sql_values.hpp"
#include "storage/sql/sql_views.hpp"

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

struct ServerColumns : SqlColumns {
  SqlColumn id = column("id");
  SqlColumn host = column("host");
  SqlColumn pid = column("pid");
  SqlColumn started_at = column("started_at");
  SqlColumn seen_at = column("seen_at");
  SqlColumn data_keys = column("data_keys");
};
constexpr ServerColumns kServer;

}  // namespace

Result<std::vector<ServerPresence>> SqlServers::list(Timestamp seen_since) {
  static const std::string kSql = kServer.select("FROM server_presence WHERE seen_at >= $1 ORDER BY host, pid");
  HAVEN_ASSIGN_OR_RETURN(auto rows, db().query(kSql, {seconds(seen_since)}));
  std::vector<ServerPresence> servers;
  for (const auto& row : rows) {
    servers.push_back({row.text(kServer.id), row.text(kServer.host), row.integer(kServer.pid),
                       timestamp(row.integer(kServer.started_at)), timestamp(row.integer(kServer.seen_at)),
                       parse_key_list(row.text(kServer.data_keys))});
  }
  return servers;
}

Result<void> SqlServers::put(const ServerPresence& server) {
  HAVEN_TRY(db().execute(
      "INSERT INTO server_presence (id, host, pid, started_at, seen_at, data_keys) VALUES ($1, $2, $3, $4, $5, $6) "
      "ON CONFLICT (id) DO UPDATE SET seen_at = excluded.seen_at, data_keys = excluded.data_keys",
      {text(server.id), text(server.host), SqlValue{server.pid}, seconds(server.started_at), seconds(server.seen_at),
       text(key_list(server.data_keys))}));
  // Servers long gone (killed, not stopped) leave their rows: a day on, they go.
  HAVEN_TRY(db().execute("DELETE FROM server_presence WHERE seen_at < $1",
                         {seconds(server.seen_at - std::chrono::hours{24})}));
  return {};
}

Result<void> SqlServers::remove(std::string_view server_id) {
  HAVEN_TRY(db().execute("DELETE FROM server_presence WHERE id = $1", {text(server_id)}));
  return {};
}

}  // namespace haven::storage
