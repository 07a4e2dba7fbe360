// SPDX-License-Identifier: Apache-2.0
// API tokens and who may do what. A token is "ctk_" followed by 32 random bytes in unpadded
// base64url (47 characters); the store keeps only its BLAKE2b-256 hash, so a leaked database
// does not leak usable tokens. All functions are thread-safe; those taking a Store use it
// from the calling thread only.
#pragma once

#include <string>
#include <string_view>

#include "core/result.h"
#include "core/role.h"
#include "areas/access/access_store.h"

namespace centric::access {

inline constexpr std::string_view kTokenPrefix = "ctk_";

// A fresh random token. Internal if libsodium cannot initialise.
Result<std::string> GenerateToken();

// The stored form of `token`: lower-case hex of its unkeyed BLAKE2b-256 hash (64 characters).
std::string HashToken(std::string_view token);

// A token just created: its record and the secret, which exists nowhere else afterwards.
struct IssuedToken {
  ApiToken token;
  std::string secret;
};
// Generates a token for `role` and stores its hash under `name`.
Result<IssuedToken> IssueToken(AccessStore& store, std::string_view name, Role role);

// The token named by an "Authorization: Bearer <token>" header value. Unauthenticated when the
// header is missing or malformed, or the token is unknown or revoked; other store errors pass
// through.
Result<ApiToken> Authenticate(std::string_view authorization, AccessStore& store);


}  // namespace centric::access
