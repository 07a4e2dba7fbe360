// SPDX-License-Identifier: Apache-2.0
// The order store's contract on SQLite and PostgreSQL: the catalogue by sku and category, and
// orders with their lines, each write audited once and each order write an event.
#include <gtest/gtest.h>

#include "ingest/bulk/bulk_writer.h"
#include "platform/events/event_log.h"
#include "support/shop_fixture.h"

namespace centric::orders {
namespace {

using ::centric::testing::BackendName;

class OrderStoreContractTest : public ::centric::testing::ShopStoreTest {};

TEST_P(OrderStoreContractTest, ProductsByCategoryPrefixAndSkuUniqueness) {
  AddProduct("P1", "Food/Pizza", 900);
  AddProduct("P2", "Food/Drinks", 250);
  AddProduct("P3", "Foodstuff", 100);
  AddProduct("P4", "Electronics/Phones", 39900);
  auto food = orders_->ListProducts({.category_prefix = "Food"});
  ASSERT_TRUE(food);
  ASSERT_EQ(food->items.size(), 2u);
  EXPECT_EQ(food->items[0].sku, "P1");
  EXPECT_EQ(food->items[1].sku, "P2");
  Product dup;
  dup.sku = "P1";
  EXPECT_EQ(orders_->CreateProduct(dup).error().code(), StatusCode::kAlreadyExists);
  Product p4 = *orders_->GetProduct(food->items[0].id);
  p4.price_minor = 1000;
  EXPECT_EQ(orders_->UpdateProduct(p4)->price_minor, 1000);
}

TEST_P(OrderStoreContractTest, OrdersKeepLinesByReferenceAndSku) {
  Customer c = AddCustomer("C", "c");
  Product pizza = AddProduct("PIZ", "Food/Pizza", 900);
  AddProduct("COLA", "Food/Drinks", 250);
  auto created = orders_->CreateOrder(MakeOrder(c.id, "INV-1", "2024-05-01T12:00:00Z",
                                                {OrderLine{.product_id = pizza.id,
                                                           .description = "Margherita",
                                                           .quantity = 2,
                                                           .unit_price_minor = 900,
                                                           .amount_minor = 1800},
                                                 OrderLine{.sku = "COLA",
                                                           .quantity = 3,
                                                           .unit_price_minor = 250,
                                                           .discount_minor = 50,
                                                           .amount_minor = 700}}));
  ASSERT_TRUE(created) << created.error().ToString();
  EXPECT_EQ(created->total_minor, 2500);
  EXPECT_EQ(created->discount_minor, 50);
  ASSERT_EQ(created->lines.size(), 2u);
  EXPECT_EQ(created->lines[0].sku, "PIZ");
  EXPECT_EQ(created->lines[0].description, "Margherita");
  EXPECT_EQ(created->lines[1].sku, "COLA");
  EXPECT_GT(created->lines[1].product_id, 0);
  EXPECT_EQ(created->ordered_at, *ParseIso8601("2024-05-01T12:00:00Z"));

  auto unknown_sku = orders_->CreateOrder(
      MakeOrder(c.id, "INV-2", "2024-05-01T12:00:00Z", {OrderLine{.sku = "NOPE", .quantity = 1}}));
  ASSERT_FALSE(unknown_sku);
  EXPECT_EQ(unknown_sku.error().code(), StatusCode::kNotFound);
  EXPECT_EQ(unknown_sku.error().field(), "lines");
  auto unknown_customer = orders_->CreateOrder(
      MakeOrder(424242, "INV-3", "2024-05-01T12:00:00Z", {OrderLine{.sku = "PIZ", .quantity = 1}}));
  ASSERT_FALSE(unknown_customer);
  EXPECT_EQ(unknown_customer.error().code(), StatusCode::kNotFound);
  EXPECT_EQ(unknown_customer.error().field(), "customer_id");
  auto duplicate = orders_->CreateOrder(
      MakeOrder(c.id, "INV-1", "2024-05-02T12:00:00Z", {OrderLine{.sku = "PIZ", .quantity = 1}}));
  EXPECT_EQ(duplicate.error().code(), StatusCode::kAlreadyExists);
  EXPECT_EQ(ingest::CountRows(stores_->connection())->orders,
            1);  // failed writes left nothing behind

  Order changed = *created;
  changed.status = OrderStatus::kReturned;
  changed.lines.resize(1);
  changed.lines[0].quantity = -2;
  changed.lines[0].amount_minor = -1800;
  auto updated = orders_->UpdateOrder(changed);
  ASSERT_TRUE(updated) << updated.error().ToString();
  EXPECT_EQ(updated->status, OrderStatus::kReturned);
  EXPECT_EQ(updated->lines.size(), 1u);
  EXPECT_EQ(updated->total_minor, -1800);
  EXPECT_EQ(ingest::CountRows(stores_->connection())->order_lines, 1);

  EXPECT_EQ(orders_->DeleteProduct(pizza.id).code(), StatusCode::kFailedPrecondition);
  ASSERT_TRUE(orders_->DeleteOrder(created->id).ok());
  EXPECT_EQ(orders_->GetOrder(created->id).error().code(), StatusCode::kNotFound);
  EXPECT_EQ(ingest::CountRows(stores_->connection())->order_lines, 0);
  EXPECT_TRUE(orders_->DeleteProduct(pizza.id).ok());
}

TEST_P(OrderStoreContractTest, ListsOrdersByCustomerAndTimeWindow) {
  Customer a = AddCustomer("A", "a");
  Customer b = AddCustomer("B", "b");
  AddProduct("P", "Food", 100);
  auto line = OrderLine{.sku = "P", .quantity = 1, .unit_price_minor = 100, .amount_minor = 100};
  ASSERT_TRUE(orders_->CreateOrder(MakeOrder(a.id, "1", "2024-01-10T00:00:00Z", {line})));
  ASSERT_TRUE(orders_->CreateOrder(MakeOrder(a.id, "2", "2024-02-10T00:00:00Z", {line})));
  ASSERT_TRUE(orders_->CreateOrder(MakeOrder(b.id, "3", "2024-02-11T00:00:00Z", {line})));
  EXPECT_EQ(orders_->ListOrders({.customer_id = a.id})->items.size(), 2u);
  auto feb =
      orders_->ListOrders({.from = *ParseIso8601("2024-02-01"), .to = *ParseIso8601("2024-03-01")});
  ASSERT_EQ(feb->items.size(), 2u);
  EXPECT_EQ(feb->items[0].external_id, "2");
  EXPECT_EQ(feb->items[0].lines.size(), 1u);
}

TEST_P(OrderStoreContractTest, EveryWriteIsAuditedOnceAndOrdersAreEvents) {
  Customer c = AddCustomer("C", "c");
  Product pizza = AddProduct("PIZ", "Food/Pizza", 900);
  pizza.price_minor = 950;
  ASSERT_TRUE(orders_->UpdateProduct(pizza));
  auto order = orders_->CreateOrder(MakeOrder(
      c.id, "INV-1", "2024-05-01T12:00:00Z",
      {OrderLine{.sku = "PIZ", .quantity = 1, .unit_price_minor = 950, .amount_minor = 950}}));
  ASSERT_TRUE(order) << order.error().ToString();
  Order changed = *order;
  changed.status = OrderStatus::kReturned;
  ASSERT_TRUE(orders_->UpdateOrder(changed));
  ASSERT_TRUE(orders_->DeleteOrder(order->id).ok());
  ASSERT_TRUE(orders_->DeleteProduct(pizza.id).ok());
  // A refused write records nothing.
  EXPECT_FALSE(orders_->CreateOrder(
      MakeOrder(c.id, "INV-2", "2024-05-01T12:00:00Z", {OrderLine{.sku = "GONE", .quantity = 1}})));

  EXPECT_EQ(AuditActions("product"), (std::vector<std::string>{"create", "update", "delete"}));
  EXPECT_EQ(AuditActions("order"), (std::vector<std::string>{"create", "update", "delete"}));
  auto events = platform::MakeEventLog(stores_->connection());
  auto read = events->Read(0, 100, {"order.created", "order.updated", "order.deleted"});
  ASSERT_TRUE(read) << read.error().ToString();
  std::vector<std::string> types;
  for (const auto& e : *read) types.push_back(e.type);
  EXPECT_EQ(types, (std::vector<std::string>{"order.created", "order.updated", "order.deleted"}));
}

INSTANTIATE_TEST_SUITE_P(Backends, OrderStoreContractTest,
                         ::testing::ValuesIn(::centric::testing::TestBackends()), BackendName());

}  // namespace
}  // namespace centric::orders
