// SPDX-License-Identifier: Apache-2.0
// End to end: demo data into a real SQLite store (":memory:" or a temporary file).
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <filesystem>

#include "areas/stores.h"
#include "core/json_codec.h"
#include "demo/demo.h"
#include "ingest/bulk/bulk_writer.h"

namespace centric::demo {
namespace {

DemoOptions Options(int64_t customers, uint64_t seed = 5) {
  DemoOptions options;
  options.customers = customers;
  options.seed = seed;
  return options;
}

std::unique_ptr<Stores> OpenMemory() {
  auto store = Stores::Open(":memory:");
  EXPECT_TRUE(store.has_value()) << store.error().ToString();
  return std::move(*store);
}

// The store's contents as JSON Lines. created_at/updated_at are cleared: the store stamps
// them with the clock at write time, so they are the one thing a seed does not fix.
std::string Export(Stores& store) {
  std::string out;
  auto status = store.orders().ScanProducts([&](const Product& p) {
    Product copy = p;
    copy.created_at = copy.updated_at = Timestamp{};
    out += boost::json::serialize(ToJson(copy)) + "\n";
    return Status::Ok();
  });
  EXPECT_TRUE(status.ok());
  status = store.customers().ScanCustomers([&](const Customer& c) {
    Customer copy = c;
    copy.created_at = copy.updated_at = Timestamp{};
    out += boost::json::serialize(ToJson(copy)) + "\n";
    return Status::Ok();
  });
  EXPECT_TRUE(status.ok());
  status = store.orders().ScanOrders([&](const Order& o) {
    out += boost::json::serialize(ToJson(o)) + "\n";
    return Status::Ok();
  });
  EXPECT_TRUE(status.ok());
  return out;
}

TEST(StoreWriterTest, StoreCountsMatchTheSummary) {
  auto store = OpenMemory();
  auto summary = WriteDemo(*store, Options(2000));
  ASSERT_TRUE(summary.has_value()) << summary.error().ToString();
  auto stats = ingest::CountRows(store->connection());
  ASSERT_TRUE(stats.has_value());
  EXPECT_EQ(stats->customers, summary->customers);
  EXPECT_EQ(stats->products, summary->products);
  EXPECT_EQ(stats->orders, summary->orders);
  EXPECT_EQ(stats->order_lines, summary->order_lines);
  EXPECT_EQ(stats->interactions, summary->interactions);
  EXPECT_EQ(summary->customers, 2000);
  EXPECT_GT(summary->orders, 4000);
  EXPECT_GT(summary->interactions, 500);

  auto c = store->customers().GetCustomerByExternalId("D0000042");
  ASSERT_TRUE(c.has_value());
  EXPECT_EQ(c->attributes.at("demo_seed"), "5");
  EXPECT_TRUE(c->attributes.contains("income_group"));
}

TEST(StoreWriterTest, RerunningTheSameSeedDoesNotDuplicate) {
  auto store = OpenMemory();
  ASSERT_TRUE(WriteDemo(*store, Options(600)).has_value());
  auto first = ingest::CountRows(store->connection());
  auto before = Export(*store);
  auto again = WriteDemo(*store, Options(600));
  ASSERT_TRUE(again.has_value()) << again.error().ToString();
  EXPECT_EQ(again->existing_customers, 600);
  EXPECT_EQ(again->interactions, 0);
  auto second = ingest::CountRows(store->connection());
  EXPECT_EQ(second->customers, first->customers);
  EXPECT_EQ(second->orders, first->orders);
  EXPECT_EQ(second->order_lines, first->order_lines);
  EXPECT_EQ(second->interactions, first->interactions);
  EXPECT_EQ(Export(*store), before);

  // Growing the demo adds only the new customers' interactions.
  auto grown = WriteDemo(*store, Options(900));
  ASSERT_TRUE(grown.has_value());
  EXPECT_EQ(grown->existing_customers, 600);
  auto fresh = OpenMemory();
  auto direct = WriteDemo(*fresh, Options(900));
  ASSERT_TRUE(direct.has_value());
  EXPECT_EQ(ingest::CountRows(store->connection())->interactions,
            ingest::CountRows(fresh->connection())->interactions);
  EXPECT_EQ(Export(*store), Export(*fresh));
}

TEST(StoreWriterTest, RefusesToMixSeeds) {
  auto store = OpenMemory();
  ASSERT_TRUE(WriteDemo(*store, Options(50, 1)).has_value());
  auto other = WriteDemo(*store, Options(50, 2));
  ASSERT_FALSE(other.has_value());
  EXPECT_EQ(other.error().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(ingest::CountRows(store->connection())->customers, 50);
}

TEST(StoreWriterTest, SameSeedGivesIdenticalExportsInFileStores) {
  auto dir =
      std::filesystem::temp_directory_path() /
      ("centric_demo_test_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()));
  std::filesystem::create_directories(dir);
  std::string exports[2];
  for (int run = 0; run < 2; ++run) {
    auto path = dir / ("run" + std::to_string(run) + ".db");
    std::filesystem::remove(path);
    auto store = Stores::Open(path.string());
    ASSERT_TRUE(store.has_value()) << store.error().ToString();
    DemoOptions options = Options(700, 11);
    options.threads = run == 0 ? 1 : 3;
    ASSERT_TRUE(WriteDemo(**store, options).has_value());
    exports[run] = Export(**store);
  }
  std::filesystem::remove_all(dir);
  EXPECT_EQ(exports[0], exports[1]);
  EXPECT_GT(exports[0].size(), 100000u);
}

}  // namespace
}  // namespace centric::demo
