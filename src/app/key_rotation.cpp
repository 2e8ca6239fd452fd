#include "app/key_rotation.hpp"

namespace haven::app {
namespace {

constexpr int kPage = 500;
// The case keys first: the cases' fields that need a key of their own get one already wrapped by the
// current data key.
constexpr storage::SealedTable kTables[] = {storage::SealedTable::case_keys, storage::SealedTable::cases,
                                             storage::SealedTable::case_records, storage::SealedTable::centre_records,
                                             storage::SealedTable::second_factors};

}  // namespace

Result<ResealProgress> reseal_all(storage::Store& store, FunctionRef<void(const ResealProgress&)> progress) {
  ResealProgress state;
  for (const auto table : kTables) {
    auto counted = storage::read_value<std::int64_t>(store, [&](storage::ReadTransaction& tx) { return tx.count_rows(table); });
    if (!counted) return tl::unexpected(counted.error());
    state.total += *counted;
  }
  progress(state);
  for (const auto table : kTables) {
    std::string after;
    for (;;) {
      storage::ResealPage page;
      auto done = store.write([&](storage::WriteTransaction& tx) -> Result<void> {
        auto r = tx.reseal_page(table, after, kPage);
        if (!r) return tl::unexpected(r.error());
        page = std::move(*r);
        return {};
      });
      if (!done) return tl::unexpected(done.error());
      state.done += page.rows;
      state.resealed += page.resealed;
      progress(state);
      if (page.rows < kPage) break;
      after = page.last_id;
    }
  }
  return state;
}

Result<KeyRetirement> retire_unused_data_keys(storage::Store& store, security::KeyRing& keys) {
  KeyRetirement out;
  for (const auto id : keys.data_key_ids()) {
    if (id == keys.current_data_key_id()) continue;
    auto used = storage::read_value<std::int64_t>(store, [&](storage::ReadTransaction& tx) { return tx.count_sealed_under(id); });
    if (!used) return tl::unexpected(used.error());
    if (*used > 0) {
      out.still_used.emplace_back(id, *used);
    } else if (keys.retire_data_key(id)) {
      out.retired.push_back(id);
    }
  }
  return out;
}

}  // namespace haven::app
