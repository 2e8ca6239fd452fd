// Registration of every API route. Each handler file adds its own routes; api.cpp calls them all.
// The OpenAPI document (openapi_document.cpp) describes exactly these routes, which a test checks.
#pragma once

#include "app/app_context.hpp"
#include "http/api.hpp"
#include "http/router.hpp"

namespace haven::http {

void add_system_routes(Router& router, app::AppContext& ctx);
void add_session_routes(Router& router, app::AppContext& ctx, const ApiOptions& options);
void add_case_routes(Router& router, app::AppContext& ctx);
void add_case_work_routes(Router& router, app::AppContext& ctx);
void add_centre_routes(Router& router, app::AppContext& ctx);
void add_disclosure_routes(Router& router, app::AppContext& ctx);
void add_erasure_routes(Router& router, app::AppContext& ctx);
void add_admin_routes(Router& router, app::AppContext& ctx);
void add_account_routes(Router& router, app::AppContext& ctx);

std::string_view openapi_document();

}  // namespace haven::http
