// SPDX-License-Identifier: Apache-2.0
#include "jobs/analyze.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "support/store_fixture.h"

namespace centric::jobs {
namespace {

using ::centric::testing::BackendName;
using ::centric::testing::BackendParam;

// A shop of 300 customers over a year, from 2024-01-01: each buys a first time in the first
// two months and then every 2 to 40 days until a per-customer stop day; some orders are
// cancellations (negative totals). Deterministic.
void FillShop(store::Store& store) {
  std::mt19937_64 rng(7);
  auto writer = store.BeginBulk();
  ASSERT_TRUE(writer);
  auto& w = **writer;
  Product p;
  p.name = "Widget";
  ProductId product = *w.EnsureProduct("W", p);
  const Timestamp start = *ParseIso8601("2024-01-01");
  for (int c = 0; c < 300; ++c) {
    CustomerId id = *w.EnsureCustomer("C" + std::to_string(c), Customer{.name = "n"});
    int day = static_cast<int>(rng() % 60);
    int stop = 30 + static_cast<int>(rng() % 330);
    int gap = 2 + static_cast<int>(rng() % 38);
    for (int k = 0; day < 366 && (k == 0 || day < stop); ++k) {
      Order o;
      o.customer_id = id;
      o.external_id = "I" + std::to_string(c) + "-" + std::to_string(k);
      o.ordered_at = start + std::chrono::days(day);
      int64_t amount = 1000 + static_cast<int64_t>(rng() % 5000);
      bool cancel = k > 0 && rng() % 20 == 0;  // never the first order: all 300 are buyers
      o.status = cancel ? OrderStatus::kCancelled : OrderStatus::kPlaced;
      o.lines.push_back(OrderLine{.product_id = product, .quantity = cancel ? -1 : 1,
                                  .unit_price_minor = amount, .amount_minor = cancel ? -amount : amount});
      RecomputeTotals(o);
      ASSERT_TRUE(w.UpsertOrder(o));
      day += gap + static_cast<int>(rng() % 5);
    }
  }
  ASSERT_TRUE(w.Commit().ok());
}

class AnalyzeStoreTest : public ::testing::TestWithParam<BackendParam> {};

TEST_P(AnalyzeStoreTest, SavesReportAndPredictionsForEveryBuyer) {
  CENTRIC_REQUIRE_BACKEND(GetParam().name);
  auto store = ::centric::testing::FreshStore(GetParam().name);
  ASSERT_NE(store, nullptr);
  FillShop(*store);
  auto as_of = *ParseIso8601("2024-10-31");
  auto holdout = *ParseIso8601("2024-12-31");
  auto result = AnalyzeStore(*store, {.as_of_day = DayOf(as_of), .period = analytics::clv::Period::kDay,
                                      .holdout_end_day = DayOf(holdout)});
  ASSERT_TRUE(result) << result.error().ToString();
  const auto& report = result->report;
  EXPECT_EQ(report.at("model").as_string(), "bgnbd");
  EXPECT_EQ(report.at("as_of").as_string(), "2024-10-31");
  EXPECT_EQ(report.at("customers").as_int64(), 300);
  for (const char* p : {"r", "alpha", "a", "b"}) {
    EXPECT_GT(report.at("params").at(p).as_double(), 0) << p;
  }
  EXPECT_TRUE(report.at("holdout").is_object());
  EXPECT_TRUE(report.at("spend").is_object());

  auto latest = store->LatestAnalysis();
  ASSERT_TRUE(latest);
  EXPECT_EQ(latest->id, report.at("run_id").as_int64());
  auto customer = store->GetCustomerByExternalId("C17");
  auto prediction = store->GetPrediction(customer->id);
  ASSERT_TRUE(prediction) << prediction.error().ToString();
  EXPECT_GE(prediction->p_alive, 0);
  EXPECT_LE(prediction->p_alive, 1);
  EXPECT_TRUE(std::isfinite(prediction->clv));
  EXPECT_EQ(store->Stats()->customers, 300);
}

TEST_P(AnalyzeStoreTest, AnEmptyStoreIsAClearError) {
  CENTRIC_REQUIRE_BACKEND(GetParam().name);
  auto store = ::centric::testing::FreshStore(GetParam().name);
  ASSERT_NE(store, nullptr);
  auto result = AnalyzeStore(*store, {});
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(store->LatestAnalysis().error().code(), StatusCode::kNotFound);
}

INSTANTIATE_TEST_SUITE_P(Backends, AnalyzeStoreTest,
                         ::testing::ValuesIn(::centric::testing::TestBackends()), BackendName());

}  // namespace
}  // namespace centric::jobs
