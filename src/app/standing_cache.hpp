// The centres' case standings as the last reading left them, in this process's memory: a centre's
// figures (the self-assessment, the centre page, the case list's children and overdue filters) then
// open only the stored standings of the cases changed since, not 100,000 sealed rows every time.
//
//   const auto reading = cache.begin_reading();
//   cache.find(centre_id, basis, page_of_case_revisions, reading, held);   // null where nothing holds
//   cache.keep(centre_id, basis, case_id, revision, standing, reading);
//   cache.end_reading(reading, centre_id, /*whole=*/true);             // drops cases no longer there
//
// An entry is used only for the case revision it was read at and under the basis (the engine and
// the parameters) it was computed under, both checked against the case as the reading's snapshot
// has it: an entry can never be wrong, only unused. It holds derived facts and no names. An erased
// or transferred case's entry is dropped with the change (and no reading begun before it may keep
// the case again), a case changed so by another server at the centre's next whole reading, and
// nothing outlives the process.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "standards/case_standing.hpp"
#include "storage/store.hpp"

namespace haven::app {

class StandingCache {
 public:
  using Standing = std::shared_ptr<const standards::CaseStanding>;
  using Reading = std::uint64_t;

  // A number for one reading of a centre, later than every reading begun before it. Every reading
  // begun is ended (end_reading), whether or not it read the whole centre.
  Reading begin_reading();
  // For each case of `cases`, the standing held for it at its revision under `basis`, or null; one
  // entry of `held` per case, in order. Marks those found as seen by `reading`.
  void find(std::string_view centre_id, std::string_view basis, std::span<const storage::CaseRevision> cases,
            Reading reading, std::vector<Standing>& held);
  // Held from now on, unless a later revision is, or the case was forgotten after `reading` began.
  void keep(std::string_view centre_id, std::string_view basis, const std::string& case_id, std::int64_t revision,
            Standing standing, Reading reading);
  // `whole`: the reading went through every case of the centre, so a case neither it nor a later
  // reading saw is no longer there (erased, moved away by another server) and is dropped.
  void end_reading(Reading reading, std::string_view centre_id, bool whole);
  // The case's standing is dropped at once, wherever held, and not taken back from a reading begun
  // before now, whose snapshot may still show the case (an erasure, a transfer).
  void forget(std::string_view case_id);
  void clear();
  std::size_t size() const;

 private:
  struct Entry {
    std::int64_t revision = 0;
    Reading seen = 0;
    Standing standing;
  };
  struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  struct Centre {
    std::string basis;
    std::unordered_map<std::string, Entry, StringHash, std::equal_to<>> cases;
  };
  // The centre's entries under `basis`; those under another are dropped first.
  Centre& centre(std::string_view centre_id, std::string_view basis);

  mutable std::mutex mutex_;
  Reading readings_ = 0;
  std::multiset<Reading> active_;  // readings begun and not yet ended
  // Cases forgotten, with the last reading begun before: kept while such a reading is active.
  std::map<std::string, Reading, std::less<>> forgotten_;
  std::map<std::string, Centre, std::less<>> centres_;
};

}  // namespace haven::app
