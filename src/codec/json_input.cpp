#include "codec/json_input.hpp"

#include <algorithm>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <boost/json.hpp>
#include <boost/json/basic_parser_impl.hpp>

#include "domain/utf8.hpp"

namespace haven::codec {
namespace {

// Finds the first key that appears twice in one object. boost::json keeps the last of duplicates
// silently; strict parsers refuse them, and so does Haven, so that no two readers of one body (a
// proxy, a log, the server) can take different values from it. A second pass, over text already
// known to be valid JSON, with the parser's events only: nothing is built.
class DuplicateKeyFinder {
 public:
  static constexpr std::size_t max_object_size = std::size_t(-1);
  static constexpr std::size_t max_array_size = std::size_t(-1);
  static constexpr std::size_t max_key_size = std::size_t(-1);
  static constexpr std::size_t max_string_size = std::size_t(-1);

  std::optional<std::string> duplicate;  // its path, e.g. "person.name" or "body.actions[].need"

  bool on_document_begin(boost::system::error_code&) { return true; }
  bool on_document_end(boost::system::error_code&) { return true; }
  bool on_object_begin(boost::system::error_code&) { return open(false); }
  bool on_object_end(std::size_t, boost::system::error_code&) { return close(); }
  bool on_array_begin(boost::system::error_code&) { return open(true); }
  bool on_array_end(std::size_t, boost::system::error_code&) { return close(); }
  bool on_key_part(std::string_view part, std::size_t, boost::system::error_code&) {
    key_ += part;
    return true;
  }
  bool on_key(std::string_view part, std::size_t, boost::system::error_code&) {
    key_ += part;
    auto& object = open_.back();
    if (!duplicate && !object.keys.insert(key_).second) duplicate = join(object.path, key_);
    object.latest_key = std::move(key_);
    key_.clear();
    return true;
  }
  bool on_string_part(std::string_view, std::size_t, boost::system::error_code&) { return true; }
  bool on_string(std::string_view, std::size_t, boost::system::error_code&) { return true; }
  bool on_number_part(std::string_view, boost::system::error_code&) { return true; }
  bool on_int64(std::int64_t, std::string_view, boost::system::error_code&) { return true; }
  bool on_uint64(std::uint64_t, std::string_view, boost::system::error_code&) { return true; }
  bool on_double(double, std::string_view, boost::system::error_code&) { return true; }
  bool on_bool(bool, boost::system::error_code&) { return true; }
  bool on_null(boost::system::error_code&) { return true; }
  bool on_comment_part(std::string_view, boost::system::error_code&) { return true; }
  bool on_comment(std::string_view, boost::system::error_code&) { return true; }

 private:
  struct Container {
    bool is_array = false;
    std::string path;
    std::string latest_key;
    std::set<std::string, std::less<>> keys;
  };
  static std::string join(const std::string& path, const std::string& key) {
    return path.empty() ? key : path + "." + key;
  }
  bool open(bool is_array) {
    std::string path;
    if (!open_.empty()) {
      const auto& parent = open_.back();
      path = parent.is_array ? parent.path + "[]" : join(parent.path, parent.latest_key);
    }
    open_.push_back({is_array, std::move(path), {}, {}});
    return true;
  }
  bool close() {
    open_.pop_back();
    return true;
  }

