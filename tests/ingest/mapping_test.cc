// SPDX-License-Identifier: Apache-2.0
#include "ingest/mapping.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace centric::ingest {
namespace {

using ::testing::ElementsAre;

TEST(MapSpecTest, ParsesNamesWithSpacesAndQuotedCommas) {
  auto spec = ParseMapSpec(Entity::kOrders,
                           "customer=Customer ID, invoice = Invoice ,description=\"Item, \"\"long\"\" name\"");
  ASSERT_TRUE(spec) << spec.error().ToString();
  EXPECT_THAT(*spec, ElementsAre(MapEntry{"customer", "Customer ID"}, MapEntry{"invoice", "Invoice"},
                                 MapEntry{"description", "Item, \"long\" name"}));
}

TEST(MapSpecTest, AcceptsFieldNamesInAnyCaseAndOpenEndedCustomerFields) {
  auto spec = ParseMapSpec(Entity::kCustomers, "External_ID=id,attr.Loyalty Tier=Tier,CONSENT_email=Opt in");
  ASSERT_TRUE(spec);
  EXPECT_THAT(*spec, ElementsAre(MapEntry{"external_id", "id"}, MapEntry{"attr.Loyalty Tier", "Tier"},
                                 MapEntry{"consent_email", "Opt in"}));
}

TEST(MapSpecTest, RejectsAnUnknownFieldListingTheFields) {
  auto spec = ParseMapSpec(Entity::kOrders, "invoice=Invoice,sku=StockCode");
  ASSERT_FALSE(spec);
  EXPECT_EQ(spec.error().field(), "map");
  EXPECT_EQ(spec.error().message(),
            "unknown field 'sku' for orders (fields: invoice, customer, timestamp, product, "
            "quantity, price, description, country, currency, category, status, discount, amount)");
  EXPECT_EQ(ParseMapSpec(Entity::kProducts, "attr.x=y").error().message(),
            "unknown field 'attr.x' for products (fields: sku, name, category, price, unit_cost, currency)");
}

TEST(MapSpecTest, RejectsMalformedEntries) {
  EXPECT_EQ(ParseMapSpec(Entity::kOrders, "invoice").error().message(),
            "expected field=COLUMN, got 'invoice'");
  EXPECT_EQ(ParseMapSpec(Entity::kOrders, "invoice=").error().message(), "no column given for 'invoice'");
  EXPECT_EQ(ParseMapSpec(Entity::kOrders, "invoice=\"abc").error().message(),
            "unterminated quote in the column for 'invoice'");
  EXPECT_EQ(ParseMapSpec(Entity::kOrders, "invoice=a,invoice=b").error().message(),
            "field 'invoice' mapped twice");
}

const std::vector<std::string> kRetailColumns = {"Invoice", "StockCode", "Description", "Quantity",
                                                 "InvoiceDate", "Price", "Customer ID", "Country"};

TEST(MappingTest, MapsExplicitColumnsAndTheRestByNameIgnoringCase) {
  auto spec = ParseMapSpec(Entity::kOrders,
                           "customer=Customer ID,timestamp=InvoiceDate,product=StockCode");
  auto m = Mapping::Resolve(Entity::kOrders, *spec, kRetailColumns);
  ASSERT_TRUE(m) << m.error().ToString();
  EXPECT_EQ(m->column_of(order_field::kInvoice), 0);
  EXPECT_EQ(m->column_of(order_field::kProduct), 1);
  EXPECT_EQ(m->column_of(order_field::kDescription), 2);
  EXPECT_EQ(m->column_of(order_field::kQuantity), 3);
  EXPECT_EQ(m->column_of(order_field::kTimestamp), 4);
  EXPECT_EQ(m->column_of(order_field::kPrice), 5);
  EXPECT_EQ(m->column_of(order_field::kCustomer), 6);
  EXPECT_EQ(m->column_of(order_field::kCountry), 7);
  EXPECT_EQ(m->column_of(order_field::kCurrency), -1);
  EXPECT_EQ(m->ColumnName(order_field::kCustomer), "Customer ID");
  EXPECT_EQ(m->ColumnName(order_field::kCurrency), "currency");
  EXPECT_TRUE(m->IgnoredColumns().empty());
}

TEST(MappingTest, UnknownColumnListsTheColumns) {
  auto spec = ParseMapSpec(Entity::kOrders, "customer=CustomerID");
  auto m = Mapping::Resolve(Entity::kOrders, *spec, kRetailColumns);
  ASSERT_FALSE(m);
  EXPECT_EQ(m.error().field(), "map");
  EXPECT_EQ(m.error().message(),
            "--map customer=CustomerID: no column 'CustomerID' (columns: Invoice, StockCode, "
            "Description, Quantity, InvoiceDate, Price, Customer ID, Country)");
}

TEST(MappingTest, RequiredFieldWithoutAColumnIsAnError) {
  auto m = Mapping::Resolve(Entity::kOrders, {}, kRetailColumns);
  ASSERT_FALSE(m);
  EXPECT_EQ(m.error().message(),
            "no column for required field 'customer'; name one with --map customer=COLUMN "
            "(columns: Invoice, StockCode, Description, Quantity, InvoiceDate, Price, Customer ID, "
            "Country)");
}

TEST(MappingTest, CustomerColumnsFeedConsentAndAttributes) {
  auto m = Mapping::Resolve(Entity::kCustomers, *ParseMapSpec(Entity::kCustomers, "attr.segment=Seg"),
                            {"External_Id", "Consent_Email", "attr.Tier", "Seg", "Notes"});
  ASSERT_TRUE(m) << m.error().ToString();
  ASSERT_EQ(m->dynamic().size(), 3u);
  EXPECT_EQ(m->dynamic()[0].name, "segment");
  EXPECT_EQ(m->dynamic()[0].column, 3);
  EXPECT_EQ(m->dynamic()[1].name, "Email");
  EXPECT_EQ(m->dynamic()[1].prefix, 0);
  EXPECT_EQ(m->dynamic()[2].name, "Tier");
  EXPECT_EQ(m->dynamic()[2].prefix, 1);
  EXPECT_THAT(m->IgnoredColumns(), ElementsAre("Notes"));
}

TEST(MappingTest, LaterKeysBindToFreeFields) {
  auto m = Mapping::Resolve(Entity::kCustomers, {}, {"external_id"});
  ASSERT_TRUE(m);
  int name = m->ColumnIndex("name");
  EXPECT_EQ(m->ColumnIndex("name"), name);
  EXPECT_THAT(m->slots_of(name), ElementsAre(customer_field::kName));
  int attr = m->ColumnIndex("attr.vip");
  EXPECT_EQ(m->dynamic_of(attr), 0);
  EXPECT_TRUE(m->slots_of(m->ColumnIndex("other")).empty());
}

}  // namespace
}  // namespace centric::ingest
