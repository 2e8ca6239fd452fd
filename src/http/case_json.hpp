// JSON shapes of case files, as the OpenAPI document describes them: decoding requests into domain
// values (every field checked, unknown fields refused) and encoding views for responses.
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include "app/cases.hpp"
#include "app/sessions.hpp"
#include "common/error.hpp"

namespace haven::http {

struct NewCaseInput {
  domain::Person person;
  domain::Reception reception;
  std::vector<std::string> possible_duplicates_seen;  // case codes (app/duplicates.hpp)
};

// A correction: the version read, the part as corrected, and why.
template <class Part>
struct CorrectionInput {
  std::int64_t version = 0;
  Part part;
  std::string reason;
};
using ReceptionUpdateInput = CorrectionInput<domain::Reception>;
using PersonCorrectionInput = CorrectionInput<domain::Person>;

Result<NewCaseInput> decode_new_case(const boost::json::value& body);
Result<ReceptionUpdateInput> decode_reception_update(const boost::json::value& body);
Result<PersonCorrectionInput> decode_person_correction(const boost::json::value& body);

boost::json::object encode_case(const app::CaseView& view);
boost::json::object encode_person(const domain::Person& person, bool treated_as_child);
boost::json::object encode_reception(const domain::Reception& reception, std::string_view recorded_by_name);
boost::json::object encode_record(const domain::CaseRecord& record);
boost::json::object encode_case_list(const app::CaseList& list);
// `csrf_token`: what the page sends back in X-CSRF-Token with every change. `second_factor`: whether
// two-step sign-in is on, and whether the session must set it up before anything else. `session`:
// how long it lasts without activity and when it ends whatever the activity, so that the page can
// warn before it ends and keep what is being typed.
boost::json::object encode_signed_in(const app::Actor& actor, const domain::Centre& centre, std::string_view csrf_token,
                                     bool second_factor_enabled, std::chrono::seconds idle_timeout);

}  // namespace haven::http
