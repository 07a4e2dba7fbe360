// SPDX-License-Identifier: Apache-2.0
#include "jobs/analyze.h"

#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <random>

#include "areas/retention/analysis_report_json.h"
#include "ingest/bulk/bulk_writer.h"
#include "support/store_fixture.h"

namespace centric::jobs {
namespace {

using ::centric::testing::BackendName;
using ::centric::testing::BackendParam;

// A shop of 300 customers over a year, from 2024-01-01: each buys a first time in the first
// two months and then every 2 to 40 days until a per-customer stop day; some orders are
// cancellations (negative totals). Deterministic.
void FillShop(Stores& stores) {
  std::mt19937_64 rng(7);
  auto writer = ingest::BeginBulk(stores.connection());
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
      o.lines.push_back(OrderLine{.product_id = product,
                                  .quantity = cancel ? -1 : 1,
                                  .unit_price_minor = amount,
                                  .amount_minor = cancel ? -amount : amount});
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
  auto stores = ::centric::testing::FreshStores(GetParam().name);
  ASSERT_NE(stores, nullptr);
  customers::CustomerStore* store = &stores->customers();
  retention::RetentionStore* analyses = &stores->retention();
  ASSERT_NE(store, nullptr);
  FillShop(*stores);
  auto as_of = *ParseIso8601("2024-10-31");
  auto holdout = *ParseIso8601("2024-12-31");
  auto result = AnalyzeStore(*analyses, {.as_of_day = DayOf(as_of),
                                         .period = analytics::clv::Period::kDay,
                                         .holdout_end_day = DayOf(holdout)});
  ASSERT_TRUE(result) << result.error().ToString();
  // Read through the one encoding, as the API and `centric analyze --json` serve it.
  const boost::json::object report = retention::EncodeReport(result->result.report);
  EXPECT_EQ(report.at("model").as_string(), "bgnbd");
  EXPECT_EQ(report.at("as_of").as_string(), "2024-10-31");
  EXPECT_EQ(report.at("customers").as_int64(), 300);
  for (const char* p : {"r", "alpha", "a", "b"}) {
    EXPECT_GT(report.at("params").at(p).as_double(), 0) << p;
  }
  EXPECT_TRUE(report.at("holdout").is_object());
  EXPECT_TRUE(report.at("spend").is_object());
  EXPECT_GT(report.at("spend").at("params").at("gamma").as_double(), 0);

  auto latest = analyses->LatestAnalysis();
  ASSERT_TRUE(latest);
  EXPECT_EQ(latest->id, result->run_id);
  // What the store keeps reads back as the report saved, read from its text (the parser may
  // differ from the writer in a double's last bit, so both sides are read the same way).
  auto saved = retention::DecodeReport(boost::json::serialize(report));
  ASSERT_TRUE(saved) << saved.error().ToString();
  EXPECT_EQ(boost::json::serialize(retention::EncodeReport(latest->report)),
            boost::json::serialize(retention::EncodeReport(*saved)));
  auto customer = store->GetCustomerByExternalId("C17");
  auto prediction = analyses->GetPrediction(customer->id);
  ASSERT_TRUE(prediction) << prediction.error().ToString();
  EXPECT_GE(prediction->p_alive, 0);
  EXPECT_LE(prediction->p_alive, 1);
  EXPECT_TRUE(std::isfinite(prediction->clv));
  EXPECT_EQ(ingest::CountRows(stores->connection())->customers, 300);
}

// Every buyer gets an RFM segment, a churn band, a tier and its service level, and the
// report's sections count them consistently: 300 customers in the grid, the segments, the
// churn bands and the tiers; the default shares put 50 % / 35 % / 15 % in the tiers (ties
// move customers down, never up).
TEST_P(AnalyzeStoreTest, SegmentsEveryBuyerAndReportsTheSections) {
  CENTRIC_REQUIRE_BACKEND(GetParam().name);
  auto stores = ::centric::testing::FreshStores(GetParam().name);
  ASSERT_NE(stores, nullptr);
  customers::CustomerStore* store = &stores->customers();
  retention::RetentionStore* analyses = &stores->retention();
  ASSERT_NE(store, nullptr);
  FillShop(*stores);
  auto result = AnalyzeStore(*analyses, {.as_of_day = DayOf(*ParseIso8601("2024-12-31"))});
  ASSERT_TRUE(result) << result.error().ToString();
  const boost::json::object report = retention::EncodeReport(result->result.report);

  int64_t grid_total = 0;
  for (const auto& row : report.at("rfm").at("grid").as_array()) {
    for (const auto& cell : row.as_array()) grid_total += cell.as_int64();
  }
  EXPECT_EQ(grid_total, 300);
  int64_t segment_total = 0;
  for (const auto& [name, count] : report.at("rfm").at("segments").as_object()) {
    segment_total += count.as_int64();
  }
  EXPECT_EQ(segment_total, 300);
  // The recency cuts are dates within the shop's year, latest for the highest score (they once
  // came out as day counts printed as 1970 dates).
  std::string previous;
  for (const auto& cut : report.at("rfm").at("cuts").at("last_purchase_after").as_array()) {
    const std::string day(cut.as_string());
    EXPECT_GE(day, "2024-01-01");
    EXPECT_LE(day, "2024-12-31");
    EXPECT_GE(day, previous);
    previous = day;
  }
  int64_t churn_total = 0;
  for (const auto& [name, count] : report.at("churn_risk").at("counts").as_object()) {
    churn_total += count.as_int64();
  }
  EXPECT_EQ(churn_total, 300);
  std::map<std::string, int64_t> tier_count;
  for (const auto& t : report.at("tiers").at("tiers").as_array()) {
    tier_count[std::string(t.at("tier").as_string())] = t.at("customers").as_int64();
  }
  EXPECT_EQ(tier_count["low"] + tier_count["middle"] + tier_count["high"], 300);
  EXPECT_GE(tier_count["low"], 150);
  EXPECT_LE(tier_count["high"], 45);
  EXPECT_GT(tier_count["high"], 0);

  const auto& cohorts = report.at("cohorts").at("cohorts").as_array();
  ASSERT_EQ(cohorts.size(), 2u);  // first purchases fall in January and February 2024
  EXPECT_EQ(cohorts[0].at("month").as_string(), "2024-01");
  EXPECT_EQ(cohorts[0].at("retention").as_array()[0].as_double(), 1.0);
  EXPECT_EQ(cohorts[0].at("customers").as_int64() + cohorts[1].at("customers").as_int64(), 300);
  EXPECT_TRUE(report.at("new_vs_established").is_object());

  std::map<std::string, std::string> level_of_tier;
  for (const auto& row : result->rows) {
    EXPECT_GE(row.rfm_r, 1);
    EXPECT_LE(row.rfm_r, 5);
    EXPECT_FALSE(row.rfm_segment.empty());
    EXPECT_FALSE(row.churn_risk.empty());
    level_of_tier[row.tier] = row.service_level;
  }
  EXPECT_EQ(level_of_tier["low"], "bargain");
  EXPECT_EQ(level_of_tier["middle"], "standard");
  EXPECT_EQ(level_of_tier["high"], "premium");
  auto saved = analyses->GetPrediction(result->rows[0].customer_id);
  ASSERT_TRUE(saved);
  EXPECT_EQ(saved->tier, result->rows[0].tier);
  EXPECT_EQ(saved->service_level, result->rows[0].service_level);
  EXPECT_EQ(saved->rfm_segment, result->rows[0].rfm_segment);
}

TEST_P(AnalyzeStoreTest, RefreshReusesTheOptionsOfTheLatestRun) {
  CENTRIC_REQUIRE_BACKEND(GetParam().name);
  auto stores = ::centric::testing::FreshStores(GetParam().name);
  ASSERT_NE(stores, nullptr);
  customers::CustomerStore* store = &stores->customers();
  retention::RetentionStore* analyses = &stores->retention();
  ASSERT_NE(store, nullptr);
  auto nothing = RefreshStoreAnalysis(*analyses);
  ASSERT_TRUE(nothing) << nothing.error().ToString();
  EXPECT_FALSE(nothing->has_value());  // never analysed: nothing to refresh

  FillShop(*stores);
  AnalyzeOptions options;
  options.period = analytics::clv::Period::kDay;
  options.horizon_months = 6;
  options.segments.tiers.absolute = analytics::segments::TierCuts{1000.0, 500000.0};
  auto first = AnalyzeStore(*analyses, options);
  ASSERT_TRUE(first) << first.error().ToString();

  auto refreshed = RefreshStoreAnalysis(*analyses);
  ASSERT_TRUE(refreshed) << refreshed.error().ToString();
  ASSERT_TRUE(refreshed->has_value());
  const boost::json::object report = retention::EncodeReport((*refreshed)->result.report);
  EXPECT_GT((*refreshed)->run_id, first->run_id);
  EXPECT_EQ(report.at("period").as_string(), "day");
  EXPECT_EQ(report.at("options").at("horizon_months").as_int64(), 6);
  EXPECT_EQ(report.at("tiers").at("cuts_minor").at("high_above").as_double(), 500000.0);
  EXPECT_EQ(analyses->LatestAnalysis()->id, (*refreshed)->run_id);
}

TEST_P(AnalyzeStoreTest, AnEmptyStoreIsAClearError) {
  CENTRIC_REQUIRE_BACKEND(GetParam().name);
  auto stores = ::centric::testing::FreshStores(GetParam().name);
  ASSERT_NE(stores, nullptr);
  customers::CustomerStore* store = &stores->customers();
  retention::RetentionStore* analyses = &stores->retention();
  ASSERT_NE(store, nullptr);
  auto result = AnalyzeStore(*analyses, {});
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(analyses->LatestAnalysis().error().code(), StatusCode::kNotFound);
}

INSTANTIATE_TEST_SUITE_P(Backends, AnalyzeStoreTest,
                         ::testing::ValuesIn(::centric::testing::TestBackends()), BackendName());

}  // namespace
}  // namespace centric::jobs
