#include <gtest/gtest.h>

#include "domain/search_fold.hpp"

namespace haven::domain {
namespace {

struct FoldCase {
  const char* input;
  const char* folded;
};

class SearchFoldTest : public ::testing::TestWithParam<FoldCase> {};

TEST_P(SearchFoldTest, FoldsVietnameseToPlainLowerCase) {
  EXPECT_EQ(fold_for_search(GetParam().input), GetParam().folded);
}

INSTANTIATE_TEST_SUITE_P(
    Names, SearchFoldTest,
    ::testing::Values(FoldCase{"Đặng", "dang"}, FoldCase{"Đức", "duc"}, FoldCase{"đ", "d"},
                      FoldCase{"NGUYỄN THỊ MINH KHAI", "nguyen thi minh khai"},
                      FoldCase{"Trần  Văn\tƯớc", "tran van uoc"}, FoldCase{"  Phạm Hương ", "pham huong"},
                      FoldCase{"Lê Thị Ánh Tuyết", "le thi anh tuyet"}, FoldCase{"Ngô Quỳnh", "ngo quynh"},
                      // Decomposed input (NFD): the combining marks are dropped, the letters kept.
                      FoldCase{"D\xE1\xBA\xA1" "ng", "dang"}, FoldCase{"a\xCC\x81" "nh", "anh"},
                      FoldCase{"Sokhom Chân", "sokhom chan"}, FoldCase{"", ""}));

TEST(SearchFold, LeavesOtherScriptsAlone) { EXPECT_EQ(fold_for_search("สมชาย"), "สมชาย"); }

}  // namespace
}  // namespace haven::domain
