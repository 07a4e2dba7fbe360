// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "core/customer.h"
#include "core/interaction.h"
#include "core/order.h"
#include "core/product.h"
#include "core/role.h"

namespace centric {
namespace {

TEST(ValidationTest, CustomerNeedsExternalIdAndRealEmails) {
  Customer c;
  EXPECT_EQ(ValidateCustomer(c).field(), "external_id");
  c.external_id = "17850";
  EXPECT_TRUE(ValidateCustomer(c).ok());
  c.emails = {"nobody"};
  Status s = ValidateCustomer(c);
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(s.field(), "emails");
}

TEST(ValidationTest, ProductNeedsSkuAndIsoCurrency) {
  Product p;
  EXPECT_EQ(ValidateProduct(p).field(), "sku");
  p.sku = "85123A";
  EXPECT_TRUE(ValidateProduct(p).ok());
  p.currency = "pounds";
  EXPECT_EQ(ValidateProduct(p).field(), "currency");
}

TEST(ValidationTest, OrderLinesNeedProductAndQuantity) {
  Order o;
  o.external_id = "536365";
  o.customer_id = 1;
  o.lines.push_back(OrderLine{.sku = "85123A", .quantity = 0});
  EXPECT_EQ(ValidateOrder(o).message(), "line 1 has quantity 0");
  o.lines[0].quantity = -6;  // a cancellation
  EXPECT_TRUE(ValidateOrder(o).ok());
}

TEST(ValidationTest, CategoryPrefixCutsThePath) {
  EXPECT_EQ(CategoryPrefix("Food/Pizza/Veg", 1), "Food");
  EXPECT_EQ(CategoryPrefix("Food/Pizza/Veg", 2), "Food/Pizza");
  EXPECT_EQ(CategoryPrefix("Food/Pizza/Veg", 5), "Food/Pizza/Veg");
  EXPECT_EQ(CategoryPrefix("Food", 1), "Food");
}

TEST(ValidationTest, InteractionKindsAndRoles) {
  Interaction i{.customer_id = 3, .kind = "gossip"};
  EXPECT_EQ(ValidateInteraction(i).field(), "kind");
  i.kind = "meeting";
  EXPECT_TRUE(ValidateInteraction(i).ok());
  EXPECT_EQ(*ParseRole("analyst"), Role::kAnalyst);
  EXPECT_FALSE(ParseRole("root"));
  EXPECT_FALSE(CanWrite(Role::kAnalyst));
  EXPECT_TRUE(CanWrite(Role::kAgent));
  EXPECT_FALSE(CanAdminister(Role::kAgent));
}

}  // namespace
}  // namespace centric
