// The columns of one SELECT, named: a single list gives both the statement's column list and the
// place each column is read from in its rows, so the two cannot drift apart and no row is read by a
// bare position. Columns are numbered in the order their members are declared (C++ initialises
// members in that order, whatever a constructor lists).
//
//   struct CentreColumns : SqlColumns {
//     SqlColumn id = column("id");
//     SqlColumn name = column("name");
//   };
//   constexpr CentreColumns kCentre;
//   const std::string kFindCentre = kCentre.select("FROM centres WHERE id = $1");
//   centre.name = row.text(kCentre.name);
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>

namespace haven::storage {

// A column's place in the rows of one SELECT; only that SELECT's SqlColumns makes one.
class SqlColumn {
 public:
  constexpr std::size_t index() const { return index_; }

 private:
  friend class SqlColumns;
  constexpr explicit SqlColumn(std::size_t index) : index_(index) {}
  std::size_t index_;
};

class SqlColumns {
 public:
  static constexpr std::size_t kMaxColumns = 32;

  constexpr std::size_t size() const { return count_; }
  std::string list() const;  // "a, b, c", in the order the columns are read
  // "SELECT a, b, c " followed by `rest` ("FROM ... WHERE ...").
  std::string select(std::string_view rest) const;

 protected:
  // The next column, read from `expression`: a column's name or any SQL expression. A list longer
  // than kMaxColumns does not compile when constant, and throws otherwise.
  constexpr SqlColumn column(std::string_view expression) {
    expressions_.at(count_) = expression;
    return SqlColumn(count_++);
  }

 private:
  std::array<std::string_view, kMaxColumns> expressions_{};
  std::size_t count_ = 0;
};

// A SELECT of one column, named by the constant that holds it:
//   constexpr OneColumn kWrappedKey{"wrapped"};   ...   row.text(kWrappedKey.value)
struct OneColumn : SqlColumns {
  constexpr explicit OneColumn(std::string_view expression) : value(column(expression)) {}
  SqlColumn value;
};

inline constexpr OneColumn kCount{"COUNT(*)"};

}  // namespace haven::storage
