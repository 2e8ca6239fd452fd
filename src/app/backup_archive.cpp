#include "app/backup_archive.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <vector>

#include <sodium.h>

#include "security/hex.hpp"

namespace haven::app {
namespace {

constexpr std::size_t kBlock = 512;
constexpr std::size_t kChunk = 1 << 20;  // copied a mebibyte at a time
// Written files are pushed to the disk every this many bytes, so that the server's commits never
// wait behind hundreds of megabytes going out at once (bench/backup.sh).
constexpr std::int64_t kSyncEvery = 4 << 20;
// The largest size the 11 octal digits of a plain ustar header hold; beyond it, base-256.
constexpr std::int64_t kLargestOctalSize = 077777777777;

using Header = std::array<char, kBlock>;

Error io_error(const std::filesystem::path& file, std::string_view what) {
  return fail_internal(ErrorCode::unavailable, std::string(what) + " " + file.string() + ": " + std::strerror(errno))
      .value();
}

struct CloseFile {
  void operator()(std::FILE* f) const { std::fclose(f); }
};
using ReadFile = std::unique_ptr<std::FILE, CloseFile>;  // a file only read: nothing to report at close

struct Opened {
  ReadFile file;
  std::int64_t size = 0;
};
Result<Opened> open_for_reading(const std::filesystem::path& path) {
  Opened opened{ReadFile(std::fopen(path.c_str(), "rb"))};
  std::error_code ec;
  if (opened.file) opened.size = static_cast<std::int64_t>(std::filesystem::file_size(path, ec));
  if (!opened.file || ec) return tl::unexpected(io_error(path, "cannot read"));
  return opened;
}


void put_octal(char* field, std::size_t width, std::uint64_t value) {
  // width - 1 digits and a NUL, as tar writes them.
  std::snprintf(field, width, "%0*llo", static_cast<int>(width - 1), static_cast<unsigned long long>(value));
}

std::uint32_t checksum(const Header& h) {
  std::uint32_t sum = 0;
  for (std::size_t i = 0; i < kBlock; ++i) {
    // The checksum field itself counts as eight spaces.
    sum += (i >= 148 && i < 156) ? std::uint32_t{' '} : std::uint32_t{static_cast<unsigned char>(h[i])};
  }
  return sum;
}

std::optional<std::int64_t> read_octal(const char* field, std::size_t width) {
  std::int64_t value = 0;
  std::size_t i = 0;
  while (i < width && field[i] == ' ') ++i;
  bool any = false;
  for (; i < width && field[i] >= '0' && field[i] <= '7'; ++i) {
    if (value > (std::numeric_limits<std::int64_t>::max() >> 3)) return std::nullopt;
    value = value * 8 + (field[i] - '0');
    any = true;
  }
  if (!any) return std::nullopt;
  for (; i < width; ++i) {
    if (field[i] != '\0' && field[i] != ' ') return std::nullopt;
  }
  return value;
}

std::optional<std::int64_t> read_size(const char* field) {
  const auto first = static_cast<unsigned char>(field[0]);
  if ((first & 0x80) == 0) return read_octal(field, 12);
  // Base-256: the high bit marks it; a negative size (0xff) is not a size.
  if (first == 0xff) return std::nullopt;
  std::uint64_t value = first & 0x7f;
  for (std::size_t i = 1; i < 12; ++i) {
    if (value > (std::numeric_limits<std::uint64_t>::max() >> 8)) return std::nullopt;
    value = (value << 8) | static_cast<unsigned char>(field[i]);
  }
  if (value > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) return std::nullopt;
  return static_cast<std::int64_t>(value);
}

Result<void> make_durable(std::FILE* f, const std::filesystem::path& file) {
  if (std::fflush(f) != 0 || ::fsync(::fileno(f)) != 0) return tl::unexpected(io_error(file, "cannot write"));
  // The file's name in its folder too, or a power cut may leave the folder without it.
  const auto folder = file.has_parent_path() ? file.parent_path() : std::filesystem::path(".");
  const int dir = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir >= 0) {
    ::fsync(dir);
    ::close(dir);
  }
  return {};
}

std::FILE* open_new(const std::filesystem::path& file) {
  const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) return nullptr;
  std::FILE* f = ::fdopen(fd, "wb");
  if (!f) ::close(fd);
  return f;
}

}  // namespace

Result<ArchiveWriter> ArchiveWriter::create(const std::filesystem::path& file) {
  std::FILE* out = open_new(file);
  if (!out) return tl::unexpected(io_error(file, "cannot create"));
  return ArchiveWriter(file, out);
}

ArchiveWriter::ArchiveWriter(ArchiveWriter&& other) noexcept
    : file_(std::move(other.file_)), out_(std::exchange(other.out_, nullptr)) {}
ArchiveWriter& ArchiveWriter::operator=(ArchiveWriter&& other) noexcept {
  std::swap(file_, other.file_);
  std::swap(out_, other.out_);
  return *this;
}
ArchiveWriter::~ArchiveWriter() {
  if (!out_) return;
  std::fclose(out_);
  std::error_code ignored;
  std::filesystem::remove(file_, ignored);  // never finished: not a backup
}

