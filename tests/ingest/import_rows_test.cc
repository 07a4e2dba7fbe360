// SPDX-License-Identifier: Apache-2.0
// The importer against a recording writer: conversions, grouping of order lines, and the exact
// errors users see. The store-backed behaviour (transactions, idempotence) is in
// import_store_test.cc.
#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "ingest/ingest.h"
#include "recording_writer.h"
#include "test_files.h"
#include "text/csv_reader.h"

namespace centric::ingest {
namespace {

using ::testing::ElementsAre;
using testing::Lines;
using ::testing::Pair;
using testing::ReadFile;
using testing::RecordingWriter;
using testing::ScratchDir;

ImportOptions Options(Entity entity, const std::string& path, const std::string& map = "") {
  ImportOptions o;
  o.entity = entity;
  o.path = path;
  if (!map.empty()) o.map = *ParseMapSpec(entity, map);
  return o;
}

// path + text; spelled out because GCC 12 warns falsely (-Wrestrict, bug 105651) on
// std::string operator+ chains.
std::string At(const std::string& path, std::string_view text) {
  std::string out = path;
  out.append(text);
  return out;
}

// The lines of a failed import's message.
std::vector<std::string> ErrorLines(const Result<ImportSummary>& r) {
  EXPECT_FALSE(r);
  if (r) return {};
  return Lines(r.error().message());
}

std::string Headline(const std::string& path, int bad) {
  return At(path, ": ") + std::to_string(bad) + (bad == 1 ? " bad row" : " bad rows") +
         "; nothing was imported (--skip-bad REJECTS.csv imports the good rows)";
}

TEST(ImportCustomersTest, ConvertsEveryField) {
  ScratchDir dir;
  auto path = dir.Write(
      "c.csv",
      "external_id,Name,email,phone,language,country,time_zone,first_seen,tags,account_owner,"
      "consent_email,consent_sms,attr.segment,Notes\n"
      "c1,Ana Lima,ana@example.com; ana.l@example.org,+351 1;+351 2,pt,PT,Europe/Lisbon,"
      "2023-01-05,vip;newsletter,joao,yes,0,gold,ignored\n"
      "c2,\"Nguyễn, Văn\",,,,VN,,,,,,,,\n");
  RecordingWriter w;
  auto r = ImportRows(w, Options(Entity::kCustomers, path));
  ASSERT_TRUE(r) << r.error().ToString();
  EXPECT_EQ(r->rows_read, 2);
  EXPECT_EQ(r->imported, 2);
  EXPECT_THAT(r->ignored_columns, ElementsAre("Notes"));
  ASSERT_EQ(w.customers.size(), 2u);
  const Customer& ana = w.customers[0];
  EXPECT_EQ(ana.external_id, "c1");
  EXPECT_EQ(ana.name, "Ana Lima");
  EXPECT_THAT(ana.emails, ElementsAre("ana@example.com", "ana.l@example.org"));
  EXPECT_THAT(ana.phones, ElementsAre("+351 1", "+351 2"));
  EXPECT_EQ(ana.preferred_language, "pt");
  EXPECT_EQ(ana.country, "PT");
  EXPECT_EQ(ana.time_zone, "Europe/Lisbon");
  EXPECT_EQ(ana.first_seen, *ParseIso8601("2023-01-05"));
  EXPECT_THAT(ana.tags, ElementsAre("vip", "newsletter"));
  EXPECT_EQ(ana.account_owner, "joao");
  EXPECT_THAT(ana.consent, ElementsAre(Pair("email", true), Pair("sms", false)));
  EXPECT_THAT(ana.attributes, ElementsAre(Pair("segment", "gold")));
  const Customer& nguyen = w.customers[1];
  EXPECT_EQ(nguyen.name, "Nguyễn, Văn");
  EXPECT_TRUE(nguyen.emails.empty());
  EXPECT_FALSE(nguyen.first_seen.has_value());
  EXPECT_TRUE(nguyen.consent.empty());
  EXPECT_TRUE(nguyen.attributes.empty());
}

TEST(ImportCustomersTest, ReadsDatesInTheGivenFormat) {
  ScratchDir dir;
  auto path = dir.Write("c.csv", "external_id,first_seen\nc1,12/1/2010 8:26\n");
  RecordingWriter w;
  auto options = Options(Entity::kCustomers, path);
  options.date_format = *DateFormat::Compile("%m/%d/%Y %H:%M");
  ASSERT_TRUE(ImportRows(w, options));
  EXPECT_EQ(w.customers.at(0).first_seen, *ParseIso8601("2010-12-01T08:26:00Z"));
}

TEST(ImportCustomersTest, ListsBadRowsWithFileLineColumnAndReason) {
  ScratchDir dir;
  auto path = dir.Write("c.csv",
                        "external_id,name,email,first_seen,consent_email\n"
                        "c1,Ana,ana@example.com,2023-01-05,yes\n"
                        "c2,Bo,bo-at-example.com,,\n"
                        "c3,Cy,,2023-13-05,\n"
                        "c4,\xff\xfe,,,\n"
                        "c5,Di,,\n"
                        "c1,Ana again,,,\n"
                        ",Nobody,,,\n"
                        "c6,Ed,,,maybe\n"
                        "\"c7,Fi,,,\n");
  RecordingWriter w;
  auto r = ImportRows(w, Options(Entity::kCustomers, path));
  EXPECT_THAT(
      ErrorLines(r),
      ElementsAre(Headline(path, 8),
                  At(path, ":3: email: 'bo-at-example.com' is not an email address"),
                  At(path,
                     ":4: first_seen: '2023-13-05' does not match date format 'ISO 8601': month "
                     "out of range"),
                  At(path, ":5: name: invalid UTF-8"), At(path, ":6: expected 5 columns, found 4"),
                  At(path, ":7: external_id: duplicate external id 'c1' (first on line 2)"),
                  At(path, ":8: external_id: is required"),
                  At(path, ":9: consent_email: 'maybe' is not one of true, false, yes, no, 1, 0"),
                  At(path, ":10: quoted field not closed before the end of the file")));
}

TEST(ImportCustomersTest, StopsListingAfterTwentyBadRows) {
  ScratchDir dir;
  std::string text = "external_id,email\n";
  for (int i = 0; i < 25; ++i) text += fmt::format("c{},nope\n", i);
  auto path = dir.Write("c.csv", text);
  RecordingWriter w;
  auto lines = ErrorLines(ImportRows(w, Options(Entity::kCustomers, path)));
  ASSERT_EQ(lines.size(), 22u);
  EXPECT_EQ(lines[0], Headline(path, 25));
  EXPECT_EQ(lines[20], At(path, ":21: email: 'nope' is not an email address"));
  EXPECT_EQ(lines[21], "... and 5 more");
}

TEST(ImportCustomersTest, StopsWritingAtTheFirstBadRow) {
  ScratchDir dir;
  auto path = dir.Write("c.csv", "external_id,email\na,a@x.org\nb,nope\nc,c@x.org\n");
  RecordingWriter w;
  EXPECT_FALSE(ImportRows(w, Options(Entity::kCustomers, path)));
  EXPECT_EQ(w.customers.size(), 1u);  // written before the bad row; the caller rolls back
}

TEST(ImportCustomersTest, CapsFieldsAtOneMebibyte) {
  ScratchDir dir;
  auto path = dir.Write("c.csv", "external_id,name\nc1," +
                                     std::string(text::kMaxFieldBytes + 1, 'x') + "\nc2,fine\n");
  RecordingWriter w;
  auto r = ImportRows(w, Options(Entity::kCustomers, path));
  EXPECT_THAT(ErrorLines(r),
              ElementsAre(Headline(path, 1),
                          At(path, ":2: name: field longer than 1 MiB (1048576 bytes)")));
}

TEST(ImportTest, EmptyFileIsAnError) {
  ScratchDir dir;
  for (const char* content : {"", "\xEF\xBB\xBF", "\n\n"}) {
    auto path = dir.Write("empty.csv", content);
    RecordingWriter w;
    auto r = ImportRows(w, Options(Entity::kProducts, path));
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().message(), At(path, ": empty file (no header row)"));
  }
  auto jsonl = dir.Write("empty.jsonl", "");
  RecordingWriter w;
  EXPECT_EQ(ImportRows(w, Options(Entity::kProducts, jsonl)).error().message(),
            At(jsonl, ": empty file (no JSON object)"));
}

TEST(ImportTest, HeaderOnlyImportsNothing) {
  ScratchDir dir;
  auto path = dir.Write("p.csv", "sku,name\n");
  RecordingWriter w;
  auto r = ImportRows(w, Options(Entity::kProducts, path));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->rows_read, 0);
}

