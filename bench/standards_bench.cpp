// Benchmark: all obligations and indicators for 100,000 synthetic cases with realistic histories, on
// one core. Target (issue 3): at most 1 s, and at most 1 KiB of memory per case beyond the records.
#include <benchmark/benchmark.h>

#include <malloc.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <new>
#include <random>

#include "standards/compliance.hpp"
#include "standards/obligations.hpp"

// Every allocation of this program is counted, so that the memory figure includes what an evaluation
// allocates and frees on the way, not only what it returns. (mallinfo2 misses blocks that glibc's
// per-thread cache hands back and forth, and so under-counts.)
namespace heap {
std::atomic<std::size_t> live{0};
std::atomic<std::size_t> peak{0};
void note_allocated(void* p) {
  const auto now = live.fetch_add(malloc_usable_size(p)) + malloc_usable_size(p);
  auto seen = peak.load();
  while (now > seen && !peak.compare_exchange_weak(seen, now)) {
  }
}
}  // namespace heap

// GCC takes the free() inside a replaced operator delete for a mismatch; here it is the point.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
void* operator new(std::size_t size) {
  void* p = std::malloc(size == 0 ? 1 : size);
  if (!p) throw std::bad_alloc();
  heap::note_allocated(p);
  return p;
}
void* operator new[](std::size_t size) { return ::operator new(size); }
void operator delete(void* p) noexcept {
  if (!p) return;
  heap::live.fetch_sub(malloc_usable_size(p));
  std::free(p);
}
void operator delete[](void* p) noexcept { ::operator delete(p); }
void operator delete(void* p, std::size_t) noexcept { ::operator delete(p); }
void operator delete[](void* p, std::size_t) noexcept { ::operator delete(p); }
#pragma GCC diagnostic pop

namespace {

using namespace haven;
using namespace haven::domain;

constexpr int kCases = 100'000;
const Timestamp kNow = Timestamp{std::chrono::seconds{1'795'000'000}};  // late 2026

// A case somewhere along the service, with the records a real one would have by then.
standards::CaseHistory synthetic_case(std::mt19937& random, int index) {
  standards::CaseHistory h;
  h.file.id = "case-" + std::to_string(index);
  const auto age_days = std::uniform_int_distribution<int>(0, 400)(random);
  h.file.reception.received_at = kNow - std::chrono::hours{24 * age_days};
  h.file.updated_at = h.file.reception.received_at;
  h.file.person.birth_date = parse_iso_date(random() % 4 == 0 ? "2011-05-01" : "1995-05-01");
  const auto stage = static_cast<int>(random() % 8);
  h.file.stage = static_cast<CaseStage>(stage);
  auto add = [&](RecordBody body, int hours_after_reception) {
    CaseRecord r;
    // Record IDs as the server makes them: 26 characters, too long for the short-string buffer.
    r.id = h.file.id + "-record-" + std::to_string(h.records.size());
    r.id.resize(26, 'x');
    r.occurred_at = h.file.reception.received_at + std::chrono::hours{hours_after_reception};
    r.recorded_at = r.occurred_at;
    r.recorded_by = "staff";
    r.body = std::move(body);
    h.records.push_back(std::move(r));
  };
  add(StaffAssignment{"staff-worker-000000000000001", true, ""}, 1);
  add(IntakeAssessment{"ok", "tired", "anxious", false}, 10);
  add(Orientation{true, true, true}, 12);
  add(HealthCheck{true, "ok"}, 20);
  for (int s = 0; s < 1 + stage; ++s) add(CounsellingSession{"calm", random() % 20 == 0}, 20 + 24 * 7 * s);
  add(InformationProvided{"vi", InformationFormat::verbal, true, true, false}, 30);
  add(IdentifiedNeed{"vocational training"}, 40);
  const std::string need_id = h.records.back().id;
  if (random() % 10 == 0) add(Complaint{"meals too small"}, 50);
  if (stage >= 3) add(ReturnRiskAssessment{ReturnRiskAssessment::Level::medium, "ok"}, 24 * 6);
  if (stage >= 4) {
    ReintegrationPlan plan;
    plan.final = true;
    plan.risk_assessment_id = h.records.back().id;
    add(plan, 24 * 10);
  }
  if (stage >= 4) {
    add(ProviderListGiven{"vi"}, 24 * 11);
    add(Consent{ConsentGiver::victim, {InformationCategory::identity, InformationCategory::health}, "Vocational centre",
                {DisclosurePurpose::referral}, std::nullopt, true},
        24 * 11);
    add(Referral{"Vocational centre", "sewing", "wants it", true, false}, 24 * 12);
    add(NeedAddressed{need_id, NeedResponse::referred, "sewing"}, 24 * 12);
    add(SafetyGuidance{true, true, false, h.treated_as_child(), "safe travel"}, 24 * 13);
  }
  if (stage >= 6) add(FollowUpContact{ContactChannel::visit, "fine"}, 24 * 40);
  return h;
}

void BM_ObligationsAndIndicators(benchmark::State& state) {
  std::mt19937 random(42);
  std::vector<standards::CaseHistory> cases;
  cases.reserve(kCases);
  std::size_t records = 0;
  for (int i = 0; i < kCases; ++i) {
    cases.push_back(synthetic_case(random, i));
    records += cases.back().records.size();
  }
  const auto params = standards::Parameters::defaults();
  for (auto _ : state) {
    std::size_t items = 0;
    for (const auto& history : cases) {
      const auto tasks = standards::open_tasks(history, params, kNow);
      const auto states = standards::case_compliance(history, params, kNow);
      items += tasks.size() + states.clauses().size();
    }
    benchmark::DoNotOptimize(items);
  }
  // Outside the timing: the most heap one case's evaluation holds at any moment beyond its records,
  // what it allocates on the way and its results included.
  std::size_t worst = 0;
  std::size_t total = 0;
  for (const auto& history : cases) {
    const auto before = heap::live.load();
    heap::peak = before;
    {
      const auto tasks = standards::open_tasks(history, params, kNow);
      const auto states = standards::case_compliance(history, params, kNow);
      benchmark::DoNotOptimize(tasks.size() + states.clauses().size());
    }
    worst = std::max(worst, heap::peak.load() - before);
    total += heap::peak.load() - before;
  }
  state.counters["cases"] = kCases;
  state.counters["records_per_case"] = static_cast<double>(records) / kCases;
  // What evaluating one case holds at most beyond its records (results included), in bytes: the worst
  // case and the mean over all cases.
  state.counters["extra_bytes_per_case_peak"] = static_cast<double>(worst);
  state.counters["extra_bytes_per_case_mean"] = static_cast<double>(total) / kCases;
}

BENCHMARK(BM_ObligationsAndIndicators)->Unit(benchmark::kMillisecond)->Iterations(5);

}  // namespace

BENCHMARK_MAIN();
