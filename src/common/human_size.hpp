// A limit as a person reads it in a message: "1 MiB", "256 KiB", "700 B".
#pragma once

#include <cstdint>
#include <string>

namespace haven {

inline std::string human_size(std::uint64_t bytes) {
  if (bytes % (1024 * 1024) == 0) return std::to_string(bytes / (1024 * 1024)) + " MiB";
  if (bytes % 1024 == 0) return std::to_string(bytes / 1024) + " KiB";
  return std::to_string(bytes) + " B";
}

}  // namespace haven