  std::vector<Container> open_;
  std::string key_;
};

std::optional<std::string> find_duplicate_key(std::string_view text) {
  boost::json::basic_parser<DuplicateKeyFinder> parser(boost::json::parse_options{.max_depth = kMaxJsonDepth});
  boost::system::error_code ec;
  parser.write_some(false, text.data(), text.size(), ec);
  if (ec) return std::nullopt;  // the first parse has answered for what is not JSON
  return parser.handler().duplicate;
}

}  // namespace

Result<boost::json::value> parse_json_body(std::string_view body) {
  if (!domain::is_valid_utf8(body)) return fail(ErrorCode::invalid_utf8);
  boost::json::parse_options options;
  options.max_depth = kMaxJsonDepth;
  boost::system::error_code ec;
  boost::json::value value = boost::json::parse(body, ec, {}, options);
  if (ec == boost::json::error::too_deep) return fail(ErrorCode::malformed_json, {}, "error.too_deep");
  if (ec) return fail(ErrorCode::malformed_json);
  if (auto key = find_duplicate_key(body)) return fail(ErrorCode::malformed_json, *key, "error.duplicate_key");
  if (!value.is_object()) {
    Error e;
    e.code = ErrorCode::wrong_type;
    e.field = "(body)";
    e.args.push_back({"expected", "type.object"});
    e.message_key = "error.wrong_type";
    return tl::unexpected(e);
  }
  return value;
}

ObjectReader::ObjectReader(const boost::json::value& value, std::string prefix) : prefix_(std::move(prefix)) {
  object_ = value.if_object();
  if (!object_) wrong_type("", "type.object");
}

std::string ObjectReader::path(std::string_view key) const {
  if (prefix_.empty()) return std::string(key);
  if (key.empty()) return prefix_;
  return prefix_ + "." + std::string(key);
}

Error& ObjectReader::record(ErrorCode code, std::string_view key, std::string message_key) {
  if (!problem_) {
    Error e;
    e.code = code;
    e.field = path(key);
    e.message_key = std::move(message_key);
    problem_ = std::move(e);
  }
  return *problem_;
}

Error& ObjectReader::wrong_type(std::string_view key, std::string_view expected) {
  // The expected type is named in the message; its words come from the catalog in either language
  // through the renderer, so only the key travels here.
  Error& e = record(ErrorCode::wrong_type, key);
  if (e.args.empty()) e.with_arg("expected", std::string(expected));
  return e;
}

const boost::json::value* ObjectReader::field(std::string_view key, bool required) {
  seen_.emplace_back(key);
  if (!object_ || problem_) return nullptr;
  const auto* value = object_->if_contains(key);
  if ((!value || value->is_null()) && required) {
    record(ErrorCode::missing_field, key);
    return nullptr;
  }
  return (value && !value->is_null()) ? value : nullptr;
}

std::string ObjectReader::required_string(std::string_view key) {
  const auto* value = field(key, true);
  if (!value) return {};
  if (!value->is_string()) {
    wrong_type(key, "type.string");
    return {};
  }
  return checked_text(key, value->as_string());
}

std::string ObjectReader::optional_string(std::string_view key) {
  const auto* value = field(key, false);
  if (!value) return {};
  if (!value->is_string()) {
    wrong_type(key, "type.string");
    return {};
  }
  return checked_text(key, value->as_string());
}

bool ObjectReader::optional_bool(std::string_view key) {
  const auto* value = field(key, false);
  if (!value) return false;
  if (!value->is_bool()) {
    wrong_type(key, "type.boolean");
    return false;
  }
  return value->as_bool();
}

std::string ObjectReader::checked_text(std::string_view key, std::string_view text) {
  // "\u0000" is valid JSON but no text Haven keeps: C strings, libpq and printed pages all stop at it.
  if (text.find('\0') != std::string_view::npos) {
    record(ErrorCode::validation_failed, key, "validation.forbidden_characters");
    return {};
  }
  return std::string(text);
}

bool ObjectReader::required_bool(std::string_view key) {
  const auto* value = field(key, true);
  if (!value) return false;
  if (!value->is_bool()) {
    wrong_type(key, "type.boolean");
    return false;
  }
  return value->as_bool();
}

std::optional<std::int64_t> ObjectReader::optional_integer(std::string_view key) {
  const auto* value = field(key, false);
  if (!value) return std::nullopt;
  if (value->is_int64()) return value->as_int64();
  if (value->is_uint64() && value->as_uint64() <= static_cast<std::uint64_t>(INT64_MAX)) {
    return static_cast<std::int64_t>(value->as_uint64());
  }
  wrong_type(key, "type.integer");
  return std::nullopt;
}

std::int64_t ObjectReader::required_integer(std::string_view key) {
  if (!object_ || problem_) return 0;
  const auto* value = object_->if_contains(key);
  if (!value || value->is_null()) {
    seen_.emplace_back(key);
    record(ErrorCode::missing_field, key);
    return 0;
  }
  return optional_integer(key).value_or(0);
}

std::optional<Date> ObjectReader::optional_date(std::string_view key) {
  const auto* value = field(key, false);
  if (!value) return std::nullopt;
  if (!value->is_string()) {
    wrong_type(key, "type.string");
    return std::nullopt;
  }
  auto date = parse_iso_date(value->as_string());
  if (!date) record(ErrorCode::validation_failed, key, "validation.date_format");
  return date;
}

Timestamp ObjectReader::required_timestamp(std::string_view key) {
  const std::string text = required_string(key);
  if (failed()) return {};
  auto at = parse_iso_timestamp(text);
  if (!at) {
    record(ErrorCode::validation_failed, key, "validation.timestamp_format");
    return {};
  }
  return *at;
}

Error not_one_of(std::string field, std::span<const std::string_view> allowed) {
  Error e(ErrorCode::validation_failed);
  e.field = std::move(field);
  e.message_key = "validation.enum";
  std::string list;
  for (const auto name : allowed) list += (list.empty() ? "" : ", ") + std::string(name);
  e.with_arg("allowed", list);
  return e;
}

std::optional<Timestamp> ObjectReader::optional_timestamp(std::string_view key) {
  const auto* value = field(key, false);
  if (!value || value->is_null()) return std::nullopt;
  if (!value->is_string()) {
    wrong_type(key, "type.string");
    return std::nullopt;
  }
  auto at = parse_iso_timestamp(checked_text(key, value->as_string()));
  if (failed()) return std::nullopt;
  if (!at) {
    record(ErrorCode::validation_failed, key, "validation.timestamp_format");
    return std::nullopt;
  }
  return *at;
}

std::vector<std::string> ObjectReader::string_array(std::string_view key, bool required) {
  std::vector<std::string> items;
  const auto* value = field(key, required);
  if (!value) return items;
  if (!value->is_array()) {
    wrong_type(key, "type.array");
    return items;
  }
  std::size_t index = 0;
  for (const auto& item : value->as_array()) {
    if (!item.is_string()) {
      wrong_type(std::string(key) + "[" + std::to_string(index) + "]", "type.string");
      return {};
    }
    items.push_back(checked_text(std::string(key) + "[" + std::to_string(index) + "]", item.as_string()));
    if (failed()) return {};
    ++index;
  }
  return items;
}

const boost::json::value* ObjectReader::required_object(std::string_view key) {
  const auto* value = field(key, true);
  if (!value) return nullptr;
  if (!value->is_object()) {
    wrong_type(key, "type.object");
    return nullptr;
  }
  return value;
}

const boost::json::array* ObjectReader::optional_array(std::string_view key) {
  const auto* value = field(key, false);
  if (!value) return nullptr;
  if (!value->is_array()) {
    wrong_type(key, "type.array");
    return nullptr;
  }
  return &value->as_array();
}

std::optional<Error> ObjectReader::finish() {
  if (!problem_ && object_) {
    for (const auto& member : *object_) {
      if (std::find(seen_.begin(), seen_.end(), member.key()) == seen_.end()) {
        record(ErrorCode::unknown_field, member.key());
        break;
      }
    }
  }
  return problem_;
}

}  // namespace haven::codec
