// The Store contract, run unchanged over SQLite and over PostgreSQL (store_fixture.hpp).
#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <stdexcept>
#include <thread>

#include "storage/store_fixture.hpp"

namespace haven::storage {
namespace {

class StoreContract : public StoreFixture {};

TEST_P(StoreContract, MigrationIsIdempotentAndVersioned) {
  auto again = store_->migrate();
  ASSERT_TRUE(again);
  EXPECT_EQ(*again, schema_migrations().back().version);
  EXPECT_EQ(*store_->schema_version(), *again);
  EXPECT_TRUE(store_->check());
}

TEST_P(StoreContract, CaseFileRoundTripsExactly) {
  const CaseFile f = case_file("Đặng Thị Đức Hạnh", centre_.id);
  ASSERT_TRUE(insert(f));
  const auto found = find(centre_.id, f.id);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->code, f.code);
  EXPECT_EQ(found->version, 1);
  EXPECT_EQ(found->person.name, "Đặng Thị Đức Hạnh");
  EXPECT_EQ(found->person.birth_date, f.person.birth_date);
  EXPECT_FALSE(found->person.estimated_age);
  EXPECT_TRUE(found->person.suspected_child);
  EXPECT_EQ(found->person.languages, f.person.languages);
  EXPECT_EQ(found->person.preferred_staff_gender, domain::StaffGenderPreference::female);
  EXPECT_EQ(found->reception.received_at, f.reception.received_at);
  EXPECT_EQ(found->reception.referral_channel, domain::ReferralChannel::border_guard);
  EXPECT_EQ(found->reception.documents, f.reception.documents);
  EXPECT_EQ(found->reception.recorded_by, staff_.id);
}

TEST_P(StoreContract, ACaseIsInvisibleFromAnotherCentre) {
  const CaseFile f = case_file("Lê Thị Thu", centre_.id);
  ASSERT_TRUE(insert(f));
  EXPECT_FALSE(find(other_centre_.id, f.id));
  auto other = read_value<CasePage>(*store_, [&](ReadTransaction& tx) { return tx.cases().list({other_centre_.id, staff_.id, false, "", 50, 0, std::nullopt, std::nullopt}); });
  ASSERT_TRUE(other);
  EXPECT_EQ(other->total, 0);
}

TEST_P(StoreContract, AStaffMembersListHoldsOnlyTheCasesTheyAreOn) {
  const CaseFile mine = case_file("Trần Thị Mai", centre_.id);
  const CaseFile theirs = case_file("Trần Thị Mơ", centre_.id);
  ASSERT_TRUE(insert(mine));
  ASSERT_TRUE(store_->write([&](WriteTransaction& tx) { return tx.cases().insert(theirs); }));
  const auto page = search("");
  ASSERT_EQ(page.total, 1);
  EXPECT_EQ(page.items.at(0).id, mine.id);
  EXPECT_TRUE(page.items.at(0).on_case);
}

TEST_P(StoreContract, TheWholeCentresListNamesOnlyTheViewersCases) {
  const CaseFile mine = case_file("Trần Thị Mai", centre_.id);
  const CaseFile theirs = case_file("Trần Thị Mơ", centre_.id);
  ASSERT_TRUE(insert(mine));
  ASSERT_TRUE(store_->write([&](WriteTransaction& tx) { return tx.cases().insert(theirs); }));
  auto list = [&](const std::string& text) {
    return read_value<CasePage>(*store_, [&](ReadTransaction& tx) {
      return tx.cases().list({centre_.id, staff_.id, false, text, 50, 0, std::nullopt, std::nullopt});
    });
  };
  auto all = list("");
  ASSERT_TRUE(all);
  ASSERT_EQ(all->total, 2);
  for (const auto& item : all->items) {
    EXPECT_EQ(item.on_case, item.id == mine.id);
    EXPECT_EQ(item.name, item.id == mine.id ? "Trần Thị Mai" : "") << "a name shows only on the viewer's case";
  }
  // A name finds only the viewer's cases: searching cannot tell whether a name is in the centre.
  auto by_name = list("tran thi");
  ASSERT_TRUE(by_name);
  ASSERT_EQ(by_name->total, 1);
  EXPECT_EQ(by_name->items.at(0).id, mine.id);
  auto by_code = list(theirs.code);
  ASSERT_TRUE(by_code);
  ASSERT_EQ(by_code->total, 1);
  EXPECT_EQ(by_code->items.at(0).id, theirs.id);
}

TEST_P(StoreContract, TheListKeepsOneStageWhenAsked) {
  const CaseFile received = case_file("Đỗ Thị Hằng", centre_.id);
  const CaseFile moved = case_file("Đỗ Thị Hiền", centre_.id);
  ASSERT_TRUE(insert(received));
  ASSERT_TRUE(insert(moved));
  ASSERT_TRUE(store_->write([&](WriteTransaction& tx) -> Result<void> {
    auto v = tx.cases().update_stage(centre_.id, moved.id, moved.version, domain::CaseStage::in_care, kNow);
    if (!v) return tl::unexpected(v.error());
    return {};
  }));
  auto at = [&](std::optional<domain::CaseStage> stage, const std::string& text) {
    return read_value<CasePage>(*store_, [&](ReadTransaction& tx) {
      return tx.cases().list({centre_.id, staff_.id, true, text, 50, 0, stage, std::nullopt});
    });
  };
  auto in_care = at(domain::CaseStage::in_care, "");
  ASSERT_TRUE(in_care);
  ASSERT_EQ(in_care->total, 1);
  EXPECT_EQ(in_care->items.at(0).id, moved.id);
  EXPECT_EQ(at(domain::CaseStage::received, "do thi")->total, 1);  // with a name search too
  EXPECT_EQ(at(domain::CaseStage::closed, "")->total, 0);
  EXPECT_EQ(at(std::nullopt, "")->total, 2);
}

// The children and overdue filters hand the list the cases they picked: only those are listed, still
// only where the viewer may list them, newest first, with the words applied.
TEST_P(StoreContract, TheListKeepsOnlyTheCasesAskedFor) {
  const CaseFile older = case_file("Đinh Thị Cũ", centre_.id, kNow - std::chrono::hours{5});
  const CaseFile newer = case_file("Đinh Thị Mới", centre_.id, kNow - std::chrono::hours{1});
  const CaseFile left_out = case_file("Đinh Thị Ngoài", centre_.id);
  for (const auto& f : {older, newer, left_out}) ASSERT_TRUE(insert(f));
  const CaseFile not_theirs = case_file("Đinh Thị Khác", centre_.id);  // nobody on it
  ASSERT_TRUE(store_->write([&](WriteTransaction& tx) { return tx.cases().insert(not_theirs); }));
  auto listed = [&](bool only_own, const std::string& text, std::vector<std::string> ids) {
    auto page = read_value<CasePage>(*store_, [&](ReadTransaction& tx) {
      return tx.cases().list({centre_.id, staff_.id, only_own, text, 50, 0, std::nullopt, std::move(ids)});
    });
    EXPECT_TRUE(page) << page.error().log_detail;
    std::string names = std::to_string(page->total);
    for (const auto& item : page->items) names += " " + item.name;
    return names;
  };
  EXPECT_EQ(listed(true, "", {older.id, newer.id, not_theirs.id}), "2 Đinh Thị Mới Đinh Thị Cũ");
  EXPECT_EQ(listed(false, "", {older.id, not_theirs.id}), "2  Đinh Thị Cũ");  // the whole centre's: no name where not on it
  EXPECT_EQ(listed(true, "cu", {older.id, newer.id}), "1 Đinh Thị Cũ");
  EXPECT_EQ(listed(true, "", {}), "0");
}

// A list longer than a caseload (over 2,000 of the viewer's cases) is read in reception order from
// the receptions' time index rather than from the viewer's cases: the same page, newest first.
TEST_P(StoreContract, ALongListOfOnesOwnCasesPagesNewestFirstLikeAShortOne) {
  constexpr int kCases = 2003;
  std::vector<CaseFile> files;
  for (int i = 0; i < kCases; ++i) files.push_back(case_file("Vũ Thị Ngân", centre_.id, kNow - std::chrono::minutes{kCases - i}));
  ASSERT_TRUE(store_->write([&](WriteTransaction& tx) -> Result<void> {
    for (const auto& f : files) {
      if (auto r = tx.cases().insert(f); !r) return r;
      if (auto r = tx.cases().set_staff(f.id, {staff_.id}); !r) return r;
    }
    return {};
  }));
  const CaseFile theirs = case_file("Vũ Thị Khác", centre_.id, kNow);  // the newest, but not the viewer's
  ASSERT_TRUE(store_->write([&](WriteTransaction& tx) { return tx.cases().insert(theirs); }));
  auto page = [&](int offset, std::optional<domain::CaseStage> stage = std::nullopt) {
    return read_value<CasePage>(*store_, [&](ReadTransaction& tx) {
      return tx.cases().list({centre_.id, staff_.id, true, "", 50, offset, stage, std::nullopt});
    });
  };
  auto first = page(0);
  ASSERT_TRUE(first);
  EXPECT_EQ(first->total, kCases);
  ASSERT_EQ(first->items.size(), 50U);
  EXPECT_EQ(first->items.at(0).id, files.back().id);
  EXPECT_EQ(first->items.at(1).id, files.at(kCases - 2).id);
  EXPECT_EQ(first->items.at(0).name, "Vũ Thị Ngân");
  auto last = page(kCases - 1);
  ASSERT_TRUE(last);
  ASSERT_EQ(last->items.size(), 1U);
  EXPECT_EQ(last->items.at(0).id, files.front().id);
  EXPECT_EQ(page(0, domain::CaseStage::closed)->total, 0);
}

TEST_P(StoreContract, SettingACasesStaffReplacesWhoIsOnIt) {
  const CaseFile f = case_file("Phạm Thị Hoa", centre_.id);
  ASSERT_TRUE(insert(f));
  ASSERT_TRUE(store_->write([&](WriteTransaction& tx) { return tx.cases().set_staff(f.id, {}); }));
  EXPECT_EQ(search("").total, 0);
  ASSERT_TRUE(store_->write([&](WriteTransaction& tx) { return tx.cases().set_staff(f.id, {staff_.id}); }));
  EXPECT_EQ(search("").total, 1);
}

TEST_P(StoreContract, ADuplicateCaseCodeIsAlreadyExists) {
  CaseFile first = case_file("Một", centre_.id);
  CaseFile second = case_file("Hai", centre_.id);
  second.code = first.code;
  ASSERT_TRUE(insert(first));
  auto r = insert(second);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::already_exists);
  EXPECT_FALSE(find(centre_.id, second.id));  // the failed unit of work left nothing behind
}

