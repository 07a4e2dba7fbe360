// SPDX-License-Identifier: Apache-2.0
// API tokens: their shape and their hash.
#include "areas/access/credentials.h"

#include <gtest/gtest.h>

#include <set>

namespace centric::access {
namespace {

TEST(CredentialsTest, TokensAreUrlSafeAndPrefixed) {
  std::set<std::string> seen;
  for (int i = 0; i < 100; ++i) {
    auto token = GenerateToken();
    ASSERT_TRUE(token);
    // "ctk_" + 43 characters of unpadded base64url for 32 bytes.
    EXPECT_EQ(token->size(), 47u);
    EXPECT_EQ(token->substr(0, 4), "ctk_");
    for (char c : token->substr(4)) {
      EXPECT_TRUE(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_') << *token;
    }
    seen.insert(*token);
  }
  EXPECT_EQ(seen.size(), 100u);
}

TEST(CredentialsTest, HashIsHexBlake2b256) {
  // Known answer: BLAKE2b with a 32-byte digest of "abc" (RFC 7693 parameters, no key).
  EXPECT_EQ(HashToken("abc"), "bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319");
  EXPECT_EQ(HashToken("ctk_a"), HashToken("ctk_a"));
  EXPECT_NE(HashToken("ctk_a"), HashToken("ctk_b"));
}

}  // namespace
}  // namespace centric::access