Result<void> ArchiveWriter::header(std::string_view name, std::int64_t size) {
  if (name.empty() || name.size() >= 100) return fail_internal(ErrorCode::internal, "archive member name too long");
  Header h{};
  std::memcpy(h.data(), name.data(), name.size());
  put_octal(&h[100], 8, 0600);  // mode
  put_octal(&h[108], 8, 0);     // uid
  put_octal(&h[116], 8, 0);     // gid
  if (size <= kLargestOctalSize) {
    put_octal(&h[124], 12, static_cast<std::uint64_t>(size));
  } else {
    auto value = static_cast<std::uint64_t>(size);
    for (int i = 11; i >= 1; --i, value >>= 8) h[static_cast<std::size_t>(124 + i)] = static_cast<char>(value & 0xff);
    h[124] = static_cast<char>(0x80);
  }
  put_octal(&h[136], 12, static_cast<std::uint64_t>(::time(nullptr)));  // mtime
  h[156] = '0';                                                          // a regular file
  std::memcpy(&h[257], "ustar", 6);
  std::memcpy(&h[263], "00", 2);
  std::snprintf(&h[148], 8, "%06o", checksum(h));
  h[155] = ' ';
  if (std::fwrite(h.data(), 1, kBlock, out_) != kBlock) return tl::unexpected(io_error(file_, "cannot write"));
  return {};
}

Result<void> ArchiveWriter::pad(std::int64_t size) {
  static const std::array<char, kBlock> zeros{};
  const auto rest = static_cast<std::size_t>((kBlock - static_cast<std::size_t>(size) % kBlock) % kBlock);
  if (rest > 0 && std::fwrite(zeros.data(), 1, rest, out_) != rest) return tl::unexpected(io_error(file_, "cannot write"));
  return {};
}

Result<void> ArchiveWriter::add_text(std::string_view name, std::string_view content) {
  HAVEN_TRY(header(name, static_cast<std::int64_t>(content.size())));
  if (std::fwrite(content.data(), 1, content.size(), out_) != content.size()) {
    return tl::unexpected(io_error(file_, "cannot write"));
  }
  return pad(static_cast<std::int64_t>(content.size()));
}

Result<void> ArchiveWriter::add_file(std::string_view name, const std::filesystem::path& from, ByteProgress progress) {
  HAVEN_ASSIGN_OR_RETURN(auto opened, open_for_reading(from));
  std::FILE* in = opened.file.get();
  const std::int64_t size = opened.size;
  HAVEN_TRY(header(name, size));
  std::vector<char> buffer(kChunk);
  std::int64_t done = 0;
  while (done < size) {
    const auto want = static_cast<std::size_t>(std::min<std::int64_t>(size - done, static_cast<std::int64_t>(kChunk)));
    if (std::fread(buffer.data(), 1, want, in) != want) return tl::unexpected(io_error(from, "cannot read (did it shrink?)"));
    if (std::fwrite(buffer.data(), 1, want, out_) != want) return tl::unexpected(io_error(file_, "cannot write"));
    done += static_cast<std::int64_t>(want);
    if (done % kSyncEvery == 0 && (std::fflush(out_) != 0 || ::fdatasync(::fileno(out_)) != 0)) {
      return tl::unexpected(io_error(file_, "cannot write"));
    }
    progress(done, size);
  }
  return pad(size);
}

Result<void> ArchiveWriter::finish() {
  static const std::array<char, 2 * kBlock> end{};
  if (std::fwrite(end.data(), 1, end.size(), out_) != end.size()) return tl::unexpected(io_error(file_, "cannot write"));
  HAVEN_TRY(make_durable(out_, file_));
  const bool closed = std::fclose(std::exchange(out_, nullptr)) == 0;
  if (!closed) return tl::unexpected(io_error(file_, "cannot write"));
  return {};
}

Result<ArchiveReader> ArchiveReader::open(const std::filesystem::path& file) {
  std::FILE* in = std::fopen(file.c_str(), "rb");
  if (!in) return tl::unexpected(io_error(file, "cannot read"));
  return ArchiveReader(file, in);
}

ArchiveReader::ArchiveReader(ArchiveReader&& other) noexcept
    : file_(std::move(other.file_)),
      in_(std::exchange(other.in_, nullptr)),
      left_(other.left_),
      padding_(other.padding_) {}
ArchiveReader& ArchiveReader::operator=(ArchiveReader&& other) noexcept {
  std::swap(file_, other.file_);
  std::swap(in_, other.in_);
  std::swap(left_, other.left_);
  std::swap(padding_, other.padding_);
  return *this;
}
ArchiveReader::~ArchiveReader() {
  if (in_) std::fclose(in_);
}

