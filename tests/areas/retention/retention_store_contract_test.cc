// SPDX-License-Identifier: Apache-2.0
// The retention store's contract on SQLite and PostgreSQL: orders read as facts, and analysis
// runs that replace every prediction at once, audited once each.
#include <gtest/gtest.h>

#include "areas/retention/report_currency.h"
#include "support/shop_fixture.h"

namespace centric::retention {
namespace {

using ::centric::testing::BackendName;

class RetentionStoreContractTest : public ::centric::testing::ShopStoreTest {
 protected:
  RetentionStore& retention() { return stores_->retention(); }
};

TEST_P(RetentionStoreContractTest, OrderFactsFeedTheRetentionEngine) {
  Customer a = AddCustomer("A", "a");
  AddProduct("P", "Food", 100);
  auto line = OrderLine{.sku = "P", .quantity = 3, .unit_price_minor = 100, .amount_minor = 300};
  ASSERT_TRUE(orders_->CreateOrder(MakeOrder(a.id, "1", "2024-01-10T10:00:00Z", {line})));
  Order cancelled = MakeOrder(
      a.id, "C1", "2024-01-11T10:00:00Z",
      {OrderLine{.sku = "P", .quantity = -1, .unit_price_minor = 100, .amount_minor = -100}});
  cancelled.status = OrderStatus::kCancelled;
  ASSERT_TRUE(orders_->CreateOrder(cancelled));
  std::vector<OrderFact> facts;
  ASSERT_TRUE(retention().ScanOrderFacts([&](const OrderFact& f) { facts.push_back(f); }).ok());
  ASSERT_EQ(facts.size(), 2u);
  int64_t sum = 0;
  for (const auto& f : facts) {
    EXPECT_EQ(f.customer_id, a.id);
    sum += f.total_minor;
  }
  EXPECT_EQ(sum, 200);
}

TEST_P(RetentionStoreContractTest, AnalysisReplacesPredictionsAtomically) {
  Customer a = AddCustomer("A", "a");
  Customer b = AddCustomer("B", "b");
  EXPECT_EQ(retention().LatestAnalysis().error().code(), StatusCode::kNotFound);
  CustomerPrediction pa{.customer_id = a.id,
                        .frequency = 3,
                        .recency = 10,
                        .age = 20,
                        .monetary = 1234.5,
                        .p_alive = 0.875,
                        .expected_purchases = 1.25,
                        .expected_spend = 1300.25,
                        .clv = 5000.125,
                        .churn_risk = "low",
                        .rfm_r = 5,
                        .rfm_f = 4,
                        .rfm_m = 3,
                        .rfm_segment = "champions",
                        .tier = "high",
                        .service_level = "premium"};
  CustomerPrediction pb = pa;
  pb.customer_id = b.id;
  pb.tier = "low";
  AnalysisReport report;
  report.model = "bgnbd";
  report.params = {{"r", 0.25}, {"alpha", std::nullopt}};  // a parameter the data cannot give
  report.summary.currency = "EUR";
  report.rfm = RfmSection{.segments = {{"champions", 2}}};
  auto run = retention().SaveAnalysis(report, {pa, pb});
  ASSERT_TRUE(run) << run.error().ToString();
  auto got = retention().GetPrediction(a.id);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->run_id, *run);
  EXPECT_DOUBLE_EQ(got->p_alive, 0.875);
  EXPECT_DOUBLE_EQ(got->clv, 5000.125);
  EXPECT_EQ(got->rfm_segment, "champions");
  EXPECT_EQ(got->service_level, "premium");
  auto latest = retention().LatestAnalysis();
  ASSERT_TRUE(latest);
  EXPECT_EQ(latest->report.model, "bgnbd");
  ASSERT_EQ(latest->report.params.size(), 2u);
  EXPECT_EQ(latest->report.params[0].second, 0.25);
  EXPECT_FALSE(latest->report.params[1].second.has_value());
  EXPECT_EQ(latest->report.summary.currency, "EUR");
  ASSERT_TRUE(latest->report.rfm);
  EXPECT_EQ(latest->report.rfm->segments.at(0).second, 2);
  EXPECT_FALSE(latest->report.cohorts);  // a section the run did not have stays empty
  EXPECT_EQ(LatestCurrency(retention()), "EUR");

  // A run naming an unknown customer changes nothing.
  CustomerPrediction ghost = pa;
  ghost.customer_id = 99999;
  auto bad = retention().SaveAnalysis(AnalysisReport{.model = "pareto"}, {pa, ghost});
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code(), StatusCode::kNotFound);
  EXPECT_EQ(retention().GetPrediction(b.id)->run_id, *run);
  EXPECT_EQ(retention().LatestAnalysis()->id, *run);

  // A page's predictions in one call; unknown ids are left out.
  auto both = retention().GetPredictions({a.id, b.id, 9999});
  ASSERT_TRUE(both) << both.error().ToString();
  ASSERT_EQ(both->size(), 2u);
  EXPECT_EQ((*both)[0].customer_id + (*both)[1].customer_id, a.id + b.id);
  EXPECT_TRUE(retention().GetPredictions({})->empty());

  // The next run replaces every row.
  ASSERT_TRUE(retention().SaveAnalysis(AnalysisReport{.model = "pareto"}, {pb}));
  EXPECT_EQ(retention().GetPrediction(a.id).error().code(), StatusCode::kNotFound);
  ASSERT_EQ(retention().GetPredictions({a.id, b.id})->size(), 1u);
  // Each saved run is audited once; the refused one is not.
  EXPECT_EQ(AuditActions("retention_run"), (std::vector<std::string>{"analyze", "analyze"}));
  ASSERT_TRUE(store_->DeleteCustomer(b.id).ok());  // predictions follow their customer
  EXPECT_EQ(retention().GetPrediction(b.id).error().code(), StatusCode::kNotFound);
}

TEST_P(RetentionStoreContractTest, OrdersAreCountedByCurrencyMostFirst) {
  Customer a = AddCustomer("A", "a");
  AddProduct("P", "Food", 100);
  auto line = OrderLine{.sku = "P", .quantity = 1, .unit_price_minor = 100, .amount_minor = 100};
  EXPECT_TRUE(retention().OrderCurrencies()->empty());
  ASSERT_TRUE(orders_->CreateOrder(MakeOrder(a.id, "1", "2024-01-10T10:00:00Z", {line})));
  Order usd = MakeOrder(a.id, "2", "2024-01-11T10:00:00Z", {line});
  usd.currency = "USD";
  ASSERT_TRUE(orders_->CreateOrder(usd));
  ASSERT_TRUE(orders_->CreateOrder(MakeOrder(a.id, "3", "2024-01-12T10:00:00Z", {line})));
  auto currencies = retention().OrderCurrencies();
  ASSERT_TRUE(currencies);
  ASSERT_EQ(currencies->size(), 2u);
  EXPECT_EQ((*currencies)[0], (std::pair<std::string, int64_t>{"EUR", 2}));
  EXPECT_EQ((*currencies)[1], (std::pair<std::string, int64_t>{"USD", 1}));
}

INSTANTIATE_TEST_SUITE_P(Backends, RetentionStoreContractTest,
                         ::testing::ValuesIn(::centric::testing::TestBackends()), BackendName());

}  // namespace
}  // namespace centric::retention