TEST(ImportTest, MissingFileIsNotFound) {
  RecordingWriter w;
  auto r = ImportRows(w, Options(Entity::kProducts, "/nonexistent/p.csv"));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code(), StatusCode::kNotFound);
  EXPECT_EQ(r.error().message(), "/nonexistent/p.csv: No such file or directory");
}

TEST(ImportTest, UnknownMappedColumnListsTheColumns) {
  ScratchDir dir;
  auto path = dir.Write("p.csv", "Code,Title,Cost\nA,B,1\n");
  RecordingWriter w;
  auto r = ImportRows(w, Options(Entity::kProducts, path, "sku=SKU Code"));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().field(), "map");
  EXPECT_EQ(r.error().message(),
            "--map sku=SKU Code: no column 'SKU Code' (columns: Code, Title, Cost)");
}

TEST(ImportProductsTest, ConvertsPricesToMinorUnitsOfTheirCurrency) {
  ScratchDir dir;
  auto path = dir.Write("p.csv",
                        "Code,name,category,price,unit_cost,currency\n"
                        "A1,Margherita, Food / Pizza ,8.5,2.125,\n"
                        "A2,Ramen,Food/Noodles,1200,,JPY\n"
                        "A3,Plain,,,,\n");
  RecordingWriter w;
  auto options = Options(Entity::kProducts, path, "sku=Code");
  options.currency = "GBP";
  auto r = ImportRows(w, options);
  ASSERT_TRUE(r) << r.error().ToString();
  ASSERT_EQ(w.products.size(), 3u);
  EXPECT_EQ(w.products[0].sku, "A1");
  EXPECT_EQ(w.products[0].category, "Food/Pizza");
  EXPECT_EQ(w.products[0].currency, "GBP");
  EXPECT_EQ(w.products[0].price_minor, 850);
  EXPECT_EQ(w.products[0].unit_cost_minor, 213);  // 212.5 rounded half away from zero
  EXPECT_EQ(w.products[1].currency, "JPY");
  EXPECT_EQ(w.products[1].price_minor, 1200);
  EXPECT_EQ(w.products[2].price_minor, 0);
}