TEST_P(StoreContract, SearchFoldsVietnameseDiacritics) {
  ASSERT_TRUE(insert(case_file("Đặng Thị Hoa", centre_.id)));
  ASSERT_TRUE(insert(case_file("Nguyễn Văn Đức", centre_.id)));
  ASSERT_TRUE(insert(case_file("Trần Thị Mai", centre_.id)));
  EXPECT_EQ(search("dang").total, 1);
  EXPECT_EQ(search("dang").items.at(0).name, "Đặng Thị Hoa");
  EXPECT_EQ(search("duc").items.at(0).name, "Nguyễn Văn Đức");
  EXPECT_EQ(search("THI").total, 2);
  EXPECT_EQ(search("duc nguyen").total, 1);  // words in any order
  EXPECT_EQ(search("").total, 3);
  EXPECT_EQ(search("%").total, 0);  // LIKE wildcards are matched literally
  EXPECT_EQ(search("_").total, 0);
}

TEST_P(StoreContract, SearchFindsACaseByItsCode) {
  const CaseFile f = case_file("Đặng Thị Hoa", centre_.id);
  ASSERT_TRUE(insert(f));
  ASSERT_TRUE(insert(case_file("Trần Thị Mai", centre_.id)));
  const auto page = search(f.code.substr(0, 7));  // "HV-XXXX", as a worker reads it off a paper
  ASSERT_EQ(page.total, 1);
  EXPECT_EQ(page.items.at(0).code, f.code);
  EXPECT_EQ(search(f.code).total, 1);
}

