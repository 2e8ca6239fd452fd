#include "app/standing_cache.hpp"

namespace haven::app {

StandingCache::Reading StandingCache::begin_reading() {
  std::lock_guard lock(mutex_);
  active_.insert(++readings_);
  return readings_;
}

StandingCache::Centre& StandingCache::centre(std::string_view centre_id, std::string_view basis) {
  auto it = centres_.find(centre_id);
  if (it == centres_.end()) it = centres_.emplace(std::string(centre_id), Centre{}).first;
  if (it->second.basis != basis) {
    // Another engine or other parameters: nothing computed under the old ones is of use.
    it->second.cases.clear();
    it->second.basis = std::string(basis);
  }
  return it->second;
}

void StandingCache::find(std::string_view centre_id, std::string_view basis,
                         std::span<const storage::CaseRevision> cases, Reading reading, std::vector<Standing>& held) {
  held.assign(cases.size(), nullptr);
  std::lock_guard lock(mutex_);
  auto& entries = centre(centre_id, basis).cases;
  for (std::size_t i = 0; i < cases.size(); ++i) {
    const auto it = entries.find(cases[i].case_id);
    if (it == entries.end() || it->second.revision != cases[i].revision) continue;
    it->second.seen = std::max(it->second.seen, reading);
    held[i] = it->second.standing;
  }
}

void StandingCache::keep(std::string_view centre_id, std::string_view basis, const std::string& case_id,
                         std::int64_t revision, Standing standing, Reading reading) {
  std::lock_guard lock(mutex_);
  // Its snapshot came before the erasure or transfer that made the case forgotten.
  if (const auto it = forgotten_.find(case_id); it != forgotten_.end() && reading <= it->second) return;
  auto& entry = centre(centre_id, basis).cases[case_id];
  // Two readings may both have opened the case: the one that saw the later revision stays.
  if (entry.standing && entry.revision > revision) return;
  entry = {revision, std::max(entry.seen, reading), std::move(standing)};
}

void StandingCache::end_reading(Reading reading, std::string_view centre_id, bool whole) {
  std::lock_guard lock(mutex_);
  if (const auto it = active_.find(reading); it != active_.end()) active_.erase(it);
  // A forgotten case need be remembered only while a reading from before its forgetting may keep it.
  const Reading oldest = active_.empty() ? readings_ + 1 : *active_.begin();
  std::erase_if(forgotten_, [&](const auto& f) { return f.second < oldest; });
  if (!whole) return;
  const auto it = centres_.find(centre_id);
  if (it == centres_.end()) return;
  std::erase_if(it->second.cases, [&](const auto& entry) { return entry.second.seen < reading; });
}

void StandingCache::forget(std::string_view case_id) {
  std::lock_guard lock(mutex_);
  for (auto& [id, centre] : centres_) {
    if (const auto it = centre.cases.find(case_id); it != centre.cases.end()) centre.cases.erase(it);
  }
  if (!active_.empty()) forgotten_.insert_or_assign(std::string(case_id), readings_);
}

void StandingCache::clear() {
  std::lock_guard lock(mutex_);
  centres_.clear();
}

std::size_t StandingCache::size() const {
  std::lock_guard lock(mutex_);
  std::size_t n = 0;
  for (const auto& [id, centre] : centres_) n += centre.cases.size();
  return n;
}

}  // namespace haven::app
