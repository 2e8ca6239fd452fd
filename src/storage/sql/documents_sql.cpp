// Documents (domain/document.hpp): a row per file, its name sealed under the case's key, and its
// bytes in document_chunks, kDocumentChunkBytes a row, each sealed under the case's key and bound to
// its document and place, so that no chunk opens as another's or at another place. Plain TEXT
// columns, the same SQL on both backends. A case's rows go with its erasure (cases_sql.cpp).
#include "storage/sql/sql_values.hpp"
#include "storage/sql/sql_views.hpp"

namespace haven::storage {

using namespace sql_values;

namespace {

struct DocumentColumns : SqlColumns {
  SqlColumn id = column("id");
  SqlColumn case_id = column("case_id");
  SqlColumn record_id = column("record_id");
  SqlColumn name = column("name");
  SqlColumn category = column("category");
  SqlColumn media_type = column("media_type");
  SqlColumn byte_size = column("byte_size");
  SqlColumn recorded_by = column("recorded_by");
  SqlColumn recorded_at = column("recorded_at");
};
constexpr DocumentColumns kDocument;

struct ChunkColumns : SqlColumns {
  SqlColumn body = column("body");
};
constexpr ChunkColumns kChunk;

struct CacheSizeColumns : SqlColumns {
  SqlColumn cache_size = column("cache_size");
};
constexpr CacheSizeColumns kCacheSize;

// SQLite keeps the pages it reads in the connection's cache (16 MiB on a reader): a 10 MiB document
// would leave 13 MiB of sealed chunks there that nobody reads again soon, pushing out the pages
// searches use and adding that much to the server's memory during the transfer (bench/documents.sh).
// The chunks pass through a cache of 1 MiB instead, and the connection gets its own size back.
Result<void> through_a_small_page_cache(SqlConnection& db, FunctionRef<Result<void>()> read) {
  if (db.dialect() != SqlDialect::sqlite) return read();
  HAVEN_ASSIGN_OR_RETURN(auto rows, db.query("PRAGMA cache_size", {}));
  if (rows.empty()) return read();
  const auto usual = rows.front().integer(kCacheSize.cache_size);
  HAVEN_TRY(db.execute_script("PRAGMA cache_size=-1024"));
  auto result = read();
  auto restored = db.execute_script("PRAGMA cache_size=" + std::to_string(usual));
  if (!result) return result;
  return restored;
}

std::string chunk_row(std::string_view document_id, std::int64_t seq) {
  return std::string(document_id) + "/" + std::to_string(seq);
}

Result<domain::Document> document_of(SqlScope& scope, const SqlRow& row, const security::KeyBytes* key) {
  domain::Document d;
  d.id = row.text(kDocument.id);
  d.case_id = row.text(kDocument.case_id);
  d.record_id = row.text(kDocument.record_id);
  HAVEN_ASSIGN_OR_RETURN(d.name, scope.open("documents", d.id, "name", row.text(kDocument.name), key));
  d.category = parse_stored(domain::kInformationCategoryNames, row.text(kDocument.category),
                            domain::InformationCategory::identity);
  d.type = parse_stored(domain::kDocumentTypeNames, row.text(kDocument.media_type), domain::DocumentType::pdf);
  d.byte_size = row.integer(kDocument.byte_size);
  d.recorded_by = row.text(kDocument.recorded_by);
  d.recorded_at = timestamp(row.integer(kDocument.recorded_at));
  return d;
}

}  // namespace

Result<std::vector<domain::Document>> SqlDocuments::list(std::string_view case_id) {
  static const std::string kSql = kDocument.select("FROM documents WHERE case_id = $1 ORDER BY recorded_at, id");
  HAVEN_ASSIGN_OR_RETURN(auto rows, db().query(kSql, {text(case_id)}));
  std::vector<domain::Document> out;
  if (rows.empty()) return out;
  HAVEN_ASSIGN_OR_RETURN(const auto* key, scope_.case_key(case_id));
  out.reserve(rows.size());
  for (const auto& row : rows) {
    HAVEN_ASSIGN_OR_RETURN(auto d, document_of(scope_, row, key));
    out.push_back(std::move(d));
  }
  return out;
}

Result<std::optional<domain::Document>> SqlDocuments::find(std::string_view case_id, std::string_view document_id) {
  static const std::string kSql = kDocument.select("FROM documents WHERE id = $1 AND case_id = $2");
  HAVEN_ASSIGN_OR_RETURN(auto rows, db().query(kSql, {text(document_id), text(case_id)}));
  if (rows.empty()) return std::optional<domain::Document>{};
  HAVEN_ASSIGN_OR_RETURN(const auto* key, scope_.case_key(case_id));
  HAVEN_ASSIGN_OR_RETURN(auto d, document_of(scope_, rows.front(), key));
  return std::optional<domain::Document>{std::move(d)};
}

Result<void> SqlDocuments::read_content(const domain::Document& document,
                                        FunctionRef<Result<void>(std::string_view chunk)> take) {
  // One chunk at a time, each opened and handed on before the next is read.
  static const std::string kSql = kChunk.select("FROM document_chunks WHERE document_id = $1 AND seq = $2");
  HAVEN_ASSIGN_OR_RETURN(const auto* key, scope_.case_key(document.case_id));
  const auto chunks = domain::document_chunks(document.byte_size);
  return through_a_small_page_cache(db(), [&]() -> Result<void> {
    for (std::int64_t seq = 0; seq < chunks; ++seq) {
      HAVEN_ASSIGN_OR_RETURN(auto rows, db().query(kSql, {text(document.id), SqlValue{seq}}));
      if (rows.empty()) return fail_internal(ErrorCode::internal, "a document's chunk is missing");
      const auto row_id = chunk_row(document.id, seq);
      HAVEN_ASSIGN_OR_RETURN(auto plain, scope_.open("document_chunks", row_id, "body", rows.front().text(kChunk.body), key));
      // Every chunk full but the last, which holds the rest: a file is never handed on short or long.
      const auto expected = std::min<std::int64_t>(static_cast<std::int64_t>(domain::kDocumentChunkBytes),
                                                   document.byte_size - seq * static_cast<std::int64_t>(domain::kDocumentChunkBytes));
      if (static_cast<std::int64_t>(plain.size()) != expected) {
        return fail_internal(ErrorCode::internal, "a document's chunk is not the length its description says");
      }
      HAVEN_TRY(take(plain));
    }
    return {};
  });
}

Result<void> SqlDocuments::add(const domain::Document& document, std::string_view content) {
  HAVEN_ASSIGN_OR_RETURN(const auto* key, scope_.case_key_for_writing(document.case_id));
  HAVEN_TRY(db().execute(
      "INSERT INTO documents (id, case_id, record_id, name, category, media_type, byte_size, recorded_by, recorded_at) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
      {text(document.id), text(document.case_id), text(document.record_id),
       text(scope_.seal_case(*key, "documents", document.id, "name", document.name)),
       text(domain::kInformationCategoryNames.name(document.category)),
       text(domain::kDocumentTypeNames.name(document.type)), SqlValue{document.byte_size}, text(document.recorded_by),
       seconds(document.recorded_at)}));
  // Sealed a chunk at a time: what is held at once is the file and one sealed chunk.
  std::int64_t seq = 0;
  for (std::size_t from = 0; from < content.size(); from += domain::kDocumentChunkBytes, ++seq) {
    const auto part = content.substr(from, domain::kDocumentChunkBytes);
    HAVEN_TRY(db().execute("INSERT INTO document_chunks (document_id, seq, body) VALUES ($1, $2, $3)",
                           {text(document.id), SqlValue{seq},
                            text(scope_.seal_case(*key, "document_chunks", chunk_row(document.id, seq), "body", part))}));
  }
  return {};
}

}  // namespace haven::storage
