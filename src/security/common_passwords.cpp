// Passwords of twelve characters or more that people choose most, in lower case: the ones that
// breached-password lists start with, keyboard walks, and their Vietnamese counterparts ("matkhau"
// is "password", "anhyeuem" is "I love you"). Shorter ones fail the length rule anyway. Runs and
// repetitions ("111111111111", "abcabcabcabc") are refused by rule, not listed.
#include <algorithm>
#include <array>
#include <string_view>

#include "security/password_policy.hpp"

namespace haven::security {
namespace {

constexpr auto kCommon = [] {
  std::array<std::string_view, 120> list{
      "1q2w3e4r5t6y",   "1qaz2wsx3edc",   "1qaz2wsx3edc4rfv", "123456789012",   "1234567890qwerty",
      "123456789abc",   "123456789qwe",   "123qweasdzxc",     "1234qwerasdf",   "1234qwerasdfzxcv",
      "qwertyuiop12",   "qwertyuiop123",  "qwertyuiopasdf",   "qwertyuiopasdfgh", "qwerty123456",
      "qwerty1234567",  "qweasdzxc123",   "asdfghjkl123",     "asdfghjkl1234",  "zxcvbnm12345",
      "zxcvbnm123456",  "q1w2e3r4t5y6",   "a1b2c3d4e5f6",     "password1234",   "password12345",
      "password123456", "password@123",   "password!123",     "password2020",   "password2021",
      "password2022",   "password2023",   "password2024",     "password2025",   "password2026",
      "passw0rd1234",   "p@ssw0rd1234",   "p@ssword1234",     "mypassword123",  "mypassword1234",
      "thisismypassword", "passwordpassword", "changeme1234",   "changemenow1",   "welcome12345",
      "welcome123456",  "welcometothejungle", "letmein12345",   "letmeinplease",  "iloveyou1234",
      "iloveyou12345",  "iloveyouforever", "iloveyousomuch",   "iloveyoubaby",   "iloveyou2024",
      "administrator",  "administrator1", "admin1234567",     "admin@123456",   "adminadmin123",
      "superman1234",   "batman123456",   "football1234",     "baseball1234",   "basketball12",
      "manchesterunited", "liverpool1234", "sunshine1234",     "princess1234",   "starwars1234",
      "trustno1trustno1", "correcthorsebatterystaple", "monkey123456", "dragon123456", "master123456",
      "abcdefghijkl",   "abcdefgh1234",   "abcd1234abcd",     "abc123abc123",   "aaaaaa111111",
      "qazwsxedcrfv",   "qazwsxedc123",   "zaq12wsxcde3",     "1qazxsw23edc",   "poiuytrewq12",
      "matkhau123456",  "matkhau12345",   "matkhaucuatoi",    "matkhaumoi123",  "matkhau@123",
      "anhyeuem123456", "anhyeuem12345",  "anhyeuemnhieu",    "emyeuanh123456", "emyeuanh12345",
      "anhyeuemmaimai", "yeuemmaimai123", "vietnam123456",    "vietnamvodich",  "hanoi1234567",
      "saigon1234567",  "hochiminh1234",  "xinchao123456",    "tamsotamso12",   "88888888abcd",
      "66668888abcd",   "nguyenvan1234",  "nguyenthi1234",    "trungtam12345",  "haven1234567",
      "haven@123456",   "havenhaven12",   "demo12345678",     "test12345678",   "testtesttest",
      "guest1234567",   "user12345678",   "default12345",     "secret123456",   "qwertyqwerty",
  };
  std::sort(list.begin(), list.end());
  return list;
}();

}  // namespace

bool is_common_password(std::string_view folded_password) {
  return std::binary_search(kCommon.begin(), kCommon.end(), folded_password);
}

}  // namespace haven::security
