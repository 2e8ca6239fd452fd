// Documents, on both backends: a scanned paper attached by the worker on the case opens as it was,
// typed by its bytes, each opening on the record; a file that is not a PDF, JPEG or PNG (whatever it
// is called), one over 10 MiB, a cut-off upload and bad metadata are refused naming the problem,
// with nothing stored; nobody off the case attaches or opens one; the case file lists them.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include <boost/json.hpp>

#include "domain/document.hpp"
#include "support/each_backend.hpp"

namespace haven::testing {
namespace {

namespace json = boost::json;
namespace http = boost::beast::http;

// A file that begins as a PDF does, `size` bytes, every 256 KiB chunk different from the others.
std::string pdf_of(std::size_t size) {
  std::string bytes = "%PDF-1.7\n";
  bytes.reserve(size);
  for (std::size_t i = bytes.size(); i < size; ++i) bytes.push_back(static_cast<char>('a' + (i * 7 + i / 4096) % 26));
  bytes.resize(size);
  return bytes;
}
const std::string kPng = std::string("\x89PNG\r\n\x1A\n", 8) + std::string(300, '\x01');

class Documents : public OnEachBackendWithHead {
 protected:
  void SetUp() override {
    OnEachBackendWithHead::SetUp();
    if (IsSkipped()) return;
    auto r = worker_->post_json("/api/v1/cases", new_case_json("Đặng Thị Hoa"));
    ASSERT_EQ(r.result_int(), 201) << r.body();
    case_id_ = std::string(json::parse(r.body()).at("id").as_string());
  }
  std::string documents_path() const { return "/api/v1/cases/" + case_id_ + "/documents"; }
  // `query` as a form would write it; its name goes in the Document-Name header, as the UI sends it.
  ClientResponse attach(HttpClient& who, const std::string& query, const std::string& bytes,
                        const std::string& type = "application/pdf") {
    std::string rest;
    std::map<std::string, std::string> headers{{"Content-Type", type}};
    for (std::size_t from = 0; from <= query.size();) {
      const auto to = std::min(query.find('&', from), query.size());
      const auto part = query.substr(from, to - from);
      if (part.starts_with("name=")) {
        headers["Document-Name"] = part.substr(5);
      } else if (!part.empty()) {
        rest += (rest.empty() ? "?" : "&") + part;
      }
      from = to + 1;
    }
    return who.send(http::verb::post, documents_path() + rest, bytes, headers);
  }
  json::array listed() {
    auto r = worker_->get("/api/v1/cases/" + case_id_ + "/file");
    EXPECT_EQ(r.result_int(), 200) << r.body();
    return json::parse(r.body()).at("documents").as_array();
  }
  long audited(std::string_view action) {
    auto trail = storage::read_value<std::vector<storage::AuditEntry>>(
        server_->store(), [&](storage::ReadTransaction& tx) { return tx.audit().list_for_case(case_id_); });
    return trail ? std::count_if(trail->begin(), trail->end(), [&](const auto& e) { return e.action == action; }) : -1;
  }
  std::string case_id_;
};

TEST_P(Documents, AnAttachedScanOpensAsItWasAndEveryOpeningIsOnTheRecord) {
  const auto bytes = pdf_of(3 * domain::kDocumentChunkBytes + 1234);  // four chunks, the last short
  auto r = attach(*worker_, "name=Gi%E1%BA%A5y%20khai%20sinh.pdf&category=identity", bytes);
  ASSERT_EQ(r.result_int(), 201) << r.body();
  const auto d = json::parse(r.body()).as_object();
  EXPECT_EQ(d.at("name").as_string(), "Giấy khai sinh.pdf");
  EXPECT_EQ(d.at("category").as_string(), "identity");
  EXPECT_EQ(d.at("media_type").as_string(), "application/pdf");
  EXPECT_EQ(d.at("byte_size").as_int64(), static_cast<std::int64_t>(bytes.size()));
  EXPECT_TRUE(d.at("record_id").is_null());
  EXPECT_EQ(d.at("recorded_by").as_string(), server_->staff_id("worker1"));
  EXPECT_EQ(audited("document.add"), 1);

  const auto content = "/api/v1/cases/" + case_id_ + "/documents/" + std::string(d.at("id").as_string()) + "/content";
  auto opened = worker_->get(content);
  ASSERT_EQ(opened.result_int(), 200) << opened.body();
  EXPECT_TRUE(opened.body() == bytes) << "the same bytes, in order";
  EXPECT_EQ(opened[http::field::content_type], "application/pdf");
  EXPECT_EQ(opened[http::field::cache_control], "no-store");
  EXPECT_NE(opened[http::field::content_disposition].find("filename*=UTF-8''Gi%E1%BA%A5y%20khai%20sinh.pdf"),
            std::string::npos);
  EXPECT_EQ(worker_->get(content + "?download=1")[http::field::content_disposition].substr(0, 10), "attachment");
  EXPECT_EQ(audited("document.open"), 2) << "each opening";

  const auto documents = listed();
  ASSERT_EQ(documents.size(), 1U);
  EXPECT_EQ(documents[0].at("id"), d.at("id"));
  // Sealed: neither its name nor its content is in the database in clear.
  auto stored = storage::read_value<std::vector<domain::Document>>(
      server_->store(), [&](storage::ReadTransaction& tx) { return tx.documents().list(case_id_); });
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->size(), 1U);
}

TEST_P(Documents, ItsTypeIsWhatItsBytesSayNotItsNameAndARefusalStoresNothing) {
  // A script named as a PDF and sent as one: refused, in the reader's language, naming the file.
  auto refused = attach(*worker_, "name=scan.pdf&category=health", "<script>alert(1)</script>");
  EXPECT_EQ(refused.result_int(), 415) << refused.body();
  const auto problem = json::parse(refused.body());
  EXPECT_EQ(problem.at("field").as_string(), "file");
  EXPECT_NE(std::string(problem.at("detail").as_string()).find("PDF"), std::string::npos);
  worker_->set_language("en");
  auto in_english = attach(*worker_, "name=notes.docx&category=health", "PK\x03\x04 a word file");
  EXPECT_EQ(in_english.result_int(), 415);
  EXPECT_NE(std::string(json::parse(in_english.body()).at("detail").as_string()).find("PDF, JPEG or PNG"),
            std::string::npos)
      << in_english.body();
  EXPECT_TRUE(listed().empty());
  EXPECT_EQ(audited("document.add"), 0);

  // A photo called nothing in particular, sent as bytes of no type: a PNG, as its bytes say.
  auto photo = attach(*worker_, "name=anh&category=identity", kPng, "application/octet-stream");
  ASSERT_EQ(photo.result_int(), 201) << photo.body();
  EXPECT_EQ(json::parse(photo.body()).at("media_type").as_string(), "image/png");
  // Saved under the extension of what it is, never the one it came with.
  for (const auto& [query, saved] : {std::pair{std::string("name=anh&category=identity"), std::string("anh.png")},
                                     std::pair{std::string("name=x.hta&category=identity"), std::string("x.png")}}) {
    auto r = attach(*worker_, query, kPng);
    ASSERT_EQ(r.result_int(), 201) << r.body();
    auto opened = worker_->get(documents_path() + "/" + std::string(json::parse(r.body()).at("id").as_string()) +
                               "/content?download=1");
    EXPECT_NE(opened[http::field::content_disposition].find("filename*=UTF-8''" + saved), std::string::npos)
        << opened[http::field::content_disposition];
  }
}

TEST_P(Documents, OverTenMebibytesIsRefusedAndTenIsTaken) {
  auto too_big = attach(*worker_, "name=big.pdf&category=health", pdf_of(domain::kMaxDocumentBytes + 1));
  EXPECT_EQ(too_big.result_int(), 413) << too_big.body();
  EXPECT_TRUE(listed().empty());
  auto ten = attach(*worker_, "name=ten.pdf&category=health", pdf_of(domain::kMaxDocumentBytes));
  EXPECT_EQ(ten.result_int(), 201) << ten.body();
}

TEST_P(Documents, BadMetadataIsRefusedNamingTheFieldAndNothingIsStored) {
  const auto pdf = pdf_of(1000);
  const std::pair<std::string, std::string> cases[] = {
      {"category=identity", "name"},
      {"name=%3Cb%3Ex%3C%2Fb%3E&category=identity", "name"},
      {"name=..%2F..%2Fetc%2Fpasswd&category=identity", "name"},
      {"name=%ZZ.pdf&category=identity", "name"},     // not percent-encoding
      {"name=%C3%28.pdf&category=identity", "name"},  // not UTF-8
      {"name=a.pdf", "category"},
      {"name=a.pdf&category=secrets", "category"},
      {"name=a.pdf&category=identity&record_id=not-a-record-of-this-case", "record_id"},
  };
  for (const auto& [query, field] : cases) {
    auto r = attach(*worker_, query, pdf);
    EXPECT_EQ(r.result_int(), 422) << query << " " << r.body();
    EXPECT_EQ(json::parse(r.body()).at("field").as_string(), field) << query;
  }
  auto empty = attach(*worker_, "name=a.pdf&category=identity", "");
  EXPECT_EQ(empty.result_int(), 422) << empty.body();
  EXPECT_TRUE(listed().empty());

  // The names scanners and phones give files are names: underscores, brackets, hashes, digits.
  auto scanned = attach(*worker_,
                        "name=Quyet_dinh_0123-QD-UBND%20(trang%201%2B2)%20%232%20%5Bban%20quet%5D.pdf&category=identity",
                        pdf);
  ASSERT_EQ(scanned.result_int(), 201) << scanned.body();
  EXPECT_EQ(json::parse(scanned.body()).at("name").as_string(), "Quyet_dinh_0123-QD-UBND (trang 1+2) #2 [ban quet].pdf");
}

TEST_P(Documents, ACutOffUploadStoresNothing) {
  const auto body = pdf_of(100'000);
  std::string request = "POST " + documents_path() +
                        "?category=identity HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/pdf\r\n"
                        "Document-Name: a.pdf\r\n"
                        "Cookie: " + worker_->cookie() + "\r\nX-CSRF-Token: " + worker_->csrf_token() +
                        "\r\nContent-Length: 1000000\r\nConnection: close\r\n\r\n" + body;
  try {
    (void)worker_->send_raw(request);  // the client goes away with 900,000 bytes unsent
  } catch (const std::exception&) {
    // no answer at all is as good as a refusal here
  }
  EXPECT_TRUE(listed().empty());
  EXPECT_EQ(audited("document.add"), 0);
}

// A client that asks before sending its body (curl does past 1 MiB) is told to go on at once, not
// left to its own timeout; one past 10 MiB is refused before it sends a byte of it.
TEST_P(Documents, AClientThatAsksFirstIsAnsweredBeforeItSendsTheFile) {
  const auto header = [&](std::size_t length) {
    return "POST " + documents_path() + "?category=identity HTTP/1.1\r\nHost: 127.0.0.1\r\nDocument-Name: a.pdf\r\n"
           "Content-Type: application/pdf\r\nCookie: " + worker_->cookie() + "\r\nX-CSRF-Token: " +
           worker_->csrf_token() + "\r\nContent-Length: " + std::to_string(length) +
           "\r\nExpect: 100-continue\r\n\r\n";
  };
  EXPECT_EQ(worker_->send_raw(header(5 * 1024 * 1024)).result_int(), 100);
  EXPECT_EQ(worker_->send_raw(header(domain::kMaxDocumentBytes + 1)).result_int(), 413);
  EXPECT_TRUE(listed().empty());
}

TEST_P(Documents, NobodyOffTheCaseAttachesOrOpensOne) {
  auto r = attach(*worker_, "name=a.pdf&category=identity", pdf_of(1000));
  ASSERT_EQ(r.result_int(), 201) << r.body();
  const auto content =
      "/api/v1/cases/" + case_id_ + "/documents/" + std::string(json::parse(r.body()).at("id").as_string()) + "/content";
  for (const std::string who : {"worker2", "counsellor", "auditor", "elsewhere", "provider"}) {
    HttpClient other(server_->port());
    ASSERT_EQ(other.post_json("/api/v1/session", TestServer::credentials(who)).result_int(), 200) << who;
    const auto opened = other.get(content);
    EXPECT_TRUE(opened.result_int() == 403 || opened.result_int() == 404) << who << " " << opened.result_int();
    EXPECT_EQ(opened.body().find("%PDF"), std::string::npos) << who;
    const auto added = other.send(http::verb::post, documents_path() + "?category=identity", pdf_of(1000),
                                  {{"Content-Type", "application/pdf"}, {"Document-Name", "b.pdf"}});
    EXPECT_TRUE(added.result_int() == 403 || added.result_int() == 404) << who << " " << added.result_int();
  }
  EXPECT_EQ(head_->get(content).result_int(), 403) << "the head is not on the case";
  EXPECT_EQ(listed().size(), 1U);
  EXPECT_EQ(worker_->get("/api/v1/cases/" + case_id_ + "/documents/AAAAAAAAAAAAAAAAAAAAAAAAAA/content").result_int(), 404);
}

INSTANTIATE_TEST_SUITE_P(Backends, Documents, ::testing::Values("sqlite", "postgres"), backend_test_name);

}  // namespace
}  // namespace haven::testing
