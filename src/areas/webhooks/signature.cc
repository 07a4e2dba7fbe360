// SPDX-License-Identifier: Apache-2.0
#include "areas/webhooks/signature.h"

#include <fmt/format.h>
#include <sodium.h>

#include <array>

namespace centric::webhooks {

std::string SignatureHex(std::string_view secret, int64_t unix_seconds, std::string_view body) {
  crypto_auth_hmacsha256_state state;
  crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(secret.data()),
                              secret.size());
  const std::string prefix = fmt::format("{}.", unix_seconds);
  crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(prefix.data()),
                                prefix.size());
  crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(body.data()),
                                body.size());
  std::array<unsigned char, crypto_auth_hmacsha256_BYTES> mac;
  crypto_auth_hmacsha256_final(&state, mac.data());
  std::array<char, crypto_auth_hmacsha256_BYTES * 2 + 1> hex;
  sodium_bin2hex(hex.data(), hex.size(), mac.data(), mac.size());
  return std::string(hex.data());
}

std::string SignatureHeader(std::string_view secret, int64_t unix_seconds, std::string_view body) {
  return fmt::format("t={},v1={}", unix_seconds, SignatureHex(secret, unix_seconds, body));
}

}  // namespace centric::webhooks
