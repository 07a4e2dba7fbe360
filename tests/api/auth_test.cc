// SPDX-License-Identifier: Apache-2.0
#include "api/auth.h"

#include <gtest/gtest.h>

#include <set>

namespace centric::api {
namespace {

TEST(AuthTest, TokensAreUrlSafeAndPrefixed) {
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

TEST(AuthTest, HashIsHexBlake2b256) {
  // Known answer: BLAKE2b with a 32-byte digest of "abc" (RFC 7693 parameters, no key).
  EXPECT_EQ(HashToken("abc"), "bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319");
  EXPECT_EQ(HashToken("ctk_a"), HashToken("ctk_a"));
  EXPECT_NE(HashToken("ctk_a"), HashToken("ctk_b"));
}

TEST(AuthTest, PermitFollowsRoles) {
  struct Case {
    Access access;
    Role role;
    bool allowed;
  } cases[] = {
      {Access::kRead, Role::kAnalyst, true},   {Access::kRead, Role::kAgent, true},
      {Access::kRead, Role::kAdmin, true},     {Access::kWrite, Role::kAnalyst, false},
      {Access::kWrite, Role::kAgent, true},    {Access::kWrite, Role::kAdmin, true},
      {Access::kAdmin, Role::kAnalyst, false}, {Access::kAdmin, Role::kAgent, false},
      {Access::kAdmin, Role::kAdmin, true},
  };
  for (const auto& c : cases) {
    Status s = Permit(c.access, c.role);
    EXPECT_EQ(s.ok(), c.allowed) << RoleName(c.role);
    if (!c.allowed) {
      EXPECT_EQ(s.code(), StatusCode::kPermissionDenied);
    }
  }
}

}  // namespace
}  // namespace centric::api
