#include "support/power_cut_vfs.hpp"

#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <map>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace haven::testing {
namespace {

struct PendingWrite {
  std::int64_t offset;
  std::string bytes;
};

// One path's writes not yet synced, shared by every connection that opened it (the page cache is).
struct PathState {
  std::vector<PendingWrite> pending;
};

struct State {
  sqlite3_vfs vfs{};
  sqlite3_vfs* below = nullptr;  // the VFS that was the default: the real disk
  std::mutex mutex;
  std::map<std::string, std::shared_ptr<PathState>> paths;
  std::atomic<std::int64_t> writes_left{-1};  // -1: the power stays on
  std::atomic<bool> cut{false};
  std::atomic<std::int64_t> syncs{0};
};
State* state = nullptr;

struct File {
  sqlite3_file base;  // first: SQLite sees a File as a sqlite3_file
  sqlite3_file* real;
  std::shared_ptr<PathState> path;  // null for files without a name (temporary)
};

File* as_file(sqlite3_file* f) { return reinterpret_cast<File*>(f); }

bool power_gone() { return state->cut.load(); }

// A write counts down to the cut; the one that reaches it fails with everything after it.
bool take_write() {
  if (power_gone()) return false;
  if (state->writes_left.load() < 0) return true;
  if (state->writes_left.fetch_sub(1) <= 1) {
    state->cut = true;
    return false;
  }
  return true;
}

int x_close(sqlite3_file* f) {
  File* file = as_file(f);
  const int rc = file->real->pMethods ? file->real->pMethods->xClose(file->real) : SQLITE_OK;
  sqlite3_free(file->real);
  file->path.~shared_ptr();
  return rc;
}

int x_read(sqlite3_file* f, void* out, int amount, sqlite3_int64 offset) {
  if (power_gone()) return SQLITE_IOERR_READ;
  File* file = as_file(f);
  int rc = file->real->pMethods->xRead(file->real, out, amount, offset);
  if (rc != SQLITE_OK && rc != SQLITE_IOERR_SHORT_READ) return rc;
  if (!file->path) return rc;
  std::lock_guard lock(state->mutex);
  bool covered_to_end = false;
  for (const auto& w : file->path->pending) {
    const std::int64_t from = std::max<std::int64_t>(offset, w.offset);
    const std::int64_t to = std::min<std::int64_t>(offset + amount, w.offset + static_cast<std::int64_t>(w.bytes.size()));
    if (from >= to) continue;
    std::memcpy(static_cast<char*>(out) + (from - offset), w.bytes.data() + (from - w.offset), static_cast<std::size_t>(to - from));
    if (to == offset + amount) covered_to_end = true;
  }
  // A short read that the held writes fill is a whole read (what lies between was zero-filled below).
  if (rc == SQLITE_IOERR_SHORT_READ && covered_to_end) rc = SQLITE_OK;
  return rc;
}

int x_write(sqlite3_file* f, const void* in, int amount, sqlite3_int64 offset) {
  if (!take_write()) return SQLITE_IOERR_WRITE;
  File* file = as_file(f);
  if (!file->path) return file->real->pMethods->xWrite(file->real, in, amount, offset);
  std::lock_guard lock(state->mutex);
  file->path->pending.push_back({offset, std::string(static_cast<const char*>(in), static_cast<std::size_t>(amount))});
  return SQLITE_OK;
}

// The held writes of `file`'s path, onto the disk below (a sync, or a truncation, which the page
// cache cannot hold back: the writes before it go first).
int flush(File* file) {
  if (!file->path) return SQLITE_OK;
  std::lock_guard lock(state->mutex);
  for (const auto& w : file->path->pending) {
    const int rc = file->real->pMethods->xWrite(file->real, w.bytes.data(), static_cast<int>(w.bytes.size()), w.offset);
    if (rc != SQLITE_OK) return rc;
  }
  file->path->pending.clear();
  return SQLITE_OK;
}

int x_truncate(sqlite3_file* f, sqlite3_int64 size) {
  if (power_gone()) return SQLITE_IOERR_TRUNCATE;
  if (const int rc = flush(as_file(f)); rc != SQLITE_OK) return rc;
  return as_file(f)->real->pMethods->xTruncate(as_file(f)->real, size);
}

int x_sync(sqlite3_file* f, int flags) {
  if (power_gone()) return SQLITE_IOERR_FSYNC;
  if (const int rc = flush(as_file(f)); rc != SQLITE_OK) return rc;
  ++state->syncs;
  return as_file(f)->real->pMethods->xSync(as_file(f)->real, flags);
}

int x_file_size(sqlite3_file* f, sqlite3_int64* size) {
  if (power_gone()) return SQLITE_IOERR_FSTAT;
  File* file = as_file(f);
  const int rc = file->real->pMethods->xFileSize(file->real, size);
  if (rc != SQLITE_OK || !file->path) return rc;
  std::lock_guard lock(state->mutex);
  for (const auto& w : file->path->pending) *size = std::max<sqlite3_int64>(*size, w.offset + static_cast<std::int64_t>(w.bytes.size()));
  return rc;
}

// Locks, controls and shared memory: the disk below's, but nothing once the power is gone.
int x_lock(sqlite3_file* f, int level) { return power_gone() ? SQLITE_IOERR_LOCK : as_file(f)->real->pMethods->xLock(as_file(f)->real, level); }
int x_unlock(sqlite3_file* f, int level) { return as_file(f)->real->pMethods->xUnlock(as_file(f)->real, level); }
int x_check_reserved(sqlite3_file* f, int* out) {
  return as_file(f)->real->pMethods->xCheckReservedLock(as_file(f)->real, out);
}
int x_file_control(sqlite3_file* f, int op, void* arg) {
  return as_file(f)->real->pMethods->xFileControl(as_file(f)->real, op, arg);
}
int x_sector_size(sqlite3_file* f) { return as_file(f)->real->pMethods->xSectorSize(as_file(f)->real); }
int x_device(sqlite3_file* f) { return as_file(f)->real->pMethods->xDeviceCharacteristics(as_file(f)->real); }
int x_shm_map(sqlite3_file* f, int page, int size, int extend, void volatile** out) {
  if (power_gone()) return SQLITE_IOERR_SHMMAP;
  return as_file(f)->real->pMethods->xShmMap(as_file(f)->real, page, size, extend, out);
}
int x_shm_lock(sqlite3_file* f, int offset, int n, int flags) {
  return as_file(f)->real->pMethods->xShmLock(as_file(f)->real, offset, n, flags);
}
void x_shm_barrier(sqlite3_file* f) { as_file(f)->real->pMethods->xShmBarrier(as_file(f)->real); }
int x_shm_unmap(sqlite3_file* f, int remove) { return as_file(f)->real->pMethods->xShmUnmap(as_file(f)->real, remove); }
int x_fetch(sqlite3_file*, sqlite3_int64, int, void** out) {
  *out = nullptr;  // never memory-mapped: every read passes through the held writes
  return SQLITE_OK;
}
int x_unfetch(sqlite3_file*, sqlite3_int64, void*) { return SQLITE_OK; }

const sqlite3_io_methods kMethods = {
    3,       x_close,     x_read,           x_write,   x_truncate,   x_sync,      x_file_size,
    x_lock,  x_unlock,    x_check_reserved, x_file_control, x_sector_size, x_device, x_shm_map,
    x_shm_lock, x_shm_barrier, x_shm_unmap, x_fetch, x_unfetch};

int x_open(sqlite3_vfs*, sqlite3_filename name, sqlite3_file* f, int flags, int* out_flags) {
  File* file = as_file(f);
  file->base.pMethods = nullptr;
  if (power_gone()) return SQLITE_CANTOPEN;
  file->real = static_cast<sqlite3_file*>(sqlite3_malloc(state->below->szOsFile));
  if (!file->real) return SQLITE_NOMEM;
  std::memset(file->real, 0, static_cast<std::size_t>(state->below->szOsFile));
  const int rc = state->below->xOpen(state->below, name, file->real, flags, out_flags);
  if (rc != SQLITE_OK) {
    sqlite3_free(file->real);
    return rc;
  }
  new (&file->path) std::shared_ptr<PathState>();
  if (name) {
    std::lock_guard lock(state->mutex);
    auto& held = state->paths[name];
    if (!held) held = std::make_shared<PathState>();
    file->path = held;
  }
  file->base.pMethods = &kMethods;
  return SQLITE_OK;
}

int x_delete(sqlite3_vfs*, const char* name, int sync_dir) {
  if (power_gone()) return SQLITE_IOERR_DELETE;
  {
    std::lock_guard lock(state->mutex);
    if (auto held = state->paths.find(name); held != state->paths.end()) held->second->pending.clear();
  }
  return state->below->xDelete(state->below, name, sync_dir);
}

int x_access(sqlite3_vfs*, const char* name, int flags, int* out) {
  return state->below->xAccess(state->below, name, flags, out);
}
int x_full_pathname(sqlite3_vfs*, const char* name, int n, char* out) {
  return state->below->xFullPathname(state->below, name, n, out);
}
int x_randomness(sqlite3_vfs*, int n, char* out) { return state->below->xRandomness(state->below, n, out); }
int x_sleep(sqlite3_vfs*, int micros) { return state->below->xSleep(state->below, micros); }
int x_current_time(sqlite3_vfs*, double* out) { return state->below->xCurrentTime(state->below, out); }
int x_last_error(sqlite3_vfs*, int n, char* out) { return state->below->xGetLastError(state->below, n, out); }
int x_current_time64(sqlite3_vfs*, sqlite3_int64* out) { return state->below->xCurrentTimeInt64(state->below, out); }

}  // namespace