TEST(ImportProductsTest, ListsBadNumbersCurrenciesAndDuplicates) {
  ScratchDir dir;
  auto path = dir.Write("p.csv",
                        "sku,price,unit_cost,currency\n"
                        "A,abc,,\n"
                        "B,\"12,5\",,\n"
                        "C,-1,,\n"
                        "D,1,1.2.3,\n"
                        "E,1,,euro\n"
                        "F,1,,\n"
                        "F,2,,\n");
  RecordingWriter w;
  EXPECT_THAT(ErrorLines(ImportRows(w, Options(Entity::kProducts, path))),
              ElementsAre(Headline(path, 6), At(path, ":2: price: 'abc' is not a number"),
                          At(path, ":3: price: '12,5' is not a number"),
                          At(path, ":4: price: must not be negative"),
                          At(path, ":5: unit_cost: '1.2.3' is not a number"),
                          At(path, ":6: currency: 'euro' is not an ISO 4217 code"),
                          At(path, ":8: sku: duplicate sku 'F' (first on line 7)")));
}

// A small transaction log: an order in two parts, a guest order, a cancellation.
constexpr const char* kOrdersCsv =
    "invoice,customer,timestamp,product,quantity,price,description,country\n"
    "1001,c1,2024-01-02T10:00:00Z,P1,2,1.50,Pen,PT\n"
    "1001,c1,2024-01-02T10:00:00Z,P2,1,0.085,Clip,PT\n"
    "1002,,2024-01-02T11:00:00Z,P1,1,1.50,Pen,\n"
    "C1003,c2,2024-01-03T09:00:00Z,P1,-1,1.50,Pen,FR\n"
    "1001,c1,2024-01-02T10:00:00Z,P3,12,0.085,Clip x12,PT\n";

