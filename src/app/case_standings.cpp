#include "app/case_standings.hpp"

#include <algorithm>
#include <array>

#include <sodium.h>

#include "app/case_access.hpp"
#include "codec/case_standing_json.hpp"
#include "engine_digest.hpp"

namespace haven::app {
namespace {

// A centre's cases are read in pages of this many: a few megabytes at a time.
constexpr int kStandingPage = 2000;
// Standings evaluated by a reading are stored this many to a transaction.
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
  auto standing = evaluate(tx, centre_id, case_id, params);
  if (!standing) return tl::unexpected(standing.error());
  if (!*standing) return {};
  return tx.put_case_standing(case_id, std::nullopt, standing_basis(params), codec::encode_case_standing(**standing));
}

Result<void> visit_centre_standings(AppContext& ctx, std::string_view centre_id, const StandingVisitor& visit) {
  const std::string basis = standing_basis(ctx.standards);
  struct Evaluated {
    std::string case_id;
    std::int64_t revision;
    std::string body;
  };
  std::vector<Evaluated> evaluated;
  auto read = ctx.store.read([&](storage::ReadTransaction& tx) -> Result<void> {
    std::string after;
    for (;;) {
      auto page = tx.list_case_standings(centre_id, after, kStandingPage);
      if (!page) return tl::unexpected(page.error());
      if (page->empty()) return {};
      after = page->back().case_id;
      for (auto& stored : *page) {
        if (stored.revision == stored.case_revision && stored.basis == basis) {
          if (auto standing = codec::decode_case_standing(stored.body)) {
            visit(stored.case_id, *standing);
            continue;
          }
        }
        auto standing = evaluate(tx, centre_id, stored.case_id, ctx.standards);
        if (!standing) return tl::unexpected(standing.error());
        if (!*standing) continue;
        evaluated.push_back({stored.case_id, stored.case_revision, codec::encode_case_standing(**standing)});
        visit(stored.case_id, **standing);
      }
      if (page->size() < static_cast<std::size_t>(kStandingPage)) return {};
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
        auto r = tx.put_case_standing(e.case_id, e.revision, basis, e.body);
        if (!r && r.error().code != ErrorCode::not_found) return r;
      }
      return {};
    });
  }
  return {};
}

}  // namespace haven::app
