// SPDX-License-Identifier: Apache-2.0
// The importer against a real SQLite store: upserts, idempotent re-imports, and that a failed
// import leaves the store exactly as it was.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "areas/stores.h"
#include "ingest/bulk/bulk_writer.h"
#include "ingest/ingest.h"
#include "test_files.h"

namespace centric::ingest {
namespace {

using ::testing::ElementsAre;
using testing::ScratchDir;

std::unique_ptr<Stores> MemoryStore() {
  auto store = Stores::Open(":memory:");
  EXPECT_TRUE(store) << store.error().ToString();
  return std::move(*store);
}

ImportOptions Options(Entity entity, const std::string& path) {
  ImportOptions o;
  o.entity = entity;
  o.path = path;
  return o;
}

// Everything an import could touch, as text, to compare before and after.
std::string Snapshot(Stores& store) {
  std::string text;
  auto out = text::Output::ToString(&text);
  for (Entity e : {Entity::kCustomers, Entity::kProducts, Entity::kOrders}) {
    auto n = Export(store.customers(), store.orders(), e, Format::kJsonl, *out);
    EXPECT_TRUE(n) << n.error().ToString();
  }
  (void)out->Close();
  return text;
}

TEST(ImportStoreTest, UpsertsCustomersByExternalId) {
  ScratchDir dir;
  auto store = MemoryStore();
  ASSERT_TRUE(
      Import(store->connection(),
             Options(Entity::kCustomers, dir.Write("a.csv", "external_id,name\nc1,Ana\nc2,Bo\n"))));
  auto r =
      Import(store->connection(),
             Options(Entity::kCustomers, dir.Write("b.csv", "external_id,name\nc2,Bob\nc3,Cy\n")));
  ASSERT_TRUE(r) << r.error().ToString();
  EXPECT_EQ(ingest::CountRows(store->connection())->customers, 3);
  EXPECT_EQ(store->customers().GetCustomerByExternalId("c2")->name, "Bob");
}

TEST(ImportStoreTest, FailedImportChangesNothing) {
  ScratchDir dir;
  auto store = MemoryStore();
  ASSERT_TRUE(
      Import(store->connection(),
             Options(Entity::kCustomers, dir.Write("a.csv", "external_id,name\nc1,Ana\nc2,Bo\n"))));
  ASSERT_TRUE(Import(store->connection(),
                     Options(Entity::kProducts, dir.Write("p.csv", "sku,price\nP1,1.00\n"))));
  ASSERT_TRUE(Import(
      store->connection(),
      Options(Entity::kOrders, dir.Write("o.csv",
                                         "invoice,customer,timestamp,product,quantity,price\n"
                                         "1,c1,2024-01-01,P1,1,1.00\n"))));
  const std::string before = Snapshot(*store);
  const auto stats_before = *ingest::CountRows(store->connection());

  // Good rows first (an update, an insert), then a bad one: all of it must roll back.
  auto customers =
      Import(store->connection(),
             Options(Entity::kCustomers, dir.Write("b.csv",
                                                   "external_id,name,email\n"
                                                   "c1,Changed,\nc3,New,\nc4,Bad,nope\n")));
  ASSERT_FALSE(customers);
  auto orders = Import(
      store->connection(),
      Options(Entity::kOrders, dir.Write("o2.csv",
                                         "invoice,customer,timestamp,product,quantity,price\n"
                                         "1,c1,2024-01-01,P1,5,1.00\n"
                                         "2,c9,2024-01-01,P9,1,1.00\n"
                                         "3,c1,2024-01-01,P1,1,-1\n")));
  ASSERT_FALSE(orders);

  const auto stats_after = *ingest::CountRows(store->connection());
  EXPECT_EQ(stats_after.customers, stats_before.customers);
  EXPECT_EQ(stats_after.products, stats_before.products);
  EXPECT_EQ(stats_after.orders, stats_before.orders);
  EXPECT_EQ(stats_after.order_lines, stats_before.order_lines);
  EXPECT_EQ(Snapshot(*store), before);
  // The store is usable afterwards: the failed import's transaction is gone.
  EXPECT_TRUE(Import(store->connection(),
                     Options(Entity::kCustomers, dir.Write("c.csv", "external_id\nc5\n"))));
}

TEST(ImportStoreTest, OrderSeenAgainLaterInTheFileGetsItsLinesAppended) {
  ScratchDir dir;
  auto store = MemoryStore();
  auto path = dir.Write("o.csv",
                        "invoice,customer,timestamp,product,quantity,price\n"
                        "1,c1,2024-01-01,P1,1,1.00\n"
                        "2,c2,2024-01-01,P1,1,2.00\n"
                        "1,c1,2024-01-01,P2,3,0.50\n");
  for (int pass = 0; pass < 2; ++pass) {
    auto r = Import(store->connection(), Options(Entity::kOrders, path));
    ASSERT_TRUE(r) << r.error().ToString();
    EXPECT_EQ(r->orders, 2);
  }
  auto c1 = store->customers().GetCustomerByExternalId("c1");
  auto orders = store->orders().ListOrders({.customer_id = c1->id});
  ASSERT_EQ(orders->items.size(), 1u);
  const Order& o = orders->items[0];
  ASSERT_EQ(o.lines.size(), 2u);
  EXPECT_EQ(o.lines[1].sku, "P2");
  EXPECT_EQ(o.total_minor, 250);
  EXPECT_EQ(ingest::CountRows(store->connection())->order_lines, 3);
}

TEST(ImportStoreTest, ReimportingAChangedOrderReplacesItsLines) {
  ScratchDir dir;
  auto store = MemoryStore();
  const char* header = "invoice,customer,timestamp,product,quantity,price\n";
  ASSERT_TRUE(
      Import(store->connection(),
             Options(Entity::kOrders,
                     dir.Write("a.csv", std::string(header) + "1,c1,2024-01-01,P1,1,1.00\n"
                                                              "1,c1,2024-01-01,P2,1,1.00\n"))));
  ASSERT_TRUE(
      Import(store->connection(),
             Options(Entity::kOrders,
                     dir.Write("b.csv", std::string(header) + "1,c1,2024-01-01,P1,4,1.00\n"))));
  auto stats = *ingest::CountRows(store->connection());
  EXPECT_EQ(stats.orders, 1);
  EXPECT_EQ(stats.order_lines, 1);
  auto orders = store->orders().ListOrders({});
  EXPECT_EQ(orders->items.at(0).total_minor, 400);
}

}  // namespace
}  // namespace centric::ingest