TEST(ImportOrdersTest, GroupsLinesIntoOrdersAndAppendsAReturningInvoice) {
  ScratchDir dir;
  auto path = dir.Write("o.csv", kOrdersCsv);
  RecordingWriter w;
  auto r = ImportRows(w, Options(Entity::kOrders, path));
  ASSERT_TRUE(r) << r.error().ToString();
  EXPECT_EQ(r->rows_read, 5);
  EXPECT_EQ(r->imported, 4);
  EXPECT_EQ(r->skipped, 1);
  EXPECT_EQ(r->rejected, 0);
  EXPECT_EQ(r->orders, 2);
  EXPECT_EQ(r->cancelled_orders, 1);

  ASSERT_EQ(w.orders.size(), 2u);
  const Order& first = w.orders[0];
  EXPECT_EQ(first.external_id, "1001");
  EXPECT_EQ(first.customer_id, w.customer_ids.at("c1"));
  EXPECT_EQ(first.ordered_at, *ParseIso8601("2024-01-02T10:00:00Z"));
  EXPECT_EQ(first.status, OrderStatus::kPlaced);
  EXPECT_EQ(first.currency, "EUR");
  ASSERT_EQ(first.lines.size(), 3u);  // two written with the order, one appended
  EXPECT_EQ(first.lines[0].product_id, w.product_ids.at("P1"));
  EXPECT_EQ(first.lines[0].quantity, 2);
  EXPECT_EQ(first.lines[0].unit_price_minor, 150);
  EXPECT_EQ(first.lines[0].amount_minor, 300);
  EXPECT_EQ(first.lines[1].unit_price_minor, 9);
  EXPECT_EQ(first.lines[1].amount_minor, 9);
  EXPECT_EQ(first.lines[2].description, "Clip x12");
  EXPECT_EQ(first.lines[2].amount_minor, 102);  // 12 x 0.085 = 1.02, rounded once
  EXPECT_EQ(first.total_minor, 411);
  ASSERT_EQ(w.appended.size(), 1u);
  EXPECT_EQ(w.appended[0].first, 1);

  const Order& cancelled = w.orders[1];
  EXPECT_EQ(cancelled.external_id, "C1003");
  EXPECT_EQ(cancelled.status, OrderStatus::kCancelled);
  EXPECT_EQ(cancelled.lines.at(0).quantity, -1);
  EXPECT_EQ(cancelled.total_minor, -150);

  EXPECT_EQ(w.ensured_customers.at("c1").country, "PT");
  EXPECT_EQ(w.ensured_customers.at("c2").country, "FR");
  EXPECT_EQ(w.ensured_customers.count(""), 0u);
  EXPECT_EQ(w.ensure_customer_calls, 2);  // the importer remembers ids
  EXPECT_EQ(w.ensured_products.at("P1").name, "Pen");
  EXPECT_EQ(w.ensured_products.at("P1").price_minor, 150);
  EXPECT_EQ(w.ensured_products.at("P3").name, "Clip x12");
}

TEST(ImportOrdersTest, CancelPrefixAndStatusColumnDecideTheStatus) {
  ScratchDir dir;
  auto path = dir.Write("o.csv",
                        "invoice,customer,timestamp,product,quantity,price,status\n"
                        "X1,c1,2024-01-02,P1,-1,1,\n"
                        "C2,c1,2024-01-02,P1,1,1,\n"
                        "C3,c1,2024-01-02,P1,-1,1,returned\n");
  RecordingWriter w;
  auto options = Options(Entity::kOrders, path);
  options.cancel_prefix = "X";
  ASSERT_TRUE(ImportRows(w, options));
  ASSERT_EQ(w.orders.size(), 3u);
  EXPECT_EQ(w.orders[0].status, OrderStatus::kCancelled);
  EXPECT_EQ(w.orders[1].status, OrderStatus::kPlaced);
  EXPECT_EQ(w.orders[2].status, OrderStatus::kReturned);
}

