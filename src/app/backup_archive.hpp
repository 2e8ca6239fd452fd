// The file a backup is: a POSIX tar (ustar) of the manifest, then the database copy, so that an
// administrator can look inside with `tar tvf` and nothing in it needs Haven to be listed. Each member
// is written in full and read back in order; sizes over 8 GiB use tar's base-256 size field.
//
//   auto out = ArchiveWriter::create(file);                 // refuses an existing file
//   out->add_text("manifest.json", manifest);
//   out->add_file("haven.db", copy, progress);
//   out->finish();                                           // end blocks, fsync, then the folder's
//
//   auto in = ArchiveReader::open(file);
//   while (auto member = in->next(); member && *member) { ... in->read_text(max) or in->extract(to) ... }
#pragma once

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "common/error.hpp"
#include "common/function_ref.hpp"

namespace haven::app {

// How far a long copy has gone: bytes done of bytes in all.
using ByteProgress = FunctionRef<void(std::int64_t done, std::int64_t total)>;

struct ArchiveMember {
  std::string name;
  std::int64_t size = 0;
};

class ArchiveWriter {
 public:
  static Result<ArchiveWriter> create(const std::filesystem::path& file);
  Result<void> add_text(std::string_view name, std::string_view content);
  Result<void> add_file(std::string_view name, const std::filesystem::path& from, ByteProgress progress);
  // Writes the end of the archive and makes it durable; an archive not finished is removed.
  Result<void> finish();

  ArchiveWriter(ArchiveWriter&&) noexcept;
  ArchiveWriter& operator=(ArchiveWriter&&) noexcept;
  ~ArchiveWriter();

 private:
  ArchiveWriter(std::filesystem::path file, std::FILE* out) : file_(std::move(file)), out_(out) {}
  Result<void> header(std::string_view name, std::int64_t size);
  Result<void> pad(std::int64_t size);
  std::filesystem::path file_;
  std::FILE* out_ = nullptr;
};

class ArchiveReader {
 public:
  static Result<ArchiveReader> open(const std::filesystem::path& file);
  // The next member's header, or none at the archive's end. A member not read is passed over.
  Result<std::optional<ArchiveMember>> next();
  // The current member whole, refused when it is longer than `max` bytes.
  Result<std::string> read_text(std::size_t max);
  // The current member into a new file `to` (0600), made durable; its BLAKE2b-256 in hex.
  Result<std::string> extract(const std::filesystem::path& to, ByteProgress progress);

  ArchiveReader(ArchiveReader&&) noexcept;
  ArchiveReader& operator=(ArchiveReader&&) noexcept;
  ~ArchiveReader();

 private:
  ArchiveReader(std::filesystem::path file, std::FILE* in) : file_(std::move(file)), in_(in) {}
  Result<void> skip_rest();
  std::filesystem::path file_;
  std::FILE* in_ = nullptr;
  std::int64_t left_ = 0;     // bytes of the current member not read yet
  std::int64_t padding_ = 0;  // to the end of its last block
};

// BLAKE2b-256 of a whole file, in hex (the manifest names the database copy's).
Result<std::string> blake2b_of_file(const std::filesystem::path& file, ByteProgress progress);

}  // namespace haven::app
