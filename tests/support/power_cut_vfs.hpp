// A SQLite VFS that cuts the power, after SQLite's own crash tests (src/test6.c): every write since a
// file's last sync is held in memory, as an operating system's page cache holds it, and reaches the
// disk only at the sync. At a chosen write the power goes: that write and every later call fail, and
// nothing more reaches the disk. settle() then leaves on disk what a real cut may: each unsynced write
// dropped, written whole, or written with its tail torn into garbage (only inside the range it wrote:
// SQLite counts on powersafe overwrite), and the shared-memory index gone.
//
//   PowerCutVfs vfs;                 // the default VFS from now on, until it is destroyed
//   vfs.cut_after(137);              // the 137th write from now fails, and everything after it
//   ... run a store until it fails; close every connection ...
//   vfs.settle(random);              // the disk as the cut left it
//   vfs.restore_power();             // open it again and check it
#pragma once

#include <cstdint>
#include <random>

namespace haven::testing {

class PowerCutVfs {
 public:
  PowerCutVfs();
  ~PowerCutVfs();
  PowerCutVfs(const PowerCutVfs&) = delete;
  PowerCutVfs& operator=(const PowerCutVfs&) = delete;

  void cut_after(std::int64_t writes);
  bool power_is_cut() const;
  // Files written and synced since the power was last restored (for the test's own figures).
  std::int64_t syncs() const;
  void settle(std::mt19937& random);
  void restore_power();
};

}  // namespace haven::testing
