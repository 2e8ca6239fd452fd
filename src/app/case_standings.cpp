#include "app/case_standings.hpp"

#include <algorithm>
#include <array>
#include <unordered_map>

#include <sodium.h>

#include "app/case_access.hpp"
#include "codec/case_standing_json.hpp"
#include "engine_digest.hpp"

namespace haven::app {
namespace {

// A centre's cases are read in pages of this many: a few megabytes at a time.
constexpr int kStandingPage = 2000;
// Stored standings are opened, and those evaluated by a reading stored, this many at a time.
constexpr std::size_t kStoredPage = 500;

Result<std::optional<standards::CaseStanding>> evaluate(storage::ReadTransaction& tx, std::string_view centre_id,
                                                        std::string_view case_id, const standards::Parameters& params) {
  auto history = load_case_history(tx, centre_id, case_id);
  if (!history) {
    // Moved to another centre or erased: nothing stands here to store.
    const auto code = history.error().code;
    if (code == ErrorCode::not_found || code == ErrorCode::gone) return std::optional<standards::CaseStanding>{};
    return tl::unexpected(history.error());
  }
  return std::optional{standards::standing_of(*history, params)};
}

}  // namespace

std::string standing_basis(const standards::Parameters& params) {
  std::string basis = standards::kEngineDigest;
  for (const auto& [name, value] : params.all()) basis += ";" + name + "=" + std::to_string(value);
  // Stored with every case: a digest, not the 600 bytes it digests (100,000 cases read it each time).
  std::array<unsigned char, 12> digest{};
  crypto_generichash(digest.data(), digest.size(), reinterpret_cast<const unsigned char*>(basis.data()), basis.size(),
                     nullptr, 0);
  std::string hex(digest.size() * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
  hex.pop_back();
  return hex;
}

Result<void> refresh_case_standing(storage::WriteTransaction& tx, std::string_view centre_id, std::string_view case_id,
                                   const standards::Parameters& params) {
  HAVEN_ASSIGN_OR_RETURN(auto standing, evaluate(tx, centre_id, case_id, params));
  if (!standing) return {};
  return tx.standings().put(case_id, std::nullopt, standing_basis(params), codec::encode_case_standing(*standing));
}

Result<void> refresh_case_standing(storage::WriteTransaction& tx, const standards::CaseHistory& current,
                                   const standards::Parameters& params) {
  return tx.standings().put(current.file.id, std::nullopt, standing_basis(params),
                              codec::encode_case_standing(standards::standing_of(current, params)));
}

namespace {

// A page of the cases to visit, by case ID after `after`, at most `limit`.
using RevisionPages = FunctionRef<Result<std::vector<storage::CaseRevision>>(storage::ReadTransaction& tx,
                                                                             std::string_view after, int limit)>;

// `whole_centre`: the pages are every case of the centre, so the cache may drop those not seen.
Result<void> visit_standings(AppContext& ctx, std::string_view centre_id, const RevisionPages& pages,
                             bool whole_centre, const StandingVisitor& visit, std::stop_token stop) {
  const std::string basis = standing_basis(ctx.standards);
  StandingCache& cache = *ctx.standing_cache;
  const auto reading = cache.begin_reading();
  bool whole = false;  // every case of the centre seen: those held and not seen are gone
  const struct Ending {
    StandingCache& cache;
    StandingCache::Reading reading;
    std::string_view centre_id;
    const bool& whole;
    ~Ending() { cache.end_reading(reading, centre_id, whole); }
  } ending{cache, reading, centre_id, whole};
  struct Evaluated {
    std::string case_id;
    std::int64_t revision;
    std::string body;
  };
  std::vector<Evaluated> evaluated;
  auto read = ctx.store.read([&](storage::ReadTransaction& tx) -> Result<void> {
    std::string after;
    std::vector<StandingCache::Standing> held;
    std::vector<std::string> missing;
    std::unordered_map<std::string_view, std::size_t> position;  // of each missing case in the page
    for (;;) {
      HAVEN_ASSIGN_OR_RETURN(auto page, pages(tx, after, kStandingPage));
      if (page.empty()) {
        whole = whole_centre;
        return {};
      }
      after = page.back().case_id;
      cache.find(centre_id, basis, page, reading, held);
      // Those not held at their revision (changed since, or not read yet in this process): their
      // stored standings, or, where none still holds, their histories.
      missing.clear();
      position.clear();
      for (std::size_t i = 0; i < page.size(); ++i) {
        if (held[i]) continue;
        missing.push_back((page)[i].case_id);
        position.emplace((page)[i].case_id, i);
      }
      for (std::size_t from = 0; from < missing.size(); from += kStoredPage) {
        const auto count = std::min(kStoredPage, missing.size() - from);
        HAVEN_ASSIGN_OR_RETURN(auto stored, tx.standings().find(centre_id, std::span(missing).subspan(from, count)));
        for (auto& s : stored) {
          std::optional<standards::CaseStanding> standing;
          if (s.revision == s.case_revision && s.basis == basis) standing = codec::decode_case_standing(s.body);
          if (!standing) {
            HAVEN_ASSIGN_OR_RETURN(auto fresh, evaluate(tx, centre_id, s.case_id, ctx.standards));
            if (!fresh) continue;
            standing = std::move(fresh);
            evaluated.push_back({s.case_id, s.case_revision, codec::encode_case_standing(*standing)});
          }
          auto shared = std::make_shared<const standards::CaseStanding>(std::move(*standing));
          cache.keep(centre_id, basis, s.case_id, s.case_revision, shared, reading);
          if (const auto at = position.find(s.case_id); at != position.end()) held[at->second] = std::move(shared);
        }
      }
      for (std::size_t i = 0; i < page.size(); ++i) {
        if (held[i]) visit((page)[i].case_id, *held[i]);
      }
      if (page.size() < static_cast<std::size_t>(kStandingPage)) {
        whole = whole_centre;
        return {};
      }
      if (stop.stop_requested()) return {};
    }
  });
  if (!read) return read;
  // Stored for the next reading, a transaction of kStoredPage at a time, so that after an upgrade
  // the 100,000 writes take turns with the centre's work instead of holding the writer in one go.
  // The figures are already computed: a page that fails (the case erased or changed meanwhile is
  // not a failure: it is skipped) only means those cases are evaluated again next time.
  for (std::size_t from = 0; from < evaluated.size(); from += kStoredPage) {
    const auto to = std::min(evaluated.size(), from + kStoredPage);
    (void)ctx.store.write([&](storage::WriteTransaction& tx) -> Result<void> {
      for (std::size_t i = from; i < to; ++i) {
        const auto& e = evaluated[i];
        auto r = tx.standings().put(e.case_id, e.revision, basis, e.body);
        if (!r && r.error().code != ErrorCode::not_found) return r;
      }
      return {};
    });
  }
  return {};
}

}  // namespace

Result<void> visit_centre_standings(AppContext& ctx, std::string_view centre_id, const StandingVisitor& visit,
                                    std::stop_token stop) {
  return visit_standings(
      ctx, centre_id,
      [&](storage::ReadTransaction& tx, std::string_view after, int limit) {
        return tx.cases().list_revisions(centre_id, after, limit);
      },
      true, visit, stop);
}

Result<void> visit_staff_standings(AppContext& ctx, std::string_view centre_id, std::string_view staff_id,
                                   const StandingVisitor& visit) {
  return visit_standings(
      ctx, centre_id,
      [&](storage::ReadTransaction& tx, std::string_view after, int limit) {
        return tx.cases().list_revisions_of_staff(centre_id, staff_id, after, limit);
      },
      false, visit, {});
}

Result<std::size_t> read_every_centres_standings(AppContext& ctx, std::stop_token stop) {
  HAVEN_ASSIGN_OR_RETURN(auto centres, storage::read_value<std::vector<domain::Centre>>(
      ctx.store, [](storage::ReadTransaction& tx) { return tx.centres().list(); }));
  std::size_t cases = 0;
  for (const auto& centre : centres) {
    if (stop.stop_requested()) break;
    HAVEN_TRY(visit_centre_standings(ctx, centre.id, [&](std::string_view, const standards::CaseStanding&) { ++cases; },
                                       stop));
  }
  return cases;
}

}  // namespace haven::app
