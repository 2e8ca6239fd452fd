#include "http/header_check.hpp"

#include <cctype>

namespace haven::http {
namespace {

bool same_name(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  }
  return true;
}

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

}  // namespace

bool header_is_unambiguous(std::string_view header) {
  int content_lengths = 0;
  int transfer_encodings = 0;
  bool chunked = true;
  bool request_line = true;
  while (!header.empty()) {
    const auto end = header.find('\n');
    std::string_view line = header.substr(0, end);
    header = end == std::string_view::npos ? std::string_view() : header.substr(end + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (request_line) {
      if (line.empty()) continue;  // blank lines before the request line are allowed and ignored
      request_line = false;
      continue;
    }
    if (line.empty()) break;
    if (line.front() == ' ' || line.front() == '\t') return false;  // obs-fold
    const auto colon = line.find(':');
    if (colon == std::string_view::npos) continue;  // Beast refuses it
    const std::string_view name = line.substr(0, colon);
    if (same_name(name, "Content-Length")) ++content_lengths;
    if (same_name(name, "Transfer-Encoding")) {
      ++transfer_encodings;
      chunked = chunked && same_name(trimmed(line.substr(colon + 1)), "chunked");
    }
  }
  if (content_lengths > 1 || transfer_encodings > 1) return false;
  if (transfer_encodings == 1 && (content_lengths > 0 || !chunked)) return false;
  return true;
}

}  // namespace haven::http
