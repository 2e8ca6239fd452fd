// The routes of each part of the API, each file declaring its own (RouteSpec, http/route_spec.hpp);
// http/routes.cpp lists them all once, for the router and the OpenAPI document.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "http/route_spec.hpp"
#include "i18n/messages.hpp"

namespace haven::http {

// A clause's title in the reader's language (its ID when the catalog has no such clause).
std::string clause_title(std::string_view id, i18n::Language language);

std::vector<RouteSpec> system_routes();
std::vector<RouteSpec> session_routes();
std::vector<RouteSpec> case_routes();
std::vector<RouteSpec> case_work_routes();
std::vector<RouteSpec> draft_routes();
std::vector<RouteSpec> document_routes();
std::vector<RouteSpec> notification_routes();
std::vector<RouteSpec> centre_routes();
std::vector<RouteSpec> disclosure_routes();
std::vector<RouteSpec> erasure_routes();
std::vector<RouteSpec> admin_routes();
std::vector<RouteSpec> account_routes();

}  // namespace haven::http
