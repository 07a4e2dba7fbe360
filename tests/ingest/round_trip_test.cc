// SPDX-License-Identifier: Apache-2.0
// Export then import into an empty store gives the same data, for every entity and both
// formats. The world: customers using every field (lists, consent, attributes, text with
// commas, quotes, line breaks and non-ASCII), products in EUR and JPY, and orders that are
// placed, cancelled and returned, with discounts, a line whose amount was rounded once from a
// three-decimal price, and an order without lines.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "areas/stores.h"
#include "ingest/bulk/bulk_writer.h"
#include "ingest/ingest.h"
#include "test_files.h"

namespace centric::ingest {
namespace {

using testing::ScratchDir;

std::unique_ptr<Stores> MemoryStore() {
  auto store = Stores::Open(":memory:");
  EXPECT_TRUE(store) << store.error().ToString();
  return std::move(*store);
}

void BuildWorld(Stores& store) {
  auto w = *ingest::BeginBulk(store.connection());
  Customer ana;
  ana.external_id = "c-1";
  ana.name = "Ana \"Nana\" Lima, PhD\nsecond line";
  ana.emails = {"ana@example.com", "ana.l@example.org"};
  ana.phones = {"+351 210 000 000"};
  ana.preferred_language = "pt";
  ana.country = "PT";
  ana.time_zone = "Europe/Lisbon";
  ana.first_seen = *ParseIso8601("2021-03-04T05:06:07Z");
  ana.consent = {{"email", true}, {"sms", false}};
  ana.tags = {"vip", "newsletter"};
  ana.attributes = {{"segment", "gold"}, {"notes, free", "likes \"green\" tea"}};
  ana.account_owner = "joão";
  Customer nguyen;
  nguyen.external_id = "c-2";
  nguyen.name = "Nguyễn Văn An";
  nguyen.country = "VN";
  nguyen.attributes = {{"segment", "silver"}};
  Customer bare;
  bare.external_id = "c 3";
  CustomerId ids[3];
  int i = 0;
  for (const auto* c : {&ana, &nguyen, &bare}) ids[i++] = *w->UpsertCustomer(*c);

  Product pizza{.sku = "P-1",
                .name = "Margherita",
                .category = "Food/Pizza",
                .currency = "EUR",
                .price_minor = 850,
                .unit_cost_minor = 213};
  Product ramen{.sku = "P-2",
                .name = "Ramen, spicy",
                .category = "Food/Noodles",
                .currency = "JPY",
                .price_minor = 1200,
                .unit_cost_minor = 0};
  Product clip{.sku = "P-3", .name = "Clip", .category = "", .currency = "EUR", .price_minor = 9};
  ProductId pizza_id = *w->UpsertProduct(pizza);
  ProductId ramen_id = *w->UpsertProduct(ramen);
  ProductId clip_id = *w->UpsertProduct(clip);

  Order placed{.external_id = "1001",
               .customer_id = ids[0],
               .ordered_at = *ParseIso8601("2024-01-02T10:00:00Z"),
               .currency = "EUR"};
  placed.lines = {
      {.product_id = pizza_id,
       .description = "Pizza, large",
       .quantity = 2,
       .unit_price_minor = 850,
       .discount_minor = 100,
       .amount_minor = 1600},
      // 12 x 0.085 = 1.02: the amount was rounded once, not from the rounded unit price.
      {.product_id = clip_id,
       .description = "Clips",
       .quantity = 12,
       .unit_price_minor = 9,
       .amount_minor = 102}};
  Order cancelled{.external_id = "C1002",
                  .customer_id = ids[0],
                  .ordered_at = *ParseIso8601("2024-01-03T11:00:00Z"),
                  .currency = "EUR",
                  .status = OrderStatus::kCancelled};
  cancelled.lines = {{.product_id = pizza_id,
                      .description = "Pizza",
                      .quantity = -1,
                      .unit_price_minor = 850,
                      .amount_minor = -850}};
  Order returned{.external_id = "R1",
                 .customer_id = ids[1],
                 .ordered_at = *ParseIso8601("2024-02-01T00:00:00Z"),
                 .currency = "JPY",
                 .status = OrderStatus::kReturned};
  returned.lines = {{.product_id = ramen_id,
                     .description = "ラーメン",
                     .quantity = -3,
                     .unit_price_minor = 1200,
                     .amount_minor = -3600}};
  Order empty{.external_id = "E1",
              .customer_id = ids[2],
              .ordered_at = *ParseIso8601("2024-03-01T00:00:00Z"),
              .currency = "EUR"};
  for (Order* o : {&placed, &cancelled, &returned, &empty}) {
    RecomputeTotals(*o);
    auto id = w->UpsertOrder(*o);
    ASSERT_TRUE(id) << id.error().ToString();
  }
  ASSERT_TRUE(w->Commit().ok());
}

std::string ExportText(Stores& store, Entity entity, Format format) {
  std::string text;
  auto out = text::Output::ToString(&text);
  auto n = Export(store.customers(), store.orders(), entity, format, *out);
  EXPECT_TRUE(n) << n.error().ToString();
  EXPECT_TRUE(out->Close().ok());
  return text;
}

// Entities without what the store assigns (ids, times) and with references by key.
std::vector<Customer> Customers(Stores& store) {
  std::vector<Customer> out;
  EXPECT_TRUE(store.customers()
                  .ScanCustomers([&](const Customer& c) {
                    Customer copy = c;
                    copy.id = 0;
                    copy.created_at = copy.updated_at = {};
                    out.push_back(copy);
                    return Status::Ok();
                  })
                  .ok());
  return out;
}
std::vector<Product> Products(Stores& store) {
  std::vector<Product> out;
  EXPECT_TRUE(store.orders()
                  .ScanProducts([&](const Product& p) {
                    Product copy = p;
                    copy.id = 0;
                    copy.created_at = copy.updated_at = {};
                    out.push_back(copy);
                    return Status::Ok();
                  })
                  .ok());
  return out;
}
std::vector<Order> Orders(Stores& store) {
  std::vector<Order> out;
  EXPECT_TRUE(store.orders()
                  .ScanOrders([&](const Order& o) {
                    Order copy = o;
                    copy.id = 0;
                    // The customer by external id, folded into the order's key.
                    copy.external_id = store.customers().GetCustomer(o.customer_id)->external_id +
                                       "/" + o.external_id;
                    copy.customer_id = 0;
                    for (auto& l : copy.lines) l.product_id = 0;  // compared by sku
                    out.push_back(copy);
                    return Status::Ok();
                  })
                  .ok());
  return out;
}

class RoundTripTest : public ::testing::TestWithParam<Format> {};

TEST_P(RoundTripTest, ExportThenImportIntoAnEmptyStoreGivesEqualData) {
  const Format format = GetParam();
  const std::string ext = format == Format::kCsv ? ".csv" : ".jsonl";
  ScratchDir dir;
  auto a = MemoryStore();
  BuildWorld(*a);
  auto b = MemoryStore();
  for (Entity e : {Entity::kCustomers, Entity::kProducts, Entity::kOrders}) {
    std::string path = dir.Write(std::string(EntityName(e)) + ext, ExportText(*a, e, format));
    ImportOptions options;
    options.entity = e;
    options.path = path;
    auto r = Import(b->connection(), options);
    ASSERT_TRUE(r) << EntityName(e) << ": " << r.error().ToString();
    EXPECT_EQ(r->rejected, 0);
    EXPECT_TRUE(r->ignored_columns.empty());
  }
  EXPECT_EQ(Customers(*b), Customers(*a));
  EXPECT_EQ(Products(*b), Products(*a));
  EXPECT_EQ(Orders(*b), Orders(*a));
  for (Entity e : {Entity::kCustomers, Entity::kProducts, Entity::kOrders}) {
    EXPECT_EQ(ExportText(*b, e, format), ExportText(*a, e, format)) << EntityName(e);
  }
  EXPECT_EQ(Customers(*a).size(), 3u);
  EXPECT_EQ(Products(*a).size(), 3u);
  ASSERT_EQ(Orders(*a).size(), 4u);
  EXPECT_TRUE(Orders(*a)[3].lines.empty());
}

INSTANTIATE_TEST_SUITE_P(BothFormats, RoundTripTest,
                         ::testing::Values(Format::kCsv, Format::kJsonl), [](const auto& info) {
                           return info.param == Format::kCsv ? "Csv" : "Jsonl";
                         });

TEST(ExportTest, WritesCsvWithTheImportFieldNames) {
  auto store = MemoryStore();
  BuildWorld(*store);
  EXPECT_EQ(ExportText(*store, Entity::kProducts, Format::kCsv),
            "sku,name,category,price,unit_cost,currency\n"
            "P-1,Margherita,Food/Pizza,8.50,2.13,EUR\n"
            "P-2,\"Ramen, spicy\",Food/Noodles,1200,0,JPY\n"
            "P-3,Clip,,0.09,0.00,EUR\n");
  std::string orders = ExportText(*store, Entity::kOrders, Format::kCsv);
  EXPECT_EQ(testing::Lines(orders).at(0),
            "invoice,customer,timestamp,status,currency,product,description,quantity,price,"
            "discount,amount");
  EXPECT_EQ(testing::Lines(orders).at(1),
            "1001,c-1,2024-01-02T10:00:00Z,placed,EUR,P-1,\"Pizza, large\",2,8.50,1.00,16.00");
  EXPECT_EQ(testing::Lines(orders).back(), "E1,c 3,2024-03-01T00:00:00Z,placed,EUR,,,,,,");
  std::string customers = ExportText(*store, Entity::kCustomers, Format::kCsv);
  EXPECT_EQ(testing::Lines(customers).at(0),
            "external_id,name,email,phone,language,country,time_zone,first_seen,tags,"
            "account_owner,consent_email,consent_sms,\"attr.notes, free\",attr.segment");
}

}  // namespace
}  // namespace centric::ingest
