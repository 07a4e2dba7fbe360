// SPDX-License-Identifier: Apache-2.0
// The customer store's contract, and the import's bulk writer's (which writes customers with
// their orders and interactions): one suite, run on every backend, so SQLite and PostgreSQL
// are proven to behave the same. Each test starts from an empty, migrated database.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>
#include <thread>

#include "areas/retention/retention_store.h"
#include "ingest/bulk/bulk_writer.h"
#include "support/shop_fixture.h"

namespace centric::customers {
namespace {

using ::centric::testing::BackendName;

Timestamp At(const char* iso) { return *ParseIso8601(iso); }

class CustomerStoreContractTest : public ::centric::testing::ShopStoreTest {
 protected:
  Customer MakeCustomer(const std::string& external_id, const std::string& name) {
    Customer c;
    c.external_id = external_id;
    c.name = name;
    return c;
  }
  // The connection every store of the test shares.
  store::Connection& connection() { return stores_->connection(); }
};

TEST_P(CustomerStoreContractTest, MigratesToTheLatestSchemaAndReopens) {
  auto version = connection().SchemaVersion();
  ASSERT_TRUE(version);
  EXPECT_GE(*version, 1);
  EXPECT_EQ(stores_->backend(), GetParam().name);
  auto again = Stores::Open(url_);
  ASSERT_TRUE(again) << again.error().ToString();
  EXPECT_EQ(*(*again)->connection().SchemaVersion(), *version);
}

TEST_P(CustomerStoreContractTest, CustomerRoundTripsEveryField) {
  Customer c = MakeCustomer("C-1", "Nguyễn Thị Mai");
  c.emails = {"mai@example.vn", "mai.work@example.com"};
  c.phones = {"+84 28 1234 5678"};
  c.preferred_language = "vi";
  c.country = "VN";
  c.time_zone = "Asia/Ho_Chi_Minh";
  c.first_seen = At("2024-03-01T09:30:00Z");
  c.consent = {{"email", true}, {"sms", false}};
  c.tags = {"vip", "b2c"};
  c.attributes = {{"income_group", "high"}};
  c.account_owner = "lucia";
  auto created = store_->CreateCustomer(c);
  ASSERT_TRUE(created) << created.error().ToString();
  EXPECT_GT(created->id, 0);
  auto got = store_->GetCustomer(created->id);
  ASSERT_TRUE(got);
  c.id = created->id;
  c.created_at = got->created_at;
  c.updated_at = got->updated_at;
  EXPECT_EQ(*got, c);
  auto by_external = store_->GetCustomerByExternalId("C-1");
  ASSERT_TRUE(by_external);
  EXPECT_EQ(by_external->id, c.id);
}

TEST_P(CustomerStoreContractTest, RejectsDuplicateExternalIdAndUnknownIds) {
  AddCustomer("C-1", "A");
  auto dup = store_->CreateCustomer(MakeCustomer("C-1", "B"));
  ASSERT_FALSE(dup);
  EXPECT_EQ(dup.error().code(), StatusCode::kAlreadyExists);
  EXPECT_EQ(dup.error().field(), "external_id");
  EXPECT_EQ(store_->GetCustomer(999).error().code(), StatusCode::kNotFound);
  EXPECT_EQ(store_->GetCustomerByExternalId("nope").error().code(), StatusCode::kNotFound);
  EXPECT_EQ(store_->DeleteCustomer(999).code(), StatusCode::kNotFound);
  Customer ghost = MakeCustomer("G", "ghost");
  ghost.id = 999;
  EXPECT_EQ(store_->UpdateCustomer(ghost).error().code(), StatusCode::kNotFound);
  EXPECT_EQ(store_->CreateCustomer(Customer{}).error().code(), StatusCode::kInvalidArgument);
}

TEST_P(CustomerStoreContractTest, UpdatesCustomerAndSearchFollows) {
  Customer c = AddCustomer("C-1", "Jordi Puig");
  EXPECT_EQ(store_->ListCustomers({.search = "jordi"})->items.size(), 1u);
  c.name = "Marta Vila";
  auto updated = store_->UpdateCustomer(c);
  ASSERT_TRUE(updated) << updated.error().ToString();
  EXPECT_EQ(updated->name, "Marta Vila");
  EXPECT_TRUE(store_->ListCustomers({.search = "jordi"})->items.empty());
  EXPECT_EQ(store_->ListCustomers({.search = "marta"})->items.size(), 1u);
}

TEST_P(CustomerStoreContractTest, SearchesByNamePrefixEmailAndExternalIdIgnoringCaseAndAccents) {
  Customer a = MakeCustomer("EXT-42", "Nguyễn Văn An");
  a.emails = {"an.nguyen@example.vn"};
  ASSERT_TRUE(store_->CreateCustomer(a));
  Customer b = MakeCustomer("EXT-43", "Amélie Dupont");
  b.emails = {"amelie@example.fr"};
  ASSERT_TRUE(store_->CreateCustomer(b));
  Customer c = MakeCustomer("EXT-44", "محمد العلي");
  ASSERT_TRUE(store_->CreateCustomer(c));
  auto names = [&](const std::string& q) {
    std::set<std::string> out;
    auto page = store_->ListCustomers({.search = q});
    EXPECT_TRUE(page) << q << ": " << page.error().ToString();
    if (!page) return out;
    for (const auto& x : page->items) out.insert(x.external_id);
    return out;
  };
  EXPECT_EQ(names("nguyen"), std::set<std::string>({"EXT-42"}));
  EXPECT_EQ(names("NGUY"), std::set<std::string>({"EXT-42"}));
  EXPECT_EQ(names("amelie"), std::set<std::string>({"EXT-43"}));
  EXPECT_EQ(names("amelie@example.fr"), std::set<std::string>({"EXT-43"}));
  EXPECT_EQ(names("ext-44"), std::set<std::string>({"EXT-44"}));
  EXPECT_EQ(names("محمد"), std::set<std::string>({"EXT-44"}));
  EXPECT_EQ(names("dupont amélie"), std::set<std::string>({"EXT-43"}));
  EXPECT_TRUE(names("zzz").empty());
  EXPECT_EQ(names("\"*) OR (").size(), 0u);  // syntax characters are not query syntax
}

TEST_P(CustomerStoreContractTest, FiltersCustomersByCountryLanguageAndTag) {
  Customer a = MakeCustomer("A", "a");
  a.country = "FR";
  a.preferred_language = "fr";
  a.tags = {"vip"};
  Customer b = MakeCustomer("B", "b");
  b.country = "ES";
  b.preferred_language = "ca";
  ASSERT_TRUE(store_->CreateCustomer(a));
  ASSERT_TRUE(store_->CreateCustomer(b));
  EXPECT_EQ(store_->ListCustomers({.country = "ES"})->items.at(0).external_id, "B");
  EXPECT_EQ(store_->ListCustomers({.language = "fr"})->items.at(0).external_id, "A");
  EXPECT_EQ(store_->ListCustomers({.tag = "vip"})->items.size(), 1u);
  EXPECT_TRUE(store_->ListCustomers({.country = "FR", .language = "ca"})->items.empty());
}

TEST_P(CustomerStoreContractTest, PagesWalkEveryCustomerOnceInIdOrder) {
  for (int i = 0; i < 23; ++i) AddCustomer("C" + std::to_string(i), "n");
  std::vector<CustomerId> seen;
  CustomerFilter filter;
  filter.page.limit = 5;
  int pages = 0;
  while (true) {
    auto page = store_->ListCustomers(filter);
    ASSERT_TRUE(page);
    for (const auto& c : page->items) seen.push_back(c.id);
    ++pages;
    if (page->next_cursor.empty()) break;
    filter.page.cursor = page->next_cursor;
  }
  EXPECT_EQ(pages, 5);
  ASSERT_EQ(seen.size(), 23u);
  EXPECT_TRUE(std::is_sorted(seen.begin(), seen.end()));
  EXPECT_EQ(std::set<CustomerId>(seen.begin(), seen.end()).size(), 23u);
  filter.page.cursor = "garbage";
  auto bad = store_->ListCustomers(filter);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().field(), "cursor");
}

TEST_P(CustomerStoreContractTest, InteractionsCrudAndValidation) {
  Customer c = AddCustomer("C", "c");
  Interaction i{.customer_id = c.id,
                .kind = "meeting",
                .channel = "in_person",
                .occurred_at = At("2024-06-01T10:00:00Z"),
                .summary = "Revue annuelle",
                .details = R"({"duration_minutes":45})",
                .author = "lucia"};
  auto created = store_->CreateInteraction(i);
  ASSERT_TRUE(created) << created.error().ToString();
  EXPECT_EQ(created->summary, "Revue annuelle");
  EXPECT_EQ(created->kind, "meeting");
  auto fetched = store_->GetInteraction(created->id);
  ASSERT_TRUE(fetched);
  EXPECT_NE(fetched->details.find("45"), std::string::npos);
  Interaction changed = *created;
  changed.summary = "Annual review";
  EXPECT_EQ(store_->UpdateInteraction(changed)->summary, "Annual review");
  EXPECT_EQ(store_->ListInteractions({.customer_id = c.id, .kind = "meeting"})->items.size(), 1u);
  EXPECT_TRUE(store_->ListInteractions({.kind = "call"})->items.empty());
  Interaction orphan = i;
  orphan.customer_id = 98765;
  EXPECT_EQ(store_->CreateInteraction(orphan).error().code(), StatusCode::kNotFound);
  ASSERT_TRUE(store_->DeleteInteraction(created->id).ok());
  EXPECT_EQ(store_->DeleteInteraction(created->id).code(), StatusCode::kNotFound);
}

TEST_P(CustomerStoreContractTest, TimelineMergesNewestFirstAndPages) {
  Customer c = AddCustomer("C", "c");
  Customer other = AddCustomer("O", "o");
  AddProduct("P", "Food", 100);
  auto line = OrderLine{.sku = "P", .quantity = 2, .unit_price_minor = 100, .amount_minor = 200};
  ASSERT_TRUE(orders_->CreateOrder(MakeOrder(c.id, "1", "2024-01-01T00:00:00Z", {line})));
  ASSERT_TRUE(orders_->CreateOrder(MakeOrder(c.id, "2", "2024-03-01T00:00:00Z", {line})));
  ASSERT_TRUE(orders_->CreateOrder(MakeOrder(other.id, "9", "2024-02-01T00:00:00Z", {line})));
  for (const char* when :
       {"2024-02-01T00:00:00Z", "2024-03-01T00:00:00Z", "2024-04-01T00:00:00Z"}) {
    ASSERT_TRUE(store_->CreateInteraction(
        {.customer_id = c.id, .kind = "note", .occurred_at = At(when), .summary = when}));
  }
  auto all = store_->Timeline(c.id, {.limit = 50});
  ASSERT_TRUE(all) << all.error().ToString();
  ASSERT_EQ(all->items.size(), 5u);
  EXPECT_TRUE(all->next_cursor.empty());
  std::vector<std::string> order;
  for (const auto& e : all->items) {
    order.push_back(FormatIso8601(e.at) +
                    (e.type == TimelineEvent::Type::kOrder ? " order" : " note"));
  }
  EXPECT_THAT(order,
              ::testing::ElementsAre("2024-04-01T00:00:00Z note", "2024-03-01T00:00:00Z note",
                                     "2024-03-01T00:00:00Z order", "2024-02-01T00:00:00Z note",
                                     "2024-01-01T00:00:00Z order"));
  EXPECT_EQ(all->items[2].amount_minor, 200);
  EXPECT_EQ(all->items[2].summary, "2");
  EXPECT_EQ(all->items[2].kind, "placed");

  std::vector<std::string> paged;
  PageRequest request{.limit = 2};
  while (true) {
    auto page = store_->Timeline(c.id, request);
    ASSERT_TRUE(page);
    for (const auto& e : page->items) paged.push_back(FormatIso8601(e.at) + std::to_string(e.id));
    if (page->next_cursor.empty()) break;
    request.cursor = page->next_cursor;
  }
  EXPECT_EQ(paged.size(), 5u);
  EXPECT_EQ(store_->Timeline(4242, {}).error().code(), StatusCode::kNotFound);
}

TEST_P(CustomerStoreContractTest, DeletingACustomerRemovesTheirOrdersAndInteractions) {
  Customer c = AddCustomer("C", "c");
  AddProduct("P", "Food", 100);
  ASSERT_TRUE(orders_->CreateOrder(MakeOrder(
      c.id, "1", "2024-01-01T00:00:00Z",
      {OrderLine{.sku = "P", .quantity = 1, .unit_price_minor = 100, .amount_minor = 100}})));
  ASSERT_TRUE(store_->CreateInteraction(
      {.customer_id = c.id, .kind = "call", .occurred_at = At("2024-01-02")}));
  ASSERT_TRUE(store_->DeleteCustomer(c.id).ok());
  auto stats = ingest::CountRows(connection());
  EXPECT_EQ(stats->customers, 0);
  EXPECT_EQ(stats->orders, 0);
  EXPECT_EQ(stats->order_lines, 0);
  EXPECT_EQ(stats->interactions, 0);
  EXPECT_EQ(stats->products, 1);
}

TEST_P(CustomerStoreContractTest, BulkWriterUpsertsAndIsInvisibleUntilCommit) {
  {
    auto writer = ingest::BeginBulk(connection());
    ASSERT_TRUE(writer) << writer.error().ToString();
    auto id = (*writer)->UpsertCustomer(MakeCustomer("X", "first"));
    ASSERT_TRUE(id);
    auto again = (*writer)->UpsertCustomer(MakeCustomer("X", "second"));
    EXPECT_EQ(*again, *id);
    auto ensured = (*writer)->EnsureCustomer("X", MakeCustomer("", "ignored"));
    EXPECT_EQ(*ensured, *id);
    auto other = Stores::Open(url_);
    ASSERT_TRUE(other);
    EXPECT_EQ(ingest::CountRows((*other)->connection())->customers, 0);  // not yet committed
    // destroyed without Commit: rolled back
  }
  EXPECT_EQ(ingest::CountRows(connection())->customers, 0);

  auto writer = ingest::BeginBulk(connection());
  ASSERT_TRUE(writer);
  auto& w = **writer;
  CustomerId c = *w.EnsureCustomer("17850", Customer{.country = "United Kingdom"});
  Product defaults;
  defaults.name = "WHITE HANGING HEART T-LIGHT HOLDER";
  defaults.currency = "GBP";
  ProductId p = *w.EnsureProduct("85123A", defaults);
  EXPECT_EQ(*w.EnsureProduct("85123A", Product{}), p);
  Order o = MakeOrder(
      c, "536365", "2010-12-01T08:26:00Z",
      {OrderLine{.product_id = p, .quantity = 6, .unit_price_minor = 255, .amount_minor = 1530}});
  o.currency = "GBP";
  RecomputeTotals(o);
  auto order_id = w.UpsertOrder(o);
  ASSERT_TRUE(order_id) << order_id.error().ToString();
  ASSERT_TRUE(
      w.AppendOrderLines(
           *order_id, c,
           {OrderLine{
               .product_id = p, .quantity = 2, .unit_price_minor = 255, .amount_minor = 510}})
          .ok());
  ASSERT_TRUE(w.Commit().ok());
  writer->reset();

  auto order = orders_->GetOrder(*order_id);
  ASSERT_TRUE(order);
  EXPECT_EQ(order->lines.size(), 2u);
  EXPECT_EQ(order->total_minor, 2040);
  EXPECT_EQ(store_->GetCustomer(c)->country, "United Kingdom");

  // Re-importing the same invoice replaces it instead of duplicating.
  auto second = ingest::BeginBulk(connection());
  ASSERT_TRUE(second);
  CustomerId c2 = *(*second)->EnsureCustomer("17850", Customer{});
  EXPECT_EQ(c2, c);
  EXPECT_EQ(*(*second)->UpsertOrder(o), *order_id);
  ASSERT_TRUE((*second)->Commit().ok());
  second->reset();
  auto stats = ingest::CountRows(connection());
  EXPECT_EQ(stats->orders, 1);
  EXPECT_EQ(stats->order_lines, 1);
  EXPECT_EQ(orders_->GetOrder(*order_id)->total_minor, 1530);
}

// Search finds what a bulk write loaded, whether the store was empty (a first load, which
// may index at commit) or not, and a rolled-back first load leaves search working for what
// is written afterwards.
TEST_P(CustomerStoreContractTest, SearchFindsBulkLoadedCustomersAndSurvivesARollback) {
  auto load = [this](const std::vector<std::pair<std::string, std::string>>& customers) {
    auto writer = ingest::BeginBulk(connection());
    ASSERT_TRUE(writer);
    for (const auto& [id, name] : customers) {
      ASSERT_TRUE((*writer)->UpsertCustomer(MakeCustomer(id, name)));
    }
    ASSERT_TRUE((*writer)->Commit().ok());
  };
  auto found = [this](const std::string& words) {
    return store_->ListCustomers({.search = words})->items.size();
  };
  {
    auto writer = ingest::BeginBulk(connection());
    ASSERT_TRUE(writer);
    ASSERT_TRUE((*writer)->UpsertCustomer(MakeCustomer("R-1", "Rolled Back")));
  }
  EXPECT_EQ(found("rolled"), 0u);
  Customer a = AddCustomer("A-1", "Amélie Durand");
  EXPECT_EQ(found("amelie"), 1u);
  ASSERT_TRUE(store_->DeleteCustomer(a.id).ok());

  load({{"B-1", "Nguyễn Văn An"}, {"B-2", "Jordi Puig"}, {"B-2", "Jordi Vila"}});  // first load
  EXPECT_EQ(found("nguyen"), 1u);
  EXPECT_EQ(found("vila"), 1u);
  EXPECT_EQ(found("puig"), 0u);
  Customer later = AddCustomer("B-3", "Marta Soler");
  EXPECT_EQ(found("soler"), 1u);
  later.name = "Marta Roca";
  ASSERT_TRUE(store_->UpdateCustomer(later));
  EXPECT_EQ(found("soler"), 0u);
  EXPECT_EQ(found("roca"), 1u);

  load({{"B-4", "Pau Casals"}, {"B-1", "Nguyễn Thị Lan"}});  // into a store with customers
  EXPECT_EQ(found("casals"), 1u);
  EXPECT_EQ(found("lan"), 1u);
  EXPECT_EQ(found("van"), 0u);  // B-1's old name left the index
}

TEST_P(CustomerStoreContractTest, ScansAreOrderedAndStopOnError) {
  for (int i = 0; i < 3; ++i) AddCustomer("C" + std::to_string(i), "n");
  AddProduct("P", "Food", 100);
  std::vector<std::string> ids;
  ASSERT_TRUE(store_
                  ->ScanCustomers([&](const Customer& c) {
                    ids.push_back(c.external_id);
                    return Status::Ok();
                  })
                  .ok());
  EXPECT_THAT(ids, ::testing::ElementsAre("C0", "C1", "C2"));
  int visited = 0;
  Status stop = store_->ScanCustomers([&](const Customer&) {
    ++visited;
    return Internal("stop here");
  });
  EXPECT_EQ(stop.message(), "stop here");
  EXPECT_EQ(visited, 1);
  auto c = store_->GetCustomerByExternalId("C1");
  ASSERT_TRUE(orders_->CreateOrder(MakeOrder(
      c->id, "1", "2024-01-01T00:00:00Z",
      {OrderLine{.sku = "P", .quantity = 1, .unit_price_minor = 100, .amount_minor = 100},
       OrderLine{.sku = "P", .quantity = 2, .unit_price_minor = 100, .amount_minor = 200}})));
  std::vector<Order> orders;
  ASSERT_TRUE(orders_
                  ->ScanOrders([&](const Order& o) {
                    orders.push_back(o);
                    return Status::Ok();
                  })
                  .ok());
  ASSERT_EQ(orders.size(), 1u);
  EXPECT_EQ(orders[0].lines.size(), 2u);
  EXPECT_EQ(orders[0].lines[1].quantity, 2);
  // The store is usable after a scan (its read transaction ended).
  EXPECT_TRUE(store_->CreateCustomer(MakeCustomer("after", "scan")));
}

TEST_P(CustomerStoreContractTest, ConnectionsSeeEachOthersCommits) {
  auto second = Stores::Open(url_);
  ASSERT_TRUE(second);
  AddCustomer("shared", "s");
  EXPECT_TRUE((*second)->customers().GetCustomerByExternalId("shared"));
  std::thread writer([&] {
    auto own = Stores::Open(url_);
    ASSERT_TRUE(own);
    for (int i = 0; i < 20; ++i) {
      ASSERT_TRUE((*own)->customers().CreateCustomer(MakeCustomer("t" + std::to_string(i), "t")));
    }
  });
  for (int i = 0; i < 20; ++i) {
    ASSERT_TRUE((*second)->customers().CreateCustomer(MakeCustomer("m" + std::to_string(i), "m")));
  }
  writer.join();
  EXPECT_EQ(ingest::CountRows(connection())->customers, 41);
}

TEST_P(CustomerStoreContractTest, CustomerListFiltersBySegmentTierRiskAndCategoryAndSortsByValue) {
  // Five customers, values 50, 40, 30, 20, 10; names in reverse order of value.
  std::vector<Customer> cs;
  for (int i = 0; i < 5; ++i)
    cs.push_back(AddCustomer("C" + std::to_string(i), std::string(1, 'E' - i) + "va"));
  AddProduct("PIZ", "Food/Pizza", 900);
  AddProduct("TV", "Electronics/TV", 50000);
  auto line = [](const char* sku) {
    return OrderLine{.sku = sku, .quantity = 1, .unit_price_minor = 100, .amount_minor = 100};
  };
  ASSERT_TRUE(
      orders_->CreateOrder(MakeOrder(cs[0].id, "1", "2024-01-10T10:00:00Z", {line("PIZ")})));
  ASSERT_TRUE(orders_->CreateOrder(MakeOrder(cs[1].id, "2", "2024-01-10T10:00:00Z", {line("TV")})));
  ASSERT_TRUE(
      orders_->CreateOrder(MakeOrder(cs[2].id, "3", "2024-01-10T10:00:00Z", {line("PIZ")})));
  std::vector<retention::CustomerPrediction> rows;
  for (int i = 0; i < 4; ++i) {  // the fifth customer has no prediction
    rows.push_back(retention::CustomerPrediction{.customer_id = cs[i].id,
                                                 .recency = 10,
                                                 .age = 10 + i,
                                                 .p_alive = 0.2 * (i + 1),
                                                 .clv = 50.0 - 10 * i,
                                                 .churn_risk = i < 2 ? "low" : "high",
                                                 .rfm_segment = i == 0 ? "champions" : "at_risk",
                                                 .tier = i == 0 ? "high" : "low"});
  }
  // The list reads the retention area's predictions on the same connection.
  ASSERT_TRUE(retention::MakeRetentionStore(connection())->SaveAnalysis({}, rows));
  auto ids = [&](CustomerFilter f) {
    std::vector<int64_t> out;
    f.page.limit = 2;
    while (true) {  // every page, so the cursors are exercised
      auto page = store_->ListCustomers(f);
      EXPECT_TRUE(page) << page.error().ToString();
      if (!page) return out;
      for (const auto& c : page->items) out.push_back(c.id);
      if (page->next_cursor.empty()) return out;
      f.page.cursor = page->next_cursor;
    }
  };
  const auto id = [&](int i) { return cs[i].id; };
  EXPECT_EQ(ids({.sort = CustomerSort::kClvDesc}),
            (std::vector<int64_t>{id(0), id(1), id(2), id(3)}));
  EXPECT_EQ(ids({.sort = CustomerSort::kPAliveDesc}),
            (std::vector<int64_t>{id(3), id(2), id(1), id(0)}));
  EXPECT_EQ(ids({.sort = CustomerSort::kRecentDesc}),
            (std::vector<int64_t>{id(0), id(1), id(2), id(3)}));
  EXPECT_EQ(ids({.sort = CustomerSort::kName}),
            (std::vector<int64_t>{id(4), id(3), id(2), id(1), id(0)}));
  EXPECT_EQ(ids({.tier = "low", .sort = CustomerSort::kName}),
            (std::vector<int64_t>{id(3), id(2), id(1)}));
  EXPECT_EQ(ids({.segment = "champions"}), (std::vector<int64_t>{id(0)}));
  EXPECT_EQ(ids({.risk = "high"}), (std::vector<int64_t>{id(2), id(3)}));
  EXPECT_EQ(ids({.category = "Food"}), (std::vector<int64_t>{id(0), id(2)}));
  EXPECT_EQ(ids({.category = "Food/Pizza"}), (std::vector<int64_t>{id(0), id(2)}));
  EXPECT_TRUE(ids({.category = "Foo"}).empty());  // a prefix of a word is not a category
  EXPECT_EQ(ids({.category = "Electronics", .sort = CustomerSort::kClvDesc}),
            (std::vector<int64_t>{id(1)}));
  auto bad = store_->ListCustomers({.sort = CustomerSort::kClvDesc, .page = {.cursor = "i5"}});
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().field(), "cursor");
}

INSTANTIATE_TEST_SUITE_P(Backends, CustomerStoreContractTest,
                         ::testing::ValuesIn(::centric::testing::TestBackends()), BackendName());

}  // namespace
}  // namespace centric::customers
