// What the transport refuses in a request's header before Beast reads it, because a proxy in front
// may read it differently and so smuggle one request inside another (RFC 9112 sections 5.2, 6.1 and
// 6.3): a folded header line (obs-fold), Content-Length given twice (even with one value),
// Transfer-Encoding with Content-Length, and Transfer-Encoding other than exactly "chunked".
// Beast alone accepted all four. Pure: the header's bytes in, whether to answer 400.
//
//   if (!header_is_unambiguous(raw)) ... 400 ...
#pragma once

#include <string_view>

namespace haven::http {

// `header`: the request line and header lines, up to (not including) the blank line that ends them.
bool header_is_unambiguous(std::string_view header);

}  // namespace haven::http
