// The reception record of clause II.1.a: when the person arrived, who referred them and through
// which channel, on what legal basis, and which documents came with them.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/clock.hpp"
#include "common/enum_names.hpp"

namespace haven::domain {

enum class ReferralChannel { police, border_guard, social_welfare, ngo, hotline, self, family, other };
inline constexpr EnumNames<ReferralChannel, 8> kReferralChannelNames{{{
    {ReferralChannel::police, "police"},
    {ReferralChannel::border_guard, "border_guard"},
    {ReferralChannel::social_welfare, "social_welfare"},
    {ReferralChannel::ngo, "ngo"},
    {ReferralChannel::hotline, "hotline"},
    {ReferralChannel::self, "self"},
    {ReferralChannel::family, "family"},
    {ReferralChannel::other, "other"},
}}};

struct Reception {
  Timestamp received_at{};
  ReferralChannel referral_channel = ReferralChannel::other;
  std::string referring_authority;  // the authority or organisation that brought or referred the person
  std::string legal_basis;          // the decision or provision the reception rests on
  std::vector<std::string> documents;
  std::string recorded_by;  // staff ID
};

}  // namespace haven::domain
