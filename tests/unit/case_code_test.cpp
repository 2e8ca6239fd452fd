#include <gtest/gtest.h>

#include <set>

#include "domain/case_code.hpp"
#include "security/random.hpp"

namespace haven::domain {
namespace {

TEST(CaseCode, FormatsFortyBitsReadably) {
  EXPECT_EQ(format_case_code({0, 0, 0, 0, 0}), "HV-0000-0000");
  EXPECT_EQ(format_case_code({0xFF, 0xFF, 0xFF, 0xFF, 0xFF}), "HV-ZZZZ-ZZZZ");
  EXPECT_TRUE(is_case_code("HV-7K3M-Q9PX"));
  EXPECT_FALSE(is_case_code("HV-7K3M-Q9PI"));  // I is not in the alphabet: misread as 1
  EXPECT_FALSE(is_case_code("HV-0001"));
}

TEST(CaseCode, GeneratedCodesAreRandomNotSequential) {
  security::initialise();
  std::set<std::string> codes;
  for (int i = 0; i < 1000; ++i) {
    const std::string code = security::new_case_code();
    EXPECT_TRUE(is_case_code(code)) << code;
    codes.insert(code);
  }
  EXPECT_EQ(codes.size(), 1000U);
  const std::string a = security::new_record_id();
  EXPECT_EQ(a.size(), 26U);
  EXPECT_NE(a, security::new_record_id());
}

}  // namespace
}  // namespace haven::domain
