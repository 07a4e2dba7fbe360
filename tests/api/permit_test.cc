// SPDX-License-Identifier: Apache-2.0
#include "api/permit.h"

#include <gtest/gtest.h>

namespace centric::api {
namespace {

TEST(PermitTest, PermitFollowsRoles) {
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
