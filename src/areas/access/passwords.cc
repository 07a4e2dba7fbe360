// SPDX-License-Identifier: Apache-2.0
#include "areas/access/passwords.h"

#include <fmt/format.h>
#include <sodium.h>

#include <array>

namespace centric::access {

Status CheckPassword(std::string_view password) {
  if (password.size() < kMinPasswordLength) {
    return InvalidArgument(fmt::format("must be at least {} characters", kMinPasswordLength),
                           "password");
  }
  if (password.size() > kMaxPasswordLength) {
    return InvalidArgument(fmt::format("must be at most {} characters", kMaxPasswordLength),
                           "password");
  }
  return Status::Ok();
}

Result<std::string> HashPassword(std::string_view password) {
  CENTRIC_RETURN_IF_ERROR(CheckPassword(password));
  if (sodium_init() < 0) return Error(Internal("libsodium failed to initialise"));
  std::array<char, crypto_pwhash_STRBYTES> hash{};
  if (crypto_pwhash_str_alg(hash.data(), password.data(), password.size(),
                            crypto_pwhash_OPSLIMIT_INTERACTIVE,
                            crypto_pwhash_MEMLIMIT_INTERACTIVE,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return Error(Internal("out of memory while hashing a password"));
  }
  return std::string(hash.data());
}

bool VerifyPassword(std::string_view hash, std::string_view password) {
  if (sodium_init() < 0) return false;
  if (hash.size() >= crypto_pwhash_STRBYTES) return false;
  std::array<char, crypto_pwhash_STRBYTES> stored{};
  std::copy(hash.begin(), hash.end(), stored.begin());
  return crypto_pwhash_str_verify(stored.data(), password.data(), password.size()) == 0;
}

}  // namespace centric::access
