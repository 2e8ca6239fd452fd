// Consent and disclosure (I.3, II.2.a, II.6.d, II.8.e): what the victim (and for a child, also the
// guardian or legal representative) agreed may be shared, with whom and why; and each time
// information about the victim left the centre. The standards engine's disclosure gate
// (standards/disclosure_gate.hpp) decides whether a disclosure may happen.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/clock.hpp"
#include "common/enum_names.hpp"
#include "domain/record_type.hpp"

namespace haven::domain {

// Who gave a consent. For a child (II.2.d) a disclosure needs the child's own consent and one of the
// adults' (I.3.d).
enum class ConsentGiver { victim, guardian, legal_representative };
inline constexpr EnumNames<ConsentGiver, 3> kConsentGiverNames{{{
    {ConsentGiver::victim, "victim"},
    {ConsentGiver::guardian, "guardian"},
    {ConsentGiver::legal_representative, "legal_representative"},
}}};

// The categories of information a consent covers and a disclosure carries.
enum class InformationCategory { identity, contact, health, psychological, case_history, identification, plan };
inline constexpr EnumNames<InformationCategory, 7> kInformationCategoryNames{{{
    {InformationCategory::identity, "identity"},
    {InformationCategory::contact, "contact"},
    {InformationCategory::health, "health"},
    {InformationCategory::psychological, "psychological"},
    {InformationCategory::case_history, "case_history"},
    {InformationCategory::identification, "identification"},
    {InformationCategory::plan, "plan"},
}}};

// Why information would leave: a consent names the purposes it allows.
enum class DisclosurePurpose { referral, identification, family_reunification, legal_proceedings, repatriation, other };
inline constexpr EnumNames<DisclosurePurpose, 6> kDisclosurePurposeNames{{{
    {DisclosurePurpose::referral, "referral"},
    {DisclosurePurpose::identification, "identification"},
    {DisclosurePurpose::family_reunification, "family_reunification"},
    {DisclosurePurpose::legal_proceedings, "legal_proceedings"},
    {DisclosurePurpose::repatriation, "repatriation"},
    {DisclosurePurpose::other, "other"},
}}};

// I.3.b: a consent, in force from when it was given (the record's time) until it expires or is withdrawn.
struct Consent {
  ConsentGiver given_by = ConsentGiver::victim;
  std::vector<InformationCategory> categories;
  std::string recipient;
  std::vector<DisclosurePurpose> purposes;
  std::optional<Timestamp> expires_at;
  bool informed = false;  // told what would be shared, with whom and why, before agreeing
};
constexpr auto describe(Type<Consent>) {
  return case_record_type("consent", "I.3.b I.3.d", std::nullopt,
                          choice("given_by", &Consent::given_by, kConsentGiverNames),
                          choices("categories", &Consent::categories, kInformationCategoryNames, true),
                          required_text("recipient", &Consent::recipient),
                          choices("purposes", &Consent::purposes, kDisclosurePurposeNames, true),
                          optional_time("expires_at", &Consent::expires_at), flag("informed", &Consent::informed));
}

// I.3.b: a consent withdrawn stops every disclosure from that moment.
struct ConsentWithdrawal {
  std::string consent_id;
};
constexpr auto describe(Type<ConsentWithdrawal>) {
  return case_record_type("consent_withdrawal", "I.3.b", std::nullopt,
                          id("consent_id", &ConsentWithdrawal::consent_id, "consent"));
}

enum class DisclosureKind {
  export_file,                 // the case file or part of it, exported
  print,                       // a printed copy leaving the centre
  referral_package,            // II.6.d: what a referral sends to the provider
  family_information,          // II.8.e: recovery information to the family
  agency_information,          // II.8.e: to an agency that requires it
  identification_cooperation,  // II.2.a: shared with an authority for identification
  case_transfer,               // the whole file, to another centre that takes over the service
};
inline constexpr EnumNames<DisclosureKind, 7> kDisclosureKindNames{{{
    {DisclosureKind::export_file, "export_file"},
    {DisclosureKind::print, "print"},
    {DisclosureKind::referral_package, "referral_package"},
    {DisclosureKind::family_information, "family_information"},
    {DisclosureKind::agency_information, "agency_information"},
    {DisclosureKind::identification_cooperation, "identification_cooperation"},
    {DisclosureKind::case_transfer, "case_transfer"},
}}};

// The terms of a disclosure: to whom, why, which categories only. Declared once, for the disclosure
// that left and for the request for one (the same fields, the same names in the API).
template <class S, class Make>
constexpr auto with_disclosure_terms(Make make) {
  return make(choice("kind", &S::kind, kDisclosureKindNames), required_text("recipient", &S::recipient),
              choice("purpose", &S::purpose, kDisclosurePurposeNames),
              choices("categories", &S::categories, kInformationCategoryNames, true), text("reason", &S::reason),
              optional_id("referral_id", &S::referral_id, "referral"));
}

// I.3.a: information about the victim that left the centre: to whom, why, which categories only,
// approved by the centre head.
struct Disclosure {
  DisclosureKind kind = DisclosureKind::export_file;
  std::string recipient;
  DisclosurePurpose purpose = DisclosurePurpose::other;
  std::vector<InformationCategory> categories;
  std::string reason;
  std::string referral_id;  // II.6.d: the referral a package belongs to
};
constexpr auto describe(Type<Disclosure>) {
  return with_disclosure_terms<Disclosure>([](auto... terms) {
    return case_record_type("disclosure", "I.3.a I.3.b I.3.d II.2.a II.6.d II.8.e", std::nullopt, terms...);
  });
}

// I.3.a without break-glass: someone on the case asks the centre head to release a package on these
// terms (app/disclosure_requests.hpp). Written by the server with the request, never posted.
struct DisclosureRequest {
  DisclosureKind kind = DisclosureKind::export_file;
  std::string recipient;
  DisclosurePurpose purpose = DisclosurePurpose::other;
  std::vector<InformationCategory> categories;
  std::string reason;
  std::string referral_id;
};
constexpr auto describe(Type<DisclosureRequest>) {
  return with_disclosure_terms<DisclosureRequest>(
      [](auto... terms) { return server_record_type("disclosure_request", "I.3.a", terms...); });
}

// The centre head's answer to a request: approved (the package left: `disclosure_id` is its record)
// or declined, with her reason. Written by the server with the decision, never posted.
struct DisclosureDecision {
  std::string request_id;
  bool approved = false;
  std::string reason;
  std::string disclosure_id;
};
constexpr auto describe(Type<DisclosureDecision>) {
  return server_record_type("disclosure_decision", "I.3.a",
                            id("request_id", &DisclosureDecision::request_id, "disclosure_request"),
                            flag("approved", &DisclosureDecision::approved), text("reason", &DisclosureDecision::reason),
                            optional_id("disclosure_id", &DisclosureDecision::disclosure_id, "disclosure"));
}

}  // namespace haven::domain
