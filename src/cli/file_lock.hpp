// A lock on a file that the kernel lets go when the process ends, however it ends; never waited for.
//
// The data folder: every `haven serve` on a SQLite folder holds <data>/haven.lock shared for its whole
// life, and `haven restore` takes it alone, so a restore never replaces a database under a running
// server (whose revision numbers and caches would then lie), and no server starts on a folder while
// a restore fills it. The key file: one `haven keys` command at a time holds <key file>.lock alone.
#pragma once

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <filesystem>

namespace haven::cli {

class FileLock {
 public:
  enum class Share { shared, alone };

  FileLock(const std::filesystem::path& lock_file, Share share)
      : fd_(::open(lock_file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600)) {
    held_ = fd_ >= 0 && ::flock(fd_, (share == Share::shared ? LOCK_SH : LOCK_EX) | LOCK_NB) == 0;
  }
  ~FileLock() {
    if (fd_ >= 0) ::close(fd_);  // closing lets go of the lock
  }
  FileLock(const FileLock&) = delete;
  FileLock& operator=(const FileLock&) = delete;
  bool held() const { return held_; }

 private:
  int fd_;
  bool held_ = false;
};

// The data folder's lock file.
inline std::filesystem::path data_folder_lock(const std::filesystem::path& data_dir) { return data_dir / "haven.lock"; }

}  // namespace haven::cli