PowerCutVfs::PowerCutVfs() {
  if (state) throw std::logic_error("one PowerCutVfs at a time");
  state = new State;
  state->below = sqlite3_vfs_find(nullptr);
  sqlite3_vfs& v = state->vfs;
  v.iVersion = 2;
  v.szOsFile = static_cast<int>(sizeof(File));
  v.mxPathname = state->below->mxPathname;
  v.zName = "haven-power-cut";
  v.xOpen = x_open;
  v.xDelete = x_delete;
  v.xAccess = x_access;
  v.xFullPathname = x_full_pathname;
  v.xRandomness = x_randomness;
  v.xSleep = x_sleep;
  v.xCurrentTime = x_current_time;
  v.xGetLastError = x_last_error;
  v.xCurrentTimeInt64 = x_current_time64;
  sqlite3_vfs_register(&v, 1);
}

PowerCutVfs::~PowerCutVfs() {
  sqlite3_vfs_unregister(&state->vfs);
  sqlite3_vfs_register(state->below, 1);
  delete state;
  state = nullptr;
}

void PowerCutVfs::cut_after(std::int64_t writes) { state->writes_left = writes; }
bool PowerCutVfs::power_is_cut() const { return state->cut.load(); }
std::int64_t PowerCutVfs::syncs() const { return state->syncs.load(); }