TEST_P(StoreContract, ListIsNewestFirstAndPaged) {
  for (int i = 0; i < 5; ++i) {
    ASSERT_TRUE(insert(case_file("Người " + std::to_string(i), centre_.id, kNow - std::chrono::hours{i})));
  }
  const auto first = search("", 2, 0);
  EXPECT_EQ(first.total, 5);
  ASSERT_EQ(first.items.size(), 2U);
  EXPECT_EQ(first.items[0].name, "Người 0");
  EXPECT_EQ(first.items[1].name, "Người 1");
  const auto last = search("", 2, 4);
  ASSERT_EQ(last.items.size(), 1U);
  EXPECT_EQ(last.items[0].name, "Người 4");
  EXPECT_EQ(last.total, 5) << "the total comes with every page";
  // A page past the end still knows how many there are (the count rides on the rows otherwise).
  const auto beyond = search("", 2, 10);
  EXPECT_TRUE(beyond.items.empty());
  EXPECT_EQ(beyond.total, 5);
  EXPECT_EQ(search("nguoi", 2, 10).total, 5);
  EXPECT_EQ(search("zyxwv", 2, 0).total, 0);
}

TEST_P(StoreContract, AStaleReceptionWriteIsAConflictWithTheCurrentVersion) {
  const CaseFile f = case_file("Phạm Hương", centre_.id);
  ASSERT_TRUE(insert(f));
  domain::Reception changed = f.reception;
  changed.legal_basis = "Quyết định 99";
  std::int64_t new_version = 0;
  ASSERT_TRUE(store_->write([&](WriteTransaction& tx) -> Result<void> {
    auto v = tx.cases().update_reception(centre_.id, f.id, 1, changed, kNow);
    if (!v) return tl::unexpected(v.error());
    new_version = *v;
    return {};
  }));
  EXPECT_EQ(new_version, 2);
  auto stale = store_->write([&](WriteTransaction& tx) -> Result<void> {
    auto v = tx.cases().update_reception(centre_.id, f.id, 1, f.reception, kNow);
    if (!v) return tl::unexpected(v.error());
    return {};
  });
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().code, ErrorCode::version_conflict);
  EXPECT_EQ(stale.error().current_version, 2);
  EXPECT_EQ(find(centre_.id, f.id)->reception.legal_basis, "Quyết định 99");
}

