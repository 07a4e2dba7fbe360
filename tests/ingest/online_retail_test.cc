// SPDX-License-Identifier: Apache-2.0
// The two UCI Online Retail samples in tests/data imported into SQLite with the mappings a
// user would type. Expected figures were computed independently with Python's csv and
// decimal modules: distinct Customer ID, StockCode and (invoice, customer) pairs, and the sum
// over lines of quantity x price in pence rounded half away from zero.
#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "areas/stores.h"
#include "ingest/bulk/bulk_writer.h"
#include "ingest/ingest.h"
#include "test_files.h"

namespace centric::ingest {
namespace {

using ::testing::ElementsAre;
using testing::Lines;
using testing::ReadFile;
using testing::ScratchDir;

const std::string kDataDir = CENTRIC_TEST_DATA_DIR;
const std::string kRetailII = kDataDir + "/online_retail_ii_sample.csv";
const std::string kRetail = kDataDir + "/online_retail_sample.csv";

ImportOptions RetailIIOptions() {
  ImportOptions o;
  o.entity = Entity::kOrders;
  o.path = kRetailII;
  o.map = *ParseMapSpec(Entity::kOrders,
                        "customer=Customer ID,timestamp=InvoiceDate,product=StockCode");
  o.date_format = *DateFormat::Compile("%m/%d/%Y %H:%M");
  o.currency = "GBP";
  return o;
}

ImportOptions RetailOptions() {
  ImportOptions o;
  o.entity = Entity::kOrders;
  o.path = kRetail;
  o.map = *ParseMapSpec(Entity::kOrders,
                        "invoice=InvoiceNo,customer=CustomerID,timestamp=InvoiceDate,"
                        "product=StockCode,price=UnitPrice");
  o.date_format = *DateFormat::Compile("%m/%d/%y %H:%M");
  o.currency = "GBP";
  return o;
}

struct Totals {
  int64_t orders = 0, cancelled = 0, lines = 0, total_minor = 0, cancelled_minor = 0;
};

Totals SumOrders(Stores& store) {
  Totals t;
  Status s = store.orders().ScanOrders([&](const Order& o) {
    ++t.orders;
    t.lines += static_cast<int64_t>(o.lines.size());
    t.total_minor += o.total_minor;
    if (o.status == OrderStatus::kCancelled) {
      ++t.cancelled;
      t.cancelled_minor += o.total_minor;
    }
    return Status::Ok();
  });
  EXPECT_TRUE(s.ok()) << s.ToString();
  return t;
}

std::unique_ptr<Stores> MemoryStore() {
  auto store = Stores::Open(":memory:");
  EXPECT_TRUE(store) << store.error().ToString();
  return std::move(*store);
}

TEST(OnlineRetailTest, ImportsTheOnlineRetailIIExport) {
  auto store = MemoryStore();
  auto summary = Import(store->connection(), RetailIIOptions());
  ASSERT_TRUE(summary) << summary.error().ToString();
  EXPECT_EQ(summary->rows_read, 99);
  EXPECT_EQ(summary->imported, 99);
  EXPECT_EQ(summary->rejected, 0);
  EXPECT_EQ(summary->orders, 14);

  auto stats = ingest::CountRows(store->connection());
  ASSERT_TRUE(stats);
  EXPECT_EQ(stats->customers, 7);
  EXPECT_EQ(stats->products, 72);
  EXPECT_EQ(stats->orders, 14);
  EXPECT_EQ(stats->order_lines, 99);
  Totals t = SumOrders(*store);
  EXPECT_EQ(t.cancelled, 0);
  EXPECT_EQ(t.total_minor, 310973);  // £3,109.73

  // The first invoice: 7 lines for customer 17850 on 1 Dec 2010 08:26, £139.12.
  auto customer = store->customers().GetCustomerByExternalId("17850");
  ASSERT_TRUE(customer);
  EXPECT_EQ(customer->country, "United Kingdom");
  auto orders = store->orders().ListOrders({.customer_id = customer->id});
  ASSERT_TRUE(orders);
  ASSERT_FALSE(orders->items.empty());
  const Order* first = nullptr;
  for (const auto& o : orders->items) {
    if (o.external_id == "536365") first = &o;
  }
  ASSERT_NE(first, nullptr);
  EXPECT_EQ(first->ordered_at, *ParseIso8601("2010-12-01T08:26:00Z"));
  EXPECT_EQ(first->currency, "GBP");
  EXPECT_EQ(first->total_minor, 13912);
  ASSERT_EQ(first->lines.size(), 7u);
  EXPECT_EQ(first->lines[0].sku, "85123A");
  EXPECT_EQ(first->lines[0].description, "WHITE HANGING HEART T-LIGHT HOLDER");
  EXPECT_EQ(first->lines[0].quantity, 6);
  EXPECT_EQ(first->lines[0].unit_price_minor, 255);
  EXPECT_EQ(first->lines[0].amount_minor, 1530);
}

TEST(OnlineRetailTest, ReimportingChangesNothing) {
  auto store = MemoryStore();
  ASSERT_TRUE(Import(store->connection(), RetailIIOptions()));
  auto before = *ingest::CountRows(store->connection());
  Totals t1 = SumOrders(*store);
  auto again = Import(store->connection(), RetailIIOptions());
  ASSERT_TRUE(again) << again.error().ToString();
  auto after = *ingest::CountRows(store->connection());
  EXPECT_EQ(after.customers, before.customers);
  EXPECT_EQ(after.products, before.products);
  EXPECT_EQ(after.orders, before.orders);
  EXPECT_EQ(after.order_lines, before.order_lines);
  EXPECT_EQ(SumOrders(*store).total_minor, t1.total_minor);
}

TEST(OnlineRetailTest, BrokenRowsFailTheWholeImportWithTheirLines) {
  auto store = MemoryStore();
  auto summary = Import(store->connection(), RetailOptions());
  ASSERT_FALSE(summary);
  EXPECT_EQ(summary.error().code(), StatusCode::kInvalidArgument);
  // A comma is missing between description and quantity on these four lines.
  EXPECT_THAT(Lines(summary.error().message()),
              ElementsAre(kRetail + ": 4 bad rows; nothing was imported (--skip-bad REJECTS.csv "
                                    "imports the good rows)",
                          kRetail + ":121: expected 8 columns, found 7",
                          kRetail + ":172: expected 8 columns, found 7",
                          kRetail + ":175: expected 8 columns, found 7",
                          kRetail + ":179: expected 8 columns, found 7"));
  auto stats = *ingest::CountRows(store->connection());
  EXPECT_EQ(stats.customers, 0);
  EXPECT_EQ(stats.products, 0);
  EXPECT_EQ(stats.orders, 0);
}

TEST(OnlineRetailTest, SkipBadImportsTheRestAndWritesTheBrokenRows) {
  ScratchDir dir;
  auto store = MemoryStore();
  auto options = RetailOptions();
  options.rejects_path = dir.Path("rejects.csv");
  auto summary = Import(store->connection(), options);
  ASSERT_TRUE(summary) << summary.error().ToString();
  EXPECT_EQ(summary->rows_read, 183);
  EXPECT_EQ(summary->imported, 179);
  EXPECT_EQ(summary->rejected, 4);
  EXPECT_EQ(summary->skipped, 0);
  EXPECT_EQ(summary->orders, 23);
  EXPECT_EQ(summary->cancelled_orders, 1);

  auto stats = *ingest::CountRows(store->connection());
  EXPECT_EQ(stats.customers, 14);
  EXPECT_EQ(stats.products, 140);
  EXPECT_EQ(stats.orders, 23);
  EXPECT_EQ(stats.order_lines, 179);
  Totals t = SumOrders(*store);
  EXPECT_EQ(t.cancelled, 1);  // C536383: one set of ducks returned, -£4.65
  EXPECT_EQ(t.cancelled_minor, -465);
  EXPECT_EQ(t.total_minor, 775362);

  EXPECT_EQ(ReadFile(options.rejects_path),
            "line,reason,InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,"
            "Country\n"
            "121,\"expected 8 columns, found 7\",536381,21175,GIN + TONIC DIET METAL   2,12/1/10 "
            "9:41,2.1,15311,United Kingdom\n"
            "172,\"expected 8 columns, found 7\",536385,22663,JUMBO BAG DOLLY GIRL DE  10,12/1/10 "
            "9:56,1.95,17420,United Kingdom\n"
            "175,\"expected 8 columns, found 7\",536385,22662,LUNCH BAG DOLLY GIRL DE  10,12/1/10 "
            "9:56,1.65,17420,United Kingdom\n"
            "179,\"expected 8 columns, found 7\",536387,79321,CHILLI  192,12/1/10 "
            "9:58,3.82,16029,United Kingdom\n");
}

}  // namespace
}  // namespace centric::ingest
