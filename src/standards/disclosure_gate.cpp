#include "standards/disclosure_gate.hpp"

#include <algorithm>

#include "domain/search_fold.hpp"

namespace haven::standards {

bool same_party(std::string_view a, std::string_view b) { return domain::fold_for_search(a) == domain::fold_for_search(b); }

namespace {

using domain::ConsentGiver;

// What a consent leaves uncovered of a disclosure: the categories it does not list. Empty when it
// covers everything, for the same recipient and purpose; nullopt when recipient or purpose differ.
std::optional<std::vector<domain::InformationCategory>> uncovered(const domain::Consent& consent,
                                                                  const domain::Disclosure& disclosure) {
  if (!consent.informed || !same_party(consent.recipient, disclosure.recipient)) return std::nullopt;
  if (std::find(consent.purposes.begin(), consent.purposes.end(), disclosure.purpose) == consent.purposes.end()) {
    return std::nullopt;
  }
  std::vector<domain::InformationCategory> missing;
  for (const auto category : disclosure.categories) {
    if (std::find(consent.categories.begin(), consent.categories.end(), category) == consent.categories.end()) {
      missing.push_back(category);
    }
  }
  return missing;
}

// The categories as catalog keys ("category.health, category.plan"): the message renders each in the
// reader's language (i18n::localize_args).
std::string category_list(const std::vector<domain::InformationCategory>& categories) {
  std::string out;
  for (const auto c : categories) {
    out += (out.empty() ? "category." : ", category.") + std::string(domain::kInformationCategoryNames.name(c));
  }
  return out;
}

}  // namespace

TransferCheck check_transfer(const CaseHistory& history, std::string_view destination_name, const Author& author,
                             Timestamp at) {
  TransferCheck check;
  check.disclosure.kind = domain::DisclosureKind::case_transfer;
  check.disclosure.recipient = std::string(destination_name);
  check.disclosure.purpose = domain::DisclosurePurpose::referral;
  for (const auto& [category, name] : domain::kInformationCategoryNames.entries) check.disclosure.categories.push_back(category);
  check.disclosure.reason = "case transfer";
  if (history.file.stage == domain::CaseStage::closed) {
    check.decision.refusals.push_back({"", "guard.transfer_closed", {}, false});
    return check;
  }
  check.decision.refusals = check_disclosure(history, check.disclosure, author, at);
  return check;
}

bool consent_in_force(const CaseHistory& history, const domain::CaseRecord& consent, Timestamp at) {
  const auto& c = consent.as<domain::Consent>();
  if (consent.occurred_at > at || (c.expires_at && *c.expires_at <= at)) return false;
  for (const auto* w : history.all<domain::ConsentWithdrawal>()) {
    if (w->as<domain::ConsentWithdrawal>().consent_id == consent.id && w->occurred_at <= at) return false;
  }
  return true;
}

std::vector<Refusal> check_disclosure(const CaseHistory& history, const domain::Disclosure& disclosure,
                                      const Author& author, Timestamp at) {
  std::vector<Refusal> refusals;
  // I.3.a: information leaves only with the centre head's approval; the head records the disclosure.
  if (author.role != domain::Role::centre_head) refusals.push_back({"I.3.a", "guard.disclosure_needs_head", {}, false});

  // II.6.d: a referral package goes to the provider of a referral of this case.
  if (disclosure.kind == domain::DisclosureKind::referral_package) {
    const auto referrals = history.all<domain::Referral>();
    const auto referral = std::find_if(referrals.begin(), referrals.end(), [&](const domain::CaseRecord* r) {
      return r->id == disclosure.referral_id;
    });
    if (referral == referrals.end() || !same_party((*referral)->as<domain::Referral>().provider, disclosure.recipient)) {
      refusals.push_back({"II.6.d", "guard.package_not_for_referral", {}, false});
    }
  }

  // I.3.b, I.3.d: a consent in force covering recipient, purpose and categories, from each party
  // that must give one: the victim, and for a child also a guardian or legal representative.
  const bool child = history.treated_as_child();
  bool victim_covers = false;
  bool adult_covers = false;
  std::optional<std::vector<domain::InformationCategory>> closest;  // the nearest consent's gaps
  for (const auto* record : history.all<domain::Consent>()) {
    if (!consent_in_force(history, *record, at)) continue;
    const auto& consent = record->as<domain::Consent>();
    const auto gaps = uncovered(consent, disclosure);
    if (!gaps) continue;
    if (gaps->empty()) {
      (consent.given_by == ConsentGiver::victim ? victim_covers : adult_covers) = true;
    } else if (!closest || gaps->size() < closest->size()) {
      closest = gaps;
    }
  }
  if (!victim_covers && !(adult_covers && child)) {
    if (closest) {
      Refusal r{"I.3.b", "guard.consent_does_not_cover", {}, false};
      r.args.push_back({"categories", category_list(*closest)});
      refusals.push_back(std::move(r));
    } else {
      refusals.push_back({"I.3.b", "guard.no_consent", {}, false});
    }
  } else if (child && !(victim_covers && adult_covers)) {
    refusals.push_back({"I.3.d", victim_covers ? "guard.child_needs_guardian_consent" : "guard.child_needs_own_consent", {}, false});
  }
  return refusals;
}

}  // namespace haven::standards