TEST_P(StoreContract, AReceptionOfAnotherCentreCannotBeWritten) {
  const CaseFile f = case_file("Phạm Hương", centre_.id);
  ASSERT_TRUE(insert(f));
  auto r = store_->write([&](WriteTransaction& tx) -> Result<void> {
    auto v = tx.cases().update_reception(other_centre_.id, f.id, 1, f.reception, kNow);
    if (!v) return tl::unexpected(v.error());
    return {};
  });
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::not_found);
  EXPECT_EQ(find(centre_.id, f.id)->version, 1);
}

TEST_P(StoreContract, AStalePasswordWriteIsAConflict) {
  ASSERT_TRUE(store_->write([&](WriteTransaction& tx) -> Result<void> {
    auto v = tx.staff().update_password(staff_.id, 1, "$argon2id$new");
    if (!v) return tl::unexpected(v.error());
    return {};
  }));
  auto stale = store_->write([&](WriteTransaction& tx) -> Result<void> {
    auto v = tx.staff().update_password(staff_.id, 1, "$argon2id$other");
    if (!v) return tl::unexpected(v.error());
    return {};
  });
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().code, ErrorCode::version_conflict);
  EXPECT_EQ(stale.error().current_version, 2);
}

TEST_P(StoreContract, UsernamesAreUnique) {
  auto again = store_->write([&](WriteTransaction& tx) { return tx.staff().insert(staff_member(centre_.id, "worker1")); });
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::already_exists);
  EXPECT_EQ(again.error().field, "username");
  auto found = read_value<std::optional<domain::StaffAccount>>(
      *store_, [](ReadTransaction& tx) { return tx.staff().find_by_username("worker1"); });
  ASSERT_TRUE(found && *found);
  EXPECT_EQ((*found)->display_name, "Trần Văn Minh");
}

TEST_P(StoreContract, AFailedUnitOfWorkWritesNothingNotEvenItsAudit) {
  const CaseFile f = case_file("Võ Thị Sáu", centre_.id);
  auto r = store_->write([&](WriteTransaction& tx) -> Result<void> {
    if (auto w = tx.cases().insert(f); !w) return w;
    if (auto a = tx.audit().append({kNow, staff_.id, "case.create", f.id, ""}); !a) return a;
    return fail(ErrorCode::validation_failed, "person.name");
  });
  ASSERT_FALSE(r);
  EXPECT_FALSE(find(centre_.id, f.id));
  auto audit = read_value<std::vector<AuditEntry>>(*store_, [&](ReadTransaction& tx) { return tx.audit().list_for_case(f.id); });
  ASSERT_TRUE(audit);
  EXPECT_TRUE(audit->empty());
}

