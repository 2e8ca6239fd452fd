// The clause catalog holds all 59 clauses of the Minimum Standards under their canonical IDs, each
// with its text in both languages, at least one kind of mechanism, and its parameters.
#include <gtest/gtest.h>

#include <set>

#include "domain/utf8.hpp"
#include "standards/clause.hpp"
#include "standards/parameters.hpp"

namespace haven::standards {
namespace {

// ../shared/standards/clause-ids.txt, in order (I.5.d and III.1.c are the standard's repeated letters).
constexpr std::string_view kCanonicalIds[] = {
    "I.1.a",  "I.1.b",  "I.1.c",  "I.1.d",  "I.2.a",  "I.2.b",  "I.2.c",  "I.2.d",   "I.3.a",   "I.3.b",
    "I.3.c",  "I.3.d",  "I.4.a",  "I.4.b",  "I.4.c",  "I.4.d",  "I.5.a",  "I.5.b",   "I.5.c",   "I.5.d",
    "II.1.a", "II.1.b", "II.1.c", "II.1.d", "II.1.e", "II.2.a", "II.2.b", "II.2.c",  "II.2.d",  "II.3.a",
    "II.3.b", "II.4.a", "II.4.b", "II.4.c", "II.4.d", "II.5.a", "II.5.b", "II.5.c",  "II.5.d",  "II.5.e",
    "II.6.a", "II.6.b", "II.6.c", "II.6.d", "II.6.e", "II.7.a", "II.7.b", "II.7.c",  "II.8.a",  "II.8.b",
    "II.8.c", "II.8.d", "II.8.e", "III.1.a", "III.1.b", "III.1.c", "III.2.a", "III.2.b", "III.2.c"};

TEST(ClauseCatalog, HoldsTheFiftyNineClausesInOrder) {
  const auto catalog = clause_catalog();
  ASSERT_EQ(catalog.size(), std::size(kCanonicalIds));
  for (std::size_t i = 0; i < catalog.size(); ++i) EXPECT_EQ(catalog[i].id, kCanonicalIds[i]);
}

TEST(ClauseCatalog, EveryClauseIsCompleteInBothLanguages) {
  for (const auto& c : clause_catalog()) {
    EXPECT_FALSE(c.title_en.empty()) << c.id;
    EXPECT_FALSE(c.title_vi.empty()) << c.id;
    EXPECT_FALSE(c.text_en.empty()) << c.id;
    EXPECT_FALSE(c.text_vi.empty()) << c.id;
    EXPECT_FALSE(c.software_en.empty()) << c.id;
    EXPECT_FALSE(c.software_vi.empty()) << c.id;
    EXPECT_NE(c.text_en, c.text_vi) << c.id;
    EXPECT_NE(c.kinds, 0U) << c.id << " has no kind of mechanism";
    EXPECT_TRUE(domain::is_valid_utf8(c.text_vi)) << c.id;
    EXPECT_TRUE(c.id.starts_with(c.part)) << c.id;
  }
}

TEST(ClauseCatalog, TheStandardsWordsAreQuoted) {
  EXPECT_EQ(find_clause("II.1.e")->text_en,
            "Victim identification interviews must only be carried out after the most important health and "
            "psychological recovery services have been provided to victims.");
  EXPECT_TRUE(has_kind(*find_clause("II.1.e"), MechanismKind::guard));
  EXPECT_TRUE(has_kind(*find_clause("I.1.b"), MechanismKind::obligation));
  EXPECT_EQ(find_clause("IV.1.a"), nullptr);
}

TEST(ClauseParameters, DefaultsAreThoseOfTheRequirements) {
  const auto p = Parameters::defaults();
  EXPECT_EQ(p.duration("I.1.b", "intake_assessment_hours"), std::chrono::hours{24});
  EXPECT_EQ(p.duration("I.4.a", "information_hours"), std::chrono::hours{72});
  EXPECT_EQ(p.duration("II.4.b", "risk_assessment_days"), std::chrono::hours{7 * 24});
  EXPECT_EQ(p.duration("II.6.a", "provider_stale_days"), std::chrono::hours{180 * 24});
  EXPECT_EQ(p.value("II.8.d", "lost_contact_min_attempts"), 3);
  EXPECT_EQ(p.value("II.8.d", "lost_contact_min_channels"), 2);
  EXPECT_EQ(p.duration("III.1.c", "supervision_interval_days"), std::chrono::hours{30 * 24});
}

TEST(ClauseParameters, ADeploymentFileChangesThem) {
  auto p = Parameters::parse("# shorter in this province\nII.4.b.risk_assessment_days = 5\n\nI.1.b.intake_assessment_hours=12\n");
  ASSERT_TRUE(p) << p.error().log_detail;
  EXPECT_EQ(p->value("II.4.b", "risk_assessment_days"), 5);
  EXPECT_EQ(p->value("I.1.b", "intake_assessment_hours"), 12);
  EXPECT_EQ(p->value("II.3.a", "first_counselling_hours"), 24);
}

TEST(ClauseParameters, MistakesAreRefusedWithTheirLine) {
  struct Bad {
    const char* text;
    const char* says;
  };
  for (const Bad& bad : {Bad{"II.4.b.risk_days = 5", "line 1"}, Bad{"\nII.4.b.risk_assessment_days = -5", "line 2"},
                         Bad{"II.4.b.risk_assessment_days = soon", "positive whole number"},
                         Bad{"II.4.b.risk_assessment_days = 5\nII.4.b.risk_assessment_days = 6", "already set on line 1"},
                         Bad{"risk_assessment_days 5", "expected"}}) {
    auto p = Parameters::parse(bad.text);
    ASSERT_FALSE(p) << bad.text;
    EXPECT_NE(p.error().log_detail.find(bad.says), std::string::npos) << p.error().log_detail;
  }
}

}  // namespace
}  // namespace haven::standards

#include "standards/mechanisms.hpp"

namespace haven::standards {
namespace {

TEST(MechanismRegistry, NamesOnlyCatalogClausesAndTheirKinds) {
  for (const auto& m : mechanisms()) {
    const Clause* clause = find_clause(m.clause);
    ASSERT_NE(clause, nullptr) << m.clause;
    EXPECT_TRUE(has_kind(*clause, m.kind)) << m.clause << ": " << m.implementation;
  }
}

}  // namespace
}  // namespace haven::standards
