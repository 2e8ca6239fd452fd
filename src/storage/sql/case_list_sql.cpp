// The case list: a centre's cases or a viewer's own, a page at a time, found by stage, by a set of
// IDs, or by the words of a name or a case code (docs/performance.md has how each query is planned).
#include "domain/search_fold.hpp"
#include "security/blind_index.hpp"
#include "storage/sql/sql_values.hpp"
#include "storage/sql/sql_views.hpp"

namespace haven::storage {

using namespace sql_values;

namespace {

// A viewer's own list longer than this is read in reception order rather than from their cases.
constexpr std::int64_t kLongCaseList = 2000;

// "50%_off" -> "50!%!_off": the user's text is matched literally inside LIKE ... ESCAPE '!'. The
// escape is '!' rather than a backslash, whose meaning in a literal depends on server settings.
std::string like_literal(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c == '%' || c == '_' || c == '!') out.push_back('!');
    out.push_back(c);
  }
  return out;
}

// A page of the list. The expressions that depend on the viewer's parameter are given: the name,
// shown only where the viewer is on the case (I.3.c), whether they are, and the rows matched.
struct CaseSummaryColumns : SqlColumns {
  CaseSummaryColumns(std::string_view name_if_on_case, std::string_view viewer_on_case, std::string_view rows_matched)
      : name(column(name_if_on_case)), on_case(column(viewer_on_case)), total(column(rows_matched)) {}
  SqlColumn id = column("c.id");
  SqlColumn code = column("c.code");
  SqlColumn stage = column("c.stage");
  SqlColumn name;  // sealed
  SqlColumn name_is_alias = column("p.name_is_alias");
  SqlColumn sex = column("p.sex");
  SqlColumn birth_date = column("p.birth_date");  // sealed
  SqlColumn estimated_age = column("p.estimated_age");
  SqlColumn suspected_child = column("p.suspected_child");
  SqlColumn received_at = column("r.received_at");
  SqlColumn on_case;
  SqlColumn total;  // 0 when counted apart
  SqlColumn wrapped_key = column("(SELECT k.wrapped FROM case_keys k WHERE k.case_id = c.id)");
};

// The summary as stored, its sealed fields not yet opened.
domain::CaseSummary case_summary_from(const CaseSummaryColumns& k, const SqlRow& row) {
  using namespace domain;
  CaseSummary s;
  s.id = row.text(k.id);
  s.code = row.text(k.code);
  s.stage = parse_stored(kCaseStageNames, row.text(k.stage), CaseStage::received);
  s.name = row.text(k.name);
  s.name_is_alias = row.integer(k.name_is_alias) != 0;
  s.sex = parse_stored(kSexNames, row.text(k.sex), Sex::unknown);
  if (const auto birth = row.optional_text(k.birth_date)) s.birth_date = parse_iso_date(*birth);
  if (const auto age = row.optional_integer(k.estimated_age)) s.estimated_age = static_cast<int>(*age);
  s.suspected_child = row.integer(k.suspected_child) != 0;
  s.received_at = timestamp(row.integer(k.received_at));
  s.on_case = row.integer(k.on_case) != 0;
  return s;
}

}  // namespace