TEST(ImportOrdersTest, ListsBadOrderRows) {
  ScratchDir dir;
  auto path = dir.Write("o.csv",
                        "invoice,customer,timestamp,product,quantity,price,currency\n"
                        "1,c1,2024-01-02,P1,six,1,\n"
                        "2,c1,2024-02-30,P1,1,1,\n"
                        "3,c1,2024-01-02,P1,0,1,\n"
                        "4,c1,2024-01-02,,1,1,\n"
                        "5,c1,2024-01-02,P1,1,1e3,\n"
                        "6,c1,2024-01-02,P1,1,1,GBP\n"
                        "6,c1,2024-01-02,P1,1,1,USD\n"
                        ",c1,2024-01-02,P1,1,1,\n");
  RecordingWriter w;
  EXPECT_THAT(
      ErrorLines(ImportRows(w, Options(Entity::kOrders, path))),
      ElementsAre(
          Headline(path, 7), At(path, ":2: quantity: 'six' is not a whole number"),
          At(path,
             ":3: timestamp: '2024-02-30' does not match date format 'ISO 8601': no such day"),
          At(path, ":4: quantity: must not be 0"), At(path, ":5: product: is required"),
          At(path, ":6: price: '1e3' is not a number"),
          At(path, ":8: currency: 'USD' differs from the currency of invoice 6 (GBP)"),
          At(path, ":9: invoice: is required")));
}

TEST(ImportOrdersTest, SkipBadWritesRejectsWithLineAndReasonAndImportsTheRest) {
  ScratchDir dir;
  auto path = dir.Write("o.csv",
                        "invoice,customer,timestamp,product,quantity,price,description\r\n"
                        "1,c1,2024-01-02,P1,2,1.5,\"Pen, blue\"\r\n"
                        "1,c1,2024-01-02,P2,x,1.5,Pad\r\n"
                        "2,,2024-01-02,P1,1,1.5,Guest\r\n"
                        "3,c2,2024-01-02,P1,1\r\n"
                        "4,c2,2024-01-02,P1,1,1,Last\r\n");
  RecordingWriter w;
  auto options = Options(Entity::kOrders, path);
  options.rejects_path = dir.Path("rejects.csv");
  auto r = ImportRows(w, options);
  ASSERT_TRUE(r) << r.error().ToString();
  EXPECT_EQ(r->rows_read, 5);
  EXPECT_EQ(r->imported, 2);
  EXPECT_EQ(r->rejected, 2);
  EXPECT_EQ(r->skipped, 1);
  EXPECT_EQ(w.orders.size(), 2u);
  EXPECT_EQ(ReadFile(options.rejects_path),
            "line,reason,invoice,customer,timestamp,product,quantity,price,description\n"
            "3,quantity: 'x' is not a whole number,1,c1,2024-01-02,P2,x,1.5,Pad\n"
            "4,customer: no customer id,2,,2024-01-02,P1,1,1.5,Guest\n"
            "5,\"expected 7 columns, found 5\",3,c2,2024-01-02,P1,1\n");
}

TEST(ImportOrdersTest, ReadsOnlineRetailStyleColumnsWithAMap) {
  ScratchDir dir;
  auto path = dir.Write(
      "retail.csv",
      "\xEF\xBB\xBFInvoice,StockCode,Description,Quantity,InvoiceDate,Price,Customer ID,Country\n"
      "536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,12/1/2010 08:26,2.55,17850,United "
      "Kingdom");
  RecordingWriter w;
  auto options = Options(Entity::kOrders, path,
                         "customer=Customer ID,timestamp=InvoiceDate,product=StockCode");
  options.date_format = *DateFormat::Compile("%m/%d/%Y %H:%M");
  options.currency = "GBP";
  auto r = ImportRows(w, options);
  ASSERT_TRUE(r) << r.error().ToString();
  ASSERT_EQ(w.orders.size(), 1u);
  EXPECT_EQ(w.orders[0].ordered_at, *ParseIso8601("2010-12-01T08:26:00Z"));
  EXPECT_EQ(w.orders[0].total_minor, 1530);
  EXPECT_EQ(w.orders[0].currency, "GBP");
  EXPECT_EQ(w.ensured_customers.at("17850").country, "United Kingdom");
}

