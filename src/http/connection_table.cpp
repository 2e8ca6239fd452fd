#include "http/connection_table.hpp"

#include <algorithm>

namespace haven::http {

std::optional<std::uint64_t> ConnectionTable::longest_idle(const std::string* address, TimePoint now) const {
  std::optional<std::uint64_t> found;
  TimePoint since{};
  for (const auto& [id, e] : entries_) {
    if (e.busy || e.evicting || (address && e.address != *address) || now - e.idle_since < limits_.grace) continue;
    if (!found || e.idle_since < since) {
      found = id;
      since = e.idle_since;
    }
  }
  return found;
}

ConnectionTable::Admission ConnectionTable::admit(const std::string& address, bool capped, TimePoint now) {
  std::lock_guard lock(mutex_);
  // What counts is what stays: a connection already chosen to close is room on its way.
  std::size_t live = 0;
  std::map<std::string, std::size_t> live_by_address;
  for (const auto& [id, e] : entries_) {
    if (e.evicting) continue;
    ++live;
    ++live_by_address[e.address];
  }
  Admission admission;
  if (capped && live_by_address[address] >= limits_.per_address) {
    // One client holds its share: its own longest-idle connection makes room, or it waits.
    admission.evict = longest_idle(&address, now);
    if (!admission.evict) return admission;
  } else if (live + limits_.headroom >= limits_.total) {
    // Near the limit: the longest-idle connection of whoever holds the most goes first.
    const auto biggest = std::max_element(live_by_address.begin(), live_by_address.end(),
                                          [](const auto& a, const auto& b) { return a.second < b.second; });
    if (biggest != live_by_address.end()) admission.evict = longest_idle(&biggest->first, now);
    if (!admission.evict) admission.evict = longest_idle(nullptr, now);
    if (!admission.evict && live >= limits_.total) return admission;  // every connection busy
  }
  if (admission.evict) entries_.at(*admission.evict).evicting = true;
  admission.accepted = true;
  admission.id = next_id_++;
  entries_.emplace(admission.id, Entry{address, false, now, false});
  return admission;
}

void ConnectionTable::set_busy(std::uint64_t id, bool busy, TimePoint now) {
  std::lock_guard lock(mutex_);
  const auto found = entries_.find(id);
  if (found == entries_.end()) return;
  found->second.busy = busy;
  if (!busy) found->second.idle_since = now;
}

void ConnectionTable::remove(std::uint64_t id) {
  std::lock_guard lock(mutex_);
  entries_.erase(id);
}

bool ConnectionTable::confirm_eviction(std::uint64_t id) {
  std::lock_guard lock(mutex_);
  const auto found = entries_.find(id);
  if (found == entries_.end()) return false;
  if (!found->second.busy) return true;
  found->second.evicting = false;
  return false;
}

std::size_t ConnectionTable::open() const {
  std::lock_guard lock(mutex_);
  return entries_.size();
}

std::size_t ConnectionTable::open_from(const std::string& address) const {
  std::lock_guard lock(mutex_);
  return static_cast<std::size_t>(std::count_if(entries_.begin(), entries_.end(),
                                                [&](const auto& e) { return e.second.address == address; }));
}

}  // namespace haven::http