Result<CasePage> SqlCases::list(const CaseQuery& query) {
  SqlParams params{text(query.centre_id)};
  // Whether the viewer is on the case (I.3.c): a name is shown, and searched, only where they are.
  // The viewer's slot is added when first used: PostgreSQL refuses a parameter the query never reads.
  std::string viewer_slot;
  auto viewer = [&]() -> const std::string& {
    if (viewer_slot.empty()) {
      params.push_back(text(query.viewer_id));
      viewer_slot = "$" + std::to_string(params.size());
    }
    return viewer_slot;
  };
  auto on_case = [&] {
    return "EXISTS (SELECT 1 FROM case_staff s WHERE s.case_id = c.id AND s.staff_id = " + viewer() + ")";
  };
  // An erased case is in no list: nothing of it is left to pick it by. `filters` holds the stage and
  // the words, whichever table the query starts from.
  const std::string centre = " WHERE c.centre_id = $1 AND c.erased_at IS NULL";
  std::string filters;
  if (query.stage) {
    params.push_back(text(std::string(domain::kCaseStageNames.name(*query.stage))));
    filters += " AND c.stage = $" + std::to_string(params.size());
  }
  if (query.only_ids) filters += " AND c.id " + in_list(params, *query.only_ids);
  // Names are indexed by the same folding (SqlCases::insert), as keyed tokens (security/blind_index.hpp):
  // a word finds a name by a whole word or the start of one; a case code by any part of it.
  const std::string search = domain::fold_for_search(query.search);
  int words = 0;
  for (std::size_t start = 0; start < search.size() && words < 6;) {
    std::size_t end = search.find(' ', start);
    if (end == std::string::npos) end = search.size();
    if (end > start) {
      const auto word = search.substr(start, end - start);
      params.push_back(text(security::search_token(scope_.keys().index_key(), word)));
      const std::string token_slot = "$" + std::to_string(params.size());
      params.push_back(text("%" + like_literal(word) + "%"));
      const std::string code_slot = "$" + std::to_string(params.size());
      filters += " AND ((EXISTS (SELECT 1 FROM name_index n WHERE n.token = " + token_slot +
                 " AND n.case_id = c.id) AND " + on_case() + ") OR LOWER(c.code) LIKE " + code_slot + " ESCAPE '!')";
      ++words;
    }
    start = end + 1;
  }

  // Where the query starts. The centre's cases: by the centre. The viewer's own: from their cases (an
  // index range of hundreds), not the centre's (years of them), so that a name search probes the
  // name index once per case of theirs (docs/performance.md); CROSS JOIN keeps SQLite's planner from
  // starting at the centre when a search has many words (PostgreSQL plans it as the inner join it is).
  // A case's person and reception are written with it (SqlCases::insert) and never apart, so a count,
  // which reads only the case (its stage, its ID), needs neither: at 100,000 cases of a viewer's own
  // the two joins were three quarters of the count's time. On a page they come after the case, so
  // that a stage or the words have left out the cases they do not match first (SQLite otherwise read
  // each of the viewer's persons before looking at the case's stage).
  std::string cases_of = "FROM cases c";
  std::string where = centre + filters;
  std::string from = cases_of + " JOIN persons p ON p.case_id = c.id JOIN receptions r ON r.case_id = c.id";
  std::string page_where = where;
  if (query.only_viewers_cases) {
    cases_of = "FROM case_staff v CROSS JOIN cases c";
    where = centre + " AND v.staff_id = " + viewer() + " AND c.id = v.case_id" + filters;
    from = cases_of + " CROSS JOIN persons p CROSS JOIN receptions r";
    page_where = where + " AND p.case_id = c.id AND r.case_id = c.id";
  }
  CasePage page;
  const bool browsing = words == 0;
  if (browsing) {
    // No words: the count on its own (an index range), then the page. A window count would join and
    // sort every case before the first row: 0.8 s for a list of 100,000. A long list is read in the
    // receptions' time order instead, which stops after `limit` rows (docs/performance.md).
    HAVEN_ASSIGN_OR_RETURN(auto counted, db().query(kCount.select(cases_of + where), params));
    page.total = counted.front().integer(kCount.value);
    // With a stage or a set of cases, few match: walking every reception in time order to find them
    // would be slower.
    if (!query.stage && !query.only_ids && (!query.only_viewers_cases || page.total > kLongCaseList)) {
      from = "FROM receptions r CROSS JOIN cases c JOIN persons p ON p.case_id = c.id";
      page_where =
          centre + " AND r.case_id = c.id" + (query.only_viewers_cases ? " AND " + on_case() : std::string()) + filters;
    }
  }
  // After the count, which must not carry a parameter it does not read (PostgreSQL refuses one).
  const std::string viewer_on_case = on_case();
  const std::string name_if_on_case = "CASE WHEN " + viewer_on_case + " THEN p.name ELSE '' END";
  const std::string on_case_flag = "CASE WHEN " + viewer_on_case + " THEN 1 ELSE 0 END";
  const CaseSummaryColumns columns(name_if_on_case, on_case_flag, browsing ? "0" : "COUNT(*) OVER ()");
  params.push_back(SqlValue{std::int64_t{query.limit}});
  const std::string limit_slot = "$" + std::to_string(params.size());
  params.push_back(SqlValue{std::int64_t{query.offset}});
  const std::string offset_slot = "$" + std::to_string(params.size());
  HAVEN_ASSIGN_OR_RETURN(
      auto rows, db().query(columns.select(from + page_where + " ORDER BY r.received_at DESC, c.id LIMIT " + limit_slot +
                                           " OFFSET " + offset_slot),
                            params));

  // With words, the total rides on the page's rows (a window count), so that the filter, a name-index
  // probe per case, runs once rather than twice. Only a page past the end needs a count of its own.
  if (!browsing && !rows.empty()) {
    page.total = rows.front().integer(columns.total);
  } else if (!browsing && query.offset > 0) {
    params.resize(params.size() - 2);  // without the limit and offset
    HAVEN_ASSIGN_OR_RETURN(auto counted, db().query(kCount.select(cases_of + where), params));
    page.total = counted.front().integer(kCount.value);
  }
  page.items.reserve(rows.size());
  for (const auto& row : rows) {
    auto& summary = page.items.emplace_back(case_summary_from(columns, row));
    auto key = scope_.case_key_from(summary.id, row.optional_text(columns.wrapped_key));
    if (key) key = scope_.key_for(summary.id, *key, row.text(columns.name));
    HAVEN_TRY(key);
    HAVEN_ASSIGN_OR_RETURN(auto name, scope_.open("persons", summary.id, "name", row.text(columns.name), *key));
    summary.name = std::move(name);
    summary.birth_date.reset();
    if (const auto stored = row.optional_text(columns.birth_date)) {
      HAVEN_ASSIGN_OR_RETURN(auto birth, scope_.open("persons", summary.id, "birth_date", *stored, *key));
      summary.birth_date = parse_iso_date(birth);
    }
  }
  return page;
}

}  // namespace haven::storage
