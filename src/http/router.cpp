#include "http/router.hpp"

namespace haven::http {
namespace {

bool is_parameter(const std::string& segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

bool segments_match(const Route& route, const std::vector<std::string>& path,
                    std::map<std::string, std::string, std::less<>>& params) {
  if (route.segments.size() != path.size()) return false;
  std::map<std::string, std::string, std::less<>> found;
  for (std::size_t i = 0; i < path.size(); ++i) {
    const std::string& expected = route.segments[i];
    if (is_parameter(expected)) {
      if (path[i].empty()) return false;
      found.emplace(expected.substr(1, expected.size() - 2), path[i]);
    } else if (expected != path[i]) {
      return false;
    }
  }
  params = std::move(found);
  return true;
}

}  // namespace

const std::string& RequestContext::param(std::string_view name) const {
  static const std::string empty;
  const auto it = path_params.find(name);
  return it == path_params.end() ? empty : it->second;
}

std::vector<std::string> split_path(std::string_view path) {
  std::vector<std::string> segments;
  std::size_t start = path.starts_with('/') ? 1 : 0;
  while (start <= path.size()) {
    std::size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    segments.emplace_back(path.substr(start, end - start));
    start = end + 1;
  }
  return segments;
}

Router::Router(const std::vector<RouteSpec>& specs) {
  routes_.reserve(specs.size());
  for (const auto& spec : specs) routes_.push_back(Route{spec, split_path(spec.path)});
}

Result<RouteMatch> Router::match(Verb method, std::string_view path) const {
  const auto segments = split_path(path);
  std::string allowed;
  for (const auto& route : routes_) {
    std::map<std::string, std::string, std::less<>> params;
    if (!segments_match(route, segments, params)) continue;
    if (route.method == method) return RouteMatch{&route, std::move(params)};
    if (!allowed.empty()) allowed += ", ";
    allowed += std::string(beast_http::to_string(route.method));
  }
  if (allowed.empty()) return fail(ErrorCode::not_found);
  Error e;
  e.code = ErrorCode::method_not_allowed;
  e.with_arg("allowed", allowed).with_arg("method", std::string(beast_http::to_string(method)));
  return tl::unexpected(e);
}

}  // namespace haven::http
