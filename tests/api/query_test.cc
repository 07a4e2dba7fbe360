// SPDX-License-Identifier: Apache-2.0
#include "api/query.h"

#include <gtest/gtest.h>

namespace centric::api {
namespace {

TEST(QueryTest, SplitsAndDecodesTargets) {
  struct Case {
    const char* target;
    const char* path;
    Params query;
  } cases[] = {
      {"/a", "/a", {}},
      {"/a?", "/a", {}},
      {"/a?x=1", "/a", {{"x", "1"}}},
      {"/a?x=1&y=&z", "/a", {{"x", "1"}, {"y", ""}, {"z", ""}}},
      {"/a?q=Nguy%E1%BB%85n+Mai", "/a", {{"q", "Nguyễn Mai"}}},
      {"/a?q=a%2Bb%26c%3Dd", "/a", {{"q", "a+b&c=d"}}},
      {"/a%20b?&&x=2", "/a b", {{"x", "2"}}},
      {"/a+b", "/a+b", {}},  // '+' is a space only in the query
  };
  for (const auto& c : cases) {
    auto t = ParseTarget(c.target);
    ASSERT_TRUE(t) << c.target;
    EXPECT_EQ(t->path, c.path) << c.target;
    EXPECT_EQ(t->query, c.query) << c.target;
  }
}

TEST(QueryTest, RejectsBadTargets) {
  for (const char* target : {"", "a", "http://x/", "/a?q=%", "/a?q=%4", "/a?q=%zz", "/%g0"}) {
    auto t = ParseTarget(target);
    EXPECT_FALSE(t) << target;
    if (!t) {
      EXPECT_EQ(t.error().code(), StatusCode::kInvalidArgument);
    }
  }
}

TEST(QueryTest, ReadsTypedParameters) {
  Params params = {{"limit", "20"}, {"from", "2024-01-31"}, {"q", "x"}, {"q", "y"}};
  QueryReader r(params);
  EXPECT_EQ(r.Int("limit", 50, 1, 500), 20);
  EXPECT_EQ(r.Int("events", 50, 0, 500), 50);
  EXPECT_EQ(r.String("q"), "y");  // the last one wins
  EXPECT_EQ(*r.OptionalTime("from"), *ParseIso8601("2024-01-31T00:00:00Z"));
  EXPECT_FALSE(r.OptionalInt("customer_id", 1, 10));
  EXPECT_TRUE(r.Finish().ok());
}

TEST(QueryTest, NamesTheBadParameter) {
  struct Case {
    Params params;
    const char* field;
  } cases[] = {
      {{{"limit", "abc"}}, "limit"}, {{{"limit", "0"}}, "limit"},  {{{"limit", "501"}}, "limit"},
      {{{"limit", ""}}, "limit"},    {{{"limit", "5x"}}, "limit"}, {{{"from", "soon"}}, "from"},
      {{{"limt", "5"}}, "limt"},
  };
  for (const auto& c : cases) {
    QueryReader r(c.params);
    r.Int("limit", 50, 1, 500);
    r.OptionalTime("from");
    Status s = r.Finish();
    EXPECT_EQ(s.code(), StatusCode::kInvalidArgument) << c.field;
    EXPECT_EQ(s.field(), c.field);
  }
}

}  // namespace
}  // namespace centric::api