void PowerCutVfs::settle(std::mt19937& random) {
  std::lock_guard lock(state->mutex);
  for (auto& [name, path] : state->paths) {
    if (path->pending.empty()) continue;
    // Straight to the disk below, as the page cache's writeback might have done some of them.
    sqlite3_file* real = static_cast<sqlite3_file*>(sqlite3_malloc(state->below->szOsFile));
    std::memset(real, 0, static_cast<std::size_t>(state->below->szOsFile));
    int flags = 0;
    if (state->below->xOpen(state->below, name.c_str(), real, SQLITE_OPEN_READWRITE | SQLITE_OPEN_MAIN_DB, &flags) == SQLITE_OK) {
      for (auto& w : path->pending) {
        switch (random() % 4) {
          case 0:  // written whole
            break;
          case 1: {  // its tail torn into garbage
            const auto from = random() % (w.bytes.size() + 1);
            for (auto i = from; i < w.bytes.size(); ++i) w.bytes[i] = static_cast<char>(random());
            break;
          }
          default:  // never reached the disk
            continue;
        }
        real->pMethods->xWrite(real, w.bytes.data(), static_cast<int>(w.bytes.size()), w.offset);
      }
      real->pMethods->xClose(real);
    }
    sqlite3_free(real);
    path->pending.clear();
  }
  // The wal-index lives in memory in every sense that matters: rebuilt from the WAL at the next open.
  const auto ends_with = [](const std::string& name, std::string_view tail) {
    return name.size() > tail.size() && name.compare(name.size() - tail.size(), tail.size(), tail) == 0;
  };
  for (const auto& [name, path] : state->paths) {
    if (!ends_with(name, "-wal") && !ends_with(name, "-journal")) ::unlink((name + "-shm").c_str());
  }
}

void PowerCutVfs::restore_power() {
  state->writes_left = -1;
  state->cut = false;
}

}  // namespace haven::testing
