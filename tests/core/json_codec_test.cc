// SPDX-License-Identifier: Apache-2.0
#include "core/json_codec.h"

#include <gtest/gtest.h>

namespace centric {
namespace {

TEST(JsonCodecTest, CustomerRoundTrips) {
  Customer c;
  c.id = 7;
  c.external_id = "C-7";
  c.name = "Nguyễn Thị Mai";
  c.emails = {"mai@example.vn"};
  c.preferred_language = "vi";
  c.consent = {{"email", true}, {"sms", false}};
  c.tags = {"vip"};
  c.attributes = {{"segment", "b2b"}};
  c.first_seen = *ParseIso8601("2024-05-01T10:00:00Z");
  Customer back;
  ASSERT_TRUE(FromJson(ToJson(c), back).ok());
  back.id = c.id;
  EXPECT_EQ(back, c);
}

TEST(JsonCodecTest, RejectsUnknownAndMistypedFields) {
  Customer c;
  auto obj = *ParseJsonObject(R"({"external_id":"1","nmae":"typo"})");
  Status s = FromJson(obj, c);
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(s.field(), "nmae");
  obj = *ParseJsonObject(R"({"external_id":5})");
  EXPECT_EQ(FromJson(obj, c).field(), "external_id");
  EXPECT_FALSE(ParseJsonObject("[1,2]"));
  EXPECT_FALSE(ParseJsonObject("{\"a\":"));
}

TEST(JsonCodecTest, OrderComputesAmountsAndTotals) {
  Order o;
  auto obj = *ParseJsonObject(
      R"({"external_id":"536365","customer_id":1,"ordered_at":"2010-12-01T08:26:00Z",
          "currency":"GBP","lines":[{"sku":"85123A","quantity":6,"unit_price_minor":255},
          {"sku":"71053","quantity":6,"unit_price_minor":339,"discount_minor":34}]})");
  ASSERT_TRUE(FromJson(obj, o).ok());
  ASSERT_EQ(o.lines.size(), 2u);
  EXPECT_EQ(o.lines[0].amount_minor, 1530);
  EXPECT_EQ(o.lines[1].amount_minor, 2000);
  EXPECT_EQ(o.total_minor, 3530);
  EXPECT_EQ(o.discount_minor, 34);
  obj = *ParseJsonObject(R"({"lines":[{"sku":"x","qty":1}]})");
  EXPECT_EQ(FromJson(obj, o).field(), "lines[0].qty");
}

}  // namespace
}  // namespace centric
