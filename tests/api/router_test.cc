// SPDX-License-Identifier: Apache-2.0
#include "api/router.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace centric::api {
namespace {

using ::testing::ElementsAre;

Response Ok(const Request&, Services&) { return Response{}; }
Response Other(const Request&, Services&) { return Response{202, "", {}}; }

Router Sample() {
  Router router;
  router.Add(Method::kGet, "/health", Access::kPublic, Ok);
  router.Add(Method::kGet, "/api/v1/customers", Access::kRead, Ok);
  router.Add(Method::kPost, "/api/v1/customers", Access::kWrite, Ok);
  router.Add(Method::kGet, "/api/v1/customers/{id}", Access::kRead, Ok);
  router.Add(Method::kDelete, "/api/v1/customers/{id}", Access::kWrite, Ok);
  router.Add(Method::kGet, "/api/v1/customers/{id}/timeline", Access::kRead, Ok);
  router.Add(Method::kGet, "/api/v1/customers/export", Access::kAdmin, Other);
  return router;
}

TEST(RouterTest, MatchesLiteralPaths) {
  Router router = Sample();
  auto m = router.Find(Method::kGet, "/api/v1/customers");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.route->pattern, "/api/v1/customers");
  EXPECT_TRUE(m.params.empty());
  EXPECT_THAT(m.allowed, ElementsAre(Method::kGet, Method::kPost));
}

TEST(RouterTest, CapturesParameters) {
  Router router = Sample();
  auto m = router.Find(Method::kGet, "/api/v1/customers/42/timeline");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.route->pattern, "/api/v1/customers/{id}/timeline");
  ASSERT_EQ(m.params.size(), 1u);
  EXPECT_EQ(m.params[0].first, "id");
  EXPECT_EQ(m.params[0].second, "42");
}

TEST(RouterTest, LiteralSegmentBeatsParameter) {
  Router router = Sample();
  auto m = router.Find(Method::kGet, "/api/v1/customers/export");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.route->pattern, "/api/v1/customers/export");
  // DELETE is served on /customers/{id} but not on the literal path.
  auto d = router.Find(Method::kDelete, "/api/v1/customers/export");
  EXPECT_EQ(d.route, nullptr);
  EXPECT_THAT(d.allowed, ElementsAre(Method::kGet));
}

TEST(RouterTest, ReportsAllowedMethodsWhenOnlyTheMethodIsWrong) {
  Router router = Sample();
  auto m = router.Find(Method::kPatch, "/api/v1/customers/7");
  EXPECT_EQ(m.route, nullptr);
  EXPECT_THAT(m.allowed, ElementsAre(Method::kGet, Method::kDelete));
}

TEST(RouterTest, UnknownPathsMatchNothing) {
  Router router = Sample();
  for (const char* path : {"/", "/api/v1", "/api/v1/customers/", "/api/v1/customers//timeline",
                           "/api/v1/customer", "/api/v1/customers/1/timeline/x", "health", ""}) {
    auto m = router.Find(Method::kGet, path);
    EXPECT_EQ(m.route, nullptr) << path;
    EXPECT_TRUE(m.allowed.empty()) << path;
  }
}

TEST(RouterTest, PublicPathOnlyWhenEveryRouteIsPublic) {
  Router router = Sample();
  EXPECT_TRUE(router.Find(Method::kPost, "/health").path_is_public);
  EXPECT_FALSE(router.Find(Method::kPut, "/api/v1/customers").path_is_public);
}

}  // namespace
}  // namespace centric::api