TEST_P(StoreContract, AuditEntriesCommitWithTheChange) {
  const CaseFile f = case_file("Hồ Thị Kim", centre_.id);
  ASSERT_TRUE(store_->write([&](WriteTransaction& tx) -> Result<void> {
    if (auto w = tx.cases().insert(f); !w) return w;
    return tx.audit().append({kNow, staff_.id, "case.create", f.id, "code=" + f.code});
  }));
  auto audit = read_value<std::vector<AuditEntry>>(*store_, [&](ReadTransaction& tx) { return tx.audit().list_for_case(f.id); });
  ASSERT_TRUE(audit);
  ASSERT_EQ(audit->size(), 1U);
  EXPECT_EQ(audit->front().action, "case.create");
  EXPECT_EQ(audit->front().actor_id, staff_.id);
}

TEST_P(StoreContract, SessionsAreFoundTouchedAndSwept) {
  SessionRecord s{"digest-1", staff_.id, kNow, kNow, kNow + std::chrono::hours{12}};
  ASSERT_TRUE(store_->write([&](WriteTransaction& tx) { return tx.sessions().insert(s); }));
  ASSERT_TRUE(store_->write([&](WriteTransaction& tx) { return tx.sessions().touch("digest-1", kNow + std::chrono::minutes{5}); }));
  auto found = read_value<std::optional<SessionRecord>>(*store_, [](ReadTransaction& tx) { return tx.sessions().find("digest-1"); });
  ASSERT_TRUE(found && *found);
  EXPECT_EQ((*found)->last_seen_at, kNow + std::chrono::minutes{5});
  ASSERT_TRUE(store_->write([&](WriteTransaction& tx) -> Result<void> {
    auto n = tx.sessions().remove_idle_since(kNow + std::chrono::minutes{6}, kNow + std::chrono::minutes{21});
    if (!n) return tl::unexpected(n.error());
    EXPECT_EQ(*n, 1);
    return {};
  }));
  found = read_value<std::optional<SessionRecord>>(*store_, [](ReadTransaction& tx) { return tx.sessions().find("digest-1"); });
  ASSERT_TRUE(found);
  EXPECT_FALSE(*found);
}

TEST_P(StoreContract, AllSessionsOfAStaffMemberEndTogether) {
  for (const char* digest : {"d1", "d2"}) {
    ASSERT_TRUE(store_->write([&](WriteTransaction& tx) {
      return tx.sessions().insert({digest, staff_.id, kNow, kNow, kNow + std::chrono::hours{12}});
    }));
  }
  ASSERT_TRUE(store_->write([&](WriteTransaction& tx) -> Result<void> {
    auto n = tx.sessions().remove_of_staff(staff_.id);
    if (!n) return tl::unexpected(n.error());
    EXPECT_EQ(*n, 2);
    return {};
  }));
  auto found = read_value<std::optional<SessionRecord>>(*store_, [](ReadTransaction& tx) { return tx.sessions().find("d2"); });
  ASSERT_TRUE(found);
  EXPECT_FALSE(*found);
}

TEST_P(StoreContract, RecordsRoundTripInTheOrderTheyHappened) {
  const CaseFile f = case_file("Phan Thị Ngọc", centre_.id);
  ASSERT_TRUE(insert(f));
  domain::CaseRecord later{"rec-later", kNow, kNow, staff_.id, 1,
                           domain::CounsellingSession{"lo âu, khóc nhiều\nngủ kém", true}};
  domain::CaseRecord earlier{"rec-earlier", kNow - std::chrono::hours{2}, kNow, staff_.id, 1,
                             domain::ContactAttempt{domain::ContactChannel::family, false, "gọi mẹ"}};
  ASSERT_TRUE(store_->write([&](WriteTransaction& tx) -> Result<void> {
    if (auto r = tx.records().insert(f.id, later); !r) return r;
    return tx.records().insert(f.id, earlier);
  }));
  auto records = read_value<std::vector<domain::CaseRecord>>(
      *store_, [&](ReadTransaction& tx) { return tx.records().list(centre_.id, f.id); });
  ASSERT_TRUE(records) << records.error().log_detail;
  ASSERT_EQ(records->size(), 2U);
  EXPECT_EQ((*records)[0].id, "rec-earlier");
  EXPECT_EQ((*records)[0].as<domain::ContactAttempt>().channel, domain::ContactChannel::family);
  EXPECT_EQ((*records)[1].as<domain::CounsellingSession>().condition_observed, "lo âu, khóc nhiều\nngủ kém");
  EXPECT_TRUE((*records)[1].as<domain::CounsellingSession>().crisis);
  EXPECT_EQ((*records)[1].occurred_at, kNow);
  auto elsewhere = read_value<std::vector<domain::CaseRecord>>(
      *store_, [&](ReadTransaction& tx) { return tx.records().list(other_centre_.id, f.id); });
  ASSERT_TRUE(elsewhere);
  EXPECT_TRUE(elsewhere->empty());
}

