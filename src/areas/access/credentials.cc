// SPDX-License-Identifier: Apache-2.0
#include "areas/access/credentials.h"

#include <fmt/format.h>
#include <sodium.h>

#include <array>
#include <cctype>

namespace centric::access {
namespace {

constexpr size_t kTokenBytes = 32;

bool IEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace

Result<std::string> GenerateToken() {
  // sodium_init is idempotent and thread-safe; it returns 1 when already initialised.
  if (sodium_init() < 0) return Error(Internal("libsodium failed to initialise"));
  std::array<unsigned char, kTokenBytes> bytes;
  randombytes_buf(bytes.data(), bytes.size());
  constexpr int kVariant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
  std::array<char, sodium_base64_ENCODED_LEN(kTokenBytes, kVariant)> text;
  sodium_bin2base64(text.data(), text.size(), bytes.data(), bytes.size(), kVariant);
  sodium_memzero(bytes.data(), bytes.size());
  return std::string(kTokenPrefix) + text.data();
}

std::string HashToken(std::string_view token) {
  // A fast unkeyed hash, not a password hash (Argon2, bcrypt): password hashes are slow on
  // purpose so that guessing low-entropy secrets is expensive, but a token carries 256 random
  // bits, which no amount of guessing can reach. A slow hash would only add milliseconds to
  // every request. BLAKE2b is preimage-resistant, so the stored hash does not reveal the
  // token, and equal tokens hash equally, so the store can look a token up by its hash.
  std::array<unsigned char, crypto_generichash_BYTES> digest;
  crypto_generichash(digest.data(), digest.size(),
                     reinterpret_cast<const unsigned char*>(token.data()), token.size(), nullptr,
                     0);
  std::array<char, crypto_generichash_BYTES * 2 + 1> hex;
  sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
  return std::string(hex.data(), hex.size() - 1);
}

Result<IssuedToken> IssueToken(AccessStore& store, std::string_view name, Role role) {
  CENTRIC_ASSIGN_OR_RETURN(std::string secret, GenerateToken());
  CENTRIC_ASSIGN_OR_RETURN(ApiToken token, store.CreateToken(name, role, HashToken(secret)));
  return IssuedToken{std::move(token), std::move(secret)};
}

Result<ApiToken> Authenticate(std::string_view authorization, AccessStore& store) {
  authorization = Trim(authorization);
  if (authorization.empty()) {
    return Error(Unauthenticated("missing Authorization: Bearer token"));
  }
  size_t space = authorization.find(' ');
  if (space == std::string_view::npos || !IEquals(authorization.substr(0, space), "Bearer")) {
    return Error(Unauthenticated("Authorization must use the Bearer scheme"));
  }
  std::string_view token = Trim(authorization.substr(space + 1));
  // Anything not shaped like our tokens cannot be one; no need to ask the store.
  if (token.size() <= kTokenPrefix.size() || token.substr(0, kTokenPrefix.size()) != kTokenPrefix) {
    return Error(Unauthenticated("unknown or revoked token"));
  }
  auto found = store.FindToken(HashToken(token));
  if (!found) {
    if (found.error().code() == StatusCode::kNotFound) {
      return Error(Unauthenticated("unknown or revoked token"));
    }
    return Error(found.error());
  }
  // FindToken promises unrevoked tokens only; checking again costs nothing and keeps a store
  // bug from letting a revoked token in.
  if (found->revoked) return Error(Unauthenticated("unknown or revoked token"));
  return found;
}


}  // namespace centric::access
