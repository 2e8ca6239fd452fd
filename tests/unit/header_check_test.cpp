// The header shapes a proxy and Haven might read differently (request smuggling) are refused; the
// ordinary ones pass.
#include <gtest/gtest.h>

#include "http/header_check.hpp"

namespace haven::http {
namespace {

TEST(HeaderCheck, RefusesWhatAProxyMightReadDifferently) {
  const struct {
    const char* header;
    bool accepted;
  } rows[] = {
      {"GET / HTTP/1.1\r\nHost: x\r\n", true},
      {"\r\nGET / HTTP/1.1\r\nHost: x\r\n", true},
      {"POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n", true},
      {"POST /a HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n", true},
      {"POST /a HTTP/1.1\r\nHost: x\r\ntransfer-encoding:  Chunked \r\n", true},
      {"GET / HTTP/1.1\r\nHost: x\r\nX-Long: a\r\n  continued\r\n", false},           // obs-fold
      {"GET / HTTP/1.1\r\nHost: x\r\nX-Long: a\r\n\tcontinued\r\n", false},
      {"POST /a HTTP/1.1\r\nContent-Length: 5\r\nContent-Length: 5\r\n", false},       // twice, one value
      {"POST /a HTTP/1.1\r\ncontent-length: 5\r\nContent-Length: 6\r\n", false},
      {"POST /a HTTP/1.1\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\n", false},
      {"POST /a HTTP/1.1\r\nTransfer-Encoding: gzip, chunked\r\n", false},
      {"POST /a HTTP/1.1\r\nTransfer-Encoding: chunked, identity\r\n", false},
      {"POST /a HTTP/1.1\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n", false},
      {"POST /a HTTP/1.1\r\nTransfer-Encoding: xchunked\r\n", false},
  };
  for (const auto& row : rows) EXPECT_EQ(header_is_unambiguous(row.header), row.accepted) << row.header;
}

}  // namespace
}  // namespace haven::http
