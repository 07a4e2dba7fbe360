// SPDX-License-Identifier: Apache-2.0
// Passwords of web app users: Argon2id through libsodium's crypto_pwhash_str, with its
// "interactive" limits (2 passes over 64 MiB, about 0.1 s on a small server core): slow enough
// to make guessing a stolen hash expensive, fast enough for a sign-in. The hash string carries
// its own salt and parameters, so the limits can rise later without breaking old hashes.
// Thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "core/result.h"

namespace centric::access {

inline constexpr size_t kMinPasswordLength = 8;
inline constexpr size_t kMaxPasswordLength = 256;

// InvalidArgument (field "password") when shorter than 8 or longer than 256 bytes.
Status CheckPassword(std::string_view password);

// The Argon2id hash string of `password` ("$argon2id$v=19$m=65536,t=2,p=1$..."). Errors as
// CheckPassword; Internal when libsodium cannot allocate the memory.
Result<std::string> HashPassword(std::string_view password);

// True when `password` matches `hash`; false for a wrong password or a malformed hash.
bool VerifyPassword(std::string_view hash, std::string_view password);

}  // namespace centric::access
