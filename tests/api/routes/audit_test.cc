// SPDX-License-Identifier: Apache-2.0
// /api/v1/audit and /api/v1/events: writes through the API leave an audit row naming the
// token that made them and the client's address, and an event; only admins read them.
#include <gtest/gtest.h>

#include "api_fixture.h"

namespace centric::api {
namespace {

using ApiAuditTest = ApiTest;

TEST_P(ApiAuditTest, AWriteIsAuditedAsItsTokenWithTheChangedFields) {
  const int64_t id = CreateCustomer("C-1", "Mai");
  ASSERT_EQ(Patch("/api/v1/customers/" + std::to_string(id), R"({"name":"Mai Tran"})").status,
            200);
  Response list = Get("/api/v1/audit?entity=customer&entity_id=" + std::to_string(id));
  ASSERT_EQ(list.status, 200) << list.body;
  auto items = BodyOf(list).at("items").as_array();
  ASSERT_EQ(items.size(), 2u);
  const auto& update = items[0].as_object();  // newest first
  EXPECT_EQ(update.at("action").as_string(), "update");
  EXPECT_EQ(update.at("customer_id").as_int64(), id);
  EXPECT_EQ(update.at("actor").at("kind").as_string(), "token");
  EXPECT_EQ(update.at("actor").at("name").as_string(), "admin for tests");
  EXPECT_EQ(update.at("actor").at("role").as_string(), "admin");
  const auto& name = update.at("changes").at("name").as_object();
  EXPECT_EQ(name.at("before").as_string(), "Mai");
  EXPECT_EQ(name.at("after").as_string(), "Mai Tran");
  EXPECT_EQ(update.at("changes").as_object().size(), 1u);
  EXPECT_EQ(items[1].at("action").as_string(), "create");

  Response csv = Get("/api/v1/audit/export.csv?customer_id=" + std::to_string(id));
  ASSERT_EQ(csv.status, 200);
  EXPECT_EQ(csv.body.rfind("id,at,actor_kind,", 0), 0u) << csv.body;
  EXPECT_NE(csv.body.find("Mai Tran"), std::string::npos);

  Response xlsx = Get("/api/v1/audit/export.xlsx?customer_id=" + std::to_string(id));
  ASSERT_EQ(xlsx.status, 200) << xlsx.body;
  EXPECT_EQ(xlsx.Header("Content-Type"),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  EXPECT_EQ(xlsx.Header("X-Centric-Rows"), "2");
  EXPECT_EQ(xlsx.body.substr(0, 2), "PK");
  ExpectError(Call(Method::kGet, "/api/v1/audit/export.xlsx", "", agent_), 403,
              "permission_denied");
}

TEST_P(ApiAuditTest, EventsFollowCustomerWritesInOrder) {
  const int64_t id = CreateCustomer("C-1", "Mai");
  CreateInteraction(id, "note", "2026-01-02T10:00:00Z");
  Response events = Get("/api/v1/events?after=0");
  ASSERT_EQ(events.status, 200) << events.body;
  auto items = BodyOf(events).at("items").as_array();
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].at("type").as_string(), "customer.created");
  EXPECT_EQ(items[1].at("type").as_string(), "interaction.logged");
  EXPECT_LT(items[0].at("position").as_int64(), items[1].at("position").as_int64());
  EXPECT_EQ(items[1].at("customer_id").as_int64(), id);
  const int64_t next = BodyOf(events).at("next_after").as_int64();
  EXPECT_EQ(next, items[1].at("position").as_int64());
  EXPECT_TRUE(BodyOf(Get("/api/v1/events?after=" + std::to_string(next))).at("items").as_array().empty());
  auto only = BodyOf(Get("/api/v1/events?type=interaction.logged")).at("items").as_array();
  EXPECT_EQ(only.size(), 1u);
  ExpectError(Get("/api/v1/events?type=customer.exploded"), 400, "invalid_argument", "type");
}

TEST_P(ApiAuditTest, OnlyAdminsReadTheAuditLogAndEvents) {
  EXPECT_EQ(Call(Method::kGet, "/api/v1/audit", "", agent_).status, 403);
  EXPECT_EQ(Call(Method::kGet, "/api/v1/audit/export.csv", "", analyst_).status, 403);
  EXPECT_EQ(Call(Method::kGet, "/api/v1/events", "", agent_).status, 403);
}

TEST_P(ApiAuditTest, BadFiltersAreRefusedNamingTheField) {
  ExpectError(Get("/api/v1/audit?from=yesterday"), 400, "invalid_argument", "from");
  ExpectError(Get("/api/v1/audit?customer_id=x"), 400, "invalid_argument", "customer_id");
  ExpectError(Get("/api/v1/audit?cursor=zz"), 400, "invalid_argument", "cursor");
}

CENTRIC_API_BACKENDS(ApiAuditTest);

}  // namespace
}  // namespace centric::api