Result<void> ArchiveReader::skip_rest() {
  const std::int64_t skip = left_ + padding_;
  if (skip > 0 && ::fseeko(in_, skip, SEEK_CUR) != 0) return tl::unexpected(io_error(file_, "cannot read"));
  left_ = 0;
  padding_ = 0;
  return {};
}

Result<std::optional<ArchiveMember>> ArchiveReader::next() {
  HAVEN_TRY(skip_rest());
  Header h{};
  const auto got = std::fread(h.data(), 1, kBlock, in_);
  const auto damaged = [&](std::string_view why) {
    return fail_internal(ErrorCode::validation_failed, file_.string() + " is not a whole Haven backup: " + std::string(why));
  };
  if (got != kBlock) return damaged("it ends inside a header (cut short?)");
  if (std::all_of(h.begin(), h.end(), [](char c) { return c == '\0'; })) return std::optional<ArchiveMember>{};
  const auto stored = read_octal(&h[148], 8);
  if (!stored || static_cast<std::uint32_t>(*stored) != checksum(h)) return damaged("a header's checksum does not match");
  if (h[156] != '0' && h[156] != '\0') return damaged("a member is not a plain file");
  const auto size = read_size(&h[124]);
  if (!size) return damaged("a member's size cannot be read");
  ArchiveMember member;
  member.name.assign(h.data(), ::strnlen(h.data(), 100));
  member.size = *size;
  left_ = *size;
  padding_ = static_cast<std::int64_t>((kBlock - static_cast<std::size_t>(*size % static_cast<std::int64_t>(kBlock))) % kBlock);
  return std::optional{member};
}

Result<std::string> ArchiveReader::read_text(std::size_t max) {
  if (left_ > static_cast<std::int64_t>(max)) {
    return fail_internal(ErrorCode::validation_failed, file_.string() + ": a member is larger than it may be");
  }
  std::string text(static_cast<std::size_t>(left_), '\0');
  if (std::fread(text.data(), 1, text.size(), in_) != text.size()) {
    return fail_internal(ErrorCode::validation_failed, file_.string() + " is not a whole Haven backup: it is cut short");
  }
  left_ = 0;
  return text;
}

Result<std::string> ArchiveReader::extract(const std::filesystem::path& to, ByteProgress progress) {
  std::FILE* out = open_new(to);
  if (!out) return tl::unexpected(io_error(to, "cannot create"));
  bool kept = false;
  const struct Closer {
    std::FILE*& f;
    const std::filesystem::path& file;
    const bool& kept;
    ~Closer() {
      if (f) std::fclose(f);
      std::error_code ignored;
      if (!kept) std::filesystem::remove(file, ignored);
    }
  } closer{out, to, kept};
  crypto_generichash_state hash;
  crypto_generichash_init(&hash, nullptr, 0, 32);
  std::vector<char> buffer(kChunk);
  const std::int64_t total = left_;
  while (left_ > 0) {
    const auto want = static_cast<std::size_t>(std::min<std::int64_t>(left_, static_cast<std::int64_t>(kChunk)));
    if (std::fread(buffer.data(), 1, want, in_) != want) {
      return fail_internal(ErrorCode::validation_failed, file_.string() + " is not a whole Haven backup: it is cut short");
    }
    if (std::fwrite(buffer.data(), 1, want, out) != want) return tl::unexpected(io_error(to, "cannot write"));
    crypto_generichash_update(&hash, reinterpret_cast<const unsigned char*>(buffer.data()), want);
    left_ -= static_cast<std::int64_t>(want);
    if ((total - left_) % kSyncEvery == 0 && (std::fflush(out) != 0 || ::fdatasync(::fileno(out)) != 0)) {
      return tl::unexpected(io_error(to, "cannot write"));
    }
    progress(total - left_, total);
  }
  HAVEN_TRY(make_durable(out, to));
  if (std::fclose(std::exchange(out, nullptr)) != 0) return tl::unexpected(io_error(to, "cannot write"));
  std::array<unsigned char, 32> digest{};
  crypto_generichash_final(&hash, digest.data(), digest.size());
  kept = true;
  return security::hex_of(digest);
}

Result<std::string> blake2b_of_file(const std::filesystem::path& file, ByteProgress progress) {
  HAVEN_ASSIGN_OR_RETURN(auto opened, open_for_reading(file));
  std::FILE* in = opened.file.get();
  const std::int64_t total = opened.size;
  crypto_generichash_state hash;
  crypto_generichash_init(&hash, nullptr, 0, 32);
  std::vector<unsigned char> buffer(kChunk);
  std::int64_t done = 0;
  for (;;) {
    const auto got = std::fread(buffer.data(), 1, buffer.size(), in);
    if (got == 0) break;
    crypto_generichash_update(&hash, buffer.data(), got);
    done += static_cast<std::int64_t>(got);
    progress(done, total);
  }
  if (std::ferror(in)) return tl::unexpected(io_error(file, "cannot read"));
  std::array<unsigned char, 32> digest{};
  crypto_generichash_final(&hash, digest.data(), digest.size());
  return security::hex_of(digest);
}

}  // namespace haven::app
