// SPDX-License-Identifier: Apache-2.0
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <vector>

#include "api_fixture.h"

namespace centric::api {
namespace {

namespace json = boost::json;

class InteractionRoutesTest : public ApiTest {};
CENTRIC_API_BACKENDS(InteractionRoutesTest);

TEST_P(InteractionRoutesTest, CreatesReadsUpdatesAndDeletes) {
  int64_t customer = CreateCustomer("C-1", "Ana");
  Response created = Post("/api/v1/interactions", fmt::format(R"({{
      "customer_id": {}, "kind": "meeting", "channel": "in_person",
      "occurred_at": "2024-06-01T09:00:00+02:00", "summary": "Quarterly review",
      "details": {{"attendees": ["Ana", "Jordi"], "follow_up": true}}, "author": "jordi"}})",
                                                              customer));
  ASSERT_EQ(created.status, 201) << created.body;
  json::object i = BodyOf(created);
  int64_t id = i["id"].as_int64();
  EXPECT_EQ(i["occurred_at"], "2024-06-01T07:00:00Z");
  EXPECT_EQ(i["details"].at("follow_up"), true);
  std::string item = fmt::format("/api/v1/interactions/{}", id);
  EXPECT_EQ(BodyOf(Get(item)), i);

  json::object patched = BodyOf(Patch(item, R"({"summary":"Q2 review"})"));
  EXPECT_EQ(patched["summary"], "Q2 review");
  EXPECT_EQ(patched["kind"], "meeting");
  EXPECT_EQ(patched["details"], i["details"]);

  EXPECT_EQ(Delete(item).status, 204);
  ExpectError(Get(item), 404, "not_found");
}

TEST_P(InteractionRoutesTest, RejectsBadFields) {
  int64_t customer = CreateCustomer("C-1", "Ana");
  ExpectError(Post("/api/v1/interactions",
                   fmt::format(R"({{"customer_id":{},"kind":"seance","occurred_at":"2024-01-01"}})",
                               customer)),
              400, "invalid_argument", "kind");
  ExpectError(Post("/api/v1/interactions",
                   fmt::format(R"({{"customer_id":{},"kind":"note","details":"text"}})", customer)),
              400, "invalid_argument", "details");
  ExpectError(Post("/api/v1/interactions",
                   R"({"customer_id":4242,"kind":"note","occurred_at":"2024-01-01"})"),
              400, "invalid_argument", "customer_id");
}

TEST_P(InteractionRoutesTest, FiltersByCustomerAndKind) {
  int64_t ana = CreateCustomer("C-1", "Ana");
  int64_t bo = CreateCustomer("C-2", "Bo");
  int64_t a1 = CreateInteraction(ana, "call", "2024-01-01T10:00:00Z");
  int64_t a2 = CreateInteraction(ana, "note", "2024-01-02T10:00:00Z");
  int64_t b1 = CreateInteraction(bo, "call", "2024-01-03T10:00:00Z");
  auto ids = [&](const std::string& query) {
    Response r = Get("/api/v1/interactions?" + query);
    EXPECT_EQ(r.status, 200) << r.body;
    return ItemIds(r);
  };
  EXPECT_EQ(ids(fmt::format("customer_id={}", ana)), (std::vector<int64_t>{a1, a2}));
  EXPECT_EQ(ids("kind=call"), (std::vector<int64_t>{a1, b1}));
  EXPECT_EQ(ids(fmt::format("customer_id={}&kind=call", bo)), (std::vector<int64_t>{b1}));
  EXPECT_EQ(ids("limit=2").size(), 2u);
  ExpectError(Get("/api/v1/interactions?customer_id=0"), 400, "invalid_argument", "customer_id");
}

}  // namespace
}  // namespace centric::api