TEST_P(StoreContract, CentreAndStaffRecordsRoundTripPerCentreAndSubject) {
  domain::CentreRecord screening{"crec-screening", kNow - std::chrono::hours{3}, kNow, staff_.id, 1,
                                 domain::RecruitmentScreening{true, true, true, true, "lý lịch tư pháp số 12"},
                                 staff_.id};
  domain::CentreRecord provider{"crec-provider", kNow, kNow, staff_.id, 1,
                                domain::ServiceProviderEntry{"Trung tâm dạy nghề Tịnh Biên", "may", "0296 3 874 123",
                                                             "xã An Phú", *parse_iso_date("2026-05-02")},
                                ""};
  ASSERT_TRUE(store_->write([&](WriteTransaction& tx) -> Result<void> {
    if (auto r = tx.centre_records().insert(centre_.id, provider); !r) return r;
    return tx.centre_records().insert(centre_.id, screening);
  }));
  auto all = read_value<std::vector<domain::CentreRecord>>(
      *store_, [&](ReadTransaction& tx) { return tx.centre_records().list(centre_.id, std::nullopt); });
  ASSERT_TRUE(all) << all.error().log_detail;
  ASSERT_EQ(all->size(), 2U);
  EXPECT_EQ((*all)[0].id, "crec-screening");  // in the order they happened
  EXPECT_TRUE((*all)[0].as<domain::RecruitmentScreening>().complete());
  EXPECT_EQ((*all)[1].as<domain::ServiceProviderEntry>().last_verified, *parse_iso_date("2026-05-02"));
  auto of_staff = read_value<std::vector<domain::CentreRecord>>(
      *store_, [&](ReadTransaction& tx) { return tx.centre_records().list(centre_.id, std::string_view(staff_.id)); });
  ASSERT_TRUE(of_staff);
  ASSERT_EQ(of_staff->size(), 1U);
  EXPECT_EQ(of_staff->front().subject, staff_.id);
  auto of_centre = read_value<std::vector<domain::CentreRecord>>(
      *store_, [&](ReadTransaction& tx) { return tx.centre_records().list(centre_.id, std::string_view()); });
  ASSERT_TRUE(of_centre);
  ASSERT_EQ(of_centre->size(), 1U);
  EXPECT_EQ(of_centre->front().type_name(), "service_provider");
  auto elsewhere = read_value<std::vector<domain::CentreRecord>>(
      *store_, [&](ReadTransaction& tx) { return tx.centre_records().list(other_centre_.id, std::nullopt); });
  ASSERT_TRUE(elsewhere);
  EXPECT_TRUE(elsewhere->empty());
  auto staff = read_value<std::vector<domain::StaffAccount>>(
      *store_, [&](ReadTransaction& tx) { return tx.staff().list(centre_.id); });
  ASSERT_TRUE(staff);
  ASSERT_EQ(staff->size(), 1U);
  EXPECT_EQ(staff->front().id, staff_.id);
}

TEST_P(StoreContract, ATransferMovesTheCaseAndItsRecordsToTheOtherCentre) {
  const CaseFile f = case_file("Cao Thị Mỹ", centre_.id);
  ASSERT_TRUE(insert(f));
  domain::CaseRecord check{"rec-transfer", kNow, kNow, staff_.id, 1, domain::HealthCheck{true, "ổn"}};
  ASSERT_TRUE(store_->write([&](WriteTransaction& tx) { return tx.records().insert(f.id, check); }));
  auto transfer = [&](std::int64_t version) {
    return store_->write([&](WriteTransaction& tx) -> Result<void> {
      auto v = tx.cases().update_centre(centre_.id, f.id, version, other_centre_.id, kNow);
      if (!v) return tl::unexpected(v.error());
      return {};
    });
  };
  auto stale = transfer(7);
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().code, ErrorCode::version_conflict);
  ASSERT_TRUE(transfer(1));
  EXPECT_FALSE(find(centre_.id, f.id));
  EXPECT_TRUE(find(other_centre_.id, f.id));
  auto records = read_value<std::vector<domain::CaseRecord>>(
      *store_, [&](ReadTransaction& tx) { return tx.records().list(other_centre_.id, f.id); });
  ASSERT_TRUE(records);
  EXPECT_EQ(records->size(), 1U);
  EXPECT_EQ(transfer(2).error().code, ErrorCode::not_found);  // no longer this centre's to move
}