TEST(ImportJsonlTest, ReadsObjectsAsRows) {
  ScratchDir dir;
  auto path =
      dir.Write("c.jsonl",
                "{\"external_id\":\"c1\",\"name\":\"Ana\",\"email\":[\"a@x.org\",\"b@x.org\"],"
                "\"first_seen\":null,\"consent_email\":true,\"attr.visits\":3}\r\n"
                "\n"
                "{\"external_id\":\"c2\",\"attr.tier\":\"gold\",\"extra\":{\"ignored\":1}}\n");
  RecordingWriter w;
  auto r = ImportRows(w, Options(Entity::kCustomers, path));
  ASSERT_TRUE(r) << r.error().ToString();
  ASSERT_EQ(w.customers.size(), 2u);
  EXPECT_THAT(w.customers[0].emails, ElementsAre("a@x.org", "b@x.org"));
  EXPECT_THAT(w.customers[0].consent, ElementsAre(Pair("email", true)));
  EXPECT_THAT(w.customers[0].attributes, ElementsAre(Pair("visits", "3")));
  EXPECT_THAT(w.customers[1].attributes, ElementsAre(Pair("tier", "gold")));
}

TEST(ImportJsonlTest, ListsLinesThatAreNotObjects) {
  ScratchDir dir;
  auto path = dir.Write("p.ndjson",
                        "{\"sku\":\"A\",\"price\":\"1.50\"}\n"
                        "[\"B\", 2]\n"
                        "{\"sku\": \"C\",\n"
                        "\"just a string\"\n"
                        "{\"sku\":\"D\",\"name\":{\"en\":\"x\"}}\n"
                        "{\"sku\":\"E\",\"name\":\"\xff\"}\n"
                        "{\"sku\":\"F\",\"price\":2.25}\n");
  RecordingWriter w;
  auto r = ImportRows(w, Options(Entity::kProducts, path));
  EXPECT_THAT(ErrorLines(r),
              ElementsAre(Headline(path, 5), At(path, ":2: expected a JSON object, found an array"),
                          At(path, ":3: invalid JSON: incomplete JSON"),
                          At(path, ":4: expected a JSON object, found a string"),
                          At(path,
                             ":5: name: expected a string, number, boolean, null or array of "
                             "those, found an object"),
                          At(path, ":6: invalid UTF-8")));
}

TEST(ImportJsonlTest, FirstLineMustBeAnObject) {
  ScratchDir dir;
  auto path = dir.Write("p.jsonl", "[1,2]\n{\"sku\":\"A\"}\n");
  RecordingWriter w;
  auto r = ImportRows(w, Options(Entity::kProducts, path));
  ASSERT_FALSE(r);
  EXPECT_EQ(
      r.error().message(),
      At(path, ":1: expected a JSON object, found an array; the first line names the columns"));
}

TEST(ImportTest, FormatFollowsTheExtensionUnlessGiven) {
  EXPECT_EQ(FormatForPath("a.jsonl"), Format::kJsonl);
  EXPECT_EQ(FormatForPath("a.ndjson"), Format::kJsonl);
  EXPECT_EQ(FormatForPath("a.csv"), Format::kCsv);
  EXPECT_EQ(FormatForPath("a.txt"), Format::kCsv);
  ScratchDir dir;
  auto path = dir.Write("p.txt", "{\"sku\":\"A\"}\n");
  RecordingWriter w;
  auto options = Options(Entity::kProducts, path);
  options.format = Format::kJsonl;
  ASSERT_TRUE(ImportRows(w, options));
  EXPECT_EQ(w.products.at(0).sku, "A");
}

}  // namespace
}  // namespace centric::ingest
