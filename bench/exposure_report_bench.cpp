// Benchmark: the exposure report (who opened which cases between two times, for a breach notice
// within 72 hours) over 20 million audit entries on SQLite. Target (issue 4): under 60 s.
//
//   HAVEN_BENCH_DIR=/var/tmp/haven-exposure build/release/bench/haven_exposure_report_bench
//
// The first run writes the data (kept in HAVEN_BENCH_DIR for the next runs): 200 staff, 20,000
// cases and 20 million entries spread over 90 days, nine in ten of them case reads. The entries are
// written straight into the table, with hashes of the right size but not chained: the report does
// not read the chain, and chaining 20 million entries through the store would take an hour.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>

#include "security/key_ring.hpp"
#include "security/random.hpp"
#include "storage/sqlite/sqlite_connection.hpp"
#include "storage/sqlite/sqlite_store.hpp"

namespace {

using namespace haven;
using storage::SqlValue;

constexpr std::int64_t kEntries = 20'000'000;
constexpr int kStaff = 200;
constexpr int kCases = 20'000;
constexpr std::int64_t kDays = 90;
const Timestamp kStart = Timestamp{std::chrono::seconds{1'767'225'600}};  // 2026-01-01

std::filesystem::path bench_dir() {
  const char* dir = std::getenv("HAVEN_BENCH_DIR");
  return dir && *dir ? dir : "/var/tmp/haven-exposure-bench";
}

void check(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "exposure bench: %s failed\n", what);
    std::exit(1);
  }
}

// The staff and case rows the report joins to, then the audit entries, in one transaction per
// million; done once.
void generate(storage::SqliteConnection& db) {
  auto counted = db.query("SELECT COUNT(*) FROM audit_log", {});
  check(counted.has_value(), "count");
  if (counted->front().integer(storage::kCount.value) >= kEntries) return;
  std::fprintf(stderr, "writing %lld audit entries (once)...\n", static_cast<long long>(kEntries));
  std::mt19937_64 random(42);
  std::vector<std::string> staff;
  std::vector<std::string> cases;
  check(db.execute_script("BEGIN").has_value(), "begin");
  const std::string centre = security::new_record_id();
  check(db.execute("INSERT INTO centres (id, name, created_at) VALUES ($1, 'Bench', 0)", {SqlValue{centre}}).has_value(), "centre");
  for (int i = 0; i < kStaff; ++i) {
    staff.push_back(security::new_record_id());
    check(db.execute("INSERT INTO staff (id, centre_id, username, display_name, role, password_hash, disabled, created_at, "
                     "version) VALUES ($1, $2, $3, 'x', 'case_worker', 'x', 0, 0, 1)",
                     {SqlValue{staff.back()}, SqlValue{centre}, SqlValue{"user" + std::to_string(i)}})
              .has_value(),
          "staff");
  }
  for (int i = 0; i < kCases; ++i) {
    cases.push_back(security::new_record_id());
    check(db.execute("INSERT INTO cases (id, centre_id, code, stage, created_at, updated_at, version) "
                     "VALUES ($1, $2, $3, 'in_care', 0, 0, 1)",
                     {SqlValue{cases.back()}, SqlValue{centre}, SqlValue{security::new_case_code()}})
              .has_value(),
          "case");
  }
  const std::string hash(64, 'a');
  const double step = static_cast<double>(kDays * 86400) / static_cast<double>(kEntries);
  for (std::int64_t i = 0; i < kEntries; ++i) {
    const bool read = random() % 10 != 0;
    const auto at = kStart.time_since_epoch().count() + static_cast<std::int64_t>(static_cast<double>(i) * step);
    check(db.execute("INSERT INTO audit_log (at, actor_id, action, case_id, detail, prev_hash, hash) "
                     "VALUES ($1, $2, $3, $4, '', $5, $5)",
                     {SqlValue{at}, SqlValue{staff[random() % kStaff]}, SqlValue{std::string(read ? "case.read" : "record.create")},
                      SqlValue{cases[random() % kCases]}, SqlValue{hash}})
              .has_value(),
          "entry");
    if ((i + 1) % 1'000'000 == 0) {
      check(db.execute_script("COMMIT; BEGIN").has_value(), "commit");
      std::fprintf(stderr, "  %lld million\n", static_cast<long long>((i + 1) / 1'000'000));
    }
  }
  check(db.execute_script("COMMIT").has_value(), "commit");
}

struct Bench {
  SystemClock clock;
  security::KeyRing keys = (security::initialise(), security::KeyRing::generate());
  std::unique_ptr<storage::SqliteStore> store;

  Bench() {
    std::filesystem::create_directories(bench_dir());
    const auto file = bench_dir() / "haven.db";
    auto opened = storage::SqliteStore::open(file, clock, keys);
    check(opened.has_value(), "open");
    store = std::move(*opened);
    check(store->migrate().has_value(), "migrate");
    auto writer = storage::SqliteConnection::open(file, storage::SqliteConnection::Mode::writer);
    check(writer.has_value(), "writer");
    generate(**writer);
  }
};

Bench& bench() {
  static Bench b;
  return b;
}

void run_report(benchmark::State& state, Timestamp from, Timestamp to) {
  auto& b = bench();  // the data is written (once) before the clock starts
  std::size_t lines = 0;
  for (auto _ : state) {
    auto reads = storage::read_value<std::vector<storage::CaseReadSummary>>(
        *b.store, [&](storage::ReadTransaction& tx) { return tx.audit().list_case_reads(from, to); });
    check(reads.has_value(), "report");
    lines = reads->size();
    benchmark::DoNotOptimize(lines);
  }
  state.counters["lines"] = static_cast<double>(lines);
}

// The breach notice's window: the last 72 hours of the 90 days.
void BM_ExposureLast72Hours(benchmark::State& state) {
  const Timestamp end = kStart + std::chrono::hours{24 * kDays};
  run_report(state, end - std::chrono::hours{72}, end);
}

// The whole log: every one of the 20 million entries in the window.
void BM_ExposureAll20Million(benchmark::State& state) {
  run_report(state, kStart, kStart + std::chrono::hours{24 * kDays});
}

}  // namespace

BENCHMARK(BM_ExposureLast72Hours)->Unit(benchmark::kMillisecond)->Iterations(5);
BENCHMARK(BM_ExposureAll20Million)->Unit(benchmark::kSecond)->Iterations(2);

BENCHMARK_MAIN();