TEST_P(StoreContract, AStageMoveNeedsTheVersionItRead) {
  const CaseFile f = case_file("Vũ Thị Bình", centre_.id);
  ASSERT_TRUE(insert(f));
  auto move = [&](const std::string& centre, std::int64_t version) {
    return store_->write([&](WriteTransaction& tx) -> Result<void> {
      auto v = tx.cases().update_stage(centre, f.id, version, domain::CaseStage::in_care, kNow);
      if (!v) return tl::unexpected(v.error());
      return {};
    });
  };
  EXPECT_EQ(move(other_centre_.id, 1).error().code, ErrorCode::not_found);
  ASSERT_TRUE(move(centre_.id, 1));
  auto stale = move(centre_.id, 1);
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().code, ErrorCode::version_conflict);
  EXPECT_EQ(stale.error().current_version, 2);
  EXPECT_EQ(find(centre_.id, f.id)->stage, domain::CaseStage::in_care);
}

TEST_P(StoreContract, ConcurrentWritersLoseNothing) {
  constexpr int kThreads = 4;
  constexpr int kEach = 15;
  std::vector<std::thread> threads;
  std::atomic<int> failures{0};
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kEach; ++i) {
        if (!insert(case_file("Luồng " + std::to_string(t) + " số " + std::to_string(i), centre_.id))) ++failures;
        if (!search("luong").items.size()) ++failures;  // readers run beside the writers
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(search("luong").total, kThreads * kEach);
}

// Concurrent units of work may share one commit (SQLite's group commit): each must still be all or
// nothing on its own. Every third fails after writing, every seventh throws after writing; none of
// theirs may survive, and none of the others may be lost.
TEST_P(StoreContract, ConcurrentUnitsThatFailOrThrowTakeOnlyThemselvesBack) {
  constexpr int kThreads = 8;
  constexpr int kEach = 12;
  std::vector<std::thread> threads;
  std::atomic<int> unexpected{0};
  std::mutex kept_mutex;
  std::vector<std::string> kept;
  std::vector<std::string> dropped;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kEach; ++i) {
        const int n = t * kEach + i;
        const CaseFile f = case_file("Nhóm " + std::to_string(n), centre_.id);
        bool threw = false;
        Result<void> r;
        try {
          r = store_->write([&](WriteTransaction& tx) -> Result<void> {
            if (auto w = tx.cases().insert(f); !w) return w;
            if (auto w = tx.audit().append({kNow, staff_.id, "case.create", f.id, ""}); !w) return w;
            if (n % 7 == 0) throw std::runtime_error("a bug in the unit of work");
            if (n % 3 == 0) return fail(ErrorCode::validation_failed, "x");
            return {};
          });
        } catch (const std::runtime_error&) {
          threw = true;
        }
        const bool should_fail = n % 7 == 0 || n % 3 == 0;
        const bool as_expected = n % 7 == 0 ? threw : !threw && static_cast<bool>(r) == !should_fail;
        if (!as_expected) ++unexpected;
        std::lock_guard lock(kept_mutex);
        (should_fail ? dropped : kept).push_back(f.id);
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(unexpected.load(), 0);
  for (const auto& id : kept) EXPECT_TRUE(find(centre_.id, id)) << "lost " << id;
  for (const auto& id : dropped) EXPECT_FALSE(find(centre_.id, id)) << "kept a failed unit's case " << id;
  // The audit chain stayed whole through the groups.
  auto check = read_value<std::vector<StoredAuditEntry>>(*store_, [](ReadTransaction& tx) { return tx.audit().list_page(0, 100000); });
  ASSERT_TRUE(check);
  EXPECT_EQ(check->size(), kept.size());
  for (std::size_t i = 1; i < check->size(); ++i) EXPECT_EQ((*check)[i].prev_hash, (*check)[i - 1].hash);
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreContract, kBackends, backend_name);

}  // namespace
}  // namespace haven::storage
